/* The tender pack: one deterministic zip a school director sends to
 * suppliers — the specification as PDF, ODT and DOCX, the tender XML, the
 * eForms notice when the procedure is published, a bid template per lot, a
 * short README and a manifest (size and SHA-256 of every file). */
#ifndef TP_PACK_H
#define TP_PACK_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/err.h"
#include "../engine/engine.h"

typedef struct tp_pack_opts {
    bool epoch_set;  /* SOURCE_DATE_EPOCH given: use epoch for every date */
    int64_t epoch;   /* otherwise: the planned publication date, 00:00 UTC */
} tp_pack_opts;

/* Builds the pack of one profile ("-" = stdin) into zip (appended). */
tp_err tp_pack_build(tp_buf *zip, tp_engine *e, const char *profile_path,
                     const tp_pack_opts *opts, tp_diags *d);

/* Compiles the templates and schemas a pack needs, so that worker processes
 * forked afterwards share them. */
tp_err tp_pack_preload(tp_diags *d);

/* The file names inside a pack, in the order they are written. */
#define TP_PACK_SPEC_BASENAME "cahier-special-des-charges"

#endif
