#include "err.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"

static const char *const error_strings[TP_ERR_COUNT] = {
    [TP_OK] = "no error",
    [TP_EUSAGE] = "invalid command line",
    [TP_EIO] = "input/output error",
    [TP_EPARSE] = "not well-formed XML",
    [TP_EINVALID] = "invalid input",
    [TP_ELIMIT] = "input over a safety limit",
    [TP_EUNSUPPORTED] = "unsupported format or option",
    [TP_ETEMPLATE] = "broken template or data file",
    [TP_EXML] = "XML library error",
    [TP_EPDF] = "PDF library error",
    [TP_EZIP] = "zip library error",
    [TP_EDB] = "database error",
    [TP_EINTERNAL] = "internal error",
};

const char *tp_strerror(tp_err e)
{
    if ((unsigned)e >= TP_ERR_COUNT || !error_strings[e])
        return "unknown error";
    return error_strings[e];
}

void tp_diags_init(tp_diags *d)
{
    memset(d, 0, sizeof *d);
}

void tp_diags_dispose(tp_diags *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].file);
        free(d->v[i].field);
        free(d->v[i].msg);
        free(d->v[i].hint);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}

void tp_diag_add(tp_diags *d, tp_severity sev, const char *file, int line, const char *field,
                 const char *hint, const char *fmt, ...)
{
    if (!d)
        return;
    tp_grow((void **)&d->v, &d->cap, d->n, sizeof *d->v);
    tp_diag *e = &d->v[d->n++];
    tp_buf b;
    tp_buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    tp_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    e->sev = sev;
    e->file = xstrdup(file);
    e->line = line;
    e->field = xstrdup(field);
    e->msg = tp_buf_detach(&b);
    e->hint = xstrdup(hint);
    if (sev == TP_SEV_ERROR)
        d->nerrors++;
}

void tp_diags_append(tp_diags *to, tp_diags *from)
{
    for (size_t i = 0; i < from->n; i++) {
        tp_grow((void **)&to->v, &to->cap, to->n, sizeof *to->v);
        to->v[to->n++] = from->v[i];
    }
    to->nerrors += from->nerrors;
    from->n = from->nerrors = 0;
}

static int diag_cmp(const tp_diag *a, const tp_diag *b)
{
    int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (c)
        return c;
    return (a->line > b->line) - (a->line < b->line);
}

void tp_diags_sort(tp_diags *d)
{
    /* Insertion sort: stable, and diagnostic lists are short. */
    for (size_t i = 1; i < d->n; i++) {
        tp_diag x = d->v[i];
        size_t j = i;
        while (j > 0 && diag_cmp(&d->v[j - 1], &x) > 0) {
            d->v[j] = d->v[j - 1];
            j--;
        }
        d->v[j] = x;
    }
}

static const char *sev_name(tp_severity s)
{
    switch (s) {
    case TP_SEV_ERROR: return "error";
    case TP_SEV_WARNING: return "warning";
    default: return "note";
    }
}

void tp_diags_print(const tp_diags *d, FILE *out)
{
    for (size_t i = 0; i < d->n; i++) {
        const tp_diag *e = &d->v[i];
        if (e->file && e->line > 0)
            fprintf(out, "%s:%d: ", e->file, e->line);
        else if (e->file)
            fprintf(out, "%s: ", e->file);
        fprintf(out, "%s: ", sev_name(e->sev));
        if (e->field)
            fprintf(out, "%s: ", e->field);
        fputs(e->msg, out);
        if (e->hint)
            fprintf(out, " (fix: %s)", e->hint);
        fputc('\n', out);
    }
}
