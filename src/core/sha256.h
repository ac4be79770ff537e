/* SHA-256 (FIPS 180-4): pack manifests, deterministic ids, bid receipts. */
#ifndef TP_SHA256_H
#define TP_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct tp_sha256_ctx {
    uint32_t h[8];
    uint64_t len;
    uint8_t block[64];
    size_t used;
} tp_sha256_ctx;

void tp_sha256_init(tp_sha256_ctx *c);
void tp_sha256_update(tp_sha256_ctx *c, const void *data, size_t len);
void tp_sha256_final(tp_sha256_ctx *c, uint8_t out[32]);

/* One call. */
void tp_sha256(uint8_t out[32], const void *data, size_t len);
/* Lower-case hex of a digest; hex must hold 65 bytes. */
const char *tp_sha256_hex(char hex[65], const uint8_t digest[32]);
/* A UUID-formatted id derived from text (SHA-256, version 5-style bits set):
 * the same text always gives the same id. buf must hold 37 bytes. */
const char *tp_uuid_from_text(char buf[37], const char *text);

#endif
