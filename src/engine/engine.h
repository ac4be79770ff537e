/* The pipeline every command shares: profile file → checked profile → tender.
 * The rules (thresholds) and the requirements catalogue are loaded once per
 * engine, so batch work pays for them once. */
#ifndef TP_ENGINE_H
#define TP_ENGINE_H

#include <libxml/tree.h>

#include "../core/buf.h"
#include "../core/err.h"
#include "../derive/catalogue.h"
#include "../derive/thresholds.h"
#include "../model/profile.h"
#include "../model/tender.h"

typedef struct tp_engine {
    tp_rules *rules;
    tp_catalogue *catalogue;
} tp_engine;

tp_err tp_engine_open(tp_engine **out, tp_diags *d);
void tp_engine_free(tp_engine *e); /* NULL-safe */

/* Reads, validates (schema, then rules) and derives. On success the caller
 * owns *profile and *tender (free the tender first: it borrows the profile).
 * On failure both are NULL and d says everything that is wrong. */
tp_err tp_engine_tender_from_file(tp_engine *e, tp_tender **tender, tp_profile **profile,
                                  const char *path, tp_diags *d);

/* The same from bytes already in memory (fuzzing, batch, the register). */
tp_err tp_engine_tender_from_memory(tp_engine *e, tp_tender **tender, tp_profile **profile,
                                    const char *data, size_t len, const char *name, tp_diags *d);

/* Writes the tender as XML into xml and, when doc is not NULL, parses it back
 * and checks it against schemas/tender.xsd (an engine bug must never reach a
 * school as a broken contract: TP_EINTERNAL). */
tp_err tp_engine_tender_xml(tp_buf *xml, xmlDocPtr *doc, const tp_tender *t, tp_diags *d);

#endif
