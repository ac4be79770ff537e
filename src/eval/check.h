/* The rules a bid is checked against, one function per rule so each can be
 * tested alone (tests/unit/test_eval_check.c). Each adds findings in French
 * and never prints. */
#ifndef TP_CHECK_H
#define TP_CHECK_H

#include "bid.h"
#include "eval.h"
#include "score.h"

typedef enum tp_req_result {
    TP_REQ_PASS,
    TP_REQ_FAIL,    /* REQ-FAIL */
    TP_REQ_MISSING, /* REQ-MISSING: no value, or an empty one */
    TP_REQ_INVALID  /* REQ-VALUE or REQ-UNIT: the value cannot be read in the tender's unit */
} tp_req_result;

/* One mandatory requirement against the offered value (NULL when the bid
 * gives none). Adds one finding unless the value passes. */
tp_req_result tp_check_requirement(tp_findings *f, const tp_requirement *r, const tp_bid_value *v);

/* Reads one scored criterion's value into feat (answered, value, points);
 * a missing or unreadable value scores 0 with a warning. */
void tp_check_scored(tp_findings *f, tp_feature *feat, const tp_scored *s, const tp_bid_value *v);

/* The same two checks with what they need prepared once per tender (bounds
 * as fractions, the linear scale) and the unit factor of the last unit seen
 * remembered: same results and findings, a fraction of the cost when
 * 100 000 bids are checked against one tender. */
typedef struct tp_unit_memo {
    bool valid, from_null;
    char from[16]; /* the bid's unit as written, when shorter */
    tp_unit_status status;
    tp_unit_factor_t factor;
} tp_unit_memo;

typedef struct tp_req_plan {
    const tp_requirement *r;
    tp_q min, max;
    bool fast; /* ge/le/range with small non-negative bounds: integer compare */
    tp_unit_memo unit;
} tp_req_plan;

typedef struct tp_scored_plan {
    const tp_scored *s;
    tp_linear scale;
    tp_unit_memo unit;
} tp_scored_plan;

void tp_req_plan_init(tp_req_plan *p, const tp_requirement *r); /* r must outlive p */
void tp_scored_plan_init(tp_scored_plan *p, const tp_scored *s); /* s must outlive p */
tp_req_result tp_check_requirement_plan(tp_findings *f, tp_req_plan *p, const tp_bid_value *v);
void tp_check_scored_plan(tp_findings *f, tp_feature *feat, tp_scored_plan *p,
                          const tp_bid_value *v);

/* The price schedule, options and totals of one offer against its lot:
 * quantities (substantial), line and total arithmetic and VAT (corrected,
 * art. 34). Fills offer->htva/tva/tvac with the corrected figures. */
void tp_check_prices(tp_offer *offer, const tp_lot *lot, const tp_bid_lot *bl, int vat_rate);

/* Bid-level rules: form problems, tender reference, deadline, signatory,
 * VAT number. Returns false when the bid cannot be considered at all
 * (unreadable, late, or for another tender): its offers are not analysed. */
bool tp_check_bid(tp_eval_bid *eb, const tp_bid *bid, const tp_tender *t, int64_t deadline_utc);

/* Adds BID-REGULARISATION (info) to a bid with an excluded offer when the
 * procedure allows negotiation below the EU threshold (art. 76 § 5). */
void tp_check_regularisation(tp_eval_bid *eb, const tp_tender *t, bool any_excluded);

/* "yes" / "oui" / "true" → 1, "no" / "non" / "false" → 0, else -1 (case-insensitive). */
int tp_yes_no(const char *s);

#endif
