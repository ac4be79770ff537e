/* Exact scoring. Fractions are 128-bit here (wq) so that sums of a lot's
 * criteria stay exact; an operation that would still overflow (only with
 * absurdly precise values) falls back to a 10^-15 grid and the offer is told
 * (EVAL-SCORE-ROUNDED), far below the hundredths shown. */
#include "score.h"

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

static wq wq_add(wq a, wq b, bool *inexact)
{
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

int64_t tp_q_hundredths(tp_q q)
{
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
    wq total, quality;
    size_t offer;
    const tp_eval_bid *bid;
} ranked;

static int cmp_ranked(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    int c = wq_cmp(b->total, a->total); /* higher first */
    if (c)
        return c;
    if ((c = wq_cmp(b->quality, a->quality)) != 0)
        return c;
    if (a->bid->received_utc != b->bid->received_utc)
        return a->bid->received_utc < b->bid->received_utc ? -1 : 1;
    if (a->bid->received_micro != b->bid->received_micro)
        return a->bid->received_micro < b->bid->received_micro ? -1 : 1;
    if ((c = strcmp(a->bid->vat ? a->bid->vat : "", b->bid->vat ? b->bid->vat : "")) != 0)
        return c;
    return a->offer < b->offer ? -1 : a->offer > b->offer;
}

static const tp_criterion *criterion(const tp_tender *t, tp_formula f, const char *id)
{
    for (size_t i = 0; i < t->n_criteria; i++)
        if (t->criteria[i].formula == f && (!id || !strcmp(t->criteria[i].id, id)))
            return &t->criteria[i];
    return NULL;
}

/* weight × clamp((value - floor) / (target - floor)) for a linear award criterion. */
static wq linear_criterion(const tp_criterion *c, long long value, bool *inexact)
{
    if (!c)
        return wq_int(0);
    wq r = linear_ratio(wq_int(value), wq_from_q(tp_q_from_dec(c->floor)),
                        wq_from_q(tp_q_from_dec(c->target)), inexact);
    return wq_mul(r, wq_int(c->weight), inexact);
}

static int cmp_excluded(const void *pa, const void *pb)
{
    const tp_offer *a = pa, *b = pb;
    return a->bid < b->bid ? -1 : a->bid > b->bid;
}

static void score_lot(tp_evaluation *ev, tp_lot_eval *le)
{
    const tp_tender *t = ev->tender;
    const tp_lot *lot = le->lot;
    size_t n = le->n_offers, nreg = 0;
    tp_cents *prices = xcalloc(n ? n : 1, sizeof *prices);
    bool *flags = xcalloc(n ? n : 1, sizeof *flags);
    size_t *reg = xcalloc(n ? n : 1, sizeof *reg);
    for (size_t i = 0; i < n; i++)
        if (!le->offers[i].excluded) {
            reg[nreg] = i;
            prices[nreg++] = le->offers[i].htva;
        }
    le->received = n;
    le->regular = nreg;
    le->excluded = n - nreg;
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

    const tp_criterion *c_price = criterion(t, TP_FORMULA_PRICE_RATIO, NULL);
    const tp_criterion *c_tech = criterion(t, TP_FORMULA_TECH_POINTS, NULL);
    const tp_criterion *c_warranty = criterion(t, TP_FORMULA_LINEAR, "warranty");
    const tp_criterion *c_delivery = criterion(t, TP_FORMULA_LINEAR, "delivery");
    long long max_points = 0;
    for (size_t s = 0; s < lot->n_scored; s++)
        max_points += lot->scored[s].max_points;

    ranked *rk = xcalloc(nreg ? nreg : 1, sizeof *rk);
    char money[48], avg[48];
    for (size_t k = 0; k < nreg; k++) {
        tp_offer *o = &le->offers[reg[k]];
        bool inexact = false;
        wq price = c_price ? (o->htva > 0 ? wq_make((i128)lowest * c_price->weight, o->htva)
                                          : wq_int(c_price->weight))
                           : wq_int(0);
        wq points = wq_int(0);
        for (size_t s = 0; s < lot->n_scored; s++)
            points = wq_add(points, wq_from_q(o->features[s].points), &inexact);
        wq tech = c_tech && max_points > 0
                      ? wq_div_int(wq_mul(points, wq_int(c_tech->weight), &inexact), max_points,
                                   &inexact)
                      : wq_int(0);
        wq warranty = linear_criterion(c_warranty, o->warranty_years, &inexact);
        wq delivery = linear_criterion(c_delivery, o->delivery_days, &inexact);
        wq quality = wq_add(wq_add(tech, warranty, &inexact), delivery, &inexact);
        wq total = wq_add(price, quality, &inexact);
        o->technical_points = wq_to_q(points, &inexact);
        o->s_price = wq_hundredths(price);
        o->s_technical = wq_hundredths(tech);
        o->s_warranty = wq_hundredths(warranty);
        o->s_delivery = wq_hundredths(delivery);
        o->s_quality = wq_hundredths(quality);
        o->s_total = wq_hundredths(total);
        o->abnormally_low = flags[k];
        if (o->abnormally_low) {
            le->abnormally_low++;
            tp_findings_add(&o->findings, "PRICE-ABNORMAL", TP_FS_WARNING, NULL, 0,
                            "Prix %s HTVA inférieur d'au moins 15 %% à la moyenne des offres "
                            "régulières (%s HTVA) : justification à demander par écrit avant "
                            "toute décision.",
                            tp_money_format_fr(money, o->htva), tp_money_format_fr(avg, le->average));
        }
        if (inexact)
            tp_findings_add(&o->findings, "EVAL-SCORE-ROUNDED", TP_FS_INFO, NULL, 0,
                            "Valeurs trop précises pour un calcul exact : scores calculés à "
                            "10^-15 près.");
        rk[k].total = total;
        rk[k].quality = quality;
        rk[k].offer = reg[k];
        rk[k].bid = &ev->bids[o->bid];
    }
    qsort(rk, nreg, sizeof *rk, cmp_ranked);
    char id[24];
    for (size_t k = 0; k < nreg; k++) {
        tp_offer *o = &le->offers[rk[k].offer];
        o->rank = (int)k + 1;
        o->winner = k == 0;
        bool tie_prev = k > 0 && wq_cmp(rk[k - 1].total, rk[k].total) == 0;
        bool tie_next = k + 1 < nreg && wq_cmp(rk[k + 1].total, rk[k].total) == 0;
        if (tie_prev || tie_next) {
            o->tied = true;
            const tp_offer *other = &le->offers[rk[tie_prev ? k - 1 : k + 1].offer];
            tp_findings_add(&o->findings, "RANK-TIE", TP_FS_INFO, NULL, 0,
                            "Score total égal à celui de l'offre %s : départage par la note "
                            "qualité, puis la réception la plus ancienne, puis le numéro de TVA ; "
                            "rang %d.",
                            tp_eval_bid_id(id, other->bid), o->rank);
        }
    }
    /* Regular offers by rank, then the excluded ones in input order. */
    tp_offer *sorted = xcalloc(n ? n : 1, sizeof *sorted);
    for (size_t k = 0; k < nreg; k++)
        sorted[k] = le->offers[rk[k].offer];
    size_t j = nreg;
    for (size_t i = 0; i < n; i++)
        if (le->offers[i].excluded)
            sorted[j++] = le->offers[i];
    qsort(sorted + nreg, n - nreg, sizeof *sorted, cmp_excluded);
    free(le->offers);
    le->offers = sorted;
    le->cap_offers = n ? n : 1;
    if (nreg) {
        ev->awards_htva += le->offers[0].htva;
        ev->awards_tvac += le->offers[0].tvac;
    }
    free(rk);
    free(reg);
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
