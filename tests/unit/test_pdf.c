/* The PDF renderer end to end: the sample renders, twice the same bytes;
 * with poppler's pdftotext: accents, "Page X / N" footers, TOC page numbers
 * equal to the pages the headings are on; with check-doc: a valid PDF. */
#include "tp_test.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/buf.h"
#include "doc/doc.h"
#include "render/render.h"
#include "xml/xmlsafe.h"

#define SAMPLE TP_SOURCE_DIR "/tests/data/document-sample.xml"
#define CHECK_DOC TP_SHARED_DIR "/validators/check-doc"
#define PDFTOTEXT "/usr/bin/pdftotext"

static const tp_render_opts opts = {1764547200 /* 2025-12-01 */, "PO-2026-014/csc"};

typedef struct fixture {
    tp_doc *doc;
    tp_buf pdf;
    char dir[64];
    char path[96];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr xml = NULL;
    if (tp_xml_read(&xml, SAMPLE, &d) != TP_OK ||
        tp_doc_from_xml(&f->doc, xml, "document-sample.xml", &d) != TP_OK) {
        tp_diags_print(&d, stderr);
        return -1;
    }
    xmlFreeDoc(xml);
    tp_buf_init(&f->pdf);
    tp_err rc = tp_render_pdf(&f->pdf, f->doc, &opts, &d);
    if (rc != TP_OK)
        tp_diags_print(&d, stderr);
    tp_diags_dispose(&d);
    if (rc != TP_OK)
        return -1;
    strcpy(f->dir, "/tmp/tp-test-pdf-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->path, sizeof f->path, "%s/sample.pdf", f->dir);
    FILE *out = fopen(f->path, "wb");
    if (!out || fwrite(f->pdf.data, 1, f->pdf.len, out) != f->pdf.len || fclose(out) != 0)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    unlink(f->path);
    rmdir(f->dir);
    tp_buf_dispose(&f->pdf);
    tp_doc_free(f->doc);
    free(f);
    tp_xml_cleanup();
    return 0;
}

static void test_pdf__sample_is_deterministic(void **state)
{
    fixture *f = *state;
    assert_true(f->pdf.len > 1000);
    assert_memory_equal(f->pdf.data, "%PDF-1.", 7);
    assert_non_null(strstr(f->pdf.data + f->pdf.len - 32, "%%EOF"));
    tp_diags d;
    tp_diags_init(&d);
    tp_buf again;
    tp_buf_init(&again);
    assert_int_equal(tp_render_pdf(&again, f->doc, &opts, &d), TP_OK);
    assert_int_equal(again.len, f->pdf.len);
    assert_memory_equal(again.data, f->pdf.data, f->pdf.len);
    tp_buf_dispose(&again);
    tp_diags_dispose(&d);
}

static bool contains(const tp_buf *b, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i + n <= b->len; i++)
        if (memcmp(b->data + i, s, n) == 0)
            return true;
    return false;
}

static void test_pdf__metadata_from_opts(void **state)
{
    fixture *f = *state;
    /* Dates from opts->epoch, never the clock; the creator; fonts embedded. */
    assert_true(contains(&f->pdf, "/CreationDate (D:20251201000000Z"));
    assert_true(contains(&f->pdf, "/ModDate (D:20251201000000Z"));
    assert_true(contains(&f->pdf, "/Creator <FEFF00740065006E006400650072007000610063006B>"));
    assert_true(contains(&f->pdf, "/FontFile2"));
    assert_true(contains(&f->pdf, "/PageMode /UseOutlines"));
    assert_true(contains(&f->pdf, "/Subtype /Link"));
}

/* pdftotext -layout of one page (1-based) into out. */
static bool page_text(const fixture *f, int page, tp_buf *out)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, PDFTOTEXT " -q -layout -enc UTF-8 -f %d -l %d '%s' -", page, page,
             f->path);
    FILE *p = popen(cmd, "r");
    if (!p)
        return false;
    char chunk[4096];
    size_t n;
    tp_buf_clear(out);
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        tp_buf_put(out, chunk, n);
    return pclose(p) == 0;
}

/* Collapses runs of spaces to one, in place. */
static void squeeze(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++)
        if (!(*r == ' ' && (w == s || w[-1] == ' ')))
            *w++ = *r;
    while (w > s && w[-1] == ' ')
        w--;
    *w = '\0';
}

static int page_count(const fixture *f)
{
    int n = 0;
    for (size_t i = 0; i + 12 < f->pdf.len; i++)
        if (memcmp(f->pdf.data + i, "/Type /Page\n", 12) == 0 ||
            memcmp(f->pdf.data + i, "/Type /Page\r", 12) == 0)
            n++;
    return n;
}

static void test_pdf__text_footers_and_toc(void **state)
{
    fixture *f = *state;
    if (access(PDFTOTEXT, X_OK) != 0) {
        print_message("pdftotext not installed: text checks skipped\n");
        skip();
    }
    tp_buf text;
    tp_buf_init(&text);
    int npages = 0;
    for (int p = 1; p < 100 && page_text(f, p, &text) && text.len > 2; p++)
        npages = p;
    assert_true(npages >= 6);
    assert_true(npages <= 12);

    /* Cover: no footer; other pages: "Page X / N". */
    char footer[32];
    assert_true(page_text(f, 1, &text));
    assert_true(contains(&text, "Cahier spécial des charges"));
    assert_false(contains(&text, "Page 1 /"));
    for (int p = 2; p <= npages; p++) {
        assert_true(page_text(f, p, &text));
        snprintf(footer, sizeof footer, "Page %d / %d", p, npages);
        assert_true(contains(&text, footer));
        assert_true(contains(&text, "CSC PO-2026-014 – Ordinateurs portables"));
    }
    assert_true(page_text(f, 3, &text));
    assert_true(contains(&text, "Fédération Wallonie-Bruxelles"));
    assert_true(contains(&text, "Lœwenthal, économe"));
    assert_true(contains(&text, "« CSC »"));

    /* TOC on page 2: "label ....... page"; the label starts a line of that page. */
    regex_t re;
    assert_int_equal(regcomp(&re, "^ *(.*[^ .]) *\\.{3,} *([0-9]+) *$", REG_EXTENDED), 0);
    assert_true(page_text(f, 2, &text));
    char *toc = strdup(tp_buf_cstr(&text));
    int entries = 0;
    tp_buf target;
    tp_buf_init(&target);
    for (char *save = NULL, *line = strtok_r(toc, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        regmatch_t m[3];
        if (regexec(&re, line, 3, m, 0) != 0)
            continue;
        line[m[1].rm_eo] = '\0';
        char *label = line + m[1].rm_so;
        squeeze(label);
        int page = atoi(line + m[2].rm_so);
        assert_true(page >= 3 && page <= npages);
        assert_true(page_text(f, page, &target));
        bool found = false;
        char *body = strdup(tp_buf_cstr(&target));
        for (char *s2 = NULL, *l2 = strtok_r(body, "\n", &s2); l2 && !found;
             l2 = strtok_r(NULL, "\n", &s2)) {
            squeeze(l2);
            const char *start = l2;
            while (*start == ' ')
                start++;
            found = strncmp(start, label, strlen(label)) == 0;
        }
        free(body);
        if (!found)
            fail_msg("TOC says \"%s\" is on page %d, but it is not there", label, page);
        entries++;
    }
    assert_int_equal(entries, 18); /* every heading of the sample */
    free(toc);
    regfree(&re);
    tp_buf_dispose(&target);
    tp_buf_dispose(&text);
    assert_int_equal(page_count(f), npages);
}

static void test_pdf__check_doc_accepts(void **state)
{
    fixture *f = *state;
    if (access(CHECK_DOC, R_OK) != 0 || access("/usr/bin/python3", X_OK) != 0) {
        print_message("check-doc not found at " CHECK_DOC ": skipped\n");
        skip();
    }
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 '" CHECK_DOC "' --fast --require-embedded-fonts "
             "--expect-text 'Fédération Wallonie-Bruxelles' --expect-text 'Table des matières' "
             "--expect-text 'Annexe B — Inventaire à compléter' --expect-text '167 706,00 €' "
             "'%s' > '%s/check.log' 2>&1",
             f->path, f->dir);
    int status = system(cmd);
    char log[128];
    snprintf(log, sizeof log, "%s/check.log", f->dir);
    if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        FILE *in = fopen(log, "r");
        char line[512];
        while (in && fgets(line, sizeof line, in))
            print_message("%s", line);
        if (in)
            fclose(in);
    }
    unlink(log);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_pdf__missing_fonts_reported(void **state)
{
    const char *old = getenv("TENDERPACK_FONT_DIR");
    char *saved = old ? strdup(old) : NULL;
    setenv("TENDERPACK_FONT_DIR", "/nonexistent-tp-fonts", 1);
    tp_doc *doc = tp_doc_new();
    tp_diags d;
    tp_diags_init(&d);
    tp_buf out;
    tp_buf_init(&out);
    assert_int_equal(tp_render_pdf(&out, doc, &opts, &d), TP_EIO);
    assert_int_equal(out.len, 0);
    assert_int_equal(d.nerrors, 4); /* every missing file named, not just the first */
    assert_string_equal(d.v[0].field, "TENDERPACK_FONT_DIR");
    assert_non_null(strstr(d.v[0].msg, "DejaVuSans.ttf"));
    assert_non_null(strstr(d.v[3].msg, "DejaVuSans-BoldOblique.ttf"));
    assert_non_null(d.v[0].hint);
    if (saved)
        setenv("TENDERPACK_FONT_DIR", saved, 1);
    else
        unsetenv("TENDERPACK_FONT_DIR");
    free(saved);
    tp_buf_dispose(&out);
    tp_diags_dispose(&d);
    tp_doc_free(doc);
}

static void test_pdf__empty_document_has_one_page(void **state)
{
    tp_doc *doc = tp_doc_new();
    tp_diags d;
    tp_diags_init(&d);
    tp_buf out;
    tp_buf_init(&out);
    assert_int_equal(tp_render_pdf(&out, doc, NULL, &d), TP_OK);
    assert_int_equal(d.n, 0);
    assert_true(contains(&out, "/Count 1"));
    assert_true(contains(&out, "/CreationDate (D:19700101000000Z"));
    tp_buf_dispose(&out);
    tp_diags_dispose(&d);
    tp_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pdf__sample_is_deterministic),
        cmocka_unit_test(test_pdf__metadata_from_opts),
        cmocka_unit_test(test_pdf__text_footers_and_toc),
        cmocka_unit_test(test_pdf__check_doc_accepts),
        cmocka_unit_test(test_pdf__missing_fonts_reported),
        cmocka_unit_test(test_pdf__empty_document_has_one_page),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
