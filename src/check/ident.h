/* Belgian and FWB identifiers and contact formats, checked without any I/O,
 * plus the two "5 % rule" formulas (volet 1 of the FWB scheme) that both the
 * profile checks and the derivation use. See docs/PROFILE.md. */
#ifndef TP_IDENT_H
#define TP_IDENT_H

#include <stdbool.h>

#include "../core/money.h"

/* BCE/KBO numbers: 10 digits, last two = 97 - (first eight mod 97), or 97
 * when the remainder is 0. Enterprises (a PO) start with 0 or 1;
 * establishment units (a school) start with 2 to 8. */
typedef enum tp_bce_kind {
    TP_BCE_ENTERPRISE,    /* first digit 0 or 1 */
    TP_BCE_ESTABLISHMENT, /* first digit 2 to 8 */
    TP_BCE_UNKNOWN        /* first digit 9, or not 10 digits */
} tp_bce_kind;

typedef enum tp_bce_status {
    TP_BCE_OK,
    TP_BCE_EMPTY,
    TP_BCE_FORMATTED,  /* 10 digits once dots and spaces are removed: see .digits */
    TP_BCE_NOT_DIGITS, /* other characters than digits (and separators) */
    TP_BCE_LENGTH,     /* not 10 digits */
    TP_BCE_BAD_CHECK,  /* check digits wrong: see .expected_check */
    TP_BCE_BAD_RANGE   /* first digit 9: neither kind */
} tp_bce_status;

typedef struct tp_bce_info {
    tp_bce_status status;
    tp_bce_kind kind;   /* of the (digits-only) number, when 10 digits */
    int ndigits;        /* digits found (separators ignored) */
    int expected_check; /* 1..97, when 10 digits */
    char digits[11];    /* digits-only form, when 10 digits */
} tp_bce_info;

/* Looks at s (NULL = empty) and fills *out. Returns out->status. */
tp_bce_status tp_bce_inspect(tp_bce_info *out, const char *s);

/* The two check digits (1..97) for the first eight digits of a number. */
int tp_bce_check_digits(const char first8[8]);

/* True when s is exactly 10 digits with valid check digits and of that kind. */
bool tp_bce_valid(const char *s, tp_bce_kind kind);

/* "enterprise number" / "establishment-unit number" / "number". Static. */
const char *tp_bce_kind_name(tp_bce_kind kind);

/* FASE numbers: 1 to 6 digits, no leading zero (so never 0).
 * Each function returns NULL when s is fine, else a static English phrase
 * saying what is wrong ("has 7 digits; a FASE number has 1 to 6"). */
const char *tp_fase_problem(const char *s);

/* Belgian postal code: 4 digits, 1000 to 9999. */
const char *tp_postal_code_problem(const char *s);

/* E-mail: one @, a non-empty local part, a domain with a dot, no spaces. */
const char *tp_email_problem(const char *s);

/* Phone: Belgian "0…" (9 or 10 digits) or "+32 …" / "0032 …" (8 or 9 digits
 * after 32, no trunk 0), or another international "+CC…" (7 to 15 digits).
 * Spaces, dots and slashes are ignored. */
const char *tp_phone_problem(const char *s);

/* Minimum loan stock of the 5 % rule: ceil(5 % × pupils), in integers
 * ((pupils × 5 + 99) / 100). 0 for pupils <= 0. */
long tp_minimum_stock(long pupils);

/* Volet-1 subsidy cap: 5 % × pupils × 500 € = pupils × 25.00 €, exact. */
tp_cents tp_subsidy_cap(long pupils);

#endif
