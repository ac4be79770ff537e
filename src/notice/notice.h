/* The eForms contract notice (issue 4): tender XML → UBL ContractNotice of
 * subtype 16 (cn-standard, Directive 2014/24/EU) or E3 (voluntary notice
 * under national law), written by templates/notice/eforms-cn.xsl and checked
 * against the bundled eForms XSD before anything is returned. Same tender,
 * same bytes: ids derive from the buyer and reference, dates from the tender
 * (never the clock). Mapping and limits: docs/NOTICE.md. */
#ifndef TP_NOTICE_H
#define TP_NOTICE_H

#include <libxml/tree.h>

#include "../core/buf.h"
#include "../core/err.h"

typedef enum tp_notice_subtype {
    TP_NOTICE_NONE = 0, /* the procedure is not published: no notice */
    TP_NOTICE_16,       /* estimate at or above the EU threshold */
    TP_NOTICE_E3,       /* published procedure below it */
} tp_notice_subtype;

/* The bundled schema notices are checked against (a path under schemas/). */
#define TP_NOTICE_XSD "eforms/maindoc/UBL-ContractNotice-2.3.xsd"

/* "16", "E3"; NULL for TP_NOTICE_NONE or an unknown value. */
const char *tp_notice_subtype_code(int subtype);
/* "16" or "E3" → *out; TP_EUSAGE (and a diagnostic) for anything else. */
tp_err tp_notice_subtype_parse(int *out, const char *code, tp_diags *d);

/* Which notice the tender needs: TP_NOTICE_NONE for unpublished procedures
 * (procedure/@publication = none), else 16 at or above the EU threshold
 * (procedure/@aboveEuThreshold) and E3 below it. force_subtype (NULL, "16"
 * or "E3") overrides the choice for a published procedure (a warning when
 * E3 is forced above the threshold); forcing one on an unpublished procedure
 * is TP_EINVALID. tender must be valid against schemas/tender.xsd. */
tp_err tp_notice_choose(int *subtype_out, xmlDocPtr tender, const char *force_subtype,
                        tp_diags *d);

/* Why there is no notice, in French for the pack's README ("Procédure
 * négociée sans publication préalable (…) : aucun avis de marché…"); NULL
 * when the procedure is published. Caller frees. */
char *tp_notice_not_published_reason(xmlDocPtr tender);

/* Builds the notice of tender_xml into out (appended; UTF-8, indented).
 * Checks the tender against schemas/tender.xsd first (TP_EINVALID with every
 * problem in d) and the notice against the eForms XSD last (TP_ETEMPLATE:
 * the template produced an invalid notice). For an unpublished procedure it
 * returns TP_OK with *subtype_out = TP_NOTICE_NONE and out untouched. On any
 * error out is untouched and *subtype_out is TP_NOTICE_NONE. Diagnostics
 * about the tender name tender_xml->URL (or "<tender>"). */
tp_err tp_notice_build(tp_buf *out, int *subtype_out, xmlDocPtr tender_xml,
                       const char *force_subtype /* NULL, "16" or "E3" */, tp_diags *d);

/* As tp_notice_build, for a tender the caller has just written and checked
 * against schemas/tender.xsd itself (tp_engine_tender_xml): skips that check. */
tp_err tp_notice_build_checked(tp_buf *out, int *subtype_out, xmlDocPtr tender_xml,
                               tp_diags *d);

/* Compiles the notice template once per process (the eForms XSD is
 * tp_xsd_preload(TP_NOTICE_XSD)): before forking workers. */
tp_err tp_notice_preload(tp_diags *d);

#endif
