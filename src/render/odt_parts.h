/* Internal to the ODT renderer: the package parts other than content.xml
 * (odt_styles.c), and the names content.xml refers to. */
#ifndef TP_ODT_PARTS_H
#define TP_ODT_PARTS_H

#include "../core/buf.h"
#include "../doc/doc.h"
#include "render.h"

#define TP_ODT_MIME "application/vnd.oasis.opendocument.text"

/* Page geometry shared by styles.xml (page layout) and content.xml (table
 * widths): A4 with 2 cm side margins, lengths in 1/1000 cm. */
#define TP_ODT_TEXT_WIDTH_MCM 17000

/* The namespace declarations and office:version of every ODF part root. */
extern const char tp_odt_namespaces[];

void tp_odt_styles_xml(tp_buf *out, const tp_doc *doc);
void tp_odt_meta_xml(tp_buf *out, const tp_doc *doc, const tp_render_opts *opts);
void tp_odt_settings_xml(tp_buf *out);
void tp_odt_manifest_xml(tp_buf *out);

#endif
