/* Offered values as exact fractions, and the unit conversions a bid may use
 * (Go/GB, To/TB, Mo/MB, pouces/in/″, cm, mm, h/min, kg/g…) towards the
 * tender's canonical unit. No floating point: a requirement of 13.3 in and
 * an offer of 33.8 cm are compared as 338/10 × 10/254 against 133/10. */
#ifndef TP_UNITS_H
#define TP_UNITS_H

#include <stdbool.h>
#include <stdint.h>

#include "../model/tender.h"

/* A non-negative exact fraction num/den, den > 0, kept in lowest terms. */
typedef struct tp_q {
    int64_t num;
    int64_t den;
} tp_q;

/* Parses an offered number: digits with an optional '.' or ',' decimal mark
 * ("16", "13.3", "13,3"), at most 9 integer digits and 6 decimals, no sign.
 * Surrounding spaces are allowed. */
bool tp_value_parse(tp_q *out, const char *s);
/* The same, as written: digits and the number of decimals (13,30 is 1330
 * with scale 2), not reduced. */
bool tp_value_parse_dec(tp_dec *out, const char *s);

tp_q tp_q_from_dec(tp_dec d);   /* d must be non-negative */
tp_q tp_q_from_int(int64_t n);
/* Compares two fractions exactly (no overflow: Euclid on the quotients). */
int tp_q_cmp(tp_q a, tp_q b);
/* "13.307086…" is never produced: the decimal form when the fraction has one
 * with at most 6 decimals ("13.3"), else the fraction rounded half up to 6
 * decimals prefixed by "≈". buf must hold 40 bytes. */
const char *tp_q_format(char buf[40], tp_q q);

typedef enum tp_unit_status {
    TP_UNIT_OK,
    TP_UNIT_UNKNOWN,      /* the bid's unit is not in the table */
    TP_UNIT_INCOMPATIBLE, /* known, but of another quantity than the tender's */
    TP_UNIT_RANGE         /* the converted value does not fit */
} tp_unit_status;

/* Converts v, written in unit `from` by the supplier (NULL or "" = already in
 * the tender's unit), into the tender's unit `to` (NULL or "" = no unit).
 * Unit names are matched case-insensitively after trimming; "″" and "\""
 * mean inches. Data sizes use the binary factor of the trade (1 To = 1024 Go,
 * 1 Go = 1024 Mo), as nominal RAM and storage capacities do. */
tp_unit_status tp_unit_convert(tp_q *out, tp_q v, const char *from, const char *to);

/* What tp_unit_convert does from one unit to another, for callers that
 * convert many values between the same two units: keep the value
 * (identity), or multiply it by num/den (both > 0, from the unit table). */
typedef struct tp_unit_factor_t {
    bool identity;
    int64_t num, den;
} tp_unit_factor_t;

tp_unit_status tp_unit_factor(tp_unit_factor_t *out, const char *from, const char *to);
/* v × the factor: exactly what tp_unit_convert gives for its two units. */
tp_unit_status tp_unit_apply(tp_q *out, tp_q v, const tp_unit_factor_t *f);

/* True when two unit names denote the same unit ("Go" and "GB"). */
bool tp_unit_same(const char *a, const char *b);

#endif
