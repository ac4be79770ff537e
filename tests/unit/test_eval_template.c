/* The pre-filled bid template: every id of the lot, the tender's quantities,
 * well-formed XML the bid reader accepts once filled in. */
#include "tp_test.h"

#include <stdlib.h>

#include "core/buf.h"
#include "engine/engine.h"
#include "eval/bid.h"
#include "eval/bid_template.h"
#include "output/tender_xml.h"
#include "xml/xmlsafe.h"

static tp_tender *tender;
static tp_profile *profile;
static xmlDocPtr doc;

static int setup(void **state)
{
    tp_engine *e = NULL;
    tp_diags d;
    tp_diags_init(&d);
    if (tp_engine_open(&e, &d) != TP_OK ||
        tp_engine_tender_from_file(e, &tender, &profile, TP_SOURCE_DIR "/samples/04-wbe-open-ted.xml",
                                   &d) != TP_OK)
        return -1;
    tp_buf xml;
    tp_buf_init(&xml);
    tp_sink sink = tp_sink_buf(&xml);
    tp_tender_write_xml(tender, &sink);
    int rc = tp_xml_parse(&doc, xml.data, xml.len, "t.xml", &d) == TP_OK ? 0 : -1;
    tp_buf_dispose(&xml);
    tp_engine_free(e);
    tp_diags_dispose(&d);
    return rc;
}

static int teardown(void **state)
{
    xmlFreeDoc(doc);
    tp_tender_free(tender);
    tp_profile_free(profile);
    tp_xml_cleanup();
    return 0;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_eval_template__lists_every_id_once(void **state)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_bid_template(&b, doc, 1, &d), TP_OK);
    const char *t = tp_buf_cstr(&b);
    assert_non_null(strstr(t, "tenderReference=\"WBE-NAM-2026-003\""));
    assert_non_null(strstr(t, "<lot number=\"1\">"));
    const tp_lot *lot = &tender->lots[0];
    for (size_t i = 0; i < lot->n_reqs; i++) {
        char ref[128];
        snprintf(ref, sizeof ref, "<value ref=\"%s\"", lot->reqs[i].id);
        assert_int_equal(count(t, ref), 1);
    }
    for (size_t i = 0; i < lot->n_scored; i++) {
        char ref[128];
        snprintf(ref, sizeof ref, "<value ref=\"%s\"", lot->scored[i].id);
        assert_int_equal(count(t, ref), 1); /* ram is both: answered once */
    }
    assert_non_null(strstr(t, "<value ref=\"ram\" unit=\"GB\"></value>"));
    assert_non_null(strstr(t, "<value ref=\"wifi\"></value>"));
    assert_non_null(strstr(t, "<!-- Mémoire vive (RAM) : au moins 8 GB (exigence minimale) ; "
                              "cotation : 0 point à 8, 10 points à 16 GB -->"));
    assert_non_null(strstr(t, "<line ref=\"devices\" quantity=\"420\" unitPrice=\"\" total=\"\"/>"));
    assert_non_null(strstr(t, "<option kind=\"extended-warranty\" years=\"4\" quantity=\"420\""));
    assert_non_null(strstr(t, "<option kind=\"charging-cart\" quantity=\"14\""));
    assert_null(strstr(t, "--  ")); /* comments never hold "--" */
    tp_buf_dispose(&b);
    tp_diags_dispose(&d);
}

static void test_eval_template__reads_back(void **state)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_bid_template(&b, doc, 2, &d), TP_OK);
    tp_bid *bid = NULL;
    assert_int_equal(tp_bid_parse_one(&bid, b.data, b.len, "template.xml", &d), TP_OK);
    assert_non_null(bid);
    for (size_t i = 0; i < bid->n_problems; i++)
        assert_false(bid->problems[i].xml); /* well-formed; only the blanks are form problems */
    assert_true(bid->n_problems > 0);
    assert_int_equal(bid->n_lots, 1);
    assert_int_equal(bid->lots[0].number, 2);
    assert_int_equal(bid->lots[0].n_values, tender->lots[1].n_reqs + 2); /* + 2 scored-only ids */
    assert_string_equal(bid->tender_reference, "WBE-NAM-2026-003");
    tp_bid_free(bid);
    tp_buf_dispose(&b);
    tp_diags_dispose(&d);
}

static void test_eval_template__unknown_lot(void **state)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_bid_template(&b, doc, 7, &d), TP_EUSAGE);
    assert_int_equal(b.len, 0);
    assert_int_equal(d.nerrors, 1);
    tp_buf_dispose(&b);
    tp_diags_dispose(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eval_template__lists_every_id_once),
        cmocka_unit_test(test_eval_template__reads_back),
        cmocka_unit_test(test_eval_template__unknown_lot),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
