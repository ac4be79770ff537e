/* Exact scoring. Fractions are 128-bit here (wq) so that sums of a lot's
 * criteria stay exact; an operation that would still overflow (only with
 * absurdly precise values) falls back to a 10^-15 grid and the offer is told
 * (EVAL-SCORE-ROUNDED), far below the hundredths shown. */
#include "score.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "eval.h"

__extension__ typedef __int128 i128;

typedef struct wq {
    i128 num, den; /* den > 0, num >= 0 */
} wq;

#define GRID ((i128)1000000000000000LL) /* 10^15 */

static i128 gcd128(i128 a, i128 b)
{
    if (a < 0)
        a = -a;
    if (b < 0)
        b = -b;
    if (a <= (i128)UINT64_MAX && b <= (i128)UINT64_MAX) { /* the usual case: 64-bit division */
        uint64_t x = (uint64_t)a, y = (uint64_t)b;
        while (y) {
            uint64_t t = x % y;
            x = y;
            y = t;
        }
        return x ? (i128)x : 1;
    }
    while (b) {
        i128 t = a % b;
        a = b;
        b = t;
    }
    return a ? a : 1;
}

static wq wq_make(i128 num, i128 den)
{
    if (den < 0) {
        num = -num;
        den = -den;
    }
    if (num >= -(i128)INT64_MAX && num <= (i128)INT64_MAX && den <= (i128)INT64_MAX) {
        int64_t n = (int64_t)num, d = (int64_t)den; /* 64-bit division: no __divti3 */
        int64_t g = (int64_t)gcd128(num, den);
        wq q = {n / g, d / g};
        return q;
    }
    i128 g = gcd128(num, den);
    wq q = {num / g, den / g};
    return q;
}

static wq wq_from_q(tp_q q)
{
    wq w = {q.num, q.den};
    return w;
}

static wq wq_int(long long n)
{
    wq w = {n, 1};
    return w;
}

/* round(a × scale) for a >= 0 and scale <= 10^15, without overflow: a huge
 * denominator is shifted down first (the error stays far below 1/scale). */
static i128 scaled_round(wq a, i128 scale)
{
    i128 ip = a.num / a.den, r = a.num % a.den, d = a.den;
    while (d > ((i128)1 << 62)) {
        d >>= 1;
        r >>= 1;
    }
    return ip * scale + (r * scale * 2 / d + 1) / 2;
}

/* Rounds to the 10^-15 grid (half up). */
static wq wq_grid(wq a)
{
    return wq_make(scaled_round(a, GRID), GRID);
}

static bool mul_ok(i128 a, i128 b, i128 *r)
{
    return !__builtin_mul_overflow(a, b, r);
}

/* 64-bit fast paths: when every term fits in 64 bits and nothing overflows,
 * the same formulas give the same reduced fraction without 128-bit division
 * (scores of 100 000 offers are mostly small fractions). */
static bool fits64(i128 v)
{
    return v >= -(i128)INT64_MAX && v <= (i128)INT64_MAX;
}

static int64_t gcd64s(int64_t a, int64_t b) /* as gcd128: of the absolute values, 1 for 0 and 0 */
{
    uint64_t x = a < 0 ? 0 - (uint64_t)a : (uint64_t)a, y = b < 0 ? 0 - (uint64_t)b : (uint64_t)b;
    while (y) {
        uint64_t t = x % y;
        x = y;
        y = t;
    }
    return x ? (int64_t)x : 1;
}

static wq wq_add(wq a, wq b, bool *inexact)
{
    if (fits64(a.num) && fits64(a.den) && fits64(b.num) && fits64(b.den)) {
        int64_t an = (int64_t)a.num, ad = (int64_t)a.den, bn = (int64_t)b.num, bd = (int64_t)b.den;
        int64_t g = gcd64s(ad, bd), x, y, den;
        if (!__builtin_mul_overflow(an, bd / g, &x) && !__builtin_mul_overflow(bn, ad / g, &y) &&
            !__builtin_mul_overflow(ad / g, bd, &den) && !__builtin_add_overflow(x, y, &x))
            return wq_make(x, den);
    }
    for (int attempt = 0; attempt < 2; attempt++) {
        i128 g = gcd128(a.den, b.den), x, y, den;
        if (mul_ok(a.num, b.den / g, &x) && mul_ok(b.num, a.den / g, &y) &&
            mul_ok(a.den / g, b.den, &den) && !__builtin_add_overflow(x, y, &x))
            return wq_make(x, den);
        a = wq_grid(a);
        b = wq_grid(b);
        *inexact = true;
    }
    return wq_int(0); /* unreachable: two grid values always add */
}

static wq wq_mul(wq a, wq b, bool *inexact)
{
    if (fits64(a.num) && fits64(a.den) && fits64(b.num) && fits64(b.den)) {
        int64_t an = (int64_t)a.num, ad = (int64_t)a.den, bn = (int64_t)b.num, bd = (int64_t)b.den;
        int64_t g1 = gcd64s(an, bd), g2 = gcd64s(bn, ad), n, d;
        if (!__builtin_mul_overflow(an / g1, bn / g2, &n) &&
            !__builtin_mul_overflow(ad / g2, bd / g1, &d))
            return wq_make(n, d);
    }
    for (int attempt = 0; attempt < 2; attempt++) {
        i128 g1 = gcd128(a.num, b.den), g2 = gcd128(b.num, a.den), n, d;
        if (mul_ok(a.num / g1, b.num / g2, &n) && mul_ok(a.den / g2, b.den / g1, &d))
            return wq_make(n, d);
        a = wq_grid(a);
        b = wq_grid(b);
        *inexact = true;
    }
    return wq_int(0);
}

static wq wq_div_int(wq a, long long n, bool *inexact)
{
    wq inv = {1, n};
    return n > 0 ? wq_mul(a, inv, inexact) : wq_int(0);
}

/* a/b against c/d, all non-negative: cross products when they cannot
 * overflow (the usual case), else Euclid on the quotients. */
static int wq_cmp(wq x, wq y)
{
    const i128 lim = (i128)INT64_MAX;
    if (x.num <= lim && x.den <= lim && y.num <= lim && y.den <= lim) {
        i128 l = x.num * y.den, r = y.num * x.den;
        return l < r ? -1 : l > r;
    }
    i128 a = x.num, b = x.den, c = y.num, d = y.den;
    for (;;) {
        i128 qa = a / b, qc = c / d;
        if (qa != qc)
            return qa < qc ? -1 : 1;
        i128 ra = a % b, rc = c % d;
        if (ra == 0 || rc == 0)
            return ra == rc ? 0 : (ra == 0 ? -1 : 1);
        i128 na = d, nb = rc, nc = b, nd = ra;
        a = na;
        b = nb;
        c = nc;
        d = nd;
    }
}

static int64_t wq_hundredths(wq a)
{
    /* in 64 bits when r × 200 cannot overflow (the usual case) */
    if (a.num >= 0 && a.num <= (i128)INT64_MAX && a.den > 0 && a.den <= ((i128)1 << 56)) {
        uint64_t n = (uint64_t)a.num, d = (uint64_t)a.den;
        return (int64_t)(n / d * 100 + (n % d * 200 / d + 1) / 2);
    }
    return (int64_t)scaled_round(a, 100);
}

static tp_q wq_to_q(wq a, bool *inexact)
{
    if (a.num > INT64_MAX || a.den > INT64_MAX) {
        a = wq_make(scaled_round(a, 1000000000), 1000000000);
        *inexact = true;
    }
    tp_q q = {(int64_t)a.num, (int64_t)a.den};
    return q;
}

/* ------------------------------------------------------------------ public formulas */

static wq linear_ratio(wq v, wq f, wq t, bool *inexact)
{
    /* clamp((v - f) / (t - f), 0, 1), either direction */
    bool up = wq_cmp(t, f) > 0;
    if (up ? wq_cmp(v, f) <= 0 : wq_cmp(v, f) >= 0)
        return wq_int(0);
    if (up ? wq_cmp(v, t) >= 0 : wq_cmp(v, t) <= 0)
        return wq_int(1);
    wq lo = up ? f : t, hi = up ? t : f;
    /* up: (v - f)/(t - f); down: (f - v)/(f - t); both as (x - lo)/(hi - lo) or its mirror */
    wq nlo = {-lo.num, lo.den};
    wq span = wq_add(hi, nlo, inexact);
    wq part = up ? wq_add(v, nlo, inexact) : wq_add(hi, (wq){-v.num, v.den}, inexact);
    wq inv = {span.den, span.num};
    return wq_mul(part, inv, inexact);
}

tp_q tp_score_linear_points(tp_q v, tp_q floor, tp_q target, int max_points)
{
    bool inexact = false;
    wq r = linear_ratio(wq_from_q(v), wq_from_q(floor), wq_from_q(target), &inexact);
    return wq_to_q(wq_mul(r, wq_int(max_points), &inexact), &inexact);
}

/* ------------------------------------------------------------------ prepared scale */

#define SMALL ((int64_t)1 << 24)

static int64_t gcd64(int64_t a, int64_t b)
{
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a ? a : 1;
}

static bool small_q(tp_q q)
{
    return q.num >= 0 && q.num < SMALL && q.den > 0 && q.den < SMALL;
}

void tp_linear_init(tp_linear *l, tp_q floor, tp_q target, int max_points)
{
    memset(l, 0, sizeof *l);
    l->floor = floor;
    l->target = target;
    l->max_points = max_points;
    /* With every term below 2^24 and at most 2^20 points, the 128-bit path
     * never overflows: it is exact, so the 64-bit one below gives the same
     * reduced fraction whenever that fits. */
    l->fast = small_q(floor) && small_q(target) && max_points >= 0 && max_points < (1 << 20);
    if (!l->fast)
        return;
    l->up = target.num * floor.den > floor.num * target.den;
    tp_q hi = l->up ? target : floor, lo = l->up ? floor : target;
    int64_t n = hi.num * lo.den - lo.num * hi.den, d = hi.den * lo.den, g = gcd64(n, d);
    l->span.num = n / g; /* 0 when floor = target: never divided by (see below) */
    l->span.den = d / g;
}

/* a/b - c/d for values below 2^24 (64-bit, reduced); sign of the result as is. */
static int64_t cross(tp_q a, tp_q b)
{
    return a.num * b.den - b.num * a.den;
}

/* The points in 64 bits, or false when the general path is needed. */
static bool linear_fast(const tp_linear *l, tp_q v, tp_q *out)
{
    if (!l->fast || !small_q(v))
        return false;
    tp_q zero = {0, 1}, full = {l->max_points, 1};
    /* clamp as linear_ratio does: at or past the floor 0, at or past the target full */
    if (l->up ? cross(v, l->floor) <= 0 : cross(v, l->floor) >= 0) {
        *out = zero;
        return true;
    }
    if (l->up ? cross(v, l->target) >= 0 : cross(v, l->target) <= 0) {
        *out = full;
        return true;
    }
    /* part = distance from the floor, in [0, span]: reduced */
    int64_t a = l->up ? cross(v, l->floor) : cross(l->floor, v), b = v.den * l->floor.den;
    int64_t g = gcd64(a, b);
    a /= g;
    b /= g;
    /* part / span × max_points, cancelling across as wq_mul does */
    int64_t g1 = gcd64(a, l->span.num), g2 = gcd64(l->span.den, b), rn, rd;
    if (__builtin_mul_overflow(a / g1, l->span.den / g2, &rn) ||
        __builtin_mul_overflow(b / g2, l->span.num / g1, &rd))
        return false;
    int64_t g3 = gcd64(l->max_points, rd), pn;
    if (__builtin_mul_overflow(rn, l->max_points / g3, &pn))
        return false;
    out->num = pn;
    out->den = rd / g3;
    return true;
}

tp_q tp_linear_points(const tp_linear *l, tp_q v)
{
    tp_q p;
    if (linear_fast(l, v, &p))
        return p;
    return tp_score_linear_points(v, l->floor, l->target, l->max_points);
}

int64_t tp_q_hundredths(tp_q q)
{
    /* wq_hundredths' 64-bit case, without the 128-bit tests (every feature written) */
    if (q.num >= 0 && q.den > 0 && q.den <= ((int64_t)1 << 56)) {
        uint64_t n = (uint64_t)q.num, d = (uint64_t)q.den;
        return (int64_t)(n / d * 100 + (n % d * 200 / d + 1) / 2);
    }
    return wq_hundredths(wq_from_q(q));
}

int64_t tp_price_score_hundredths(tp_cents lowest, tp_cents price, int weight)
{
    if (price <= 0)
        return (int64_t)weight * 100;
    return wq_hundredths(wq_make((i128)lowest * weight, price));
}

void tp_alp_compute(tp_alp *out, bool *flags, const tp_cents *prices, size_t n)
{
    memset(out, 0, sizeof *out);
    if (flags)
        memset(flags, 0, n * sizeof *flags);
    if (n < 3)
        return;
    i128 sum = 0;
    size_t lo = 0, hi = 0;
    for (size_t i = 0; i < n; i++) {
        sum += prices[i];
        if (prices[i] < prices[lo])
            lo = i;
        if (prices[i] > prices[hi])
            hi = i;
    }
    size_t m = n;
    if (n < 7) { /* leave out one lowest and one highest */
        sum -= prices[lo] + prices[hi];
        m = n - 2;
    }
    out->computed = true;
    out->count = m;
    out->average = (tp_cents)((sum * 2 + (i128)m) / ((i128)m * 2));
    out->threshold = (tp_cents)(sum * 85 / ((i128)m * 100));
    if (flags)
        for (size_t i = 0; i < n; i++) /* price <= 85 % of sum / m, exactly */
            flags[i] = (i128)prices[i] * 100 * (i128)m <= sum * 85;
}

/* ------------------------------------------------------------------ ranking */

typedef struct ranked {
    double key; /* total as a double: decides when far from the other's */
    wq total;
    const tp_rank_input *in;
    const tp_eval_bid *bid;
    int64_t s_price;
    bool abnormally_low, inexact;
} ranked;

/* A key is within 4 × 2^-53 (relative) of its exact total: when two keys are
 * more than 1e-12 apart, relatively, their totals compare the same way. */
#define KEY_MARGIN (1.0 + 1e-12)

static double wq_key(wq a)
{
    return (double)a.num / (double)a.den;
}

static wq quality_of(const ranked *r)
{
    return (wq){r->in->quality.num, r->in->quality.den};
}

static int cmp_ranked(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->key > b->key * KEY_MARGIN) /* higher first */
        return -1;
    if (b->key > a->key * KEY_MARGIN)
        return 1;
    int c = wq_cmp(b->total, a->total);
    if (c)
        return c;
    if ((c = wq_cmp(quality_of(b), quality_of(a))) != 0)
        return c;
    if (a->bid->received_utc != b->bid->received_utc)
        return a->bid->received_utc < b->bid->received_utc ? -1 : 1;
    if (a->bid->received_micro != b->bid->received_micro)
        return a->bid->received_micro < b->bid->received_micro ? -1 : 1;
    if ((c = strcmp(a->bid->vat ? a->bid->vat : "", b->bid->vat ? b->bid->vat : "")) != 0)
        return c;
    return a->in->offer < b->in->offer ? -1 : a->in->offer > b->in->offer;
}

static const tp_criterion *criterion(const tp_tender *t, tp_formula f, const char *id)
{
    for (size_t i = 0; i < t->n_criteria; i++)
        if (t->criteria[i].formula == f && (!id || !strcmp(t->criteria[i].id, id)))
            return &t->criteria[i];
    return NULL;
}

/* A linear award criterion with its floor and target as fractions, once per lot. */
typedef struct lin_crit {
    const tp_criterion *c;
    wq floor, target;
    tp_linear scale; /* the same with the weight as points: 64-bit when small */
} lin_crit;

static lin_crit lin_crit_of(const tp_criterion *c)
{
    lin_crit l = {c, wq_int(0), wq_int(0), {{0, 1}, {0, 1}, 0, false, false, {0, 1}}};
    if (c) {
        tp_q f = tp_q_from_dec(c->floor), t = tp_q_from_dec(c->target);
        l.floor = wq_from_q(f);
        l.target = wq_from_q(t);
        tp_linear_init(&l.scale, f, t, c->weight);
    }
    return l;
}

/* weight × clamp((value - floor) / (target - floor)) for a linear award criterion. */
static wq linear_criterion(const lin_crit *l, long long value, bool *inexact)
{
    if (!l->c)
        return wq_int(0);
    tp_q v = {value, 1}, p;
    if (value >= 0 && linear_fast(&l->scale, v, &p)) /* exact, as below would be */
        return wq_from_q(p);
    wq r = linear_ratio(wq_int(value), l->floor, l->target, inexact);
    return wq_mul(r, wq_int(l->c->weight), inexact);
}

/* Σ feature points: in 64 bits over the common denominators, reduced once
 * (the same exact sum as reducing after each addition), else with wq_add. */
static wq sum_points(const tp_feature_kept *f, size_t n, bool *inexact)
{
    int64_t num = 0, den = 1;
    size_t i = 0;
    for (; i < n; i++) {
        tp_q p = f[i].points;
        if (p.num < 0 || p.den <= 0)
            break;
        int64_t g = gcd64(den, p.den), x, y, d;
        if (__builtin_mul_overflow(num, p.den / g, &x) ||
            __builtin_mul_overflow(p.num, den / g, &y) || __builtin_add_overflow(x, y, &x) ||
            __builtin_mul_overflow(den / g, p.den, &d))
            break;
        num = x;
        den = d;
    }
    if (i == n)
        return wq_make(num, den);
    wq sum = wq_int(0);
    for (i = 0; i < n; i++)
        sum = wq_add(sum, wq_from_q(f[i].points), inexact);
    return sum;
}

/* ------------------------------------------------------------------ quality */

struct tp_lot_scoring {
    const tp_criterion *price, *tech;
    lin_crit warranty, delivery;
    long long max_points; /* Σ of the lot's scored criteria */
    size_t n_scored;
};

tp_lot_scoring *tp_lot_scoring_new(const tp_tender *t, const tp_lot *lot)
{
    tp_lot_scoring *s = xcalloc(1, sizeof *s);
    s->price = criterion(t, TP_FORMULA_PRICE_RATIO, NULL);
    s->tech = criterion(t, TP_FORMULA_TECH_POINTS, NULL);
    s->warranty = lin_crit_of(criterion(t, TP_FORMULA_LINEAR, "warranty"));
    s->delivery = lin_crit_of(criterion(t, TP_FORMULA_LINEAR, "delivery"));
    for (size_t i = 0; i < lot->n_scored; i++)
        s->max_points += lot->scored[i].max_points;
    s->n_scored = lot->n_scored;
    return s;
}

void tp_lot_scoring_free(tp_lot_scoring *s)
{
    free(s);
}

void tp_score_quality(tp_rank_input *in, const tp_lot_scoring *s, tp_offer *o)
{
    bool inexact = false;
    wq points = sum_points(o->features, s->n_scored, &inexact);
    wq tech = s->tech && s->max_points > 0
                  ? wq_div_int(wq_mul(points, wq_int(s->tech->weight), &inexact), s->max_points,
                               &inexact)
                  : wq_int(0);
    wq warranty = linear_criterion(&s->warranty, o->warranty_years, &inexact);
    wq delivery = linear_criterion(&s->delivery, o->delivery_days, &inexact);
    wq quality = wq_add(wq_add(tech, warranty, &inexact), delivery, &inexact);
    o->technical_points = wq_to_q(points, &inexact);
    o->s_technical = wq_hundredths(tech);
    o->s_warranty = wq_hundredths(warranty);
    o->s_delivery = wq_hundredths(delivery);
    o->s_quality = wq_hundredths(quality);
    in->quality = (tp_exact){quality.num, quality.den};
    in->inexact = inexact;
}

/* ------------------------------------------------------------------ ranking a lot */

/* Fractions left unreduced (no gcd for 100 000 offers): the same values,
 * hence the same hundredths, order and ties, as long as every term stays in
 * the exact 64-bit cases of wq_hundredths and wq_cmp (den <= 2^56, num <=
 * INT64_MAX); else the reduced path. */
#define UNREDUCED_DEN ((i128)1 << 56)

static wq price_score(tp_cents lowest, int weight, tp_cents price)
{
    i128 num = (i128)lowest * weight;
    if (num <= (i128)INT64_MAX && (i128)price <= UNREDUCED_DEN)
        return (wq){num, price};
    return wq_make(num, price);
}

static bool sum_unreduced(wq *out, wq a, wq b)
{
    if (a.num > (i128)INT64_MAX || b.num > (i128)INT64_MAX || a.den > UNREDUCED_DEN ||
        b.den > UNREDUCED_DEN)
        return false;
    i128 den = a.den * b.den, num = a.num * b.den + b.num * a.den; /* < 2^120: no overflow */
    if (den > UNREDUCED_DEN || num > (i128)INT64_MAX)
        return false;
    *out = (wq){num, den};
    return true;
}

/* Sorting 100 000 offers was a fifth of the ranking: from sort_split offers
 * on, two threads sort a half each and the halves are merged. The order is
 * the same as one sort's: cmp_ranked is a total order (the offer decides
 * last). Returns the sorted array (rk, or a new one: rk is then freed). */
static size_t sort_split = 8192;

void tp_score_parallel_sort(size_t min_offers)
{
    sort_split = min_offers ? min_offers : 8192;
}

typedef struct sort_job {
    ranked *v;
    size_t n;
} sort_job;

static void *sort_half(void *arg)
{
    sort_job *j = arg;
    qsort(j->v, j->n, sizeof *j->v, cmp_ranked);
    return NULL;
}

static ranked *sort_ranked(ranked *rk, size_t n)
{
    pthread_t thread;
    sort_job upper = {rk + n / 2, n - n / 2};
    if (n < sort_split || n < 2 || pthread_create(&thread, NULL, sort_half, &upper) != 0) {
        qsort(rk, n, sizeof *rk, cmp_ranked);
        return rk;
    }
    qsort(rk, n / 2, sizeof *rk, cmp_ranked);
    pthread_join(thread, NULL);
    ranked *out = xmalloc(n * sizeof *out);
    size_t a = 0, b = n / 2, k = 0;
    while (a < n / 2 && b < n)
        out[k++] = cmp_ranked(&rk[b], &rk[a]) < 0 ? rk[b++] : rk[a++];
    while (a < n / 2)
        out[k++] = rk[a++];
    while (b < n)
        out[k++] = rk[b++];
    free(rk);
    return out;
}

/* Regular offers by rank, then the excluded ones in input order (offers
 * are appended in bid order, so that is their order in the array): order[k]
 * is the offer that goes to position k, applied in place (a second array of
 * 100 000 offers was a fifth of the peak memory). */
static void reorder(tp_lot_eval *le, const ranked *rk)
{
    size_t n = le->n_offers, nreg = le->n_ranking;
    size_t *order = xmalloc((n ? n : 1) * sizeof *order);
    for (size_t k = 0; k < nreg; k++)
        order[k] = rk[k].in->offer;
    for (size_t i = 0, r = 0, j = nreg; i < n; i++) { /* ranking is in offer order */
        if (r < nreg && le->ranking[r].offer == i)
            r++;
        else
            order[j++] = i;
    }
    for (size_t k = 0; k < n; k++) {
        if (order[k] == k)
            continue;
        tp_offer tmp = le->offers[k];
        for (size_t at = k;;) { /* follow the cycle through k */
            size_t from = order[at];
            order[at] = at;
            if (from == k) {
                le->offers[at] = tmp;
                break;
            }
            le->offers[at] = le->offers[from];
            at = from;
        }
    }
    free(order);
}

static void score_lot(tp_evaluation *ev, tp_lot_eval *le)
{
    size_t nreg = le->n_ranking;
    const tp_rank_input *in = le->ranking;
    tp_cents *prices = xmalloc((nreg ? nreg : 1) * sizeof *prices);
    bool *flags = xcalloc(nreg ? nreg : 1, sizeof *flags);
    for (size_t k = 0; k < nreg; k++)
        prices[k] = in[k].htva;
    le->received = le->n_offers;
    le->regular = nreg;
    le->excluded = le->n_offers - nreg;
    tp_alp alp;
    tp_alp_compute(&alp, flags, prices, nreg);
    le->has_average = alp.computed;
    le->average = alp.average;
    le->average_count = alp.count;
    le->alp_threshold = alp.threshold;

    tp_cents lowest = 0, highest = 0;
    for (size_t k = 0; k < nreg; k++) {
        if (k == 0 || prices[k] < lowest)
            lowest = prices[k];
        if (k == 0 || prices[k] > highest)
            highest = prices[k];
    }
    le->lowest = lowest;
    le->highest = highest;

    /* price and total from the compact inputs; the offers are written once
     * they are in rank order, in one pass */
    const tp_criterion *c_price = le->scoring->price;
    ranked *rk = xmalloc((nreg ? nreg : 1) * sizeof *rk);
    for (size_t k = 0; k < nreg; k++) {
        bool inexact = in[k].inexact;
        wq price = c_price ? (in[k].htva > 0 ? price_score(lowest, c_price->weight, in[k].htva)
                                             : wq_int(c_price->weight))
                           : wq_int(0);
        wq quality = {in[k].quality.num, in[k].quality.den}, total;
        if (!sum_unreduced(&total, price, quality))
            total = wq_add(price, quality, &inexact);
        rk[k] = (ranked){wq_key(total), total, &in[k], &ev->bids[in[k].bid],
                         wq_hundredths(price), flags[k], inexact};
    }
    rk = sort_ranked(rk, nreg);
    reorder(le, rk);
    char id[24], money[48], avg[48];
    for (size_t k = 0; k < nreg; k++) {
        tp_offer *o = &le->offers[k];
        o->s_price = rk[k].s_price;
        o->s_total = wq_hundredths(rk[k].total);
        o->abnormally_low = rk[k].abnormally_low;
        if (o->abnormally_low) {
            le->abnormally_low++;
            tp_findings_add(&o->findings, "PRICE-ABNORMAL", TP_FS_WARNING, NULL, 0,
                            "Prix %s HTVA inférieur d'au moins 15 %% à la moyenne des offres "
                            "régulières (%s HTVA) : justification à demander par écrit avant "
                            "toute décision.",
                            tp_money_format_fr(money, o->htva), tp_money_format_fr(avg, le->average));
        }
        if (rk[k].inexact)
            tp_findings_add(&o->findings, "EVAL-SCORE-ROUNDED", TP_FS_INFO, NULL, 0,
                            "Valeurs trop précises pour un calcul exact : scores calculés à "
                            "10^-15 près.");
        o->rank = (int)k + 1;
        o->winner = k == 0;
        bool tie_prev = k > 0 && wq_cmp(rk[k - 1].total, rk[k].total) == 0;
        bool tie_next = k + 1 < nreg && wq_cmp(rk[k + 1].total, rk[k].total) == 0;
        if (tie_prev || tie_next) {
            o->tied = true;
            const tp_offer *other = &le->offers[tie_prev ? k - 1 : k + 1];
            tp_findings_add(&o->findings, "RANK-TIE", TP_FS_INFO, NULL, 0,
                            "Score total égal à celui de l'offre %s : départage par la note "
                            "qualité, puis la réception la plus ancienne, puis le numéro de TVA ; "
                            "rang %d.",
                            tp_eval_bid_id(id, other->bid), o->rank);
        }
    }
    if (nreg) {
        ev->awards_htva += le->offers[0].htva;
        ev->awards_tvac += le->offers[0].tvac;
    }
    free(rk);
    free(flags);
    free(prices);
}

tp_err tp_evaluation_finish(tp_evaluation *ev)
{
    if (ev->finished)
        return TP_EINTERNAL;
    ev->finished = true;
    for (size_t i = 0; i < ev->tender->n_lots; i++)
        score_lot(ev, &ev->lots[i]);
    const tp_tender *t = ev->tender;
    if (t->budget_tvac > 0 && ev->awards_tvac > t->budget_tvac) {
        char a[48], b[48];
        tp_findings_add(&ev->findings, "EVAL-OVER-BUDGET", TP_FS_WARNING, NULL, 0,
                        "Les offres proposées à l'attribution totalisent %s TVAC, au-delà du "
                        "budget de %s TVAC.",
                        tp_money_format_fr(a, ev->awards_tvac), tp_money_format_fr(b, t->budget_tvac));
    }
    return TP_OK;
}
