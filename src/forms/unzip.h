/* A defensive zip reader (libzip, in memory) for archives that come from
 * outside: filled offer forms (ODS, XLSX) and packs. It never extracts to
 * disk and never builds a file name from an archive path: callers ask for
 * the members they know by name. Limits on entry count and on declared and
 * real decompressed sizes stop zip bombs; unsafe names (absolute, "..",
 * backslashes) make the whole archive refused. */
#ifndef TP_UNZIP_H
#define TP_UNZIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/err.h"

#define TP_UNZIP_MAX_ENTRIES 1000u
#define TP_UNZIP_MAX_ENTRY (16u * 1024u * 1024u) /* decompressed bytes per member */
#define TP_UNZIP_MAX_TOTAL (32u * 1024u * 1024u) /* decompressed bytes, all members */

typedef struct tp_unzip tp_unzip;

/* True when data starts like a zip archive ("PK\3\4", or the empty-archive
 * end record "PK\5\6"). */
bool tp_unzip_is_zip(const void *data, size_t len);

/* Opens data (borrowed: it must outlive the reader) and checks every entry:
 * count, names, declared sizes, encryption. display_name is for messages.
 * TP_EPARSE (not a readable zip: damaged input, not a library failure),
 * TP_ELIMIT (over a limit) or TP_EINVALID (unsafe or duplicate name,
 * encryption), each with a diagnostic. */
tp_err tp_unzip_open(tp_unzip **out, const void *data, size_t len, const char *display_name,
                     tp_diags *d);

size_t tp_unzip_count(const tp_unzip *z);
/* Name of entry i (borrowed; valid until tp_unzip_free). */
const char *tp_unzip_name(const tp_unzip *z, size_t i);
bool tp_unzip_has(const tp_unzip *z, const char *name);

/* Decompresses member `name` into out (appended), counting real bytes
 * against both limits whatever the archive declares. TP_EINVALID when absent,
 * TP_EPARSE when damaged. */
tp_err tp_unzip_read(tp_unzip *z, const char *name, tp_buf *out, tp_diags *d);

void tp_unzip_free(tp_unzip *z); /* NULL-safe */

#endif
