/* The tender as XML (namespace urn:tenderpack:tender:1, schemas/tender.xsd,
 * described field by field in docs/TENDER.md): the contract every later
 * stage reads — the document templates and the eForms notice (XSLT over it)
 * and bid evaluation (read back in C). */
#ifndef TP_TENDER_XML_H
#define TP_TENDER_XML_H

#include "../core/buf.h"
#include "../core/err.h"
#include "../model/tender.h"

#define TP_TENDER_XML_NS "urn:tenderpack:tender:1"
#define TP_TENDER_XML_VERSION "1"

/* Writes the whole tender as UTF-8 XML to out: 2-space indented and
 * deterministic (same tender, same bytes). The document is built in memory
 * first, so nothing reaches out unless it is complete.
 * Returns TP_EINTERNAL when the tender breaks an invariant of the derivation
 * (a required text missing, an unknown enum value, an invalid date),
 * TP_EIO when the sink fails, else TP_OK. */
tp_err tp_tender_write_xml(const tp_tender *t, tp_sink *out);

/* Codes of the enums tender.h and profile.h have no table for (the XML
 * spellings): NULL when out of range; from_code returns -1 when unknown. */
const char *tp_score_kind_code(tp_score_kind k);  /* "linear" "yesno" */
int tp_score_kind_from_code(const char *s);
const char *tp_formula_code(tp_formula f);        /* "price-ratio" "technical-points" "linear" */
int tp_formula_from_code(const char *s);
const char *tp_authority_code(tp_authority a);    /* "sub-central" "central" */
int tp_authority_from_code(const char *s);

#endif
