/* UTF-8 -> CP1252 for the PDF fonts, and its documented fallback. */
#include "tp_test.h"

#include "core/buf.h"
#include "render/pdf_text.h"

static size_t convert(tp_buf *b, const char *s)
{
    tp_buf_clear(b);
    return tp_cp1252_append(b, s, strlen(s));
}

static void test_pdf_text__french_is_exact(void **state)
{
    tp_buf b;
    tp_buf_init(&b);
    assert_int_equal(convert(&b, "é è à ç œ Œ € « » ’ – — … • ° ×"), 0);
    assert_string_equal(tp_buf_cstr(&b), "\xE9 \xE8 \xE0 \xE7 \x9C \x8C \x80 \xAB \xBB \x92 \x96 "
                                         "\x97 \x85 \x95 \xB0 \xD7");
    assert_int_equal(convert(&b, "\xC2\xA0“ok” ‘x’ ™ ‰ Ÿ"), 0);
    assert_string_equal(tp_buf_cstr(&b), "\xA0\x93ok\x94 \x91x\x92 \x99 \x89 \x9F");
    tp_buf_dispose(&b);
}

static void test_pdf_text__fallbacks(void **state)
{
    tp_buf b;
    tp_buf_init(&b);
    /* Approximations are counted. */
    assert_int_equal(convert(&b, "≥ 8 Go, ≤ 2 kg, ≠, →, ←, ﬁn, 漢"), 7);
    assert_string_equal(tp_buf_cstr(&b), ">= 8 Go, <= 2 kg, <>, ->, <-, fin, ?");
    /* Spaces, hyphens and invisible characters are equivalents: not counted. */
    assert_int_equal(convert(&b, "a\u202Fb\u2009c\u2007d\u2011e\u2212f\u200Bg\u00ADh\ti\nj"), 0);
    assert_string_equal(tp_buf_cstr(&b), "a\xA0" "b c\xA0" "d-e-fgh i j");
    /* Control characters disappear; C1 controls too (never bytes 0x80-0x9F of their own). */
    assert_int_equal(convert(&b, "x\x01y\xC2\x81z"), 0);
    assert_string_equal(tp_buf_cstr(&b), "xyz");
    tp_buf_dispose(&b);
}

static void test_pdf_text__invalid_utf8(void **state)
{
    tp_buf b;
    tp_buf_init(&b);
    /* Lone continuation, overlong "/", surrogate, truncated sequence: one "?" per bad byte. */
    assert_int_equal(convert(&b, "a\x80" "b\xC0\xAF" "c\xED\xA0\x80" "d\xE2\x82"), 8);
    assert_string_equal(tp_buf_cstr(&b), "a?b??c???d??");
    size_t used;
    assert_int_equal(tp_utf8_decode("\xF0\x9F\x98\x80", 4, &used), 0x1F600);
    assert_int_equal(used, 4);
    assert_int_equal(tp_utf8_decode("\xF4\x90\x80\x80", 4, &used), 0xFFFD); /* > U+10FFFF */
    assert_int_equal(used, 1);
    assert_int_equal(tp_cp1252_from_unicode(0x20AC), 0x80);
    assert_int_equal(tp_cp1252_from_unicode(0x0081), -1);
    assert_int_equal(tp_cp1252_from_unicode(0x2265), -1);
    tp_buf_dispose(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pdf_text__french_is_exact),
        cmocka_unit_test(test_pdf_text__fallbacks),
        cmocka_unit_test(test_pdf_text__invalid_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
