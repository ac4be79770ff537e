#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "derive/derive.h"

/* ---- fixture: the bundled rules and catalogue, loaded once ------------------ */

typedef struct fixture {
    tp_rules *rules;
    tp_catalogue *cat;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    tp_diags d;
    tp_diags_init(&d);
    tp_err a = tp_rules_load(&f->rules, &d);
    tp_err b = tp_catalogue_load(&f->cat, &d);
    tp_diags_dispose(&d);
    *state = f;
    return a == TP_OK && b == TP_OK ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tp_rules_free(f->rules);
    tp_catalogue_free(f->cat);
    free(f);
    return 0;
}

/* ---- profiles built in C: a profile plus the arrays it points into ---------- */

#define MAXN 4
typedef struct pb {
    tp_profile p;
    tp_school schools[MAXN];
    tp_lot_wish lots[MAXN];
    tp_option options[MAXN][MAXN];
    tp_override overrides[MAXN][MAXN];
    tp_allocation allocs[MAXN][MAXN];
    tp_weight weights[MAXN];
} pb;

static tp_date day(int y, int m, int d)
{
    return (tp_date){y, m, d};
}

/* One PO, no school, no lot; published Monday 2 March 2026, delivery 1 September. */
static void pb_init(pb *b)
{
    memset(b, 0, sizeof *b);
    b->p.source = (char *)"profile.xml";
    b->p.reference = (tp_str){(char *)"MON-2026-042", 3};
    b->p.po.authority = TP_AUTH_SUB_CENTRAL;
    b->p.schools = b->schools;
    b->p.lots = b->lots;
    b->p.weights = b->weights;
    b->p.publication = (tp_datefield){day(2026, 3, 2), 90, true};
    b->p.delivery = (tp_datefield){day(2026, 9, 1), 91, true};
    b->p.procedure = TP_PROC_AUTO;
    b->p.procedure_line = 92;
    b->p.electronic = true;
}

/* pupils by degree; 0 = degree not given */
static void add_school(pb *b, const char *fase, int d1, int d2, int d3, int d4)
{
    tp_school *s = &b->schools[b->p.n_schools++];
    s->fase = (tp_str){(char *)fase, 10};
    int v[4] = {d1, d2, d3, d4};
    for (int i = 0; i < 4; i++)
        if (v[i])
            s->pupils[i] = (tp_num){v[i], 20 + i, true};
}

/* unit_cents < 0: catalogue default. Lot N sits on line 100 × N. */
static tp_lot_wish *add_lot(pb *b, tp_device dev, long qty, tp_cents unit_cents)
{
    size_t n = b->p.n_lots++;
    tp_lot_wish *w = &b->lots[n];
    w->device = dev;
    w->line = w->device_line = (int)(100 * (n + 1));
    w->quantity = (tp_num){qty, w->line + 1, true};
    if (unit_cents >= 0)
        w->unit_estimate = (tp_amount){unit_cents, w->line + 2, true};
    w->options = b->options[n];
    w->overrides = b->overrides[n];
    w->allocations = b->allocs[n];
    return w;
}

/* years/qty 0 = not given; unit < 0 = catalogue default */
static void add_option(pb *b, size_t lot, tp_option_kind kind, int years, long qty, tp_cents unit)
{
    tp_lot_wish *w = &b->lots[lot];
    tp_option *o = &b->options[lot][w->n_options++];
    o->kind = kind;
    o->line = w->line + 10 + (int)w->n_options;
    if (years)
        o->years = (tp_num){years, o->line, true};
    if (qty)
        o->quantity = (tp_num){qty, o->line, true};
    if (unit >= 0)
        o->unit_estimate = (tp_amount){unit, o->line, true};
}

static void add_override(pb *b, size_t lot, const char *ref, const char *value, int line)
{
    tp_lot_wish *w = &b->lots[lot];
    tp_override *o = &b->overrides[lot][w->n_overrides++];
    o->ref = (tp_str){(char *)ref, line};
    o->value = (tp_str){(char *)value, line};
    o->line = line;
}

static void add_alloc(pb *b, size_t lot, const char *fase, long qty)
{
    tp_lot_wish *w = &b->lots[lot];
    tp_allocation *a = &b->allocs[lot][w->n_allocations++];
    a->school = (tp_str){(char *)fase, 50};
    a->quantity = (tp_num){qty, 50, true};
    a->line = 50;
}

static void add_weight(pb *b, const char *criterion, int weight)
{
    tp_weight *w = &b->weights[b->p.n_weights++];
    w->criterion = (tp_str){(char *)criterion, 60};
    w->weight = (tp_num){weight, 60, true};
    w->line = 60;
}

/* A one-school PO buying one laptop at that price (HTVA). */
static void pb_one_laptop(pb *b, tp_cents price)
{
    pb_init(b);
    add_school(b, "29", 400, 0, 0, 0);
    add_lot(b, TP_DEV_LAPTOP, 1, price);
}

static tp_tender *derive_ok(void **state, const pb *b)
{
    fixture *f = *state;
    tp_diags d;
    tp_diags_init(&d);
    tp_tender *t = NULL;
    tp_err err = tp_derive(&t, &b->p, f->rules, f->cat, &d);
    if (err != TP_OK)
        tp_diags_print(&d, stderr);
    assert_int_equal(err, TP_OK);
    assert_int_equal(d.nerrors, 0);
    tp_diags_dispose(&d);
    return t;
}

static tp_err derive_fail(void **state, const pb *b, tp_diags *d)
{
    fixture *f = *state;
    tp_tender *t = (tp_tender *)1;
    tp_err err = tp_derive(&t, &b->p, f->rules, f->cat, d);
    assert_null(t);
    return err;
}

static const tp_diag *find_diag(const tp_diags *d, const char *field, const char *msg_part)
{
    for (size_t i = 0; i < d->n; i++)
        if ((!field || (d->v[i].field && strcmp(d->v[i].field, field) == 0)) &&
            (!msg_part || strstr(d->v[i].msg, msg_part)))
            return &d->v[i];
    return NULL;
}

/* ---- schools and the 5 % rule ------------------------------------------------ */

static void test_derive__school_figures(void **state)
{
    pb b;
    pb_init(&b);
    add_school(&b, "29", 180, 160, 150, 0); /* 490 pupils: 24.5 → 25 devices */
    add_school(&b, "31", 21, 0, 0, 0);      /* 21 pupils: 1.05 → 2 devices */
    add_lot(&b, TP_DEV_LAPTOP, 27, -1);
    tp_tender *t = derive_ok(state, &b);

    assert_int_equal(t->n_schools, 2);
    assert_ptr_equal(t->schools[0].school, &b.schools[0]);
    assert_int_equal(t->schools[0].pupils, 490);
    assert_int_equal(t->schools[0].pupils_degrees_2_4, 310);
    assert_int_equal(t->schools[0].minimum_stock, 25);
    assert_int_equal(t->schools[0].subsidy_cap, 1225000); /* 490 × 25.00 € */
    assert_int_equal(t->schools[1].pupils, 21);
    assert_int_equal(t->schools[1].pupils_degrees_2_4, 0);
    assert_int_equal(t->schools[1].minimum_stock, 2);
    assert_int_equal(t->schools[1].subsidy_cap, 52500);
    assert_int_equal(t->pupils, 511);
    assert_int_equal(t->pupils_degrees_2_4, 310);
    assert_int_equal(t->minimum_stock, 27); /* Σ per school, not ceil(5 % × 511) = 26 */
    assert_int_equal(t->subsidy_cap, 1277500);
    assert_int_equal(t->devices, 27);
    assert_string_equal(t->reference, "MON-2026-042");
    assert_ptr_equal(t->profile, &b.p);
    tp_tender_free(t);
}

/* ---- lots, options, aggregation -------------------------------------------------- */

static void test_derive__lot_defaults_and_options(void **state)
{
    pb b;
    pb_init(&b);
    add_school(&b, "29", 600, 600, 0, 0);
    add_lot(&b, TP_DEV_LAPTOP, 60, -1);
    add_option(&b, 0, TP_OPT_EXTENDED_WARRANTY, 4, 0, -1); /* 1 year beyond the base 3 */
    add_option(&b, 0, TP_OPT_ACCIDENTAL_DAMAGE, 2, 0, -1);
    add_option(&b, 0, TP_OPT_CHARGING_CART, 0, 0, -1);
    add_option(&b, 0, TP_OPT_PROTECTIVE_SLEEVE, 0, 0, -1);
    tp_tender *t = derive_ok(state, &b);

    const tp_lot *lot = &t->lots[0];
    assert_int_equal(lot->number, 1);
    assert_string_equal(lot->id, "LOT-0001");
    assert_int_equal(lot->device, TP_DEV_LAPTOP);
    assert_string_equal(lot->title, "Ordinateurs portables Windows");
    assert_string_equal(lot->cpv_main, "30213100-6");
    assert_int_equal(lot->quantity, 60);
    assert_int_equal(lot->unit_estimate, 48000);
    assert_int_equal(lot->n_options, 4);

    const tp_lot_option_t *o = &lot->options[0];
    assert_int_equal(o->kind, TP_OPT_EXTENDED_WARRANTY);
    assert_int_equal(o->years, 4);
    assert_int_equal(o->quantity, 60);
    assert_int_equal(o->unit_estimate, 4500); /* 45.00 × 1 extra year */
    assert_int_equal(o->estimate, 270000);
    assert_string_equal(o->label, "Extension de la garantie à 4 ans (1 an au-delà de la "
                                  "garantie de base de 3 ans)");
    o = &lot->options[1];
    assert_int_equal(o->years, 2);
    assert_int_equal(o->unit_estimate, 6000); /* 30.00 × 2 years */
    assert_int_equal(o->estimate, 360000);
    assert_string_equal(o->label, "Couverture de la casse accidentelle pendant 2 ans");
    o = &lot->options[2];
    assert_int_equal(o->years, 0);
    assert_int_equal(o->quantity, 2); /* ceil(60 / 30) */
    assert_int_equal(o->estimate, 240000);
    o = &lot->options[3];
    assert_int_equal(o->quantity, 60);
    assert_int_equal(o->estimate, 108000);

    /* 28 800 + 2 700 + 3 600 + 2 400 + 1 080 */
    assert_int_equal(lot->estimate, 3858000);
    assert_int_equal(t->estimate_htva, 3858000);
    assert_true(lot->n_reqs > 10);
    assert_true(lot->n_scored > 5);
    tp_tender_free(t);
}

static void test_derive__option_overrides_and_cart_rounding(void **state)
{
    pb b;
    pb_init(&b);
    add_school(&b, "29", 600, 600, 0, 0);
    add_lot(&b, TP_DEV_TABLET, 61, 32000); /* tablet base warranty: 2 years */
    add_option(&b, 0, TP_OPT_CHARGING_CART, 0, 0, -1);
    add_option(&b, 0, TP_OPT_EXTENDED_WARRANTY, 4, 50, 4000); /* per device and extra year */
    tp_tender *t = derive_ok(state, &b);
    const tp_lot *lot = &t->lots[0];
    assert_int_equal(lot->unit_estimate, 32000);
    assert_int_equal(lot->options[0].quantity, 3); /* ceil(61 / 30) */
    assert_int_equal(lot->options[1].quantity, 50);
    assert_int_equal(lot->options[1].unit_estimate, 8000); /* 40.00 × 2 extra years */
    assert_int_equal(lot->options[1].estimate, 400000);
    assert_int_equal(lot->estimate, 61 * 32000 + 3 * 120000 + 400000);
    tp_tender_free(t);
}

static void test_derive__po_aggregation(void **state)
{
    pb b;
    pb_init(&b);
    add_school(&b, "29", 300, 200, 0, 0);
    add_school(&b, "31", 200, 100, 0, 0);
    add_lot(&b, TP_DEV_LAPTOP, 40, -1);       /* 19 200.00 */
    add_lot(&b, TP_DEV_CHROMEBOOK, 30, -1);   /*  9 000.00 */
    add_lot(&b, TP_DEV_ACCESSORIES, 100, -1); /* 2 000.00 */
    add_alloc(&b, 0, "29", 25);
    add_alloc(&b, 0, "31", 15);
    add_alloc(&b, 1, "31", 30);
    add_alloc(&b, 2, "29", 100); /* accessories are not devices */
    tp_tender *t = derive_ok(state, &b);

    assert_int_equal(t->n_lots, 3);
    assert_string_equal(t->lots[1].id, "LOT-0002");
    assert_string_equal(t->lots[2].id, "LOT-0003");
    assert_string_equal(t->lots[1].cpv_extra[0], "48000000-8");
    assert_int_equal(t->lots[2].n_cpv_extra, 3);
    assert_int_equal(t->lots[0].estimate, 1920000);
    assert_int_equal(t->lots[1].estimate, 900000);
    assert_int_equal(t->lots[2].estimate, 200000);
    /* Every lot is below 30 000 € but the PO-wide sum is not: no faible montant. */
    assert_int_equal(t->estimate_htva, 3020000);
    assert_int_equal(t->procedure, TP_PROC_PNSPP);
    assert_true(t->procedure_chosen);
    assert_int_equal(t->devices, 70);
    assert_int_equal(t->schools[0].devices_allocated, 25);
    assert_int_equal(t->schools[1].devices_allocated, 45);
    assert_string_equal(t->lots[0].allocs[1].school_fase, "31");
    assert_int_equal(t->lots[0].n_allocs, 2);
    assert_string_equal(t->cpv_main, "30213100-6"); /* the biggest lot's */
    tp_tender_free(t);
}

/* ---- estimate and VAT ----------------------------------------------------------- */

static void test_derive__vat_rounding(void **state)
{
    static const struct {
        tp_cents htva, tva;
    } cases[] = {
        {123450, 25925}, /* 259.245 → 259.25 (half up) */
        {10002, 2100},   /* 21.0042 → 21.00 */
        {50, 11},        /* 0.105 → 0.11 */
        {2, 0},          /* 0.0042 → 0.00 */
        {1000000, 210000},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pb b;
        pb_one_laptop(&b, cases[i].htva);
        tp_tender *t = derive_ok(state, &b);
        assert_int_equal(t->vat_rate, 21);
        assert_int_equal(t->estimate_htva, cases[i].htva);
        assert_int_equal(t->estimate_tva, cases[i].tva);
        assert_int_equal(t->estimate_tvac, cases[i].htva + cases[i].tva);
        tp_tender_free(t);
    }
}

/* ---- thresholds and procedures ----------------------------------------------------- */

typedef struct band_case {
    tp_date publication;
    tp_authority authority;
    tp_cents estimate;
    tp_procedure procedure;
    tp_publication publication_kind;
    const char *period;
} band_case;

static void check_band(void **state, const band_case *c)
{
    pb b;
    pb_one_laptop(&b, c->estimate);
    b.p.publication.v = c->publication;
    b.p.po.authority = c->authority;
    tp_tender *t = derive_ok(state, &b);
    assert_int_equal(t->procedure, c->procedure);
    assert_int_equal(t->publication, c->publication_kind);
    assert_string_equal(t->thresholds->id, c->period);
    bool above = c->publication_kind == TP_PUB_TED;
    assert_int_equal(t->above_eu_threshold, above);
    assert_int_equal(t->espd_required, above);
    tp_tender_free(t);
}

static void test_derive__thresholds_2026_at_one_cent(void **state)
{
    const tp_date p = day(2026, 3, 2);
    const tp_authority sub = TP_AUTH_SUB_CENTRAL, cen = TP_AUTH_CENTRAL;
    const band_case cases[] = {
        {p, sub, 2999999, TP_PROC_FAIBLE_MONTANT, TP_PUB_NONE, "2026-2027"},
        {p, sub, 3000000, TP_PROC_PNSPP, TP_PUB_NONE, "2026-2027"},
        {p, sub, 13999999, TP_PROC_PNSPP, TP_PUB_NONE, "2026-2027"},
        {p, sub, 14000000, TP_PROC_PNDAPP, TP_PUB_BDA, "2026-2027"},
        {p, sub, 21599999, TP_PROC_PNDAPP, TP_PUB_BDA, "2026-2027"},
        {p, sub, 21600000, TP_PROC_OPEN, TP_PUB_TED, "2026-2027"},
        {p, cen, 13999999, TP_PROC_PNSPP, TP_PUB_NONE, "2026-2027"},
        {p, cen, 14000000, TP_PROC_OPEN, TP_PUB_TED, "2026-2027"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_band(state, &cases[i]);

    pb b;
    pb_one_laptop(&b, 14000000);
    b.p.po.authority = TP_AUTH_CENTRAL;
    tp_tender *t = derive_ok(state, &b);
    assert_int_equal(t->eu_threshold, 14000000);
    tp_tender_free(t);
    b.p.po.authority = TP_AUTH_SUB_CENTRAL;
    t = derive_ok(state, &b);
    assert_int_equal(t->eu_threshold, 21600000);
    tp_tender_free(t);
}

static void test_derive__thresholds_2025_and_period_boundary(void **state)
{
    const tp_date p = day(2025, 6, 2);
    const tp_authority sub = TP_AUTH_SUB_CENTRAL;
    const band_case cases[] = {
        {p, sub, 2999999, TP_PROC_FAIBLE_MONTANT, TP_PUB_NONE, "2024-2025"},
        {p, sub, 14299999, TP_PROC_PNSPP, TP_PUB_NONE, "2024-2025"},
        {p, sub, 14300000, TP_PROC_PNDAPP, TP_PUB_BDA, "2024-2025"},
        {p, sub, 22099999, TP_PROC_PNDAPP, TP_PUB_BDA, "2024-2025"},
        {p, sub, 22100000, TP_PROC_OPEN, TP_PUB_TED, "2024-2025"},
        {p, TP_AUTH_CENTRAL, 14300000, TP_PROC_OPEN, TP_PUB_TED, "2024-2025"},
        /* 141 000 € and 218 000 €: the band depends on the day of publication. */
        {day(2025, 12, 31), sub, 14100000, TP_PROC_PNSPP, TP_PUB_NONE, "2024-2025"},
        {day(2026, 1, 1), sub, 14100000, TP_PROC_PNDAPP, TP_PUB_BDA, "2026-2027"},
        {day(2025, 12, 31), sub, 21800000, TP_PROC_PNDAPP, TP_PUB_BDA, "2024-2025"},
        {day(2026, 1, 1), sub, 21800000, TP_PROC_OPEN, TP_PUB_TED, "2026-2027"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_band(state, &cases[i]);
}

static void test_derive__publication_date_not_covered(void **state)
{
    pb b;
    pb_one_laptop(&b, 48000);
    b.p.publication.v = day(2028, 2, 1);
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(derive_fail(state, &b, &d), TP_EINVALID);
    const tp_diag *e = find_diag(&d, "dates/publication", "no threshold period");
    assert_non_null(e);
    assert_string_equal(e->file, "profile.xml");
    assert_int_equal(e->line, 90);
    assert_non_null(strstr(e->msg, "templates/thresholds.xml"));
    assert_non_null(strstr(e->msg, "2028-02-01"));
    assert_non_null(strstr(e->msg, "2024-01-01..2025-12-31, 2026-01-01..2027-12-31"));
    assert_non_null(strstr(e->hint, "add a <period>"));
    tp_diags_dispose(&d);
}

static void test_derive__requested_procedure(void **state)
{
    pb b;
    tp_tender *t;
    /* Allowed requests are kept, and the engine says it did not choose. */
    pb_one_laptop(&b, 2999999);
    b.p.procedure = TP_PROC_FAIBLE_MONTANT;
    t = derive_ok(state, &b);
    assert_int_equal(t->procedure, TP_PROC_FAIBLE_MONTANT);
    assert_false(t->procedure_chosen);
    tp_tender_free(t);

    pb_one_laptop(&b, 100000); /* 1 000 €, open procedure anyway: BDA, 30 days */
    b.p.procedure = TP_PROC_OPEN;
    t = derive_ok(state, &b);
    assert_int_equal(t->procedure, TP_PROC_OPEN);
    assert_int_equal(t->publication, TP_PUB_BDA);
    assert_int_equal(t->minimum_days, 30);
    assert_false(t->espd_required);
    tp_tender_free(t);

    const struct {
        tp_procedure p;
        tp_cents est;
        const char *limit;
    } refused[] = {
        {TP_PROC_FAIBLE_MONTANT, 3000000, "30000.00"},
        {TP_PROC_PNSPP, 14000000, "140000.00"},
        {TP_PROC_PNDAPP, 21600000, "216000.00"},
    };
    for (size_t i = 0; i < 3; i++) {
        pb_one_laptop(&b, refused[i].est);
        b.p.procedure = refused[i].p;
        tp_diags d;
        tp_diags_init(&d);
        assert_int_equal(derive_fail(state, &b, &d), TP_EINVALID);
        const tp_diag *e = find_diag(&d, "procedure", refused[i].limit);
        assert_non_null(e);
        assert_int_equal(e->line, 92);
        assert_non_null(strstr(e->hint, "use auto"));
        tp_diags_dispose(&d);
    }
}

/* ---- dates ---------------------------------------------------------------------------- */

static void check_deadline(void **state, tp_cents est, bool electronic, tp_date pub, int min_days,
                           tp_date deadline, int applied, int offset, int standstill)
{
    pb b;
    pb_one_laptop(&b, est);
    b.p.publication.v = pub;
    b.p.electronic = electronic;
    b.p.delivery.v = day(2027, 6, 1);
    tp_tender *t = derive_ok(state, &b);
    assert_int_equal(t->minimum_days, min_days);
    assert_int_equal(tp_date_cmp(t->deadline, deadline), 0);
    assert_int_equal(t->applied_days, applied);
    assert_int_equal(t->deadline_hour, 10);
    assert_int_equal(t->deadline_utc_offset, offset);
    assert_int_equal(t->standstill_days, standstill);
    assert_int_equal(t->validity_days, 90);
    assert_int_equal(tp_date_cmp(t->publication_date, pub), 0);
    tp_tender_free(t);
}

static void test_derive__deadlines(void **state)
{
    const tp_cents open = 30000000, pndapp = 15000000, pnspp = 5000000, faible = 1000000;
    /* Open, electronic: 35 − 5 = 30 days; Wed 1 April 2026 is summer time. */
    check_deadline(state, open, true, day(2026, 3, 2), 30, day(2026, 4, 1), 30, 120, 15);
    /* Open, on paper: 35 days → Mon 6 April, Easter Monday (a legal holiday) → Tue 7 April. */
    check_deadline(state, open, false, day(2026, 3, 2), 35, day(2026, 4, 7), 36, 120, 15);
    /* PNDAPP 22 days: Fri 25 December, Christmas → Mon 28 December. */
    check_deadline(state, pndapp, true, day(2026, 12, 3), 22, day(2026, 12, 28), 25, 60, 15);
    /* PNDAPP 22 days: Sat 28 March → Mon 30 March (+2), the day after the switch to summer time. */
    check_deadline(state, pndapp, true, day(2026, 3, 6), 22, day(2026, 3, 30), 24, 120, 15);
    /* Sun 29 March → Mon 30 March (+1). */
    check_deadline(state, pndapp, true, day(2026, 3, 7), 22, day(2026, 3, 30), 23, 120, 15);
    /* Sat 24 October → Mon 26 October: back to winter time (25 October). */
    check_deadline(state, pndapp, true, day(2026, 10, 2), 22, day(2026, 10, 26), 24, 60, 15);
    /* PNSPP default 15 days: Thu 15 January, winter. */
    check_deadline(state, pnspp, true, day(2025, 12, 31), 15, day(2026, 1, 15), 15, 60, 15);
    /* Faible montant: 10 days, no standstill. */
    check_deadline(state, faible, true, day(2026, 1, 5), 10, day(2026, 1, 15), 10, 60, 0);
}

static void test_derive__pure_helpers(void **state)
{
    fixture *f = *state;
    tp_date d = tp_deadline_date(day(2026, 3, 6), 22);
    assert_int_equal(tp_date_cmp(d, day(2026, 3, 30)), 0);
    assert_int_equal(tp_minimum_days(f->rules, TP_PROC_OPEN, true), 30);
    assert_int_equal(tp_minimum_days(f->rules, TP_PROC_OPEN, false), 35);
    assert_int_equal(tp_minimum_days(f->rules, TP_PROC_PNDAPP, false), 22);
    const tp_thresholds *th = tp_rules_for_date(f->rules, day(2026, 5, 1));
    assert_true(tp_procedure_allowed(TP_PROC_OPEN, th, TP_AUTH_SUB_CENTRAL, 1));
    assert_false(tp_procedure_allowed(TP_PROC_AUTO, th, TP_AUTH_SUB_CENTRAL, 1));
    assert_false(tp_procedure_allowed(TP_PROC_PNSPP, th, TP_AUTH_CENTRAL, 14000000));
    assert_int_equal(tp_procedure_for_estimate(th, TP_AUTH_SUB_CENTRAL, 0), TP_PROC_FAIBLE_MONTANT);
}

/* ---- requirement overrides --------------------------------------------------------------- */

static const tp_requirement *lot_req(const tp_lot *lot, const char *id)
{
    for (size_t i = 0; i < lot->n_reqs; i++)
        if (strcmp(lot->reqs[i].id, id) == 0)
            return &lot->reqs[i];
    return NULL;
}

static void test_derive__overrides_tighten(void **state)
{
    pb b;
    pb_one_laptop(&b, -1);
    add_override(&b, 0, "ram", "16", 140);
    add_override(&b, 0, "weight", "1.5", 141);
    add_override(&b, 0, "wifi", "wifi7", 142);
    add_override(&b, 0, "keyboard-layout", "azerty-be", 143);
    add_override(&b, 0, "warranty", "4", 144);
    add_option(&b, 0, TP_OPT_EXTENDED_WARRANTY, 5, 0, -1);
    tp_tender *t = derive_ok(state, &b);
    const tp_lot *lot = &t->lots[0];
    const tp_requirement *r = lot_req(lot, "ram");
    assert_true(r->tightened);
    assert_int_equal(r->min.num, 16);
    assert_true(lot_req(lot, "weight")->tightened);
    assert_int_equal(lot_req(lot, "wifi")->n_choices, 1);
    assert_false(lot_req(lot, "keyboard-layout")->tightened);
    assert_false(lot_req(lot, "storage")->tightened);
    /* The extended warranty now goes from the tightened 4 years to 5. */
    assert_int_equal(lot->options[0].unit_estimate, 4500);
    assert_string_equal(lot->options[0].label, "Extension de la garantie à 5 ans (1 an au-delà de "
                                               "la garantie de base de 4 ans)");
    /* And the warranty criterion starts from the lots' highest base warranty. */
    const tp_criterion *w = &t->criteria[2];
    assert_string_equal(w->id, "warranty");
    assert_int_equal(w->floor.num, 4);
    assert_int_equal(w->target.num, 6);
    tp_tender_free(t);
}

static void test_derive__overrides_refused_all_reported(void **state)
{
    pb b;
    pb_one_laptop(&b, -1);
    add_override(&b, 0, "ram", "4", 140);         /* loosens ≥ 8 GB */
    add_override(&b, 0, "colour", "blue", 141);   /* unknown */
    add_override(&b, 0, "screen", "12..16", 142); /* widens 13.3..15.6 */
    add_override(&b, 0, "battery", "long", 143);  /* not a number */
    add_override(&b, 0, "ram", "12", 144);        /* twice */
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(derive_fail(state, &b, &d), TP_EINVALID);
    assert_int_equal(d.nerrors, 5);

    const tp_diag *e =
        find_diag(&d, "equipment/lot[1]/requirements/requirement[@ref='ram']", "loosen");
    assert_non_null(e);
    assert_string_equal(e->file, "profile.xml");
    assert_int_equal(e->line, 140);
    assert_string_equal(e->msg, "4 would loosen the catalogue minimum (>= 8 GB)");
    assert_string_equal(e->hint, "an override may only tighten: give a value >= 8 GB");

    e = find_diag(&d, "equipment/lot[1]/requirements/requirement[@ref='colour']", NULL);
    assert_non_null(e);
    assert_int_equal(e->line, 141);
    assert_string_equal(e->msg, "the catalogue has no requirement 'colour' for laptop lots");
    assert_non_null(strstr(e->hint, "cpu-benchmark, ram, storage"));

    e = find_diag(&d, "equipment/lot[1]/requirements/requirement[@ref='screen']", NULL);
    assert_non_null(e);
    assert_string_equal(e->msg, "12..16 would widen the catalogue range (13.3..15.6 in)");
    assert_non_null(
        find_diag(&d, "equipment/lot[1]/requirements/requirement[@ref='battery']", "not a number"));
    e = find_diag(&d, "equipment/lot[1]/requirements/requirement[@ref='ram']", "more than once");
    assert_non_null(e);
    assert_int_equal(e->line, 144);
    tp_diags_dispose(&d);
}

static void test_derive__option_problems(void **state)
{
    pb b;
    pb_init(&b);
    add_school(&b, "29", 400, 0, 0, 0);
    add_lot(&b, TP_DEV_LAPTOP, 20, -1);
    add_option(&b, 0, TP_OPT_EXTENDED_WARRANTY, 3, 0, -1); /* not beyond the base 3 years */
    add_lot(&b, TP_DEV_ACCESSORIES, 20, -1);
    add_option(&b, 1, TP_OPT_CHARGING_CART, 0, 0, -1); /* not offered for accessories */
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(derive_fail(state, &b, &d), TP_EINVALID);
    assert_int_equal(d.nerrors, 2);
    const tp_diag *e =
        find_diag(&d, "equipment/lot[1]/options/option[1]", "base warranty of 3 years");
    assert_non_null(e);
    assert_int_equal(e->line, 111);
    assert_non_null(find_diag(&d, "equipment/lot[2]/options/option[1]",
                              "charging-cart is not offered for accessories lots"));
    tp_diags_dispose(&d);
}

/* ---- award criteria ------------------------------------------------------------------------ */

static void test_derive__award_defaults(void **state)
{
    pb b;
    pb_one_laptop(&b, -1);
    tp_tender *t = derive_ok(state, &b);
    assert_int_equal(t->n_criteria, 4);
    assert_string_equal(t->criteria[0].id, "price");
    assert_int_equal(t->criteria[0].weight, 60);
    assert_int_equal(t->criteria[0].formula, TP_FORMULA_PRICE_RATIO);
    assert_string_equal(t->criteria[0].label, "Prix");
    assert_string_equal(t->criteria[0].formula_text,
                        "Note prix = (prix régulier le plus bas ÷ prix de l'offre) × 60");
    assert_int_equal(t->criteria[1].weight, 25);
    assert_int_equal(t->criteria[1].formula, TP_FORMULA_TECH_POINTS);
    assert_int_equal(t->criteria[2].weight, 10);
    assert_int_equal(t->criteria[2].floor.num, 3);
    assert_int_equal(t->criteria[2].target.num, 5);
    assert_string_equal(t->criteria[2].unit, "years");
    assert_string_equal(t->criteria[2].formula_text,
                        "Note garantie = (garantie offerte en années − 3) ÷ (5 − 3) × 10, avec un "
                        "minimum de 0 et un maximum de 10");
    assert_int_equal(t->criteria[3].weight, 5);
    assert_int_equal(t->criteria[3].floor.num, 42);
    assert_int_equal(t->criteria[3].target.num, 14);
    assert_string_equal(t->criteria[3].formula_text,
                        "Note délai = (42 − délai de livraison offert en jours) ÷ (42 − 14) × 5, "
                        "avec un minimum de 0 et un maximum de 5");
    tp_tender_free(t);
}

static void test_derive__award_from_profile(void **state)
{
    pb b;
    pb_init(&b);
    add_school(&b, "29", 400, 0, 0, 0);
    add_lot(&b, TP_DEV_TABLET, 20, -1); /* base warranty 2 years */
    add_weight(&b, "technical", 20);
    add_weight(&b, "price", 70);
    add_weight(&b, "warranty", 10);
    tp_tender *t = derive_ok(state, &b);
    assert_int_equal(t->n_criteria, 3);              /* delivery has weight 0: not published */
    assert_string_equal(t->criteria[0].id, "price"); /* catalogue order */
    assert_int_equal(t->criteria[0].weight, 70);
    assert_string_equal(t->criteria[0].formula_text,
                        "Note prix = (prix régulier le plus bas ÷ prix de l'offre) × 70");
    assert_int_equal(t->criteria[1].weight, 20);
    assert_int_equal(t->criteria[2].floor.num, 2);
    assert_int_equal(t->criteria[2].target.num, 4);
    tp_tender_free(t);
}

/* ---- notes ------------------------------------------------------------------------------------ */

static void test_derive__notes(void **state)
{
    pb b;
    pb_init(&b);
    add_school(&b, "29", 200, 0, 0, 0); /* cap 200 × 25 € = 5 000 € */
    add_lot(&b, TP_DEV_LAPTOP, 10, -1); /* 4 800 € HTVA, 5 808 € TVAC */
    b.p.budget = (tp_amount){500000, 80, true};
    b.p.publication.v = day(2026, 3, 2); /* faible montant: deadline Thu 12 March */
    b.p.delivery.v = day(2026, 3, 20);   /* before 12 March + 0 + 10 days = 22 March */
    tp_tender *t = derive_ok(state, &b);
    assert_int_equal(t->procedure, TP_PROC_FAIBLE_MONTANT);
    assert_int_equal(t->budget_tvac, 500000);
    assert_int_equal(t->n_notes, 3);
    assert_string_equal(t->notes[0], "Le budget indiqué (5\u00a0000,00\u00a0€ TVAC) est inférieur "
                                     "à l'estimation du marché (5\u00a0808,00\u00a0€ TVAC) : il "
                                     "manque 808,00\u00a0€.");
    assert_string_equal(t->notes[1],
                        "L'estimation du marché (5\u00a0808,00\u00a0€ TVAC) dépasse "
                        "le plafond de la subvention du volet 1 (5\u00a0000,00\u00a0€, "
                        "soit 5 % des 200 élèves × 500 €) : le solde de 808,00\u00a0€ "
                        "reste à la charge du pouvoir organisateur.");
    assert_string_equal(t->notes[2], "La livraison souhaitée le 20 mars 2026 est antérieure au 22 "
                                     "mars 2026 (date limite de remise des offres, plus 10 jours "
                                     "pour évaluer les offres) : "
                                     "prévoyez une livraison à partir de cette date.");
    tp_tender_free(t);

    /* A published procedure adds the standstill; counts get a thousands separator. */
    pb_init(&b);
    add_school(&b, "29", 1000, 470, 0, 0); /* cap 36 750 € */
    add_lot(&b, TP_DEV_LAPTOP, 300, -1);   /* 144 000 € HTVA: PNDAPP, 22 days */
    b.p.delivery.v = day(2026, 4, 18);     /* Tue 24 March + 15 + 10 = Sat 18 April: not before */
    t = derive_ok(state, &b);
    assert_int_equal(t->procedure, TP_PROC_PNDAPP);
    assert_int_equal(t->n_notes, 1);
    assert_non_null(strstr(t->notes[0], "soit 5 % des 1\u00a0470 élèves"));
    tp_tender_free(t);
    b.p.delivery.v = day(2026, 4, 17);
    t = derive_ok(state, &b);
    assert_int_equal(t->n_notes, 2);
    assert_string_equal(t->notes[1], "La livraison souhaitée le 17 avril 2026 est antérieure au 18 "
                                     "avril 2026 (date limite de remise des offres, plus 15 jours "
                                     "de délai d'attente et 10 jours pour évaluer les offres) : "
                                     "prévoyez une livraison à partir de cette date.");
    tp_tender_free(t);

    /* Enough budget, a cap above the estimate and a late delivery: no notes. */
    pb_init(&b);
    add_school(&b, "29", 1000, 0, 0, 0); /* cap 25 000 € */
    add_lot(&b, TP_DEV_LAPTOP, 10, -1);
    b.p.budget = (tp_amount){580800, 80, true}; /* exactly the estimate TVAC */
    b.p.delivery.v = day(2026, 3, 22);
    t = derive_ok(state, &b);
    assert_int_equal(t->n_notes, 0);
    tp_tender_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_derive__school_figures),
        cmocka_unit_test(test_derive__lot_defaults_and_options),
        cmocka_unit_test(test_derive__option_overrides_and_cart_rounding),
        cmocka_unit_test(test_derive__po_aggregation),
        cmocka_unit_test(test_derive__vat_rounding),
        cmocka_unit_test(test_derive__thresholds_2026_at_one_cent),
        cmocka_unit_test(test_derive__thresholds_2025_and_period_boundary),
        cmocka_unit_test(test_derive__publication_date_not_covered),
        cmocka_unit_test(test_derive__requested_procedure),
        cmocka_unit_test(test_derive__deadlines),
        cmocka_unit_test(test_derive__pure_helpers),
        cmocka_unit_test(test_derive__overrides_tighten),
        cmocka_unit_test(test_derive__overrides_refused_all_reported),
        cmocka_unit_test(test_derive__option_problems),
        cmocka_unit_test(test_derive__award_defaults),
        cmocka_unit_test(test_derive__award_from_profile),
        cmocka_unit_test(test_derive__notes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
