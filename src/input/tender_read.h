/* Reads a tender XML (schemas/tender.xsd, written by `tenderpack tender`)
 * back into a tp_tender, for bid evaluation. The document is validated
 * against the schema first (every problem as a diagnostic), then mapped.
 * The tender's profile pointer is set to a partial profile rebuilt from what
 * the tender repeats about the buyer (reference, name, BCE, FASE, contact,
 * signatory); schools are not rebuilt (n_schools = 0, PO totals kept). */
#ifndef TP_TENDER_READ_H
#define TP_TENDER_READ_H

#include <libxml/tree.h>
#include <stddef.h>

#include "../core/err.h"
#include "../model/profile.h"
#include "../model/tender.h"

/* Reads path ("-" = stdin). On success the caller owns both results: free
 * the tender first (it borrows the profile). On failure both are NULL:
 * TP_EIO, TP_ELIMIT, TP_EPARSE, TP_EINVALID (schema or an unsupported value). */
tp_err tp_tender_read(tp_tender **tender, tp_profile **profile, const char *path, tp_diags *d);

tp_err tp_tender_parse(tp_tender **tender, tp_profile **profile, const char *data, size_t len,
                       const char *display_name, tp_diags *d);

/* From a document already parsed with tp_xml_parse (validated here). */
tp_err tp_tender_from_doc(tp_tender **tender, tp_profile **profile, xmlDocPtr doc,
                          const char *display_name, tp_diags *d);

#endif
