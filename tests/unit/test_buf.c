#include "tp_test.h"

#include <limits.h>
#include <stdlib.h>

#include "core/buf.h"
#include "core/err.h"

static void test_buf__xml_escaping(void **state)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_put_xml(&b, "A&B <c> \"d\" 'e' \x01tab\there é");
    assert_string_equal(tp_buf_cstr(&b), "A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos; tab\there é");
    tp_buf_dispose(&b);
}

static void test_buf__printf_grows(void **state)
{
    tp_buf b;
    tp_buf_init(&b);
    for (int i = 0; i < 1000; i++)
        tp_buf_printf(&b, "%d,", i);
    assert_int_equal(b.len, strlen(b.data));
    assert_non_null(strstr(b.data, ",999,"));
    char *s = tp_buf_detach(&b);
    assert_null(b.data);
    free(s);
}

static void test_buf__put_int_as_printf(void **state)
{
    (void)state;
    const long long v[] = {0, 7, -1, 10, 99, 12345, -987654321, LLONG_MAX, LLONG_MIN};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        tp_buf a, b;
        tp_buf_init(&a);
        tp_buf_init(&b);
        tp_buf_put_int(&a, v[i]);
        tp_buf_printf(&b, "%lld", v[i]);
        assert_string_equal(tp_buf_cstr(&a), tp_buf_cstr(&b));
        tp_buf_dispose(&a);
        tp_buf_dispose(&b);
    }
}

static void test_buf__diags_sorted_and_counted(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_diag_error(&d, "p.xml", 12, "po/bce", "use 10 digits", "bad %s", "BCE");
    tp_diag_warn(&d, "p.xml", 3, NULL, NULL, "short");
    tp_diag_error(&d, "p.xml", 7, "po/fase", NULL, "bad FASE");
    assert_int_equal(d.n, 3);
    assert_int_equal(d.nerrors, 2);
    tp_diags_sort(&d);
    assert_int_equal(d.v[0].line, 3);
    assert_int_equal(d.v[2].line, 12);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    tp_diags_print(&d, f);
    fclose(f);
    assert_string_equal(text, "p.xml:3: warning: short\n"
                              "p.xml:7: error: po/fase: bad FASE\n"
                              "p.xml:12: error: po/bce: bad BCE (fix: use 10 digits)\n");
    free(text);
    tp_diags_dispose(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf__xml_escaping),
        cmocka_unit_test(test_buf__printf_grows),
        cmocka_unit_test(test_buf__put_int_as_printf),
        cmocka_unit_test(test_buf__diags_sorted_and_counted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
