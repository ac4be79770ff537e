/* Speed-ups for libharu 2.3.0 (Debian 12), the only libharu code that knows
 * its internals (installed headers hpdf_doc.h, hpdf_streams.h). With another
 * version these fall back to the public API and libharu's own code. */
#include "pdf_hpdf.h"

#include <zlib.h>
#include <stdlib.h>
#include <string.h>

#include "../core/io.h"
#include "../core/mem.h"

#define TP_FONT_MAX (16u << 20) /* a font file larger than this is not a DejaVu cut */

#if HPDF_VERSION_ID == 20300
#include <hpdf_conf.h>
#include <hpdf_encrypt.h>
#include <hpdf_utils.h>

/* Flate level of the PDF streams. libharu asks zlib for its default (6) in
 * 4 KiB pieces; level 1 in one call per stream gives PDFs a few % larger for
 * a fraction of the time. Fixed: the same bytes from the same zlib. */
#define TP_PDF_DEFLATE_LEVEL 1
/* libharu's output chunk, kept so encryption (unused here) sees the same pieces. */
#define HPDF_DEFLATE_CHUNK ((HPDF_UINT)(HPDF_STREAM_BUF_SIZ * 1.1) + 13)

/* ------------------------------------------------------------ byte helpers
 * libharu copies, clears and measures memory one byte at a time in these
 * helpers (every stream read and write, a 512-byte clear per text position).
 * Its own calls go through the PLT, so these definitions replace them: same
 * results, including the end pointer the first two return. */

HPDF_BYTE *HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
    if (n)
        memmove(out, in, n);
    return out + n;
}

void *HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
    if (n)
        memset(s, c, n);
    return (HPDF_BYTE *)s + n;
}

HPDF_UINT HPDF_StrLen(const char *s, HPDF_INT maxlen) /* maxlen < 0: no limit */
{
    if (!s)
        return 0;
    return (HPDF_UINT)(maxlen < 0 ? strlen(s) : strnlen(s, (size_t)maxlen));
}

/* ------------------------------------------------------------ stream deflate
 * libharu deflates every stream (pages, embedded fonts) through zlib at its
 * default level, in 4 KiB pieces: the largest cost of a PDF. This replaces
 * its HPDF_Stream_WriteToStreamWithDeflate (called through the PLT from
 * HPDF_Stream_WriteToStream) with one zlib call on the whole stream at
 * level 1: same format, a little larger, a fraction of the instructions. */

HPDF_STATUS HPDF_Stream_WriteToStreamWithDeflate(HPDF_Stream src, HPDF_Stream dst,
                                                 HPDF_Encrypt e);

/* All of src, contiguous (caller frees). */
static HPDF_BYTE *read_all(HPDF_Stream src, HPDF_UINT32 size, HPDF_STATUS *st)
{
    HPDF_BYTE *in = xmalloc(size ? size : 1);
    *st = HPDF_OK;
    if (src->type == HPDF_STREAM_MEMORY) {
        HPDF_UINT32 got = 0;
        for (HPDF_UINT i = 0; got < size; i++) {
            HPDF_UINT len = 0;
            HPDF_BYTE *block = HPDF_MemStream_GetBufPtr(src, i, &len);
            if (!block || len == 0 || len > size - got) {
                *st = HPDF_SetError(src->error, HPDF_INVALID_STREAM, 0);
                break;
            }
            memcpy(in + got, block, len);
            got += len;
        }
    } else if ((*st = HPDF_Stream_Seek(src, 0, HPDF_SEEK_SET)) == HPDF_OK) {
        HPDF_UINT got = size;
        *st = HPDF_Stream_Read(src, in, &got);
        if (*st == HPDF_STREAM_EOF && got == size)
            *st = HPDF_OK;
        else if (*st == HPDF_OK && got != size)
            *st = HPDF_SetError(src->error, HPDF_INVALID_STREAM, 0);
    }
    if (*st != HPDF_OK) {
        free(in);
        return NULL;
    }
    return in;
}

HPDF_STATUS HPDF_Stream_WriteToStreamWithDeflate(HPDF_Stream src, HPDF_Stream dst,
                                                 HPDF_Encrypt e)
{
    HPDF_UINT32 size = HPDF_Stream_Size(src);
    HPDF_STATUS st;
    HPDF_BYTE *in = read_all(src, size, &st);
    if (!in)
        return st;
    uLongf n = compressBound(size);
    HPDF_BYTE *out = xmalloc(n);
    if (compress2(out, &n, in, size, TP_PDF_DEFLATE_LEVEL) != Z_OK) {
        st = HPDF_SetError(src->error, HPDF_ZLIB_ERROR, 0);
    } else if (!e) {
        st = HPDF_Stream_Write(dst, out, (HPDF_UINT)n);
    } else {
        HPDF_BYTE ebuf[HPDF_DEFLATE_CHUNK];
        for (size_t off = 0; off < n && st == HPDF_OK; off += HPDF_DEFLATE_CHUNK) {
            HPDF_UINT k = (HPDF_UINT)(n - off < HPDF_DEFLATE_CHUNK ? n - off : HPDF_DEFLATE_CHUNK);
            HPDF_Encrypt_CryptBuf(e, out + off, ebuf, k);
            st = HPDF_Stream_Write(dst, ebuf, k);
        }
    }
    free(out);
    free(in);
    return st;
}


/* ------------------------------------------------------------ fonts
 * libharu 2.3 reads TrueType fonts only through a FILE stream, and seeks it
 * for every glyph when it writes the subset: thousands of lseek calls per PDF,
 * most of a pack's system time. This does what its LoadTTFontFromStream does
 * (hpdf_doc.c), from a memory stream: same font objects, same PDF bytes. */
const char *tp_pdf_load_ttf(HPDF_Doc pdf, const char *path, tp_buf *bytes, tp_diags *d)
{
    tp_buf_clear(bytes);
    if (tp_read_file(bytes, path, TP_FONT_MAX, d) != TP_OK)
        return NULL;
    HPDF_UINT len = (HPDF_UINT)bytes->len;
    HPDF_Stream s = HPDF_MemStream_New(pdf->mmgr, len);
    if (!s || HPDF_Stream_Write(s, (const HPDF_BYTE *)bytes->data, len) != HPDF_OK) {
        HPDF_Stream_Free(s);
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    HPDF_FontDef def = HPDF_TTFontDef_Load(pdf->mmgr, s, HPDF_TRUE); /* owns s */
    if (!def || HPDF_Doc_RegisterFontDef(pdf, def) != HPDF_OK) {   /* frees def on failure */
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    /* The subset tag libharu gives the n-th embedded font: HPDFAA, HPDFAB, ... */
    if (pdf->ttfont_tag[0] == 0) {
        memcpy(pdf->ttfont_tag, "HPDFAA", 6);
    } else {
        for (int i = 5; i >= 0; i--) {
            if (++pdf->ttfont_tag[i] <= 'Z')
                break;
            pdf->ttfont_tag[i] = 'A';
        }
    }
    HPDF_TTFontDef_SetTagName(def, (char *)pdf->ttfont_tag);
    return def->base_font;
}

tp_err tp_pdf_save(HPDF_Doc pdf, tp_buf *out, bool *reading)
{
    (void)reading; /* the blocks are read directly, not through libharu */
    HPDF_STATUS saved = HPDF_SaveToStream(pdf);
    if (saved != HPDF_OK)
        return TP_EPDF;
    /* Straight from the memory stream's blocks: HPDF_ReadFromStream copies
     * byte by byte into a second buffer. */
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    size_t start = out->len;
    HPDF_UINT32 got = 0;
    for (HPDF_UINT i = 0; got < size; i++) {
        HPDF_UINT len = 0;
        HPDF_BYTE *block = HPDF_MemStream_GetBufPtr(pdf->stream, i, &len);
        if (!block || len == 0 || len > size - got) {
            out->len = start; /* nothing half-written */
            if (out->data)
                out->data[start] = '\0';
            return TP_EPDF;
        }
        tp_buf_put(out, block, len);
        got += len;
    }
    return TP_OK;
}

#else /* another libharu: its public API only */

const char *tp_pdf_load_ttf(HPDF_Doc pdf, const char *path, tp_buf *bytes, tp_diags *d)
{
    (void)bytes;
    (void)d;
    return HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
}

tp_err tp_pdf_save(HPDF_Doc pdf, tp_buf *out, bool *reading)
{
    if (HPDF_SaveToStream(pdf) != HPDF_OK)
        return TP_EPDF;
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    HPDF_ResetStream(pdf);
    HPDF_BYTE *data = xmalloc(size ? size : 1);
    HPDF_UINT32 got = size;
    *reading = true;
    HPDF_STATUS s = HPDF_ReadFromStream(pdf, data, &got);
    *reading = false;
    tp_err rc = TP_OK;
    if ((s != HPDF_OK && s != HPDF_STREAM_EOF) || got != size)
        rc = TP_EPDF;
    else
        tp_buf_put(out, data, got);
    free(data);
    return rc;
}
#endif
