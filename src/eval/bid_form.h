/* The form of a bid (schemas/bid.xsd) as a table the reader (bid.c) walks:
 * each element with its attributes and their types, its text type, and its
 * children in sequence with their occurrences. Private to src/eval/. Keep it
 * in step with the schema: tests/unit/test_eval_bid.c and
 * tests/e2e/check_bids.sh check that both agree. */
#ifndef TP_BID_FORM_H
#define TP_BID_FORM_H

#include <stdbool.h>
#include <stddef.h>

typedef enum vtype {
    T_NONE, T_TEXT, T_VALUE, T_MONEY, T_COUNT, T_RECEIPT, T_REFERENCE, T_IDENT, T_VAT, T_UNIT,
    T_OPTKIND, T_COUNTRY, T_LOTNUM, T_VERSION
} vtype;

typedef enum elem_id {
    E_BIDS, E_BID, E_SUPPLIER, E_SUP_NAME, E_ADDRESS, E_STREET, E_NUMBER, E_POSTAL, E_LOCALITY,
    E_CONTACT, E_CON_NAME, E_CON_EMAIL, E_CON_PHONE, E_SIGNATORY, E_SIG_NAME, E_SIG_ROLE, E_LOT,
    E_PRODUCT, E_BRAND, E_MODEL, E_VALUES, E_VALUE, E_SCHEDULE, E_LINE, E_OPTIONS, E_OPTION,
    E_TOTALS, E_WARRANTY, E_DELIVERY
} elem_id;

/* What an attribute's value is stored as (bid.c's store_attr). */
typedef enum attr_id {
    A_VERSION, A_TENDER_REFERENCE, A_RECEIVED_AT, A_VAT, A_COUNTRY, A_LOT_NUMBER, A_REF, A_UNIT,
    A_QUANTITY, A_UNIT_PRICE, A_TOTAL, A_KIND, A_YEARS, A_HTVA, A_TVA, A_TVAC, A_DAYS
} attr_id;

/* Names carry their length: the reader compares names it got with a
 * length (the scanner's point into the input). */
typedef struct attr_spec {
    const char *name;
    unsigned char name_len;
    attr_id id;
    vtype type;
    bool required;
} attr_spec;

typedef struct elem_spec elem_spec;
typedef struct child_spec {
    const elem_spec *e;
    int min, max;
} child_spec;

struct elem_spec {
    elem_id id;
    const char *name;
    unsigned char name_len;
    vtype text;
    const attr_spec *attrs; /* ends with a NULL name */
    unsigned required;      /* bit k: attrs[k] is required */
    const child_spec *children;
    size_t n_children;
};

/* Roots: <bid>, and the <bids> stream of several. */
extern const elem_spec tp_bid_form_bid, tp_bid_form_bids;

/* NULL when v[0, n) is of type t, else a French phrase saying what is
 * expected. v holds no NUL byte (XML text cannot) and need not end with one. */
const char *tp_bid_type_problem(vtype t, const char *v, size_t n);

/* The same, with the usual short texts and values decided without a call. */
static inline const char *tp_bid_type_check(vtype t, const char *v, size_t n)
{
    if ((t == T_TEXT || t == T_VALUE || t == T_UNIT) && n - 1 < 20)
        return NULL;
    return tp_bid_type_problem(t, v, n);
}

/* The value of v[0, n), of type T_MONEY (cents) or T_COUNT / T_LOTNUM, as
 * tp_money_parse and atoll give it. Only for values of that type. */
long long tp_bid_form_digits(const char *v, size_t n);
long long tp_bid_form_money(const char *v, size_t n);

#endif
