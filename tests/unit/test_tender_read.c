/* Tender XML read back: every sample's tender survives write → read with the
 * fields evaluation uses unchanged; broken tenders are refused. */
#include "tp_test.h"

#include <stdlib.h>

#include "core/buf.h"
#include "engine/engine.h"
#include "input/tender_read.h"
#include "output/tender_xml.h"
#include "xml/xmlsafe.h"

static const char *const samples[] = {
    "01-small-libre-faible",        "02-communal-chromebooks-pnspp",
    "03-provincial-multi-school-pndapp", "04-wbe-open-ted",
    "05-cocof-specialise-tablets-pnspp", "06-libre-nc-2025-old-thresholds",
    "07-central-authority-open",    "08-libre-multi-lots-open-requested",
};

static tp_engine *engine;

static int setup(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    int rc = tp_engine_open(&engine, &d);
    tp_diags_dispose(&d);
    return rc == TP_OK ? 0 : -1;
}

static int teardown(void **state)
{
    tp_engine_free(engine);
    tp_xml_cleanup();
    return 0;
}

static void same_str(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void same_dec(tp_dec a, tp_dec b)
{
    assert_int_equal(tp_dec_cmp(a, b), 0);
}

static void same_lot(const tp_lot *a, const tp_lot *b)
{
    assert_int_equal(a->number, b->number);
    same_str(a->id, b->id);
    assert_int_equal(a->device, b->device);
    same_str(a->title, b->title);
    assert_int_equal(a->quantity, b->quantity);
    assert_int_equal(a->unit_estimate, b->unit_estimate);
    assert_int_equal(a->estimate, b->estimate);
    assert_int_equal(a->n_options, b->n_options);
    for (size_t i = 0; i < a->n_options; i++) {
        assert_int_equal(a->options[i].kind, b->options[i].kind);
        assert_int_equal(a->options[i].years, b->options[i].years);
        assert_int_equal(a->options[i].quantity, b->options[i].quantity);
        assert_int_equal(a->options[i].estimate, b->options[i].estimate);
    }
    assert_int_equal(a->n_reqs, b->n_reqs);
    for (size_t i = 0; i < a->n_reqs; i++) {
        const tp_requirement *x = &a->reqs[i], *y = &b->reqs[i];
        same_str(x->id, y->id);
        assert_int_equal(x->op, y->op);
        if (x->op == TP_OP_GE || x->op == TP_OP_RANGE)
            same_dec(x->min, y->min);
        if (x->op == TP_OP_LE || x->op == TP_OP_RANGE)
            same_dec(x->max, y->max);
        if (x->op == TP_OP_EQ)
            same_str(x->text, y->text);
        assert_int_equal(x->n_choices, y->n_choices);
        for (size_t k = 0; k < x->n_choices; k++)
            same_str(x->choices[k], y->choices[k]);
        if (x->unit && *x->unit)
            same_str(x->unit, y->unit);
    }
    assert_int_equal(a->n_scored, b->n_scored);
    for (size_t i = 0; i < a->n_scored; i++) {
        same_str(a->scored[i].id, b->scored[i].id);
        assert_int_equal(a->scored[i].kind, b->scored[i].kind);
        assert_int_equal(a->scored[i].max_points, b->scored[i].max_points);
        if (a->scored[i].kind == TP_SCORE_LINEAR) {
            same_dec(a->scored[i].floor, b->scored[i].floor);
            same_dec(a->scored[i].target, b->scored[i].target);
        }
    }
}

static void test_tender_read__round_trip_every_sample(void **state)
{
    for (size_t s = 0; s < sizeof samples / sizeof *samples; s++) {
        tp_diags d;
        tp_diags_init(&d);
        char path[512];
        snprintf(path, sizeof path, TP_SOURCE_DIR "/samples/%s.xml", samples[s]);
        tp_tender *t1 = NULL, *t2 = NULL;
        tp_profile *p1 = NULL, *p2 = NULL;
        assert_int_equal(tp_engine_tender_from_file(engine, &t1, &p1, path, &d), TP_OK);
        tp_buf xml;
        tp_buf_init(&xml);
        tp_sink sink = tp_sink_buf(&xml);
        assert_int_equal(tp_tender_write_xml(t1, &sink), TP_OK);
        assert_int_equal(tp_tender_parse(&t2, &p2, xml.data, xml.len, "t.xml", &d), TP_OK);
        assert_int_equal(d.n, 0);
        same_str(t1->reference, t2->reference);
        same_str(p1->po.name.s, p2->po.name.s);
        same_str(p1->po.bce.s, p2->po.bce.s);
        assert_int_equal(t1->procedure, t2->procedure);
        assert_int_equal(t1->publication, t2->publication);
        assert_int_equal(t1->above_eu_threshold, t2->above_eu_threshold);
        assert_int_equal(t1->estimate_htva, t2->estimate_htva);
        assert_int_equal(t1->budget_tvac, t2->budget_tvac);
        assert_int_equal(t1->vat_rate, t2->vat_rate);
        assert_int_equal(tp_date_cmp(t1->deadline, t2->deadline), 0);
        assert_int_equal(t1->deadline_hour, t2->deadline_hour);
        assert_int_equal(t1->deadline_utc_offset, t2->deadline_utc_offset);
        assert_int_equal(t1->n_lots, t2->n_lots);
        for (size_t i = 0; i < t1->n_lots; i++)
            same_lot(&t1->lots[i], &t2->lots[i]);
        assert_int_equal(t1->n_criteria, t2->n_criteria);
        for (size_t i = 0; i < t1->n_criteria; i++) {
            same_str(t1->criteria[i].id, t2->criteria[i].id);
            assert_int_equal(t1->criteria[i].weight, t2->criteria[i].weight);
            assert_int_equal(t1->criteria[i].formula, t2->criteria[i].formula);
            same_dec(t1->criteria[i].floor, t2->criteria[i].floor);
            same_dec(t1->criteria[i].target, t2->criteria[i].target);
        }
        tp_buf_dispose(&xml);
        tp_tender_free(t2);
        tp_profile_free(p2);
        tp_tender_free(t1);
        tp_profile_free(p1);
        tp_diags_dispose(&d);
    }
}

static void test_tender_read__refuses_broken_tenders(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_tender *t = NULL;
    tp_profile *p = NULL;
    const char *profile_path = TP_SOURCE_DIR "/samples/04-wbe-open-ted.xml";
    assert_int_equal(tp_tender_read(&t, &p, profile_path, &d), TP_EINVALID); /* a profile */
    assert_null(t);
    assert_null(p);
    assert_true(d.nerrors > 0);
    tp_diags_dispose(&d);

    tp_diags_init(&d);
    const char *bad = "<tender xmlns=\"urn:tenderpack:tender:1\" version=\"1\">";
    assert_int_equal(tp_tender_parse(&t, &p, bad, strlen(bad), "b.xml", &d), TP_EPARSE);
    tp_diags_dispose(&d);

    /* A deadline off the hour cannot be held by the model: refused, not rounded. */
    tp_tender *t1 = NULL;
    tp_profile *p1 = NULL;
    tp_diags_init(&d);
    assert_int_equal(tp_engine_tender_from_file(engine, &t1, &p1, profile_path, &d), TP_OK);
    tp_buf xml;
    tp_buf_init(&xml);
    tp_sink sink = tp_sink_buf(&xml);
    assert_int_equal(tp_tender_write_xml(t1, &sink), TP_OK);
    char *at = strstr(xml.data, "T10:00:00+01:00");
    assert_non_null(at);
    memcpy(at, "T10:30:00+01:00", 15);
    assert_int_equal(tp_tender_parse(&t, &p, xml.data, xml.len, "t.xml", &d), TP_EINVALID);
    assert_int_equal(d.nerrors, 1);
    assert_string_equal(d.v[0].field, "dates/deadline");
    tp_buf_dispose(&xml);
    tp_tender_free(t1);
    tp_profile_free(p1);
    tp_diags_dispose(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tender_read__round_trip_every_sample),
        cmocka_unit_test(test_tender_read__refuses_broken_tenders),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
