/* The document tree: loading the sample, numbering, containment, iterator,
 * schema errors with lines, whitespace rules. */
#include "tp_test.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/io.h"
#include "doc/doc.h"
#include "xml/xmlsafe.h"

#define SAMPLE TP_SOURCE_DIR "/tests/data/document-sample.xml"

static tp_doc *load_sample(void)
{
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr xml = NULL;
    assert_int_equal(tp_xml_read(&xml, SAMPLE, &d), TP_OK);
    tp_doc *doc = NULL;
    tp_err rc = tp_doc_from_xml(&doc, xml, "document-sample.xml", &d);
    if (rc != TP_OK)
        tp_diags_print(&d, stderr);
    assert_int_equal(rc, TP_OK);
    assert_int_equal(d.nerrors, 0);
    xmlFreeDoc(xml);
    tp_diags_dispose(&d);
    return doc;
}

static tp_err load_string(const char *s, tp_doc **doc, tp_diags *d)
{
    xmlDocPtr xml = NULL;
    tp_err rc = tp_xml_parse(&xml, s, strlen(s), "t.xml", d);
    if (rc != TP_OK)
        return rc;
    rc = tp_doc_from_xml(doc, xml, "t.xml", d);
    xmlFreeDoc(xml);
    return rc;
}

#define HEAD "<document xmlns='urn:tenderpack:document:1'><meta><title>T</title>" \
             "<date>2026-12-01</date></meta>"

static const tp_node *nth_child(const tp_node *n, tp_node_type type, int k)
{
    for (const tp_node *c = n->first; c; c = c->next)
        if (c->type == type && k-- == 0)
            return c;
    return NULL;
}

static void test_doc__sample_loads_with_metadata(void **state)
{
    tp_doc *doc = load_sample();
    assert_string_equal(doc->lang, "fr");
    assert_string_equal(doc->title, "Cahier spécial des charges n° PO-2026-014");
    assert_string_equal(doc->author, "Pouvoir organisateur de l’Athénée royal de Jambes");
    assert_int_equal(doc->date.y, 2026);
    assert_int_equal(doc->date.m, 12);
    assert_int_equal(doc->date.d, 1);
    assert_string_equal(doc->header, "CSC PO-2026-014 – Ordinateurs portables");
    const tp_node *cover = nth_child(doc->root, TP_NODE_COVER, 0);
    assert_non_null(cover);
    const tp_node *field = nth_child(cover, TP_NODE_FIELD, 0);
    assert_string_equal(field->text, "Pouvoir adjudicateur");
    char *t = tp_node_plain_text(field);
    assert_string_equal(t, "Pouvoir organisateur de l’Athénée royal de Jambes Rue de Dave 45, 5100 Jambes");
    free(t);
    assert_non_null(nth_child(doc->root, TP_NODE_TOC, 0));
    tp_doc_free(doc);
}

static void test_doc__numbering(void **state)
{
    tp_doc *doc = load_sample();
    const tp_node *s1 = nth_child(doc->root, TP_NODE_SECTION, 0);
    const tp_node *s2 = nth_child(doc->root, TP_NODE_SECTION, 1);
    assert_string_equal(s1->number, "1");
    assert_string_equal(s1->id, "dispositions"); /* from the XML */
    assert_int_equal(s1->level, 1);
    const tp_node *s12 = nth_child(s1, TP_NODE_SECTION, 1);
    assert_string_equal(s12->number, "1.2");
    assert_int_equal(s12->level, 2);
    const tp_node *s121 = nth_child(s12, TP_NODE_SECTION, 0);
    assert_string_equal(s121->number, "1.2.1");
    assert_int_equal(s121->level, 3);
    const tp_node *h = nth_child(s121, TP_NODE_HEADING, 0);
    assert_string_equal(h->number, "1.2.1");
    assert_int_equal(h->level, 3);
    assert_string_equal(h->id, "quantites");
    assert_string_equal(nth_child(s2, TP_NODE_SECTION, 1)->number, "2.2");
    const tp_node *a = nth_child(doc->root, TP_NODE_ANNEX, 0);
    const tp_node *b = nth_child(doc->root, TP_NODE_ANNEX, 1);
    assert_string_equal(a->number, "A");
    assert_string_equal(b->number, "B");
    assert_string_equal(nth_child(b, TP_NODE_HEADING, 0)->number, "B");
    tp_doc_free(doc);
}

static void test_doc__generated_ids_and_many_annexes(void **state)
{
    tp_doc *doc = tp_doc_new();
    tp_node *s = tp_node_append(doc->root, tp_node_new(TP_NODE_SECTION));
    tp_node_add_text(tp_node_append(s, tp_node_new(TP_NODE_HEADING)), "Un");
    tp_node *ss = tp_node_append(s, tp_node_new(TP_NODE_SECTION));
    tp_node_append(ss, tp_node_new(TP_NODE_HEADING));
    for (int i = 0; i < 28; i++)
        tp_node_append(doc->root, tp_node_new(TP_NODE_ANNEX));
    tp_doc_number(doc);
    assert_string_equal(s->id, "s1");
    assert_string_equal(ss->id, "s1-1");
    assert_string_equal(ss->number, "1.1");
    assert_string_equal(nth_child(doc->root, TP_NODE_ANNEX, 25)->number, "Z");
    assert_string_equal(nth_child(doc->root, TP_NODE_ANNEX, 26)->number, "AA");
    assert_string_equal(nth_child(doc->root, TP_NODE_ANNEX, 27)->id, "annex-AB");
    tp_doc_free(doc);
}

static void test_doc__containment(void **state)
{
    assert_true(tp_node_can_contain(TP_NODE_DOCUMENT, TP_NODE_SECTION));
    assert_true(tp_node_can_contain(TP_NODE_SECTION, TP_NODE_TABLE));
    assert_true(tp_node_can_contain(TP_NODE_CELL, TP_NODE_STRONG));
    assert_true(tp_node_can_contain(TP_NODE_EMPH, TP_NODE_BREAK));
    assert_false(tp_node_can_contain(TP_NODE_DOCUMENT, TP_NODE_PARA));
    assert_false(tp_node_can_contain(TP_NODE_ANNEX, TP_NODE_SECTION));
    assert_false(tp_node_can_contain(TP_NODE_PARA, TP_NODE_PARA));
    assert_false(tp_node_can_contain(TP_NODE_LIST, TP_NODE_TEXT));
    assert_false(tp_node_can_contain(TP_NODE_TEXT, TP_NODE_TEXT));
    assert_false(tp_node_can_contain(TP_NODE_ROW, TP_NODE_ROW));
}

static void test_doc__iterator_order(void **state)
{
    tp_doc *doc = tp_doc_new();
    tp_node *s = tp_node_append(doc->root, tp_node_new(TP_NODE_SECTION));
    tp_node *h = tp_node_append(s, tp_node_new(TP_NODE_HEADING));
    tp_node_add_text(h, "Titre");
    tp_node *p = tp_node_append(s, tp_node_new(TP_NODE_PARA));
    tp_node_add_text(p, "a");
    tp_node_add_text(tp_node_append(p, tp_node_new(TP_NODE_EMPH)), "b");
    tp_node_append(p, tp_node_new(TP_NODE_BREAK));
    tp_node_append(s, tp_node_new(TP_NODE_PAGEBREAK));
    tp_node_append(p, tp_node_new(TP_NODE_STRONG)); /* empty container */

    static const char expected[] = "+D +S +H T -H +P T +E T -E B +G -G -P K -S -D";
    tp_buf got;
    tp_buf_init(&got);
    tp_iter it;
    tp_iter_init(&it, doc->root);
    tp_event ev;
    while ((ev = tp_iter_next(&it)) != TP_EV_DONE) {
        const tp_node *n = tp_iter_node(&it);
        char c = "DCIUFOSAHPLXWRZKTEGB"[n->type];
        if (got.len)
            tp_buf_putc(&got, ' ');
        if (!tp_node_is_leaf(n->type))
            tp_buf_putc(&got, ev == TP_EV_ENTER ? '+' : '-');
        else
            assert_int_equal(ev, TP_EV_ENTER);
        tp_buf_putc(&got, c);
    }
    assert_string_equal(tp_buf_cstr(&got), expected);
    assert_int_equal(tp_iter_next(&it), TP_EV_DONE);
    tp_buf_dispose(&got);

    /* A subtree iterates alone; a leaf root gives one ENTER. */
    tp_iter_init(&it, h);
    assert_int_equal(tp_iter_next(&it), TP_EV_ENTER);
    assert_int_equal(tp_iter_next(&it), TP_EV_ENTER);
    assert_int_equal(tp_iter_node(&it)->type, TP_NODE_TEXT);
    assert_int_equal(tp_iter_next(&it), TP_EV_EXIT);
    assert_ptr_equal(tp_iter_node(&it), h);
    assert_int_equal(tp_iter_next(&it), TP_EV_DONE);
    tp_iter_init(&it, h->first);
    assert_int_equal(tp_iter_next(&it), TP_EV_ENTER);
    assert_int_equal(tp_iter_next(&it), TP_EV_DONE);
    tp_doc_free(doc);
}

static void test_doc__whitespace_collapsed(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_doc *doc = NULL;
    const char *xml = HEAD "<section><heading>\n  Titre  </heading>\n"
                      "<p>  Un\n   deux <em> trois </em> quatre <br/>  cinq\u00a0six  </p>"
                      "</section></document>";
    assert_int_equal(load_string(xml, &doc, &d), TP_OK);
    const tp_node *s = nth_child(doc->root, TP_NODE_SECTION, 0);
    char *h = tp_node_plain_text(nth_child(s, TP_NODE_HEADING, 0));
    assert_string_equal(h, "Titre");
    const tp_node *p = nth_child(s, TP_NODE_PARA, 0);
    assert_string_equal(p->first->text, "Un deux ");
    assert_string_equal(p->first->next->first->text, "trois ");
    assert_string_equal(p->first->next->next->text, "quatre");
    assert_int_equal(p->first->next->next->next->type, TP_NODE_BREAK);
    assert_string_equal(p->last->text, "cinq\u00a0six");
    free(h);
    tp_doc_free(doc);
    tp_diags_dispose(&d);
}

static void test_doc__schema_error_has_line(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_doc *doc = (tp_doc *)1;
    const char *xml = HEAD "\n<section><heading>a</heading>\n"
                      "<section><heading>b</heading><section><heading>c</heading>\n"
                      "<section><heading>d</heading></section></section></section></section>"
                      "</document>";
    assert_int_equal(load_string(xml, &doc, &d), TP_EINVALID);
    assert_null(doc);
    assert_true(d.nerrors >= 1);
    assert_int_equal(d.v[0].line, 4);
    assert_non_null(strstr(d.v[0].msg, "section"));
    tp_diags_dispose(&d);
}

static void test_doc__table_rules_all_reported(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_doc *doc = (tp_doc *)1;
    const char *xml = HEAD "<section><heading>a</heading>\n"
                      "<table widths='30 60'><row><cell>x</cell><cell>y</cell></row></table>\n"
                      "<table widths='50 50'>\n<row><cell colspan='3'>x</cell></row>\n"
                      "<row><cell>y</cell><cell>z</cell></row></table>"
                      "</section></document>";
    assert_int_equal(load_string(xml, &doc, &d), TP_EINVALID);
    assert_null(doc);
    assert_int_equal(d.nerrors, 2);
    assert_int_equal(d.v[0].line, 2);
    assert_string_equal(d.v[0].field, "table/@widths");
    assert_non_null(strstr(d.v[0].msg, "add up to 90"));
    assert_int_equal(d.v[1].line, 4);
    assert_non_null(strstr(d.v[1].msg, "row 1 of the table spans 3 column(s), the table has 2"));
    assert_non_null(d.v[1].hint);
    tp_diags_dispose(&d);
}

static void test_doc__table_attributes(void **state)
{
    tp_doc *doc = load_sample();
    const tp_node *s1 = nth_child(doc->root, TP_NODE_SECTION, 0);
    const tp_node *s132 = nth_child(nth_child(s1, TP_NODE_SECTION, 2), TP_NODE_SECTION, 1);
    assert_string_equal(s132->number, "1.3.2");
    const tp_node *t = nth_child(s132, TP_NODE_TABLE, 0);
    assert_non_null(t);
    assert_int_equal(t->ncols, 3);
    assert_int_equal(t->widths[0], 10);
    assert_int_equal(t->widths[2], 30);
    assert_true(t->keep_together);
    assert_int_equal(t->first->row_kind, TP_ROW_HEAD);
    assert_int_equal(t->last->row_kind, TP_ROW_FOOT);
    assert_int_equal(t->last->first->colspan, 2);
    assert_int_equal(t->first->last->align, TP_ALIGN_RIGHT);
    const tp_node *list = nth_child(s132->prev, TP_NODE_LIST, 0); /* 1.3.1 */
    assert_non_null(list);
    assert_true(list->ordered);
    tp_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doc__sample_loads_with_metadata),
        cmocka_unit_test(test_doc__numbering),
        cmocka_unit_test(test_doc__generated_ids_and_many_annexes),
        cmocka_unit_test(test_doc__containment),
        cmocka_unit_test(test_doc__iterator_order),
        cmocka_unit_test(test_doc__whitespace_collapsed),
        cmocka_unit_test(test_doc__schema_error_has_line),
        cmocka_unit_test(test_doc__table_rules_all_reported),
        cmocka_unit_test(test_doc__table_attributes),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    tp_xml_cleanup();
    return rc;
}
