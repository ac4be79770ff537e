#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/profile_check.h"
#include "core/err.h"
#include "core/mem.h"
#include "input/profile_read.h"
#include "model/profile.h"

/* A valid profile: two schools (450 and 200 pupils: minimum stock 23 + 10),
 * a laptop lot split between them and an accessories lot. */
static const char base_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<profile xmlns=\"urn:tenderpack:school-profile:1\" version=\"1\">\n"
    "  <reference>ISND-2026-01</reference>\n"
    "  <language>fr</language>\n"
    "  <po>\n"
    "    <name>Institut des Soeurs de Notre Dame ASBL</name>\n"
    "    <bce>0408211929</bce>\n"
    "    <fase>826</fase>\n"
    "    <legalForm>asbl</legalForm>\n"
    "    <network>libre-confessionnel</network>\n"
    "    <federation>segec</federation>\n"
    "    <address><street>Rue de Veeweyde</street><number>40</number>\n"
    "      <postalCode>1070</postalCode><locality>Anderlecht</locality></address>\n"
    "    <contact><name>Marie Dubois</name>\n"
    "      <email>direction@isnd.example</email>\n"
    "      <phone>02 521 00 00</phone></contact>\n"
    "    <signatory><name>Paul Martin</name><role>Président</role></signatory>\n"
    "  </po>\n"
    "  <schools>\n"
    "    <school>\n"
    "      <fase>29</fase>\n"
    "      <name>Institut des Soeurs de Notre-Dame</name>\n"
    "      <bce>2167179245</bce>\n"
    "      <type>secondaire-ordinaire</type>\n"
    "      <implantations>\n"
    "        <implantation><fase>45</fase>\n"
    "          <address><street>Rue de Veeweyde</street><number>40</number>\n"
    "            <postalCode>1070</postalCode><locality>Anderlecht</locality></address>\n"
    "        </implantation>\n"
    "      </implantations>\n"
    "      <pupils referenceDate=\"2026-10-01\">\n"
    "        <degree number=\"1\">180</degree>\n"
    "        <degree number=\"2\">150</degree>\n"
    "        <degree number=\"3\">120</degree>\n"
    "      </pupils>\n"
    "    </school>\n"
    "    <school>\n"
    "      <fase>74</fase>\n"
    "      <name>Institut Alexandre Herlin</name>\n"
    "      <bce>2167108078</bce>\n"
    "      <type>secondaire-specialise</type>\n"
    "      <implantations>\n"
    "        <implantation><fase>124</fase>\n"
    "          <address><street>Rue de Dilbeek</street><number>1</number>\n"
    "            <postalCode>1082</postalCode><locality>Berchem</locality></address>\n"
    "        </implantation>\n"
    "        <implantation><fase>125</fase>\n"
    "          <address><street>Rue de Dilbeek</street><number>3</number>\n"
    "            <postalCode>1082</postalCode><locality>Berchem</locality></address>\n"
    "        </implantation>\n"
    "      </implantations>\n"
    "      <pupils referenceDate=\"2026-10-01\">\n"
    "        <degree number=\"2\">100</degree>\n"
    "        <degree number=\"3\">100</degree>\n"
    "      </pupils>\n"
    "    </school>\n"
    "  </schools>\n"
    "  <equipment>\n"
    "    <lot device=\"laptop\">\n"
    "      <quantity>60</quantity>\n"
    "      <options><option kind=\"extended-warranty\" years=\"4\"/>\n"
    "        <option kind=\"charging-cart\"/></options>\n"
    "      <requirements><requirement ref=\"ram\" value=\"16\"/></requirements>\n"
    "      <allocations><allocation school=\"29\" quantity=\"40\"/>\n"
    "        <allocation school=\"74\" quantity=\"20\"/></allocations>\n"
    "    </lot>\n"
    "    <lot device=\"accessories\">\n"
    "      <quantity>60</quantity>\n"
    "      <options><option kind=\"protective-sleeve\"/></options>\n"
    "    </lot>\n"
    "  </equipment>\n"
    "  <award>\n"
    "    <criterion ref=\"price\" weight=\"60\"/>\n"
    "    <criterion ref=\"technical\" weight=\"25\"/>\n"
    "    <criterion ref=\"warranty\" weight=\"10\"/>\n"
    "    <criterion ref=\"delivery\" weight=\"5\"/>\n"
    "  </award>\n"
    "  <budget>40000.00</budget>\n"
    "  <dates><publication>2026-12-01</publication>\n"
    "    <delivery>2027-03-01</delivery></dates>\n"
    "</profile>\n";

/* 1-based line of the first occurrence of needle in base_xml. */
static int line_of(const char *needle)
{
    const char *at = strstr(base_xml, needle);
    assert_non_null(at);
    int line = 1;
    for (const char *p = base_xml; p < at; p++)
        if (*p == '\n')
            line++;
    return line;
}

static tp_profile *load_base(void)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_profile *p = NULL;
    tp_err rc = tp_profile_parse(&p, base_xml, strlen(base_xml), "base.xml", &d);
    if (rc != TP_OK)
        tp_diags_print(&d, stdout);
    assert_int_equal(rc, TP_OK);
    tp_diags_dispose(&d);
    return p;
}

static void set_str(tp_str *s, const char *value)
{
    free(s->s);
    s->s = xstrdup(value);
}

static void dump(const tp_diags *d)
{
    tp_diags_print(d, stdout);
}

static const tp_diag *find(const tp_diags *d, tp_severity sev, const char *field)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].sev == sev && d->v[i].field && strcmp(d->v[i].field, field) == 0)
            return &d->v[i];
    return NULL;
}

/* Asserts an error on field whose message contains text; returns it. */
static const tp_diag *expect_error(const tp_diags *d, const char *field, const char *text)
{
    const tp_diag *e = find(d, TP_SEV_ERROR, field);
    if (!e) {
        printf("no error on %s; got:\n", field);
        dump(d);
    }
    assert_non_null(e);
    if (!strstr(e->msg, text))
        printf("message: %s\n", e->msg);
    assert_non_null(strstr(e->msg, text));
    assert_string_equal(e->file, "base.xml");
    assert_true(e->line > 0);
    assert_non_null(e->hint);
    return e;
}

/* Runs the check expecting exactly one error. */
static tp_diags check_one_error(tp_profile *p)
{
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_EINVALID);
    if (d.nerrors != 1)
        dump(&d);
    assert_int_equal(d.nerrors, 1);
    return d;
}

static void test_profile_check__valid_profile_passes(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_OK);
    if (d.n)
        dump(&d);
    assert_int_equal(d.n, 0);
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__samples_pass(void **state)
{
    (void)state;
    static const char *const samples[] = {
        "01-small-libre-faible.xml",
        "02-communal-chromebooks-pnspp.xml",
        "03-provincial-multi-school-pndapp.xml",
        "04-wbe-open-ted.xml",
        "05-cocof-specialise-tablets-pnspp.xml",
        "06-libre-nc-2025-old-thresholds.xml",
        "07-central-authority-open.xml",
        "08-libre-multi-lots-open-requested.xml",
    };
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/samples/%s", TP_SOURCE_DIR, samples[i]);
        tp_diags d;
        tp_diags_init(&d);
        tp_profile *p = NULL;
        tp_err rc = tp_profile_read(&p, path, &d);
        if (rc == TP_OK)
            rc = tp_profile_check(p, &d);
        if (rc != TP_OK || d.n)
            dump(&d);
        assert_int_equal(rc, TP_OK);
        assert_int_equal(d.n, 0);
        tp_profile_free(p);
        tp_diags_dispose(&d);
    }
}

static void test_profile_check__po_bce_check_digits(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->po.bce, "0431150351");
    tp_diags d = check_one_error(p);
    const tp_diag *e = expect_error(&d, "po/bce", "wrong check digits");
    assert_non_null(strstr(e->msg, "give 50"));
    assert_int_equal(e->line, line_of("<bce>0408211929"));
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__po_bce_is_establishment_number(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->po.bce, "2167179245");
    tp_diags d = check_one_error(p);
    expect_error(&d, "po/bce", "2167179245 is an establishment-unit number (a school's)");
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__school_bce_is_enterprise_number(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->schools[1].bce, "0408211929");
    tp_diags d = check_one_error(p);
    expect_error(&d, "schools/school[2]/bce",
                 "0408211929 is an enterprise number (PO); a school's BCE is its "
                 "establishment-unit number, starting with 2");
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__bce_with_dots_suggests_digits(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->po.bce, "0408.211.929");
    tp_diags d = check_one_error(p);
    const tp_diag *e = expect_error(&d, "po/bce", "contains dots or spaces");
    assert_string_equal(e->hint, "write the digits only: 0408211929");
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__fase_seven_digits(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->schools[1].fase, "1234567");
    set_str(&p->lots[0].allocations[1].school, "1234567"); /* keep allocations consistent */
    tp_diags d = check_one_error(p);
    expect_error(&d, "schools/school[2]/fase", "FASE '1234567' has 7 digits");
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__fase_leading_zero(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->schools[0].implantations[0].fase, "0045");
    tp_diags d = check_one_error(p);
    const tp_diag *e =
        expect_error(&d, "schools/school[1]/implantations/implantation[1]/fase", "leading zero");
    assert_string_equal(e->hint, "write 45");
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__postal_code(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->po.address.postal_code, "999");
    tp_diags d = check_one_error(p);
    const tp_diag *e = expect_error(&d, "po/address/postalCode", "postal code '999'");
    assert_int_equal(e->line, line_of("<postalCode>1070"));
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__email_and_phone(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->po.contact.email, "direction.isnd.be");
    set_str(&p->po.contact.phone, "521 00 00");
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_EINVALID);
    assert_int_equal(d.nerrors, 2);
    const tp_diag *e = expect_error(&d, "po/contact/email", "'direction.isnd.be' has no @");
    assert_int_equal(e->line, line_of("<email>"));
    e = expect_error(&d, "po/contact/phone", "phone '521 00 00'");
    assert_int_equal(e->line, line_of("<phone>"));
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__zero_pupils(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    p->schools[1].pupils[2].v = 0;
    tp_diags d = check_one_error(p);
    const tp_diag *e =
        expect_error(&d, "schools/school[2]/pupils/degree[@number='3']", "0 pupils in degree 3");
    assert_int_equal(e->line, p->schools[1].pupils[2].line);
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__reference_date_after_publication(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    p->schools[0].pupils_date.v = (tp_date){2027, 1, 15};
    tp_diags d = check_one_error(p);
    expect_error(&d, "schools/school[1]/pupils/@referenceDate",
                 "reference date 2027-01-15 is after the publication date 2026-12-01");
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__duplicate_fase(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->schools[1].fase, "29");
    set_str(&p->lots[0].allocations[1].school, "29");
    set_str(&p->schools[1].implantations[1].fase, "124");
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_EINVALID);
    expect_error(&d, "schools/school[2]/fase", "FASE 29 is already used by school[1]");
    expect_error(&d, "schools/school[2]/implantations/implantation[2]/fase",
                 "implantation FASE 124 is already listed as implantation[1]");
    /* Also: one allocation per school and lot. */
    expect_error(&d, "equipment/lot[1]/allocations/allocation[2]/@school",
                 "school 29 already has allocation[1]");
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__same_implantation_in_two_schools_is_fine(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->schools[1].implantations[0].fase, "45"); /* a CEFA on its school's site */
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_OK);
    assert_int_equal(d.n, 0);
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__quantity_below_minimum_stock(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    p->lots[0].quantity.v = 32;
    p->lots[0].allocations[0].quantity.v = 22;
    p->lots[0].allocations[1].quantity.v = 10;
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_EINVALID);
    const tp_diag *e = expect_error(&d, "equipment/lot[1]/quantity",
                                    "32 devices are below the PO's minimum stock of 33 "
                                    "(5 % of 650 pupils");
    assert_int_equal(e->line, line_of("<quantity>60"));
    /* The split leaves school 29 (450 pupils: 23) short too. */
    expect_error(&d, "schools/school[1]",
                 "school 29 receives 22 devices in the allocations, below its minimum stock of 23");
    assert_int_equal(d.nerrors, 2);
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__minimum_stock_ignores_accessories(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    p->lots[0].device = TP_DEV_ACCESSORIES;
    p->lots[0].n_options = 1; /* keep the warranty only; no cart on accessories */
    tp_diags d = check_one_error(p);
    expect_error(&d, "equipment", "0 devices in total are below the PO's minimum stock of 33");
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__allocations(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->lots[0].allocations[1].school, "99");
    p->lots[0].allocations[1].quantity.v = 15;
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_EINVALID);
    const tp_diag *e = expect_error(&d, "equipment/lot[1]/allocations/allocation[2]/@school",
                                    "no school with FASE '99'");
    assert_string_equal(e->hint, "use the FASE number of one of the schools: 29, 74");
    expect_error(&d, "equipment/lot[1]/allocations",
                 "allocations add up to 55 but the lot quantity is 60");
    /* School 74 now gets nothing, but the split is wrong anyway: no third error. */
    assert_int_equal(d.nerrors, 2);
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__weights_sum(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    p->weights[3].weight.v = 0; /* 60 + 25 + 10 + 0 */
    tp_diags d = check_one_error(p);
    const tp_diag *e = expect_error(&d, "award", "weights add up to 95, not 100");
    assert_int_equal(e->line, line_of("<award>"));
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__weights_duplicate_and_price(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->weights[1].criterion, "warranty"); /* technical → warranty: twice */
    p->weights[0].weight.v = 0;
    p->weights[1].weight.v = 85;
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_EINVALID);
    expect_error(&d, "award/criterion[3]/@ref", "criterion warranty is already given");
    const tp_diag *e = expect_error(&d, "award/criterion[1]/@weight", "weighs 0 points");
    assert_non_null(strstr(e->hint, "price must be a criterion"));
    assert_int_equal(d.nerrors, 2);
    tp_diags_dispose(&d);

    /* No price criterion at all. */
    set_str(&p->weights[0].criterion, "technical");
    p->weights[0].weight.v = 5;
    p->weights[1].weight.v = 80;
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_EINVALID);
    expect_error(&d, "award", "there is no price criterion");
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__delivery_dates(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    p->delivery.v = (tp_date){2026, 11, 1};
    tp_diags d = check_one_error(p);
    const tp_diag *e = expect_error(
        &d, "dates/delivery", "delivery 2026-11-01 is not after the publication date 2026-12-01");
    assert_int_equal(e->line, line_of("<delivery>"));
    tp_diags_dispose(&d);

    /* 40 days: allowed, with a warning. */
    p->delivery.v = (tp_date){2027, 1, 10};
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_OK);
    assert_int_equal(d.nerrors, 0);
    const tp_diag *w = find(&d, TP_SEV_WARNING, "dates/delivery");
    assert_non_null(w);
    assert_non_null(strstr(w->msg, "only 40 days after publication"));
    tp_diags_dispose(&d);

    /* Exactly 60 days: no warning. */
    p->delivery.v = (tp_date){2027, 1, 30};
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_OK);
    assert_int_equal(d.n, 0);
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__budget(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    p->budget.v = 0;
    tp_diags d = check_one_error(p);
    expect_error(&d, "budget", "budget is 0.00");
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__options(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    p->lots[0].options[0].years.set = false;           /* warranty without years */
    p->lots[1].options[0].kind = TP_OPT_CHARGING_CART; /* cart on accessories */
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_EINVALID);
    expect_error(&d, "equipment/lot[1]/options/option[1]/@years",
                 "option extended-warranty needs a number of years");
    expect_error(&d, "equipment/lot[2]/options/option[1]",
                 "a charging cart cannot be an option of an accessories lot");
    assert_int_equal(d.nerrors, 2);
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__override_ref_empty(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->lots[0].overrides[0].ref, "");
    tp_diags d = check_one_error(p);
    expect_error(&d, "equipment/lot[1]/requirements/requirement[1]/@ref", "empty ref");
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__network_mismatch_is_a_warning(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->po.legal_form, "commune");
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_OK);
    const tp_diag *w = find(&d, TP_SEV_WARNING, "po/legalForm");
    assert_non_null(w);
    assert_non_null(strstr(w->msg, "unusual for network 'libre-confessionnel'"));
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

static void test_profile_check__all_errors_reported_at_once(void **state)
{
    (void)state;
    tp_profile *p = load_base();
    set_str(&p->po.bce, "0431150351");
    set_str(&p->po.contact.email, "direction@isnd");
    set_str(&p->schools[0].implantations[0].address.postal_code, "999");
    p->schools[1].pupils[1].v = 0;
    p->weights[0].weight.v = 55;
    p->budget.v = 0;
    p->delivery.v = p->publication.v;
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_profile_check(p, &d), TP_EINVALID);
    expect_error(&d, "po/bce", "wrong check digits");
    expect_error(&d, "po/contact/email", "without a dot");
    expect_error(&d, "schools/school[1]/implantations/implantation[1]/address/postalCode", "999");
    expect_error(&d, "schools/school[2]/pupils/degree[@number='2']", "0 pupils");
    expect_error(&d, "award", "weights add up to 95");
    expect_error(&d, "budget", "budget is 0.00");
    expect_error(&d, "dates/delivery", "is not after the publication date");
    assert_int_equal(d.nerrors, 7);
    tp_diags_dispose(&d);
    tp_profile_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_profile_check__valid_profile_passes),
        cmocka_unit_test(test_profile_check__samples_pass),
        cmocka_unit_test(test_profile_check__po_bce_check_digits),
        cmocka_unit_test(test_profile_check__po_bce_is_establishment_number),
        cmocka_unit_test(test_profile_check__school_bce_is_enterprise_number),
        cmocka_unit_test(test_profile_check__bce_with_dots_suggests_digits),
        cmocka_unit_test(test_profile_check__fase_seven_digits),
        cmocka_unit_test(test_profile_check__fase_leading_zero),
        cmocka_unit_test(test_profile_check__postal_code),
        cmocka_unit_test(test_profile_check__email_and_phone),
        cmocka_unit_test(test_profile_check__zero_pupils),
        cmocka_unit_test(test_profile_check__reference_date_after_publication),
        cmocka_unit_test(test_profile_check__duplicate_fase),
        cmocka_unit_test(test_profile_check__same_implantation_in_two_schools_is_fine),
        cmocka_unit_test(test_profile_check__quantity_below_minimum_stock),
        cmocka_unit_test(test_profile_check__minimum_stock_ignores_accessories),
        cmocka_unit_test(test_profile_check__allocations),
        cmocka_unit_test(test_profile_check__weights_sum),
        cmocka_unit_test(test_profile_check__weights_duplicate_and_price),
        cmocka_unit_test(test_profile_check__delivery_dates),
        cmocka_unit_test(test_profile_check__budget),
        cmocka_unit_test(test_profile_check__options),
        cmocka_unit_test(test_profile_check__override_ref_empty),
        cmocka_unit_test(test_profile_check__network_mismatch_is_a_warning),
        cmocka_unit_test(test_profile_check__all_errors_reported_at_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
