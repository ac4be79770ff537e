/* Semantic checks of a school profile, after the schema: identifiers (BCE,
 * FASE, postal codes, e-mail, phone), pupil counts, duplicates, the 5 %
 * minimum stock, allocations, award weights, dates, budget, options and
 * requirement overrides. Every problem is reported (not just the first),
 * each naming its field path ("po/bce", "schools/school[2]/fase") with a fix.
 * The rules are listed in docs/PROFILE.md. */
#ifndef TP_PROFILE_CHECK_H
#define TP_PROFILE_CHECK_H

#include "../core/err.h"
#include "../model/profile.h"

/* Delivery closer than this to publication gets a warning: 35 days (open
 * procedure) + 15 (standstill) + 10 (evaluation). */
#define TP_MIN_DELIVERY_DAYS 60

/* Adds one diagnostic per problem to d. Returns TP_EINVALID if it added any
 * error, TP_OK otherwise (warnings allowed). */
tp_err tp_profile_check(const tp_profile *p, tp_diags *d);

#endif
