#include "zipout.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "../core/date.h"
#include "../core/mem.h"

/* Fixed, never libzip's default. Level 1 halves the time of level 6 on a
 * 50-page document (deflate is most of a render) for 18% more bytes. */
#define TP_ZIP_DEFLATE_LEVEL 1
/* Smaller entries are stored: each deflated entry costs a fresh ~256 KiB zlib
 * state (allocated and cleared), far more than the bytes it would save. */
#define TP_ZIP_STORE_BELOW 1024
/* -rw-r--r-- regular file, as `zip` writes on Unix; fixed, never from umask. */
#define TP_ZIP_UNIX_MODE 0100644u

typedef struct zip_entry {
    char *name;
    void *data;
    size_t len;
    bool store;
} zip_entry;

struct tp_zip {
    uint16_t dos_time, dos_date;
    zip_entry *v;
    size_t n, cap;
};

void tp_zip_dos_time(int64_t epoch, uint16_t *dos_time, uint16_t *dos_date)
{
    /* 1980-01-01T00:00:00Z and 2107-12-31T23:59:58Z: the DOS format's range. */
    const int64_t min = 315532800, max = 4354819198;
    if (epoch < min)
        epoch = min;
    if (epoch > max)
        epoch = max;
    long days = (long)(epoch / 86400);
    int secs = (int)(epoch % 86400);
    tp_date day = tp_date_from_days(days);
    *dos_date = (uint16_t)(((day.y - 1980) << 9) | (day.m << 5) | day.d);
    *dos_time = (uint16_t)(((secs / 3600) << 11) | (((secs / 60) % 60) << 5) | ((secs % 60) / 2));
}

tp_zip *tp_zip_new(int64_t mtime)
{
    tp_zip *z = xcalloc(1, sizeof *z);
    tp_zip_dos_time(mtime, &z->dos_time, &z->dos_date);
    return z;
}

void tp_zip_free(tp_zip *z)
{
    if (!z)
        return;
    for (size_t i = 0; i < z->n; i++) {
        free(z->v[i].name);
        free(z->v[i].data);
    }
    free(z->v);
    free(z);
}

static bool name_ok(const tp_zip *z, const char *name)
{
    if (!name || !*name || name[0] == '/' || strchr(name, '\\'))
        return false;
    for (const char *p = name; (p = strstr(p, "..")) != NULL; p += 2)
        if ((p == name || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
            return false;
    for (size_t i = 0; i < z->n; i++)
        if (strcmp(z->v[i].name, name) == 0)
            return false;
    return true;
}

static tp_err add_owned(tp_zip *z, const char *name, void *data, size_t len, bool store)
{
    if (!name_ok(z, name)) {
        free(data);
        return TP_EINVALID;
    }
    tp_grow((void **)&z->v, &z->cap, z->n, sizeof *z->v);
    z->v[z->n++] = (zip_entry){xstrdup(name), data, len, store};
    return TP_OK;
}

tp_err tp_zip_add(tp_zip *z, const char *name, const void *data, size_t len, bool store)
{
    void *copy = xmalloc(len);
    if (len)
        memcpy(copy, data, len);
    return add_owned(z, name, copy, len, store);
}

tp_err tp_zip_add_buf(tp_zip *z, const char *name, tp_buf *buf, bool store)
{
    size_t len = buf->len;
    return add_owned(z, name, tp_buf_detach(buf), len, store);
}

static tp_err zip_fail(tp_diags *d, const char *what, zip_error_t *ze)
{
    tp_diag_error(d, NULL, 0, NULL, "this is a bug or a broken libzip install; please report it",
                  "cannot build the zip package (%s): %s", what, zip_error_strerror(ze));
    return TP_EZIP;
}

/* Adds every entry with its fixed metadata. */
static tp_err add_entries(tp_zip *z, zip_t *za, tp_diags *d)
{
    for (size_t i = 0; i < z->n; i++) {
        const zip_entry *e = &z->v[i];
        zip_source_t *s = zip_source_buffer(za, e->data, e->len, 0);
        if (!s)
            return zip_fail(d, e->name, zip_get_error(za));
        zip_int64_t idx = zip_file_add(za, e->name, s, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(s);
            return zip_fail(d, e->name, zip_get_error(za));
        }
        zip_uint64_t u = (zip_uint64_t)idx;
        bool store = e->store || e->len < TP_ZIP_STORE_BELOW;
        int rc = zip_set_file_compression(za, u, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                          store ? 0 : TP_ZIP_DEFLATE_LEVEL);
        if (rc == 0)
            rc = zip_file_set_dostime(za, u, z->dos_time, z->dos_date, 0);
        if (rc == 0)
            rc = zip_file_set_external_attributes(za, u, 0, ZIP_OPSYS_UNIX, TP_ZIP_UNIX_MODE << 16);
        if (rc != 0)
            return zip_fail(d, e->name, zip_get_error(za));
    }
    return TP_OK;
}

/* Appends everything written into the (closed-archive) buffer source. */
static tp_err read_back(zip_source_t *src, tp_buf *out, tp_diags *d)
{
    if (zip_source_open(src) < 0)
        return zip_fail(d, "read back", zip_source_error(src));
    char chunk[16384];
    zip_int64_t got;
    while ((got = zip_source_read(src, chunk, sizeof chunk)) > 0)
        tp_buf_put(out, chunk, (size_t)got);
    tp_err err = got < 0 ? zip_fail(d, "read back", zip_source_error(src)) : TP_OK;
    zip_source_close(src);
    return err;
}

tp_err tp_zip_finish(tp_zip *z, tp_buf *out, tp_diags *d)
{
    if (z->n == 0) {
        /* libzip removes an archive with no entries; write the bare end record. */
        static const unsigned char empty[22] = {'P', 'K', 5, 6};
        tp_buf_put(out, empty, sizeof empty);
        return TP_OK;
    }
    tp_err err = TP_OK;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_t *za = NULL;
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!src) {
        err = zip_fail(d, "memory buffer", &ze);
        goto cleanup;
    }
    za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    if (!za) {
        err = zip_fail(d, "open", &ze);
        zip_source_free(src); /* still ours when open fails */
        src = NULL;
        goto cleanup;
    }
    zip_source_keep(src); /* survive zip_close, which drops the archive's reference */
    if ((err = add_entries(z, za, d)) != TP_OK)
        goto cleanup;
    if (zip_close(za) != 0) {
        err = zip_fail(d, "write", zip_get_error(za));
        goto cleanup;
    }
    za = NULL;
    err = read_back(src, out, d);

cleanup:
    if (za)
        zip_discard(za);
    if (src)
        zip_source_free(src);
    zip_error_fini(&ze);
    return err;
}
