#include "tp_test.h"

#include "eval/score.h"

static tp_q q(int64_t n, int64_t d)
{
    tp_q r = {n, d};
    return r;
}

static void test_eval_score__linear_higher_is_better(void **state)
{
    tp_q p = tp_score_linear_points(q(12, 1), q(8, 1), q(16, 1), 10); /* ram 12 GB on 8 → 16 */
    assert_int_equal(p.num, 5);
    assert_int_equal(p.den, 1);
    p = tp_score_linear_points(q(19, 2), q(8, 1), q(12, 1), 10); /* 9.5 h on 8 → 12: 3.75 */
    assert_int_equal(p.num, 15);
    assert_int_equal(p.den, 4);
    p = tp_score_linear_points(q(4, 1), q(8, 1), q(16, 1), 10); /* below the floor: 0 */
    assert_int_equal(p.num, 0);
    p = tp_score_linear_points(q(32, 1), q(8, 1), q(16, 1), 10); /* above the target: max */
    assert_int_equal(p.num, 10);
    assert_int_equal(p.den, 1);
    p = tp_score_linear_points(q(7, 1), q(5, 1), q(8, 1), 5); /* 10/3: exact */
    assert_int_equal(p.num, 10);
    assert_int_equal(p.den, 3);
}

static void test_eval_score__linear_lower_is_better(void **state)
{
    /* weight 1.8 kg (0 points) → 1.2 kg (10 points) */
    tp_q p = tp_score_linear_points(q(141, 100), q(18, 10), q(12, 10), 10);
    assert_int_equal(p.num, 13);
    assert_int_equal(p.den, 2); /* 6.5 */
    p = tp_score_linear_points(q(2, 1), q(18, 10), q(12, 10), 10);
    assert_int_equal(p.num, 0);
    p = tp_score_linear_points(q(1, 1), q(18, 10), q(12, 10), 10);
    assert_int_equal(p.num, 10);
    /* delivery 42 → 14 days, 30 days: 12/28 */
    p = tp_score_linear_points(q(30, 1), q(42, 1), q(14, 1), 5);
    assert_int_equal(p.num, 15);
    assert_int_equal(p.den, 7);
}

static void test_eval_score__rounding_half_up_once(void **state)
{
    assert_int_equal(tp_q_hundredths(q(2, 3)), 67);
    assert_int_equal(tp_q_hundredths(q(1, 3)), 33);
    assert_int_equal(tp_q_hundredths(q(1, 8)), 13);      /* 0.125 → 0.13 (half up) */
    assert_int_equal(tp_q_hundredths(q(1249, 10000)), 12);
    assert_int_equal(tp_q_hundredths(q(100, 1)), 10000);
    assert_int_equal(tp_q_hundredths(q(0, 1)), 0);
}

static void test_eval_score__price_ratio(void **state)
{
    assert_int_equal(tp_price_score_hundredths(14560000, 22610000, 60), 3864); /* 38.6377 */
    assert_int_equal(tp_price_score_hundredths(14560000, 14560000, 60), 6000);
    assert_int_equal(tp_price_score_hundredths(100, 300, 60), 2000);
    assert_int_equal(tp_price_score_hundredths(0, 0, 60), 6000); /* a free offer: full marks */
    assert_int_equal(tp_price_score_hundredths(1, 8, 1), 13);     /* 0.125 half up */
}

static void test_eval_score__abnormally_low_needs_three(void **state)
{
    tp_alp a;
    bool flags[2] = {true, true};
    tp_cents two[] = {100, 1000};
    tp_alp_compute(&a, flags, two, 2);
    assert_false(a.computed);
    assert_false(flags[0]);
    assert_false(flags[1]);
}

static void test_eval_score__abnormally_low_leaves_out_extremes_below_seven(void **state)
{
    /* 6 prices: lowest and highest left out; average (223300 + 219618 + 225400 + 225400) / 4 */
    tp_cents p[] = {22330000, 22610000, 21961800, 14560000, 22540000, 22540000};
    bool f[6];
    tp_alp a;
    tp_alp_compute(&a, f, p, 6);
    assert_true(a.computed);
    assert_int_equal(a.count, 4);
    assert_int_equal(a.average, 22342950);
    assert_int_equal(a.threshold, 18991507); /* 85 % = 189915.075, rounded down */
    assert_true(f[3]);
    for (int i = 0; i < 6; i++)
        if (i != 3)
            assert_false(f[i]);
}

static void test_eval_score__abnormally_low_boundary_is_exact(void **state)
{
    /* 3 prices: average = the middle one (10000); 85 % of it = 8500 exactly is flagged, 8501 not. */
    tp_cents p1[] = {8500, 10000, 20000};
    bool f[3];
    tp_alp a;
    tp_alp_compute(&a, f, p1, 3);
    assert_int_equal(a.count, 1);
    assert_int_equal(a.average, 10000);
    assert_true(f[0]);
    tp_cents p2[] = {8501, 10000, 20000};
    tp_alp_compute(&a, f, p2, 3);
    assert_false(f[0]);
}

static void test_eval_score__abnormally_low_all_from_seven(void **state)
{
    /* 7 prices: all in the average (sum 700 + 40 = 740, average 105.71) */
    tp_cents p[] = {40, 100, 100, 100, 100, 100, 200};
    bool f[7];
    tp_alp a;
    tp_alp_compute(&a, f, p, 7);
    assert_int_equal(a.count, 7);
    assert_int_equal(a.average, 106); /* 740 / 7 = 105.714 → 106 cents */
    assert_true(f[0]);
    assert_false(f[1]); /* 100 > 85 % × 105.71 = 89.86 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eval_score__linear_higher_is_better),
        cmocka_unit_test(test_eval_score__linear_lower_is_better),
        cmocka_unit_test(test_eval_score__rounding_half_up_once),
        cmocka_unit_test(test_eval_score__price_ratio),
        cmocka_unit_test(test_eval_score__abnormally_low_needs_three),
        cmocka_unit_test(test_eval_score__abnormally_low_leaves_out_extremes_below_seven),
        cmocka_unit_test(test_eval_score__abnormally_low_boundary_is_exact),
        cmocka_unit_test(test_eval_score__abnormally_low_all_from_seven),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
