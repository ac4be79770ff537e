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

tp_err tp_write_file_atomic(const char *path, const void *data, size_t len, tp_diags *d)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            tp_diag_error(d, "<stdout>", 0, NULL, NULL, "write error: %s", strerror(errno));
            return TP_EIO;
        }
        return TP_OK;
    }
    size_t plen = strlen(path);
    char *tmp = xmalloc(plen + 16);
    snprintf(tmp, plen + 16, "%s.tmp.XXXXXX", path);
    tp_err rc = TP_OK;
    int fd = mkstemp(tmp);
    if (fd < 0) {
        tp_diag_error(d, path, 0, NULL, "check that the folder exists and is writable",
                      "cannot create a temporary file: %s", strerror(errno));
        free(tmp);
        return TP_EIO;
    }
    /* mkstemp makes 0600; give the file the mode a plain fopen would. */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            rc = TP_EIO;
            break;
        }
        p += w;
        left -= (size_t)w;
    }
    if (rc == TP_OK && fsync(fd) != 0)
        rc = TP_EIO;
    if (close(fd) != 0)
        rc = TP_EIO;
    if (rc == TP_OK && rename(tmp, path) != 0)
        rc = TP_EIO;
    if (rc != TP_OK) {
        tp_diag_error(d, path, 0, NULL, "check free space and permissions", "cannot write: %s",
                      strerror(errno));
        unlink(tmp);
    }
    free(tmp);
    return rc;
}
