/* Tender XML writer: the output must validate against schemas/tender.xsd,
 * carry exact values, escape text and be byte-for-byte reproducible. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "model/tender.h"
#include "output/tender_xml.h"
#include "xml/xmlsafe.h"

/* ------------------------------------------------------------------------
 * A small tender built by hand: 2 schools, 2 lots (one tightened
 * requirement, options on both), 4 award criteria, one note.
 * ---------------------------------------------------------------------- */

typedef struct fixture {
    tp_profile profile;
    tp_school schools[2];
    tp_implantation impl_a[1], impl_b[2];
    tp_thresholds thresholds;
    tp_school_figures figures[2];
    tp_lot lots[2];
    tp_lot_option_t opts_a[1], opts_b[1];
    tp_requirement reqs_a[5], reqs_b[1];
    tp_scored scored_a[2];
    tp_lot_alloc allocs_a[2], allocs_b[2];
    tp_criterion criteria[4];
    tp_tender tender;
} fixture;

static char *wifi_choices[] = {"wifi6", "wifi6e"};
static char *chromebook_extra_cpv[] = {"48000000-8"};
static char *notes[] = {"Le montant TVAC dépasse le plafond de subvention : le solde est à "
                        "charge du PO."};

static tp_str str(const char *s)
{
    tp_str v = {(char *)s, 1};
    return v;
}

static tp_address address(const char *street, const char *number, const char *postal,
                          const char *locality, const char *nuts)
{
    tp_address a;
    memset(&a, 0, sizeof a);
    a.street = str(street);
    a.number = str(number);
    a.postal_code = str(postal);
    a.locality = str(locality);
    a.nuts = str(nuts);
    return a;
}

static tp_date date(int y, int m, int d)
{
    tp_date v = {y, m, d};
    return v;
}

static tp_dec dec(long long num, int scale)
{
    tp_dec v = {num, scale};
    return v;
}

static void fixture_profile(fixture *f)
{
    tp_profile *p = &f->profile;
    tp_po *po = &p->po;

    p->source = "profile.xml";
    p->reference = str("MON-2026-042");
    p->language = str("fr");
    po->name = str("ASBL Collège Saint-Michel");
    po->bce = str("0408211929");
    po->fase = str("826");
    po->legal_form = str("asbl");
    po->network = TP_NET_LIBRE_CONFESSIONNEL;
    po->federation = str("segec");
    po->authority = TP_AUTH_SUB_CENTRAL;
    po->address = address("Boulevard Saint-Michel", "24", "1040", "Etterbeek", "BE100");
    po->contact.name = str("Marie Dupont");
    po->contact.email = str("marie.dupont@example.be");
    po->contact.phone = str("+32 2 737 98 00");
    po->signatory.name = str("Jean Martin");
    po->signatory.role = str("Président du conseil d'administration");

    f->impl_a[0].fase = str("30");
    f->impl_a[0].address = address("Boulevard Saint-Michel", "24", "1040", "Etterbeek", NULL);
    f->impl_b[0].fase = str("32");
    f->impl_b[0].name = str("Site Montgomery");
    f->impl_b[0].address = address("Rue de la Duchesse", "2", "1150", "Woluwe-Saint-Pierre",
                                   NULL);
    f->impl_b[1].fase = str("33");
    f->impl_b[1].address = address("Avenue de Tervueren", "18", "1040", "Etterbeek", NULL);

    tp_school *a = &f->schools[0], *b = &f->schools[1];
    a->fase = str("29");
    a->name = str("Collège Saint-Michel");
    a->bce = str("2167179245");
    a->type = TP_SCHOOL_ORDINAIRE;
    a->implantations = f->impl_a;
    a->n_implantations = 1;
    for (int i = 0; i < 3; i++) {
        a->pupils[i].set = true;
        a->pupils[i].v = 300 - 20 * (i % 2); /* 300, 280, 300 */
    }
    a->pupils_date.set = true;
    a->pupils_date.v = date(2026, 10, 1);

    b->fase = str("31");
    b->name = str("Institut Saint-Jean & Marie <Annexe>");
    b->type = TP_SCHOOL_SPECIALISE;
    b->implantations = f->impl_b;
    b->n_implantations = 2;
    b->pupils[0].set = true;
    b->pupils[0].v = 40;
    b->pupils[1].set = true;
    b->pupils[1].v = 60;
    b->pupils_date.set = true;
    b->pupils_date.v = date(2026, 10, 1);

    p->schools = f->schools;
    p->n_schools = 2;
    p->publication.set = true;
    p->publication.v = date(2026, 12, 1);
    p->delivery.set = true;
    p->delivery.v = date(2027, 3, 1);
    p->procedure = TP_PROC_OPEN;
    p->electronic = false;
}

static void fixture_lots(fixture *f)
{
    tp_lot *l1 = &f->lots[0], *l2 = &f->lots[1];

    f->opts_a[0] = (tp_lot_option_t){TP_OPT_EXTENDED_WARRANTY, 4, 40, 4500, 180000,
                                     "Extension de la garantie à 4 ans"};
    f->opts_b[0] = (tp_lot_option_t){TP_OPT_CHARGING_CART, 0, 1, 120000, 120000,
                                     "Chariot de recharge et de rangement (30 appareils)"};

    f->reqs_a[0] = (tp_requirement){.id = "ram", .label = "Mémoire vive", .op = TP_OP_GE,
                                    .min = dec(16, 0), .unit = "GB", .tightened = true};
    f->reqs_a[1] = (tp_requirement){.id = "screen", .label = "Diagonale de l'écran",
                                    .op = TP_OP_RANGE, .min = dec(133, 1), .max = dec(156, 1),
                                    .unit = "in"};
    f->reqs_a[2] = (tp_requirement){.id = "wifi", .label = "Wi-Fi", .op = TP_OP_ONEOF,
                                    .choices = wifi_choices, .n_choices = 2, .unit = ""};
    f->reqs_a[3] = (tp_requirement){.id = "keyboard-layout", .label = "Clavier",
                                    .op = TP_OP_EQ, .text = "azerty-be", .unit = ""};
    f->reqs_a[4] = (tp_requirement){.id = "webcam", .label = "Webcam intégrée",
                                    .op = TP_OP_BOOL, .unit = ""};
    f->reqs_b[0] = (tp_requirement){.id = "ram", .label = "Mémoire vive", .op = TP_OP_GE,
                                    .min = dec(8, 0), .unit = "GB"};

    f->scored_a[0] = (tp_scored){"weight", "Poids", TP_SCORE_LINEAR, dec(18, 1), dec(12, 1),
                                 "kg", 10};
    f->scored_a[1] = (tp_scored){"backlit-keyboard", "Clavier rétroéclairé", TP_SCORE_YESNO,
                                 dec(0, 0), dec(0, 0), "", 5};

    f->allocs_a[0] = (tp_lot_alloc){"29", 30};
    f->allocs_a[1] = (tp_lot_alloc){"31", 10};
    f->allocs_b[0] = (tp_lot_alloc){"29", 10};
    f->allocs_b[1] = (tp_lot_alloc){"31", 10};

    l1->number = 1;
    l1->id = "LOT-0001";
    l1->device = TP_DEV_LAPTOP;
    l1->title = "Ordinateurs portables";
    l1->cpv_main = "30213100-6";
    l1->quantity = 40;
    l1->unit_estimate = 47999;        /* 479.99 */
    l1->estimate = 40 * 47999 + 180000; /* 20999.60 */
    l1->options = f->opts_a;
    l1->n_options = 1;
    l1->reqs = f->reqs_a;
    l1->n_reqs = 5;
    l1->scored = f->scored_a;
    l1->n_scored = 2;
    l1->allocs = f->allocs_a;
    l1->n_allocs = 2;

    l2->number = 2;
    l2->id = "LOT-0002";
    l2->device = TP_DEV_CHROMEBOOK;
    l2->title = "Chromebooks avec licence Chrome Education Upgrade";
    l2->cpv_main = "30213100-6";
    l2->cpv_extra = chromebook_extra_cpv;
    l2->n_cpv_extra = 1;
    l2->quantity = 20;
    l2->unit_estimate = 30005;          /* 300.05 */
    l2->estimate = 20 * 30005 + 120000; /* 7201.00 */
    l2->options = f->opts_b;
    l2->n_options = 1;
    l2->reqs = f->reqs_b;
    l2->n_reqs = 1;
    l2->allocs = f->allocs_b;
    l2->n_allocs = 2;
}

static void fixture_criteria(fixture *f)
{
    f->criteria[0] = (tp_criterion){"price", "Prix", 60, TP_FORMULA_PRICE_RATIO, dec(0, 0),
                                    dec(0, 0), "",
                                    "Note prix = (prix régulier le plus bas ÷ prix de l'offre) "
                                    "× 60"};
    f->criteria[1] = (tp_criterion){"technical", "Valeur technique", 25,
                                    TP_FORMULA_TECH_POINTS, dec(0, 0), dec(0, 0), "",
                                    "Note technique = (points obtenus ÷ points maximum) × 25"};
    f->criteria[2] = (tp_criterion){"warranty", "Durée de la garantie", 10, TP_FORMULA_LINEAR,
                                    dec(3, 0), dec(5, 0), "years",
                                    "0 point à 3 ans, 10 points à 5 ans, linéaire entre les deux"};
    f->criteria[3] = (tp_criterion){"delivery", "Délai de livraison", 5, TP_FORMULA_LINEAR,
                                    dec(42, 0), dec(14, 0), "days",
                                    "0 point à 42 jours, 5 points à 14 jours, linéaire"};
}

static tp_tender *fixture_build(fixture *f)
{
    memset(f, 0, sizeof *f);
    fixture_profile(f);
    fixture_lots(f);
    fixture_criteria(f);

    f->thresholds = (tp_thresholds){"2026-2027", {2026, 1, 1}, {2027, 12, 31}, TP_EUR(30000),
                                    TP_EUR(140000), TP_EUR(216000), TP_EUR(140000),
                                    "AR 18/04/2017 art. 90 ; règlements délégués (UE) 2025/2150 "
                                    "à 2025/2152"};

    f->figures[0] = (tp_school_figures){&f->schools[0], 880, 580, 44, 880 * 2500, 40};
    f->figures[1] = (tp_school_figures){&f->schools[1], 100, 60, 5, 100 * 2500, 20};

    tp_tender *t = &f->tender;
    t->profile = &f->profile;
    t->reference = "MON-2026-042";
    t->thresholds = &f->thresholds;
    t->schools = f->figures;
    t->n_schools = 2;
    t->pupils = 980;
    t->pupils_degrees_2_4 = 640;
    t->minimum_stock = 49;
    t->devices = 60;
    t->subsidy_cap = 980 * 2500;
    t->lots = f->lots;
    t->n_lots = 2;
    t->cpv_main = "30213100-6";
    t->estimate_htva = 2820060; /* 28200.60 */
    t->vat_rate = 21;
    t->estimate_tva = 592213;   /* 21 % of 28200.60 = 5922.126 -> 5922.13 */
    t->estimate_tvac = 3412273; /* 34122.73 */
    t->budget_tvac = TP_EUR(35000);
    t->procedure = TP_PROC_OPEN;
    t->procedure_chosen = false;
    t->publication = TP_PUB_BDA;
    t->above_eu_threshold = false;
    t->eu_threshold = TP_EUR(216000);
    t->espd_required = false;
    t->publication_date = date(2026, 12, 1);
    t->minimum_days = 35;
    t->applied_days = 35;
    t->deadline = date(2027, 1, 5);
    t->deadline_hour = 10;
    t->deadline_utc_offset = 60;
    t->validity_days = 90;
    t->standstill_days = 15;
    t->delivery_date = date(2027, 3, 1);
    t->notes = notes;
    t->n_notes = 1;
    t->criteria = f->criteria;
    t->n_criteria = 4;
    return t;
}

/* ------------------------------------------------------------------------
 * Helpers
 * ---------------------------------------------------------------------- */

/* Writes t into a fresh string (caller frees); asserts TP_OK. */
static char *write_to_string(const tp_tender *t)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_sink sink = tp_sink_buf(&b);
    assert_int_equal(tp_tender_write_xml(t, &sink), TP_OK);
    return tp_buf_detach(&b);
}

static xmlDocPtr parse_checked(const char *xml)
{
    tp_diags d;
    xmlDocPtr doc = NULL;
    tp_diags_init(&d);
    assert_int_equal(tp_xml_parse(&doc, xml, strlen(xml), "tender.xml", &d), TP_OK);
    assert_non_null(doc);
    assert_int_equal(d.nerrors, 0);
    tp_diags_dispose(&d);
    return doc;
}

/* string(expr) with the prefix t bound to the tender namespace; caller frees. */
static char *xpath_string(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    assert_non_null(ctx);
    assert_int_equal(xmlXPathRegisterNs(ctx, BAD_CAST "t", BAD_CAST TP_TENDER_XML_NS), 0);
    xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    assert_non_null(res);
    xmlChar *s = xmlXPathCastToString(res);
    char *out = strdup((const char *)s);
    xmlFree(s);
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    return out;
}

static void assert_path(xmlDocPtr doc, const char *expr, const char *expected)
{
    char *got = xpath_string(doc, expr);
    if (strcmp(got, expected) != 0)
        print_error("path %s\n  expected: %s\n  got:      %s\n", expr, expected, got);
    assert_string_equal(got, expected);
    free(got);
}

static tp_err validate(const char *xml, size_t *nerrors)
{
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr doc = parse_checked(xml);
    tp_err err = tp_xsd_validate(doc, "tender.xsd", "tender.xml", &d);
    if (err != TP_OK && nerrors == NULL)
        tp_diags_print(&d, stdout); /* shows why in the ctest log */
    if (nerrors)
        *nerrors = d.nerrors;
    xmlFreeDoc(doc);
    tp_diags_dispose(&d);
    return err;
}

/* Replaces the first occurrence of from by to in s (which must contain it); caller frees. */
static char *replace_once(const char *s, const char *from, const char *to)
{
    const char *at = strstr(s, from);
    assert_non_null(at);
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_put(&b, s, (size_t)(at - s));
    tp_buf_puts(&b, to);
    tp_buf_puts(&b, at + strlen(from));
    return tp_buf_detach(&b);
}

static int failing_write(void *ud, const void *data, size_t len)
{
    (void)ud;
    (void)data;
    (void)len;
    return -1;
}

/* ------------------------------------------------------------------------
 * Tests
 * ---------------------------------------------------------------------- */

static void test_tender_xml__validates_against_schema(void **state)
{
    fixture f;
    (void)state;
    char *xml = write_to_string(fixture_build(&f));
    assert_int_equal(validate(xml, NULL), TP_OK);
    free(xml);
}

static void test_tender_xml__starts_with_declaration_and_root(void **state)
{
    fixture f;
    (void)state;
    char *xml = write_to_string(fixture_build(&f));
    const char *head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<tender xmlns=\"urn:tenderpack:tender:1\" version=\"1\">\n"
                       "  <reference>MON-2026-042</reference>\n"
                       "  <language>fr</language>\n"
                       "  <generator name=\"tenderpack\" version=\"" TP_VERSION "\"/>\n";
    assert_memory_equal(xml, head, strlen(head));
    const char *tail = "</tender>\n";
    assert_string_equal(xml + strlen(xml) - strlen(tail), tail);
    free(xml);
}

static void test_tender_xml__buyer_and_schools(void **state)
{
    fixture f;
    (void)state;
    char *xml = write_to_string(fixture_build(&f));
    xmlDocPtr doc = parse_checked(xml);

    assert_path(doc, "string(/t:tender/t:buyer/@bce)", "0408211929");
    assert_path(doc, "string(/t:tender/t:buyer/@vat)", "BE0408211929");
    assert_path(doc, "string(/t:tender/t:buyer/@orgId)", "BE-BCE_KBO-0408211929");
    assert_path(doc, "string(/t:tender/t:buyer/@network)", "libre-confessionnel");
    assert_path(doc, "string(/t:tender/t:buyer/@authority)", "sub-central");
    assert_path(doc, "string(/t:tender/t:buyer/t:address/@nuts)", "BE100");
    assert_path(doc, "string(/t:tender/t:buyer/t:signatory/t:role)",
                "Président du conseil d'administration");

    assert_path(doc, "string(/t:tender/t:schools/@pupils)", "980");
    assert_path(doc, "string(/t:tender/t:schools/@subsidyCap)", "24500.00");
    assert_path(doc, "string(/t:tender/t:schools/t:school[1]/@bce)", "2167179245");
    assert_path(doc, "string(/t:tender/t:schools/t:school[1]/t:pupils/t:degree[@number=3])",
                "300");
    assert_path(doc, "string(/t:tender/t:schools/t:school[1]/t:pupils/@referenceDate)",
                "2026-10-01");
    assert_path(doc, "string(/t:tender/t:schools/t:school[2]/@subsidyCap)", "2500.00");
    assert_path(doc, "count(/t:tender/t:schools/t:school[2]/@bce)", "0");
    assert_path(doc, "count(/t:tender/t:schools/t:school[2]/t:pupils/t:degree)", "2");
    assert_path(doc, "string(/t:tender/t:schools/t:school[2]/t:implantations/"
                     "t:implantation[1]/t:name)", "Site Montgomery");
    assert_path(doc, "count(/t:tender/t:schools/t:school[2]/t:implantations/"
                     "t:implantation[2]/t:name)", "0");

    xmlFreeDoc(doc);
    free(xml);
}

static void test_tender_xml__money_and_dates(void **state)
{
    fixture f;
    (void)state;
    char *xml = write_to_string(fixture_build(&f));
    xmlDocPtr doc = parse_checked(xml);

    assert_path(doc, "string(/t:tender/t:estimate/@htva)", "28200.60");
    assert_path(doc, "string(/t:tender/t:estimate/@tva)", "5922.13");
    assert_path(doc, "string(/t:tender/t:estimate/@tvac)", "34122.73");
    assert_path(doc, "string(/t:tender/t:estimate/@budgetTvac)", "35000.00");
    assert_path(doc, "string(/t:tender/t:thresholds/@pnspp)", "140000.00");
    assert_path(doc, "string(/t:tender/t:thresholds/@validTo)", "2027-12-31");
    assert_path(doc, "string(/t:tender/t:lots/t:lot[1]/@unitEstimate)", "479.99");
    assert_path(doc, "string(/t:tender/t:lots/t:lot[1]/@estimate)", "20999.60");
    assert_path(doc, "string(/t:tender/t:lots/t:lot[2]/t:options/t:option/@estimate)",
                "1200.00");
    assert_path(doc, "string(/t:tender/t:dates/@deadline)", "2027-01-05T10:00:00+01:00");
    assert_path(doc, "string(/t:tender/t:dates/@publication)", "2026-12-01");
    assert_path(doc, "string(/t:tender/t:dates/@electronicSubmission)", "false");
    assert_path(doc, "string(/t:tender/t:procedure/@code)", "open");
    assert_path(doc, "string(/t:tender/t:procedure/@choice)", "requested");
    assert_path(doc, "string(/t:tender/t:procedure/@publication)", "bda");
    assert_path(doc, "string(/t:tender/t:procedure/@euThreshold)", "216000.00");

    xmlFreeDoc(doc);
    free(xml);
}

static void test_tender_xml__lots_requirements_and_criteria(void **state)
{
    fixture f;
    (void)state;
    char *xml = write_to_string(fixture_build(&f));
    xmlDocPtr doc = parse_checked(xml);

    /* The tightened requirement is written exactly, with only the bound its operator uses. */
    assert_non_null(strstr(xml, "      <requirement id=\"ram\" op=\"ge\" min=\"16\" unit=\"GB\" "
                                "tightened=\"true\">\n"
                                "          <label>Mémoire vive</label>\n"));
    assert_path(doc, "count(/t:tender/t:lots/t:lot[1]/t:requirements/t:requirement[@id='ram']"
                     "/@max)", "0");
    assert_path(doc, "string(/t:tender/t:lots/t:lot[2]/t:requirements/t:requirement/"
                     "@tightened)", "false");
    assert_path(doc, "string(/t:tender/t:lots/t:lot[1]/t:requirements/"
                     "t:requirement[@id='screen']/@min)", "13.3");
    assert_path(doc, "string(/t:tender/t:lots/t:lot[1]/t:requirements/"
                     "t:requirement[@id='screen']/@max)", "15.6");
    assert_path(doc, "string(/t:tender/t:lots/t:lot[1]/t:requirements/"
                     "t:requirement[@id='wifi']/t:choice[2])", "wifi6e");
    assert_path(doc, "string(/t:tender/t:lots/t:lot[1]/t:requirements/"
                     "t:requirement[@id='keyboard-layout']/t:value)", "azerty-be");
    assert_path(doc, "count(/t:tender/t:lots/t:lot[1]/t:requirements/"
                     "t:requirement[@id='webcam']/@unit)", "0");

    assert_path(doc, "string(/t:tender/t:lots/t:lot[1]/t:options/t:option/@kind)",
                "extended-warranty");
    assert_path(doc, "string(/t:tender/t:lots/t:lot[1]/t:options/t:option/@years)", "4");
    assert_path(doc, "count(/t:tender/t:lots/t:lot[2]/t:options/t:option/@years)", "0");
    assert_path(doc, "string(/t:tender/t:lots/t:lot[1]/t:scoredCriteria/t:scored[1]/@target)",
                "1.2");
    assert_path(doc, "string(/t:tender/t:lots/t:lot[1]/t:scoredCriteria/t:scored[2]/@kind)",
                "yesno");
    assert_path(doc, "count(/t:tender/t:lots/t:lot[1]/t:scoredCriteria/t:scored[2]/@floor)",
                "0");
    assert_path(doc, "string(/t:tender/t:lots/t:lot[2]/t:cpv/t:additional/@code)",
                "48000000-8");
    assert_path(doc, "string(/t:tender/t:lots/t:lot[2]/t:allocations/t:allocation[2]/@school)",
                "31");
    assert_non_null(strstr(xml, "      <scoredCriteria/>\n")); /* lot 2 has none */

    assert_path(doc, "string(/t:tender/t:awardCriteria/t:criterion[1]/@formula)",
                "price-ratio");
    assert_path(doc, "string(/t:tender/t:awardCriteria/t:criterion[3]/@floor)", "3");
    assert_path(doc, "string(/t:tender/t:awardCriteria/t:criterion[4]/@unit)", "days");
    assert_path(doc, "count(/t:tender/t:awardCriteria/t:criterion[1]/@floor)", "0");
    assert_path(doc, "count(/t:tender/t:notes/t:note)", "1");

    xmlFreeDoc(doc);
    free(xml);
}

static void test_tender_xml__escapes_markup_in_names(void **state)
{
    fixture f;
    (void)state;
    char *xml = write_to_string(fixture_build(&f));
    assert_non_null(strstr(xml, "<name>Institut Saint-Jean &amp; Marie &lt;Annexe&gt;</name>"));

    xmlDocPtr doc = parse_checked(xml);
    assert_path(doc, "string(/t:tender/t:schools/t:school[2]/t:name)",
                "Institut Saint-Jean & Marie <Annexe>");
    xmlFreeDoc(doc);
    free(xml);
}

static void test_tender_xml__two_writes_are_identical(void **state)
{
    fixture f;
    (void)state;
    tp_tender *t = fixture_build(&f);
    char *first = write_to_string(t);
    char *second = write_to_string(t);
    assert_string_equal(first, second);
    free(first);
    free(second);
}

static void test_tender_xml__summer_deadline_offset(void **state)
{
    fixture f;
    (void)state;
    tp_tender *t = fixture_build(&f);
    t->deadline = date(2027, 6, 7);
    t->deadline_utc_offset = 120;
    char *xml = write_to_string(t);
    assert_non_null(strstr(xml, " deadline=\"2027-06-07T10:00:00+02:00\""));
    assert_int_equal(validate(xml, NULL), TP_OK);
    free(xml);
}

static void test_tender_xml__optional_parts_left_out(void **state)
{
    fixture f;
    (void)state;
    tp_tender *t = fixture_build(&f);
    t->budget_tvac = 0;
    t->n_notes = 0;
    f.profile.po.federation = str(NULL);
    f.profile.po.address.nuts = str(NULL);
    char *xml = write_to_string(t);
    assert_null(strstr(xml, "budgetTvac"));
    assert_null(strstr(xml, "federation="));
    assert_null(strstr(xml, "nuts="));
    assert_non_null(strstr(xml, "\n  <notes/>\n"));
    assert_int_equal(validate(xml, NULL), TP_OK);
    free(xml);
}

static void test_tender_xml__schema_rejects_bad_money(void **state)
{
    fixture f;
    size_t nerrors = 0;
    (void)state;
    char *xml = write_to_string(fixture_build(&f));
    char *bad = replace_once(xml, "htva=\"28200.60\"", "htva=\"28200.6\"");
    assert_int_equal(validate(bad, &nerrors), TP_EINVALID);
    assert_true(nerrors >= 1);
    free(bad);
    free(xml);
}

static void test_tender_xml__schema_rejects_unknown_allocation_school(void **state)
{
    fixture f;
    size_t nerrors = 0;
    (void)state;
    tp_tender *t = fixture_build(&f);
    f.allocs_b[1].school_fase = "99"; /* no school with that FASE */
    char *xml = write_to_string(t);
    assert_int_equal(validate(xml, &nerrors), TP_EINVALID);
    assert_true(nerrors >= 1);
    free(xml);
}

static void test_tender_xml__missing_text_is_internal_error(void **state)
{
    fixture f;
    tp_buf b;
    (void)state;
    tp_tender *t = fixture_build(&f);
    f.lots[1].title = NULL;
    tp_buf_init(&b);
    tp_sink sink = tp_sink_buf(&b);
    assert_int_equal(tp_tender_write_xml(t, &sink), TP_EINTERNAL);
    assert_int_equal(b.len, 0); /* nothing half-written */
    tp_buf_dispose(&b);
}

static void test_tender_xml__unresolved_procedure_is_internal_error(void **state)
{
    fixture f;
    tp_buf b;
    (void)state;
    tp_tender *t = fixture_build(&f);
    t->procedure = TP_PROC_AUTO;
    tp_buf_init(&b);
    tp_sink sink = tp_sink_buf(&b);
    assert_int_equal(tp_tender_write_xml(t, &sink), TP_EINTERNAL);
    assert_int_equal(b.len, 0);
    tp_buf_dispose(&b);
}

static void test_tender_xml__sink_failure_is_io_error(void **state)
{
    fixture f;
    (void)state;
    tp_sink sink = {failing_write, NULL};
    assert_int_equal(tp_tender_write_xml(fixture_build(&f), &sink), TP_EIO);
}

static void test_tender_xml__codes_round_trip(void **state)
{
    (void)state;
    for (int k = 0; k < TP_SCORE_COUNT; k++)
        assert_int_equal(tp_score_kind_from_code(tp_score_kind_code((tp_score_kind)k)), k);
    for (int k = 0; k < TP_FORMULA_COUNT; k++)
        assert_int_equal(tp_formula_from_code(tp_formula_code((tp_formula)k)), k);
    assert_string_equal(tp_formula_code(TP_FORMULA_TECH_POINTS), "technical-points");
    assert_string_equal(tp_authority_code(TP_AUTH_CENTRAL), "central");
    assert_int_equal(tp_authority_from_code("sub-central"), TP_AUTH_SUB_CENTRAL);
    assert_int_equal(tp_formula_from_code("ratio"), -1);
    assert_int_equal(tp_score_kind_from_code(NULL), -1);
    assert_null(tp_score_kind_code(TP_SCORE_COUNT));
}

static int teardown_all(void **state)
{
    (void)state;
    tp_xml_cleanup();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tender_xml__validates_against_schema),
        cmocka_unit_test(test_tender_xml__starts_with_declaration_and_root),
        cmocka_unit_test(test_tender_xml__buyer_and_schools),
        cmocka_unit_test(test_tender_xml__money_and_dates),
        cmocka_unit_test(test_tender_xml__lots_requirements_and_criteria),
        cmocka_unit_test(test_tender_xml__escapes_markup_in_names),
        cmocka_unit_test(test_tender_xml__two_writes_are_identical),
        cmocka_unit_test(test_tender_xml__summer_deadline_offset),
        cmocka_unit_test(test_tender_xml__optional_parts_left_out),
        cmocka_unit_test(test_tender_xml__schema_rejects_bad_money),
        cmocka_unit_test(test_tender_xml__schema_rejects_unknown_allocation_school),
        cmocka_unit_test(test_tender_xml__missing_text_is_internal_error),
        cmocka_unit_test(test_tender_xml__unresolved_procedure_is_internal_error),
        cmocka_unit_test(test_tender_xml__sink_failure_is_io_error),
        cmocka_unit_test(test_tender_xml__codes_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, teardown_all);
}
