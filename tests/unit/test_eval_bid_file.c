/* tp_bid_read_file parses in a reader thread while the caller checks: bids
 * must still arrive in input order, stream problems keep their place among
 * them, a stop from the callback stops everything, and a broken stream gives
 * the same result as the in-memory reader. */
#include "tp_test.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/buf.h"
#include "core/io.h"
#include "eval/bid.h"
#include "xml/xmlsafe.h"

#define SAMPLE TP_SOURCE_DIR "/samples/bids/04-wbe-open-ted/01-mosane.xml"
#define N_BIDS 1000 /* more than the queue holds: the reader thread must wait */

typedef struct seen {
    size_t n;
    size_t stop_at;        /* 0: never */
    size_t diags_at_first; /* diagnostics already reported when the first bid arrived */
    tp_diags *d;
    bool in_order;
} seen;

static tp_err count_bid(void *ud, tp_bid *bid)
{
    seen *s = ud;
    s->n++;
    if (s->n == 1)
        s->diags_at_first = s->d->n;
    s->in_order = s->in_order && bid->index == s->n;
    tp_bid_free(bid);
    return s->stop_at && s->n == s->stop_at ? TP_EINVALID : TP_OK;
}

/* A <bids> stream of n copies of the sample bid, optionally opened by an odd element. */
static void stream(tp_buf *s, size_t n, bool odd_first)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_read_file(&b, SAMPLE, 1u << 20, &d), TP_OK);
    const char *body = strstr(tp_buf_cstr(&b), "<bid ");
    assert_non_null(body);
    tp_buf_puts(s, "<bids xmlns=\"urn:tenderpack:bid:1\">\n");
    if (odd_first)
        tp_buf_puts(s, "<offer/>\n");
    for (size_t i = 0; i < n; i++)
        tp_buf_puts(s, body);
    tp_buf_puts(s, "</bids>\n");
    tp_buf_dispose(&b);
    tp_diags_dispose(&d);
}

static tp_err read_via_file(const tp_buf *s, size_t len, seen *out, tp_diags *d)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(s->data, 1, len, f), len);
    rewind(f);
    out->d = d;
    out->in_order = true;
    tp_err rc = tp_bid_read_file(f, "s.xml", count_bid, out, d);
    fclose(f);
    return rc;
}

static void test_eval_bid_file__order_and_count(void **state)
{
    (void)state;
    tp_buf s;
    tp_buf_init(&s);
    stream(&s, N_BIDS, false);
    tp_diags d;
    tp_diags_init(&d);
    seen got = {0};
    assert_int_equal(read_via_file(&s, s.len, &got, &d), TP_OK);
    assert_int_equal(got.n, N_BIDS);
    assert_true(got.in_order);
    assert_int_equal(d.n, 0);
    tp_diags_dispose(&d);
    tp_buf_dispose(&s);
}

static void test_eval_bid_file__stop_from_callback(void **state)
{
    (void)state;
    tp_buf s;
    tp_buf_init(&s);
    stream(&s, N_BIDS, false);
    tp_diags d;
    tp_diags_init(&d);
    seen got = {0};
    got.stop_at = 3;
    assert_int_equal(read_via_file(&s, s.len, &got, &d), TP_EINVALID);
    assert_int_equal(got.n, 3); /* nothing after the callback said stop */
    assert_int_equal(d.n, 0);
    tp_diags_dispose(&d);
    tp_buf_dispose(&s);
}

static void test_eval_bid_file__stream_problem_in_order(void **state)
{
    (void)state;
    tp_buf s;
    tp_buf_init(&s);
    stream(&s, 5, true);
    tp_diags d;
    tp_diags_init(&d);
    seen got = {0};
    assert_int_equal(read_via_file(&s, s.len, &got, &d), TP_EINVALID);
    assert_int_equal(got.n, 5);
    assert_int_equal(d.nerrors, 1);
    assert_int_equal(got.diags_at_first, 1); /* <offer/> came before the first bid */
    assert_int_equal(d.v[0].line, 2);
    tp_diags_dispose(&d);
    tp_buf_dispose(&s);
}

static void test_eval_bid_file__broken_stream_as_memory(void **state)
{
    (void)state;
    tp_buf s;
    tp_buf_init(&s);
    stream(&s, 200, false);
    size_t cut = s.len / 2;
    tp_diags dm, df;
    tp_diags_init(&dm);
    tp_diags_init(&df);
    seen mem = {0}, file = {0};
    mem.d = &dm;
    mem.in_order = true;
    assert_int_equal(tp_bid_read_memory(s.data, cut, "s.xml", count_bid, &mem, &dm), TP_EPARSE);
    assert_int_equal(read_via_file(&s, cut, &file, &df), TP_EPARSE);
    assert_int_equal(file.n, mem.n);
    assert_true(file.in_order);
    assert_int_equal(df.n, 1);
    assert_int_equal(dm.n, 1);
    assert_int_equal(df.v[0].line, dm.v[0].line);
    assert_string_equal(df.v[0].msg, dm.v[0].msg);
    tp_diags_dispose(&dm);
    tp_diags_dispose(&df);
    tp_buf_dispose(&s);
}

static int teardown(void **state)
{
    (void)state;
    tp_xml_cleanup();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eval_bid_file__order_and_count),
        cmocka_unit_test(test_eval_bid_file__stop_from_callback),
        cmocka_unit_test(test_eval_bid_file__stream_problem_in_order),
        cmocka_unit_test(test_eval_bid_file__broken_stream_as_memory),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
