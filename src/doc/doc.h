/* The document tree: one small presentation vocabulary (schemas/document.xsd,
 * namespace urn:tenderpack:document:1) that XSLT templates produce from the
 * tender XML, and that every renderer (PDF, ODT, DOCX) prints. Renderers read
 * only this tree: wording lives in templates/, layout in src/render/. */
#ifndef TP_DOC_H
#define TP_DOC_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "../core/date.h"
#include "../core/err.h"

typedef enum tp_node_type {
    TP_NODE_DOCUMENT,   /* root */
    TP_NODE_COVER,      /* cover page: TITLE, SUBTITLE, FIELD children */
    TP_NODE_TITLE,      /* inline children */
    TP_NODE_SUBTITLE,   /* inline children */
    TP_NODE_FIELD,      /* cover field: label attr + inline children */
    TP_NODE_TOC,        /* table of contents marker (renderers fill it) */
    TP_NODE_SECTION,    /* numbered section (level 1..3): HEADING then blocks */
    TP_NODE_ANNEX,      /* annex (level 1, lettered A, B, …): HEADING then blocks */
    TP_NODE_HEADING,    /* inline children; number filled by the loader */
    TP_NODE_PARA,       /* inline children; align */
    TP_NODE_LIST,       /* ordered or not; ITEM children */
    TP_NODE_ITEM,       /* inline children */
    TP_NODE_TABLE,      /* ncols, widths (percent); ROW children */
    TP_NODE_ROW,        /* row_kind head/body/foot; CELL children */
    TP_NODE_CELL,       /* inline children; align, colspan */
    TP_NODE_PAGEBREAK,
    TP_NODE_TEXT,       /* leaf: text (UTF-8) */
    TP_NODE_EMPH,       /* inline container: italic */
    TP_NODE_STRONG,     /* inline container: bold */
    TP_NODE_BREAK,      /* line break inside a block */
    TP_NODE_TYPE_COUNT
} tp_node_type;

typedef enum tp_align { TP_ALIGN_DEFAULT, TP_ALIGN_LEFT, TP_ALIGN_CENTER, TP_ALIGN_RIGHT,
                        TP_ALIGN_JUSTIFY } tp_align;
typedef enum tp_row_kind { TP_ROW_BODY, TP_ROW_HEAD, TP_ROW_FOOT } tp_row_kind;

typedef struct tp_node tp_node;
struct tp_node {
    tp_node_type type;
    tp_node *parent, *first, *last, *next, *prev;
    char *text;      /* TEXT: content; FIELD: label */
    char *number;    /* SECTION/ANNEX/HEADING: "1", "1.2", "A" (filled by tp_doc_number) */
    char *id;        /* SECTION/ANNEX: stable anchor id, e.g. "s1-2" or from the XML id attr */
    int level;       /* SECTION/HEADING: 1..3; ANNEX: 1 */
    bool ordered;    /* LIST */
    tp_align align;  /* PARA, CELL */
    tp_row_kind row_kind; /* ROW */
    int colspan;     /* CELL: >= 1 */
    int ncols;       /* TABLE */
    int *widths;     /* TABLE: ncols percentages summing to 100 */
    bool keep_together; /* TABLE: do not split across pages when it fits on one */
};

typedef struct tp_doc {
    tp_node *root;
    char *lang;      /* "fr" */
    char *title, *subject, *author, *keywords;
    tp_date date;    /* document date (metadata); from the tender, never the clock */
    char *header;    /* running header text (may be NULL) */
    char *footer;    /* running footer text before "Page X / Y" (may be NULL) */
} tp_doc;

/* Builds the tree from a document-vocabulary XML (validated against
 * schemas/document.xsd first), then numbers sections. */
tp_err tp_doc_from_xml(tp_doc **out, xmlDocPtr xml, const char *name, tp_diags *d);
void tp_doc_free(tp_doc *doc); /* NULL-safe */

/* Builder API (tests and generated content). Nodes are owned by the doc tree. */
tp_doc *tp_doc_new(void);
tp_node *tp_node_new(tp_node_type type);
tp_node *tp_node_append(tp_node *parent, tp_node *child); /* returns child; asserts containment */
tp_node *tp_node_add_text(tp_node *parent, const char *utf8);
bool tp_node_can_contain(tp_node_type parent, tp_node_type child);
/* Fills number/id of SECTION, ANNEX and their HEADING (1, 1.1, 1.1.1; A, B). */
void tp_doc_number(tp_doc *doc);

/* Plain text of a node's inline content (caller frees). */
char *tp_node_plain_text(const tp_node *n);

/* ENTER/EXIT iterator (cmark style). Leaves (TEXT, BREAK, PAGEBREAK, TOC) give
 * ENTER only. */
typedef enum tp_event { TP_EV_DONE, TP_EV_ENTER, TP_EV_EXIT } tp_event;
typedef struct tp_iter {
    const tp_node *root, *cur;
    tp_event ev;
} tp_iter;
void tp_iter_init(tp_iter *it, const tp_node *root);
tp_event tp_iter_next(tp_iter *it);
const tp_node *tp_iter_node(const tp_iter *it);
bool tp_node_is_leaf(tp_node_type t);

#endif
