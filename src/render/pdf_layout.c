/* Text runs, line breaking and pagination (see pdf_layout.h). The document
 * walk that produces the boxes is in pdf_flow.c. */
#include "pdf_layout.h"

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "pdf_text.h"

double tp_pdf_text_width(const tp_pdf_metrics *m, int style, const char *bytes, size_t len,
                         double size)
{
    const uint16_t *w = m->width[style & 3];
    unsigned long units = 0;
    for (size_t i = 0; i < len; i++)
        units += w[(unsigned char)bytes[i]];
    return (double)units * size / 1000.0;
}

void tp_pdf_grow(void **v, size_t *cap, size_t need, size_t elem)
{
    if (need < *cap)
        return;
    size_t ncap = *cap ? *cap : 64;
    while (ncap <= need) {
        if (ncap > ((size_t)-1) / 2 / elem)
            abort(); /* like xmalloc on out-of-memory: no caller can recover */
        ncap *= 2;
    }
    *v = xrealloc(*v, ncap * elem);
    *cap = ncap;
}

void tp_pdf_store_init(tp_pdf_store *s)
{
    memset(s, 0, sizeof *s);
    tp_buf_init(&s->bytes);
}

void tp_pdf_store_dispose(tp_pdf_store *s)
{
    tp_buf_dispose(&s->bytes);
    free(s->runs);
    free(s->spans);
    free(s->lines);
    free(s->atoms);
    memset(s, 0, sizeof *s);
}

/* ---------------------------------------------------------------- runs */

static void push_run(tp_pdf_store *s, int style, bool is_break, size_t off, size_t len)
{
    if (!is_break && len == 0)
        return;
    /* Merge with the previous run when contiguous and of the same style. */
    if (!is_break && s->nruns > 0) {
        tp_pdf_run *p = &s->runs[s->nruns - 1];
        if (!p->is_break && p->style == style && p->off + p->len == off) {
            p->len += len;
            return;
        }
    }
    tp_pdf_grow((void **)&s->runs, &s->runs_cap, s->nruns, sizeof *s->runs);
    s->runs[s->nruns++] = (tp_pdf_run){(uint32_t)off, (uint32_t)len, (uint8_t)style, is_break};
}

static void add_utf8(tp_pdf_store *s, const char *utf8, int style)
{
    size_t off = s->bytes.len;
    s->replaced += tp_cp1252_append(&s->bytes, utf8, strlen(utf8));
    push_run(s, style, false, off, s->bytes.len - off);
}

static void add_inline(tp_pdf_store *s, const tp_node *n, int style)
{
    for (const tp_node *c = n->first; c; c = c->next) {
        switch (c->type) {
        case TP_NODE_TEXT:
            add_utf8(s, c->text ? c->text : "", style);
            break;
        case TP_NODE_BREAK:
            push_run(s, style, true, s->bytes.len, 0);
            break;
        case TP_NODE_EMPH:
            add_inline(s, c, style | TP_STYLE_ITALIC);
            break;
        case TP_NODE_STRONG:
            add_inline(s, c, style | TP_STYLE_BOLD);
            break;
        default:
            break;
        }
    }
}

size_t tp_pdf_store_inline(tp_pdf_store *s, size_t *run0, const tp_node *n, int base_style)
{
    /* A new block never merges into the previous block's last run. */
    size_t start = s->nruns;
    *run0 = start;
    tp_buf_putc(&s->bytes, '\0'); /* separator: runs of two blocks are never contiguous */
    if (n)
        add_inline(s, n, base_style);
    return s->nruns - start;
}

size_t tp_pdf_store_string(tp_pdf_store *s, size_t *run0, const char *utf8, int style)
{
    size_t start = s->nruns;
    *run0 = start;
    tp_buf_putc(&s->bytes, '\0');
    add_utf8(s, utf8 ? utf8 : "", style);
    return s->nruns - start;
}

/* ---------------------------------------------------------------- line breaking */

typedef enum atom_kind { ATOM_WORD, ATOM_SPACE, ATOM_BREAK } atom_kind;

typedef struct atom {
    atom_kind kind;
    uint8_t style;
    bool word_start; /* a WORD that starts a new word although no space precedes it */
    size_t off, len;
    double width;
} atom;

typedef struct breaker {
    tp_pdf_store *s;
    const tp_pdf_metrics *m;
    double size, width;
    tp_align align;
    atom *atoms;
    size_t n, cap;
    size_t lines_made;
} breaker;

static void push_atom(breaker *b, atom a)
{
    tp_pdf_grow((void **)&b->atoms, &b->cap, b->n, sizeof *b->atoms);
    b->atoms[b->n++] = a;
}

/* Re-cuts the word made of atoms [w0, n) into pieces no wider than the line. */
static void cut_long_word(breaker *b, size_t w0)
{
    size_t count = b->n - w0;
    atom *word = xmalloc(count * sizeof *word);
    memcpy(word, b->atoms + w0, count * sizeof *word);
    b->n = w0;
    const char *bytes = b->s->bytes.data;
    double used = 0;
    bool first_piece = true, piece_open = false;
    for (size_t k = 0; k < count; k++) {
        const uint16_t *cw = b->m->width[word[k].style & 3];
        for (size_t i = 0; i < word[k].len; i++) {
            double w = cw[(unsigned char)bytes[word[k].off + i]] * b->size / 1000.0;
            bool new_piece = !piece_open || (used > 0 && used + w > b->width);
            if (new_piece) {
                push_atom(b, (atom){ATOM_WORD, word[k].style, !first_piece || word[k].word_start,
                                    word[k].off + i, 1, w});
                first_piece = false;
                piece_open = true;
                used = w;
            } else {
                atom *last = &b->atoms[b->n - 1];
                if (last->style == word[k].style && last->off + last->len == word[k].off + i) {
                    last->len++;
                    last->width += w;
                } else {
                    push_atom(b, (atom){ATOM_WORD, word[k].style, false, word[k].off + i, 1, w});
                }
                used += w;
            }
        }
    }
    free(word);
}

static void tokenize(breaker *b, size_t run0, size_t nruns)
{
    const char *bytes = b->s->bytes.data;
    size_t word0 = b->n; /* first atom of the current word */
    double word_w = 0;
    for (size_t r = run0; r < run0 + nruns; r++) {
        const tp_pdf_run *run = &b->s->runs[r];
        if (run->is_break) {
            if (word_w > b->width)
                cut_long_word(b, word0);
            push_atom(b, (atom){ATOM_BREAK, run->style, false, run->off, 0, 0});
            word0 = b->n, word_w = 0;
            continue;
        }
        size_t i = run->off, end = run->off + run->len;
        while (i < end) {
            size_t j = i;
            bool space = bytes[i] == ' ';
            while (j < end && (bytes[j] == ' ') == space)
                j++;
            double w = tp_pdf_text_width(b->m, run->style, bytes + i, j - i, b->size);
            if (space) {
                if (word_w > b->width)
                    cut_long_word(b, word0);
                push_atom(b, (atom){ATOM_SPACE, run->style, false, i, j - i, w});
                word0 = b->n, word_w = 0;
            } else {
                push_atom(b, (atom){ATOM_WORD, run->style, false, i, j - i, w});
                word_w += w;
            }
            i = j;
        }
    }
    if (word_w > b->width)
        cut_long_word(b, word0);
}

/* Emits atoms [a, e) (no leading or trailing space) as one line. */
static void emit_line(breaker *b, size_t a, size_t e, double natural, bool justify)
{
    tp_pdf_store *s = b->s;
    size_t nspaces = 0;
    for (size_t k = a; k < e; k++)
        if (b->atoms[k].kind == ATOM_SPACE)
            nspaces += b->atoms[k].len;
    double word_space = 0;
    if (justify && nspaces > 0 && natural < b->width)
        word_space = (b->width - natural) / (double)nspaces;
    double shift = 0;
    if (b->align == TP_ALIGN_CENTER)
        shift = (b->width - natural) / 2;
    else if (b->align == TP_ALIGN_RIGHT)
        shift = b->width - natural;
    if (shift < 0)
        shift = 0;

    tp_pdf_grow((void **)&s->lines, &s->lines_cap, s->nlines, sizeof *s->lines);
    tp_pdf_line *line = &s->lines[s->nlines++];
    *line = (tp_pdf_line){(uint32_t)s->nspans, 0, (float)natural, (float)shift, (float)word_space};
    double x = 0;
    for (size_t k = a; k < e; k++) {
        const atom *t = &b->atoms[k];
        tp_pdf_span *last = line->nspans ? &s->spans[s->nspans - 1] : NULL;
        if (last && last->style == t->style && last->off + last->len == t->off) {
            last->len += t->len;
        } else {
            tp_pdf_grow((void **)&s->spans, &s->spans_cap, s->nspans, sizeof *s->spans);
            s->spans[s->nspans++] =
                (tp_pdf_span){(uint32_t)t->off, (uint32_t)t->len, (float)x, t->style};
            line->nspans++;
        }
        x += t->width;
        if (t->kind == ATOM_SPACE)
            x += word_space * (double)t->len;
    }
    b->lines_made++;
}

size_t tp_pdf_break_lines(tp_pdf_store *s, size_t *line0, size_t run0, size_t nruns,
                          const tp_pdf_metrics *m, double size, double width, tp_align align)
{
    breaker b = {s, m, size, width, align, s->atoms, 0, s->atoms_cap, 0};
    *line0 = s->nlines;
    tokenize(&b, run0, nruns);
    bool justify = align == TP_ALIGN_JUSTIFY;

    size_t line_a = 0;        /* first atom of the current line */
    size_t line_e = 0;        /* end of the last word placed on it */
    double natural = 0;       /* width of atoms [line_a, line_e) */
    bool has_word = false;
    double pending = 0;       /* width of spaces after the last word */
    size_t k = 0;
    while (k < b.n) {
        atom *t = &b.atoms[k];
        if (t->kind == ATOM_BREAK) {
            emit_line(&b, line_a, has_word ? line_e : line_a, has_word ? natural : 0, false);
            line_a = line_e = k + 1, natural = 0, pending = 0, has_word = false;
            k++;
            continue;
        }
        if (t->kind == ATOM_SPACE) {
            if (has_word)
                pending += t->width;
            else
                line_a = k + 1; /* leading spaces of a line are dropped */
            k++;
            continue;
        }
        /* A word: atoms k .. we-1 (up to a space, a break or a new word). */
        size_t we = k + 1;
        double ww = t->width;
        while (we < b.n && b.atoms[we].kind == ATOM_WORD && !b.atoms[we].word_start)
            ww += b.atoms[we++].width;
        if (has_word && natural + pending + ww > width) {
            emit_line(&b, line_a, line_e, natural, justify);
            line_a = k, natural = 0, pending = 0, has_word = false;
        }
        natural += pending + ww;
        pending = 0;
        line_e = we;
        has_word = true;
        k = we;
    }
    emit_line(&b, line_a, has_word ? line_e : line_a, has_word ? natural : 0, false);
    s->atoms = b.atoms;
    s->atoms_cap = b.cap;
    return b.lines_made;
}

/* ---------------------------------------------------------------- layout container */

void tp_pdf_layout_init(tp_pdf_layout *L)
{
    memset(L, 0, sizeof *L);
    tp_pdf_store_init(&L->store);
}

void tp_pdf_layout_dispose(tp_pdf_layout *L)
{
    tp_pdf_store_dispose(&L->store);
    free(L->boxes);
    free(L->cells);
    free(L->tables);
    for (size_t i = 0; i < L->nheadings; i++)
        free(L->headings[i].label);
    free(L->headings);
    free(L->pages.places);
    free(L->pages.first);
    memset(L, 0, sizeof *L);
}

tp_pdf_box *tp_pdf_layout_add_box(tp_pdf_layout *L, tp_pdf_box_kind kind)
{
    tp_pdf_grow((void **)&L->boxes, &L->boxes_cap, L->nboxes, sizeof *L->boxes);
    tp_pdf_box *b = &L->boxes[L->nboxes++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->marker_line = -1;
    b->heading = -1;
    b->toc_entry = -1;
    b->table = -1;
    return b;
}

long tp_pdf_layout_add_table(tp_pdf_layout *L, size_t first_box, size_t head_count)
{
    tp_pdf_grow((void **)&L->tables, &L->tables_cap, L->ntables, sizeof *L->tables);
    L->tables[L->ntables] = (tp_pdf_table_info){first_box, head_count};
    return (long)L->ntables++;
}

/* ---------------------------------------------------------------- pagination */

typedef struct paginator {
    tp_pdf_layout *L;
    double y;        /* used height on the current page */
    bool page_empty; /* nothing placed yet (repeated head rows count as content) */
} paginator;

static void new_page(paginator *p)
{
    tp_pdf_pages *pg = &p->L->pages;
    tp_pdf_grow((void **)&pg->first, &pg->first_cap, pg->npages + 1, sizeof *pg->first);
    pg->first[pg->npages++] = pg->nplaces;
    pg->first[pg->npages] = pg->nplaces;
    p->y = 0;
    p->page_empty = true;
}

static void place(paginator *p, size_t box_index)
{
    tp_pdf_layout *L = p->L;
    const tp_pdf_box *b = &L->boxes[box_index];
    if (!p->page_empty || b->kind == TP_BOX_SPACE)
        p->y += b->gap_before;
    tp_pdf_pages *pg = &L->pages;
    tp_pdf_grow((void **)&pg->places, &pg->places_cap, pg->nplaces, sizeof *pg->places);
    pg->places[pg->nplaces++] = (tp_pdf_place){(uint32_t)box_index, (float)p->y};
    pg->first[pg->npages] = pg->nplaces;
    if (b->heading >= 0 && (size_t)b->heading < L->nheadings) {
        L->headings[b->heading].page = (int)pg->npages - 1;
        L->headings[b->heading].y = p->y;
    }
    p->y += b->height;
    p->page_empty = false;
}

/* Height of boxes [i, j] placed from the current position. */
static double chain_height(const paginator *p, size_t i, size_t j, bool at_top)
{
    double h = 0;
    for (size_t k = i; k <= j; k++) {
        const tp_pdf_box *b = &p->L->boxes[k];
        if (k > i || !at_top || b->kind == TP_BOX_SPACE)
            h += b->gap_before;
        h += b->height;
    }
    return h;
}

static double heads_height(const tp_pdf_layout *L, long table)
{
    const tp_pdf_table_info *t = &L->tables[table];
    double h = 0;
    for (size_t k = 0; k < t->head_count; k++)
        h += L->boxes[t->first_box + k].height;
    return h;
}

/* A body row of a table whose head rows were placed before: they are repeated. */
static bool continues_table(const tp_pdf_layout *L, size_t i)
{
    const tp_pdf_box *b = &L->boxes[i];
    if (b->kind != TP_BOX_ROW || b->table < 0 || b->head_row || (size_t)b->table >= L->ntables)
        return false;
    const tp_pdf_table_info *t = &L->tables[b->table];
    return t->head_count > 0 && i >= t->first_box + t->head_count;
}

static void start_page_before(paginator *p, size_t i)
{
    new_page(p);
    const tp_pdf_layout *L = p->L;
    if (continues_table(L, i)) {
        const tp_pdf_table_info *t = &L->tables[L->boxes[i].table];
        for (size_t k = 0; k < t->head_count; k++)
            place(p, t->first_box + k);
    }
}

void tp_pdf_paginate(tp_pdf_layout *L)
{
    tp_pdf_pages *pg = &L->pages;
    pg->nplaces = 0;
    pg->npages = 0;
    paginator p = {L, 0, true};
    new_page(&p);
    const double H = L->body_height;
    size_t i = 0;
    while (i < L->nboxes) {
        const tp_pdf_box *b = &L->boxes[i];
        if (b->kind == TP_BOX_PAGEBREAK) {
            if (!p.page_empty)
                new_page(&p);
            i++;
            continue;
        }
        size_t j = i;
        while (j + 1 < L->nboxes && L->boxes[j].keep_with_next &&
               L->boxes[j + 1].kind != TP_BOX_PAGEBREAK)
            j++;
        double top_extra = continues_table(L, i) ? heads_height(L, L->boxes[i].table) : 0;
        if (chain_height(&p, i, j, true) + top_extra > H)
            j = i; /* the chain cannot fit on any page: place box by box */
        if (!p.page_empty && p.y + chain_height(&p, i, j, false) > H + 1e-6)
            start_page_before(&p, i);
        for (size_t k = i; k <= j; k++) {
            /* Only reached by a single box taller than the room left. */
            if (k > i && !p.page_empty && p.y + chain_height(&p, k, k, false) > H + 1e-6)
                start_page_before(&p, k);
            place(&p, k);
        }
        i = j + 1;
    }
    /* A trailing empty page (after a final page break) is not a page. */
    if (pg->npages > 1 && pg->first[pg->npages - 1] == pg->nplaces)
        pg->npages--;
}
