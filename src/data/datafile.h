/* Data files of templates/ (thresholds, requirements catalogue): read from
 * the PO's --templates folder or the built-in copy, parsed safely and checked
 * against their schema. Any problem in them is the template's (TP_ETEMPLATE,
 * exit 4), named by where the file came from. */
#ifndef TP_DATAFILE_H
#define TP_DATAFILE_H

#include <libxml/tree.h>

#include "../core/buf.h"
#include "../core/err.h"

/* Loads resource ("templates/thresholds.xml") into out; *name (caller frees)
 * is where it came from, for messages. */
tp_err tp_datafile_read(tp_buf *out, char **name, const char *resource, tp_diags *d);

/* Parses data and validates it against schemas/<schema>. */
tp_err tp_datafile_parse(xmlDocPtr *out, const char *data, size_t len, const char *name,
                         const char *schema, tp_diags *d);

#endif
