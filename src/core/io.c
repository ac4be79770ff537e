#include "io.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"

const char *tp_display_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

tp_err tp_read_file(tp_buf *out, const char *path, size_t max, tp_diags *d)
{
    const char *name = tp_display_name(path);
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        tp_diag_error(d, name, 0, NULL, "check the path and its permissions", "cannot open: %s",
                      strerror(errno));
        return TP_EIO;
    }
    tp_err rc = TP_OK;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (out->len + n > max) {
            tp_diag_error(d, name, 0, NULL, "split the input or check it is the right file",
                          "file is larger than the %zu-byte limit", max);
            rc = TP_ELIMIT;
            goto cleanup;
        }
        tp_buf_put(out, chunk, n);
    }
    if (ferror(f)) {
        tp_diag_error(d, name, 0, NULL, NULL, "read error: %s", strerror(errno));
        rc = TP_EIO;
    }
cleanup:
    if (!is_stdin)
        fclose(f);
    return rc;
}

static int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

tp_err tp_atomic_open(tp_atomic_file *f, const char *path, tp_diags *d)
{
    memset(f, 0, sizeof *f);
    f->fd = -1;
    f->path = path;
    size_t plen = strlen(path);
    f->tmp = xmalloc(plen + 16);
    snprintf(f->tmp, plen + 16, "%s.tmp.XXXXXX", path);
    f->fd = mkstemp(f->tmp);
    if (f->fd < 0) {
        tp_diag_error(d, path, 0, NULL, "check that the folder exists and is writable",
                      "cannot create a temporary file: %s", strerror(errno));
        free(f->tmp);
        f->tmp = NULL;
        return TP_EIO;
    }
    /* mkstemp makes 0600; give the file the mode a plain fopen would. */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(f->fd, 0666 & ~mask);
    return TP_OK;
}

static int atomic_write(void *ud, const void *data, size_t len)
{
    tp_atomic_file *f = ud;
    if (f->err == 0 && write_all(f->fd, data, len) != 0)
        f->err = errno ? errno : EIO;
    return f->err ? -1 : 0;
}

tp_sink tp_atomic_sink(tp_atomic_file *f)
{
    tp_sink s = {atomic_write, f};
    return s;
}

void tp_atomic_abort(tp_atomic_file *f)
{
    if (f->fd >= 0)
        close(f->fd);
    if (f->tmp)
        unlink(f->tmp);
    free(f->tmp);
    f->tmp = NULL;
    f->fd = -1;
}

tp_err tp_atomic_commit(tp_atomic_file *f, tp_diags *d)
{
    if (f->err == 0 && fsync(f->fd) != 0)
        f->err = errno;
    if (close(f->fd) != 0 && f->err == 0)
        f->err = errno;
    f->fd = -1;
    if (f->err == 0 && rename(f->tmp, f->path) != 0)
        f->err = errno;
    if (f->err != 0) {
        tp_diag_error(d, f->path, 0, NULL, "check free space and permissions", "cannot write: %s",
                      strerror(f->err));
        tp_atomic_abort(f);
        return TP_EIO;
    }
    free(f->tmp);
    f->tmp = NULL;
    return TP_OK;
}

tp_err tp_write_file_atomic(const char *path, const void *data, size_t len, tp_diags *d)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            tp_diag_error(d, "<stdout>", 0, NULL, NULL, "write error: %s", strerror(errno));
            return TP_EIO;
        }
        return TP_OK;
    }
    tp_atomic_file f;
    tp_err rc = tp_atomic_open(&f, path, d);
    if (rc != TP_OK)
        return rc;
    tp_sink sink = tp_atomic_sink(&f);
    tp_sink_write(&sink, data, len);
    return tp_atomic_commit(&f, d);
}
