/* Profile → tender. Each static function below derives one part of the tender
 * and reports problems with the profile's file, line and field. The rules and
 * their sources are listed in docs/RULES.md. */
#include "derive.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check/ident.h"
#include "../core/buf.h"
#include "../core/mem.h"
#include "../core/money.h"

/* Amounts above this (10^13 €) are refused, so sums of a few of them never overflow. */
#define MONEY_MAX ((tp_cents)1000000000000000LL)
/* Days the evaluation needs between the end of the standstill and delivery. */
#define EVALUATION_DAYS 10
#define DEADLINE_HOUR 10

typedef struct ctx {
    const tp_profile *p;
    const tp_rules *r;
    const tp_catalogue *c;
    tp_diags *d;
    const char *file;
    size_t errors_before;
    tp_tender *t;
} ctx;

static bool failed(const ctx *x)
{
    return x->d->nerrors > x->errors_before;
}

/* ---- small helpers ------------------------------------------------------ */

/* a × b in cents, or false when it leaves 0..MONEY_MAX. */
static bool cents_mul(tp_cents a, long long b, tp_cents *out)
{
    if (a < 0 || b < 0 || (b != 0 && a > MONEY_MAX / b))
        return false;
    *out = a * b;
    return true;
}

static bool cents_add(tp_cents a, tp_cents b, tp_cents *out)
{
    if (a < 0 || b < 0 || a > MONEY_MAX - b)
        return false;
    *out = a + b;
    return true;
}

/* Replaces each {key} of tmpl by its value; unknown placeholders stay as they are. */
static char *expand(const char *tmpl, const char *const *keys, const char *const *vals, size_t n)
{
    tp_buf b;
    tp_buf_init(&b);
    for (const char *s = tmpl ? tmpl : ""; *s;) {
        bool done = false;
        if (*s == '{')
            for (size_t i = 0; i < n && !done; i++) {
                size_t len = strlen(keys[i]);
                if (strncmp(s + 1, keys[i], len) == 0 && s[1 + len] == '}') {
                    tp_buf_puts(&b, vals[i]);
                    s += len + 2;
                    done = true;
                }
            }
        if (!done)
            tp_buf_putc(&b, *s++);
    }
    return tp_buf_detach(&b);
}

/* "1 an", "3 ans" */
static const char *years_fr(char buf[24], long years)
{
    snprintf(buf, 24, "%ld an%s", years, years == 1 ? "" : "s");
    return buf;
}

/* "1 470" with a no-break space between thousands, as French text writes counts. */
static const char *count_fr(char buf[32], long n)
{
    char digits[24];
    int len = snprintf(digits, sizeof digits, "%ld", n < 0 ? 0 : n);
    char *o = buf;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0) {
            *o++ = (char)0xC2; /* U+00A0, UTF-8 */
            *o++ = (char)0xA0;
        }
        *o++ = digits[i];
    }
    *o = '\0';
    return buf;
}

static const char *money_plain(char buf[32], tp_cents c)
{
    return tp_money_format(buf, c);
}

static void add_note(tp_tender *t, char *note)
{
    t->notes = xrealloc(t->notes, (t->n_notes + 1) * sizeof *t->notes);
    t->notes[t->n_notes++] = note;
}

static char *str_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *str_printf(const char *fmt, ...)
{
    tp_buf b;
    tp_buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    tp_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return tp_buf_detach(&b);
}

/* ---- pure rules (exported for tests and other stages) ------------------- */

tp_cents tp_eu_threshold(const tp_thresholds *t, tp_authority authority)
{
    return authority == TP_AUTH_CENTRAL ? t->eu_central : t->eu_sub_central;
}

/* PNSPP is never available at or above the EU threshold, even if a table says otherwise. */
static tp_cents pnspp_limit(const tp_thresholds *t, tp_authority authority)
{
    tp_cents eu = tp_eu_threshold(t, authority);
    return t->pnspp < eu ? t->pnspp : eu;
}

tp_procedure tp_procedure_for_estimate(const tp_thresholds *t, tp_authority authority,
                                       tp_cents estimate)
{
    if (estimate < t->faible_montant)
        return TP_PROC_FAIBLE_MONTANT;
    if (estimate < pnspp_limit(t, authority))
        return TP_PROC_PNSPP;
    if (estimate < tp_eu_threshold(t, authority))
        return TP_PROC_PNDAPP;
    return TP_PROC_OPEN;
}

/* The estimate must stay below this for proc; -1 when there is no ceiling. */
static tp_cents procedure_ceiling(tp_procedure proc, const tp_thresholds *t, tp_authority authority)
{
    switch (proc) {
    case TP_PROC_FAIBLE_MONTANT: return t->faible_montant;
    case TP_PROC_PNSPP: return pnspp_limit(t, authority);
    case TP_PROC_PNDAPP: return tp_eu_threshold(t, authority);
    case TP_PROC_OPEN:
    case TP_PROC_AUTO:
    case TP_PROC_COUNT: break;
    }
    return -1;
}

bool tp_procedure_allowed(tp_procedure proc, const tp_thresholds *t, tp_authority authority,
                          tp_cents estimate)
{
    if (proc == TP_PROC_AUTO || proc >= TP_PROC_COUNT)
        return false;
    tp_cents ceiling = procedure_ceiling(proc, t, authority);
    return ceiling < 0 || estimate < ceiling;
}

int tp_minimum_days(const tp_rules *r, tp_procedure proc, bool electronic)
{
    switch (proc) {
    case TP_PROC_OPEN: return r->open_days - (electronic ? r->electronic_reduction : 0);
    case TP_PROC_PNDAPP: return r->pndapp_days;
    case TP_PROC_PNSPP: return r->pnspp_days;
    case TP_PROC_FAIBLE_MONTANT: return r->faible_days;
    case TP_PROC_AUTO:
    case TP_PROC_COUNT: break;
    }
    return 0;
}

tp_date tp_deadline_date(tp_date publication, int days)
{
    /* A time limit ending on a Saturday, Sunday or legal holiday runs to the
     * next working day. */
    return tp_next_working_day(tp_date_add_days(publication, days));
}

/* ---- schools ------------------------------------------------------------ */

static void derive_schools(ctx *x)
{
    const tp_profile *p = x->p;
    tp_tender *t = x->t;
    t->schools = xcalloc(p->n_schools ? p->n_schools : 1, sizeof *t->schools);
    t->n_schools = p->n_schools;
    for (size_t i = 0; i < p->n_schools; i++) {
        const tp_school *s = &p->schools[i];
        tp_school_figures *f = &t->schools[i];
        f->school = s;
        for (int deg = 0; deg < 4; deg++) {
            if (!s->pupils[deg].set)
                continue;
            f->pupils += (long)s->pupils[deg].v;
            if (deg >= 1)
                f->pupils_degrees_2_4 += (long)s->pupils[deg].v;
        }
        f->minimum_stock = tp_minimum_stock(f->pupils);
        f->subsidy_cap = tp_subsidy_cap(f->pupils);
        t->pupils += f->pupils;
        t->pupils_degrees_2_4 += f->pupils_degrees_2_4;
        t->minimum_stock += f->minimum_stock;
        t->subsidy_cap += f->subsidy_cap;
    }
}

/* Devices allocated to each school by the device lots (accessories are not devices). */
static void count_allocations(ctx *x)
{
    tp_tender *t = x->t;
    for (size_t l = 0; l < t->n_lots; l++) {
        const tp_lot *lot = &t->lots[l];
        if (lot->device == TP_DEV_ACCESSORIES)
            continue;
        t->devices += lot->quantity;
        for (size_t a = 0; a < lot->n_allocs; a++)
            for (size_t s = 0; s < t->n_schools; s++) {
                const char *fase = t->schools[s].school->fase.s;
                if (fase && lot->allocs[a].school_fase &&
                    strcmp(fase, lot->allocs[a].school_fase) == 0)
                    t->schools[s].devices_allocated += lot->allocs[a].quantity;
            }
    }
}

/* ---- requirements overrides --------------------------------------------- */

static char *override_hint(const tp_requirement *req)
{
    char *bound = tp_requirement_bound_text(req);
    char *hint = NULL;
    switch (req->op) {
    case TP_OP_GE: hint = str_printf("an override may only tighten: give a value %s", bound); break;
    case TP_OP_LE: hint = str_printf("an override may only tighten: give a value %s", bound); break;
    case TP_OP_RANGE:
        hint = str_printf("an override may only tighten: give MIN..MAX inside %s", bound);
        break;
    case TP_OP_ONEOF:
        hint = str_printf("an override may only tighten: give some of the catalogue choices "
                          "separated by | (%s)",
                          bound);
        break;
    case TP_OP_EQ:
    case TP_OP_BOOL:
    case TP_OP_COUNT:
        hint = str_printf("this requirement cannot be changed: remove the override");
        break;
    }
    free(bound);
    return hint;
}

static tp_requirement *lot_requirement(tp_lot *lot, const char *id)
{
    for (size_t i = 0; id && i < lot->n_reqs; i++)
        if (strcmp(lot->reqs[i].id, id) == 0)
            return &lot->reqs[i];
    return NULL;
}

static void apply_overrides(ctx *x, const tp_lot_wish *w, tp_lot *lot)
{
    for (size_t k = 0; k < w->n_overrides; k++) {
        const tp_override *ov = &w->overrides[k];
        const char *ref = ov->ref.s ? ov->ref.s : "";
        char field[160];
        snprintf(field, sizeof field, "equipment/lot[%d]/requirements/requirement[@ref='%s']",
                 lot->number, ref);
        int line = ov->line ? ov->line : ov->ref.line;

        bool repeated = false;
        for (size_t j = 0; j < k; j++)
            repeated =
                repeated || (w->overrides[j].ref.s && strcmp(w->overrides[j].ref.s, ref) == 0);
        if (repeated) {
            tp_diag_error(x->d, x->file, line, field, "keep one override per requirement",
                          "requirement %s is overridden more than once in this lot", ref);
            continue;
        }
        tp_requirement *req = lot_requirement(lot, ref);
        if (!req) {
            tp_buf known;
            tp_buf_init(&known);
            for (size_t i = 0; i < lot->n_reqs; i++)
                tp_buf_printf(&known, "%s%s", i ? ", " : "", lot->reqs[i].id);
            char *hint = str_printf("use one of: %s", tp_buf_cstr(&known));
            tp_diag_error(x->d, x->file, line, field, hint,
                          "the catalogue has no requirement '%s' for %s lots", ref,
                          tp_device_code(lot->device));
            free(hint);
            tp_buf_dispose(&known);
            continue;
        }
        char *why = NULL;
        char *hint = override_hint(req); /* before tightening: it names the catalogue bound */
        if (!tp_requirement_tighten(req, ov->value.s, &why))
            tp_diag_error(x->d, x->file, ov->value.line ? ov->value.line : line, field, hint, "%s",
                          why);
        else if (strcmp(req->id, TP_WARRANTY_REQ) == 0 && req->op == TP_OP_GE &&
                 req->min.scale != 0)
            tp_diag_error(x->d, x->file, line, field, "give a whole number of years",
                          "the warranty must be a whole number of years, not %s", ov->value.s);
        free(why);
        free(hint);
    }
}

/* Base warranty of a lot in whole years (its "warranty" requirement), or -1. */
static long base_warranty_years(const tp_lot *lot)
{
    for (size_t i = 0; i < lot->n_reqs; i++) {
        const tp_requirement *r = &lot->reqs[i];
        if (strcmp(r->id, TP_WARRANTY_REQ) == 0 && r->op == TP_OP_GE && r->min.scale == 0)
            return (long)r->min.num;
    }
    return -1;
}

/* ---- options ------------------------------------------------------------ */

static void derive_option(ctx *x, const tp_device_entry *e, const tp_option *o, size_t k,
                          tp_lot *lot, tp_lot_option_t *out)
{
    char field[96];
    snprintf(field, sizeof field, "equipment/lot[%d]/options/option[%zu]", lot->number, k + 1);
    const char *code = tp_option_code(o->kind);
    const tp_option_def *def = tp_device_option(e, o->kind);
    if (!def) {
        char hint[160];
        snprintf(hint, sizeof hint, "remove it, or add it to <device id=\"%s\"> in %s",
                 tp_device_code(lot->device), x->c->origin ? x->c->origin : "the catalogue");
        tp_diag_error(x->d, x->file, o->line, field, hint, "option %s is not offered for %s lots",
                      code, tp_device_code(lot->device));
        return;
    }
    out->kind = o->kind;
    tp_cents per = o->unit_estimate.set ? o->unit_estimate.v : def->unit_estimate;
    long long years = o->years.set ? o->years.v : 0;
    long base = base_warranty_years(lot), extra = 0;
    long long factor = 1; /* unit estimate per device = per × factor */
    char y[24], ex[24], b[24], dev[24];

    switch (def->basis) {
    case TP_BASIS_DEVICE_EXTRA_YEAR:
        if (!o->years.set || base < 0) {
            tp_diag_error(x->d, x->file, o->line, field,
                          "add years=\"N\" (the total warranty wanted, in years)",
                          base < 0 ? "the lot has no whole-years warranty requirement to extend"
                                   : "%s needs the total number of warranty years",
                          code);
            return;
        }
        if (years <= base) {
            char hint[96];
            snprintf(hint, sizeof hint, "set years above %ld, or drop the option", base);
            tp_diag_error(
                x->d, x->file, o->years.line ? o->years.line : o->line, field, hint,
                "%s to %lld years does not go beyond the lot's base warranty of %ld years", code,
                years, base);
            return;
        }
        extra = (long)(years - base);
        factor = extra;
        break;
    case TP_BASIS_DEVICE_YEAR:
        if (!o->years.set || years < 1) {
            tp_diag_error(x->d, x->file, o->line, field, "add years=\"N\" (1 to 6)",
                          "%s needs a number of years", code);
            return;
        }
        factor = years;
        break;
    case TP_BASIS_DEVICE:
    case TP_BASIS_ITEM:
    case TP_BASIS_COUNT:
        years = 0; /* not a duration option */
        break;
    }
    out->years = (int)years;
    if (o->quantity.set)
        out->quantity = (long)o->quantity.v;
    else if (def->basis == TP_BASIS_ITEM)
        out->quantity = (lot->quantity + def->devices_per_item - 1) / def->devices_per_item;
    else
        out->quantity = lot->quantity;
    if (!cents_mul(per, factor, &out->unit_estimate) ||
        !cents_mul(out->unit_estimate, out->quantity, &out->estimate)) {
        tp_diag_error(x->d, x->file, o->line, field, "check the quantity and unit estimate",
                      "the estimate of option %s is too large", code);
        return;
    }
    snprintf(dev, sizeof dev, "%d", def->devices_per_item);
    const char *keys[] = {"years", "extra", "base", "devices"};
    const char *vals[] = {years_fr(y, (long)years), years_fr(ex, extra), years_fr(b, base), dev};
    out->label = expand(def->label, keys, vals, 4);
}

static void derive_options(ctx *x, const tp_device_entry *e, const tp_lot_wish *w, tp_lot *lot)
{
    lot->options = xcalloc(w->n_options ? w->n_options : 1, sizeof *lot->options);
    for (size_t k = 0; k < w->n_options; k++) {
        const tp_option *o = &w->options[k];
        bool repeated = false;
        for (size_t j = 0; j < k; j++)
            repeated = repeated || w->options[j].kind == o->kind;
        if (repeated) {
            char field[96];
            snprintf(field, sizeof field, "equipment/lot[%d]/options/option[%zu]", lot->number,
                     k + 1);
            tp_diag_error(x->d, x->file, o->line, field, "keep one option of each kind per lot",
                          "option %s appears more than once in this lot", tp_option_code(o->kind));
            continue;
        }
        tp_lot_option_t *out = &lot->options[lot->n_options];
        derive_option(x, e, o, k, lot, out);
        if (out->label) /* set only when the option was derived */
            lot->n_options++;
        else
            memset(out, 0, sizeof *out);
    }
}

/* ---- lots --------------------------------------------------------------- */

static void derive_lot(ctx *x, size_t i, tp_lot *lot)
{
    const tp_lot_wish *w = &x->p->lots[i];
    lot->number = (int)i + 1;
    lot->device = w->device;
    char buf[32];
    snprintf(buf, sizeof buf, "LOT-%04d", lot->number);
    lot->id = xstrdup(buf);

    const tp_device_entry *e = tp_catalogue_device(x->c, w->device);
    if (!e) {
        char field[64];
        snprintf(field, sizeof field, "equipment/lot[%d]/@device", lot->number);
        tp_diag_error(x->d, x->file, w->device_line ? w->device_line : w->line, field,
                      "add the device to the catalogue (templates/requirements.xml)",
                      "device %s is not in the catalogue %s", tp_device_code(w->device),
                      x->c->origin ? x->c->origin : "");
        return;
    }
    lot->title = xstrdup(w->title.s ? w->title.s : e->title);
    lot->cpv_main = xstrdup(e->cpv_main);
    lot->n_cpv_extra = e->n_cpv_extra;
    lot->cpv_extra = xcalloc(e->n_cpv_extra ? e->n_cpv_extra : 1, sizeof *lot->cpv_extra);
    for (size_t k = 0; k < e->n_cpv_extra; k++)
        lot->cpv_extra[k] = xstrdup(e->cpv_extra[k]);
    lot->quantity = w->quantity.set ? (long)w->quantity.v : 0;
    lot->unit_estimate = w->unit_estimate.set ? w->unit_estimate.v : e->unit_estimate;

    lot->reqs = xcalloc(e->n_reqs ? e->n_reqs : 1, sizeof *lot->reqs);
    for (size_t k = 0; k < e->n_reqs; k++)
        tp_requirement_copy(&lot->reqs[k], &e->reqs[k]);
    lot->n_reqs = e->n_reqs;
    apply_overrides(x, w, lot);
    lot->scored = xcalloc(e->n_scored ? e->n_scored : 1, sizeof *lot->scored);
    for (size_t k = 0; k < e->n_scored; k++)
        tp_scored_copy(&lot->scored[k], &e->scored[k]);
    lot->n_scored = e->n_scored;

    lot->allocs = xcalloc(w->n_allocations ? w->n_allocations : 1, sizeof *lot->allocs);
    for (size_t k = 0; k < w->n_allocations; k++) {
        lot->allocs[k].school_fase = xstrdup(w->allocations[k].school.s);
        lot->allocs[k].quantity = (long)w->allocations[k].quantity.v;
    }
    lot->n_allocs = w->n_allocations;

    derive_options(x, e, w, lot);

    char field[64];
    snprintf(field, sizeof field, "equipment/lot[%d]/quantity", lot->number);
    tp_cents total;
    bool ok = lot->quantity >= 1 && cents_mul(lot->unit_estimate, lot->quantity, &total);
    for (size_t k = 0; ok && k < lot->n_options; k++)
        ok = cents_add(total, lot->options[k].estimate, &total);
    if (!ok)
        tp_diag_error(x->d, x->file, w->quantity.line ? w->quantity.line : w->line, field,
                      "give a quantity of at least 1 and a realistic unit estimate",
                      "the lot estimate cannot be computed (quantity %ld)", lot->quantity);
    else
        lot->estimate = total;
}

static void derive_lots(ctx *x)
{
    const tp_profile *p = x->p;
    tp_tender *t = x->t;
    t->lots = xcalloc(p->n_lots ? p->n_lots : 1, sizeof *t->lots);
    t->n_lots = p->n_lots;
    const tp_lot *biggest = NULL;
    for (size_t i = 0; i < p->n_lots; i++) {
        derive_lot(x, i, &t->lots[i]);
        if (!biggest || t->lots[i].estimate > biggest->estimate)
            biggest = &t->lots[i];
        if (!cents_add(t->estimate_htva, t->lots[i].estimate, &t->estimate_htva))
            tp_diag_error(x->d, x->file, p->lots[i].line, "equipment",
                          "check the quantities and unit estimates",
                          "the total estimate is too large");
    }
    t->cpv_main = xstrdup(biggest ? biggest->cpv_main : NULL);
    count_allocations(x);
}

/* ---- estimate, procedure, publication ----------------------------------- */

static void derive_estimate(ctx *x)
{
    tp_tender *t = x->t;
    t->vat_rate = x->r->vat_rate;
    t->estimate_tva = tp_money_percent(t->estimate_htva, t->vat_rate);
    t->estimate_tvac = t->estimate_htva + t->estimate_tva;
    t->budget_tvac = x->p->budget.set ? x->p->budget.v : 0;
}

static void report_uncovered_date(ctx *x)
{
    tp_buf periods;
    tp_buf_init(&periods);
    for (size_t i = 0; i < x->r->n_periods; i++) {
        char a[11], b[11];
        tp_buf_printf(&periods, "%s%s..%s", i ? ", " : "",
                      tp_date_format(a, x->r->periods[i].valid_from),
                      tp_date_format(b, x->r->periods[i].valid_to));
    }
    char pub[11];
    char *hint = str_printf("choose a publication date inside a covered period, or add a <period> "
                            "for it to %s",
                            x->r->origin ? x->r->origin : "templates/thresholds.xml");
    tp_diag_error(x->d, x->file, x->p->publication.line, "dates/publication", hint,
                  "no threshold period in %s covers the publication date %s (covered: %s)",
                  x->r->origin ? x->r->origin : "templates/thresholds.xml",
                  tp_date_format(pub, x->p->publication.v),
                  x->r->n_periods ? tp_buf_cstr(&periods) : "none");
    free(hint);
    tp_buf_dispose(&periods);
}

static void derive_procedure(ctx *x)
{
    const tp_profile *p = x->p;
    tp_tender *t = x->t;
    if (!p->publication.set) {
        tp_diag_error(x->d, x->file, p->line, "dates/publication",
                      "add <publication>YYYY-MM-DD</publication>",
                      "the planned publication date is missing");
        return;
    }
    t->publication_date = p->publication.v;
    const tp_thresholds *th = tp_rules_for_date(x->r, p->publication.v);
    if (!th) {
        report_uncovered_date(x);
        return;
    }
    t->thresholds = th;
    t->eu_threshold = tp_eu_threshold(th, p->po.authority);
    tp_procedure best = tp_procedure_for_estimate(th, p->po.authority, t->estimate_htva);
    if (p->procedure == TP_PROC_AUTO) {
        t->procedure = best;
        t->procedure_chosen = true;
    } else if (tp_procedure_allowed(p->procedure, th, p->po.authority, t->estimate_htva)) {
        t->procedure = p->procedure;
    } else {
        char est[32], limit[32];
        char *hint =
            str_printf("use auto (it would choose %s) or a more formal procedure such as open",
                       tp_procedure_code(best));
        tp_diag_error(x->d, x->file, p->procedure_line, "procedure", hint,
                      "%s requires an estimate below %s EUR excl. VAT (period %s), but the PO-wide "
                      "estimate is %s EUR excl. VAT",
                      tp_procedure_code(p->procedure),
                      money_plain(limit, procedure_ceiling(p->procedure, th, p->po.authority)),
                      th->id, money_plain(est, t->estimate_htva));
        free(hint);
        t->procedure = best; /* keep deriving so every other problem is reported too */
    }
    t->above_eu_threshold = t->estimate_htva >= t->eu_threshold;
    t->espd_required = t->above_eu_threshold;
    if (t->procedure == TP_PROC_FAIBLE_MONTANT || t->procedure == TP_PROC_PNSPP)
        t->publication = TP_PUB_NONE;
    else
        t->publication = t->above_eu_threshold ? TP_PUB_TED : TP_PUB_BDA;
}

/* ---- dates -------------------------------------------------------------- */

static void derive_dates(ctx *x)
{
    const tp_profile *p = x->p;
    tp_tender *t = x->t;
    if (!p->publication.set || !t->thresholds)
        return; /* already reported */
    t->minimum_days = tp_minimum_days(x->r, t->procedure, p->electronic);
    t->deadline = tp_deadline_date(p->publication.v, t->minimum_days);
    t->applied_days = (int)tp_date_diff(t->deadline, p->publication.v);
    t->deadline_hour = DEADLINE_HOUR;
    t->deadline_utc_offset = tp_brussels_offset_minutes(t->deadline);
    t->validity_days = x->r->validity_days;
    t->standstill_days = t->procedure == TP_PROC_FAIBLE_MONTANT ? 0 : x->r->standstill_days;
    if (p->delivery.set)
        t->delivery_date = p->delivery.v;
    else
        tp_diag_error(x->d, x->file, p->line, "dates/delivery",
                      "add <delivery>YYYY-MM-DD</delivery>", "the wanted delivery date is missing");
}

/* ---- award criteria ----------------------------------------------------- */

static long highest_base_warranty(const tp_tender *t)
{
    long best = -1;
    for (size_t i = 0; i < t->n_lots; i++) {
        long b = base_warranty_years(&t->lots[i]);
        if (b > best)
            best = b;
    }
    return best;
}

static void add_criterion(ctx *x, const tp_award_default *a, int weight)
{
    tp_tender *t = x->t;
    tp_criterion *c = &t->criteria[t->n_criteria++];
    *c = a->c;
    c->id = xstrdup(a->c.id);
    c->label = xstrdup(a->c.label);
    c->unit = xstrdup(a->c.unit);
    c->weight = weight;
    if (a->above_base_warranty > 0) {
        long base = highest_base_warranty(t);
        if (base < 0)
            base = 0;
        c->floor = (tp_dec){base, 0};
        c->target = (tp_dec){base + a->above_base_warranty, 0};
    }
    char w[16], f[32], g[32];
    snprintf(w, sizeof w, "%d", weight);
    const char *keys[] = {"weight", "floor", "target"};
    const char *vals[] = {w, tp_dec_format(f, c->floor), tp_dec_format(g, c->target)};
    c->formula_text = expand(a->c.formula_text, keys, vals, 3);
}

static void derive_criteria(ctx *x)
{
    const tp_profile *p = x->p;
    const tp_catalogue *cat = x->c;
    tp_tender *t = x->t;
    t->criteria = xcalloc(cat->n_award ? cat->n_award : 1, sizeof *t->criteria);
    for (size_t k = 0; k < p->n_weights; k++) {
        const tp_weight *w = &p->weights[k];
        if (!tp_catalogue_award(cat, w->criterion.s)) {
            char field[48];
            snprintf(field, sizeof field, "award/criterion[%zu]", k + 1);
            tp_diag_error(x->d, x->file, w->line, field,
                          "use price, technical, warranty or delivery",
                          "unknown award criterion '%s'", w->criterion.s ? w->criterion.s : "");
        }
    }
    /* Catalogue order, so the published list never depends on the profile's order. */
    for (size_t i = 0; i < cat->n_award; i++) {
        const tp_award_default *a = &cat->award[i];
        int weight = a->c.weight;
        if (p->n_weights > 0) {
            weight = 0;
            for (size_t k = 0; k < p->n_weights; k++)
                if (p->weights[k].criterion.s && strcmp(p->weights[k].criterion.s, a->c.id) == 0)
                    weight = (int)p->weights[k].weight.v;
        }
        if (weight > 0)
            add_criterion(x, a, weight);
    }
}

/* ---- notes for the PO (French) ------------------------------------------ */

static void derive_notes(ctx *x)
{
    const tp_profile *p = x->p;
    tp_tender *t = x->t;
    char a[48], b[48], c[48], d1[32], d2[32], n[32];

    if (p->budget.set && t->budget_tvac < t->estimate_tvac)
        add_note(t, str_printf("Le budget indiqué (%s TVAC) est inférieur à l'estimation du marché "
                               "(%s TVAC) : il manque %s.",
                               tp_money_format_fr(a, t->budget_tvac),
                               tp_money_format_fr(b, t->estimate_tvac),
                               tp_money_format_fr(c, t->estimate_tvac - t->budget_tvac)));

    if (t->estimate_tvac > t->subsidy_cap)
        add_note(t,
                 str_printf("L'estimation du marché (%s TVAC) dépasse le plafond de la subvention "
                            "du volet 1 (%s, soit 5 %% des %s élèves × 500 €) : le solde de %s "
                            "reste à la charge du pouvoir organisateur.",
                            tp_money_format_fr(a, t->estimate_tvac),
                            tp_money_format_fr(b, t->subsidy_cap), count_fr(n, t->pupils),
                            tp_money_format_fr(c, t->estimate_tvac - t->subsidy_cap)));

    if (t->thresholds && p->delivery.set) {
        tp_date earliest = tp_date_add_days(t->deadline, t->standstill_days + EVALUATION_DAYS);
        char standstill[64] = "";
        if (t->standstill_days > 0)
            snprintf(standstill, sizeof standstill, " %d jours de délai d'attente et",
                     t->standstill_days);
        if (tp_date_cmp(p->delivery.v, earliest) < 0)
            add_note(t,
                     str_printf("La livraison souhaitée le %s est antérieure au %s (date limite de "
                                "remise des offres, plus%s %d jours pour évaluer les offres) : "
                                "prévoyez une livraison à partir de cette date.",
                                tp_date_format_fr(d1, p->delivery.v),
                                tp_date_format_fr(d2, earliest), standstill, EVALUATION_DAYS));
    }
}

/* ---- entry point -------------------------------------------------------- */

tp_err tp_derive(tp_tender **out, const tp_profile *p, const tp_rules *r, const tp_catalogue *c,
                 tp_diags *d)
{
    *out = NULL;
    ctx x = {p, r, c, d, p->source ? p->source : "<profile>", d->nerrors, NULL};
    x.t = xcalloc(1, sizeof *x.t);
    x.t->profile = p;
    x.t->reference = xstrdup(p->reference.s);

    derive_schools(&x);
    derive_lots(&x);
    derive_estimate(&x);
    derive_procedure(&x);
    derive_dates(&x);
    derive_criteria(&x);
    derive_notes(&x);

    if (failed(&x)) {
        tp_tender_free(x.t);
        return TP_EINVALID;
    }
    *out = x.t;
    return TP_OK;
}
