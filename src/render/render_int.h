/* Internal to src/render/: helpers the ODT and DOCX writers share, so that
 * both print the same heading labels, table of contents and language. */
#ifndef TP_RENDER_INT_H
#define TP_RENDER_INT_H

#include <stddef.h>

#include "../core/buf.h"
#include "../doc/doc.h"

/* The visible label before a heading's text: "1.2 " for a section,
 * "Annexe A — " for an annex, "" otherwise. */
void tp_render_heading_label(tp_buf *b, const tp_node *heading);

/* One table-of-contents line per section or annex heading, in document order
 * (the order in which an ENTER/EXIT walk meets the headings). */
typedef struct tp_toc_entry {
    const tp_node *heading;
    int level;          /* 1..3 (annexes: 1) */
    const char *anchor; /* the section's id (borrowed), NULL when it has none */
    char *text;         /* label + plain text of the heading */
} tp_toc_entry;

size_t tp_toc_collect(const tp_doc *doc, tp_toc_entry **out);
void tp_toc_free(tp_toc_entry *v, size_t n); /* NULL-safe */

/* True for a heading that gets a TOC entry: the HEADING of a SECTION or ANNEX. */
int tp_heading_level(const tp_node *heading); /* 1..3, 0 when not in the TOC */

/* Language of doc->lang ("fr", "fr-BE", "nl") as ISO 639 + ISO 3166 parts;
 * the country defaults to BE (documents of the Fédération Wallonie-Bruxelles). */
void tp_render_lang(const tp_doc *doc, char lang[4], char country[4]);

/* Appends n in decimal: for the hot paths of the writers, where
 * tp_buf_printf (vsnprintf, twice) cost more than the XML itself. */
void tp_render_put_uint(tp_buf *b, unsigned long long n);

/* French label of the table of contents. */
#define TP_TOC_TITLE "Table des matières"

#endif
