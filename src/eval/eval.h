/* Bid evaluation: findings, offers per lot, scores, ranking and statistics.
 * Bids are checked one at a time as they are read (tp_evaluation_add) and
 * only what the ranking and the report need is kept, so memory grows with
 * the number of bids, never with the size of the XML. Rules and formulas:
 * docs/EVALUATION.md. */
#ifndef TP_EVAL_H
#define TP_EVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/err.h"
#include "../core/money.h"
#include "../model/tender.h"
#include "bid.h"
#include "score.h"
#include "units.h"

/* What a finding does to the bid. */
typedef enum tp_fsev {
    TP_FS_SUBSTANTIAL, /* substantial irregularity: the offer is excluded from the ranking */
    TP_FS_MINOR,       /* non-substantial irregularity: noted, the offer stays */
    TP_FS_CORRECTION,  /* arithmetic error corrected (art. 34): ranked on the corrected price */
    TP_FS_WARNING,     /* for the buyer to act on: abnormally low, over estimate, 0 points */
    TP_FS_INFO,
    TP_FS_COUNT
} tp_fsev;

typedef struct tp_finding {
    const char *code; /* static, e.g. "REQ-FAIL"; see tp_finding_basis */
    tp_fsev sev;
    char *ref;        /* requirement, option or line id; NULL when none */
    int line;         /* line in the bid's source; 0 when none */
    char *msg;        /* French */
} tp_finding;

typedef struct tp_findings {
    tp_finding *v;
    size_t n, cap;
} tp_findings;

void tp_findings_add(tp_findings *f, const char *code, tp_fsev sev, const char *ref, int line,
                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void tp_findings_dispose(tp_findings *f);
bool tp_findings_has(const tp_findings *f, const char *code);
bool tp_findings_substantial(const tp_findings *f);
const char *tp_fsev_code(tp_fsev s); /* "substantial" "minor" "correction" "warning" "info" */
/* Legal or contractual basis of a finding code, in French; never NULL. */
const char *tp_finding_basis(const char *code);

/* Points of one scored criterion (tender lot/scoredCriteria) for one offer. */
typedef struct tp_feature {
    bool answered;   /* a readable value was given */
    tp_q value;      /* in the tender's unit */
    tp_q points;     /* exact */
} tp_feature;

/* What an offer keeps of a feature (40 → 32 bytes, 100 000 times × the
 * lot's criteria): value.den is 0 when no readable value was given. */
typedef struct tp_feature_kept {
    tp_q value;
    tp_q points;
} tp_feature_kept;

typedef struct tp_offer {
    size_t bid;               /* index in tp_evaluation.bids */
    bool excluded;            /* a substantial finding on the bid or on this offer */
    bool analysed;            /* false for bids that cannot be considered (late, unreadable…) */
    char *brand, *model;
    tp_cents submitted_htva, submitted_tva, submitted_tvac;
    tp_cents htva, tva, tvac; /* corrected (art. 34): the ranking price is htva */
    bool corrected;
    long long warranty_years, delivery_days;
    tp_feature_kept *features; /* lot->n_scored, NULL when not analysed */
    tp_findings findings;     /* of this offer */
    /* scores in hundredths, rounded half up once: quality ones (tp_score_quality)
     * as the offer is added, the others by tp_evaluation_finish */
    int rank;                 /* 1.. among regular offers; 0 when excluded */
    bool winner, abnormally_low, tied;
    int64_t s_price, s_technical, s_warranty, s_delivery, s_quality, s_total;
    tp_q technical_points;    /* Σ feature points, exact */
} tp_offer;

struct tp_id_index; /* eval.c: the lot's requirement and scored ids, hashed */

typedef struct tp_lot_eval {
    const tp_lot *lot;
    struct tp_id_index *index;
    tp_lot_scoring *scoring;
    tp_rank_input *ranking;   /* the regular offers, in offer order (score.h) */
    size_t n_ranking, cap_ranking;
    tp_offer *offers;         /* after finish: regular offers by rank, then excluded in input order */
    size_t n_offers, cap_offers;
    size_t received, regular, excluded, abnormally_low;
    tp_cents lowest, highest; /* regular corrected HTVA; 0 when no regular offer */
    bool has_average;         /* >= 3 regular offers */
    tp_cents average;         /* the average the 15 % rule uses, rounded to the cent */
    size_t average_count;     /* offers in that average */
    tp_cents alp_threshold;   /* 85 % of the average, rounded down: at or below is abnormally low */
} tp_lot_eval;

typedef struct tp_eval_bid {
    const char *source;       /* one copy per input, owned by the evaluation */
    size_t index;             /* position in its source */
    int line;
    char *vat, *name;
    char *received_text;
    int64_t received_utc;
    int received_micro;
    bool has_received;
    bool excluded;            /* a substantial finding on the bid itself */
    bool late;
    tp_findings findings;     /* bid-level */
} tp_eval_bid;

typedef struct tp_evaluation {
    const tp_tender *tender;  /* borrowed */
    int64_t deadline_utc;
    tp_eval_bid *bids;
    size_t n_bids, cap_bids;
    tp_lot_eval *lots;        /* tender->n_lots */
    tp_findings findings;     /* evaluation-level (awards over budget) */
    char **sources;           /* input names, each once */
    size_t n_sources, cap_sources;
    tp_cents awards_htva, awards_tvac; /* Σ over lots of the proposed winners */
    bool finished;
    struct tp_eval_pool *pool; /* eval.c: the strings and features kept per bid */
} tp_evaluation;

/* The tender must outlive the evaluation. */
tp_evaluation *tp_evaluation_new(const tp_tender *t);
void tp_evaluation_free(tp_evaluation *ev); /* NULL-safe */

/* Checks one bid against the tender and keeps the result; frees the bid. */
void tp_evaluation_add(tp_evaluation *ev, tp_bid *bid);

/* Appends the bids of second (an evaluation of the same tender, not
 * finished, fed with the bids that follow ev's in the input) to ev, as if ev
 * had been given them: their positions in their source are shifted by first
 * (the number of bids of that source ev holds). second is left empty: free
 * it. Each evaluation may be fed from its own thread (no shared state but
 * the tender, read only); one evaluation, one thread at a time. */
void tp_evaluation_merge(tp_evaluation *ev, tp_evaluation *second, size_t first);

/* Scores, ranks and counts every lot (call once, after the last bid). */
tp_err tp_evaluation_finish(tp_evaluation *ev);

/* "B0001"…: the bid's id in reports (its position over all inputs). buf: 24 bytes. */
const char *tp_eval_bid_id(char buf[24], size_t bid_index);

#endif
