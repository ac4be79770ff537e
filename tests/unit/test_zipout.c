#include "tp_test.h"

#include <stdlib.h>
#include <time.h>
#include <zip.h>

#include "core/buf.h"
#include "core/err.h"
#include "render/zipout.h"

#define ODT_MIME "application/vnd.oasis.opendocument.text"
#define EPOCH_2026_01_02 1767312000 /* 2026-01-02T00:00:00Z */

static unsigned u16(const tp_buf *b, size_t off)
{
    const unsigned char *p = (const unsigned char *)b->data + off;
    return p[0] | (unsigned)p[1] << 8;
}

static unsigned long u32(const tp_buf *b, size_t off)
{
    return u16(b, off) | (unsigned long)u16(b, off + 2) << 16;
}

/* A small ODF-like package: stored mimetype first, then two deflated parts. */
static void build_sample(tp_buf *out, int64_t mtime)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_zip *z = tp_zip_new(mtime);
    assert_int_equal(tp_zip_add(z, "mimetype", ODT_MIME, strlen(ODT_MIME), true), TP_OK);
    tp_buf part;
    tp_buf_init(&part);
    for (int i = 0; i < 200; i++)
        tp_buf_printf(&part, "<p n=\"%d\">Fédération Wallonie-Bruxelles</p>\n", i);
    assert_int_equal(tp_zip_add_buf(z, "content.xml", &part, false), TP_OK);
    assert_int_equal(part.len, 0);
    assert_int_equal(tp_zip_add(z, "META-INF/manifest.xml", "<m/>", 4, false), TP_OK); /* tiny: stored */
    assert_int_equal(tp_zip_finish(z, out, &d), TP_OK);
    assert_int_equal(d.n, 0);
    tp_zip_free(z);
    tp_buf_dispose(&part);
    tp_diags_dispose(&d);
}

static void test_zipout__mimetype_stored_at_offset_38(void **state)
{
    tp_buf b;
    tp_buf_init(&b);
    build_sample(&b, EPOCH_2026_01_02);
    assert_true(b.len > 100);
    assert_memory_equal(b.data, "PK\x03\x04", 4);
    assert_int_equal(u16(&b, 8), 0);                 /* method: stored */
    assert_int_equal(u16(&b, 26), 8);                /* name length */
    assert_int_equal(u16(&b, 28), 0);                /* extra field length */
    assert_int_equal(u32(&b, 18), strlen(ODT_MIME)); /* compressed size */
    assert_memory_equal(b.data + 30, "mimetype", 8);
    assert_memory_equal(b.data + 38, ODT_MIME, strlen(ODT_MIME));
    tp_buf_dispose(&b);
}

/* Walks the central directory: order, methods, time, no extra fields anywhere. */
static void test_zipout__entries_in_order_without_extra_fields(void **state)
{
    tp_buf b;
    tp_buf_init(&b);
    build_sample(&b, EPOCH_2026_01_02);
    size_t eocd = b.len - 22;
    assert_memory_equal(b.data + eocd, "PK\x05\x06", 4);
    assert_int_equal(u16(&b, eocd + 10), 3);
    size_t cd = u32(&b, eocd + 16);
    const char *names[] = {"mimetype", "content.xml", "META-INF/manifest.xml"};
    const unsigned methods[] = {0, 8, 0};
    for (int i = 0; i < 3; i++) {
        assert_memory_equal(b.data + cd, "PK\x01\x02", 4);
        assert_int_equal(u16(&b, cd + 10), methods[i]);
        assert_int_equal(u16(&b, cd + 12), 0);                          /* 00:00:00 */
        assert_int_equal(u16(&b, cd + 14), (46u << 9) | (1u << 5) | 2u); /* 2026-01-02 */
        unsigned name_len = u16(&b, cd + 28);
        assert_int_equal(name_len, strlen(names[i]));
        assert_memory_equal(b.data + cd + 46, names[i], name_len);
        assert_int_equal(u16(&b, cd + 30), 0);                          /* extra */
        assert_int_equal(u16(&b, cd + 32), 0);                          /* comment */
        assert_int_equal(u32(&b, cd + 38), 0100644ul << 16);            /* attributes */
        size_t local = u32(&b, cd + 42);
        assert_memory_equal(b.data + local, "PK\x03\x04", 4);
        assert_int_equal(u16(&b, local + 28), 0);                       /* local extra */
        assert_int_equal(u16(&b, local + 12), (46u << 9) | (1u << 5) | 2u);
        cd += 46 + name_len;
    }
    tp_buf_dispose(&b);
}

static void test_zipout__identical_bytes_twice_and_in_any_time_zone(void **state)
{
    tp_buf a, b, c;
    tp_buf_init(&a);
    tp_buf_init(&b);
    tp_buf_init(&c);
    build_sample(&a, EPOCH_2026_01_02 + 3661);
    build_sample(&b, EPOCH_2026_01_02 + 3661);
    setenv("TZ", "Pacific/Kiritimati", 1); /* UTC+14: would change a local DOS date */
    tzset();
    build_sample(&c, EPOCH_2026_01_02 + 3661);
    unsetenv("TZ");
    tzset();
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    assert_int_equal(a.len, c.len);
    assert_memory_equal(a.data, c.data, a.len);
    tp_buf_dispose(&a);
    tp_buf_dispose(&b);
    tp_buf_dispose(&c);
}

static void test_zipout__reads_back_with_libzip(void **state)
{
    tp_buf b;
    tp_buf_init(&b);
    build_sample(&b, EPOCH_2026_01_02);
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(b.data, b.len, 0, &ze);
    assert_non_null(src);
    zip_t *za = zip_open_from_source(src, ZIP_CHECKCONS | ZIP_RDONLY, &ze);
    assert_non_null(za);
    assert_int_equal(zip_get_num_entries(za, 0), 3);
    assert_string_equal(zip_get_name(za, 0, 0), "mimetype");
    assert_string_equal(zip_get_name(za, 1, 0), "content.xml");
    assert_string_equal(zip_get_name(za, 2, 0), "META-INF/manifest.xml");
    zip_stat_t st;
    assert_int_equal(zip_stat_index(za, 1, 0, &st), 0);
    assert_int_equal(st.mtime % 2, 0);
    char *text = calloc(1, (size_t)st.size + 1);
    zip_file_t *f = zip_fopen_index(za, 1, 0);
    assert_non_null(f);
    assert_int_equal(zip_fread(f, text, st.size), (zip_int64_t)st.size);
    zip_fclose(f);
    assert_memory_equal(text, "<p n=\"0\">Fédération Wallonie-Bruxelles</p>\n<p n=\"1\">", 51);
    assert_non_null(strstr(text, "<p n=\"199\">"));
    assert_true(st.comp_size < st.size / 4);
    free(text);
    zip_close(za);
    zip_error_fini(&ze);
    tp_buf_dispose(&b);
}

/* Headers as libzip wrote them: version needed 20 and the "fast" flag for a
 * deflated entry, 10 and no flag for a stored one; bit 11 (UTF-8) only for a
 * non-ASCII name; sizes and CRC that libzip accepts when it reads back. */
static void test_zipout__header_flags_and_utf8_names(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_zip *z = tp_zip_new(EPOCH_2026_01_02);
    tp_buf part;
    tp_buf_init(&part);
    for (int i = 0; i < 300; i++)
        tp_buf_printf(&part, "<cell n=\"%d\">Hainaut</cell>\n", i % 7);
    assert_int_equal(tp_zip_add(z, "offres/r\xc3\xa9sum\xc3\xa9.xml", part.data, part.len, false),
                     TP_OK);
    assert_int_equal(tp_zip_add(z, "plain.txt", "abc", 3, false), TP_OK);
    tp_buf b;
    tp_buf_init(&b);
    assert_int_equal(tp_zip_finish(z, &b, &d), TP_OK);
    size_t cd = u32(&b, b.len - 22 + 16);
    const unsigned need[] = {20, 10}, flags[] = {0x0804, 0}, method[] = {8, 0};
    for (int i = 0; i < 2; i++) {
        assert_int_equal(u16(&b, cd + 4), 0x033f); /* made by: Unix, 6.3 */
        assert_int_equal(u16(&b, cd + 6), need[i]);
        assert_int_equal(u16(&b, cd + 8), flags[i]);
        assert_int_equal(u16(&b, cd + 10), method[i]);
        size_t local = u32(&b, cd + 42);
        assert_int_equal(u16(&b, local + 4), need[i]);
        assert_int_equal(u16(&b, local + 6), flags[i]);
        assert_int_equal(u32(&b, local + 14), u32(&b, cd + 16)); /* CRC */
        assert_int_equal(u32(&b, local + 18), u32(&b, cd + 20)); /* compressed size */
        cd += 46 + u16(&b, cd + 28);
    }
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(b.data, b.len, 0, &ze);
    zip_t *za = zip_open_from_source(src, ZIP_CHECKCONS | ZIP_RDONLY, &ze);
    assert_non_null(za);
    assert_string_equal(zip_get_name(za, 0, 0), "offres/r\xc3\xa9sum\xc3\xa9.xml");
    char *text = calloc(1, part.len + 1);
    zip_file_t *f = zip_fopen_index(za, 0, 0);
    assert_non_null(f);
    assert_int_equal(zip_fread(f, text, part.len), (zip_int64_t)part.len);
    assert_int_equal(zip_fclose(f), 0); /* 0: the CRC matched */
    assert_memory_equal(text, part.data, part.len);
    free(text);
    zip_close(za);
    zip_error_fini(&ze);
    tp_zip_free(z);
    tp_buf_dispose(&part);
    tp_buf_dispose(&b);
    tp_diags_dispose(&d);
}

static void test_zipout__dos_time_is_utc_and_clamped(void **state)
{
    uint16_t t, dt;
    tp_zip_dos_time(EPOCH_2026_01_02 + 13 * 3600 + 14 * 60 + 59, &t, &dt);
    assert_int_equal(t, (13u << 11) | (14u << 5) | 29u); /* 2-second resolution, rounded down */
    assert_int_equal(dt, (46u << 9) | (1u << 5) | 2u);
    tp_zip_dos_time(0, &t, &dt); /* before 1980: the DOS epoch */
    assert_int_equal(t, 0);
    assert_int_equal(dt, (0u << 9) | (1u << 5) | 1u);
    tp_zip_dos_time(INT64_MAX, &t, &dt);
    assert_int_equal(dt, (127u << 9) | (12u << 5) | 31u);
    assert_int_equal(t, (23u << 11) | (59u << 5) | 29u);
}

static void test_zipout__rejects_bad_names(void **state)
{
    tp_zip *z = tp_zip_new(0);
    assert_int_equal(tp_zip_add(z, "a.xml", "x", 1, false), TP_OK);
    assert_int_equal(tp_zip_add(z, "a.xml", "x", 1, false), TP_EINVALID);
    assert_int_equal(tp_zip_add(z, "", "x", 1, false), TP_EINVALID);
    assert_int_equal(tp_zip_add(z, "/etc/x", "x", 1, false), TP_EINVALID);
    assert_int_equal(tp_zip_add(z, "../x", "x", 1, false), TP_EINVALID);
    assert_int_equal(tp_zip_add(z, "a/../b", "x", 1, false), TP_EINVALID);
    assert_int_equal(tp_zip_add(z, "a\\b", "x", 1, false), TP_EINVALID);
    assert_int_equal(tp_zip_add(z, "a..b/c..", "x", 1, false), TP_OK);
    tp_zip_free(z);
    tp_zip_free(NULL);
}

static void test_zipout__empty_archive_is_valid(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_buf b;
    tp_buf_init(&b);
    tp_zip *z = tp_zip_new(0);
    assert_int_equal(tp_zip_finish(z, &b, &d), TP_OK);
    assert_int_equal(b.len, 22);
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(b.data, b.len, 0, &ze);
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    assert_non_null(za);
    assert_int_equal(zip_get_num_entries(za, 0), 0);
    zip_close(za);
    zip_error_fini(&ze);
    tp_zip_free(z);
    tp_buf_dispose(&b);
    tp_diags_dispose(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zipout__mimetype_stored_at_offset_38),
        cmocka_unit_test(test_zipout__entries_in_order_without_extra_fields),
        cmocka_unit_test(test_zipout__identical_bytes_twice_and_in_any_time_zone),
        cmocka_unit_test(test_zipout__reads_back_with_libzip),
        cmocka_unit_test(test_zipout__header_flags_and_utf8_names),
        cmocka_unit_test(test_zipout__dos_time_is_utc_and_clamped),
        cmocka_unit_test(test_zipout__rejects_bad_names),
        cmocka_unit_test(test_zipout__empty_archive_is_valid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
