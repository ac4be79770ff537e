/* The evaluation as bids arrive: bid-level rules, then one offer per lot the
 * bid answers (requirements, scored values, prices). Scoring and ranking
 * wait for the last bid (score.c). */
#include "eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "check.h"

/* Requirement and scored ids of a lot in an open-addressing hash table, so
 * matching a bid's values costs one lookup each (100 000 bids × 24 values). */
typedef struct id_slot {
    const char *id;
    int req, scored; /* index in lot->reqs / lot->scored, or -1 */
} id_slot;

struct tp_id_index {
    id_slot *slots;
    size_t mask;
};

static uint32_t fnv1a(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static id_slot *index_slot(struct tp_id_index *x, const char *id)
{
    for (size_t i = fnv1a(id) & x->mask;; i = (i + 1) & x->mask)
        if (!x->slots[i].id || !strcmp(x->slots[i].id, id))
            return &x->slots[i];
}

static struct tp_id_index *index_new(const tp_lot *lot)
{
    struct tp_id_index *x = xcalloc(1, sizeof *x);
    size_t cap = 16;
    while (cap < 2 * (lot->n_reqs + lot->n_scored) + 2)
        cap *= 2;
    x->slots = xcalloc(cap, sizeof *x->slots);
    x->mask = cap - 1;
    for (size_t i = 0; i < lot->n_reqs; i++) {
        id_slot *sl = index_slot(x, lot->reqs[i].id);
        if (!sl->id)
            *sl = (id_slot){lot->reqs[i].id, (int)i, -1};
    }
    for (size_t i = 0; i < lot->n_scored; i++) {
        id_slot *sl = index_slot(x, lot->scored[i].id);
        if (!sl->id)
            *sl = (id_slot){lot->scored[i].id, -1, (int)i};
        else if (sl->scored < 0)
            sl->scored = (int)i;
    }
    return x;
}

static void index_free(struct tp_id_index *x)
{
    if (x)
        free(x->slots);
    free(x);
}

tp_evaluation *tp_evaluation_new(const tp_tender *t)
{
    tp_evaluation *ev = xcalloc(1, sizeof *ev);
    ev->tender = t;
    ev->deadline_utc = (int64_t)tp_date_to_days(t->deadline) * 86400 +
                       (int64_t)t->deadline_hour * 3600 - (int64_t)t->deadline_utc_offset * 60;
    ev->lots = xcalloc(t->n_lots ? t->n_lots : 1, sizeof *ev->lots);
    for (size_t i = 0; i < t->n_lots; i++) {
        ev->lots[i].lot = &t->lots[i];
        ev->lots[i].index = index_new(&t->lots[i]);
    }
    return ev;
}

static void offer_dispose(tp_offer *o)
{
    free(o->brand);
    free(o->model);
    free(o->features);
    tp_findings_dispose(&o->findings);
}

void tp_evaluation_free(tp_evaluation *ev)
{
    if (!ev)
        return;
    for (size_t i = 0; i < ev->n_bids; i++) {
        tp_eval_bid *b = &ev->bids[i];
        free(b->vat);
        free(b->name);
        free(b->received_text);
        tp_findings_dispose(&b->findings);
    }
    free(ev->bids);
    for (size_t i = 0; i < ev->tender->n_lots; i++) {
        for (size_t k = 0; k < ev->lots[i].n_offers; k++)
            offer_dispose(&ev->lots[i].offers[k]);
        free(ev->lots[i].offers);
        index_free(ev->lots[i].index);
    }
    free(ev->lots);
    for (size_t i = 0; i < ev->n_sources; i++)
        free(ev->sources[i]);
    free(ev->sources);
    tp_findings_dispose(&ev->findings);
    free(ev);
}

const char *tp_eval_bid_id(char buf[24], size_t bid_index)
{
    snprintf(buf, 24, "B%04zu", bid_index + 1);
    return buf;
}

static void analyse_offer(tp_evaluation *ev, tp_lot_eval *le, tp_offer *o, const tp_bid_lot *bl)
{
    const tp_tender *t = ev->tender;
    const tp_lot *lot = le->lot;
    /* One pass over the values: each goes to its requirement and/or scored criterion. */
    const tp_bid_value *small[64] = {NULL};
    size_t n_ids = lot->n_reqs + lot->n_scored;
    const tp_bid_value **by_req = n_ids <= 64 ? small : xcalloc(n_ids, sizeof *by_req);
    const tp_bid_value **by_scored = by_req + lot->n_reqs;
    for (size_t i = 0; i < bl->n_values; i++) {
        const tp_bid_value *v = &bl->values[i];
        if (!v->ref)
            continue;
        const id_slot *sl = index_slot(le->index, v->ref);
        if (!sl->id) {
            tp_findings_add(&o->findings, "VALUE-UNKNOWN", TP_FS_INFO, v->ref, v->line,
                            "Valeur « %s » inconnue du lot %d : ignorée.", v->ref, lot->number);
            continue;
        }
        if (sl->req >= 0 && !by_req[sl->req])
            by_req[sl->req] = v;
        if (sl->scored >= 0 && !by_scored[sl->scored])
            by_scored[sl->scored] = v;
    }
    for (size_t i = 0; i < lot->n_reqs; i++)
        tp_check_requirement(&o->findings, &lot->reqs[i], by_req[i]);
    o->features = xcalloc(lot->n_scored ? lot->n_scored : 1, sizeof *o->features);
    for (size_t i = 0; i < lot->n_scored; i++)
        tp_check_scored(&o->findings, &o->features[i], &lot->scored[i], by_scored[i]);
    if (by_req != small)
        free(by_req);
    tp_check_prices(o, lot, bl, t->vat_rate);
    if (t->n_lots == 1 && t->budget_tvac > 0 && o->tvac > t->budget_tvac) {
        char a[48], b[48];
        tp_findings_add(&o->findings, "PRICE-OVER-BUDGET", TP_FS_WARNING, NULL, bl->line,
                        "Prix corrigé %s TVAC au-delà du budget de %s TVAC.",
                        tp_money_format_fr(a, o->tvac), tp_money_format_fr(b, t->budget_tvac));
    }
}

void tp_evaluation_add(tp_evaluation *ev, tp_bid *bid)
{
    const tp_tender *t = ev->tender;
    tp_grow((void **)&ev->bids, &ev->cap_bids, ev->n_bids, sizeof *ev->bids);
    size_t index = ev->n_bids++;
    tp_eval_bid *eb = &ev->bids[index];
    memset(eb, 0, sizeof *eb);
    if (!ev->n_sources || strcmp(ev->sources[ev->n_sources - 1], bid->source) != 0) {
        tp_grow((void **)&ev->sources, &ev->cap_sources, ev->n_sources, sizeof *ev->sources);
        ev->sources[ev->n_sources++] = xstrdup(bid->source);
    }
    eb->source = ev->sources[ev->n_sources - 1];
    eb->index = bid->index;
    eb->line = bid->line;
    eb->vat = xstrdup(bid->vat);
    eb->name = xstrdup(bid->name);
    eb->received_text = xstrdup(bid->received_text);
    eb->received_utc = bid->received_utc;
    eb->received_micro = bid->received_micro;
    eb->has_received = bid->has_received;

    bool considered = tp_check_bid(eb, bid, t, ev->deadline_utc);
    eb->excluded = tp_findings_substantial(&eb->findings);
    bool any_excluded = eb->excluded;
    for (size_t k = 0; k < t->n_lots; k++) {
        const tp_bid_lot *bl = NULL;
        for (size_t i = 0; i < bid->n_lots && !bl; i++)
            if (bid->lots[i].number == t->lots[k].number)
                bl = &bid->lots[i];
        if (!bl)
            continue;
        tp_lot_eval *le = &ev->lots[k];
        tp_grow((void **)&le->offers, &le->cap_offers, le->n_offers, sizeof *le->offers);
        tp_offer *o = &le->offers[le->n_offers++];
        memset(o, 0, sizeof *o);
        o->bid = index;
        o->brand = xstrdup(bl->brand);
        o->model = xstrdup(bl->model);
        o->warranty_years = bl->warranty_years;
        o->delivery_days = bl->delivery_days;
        o->submitted_htva = o->htva = bl->htva;
        o->submitted_tva = o->tva = bl->tva;
        o->submitted_tvac = o->tvac = bl->tvac;
        o->analysed = considered;
        if (considered)
            analyse_offer(ev, le, o, bl);
        o->excluded = eb->excluded || tp_findings_substantial(&o->findings);
        any_excluded = any_excluded || o->excluded;
    }
    if (considered)
        tp_check_regularisation(eb, t, any_excluded);
    tp_bid_free(bid);
}
