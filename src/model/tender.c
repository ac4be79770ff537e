/* The derived tender: freeing, code tables, French labels and exact decimals. */
#include "tender.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tp_requirement_dispose(tp_requirement *r)
{
    if (!r)
        return;
    free(r->id);
    free(r->label);
    free(r->text);
    for (size_t i = 0; i < r->n_choices; i++)
        free(r->choices[i]);
    free(r->choices);
    free(r->unit);
    memset(r, 0, sizeof *r);
}

void tp_scored_dispose(tp_scored *s)
{
    if (!s)
        return;
    free(s->id);
    free(s->label);
    free(s->unit);
    memset(s, 0, sizeof *s);
}

void tp_criterion_dispose(tp_criterion *c)
{
    if (!c)
        return;
    free(c->id);
    free(c->label);
    free(c->unit);
    free(c->formula_text);
    memset(c, 0, sizeof *c);
}

void tp_thresholds_dispose(tp_thresholds *t)
{
    if (!t)
        return;
    free(t->id);
    free(t->source);
    memset(t, 0, sizeof *t);
}

static void lot_dispose(tp_lot *lot)
{
    free(lot->id);
    free(lot->title);
    free(lot->cpv_main);
    for (size_t i = 0; i < lot->n_cpv_extra; i++)
        free(lot->cpv_extra[i]);
    free(lot->cpv_extra);
    for (size_t i = 0; i < lot->n_options; i++)
        free(lot->options[i].label);
    free(lot->options);
    for (size_t i = 0; i < lot->n_reqs; i++)
        tp_requirement_dispose(&lot->reqs[i]);
    free(lot->reqs);
    for (size_t i = 0; i < lot->n_scored; i++)
        tp_scored_dispose(&lot->scored[i]);
    free(lot->scored);
    for (size_t i = 0; i < lot->n_allocs; i++)
        free(lot->allocs[i].school_fase);
    free(lot->allocs);
}

void tp_tender_free(tp_tender *t)
{
    if (!t)
        return;
    free(t->reference);
    free(t->schools);
    for (size_t i = 0; i < t->n_lots; i++)
        lot_dispose(&t->lots[i]);
    free(t->lots);
    free(t->cpv_main);
    for (size_t i = 0; i < t->n_notes; i++)
        free(t->notes[i]);
    free(t->notes);
    for (size_t i = 0; i < t->n_criteria; i++)
        tp_criterion_dispose(&t->criteria[i]);
    free(t->criteria);
    free(t);
}

static const char *const req_op_codes[TP_OP_COUNT] = {"ge", "le", "eq", "range", "oneof", "bool"};

const char *tp_req_op_code(tp_req_op op)
{
    return (unsigned)op < TP_OP_COUNT ? req_op_codes[op] : NULL;
}

int tp_req_op_from_code(const char *s)
{
    if (!s)
        return -1;
    for (int i = 0; i < TP_OP_COUNT; i++)
        if (strcmp(s, req_op_codes[i]) == 0)
            return i;
    return -1;
}

const char *tp_publication_code(tp_publication p)
{
    switch (p) {
    case TP_PUB_NONE: return "none";
    case TP_PUB_BDA: return "bda";
    case TP_PUB_TED: return "ted";
    }
    return NULL;
}

const char *tp_procedure_label_fr(tp_procedure p)
{
    switch (p) {
    case TP_PROC_FAIBLE_MONTANT: return "Marché de faible montant";
    case TP_PROC_PNSPP: return "Procédure négociée sans publication préalable";
    case TP_PROC_PNDAPP: return "Procédure négociée directe avec publication préalable";
    case TP_PROC_OPEN: return "Procédure ouverte";
    case TP_PROC_AUTO:
    case TP_PROC_COUNT: break;
    }
    return NULL;
}

const char *tp_procedure_legal_basis(tp_procedure p)
{
    switch (p) {
    case TP_PROC_FAIBLE_MONTANT: return "Art. 92 de la loi du 17 juin 2016";
    case TP_PROC_PNSPP: return "Art. 42, § 1er, 1°, a) de la loi du 17 juin 2016";
    case TP_PROC_PNDAPP: return "Art. 41 de la loi du 17 juin 2016";
    case TP_PROC_OPEN: return "Art. 36 de la loi du 17 juin 2016";
    case TP_PROC_AUTO:
    case TP_PROC_COUNT: break;
    }
    return NULL;
}

#define DEC_MAX_SCALE 6
#define DEC_MAX_INT_DIGITS 12

static long long pow10ll(int n)
{
    long long p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

const char *tp_dec_format(char buf[32], tp_dec d)
{
    if (d.scale < 0 || d.scale > DEC_MAX_SCALE) { /* not produced by tp_dec_parse */
        snprintf(buf, 32, "%lld", d.num);
        return buf;
    }
    long long p = pow10ll(d.scale);
    /* Work on magnitudes; LLONG_MIN never comes out of tp_dec_parse. */
    unsigned long long mag =
        d.num < 0 ? 0ULL - (unsigned long long)d.num : (unsigned long long)d.num;
    unsigned long long ip = mag / (unsigned long long)p, frac = mag % (unsigned long long)p;
    int scale = d.scale;
    while (scale > 0 && frac % 10 == 0) { /* canonical form: no trailing zeros */
        frac /= 10;
        scale--;
    }
    /* At most 1 + 19 + 1 + 6 characters, but the compiler cannot see the
     * scale bound: format wide, then copy. */
    char wide[64];
    if (scale == 0)
        snprintf(wide, sizeof wide, "%s%llu", d.num < 0 ? "-" : "", ip);
    else
        snprintf(wide, sizeof wide, "%s%llu.%0*llu", d.num < 0 ? "-" : "", ip, scale, frac);
    size_t n = strlen(wide);
    if (n > 31)
        n = 31;
    memcpy(buf, wide, n);
    buf[n] = '\0';
    return buf;
}

bool tp_dec_parse(tp_dec *out, const char *s)
{
    if (!s)
        return false;
    bool neg = false;
    if (*s == '-') {
        neg = true;
        s++;
    }
    long long num = 0;
    int int_digits = 0, scale = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (++int_digits > DEC_MAX_INT_DIGITS)
            return false;
        num = num * 10 + (*s - '0');
    }
    if (int_digits == 0)
        return false;
    if (*s == '.') {
        s++;
        for (; *s >= '0' && *s <= '9'; s++) {
            if (++scale > DEC_MAX_SCALE)
                return false;
            num = num * 10 + (*s - '0');
        }
        if (scale == 0)
            return false; /* "12." */
    }
    if (*s != '\0')
        return false;
    while (scale > 0 && num % 10 == 0) {
        num /= 10;
        scale--;
    }
    out->num = neg ? -num : num;
    out->scale = scale;
    return true;
}

/* Splits into (integer part, millionths), both carrying the sign of the value,
 * so that comparing the pairs in order compares the values without overflow. */
static void dec_split(tp_dec d, long long *ip, long long *micro)
{
    int scale = d.scale < 0 ? 0 : d.scale > DEC_MAX_SCALE ? DEC_MAX_SCALE : d.scale;
    long long p = pow10ll(scale);
    *ip = d.num / p;
    *micro = (d.num % p) * pow10ll(DEC_MAX_SCALE - scale);
}

int tp_dec_cmp(tp_dec a, tp_dec b)
{
    long long ai, af, bi, bf;
    dec_split(a, &ai, &af);
    dec_split(b, &bi, &bf);
    if (ai != bi)
        return ai < bi ? -1 : 1;
    if (af != bf)
        return af < bf ? -1 : 1;
    return 0;
}
