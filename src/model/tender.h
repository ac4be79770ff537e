/* The tender: the single source of truth derived from a profile by
 * derive/derive.c and written as XML by output/tender_xml.c (schemas/tender.xsd).
 * Documents, the eForms notice and bid evaluation all read it. */
#ifndef TP_TENDER_H
#define TP_TENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/date.h"
#include "../core/money.h"
#include "profile.h"

/* Operators of a mandatory technical requirement. */
typedef enum tp_req_op {
    TP_OP_GE,    /* value >= min */
    TP_OP_LE,    /* value <= max */
    TP_OP_EQ,    /* value == text (exact, case-insensitive) */
    TP_OP_RANGE, /* min <= value <= max */
    TP_OP_ONEOF, /* value in choices */
    TP_OP_BOOL,  /* must be "yes" */
    TP_OP_COUNT
} tp_req_op;

/* A numeric threshold kept as an exact decimal: value = num / 10^scale. */
typedef struct tp_dec {
    long long num;
    int scale; /* 0..6 */
} tp_dec;

typedef struct tp_requirement {
    char *id;      /* stable id bids answer to, e.g. "ram" */
    char *label;   /* French label */
    tp_req_op op;
    tp_dec min, max;       /* GE uses min, LE uses max, RANGE both */
    char *text;            /* EQ */
    char **choices;        /* ONEOF */
    size_t n_choices;
    char *unit;            /* "GB", "in", "h", "kg", "points", "years", ""; canonical unit */
    bool tightened;        /* the profile made it stricter than the catalogue */
} tp_requirement;

/* How a scored technical criterion turns an offered value into points. */
typedef enum tp_score_kind {
    TP_SCORE_LINEAR,  /* 0 at floor, max_points at target, linear between, clamped;
                         target < floor means lower is better */
    TP_SCORE_YESNO,   /* max_points if "yes", else 0 */
    TP_SCORE_COUNT
} tp_score_kind;

typedef struct tp_scored {
    char *id;
    char *label;
    tp_score_kind kind;
    tp_dec floor, target; /* LINEAR */
    char *unit;
    int max_points;       /* points within the technical criterion */
} tp_scored;

typedef struct tp_lot_option_t {
    tp_option_kind kind;
    int years;            /* 0 when not applicable */
    long quantity;
    tp_cents unit_estimate; /* HTVA */
    tp_cents estimate;      /* quantity × unit, HTVA */
    char *label;            /* French description */
} tp_lot_option_t;

typedef struct tp_lot_alloc {
    char *school_fase;
    long quantity;
} tp_lot_alloc;

typedef struct tp_lot {
    int number;           /* 1.. in profile order */
    char *id;             /* "LOT-0001" (eForms style) */
    tp_device device;
    char *title;          /* French */
    char *cpv_main;       /* "30213100-6" */
    char **cpv_extra;
    size_t n_cpv_extra;
    long quantity;
    tp_cents unit_estimate; /* HTVA */
    tp_cents estimate;      /* quantity × unit + options, HTVA */
    tp_lot_option_t *options;
    size_t n_options;
    tp_requirement *reqs;
    size_t n_reqs;
    tp_scored *scored;
    size_t n_scored;
    tp_lot_alloc *allocs;
    size_t n_allocs;
} tp_lot;

typedef enum tp_formula {
    TP_FORMULA_PRICE_RATIO,    /* lowest regular price / bid price × weight */
    TP_FORMULA_TECH_POINTS,    /* Σ scored points / Σ max points × weight */
    TP_FORMULA_LINEAR,         /* linear between floor and target, × weight */
    TP_FORMULA_COUNT
} tp_formula;

typedef struct tp_criterion {
    char *id;        /* price | technical | warranty | delivery */
    char *label;     /* French */
    int weight;      /* out of 100 */
    tp_formula formula;
    tp_dec floor, target; /* LINEAR (warranty years, delivery days) */
    char *unit;
    char *formula_text;   /* the formula as published, in French */
} tp_criterion;

/* Thresholds in force for one period (templates/thresholds.xml). */
typedef struct tp_thresholds {
    char *id;                 /* "2026-2027" */
    tp_date valid_from, valid_to;
    tp_cents faible_montant;  /* < this: marché de faible montant */
    tp_cents pnspp;           /* < this: PNSPP */
    tp_cents eu_sub_central;  /* < this: below the EU threshold (sub-central buyer) */
    tp_cents eu_central;
    char *source;             /* legal reference of the values */
} tp_thresholds;

typedef enum tp_publication {
    TP_PUB_NONE, /* not published: operators are consulted directly */
    TP_PUB_BDA,  /* Bulletin des Adjudications (national) */
    TP_PUB_TED,  /* JOUE/TED and BDA */
} tp_publication;

typedef struct tp_school_figures {
    const tp_school *school;  /* borrowed from the profile */
    long pupils;              /* secondary pupils, all degrees */
    long pupils_degrees_2_4;  /* volet-2 population */
    long minimum_stock;       /* ceil(5 % × pupils) */
    tp_cents subsidy_cap;     /* pupils × 5 % × 500 €, unrounded (exact in cents) */
    long devices_allocated;   /* from lot allocations; 0 when none given */
} tp_school_figures;

typedef struct tp_tender {
    const tp_profile *profile; /* borrowed: outlives the tender */
    char *reference;
    const tp_thresholds *thresholds; /* borrowed from the rules table */

    tp_school_figures *schools;
    size_t n_schools;
    long pupils, pupils_degrees_2_4, minimum_stock, devices;
    tp_cents subsidy_cap;

    tp_lot *lots;
    size_t n_lots;
    char *cpv_main;     /* of the whole contract */

    tp_cents estimate_htva;   /* aggregated over the PO */
    int vat_rate;             /* 21 */
    tp_cents estimate_tva, estimate_tvac;
    tp_cents budget_tvac;     /* 0 when the profile gives none */

    tp_procedure procedure;   /* never AUTO here */
    bool procedure_chosen;    /* true when the engine chose it (AUTO) */
    tp_publication publication;
    bool above_eu_threshold;
    tp_cents eu_threshold;    /* the one that applies to this buyer */
    bool espd_required;       /* DUME at or above the EU threshold */

    tp_date publication_date;
    int minimum_days;         /* legal (or default) minimum period */
    int applied_days;         /* after the weekend/holiday shift */
    tp_date deadline;         /* date of the submission deadline */
    int deadline_hour;        /* local Brussels time, 10 */
    int deadline_utc_offset;  /* minutes, 60 or 120 */
    int validity_days;        /* tenders stay valid this long: 90 */
    int standstill_days;      /* 15 for published procedures, 0 otherwise */
    tp_date delivery_date;

    char **notes;             /* French remarks for the PO (budget short, …) */
    size_t n_notes;

    tp_criterion *criteria;
    size_t n_criteria;

} tp_tender;

void tp_tender_free(tp_tender *t); /* NULL-safe; does not free the profile */

const char *tp_req_op_code(tp_req_op op);       /* "ge" "le" "eq" "range" "oneof" "bool" */
int tp_req_op_from_code(const char *s);
const char *tp_publication_code(tp_publication p); /* "none" "bda" "ted" */
const char *tp_procedure_label_fr(tp_procedure p);
const char *tp_procedure_legal_basis(tp_procedure p);
/* "12.5" style text for a decimal; buf must hold 32 bytes. */
const char *tp_dec_format(char buf[32], tp_dec d);
bool tp_dec_parse(tp_dec *out, const char *s);
int tp_dec_cmp(tp_dec a, tp_dec b);

/* Free the members of one element (not the element itself); NULL-safe.
 * Shared by tp_tender_free and the catalogue and rules loaders. */
void tp_requirement_dispose(tp_requirement *r);
void tp_scored_dispose(tp_scored *s);
void tp_criterion_dispose(tp_criterion *c);
void tp_thresholds_dispose(tp_thresholds *t);

#endif
