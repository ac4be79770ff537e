/* The evaluation written out: XML (schemas/evaluation.xsd, namespace
 * urn:tenderpack:evaluation:1, shaped for an XSLT report: per lot, offers
 * in rank order with their scores and findings), and a table for people as
 * text or CSV. All deterministic: the same inputs give the same bytes. */
#ifndef TP_EVAL_XML_H
#define TP_EVAL_XML_H

#include "../core/buf.h"
#include "../core/err.h"
#include "eval.h"

#define TP_EVAL_XML_NS "urn:tenderpack:evaluation:1"

/* ev must be finished (tp_evaluation_finish). TP_EIO when the sink fails. */
tp_err tp_evaluation_write_xml(const tp_evaluation *ev, tp_sink *out);
tp_err tp_evaluation_write_text(const tp_evaluation *ev, tp_sink *out);
tp_err tp_evaluation_write_csv(const tp_evaluation *ev, tp_sink *out);

/* For tests and benchmarks, process-wide: runs of at least min_items items
 * (bids, a lot's offers) are written by two threads, in blocks of block
 * items (0: the defaults, 2048 and 256; SIZE_MAX: never). */
void tp_eval_xml_parallel(size_t min_items, size_t block);

/* Appends s[0..n) escaped exactly as tp_xmlw_textn does (the writer's own
 * copy: table-driven, no call per run); exposed for its unit test. */
void tp_eval_xml_escape(tp_buf *b, const char *s, size_t n);

#endif
