/* The evaluation as bids arrive: bid-level rules, then one offer per lot the
 * bid answers (requirements, scored values, prices). Scoring and ranking
 * wait for the last bid (score.c). */
#define _GNU_SOURCE /* madvise, mremap */
#include "eval.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/mman.h>

#include "../core/mem.h"
#include "check.h"

/* Requirement and scored ids of a lot in an open-addressing hash table, so
 * matching a bid's values costs one lookup each (100 000 bids × 24 values),
 * and less when a bid lists its values in the same order as the one before
 * (hint: the slot matched at each position last time). With the ids, each
 * requirement's and scored criterion's plan (check.h). */
typedef struct id_slot {
    const char *id;
    int req, scored; /* index in lot->reqs / lot->scored, or -1 */
} id_slot;

#define HINTS 64

struct tp_id_index {
    id_slot *slots;
    size_t mask;
    const id_slot *hint[HINTS];
    tp_req_plan *reqs;
    tp_scored_plan *scored;
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

/* The slot of the value at position pos: the hint when it names the same id. */
static const id_slot *index_find(struct tp_id_index *x, size_t pos, const char *id)
{
    const id_slot *h = pos < HINTS ? x->hint[pos] : NULL;
    if (h && !strcmp(h->id, id))
        return h;
    const id_slot *sl = index_slot(x, id);
    if (pos < HINTS)
        x->hint[pos] = sl->id ? sl : NULL;
    return sl;
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
    x->reqs = xcalloc(lot->n_reqs ? lot->n_reqs : 1, sizeof *x->reqs);
    for (size_t i = 0; i < lot->n_reqs; i++)
        tp_req_plan_init(&x->reqs[i], &lot->reqs[i]);
    x->scored = xcalloc(lot->n_scored ? lot->n_scored : 1, sizeof *x->scored);
    for (size_t i = 0; i < lot->n_scored; i++)
        tp_scored_plan_init(&x->scored[i], &lot->scored[i]);
    return x;
}

static void index_free(struct tp_id_index *x)
{
    if (x) {
        free(x->slots);
        free(x->reqs);
        free(x->scored);
    }
    free(x);
}

/* What is kept of every bid (names, VAT, receipt text, brand, model, the
 * features of each offer) lives in big blocks owned by the evaluation: no
 * malloc per string, no header per allocation, one free per block. */
typedef struct pool_block {
    struct pool_block *next;
    size_t used, cap;
    max_align_t data[];
} pool_block;

struct tp_eval_pool {
    pool_block *head;
};

#define POOL_BLOCK ((2u << 20) - sizeof(pool_block)) /* with its header: one huge page */
#define HUGE_PAGE (2u << 20)

/* Memory of 100 000 bids faults in page by page, and a fault is dear on a
 * virtual machine: big blocks ask for transparent huge pages (a no-op where
 * the kernel does not do them). */
static void *alloc_block(size_t size)
{
    if (size != HUGE_PAGE)
        return xmalloc(size);
    void *p = NULL;
    if (posix_memalign(&p, HUGE_PAGE, HUGE_PAGE) != 0)
        return xmalloc(size);
    madvise(p, HUGE_PAGE, MADV_HUGEPAGE);
    return p;
}

/* n bytes aligned to align (a power of two up to max_align_t's). */
static void *pool_alloc(tp_evaluation *ev, size_t n, size_t align)
{
    if (!ev->pool)
        ev->pool = xcalloc(1, sizeof *ev->pool);
    pool_block *b = ev->pool->head;
    if (b)
        b->used = (b->used + align - 1) & ~(align - 1);
    if (!b || b->used > b->cap || b->cap - b->used < n) {
        size_t cap = n > POOL_BLOCK ? n : POOL_BLOCK;
        b = alloc_block(sizeof *b + cap);
        b->next = ev->pool->head;
        b->used = 0;
        b->cap = cap;
        ev->pool->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

static char *pool_strdup(tp_evaluation *ev, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = pool_alloc(ev, n, 1); /* strings packed: no alignment */
    memcpy(p, s, n);
    return p;
}

static void pool_free(struct tp_eval_pool *pool)
{
    if (!pool)
        return;
    for (pool_block *b = pool->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(pool);
}

/* The per-bid and per-offer arrays grow by doubling, without zeroing the new
 * room (tp_grow's memset touched every page once more). From BIG_ARRAY bytes
 * they are mappings of their own that grow by mremap: the pages move, nothing
 * is copied (realloc copied 100 000 offers at each doubling, and the merge of
 * the two reading threads' halves, into new pages that faulted in again). */
#define BIG_ARRAY (2u * HUGE_PAGE)

static void *array_map(size_t bytes)
{
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        tp_oom();
    return p;
}

static void array_free(void *v, size_t cap, size_t elem)
{
    if (cap * elem >= BIG_ARRAY)
        munmap(v, cap * elem);
    else
        free(v);
}

static void grow(void **v, size_t *cap, size_t need, size_t elem)
{
    if (need < *cap)
        return;
    size_t ncap = *cap ? *cap : 8;
    while (ncap <= need)
        ncap *= 2;
    size_t old = *cap * elem, bytes = ncap * elem;
    if (bytes < BIG_ARRAY) {
        *v = xrealloc(*v, bytes);
    } else if (old < BIG_ARRAY) {
        void *p = array_map(bytes);
        madvise(p, bytes, MADV_HUGEPAGE);
        if (old)
            memcpy(p, *v, old);
        free(*v);
        *v = p;
    } else {
#ifdef MREMAP_MAYMOVE
        void *p = mremap(*v, old, bytes, MREMAP_MAYMOVE);
        if (p == MAP_FAILED)
            tp_oom();
#else
        void *p = array_map(bytes);
        memcpy(p, *v, old);
        munmap(*v, old);
#endif
        madvise(p, bytes, MADV_HUGEPAGE);
        *v = p;
    }
    *cap = ncap;
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
        ev->lots[i].scoring = tp_lot_scoring_new(t, &t->lots[i]);
    }
    return ev;
}

static void offer_dispose(tp_offer *o)
{
    tp_findings_dispose(&o->findings); /* brand, model and features are in the pool */
}

void tp_evaluation_free(tp_evaluation *ev)
{
    if (!ev)
        return;
    for (size_t i = 0; i < ev->n_bids; i++) {
        tp_findings_dispose(&ev->bids[i].findings); /* the strings are in the pool */
    }
    array_free(ev->bids, ev->cap_bids, sizeof *ev->bids);
    for (size_t i = 0; i < ev->tender->n_lots; i++) {
        for (size_t k = 0; k < ev->lots[i].n_offers; k++)
            offer_dispose(&ev->lots[i].offers[k]);
        array_free(ev->lots[i].offers, ev->lots[i].cap_offers, sizeof *ev->lots[i].offers);
        array_free(ev->lots[i].ranking, ev->lots[i].cap_ranking, sizeof *ev->lots[i].ranking);
        index_free(ev->lots[i].index);
        tp_lot_scoring_free(ev->lots[i].scoring);
    }
    free(ev->lots);
    for (size_t i = 0; i < ev->n_sources; i++)
        free(ev->sources[i]);
    free(ev->sources);
    tp_findings_dispose(&ev->findings);
    pool_free(ev->pool);
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
    struct tp_id_index *x = le->index;
    /* One pass over the values: each goes to its requirement and/or scored criterion. */
    const tp_bid_value *small[64] = {NULL};
    size_t n_ids = lot->n_reqs + lot->n_scored;
    const tp_bid_value **by_req = n_ids <= 64 ? small : xcalloc(n_ids, sizeof *by_req);
    const tp_bid_value **by_scored = by_req + lot->n_reqs;
    for (size_t i = 0; i < bl->n_values; i++) {
        const tp_bid_value *v = &bl->values[i];
        if (!v->ref)
            continue;
        const id_slot *sl = index_find(x, i, v->ref);
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
        tp_check_requirement_plan(&o->findings, &x->reqs[i], by_req[i]);
    o->features = pool_alloc(ev, (lot->n_scored ? lot->n_scored : 1) * sizeof *o->features,
                             _Alignof(tp_feature_kept));
    for (size_t i = 0; i < lot->n_scored; i++) {
        tp_feature feat;
        tp_check_scored_plan(&o->findings, &feat, &x->scored[i], by_scored[i]);
        o->features[i].value = feat.answered ? feat.value : (tp_q){0, 0};
        o->features[i].points = feat.points;
    }
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
    grow((void **)&ev->bids, &ev->cap_bids, ev->n_bids, sizeof *ev->bids);
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
    eb->vat = pool_strdup(ev, bid->vat);
    eb->name = pool_strdup(ev, bid->name);
    eb->received_text = pool_strdup(ev, bid->received_text);
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
        grow((void **)&le->offers, &le->cap_offers, le->n_offers, sizeof *le->offers);
        tp_offer *o = &le->offers[le->n_offers++];
        memset(o, 0, sizeof *o);
        o->bid = index;
        o->brand = pool_strdup(ev, bl->brand);
        o->model = pool_strdup(ev, bl->model);
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
        if (!o->excluded) {
            grow((void **)&le->ranking, &le->cap_ranking, le->n_ranking, sizeof *le->ranking);
            tp_rank_input *ri = &le->ranking[le->n_ranking++];
            tp_score_quality(ri, le->scoring, o);
            ri->htva = o->htva;
            ri->offer = le->n_offers - 1;
            ri->bid = index;
        }
    }
    if (considered)
        tp_check_regularisation(eb, t, any_excluded);
    tp_bid_free(bid);
}

/* A merge mostly copies into fresh pages (a tenth of the time of 100 000
 * bids, most of it page faults): two threads share it. Each copies one half
 * of every lot's offers (their bid indices shifted by base, ev's bids
 * before the merge); the lower one also the ranking inputs, the upper one
 * (the caller) the bids. Counts are updated once both are done. */
typedef struct merge_half {
    tp_evaluation *ev, *second;
    size_t base, first;
    bool upper;
} merge_half;

static void merge_bids(tp_evaluation *ev, tp_evaluation *second, size_t base, size_t first)
{
    const char *from = NULL; /* the last source seen in second, and its copy in ev */
    for (size_t i = 0; i < second->n_bids; i++) {
        tp_eval_bid *eb = &second->bids[i];
        /* the sources as tp_evaluation_add keeps them: each run of one name once */
        if (eb->source != from) {
            from = eb->source;
            if (!ev->n_sources || strcmp(ev->sources[ev->n_sources - 1], eb->source) != 0) {
                tp_grow((void **)&ev->sources, &ev->cap_sources, ev->n_sources,
                        sizeof *ev->sources);
                ev->sources[ev->n_sources++] = xstrdup(eb->source);
            }
        }
        eb->source = ev->sources[ev->n_sources - 1];
        eb->index += first;
    }
    if (second->n_bids) /* findings move with them */
        memcpy(ev->bids + base, second->bids, second->n_bids * sizeof *ev->bids);
}

static void *merge_half_run(void *arg)
{
    const merge_half *m = arg;
    for (size_t k = 0; k < m->ev->tender->n_lots; k++) {
        tp_lot_eval *to = &m->ev->lots[k], *lf = &m->second->lots[k];
        size_t half = lf->n_offers / 2;
        size_t lo = m->upper ? half : 0, hi = m->upper ? lf->n_offers : half;
        for (size_t i = lo; i < hi; i++) {
            tp_offer *o = &to->offers[to->n_offers + i];
            *o = lf->offers[i];
            o->bid += m->base;
        }
        if (m->upper)
            continue;
        for (size_t i = 0; i < lf->n_ranking; i++) {
            tp_rank_input *ri = &to->ranking[to->n_ranking + i];
            *ri = lf->ranking[i];
            ri->offer += to->n_offers;
            ri->bid += m->base;
        }
    }
    if (m->upper)
        merge_bids(m->ev, m->second, m->base, m->first);
    return NULL;
}

void tp_evaluation_merge(tp_evaluation *ev, tp_evaluation *second, size_t first)
{
    if (second->n_bids)
        grow((void **)&ev->bids, &ev->cap_bids, ev->n_bids + second->n_bids - 1, sizeof *ev->bids);
    for (size_t k = 0; k < ev->tender->n_lots; k++) {
        tp_lot_eval *to = &ev->lots[k], *lf = &second->lots[k];
        if (lf->n_offers)
            grow((void **)&to->offers, &to->cap_offers, to->n_offers + lf->n_offers - 1,
                 sizeof *to->offers);
        if (lf->n_ranking)
            grow((void **)&to->ranking, &to->cap_ranking, to->n_ranking + lf->n_ranking - 1,
                 sizeof *to->ranking);
    }
    merge_half lower = {ev, second, ev->n_bids, first, false}, upper = lower;
    upper.upper = true;
    pthread_t thread;
    bool threaded = pthread_create(&thread, NULL, merge_half_run, &lower) == 0;
    merge_half_run(&upper);
    if (threaded)
        pthread_join(thread, NULL);
    else
        merge_half_run(&lower);
    ev->n_bids += second->n_bids;
    second->n_bids = 0;
    for (size_t k = 0; k < ev->tender->n_lots; k++) {
        tp_lot_eval *to = &ev->lots[k], *lf = &second->lots[k];
        to->n_offers += lf->n_offers;
        to->n_ranking += lf->n_ranking;
        lf->n_offers = lf->n_ranking = 0;
    }
    /* the strings and features the moved bids point to: second's blocks join ev's */
    if (second->pool && second->pool->head) {
        if (!ev->pool) {
            ev->pool = second->pool;
            second->pool = NULL;
        } else {
            pool_block *tail = second->pool->head;
            while (tail->next)
                tail = tail->next;
            tail->next = ev->pool->head;
            ev->pool->head = second->pool->head;
            second->pool->head = NULL;
        }
    }
}
