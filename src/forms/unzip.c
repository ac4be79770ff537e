#include "unzip.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "../core/mem.h"

struct tp_unzip {
    zip_t *za;
    char *display;
    char **names; /* by index */
    size_t n;
    uint64_t total_read; /* real decompressed bytes handed out so far */
};

bool tp_unzip_is_zip(const void *data, size_t len)
{
    const unsigned char *p = data;
    return len >= 4 && p[0] == 'P' && p[1] == 'K' &&
           ((p[2] == 3 && p[3] == 4) || (p[2] == 5 && p[3] == 6));
}

/* Absolute paths, drive letters, backslashes and ".." components are what
 * extraction tools turn into writes outside their folder ("zip slip"). We never
 * extract, but such a name in an offer is an attack or a broken tool: refuse. */
static bool name_is_safe(const char *name)
{
    if (!name || !*name || name[0] == '/' || strchr(name, '\\'))
        return false;
    if (((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z')) &&
        name[1] == ':')
        return false;
    for (const char *p = name; *p;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return false;
        if (!slash)
            break;
        p = slash + 1;
    }
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x20)
            return false;
    return true;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static tp_err check_entries(tp_unzip *z, tp_diags *d)
{
    uint64_t declared_total = 0;
    for (size_t i = 0; i < z->n; i++) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(z->za, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) {
            tp_diag_error(d, z->display, 0, NULL, "send the file again, as saved by the spreadsheet",
                          "entry %zu of the zip cannot be read", i + 1);
            return TP_EPARSE;
        }
        if (!name_is_safe(st.name)) {
            tp_diag_error(d, z->display, 0, st.name,
                          "an offer form holds only the parts a spreadsheet writes",
                          "the zip holds an entry with an unsafe name (absolute, '..' or "
                          "backslash): the archive is refused");
            return TP_EINVALID;
        }
        z->names[i] = xstrdup(st.name);
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
            tp_diag_error(d, z->display, 0, st.name, "save the form without a password",
                          "the zip entry is encrypted");
            return TP_EINVALID;
        }
        uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
        if (size > TP_UNZIP_MAX_ENTRY) {
            tp_diag_error(d, z->display, 0, st.name, "an offer form is a few hundred kilobytes",
                          "the zip entry declares %llu bytes once decompressed, over the %u-byte "
                          "limit per entry (a zip bomb?)",
                          (unsigned long long)size, TP_UNZIP_MAX_ENTRY);
            return TP_ELIMIT;
        }
        declared_total += size;
        if (declared_total > TP_UNZIP_MAX_TOTAL) {
            tp_diag_error(d, z->display, 0, NULL, "an offer form is a few hundred kilobytes",
                          "the zip entries declare more than %u bytes once decompressed (a zip "
                          "bomb?)",
                          TP_UNZIP_MAX_TOTAL);
            return TP_ELIMIT;
        }
    }
    char **sorted = xmalloc((z->n ? z->n : 1) * sizeof *sorted);
    memcpy(sorted, z->names, z->n * sizeof *sorted);
    qsort(sorted, z->n, sizeof *sorted, cmp_names);
    tp_err rc = TP_OK;
    for (size_t i = 1; i < z->n && rc == TP_OK; i++)
        if (strcmp(sorted[i - 1], sorted[i]) == 0) {
            tp_diag_error(d, z->display, 0, sorted[i], "send the file as saved by the spreadsheet",
                          "the zip holds two entries with the same name: the archive is refused");
            rc = TP_EINVALID;
        }
    free(sorted);
    return rc;
}

tp_err tp_unzip_open(tp_unzip **out, const void *data, size_t len, const char *display_name,
                     tp_diags *d)
{
    *out = NULL;
    const char *display = display_name ? display_name : "<zip>";
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t *src = zip_source_buffer_create(len ? data : "", len, 0, &zerr);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr) : NULL;
    if (!za) {
        tp_diag_error(d, display, 0, NULL, "send the file again, as saved by the spreadsheet",
                      "not a readable zip archive (%s)", zip_error_strerror(&zerr));
        zip_error_fini(&zerr);
        if (src)
            zip_source_free(src);
        return TP_EPARSE;
    }
    zip_error_fini(&zerr);
    zip_int64_t n = zip_get_num_entries(za, 0);
    if (n < 0 || (uint64_t)n > TP_UNZIP_MAX_ENTRIES) {
        tp_diag_error(d, display, 0, NULL, "an offer form holds a dozen parts",
                      "the zip has %lld entries, over the limit of %u",
                      (long long)n, TP_UNZIP_MAX_ENTRIES);
        zip_discard(za);
        return TP_ELIMIT;
    }
    tp_unzip *z = xcalloc(1, sizeof *z);
    z->za = za;
    z->display = xstrdup(display);
    z->n = (size_t)n;
    z->names = xcalloc(z->n ? z->n : 1, sizeof *z->names);
    tp_err rc = check_entries(z, d);
    if (rc != TP_OK) {
        tp_unzip_free(z);
        return rc;
    }
    *out = z;
    return TP_OK;
}

size_t tp_unzip_count(const tp_unzip *z)
{
    return z ? z->n : 0;
}

const char *tp_unzip_name(const tp_unzip *z, size_t i)
{
    return z && i < z->n ? z->names[i] : NULL;
}

static zip_int64_t find(const tp_unzip *z, const char *name)
{
    for (size_t i = 0; i < z->n; i++)
        if (strcmp(z->names[i], name) == 0)
            return (zip_int64_t)i;
    return -1;
}

bool tp_unzip_has(const tp_unzip *z, const char *name)
{
    return z && find(z, name) >= 0;
}

tp_err tp_unzip_read(tp_unzip *z, const char *name, tp_buf *out, tp_diags *d)
{
    zip_int64_t idx = find(z, name);
    if (idx < 0) {
        tp_diag_error(d, z->display, 0, name, NULL, "the zip has no '%s' entry", name);
        return TP_EINVALID;
    }
    zip_file_t *f = zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
    if (!f) {
        tp_diag_error(d, z->display, 0, name, "send the file again, as saved by the spreadsheet",
                      "the zip entry cannot be opened (%s)", zip_strerror(z->za));
        return TP_EPARSE;
    }
    char chunk[16384];
    uint64_t got = 0;
    tp_err rc = TP_OK;
    for (;;) {
        zip_int64_t r = zip_fread(f, chunk, sizeof chunk);
        if (r < 0) {
            tp_diag_error(d, z->display, 0, name,
                          "send the file again, as saved by the spreadsheet",
                          "the zip entry is damaged (%s)", zip_file_strerror(f));
            rc = TP_EPARSE;
            break;
        }
        if (r == 0)
            break;
        got += (uint64_t)r;
        z->total_read += (uint64_t)r;
        /* Real bytes, not the declared size: a lying header cannot get past. */
        if (got > TP_UNZIP_MAX_ENTRY || z->total_read > TP_UNZIP_MAX_TOTAL) {
            tp_diag_error(d, z->display, 0, name, "an offer form is a few hundred kilobytes",
                          "the zip entry decompresses to more than %u bytes (a zip bomb?)",
                          got > TP_UNZIP_MAX_ENTRY ? TP_UNZIP_MAX_ENTRY : TP_UNZIP_MAX_TOTAL);
            rc = TP_ELIMIT;
            break;
        }
        tp_buf_put(out, chunk, (size_t)r);
    }
    zip_fclose(f);
    return rc;
}

void tp_unzip_free(tp_unzip *z)
{
    if (!z)
        return;
    for (size_t i = 0; i < z->n; i++)
        free(z->names[i]);
    free(z->names);
    free(z->display);
    zip_discard(z->za);
    free(z);
}
