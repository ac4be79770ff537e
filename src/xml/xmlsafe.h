/* The only way tenderpack parses XML: no network, no DTD (a document type
 * declaration is refused at once, which stops entity bombs and external
 * entities), bounded size and depth, line numbers kept. And XSD validation
 * against a bundled schema compiled once per process. */
#ifndef TP_XMLSAFE_H
#define TP_XMLSAFE_H

#include <libxml/tree.h>
#include <stddef.h>

#include "../core/err.h"

#define TP_XML_MAX_BYTES (16u * 1024u * 1024u) /* 16 MiB per document */
#define TP_XML_MAX_DEPTH 64

/* Parses data (len bytes). filename is used in messages only.
 * On error *out is NULL, diagnostics name the file and line. */
tp_err tp_xml_parse(xmlDocPtr *out, const char *data, size_t len, const char *filename,
                    tp_diags *d);

/* Reads path ("-" = stdin, at most TP_XML_MAX_BYTES) and parses it. */
tp_err tp_xml_read(xmlDocPtr *out, const char *path, tp_diags *d);

/* Validates doc against a bundled schema, e.g. "school-profile.xsd" or
 * "eforms/maindoc/UBL-ContractNotice-2.3.xsd" (a path under schemas/). A
 * schema may span several bundled files: its xs:import/xs:include
 * schemaLocations resolve, relative to it, to other files under schemas/
 * (never the network or the filesystem). Each schema is compiled once per
 * process. Every schema error becomes a diagnostic with its line. Returns
 * TP_EINVALID when the document is not valid. */
tp_err tp_xsd_validate(xmlDocPtr doc, const char *schema_name, const char *filename,
                       tp_diags *d);

/* Compiles a bundled schema now (it is cached as by tp_xsd_validate), so a
 * batch pays for it up front and its cost can be measured apart. */
tp_err tp_xsd_preload(const char *schema_name, tp_diags *d);

/* Helpers for readers. All return borrowed or freshly xstrdup'd C strings. */
/* First child element of parent with that local name, or NULL. */
xmlNodePtr tp_xml_child(xmlNodePtr parent, const char *name);
/* Next sibling element after node with that local name, or NULL. */
xmlNodePtr tp_xml_next(xmlNodePtr node, const char *name);
/* Text content, whitespace-trimmed, caller frees (xmalloc'd); NULL if node NULL. */
char *tp_xml_text(xmlNodePtr node);
/* Attribute value, trimmed, caller frees; NULL when absent. */
char *tp_xml_attr(xmlNodePtr node, const char *name);
int tp_xml_line(xmlNodePtr node);

/* Frees the cached compiled schemas (at exit; optional). */
void tp_xml_cleanup(void);

#endif
