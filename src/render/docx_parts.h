/* Internal to the DOCX renderer: the package parts other than
 * word/document.xml (docx_parts.c), and the names document.xml refers to. */
#ifndef TP_DOCX_PARTS_H
#define TP_DOCX_PARTS_H

#include <stdbool.h>

#include "../core/buf.h"
#include "../doc/doc.h"
#include "render.h"

#define TP_DOCX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define TP_DOCX_NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* A4 portrait, 2 cm side margins, in twentieths of a point. */
#define TP_DOCX_PAGE_W 11906
#define TP_DOCX_PAGE_H 16838
#define TP_DOCX_MARGIN 1134
#define TP_DOCX_TEXT_WIDTH (TP_DOCX_PAGE_W - 2 * TP_DOCX_MARGIN)

/* Relationship ids of word/_rels/document.xml.rels. */
#define TP_DOCX_RID_HEADER "rId4"
#define TP_DOCX_RID_FOOTER "rId5"

/* Numbering instances: every bullet list shares one; each ordered list has
 * its own, numbered from TP_DOCX_NUM_FIRST_ORDERED, so it restarts at 1. */
#define TP_DOCX_NUM_BULLET 1
#define TP_DOCX_NUM_FIRST_ORDERED 2

void tp_docx_content_types(tp_buf *out, bool has_header);
void tp_docx_package_rels(tp_buf *out);
void tp_docx_document_rels(tp_buf *out, bool has_header);
void tp_docx_styles(tp_buf *out, const tp_doc *doc);
void tp_docx_numbering(tp_buf *out, int ordered_lists);
void tp_docx_settings(tp_buf *out);
void tp_docx_header(tp_buf *out, const tp_doc *doc);
void tp_docx_footer(tp_buf *out, const tp_doc *doc);
void tp_docx_core(tp_buf *out, const tp_doc *doc, const tp_render_opts *opts);
void tp_docx_app(tp_buf *out);

#endif
