/* A pre-filled bid for suppliers (schemas/bid.xsd): the tender reference,
 * the lot, every requirement and scored-criterion id with its unit, the
 * price lines and options at the tender's quantities; the values, prices and
 * supplier fields are left empty, each explained by a French comment. */
#ifndef TP_BID_TEMPLATE_H
#define TP_BID_TEMPLATE_H

#include <libxml/tree.h>

#include "../core/buf.h"
#include "../core/err.h"

/* tender_xml is a parsed tender (tp_xml_parse); it is validated against
 * tender.xsd here. Appends the template of lot lot_number to out.
 * TP_EINVALID when the tender is not valid, TP_EUSAGE when it has no such lot. */
tp_err tp_bid_template(tp_buf *out, xmlDocPtr tender_xml, int lot_number, tp_diags *d);

#endif
