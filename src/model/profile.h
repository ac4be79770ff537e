/* The school profile: what a pouvoir organisateur (PO) tells us about itself,
 * its schools and the equipment it wants. Read from XML by input/profile_read.c
 * (schema: schemas/school-profile.xsd), checked by check/profile_check.c.
 * Every leaf keeps the line it came from, so any rule can point at it. */
#ifndef TP_PROFILE_H
#define TP_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/date.h"
#include "../core/money.h"

/* A text leaf: s is NULL when the element is absent; line is its source line. */
typedef struct tp_str {
    char *s;
    int line;
} tp_str;

typedef struct tp_num {
    long long v;
    int line;
    bool set;
} tp_num;

typedef struct tp_amount {
    tp_cents v;
    int line;
    bool set;
} tp_amount;

typedef struct tp_datefield {
    tp_date v;
    int line;
    bool set;
} tp_datefield;

typedef enum tp_network {
    TP_NET_WBE,
    TP_NET_OFFICIEL_COMMUNAL,
    TP_NET_OFFICIEL_PROVINCIAL,
    TP_NET_OFFICIEL_COCOF,
    TP_NET_LIBRE_CONFESSIONNEL,
    TP_NET_LIBRE_NON_CONFESSIONNEL,
    TP_NET_COUNT
} tp_network;

typedef enum tp_authority { TP_AUTH_SUB_CENTRAL, TP_AUTH_CENTRAL } tp_authority;

typedef enum tp_school_type {
    TP_SCHOOL_ORDINAIRE,  /* secondaire ordinaire */
    TP_SCHOOL_SPECIALISE, /* secondaire spécialisé */
    TP_SCHOOL_CEFA,       /* secondaire en alternance (CEFA) */
    TP_SCHOOL_TYPE_COUNT
} tp_school_type;

typedef enum tp_device {
    TP_DEV_LAPTOP,
    TP_DEV_CHROMEBOOK,
    TP_DEV_TABLET,
    TP_DEV_ACCESSORIES,
    TP_DEV_COUNT
} tp_device;

/* A procedure the PO may ask for; AUTO lets the engine choose from the estimate. */
typedef enum tp_procedure {
    TP_PROC_AUTO,
    TP_PROC_FAIBLE_MONTANT, /* marché de faible montant */
    TP_PROC_PNSPP,          /* procédure négociée sans publication préalable */
    TP_PROC_PNDAPP,         /* procédure négociée directe avec publication préalable */
    TP_PROC_OPEN,           /* procédure ouverte */
    TP_PROC_COUNT
} tp_procedure;

typedef struct tp_address {
    tp_str street, number, postal_code, locality;
    tp_str nuts; /* optional NUTS-3 code, e.g. BE100; derived from the postal code when absent */
    int line;
} tp_address;

typedef struct tp_contact {
    tp_str name, email, phone;
    int line;
} tp_contact;

typedef struct tp_signatory {
    tp_str name, role;
    int line;
} tp_signatory;

typedef struct tp_po {
    tp_str name;
    tp_str bce;        /* enterprise number, 10 digits starting with 0 or 1 */
    tp_str fase;       /* 1-6 digits */
    tp_str legal_form; /* asbl | commune | province | cocof | wbe | autre */
    tp_network network;
    int network_line;
    tp_str federation; /* optional: segec | cecp | cpeons | felsi | wbe */
    tp_authority authority;
    tp_address address;
    tp_contact contact;
    tp_signatory signatory;
    int line;
} tp_po;

typedef struct tp_implantation {
    tp_str fase;
    tp_str name; /* optional */
    tp_address address;
    int line;
} tp_implantation;

typedef struct tp_school {
    tp_str fase;
    tp_str name;
    tp_str bce; /* optional: establishment-unit number, 10 digits starting with 2-9 */
    tp_school_type type;
    tp_implantation *implantations;
    size_t n_implantations;
    tp_num pupils[4];          /* secondary pupils by degree 1..4; degree 4 optional */
    tp_datefield pupils_date;  /* reference date of the headcount */
    int pupils_line;
    int line;
} tp_school;

typedef enum tp_option_kind {
    TP_OPT_EXTENDED_WARRANTY, /* warranty extended to `years` */
    TP_OPT_ACCIDENTAL_DAMAGE, /* accidental-damage cover for `years` */
    TP_OPT_CHARGING_CART,     /* charging and storage cart */
    TP_OPT_PROTECTIVE_SLEEVE, /* sleeve or case per device */
    TP_OPT_COUNT
} tp_option_kind;

typedef struct tp_option {
    tp_option_kind kind;
    tp_num years;          /* for warranty / damage cover */
    tp_num quantity;       /* default: the lot quantity (carts: 1 per 30 devices, rounded up) */
    tp_amount unit_estimate; /* HTVA; default from the catalogue */
    int line;
} tp_option;

/* A profile may tighten a catalogue requirement: `ref` names its id. */
typedef struct tp_override {
    tp_str ref;
    tp_str value; /* same unit as the catalogue; for ranges "min..max"; for one-of "a|b" */
    int line;
} tp_override;

typedef struct tp_allocation {
    tp_str school; /* school FASE */
    tp_num quantity;
    int line;
} tp_allocation;

typedef struct tp_lot_wish {
    tp_device device;
    int device_line;
    tp_str title;             /* optional; default from the catalogue */
    tp_num quantity;
    tp_amount unit_estimate;  /* HTVA per unit; default from the catalogue */
    tp_option *options;
    size_t n_options;
    tp_override *overrides;
    size_t n_overrides;
    tp_allocation *allocations; /* optional split of the quantity by school */
    size_t n_allocations;
    int line;
} tp_lot_wish;

typedef struct tp_weight {
    tp_str criterion; /* price | technical | warranty | delivery */
    tp_num weight;    /* points out of 100 */
    int line;
} tp_weight;

typedef struct tp_profile {
    char *source;           /* file name for messages ("<stdin>" for -) */
    tp_str reference;       /* the PO's tender reference, e.g. "MON-2026-042" */
    tp_str language;        /* "fr" */
    tp_po po;
    tp_school *schools;
    size_t n_schools;
    tp_lot_wish *lots;
    size_t n_lots;
    tp_weight *weights;
    size_t n_weights;
    int award_line;
    tp_amount budget;       /* TVAC, optional */
    tp_datefield publication; /* planned publication (or invitation) date */
    tp_datefield delivery;    /* wanted delivery date */
    tp_procedure procedure;   /* requested; TP_PROC_AUTO when absent */
    int procedure_line;
    bool electronic;          /* e-Tendering submission; default true */
    int line;
} tp_profile;

void tp_profile_free(tp_profile *p); /* NULL-safe */

/* Code <-> enum tables (the XML spellings). Return NULL / -1 when unknown. */
const char *tp_network_code(tp_network n);
const char *tp_network_label_fr(tp_network n);
int tp_network_from_code(const char *s);
const char *tp_school_type_code(tp_school_type t);
const char *tp_school_type_label_fr(tp_school_type t);
int tp_school_type_from_code(const char *s);
const char *tp_device_code(tp_device d);
int tp_device_from_code(const char *s);
const char *tp_procedure_code(tp_procedure p);
int tp_procedure_from_code(const char *s);
const char *tp_option_code(tp_option_kind k);
int tp_option_from_code(const char *s);

#endif
