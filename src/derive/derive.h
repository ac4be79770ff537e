/* Profile → tender: every figure, band, date and text the later stages need,
 * computed once from the profile, the rules (thresholds.xml) and the catalogue
 * (requirements.xml). Each rule, its source and its formula: docs/RULES.md. */
#ifndef TP_DERIVE_H
#define TP_DERIVE_H

#include <stdbool.h>

#include "../core/err.h"
#include "../model/profile.h"
#include "../model/tender.h"
#include "catalogue.h"
#include "thresholds.h"

/* Derives the tender. Assumes p passed tp_profile_check. Problems only the
 * derivation can see (an override that loosens the catalogue, a procedure the
 * estimate does not allow, a publication date no threshold period covers…) are
 * all reported as diagnostics naming the profile file, line and field; then the
 * result is TP_EINVALID and *out is NULL. The tender borrows p and r: both must
 * outlive it. */
tp_err tp_derive(tp_tender **out, const tp_profile *p, const tp_rules *r, const tp_catalogue *c,
                 tp_diags *d);

/* The EU threshold that applies to this kind of buyer. */
tp_cents tp_eu_threshold(const tp_thresholds *t, tp_authority authority);

/* The least formal procedure an estimate (HTVA, whole PO) allows:
 * < faible montant → FAIBLE_MONTANT; < PNSPP (and < EU) → PNSPP; < EU → PNDAPP; else OPEN. */
tp_procedure tp_procedure_for_estimate(const tp_thresholds *t, tp_authority authority,
                                       tp_cents estimate);

/* Whether the procedure may be used for that estimate (OPEN always may). */
bool tp_procedure_allowed(tp_procedure proc, const tp_thresholds *t, tp_authority authority,
                          tp_cents estimate);

/* Minimum days before the submission deadline for a procedure. */
int tp_minimum_days(const tp_rules *r, tp_procedure proc, bool electronic);

/* publication + days, moved to the next working day (weekends, legal holidays). */
tp_date tp_deadline_date(tp_date publication, int days);

#endif
