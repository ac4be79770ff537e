/* Scores, the 15 % rule and the ranking. Every score is an exact fraction
 * until it is shown: rounded once, half up, to hundredths. */
#ifndef TP_SCORE_H
#define TP_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/money.h"
#include "../model/tender.h"
#include "units.h"

/* An exact non-negative fraction, 128-bit: a score before it is rounded. */
__extension__ typedef struct tp_exact {
    __int128 num, den;
} tp_exact;

/* Points of a linear scale: 0 at floor, max_points at target, linear
 * between, clamped; target below floor means lower is better. */
tp_q tp_score_linear_points(tp_q v, tp_q floor, tp_q target, int max_points);

/* A linear scale prepared once (per scored criterion): tp_linear_points(l, v)
 * is tp_score_linear_points(v, floor, target, max_points), the same exact
 * fraction, in 64-bit integers when the terms are small (offered values
 * always are) and through the general 128-bit path otherwise. */
typedef struct tp_linear {
    tp_q floor, target;
    int max_points;
    bool fast, up;
    tp_q span; /* |target - floor|, reduced (fast only) */
} tp_linear;

void tp_linear_init(tp_linear *l, tp_q floor, tp_q target, int max_points);
tp_q tp_linear_points(const tp_linear *l, tp_q v);

/* q rounded half up to hundredths: 1234 for 12.345 (q >= 0). */
int64_t tp_q_hundredths(tp_q q);

/* The abnormally-low-price rule (AR 18/04/2017 art. 36, applied here to
 * supplies as a warning): with n >= 3 regular prices, the average leaves out
 * the lowest and the highest when n < 7 and takes them all when n >= 7; a
 * price at or below 85 % of that average (at least 15 % below it) is flagged. */
typedef struct tp_alp {
    bool computed;    /* n >= 3 */
    size_t count;     /* prices in the average */
    tp_cents average; /* rounded half up to the cent, for display */
    tp_cents threshold; /* 85 % of the average rounded down: the highest flagged price */
} tp_alp;

/* flags (n entries, may be NULL) receive the verdict per price. */
void tp_alp_compute(tp_alp *out, bool *flags, const tp_cents *prices, size_t n);

/* Price criterion: weight × lowest / price, in hundredths (rounded half up).
 * A zero price scores the full weight. */
int64_t tp_price_score_hundredths(tp_cents lowest, tp_cents price, int weight);

/* For tests, process-wide: a lot of at least min_offers regular offers is
 * sorted by two threads (0: the default, 8192; SIZE_MAX: never). */
void tp_score_parallel_sort(size_t min_offers);

/* A lot's award criteria, looked up once per evaluation (tp_evaluation_new). */
typedef struct tp_lot_scoring tp_lot_scoring;
tp_lot_scoring *tp_lot_scoring_new(const tp_tender *t, const tp_lot *lot);
void tp_lot_scoring_free(tp_lot_scoring *s); /* NULL-safe */

/* What the ranking needs of a regular offer, kept in a compact array of its
 * lot as offers are added (tp_lot_eval.ranking): the ranking reads it in
 * order instead of 100 000 offers of 200 bytes. */
typedef struct tp_rank_input {
    tp_exact quality; /* technical + warranty + delivery, exact */
    tp_cents htva;    /* corrected: the ranking price */
    size_t offer;     /* in the lot's offers (before the ranking reorders them) */
    size_t bid;       /* in the evaluation's bids */
    bool inexact;     /* the quality needed the 10^-15 grid */
} tp_rank_input;

/* An offer's quality scores (technical points, technical, warranty, delivery
 * and their sum, the quality) depend on no other offer: they are computed as
 * the offer is added, in the reading threads, and only the price score waits
 * for the last bid (tp_evaluation_finish). o: a regular, analysed offer; its
 * hundredths go to o, the exact quality to in. */
struct tp_offer;
void tp_score_quality(tp_rank_input *in, const tp_lot_scoring *s, struct tp_offer *o);

#endif
