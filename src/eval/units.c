#include "units.h"

#include <stdio.h>
#include <string.h>

__extension__ typedef __int128 i128;

#define VALUE_MAX_INT_DIGITS 9
#define VALUE_MAX_DECIMALS 6

static int64_t gcd64(int64_t a, int64_t b)
{
    if (a < 0)
        a = -a;
    if (b < 0)
        b = -b;
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a ? a : 1;
}

static tp_q q_make(int64_t num, int64_t den)
{
    int64_t g = gcd64(num, den);
    tp_q q = {num / g, den / g};
    return q;
}

tp_q tp_q_from_int(int64_t n)
{
    tp_q q = {n, 1};
    return q;
}

tp_q tp_q_from_dec(tp_dec d)
{
    int64_t den = 1;
    for (int i = 0; i < d.scale; i++)
        den *= 10;
    return q_make(d.num, den);
}

bool tp_value_parse_dec(tp_dec *out, const char *s)
{
    if (!s)
        return false;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    int64_t num = 0;
    int int_digits = 0, decimals = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (++int_digits > VALUE_MAX_INT_DIGITS)
            return false;
        num = num * 10 + (*s - '0');
    }
    if (int_digits == 0)
        return false;
    if (*s == '.' || *s == ',') {
        s++;
        for (; *s >= '0' && *s <= '9'; s++) {
            if (++decimals > VALUE_MAX_DECIMALS)
                return false;
            num = num * 10 + (*s - '0');
        }
        if (decimals == 0)
            return false;
    }
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (*s)
        return false;
    out->num = num;
    out->scale = decimals;
    return true;
}

bool tp_value_parse(tp_q *out, const char *s)
{
    tp_dec d;
    if (!tp_value_parse_dec(&d, s))
        return false;
    *out = tp_q_from_dec(d);
    return true;
}

/* a/b against c/d for non-negative numerators: compare the integer parts,
 * then the remainders' reciprocals (continued fractions), never multiplying. */
static int frac_cmp(int64_t a, int64_t b, int64_t c, int64_t d)
{
    for (;;) {
        int64_t qa = a / b, qc = c / d;
        if (qa != qc)
            return qa < qc ? -1 : 1;
        int64_t ra = a % b, rc = c % d;
        if (ra == 0 || rc == 0)
            return ra == rc ? 0 : (ra == 0 ? -1 : 1);
        /* ra/b vs rc/d compares as d/rc vs b/ra (both inverted, both swapped) */
        int64_t na = d, nb = rc, nc = b, nd = ra;
        a = na;
        b = nb;
        c = nc;
        d = nd;
    }
}

int tp_q_cmp(tp_q x, tp_q y)
{
    return frac_cmp(x.num, x.den, y.num, y.den);
}

/* Only 2s and 5s in den, at most 6 of each: an exact decimal of <= 6 places. */
static bool exact_decimal(int64_t den, int *places)
{
    int twos = 0, fives = 0;
    while (den % 2 == 0) {
        den /= 2;
        twos++;
    }
    while (den % 5 == 0) {
        den /= 5;
        fives++;
    }
    *places = twos > fives ? twos : fives;
    return den == 1 && *places <= 6;
}

/* Digits of v, at least min_digits, at p; returns the end (no printf: this
 * runs for every scored value of every offer written out). */
static char *put_digits(char *p, uint64_t v, int min_digits)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n < min_digits)
        tmp[n++] = '0';
    while (n)
        *p++ = tmp[--n];
    return p;
}

const char *tp_q_format(char buf[40], tp_q q)
{
    if (q.den == 1 && q.num >= 0) { /* a whole number: most offered values */
        *put_digits(buf, (uint64_t)q.num, 1) = '\0';
        return buf;
    }
    int places = 0;
    bool exact = exact_decimal(q.den, &places);
    if (!exact)
        places = 6;
    uint64_t scale = 1;
    for (int i = 0; i < places; i++)
        scale *= 10;
    /* value × 10^places, rounded half up when inexact; 64-bit when it fits
     * (it always does with offered values: this runs for every one written) */
    uint64_t ip, frac;
    if (q.num >= 0 && q.den > 0 &&
        (uint64_t)q.num <= (UINT64_MAX - (uint64_t)q.den) / (2 * scale)) {
        uint64_t scaled = ((uint64_t)q.num * scale * 2 + (uint64_t)q.den) / ((uint64_t)q.den * 2);
        ip = scaled / scale;
        frac = scaled % scale;
    } else {
        i128 scaled = ((i128)q.num * (i128)scale * 2 + q.den) / ((i128)q.den * 2);
        ip = (uint64_t)(scaled / (i128)scale);
        frac = (uint64_t)(scaled % (i128)scale);
    }
    while (places > 0 && frac % 10 == 0) {
        frac /= 10;
        places--;
    }
    char *p = buf;
    if (!exact) {
        memcpy(p, "\xe2\x89\x88", 3); /* ≈ */
        p += 3;
    }
    p = put_digits(p, ip, 1);
    if (places > 0) {
        *p++ = '.';
        p = put_digits(p, frac, places);
    }
    *p = '\0';
    return buf;
}

/* ------------------------------------------------------------------ units */

typedef enum dim { DIM_DATA, DIM_LENGTH, DIM_TIME, DIM_MASS, DIM_YEARS, DIM_DAYS, DIM_POWER,
                   DIM_LUMINANCE } dim;

typedef struct unit_def {
    const char *name;
    dim dim;
    int64_t num, den; /* size of the unit in the dimension's base */
} unit_def;

/* Bases: GB, 0.1 mm (so an inch, 25.4 mm, is a whole 254), minute, gram,
 * year, day, watt, nit. */
static const unit_def units[] = {
    {"MB", DIM_DATA, 1, 1024},       {"Mo", DIM_DATA, 1, 1024},     {"MiB", DIM_DATA, 1, 1024},
    {"GB", DIM_DATA, 1, 1},          {"Go", DIM_DATA, 1, 1},        {"GiB", DIM_DATA, 1, 1},
    {"TB", DIM_DATA, 1024, 1},       {"To", DIM_DATA, 1024, 1},     {"TiB", DIM_DATA, 1024, 1},
    {"in", DIM_LENGTH, 254, 1},      {"inch", DIM_LENGTH, 254, 1},  {"inches", DIM_LENGTH, 254, 1},
    {"pouce", DIM_LENGTH, 254, 1},   {"pouces", DIM_LENGTH, 254, 1}, {"\"", DIM_LENGTH, 254, 1},
    {"\xe2\x80\xb3", DIM_LENGTH, 254, 1}, /* ″ U+2033 */
    {"cm", DIM_LENGTH, 100, 1},      {"mm", DIM_LENGTH, 10, 1},
    {"h", DIM_TIME, 60, 1},          {"heure", DIM_TIME, 60, 1},    {"heures", DIM_TIME, 60, 1},
    {"hour", DIM_TIME, 60, 1},       {"hours", DIM_TIME, 60, 1},    {"min", DIM_TIME, 1, 1},
    {"minute", DIM_TIME, 1, 1},      {"minutes", DIM_TIME, 1, 1},
    {"kg", DIM_MASS, 1000, 1},       {"g", DIM_MASS, 1, 1},
    {"years", DIM_YEARS, 1, 1},      {"year", DIM_YEARS, 1, 1},     {"an", DIM_YEARS, 1, 1},
    {"ans", DIM_YEARS, 1, 1},        {"mois", DIM_YEARS, 1, 12},    {"months", DIM_YEARS, 1, 12},
    {"days", DIM_DAYS, 1, 1},        {"day", DIM_DAYS, 1, 1},       {"jour", DIM_DAYS, 1, 1},
    {"jours", DIM_DAYS, 1, 1},       {"j", DIM_DAYS, 1, 1},         {"semaines", DIM_DAYS, 7, 1},
    {"weeks", DIM_DAYS, 7, 1},
    {"W", DIM_POWER, 1, 1},          {"watt", DIM_POWER, 1, 1},     {"watts", DIM_POWER, 1, 1},
    {"nits", DIM_LUMINANCE, 1, 1},   {"nit", DIM_LUMINANCE, 1, 1},  {"cd/m2", DIM_LUMINANCE, 1, 1},
    {"cd/m\xc2\xb2", DIM_LUMINANCE, 1, 1},
};

static bool blank(const char *s)
{
    if (!s)
        return true;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    return true;
}

/* Case-insensitive (ASCII) equality, ignoring surrounding white space in a. */
static bool name_eq(const char *a, const char *b)
{
    while (*a == ' ' || *a == '\t' || *a == '\n' || *a == '\r')
        a++;
    size_t n = strlen(a);
    while (n > 0 && (a[n - 1] == ' ' || a[n - 1] == '\t' || a[n - 1] == '\n' || a[n - 1] == '\r'))
        n--;
    if (strlen(b) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

static const unit_def *find_unit(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    char first = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        char f = units[i].name[0];
        if (f >= 'A' && f <= 'Z')
            f = (char)(f - 'A' + 'a');
        if (f == first && name_eq(s, units[i].name)) /* first letter: a cheap filter */
            return &units[i];
    }
    return NULL;
}

bool tp_unit_same(const char *a, const char *b)
{
    if (blank(a) || blank(b))
        return blank(a) && blank(b);
    const unit_def *ua = find_unit(a), *ub = find_unit(b);
    if (ua && ub)
        return ua->dim == ub->dim && ua->num == ub->num && ua->den == ub->den;
    return name_eq(a, b);
}

tp_unit_status tp_unit_factor(tp_unit_factor_t *out, const char *from, const char *to)
{
    out->identity = true;
    out->num = out->den = 1;
    if (blank(from) || (to && strcmp(from, to) == 0))
        return TP_UNIT_OK;
    const unit_def *uf = find_unit(from), *ut = blank(to) ? NULL : find_unit(to);
    if (!uf || !ut) { /* a unit outside the table matches only itself ("ports") */
        if (!blank(to) && name_eq(from, to))
            return TP_UNIT_OK;
        return uf ? TP_UNIT_INCOMPATIBLE : TP_UNIT_UNKNOWN;
    }
    if (uf->dim != ut->dim)
        return TP_UNIT_INCOMPATIBLE;
    if (uf->num == ut->num && uf->den == ut->den)
        return TP_UNIT_OK;
    out->identity = false;
    out->num = uf->num * ut->den; /* table sizes: no overflow */
    out->den = uf->den * ut->num;
    return TP_UNIT_OK;
}

tp_unit_status tp_unit_apply(tp_q *out, tp_q v, const tp_unit_factor_t *f)
{
    if (f->identity) {
        *out = v;
        return TP_UNIT_OK;
    }
    int64_t n, d;
    if (v.num >= 0 && v.den > 0 && !__builtin_mul_overflow(v.num, f->num, &n) &&
        !__builtin_mul_overflow(v.den, f->den, &d)) {
        *out = q_make(n, d); /* the usual case: 64-bit */
        return TP_UNIT_OK;
    }
    i128 num = (i128)v.num * f->num;
    i128 den = (i128)v.den * f->den;
    i128 a = num, b = den;
    while (b) {
        i128 t = a % b;
        a = b;
        b = t;
    }
    num /= a;
    den /= a;
    if (num > INT64_MAX || den > INT64_MAX)
        return TP_UNIT_RANGE;
    out->num = (int64_t)num;
    out->den = (int64_t)den;
    return TP_UNIT_OK;
}

tp_unit_status tp_unit_convert(tp_q *out, tp_q v, const char *from, const char *to)
{
    tp_unit_factor_t f;
    tp_unit_status st = tp_unit_factor(&f, from, to);
    return st != TP_UNIT_OK ? st : tp_unit_apply(out, v, &f);
}
