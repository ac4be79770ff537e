#include "money.h"

#include <stdio.h>
#include <string.h>

#define MONEY_MAX_EUROS 10000000000000LL /* 10^13 € keeps every product below 2^63 */

bool tp_money_parse(tp_cents *out, const char *s)
{
    if (!s || !*s)
        return false;
    long long euros = 0;
    int ndigits = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9'; p++) {
        euros = euros * 10 + (*p - '0');
        if (++ndigits > 14 || euros > MONEY_MAX_EUROS)
            return false;
    }
    if (ndigits == 0)
        return false;
    long long cents = 0;
    if (*p == '.') {
        p++;
        int nd = 0;
        for (; *p >= '0' && *p <= '9'; p++) {
            if (++nd > 2)
                return false;
            cents = cents * 10 + (*p - '0');
        }
        if (nd == 0)
            return false;
        if (nd == 1)
            cents *= 10;
    }
    if (*p)
        return false;
    *out = euros * 100 + cents;
    return true;
}

const char *tp_money_format(char buf[32], tp_cents c)
{
    const char *sign = c < 0 ? "-" : "";
    unsigned long long a = c < 0 ? (unsigned long long)-(c + 1) + 1 : (unsigned long long)c;
    snprintf(buf, 32, "%s%llu.%02llu", sign, a / 100, a % 100);
    return buf;
}

const char *tp_money_format_fr(char buf[48], tp_cents c)
{
    char digits[32];
    unsigned long long a = c < 0 ? (unsigned long long)-(c + 1) + 1 : (unsigned long long)c;
    int n = snprintf(digits, sizeof digits, "%llu", a / 100);
    char *o = buf;
    if (c < 0)
        *o++ = '-';
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0) {
            *o++ = (char)0xC2; /* U+00A0 no-break space, UTF-8 */
            *o++ = (char)0xA0;
        }
        *o++ = digits[i];
    }
    snprintf(o, (size_t)(48 - (o - buf)), ",%02llu\xC2\xA0\xE2\x82\xAC", a % 100);
    return buf;
}

tp_cents tp_money_percent(tp_cents amount, int rate_percent)
{
    long long num = (long long)amount * rate_percent;
    if (num >= 0)
        return (num + 50) / 100;
    return -((-num + 50) / 100);
}
