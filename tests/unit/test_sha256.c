#include "tp_test.h"

#include "core/sha256.h"

static const char *hex_of(const char *s, size_t n)
{
    static char hex[65];
    uint8_t d[32];
    tp_sha256(d, s, n);
    return tp_sha256_hex(hex, d);
}

static void test_sha256__fips_vectors(void **state)
{
    assert_string_equal(hex_of("", 0),
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_string_equal(hex_of("abc", 3),
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    assert_string_equal(hex_of(two, strlen(two)),
                        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_sha256__million_a_in_pieces(void **state)
{
    tp_sha256_ctx c;
    tp_sha256_init(&c);
    char chunk[1000];
    memset(chunk, 'a', sizeof chunk);
    for (int i = 0; i < 1000; i++)
        tp_sha256_update(&c, chunk, sizeof chunk);
    uint8_t d[32];
    char hex[65];
    tp_sha256_final(&c, d);
    assert_string_equal(tp_sha256_hex(hex, d),
                        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_sha256__uuid_is_stable_and_well_formed(void **state)
{
    char a[37], b[37], c[37];
    tp_uuid_from_text(a, "MON-2026-042/notice");
    tp_uuid_from_text(b, "MON-2026-042/notice");
    tp_uuid_from_text(c, "MON-2026-043/notice");
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    assert_int_equal(strlen(a), 36);
    assert_int_equal(a[14], '5');
    assert_true(strchr("89ab", a[19]) != NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256__fips_vectors),
        cmocka_unit_test(test_sha256__million_a_in_pieces),
        cmocka_unit_test(test_sha256__uuid_is_stable_and_well_formed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
