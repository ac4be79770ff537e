#include "tp_test.h"

#include "core/date.h"

static void test_date__parse(void **state)
{
    tp_date d;
    assert_true(tp_date_parse(&d, "2026-11-25"));
    assert_int_equal(d.y, 2026);
    assert_int_equal(d.m, 11);
    assert_int_equal(d.d, 25);
    assert_true(tp_date_parse(&d, "2024-02-29"));
    assert_false(tp_date_parse(&d, "2026-02-29"));
    assert_false(tp_date_parse(&d, "2026-13-01"));
    assert_false(tp_date_parse(&d, "2026-1-01"));
    assert_false(tp_date_parse(&d, "2026-01-01T00"));
    assert_false(tp_date_parse(&d, "1899-12-31"));
}

static void test_date__days_roundtrip(void **state)
{
    tp_date e = {1970, 1, 1};
    assert_int_equal(tp_date_to_days(e), 0);
    tp_date d = {2026, 12, 1};
    for (long n = -800; n <= 800; n += 7) {
        tp_date x = tp_date_add_days(d, n);
        assert_int_equal(tp_date_diff(x, d), n);
    }
    tp_date x = tp_date_add_days((tp_date){2026, 12, 1}, 35);
    assert_int_equal(x.y, 2027);
    assert_int_equal(x.m, 1);
    assert_int_equal(x.d, 5);
}

static void test_date__weekday(void **state)
{
    assert_int_equal(tp_date_weekday((tp_date){2026, 11, 25}), 3); /* Wednesday */
    assert_int_equal(tp_date_weekday((tp_date){2027, 1, 2}), 6);   /* Saturday */
    assert_int_equal(tp_date_weekday((tp_date){2027, 1, 3}), 7);   /* Sunday */
    assert_int_equal(tp_date_weekday((tp_date){2024, 2, 29}), 4);
}

static void test_date__brussels_offset(void **state)
{
    /* 2026: summer time from 29 March to 25 October. */
    assert_int_equal(tp_brussels_offset_minutes((tp_date){2026, 3, 28}), 60);
    assert_int_equal(tp_brussels_offset_minutes((tp_date){2026, 3, 29}), 120);
    assert_int_equal(tp_brussels_offset_minutes((tp_date){2026, 10, 24}), 120);
    assert_int_equal(tp_brussels_offset_minutes((tp_date){2026, 10, 25}), 60);
    assert_int_equal(tp_brussels_offset_minutes((tp_date){2027, 1, 5}), 60);
}

static void test_date__format(void **state)
{
    char b[11], f[32];
    assert_string_equal(tp_date_format(b, (tp_date){2027, 1, 5}), "2027-01-05");
    assert_string_equal(tp_date_format_fr(f, (tp_date){2027, 1, 5}), "5 janvier 2027");
    assert_string_equal(tp_date_format_fr(f, (tp_date){2026, 12, 1}), "1er décembre 2026");
}

static void test_date__easter_and_belgian_holidays(void **state)
{
    tp_date e = tp_easter(2026);
    assert_int_equal(e.m, 4);
    assert_int_equal(e.d, 5);
    e = tp_easter(2027);
    assert_int_equal(e.m, 3);
    assert_int_equal(e.d, 28);
    e = tp_easter(2025);
    assert_int_equal(e.m, 4);
    assert_int_equal(e.d, 20);
    assert_true(tp_be_public_holiday((tp_date){2026, 4, 6}));   /* Easter Monday */
    assert_true(tp_be_public_holiday((tp_date){2026, 5, 14}));  /* Ascension */
    assert_true(tp_be_public_holiday((tp_date){2026, 5, 25}));  /* Whit Monday */
    assert_true(tp_be_public_holiday((tp_date){2026, 7, 21}));
    assert_true(tp_be_public_holiday((tp_date){2026, 11, 11}));
    assert_false(tp_be_public_holiday((tp_date){2026, 4, 5}));  /* Easter Sunday: a Sunday anyway */
    assert_false(tp_be_public_holiday((tp_date){2026, 9, 27})); /* FWB day: not a legal holiday */
    assert_false(tp_be_public_holiday((tp_date){2026, 11, 12}));
}

static void test_date__next_working_day(void **state)
{
    tp_date d = tp_next_working_day((tp_date){2026, 11, 11}); /* Wednesday, Armistice */
    assert_int_equal(d.d, 12);
    d = tp_next_working_day((tp_date){2026, 12, 25}); /* Friday, Christmas → Monday 28 */
    assert_int_equal(d.m, 12);
    assert_int_equal(d.d, 28);
    d = tp_next_working_day((tp_date){2027, 3, 27}); /* Saturday before Easter → Tuesday 30 */
    assert_int_equal(d.m, 3);
    assert_int_equal(d.d, 30);
    d = tp_next_working_day((tp_date){2026, 12, 2}); /* a working Wednesday stays */
    assert_int_equal(d.d, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date__parse),
        cmocka_unit_test(test_date__days_roundtrip),
        cmocka_unit_test(test_date__weekday),
        cmocka_unit_test(test_date__brussels_offset),
        cmocka_unit_test(test_date__format),
        cmocka_unit_test(test_date__easter_and_belgian_holidays),
        cmocka_unit_test(test_date__next_working_day),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
