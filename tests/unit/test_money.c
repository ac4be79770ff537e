#include "tp_test.h"

#include "core/money.h"

static void test_money__parse_forms(void **state)
{
    tp_cents c;
    assert_true(tp_money_parse(&c, "0"));
    assert_int_equal(c, 0);
    assert_true(tp_money_parse(&c, "480"));
    assert_int_equal(c, 48000);
    assert_true(tp_money_parse(&c, "480.5"));
    assert_int_equal(c, 48050);
    assert_true(tp_money_parse(&c, "29999.99"));
    assert_int_equal(c, 2999999);
}

static void test_money__parse_rejects(void **state)
{
    tp_cents c = 7;
    const char *bad[] = {"", "-1", "1.", ".5", "1.234", "1,50", "1e3", " 1", "1 ", "abc",
                         "100000000000000"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(tp_money_parse(&c, bad[i]));
    assert_int_equal(c, 7);
}

static void test_money__format(void **state)
{
    char b[32], f[48];
    assert_string_equal(tp_money_format(b, 0), "0.00");
    assert_string_equal(tp_money_format(b, 5), "0.05");
    assert_string_equal(tp_money_format(b, 21600000), "216000.00");
    assert_string_equal(tp_money_format(b, -150), "-1.50");
    assert_string_equal(tp_money_format_fr(f, 2502500), "25\xC2\xA0" "025,00\xC2\xA0\xE2\x82\xAC");
    assert_string_equal(tp_money_format_fr(f, 99), "0,99\xC2\xA0\xE2\x82\xAC");
    assert_string_equal(tp_money_format_fr(f, 123456789), "1\xC2\xA0" "234\xC2\xA0" "567,89\xC2\xA0\xE2\x82\xAC");
}

static void test_money__percent_rounds_half_up(void **state)
{
    assert_int_equal(tp_money_percent(100, 21), 21);
    assert_int_equal(tp_money_percent(50, 21), 11);   /* 10.5 → 11 */
    assert_int_equal(tp_money_percent(2, 21), 0);     /* 0.42 → 0 */
    assert_int_equal(tp_money_percent(12, 21), 3);    /* 2.52 → 3 */
    assert_int_equal(tp_money_percent(2999999, 21), 630000); /* 629999.79 */
    assert_int_equal(tp_money_percent(-50, 21), -11);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_money__parse_forms),
        cmocka_unit_test(test_money__parse_rejects),
        cmocka_unit_test(test_money__format),
        cmocka_unit_test(test_money__percent_rounds_half_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
