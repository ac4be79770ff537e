/* The streaming bid reader: fields, form problems in French with their line,
 * broken XML, streams; and agreement with schemas/bid.xsd on every case. */
#include "tp_test.h"

#include <stdlib.h>

#include "core/buf.h"
#include "core/io.h"
#include "core/money.h"
#include "eval/bid.h"
#include "eval/bid_form.h"
#include "eval/bid_scan.h"
#include "model/profile.h"
#include "xml/xmlsafe.h"

#define SAMPLE TP_SOURCE_DIR "/samples/bids/04-wbe-open-ted/01-mosane.xml"

static char *mosane;

static int setup(void **state)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_read_file(&b, SAMPLE, 1u << 20, &d), TP_OK);
    mosane = tp_buf_detach(&b);
    tp_diags_dispose(&d);
    return 0;
}

static int teardown(void **state)
{
    free(mosane);
    tp_xml_cleanup();
    return 0;
}

/* mosane with the first "from" replaced by "to". */
static char *edit(const char *from, const char *to)
{
    char *at = strstr(mosane, from);
    assert_non_null(at);
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_put(&b, mosane, (size_t)(at - mosane));
    tp_buf_puts(&b, to);
    tp_buf_puts(&b, at + strlen(from));
    return tp_buf_detach(&b);
}

static tp_bid *parse(const char *xml)
{
    tp_bid *bid = NULL;
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_bid_parse_one(&bid, xml, strlen(xml), "b.xml", &d), TP_OK);
    assert_int_equal(d.n, 0);
    tp_diags_dispose(&d);
    assert_non_null(bid);
    return bid;
}

/* Does bid.xsd accept xml? (libxml2's validator, the reference.) */
static bool xsd_valid(const char *xml)
{
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr doc = NULL;
    bool ok = tp_xml_parse(&doc, xml, strlen(xml), "b.xml", &d) == TP_OK &&
              tp_xsd_validate(doc, "bid.xsd", "b.xml", &d) == TP_OK;
    xmlFreeDoc(doc);
    tp_diags_dispose(&d);
    return ok;
}

static void test_eval_bid__reads_every_field(void **state)
{
    tp_bid *b = parse(mosane);
    assert_int_equal(b->n_problems, 0);
    assert_string_equal(b->source, "b.xml");
    assert_int_equal(b->index, 1);
    assert_int_equal(b->line, 2);
    assert_string_equal(b->tender_reference, "WBE-NAM-2026-003");
    assert_string_equal(b->received_text, "2026-12-01T16:42:00+01:00");
    assert_true(b->has_received);
    assert_int_equal(b->received_utc, 1796139720); /* 2026-12-01T15:42:00Z */
    assert_string_equal(b->vat, "BE0403170701");
    assert_string_equal(b->name, "Informatique Mosane SA");
    assert_string_equal(b->country, "BE");
    assert_string_equal(b->locality, "Namur");
    assert_string_equal(b->contact_email, "offres@mosane.example");
    assert_true(b->has_signatory);
    assert_string_equal(b->signatory_role, "Administratrice déléguée");
    assert_int_equal(b->n_lots, 2);
    const tp_bid_lot *l = &b->lots[0];
    assert_int_equal(l->number, 1);
    assert_string_equal(l->brand, "Lenovo");
    assert_int_equal(l->n_values, 19);
    assert_string_equal(l->values[1].ref, "ram");
    assert_string_equal(l->values[1].unit, "Go");
    assert_string_equal(l->values[1].text, "16");
    assert_null(l->values[3].unit);
    assert_int_equal(l->n_lines, 1);
    assert_int_equal(l->lines[0].quantity, 420);
    assert_int_equal(l->lines[0].unit_price, 45500);
    assert_int_equal(l->lines[0].total, 19110000);
    assert_int_equal(l->n_options, 2);
    assert_int_equal(l->options[0].kind, TP_OPT_EXTENDED_WARRANTY);
    assert_int_equal(l->options[0].years, 4);
    assert_int_equal(l->options[1].kind, TP_OPT_CHARGING_CART);
    assert_int_equal(l->options[1].years, 0);
    assert_int_equal(l->htva, 22330000);
    assert_int_equal(l->tva, 4689300);
    assert_int_equal(l->tvac, 27019300);
    assert_int_equal(l->warranty_years, 4);
    assert_int_equal(l->delivery_days, 30);
    assert_true(xsd_valid(mosane));
    tp_bid_free(b);
}

/* One broken variant: the reader's first problem and the schema's verdict. */
typedef struct bad_case {
    const char *from, *to;
    int line;
    const char *msg;
} bad_case;

static void test_eval_bid__form_problems_agree_with_schema(void **state)
{
    static const bad_case cases[] = {
        {"unitPrice=\"455.00\"", "unitPrice=\"455,00\"", 48,
         "<line unitPrice=\"455,00\"> : un montant en euros est attendu (chiffres, point décimal, "
         "au plus 2 décimales, ex. 455.50)"},
        {"<warranty years=\"4\"/>", "", 56, "élément <warranty> manquant dans <lot> avant <delivery>"},
        {"<totals ", "<totals foo=\"1\" ", 54, "attribut « foo » inattendu sur <totals>"},
        {" receivedAt=\"2026-12-01T16:42:00+01:00\"", " receivedAt=\"2026-12-01T16:42:00\"", 2,
         "<bid receivedAt=\"2026-12-01T16:42:00\"> : une date et heure avec décalage horaire est "
         "attendue (ex. 2026-12-01T16:42:00+01:00)"},
        {" vat=\"BE0403170701\"", "", 3, "attribut obligatoire « vat » manquant sur <supplier>"},
        {"<lot number=\"2\">", "<lot number=\"1\">", 58, "le lot 1 apparaît deux fois dans l'offre"},
        {"<value ref=\"cpu-benchmark\"", "<value ref=\"ram\"", 28,
         "la valeur « ram » est donnée deux fois dans le lot 1"},
        {"<brand>Lenovo</brand>", "<brand></brand>", 23, "<brand> : un texte non vide est attendu"},
        {"<product>", "<product>texte", 23, "texte inattendu dans <product>"},
        {"<name>Informatique Mosane SA</name>", "<nom>Informatique Mosane SA</nom>", 4,
         "élément <nom> inattendu dans <supplier> (attendu : <name>)"},
        {"version=\"1\"", "version=\"2\"", 2, "<bid version=\"2\"> : seule la version 1 est connue"},
        {"kind=\"charging-cart\"", "kind=\"tablet-stand\"", 52,
         "<option kind=\"tablet-stand\"> : extended-warranty, accidental-damage, charging-cart ou "
         "protective-sleeve est attendu"},
        {"<bid xmlns=\"urn:tenderpack:bid:1\"", "<bid xmlns=\"urn:example:other\"", 2,
         "le document n'est pas une offre : l'élément racine est <bid> (espace de noms « "
         "urn:example:other »), attendu <bid> ou <bids> de l'espace de noms urn:tenderpack:bid:1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *xml = edit(cases[i].from, cases[i].to);
        tp_bid *b = parse(xml);
        assert_true(b->n_problems >= 1);
        assert_false(b->problems[0].xml);
        assert_string_equal(b->problems[0].msg, cases[i].msg);
        assert_int_equal(b->problems[0].line, cases[i].line);
        assert_false(xsd_valid(xml));
        tp_bid_free(b);
        free(xml);
    }
}

/* mosane without the text from "from" to the end of "to". */
static char *cut(const char *from, const char *to)
{
    char *a = strstr(mosane, from), *z = a ? strstr(a, to) : NULL;
    assert_non_null(z);
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_put(&b, mosane, (size_t)(a - mosane));
    tp_buf_puts(&b, z + strlen(to));
    return tp_buf_detach(&b);
}

static void test_eval_bid__accepted_variants_agree_with_schema(void **state)
{
    static const char *const from_to[][2] = {
        {"unitPrice=\"455.00\"", "unitPrice=\"455\""},
        {"<value ref=\"storage-type\">SSD</value>", "<value ref=\"storage-type\"></value>"},
        {"<address country=\"BE\">", "<address>"},
        {" receivedAt=\"2026-12-01T16:42:00+01:00\"", " receivedAt=\"2026-12-01T15:42:00.25Z\""},
        {"<name>Informatique Mosane SA</name>", "<name>Mosane &amp; Fils</name>"},
    };
    for (size_t i = 0; i < sizeof from_to / sizeof *from_to; i++) {
        char *xml = edit(from_to[i][0], from_to[i][1]);
        tp_bid *b = parse(xml);
        assert_int_equal(b->n_problems, 0);
        assert_true(xsd_valid(xml));
        if (i == 2)
            assert_null(b->country);
        if (i == 3)
            assert_int_equal(b->received_micro, 250000);
        if (i == 4)
            assert_string_equal(b->name, "Mosane & Fils");
        tp_bid_free(b);
        free(xml);
    }
    /* No signatory: a finding of the evaluation, not a form problem. */
    char *xml = cut("<signatory>", "</signatory>");
    tp_bid *b = parse(xml);
    assert_int_equal(b->n_problems, 0);
    assert_false(b->has_signatory);
    assert_true(xsd_valid(xml));
    tp_bid_free(b);
    free(xml);
}

static void test_eval_bid__broken_xml_is_a_bid_with_a_problem(void **state)
{
    const char *inputs[] = {"", "not xml at all", "<bid xmlns=\"urn:tenderpack:bid:1\" version=",
                            "<?xml version=\"1.0\"?>\n<!DOCTYPE bid [<!ENTITY x \"y\">]>\n<bid/>"};
    for (size_t i = 0; i < 4; i++) {
        tp_bid *b = parse(inputs[i]);
        assert_int_equal(b->n_problems, 1);
        assert_true(b->problems[0].xml);
        if (i == 3) {
            assert_int_equal(b->problems[0].line, 2);
            assert_non_null(strstr(b->problems[0].msg, "DOCTYPE"));
        }
        tp_bid_free(b);
    }
}

typedef struct collected {
    tp_bid *bids[8];
    size_t n;
} collected;

static tp_err collect(void *ud, tp_bid *bid)
{
    collected *c = ud;
    if (c->n == 8) {
        tp_bid_free(bid);
        return TP_EINTERNAL;
    }
    c->bids[c->n++] = bid;
    return TP_OK;
}

static void test_eval_bid__stream(void **state)
{
    /* Three bids in a <bids> stream; the second breaks the schema but the stream goes on. */
    const char *body = strstr(mosane, "<bid ");
    tp_buf s;
    tp_buf_init(&s);
    tp_buf_puts(&s, "<bids xmlns=\"urn:tenderpack:bid:1\">\n");
    tp_buf_puts(&s, body);
    char *bad = edit("<totals ", "<totals foo=\"1\" ");
    tp_buf_puts(&s, strstr(bad, "<bid "));
    free(bad);
    tp_buf_puts(&s, body);
    tp_buf_puts(&s, "</bids>\n");
    collected c = {{NULL}, 0};
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_bid_read_memory(s.data, s.len, "s.xml", collect, &c, &d), TP_OK);
    assert_int_equal(c.n, 3);
    assert_int_equal(c.bids[0]->index, 1);
    assert_int_equal(c.bids[2]->index, 3);
    assert_int_equal(c.bids[0]->n_problems, 0);
    assert_int_equal(c.bids[1]->n_problems, 1);
    assert_int_equal(c.bids[2]->n_problems, 0);
    assert_true(xsd_valid("<bids xmlns=\"urn:tenderpack:bid:1\"/>"));
    for (size_t i = 0; i < c.n; i++)
        tp_bid_free(c.bids[i]);

    /* Cut in the middle of the second bid: the first arrives, then TP_EPARSE. */
    c.n = 0;
    size_t cut = s.len / 2;
    assert_int_equal(tp_bid_read_memory(s.data, cut, "s.xml", collect, &c, &d), TP_EPARSE);
    assert_int_equal(c.n, 2); /* the first, and the broken second with its problem */
    assert_true(c.bids[1]->n_problems >= 1);
    assert_true(c.bids[1]->problems[c.bids[1]->n_problems - 1].xml);
    assert_int_equal(d.nerrors, 1);
    for (size_t i = 0; i < c.n; i++)
        tp_bid_free(c.bids[i]);

    /* Something else than <bid> inside <bids>: a stream problem. */
    c.n = 0;
    const char *odd = "<bids xmlns=\"urn:tenderpack:bid:1\"><offer/></bids>";
    assert_int_equal(tp_bid_read_memory(odd, strlen(odd), "o.xml", collect, &c, &d), TP_EINVALID);
    assert_int_equal(c.n, 0);
    tp_diags_dispose(&d);
    tp_buf_dispose(&s);
}

/* Repeated value refs: one problem per earlier value with the same ref,
 * in lots small enough for the reader's hash and beyond it. */
static void test_eval_bid__repeated_refs(void **state)
{
    (void)state;
    for (int many = 0; many < 2; many++) {
        tp_buf x;
        tp_buf_init(&x);
        tp_buf_puts(&x, "<bid xmlns=\"urn:tenderpack:bid:1\" version=\"1\" tenderReference=\"R\" "
                        "receivedAt=\"2026-12-01T16:42:00+01:00\"><lot number=\"1\"><values>");
        int filler = many ? 300 : 3;
        for (int i = 0; i < filler; i++)
            tp_buf_printf(&x, "<value ref=\"v%d\">1</value>", i);
        tp_buf_puts(&x, "<value ref=\"ram\">8</value><value ref=\"v1\">1</value>"
                        "<value ref=\"ram\">8</value><value ref=\"ram\">8</value>");
        tp_buf_puts(&x, "</values></lot></bid>");
        tp_bid *b = NULL;
        tp_diags d;
        tp_diags_init(&d);
        tp_bid_parse_one(&b, x.data, x.len, "x.xml", &d);
        assert_non_null(b);
        size_t ram = 0, v1 = 0;
        for (size_t i = 0; i < b->n_problems; i++) {
            ram += strcmp(b->problems[i].msg, "la valeur « ram » est donnée deux fois dans le lot 1") == 0;
            v1 += strcmp(b->problems[i].msg, "la valeur « v1 » est donnée deux fois dans le lot 1") == 0;
        }
        assert_int_equal(ram, 3); /* the 2nd matches 1 earlier, the 3rd 2 */
        assert_int_equal(v1, 1);
        tp_bid_free(b);
        tp_diags_dispose(&d);
        tp_buf_dispose(&x);
    }
}

static void test_eval_bid__datetime(void **state)
{
    int64_t t;
    int us;
    assert_true(tp_datetime_parse(&t, &us, "1970-01-01T00:00:00Z"));
    assert_int_equal(t, 0);
    assert_true(tp_datetime_parse(&t, &us, "2026-12-02T10:00:00+01:00"));
    int64_t cet = t;
    assert_true(tp_datetime_parse(&t, &us, "2026-12-02T09:00:00Z"));
    assert_int_equal(t, cet);
    assert_true(tp_datetime_parse(&t, &us, "2026-12-02T04:00:00-05:00"));
    assert_int_equal(t, cet);
    assert_true(tp_datetime_parse(&t, &us, "2026-12-02T09:00:00.5Z"));
    assert_int_equal(us, 500000);
    assert_false(tp_datetime_parse(&t, &us, "2026-12-02T09:00:00"));
    assert_false(tp_datetime_parse(&t, &us, "2026-02-30T09:00:00Z"));
    assert_false(tp_datetime_parse(&t, &us, "2026-12-02T24:00:00Z"));
    assert_false(tp_datetime_parse(&t, &us, "2026-12-02T09:00:00+15:00"));
    assert_false(tp_datetime_parse(&t, &us, "2026-12-02 09:00:00Z"));
}

/* The value checks take a length (the scanner's values are not
 * NUL-terminated) and decide short texts without counting characters: the
 * limits, in characters, hold with multibyte ones. */
static void test_eval_bid__type_checks(void **state)
{
    (void)state;
    static const struct {
        vtype t;
        const char *v;
        bool ok;
    } cases[] = {
        {T_MONEY, "0", true},           {T_MONEY, "455.50", true},      {T_MONEY, "455.5", true},
        {T_MONEY, "1234567890123", true}, {T_MONEY, "12345678901234", false},
        {T_MONEY, "1.555", false},      {T_MONEY, ".5", false},         {T_MONEY, "5.", false},
        {T_MONEY, "1.2.3", false},      {T_MONEY, "", false},           {T_MONEY, "1,50", false},
        {T_MONEY, "-1", false},         {T_MONEY, "1234567890123.99", true},
        {T_COUNT, "0", true},           {T_COUNT, "123456789", true},   {T_COUNT, "1234567890", false},
        {T_COUNT, "", false},           {T_COUNT, "1a", false},         {T_LOTNUM, "1", true},
        {T_LOTNUM, "9999", true},       {T_LOTNUM, "10000", false},     {T_LOTNUM, "01", false},
        {T_IDENT, "a", true},           {T_IDENT, "cpu-benchmark", true}, {T_IDENT, "a.b_c-d", true},
        {T_IDENT, "-a", false},         {T_IDENT, "", false},           {T_IDENT, "a b", false},
        {T_IDENT, "é", false},          {T_VAT, "BE0123456749", true},  {T_VAT, "be0123", false},
        {T_VAT, "BE1", false},          {T_VAT, "BE0123456789012", true}, {T_VAT, "B10123", false},
        {T_COUNTRY, "BE", true},        {T_COUNTRY, "B", false},        {T_COUNTRY, "BEL", false},
        {T_VERSION, "1", true},         {T_VERSION, "10", false},       {T_VERSION, "", false},
        {T_OPTKIND, "charging-cart", true}, {T_OPTKIND, "charging", false},
        {T_OPTKIND, "charging-cart-x", false},
        {T_RECEIPT, "2026-12-01T16:42:00+01:00", true}, {T_RECEIPT, "2026-12-01T16:42:00.123456Z", true},
        {T_RECEIPT, "2026-12-01T16:42:00", false},      {T_TEXT, "x", true},
        {T_TEXT, "", false},            {T_VALUE, "", true},            {T_UNIT, "Go", true},
        {T_REFERENCE, "", false},       {T_REFERENCE, "R-1", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = strlen(cases[i].v);
        bool ok = tp_bid_type_problem(cases[i].t, cases[i].v, n) == NULL;
        if (ok != cases[i].ok)
            fail_msg("type %d, \"%s\": %d", (int)cases[i].t, cases[i].v, ok);
        assert_int_equal(tp_bid_type_check(cases[i].t, cases[i].v, n) == NULL, ok);
        /* Not NUL-terminated: a digit after the value must not count. */
        char buf[64];
        memcpy(buf, cases[i].v, n);
        buf[n] = '7';
        assert_int_equal(tp_bid_type_problem(cases[i].t, buf, n) == NULL, ok);
    }
    /* Limits in characters: 'é' is two bytes, '€' three. */
    static const struct {
        vtype t;
        size_t max;
    } limits[] = {{T_TEXT, 500}, {T_VALUE, 100}, {T_UNIT, 20}, {T_REFERENCE, 100}};
    static const char *const chars[] = {"x", "\xc3\xa9", "\xe2\x82\xac"};
    for (size_t i = 0; i < sizeof limits / sizeof *limits; i++)
        for (size_t c = 0; c < 3; c++)
            for (size_t k = limits[i].max - 1; k <= limits[i].max + 1; k++) {
                tp_buf b;
                tp_buf_init(&b);
                for (size_t j = 0; j < k; j++)
                    tp_buf_puts(&b, chars[c]);
                bool ok = k <= limits[i].max;
                assert_int_equal(tp_bid_type_problem(limits[i].t, b.data, b.len) == NULL, ok);
                assert_int_equal(tp_bid_type_check(limits[i].t, b.data, b.len) == NULL, ok);
                tp_buf_dispose(&b);
            }
}

/* Valid amounts and counts read as tp_money_parse and atoll read them. */
static void test_eval_bid__form_numbers(void **state)
{
    (void)state;
    static const char *const money[] = {"0", "1", "1.5", "1.50", "1.05", "455.50", "007.1",
                                        "1234567890123", "1234567890123.99", "99.9"};
    for (size_t i = 0; i < sizeof money / sizeof *money; i++) {
        tp_cents c = -1;
        assert_true(tp_money_parse(&c, money[i]));
        assert_true(tp_bid_form_money(money[i], strlen(money[i])) == c);
    }
    static const char *const counts[] = {"0", "7", "0042", "123456789"};
    for (size_t i = 0; i < sizeof counts / sizeof *counts; i++)
        assert_true(tp_bid_form_digits(counts[i], strlen(counts[i])) == atoll(counts[i]));
}

/* Each element's required mask (the reader's shortcut) agrees with its
 * attributes' required flags; names agree with their lengths. */
static void check_spec(const elem_spec *e, int depth)
{
    assert_true(depth < 10);
    assert_int_equal(e->name_len, strlen(e->name));
    unsigned mask = 0;
    for (size_t k = 0; e->attrs[k].name; k++) {
        assert_int_equal(e->attrs[k].name_len, strlen(e->attrs[k].name));
        if (e->attrs[k].required)
            mask |= 1u << k;
    }
    if (mask != e->required)
        fail_msg("<%s>: required mask %#x, attributes say %#x", e->name, e->required, mask);
    for (size_t i = 0; i < e->n_children; i++)
        check_spec(e->children[i].e, depth + 1);
}

static void test_eval_bid__form_table(void **state)
{
    (void)state;
    check_spec(&tp_bid_form_bids, 0);
}

/* tp_scan_equal on every length and every differing position. */
static void test_eval_bid__scan_equal(void **state)
{
    (void)state;
    char a[48], b[48];
    for (size_t n = 0; n <= 40; n++) {
        for (size_t i = 0; i < n; i++)
            a[i] = b[i] = (char)('a' + i % 26);
        assert_true(tp_scan_equal(a, b, n));
        assert_true(tp_scan_same_name(a, n, b, n));
        assert_false(n > 0 && tp_scan_same_name(a, n, b, n - 1));
        for (size_t i = 0; i < n; i++) {
            b[i] = 'X';
            assert_false(tp_scan_equal(a, b, n));
            b[i] = a[i];
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eval_bid__reads_every_field),
        cmocka_unit_test(test_eval_bid__form_problems_agree_with_schema),
        cmocka_unit_test(test_eval_bid__accepted_variants_agree_with_schema),
        cmocka_unit_test(test_eval_bid__broken_xml_is_a_bid_with_a_problem),
        cmocka_unit_test(test_eval_bid__stream),
        cmocka_unit_test(test_eval_bid__repeated_refs),
        cmocka_unit_test(test_eval_bid__datetime),
        cmocka_unit_test(test_eval_bid__type_checks),
        cmocka_unit_test(test_eval_bid__form_numbers),
        cmocka_unit_test(test_eval_bid__form_table),
        cmocka_unit_test(test_eval_bid__scan_equal),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
