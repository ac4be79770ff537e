/* core/ordered: two threads give the bytes of a plain loop, in order, for
 * every block size; a failing sink ends the run with false, never a hang. */
#include "tp_test.h"

#include <stdio.h>

#include "core/buf.h"
#include "core/ordered.h"

/* Item i: its number, and i % 13 more bytes, so that blocks differ in size. */
static void item(tp_buf *b, const void *ctx, size_t i)
{
    const char *tag = ctx;
    tp_buf_printf(b, "%s%zu:", tag, i);
    for (size_t k = 0; k < i % 13; k++)
        tp_buf_putc(b, (char)('a' + k));
    tp_buf_putc(b, '\n');
}

static void plain_loop(tp_buf *out, const char *pending, size_t n)
{
    tp_buf_puts(out, pending);
    for (size_t i = 0; i < n; i++)
        item(out, "item ", i);
}

static void test_ordered__same_bytes_as_a_loop(void **state)
{
    static const size_t counts[] = {0, 1, 2, 5, 64, 1000, 4099};
    static const size_t blocks[] = {0, 1, 2, 3, 16, 256, 5000};
    for (size_t c = 0; c < sizeof counts / sizeof *counts; c++) {
        tp_buf want;
        tp_buf_init(&want);
        plain_loop(&want, "head\n", counts[c]);
        for (size_t b = 0; b < sizeof blocks / sizeof *blocks; b++) {
            tp_buf got, pending;
            tp_buf_init(&got);
            tp_buf_init(&pending);
            tp_buf_puts(&pending, "head\n");
            tp_sink sink = tp_sink_buf(&got);
            assert_true(tp_write_ordered(&sink, &pending, counts[c], blocks[b], item, "item "));
            assert_int_equal(pending.len, 0);
            assert_int_equal(got.len, want.len);
            assert_memory_equal(got.data, want.data, want.len);
            tp_buf_dispose(&got);
            tp_buf_dispose(&pending);
        }
        tp_buf_dispose(&want);
    }
}

static void test_ordered__failing_sink(void **state)
{
    tp_buf all;
    tp_buf_init(&all);
    plain_loop(&all, "", 3000);
    for (size_t left = 0; left < all.len; left += all.len / 11) {
        for (size_t block = 1; block <= 100; block *= 10) {
            size_t room = left;
            tp_sink sink = {tp_test_failing_write, &room};
            tp_buf pending;
            tp_buf_init(&pending);
            assert_false(tp_write_ordered(&sink, &pending, 3000, block, item, "item "));
            tp_buf_dispose(&pending);
        }
    }
    tp_buf_dispose(&all);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ordered__same_bytes_as_a_loop),
        cmocka_unit_test(test_ordered__failing_sink),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
