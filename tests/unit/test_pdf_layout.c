/* PDF layout without libharu: line breaking and justification with a fixed
 * font table, keep-with-next, table header repetition, row splitting. */
#include "tp_test.h"

#include <stdlib.h>

#include "doc/doc.h"
#include "render/pdf_layout.h"

/* Every glyph 500/1000 em (5 pt at 10 pt), the space 250 (2.5 pt). */
static tp_pdf_metrics metrics;

static int setup(void **state)
{
    for (int s = 0; s < TP_STYLE_COUNT; s++)
        for (int b = 0; b < 256; b++)
            metrics.width[s][b] = b == ' ' ? 250 : 500;
    return 0;
}

static tp_node *para(const char *text)
{
    tp_node *p = tp_node_new(TP_NODE_PARA);
    tp_node_add_text(p, text);
    return p;
}

/* Frees a detached block by giving it to a document (there is no node free). */
static void node_free(tp_node *n)
{
    tp_doc *d = tp_doc_new();
    tp_node_append(tp_node_append(d->root, tp_node_new(TP_NODE_SECTION)), n);
    tp_doc_free(d);
}

/* Text of line i as the bytes of its spans joined. */
static char *line_text(const tp_pdf_store *s, size_t i)
{
    const tp_pdf_line *l = &s->lines[i];
    size_t n = 0;
    for (size_t k = 0; k < l->nspans; k++)
        n += s->spans[l->span0 + k].len;
    char *out = malloc(n + 1), *w = out;
    for (size_t k = 0; k < l->nspans; k++) {
        memcpy(w, s->bytes.data + s->spans[l->span0 + k].off, s->spans[l->span0 + k].len);
        w += s->spans[l->span0 + k].len;
    }
    *w = '\0';
    return out;
}

static size_t break_node(tp_pdf_store *s, size_t *line0, tp_node *n, double width, tp_align a)
{
    size_t run0;
    size_t nruns = tp_pdf_store_inline(s, &run0, n, 0);
    return tp_pdf_break_lines(s, line0, run0, nruns, &metrics, 10, width, a);
}

#define assert_line(s, i, expected)          \
    do {                                     \
        char *t_ = line_text((s), (i));      \
        assert_string_equal(t_, (expected)); \
        free(t_);                            \
    } while (0)

static void test_pdf_layout__greedy_widths(void **state)
{
    tp_pdf_store s;
    tp_pdf_store_init(&s);
    tp_node *p = para("aaa bbb ccc ddd e");
    size_t line0;
    /* 15 + 2.5 + 15 = 32.5 fits in 40; adding " ccc" would make 50. */
    assert_int_equal(break_node(&s, &line0, p, 40, TP_ALIGN_LEFT), 2);
    assert_line(&s, line0, "aaa bbb");
    assert_line(&s, line0 + 1, "ccc ddd e"); /* exactly 40: a full line still fits */
    assert_true(s.lines[line0].width == 32.5);
    assert_true(s.lines[line0 + 1].width == 40.0);
    assert_true(s.lines[line0].word_space == 0);
    size_t l2;
    assert_int_equal(break_node(&s, &l2, p, 32.5, TP_ALIGN_LEFT), 3);
    assert_line(&s, l2 + 1, "ccc ddd");
    assert_line(&s, l2 + 2, "e");
    assert_true(s.lines[l2 + 2].width == 5.0);
    node_free(p);
    tp_pdf_store_dispose(&s);
}

static void test_pdf_layout__justified_except_last_and_forced(void **state)
{
    tp_pdf_store s;
    tp_pdf_store_init(&s);
    tp_node *p = tp_node_new(TP_NODE_PARA);
    tp_node_add_text(p, "aaa ");
    tp_node_add_text(tp_node_append(p, tp_node_new(TP_NODE_STRONG)), "bbb");
    tp_node_add_text(p, " ccc dd");
    tp_node_append(p, tp_node_new(TP_NODE_BREAK));
    tp_node_add_text(p, "x y");
    size_t line0;
    assert_int_equal(break_node(&s, &line0, p, 40, TP_ALIGN_JUSTIFY), 3);
    const tp_pdf_line *l = &s.lines[line0];
    /* "aaa bbb": 32.5 natural, one space stretched by 7.5 to fill 40. */
    assert_true(l->word_space == 7.5);
    assert_int_equal(l->nspans, 2);
    assert_int_equal(s.spans[l->span0].style, 0);
    assert_int_equal(s.spans[l->span0 + 1].style, TP_STYLE_BOLD);
    assert_true(s.spans[l->span0 + 1].x == 25.0); /* 15 + 2.5 + 7.5 */
    /* "ccc dd" ends with a forced break: not stretched. */
    assert_line(&s, line0 + 1, "ccc dd");
    assert_true(s.lines[line0 + 1].word_space == 0);
    /* The last line is left-aligned too. */
    assert_line(&s, line0 + 2, "x y");
    assert_true(s.lines[line0 + 2].word_space == 0);
    assert_true(s.lines[line0 + 2].x == 0);
    node_free(p);
    tp_pdf_store_dispose(&s);
}

static void test_pdf_layout__center_right_and_long_words(void **state)
{
    tp_pdf_store s;
    tp_pdf_store_init(&s);
    tp_node *p = para("ab");
    size_t l;
    break_node(&s, &l, p, 30, TP_ALIGN_RIGHT);
    assert_true(s.lines[l].x == 20.0);
    break_node(&s, &l, p, 30, TP_ALIGN_CENTER);
    assert_true(s.lines[l].x == 10.0);
    node_free(p);

    /* A word wider than the line is cut between characters: 4 fit in 22 pt. */
    p = para("x abcdefghij y");
    assert_int_equal(break_node(&s, &l, p, 22, TP_ALIGN_LEFT), 4);
    assert_line(&s, l, "x");
    assert_line(&s, l + 1, "abcd");
    assert_line(&s, l + 2, "efgh");
    assert_line(&s, l + 3, "ij y");
    node_free(p);

    /* Empty content still makes one (empty) line. */
    p = tp_node_new(TP_NODE_PARA);
    assert_int_equal(break_node(&s, &l, p, 22, TP_ALIGN_JUSTIFY), 1);
    assert_int_equal(s.lines[l].nspans, 0);
    node_free(p);
    tp_pdf_store_dispose(&s);
}

static void test_pdf_layout__encodes_cp1252(void **state)
{
    tp_pdf_store s;
    tp_pdf_store_init(&s);
    tp_node *p = para("é€ ≥1");
    size_t l;
    break_node(&s, &l, p, 500, TP_ALIGN_LEFT);
    assert_line(&s, l, "\xE9\x80 >=1");
    assert_int_equal(s.replaced, 1);
    node_free(p);
    tp_pdf_store_dispose(&s);
}

/* ---------------------------------------------------------------- pagination */

static size_t add_lines(tp_pdf_layout *L, int n, double h, double gap)
{
    size_t first = L->nboxes;
    for (int i = 0; i < n; i++) {
        tp_pdf_box *b = tp_pdf_layout_add_box(L, TP_BOX_LINES);
        b->height = h;
        b->gap_before = i == 0 ? gap : 0;
    }
    return first;
}

static int page_of(const tp_pdf_layout *L, size_t box)
{
    for (size_t p = 0; p < L->pages.npages; p++)
        for (size_t k = L->pages.first[p]; k < L->pages.first[p + 1]; k++)
            if (L->pages.places[k].box == box)
                return (int)p;
    return -1;
}

static void heading_case(int lines_before, int expect_page)
{
    tp_pdf_layout L;
    tp_pdf_layout_init(&L);
    L.body_height = 100;
    add_lines(&L, lines_before, 10, 0);
    size_t h = add_lines(&L, 1, 15, 0);
    L.boxes[h].keep_with_next = true;
    size_t p = add_lines(&L, 3, 10, 0);
    L.boxes[p].keep_with_next = true; /* orphan rule: first two lines together */
    tp_pdf_paginate(&L);
    assert_int_equal(page_of(&L, h), expect_page);
    assert_int_equal(page_of(&L, p), expect_page);
    assert_int_equal(page_of(&L, p + 1), expect_page);
    tp_pdf_layout_dispose(&L);
}

static void test_pdf_layout__heading_keeps_with_two_lines(void **state)
{
    heading_case(6, 0); /* 60 + 15 + 20 = 95: fits */
    heading_case(7, 1); /* 70 + 35 > 100: the heading moves */
}

static void test_pdf_layout__gap_dropped_at_page_top(void **state)
{
    tp_pdf_layout L;
    tp_pdf_layout_init(&L);
    L.body_height = 100;
    add_lines(&L, 9, 10, 0);
    size_t second = add_lines(&L, 2, 10, 8); /* 90 + 8 + 10 > 100 */
    tp_pdf_layout_add_box(&L, TP_BOX_PAGEBREAK);
    tp_pdf_layout_add_box(&L, TP_BOX_PAGEBREAK); /* a second break makes no empty page */
    size_t last = add_lines(&L, 1, 10, 8);
    tp_pdf_paginate(&L);
    assert_int_equal(L.pages.npages, 3);
    assert_int_equal(page_of(&L, second), 1);
    assert_true(L.pages.places[L.pages.first[1]].y == 0);
    assert_true(L.pages.places[L.pages.first[1] + 1].y == 10);
    assert_int_equal(page_of(&L, last), 2);
    assert_true(L.pages.places[L.pages.first[2]].y == 0);
    tp_pdf_layout_dispose(&L);
}

static void test_pdf_layout__table_head_repeats(void **state)
{
    tp_pdf_layout L;
    tp_pdf_layout_init(&L);
    L.body_height = 100;
    add_lines(&L, 3, 10, 0); /* 30 used before the table */
    size_t head = L.nboxes;
    long t = tp_pdf_layout_add_table(&L, head, 1);
    for (int r = 0; r <= 20; r++) {
        tp_pdf_box *b = tp_pdf_layout_add_box(&L, TP_BOX_ROW);
        b->height = 10;
        b->table = t;
        b->head_row = r == 0;
        b->keep_with_next = r <= 1; /* head with the first two rows */
    }
    tp_pdf_paginate(&L);
    /* Page 0: 3 lines, head, rows 1-6. Page 1: head, rows 7-15. Page 2: head, rows 16-20. */
    assert_int_equal(L.pages.npages, 3);
    static const int rows_on_page[3][2] = {{1, 6}, {7, 15}, {16, 20}};
    for (int p = 0; p < 3; p++) {
        size_t k = L.pages.first[p] + (p == 0 ? 3 : 0);
        assert_int_equal(L.pages.places[k].box, head);
        for (int r = rows_on_page[p][0]; r <= rows_on_page[p][1]; r++)
            assert_int_equal(page_of(&L, head + (size_t)r), p);
        assert_int_equal(L.pages.first[p + 1] - k, (size_t)(rows_on_page[p][1] - rows_on_page[p][0] + 2));
    }
    /* The repeated head is at the top of the page, the first row right under it. */
    assert_true(L.pages.places[L.pages.first[1]].y == 0);
    assert_true(L.pages.places[L.pages.first[1] + 1].y == 10);
    tp_pdf_layout_dispose(&L);
}

/* ---------------------------------------------------------------- whole documents */

static tp_node *section(tp_doc *doc, const char *title)
{
    tp_node *s = tp_node_append(doc->root, tp_node_new(TP_NODE_SECTION));
    tp_node_add_text(tp_node_append(s, tp_node_new(TP_NODE_HEADING)), title);
    return s;
}

static tp_node *table(tp_node *parent, int ncols)
{
    tp_node *t = tp_node_append(parent, tp_node_new(TP_NODE_TABLE));
    t->ncols = ncols;
    t->widths = calloc((size_t)ncols, sizeof *t->widths);
    for (int c = 0; c < ncols; c++)
        t->widths[c] = 100 / ncols + (c == 0 ? 100 % ncols : 0);
    return t;
}

static void test_pdf_layout__row_taller_than_page_is_split(void **state)
{
    tp_doc *doc = tp_doc_new();
    tp_node *t = table(section(doc, "Long"), 2);
    tp_node *row = tp_node_append(t, tp_node_new(TP_NODE_ROW));
    tp_node *cell = tp_node_append(row, tp_node_new(TP_NODE_CELL));
    for (int i = 0; i < 150; i++) {
        tp_node_add_text(cell, "ligne");
        tp_node_append(cell, tp_node_new(TP_NODE_BREAK));
    }
    tp_node_add_text(tp_node_append(row, tp_node_new(TP_NODE_CELL)), "court");
    tp_doc_number(doc);
    tp_pdf_geometry g;
    tp_pdf_geometry_a4(&g);
    tp_pdf_layout L;
    tp_pdf_layout_init(&L);
    tp_pdf_layout_doc(&L, doc, &metrics, &g);
    size_t pieces = 0, lines = 0;
    for (size_t i = 0; i < L.nboxes; i++) {
        if (L.boxes[i].kind != TP_BOX_ROW)
            continue;
        pieces++;
        assert_true(L.boxes[i].height <= L.body_height);
        lines += L.cells[L.boxes[i].cell0].nlines;
        assert_int_equal(L.boxes[i].ncells, 2);
    }
    assert_true(pieces >= 3);
    assert_int_equal(lines, 151);
    assert_true(L.pages.npages >= 3);
    tp_pdf_layout_dispose(&L);
    tp_doc_free(doc);
}

/* Heading, 30 one-line paragraphs (about 100 pt left on the page), then a
 * 12-row table (230 pt): where does its first row land? */
static int first_row_page(bool keep_together, bool *all_on_one_page)
{
    tp_doc *doc = tp_doc_new();
    tp_node *s = section(doc, "Un");
    for (int i = 0; i < 30; i++)
        tp_node_add_text(tp_node_append(s, tp_node_new(TP_NODE_PARA)), "texte");
    tp_node *t = table(s, 1);
    t->keep_together = keep_together;
    for (int r = 0; r < 12; r++)
        tp_node_add_text(tp_node_append(tp_node_append(t, tp_node_new(TP_NODE_ROW)),
                                        tp_node_new(TP_NODE_CELL)),
                         "cellule");
    tp_doc_number(doc);
    tp_pdf_geometry g;
    tp_pdf_geometry_a4(&g);
    tp_pdf_layout L;
    tp_pdf_layout_init(&L);
    tp_pdf_layout_doc(&L, doc, &metrics, &g);
    int first = -1;
    *all_on_one_page = true;
    for (size_t i = 0; i < L.nboxes; i++) {
        if (L.boxes[i].kind != TP_BOX_ROW)
            continue;
        if (first < 0)
            first = page_of(&L, i);
        if (page_of(&L, i) != first)
            *all_on_one_page = false;
    }
    tp_pdf_layout_dispose(&L);
    tp_doc_free(doc);
    return first;
}

static void test_pdf_layout__keep_together_table_moves_whole(void **state)
{
    bool together;
    assert_int_equal(first_row_page(false, &together), 0);
    assert_false(together);
    assert_int_equal(first_row_page(true, &together), 1);
    assert_true(together);
}

static void test_pdf_layout__toc_and_heading_pages(void **state)
{
    tp_doc *doc = tp_doc_new();
    tp_node_append(doc->root, tp_node_new(TP_NODE_TOC));
    section(doc, "Premier");
    tp_node_append(section(doc, "Second"), tp_node_new(TP_NODE_PAGEBREAK));
    tp_node *sub = tp_node_append(doc->root->last, tp_node_new(TP_NODE_SECTION));
    tp_node_add_text(tp_node_append(sub, tp_node_new(TP_NODE_HEADING)), "Sous");
    tp_node *annex = tp_node_append(doc->root, tp_node_new(TP_NODE_ANNEX));
    tp_node_add_text(tp_node_append(annex, tp_node_new(TP_NODE_HEADING)), "Formulaire");
    tp_doc_number(doc);
    tp_pdf_geometry g;
    tp_pdf_geometry_a4(&g);
    tp_pdf_layout L;
    tp_pdf_layout_init(&L);
    tp_pdf_layout_doc(&L, doc, &metrics, &g);
    assert_int_equal(L.nheadings, 4);
    assert_string_equal(L.headings[0].label, "1 Premier");
    assert_string_equal(L.headings[2].label, "2.1 Sous");
    assert_string_equal(L.headings[3].label, "Annexe A \xE2\x80\x94 Formulaire");
    /* TOC on page 0; 1 and 2 on page 1; the page break puts 2.1 on page 2; the annex on 3. */
    assert_int_equal(L.headings[0].page, 1);
    assert_int_equal(L.headings[1].page, 1);
    assert_int_equal(L.headings[2].page, 2);
    assert_int_equal(L.headings[3].page, 3);
    assert_int_equal(L.pages.npages, 4);
    size_t toc_entries = 0;
    for (size_t i = 0; i < L.nboxes; i++)
        if (L.boxes[i].toc_entry >= 0) {
            assert_int_equal(L.boxes[i].toc_entry, (long)toc_entries);
            assert_int_equal(page_of(&L, i), 0);
            toc_entries++;
        }
    assert_int_equal(toc_entries, 4);
    assert_false(L.has_cover);
    tp_pdf_layout_dispose(&L);
    tp_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pdf_layout__greedy_widths),
        cmocka_unit_test(test_pdf_layout__justified_except_last_and_forced),
        cmocka_unit_test(test_pdf_layout__center_right_and_long_words),
        cmocka_unit_test(test_pdf_layout__encodes_cp1252),
        cmocka_unit_test(test_pdf_layout__heading_keeps_with_two_lines),
        cmocka_unit_test(test_pdf_layout__gap_dropped_at_page_top),
        cmocka_unit_test(test_pdf_layout__table_head_repeats),
        cmocka_unit_test(test_pdf_layout__row_taller_than_page_is_split),
        cmocka_unit_test(test_pdf_layout__keep_together_table_moves_whole),
        cmocka_unit_test(test_pdf_layout__toc_and_heading_pages),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
