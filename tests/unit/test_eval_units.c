#include "tp_test.h"

#include "eval/units.h"

static tp_q q(int64_t n, int64_t d)
{
    tp_q r = {n, d};
    return r;
}

static void assert_q(tp_q got, int64_t num, int64_t den)
{
    assert_int_equal(got.num, num);
    assert_int_equal(got.den, den);
}

static void test_eval_units__value_parse(void **state)
{
    tp_q v;
    assert_true(tp_value_parse(&v, "16"));
    assert_q(v, 16, 1);
    assert_true(tp_value_parse(&v, "13.3"));
    assert_q(v, 133, 10);
    assert_true(tp_value_parse(&v, " 13,30 "));
    assert_q(v, 133, 10);
    assert_true(tp_value_parse(&v, "0,125"));
    assert_q(v, 1, 8);
    assert_true(tp_value_parse(&v, "999999999.999999"));
    assert_false(tp_value_parse(&v, "1000000000"));   /* 10 integer digits */
    assert_false(tp_value_parse(&v, "1.1234567"));    /* 7 decimals */
    assert_false(tp_value_parse(&v, "-1"));
    assert_false(tp_value_parse(&v, "1e3"));
    assert_false(tp_value_parse(&v, "12."));
    assert_false(tp_value_parse(&v, ",5"));
    assert_false(tp_value_parse(&v, ""));
    assert_false(tp_value_parse(&v, "16 GB"));
    assert_false(tp_value_parse(&v, NULL));
}

static void test_eval_units__compare_exactly(void **state)
{
    assert_int_equal(tp_q_cmp(q(141, 100), q(9, 5)), -1); /* 1.41 < 1.8 */
    assert_int_equal(tp_q_cmp(q(9, 5), q(141, 100)), 1);
    assert_int_equal(tp_q_cmp(q(2, 4), q(1, 2)), 0);
    assert_int_equal(tp_q_cmp(q(1, 3), q(333333, 1000000)), 1);
    assert_int_equal(tp_q_cmp(q(5, 1), q(5, 1)), 0);
    assert_int_equal(tp_q_cmp(q(0, 1), q(1, 1000000)), -1);
    /* Near INT64_MAX: no overflow (no multiplication). */
    assert_int_equal(tp_q_cmp(q(INT64_MAX, INT64_MAX - 1), q(INT64_MAX - 1, INT64_MAX - 2)), -1);
    tp_dec d = {133, 1};
    assert_q(tp_q_from_dec(d), 133, 10);
}

static void test_eval_units__data_sizes_binary(void **state)
{
    tp_q out;
    assert_int_equal(tp_unit_convert(&out, q(16, 1), "Go", "GB"), TP_UNIT_OK);
    assert_q(out, 16, 1);
    assert_int_equal(tp_unit_convert(&out, q(8192, 1), "Mo", "GB"), TP_UNIT_OK);
    assert_q(out, 8, 1);
    assert_int_equal(tp_unit_convert(&out, q(1, 2), "To", "GB"), TP_UNIT_OK);
    assert_q(out, 512, 1);
    assert_int_equal(tp_unit_convert(&out, q(1, 1), "TB", "GB"), TP_UNIT_OK);
    assert_q(out, 1024, 1);
    assert_int_equal(tp_unit_convert(&out, q(256, 1), "gb", "GB"), TP_UNIT_OK); /* case */
    assert_q(out, 256, 1);
}

static void test_eval_units__lengths_times_masses(void **state)
{
    tp_q out;
    /* 33.8 cm = 338/10 × 100/254 in = 1690/127 in (13.307…), no rounding. */
    assert_int_equal(tp_unit_convert(&out, q(338, 10), "cm", "in"), TP_UNIT_OK);
    assert_q(out, 1690, 127);
    assert_int_equal(tp_q_cmp(out, q(133, 10)), 1);
    assert_int_equal(tp_unit_convert(&out, q(254, 1), "mm", "in"), TP_UNIT_OK);
    assert_q(out, 10, 1);
    assert_int_equal(tp_unit_convert(&out, q(14, 1), "pouces", "in"), TP_UNIT_OK);
    assert_q(out, 14, 1);
    assert_int_equal(tp_unit_convert(&out, q(14, 1), "\xe2\x80\xb3", "in"), TP_UNIT_OK); /* ″ */
    assert_q(out, 14, 1);
    assert_int_equal(tp_unit_convert(&out, q(14, 1), "\"", "in"), TP_UNIT_OK);
    assert_int_equal(tp_unit_convert(&out, q(570, 1), "min", "h"), TP_UNIT_OK);
    assert_q(out, 19, 2);
    assert_int_equal(tp_unit_convert(&out, q(1410, 1), "g", "kg"), TP_UNIT_OK);
    assert_q(out, 141, 100);
    assert_int_equal(tp_unit_convert(&out, q(4, 1), "ans", "years"), TP_UNIT_OK);
    assert_q(out, 4, 1);
    assert_int_equal(tp_unit_convert(&out, q(18, 1), "mois", "years"), TP_UNIT_OK);
    assert_q(out, 3, 2);
}

static void test_eval_units__no_unit_and_problems(void **state)
{
    tp_q out = {0, 1};
    assert_int_equal(tp_unit_convert(&out, q(9000, 1), NULL, "points"), TP_UNIT_OK);
    assert_q(out, 9000, 1);
    assert_int_equal(tp_unit_convert(&out, q(2, 1), "", "ports"), TP_UNIT_OK);
    assert_int_equal(tp_unit_convert(&out, q(2, 1), "ports", "ports"), TP_UNIT_OK); /* same text */
    assert_int_equal(tp_unit_convert(&out, q(14, 1), "kg", "in"), TP_UNIT_INCOMPATIBLE);
    assert_int_equal(tp_unit_convert(&out, q(14, 1), "furlongs", "in"), TP_UNIT_UNKNOWN);
    assert_int_equal(tp_unit_convert(&out, q(14, 1), "kg", "points"), TP_UNIT_INCOMPATIBLE);
    assert_int_equal(tp_unit_convert(&out, q(14, 1), "cm", NULL), TP_UNIT_INCOMPATIBLE);
    assert_true(tp_unit_same("Go", "GB"));
    assert_true(tp_unit_same(" pouces ", "in"));
    assert_false(tp_unit_same("Mo", "GB"));
    assert_true(tp_unit_same(NULL, ""));
}

static void test_eval_units__format(void **state)
{
    char b[40];
    assert_string_equal(tp_q_format(b, q(133, 10)), "13.3");
    assert_string_equal(tp_q_format(b, q(512, 1)), "512");
    assert_string_equal(tp_q_format(b, q(1, 8)), "0.125");
    assert_string_equal(tp_q_format(b, q(1690, 127)), "≈13.307087");
    assert_string_equal(tp_q_format(b, q(2, 3)), "≈0.666667");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eval_units__value_parse),
        cmocka_unit_test(test_eval_units__compare_exactly),
        cmocka_unit_test(test_eval_units__data_sizes_binary),
        cmocka_unit_test(test_eval_units__lengths_times_masses),
        cmocka_unit_test(test_eval_units__no_unit_and_problems),
        cmocka_unit_test(test_eval_units__format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
