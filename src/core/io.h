/* Whole-file input with a size limit, and atomic output (temp file + rename),
 * so a failure never leaves a half-written file behind. "-" means stdin/stdout. */
#ifndef TP_IO_H
#define TP_IO_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

/* Reads all of path ("-" = stdin) into out. Refuses more than max bytes with
 * TP_ELIMIT. Errors are added to d with the file name. */
tp_err tp_read_file(tp_buf *out, const char *path, size_t max, tp_diags *d);

/* Writes data to path atomically ("-" = stdout, written directly). */
tp_err tp_write_file_atomic(const char *path, const void *data, size_t len, tp_diags *d);

/* The name to show for a path in messages: "<stdin>" for "-". */
const char *tp_display_name(const char *path);

#endif
