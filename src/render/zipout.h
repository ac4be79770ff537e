/* Deterministic zip writer (libzip, in memory) for ODF and OOXML packages.
 * Same entries in, same bytes out: entries keep the order they were added in,
 * every entry carries the same fixed DOS time (no clock, no time zone), no
 * extra fields, fixed deflate level and fixed file attributes. A stored
 * `mimetype` added first lands at offset 38, as ODF requires. */
#ifndef TP_ZIPOUT_H
#define TP_ZIPOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/err.h"

typedef struct tp_zip tp_zip;

/* mtime: seconds since 1970 UTC, written as a UTC DOS date/time, clamped to
 * 1980-01-01..2107-12-31 and rounded down to 2 seconds. */
tp_zip *tp_zip_new(int64_t mtime);

/* Copies data as entry `name` (relative, '/'-separated). store = no compression
 * (entries under 1 KiB are always stored). Returns TP_EINVALID, without a
 * diagnostic, for an empty, absolute, ".." or duplicate name: a bug of the caller. */
tp_err tp_zip_add(tp_zip *z, const char *name, const void *data, size_t len, bool store);

/* Adds buf's bytes and empties it (avoids a copy of large parts). */
tp_err tp_zip_add_buf(tp_zip *z, const char *name, tp_buf *buf, bool store);

/* Writes the archive into out (appended). Library failures become TP_EZIP
 * with a diagnostic. The entries stay; finish may be called again. */
tp_err tp_zip_finish(tp_zip *z, tp_buf *out, tp_diags *d);

void tp_zip_free(tp_zip *z); /* NULL-safe */

/* DOS date and time (UTC) of an epoch, clamped as above. */
void tp_zip_dos_time(int64_t epoch, uint16_t *dos_time, uint16_t *dos_date);

#endif
