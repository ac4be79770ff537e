#include "tp_test.h"

#include <stdlib.h>

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

/* Lengths around the block and padding boundaries and large inputs, on a
 * fixed pattern (expected digests from Python's hashlib); the incremental API
 * fed in uneven pieces gives the same digests. Runs the SHA-NI path on CPUs
 * that have it (under valgrind, which hides it: the portable one). */
static void test_sha256__lengths_and_pieces(void **state)
{
    static const struct {
        size_t n;
        const char *hex;
    } want[] = {
        {55, "5d05a4435b96f43e53e5a582bbb0b8d840a71c023e7468d6604d1c9ae6511c4c"},
        {56, "0851bc0b733318bd14db8098dec9a591c02ee1e72295d3ba54560e56342430fb"},
        {63, "3d825c09f5fe7358fe955248d4bfc207298e5e74c426ccba7c93ac3992d70143"},
        {64, "949f78c7321c5fa8a90f3d236c471950df72d869abc1d36e985cfce9a3ac98b9"},
        {65, "7978b7d18ecfdd9652aba9457bdd4f51dca470d6edfdd08055e2c244b5ae00cf"},
        {119, "f1ae96dacae36aee55d875c7d523334473a78b3e2381a3e7cc7fde2bef3f1938"},
        {120, "7f8c9999be4063260ab4477a8fb27a81bb475cdd1c8e1f3b301e928ecbc272fd"},
        {127, "fe65c2f6bd8f9c9e3dd366f136a8c84ccb4727b9e1e0604ed5d95a5d47099bce"},
        {128, "ad10550a200b2dd5eef8de5edb1fbb508ecdd446aa02d574f73aa2e2c6188c7e"},
        {1000, "ce4866fe66ae964af5e434c0b2b1bcaa5f122adc7089cf66a7c2a69c69545d9f"},
        {65537, "bf3f784409bf5d96eca02467657fcf888a9c2643991b31ec2169a96fae3cf4d4"},
        {300000, "9058258b8f5de63c0f43a32e5d0bea80bc8a82e4860f45b9eb89889b8502894b"},
    };
    size_t big = 300000;
    unsigned char *data = malloc(big);
    assert_non_null(data);
    for (size_t i = 0; i < big; i++)
        data[i] = (unsigned char)(i * 131 + (i >> 8));
    char hex[65];
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        uint8_t d[32];
        tp_sha256(d, data, want[k].n);
        assert_string_equal(tp_sha256_hex(hex, d), want[k].hex);
    }
    for (size_t n = 0; n <= big; n = n < 200 ? n + 1 : n * 3 + 7) {
        uint8_t one[32], inc[32];
        tp_sha256(one, data, n);
        tp_sha256_ctx c;
        tp_sha256_init(&c);
        tp_sha256_update(&c, data, n / 3);
        tp_sha256_update(&c, data + n / 3, 1 < n - n / 3 ? 1 : n - n / 3);
        tp_sha256_update(&c, data + n / 3 + (1 < n - n / 3 ? 1 : n - n / 3),
                         n - n / 3 - (1 < n - n / 3 ? 1 : n - n / 3));
        tp_sha256_final(&c, inc);
        assert_memory_equal(one, inc, 32);
    }
    free(data);
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
        cmocka_unit_test(test_sha256__lengths_and_pieces),
        cmocka_unit_test(test_sha256__uuid_is_stable_and_well_formed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
