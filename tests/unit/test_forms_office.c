/* Offer forms against real office software: check-doc (strict ODF schema,
 * ECMA-376 schema, Excel rules, openpyxl, LibreOffice) on the generated
 * forms, and LibreOffice round trips: a filled ODS converted to XLSX by
 * LibreOffice (and a filled XLSX to ODS) reads back as the same bid, with
 * the formulas computed by LibreOffice. Skipped when ../shared/validators or
 * soffice is absent. */
#include "tp_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/io.h"
#include "form_fill.h"

#define CHECK_DOC TP_SHARED_DIR "/validators/check-doc"

static char tmpdir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/tp-forms-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    if (getenv("TP_KEEP_TMP")) /* to look at what LibreOffice wrote */
        return 0;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *path, const tp_buf *b)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b->data, 1, b->len, f), b->len);
    assert_int_equal(fclose(f), 0);
}

static void read_file(tp_buf *b, const char *path)
{
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_read_file(b, path, 64u << 20, &d), TP_OK);
    tp_diags_dispose(&d);
}

static bool have_soffice(void)
{
    return system("command -v soffice >/dev/null 2>&1") == 0;
}

static void check_doc(const char *format, int lot, const char *expect)
{
    if (access(CHECK_DOC, R_OK) != 0)
        skip();
    tp_buf b;
    tp_buf_init(&b);
    fill_form_new(&b, format, lot);
    char path[160], cmd[512];
    snprintf(path, sizeof path, "%s/formulaire-lot-%d.%s", tmpdir, lot, format);
    write_file(path, &b);
    /* Debian's python (with its python3-* modules), not a pyenv shim. */
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s' %s --expect-text '%s' '%s' >'%s.log' 2>&1",
             CHECK_DOC, have_soffice() ? "" : "--fast", expect, path, path);
    int rc = system(cmd);
    if (rc != 0) {
        snprintf(cmd, sizeof cmd, "cat '%s.log' >&2", path);
        (void)system(cmd);
    }
    assert_int_equal(rc, 0);
    tp_buf_dispose(&b);
}

static void test_forms_office__check_doc_ods(void **state)
{
    (void)state;
    check_doc("ods", 1, "Identification du soumissionnaire");
}

static void test_forms_office__check_doc_xlsx(void **state)
{
    (void)state;
    check_doc("xlsx", 2, "Inventaire des prix");
}

/* LibreOffice trusts the values cached in a file and never recalculates on
 * load by default; a supplier's LibreOffice recalculates as they type. The
 * private profile asks for a recalculation on load, so the values below
 * are computed by LibreOffice from our formulas, not copied from the file. */
static void soffice_profile(void)
{
    char path[160];
    snprintf(path, sizeof path, "%s/profile/user", tmpdir);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
    assert_int_equal(system(cmd), 0);
    strcat(path, "/registrymodifications.xcu");
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
          "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
          "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop "
          "oor:name=\"ODFRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
          "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop "
          "oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
          "</oor:items>\n",
          f);
    assert_int_equal(fclose(f), 0);
}

/* LibreOffice converts in; returns the converted file's bytes. */
static void soffice_convert(tp_buf *out, const char *in_path, const char *to, const char *out_path)
{
    char cmd[768];
    soffice_profile();
    snprintf(cmd, sizeof cmd,
             "cd '%s' && HOME='%s' soffice -env:UserInstallation=file://%s/profile --headless "
             "--norestore --convert-to %s --outdir '%s/out' '%s' >'%s/soffice.log' 2>&1",
             tmpdir, tmpdir, tmpdir, to, tmpdir, in_path, tmpdir);
    assert_int_equal(system(cmd), 0);
    read_file(out, out_path);
}

/* The package LibreOffice wrote holds text (a value it computed). */
static void assert_computed(const tp_buf *pkg, const char *member, const char *text)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_unzip *z = NULL;
    assert_int_equal(tp_unzip_open(&z, pkg->data, pkg->len, "lo", &d), TP_OK);
    tp_buf part;
    tp_buf_init(&part);
    assert_int_equal(tp_unzip_read(z, member, &part, &d), TP_OK);
    if (!strstr(tp_buf_cstr(&part), text))
        fprintf(stderr, "LibreOffice's %s lacks %s\n", member, text);
    assert_non_null(strstr(tp_buf_cstr(&part), text));
    tp_buf_dispose(&part);
    tp_unzip_free(z);
    tp_diags_dispose(&d);
}

static void test_forms_office__libreoffice_ods_to_xlsx(void **state)
{
    (void)state;
    if (!have_soffice())
        skip();
    tp_buf blank, filled, lo;
    tp_buf_init(&blank);
    tp_buf_init(&filled);
    tp_buf_init(&lo);
    fill_form_new(&blank, "ods", 2);
    fill_form(&filled, &blank, fill_lot2, FILL_LOT2_N);
    char in[128], out[128];
    snprintf(in, sizeof in, "%s/offre.ods", tmpdir);
    snprintf(out, sizeof out, "%s/out/offre.xlsx", tmpdir);
    write_file(in, &filled);
    soffice_convert(&lo, in, "xlsx", out);
    assert_int_equal(tp_form_detect(lo.data, lo.len), TP_FORM_XLSX);
    assert_computed(&lo, "xl/worksheets/sheet1.xml", "<v>13196</v>");    /* 40 × 329.90 */
    assert_computed(&lo, "xl/worksheets/sheet1.xml", "<v>2934.96</v>");  /* VAT */
    assert_computed(&lo, "xl/worksheets/sheet1.xml", "<v>16910.96</v>"); /* total TVAC */
    tp_diags d;
    tp_diags_init(&d);
    tp_bid *b = NULL;
    assert_int_equal(tp_form_read_one(&b, lo.data, lo.len, "offre.xlsx", &d), TP_OK);
    check_lot2_bid(b, "offre.xlsx");
    tp_bid_free(b);
    tp_diags_dispose(&d);
    tp_buf_dispose(&blank);
    tp_buf_dispose(&filled);
    tp_buf_dispose(&lo);
}

static void test_forms_office__libreoffice_xlsx_to_ods(void **state)
{
    (void)state;
    if (!have_soffice())
        skip();
    tp_buf blank, filled, lo;
    tp_buf_init(&blank);
    tp_buf_init(&filled);
    tp_buf_init(&lo);
    fill_form_new(&blank, "xlsx", 2);
    fill_form(&filled, &blank, fill_lot2, FILL_LOT2_N);
    char in[128], out[128];
    snprintf(in, sizeof in, "%s/offre2.xlsx", tmpdir);
    snprintf(out, sizeof out, "%s/out/offre2.ods", tmpdir);
    write_file(in, &filled);
    soffice_convert(&lo, in, "ods", out);
    assert_int_equal(tp_form_detect(lo.data, lo.len), TP_FORM_ODS);
    assert_computed(&lo, "content.xml", "office:value=\"16910.96\"");
    tp_diags d;
    tp_diags_init(&d);
    tp_bid *b = NULL;
    assert_int_equal(tp_form_read_one(&b, lo.data, lo.len, "offre2.ods", &d), TP_OK);
    check_lot2_bid(b, "offre2.ods");
    tp_bid_free(b);
    tp_diags_dispose(&d);
    tp_buf_dispose(&blank);
    tp_buf_dispose(&filled);
    tp_buf_dispose(&lo);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms_office__check_doc_ods),
        cmocka_unit_test(test_forms_office__check_doc_xlsx),
        cmocka_unit_test(test_forms_office__libreoffice_ods_to_xlsx),
        cmocka_unit_test(test_forms_office__libreoffice_xlsx_to_ods),
    };
    int rc = cmocka_run_group_tests(tests, setup, teardown);
    tp_xml_cleanup();
    return rc;
}
