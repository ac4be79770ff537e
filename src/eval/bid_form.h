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

typedef struct attr_spec {
    const char *name;
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
    vtype text;
    const attr_spec *attrs; /* ends with a NULL name */
    const child_spec *children;
    size_t n_children;
};

/* Roots: <bid>, and the <bids> stream of several. */
extern const elem_spec tp_bid_form_bid, tp_bid_form_bids;

/* NULL when v is of type t, else a French phrase saying what is expected. */
const char *tp_bid_type_problem(vtype t, const char *v);

#endif
