#include "tp_test.h"

#include "core/buf.h"
#include "core/xmlw.h"

static void check_text(const char *in, const char *want)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_xmlw_text(&b, in);
    assert_string_equal(tp_buf_cstr(&b), want);
    tp_buf_dispose(&b);
}

static void test_xmlw__escapes_markup_and_keeps_utf8(void **state)
{
    check_text("a&b <c> \"d\" 'e' \t\n", "a&amp;b &lt;c&gt; &quot;d&quot; 'e' \t\n");
    check_text("Fédération € œ 𝄞", "Fédération € œ 𝄞");
    check_text("cr\r\nlf", "cr&#13;\nlf");
    check_text("", "");
    tp_buf b;
    tp_buf_init(&b);
    tp_xmlw_text(&b, NULL);
    tp_xmlw_textn(&b, "abc&def", 4);
    assert_string_equal(tp_buf_cstr(&b), "abc&amp;");
    tp_buf_dispose(&b);
}

static void test_xmlw__drops_or_replaces_what_xml_forbids(void **state)
{
    check_text("a\x01\x08\x0b\x1f" "b", "ab");                     /* C0 controls */
    check_text("x\xEF\xBF\xBEy\xEF\xBF\xBFz", "xyz");               /* U+FFFE, U+FFFF */
    check_text("\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD");             /* overlong '/' */
    check_text("\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* surrogate */
    check_text("\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* > U+10FFFF */
    check_text("end\xC3", "end\xEF\xBF\xBD");                       /* truncated */
    check_text("\xE2\x82" "A", "\xEF\xBF\xBD\xEF\xBF\xBD" "A");     /* bad continuation */
}

static void test_xmlw__datetime_is_utc_w3cdtf(void **state)
{
    char buf[21];
    assert_string_equal(tp_xmlw_datetime(buf, 0), "1970-01-01T00:00:00Z");
    assert_string_equal(tp_xmlw_datetime(buf, 1796083200 + 3723), "2026-12-01T01:02:03Z");
    assert_string_equal(tp_xmlw_datetime(buf, -1), "1969-12-31T23:59:59Z");
    assert_string_equal(tp_xmlw_datetime(buf, INT64_MAX), "9999-12-31T23:59:59Z");
    assert_string_equal(tp_xmlw_datetime(buf, INT64_MIN), "0001-01-01T00:00:00Z");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xmlw__escapes_markup_and_keeps_utf8),
        cmocka_unit_test(test_xmlw__drops_or_replaces_what_xml_forbids),
        cmocka_unit_test(test_xmlw__datetime_is_utc_w3cdtf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
