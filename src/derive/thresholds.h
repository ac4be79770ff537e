/* Procedure thresholds and time limits, read from templates/thresholds.xml
 * (schema: schemas/rules.xsd) so a PO can update them without recompiling. */
#ifndef TP_THRESHOLDS_H
#define TP_THRESHOLDS_H

#include <stddef.h>

#include "../core/date.h"
#include "../core/err.h"
#include "../model/tender.h"

typedef struct tp_rules {
    tp_thresholds *periods; /* sorted by valid_from, never overlapping */
    size_t n_periods;
    int open_days;            /* procédure ouverte: 35 */
    int electronic_reduction; /* minus this when tenders are sent electronically: 5 */
    int pndapp_days;          /* 22 */
    int pnspp_days;           /* default, no legal minimum: 15 */
    int faible_days;          /* default, no legal minimum: 10 */
    int validity_days;        /* tenders stay valid: 90 */
    int standstill_days;      /* 15 */
    int vat_rate;             /* percent: 21 */
    char *origin;             /* where the rules came from, for messages */
} tp_rules;

/* Loads and validates templates/thresholds.xml (embedded or the --templates copy).
 * Every problem becomes a diagnostic naming that file. A file that is not
 * well-formed, breaks schemas/rules.xsd or the rules gives TP_ETEMPLATE; a file
 * that cannot be read gives the resource loader's code. *out is NULL on failure. */
tp_err tp_rules_load(tp_rules **out, tp_diags *d);

/* Same from memory (tests, tools); display_name is used in messages. */
tp_err tp_rules_parse(tp_rules **out, const char *data, size_t len, const char *display_name,
                      tp_diags *d);

void tp_rules_free(tp_rules *r); /* NULL-safe */

/* The period covering that publication date (bounds included); NULL if none. */
const tp_thresholds *tp_rules_for_date(const tp_rules *r, tp_date publication);

#endif
