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

/* A file written through a sink into a temporary file beside it, put in
 * place by tp_atomic_commit (fsync, rename) or removed by tp_atomic_abort:
 * for outputs too big to hold in memory first. */
typedef struct tp_atomic_file {
    const char *path; /* borrowed */
    char *tmp;
    int fd;
    int err; /* the first write's errno, 0 while all is well */
} tp_atomic_file;

tp_err tp_atomic_open(tp_atomic_file *f, const char *path, tp_diags *d);
tp_sink tp_atomic_sink(tp_atomic_file *f);
/* Says in d what went wrong, if anything (the file is then not created). */
tp_err tp_atomic_commit(tp_atomic_file *f, tp_diags *d);
void tp_atomic_abort(tp_atomic_file *f);

/* The name to show for a path in messages: "<stdin>" for "-". */
const char *tp_display_name(const char *path);

#endif
