#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "input/profile_read.h"
#include "model/profile.h"

/* Line numbers below are counted from this text: keep it in step. */
/* clang-format off */
static const char small_profile[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                      /* 1 */
    "<profile xmlns=\"urn:tenderpack:school-profile:1\" version=\"1\">\n" /* 2 */
    "  <reference>MON-2026-042</reference>\n"                           /* 3 */
    "  <language>fr</language>\n"                                       /* 4 */
    "  <po>\n"                                                          /* 5 */
    "    <name>Institut des Soeurs de Notre Dame\n"                     /* 6 */
    "          ASBL</name>\n"                                           /* 7 */
    "    <bce>0408211929</bce>\n"                                       /* 8 */
    "    <fase>826</fase>\n"                                            /* 9 */
    "    <legalForm>asbl</legalForm>\n"                                 /* 10 */
    "    <network>libre-confessionnel</network>\n"                      /* 11 */
    "    <federation>segec</federation>\n"                              /* 12 */
    "    <address><street>Rue de Veeweyde</street><number>40</number>"
    "<postalCode>1070</postalCode><locality>Anderlecht</locality><nuts>BE100</nuts></address>\n" /* 13 */
    "    <contact><name>Marie Dubois</name><email>direction@isnd.be</email>"
    "<phone>02 521 00 00</phone></contact>\n"                           /* 14 */
    "    <signatory><name>Paul Martin</name><role>Président</role></signatory>\n" /* 15 */
    "  </po>\n"                                                         /* 16 */
    "  <schools>\n"                                                     /* 17 */
    "    <school>\n"                                                    /* 18 */
    "      <fase>29</fase>\n"                                           /* 19 */
    "      <name>Institut des Soeurs de Notre-Dame</name>\n"            /* 20 */
    "      <bce>2167179245</bce>\n"                                     /* 21 */
    "      <type>secondaire-ordinaire</type>\n"                         /* 22 */
    "      <implantations>\n"                                           /* 23 */
    "        <implantation><fase>45</fase><name>Site Veeweyde</name>\n" /* 24 */
    "          <address><street>Rue de Veeweyde</street><number>40</number>"
    "<postalCode>1070</postalCode><locality>Anderlecht</locality></address>\n" /* 25 */
    "        </implantation>\n"                                         /* 26 */
    "      </implantations>\n"                                          /* 27 */
    "      <pupils referenceDate=\"2026-10-01\">\n"                     /* 28 */
    "        <degree number=\"1\">180</degree>\n"                       /* 29 */
    "        <degree number=\"3\">150</degree>\n"                       /* 30 */
    "      </pupils>\n"                                                 /* 31 */
    "    </school>\n"                                                   /* 32 */
    "  </schools>\n"                                                    /* 33 */
    "  <equipment>\n"                                                   /* 34 */
    "    <lot device=\"laptop\">\n"                                     /* 35 */
    "      <title>Portables</title>\n"                                  /* 36 */
    "      <quantity>60</quantity>\n"                                   /* 37 */
    "      <unitEstimate>480.5</unitEstimate>\n"                        /* 38 */
    "      <options>\n"                                                 /* 39 */
    "        <option kind=\"extended-warranty\" years=\"4\"/>\n"        /* 40 */
    "        <option kind=\"charging-cart\" quantity=\"2\" unitEstimate=\"1200.00\"/>\n" /* 41 */
    "      </options>\n"                                                /* 42 */
    "      <requirements><requirement ref=\"ram\" value=\"16\"/></requirements>\n" /* 43 */
    "      <allocations><allocation school=\"29\" quantity=\"60\"/></allocations>\n" /* 44 */
    "    </lot>\n"                                                      /* 45 */
    "    <lot device=\"accessories\"><quantity>60</quantity></lot>\n"   /* 46 */
    "  </equipment>\n"                                                  /* 47 */
    "  <award>\n"                                                       /* 48 */
    "    <criterion ref=\"price\" weight=\"70\"/>\n"                    /* 49 */
    "    <criterion ref=\"technical\" weight=\"30\"/>\n"                /* 50 */
    "  </award>\n"                                                      /* 51 */
    "  <budget>40000</budget>\n"                                        /* 52 */
    "  <dates><publication>2026-12-01</publication>\n"                  /* 53 */
    "    <delivery>2027-03-01</delivery></dates>\n"                     /* 54 */
    "  <procedure>pndapp</procedure>\n"                                 /* 55 */
    "  <submission electronic=\"false\"/>\n"                            /* 56 */
    "</profile>\n";
/* clang-format on */

static tp_profile *parse_ok(const char *xml, tp_diags *d)
{
    tp_profile *p = NULL;
    tp_err rc = tp_profile_parse(&p, xml, strlen(xml), "small.xml", d);
    if (rc != TP_OK)
        tp_diags_print(d, stdout);
    assert_int_equal(rc, TP_OK);
    assert_non_null(p);
    return p;
}

/* A copy of small_profile with the first occurrence of from replaced by to. */
static char *variant(const char *from, const char *to)
{
    const char *at = strstr(small_profile, from);
    assert_non_null(at);
    size_t head = (size_t)(at - small_profile);
    size_t n = strlen(small_profile) - strlen(from) + strlen(to) + 1;
    char *out = test_malloc(n);
    memcpy(out, small_profile, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    return out;
}

static const tp_diag *find_diag(const tp_diags *d, const char *field)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].field && strcmp(d->v[i].field, field) == 0)
            return &d->v[i];
    return NULL;
}

static void test_profile_read__head_and_po(void **state)
{
    (void)state;
    tp_diags d;
    tp_diags_init(&d);
    tp_profile *p = parse_ok(small_profile, &d);
    assert_int_equal(d.nerrors, 0);
    assert_string_equal(p->source, "small.xml");
    assert_int_equal(p->line, 2);
    assert_string_equal(p->reference.s, "MON-2026-042");
    assert_int_equal(p->reference.line, 3);
    assert_string_equal(p->language.s, "fr");
    assert_int_equal(p->po.line, 5);
    /* Inner line breaks collapse to one space, as xs:token does. */
    assert_string_equal(p->po.name.s, "Institut des Soeurs de Notre Dame ASBL");
    assert_int_equal(p->po.name.line, 6);
    assert_string_equal(p->po.bce.s, "0408211929");
    assert_int_equal(p->po.bce.line, 8);
    assert_string_equal(p->po.fase.s, "826");
    assert_string_equal(p->po.legal_form.s, "asbl");
    assert_int_equal(p->po.network, TP_NET_LIBRE_CONFESSIONNEL);
    assert_int_equal(p->po.network_line, 11);
    assert_string_equal(p->po.federation.s, "segec");
    assert_int_equal(p->po.authority, TP_AUTH_SUB_CENTRAL);
    assert_string_equal(p->po.address.street.s, "Rue de Veeweyde");
    assert_string_equal(p->po.address.number.s, "40");
    assert_string_equal(p->po.address.postal_code.s, "1070");
    assert_string_equal(p->po.address.locality.s, "Anderlecht");
    assert_string_equal(p->po.address.nuts.s, "BE100");
    assert_int_equal(p->po.address.line, 13);
    assert_string_equal(p->po.contact.email.s, "direction@isnd.be");
    assert_string_equal(p->po.contact.phone.s, "02 521 00 00");
    assert_int_equal(p->po.contact.line, 14);
    assert_string_equal(p->po.signatory.name.s, "Paul Martin");
    assert_string_equal(p->po.signatory.role.s, "Président");
    tp_profile_free(p);
    tp_diags_dispose(&d);
}

static void test_profile_read__schools(void **state)
{
    (void)state;
    tp_diags d;
    tp_diags_init(&d);
    tp_profile *p = parse_ok(small_profile, &d);
    assert_int_equal(p->n_schools, 1);
    const tp_school *s = &p->schools[0];
    assert_int_equal(s->line, 18);
    assert_string_equal(s->fase.s, "29");
    assert_int_equal(s->fase.line, 19);
    assert_string_equal(s->bce.s, "2167179245");
    assert_int_equal(s->type, TP_SCHOOL_ORDINAIRE);
    assert_int_equal(s->n_implantations, 1);
    assert_string_equal(s->implantations[0].fase.s, "45");
    assert_string_equal(s->implantations[0].name.s, "Site Veeweyde");
    assert_int_equal(s->implantations[0].line, 24);
    assert_null(s->implantations[0].address.nuts.s);
    assert_int_equal(s->pupils_line, 28);
    assert_true(s->pupils_date.set);
    assert_int_equal(s->pupils_date.v.y, 2026);
    assert_int_equal(s->pupils_date.v.m, 10);
    assert_int_equal(s->pupils_date.v.d, 1);
    assert_true(s->pupils[0].set);
    assert_int_equal(s->pupils[0].v, 180);
    assert_int_equal(s->pupils[0].line, 29);
    assert_false(s->pupils[1].set);
    assert_true(s->pupils[2].set);
    assert_int_equal(s->pupils[2].v, 150);
    assert_int_equal(s->pupils[2].line, 30);
    assert_false(s->pupils[3].set);
    tp_profile_free(p);
    tp_diags_dispose(&d);
}

static void test_profile_read__equipment_and_tail(void **state)
{
    (void)state;
    tp_diags d;
    tp_diags_init(&d);
    tp_profile *p = parse_ok(small_profile, &d);
    assert_int_equal(p->n_lots, 2);
    const tp_lot_wish *l = &p->lots[0];
    assert_int_equal(l->device, TP_DEV_LAPTOP);
    assert_int_equal(l->line, 35);
    assert_int_equal(l->device_line, 35);
    assert_string_equal(l->title.s, "Portables");
    assert_int_equal(l->quantity.v, 60);
    assert_int_equal(l->quantity.line, 37);
    assert_true(l->unit_estimate.set);
    assert_int_equal(l->unit_estimate.v, 48050);
    assert_int_equal(l->n_options, 2);
    assert_int_equal(l->options[0].kind, TP_OPT_EXTENDED_WARRANTY);
    assert_true(l->options[0].years.set);
    assert_int_equal(l->options[0].years.v, 4);
    assert_false(l->options[0].quantity.set);
    assert_false(l->options[0].unit_estimate.set);
    assert_int_equal(l->options[0].line, 40);
    assert_int_equal(l->options[1].kind, TP_OPT_CHARGING_CART);
    assert_int_equal(l->options[1].quantity.v, 2);
    assert_int_equal(l->options[1].unit_estimate.v, 120000);
    assert_int_equal(l->n_overrides, 1);
    assert_string_equal(l->overrides[0].ref.s, "ram");
    assert_string_equal(l->overrides[0].value.s, "16");
    assert_int_equal(l->overrides[0].line, 43);
    assert_int_equal(l->n_allocations, 1);
    assert_string_equal(l->allocations[0].school.s, "29");
    assert_int_equal(l->allocations[0].quantity.v, 60);
    assert_int_equal(l->allocations[0].line, 44);

    const tp_lot_wish *acc = &p->lots[1];
    assert_int_equal(acc->device, TP_DEV_ACCESSORIES);
    assert_null(acc->title.s);
    assert_false(acc->unit_estimate.set);
    assert_int_equal(acc->n_options, 0);
    assert_null(acc->options);

    assert_int_equal(p->award_line, 48);
    assert_int_equal(p->n_weights, 2);
    assert_string_equal(p->weights[0].criterion.s, "price");
    assert_int_equal(p->weights[0].weight.v, 70);
    assert_int_equal(p->weights[1].line, 50);
    assert_true(p->budget.set);
    assert_int_equal(p->budget.v, 4000000);
    assert_int_equal(p->publication.v.y, 2026);
    assert_int_equal(p->publication.line, 53);
    assert_int_equal(p->delivery.v.m, 3);
    assert_int_equal(p->delivery.line, 54);
    assert_int_equal(p->procedure, TP_PROC_PNDAPP);
    assert_int_equal(p->procedure_line, 55);
    assert_false(p->electronic);
    tp_profile_free(p);
    tp_diags_dispose(&d);
}

static void test_profile_read__defaults_when_absent(void **state)
{
    (void)state;
    char *a =
        variant("  <procedure>pndapp</procedure>\n  <submission electronic=\"false\"/>\n", "");
    char *b = NULL;
    tp_diags d;
    tp_diags_init(&d);
    tp_profile *p = parse_ok(a, &d);
    assert_int_equal(p->procedure, TP_PROC_AUTO);
    assert_int_equal(p->procedure_line, 0);
    assert_true(p->electronic);
    tp_profile_free(p);
    test_free(a);
    b = variant("    <federation>segec</federation>\n",
                "    <federation>segec</federation><authorityType>central</authorityType>\n");
    p = parse_ok(b, &d);
    assert_int_equal(p->po.authority, TP_AUTH_CENTRAL);
    tp_profile_free(p);
    test_free(b);
    tp_diags_dispose(&d);
}

static void test_profile_read__schema_error_has_line_field_and_hint(void **state)
{
    (void)state;
    char *xml = variant("<bce>0408211929</bce>", "<bce>0408.211.929</bce>");
    tp_diags d;
    tp_diags_init(&d);
    tp_profile *p = (tp_profile *)1;
    tp_err rc = tp_profile_parse(&p, xml, strlen(xml), "bad.xml", &d);
    assert_int_equal(rc, TP_EINVALID);
    assert_null(p);
    assert_int_equal(d.nerrors, 1);
    assert_string_equal(d.v[0].file, "bad.xml");
    assert_int_equal(d.v[0].line, 8);
    assert_string_equal(d.v[0].field, "po/bce");
    assert_non_null(strstr(d.v[0].msg, "0408.211.929"));
    assert_string_equal(d.v[0].hint, "write the 10 digits without dots or spaces: 0408211929");
    tp_diags_dispose(&d);
    test_free(xml);
}

static void test_profile_read__schema_errors_all_reported(void **state)
{
    (void)state;
    char *a = variant("<network>libre-confessionnel</network>", "<network>libre</network>");
    const char *from = "<quantity>60</quantity>\n      <unitEstimate>480.5</unitEstimate>";
    const char *at = strstr(a, from);
    assert_non_null(at);
    /* Second problem: a decimal comma on line 38. */
    char *b = test_malloc(strlen(a) + 8);
    memcpy(b, a, (size_t)(at - a));
    strcpy(b + (at - a), "<quantity>60</quantity>\n      <unitEstimate>480,5</unitEstimate>");
    strcat(b, at + strlen(from));
    tp_diags d;
    tp_diags_init(&d);
    tp_profile *p = NULL;
    assert_int_equal(tp_profile_parse(&p, b, strlen(b), "bad.xml", &d), TP_EINVALID);
    assert_int_equal(d.nerrors, 2);
    const tp_diag *net = find_diag(&d, "po/network");
    assert_non_null(net);
    assert_int_equal(net->line, 11);
    assert_non_null(strstr(net->msg, "libre"));
    assert_non_null(strstr(net->hint, "libre-non-confessionnel"));
    const tp_diag *unit = find_diag(&d, "equipment/lot[1]/unitEstimate");
    assert_non_null(unit);
    assert_int_equal(unit->line, 38);
    assert_non_null(strstr(unit->hint, "480.00"));
    tp_diags_dispose(&d);
    test_free(a);
    test_free(b);
}

static void test_profile_read__missing_element_and_root(void **state)
{
    (void)state;
    const char *po_start = strstr(small_profile, "  <po>\n");
    const char *po_end = strstr(small_profile, "  </po>\n") + strlen("  </po>\n");
    size_t n = strlen(small_profile) - (size_t)(po_end - po_start) + 1;
    char *xml = test_malloc(n);
    memcpy(xml, small_profile, (size_t)(po_start - small_profile));
    strcpy(xml + (po_start - small_profile), po_end);
    tp_diags d;
    tp_diags_init(&d);
    tp_profile *p = NULL;
    assert_int_equal(tp_profile_parse(&p, xml, strlen(xml), "nopo.xml", &d), TP_EINVALID);
    assert_int_equal(d.nerrors, 1);
    assert_string_equal(d.v[0].field, "schools");
    assert_int_equal(d.v[0].line, 5);
    assert_non_null(strstr(d.v[0].msg, "po"));
    test_free(xml);
    tp_diags_dispose(&d);

    tp_diags_init(&d);
    const char *wrong_ns = "<profile version=\"1\"><reference>X</reference></profile>";
    assert_int_equal(tp_profile_parse(&p, wrong_ns, strlen(wrong_ns), "ns.xml", &d), TP_EINVALID);
    assert_int_equal(d.nerrors, 1);
    assert_string_equal(d.v[0].field, "profile");
    assert_non_null(strstr(d.v[0].hint, "urn:tenderpack:school-profile:1"));
    tp_diags_dispose(&d);
}

static void test_profile_read__attribute_error_path(void **state)
{
    (void)state;
    char *xml = variant("years=\"4\"", "years=\"9\"");
    tp_diags d;
    tp_diags_init(&d);
    tp_profile *p = NULL;
    assert_int_equal(tp_profile_parse(&p, xml, strlen(xml), "bad.xml", &d), TP_EINVALID);
    assert_int_equal(d.nerrors, 1);
    assert_int_equal(d.v[0].line, 40);
    assert_string_equal(d.v[0].field, "equipment/lot[1]/options/option[1]/@years");
    assert_string_equal(d.v[0].hint, "write a whole number of years from 1 to 6");
    tp_diags_dispose(&d);
    test_free(xml);
}

static void test_profile_read__not_well_formed_and_doctype(void **state)
{
    (void)state;
    tp_diags d;
    tp_diags_init(&d);
    tp_profile *p = NULL;
    const char *broken =
        "<profile xmlns=\"urn:tenderpack:school-profile:1\" version=\"1\">\n<po>\n";
    assert_int_equal(tp_profile_parse(&p, broken, strlen(broken), "broken.xml", &d), TP_EPARSE);
    assert_null(p);
    assert_true(d.nerrors >= 1);
    tp_diags_dispose(&d);

    tp_diags_init(&d);
    const char *xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE profile [<!ENTITY x SYSTEM "
                      "\"file:///etc/passwd\">]>\n<profile>&x;</profile>\n";
    tp_err rc = tp_profile_parse(&p, xxe, strlen(xxe), "xxe.xml", &d);
    assert_int_not_equal(rc, TP_OK);
    assert_null(p);
    assert_true(d.nerrors >= 1);
    assert_int_equal(d.v[0].line, 2);
    tp_diags_dispose(&d);
}

static void test_profile_read__from_file_and_missing_file(void **state)
{
    (void)state;
    tp_diags d;
    tp_diags_init(&d);
    tp_profile *p = NULL;
    const char *path = TP_SOURCE_DIR "/samples/01-small-libre-faible.xml";
    tp_err rc = tp_profile_read(&p, path, &d);
    if (rc != TP_OK)
        tp_diags_print(&d, stdout);
    assert_int_equal(rc, TP_OK);
    assert_string_equal(p->source, path);
    assert_true(p->n_schools >= 1);
    tp_profile_free(p);
    tp_diags_dispose(&d);

    tp_diags_init(&d);
    assert_int_equal(tp_profile_read(&p, TP_SOURCE_DIR "/samples/no-such-file.xml", &d), TP_EIO);
    assert_null(p);
    assert_int_equal(d.nerrors, 1);
    tp_diags_dispose(&d);
}

static void test_profile_read__code_tables(void **state)
{
    (void)state;
    for (int i = 0; i < TP_NET_COUNT; i++)
        assert_int_equal(tp_network_from_code(tp_network_code((tp_network)i)), i);
    assert_string_equal(tp_network_label_fr(TP_NET_WBE), "WBE (Wallonie-Bruxelles Enseignement)");
    assert_string_equal(tp_network_label_fr(TP_NET_OFFICIEL_COMMUNAL),
                        "Officiel subventionné (communal)");
    assert_string_equal(tp_network_label_fr(TP_NET_LIBRE_CONFESSIONNEL),
                        "Libre subventionné confessionnel");
    assert_int_equal(tp_network_from_code("libre"), -1);
    assert_int_equal(tp_network_from_code(NULL), -1);
    assert_null(tp_network_code(TP_NET_COUNT));
    for (int i = 0; i < TP_SCHOOL_TYPE_COUNT; i++)
        assert_int_equal(tp_school_type_from_code(tp_school_type_code((tp_school_type)i)), i);
    assert_string_equal(tp_school_type_label_fr(TP_SCHOOL_ORDINAIRE), "Secondaire ordinaire");
    for (int i = 0; i < TP_DEV_COUNT; i++)
        assert_int_equal(tp_device_from_code(tp_device_code((tp_device)i)), i);
    for (int i = 0; i < TP_PROC_COUNT; i++)
        assert_int_equal(tp_procedure_from_code(tp_procedure_code((tp_procedure)i)), i);
    assert_string_equal(tp_procedure_code(TP_PROC_FAIBLE_MONTANT), "faible-montant");
    for (int i = 0; i < TP_OPT_COUNT; i++)
        assert_int_equal(tp_option_from_code(tp_option_code((tp_option_kind)i)), i);
    tp_profile_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_profile_read__head_and_po),
        cmocka_unit_test(test_profile_read__schools),
        cmocka_unit_test(test_profile_read__equipment_and_tail),
        cmocka_unit_test(test_profile_read__defaults_when_absent),
        cmocka_unit_test(test_profile_read__schema_error_has_line_field_and_hint),
        cmocka_unit_test(test_profile_read__schema_errors_all_reported),
        cmocka_unit_test(test_profile_read__missing_element_and_root),
        cmocka_unit_test(test_profile_read__attribute_error_path),
        cmocka_unit_test(test_profile_read__not_well_formed_and_doctype),
        cmocka_unit_test(test_profile_read__from_file_and_missing_file),
        cmocka_unit_test(test_profile_read__code_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
