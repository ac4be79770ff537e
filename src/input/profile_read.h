/* Reads a school profile (schemas/school-profile.xsd) into a tp_profile:
 * safe parse, XSD validation, then a walk of the tree. Schema errors come back
 * as diagnostics with their line, the profile path of the element
 * ("po/bce", "schools/school[2]/fase") and a hint; the reader stops there.
 * It applies no semantic rule: that is check/profile_check.c. */
#ifndef TP_PROFILE_READ_H
#define TP_PROFILE_READ_H

#include <stddef.h>

#include "../core/err.h"
#include "../model/profile.h"

/* Reads path ("-" = stdin). On error *out is NULL and d says why:
 * TP_EIO, TP_ELIMIT, TP_EPARSE (not well-formed), TP_EINVALID (schema). */
tp_err tp_profile_read(tp_profile **out, const char *path, tp_diags *d);

/* Same from memory; display_name is used in messages and as p->source. */
tp_err tp_profile_parse(tp_profile **out, const char *data, size_t len, const char *display_name,
                        tp_diags *d);

#endif
