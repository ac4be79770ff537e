/* The evaluation report (rapport d'évaluation des offres, for the
 * procurement officer and the PO's deciding body): the evaluation XML
 * (schemas/evaluation.xsd) through templates/report/report.xsl into the
 * document tree, then every renderer (PDF, ODT, DOCX). */
#ifndef TP_REPORT_H
#define TP_REPORT_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/err.h"
#include "../doc/doc.h"

#define TP_REPORT_TEMPLATE "report/report.xsl"
#define TP_REPORT_BASENAME "rapport-evaluation" /* + tp_renderers[i].extension */

/* Builds the report's document tree from the evaluation XML. date
 * (YYYY-MM-DD) is the report's date; NULL takes the deadline's day. */
tp_err tp_report_doc(tp_doc **out, xmlDocPtr evaluation, const char *date, tp_diags *d);

/* Renders doc with every renderer: outs[i] (n >= tp_renderer_count, each
 * initialised) gets tp_renderers[i]'s bytes. reference names the tender (for
 * the files' stable ids); epoch is their creation time in metadata. */
tp_err tp_report_render(tp_buf *outs, size_t n, const tp_doc *doc, const char *reference,
                        int64_t epoch, tp_diags *d);

/* The report's time: SOURCE_DATE_EPOCH when sep is a number of seconds,
 * else the day of deadline (YYYY-MM-DD…) at 00:00 UTC; and that day as
 * YYYY-MM-DD into date. Returns false when sep is set but not a number. */
bool tp_report_epoch(int64_t *epoch, char date[11], const char *sep, const char *deadline);

#endif
