/* Error codes and diagnostics shared by every module.
 * A tp_err says whether the tool could do its job; tp_diags says what is
 * wrong with the user's input (file, line, field, message, fix), all at once. */
#ifndef TP_ERR_H
#define TP_ERR_H

#include <stddef.h>
#include <stdio.h>

typedef enum tp_err {
    TP_OK = 0,
    TP_EUSAGE,       /* bad command line */
    TP_EIO,          /* open/read/write failed */
    TP_EPARSE,       /* input is not well-formed XML */
    TP_EINVALID,     /* well-formed but breaks the schema or a rule: see diags */
    TP_ELIMIT,       /* input over a size, depth or expansion limit */
    TP_EUNSUPPORTED, /* unknown format, option or code */
    TP_ETEMPLATE,    /* a template or data file is broken */
    TP_EXML,         /* libxml2/libxslt failure */
    TP_EPDF,         /* libharu failure */
    TP_EZIP,         /* libzip failure */
    TP_EDB,          /* sqlite failure */
    TP_EINTERNAL,    /* a bug: an invariant did not hold */
    TP_ERR_COUNT
} tp_err;

/* Static text for an error code; never NULL. */
const char *tp_strerror(tp_err e);

typedef enum tp_severity { TP_SEV_ERROR, TP_SEV_WARNING, TP_SEV_NOTE } tp_severity;

typedef struct tp_diag {
    tp_severity sev;
    char *file;  /* input file name as the user gave it ("-" is shown as <stdin>) */
    int line;    /* 0 when unknown */
    char *field; /* e.g. "po/bce"; may be NULL */
    char *msg;   /* what is wrong */
    char *hint;  /* how to fix it; may be NULL */
} tp_diag;

typedef struct tp_diags {
    tp_diag *v;
    size_t n, cap;
    size_t nerrors;
} tp_diags;

void tp_diags_init(tp_diags *d);
void tp_diags_dispose(tp_diags *d);

/* Adds one diagnostic. file, field and hint may be NULL. msg is printf-style. */
void tp_diag_add(tp_diags *d, tp_severity sev, const char *file, int line,
                 const char *field, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Shorthand for an error. */
#define tp_diag_error(d, file, line, field, hint, ...) \
    tp_diag_add((d), TP_SEV_ERROR, (file), (line), (field), (hint), __VA_ARGS__)
#define tp_diag_warn(d, file, line, field, hint, ...) \
    tp_diag_add((d), TP_SEV_WARNING, (file), (line), (field), (hint), __VA_ARGS__)

/* Moves every diagnostic of from to the end of to (from is left empty). */
void tp_diags_append(tp_diags *to, tp_diags *from);

/* Sorts by file, then line (stable), so messages read top to bottom. */
void tp_diags_sort(tp_diags *d);

/* Writes each diagnostic as one line:
 *   FILE:LINE: error: FIELD: message (fix: hint)   */
void tp_diags_print(const tp_diags *d, FILE *out);

#endif
