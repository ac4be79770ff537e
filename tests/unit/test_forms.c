/* Offer forms: generation (deterministic, well-formed packages), reading a
 * filled form back as the same bid in both formats, content problems named
 * by sheet and cell, and hostile archives refused. */
#include "tp_test.h"

#include <stdio.h>
#include <stdlib.h>

#include "form_fill.h"
#include "model/profile.h"

static tp_bid *read_ok(const tp_buf *form, const char *name)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_bid *b = NULL;
    tp_err rc = tp_form_read_one(&b, form->data, form->len, name, &d);
    if (rc != TP_OK)
        tp_diags_print(&d, stderr);
    assert_int_equal(rc, TP_OK);
    assert_int_equal(d.n, 0);
    assert_non_null(b);
    tp_diags_dispose(&d);
    return b;
}

/* Reads data, expects refusal with rc and a diagnostic containing text. */
static void expect_refused(const void *data, size_t len, tp_err rc, const char *text)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_bid *b = NULL;
    assert_int_equal(tp_form_read_one(&b, data, len, "offre.ods", &d), rc);
    assert_null(b);
    assert_true(d.nerrors >= 1);
    bool found = false;
    for (size_t i = 0; i < d.n; i++)
        found = found || strstr(d.v[i].msg, text) != NULL;
    if (!found)
        tp_diags_print(&d, stderr);
    assert_true(found);
    tp_diags_dispose(&d);
}

static bool has_problem(const tp_bid *b, const char *text)
{
    for (size_t i = 0; i < b->n_problems; i++)
        if (strstr(b->problems[i].msg, text))
            return true;
    return false;
}

static void test_forms__deterministic_bytes(void **state)
{
    (void)state;
    const char *formats[] = {"ods", "xlsx"};
    for (int f = 0; f < 2; f++) {
        tp_buf a, b;
        tp_buf_init(&a);
        tp_buf_init(&b);
        fill_form_new(&a, formats[f], 1);
        fill_form_new(&b, formats[f], 1);
        assert_true(a.len > 1000);
        assert_int_equal(a.len, b.len);
        assert_memory_equal(a.data, b.data, a.len);
        tp_buf_dispose(&a);
        tp_buf_dispose(&b);
    }
}

static void test_forms__ods_mimetype_first_and_stored(void **state)
{
    (void)state;
    tp_buf b;
    tp_buf_init(&b);
    fill_form_new(&b, "ods", 2);
    assert_memory_equal(b.data, "PK\x03\x04", 4);
    assert_int_equal((unsigned char)b.data[8], 0); /* stored */
    assert_memory_equal(b.data + 30, "mimetype", 8);
    assert_memory_equal(b.data + 38, "application/vnd.oasis.opendocument.spreadsheet", 46);
    assert_int_equal(tp_form_detect(b.data, b.len), TP_FORM_ODS);
    tp_buf_dispose(&b);
}

static void test_forms__detect_by_content(void **state)
{
    (void)state;
    tp_buf b;
    tp_buf_init(&b);
    fill_form_new(&b, "xlsx", 1);
    assert_int_equal(tp_form_detect(b.data, b.len), TP_FORM_XLSX);
    const char *xml = "<bid xmlns=\"urn:tenderpack:bid:1\"/>";
    assert_int_equal(tp_form_detect(xml, strlen(xml)), TP_FORM_NONE);
    assert_int_equal(tp_form_detect("PK\x03\x04garbage", 11), TP_FORM_NONE);
    tp_buf_dispose(&b);
}

static void test_forms__unknown_format_and_lot(void **state)
{
    (void)state;
    tp_diags d;
    tp_diags_init(&d);
    tp_buf b;
    tp_buf_init(&b);
    xmlDocPtr t = fill_tender();
    assert_int_equal(tp_forms_write(&b, "csv", t, 1, 0, &d), TP_EUNSUPPORTED);
    assert_int_equal(tp_forms_write(&b, "ods", t, 3, 0, &d), TP_EINVALID);
    assert_int_equal(d.nerrors, 2);
    assert_non_null(strstr(d.v[1].msg, "no lot 3"));
    assert_int_equal(b.len, 0);
    xmlFreeDoc(t);
    tp_buf_dispose(&b);
    tp_diags_dispose(&d);
}

static void round_trip(const char *format)
{
    tp_buf blank, filled;
    tp_buf_init(&blank);
    tp_buf_init(&filled);
    fill_form_new(&blank, format, 2);
    fill_form(&filled, &blank, fill_lot2, FILL_LOT2_N);
    tp_bid *b = read_ok(&filled, "offre-mosane");
    check_lot2_bid(b, "offre-mosane");
    tp_bid_free(b);
    tp_buf_dispose(&blank);
    tp_buf_dispose(&filled);
}

static void test_forms__ods_round_trip(void **state)
{
    (void)state;
    round_trip("ods");
}

static void test_forms__xlsx_round_trip(void **state)
{
    (void)state;
    round_trip("xlsx");
}

/* A fresh form is a bid with every missing field named by its cell. */
static void test_forms__blank_form_names_missing_cells(void **state)
{
    (void)state;
    tp_buf blank;
    tp_buf_init(&blank);
    fill_form_new(&blank, "xlsx", 1);
    tp_bid *b = read_ok(&blank, "vide.xlsx");
    assert_string_equal(b->tender_reference, "ELMA-2026-NUM");
    assert_int_equal(b->lots[0].number, 1);
    assert_true(has_problem(b, "Lot 1!F11 : le nom du soumissionnaire manque"));
    assert_true(has_problem(b, "le prix unitaire manque"));
    assert_false(b->has_signatory);
    assert_false(b->lots[0].has_totals);
    assert_false(b->lots[0].has_warranty);
    /* every value row is there, empty: the evaluation reports them missing */
    assert_int_equal(b->lots[0].n_values, 18);
    assert_string_equal(value_of(&b->lots[0], "ram")->text, "");
    assert_string_equal(b->country, "BE");
    tp_bid_free(b);
    tp_buf_dispose(&blank);
}

static int row_of_key(const tp_bid *b, const char *ref)
{
    return b->lots[0].n_lines && !strcmp(ref, "devices") ? b->lots[0].lines[0].line : 0;
}

static void test_forms__bad_price_names_sheet_and_cell(void **state)
{
    (void)state;
    tp_buf blank, filled;
    tp_buf_init(&blank);
    tp_buf_init(&filled);
    fill_form_new(&blank, "ods", 2);
    fill n[FILL_LOT2_N];
    memcpy(n, fill_lot2, sizeof n);
    n[FILL_LOT2_N - 2].value = "abc";
    n[FILL_LOT2_N - 2].number = false;
    n[FILL_LOT2_N - 3].value = "3 jours";
    n[FILL_LOT2_N - 3].number = false;
    fill_form(&filled, &blank, n, FILL_LOT2_N);
    tp_bid *b = read_ok(&filled, "offre.ods");
    char want[128];
    snprintf(want, sizeof want, "Lot 2!F%d : le prix unitaire « abc » n'est pas un montant",
             row_of_key(b, "devices"));
    assert_true(has_problem(b, want));
    assert_true(has_problem(b, "le délai de livraison « 3 jours » n'est pas un nombre entier"));
    assert_int_equal(b->n_problems, 2);
    assert_false(b->lots[0].has_totals);
    tp_bid_free(b);
    tp_buf_dispose(&blank);
    tp_buf_dispose(&filled);
}

/* Amounts typed as text, and binary floating-point noise, as suppliers'
 * tools write them. */
static void test_forms__amounts_text_and_noise(void **state)
{
    (void)state;
    static const struct {
        const char *value;
        bool number;
        tp_cents want; /* -1: refused */
    } cases[] = {
        {"329,90 €", false, 32990},       {"1 234,5", false, 123450},
        {"329.90000000000003", true, 32990}, {"329.89999999999998", true, 32990},
        {"3.2990E+2", true, 32990},       {"329.905", true, -1},
        {"-5", true, -1},                 {"12,3,4", false, -1},
        {"329.9 EUR", false, 32990},      {"0", true, 0},
    };
    tp_buf blank;
    tp_buf_init(&blank);
    fill_form_new(&blank, "xlsx", 2);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fill n[FILL_LOT2_N];
        memcpy(n, fill_lot2, sizeof n);
        n[FILL_LOT2_N - 2].value = cases[i].value;
        n[FILL_LOT2_N - 2].number = cases[i].number;
        tp_buf filled;
        tp_buf_init(&filled);
        fill_form(&filled, &blank, n, FILL_LOT2_N);
        tp_bid *b = read_ok(&filled, "offre.xlsx");
        if (cases[i].want < 0) {
            assert_int_equal(b->n_problems, 1);
            assert_true(has_problem(b, "le prix unitaire"));
        } else {
            assert_int_equal(b->n_problems, 0);
            assert_int_equal(b->lots[0].lines[0].unit_price, cases[i].want);
        }
        tp_bid_free(b);
        tp_buf_dispose(&filled);
    }
    tp_buf_dispose(&blank);
}

/* ------------------------------------------------------------ hostile */

static void zip_of(tp_buf *out, const char *const *names, const tp_buf *parts, size_t n)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_zip *z = tp_zip_new(EPOCH_2026_06_01);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(tp_zip_add(z, names[i], parts[i].data ? parts[i].data : "", parts[i].len,
                                    !strcmp(names[i], "mimetype")),
                         TP_OK);
    assert_int_equal(tp_zip_finish(z, out, &d), TP_OK);
    tp_zip_free(z);
    tp_diags_dispose(&d);
}

static void ods_with_content(tp_buf *out, const tp_buf *content)
{
    const char *names[] = {"mimetype", "content.xml"};
    tp_buf parts[2];
    tp_buf_init(&parts[0]);
    tp_buf_puts(&parts[0], "application/vnd.oasis.opendocument.spreadsheet");
    parts[1] = *content;
    zip_of(out, names, parts, 2);
    tp_buf_dispose(&parts[0]);
}

static void test_forms__zip_bomb_refused(void **state)
{
    (void)state;
    tp_buf big, z;
    tp_buf_init(&big);
    tp_buf_init(&z);
    for (size_t i = 0; i < (17u << 20) / 64; i++)
        tp_buf_puts(&big, "                                                                ");
    ods_with_content(&z, &big);
    assert_true(z.len < 200000); /* compresses a thousandfold */
    expect_refused(z.data, z.len, TP_ELIMIT, "zip bomb");
    tp_buf_dispose(&big);
    tp_buf_dispose(&z);
}

static void test_forms__total_size_limit(void **state)
{
    (void)state;
    const char *names[] = {"mimetype", "a.xml", "b.xml", "c.xml"};
    tp_buf parts[4];
    for (int i = 0; i < 4; i++)
        tp_buf_init(&parts[i]);
    tp_buf_puts(&parts[0], "application/vnd.oasis.opendocument.spreadsheet");
    for (int i = 1; i < 4; i++)
        for (size_t k = 0; k < (12u << 20) / 16; k++)
            tp_buf_puts(&parts[i], "0123456789abcdef");
    tp_buf z;
    tp_buf_init(&z);
    zip_of(&z, names, parts, 4);
    expect_refused(z.data, z.len, TP_ELIMIT, "more than 33554432 bytes");
    for (int i = 0; i < 4; i++)
        tp_buf_dispose(&parts[i]);
    tp_buf_dispose(&z);
}

/* tp_zip refuses to write such names, so the entry is renamed in the bytes:
 * "content.xml" becomes "../../x.xml" (same length) in both headers. */
static void test_forms__path_traversal_refused(void **state)
{
    (void)state;
    tp_buf blank;
    tp_buf_init(&blank);
    fill_form_new(&blank, "ods", 1);
    int renamed = 0;
    for (size_t i = 0; i + 11 <= blank.len; i++)
        if (!memcmp(blank.data + i, "content.xml", 11)) {
            memcpy(blank.data + i, "../../x.xml", 11);
            renamed++;
        }
    assert_true(renamed >= 2); /* local header and central directory (and the manifest) */
    expect_refused(blank.data, blank.len, TP_EINVALID, "unsafe name");
    tp_buf_dispose(&blank);
}

static void test_forms__too_many_entries(void **state)
{
    (void)state;
    tp_zip *z = tp_zip_new(0);
    assert_int_equal(tp_zip_add(z, "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                                46, true),
                     TP_OK);
    for (int i = 0; i < 1000; i++) {
        char name[32];
        snprintf(name, sizeof name, "junk/%d", i);
        assert_int_equal(tp_zip_add(z, name, "x", 1, true), TP_OK);
    }
    tp_diags d;
    tp_diags_init(&d);
    tp_buf out;
    tp_buf_init(&out);
    assert_int_equal(tp_zip_finish(z, &out, &d), TP_OK);
    expect_refused(out.data, out.len, TP_ELIMIT, "1001 entries");
    tp_zip_free(z);
    tp_buf_dispose(&out);
    tp_diags_dispose(&d);
}

static void test_forms__huge_sheet_refused(void **state)
{
    (void)state;
    tp_buf c, z;
    tp_buf_init(&c);
    tp_buf_init(&z);
    tp_buf_puts(&c, "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:"
                    "xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:"
                    "table:1.0\"><office:body><office:spreadsheet><table:table table:name=\"X\">");
    for (int i = 0; i < 6000; i++)
        tp_buf_puts(&c, "<table:table-row><table:table-cell/></table:table-row>");
    tp_buf_puts(&c, "</table:table></office:spreadsheet></office:body></office:document-content>");
    ods_with_content(&z, &c);
    expect_refused(z.data, z.len, TP_ELIMIT, "sheet 'X' has more than 5000 rows");
    tp_buf_dispose(&c);
    tp_buf_dispose(&z);
}

static void test_forms__doctype_in_sheet_refused(void **state)
{
    (void)state;
    tp_buf c, z;
    tp_buf_init(&c);
    tp_buf_init(&z);
    tp_buf_puts(&c, "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>");
    ods_with_content(&z, &c);
    expect_refused(z.data, z.len, TP_ELIMIT, "document type declarations are refused");
    tp_buf_dispose(&c);
    tp_buf_dispose(&z);
}

static void test_forms__not_a_form_or_not_a_zip(void **state)
{
    (void)state;
    tp_buf c, z;
    tp_buf_init(&c);
    tp_buf_init(&z);
    tp_buf_puts(&c, "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:"
                    "xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:"
                    "table:1.0\"><office:body><office:spreadsheet><table:table table:name=\"Prix\">"
                    "<table:table-row><table:table-cell/></table:table-row></table:table>"
                    "</office:spreadsheet></office:body></office:document-content>");
    ods_with_content(&z, &c);
    expect_refused(z.data, z.len, TP_EINVALID, "not a tenderpack offer form (cell A1 of sheet 'Prix'");
    expect_refused("hello", 5, TP_EINVALID, "no zip signature");
    expect_refused(z.data, z.len / 2, TP_EPARSE, "not a readable zip");
    const char *names[] = {"word/document.xml"};
    tp_buf_clear(&z);
    zip_of(&z, names, &c, 1);
    expect_refused(z.data, z.len, TP_EINVALID, "neither an ODS nor an XLSX");
    tp_buf_dispose(&c);
    tp_buf_dispose(&z);
}

static void test_forms__xlsx_sheet_target_checked(void **state)
{
    (void)state;
    tp_buf blank;
    tp_buf_init(&blank);
    fill_form_new(&blank, "xlsx", 1);
    /* Stored size changes would break the zip: patch the workbook rels in
     * place, same length, through a fresh package. */
    tp_diags d;
    tp_diags_init(&d);
    tp_unzip *u = NULL;
    assert_int_equal(tp_unzip_open(&u, blank.data, blank.len, "f", &d), TP_OK);
    tp_zip *w = tp_zip_new(0);
    for (size_t i = 0; i < tp_unzip_count(u); i++) {
        tp_buf part;
        tp_buf_init(&part);
        assert_int_equal(tp_unzip_read(u, tp_unzip_name(u, i), &part, &d), TP_OK);
        char *hit = strstr(part.data, "Target=\"worksheets/sheet1.xml\"");
        if (hit)
            memcpy(hit, "Target=\"../../../etc/passwd.x\"", 30);
        assert_int_equal(tp_zip_add_buf(w, tp_unzip_name(u, i), &part, false), TP_OK);
        tp_buf_dispose(&part);
    }
    tp_buf out;
    tp_buf_init(&out);
    assert_int_equal(tp_zip_finish(w, &out, &d), TP_OK);
    expect_refused(out.data, out.len, TP_EINVALID, "is not a worksheets/sheetN.xml part");
    tp_zip_free(w);
    tp_unzip_free(u);
    tp_buf_dispose(&out);
    tp_buf_dispose(&blank);
    tp_diags_dispose(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms__deterministic_bytes),
        cmocka_unit_test(test_forms__ods_mimetype_first_and_stored),
        cmocka_unit_test(test_forms__detect_by_content),
        cmocka_unit_test(test_forms__unknown_format_and_lot),
        cmocka_unit_test(test_forms__ods_round_trip),
        cmocka_unit_test(test_forms__xlsx_round_trip),
        cmocka_unit_test(test_forms__blank_form_names_missing_cells),
        cmocka_unit_test(test_forms__bad_price_names_sheet_and_cell),
        cmocka_unit_test(test_forms__amounts_text_and_noise),
        cmocka_unit_test(test_forms__zip_bomb_refused),
        cmocka_unit_test(test_forms__total_size_limit),
        cmocka_unit_test(test_forms__path_traversal_refused),
        cmocka_unit_test(test_forms__too_many_entries),
        cmocka_unit_test(test_forms__huge_sheet_refused),
        cmocka_unit_test(test_forms__doctype_in_sheet_refused),
        cmocka_unit_test(test_forms__not_a_form_or_not_a_zip),
        cmocka_unit_test(test_forms__xlsx_sheet_target_checked),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    tp_xml_cleanup();
    return rc;
}
