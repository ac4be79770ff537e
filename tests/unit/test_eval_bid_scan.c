/* The bid scanner against libxml2: on every sample bid, every fuzz corpus
 * entry, hand-written edge cases and thousands of mutations of a bid
 * stream, the readers with the scanner (from memory, and from a file with
 * windows small enough to cut every token) must produce exactly what
 * libxml2 alone produces: the same bids, fields, problems, lines,
 * diagnostics and return code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bid_dump.h"
#include "core/io.h"
#include "core/mem.h"

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    tp_buf b;
    tp_buf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        tp_buf_put(&b, chunk, n);
    fclose(f);
    *len = b.len;
    if (!b.data)
        tp_buf_put(&b, "", 0);
    return tp_buf_detach(&b);
}

/* scanner: 0 libxml2 alone, 1 scanner from memory, else scanner from a file
 * with that first window size. */
static char *run(const char *data, size_t len, size_t mode)
{
    tp_buf out;
    tp_buf_init(&out);
    tp_diags d;
    tp_diags_init(&d);
    tp_err rc;
    tp_bid_reader_options(mode != 0, mode > 1 ? mode : 0);
    if (mode <= 1) {
        rc = tp_bid_read_memory(data, len, "in.xml", dump_bid, &out, &d);
    } else {
        FILE *f = len ? fmemopen((void *)data, len, "rb") : fopen("/dev/null", "rb");
        assert_non_null(f);
        rc = tp_bid_read_file(f, "in.xml", dump_bid, &out, &d);
        fclose(f);
    }
    dump_end(&out, rc, &d);
    tp_diags_dispose(&d);
    tp_bid_reader_options(true, 0);
    return tp_buf_detach(&out);
}

static size_t checked;

static void same_everywhere(const char *data, size_t len, const char *what)
{
    static const size_t modes[] = {1, 7, 64, 1000, 1u << 20};
    char *expected = run(data, len, 0);
    for (size_t i = 0; i < sizeof modes / sizeof *modes; i++) {
        char *got = run(data, len, modes[i]);
        if (strcmp(expected, got) != 0) {
            fprintf(stderr, "scanner (mode %zu) differs from libxml2 on %s:\n--- input\n%.*s\n"
                            "--- libxml2\n%s--- scanner\n%s",
                    modes[i], what, (int)(len > 3000 ? 3000 : len), data, expected, got);
            fail();
        }
        free(got);
    }
    free(expected);
    checked++;
}

static void each_file_in(const char *dir)
{
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *data = read_all(path, &len);
        same_everywhere(data, len, path);
        free(data);
    }
    closedir(dp);
}

static void test_eval_bid_scan__samples_and_corpus(void **state)
{
    (void)state;
    each_file_in(TP_SOURCE_DIR "/samples/bids/04-wbe-open-ted");
    each_file_in(TP_SOURCE_DIR "/samples/bids/02-communal-chromebooks-pnspp");
    each_file_in(TP_SOURCE_DIR "/tests/fuzz/corpus/fuzz_bid");
    assert_true(checked > 40);
}

#define BID_OPEN "<bid version=\"1\" tenderReference=\"R-1\" receivedAt=\"2026-11-01T13:08:00+01:00\">"
#define SUPPLIER                                                                              \
    "<supplier vat=\"BE0403170701\"><name>F</name><address country=\"BE\"><street>Rue</street>" \
    "<number>1</number><postalCode>1000</postalCode><locality>Bxl</locality></address>"         \
    "<contact><name>C</name><email>a@b.be</email><phone>02</phone></contact>"                   \
    "<signatory><name>S</name><role>R</role></signatory></supplier>"
#define LOT                                                                                     \
    "<lot number=\"1\"><product><brand>B</brand><model>M</model></product><values>"             \
    "<value ref=\"ram\" unit=\"Go\">8</value><value ref=\"os\">win</value></values>"            \
    "<priceSchedule><line ref=\"devices\" quantity=\"2\" unitPrice=\"10.00\" total=\"20.00\"/>" \
    "</priceSchedule><options/><totals htva=\"20.00\" tva=\"4.20\" tvac=\"24.20\"/>"           \
    "<warranty years=\"3\"/><delivery days=\"30\"/></lot>"
#define NS "xmlns=\"urn:tenderpack:bid:1\""

static const char *const edge_cases[] = {
    "",
    " ",
    "<",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bids " NS "/>\n",
    "<?xml version='1.0' encoding='utf-8' standalone='yes'?><bids " NS "></bids>",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><bids " NS "></bids>",
    "<?xml encoding=\"UTF-8\"?><bids " NS "></bids>",
    "<?xml version=\"1.0\" encodin<bids " NS "></bids>",
    "<?xml version=\"1.0\" encoding=\"UTF-8\" version=\"1.0\"?><bids " NS "></bids>",
    "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"?><bids " NS "></bids>",
    "\xEF\xBB\xBF<?xml version=\"1.0\"?><bids " NS "></bids>",
    "\xEF\xBB\xBF<bid " NS "/>",
    "<bids " NS ">\n" BID_OPEN SUPPLIER LOT "</bid>\n" BID_OPEN SUPPLIER LOT "</bid>\n</bids>\n",
    "<bids " NS ">\r\n" BID_OPEN "\r\n" SUPPLIER LOT "</bid>\r\n</bids>\r\n",
    "<bids " NS ">\r" BID_OPEN SUPPLIER LOT "</bid></bids>",
    "<bid " NS " version=\"1\" tenderReference=\"R&amp;1 &#38; &#x26;&lt;&gt;&quot;&apos;\"\n"
    " receivedAt=\"2026-11-01T13:08:00+01:00\">" SUPPLIER LOT "</bid>",
    "<bid " NS " version=\"1\" tenderReference=\"a\tb\nc\r\nd&#10;e&#9;f\" receivedAt=\"x\">"
    "<supplier vat=\"BE0403170701\"><name> A &amp; B &#233;&#xE9; é € </name></supplier></bid>",
    "<bid " NS " version=\"1\"\n tenderReference=\"R\"\n\n receivedAt=\"2026-11-01T13:08:00Z\"\n"
    ">\n<supplier\n vat = 'BE0403170701' ><name\n>x</name\n></supplier\n></bid\n>",
    "<bids " NS ">" BID_OPEN SUPPLIER LOT "</bid><!-- comment --></bids>",
    "<bids " NS ">" BID_OPEN SUPPLIER LOT "</bid>text<bid/></bids>",
    "<bids " NS "><other/>" BID_OPEN SUPPLIER LOT "</bid></bids>",
    "<bids " NS ">" BID_OPEN SUPPLIER LOT "</bid></bids>junk",
    "<bids " NS ">" BID_OPEN SUPPLIER LOT "</bid></bids><!-- trailing -->",
    "<bids " NS ">" BID_OPEN SUPPLIER LOT "</bid><bid>",
    "<bids " NS ">" BID_OPEN SUPPLIER "<lot number=\"1\"><![CDATA[x]]></lot></bid></bids>",
    "<bids " NS ">" BID_OPEN SUPPLIER "<lot number=\"1\" number=\"2\"/></bid></bids>",
    "<bids " NS ">" BID_OPEN SUPPLIER "<lot number=\"1\"a=\"2\"/></bid></bids>",
    "<bids " NS ">" BID_OPEN SUPPLIER "<lot number=\"1\"></lots></bid></bids>",
    "<bids " NS ">" BID_OPEN SUPPLIER "<lot xmlns=\"urn:other\" number=\"1\"/></bid></bids>",
    "<bids " NS ">" BID_OPEN SUPPLIER "<x:lot xmlns:x=\"urn:tenderpack:bid:1\"/></bid></bids>",
    "<bids " NS ">" BID_OPEN SUPPLIER "<lot number=\"1\">]]></lot></bid></bids>",
    "<bids " NS ">" BID_OPEN SUPPLIER "<lot number=\"1\">]] ></lot></bid></bids>",
    "<bids " NS ">" BID_OPEN SUPPLIER "<lot number=\"&bogus;\"/></bid></bids>",
    "<bids " NS ">" BID_OPEN SUPPLIER "<lot number=\"&#0;\"/></bid></bids>",
    "<bids " NS ">" BID_OPEN SUPPLIER "<lot number=\"&#xD800;\"/></bid></bids>",
    "<bids " NS ">" BID_OPEN SUPPLIER "<lot number=\"&#1114112;\"/></bid></bids>",
    "<bids " NS ">" BID_OPEN "<supplier vat=\"\xC3\x28\"/></bid></bids>",
    "<bids " NS ">" BID_OPEN "<supplier vat=\"\xEF\xBF\xBE\"/></bid></bids>",
    "<bids " NS ">" BID_OPEN "<supplier vat=\"\xF0\x9F\x98\x80\"/></bid></bids>",
    "<bids " NS ">" BID_OPEN "<supplier vat=\"\x01\"/></bid></bids>",
    "<bids " NS ">" BID_OPEN "<supplier vat=\"a<b\"/></bid></bids>",
    "<bids " NS ">" BID_OPEN "<supplier><name>a\x7f b</name></supplier></bid></bids>",
    "<bids " NS ">" BID_OPEN "<supplier>stray text</supplier></bid></bids>",
    "<bids " NS " extra=\"1\">" BID_OPEN SUPPLIER LOT "</bid></bids>",
    "<bids xmlns=\"urn:other\">" BID_OPEN SUPPLIER LOT "</bid></bids>",
    "<bids>" BID_OPEN SUPPLIER LOT "</bid></bids>",
    "<!DOCTYPE bids [<!ENTITY a \"b\">]><bids " NS "/>",
    "<order " NS "/>",
    "<bid " NS "/>",
    "<bid " NS "></bid>trailing",
};

static void test_eval_bid_scan__edge_cases(void **state)
{
    (void)state;
    char what[64];
    for (size_t i = 0; i < sizeof edge_cases / sizeof *edge_cases; i++) {
        snprintf(what, sizeof what, "edge case %zu", i);
        same_everywhere(edge_cases[i], strlen(edge_cases[i]), what);
    }
}

static void test_eval_bid_scan__long_text_and_deep_nesting(void **state)
{
    (void)state;
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_puts(&b, "<bids " NS ">" BID_OPEN "<supplier vat=\"BE0403170701\"><name>");
    for (int i = 0; i < 900; i++)
        tp_buf_puts(&b, "abcdé&amp;");
    tp_buf_puts(&b, "</name></supplier><lot number=\"1\">");
    for (int i = 0; i < 80; i++)
        tp_buf_puts(&b, "<a>");
    for (int i = 0; i < 80; i++)
        tp_buf_puts(&b, "</a>");
    tp_buf_puts(&b, "</lot></bid></bids>");
    same_everywhere(b.data, b.len, "long text, deep nesting");
    tp_buf_dispose(&b);
}

/* Mutations of a three-bid stream: cut at many places, and snippets of
 * everything the scanner leaves to libxml2 inserted at many places. */
static void test_eval_bid_scan__mutations(void **state)
{
    (void)state;
    size_t len;
    char *sample = read_all(TP_SOURCE_DIR "/samples/bids/04-wbe-open-ted/01-mosane.xml", &len);
    const char *body = strstr(sample, "<bid ");
    assert_non_null(body);
    tp_buf base;
    tp_buf_init(&base);
    tp_buf_puts(&base, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bids " NS ">\n");
    for (int i = 0; i < 3; i++) {
        tp_buf_puts(&base, body);
        tp_buf_putc(&base, '\n');
    }
    tp_buf_puts(&base, "</bids>\n");
    static const char *const snippets[] = {
        "<!-- c -->", "&amp;", "&#233;", "&#x26;", "&bogus;", "\r\n", "\r", "]]>", "\t", "é",
        "\xff", "\xc3", "<x/>", "</bid>", "<![CDATA[x]]>", "<?pi x?>", " a=\"1\"", "\"", "'",
        "&lt;", " xmlns=\"urn:other\"", "\x01", "<", ">", "/", "=", "\n\n"};
    char what[96];
    for (size_t cut = 0; cut < base.len; cut += 41) {
        snprintf(what, sizeof what, "the stream cut at %zu", cut);
        same_everywhere(base.data, cut, what);
    }
    tp_buf m;
    tp_buf_init(&m);
    for (size_t k = 0; k < sizeof snippets / sizeof *snippets; k++)
        for (size_t at = k % 7; at < base.len; at += 89) {
            tp_buf_clear(&m);
            tp_buf_put(&m, base.data, at);
            tp_buf_puts(&m, snippets[k]);
            tp_buf_put(&m, base.data + at, base.len - at);
            snprintf(what, sizeof what, "snippet %zu inserted at %zu", k, at);
            same_everywhere(m.data, m.len, what);
        }
    tp_buf_dispose(&m);
    tp_buf_dispose(&base);
    free(sample);
}

/* ------------------------------------------------------------------ two threads */

typedef struct kept {
    tp_bid **v;
    size_t n, cap;
} kept;

static tp_err keep(void *ud, tp_bid *bid)
{
    kept *k = ud;
    tp_grow((void **)&k->v, &k->cap, k->n, sizeof *k->v);
    k->v[k->n++] = bid;
    return TP_OK;
}

/* The input as a file, after 1000 bytes of something else (the stream
 * starts at an offset, as stdin does after a read): its descriptor. */
static int as_file(const char *data, size_t len)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    char junk[1000];
    memset(junk, 'j', sizeof junk);
    assert_int_equal(fwrite(junk, 1, sizeof junk, f), sizeof junk);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fflush(f), 0);
    int fd = dup(fileno(f));
    fclose(f);
    return fd;
}

/* The two-thread reading from memory, or from a file (fd >= 0), dumped as
 * if it were one reading. */
static char *run_parallel_in(const char *data, size_t len, int fd, size_t *n_parts)
{
    kept k[2] = {{NULL, 0, 0}, {NULL, 0, 0}};
    void *ud[2] = {&k[0], &k[1]};
    tp_diags d;
    tp_diags_init(&d);
    size_t first = 0;
    tp_bid_stream in = {fd >= 0 ? NULL : data, fd, fd >= 0 ? 1000 : 0, len};
    tp_err rc = tp_bid_read_parallel(&in, "in.xml", keep, ud, n_parts, &first, &d);
    tp_buf out;
    tp_buf_init(&out);
    for (size_t i = 0; i < k[0].n; i++)
        dump_bid(&out, k[0].v[i]);
    for (size_t i = 0; i < k[1].n; i++) {
        if (*n_parts == 2) {
            k[1].v[i]->index += first;
            dump_bid(&out, k[1].v[i]);
        } else {
            tp_bid_free(k[1].v[i]);
        }
    }
    dump_end(&out, rc, &d);
    free(k[0].v);
    free(k[1].v);
    tp_diags_dispose(&d);
    return tp_buf_detach(&out);
}

/* From memory and from a file: the same parts, and the same bids. */
static char *run_parallel(const char *data, size_t len, size_t *n_parts)
{
    char *got = run_parallel_in(data, len, -1, n_parts);
    int fd = as_file(data, len);
    size_t file_parts = 0;
    char *from_file = run_parallel_in(data, len, fd, &file_parts);
    close(fd);
    assert_int_equal(file_parts, *n_parts);
    assert_string_equal(from_file, got);
    free(from_file);
    return got;
}

static void same_in_parallel(const char *data, size_t len, size_t want_parts, const char *what)
{
    char *expected = run(data, len, 0);
    size_t parts = 0;
    char *got = run_parallel(data, len, &parts);
    if (strcmp(expected, got) != 0) {
        fprintf(stderr, "two-thread reading differs from libxml2 on %s\n", what);
        fail();
    }
    assert_int_equal(parts, want_parts);
    free(expected);
    free(got);
}

/* A file shorter than announced (cut while read): a read error, in either part. */
static void cut_file(const char *data, size_t len, size_t cut)
{
    int fd = as_file(data, cut);
    kept k[2] = {{NULL, 0, 0}, {NULL, 0, 0}};
    void *ud[2] = {&k[0], &k[1]};
    tp_diags d;
    tp_diags_init(&d);
    size_t parts = 0, first = 0;
    tp_bid_stream in = {NULL, fd, 1000, len};
    assert_int_equal(tp_bid_read_parallel(&in, "in.xml", keep, ud, &parts, &first, &d), TP_EIO);
    assert_true(d.n > 0);
    assert_non_null(strstr(d.v[d.n - 1].msg, "read error"));
    for (int i = 0; i < 2; i++) {
        for (size_t b = 0; b < k[i].n; b++)
            tp_bid_free(k[i].v[b]);
        free(k[i].v);
    }
    tp_diags_dispose(&d);
    close(fd);
}

static void test_eval_bid_scan__two_threads(void **state)
{
    (void)state;
    size_t len;
    char *sample = read_all(TP_SOURCE_DIR "/samples/bids/04-wbe-open-ted/01-mosane.xml", &len);
    const char *body = strstr(sample, "<bid ");
    assert_non_null(body);
    size_t body_len = strlen(body);
    while (body_len && body[body_len - 1] == '\n')
        body_len--;
    tp_buf base;
    tp_buf_init(&base);
    tp_buf_puts(&base, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bids " NS ">\n");
    for (int i = 0; base.len < (5u << 20); i++) {
        tp_buf_put(&base, body, body_len);
        tp_buf_putc(&base, '\n');
        if (i % 97 == 5) /* some broken bids too */
            tp_buf_puts(&base, BID_OPEN "<supplier vat=\"x\"/></bid>\n");
    }
    tp_buf_puts(&base, "</bids>\n");
    same_in_parallel(base.data, base.len, 2, "a plain stream");
    cut_file(base.data, base.len, base.len / 4);
    cut_file(base.data, base.len, base.len / 4 * 3);

    tp_buf m;
    tp_buf_init(&m);
    struct {
        const char *snippet;
        double where; /* fraction of the input */
        size_t parts;
    } cases[] = {
        {"<!-- a comment in the second part -->", 0.9, 2},
        {"<!-- a comment in the first part -->", 0.2, 1},
        {"<bid>unclosed in the second part", 0.9, 2},
        {"&bogus; in the second part", 0.9, 2},
        {"stray text in the first part", 0.3, 1},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        size_t at = (size_t)(cases[c].where * (double)base.len);
        const char *nl = memchr(base.data + at, '\n', base.len - at); /* between two bids */
        at = (size_t)(nl - base.data) + 1;
        tp_buf_clear(&m);
        tp_buf_put(&m, base.data, at);
        tp_buf_puts(&m, cases[c].snippet);
        tp_buf_put(&m, base.data + at, base.len - at);
        same_in_parallel(m.data, m.len, cases[c].parts, cases[c].snippet);
    }
    /* A <bid> nested in a lot right before the split point: the first part
     * does not end at a resume point, the second part is abandoned. */
    size_t at = (size_t)(strstr(base.data + base.len / 2 - 6000, "<lot number=\"2\">") - base.data);
    tp_buf_clear(&m);
    tp_buf_put(&m, base.data, at);
    tp_buf_put(&m, body, body_len); /* a whole bid inside the first bid, before lot 2 */
    tp_buf_put(&m, base.data + at, base.len - at);
    size_t parts = 0;
    char *got = run_parallel(m.data, m.len, &parts);
    char *expected = run(m.data, m.len, 0);
    assert_string_equal(expected, got);
    free(got);
    free(expected);
    tp_buf_dispose(&m);
    tp_buf_dispose(&base);
    free(sample);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eval_bid_scan__samples_and_corpus),
        cmocka_unit_test(test_eval_bid_scan__edge_cases),
        cmocka_unit_test(test_eval_bid_scan__long_text_and_deep_nesting),
        cmocka_unit_test(test_eval_bid_scan__mutations),
        cmocka_unit_test(test_eval_bid_scan__two_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
