#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "check/ident.h"

static void test_ident__bce_valid_enterprise_numbers(void **state)
{
    (void)state;
    assert_true(tp_bce_valid("0403019261", TP_BCE_ENTERPRISE));
    assert_true(tp_bce_valid("0428759497", TP_BCE_ENTERPRISE)); /* check 97 */
    assert_true(tp_bce_valid("0408211929", TP_BCE_ENTERPRISE));
    assert_true(tp_bce_valid("0220916609", TP_BCE_ENTERPRISE)); /* WBE */
}

static void test_ident__bce_valid_establishment_unit(void **state)
{
    (void)state;
    assert_true(tp_bce_valid("2167179245", TP_BCE_ESTABLISHMENT));
    tp_bce_info info;
    assert_int_equal(tp_bce_inspect(&info, "2167179245"), TP_BCE_OK);
    assert_int_equal(info.kind, TP_BCE_ESTABLISHMENT);
    assert_int_equal(info.expected_check, 45);
}

static void test_ident__bce_bad_check_digits(void **state)
{
    (void)state;
    tp_bce_info info;
    assert_int_equal(tp_bce_inspect(&info, "0431150351"), TP_BCE_BAD_CHECK);
    assert_int_equal(info.expected_check, 50);
    assert_string_equal(info.digits, "0431150351");
    assert_false(tp_bce_valid("0431150351", TP_BCE_ENTERPRISE));
    assert_false(tp_bce_valid("0431150350", TP_BCE_ESTABLISHMENT));
    assert_true(tp_bce_valid("0431150350", TP_BCE_ENTERPRISE));
}

static void test_ident__bce_check_97_case(void **state)
{
    (void)state;
    /* 04287594 is a multiple of 97: the check digits are 97, never 00. */
    assert_int_equal(tp_bce_check_digits("04287594"), 97);
    assert_int_equal(tp_bce_check_digits("00000000"), 97);
    tp_bce_info info;
    assert_int_equal(tp_bce_inspect(&info, "0428759400"), TP_BCE_BAD_CHECK);
    assert_int_equal(info.expected_check, 97);
    assert_int_equal(tp_bce_check_digits("04030192"), 61);
}

static void test_ident__bce_wrong_kind(void **state)
{
    (void)state;
    tp_bce_info info;
    assert_int_equal(tp_bce_inspect(&info, "0408211929"), TP_BCE_OK);
    assert_int_equal(info.kind, TP_BCE_ENTERPRISE);
    assert_false(tp_bce_valid("0408211929", TP_BCE_ESTABLISHMENT));
    assert_false(tp_bce_valid("2167179245", TP_BCE_ENTERPRISE));
    assert_string_equal(tp_bce_kind_name(TP_BCE_ENTERPRISE), "enterprise number");
    assert_string_equal(tp_bce_kind_name(TP_BCE_ESTABLISHMENT), "establishment-unit number");
    /* First digit 9: valid check digits but neither kind. */
    char n[11] = "90000000";
    int check = tp_bce_check_digits(n);
    n[8] = (char)('0' + check / 10);
    n[9] = (char)('0' + check % 10);
    n[10] = '\0';
    assert_int_equal(tp_bce_inspect(&info, n), TP_BCE_BAD_RANGE);
}

static void test_ident__bce_formats(void **state)
{
    (void)state;
    tp_bce_info info;
    assert_int_equal(tp_bce_inspect(&info, "0408.211.929"), TP_BCE_FORMATTED);
    assert_string_equal(info.digits, "0408211929");
    assert_int_equal(info.kind, TP_BCE_ENTERPRISE);
    assert_int_equal(tp_bce_inspect(&info, "0408 211 929"), TP_BCE_FORMATTED);
    assert_int_equal(tp_bce_inspect(&info, "408211929"), TP_BCE_LENGTH);
    assert_int_equal(info.ndigits, 9);
    assert_int_equal(tp_bce_inspect(&info, "04082119290"), TP_BCE_LENGTH);
    assert_int_equal(tp_bce_inspect(&info, "BE0408211929"), TP_BCE_NOT_DIGITS);
    assert_int_equal(tp_bce_inspect(&info, ""), TP_BCE_EMPTY);
    assert_int_equal(tp_bce_inspect(&info, NULL), TP_BCE_EMPTY);
    assert_false(tp_bce_valid("0408.211.929", TP_BCE_ENTERPRISE));
}

static void test_ident__fase(void **state)
{
    (void)state;
    assert_null(tp_fase_problem("826"));
    assert_null(tp_fase_problem("1"));
    assert_null(tp_fase_problem("999999"));
    assert_string_equal(tp_fase_problem("1234567"), "has 7 digits; a FASE number has 1 to 6");
    assert_non_null(tp_fase_problem("12345678"));
    assert_non_null(tp_fase_problem("0"));
    assert_non_null(tp_fase_problem("000"));
    assert_non_null(tp_fase_problem("0045"));
    assert_non_null(tp_fase_problem("12a"));
    assert_non_null(tp_fase_problem(""));
    assert_non_null(tp_fase_problem(NULL));
}

static void test_ident__postal_code(void **state)
{
    (void)state;
    assert_null(tp_postal_code_problem("1000"));
    assert_null(tp_postal_code_problem("1070"));
    assert_null(tp_postal_code_problem("9999"));
    assert_non_null(tp_postal_code_problem("999"));
    assert_non_null(tp_postal_code_problem("0999"));
    assert_non_null(tp_postal_code_problem("10000"));
    assert_non_null(tp_postal_code_problem("B-1070"));
    assert_non_null(tp_postal_code_problem(""));
}

static void test_ident__email(void **state)
{
    (void)state;
    assert_null(tp_email_problem("direction@ecole.be"));
    assert_null(tp_email_problem("a.b-c+d@sub.domaine-ecole.be"));
    assert_string_equal(tp_email_problem("direction.ecole.be"), "has no @");
    assert_string_equal(tp_email_problem("a@b@ecole.be"), "has more than one @");
    assert_string_equal(tp_email_problem("@ecole.be"), "has nothing before the @");
    assert_non_null(tp_email_problem("direction@ecole"));
    assert_non_null(tp_email_problem("direction @ecole.be"));
    assert_non_null(tp_email_problem("direction@ecole..be"));
    assert_non_null(tp_email_problem("direction@.ecole.be"));
    assert_non_null(tp_email_problem("direction@ecole.be."));
    assert_non_null(tp_email_problem("direction@-ecole.be"));
    assert_non_null(tp_email_problem(""));
}

static void test_ident__phone(void **state)
{
    (void)state;
    assert_null(tp_phone_problem("02 520 12 34"));  /* 9 national digits */
    assert_null(tp_phone_problem("0470 12 34 56")); /* 10 national digits */
    assert_null(tp_phone_problem("071/84.12.34"));
    assert_null(tp_phone_problem("+32 2 520 12 34"));
    assert_null(tp_phone_problem("+32 470 12 34 56"));
    assert_null(tp_phone_problem("0032 2 520 12 34"));
    assert_null(tp_phone_problem("+33 1 23 45 67 89")); /* France */
    assert_null(tp_phone_problem("+352 12 34 56"));     /* Luxembourg, 9 digits with CC */
    assert_non_null(tp_phone_problem("02 520 12"));     /* 7 digits */
    assert_non_null(tp_phone_problem("0470 12 34 56 7"));
    assert_non_null(tp_phone_problem("2 520 12 34")); /* no leading 0 */
    assert_string_equal(tp_phone_problem("+32 (0)2 520 12 34"), "contains brackets");
    assert_string_equal(tp_phone_problem("+32 02 520 12 34"), "keeps the leading 0 after +32");
    assert_non_null(tp_phone_problem("+32 2 520"));
    assert_non_null(tp_phone_problem("02-520-12-34"));
    assert_non_null(tp_phone_problem("+0 123 456 789"));
    assert_non_null(tp_phone_problem(""));
}

static void test_ident__minimum_stock_rounding(void **state)
{
    (void)state;
    assert_int_equal(tp_minimum_stock(19), 1);
    assert_int_equal(tp_minimum_stock(20), 1);
    assert_int_equal(tp_minimum_stock(21), 2);
    assert_int_equal(tp_minimum_stock(1000), 50);
    assert_int_equal(tp_minimum_stock(1001), 51);
    assert_int_equal(tp_minimum_stock(1), 1);
    assert_int_equal(tp_minimum_stock(0), 0);
    assert_int_equal(tp_minimum_stock(-5), 0);
}

static void test_ident__subsidy_cap_exact(void **state)
{
    (void)state;
    assert_int_equal(tp_subsidy_cap(1001), 2502500); /* 25 025.00 € */
    assert_int_equal(tp_subsidy_cap(1000), 2500000); /* the FWB worked example: 25 000 € */
    assert_int_equal(tp_subsidy_cap(1), 2500);
    assert_int_equal(tp_subsidy_cap(0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ident__bce_valid_enterprise_numbers),
        cmocka_unit_test(test_ident__bce_valid_establishment_unit),
        cmocka_unit_test(test_ident__bce_bad_check_digits),
        cmocka_unit_test(test_ident__bce_check_97_case),
        cmocka_unit_test(test_ident__bce_wrong_kind),
        cmocka_unit_test(test_ident__bce_formats),
        cmocka_unit_test(test_ident__fase),
        cmocka_unit_test(test_ident__postal_code),
        cmocka_unit_test(test_ident__email),
        cmocka_unit_test(test_ident__phone),
        cmocka_unit_test(test_ident__minimum_stock_rounding),
        cmocka_unit_test(test_ident__subsidy_cap_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
