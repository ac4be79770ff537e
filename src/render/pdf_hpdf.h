/* libharu speed-ups (pdf_hpdf.c): fonts from memory, the PDF straight out of
 * libharu's memory stream and, for libharu 2.3.0, faster versions of a few
 * of its internal helpers. Same PDF content; see pdf_hpdf.c for the bytes. */
#ifndef TP_PDF_HPDF_H
#define TP_PDF_HPDF_H

#include <hpdf.h>
#include <stdbool.h>

#include "../core/buf.h"
#include "../core/err.h"

/* Loads a TrueType font file for embedding; returns its font name for
 * HPDF_GetFont, or NULL (libharu's error handler was called, or a read
 * error is in d). bytes is scratch space, reused across calls. */
const char *tp_pdf_load_ttf(HPDF_Doc pdf, const char *path, tp_buf *bytes, tp_diags *d);

/* Writes the document and appends its bytes to out. *reading is set while
 * libharu reads its stream back (it reports the stream's end as an error). */
tp_err tp_pdf_save(HPDF_Doc pdf, tp_buf *out, bool *reading);

#endif
