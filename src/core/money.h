/* Money as integer euro cents: no floating point anywhere near a price. */
#ifndef TP_MONEY_H
#define TP_MONEY_H

#include <stdbool.h>
#include <stdint.h>

typedef int64_t tp_cents;

#define TP_EUR(x) ((tp_cents)(x) * 100)

/* Parses "123", "123.4", "123.45" (no sign, no exponent, at most 2 decimals,
 * at most 10^13 euros). Returns false on anything else. */
bool tp_money_parse(tp_cents *out, const char *s);

/* Formats as "1234.56" (machine form, for XML). buf must hold 32 bytes. */
const char *tp_money_format(char buf[32], tp_cents c);

/* Formats as "1 234,56 €" (French display form, narrow no-break spaces not
 * used: plain U+00A0). buf must hold 48 bytes. */
const char *tp_money_format_fr(char buf[48], tp_cents c);

/* amount × rate / 100 rounded half away from zero, in cents. */
tp_cents tp_money_percent(tp_cents amount, int rate_percent);

#endif
