/* One test per rule of src/eval/check.c, on hand-made requirements and
 * lots, plus the bid-level rules and the tie-break on a real tender. */
#include "tp_test.h"

#include <stdlib.h>

#include "core/buf.h"
#include "core/io.h"
#include "engine/engine.h"
#include "eval/check.h"
#include "eval/eval.h"

/* ------------------------------------------------------------------ requirements */

static tp_requirement req(tp_req_op op, long long min, long long max, int scale, const char *unit)
{
    tp_requirement r;
    memset(&r, 0, sizeof r);
    r.id = "x";
    r.label = "Exigence";
    r.op = op;
    r.min.num = min;
    r.min.scale = scale;
    r.max.num = max;
    r.max.scale = scale;
    r.unit = (char *)unit;
    return r;
}

static tp_bid_value val(const char *text, const char *unit)
{
    tp_bid_value v = {"x", (char *)unit, (char *)text, 7};
    return v;
}

static tp_req_result check(const tp_requirement *r, const char *text, const char *unit,
                           tp_findings *f)
{
    tp_bid_value v = val(text, unit);
    return tp_check_requirement(f, r, text ? &v : NULL);
}

static void test_eval_check__ge_with_units(void **state)
{
    tp_findings f = {0};
    tp_requirement r = req(TP_OP_GE, 8, 0, 0, "GB");
    assert_int_equal(check(&r, "8", NULL, &f), TP_REQ_PASS);
    assert_int_equal(check(&r, "8192", "Mo", &f), TP_REQ_PASS);
    assert_int_equal(check(&r, "0,5", "To", &f), TP_REQ_PASS);
    assert_int_equal(f.n, 0);
    assert_int_equal(check(&r, "8191", "Mo", &f), TP_REQ_FAIL);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.v[0].code, "REQ-FAIL");
    assert_int_equal(f.v[0].sev, TP_FS_SUBSTANTIAL);
    assert_string_equal(f.v[0].ref, "x");
    assert_int_equal(f.v[0].line, 7);
    assert_string_equal(f.v[0].msg, "Exigence : 8191 Mo (soit ≈7,999023 GB) offert, exigence "
                                    "minimale non atteinte (au moins 8 GB).");
    tp_findings_dispose(&f);
}

static void test_eval_check__le_range_in_other_units(void **state)
{
    tp_findings f = {0};
    tp_requirement weight = req(TP_OP_LE, 0, 18, 1, "kg");
    assert_int_equal(check(&weight, "1800", "g", &f), TP_REQ_PASS); /* equal passes */
    assert_int_equal(check(&weight, "1801", "g", &f), TP_REQ_FAIL);
    tp_requirement screen = req(TP_OP_RANGE, 133, 156, 1, "in");
    assert_int_equal(check(&screen, "33,8", "cm", &f), TP_REQ_PASS);  /* 13.307 in */
    assert_int_equal(check(&screen, "33,7", "cm", &f), TP_REQ_FAIL);  /* 13.268 in */
    assert_int_equal(check(&screen, "15,6", "\xe2\x80\xb3", &f), TP_REQ_PASS);
    assert_int_equal(check(&screen, "15.7", NULL, &f), TP_REQ_FAIL);
    tp_requirement battery = req(TP_OP_GE, 8, 0, 0, "h");
    assert_int_equal(check(&battery, "480", "min", &f), TP_REQ_PASS);
    assert_int_equal(check(&battery, "479", "min", &f), TP_REQ_FAIL);
    assert_int_equal(f.n, 4);
    tp_findings_dispose(&f);
}

static void test_eval_check__eq_oneof_bool(void **state)
{
    tp_findings f = {0};
    tp_requirement eq = req(TP_OP_EQ, 0, 0, 0, NULL);
    eq.text = "ssd";
    assert_int_equal(check(&eq, "SSD", NULL, &f), TP_REQ_PASS);
    assert_int_equal(check(&eq, "emmc", NULL, &f), TP_REQ_FAIL);
    char *choices[] = {"wifi6", "wifi6e"};
    tp_requirement one = req(TP_OP_ONEOF, 0, 0, 0, NULL);
    one.choices = choices;
    one.n_choices = 2;
    assert_int_equal(check(&one, "WiFi6E", NULL, &f), TP_REQ_PASS);
    assert_int_equal(check(&one, "wifi5", NULL, &f), TP_REQ_FAIL);
    tp_requirement b = req(TP_OP_BOOL, 0, 0, 0, NULL);
    assert_int_equal(check(&b, "oui", NULL, &f), TP_REQ_PASS);
    assert_int_equal(check(&b, "Yes", NULL, &f), TP_REQ_PASS);
    assert_int_equal(check(&b, "non", NULL, &f), TP_REQ_FAIL);
    assert_int_equal(check(&b, "peut-être", NULL, &f), TP_REQ_INVALID);
    assert_int_equal(f.n, 4);
    assert_string_equal(f.v[3].code, "REQ-VALUE");
    assert_string_equal(f.v[1].msg, "Exigence : « wifi5 » offert, exigence minimale non atteinte "
                                    "(l'une des valeurs « wifi6 », « wifi6e »).");
    tp_findings_dispose(&f);
}

static void test_eval_check__missing_unreadable_unit(void **state)
{
    tp_findings f = {0};
    tp_requirement r = req(TP_OP_GE, 8, 0, 0, "GB");
    assert_int_equal(check(&r, NULL, NULL, &f), TP_REQ_MISSING);
    assert_int_equal(check(&r, "", NULL, &f), TP_REQ_MISSING);
    assert_int_equal(check(&r, "huit", NULL, &f), TP_REQ_INVALID);
    assert_int_equal(check(&r, "8", "kg", &f), TP_REQ_INVALID);
    assert_int_equal(check(&r, "8", "octets magiques", &f), TP_REQ_INVALID);
    assert_int_equal(f.n, 5);
    assert_string_equal(f.v[0].code, "REQ-MISSING");
    assert_int_equal(f.v[0].line, 0);
    assert_string_equal(f.v[1].code, "REQ-MISSING");
    assert_string_equal(f.v[2].code, "REQ-VALUE");
    assert_string_equal(f.v[3].code, "REQ-UNIT");
    assert_string_equal(f.v[4].code, "REQ-UNIT");
    for (size_t i = 0; i < f.n; i++)
        assert_int_equal(f.v[i].sev, TP_FS_SUBSTANTIAL);
    tp_findings_dispose(&f);
}

static void test_eval_check__scored_values(void **state)
{
    tp_findings f = {0};
    tp_feature feat;
    tp_scored lin = {"weight", "Poids", TP_SCORE_LINEAR, {18, 1}, {12, 1}, "kg", 10};
    tp_bid_value v = val("1350", "g");
    tp_check_scored(&f, &feat, &lin, &v);
    assert_true(feat.answered);
    assert_int_equal(feat.points.num, 15);
    assert_int_equal(feat.points.den, 2);
    tp_check_scored(&f, &feat, &lin, NULL);
    assert_false(feat.answered);
    assert_int_equal(feat.points.num, 0);
    tp_scored yn = {"rugged", "Robuste", TP_SCORE_YESNO, {0, 0}, {0, 0}, NULL, 5};
    v = val("oui", NULL);
    tp_check_scored(&f, &feat, &yn, &v);
    assert_int_equal(feat.points.num, 5);
    v = val("bof", NULL);
    tp_check_scored(&f, &feat, &yn, &v);
    assert_int_equal(feat.points.num, 0);
    assert_int_equal(f.n, 2);
    assert_string_equal(f.v[0].code, "SCORE-MISSING");
    assert_string_equal(f.v[1].code, "SCORE-VALUE");
    assert_int_equal(f.v[1].sev, TP_FS_WARNING);
    tp_findings_dispose(&f);
}

/* ------------------------------------------------------------------ prices */

static tp_lot price_lot(tp_lot_option_t *opt)
{
    tp_lot lot;
    memset(&lot, 0, sizeof lot);
    lot.number = 1;
    lot.quantity = 30;
    lot.estimate = TP_EUR(20000);
    opt->kind = TP_OPT_EXTENDED_WARRANTY;
    opt->years = 4;
    opt->quantity = 30;
    opt->label = "Extension de garantie";
    lot.options = opt;
    lot.n_options = 1;
    return lot;
}

static void test_eval_check__prices_correct(void **state)
{
    tp_lot_option_t opt;
    tp_lot lot = price_lot(&opt);
    tp_bid_line line = {"devices", 30, 45500, 1365000, 10};
    tp_bid_option bo = {TP_OPT_EXTENDED_WARRANTY, 4, 30, 4000, 120000, 11};
    tp_bid_lot bl;
    memset(&bl, 0, sizeof bl);
    bl.lines = &line;
    bl.n_lines = 1;
    bl.options = &bo;
    bl.n_options = 1;
    bl.htva = 1485000;
    bl.tva = 311850;
    bl.tvac = 1796850;
    tp_offer o;
    memset(&o, 0, sizeof o);
    tp_check_prices(&o, &lot, &bl, 21);
    assert_int_equal(o.findings.n, 0);
    assert_false(o.corrected);
    assert_int_equal(o.htva, 1485000);
    assert_int_equal(o.tva, 311850);
    assert_int_equal(o.tvac, 1796850);
    tp_findings_dispose(&o.findings);
}

static void test_eval_check__prices_corrected(void **state)
{
    tp_lot_option_t opt;
    tp_lot lot = price_lot(&opt);
    /* 30 × 455.00 = 13650.00, written 13560.00; totals follow the wrong line; VAT wrong too. */
    tp_bid_line line = {"devices", 30, 45500, 1356000, 10};
    tp_bid_option bo = {TP_OPT_EXTENDED_WARRANTY, 4, 30, 4000, 120000, 11};
    tp_bid_lot bl;
    memset(&bl, 0, sizeof bl);
    bl.lines = &line;
    bl.n_lines = 1;
    bl.options = &bo;
    bl.n_options = 1;
    bl.htva = 1476000;
    bl.tva = 300000;
    bl.tvac = 1776000;
    tp_offer o;
    memset(&o, 0, sizeof o);
    tp_check_prices(&o, &lot, &bl, 21);
    assert_true(o.corrected);
    assert_int_equal(o.htva, 1485000);
    assert_int_equal(o.tva, 311850);
    assert_int_equal(o.tvac, 1796850);
    assert_int_equal(o.findings.n, 3);
    assert_string_equal(o.findings.v[0].code, "PRICE-LINE");
    assert_string_equal(o.findings.v[0].msg, "Ligne « devices » : 30 × 455,00\xc2\xa0€ = "
                                             "13\xc2\xa0" "650,00\xc2\xa0€ et non 13\xc2\xa0"
                                             "560,00\xc2\xa0€ ; total de la ligne corrigé.");
    assert_string_equal(o.findings.v[1].code, "PRICE-TOTAL");
    assert_string_equal(o.findings.v[2].code, "PRICE-VAT");
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(o.findings.v[i].sev, TP_FS_CORRECTION);
    tp_findings_dispose(&o.findings);
}

static void test_eval_check__prices_incomplete(void **state)
{
    tp_lot_option_t opt;
    tp_lot lot = price_lot(&opt);
    tp_bid_line lines[] = {{"devices", 25, 45500, 1137500, 10}, {"mice", 30, 1000, 30000, 11}};
    tp_bid_option bo = {TP_OPT_ACCIDENTAL_DAMAGE, 3, 30, 4000, 120000, 12};
    tp_bid_lot bl;
    memset(&bl, 0, sizeof bl);
    bl.lines = lines;
    bl.n_lines = 2;
    bl.options = &bo;
    bl.n_options = 1;
    tp_offer o;
    memset(&o, 0, sizeof o);
    tp_check_prices(&o, &lot, &bl, 21);
    assert_true(tp_findings_has(&o.findings, "PRICE-LINE-UNKNOWN"));
    assert_true(tp_findings_has(&o.findings, "PRICE-QUANTITY"));
    assert_true(tp_findings_has(&o.findings, "OPTION-MISSING"));
    assert_true(tp_findings_has(&o.findings, "OPTION-UNKNOWN"));
    assert_true(tp_findings_substantial(&o.findings));
    assert_int_equal(o.htva, 1137500); /* unknown line and option stay out of the price */
    tp_findings_dispose(&o.findings);

    bo.kind = TP_OPT_EXTENDED_WARRANTY; /* right option, wrong duration */
    bl.n_lines = 1;
    lines[0].quantity = 30;
    lines[0].total = 1365000;
    memset(&o, 0, sizeof o);
    tp_check_prices(&o, &lot, &bl, 21);
    assert_true(tp_findings_has(&o.findings, "OPTION-YEARS"));
    assert_false(tp_findings_has(&o.findings, "OPTION-MISSING"));
    tp_findings_dispose(&o.findings);

    bl.n_lines = 0; /* no devices line at all */
    memset(&o, 0, sizeof o);
    tp_check_prices(&o, &lot, &bl, 21);
    assert_true(tp_findings_has(&o.findings, "PRICE-LINE-MISSING"));
    tp_findings_dispose(&o.findings);
}

/* ------------------------------------------------------------------ bid level, ranking */

static tp_engine *engine;
static tp_tender *tender;
static tp_profile *profile;
static char *base_bid;

static int setup(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_engine_open(&engine, &d), TP_OK);
    assert_int_equal(tp_engine_tender_from_file(engine, &tender, &profile,
                                                TP_SOURCE_DIR "/samples/04-wbe-open-ted.xml", &d),
                     TP_OK);
    tp_buf b;
    tp_buf_init(&b);
    assert_int_equal(tp_read_file(&b, TP_SOURCE_DIR "/samples/bids/04-wbe-open-ted/11-sambre-tie.xml",
                                  1u << 20, &d),
                     TP_OK);
    base_bid = tp_buf_detach(&b);
    tp_diags_dispose(&d);
    return 0;
}

static int teardown(void **state)
{
    free(base_bid);
    tp_tender_free(tender);
    tp_profile_free(profile);
    tp_engine_free(engine);
    return 0;
}

/* The base bid with each "from" replaced by "to" (first occurrence). */
static tp_bid *variant(const char *from1, const char *to1, const char *from2, const char *to2)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_puts(&b, base_bid);
    const char *from[] = {from1, from2}, *to[] = {to1, to2};
    for (int i = 0; i < 2; i++) {
        if (!from[i])
            continue;
        char *at = strstr(b.data, from[i]);
        assert_non_null(at);
        tp_buf n;
        tp_buf_init(&n);
        tp_buf_put(&n, b.data, (size_t)(at - b.data));
        tp_buf_puts(&n, to[i]);
        tp_buf_puts(&n, at + strlen(from[i]));
        tp_buf_dispose(&b);
        b = n;
    }
    tp_bid *bid = NULL;
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_bid_parse_one(&bid, b.data, b.len, "t.xml", &d), TP_OK);
    tp_diags_dispose(&d);
    tp_buf_dispose(&b);
    assert_non_null(bid);
    return bid;
}

static tp_eval_bid check_bid(tp_bid *bid, bool *considered)
{
    tp_evaluation *ev = tp_evaluation_new(tender);
    tp_eval_bid eb;
    memset(&eb, 0, sizeof eb);
    *considered = tp_check_bid(&eb, bid, tender, ev->deadline_utc);
    tp_evaluation_free(ev);
    tp_bid_free(bid);
    return eb;
}

static void test_eval_check__deadline_with_offsets(void **state)
{
    /* Deadline 2026-12-02T10:00:00+01:00 = 09:00:00Z. */
    const char *on_time[] = {"2026-12-02T10:00:00+01:00", "2026-12-02T09:00:00Z",
                             "2026-12-02T11:00:00+02:00", "2026-12-02T04:00:00-05:00"};
    const char *late[] = {"2026-12-02T10:00:01+01:00", "2026-12-02T09:00:00.000001Z",
                          "2026-12-02T10:00:00+00:00"};
    bool considered;
    for (size_t i = 0; i < 4; i++) {
        tp_eval_bid eb = check_bid(variant("2026-12-01T15:00:00+01:00", on_time[i], NULL, NULL),
                                   &considered);
        assert_true(considered);
        assert_false(eb.late);
        tp_findings_dispose(&eb.findings);
    }
    for (size_t i = 0; i < 3; i++) {
        tp_eval_bid eb = check_bid(variant("2026-12-01T15:00:00+01:00", late[i], NULL, NULL),
                                   &considered);
        assert_false(considered);
        assert_true(eb.late);
        assert_true(tp_findings_has(&eb.findings, "BID-LATE"));
        tp_findings_dispose(&eb.findings);
    }
}

static void test_eval_check__reference_signatory_vat(void **state)
{
    bool considered;
    tp_eval_bid eb = check_bid(variant("WBE-NAM-2026-003", "WBE-NAM-2026-004", NULL, NULL),
                               &considered);
    assert_false(considered);
    assert_true(tp_findings_has(&eb.findings, "BID-REFERENCE"));
    tp_findings_dispose(&eb.findings);

    eb = check_bid(variant("<signatory>", "<!--", "</signatory>", "-->"), &considered);
    assert_true(considered); /* analysed, but excluded */
    assert_true(tp_findings_has(&eb.findings, "BID-SIGNATORY"));
    assert_true(tp_findings_substantial(&eb.findings));
    tp_findings_dispose(&eb.findings);

    eb = check_bid(variant("BE0424021246", "BE0424021247", NULL, NULL), &considered);
    assert_true(tp_findings_has(&eb.findings, "BID-VAT"));
    assert_false(tp_findings_substantial(&eb.findings));
    assert_string_equal(eb.findings.v[0].msg,
                        "Numéro de TVA BE0424021247 : chiffres de contrôle erronés (modulo 97 : 46 "
                        "attendu) ; à vérifier dans la BCE.");
    tp_findings_dispose(&eb.findings);

    eb = check_bid(variant("BE0424021246", "BE2424021246", NULL, NULL), &considered);
    assert_true(tp_findings_has(&eb.findings, "BID-VAT")); /* an establishment number */
    tp_findings_dispose(&eb.findings);

    eb = check_bid(variant("BE0424021246", "NL001234567B01", NULL, NULL), &considered);
    assert_int_equal(eb.findings.n, 0); /* foreign numbers are not checked */
    tp_findings_dispose(&eb.findings);

    eb = check_bid(variant("<lot number=\"2\">", "<lot number=\"9\">", NULL, NULL), &considered);
    assert_true(tp_findings_has(&eb.findings, "BID-LOT-UNKNOWN"));
    tp_findings_dispose(&eb.findings);
}

static void test_eval_check__tie_break(void **state)
{
    /* Three identical offers: the earliest receipt wins; at the same second, the smaller VAT. */
    tp_evaluation *ev = tp_evaluation_new(tender);
    tp_evaluation_add(ev, variant("2026-12-01T15:00:00+01:00", "2026-12-01T15:00:00+01:00",
                                  "BE0424021246", "BE0424021246"));
    tp_evaluation_add(ev, variant("2026-12-01T15:00:00+01:00", "2026-12-01T13:00:00Z",
                                  "BE0424021246", "BE0403170701"));
    tp_evaluation_add(ev, variant("2026-12-01T15:00:00+01:00", "2026-12-01T14:00:00+01:00",
                                  "BE0424021246", "BE0201234560"));
    assert_int_equal(tp_evaluation_finish(ev), TP_OK);
    const tp_lot_eval *le = &ev->lots[0];
    assert_int_equal(le->regular, 3);
    assert_int_equal(le->offers[0].bid, 2); /* BE0201…: 14:00 CET, same instant as 13:00Z */
    assert_int_equal(le->offers[1].bid, 1);
    assert_int_equal(le->offers[2].bid, 0);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(le->offers[i].rank, i + 1);
        assert_true(le->offers[i].tied);
        assert_int_equal(le->offers[i].s_total, le->offers[0].s_total);
    }
    assert_true(le->offers[0].winner);
    assert_false(le->offers[1].winner);
    assert_int_equal(ev->bids[2].findings.n, 1); /* BE0201234560 has bad check digits: minor */
    tp_evaluation_free(ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eval_check__ge_with_units),
        cmocka_unit_test(test_eval_check__le_range_in_other_units),
        cmocka_unit_test(test_eval_check__eq_oneof_bool),
        cmocka_unit_test(test_eval_check__missing_unreadable_unit),
        cmocka_unit_test(test_eval_check__scored_values),
        cmocka_unit_test(test_eval_check__prices_correct),
        cmocka_unit_test(test_eval_check__prices_corrected),
        cmocka_unit_test(test_eval_check__prices_incomplete),
        cmocka_unit_test(test_eval_check__deadline_with_offsets),
        cmocka_unit_test(test_eval_check__reference_signatory_vat),
        cmocka_unit_test(test_eval_check__tie_break),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
