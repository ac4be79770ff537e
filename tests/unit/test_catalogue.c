#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "derive/catalogue.h"

static bool has_diag(const tp_diags *d, const char *field, const char *msg_part)
{
    for (size_t i = 0; i < d->n; i++)
        if ((!field || (d->v[i].field && strstr(d->v[i].field, field))) &&
            (!msg_part || strstr(d->v[i].msg, msg_part)))
            return true;
    return false;
}

static int load(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_catalogue *c = NULL;
    tp_err err = tp_catalogue_load(&c, &d);
    tp_diags_dispose(&d);
    *state = c;
    return err == TP_OK ? 0 : -1;
}

static int unload(void **state)
{
    tp_catalogue_free(*state);
    return 0;
}

static void assert_dec(tp_dec v, long long num, int scale)
{
    assert_int_equal(v.num, num);
    assert_int_equal(v.scale, scale);
}

static void test_catalogue__bundled_devices(void **state)
{
    const tp_catalogue *c = *state;
    assert_string_equal(c->edition, "2026");
    assert_int_equal(c->n_devices, 4);

    const tp_device_entry *laptop = tp_catalogue_device(c, TP_DEV_LAPTOP);
    assert_non_null(laptop);
    assert_string_equal(laptop->title, "Ordinateurs portables Windows");
    assert_string_equal(laptop->cpv_main, "30213100-6");
    assert_int_equal(laptop->n_cpv_extra, 0);
    assert_int_equal(laptop->unit_estimate, 48000);

    const tp_device_entry *chromebook = tp_catalogue_device(c, TP_DEV_CHROMEBOOK);
    assert_string_equal(chromebook->cpv_main, "30213100-6");
    assert_int_equal(chromebook->n_cpv_extra, 1);
    assert_string_equal(chromebook->cpv_extra[0], "48000000-8");
    assert_int_equal(chromebook->unit_estimate, 30000);

    const tp_device_entry *tablet = tp_catalogue_device(c, TP_DEV_TABLET);
    assert_string_equal(tablet->cpv_main, "30213200-7");
    assert_int_equal(tablet->unit_estimate, 35000);

    const tp_device_entry *acc = tp_catalogue_device(c, TP_DEV_ACCESSORIES);
    assert_string_equal(acc->cpv_main, "30237200-1");
    assert_int_equal(acc->n_cpv_extra, 3);
    assert_string_equal(acc->cpv_extra[0], "30237270-2");
    assert_string_equal(acc->cpv_extra[1], "31158000-8");
    assert_string_equal(acc->cpv_extra[2], "32342100-3");
    assert_int_equal(acc->unit_estimate, 2000);
    assert_int_equal(acc->n_options, 0);
    assert_null(tp_device_option(acc, TP_OPT_CHARGING_CART));
}

static void test_catalogue__bundled_options(void **state)
{
    const tp_device_entry *laptop = tp_catalogue_device(*state, TP_DEV_LAPTOP);
    const tp_option_def *w = tp_device_option(laptop, TP_OPT_EXTENDED_WARRANTY);
    assert_int_equal(w->basis, TP_BASIS_DEVICE_EXTRA_YEAR);
    assert_int_equal(w->unit_estimate, 4500);
    const tp_option_def *dmg = tp_device_option(laptop, TP_OPT_ACCIDENTAL_DAMAGE);
    assert_int_equal(dmg->basis, TP_BASIS_DEVICE_YEAR);
    assert_int_equal(dmg->unit_estimate, 3000);
    const tp_option_def *cart = tp_device_option(laptop, TP_OPT_CHARGING_CART);
    assert_int_equal(cart->basis, TP_BASIS_ITEM);
    assert_int_equal(cart->unit_estimate, 120000);
    assert_int_equal(cart->devices_per_item, 30);
    const tp_option_def *sleeve = tp_device_option(laptop, TP_OPT_PROTECTIVE_SLEEVE);
    assert_int_equal(sleeve->basis, TP_BASIS_DEVICE);
    assert_int_equal(sleeve->unit_estimate, 1800);
}

static void test_catalogue__bundled_requirements(void **state)
{
    const tp_device_entry *laptop = tp_catalogue_device(*state, TP_DEV_LAPTOP);
    const tp_requirement *r = tp_device_requirement(laptop, "cpu-benchmark");
    assert_int_equal(r->op, TP_OP_GE);
    assert_dec(r->min, 6000, 0);
    assert_string_equal(r->unit, "points");
    r = tp_device_requirement(laptop, "ram");
    assert_int_equal(r->op, TP_OP_GE);
    assert_dec(r->min, 8, 0);
    assert_string_equal(r->unit, "GB");
    assert_false(r->tightened);
    r = tp_device_requirement(laptop, "screen");
    assert_int_equal(r->op, TP_OP_RANGE);
    assert_dec(r->min, 133, 1);
    assert_dec(r->max, 156, 1);
    r = tp_device_requirement(laptop, "weight");
    assert_int_equal(r->op, TP_OP_LE);
    assert_dec(r->max, 18, 1);
    r = tp_device_requirement(laptop, "wifi");
    assert_int_equal(r->op, TP_OP_ONEOF);
    assert_int_equal(r->n_choices, 3);
    assert_string_equal(r->choices[2], "wifi7");
    r = tp_device_requirement(laptop, "keyboard-layout");
    assert_int_equal(r->op, TP_OP_EQ);
    assert_string_equal(r->text, "azerty-be");
    r = tp_device_requirement(laptop, "webcam");
    assert_int_equal(r->op, TP_OP_BOOL);
    r = tp_device_requirement(laptop, TP_WARRANTY_REQ);
    assert_dec(r->min, 3, 0);
    assert_string_equal(r->unit, "years");
    assert_null(tp_device_requirement(laptop, "aue-year"));
    assert_null(tp_device_requirement(laptop, NULL));

    const tp_device_entry *cb = tp_catalogue_device(*state, TP_DEV_CHROMEBOOK);
    assert_dec(tp_device_requirement(cb, "aue-year")->min, 2032, 0);
    const tp_device_entry *tab = tp_catalogue_device(*state, TP_DEV_TABLET);
    assert_dec(tp_device_requirement(tab, "screen")->min, 10, 0);
    assert_dec(tp_device_requirement(tab, "screen")->max, 11, 0);
    assert_int_equal(tp_device_requirement(tab, "stylus-support")->op, TP_OP_BOOL);

    /* Scored: lower-is-better weight goes from 1.8 down to 1.2 kg. */
    const tp_scored *s = NULL;
    for (size_t i = 0; i < laptop->n_scored; i++)
        if (strcmp(laptop->scored[i].id, "weight") == 0)
            s = &laptop->scored[i];
    assert_non_null(s);
    assert_int_equal(s->kind, TP_SCORE_LINEAR);
    assert_dec(s->floor, 18, 1);
    assert_dec(s->target, 12, 1);
    assert_int_equal(s->max_points, 10);
}

static void test_catalogue__bundled_award_defaults(void **state)
{
    const tp_catalogue *c = *state;
    assert_int_equal(c->n_award, 4);
    const tp_award_default *price = tp_catalogue_award(c, "price");
    assert_int_equal(price->c.weight, 60);
    assert_int_equal(price->c.formula, TP_FORMULA_PRICE_RATIO);
    assert_string_equal(price->c.formula_text,
                        "Note prix = (prix régulier le plus bas ÷ prix de l'offre) × {weight}");
    assert_int_equal(tp_catalogue_award(c, "technical")->c.weight, 25);
    assert_int_equal(tp_catalogue_award(c, "technical")->c.formula, TP_FORMULA_TECH_POINTS);
    const tp_award_default *w = tp_catalogue_award(c, "warranty");
    assert_int_equal(w->c.weight, 10);
    assert_int_equal(w->c.formula, TP_FORMULA_LINEAR);
    assert_int_equal(w->above_base_warranty, 2);
    const tp_award_default *del = tp_catalogue_award(c, "delivery");
    assert_int_equal(del->c.weight, 5);
    assert_dec(del->c.floor, 42, 0);
    assert_dec(del->c.target, 14, 0);
    assert_string_equal(del->c.unit, "days");
    assert_null(tp_catalogue_award(c, "beauty"));
}

/* A fresh copy of a laptop requirement, to tighten. */
static tp_requirement laptop_req(void **state, const char *id)
{
    tp_requirement r;
    tp_requirement_copy(&r, tp_device_requirement(tp_catalogue_device(*state, TP_DEV_LAPTOP), id));
    return r;
}

static void test_catalogue__tighten_ge_le(void **state)
{
    char *why = NULL;
    tp_requirement r = laptop_req(state, "ram");
    assert_true(tp_requirement_tighten(&r, "8", &why)); /* same value: allowed, not tighter */
    assert_false(r.tightened);
    assert_true(tp_requirement_tighten(&r, "16", &why));
    assert_null(why);
    assert_true(r.tightened);
    assert_dec(r.min, 16, 0);
    tp_requirement_dispose(&r);

    r = laptop_req(state, "ram");
    assert_false(tp_requirement_tighten(&r, "4", &why));
    assert_string_equal(why, "4 would loosen the catalogue minimum (>= 8 GB)");
    assert_dec(r.min, 8, 0); /* unchanged */
    assert_false(r.tightened);
    free(why);
    assert_false(tp_requirement_tighten(&r, "sixteen", &why));
    assert_string_equal(why, "'sixteen' is not a number (catalogue: >= 8 GB)");
    free(why);
    tp_requirement_dispose(&r);

    r = laptop_req(state, "weight");
    assert_true(tp_requirement_tighten(&r, "1.50", &why));
    assert_true(r.tightened);
    assert_dec(r.max, 15, 1);
    assert_false(tp_requirement_tighten(&r, "1.6", &why)); /* looser than the new 1.5 */
    free(why);
    tp_requirement_dispose(&r);

    r = laptop_req(state, "weight");
    assert_false(tp_requirement_tighten(&r, "2", &why));
    assert_string_equal(why, "2 would loosen the catalogue maximum (<= 1.8 kg)");
    free(why);
    tp_requirement_dispose(&r);
}

static void test_catalogue__tighten_range(void **state)
{
    char *why = NULL;
    tp_requirement r = laptop_req(state, "screen");
    assert_true(tp_requirement_tighten(&r, "14..15.6", &why));
    assert_true(r.tightened);
    assert_dec(r.min, 14, 0);
    assert_dec(r.max, 156, 1);
    tp_requirement_dispose(&r);

    r = laptop_req(state, "screen");
    assert_true(tp_requirement_tighten(&r, "13.3..15.6", &why));
    assert_false(r.tightened);
    assert_false(tp_requirement_tighten(&r, "13..14", &why));
    assert_string_equal(why, "13..14 would widen the catalogue range (13.3..15.6 in)");
    free(why);
    assert_false(tp_requirement_tighten(&r, "15..14", &why));
    assert_non_null(strstr(why, "empty range"));
    free(why);
    assert_false(tp_requirement_tighten(&r, "14", &why));
    assert_string_equal(why, "'14' is not a range MIN..MAX (catalogue: 13.3..15.6 in)");
    free(why);
    tp_requirement_dispose(&r);
}

static void test_catalogue__tighten_oneof_eq_bool(void **state)
{
    char *why = NULL;
    tp_requirement r = laptop_req(state, "wifi");
    assert_true(tp_requirement_tighten(&r, "WiFi6E|wifi7", &why));
    assert_true(r.tightened);
    assert_int_equal(r.n_choices, 2);
    assert_string_equal(r.choices[0], "wifi6e"); /* catalogue spelling kept */
    assert_string_equal(r.choices[1], "wifi7");
    tp_requirement_dispose(&r);

    r = laptop_req(state, "wifi");
    assert_true(tp_requirement_tighten(&r, "wifi7|wifi6|wifi6e", &why));
    assert_false(r.tightened);
    assert_false(tp_requirement_tighten(&r, "wifi5|wifi6", &why));
    assert_string_equal(why,
                        "'wifi5' is not one of the catalogue choices (one of wifi7|wifi6|wifi6e)");
    free(why);
    assert_false(tp_requirement_tighten(&r, "", &why));
    free(why);
    assert_int_equal(r.n_choices, 3);
    tp_requirement_dispose(&r);

    r = laptop_req(state, "keyboard-layout");
    assert_true(tp_requirement_tighten(&r, "AZERTY-BE", &why));
    assert_false(r.tightened);
    assert_false(tp_requirement_tighten(&r, "qwerty", &why));
    assert_non_null(strstr(why, "(= azerty-be)"));
    free(why);
    tp_requirement_dispose(&r);

    r = laptop_req(state, "webcam");
    assert_true(tp_requirement_tighten(&r, "yes", &why));
    assert_false(tp_requirement_tighten(&r, "no", &why));
    assert_non_null(strstr(why, "'no' would drop"));
    free(why);
    tp_requirement_dispose(&r);
}

static void test_catalogue__decimals(void **state)
{
    (void)state;
    tp_dec v;
    char buf[32];
    assert_true(tp_dec_parse(&v, "13.30"));
    assert_dec(v, 133, 1);
    assert_string_equal(tp_dec_format(buf, v), "13.3");
    assert_true(tp_dec_parse(&v, "-0.5"));
    assert_string_equal(tp_dec_format(buf, v), "-0.5");
    assert_true(tp_dec_parse(&v, "2032"));
    assert_string_equal(tp_dec_format(buf, v), "2032");
    assert_string_equal(tp_dec_format(buf, (tp_dec){1250, 3}), "1.25");
    assert_string_equal(tp_dec_format(buf, (tp_dec){5, 2}), "0.05");
    assert_false(tp_dec_parse(&v, ""));
    assert_false(tp_dec_parse(&v, "1."));
    assert_false(tp_dec_parse(&v, ".5"));
    assert_false(tp_dec_parse(&v, "1,5"));
    assert_false(tp_dec_parse(&v, "1.1234567"));
    assert_false(tp_dec_parse(&v, "1234567890123"));
    assert_int_equal(tp_dec_cmp((tp_dec){133, 1}, (tp_dec){1330, 2}), 0);
    assert_int_equal(tp_dec_cmp((tp_dec){133, 1}, (tp_dec){14, 0}), -1);
    assert_int_equal(tp_dec_cmp((tp_dec){-15, 1}, (tp_dec){-12, 1}), -1);
    assert_int_equal(tp_dec_cmp((tp_dec){-5, 1}, (tp_dec){-12, 1}), 1);
    /* Near the limits: no overflow when scaling. */
    assert_int_equal(tp_dec_cmp((tp_dec){999999999999LL, 0}, (tp_dec){999999999999999999LL, 6}),
                     -1);
    assert_int_equal(tp_dec_cmp((tp_dec){999999999999LL, 0}, (tp_dec){999999999999000000LL, 6}), 0);
}

/* A one-device catalogue; the pieces are spliced in so each test breaks one rule. */
static tp_err parse_catalogue(const char *reqs, const char *options, const char *weights,
                              tp_diags *d)
{
    char xml[4096];
    snprintf(xml, sizeof xml,
             "<?xml version=\"1.0\"?>\n"
             "<catalogue xmlns=\"urn:tenderpack:catalogue:1\" version=\"1\" edition=\"t\">\n"
             "  <device id=\"laptop\"><title>T</title><cpvMain>30213100-6</cpvMain>"
             "<unitEstimate>480.00</unitEstimate>%s\n"
             "    <requirements>%s</requirements>\n"
             "  </device>\n"
             "  <award>%s</award>\n"
             "</catalogue>\n",
             options, reqs, weights);
    tp_catalogue *c = NULL;
    tp_err err = tp_catalogue_parse(&c, xml, strlen(xml), "my-catalogue.xml", d);
    tp_catalogue_free(c);
    return err;
}

static const char good_award[] =
    "<criterion id=\"price\" weight=\"70\" formula=\"price-ratio\"><label>P</label>"
    "<formula>x</formula></criterion>"
    "<criterion id=\"technical\" weight=\"30\" formula=\"technical-points\"><label>T</label>"
    "<formula>y</formula></criterion>";

static void test_catalogue__custom_file_rules(void **state)
{
    (void)state;
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(parse_catalogue("<requirement id=\"ram\" op=\"ge\" min=\"8\" unit=\"GB\">"
                                     "<label>RAM</label></requirement>",
                                     "", good_award, &d),
                     TP_OK);
    assert_int_equal(d.nerrors, 0);
    tp_diags_dispose(&d);

    tp_diags_init(&d);
    assert_int_equal(
        parse_catalogue(
            "<requirement id=\"ram\" op=\"ge\" max=\"8\"><label>RAM</label></requirement>"
            "<requirement id=\"screen\" op=\"range\" min=\"15\" max=\"13\"><label>S"
            "</label></requirement>"
            "<requirement id=\"screen\" op=\"bool\"><label>S</label></requirement>",
            "<options><option kind=\"extended-warranty\" basis=\"device-extra-year\" "
            "unitEstimate=\"45.00\"><label>W</label></option></options>",
            "<criterion id=\"price\" weight=\"60\" formula=\"price-ratio\"><label>P"
            "</label><formula>x</formula></criterion>",
            &d),
        TP_ETEMPLATE);
    assert_true(has_diag(&d, "requirement[@id='ram']", "do not match op=\"ge\""));
    assert_true(has_diag(&d, "requirement[@id='screen']", "min is above max"));
    assert_true(has_diag(&d, "requirement[@id='screen']", "appears twice"));
    assert_true(has_diag(&d, "catalogue/award", "add up to 60, not 100"));
    assert_string_equal(d.v[0].file, "my-catalogue.xml");
    tp_diags_dispose(&d);

    tp_diags_init(&d); /* an extended warranty needs a base warranty to extend */
    assert_int_equal(
        parse_catalogue("<requirement id=\"ram\" op=\"ge\" min=\"8\"><label>RAM</label>"
                        "</requirement>",
                        "<options><option kind=\"extended-warranty\" "
                        "basis=\"device-extra-year\" unitEstimate=\"45.00\"><label>W"
                        "</label></option></options>",
                        good_award, &d),
        TP_ETEMPLATE);
    assert_true(has_diag(&d, "device[@id='laptop']", "no whole-years \"warranty\" requirement"));
    tp_diags_dispose(&d);

    tp_diags_init(&d); /* the XSD itself: unknown operator */
    assert_int_equal(
        parse_catalogue("<requirement id=\"ram\" op=\"gt\" min=\"8\"><label>RAM</label>"
                        "</requirement>",
                        "", good_award, &d),
        TP_ETEMPLATE);
    assert_int_equal(d.v[0].line, 4);
    tp_diags_dispose(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_catalogue__bundled_devices),
        cmocka_unit_test(test_catalogue__bundled_options),
        cmocka_unit_test(test_catalogue__bundled_requirements),
        cmocka_unit_test(test_catalogue__bundled_award_defaults),
        cmocka_unit_test(test_catalogue__tighten_ge_le),
        cmocka_unit_test(test_catalogue__tighten_range),
        cmocka_unit_test(test_catalogue__tighten_oneof_eq_bool),
        cmocka_unit_test(test_catalogue__decimals),
        cmocka_unit_test(test_catalogue__custom_file_rules),
    };
    return cmocka_run_group_tests(tests, load, unload);
}
