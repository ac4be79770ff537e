#include "check.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../check/ident.h"
#include "../core/buf.h"
#include "../core/mem.h"
#include "score.h"

__extension__ typedef __int128 i128;

/* ------------------------------------------------------------------ findings */

void tp_findings_add(tp_findings *f, const char *code, tp_fsev sev, const char *ref, int line,
                     const char *fmt, ...)
{
    tp_buf m;
    tp_buf_init(&m);
    va_list ap;
    va_start(ap, fmt);
    tp_buf_vprintf(&m, fmt, ap);
    va_end(ap);
    tp_grow((void **)&f->v, &f->cap, f->n, sizeof *f->v);
    tp_finding *x = &f->v[f->n++];
    x->code = code;
    x->sev = sev;
    x->ref = xstrdup(ref);
    x->line = line;
    x->msg = tp_buf_detach(&m);
}

void tp_findings_dispose(tp_findings *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].ref);
        free(f->v[i].msg);
    }
    free(f->v);
    memset(f, 0, sizeof *f);
}

bool tp_findings_has(const tp_findings *f, const char *code)
{
    for (size_t i = 0; i < f->n; i++)
        if (!strcmp(f->v[i].code, code))
            return true;
    return false;
}

bool tp_findings_substantial(const tp_findings *f)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].sev == TP_FS_SUBSTANTIAL)
            return true;
    return false;
}

const char *tp_fsev_code(tp_fsev s)
{
    static const char *const codes[TP_FS_COUNT] = {"substantial", "minor", "correction", "warning",
                                                   "info"};
    return (unsigned)s < TP_FS_COUNT ? codes[s] : "info";
}

static const char AR[] = "AR du 18 avril 2017";

const char *tp_finding_basis(const char *code)
{
    static const struct {
        const char *code, *basis;
    } table[] = {
        {"BID-XML", "AR du 18 avril 2017, art. 76 (engagement incertain)"},
        {"BID-SCHEMA", "AR du 18 avril 2017, art. 76 (engagement incertain)"},
        {"BID-REFERENCE", "AR du 18 avril 2017, art. 76 (offre étrangère au marché)"},
        {"BID-LATE", "AR du 18 avril 2017, art. 83 (offre tardive) et art. 76"},
        {"BID-SIGNATORY", "AR du 18 avril 2017, art. 44 et art. 76 (signature)"},
        {"BID-VAT", "AR du 18 avril 2017, art. 76 (irrégularité non substantielle)"},
        {"BID-LOT-UNKNOWN", "Cahier spécial des charges, division en lots"},
        {"BID-REGULARISATION", "AR du 18 avril 2017, art. 76, § 5 (régularisation)"},
        {"REQ-FAIL", "AR du 18 avril 2017, art. 76 (exigence minimale)"},
        {"REQ-MISSING", "AR du 18 avril 2017, art. 76 (exigence minimale)"},
        {"REQ-VALUE", "AR du 18 avril 2017, art. 76 (exigence minimale)"},
        {"REQ-UNIT", "AR du 18 avril 2017, art. 76 (exigence minimale)"},
        {"SCORE-MISSING", "Cahier spécial des charges, critères d'attribution"},
        {"SCORE-VALUE", "Cahier spécial des charges, critères d'attribution"},
        {"VALUE-UNKNOWN", "Cahier spécial des charges, spécifications techniques"},
        {"PRICE-LINE", "AR du 18 avril 2017, art. 34 (erreurs arithmétiques)"},
        {"PRICE-TOTAL", "AR du 18 avril 2017, art. 34 (erreurs arithmétiques)"},
        {"PRICE-VAT", "AR du 18 avril 2017, art. 34 (erreurs arithmétiques)"},
        {"PRICE-QUANTITY", "AR du 18 avril 2017, art. 76 (offre incomplète)"},
        {"PRICE-LINE-MISSING", "AR du 18 avril 2017, art. 76 (offre incomplète)"},
        {"PRICE-LINE-UNKNOWN", "AR du 18 avril 2017, art. 76 (offre non comparable)"},
        {"OPTION-MISSING", "AR du 18 avril 2017, art. 76 (offre incomplète)"},
        {"OPTION-YEARS", "AR du 18 avril 2017, art. 76 (offre non conforme)"},
        {"OPTION-UNKNOWN", "Cahier spécial des charges, options"},
        {"PRICE-OVER-ESTIMATE", "Estimation du marché (lot)"},
        {"PRICE-OVER-BUDGET", "Budget du pouvoir adjudicateur"},
        {"PRICE-ABNORMAL", "AR du 18 avril 2017, art. 35 et 36 (prix anormalement bas)"},
        {"RANK-TIE", "Cahier spécial des charges, départage des offres"},
        {"EVAL-OVER-BUDGET", "Budget du pouvoir adjudicateur"},
        {"EVAL-SCORE-ROUNDED", "Méthode d'évaluation (docs/EVALUATION.md)"},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (!strcmp(table[i].code, code))
            return table[i].basis;
    return AR;
}

/* ------------------------------------------------------------------ helpers */

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool same_ci(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    for (; *a && *b; a++, b++)
        if (*a != *b && lower(*a) != lower(*b))
            return false;
    return *a == *b;
}

int tp_yes_no(const char *s)
{
    static const char *const yes[] = {"yes", "oui", "true", "1"};
    static const char *const no[] = {"no", "non", "false", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (same_ci(s, yes[i]))
            return 1;
        if (same_ci(s, no[i]))
            return 0;
    }
    return -1;
}

/* French decimal form of an exact fraction: "13,3", "≈13,307087". */
static const char *fr_num(char buf[40], tp_q q)
{
    tp_q_format(buf, q);
    for (char *p = buf; *p; p++)
        if (*p == '.')
            *p = ',';
    return buf;
}

static const char *fr_dec(char buf[40], tp_dec d)
{
    return fr_num(buf, tp_q_from_dec(d));
}

static const char *unit_sfx(const char *unit)
{
    return unit && *unit ? unit : "";
}

/* "4 Go (soit 4 GB)" or just "4 GB". */
static void describe_offer(tp_buf *b, const tp_bid_value *v, tp_q canon, const char *tender_unit)
{
    tp_buf_puts(b, v->text);
    if (v->unit && *v->unit)
        tp_buf_printf(b, " %s", v->unit);
    else if (tender_unit && *tender_unit)
        tp_buf_printf(b, " %s", tender_unit);
    if (v->unit && *v->unit && !tp_unit_same(v->unit, tender_unit)) {
        char n[40];
        tp_buf_printf(b, " (soit %s %s)", fr_num(n, canon), unit_sfx(tender_unit));
    }
}

static void describe_requirement(tp_buf *b, const tp_requirement *r)
{
    char x[40], y[40];
    const char *u = unit_sfx(r->unit);
    switch (r->op) {
    case TP_OP_GE: tp_buf_printf(b, "au moins %s%s%s", fr_dec(x, r->min), *u ? " " : "", u); break;
    case TP_OP_LE: tp_buf_printf(b, "au plus %s%s%s", fr_dec(x, r->max), *u ? " " : "", u); break;
    case TP_OP_RANGE:
        tp_buf_printf(b, "entre %s et %s%s%s", fr_dec(x, r->min), fr_dec(y, r->max), *u ? " " : "",
                      u);
        break;
    case TP_OP_EQ: tp_buf_printf(b, "« %s »", r->text ? r->text : ""); break;
    case TP_OP_ONEOF:
        tp_buf_puts(b, "l'une des valeurs ");
        for (size_t i = 0; i < r->n_choices; i++)
            tp_buf_printf(b, "%s« %s »", i ? ", " : "", r->choices[i]);
        break;
    case TP_OP_BOOL:
    case TP_OP_COUNT: tp_buf_puts(b, "« oui »"); break;
    }
}

static const char *unit_problem(tp_unit_status s)
{
    switch (s) {
    case TP_UNIT_UNKNOWN: return "unité inconnue";
    case TP_UNIT_INCOMPATIBLE: return "unité d'une autre grandeur";
    case TP_UNIT_RANGE: return "valeur hors limites après conversion";
    case TP_UNIT_OK: break;
    }
    return "unité non convertible";
}

/* ------------------------------------------------------------------ requirements */

/* The unit factor from the bid's unit to the tender's, remembered for the
 * last unit string seen (bids repeat the same "Go" 100 000 times):
 * tp_unit_factor is a pure function of the two names. */
static tp_unit_status memo_factor(tp_unit_memo *m, tp_unit_factor_t *out, const char *from,
                                  const char *to)
{
    if (m->valid && (from ? !m->from_null && strcmp(m->from, from) == 0 : m->from_null)) {
        *out = m->factor;
        return m->status;
    }
    tp_unit_status st = tp_unit_factor(out, from, to);
    size_t n = from ? strlen(from) : 0;
    if (n < sizeof m->from) {
        m->valid = true;
        m->from_null = !from;
        if (from)
            memcpy(m->from, from, n + 1);
        m->status = st;
        m->factor = *out;
    }
    return st;
}

/* tp_unit_convert, through the memo when there is one. */
static tp_unit_status convert(tp_unit_memo *m, tp_q *out, tp_q v, const char *from, const char *to)
{
    if (!m)
        return tp_unit_convert(out, v, from, to);
    tp_unit_factor_t uf;
    tp_unit_status st = memo_factor(m, &uf, from, to);
    return st != TP_UNIT_OK ? st : tp_unit_apply(out, v, &uf);
}

#define BELOW_2_32(x) ((x) > 0 && (x) < ((int64_t)1 << 32))

void tp_req_plan_init(tp_req_plan *p, const tp_requirement *r)
{
    memset(p, 0, sizeof *p);
    p->r = r;
    p->min = tp_q_from_dec(r->min);
    p->max = tp_q_from_dec(r->max);
    p->fast = (r->op == TP_OP_GE || r->op == TP_OP_LE || r->op == TP_OP_RANGE) &&
              p->min.num >= 0 && p->max.num >= 0 && BELOW_2_32(p->min.den) &&
              BELOW_2_32(p->max.den);
}

/* raw × factor against a bound, exactly, by cross products: raw has at most
 * 15 digits (< 2^50), factors and denominators are below 2^32, bounds below
 * 2^63, so both sides stay below 2^127. */
static int cmp_scaled(const tp_dec *raw, const tp_unit_factor_t *uf, tp_q bound)
{
    static const int64_t pow10[7] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    i128 l = (i128)raw->num * uf->num * bound.den;
    i128 r = (i128)bound.num * pow10[raw->scale] * uf->den;
    return l < r ? -1 : l > r;
}

/* The usual case without fractions: a number in a known unit that meets the
 * bounds. Anything else (an error, a failure: a finding to write) goes the
 * general way, which gives the same verdict. */
static bool passes_fast(tp_req_plan *p, const tp_bid_value *v)
{
    const tp_requirement *r = p->r;
    tp_dec raw;
    tp_unit_factor_t uf;
    if (!p->fast || !v || !v->text || !*v->text || !tp_value_parse_dec(&raw, v->text) ||
        raw.scale < 0 || raw.scale > 6 ||
        memo_factor(&p->unit, &uf, v->unit, r->unit) != TP_UNIT_OK)
        return false;
    /* no overflow in the general conversion either: it would say TP_UNIT_OK */
    if (!uf.identity &&
        (!BELOW_2_32(uf.num) || !BELOW_2_32(uf.den) || raw.num > INT64_MAX / uf.num))
        return false;
    return (r->op == TP_OP_LE || cmp_scaled(&raw, &uf, p->min) >= 0) &&
           (r->op == TP_OP_GE || cmp_scaled(&raw, &uf, p->max) <= 0);
}

void tp_scored_plan_init(tp_scored_plan *p, const tp_scored *s)
{
    memset(p, 0, sizeof *p);
    p->s = s;
    tp_linear_init(&p->scale, tp_q_from_dec(s->floor), tp_q_from_dec(s->target), s->max_points);
}

/* mn, mx: the bounds as fractions; memo: NULL, or the unit memo of a plan. */
static tp_req_result check_requirement(tp_findings *f, const tp_requirement *r,
                                       const tp_bid_value *v, tp_q mn, tp_q mx, tp_unit_memo *memo)
{
    tp_buf want; /* what the requirement asks, in French: built only for a finding */
    tp_buf_init(&want);
    tp_req_result res = TP_REQ_PASS;
    int line = v ? v->line : 0;
    if (!v || !v->text || !*v->text) {
        describe_requirement(&want, r);
        tp_findings_add(f, "REQ-MISSING", TP_FS_SUBSTANTIAL, r->id, line,
                        "%s : aucune valeur offerte (exigence minimale : %s).", r->label,
                        tp_buf_cstr(&want));
        res = TP_REQ_MISSING;
        goto cleanup;
    }
    bool ok = false;
    tp_q canon = {0, 1};
    switch (r->op) {
    case TP_OP_GE:
    case TP_OP_LE:
    case TP_OP_RANGE: {
        tp_q raw;
        if (!tp_value_parse(&raw, v->text)) {
            describe_requirement(&want, r);
            tp_findings_add(f, "REQ-VALUE", TP_FS_SUBSTANTIAL, r->id, line,
                            "%s : « %s » n'est pas un nombre (exigence minimale : %s).", r->label,
                            v->text, tp_buf_cstr(&want));
            res = TP_REQ_INVALID;
            goto cleanup;
        }
        tp_unit_status us = convert(memo, &canon, raw, v->unit, r->unit);
        if (us != TP_UNIT_OK) {
            tp_findings_add(f, "REQ-UNIT", TP_FS_SUBSTANTIAL, r->id, line,
                            "%s : %s « %s » ne se convertit pas en %s (%s).", r->label, v->text,
                            v->unit ? v->unit : "", *unit_sfx(r->unit) ? r->unit : "nombre sans unité",
                            unit_problem(us));
            res = TP_REQ_INVALID;
            goto cleanup;
        }
        ok = (r->op == TP_OP_LE || tp_q_cmp(canon, mn) >= 0) &&
             (r->op == TP_OP_GE || tp_q_cmp(canon, mx) <= 0);
        break;
    }
    case TP_OP_EQ: ok = same_ci(v->text, r->text); break;
    case TP_OP_ONEOF:
        for (size_t i = 0; i < r->n_choices && !ok; i++)
            ok = same_ci(v->text, r->choices[i]);
        break;
    case TP_OP_BOOL:
    case TP_OP_COUNT: {
        int yn = tp_yes_no(v->text);
        if (yn < 0) {
            tp_findings_add(f, "REQ-VALUE", TP_FS_SUBSTANTIAL, r->id, line,
                            "%s : « %s » n'est ni « oui » ni « non ».", r->label, v->text);
            res = TP_REQ_INVALID;
            goto cleanup;
        }
        ok = yn == 1;
        break;
    }
    }
    if (!ok) {
        describe_requirement(&want, r);
        tp_buf got;
        tp_buf_init(&got);
        if (r->op == TP_OP_GE || r->op == TP_OP_LE || r->op == TP_OP_RANGE)
            describe_offer(&got, v, canon, r->unit);
        else
            tp_buf_printf(&got, "« %s »", v->text);
        tp_findings_add(f, "REQ-FAIL", TP_FS_SUBSTANTIAL, r->id, line,
                        "%s : %s offert, exigence minimale non atteinte (%s).", r->label,
                        tp_buf_cstr(&got), tp_buf_cstr(&want));
        tp_buf_dispose(&got);
        res = TP_REQ_FAIL;
    }
cleanup:
    tp_buf_dispose(&want);
    return res;
}

tp_req_result tp_check_requirement(tp_findings *f, const tp_requirement *r, const tp_bid_value *v)
{
    return check_requirement(f, r, v, tp_q_from_dec(r->min), tp_q_from_dec(r->max), NULL);
}

tp_req_result tp_check_requirement_plan(tp_findings *f, tp_req_plan *p, const tp_bid_value *v)
{
    if (passes_fast(p, v))
        return TP_REQ_PASS;
    return check_requirement(f, p->r, v, p->min, p->max, &p->unit);
}

/* ------------------------------------------------------------------ scored criteria */

/* plan: NULL, or the prepared scale and unit memo of s. */
static void check_scored(tp_findings *f, tp_feature *feat, const tp_scored *s,
                         const tp_bid_value *v, tp_scored_plan *plan)
{
    memset(feat, 0, sizeof *feat);
    feat->points = tp_q_from_int(0);
    int line = v ? v->line : 0;
    if (!v || !v->text || !*v->text) {
        tp_findings_add(f, "SCORE-MISSING", TP_FS_WARNING, s->id, line,
                        "%s : aucune valeur offerte, 0 point sur %d.", s->label, s->max_points);
        return;
    }
    if (s->kind == TP_SCORE_YESNO) {
        int yn = tp_yes_no(v->text);
        if (yn < 0) {
            tp_findings_add(f, "SCORE-VALUE", TP_FS_WARNING, s->id, line,
                            "%s : « %s » n'est ni « oui » ni « non », 0 point sur %d.", s->label,
                            v->text, s->max_points);
            return;
        }
        feat->answered = true;
        feat->value = tp_q_from_int(yn);
        feat->points = tp_q_from_int(yn ? s->max_points : 0);
        return;
    }
    tp_q raw, canon;
    tp_unit_status us = TP_UNIT_OK;
    if (!tp_value_parse(&raw, v->text) ||
        (us = convert(plan ? &plan->unit : NULL, &canon, raw, v->unit, s->unit)) != TP_UNIT_OK) {
        tp_findings_add(f, "SCORE-VALUE", TP_FS_WARNING, s->id, line,
                        "%s : « %s%s%s » illisible en %s (%s), 0 point sur %d.", s->label, v->text,
                        v->unit ? " " : "", v->unit ? v->unit : "",
                        *unit_sfx(s->unit) ? s->unit : "nombre",
                        us != TP_UNIT_OK ? unit_problem(us) : "nombre attendu", s->max_points);
        return;
    }
    feat->answered = true;
    feat->value = canon;
    feat->points = plan ? tp_linear_points(&plan->scale, canon)
                        : tp_score_linear_points(canon, tp_q_from_dec(s->floor),
                                                 tp_q_from_dec(s->target), s->max_points);
}

void tp_check_scored(tp_findings *f, tp_feature *feat, const tp_scored *s, const tp_bid_value *v)
{
    check_scored(f, feat, s, v, NULL);
}

void tp_check_scored_plan(tp_findings *f, tp_feature *feat, tp_scored_plan *p,
                          const tp_bid_value *v)
{
    check_scored(f, feat, p->s, v, p);
}

/* ------------------------------------------------------------------ prices */

#define DEVICES_LINE "devices"

static const char *eur(char buf[48], tp_cents c)
{
    return tp_money_format_fr(buf, c);
}

/* Line arithmetic: returns the corrected total (quantity × unit price). The
 * line is named "what « name »" in the message, built only when needed. */
static tp_cents check_line_total(tp_offer *o, const char *ref, const char *what, const char *name,
                                 long long qty, tp_cents unit, tp_cents total, int line)
{
    tp_cents expect = (tp_cents)qty * unit;
    if (expect != total) {
        char a[48], b[48], c[48];
        tp_findings_add(&o->findings, "PRICE-LINE", TP_FS_CORRECTION, ref, line,
                        "%s « %s » : %lld × %s = %s et non %s ; total de la ligne corrigé.", what,
                        name, qty, eur(a, unit), eur(b, expect), eur(c, total));
        o->corrected = true;
    }
    return expect;
}

static const tp_lot_option_t *tender_option(const tp_lot *lot, int kind)
{
    for (size_t i = 0; i < lot->n_options; i++)
        if ((int)lot->options[i].kind == kind)
            return &lot->options[i];
    return NULL;
}

void tp_check_prices(tp_offer *o, const tp_lot *lot, const tp_bid_lot *bl, int vat_rate)
{
    tp_findings *f = &o->findings;
    tp_cents htva = 0;
    bool devices = false;
    char a[48], b[48], c[48], e[48];
    for (size_t i = 0; i < bl->n_lines; i++) {
        const tp_bid_line *ln = &bl->lines[i];
        if (!ln->ref || strcmp(ln->ref, DEVICES_LINE) != 0) {
            tp_findings_add(f, "PRICE-LINE-UNKNOWN", TP_FS_SUBSTANTIAL, ln->ref, ln->line,
                            "Ligne « %s » inconnue de l'inventaire du lot %d (seule la ligne "
                            "« " DEVICES_LINE " » est prévue) : prix non comparable.",
                            ln->ref ? ln->ref : "", lot->number);
            continue;
        }
        if (devices) {
            tp_findings_add(f, "PRICE-LINE-UNKNOWN", TP_FS_SUBSTANTIAL, ln->ref, ln->line,
                            "Ligne « " DEVICES_LINE " » donnée deux fois : prix non comparable.");
            continue;
        }
        devices = true;
        if (ln->quantity != lot->quantity)
            tp_findings_add(f, "PRICE-QUANTITY", TP_FS_SUBSTANTIAL, ln->ref, ln->line,
                            "Quantité offerte %lld au lieu de %ld exigée pour le lot %d.",
                            ln->quantity, lot->quantity, lot->number);
        htva += check_line_total(o, ln->ref, "Ligne", DEVICES_LINE, ln->quantity, ln->unit_price,
                                 ln->total, ln->line);
    }
    if (!devices)
        tp_findings_add(f, "PRICE-LINE-MISSING", TP_FS_SUBSTANTIAL, DEVICES_LINE, bl->line,
                        "L'inventaire du lot %d n'a pas de ligne « " DEVICES_LINE " » : pas de prix "
                        "pour l'équipement.",
                        lot->number);

    for (size_t i = 0; i < lot->n_options; i++) {
        const tp_lot_option_t *to = &lot->options[i];
        const char *kind = tp_option_code(to->kind);
        const tp_bid_option *bo = NULL;
        for (size_t k = 0; k < bl->n_options && !bo; k++)
            if (bl->options[k].kind == (int)to->kind)
                bo = &bl->options[k];
        if (!bo) {
            tp_findings_add(f, "OPTION-MISSING", TP_FS_SUBSTANTIAL, kind, bl->line,
                            "Option exigée non chiffrée : %s.", to->label);
            continue;
        }
        if (to->years > 0 && bo->years != to->years)
            tp_findings_add(f, "OPTION-YEARS", TP_FS_SUBSTANTIAL, kind, bo->line,
                            "Option « %s » offerte pour %lld an(s) au lieu de %d.", kind, bo->years,
                            to->years);
        if (bo->quantity != to->quantity)
            tp_findings_add(f, "PRICE-QUANTITY", TP_FS_SUBSTANTIAL, kind, bo->line,
                            "Option « %s » : quantité offerte %lld au lieu de %ld exigée.", kind,
                            bo->quantity, to->quantity);
        htva += check_line_total(o, kind, "Option", kind, bo->quantity, bo->unit_price, bo->total,
                                 bo->line);
    }
    for (size_t k = 0; k < bl->n_options; k++) {
        const tp_bid_option *bo = &bl->options[k];
        bool dup = false;
        for (size_t j = 0; j < k; j++)
            dup = dup || bl->options[j].kind == bo->kind;
        if (!tender_option(lot, bo->kind) || dup)
            tp_findings_add(f, "OPTION-UNKNOWN", TP_FS_MINOR, tp_option_code(bo->kind), bo->line,
                            "Option « %s » %s : ignorée, hors du prix comparé.",
                            tp_option_code(bo->kind) ? tp_option_code(bo->kind) : "?",
                            dup ? "chiffrée deux fois" : "non prévue au cahier des charges");
    }

    o->submitted_htva = bl->htva;
    o->submitted_tva = bl->tva;
    o->submitted_tvac = bl->tvac;
    o->htva = htva;
    o->tva = tp_money_percent(htva, vat_rate);
    o->tvac = o->htva + o->tva;
    if (bl->htva != htva) {
        tp_findings_add(f, "PRICE-TOTAL", TP_FS_CORRECTION, NULL, bl->line,
                        "Total HTVA : %s d'après les lignes et options, et non %s ; corrigé.",
                        eur(a, htva), eur(b, bl->htva));
        o->corrected = true;
    }
    tp_cents own_tva = tp_money_percent(bl->htva, vat_rate);
    if (bl->tva != own_tva || bl->tvac != bl->htva + bl->tva) {
        tp_findings_add(f, "PRICE-VAT", TP_FS_CORRECTION, NULL, bl->line,
                        "TVA ou total TVAC mal calculés (TVA %d %% de %s = %s ; offert : TVA %s, "
                        "TVAC %s) ; corrigé.",
                        vat_rate, eur(a, bl->htva), eur(b, own_tva), eur(c, bl->tva),
                        eur(e, bl->tvac));
        o->corrected = true;
    }
    if (htva > lot->estimate)
        tp_findings_add(f, "PRICE-OVER-ESTIMATE", TP_FS_WARNING, NULL, bl->line,
                        "Prix corrigé %s HTVA au-dessus de l'estimation du lot (%s HTVA).",
                        eur(a, htva), eur(b, lot->estimate));
}

/* ------------------------------------------------------------------ bid level */

static bool regularisation_possible(const tp_tender *t)
{
    return !t->above_eu_threshold &&
           (t->procedure == TP_PROC_FAIBLE_MONTANT || t->procedure == TP_PROC_PNSPP ||
            t->procedure == TP_PROC_PNDAPP);
}

bool tp_check_bid(tp_eval_bid *eb, const tp_bid *bid, const tp_tender *t, int64_t deadline_utc)
{
    tp_findings *f = &eb->findings;
    bool considered = true;
    for (size_t i = 0; i < bid->n_problems; i++) {
        const tp_bid_problem *p = &bid->problems[i];
        tp_findings_add(f, p->xml ? "BID-XML" : "BID-SCHEMA", TP_FS_SUBSTANTIAL, NULL, p->line,
                        "%s", p->msg);
        considered = false;
    }
    if (!considered)
        return false;
    if (!bid->tender_reference || strcmp(bid->tender_reference, t->reference) != 0) {
        tp_findings_add(f, "BID-REFERENCE", TP_FS_SUBSTANTIAL, NULL, bid->line,
                        "L'offre répond au marché « %s » et non à « %s ».",
                        bid->tender_reference ? bid->tender_reference : "", t->reference);
        considered = false;
    }
    if (bid->has_received && (bid->received_utc > deadline_utc ||
                              (bid->received_utc == deadline_utc && bid->received_micro > 0))) {
        char dl[16];
        tp_date_format(dl, t->deadline);
        tp_findings_add(f, "BID-LATE", TP_FS_SUBSTANTIAL, NULL, bid->line,
                        "Offre reçue le %s, après la date limite du %s à %02d:00 (heure de "
                        "Bruxelles) : offre tardive, non examinée.",
                        bid->received_text, dl, t->deadline_hour);
        eb->late = true;
        considered = false;
    }
    if (!considered)
        return false;
    if (!bid->has_signatory || !bid->signatory_name || !*bid->signatory_name)
        tp_findings_add(f, "BID-SIGNATORY", TP_FS_SUBSTANTIAL, NULL, bid->line,
                        "Aucun signataire habilité n'est désigné : offre non signée.");
    if (bid->vat && !strncmp(bid->vat, "BE", 2)) {
        tp_bce_info info;
        tp_bce_inspect(&info, bid->vat + 2);
        if (info.status != TP_BCE_OK || info.kind != TP_BCE_ENTERPRISE) {
            if (info.status == TP_BCE_BAD_CHECK)
                tp_findings_add(f, "BID-VAT", TP_FS_MINOR, NULL, bid->line,
                                "Numéro de TVA %s : chiffres de contrôle erronés (modulo 97 : %02d "
                                "attendu) ; à vérifier dans la BCE.",
                                bid->vat, info.expected_check);
            else
                tp_findings_add(f, "BID-VAT", TP_FS_MINOR, NULL, bid->line,
                                "Numéro de TVA %s : pas un numéro d'entreprise belge valide "
                                "(BE suivi de 10 chiffres commençant par 0 ou 1) ; à vérifier "
                                "dans la BCE.",
                                bid->vat);
        }
    }
    for (size_t i = 0; i < bid->n_lots; i++) {
        bool known = false;
        for (size_t k = 0; k < t->n_lots && !known; k++)
            known = t->lots[k].number == bid->lots[i].number;
        if (!known)
            tp_findings_add(f, "BID-LOT-UNKNOWN", TP_FS_MINOR, NULL, bid->lots[i].line,
                            "Le marché n'a pas de lot %d : cette partie de l'offre est ignorée.",
                            bid->lots[i].number);
    }
    return true;
}

void tp_check_regularisation(tp_eval_bid *eb, const tp_tender *t, bool any_excluded)
{
    if (any_excluded && !eb->late && regularisation_possible(t) &&
        !tp_findings_has(&eb->findings, "BID-XML") && !tp_findings_has(&eb->findings, "BID-REFERENCE"))
        tp_findings_add(&eb->findings, "BID-REGULARISATION", TP_FS_INFO, NULL, 0,
                        "Procédure sous le seuil européen permettant la négociation : le pouvoir "
                        "adjudicateur peut demander la régularisation de l'offre avant de "
                        "l'écarter.");
}
