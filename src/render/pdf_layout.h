/* PDF layout, kept apart from drawing so it can be tested without libharu:
 *   1. inline content -> CP1252 runs (tp_pdf_store_inline),
 *   2. runs -> lines, greedy, justified (tp_pdf_break_lines),
 *   3. the document -> a flow of unbreakable boxes (tp_pdf_layout_doc),
 *   4. boxes -> pages, honouring keep-with-next and repeating table header
 *      rows (tp_pdf_paginate).
 * Units are PDF points (1/72 inch); y grows downwards from the top of the
 * body area. Font widths come from a table (1/1000 em per CP1252 byte), which
 * is exactly how libharu measures simple TrueType fonts. */
#ifndef TP_PDF_LAYOUT_H
#define TP_PDF_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../doc/doc.h"

enum { TP_STYLE_BOLD = 1, TP_STYLE_ITALIC = 2, TP_STYLE_COUNT = 4 };

typedef struct tp_pdf_metrics {
    uint16_t width[TP_STYLE_COUNT][256]; /* advance per CP1252 byte, 1/1000 em */
} tp_pdf_metrics;

/* Width in points of bytes[0..len) in a style and size. */
double tp_pdf_text_width(const tp_pdf_metrics *m, int style, const char *bytes, size_t len,
                         double size);

/* A run of one style inside a block's text, or a forced line break. */
typedef struct tp_pdf_run {
    uint32_t off, len; /* into store->bytes */
    uint8_t style;
    bool is_break;
} tp_pdf_run;

/* A piece of a line in one style, drawn at x (relative to the line start). */
typedef struct tp_pdf_span {
    uint32_t off, len; /* into store->bytes; may contain spaces (0x20) */
    float x;
    uint8_t style;
} tp_pdf_span;

typedef struct tp_pdf_line {
    uint32_t span0, nspans;
    float width;      /* natural width, without justification */
    float x;          /* shift for center/right alignment */
    float word_space; /* extra width per space (0x20), for justification: PDF Tw */
} tp_pdf_line;

/* Every byte, run, span and line of a layout, in flat arrays (indices stay
 * valid while the arrays grow). Records are small on purpose: on a cold
 * process, touching memory costs more than the arithmetic. */
typedef struct tp_pdf_store {
    tp_buf bytes;
    tp_pdf_run *runs;
    size_t nruns, runs_cap;
    tp_pdf_span *spans;
    size_t nspans, spans_cap;
    tp_pdf_line *lines;
    size_t nlines, lines_cap;
    size_t replaced; /* characters that needed a fallback (pdf_text.h) */
    void *atoms;     /* scratch of tp_pdf_break_lines */
    size_t atoms_cap;
} tp_pdf_store;

void tp_pdf_store_init(tp_pdf_store *s);
void tp_pdf_store_dispose(tp_pdf_store *s);

/* Encodes the inline content of n (TEXT, EMPH, STRONG, BREAK children) as
 * runs appended to s->runs starting at *run0; returns the run count. */
size_t tp_pdf_store_inline(tp_pdf_store *s, size_t *run0, const tp_node *n, int base_style);
/* Same for one UTF-8 string in one style. */
size_t tp_pdf_store_string(tp_pdf_store *s, size_t *run0, const char *utf8, int style);

/* Breaks runs [run0, run0+nruns) into lines at most `width` wide: greedy at
 * spaces, words wider than a line cut between characters. Justified lines
 * get word_space so they fill the width, except the last line and lines
 * ended by a forced break. Appends to s->lines; returns the line count (>= 1). */
size_t tp_pdf_break_lines(tp_pdf_store *s, size_t *line0, size_t run0, size_t nruns,
                          const tp_pdf_metrics *m, double size, double width, tp_align align);

/* ---------------------------------------------------------------- flow */

typedef enum tp_pdf_box_kind {
    TP_BOX_LINES,     /* one or more text lines (a paragraph line, a heading, a list item line) */
    TP_BOX_ROW,       /* a table row (or a piece of a row taller than a page) */
    TP_BOX_SPACE,     /* fixed vertical space, kept even at the top of a page */
    TP_BOX_PAGEBREAK, /* next box starts a new page */
} tp_pdf_box_kind;

typedef struct tp_pdf_cell {
    float x, width;         /* relative to the body's left edge */
    uint32_t line0, nlines; /* text lines, already aligned within width - 2 * padding */
    uint8_t shade;          /* 0 none, else gray level (0..255) of the background */
} tp_pdf_cell;

typedef struct tp_pdf_box {
    uint8_t kind;         /* tp_pdf_box_kind */
    bool keep_with_next;
    bool head_row;        /* ROW: repeated at the top of every page the table continues on */
    float height;         /* of the content */
    float gap_before;     /* space above; dropped at the top of a page (not for SPACE) */
    /* LINES */
    float x;              /* left edge of the lines, relative to the body's left edge */
    float size, leading;
    float marker_x;
    uint32_t line0, nlines;
    int32_t marker_line;  /* -1, or a line (bullet, number) drawn at marker_x on the first line */
    int32_t heading;      /* -1, or the heading (index in layout->headings) this box starts */
    int32_t toc_entry;    /* -1, or the heading whose page number this TOC line shows */
    /* ROW */
    int32_t table;        /* -1, or the table (index in layout->tables) */
    uint32_t cell0, ncells; /* into layout->cells */
    float row_size, row_leading, padding;
} tp_pdf_box;

typedef struct tp_pdf_table_info {
    size_t first_box, head_count; /* the head rows: boxes first_box .. first_box+head_count-1 */
} tp_pdf_table_info;

typedef struct tp_pdf_heading {
    const tp_node *node; /* SECTION or ANNEX */
    char *label;         /* UTF-8: "1.2 Titre", "Annexe A – Titre" (bookmarks) */
    int level;
    int page;            /* 0-based page, after pagination */
    double y;            /* top of the heading box on that page */
} tp_pdf_heading;

/* A box placed on a page: its top at y (from the top of the body area). */
typedef struct tp_pdf_place {
    uint32_t box;
    float y;
} tp_pdf_place;

typedef struct tp_pdf_pages {
    tp_pdf_place *places;
    size_t nplaces, places_cap;
    size_t *first; /* page p holds places first[p] .. first[p+1]-1 */
    size_t npages, first_cap;
} tp_pdf_pages;

/* Pages geometry and type sizes. */
typedef struct tp_pdf_geometry {
    double page_w, page_h;
    double margin_left, margin_right;
    double body_top, body_bottom; /* from the bottom edge: the body spans [body_bottom, body_top] */
} tp_pdf_geometry;

void tp_pdf_geometry_a4(tp_pdf_geometry *g);

typedef struct tp_pdf_layout {
    tp_pdf_store store;
    tp_pdf_box *boxes;
    size_t nboxes, boxes_cap;
    tp_pdf_cell *cells;
    size_t ncells, cells_cap;
    tp_pdf_table_info *tables;
    size_t ntables, tables_cap;
    tp_pdf_heading *headings;
    size_t nheadings, headings_cap;
    tp_pdf_pages pages;
    bool has_cover; /* page 0 is the cover: no running header or footer */
    double body_width, body_height;
} tp_pdf_layout;

void tp_pdf_layout_init(tp_pdf_layout *L);
void tp_pdf_layout_dispose(tp_pdf_layout *L);

/* Appends a box (zeroed except kind, with marker_line/heading/toc_entry/table = -1). */
tp_pdf_box *tp_pdf_layout_add_box(tp_pdf_layout *L, tp_pdf_box_kind kind);

/* Registers a table whose head rows are boxes first_box .. first_box+head_count-1;
 * returns its index (for tp_pdf_box.table). */
long tp_pdf_layout_add_table(tp_pdf_layout *L, size_t first_box, size_t head_count);

/* Makes room for index `need` in *v (doubling; unlike tp_grow the new room is
 * not zeroed, so pages nobody writes are never touched). */
void tp_pdf_grow(void **v, size_t *cap, size_t need, size_t elem);

/* Lays the whole document out and paginates it (cover, TOC, sections,
 * annexes), filling headings[].page/y. The TOC reserves a fixed column for
 * page numbers, so its length never depends on them: one pass is enough. */
void tp_pdf_layout_doc(tp_pdf_layout *L, const tp_doc *doc, const tp_pdf_metrics *m,
                       const tp_pdf_geometry *g);

/* Places L->boxes on pages of body height L->body_height (replacing
 * L->pages): greedy; a chain of keep_with_next boxes moves to the next page
 * as a whole when it does not fit (and fits on an empty page); the gap of the
 * first box on a page is dropped; a table's head rows are repeated before
 * its rows continuing on a new page. Fills headings[].page/y. */
void tp_pdf_paginate(tp_pdf_layout *L);

#endif
