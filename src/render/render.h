/* Renderers: one file per format, all printing the same tp_doc. */
#ifndef TP_RENDER_H
#define TP_RENDER_H

#include <stdint.h>

#include "../core/buf.h"
#include "../core/err.h"
#include "../doc/doc.h"

typedef struct tp_render_opts {
    int64_t epoch;          /* creation/modification time in metadata: from SOURCE_DATE_EPOCH
                               or the document date at 00:00 UTC; never the clock */
    const char *identifier; /* stable id to derive PDF /ID or ODF/DOCX ids from (e.g. the tender
                               reference + document kind) */
} tp_render_opts;

typedef struct tp_renderer {
    const char *name;      /* "pdf" "odt" "docx" */
    const char *extension; /* ".pdf" … */
    const char *mime;
    tp_err (*render)(tp_buf *out, const tp_doc *doc, const tp_render_opts *opts, tp_diags *d);
} tp_renderer;

tp_err tp_render_pdf(tp_buf *out, const tp_doc *doc, const tp_render_opts *opts, tp_diags *d);
tp_err tp_render_odt(tp_buf *out, const tp_doc *doc, const tp_render_opts *opts, tp_diags *d);
tp_err tp_render_docx(tp_buf *out, const tp_doc *doc, const tp_render_opts *opts, tp_diags *d);

/* Table in render.c, lookup by name; NULL when unknown. */
const tp_renderer *tp_renderer_find(const char *name);
extern const tp_renderer tp_renderers[];
extern const size_t tp_renderer_count;

#endif
