/* The document tree -> a flow of boxes (pdf_layout.h): type sizes, spacing,
 * indents and keep rules of the PDF live here, drawing lives in pdf.c. */
#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "pdf_layout.h"
#include "render_int.h"

#define MM(x) ((x) * 72.0 / 25.4)

/* Body text */
#define BODY_SIZE 10.0
#define BODY_LEADING 13.5
#define PARA_GAP 6.0
/* Lists */
#define LIST_MARKER_X 5.0
#define LIST_INDENT 18.0
#define ITEM_GAP 2.5
/* Tables */
#define TABLE_SIZE 9.0
#define TABLE_LEADING 11.5
#define TABLE_PADDING 3.5
#define TABLE_GAP 8.0
#define SHADE_HEAD 0xD6
#define SHADE_FOOT 0xEC
#define SHADE_LABEL 0xEC
/* Headings, by level 1..3 */
static const double heading_size[3] = {15.0, 12.5, 11.0};
static const double heading_gap[3] = {18.0, 13.0, 10.0};
static const int heading_style[3] = {TP_STYLE_BOLD, TP_STYLE_BOLD,
                                     TP_STYLE_BOLD | TP_STYLE_ITALIC};
#define HEADING_AFTER 3.0
/* Table of contents */

#define TOC_PAGE_COLUMN 40.0 /* reserved at the right for leaders and the page number */
static const double toc_indent[3] = {0.0, 16.0, 32.0};
static const double toc_number_w[3] = {20.0, 28.0, 36.0};
#define TOC_ANNEX_PREFIX "Annexe "

typedef struct flow {
    tp_pdf_layout *L;
    const tp_pdf_metrics *m;
    double W, H;
    long next_heading;
} flow;

void tp_pdf_geometry_a4(tp_pdf_geometry *g)
{
    g->page_w = 595.276;
    g->page_h = 841.89;
    g->margin_left = MM(20);
    g->margin_right = MM(20);
    g->body_top = g->page_h - MM(25);
    g->body_bottom = MM(22);
}

static tp_pdf_box *box_at(flow *f, size_t i)
{
    return &f->L->boxes[i];
}

/* One box per line, so a paragraph may break between pages. Returns the first box. */
static size_t add_line_boxes(flow *f, size_t line0, size_t nlines, double x, double size,
                             double leading, double gap)
{
    size_t first = f->L->nboxes;
    for (size_t i = 0; i < nlines; i++) {
        tp_pdf_box *b = tp_pdf_layout_add_box(f->L, TP_BOX_LINES);
        b->x = x;
        b->line0 = line0 + i;
        b->nlines = 1;
        b->size = size;
        b->leading = leading;
        b->height = leading;
        b->gap_before = i == 0 ? gap : 0;
    }
    return first;
}

/* No single first line at the foot of a page, no single last line at the top. */
static void keep_lines(flow *f, size_t box0, size_t n)
{
    if (n >= 2)
        box_at(f, box0)->keep_with_next = true;
    if (n >= 3)
        box_at(f, box0 + n - 2)->keep_with_next = true;
}

static size_t break_node(flow *f, size_t *line0, const tp_node *n, int style, double size,
                         double width, tp_align align)
{
    size_t run0;
    size_t nruns = tp_pdf_store_inline(&f->L->store, &run0, n, style);
    return tp_pdf_break_lines(&f->L->store, line0, run0, nruns, f->m, size, width, align);
}

static size_t break_string(flow *f, size_t *line0, const char *utf8, int style, double size,
                           double width, tp_align align)
{
    size_t run0;
    size_t nruns = tp_pdf_store_string(&f->L->store, &run0, utf8, style);
    return tp_pdf_break_lines(&f->L->store, line0, run0, nruns, f->m, size, width, align);
}

static void add_para(flow *f, const tp_node *p)
{
    tp_align a = p->align == TP_ALIGN_DEFAULT ? TP_ALIGN_JUSTIFY : p->align;
    size_t line0;
    size_t n = break_node(f, &line0, p, 0, BODY_SIZE, f->W, a);
    size_t b0 = add_line_boxes(f, line0, n, 0, BODY_SIZE, BODY_LEADING, PARA_GAP);
    keep_lines(f, b0, n);
}

static void add_list(flow *f, const tp_node *list)
{
    size_t box0 = f->L->nboxes;
    double indent = LIST_INDENT;
    if (list->ordered) {
        /* Room for the widest number ("12.") plus a gap. */
        int count = 0;
        for (const tp_node *i = list->first; i; i = i->next)
            count++;
        char widest[16];
        snprintf(widest, sizeof widest, "%d.", count < 10 ? 8 : count);
        double w = tp_pdf_text_width(f->m, 0, widest, strlen(widest), BODY_SIZE);
        if (LIST_MARKER_X + w + 5 > indent)
            indent = LIST_MARKER_X + w + 5;
    }
    int k = 0;
    for (const tp_node *item = list->first; item; item = item->next, k++) {
        char marker[16];
        if (list->ordered)
            snprintf(marker, sizeof marker, "%d.", k + 1);
        else
            snprintf(marker, sizeof marker, "\xE2\x80\xA2"); /* U+2022 • */
        size_t mline;
        break_string(f, &mline, marker, 0, BODY_SIZE, indent, TP_ALIGN_LEFT);
        size_t line0;
        size_t n = break_node(f, &line0, item, 0, BODY_SIZE, f->W - indent, TP_ALIGN_JUSTIFY);
        size_t b0 = add_line_boxes(f, line0, n, indent, BODY_SIZE, BODY_LEADING,
                                   k == 0 ? PARA_GAP : ITEM_GAP);
        box_at(f, b0)->marker_line = (long)mline;
        box_at(f, b0)->marker_x = LIST_MARKER_X;
    }
    keep_lines(f, box0, f->L->nboxes - box0);
}

/* ---------------------------------------------------------------- tables */

typedef struct cell_text {
    double x, width;
    size_t line0, nlines;
} cell_text;

typedef struct row_style {
    double size, leading, padding;
} row_style;

static const row_style table_rows = {TABLE_SIZE, TABLE_LEADING, TABLE_PADDING};
static const row_style cover_rows = {BODY_SIZE, 13.0, 5.0};

/* Adds the row as one box, or as pieces of whole lines when it is taller
 * than max_h (then no piece is taller than max_h). */
static void add_row_boxes(flow *f, const cell_text *cells, size_t ncells, uint8_t shade,
                          long table, bool head, double gap, double max_h, const row_style *rs)
{
    size_t most = 1;
    for (size_t c = 0; c < ncells; c++)
        if (cells[c].nlines > most)
            most = cells[c].nlines;
    size_t per_piece = most;
    if ((double)most * rs->leading + 2 * rs->padding > max_h && !head) {
        per_piece = (size_t)((max_h - 2 * rs->padding) / rs->leading);
        if (per_piece < 1)
            per_piece = 1;
    }
    for (size_t from = 0; from < most; from += per_piece) {
        size_t upto = from + per_piece < most ? from + per_piece : most;
        tp_pdf_box *b = tp_pdf_layout_add_box(f->L, TP_BOX_ROW);
        b->table = table;
        b->head_row = head;
        b->gap_before = from == 0 ? gap : 0;
        b->height = (double)(upto - from) * rs->leading + 2 * rs->padding;
        b->row_size = rs->size;
        b->row_leading = rs->leading;
        b->padding = rs->padding;
        b->cell0 = f->L->ncells;
        b->ncells = ncells;
        for (size_t c = 0; c < ncells; c++) {
            tp_pdf_grow((void **)&f->L->cells, &f->L->cells_cap, f->L->ncells, sizeof *f->L->cells);
            size_t first = cells[c].line0 + (from < cells[c].nlines ? from : cells[c].nlines);
            size_t last = cells[c].line0 + (upto < cells[c].nlines ? upto : cells[c].nlines);
            f->L->cells[f->L->ncells++] =
                (tp_pdf_cell){cells[c].x, cells[c].width, first, last - first, shade};
        }
    }
}

typedef struct row_boxes {
    size_t first, last; /* boxes of one table row */
    tp_row_kind kind;
} row_boxes;

/* Keep rules: the head rows with the first two rows after them, the foot
 * rows together and with the row before them, or everything when the table
 * must keep together and fits on a page. Pieces of a split row may part. */
static void table_keeps(flow *f, const row_boxes *rows, size_t nrows, size_t heads,
                        bool keep_together)
{
    if (nrows == 0)
        return;
    double total = TABLE_GAP;
    for (size_t b = rows[0].first; b <= rows[nrows - 1].last; b++)
        total += box_at(f, b)->height;
    bool together = keep_together && total <= f->H;
    for (size_t r = 0; r + 1 < nrows; r++) {
        if (together) {
            for (size_t b = rows[r].first; b <= rows[r].last; b++)
                box_at(f, b)->keep_with_next = true;
        } else if (r <= heads || rows[r + 1].kind == TP_ROW_FOOT) {
            box_at(f, rows[r].last)->keep_with_next = true;
        }
    }
}

static void add_table(flow *f, const tp_node *t)
{
    int ncols = t->ncols > 0 ? t->ncols : 1;
    double *colx = xmalloc((size_t)(ncols + 1) * sizeof *colx);
    int acc = 0;
    for (int c = 0; c < ncols; c++) {
        colx[c] = f->W * acc / 100.0;
        if (c < t->ncols && t->widths)
            acc += t->widths[c];
    }
    colx[ncols] = f->W; /* absorbs rounding */

    long table = tp_pdf_layout_add_table(f->L, f->L->nboxes, 0);
    size_t heads = 0, nrows = 0, rows_cap = 0, ncells_cap = 0;
    bool leading_heads = true;
    double heads_h = 0;
    cell_text *cells = NULL;
    row_boxes *rows = NULL;
    for (const tp_node *r = t->first; r; r = r->next) {
        bool head = r->row_kind == TP_ROW_HEAD && leading_heads;
        leading_heads = head;
        int style = r->row_kind == TP_ROW_BODY ? 0 : TP_STYLE_BOLD;
        uint8_t shade = r->row_kind == TP_ROW_HEAD   ? SHADE_HEAD
                        : r->row_kind == TP_ROW_FOOT ? SHADE_FOOT
                                                     : 0;
        size_t ncells = 0;
        int col = 0;
        for (const tp_node *c = r->first; c && col < ncols; c = c->next) {
            int end = col + (c->colspan > 0 ? c->colspan : 1);
            if (end > ncols)
                end = ncols;
            tp_pdf_grow((void **)&cells, &ncells_cap, ncells, sizeof *cells);
            cell_text *ct = &cells[ncells++];
            ct->x = colx[col];
            ct->width = colx[end] - colx[col];
            tp_align a = c->align == TP_ALIGN_DEFAULT ? TP_ALIGN_LEFT : c->align;
            ct->nlines = break_node(f, &ct->line0, c, style, TABLE_SIZE,
                                    ct->width - 2 * TABLE_PADDING, a);
            col = end;
        }
        if (col < ncols) { /* a short row gets an empty cell, so its borders close */
            tp_pdf_grow((void **)&cells, &ncells_cap, ncells, sizeof *cells);
            cells[ncells++] = (cell_text){colx[col], colx[ncols] - colx[col], 0, 0};
        }
        size_t before = f->L->nboxes;
        add_row_boxes(f, cells, ncells, shade, table, head, nrows == 0 ? TABLE_GAP : 0,
                      f->H - heads_h - TABLE_GAP, &table_rows);
        if (head) {
            heads++;
            heads_h += box_at(f, before)->height;
        }
        tp_pdf_grow((void **)&rows, &rows_cap, nrows, sizeof *rows);
        rows[nrows++] = (row_boxes){before, f->L->nboxes - 1, r->row_kind};
    }
    /* Head rows taller than a third of a page are not repeated: the pages
     * would hold little else. */
    f->L->tables[table].head_count = heads_h <= f->H / 3 ? heads : 0;
    table_keeps(f, rows, nrows, heads, t->keep_together);
    free(rows);
    free(cells);
    free(colx);
}

/* ---------------------------------------------------------------- headings */

static void collect_headings(tp_pdf_layout *L, const tp_node *parent)
{
    for (const tp_node *c = parent->first; c; c = c->next) {
        if (c->type != TP_NODE_SECTION && c->type != TP_NODE_ANNEX)
            continue;
        const tp_node *h = NULL;
        for (const tp_node *k = c->first; k && !h; k = k->next)
            if (k->type == TP_NODE_HEADING)
                h = k;
        char *text = tp_node_plain_text(h);
        tp_buf label;
        tp_buf_init(&label);
        if (c->type == TP_NODE_ANNEX)
            tp_buf_printf(&label, TOC_ANNEX_PREFIX "%s \xE2\x80\x94 %s", c->number ? c->number : "",
                          text);
        else
            tp_buf_printf(&label, "%s %s", c->number ? c->number : "", text);
        free(text);
        tp_pdf_grow((void **)&L->headings, &L->headings_cap, L->nheadings, sizeof *L->headings);
        int level = c->level < 1 ? 1 : c->level > 3 ? 3 : c->level;
        L->headings[L->nheadings++] = (tp_pdf_heading){c, tp_buf_detach(&label), level, 0, 0};
        if (c->type == TP_NODE_SECTION)
            collect_headings(L, c);
    }
}

static const tp_node *heading_node(const tp_node *s)
{
    for (const tp_node *k = s->first; k; k = k->next)
        if (k->type == TP_NODE_HEADING)
            return k;
    return NULL;
}

/* The heading text with its number hanging (sections) or "Annexe A – " before it. */
static void heading_lines(flow *f, tp_pdf_box *b, const tp_node *s, int style, double size,
                          double x, double width, double number_w)
{
    tp_pdf_store *st = &f->L->store;
    const tp_node *h = heading_node(s);
    size_t run0, nruns;
    if (s->type == TP_NODE_ANNEX) {
        char prefix[48];
        snprintf(prefix, sizeof prefix, TOC_ANNEX_PREFIX "%s \xE2\x80\x94 ",
                 s->number ? s->number : "");
        nruns = tp_pdf_store_string(st, &run0, prefix, style);
        size_t more_run0;
        nruns += tp_pdf_store_inline(st, &more_run0, h, style);
        size_t line0;
        b->x = (float)x;
        b->nlines = (uint32_t)tp_pdf_break_lines(st, &line0, run0, nruns, f->m, size, width,
                                                 TP_ALIGN_LEFT);
        b->line0 = (uint32_t)line0;
        return;
    }
    const char *num = s->number ? s->number : "";
    if (number_w <= 0)
        number_w = tp_pdf_text_width(f->m, style, num, strlen(num), size) + 0.6 * size;
    size_t mline;
    nruns = tp_pdf_store_string(st, &run0, num, style);
    tp_pdf_break_lines(st, &mline, run0, nruns, f->m, size, number_w, TP_ALIGN_LEFT);
    b->marker_line = (long)mline;
    b->marker_x = x;
    nruns = tp_pdf_store_inline(st, &run0, h, style);
    size_t line0;
    b->x = (float)(x + number_w);
    b->nlines = (uint32_t)tp_pdf_break_lines(st, &line0, run0, nruns, f->m, size,
                                             width - number_w, TP_ALIGN_LEFT);
    b->line0 = (uint32_t)line0;
}

static void add_heading(flow *f, const tp_node *s)
{
    int lv = s->level < 1 ? 1 : s->level > 3 ? 3 : s->level;
    double size = heading_size[lv - 1];
    tp_pdf_box *b = tp_pdf_layout_add_box(f->L, TP_BOX_LINES); /* valid: no box added below */
    heading_lines(f, b, s, heading_style[lv - 1], size, 0, f->W, 0);
    b->size = size;
    b->leading = size * 1.25;
    b->height = (double)b->nlines * b->leading + HEADING_AFTER;
    b->gap_before = heading_gap[lv - 1];
    b->keep_with_next = true;
    b->heading = f->next_heading++;
}

static void add_blocks(flow *f, const tp_node *s)
{
    for (const tp_node *c = s->first; c; c = c->next) {
        switch (c->type) {
        case TP_NODE_HEADING:
            add_heading(f, s);
            break;
        case TP_NODE_PARA:
            add_para(f, c);
            break;
        case TP_NODE_LIST:
            add_list(f, c);
            break;
        case TP_NODE_TABLE:
            add_table(f, c);
            break;
        case TP_NODE_PAGEBREAK:
            tp_pdf_layout_add_box(f->L, TP_BOX_PAGEBREAK);
            break;
        case TP_NODE_SECTION:
            add_blocks(f, c);
            break;
        default:
            break;
        }
    }
}

/* ---------------------------------------------------------------- cover and TOC */

static void add_space(flow *f, double h)
{
    tp_pdf_layout_add_box(f->L, TP_BOX_SPACE)->height = h;
}

static void add_centered(flow *f, const tp_node *n, int style, double size, double leading,
                         double gap)
{
    size_t bi = tp_pdf_layout_add_box(f->L, TP_BOX_LINES) - f->L->boxes;
    size_t line0;
    size_t nl = break_node(f, &line0, n, style, size, f->W, TP_ALIGN_CENTER);
    tp_pdf_box *b = box_at(f, bi);
    b->line0 = line0;
    b->nlines = nl;
    b->size = size;
    b->leading = leading;
    b->height = (double)nl * leading;
    b->gap_before = gap;
}

static void add_cover(flow *f, const tp_node *cover)
{
    f->L->has_cover = true;
    add_space(f, MM(38));
    double colx = f->W * 0.35;
    bool fields = false;
    for (const tp_node *c = cover->first; c; c = c->next) {
        if (c->type == TP_NODE_TITLE) {
            add_centered(f, c, TP_STYLE_BOLD, 24, 30, 0);
        } else if (c->type == TP_NODE_SUBTITLE) {
            add_centered(f, c, 0, 13, 17, 10);
        } else if (c->type == TP_NODE_FIELD) {
            if (!fields)
                add_space(f, MM(18));
            fields = true;
            double pad2 = 2 * cover_rows.padding;
            cell_text cells[2] = {{0, colx, 0, 0}, {colx, f->W - colx, 0, 0}};
            cells[0].nlines = break_string(f, &cells[0].line0, c->text ? c->text : "",
                                           TP_STYLE_BOLD, BODY_SIZE, colx - pad2, TP_ALIGN_LEFT);
            cells[1].nlines = break_node(f, &cells[1].line0, c, 0, BODY_SIZE,
                                         f->W - colx - pad2, TP_ALIGN_LEFT);
            size_t bi = f->L->nboxes;
            add_row_boxes(f, cells, 2, 0, -1, false, 0, f->H, &cover_rows);
            for (size_t k = bi; k < f->L->nboxes; k++)
                f->L->cells[box_at(f, k)->cell0].shade = SHADE_LABEL;
        }
    }
    tp_pdf_layout_add_box(f->L, TP_BOX_PAGEBREAK);
}

static void add_toc(flow *f)
{
    size_t bi = tp_pdf_layout_add_box(f->L, TP_BOX_LINES) - f->L->boxes;
    size_t line0;
    size_t nl = break_string(f, &line0, TP_TOC_TITLE, TP_STYLE_BOLD, heading_size[0], f->W,
                             TP_ALIGN_LEFT);
    tp_pdf_box *t = box_at(f, bi);
    t->line0 = line0;
    t->nlines = nl;
    t->size = heading_size[0];
    t->leading = heading_size[0] * 1.25;
    t->height = (double)nl * t->leading + 8;
    for (size_t h = 0; h < f->L->nheadings; h++) {
        const tp_pdf_heading *hd = &f->L->headings[h];
        int lv = hd->level;
        int style = lv == 1 ? TP_STYLE_BOLD : 0;
        double size = lv == 3 ? 9.5 : BODY_SIZE;
        tp_pdf_box *b = tp_pdf_layout_add_box(f->L, TP_BOX_LINES);
        double number_w = hd->node->type == TP_NODE_ANNEX ? 0 : toc_number_w[lv - 1];
        double x = toc_indent[lv - 1];
        heading_lines(f, b, hd->node, style, size, x, f->W - x - TOC_PAGE_COLUMN, number_w);
        b->size = size;
        b->leading = size * 1.3;
        b->height = (double)b->nlines * b->leading;
        b->gap_before = lv == 1 ? 5 : 1.5;
        b->toc_entry = (long)h;
    }
    tp_pdf_layout_add_box(f->L, TP_BOX_PAGEBREAK);
}

/* Sizes the arrays once from a count of the tree: growing them by doubling
 * copies and touches fresh memory several times, which on a cold process
 * costs more than the layout itself. Over-estimates are never touched. */
static void reserve(tp_pdf_layout *L, const tp_doc *doc)
{
    size_t text = 0, inlines = 0, blocks = 0, cells = 0;
    tp_iter it;
    tp_iter_init(&it, doc->root);
    tp_event ev;
    while ((ev = tp_iter_next(&it)) != TP_EV_DONE) {
        if (ev != TP_EV_ENTER)
            continue;
        const tp_node *n = tp_iter_node(&it);
        switch (n->type) {
        case TP_NODE_TEXT:
            text += n->text ? strlen(n->text) : 0;
            inlines++;
            break;
        case TP_NODE_EMPH: case TP_NODE_STRONG: case TP_NODE_BREAK:
            inlines++;
            break;
        case TP_NODE_CELL: case TP_NODE_FIELD:
            cells++;
            blocks++;
            break;
        default:
            blocks++;
            break;
        }
    }
    size_t lines = text / 40 + blocks + cells;
    tp_pdf_store *s = &L->store;
    tp_pdf_grow((void **)&s->runs, &s->runs_cap, inlines + blocks, sizeof *s->runs);
    tp_pdf_grow((void **)&s->lines, &s->lines_cap, lines, sizeof *s->lines);
    tp_pdf_grow((void **)&s->spans, &s->spans_cap, lines + inlines, sizeof *s->spans);
    tp_pdf_grow((void **)&L->boxes, &L->boxes_cap, lines, sizeof *L->boxes);
    tp_pdf_grow((void **)&L->cells, &L->cells_cap, cells, sizeof *L->cells);
    tp_pdf_grow((void **)&L->pages.places, &L->pages.places_cap, lines, sizeof *L->pages.places);
}

void tp_pdf_layout_doc(tp_pdf_layout *L, const tp_doc *doc, const tp_pdf_metrics *m,
                       const tp_pdf_geometry *g)
{
    reserve(L, doc);
    L->body_width = g->page_w - g->margin_left - g->margin_right;
    L->body_height = g->body_top - g->body_bottom;
    flow f = {L, m, L->body_width, L->body_height, 0};
    collect_headings(L, doc->root);
    for (const tp_node *c = doc->root->first; c; c = c->next) {
        switch (c->type) {
        case TP_NODE_COVER:
            add_cover(&f, c);
            break;
        case TP_NODE_TOC:
            add_toc(&f);
            break;
        case TP_NODE_SECTION:
            add_blocks(&f, c);
            break;
        case TP_NODE_ANNEX:
            tp_pdf_layout_add_box(L, TP_BOX_PAGEBREAK);
            add_blocks(&f, c);
            break;
        default:
            break;
        }
    }
    tp_pdf_paginate(L);
}
