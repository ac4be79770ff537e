#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "derive/thresholds.h"

static tp_date day(int y, int m, int d)
{
    return (tp_date){y, m, d};
}

/* True when some diagnostic's field and message contain those texts. */
static bool has_diag(const tp_diags *d, const char *field, const char *msg_part)
{
    for (size_t i = 0; i < d->n; i++)
        if ((!field || (d->v[i].field && strstr(d->v[i].field, field))) &&
            (!msg_part || strstr(d->v[i].msg, msg_part)))
            return true;
    return false;
}

static void test_thresholds__bundled_file_loads(void **state)
{
    (void)state;
    tp_diags d;
    tp_diags_init(&d);
    tp_rules *r = NULL;
    assert_int_equal(tp_rules_load(&r, &d), TP_OK);
    assert_int_equal(d.nerrors, 0);
    assert_non_null(r);
    assert_non_null(r->origin);
    assert_int_equal(r->n_periods, 2);

    const tp_thresholds *a = &r->periods[0], *b = &r->periods[1];
    assert_string_equal(a->id, "2024-2025");
    assert_int_equal(a->faible_montant, 3000000);
    assert_int_equal(a->pnspp, 14300000);
    assert_int_equal(a->eu_sub_central, 22100000);
    assert_int_equal(a->eu_central, 14300000);
    assert_non_null(strstr(a->source, "2023/2495"));
    assert_string_equal(b->id, "2026-2027");
    assert_int_equal(b->faible_montant, 3000000);
    assert_int_equal(b->pnspp, 14000000);
    assert_int_equal(b->eu_sub_central, 21600000);
    assert_int_equal(b->eu_central, 14000000);
    assert_non_null(strstr(b->source, "2025/2150"));
    assert_int_equal(tp_date_cmp(b->valid_from, day(2026, 1, 1)), 0);
    assert_int_equal(tp_date_cmp(b->valid_to, day(2027, 12, 31)), 0);

    assert_int_equal(r->open_days, 35);
    assert_int_equal(r->electronic_reduction, 5);
    assert_int_equal(r->pndapp_days, 22);
    assert_int_equal(r->pnspp_days, 15);
    assert_int_equal(r->faible_days, 10);
    assert_int_equal(r->validity_days, 90);
    assert_int_equal(r->standstill_days, 15);
    assert_int_equal(r->vat_rate, 21);
    tp_rules_free(r);
    tp_diags_dispose(&d);
}

static void test_thresholds__period_boundaries(void **state)
{
    (void)state;
    tp_diags d;
    tp_diags_init(&d);
    tp_rules *r = NULL;
    assert_int_equal(tp_rules_load(&r, &d), TP_OK);

    assert_null(tp_rules_for_date(r, day(2023, 12, 31)));
    assert_string_equal(tp_rules_for_date(r, day(2024, 1, 1))->id, "2024-2025");
    assert_string_equal(tp_rules_for_date(r, day(2025, 6, 15))->id, "2024-2025");
    assert_string_equal(tp_rules_for_date(r, day(2025, 12, 31))->id, "2024-2025");
    assert_string_equal(tp_rules_for_date(r, day(2026, 1, 1))->id, "2026-2027");
    assert_string_equal(tp_rules_for_date(r, day(2027, 12, 31))->id, "2026-2027");
    assert_null(tp_rules_for_date(r, day(2028, 1, 1)));
    assert_null(tp_rules_for_date(NULL, day(2026, 1, 1)));
    tp_rules_free(r);
    tp_diags_dispose(&d);
}

/* A rules file with one period and the given amounts and dates. */
static char *rules_xml(const char *from, const char *to, const char *faible, const char *pnspp,
                       const char *extra_period)
{
    static const char fmt[] =
        "<?xml version=\"1.0\"?>\n"
        "<rules xmlns=\"urn:tenderpack:rules:1\" version=\"1\">\n"
        "  <period id=\"p1\" validFrom=\"%s\" validTo=\"%s\">\n"
        "    <faibleMontant>%s</faibleMontant><pnspp>%s</pnspp>\n"
        "    <euSubCentral>216000.00</euSubCentral><euCentral>140000.00</euCentral>\n"
        "    <source>test</source>\n"
        "  </period>\n"
        "%s"
        "  <timeLimits><open days=\"35\"/><electronicReduction days=\"5\"/><pndapp days=\"22\"/>"
        "<pnspp days=\"15\"/><faibleMontant days=\"10\"/></timeLimits>\n"
        "  <tenderValidity days=\"90\"/><standstill days=\"15\"/><vat rate=\"21\"/>\n"
        "</rules>\n";
    size_t n = sizeof fmt + strlen(from) + strlen(to) + strlen(faible) + strlen(pnspp) +
               strlen(extra_period);
    char *s = malloc(n);
    snprintf(s, n, fmt, from, to, faible, pnspp, extra_period);
    return s;
}

static tp_err parse(const char *xml, tp_rules **r, tp_diags *d)
{
    return tp_rules_parse(r, xml, strlen(xml), "my-thresholds.xml", d);
}

static void test_thresholds__custom_file_parses(void **state)
{
    (void)state;
    tp_diags d;
    tp_diags_init(&d);
    tp_rules *r = NULL;
    char *xml = rules_xml("2028-01-01", "2029-12-31", "30000.00", "150000.00", "");
    assert_int_equal(parse(xml, &r, &d), TP_OK);
    assert_int_equal(r->n_periods, 1);
    assert_int_equal(r->periods[0].pnspp, 15000000);
    assert_string_equal(r->origin, "my-thresholds.xml");
    assert_string_equal(tp_rules_for_date(r, day(2029, 3, 1))->id, "p1");
    tp_rules_free(r);
    free(xml);
    tp_diags_dispose(&d);
}

static void test_thresholds__schema_error_names_file_and_line(void **state)
{
    (void)state;
    tp_diags d;
    tp_diags_init(&d);
    tp_rules *r = NULL;
    /* "30 000" is not a money value: the XSD refuses it on line 4. */
    char *xml = rules_xml("2026-01-01", "2027-12-31", "30 000", "140000.00", "");
    assert_int_equal(parse(xml, &r, &d), TP_ETEMPLATE);
    assert_null(r);
    assert_true(d.nerrors >= 1);
    assert_string_equal(d.v[0].file, "my-thresholds.xml");
    assert_int_equal(d.v[0].line, 4);
    free(xml);
    tp_diags_dispose(&d);
}

static void test_thresholds__broken_file_is_a_template_error(void **state)
{
    (void)state;
    tp_diags d;
    tp_diags_init(&d);
    tp_rules *r = NULL;
    assert_int_equal(parse("<rules xmlns=\"urn:tenderpack:rules:1\"", &r, &d), TP_ETEMPLATE);
    assert_null(r);
    assert_true(d.nerrors >= 1);
    assert_string_equal(d.v[0].file, "my-thresholds.xml");
    tp_diags_dispose(&d);
}

static void test_thresholds__rules_beyond_the_schema(void **state)
{
    (void)state;
    tp_diags d;
    tp_diags_init(&d);
    tp_rules *r = NULL;
    /* Every problem at once: dates swapped, amounts not rising, overlapping periods. */
    char *xml =
        rules_xml("2027-12-31", "2026-01-01", "150000.00", "140000.00",
                  "  <period id=\"p2\" validFrom=\"2020-01-01\" validTo=\"2030-12-31\">\n"
                  "    <faibleMontant>30000.00</faibleMontant><pnspp>140000.00</pnspp>\n"
                  "    <euSubCentral>216000.00</euSubCentral><euCentral>140000.00</euCentral>\n"
                  "    <source>test</source>\n"
                  "  </period>\n");
    assert_int_equal(parse(xml, &r, &d), TP_ETEMPLATE);
    assert_null(r);
    assert_true(has_diag(&d, "rules/period[1]", "ends (validTo) before it starts"));
    assert_true(has_diag(&d, "rules/period[1]", "not in increasing order"));
    free(xml);
    tp_diags_dispose(&d);

    tp_diags_init(&d);
    xml = rules_xml("2026-01-01", "2027-12-31", "30000.00", "140000.00",
                    "  <period id=\"p2\" validFrom=\"2027-06-01\" validTo=\"2028-12-31\">\n"
                    "    <faibleMontant>30000.00</faibleMontant><pnspp>140000.00</pnspp>\n"
                    "    <euSubCentral>216000.00</euSubCentral><euCentral>140000.00</euCentral>\n"
                    "    <source>test</source>\n"
                    "  </period>\n");
    assert_int_equal(parse(xml, &r, &d), TP_ETEMPLATE);
    assert_true(has_diag(&d, "rules/period", "periods p1 and p2 overlap"));
    free(xml);
    tp_diags_dispose(&d);

    tp_diags_init(&d);
    xml = rules_xml("2026-02-30", "2027-12-31", "30000.00", "140000.00", "");
    assert_int_equal(parse(xml, &r, &d), TP_ETEMPLATE);
    assert_true(has_diag(&d, "rules/period[1]", "validFrom=\"2026-02-30\" is not a valid date"));
    free(xml);
    tp_diags_dispose(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_thresholds__bundled_file_loads),
        cmocka_unit_test(test_thresholds__period_boundaries),
        cmocka_unit_test(test_thresholds__custom_file_parses),
        cmocka_unit_test(test_thresholds__schema_error_names_file_and_line),
        cmocka_unit_test(test_thresholds__broken_file_is_a_template_error),
        cmocka_unit_test(test_thresholds__rules_beyond_the_schema),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
