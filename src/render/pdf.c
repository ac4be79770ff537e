/* PDF renderer (libharu 2.3.0): lays the document out (pdf_layout.h, pure
 * arithmetic), then draws the pages, the TOC page numbers and links, the
 * bookmarks, running header and footer "Page X / Y", and metadata.
 * Text goes through CP1252 + WinAnsiEncoding with embedded DejaVu Sans
 * fonts: libharu's UTF-8/CID path writes a ToUnicode map poppler rejects. */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/buf.h"
#include "../core/date.h"
#include "../core/mem.h"
#include "../data/resources.h"
#include "pdf_hpdf.h"
#include "pdf_layout.h"
#include "pdf_text.h"
#include "render.h"

#define ENCODING "WinAnsiEncoding"
#define MM(x) ((x) * 72.0 / 25.4)
#define RUNNING_SIZE 8.0
#define RUNNING_GRAY 0.35
#define BORDER_GRAY 0.45
#define BORDER_WIDTH 0.5

/* Regular, bold, italic, bold-italic: indexed by TP_STYLE_* bits. */
static const char *const font_files[TP_STYLE_COUNT] = {
    "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf"};

typedef struct hpdf_state {
    HPDF_STATUS error, detail; /* first error libharu reported */
    int errors;
    bool reading; /* the memory stream reports its end as an error: not one */
} hpdf_state;

static void on_hpdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    hpdf_state *st = user_data;
    if (st->reading && error_no == HPDF_STREAM_EOF)
        return;
    if (st->errors++ == 0) {
        st->error = error_no;
        st->detail = detail_no;
    }
}

typedef struct drawer {
    HPDF_Doc pdf;
    hpdf_state *st;
    const tp_doc *doc;
    tp_pdf_layout L;
    tp_pdf_geometry g;
    tp_pdf_metrics metrics;
    HPDF_Font fonts[TP_STYLE_COUNT];
    HPDF_Page *pages;
    HPDF_Destination *dests; /* one per heading */
    tp_buf scratch;          /* NUL-terminated text for libharu */
    /* Text state of the current page, to write Tf/Tw only on change. */
    int cur_style;
    double cur_size, cur_word_space, cur_gray;
} drawer;

/* ---------------------------------------------------------------- fonts */

static tp_err load_fonts(drawer *w, tp_diags *d)
{
    const char *dir = tp_resource_font_dir();
    tp_buf path, bytes;
    tp_buf_init(&path);
    tp_buf_init(&bytes);
    tp_err rc = TP_OK;
    for (int s = 0; s < TP_STYLE_COUNT; s++) {
        tp_buf_clear(&path);
        tp_buf_printf(&path, "%s/%s", dir, font_files[s]);
        if (access(tp_buf_cstr(&path), R_OK) != 0) {
            tp_diag_error(d, tp_buf_cstr(&path), 0, "TENDERPACK_FONT_DIR",
                          "install the DejaVu fonts (Debian: fonts-dejavu-core) or set "
                          "TENDERPACK_FONT_DIR to a directory holding DejaVuSans*.ttf",
                          "font file %s cannot be read", font_files[s]);
            rc = TP_EIO;
            continue;
        }
        const char *name = tp_pdf_load_ttf(w->pdf, tp_buf_cstr(&path), &bytes, d);
        w->fonts[s] = name ? HPDF_GetFont(w->pdf, name, ENCODING) : NULL;
        if (!w->fonts[s]) {
            rc = TP_EPDF;
            break;
        }
        for (int b = 0; b < 256; b++) {
            HPDF_BYTE byte = (HPDF_BYTE)b;
            HPDF_TextWidth tw = HPDF_Font_TextWidth(w->fonts[s], &byte, 1);
            w->metrics.width[s][b] = (uint16_t)tw.width;
        }
    }
    tp_buf_dispose(&path);
    tp_buf_dispose(&bytes);
    return rc;
}

/* ---------------------------------------------------------------- text */

static const char *cstr(drawer *w, const char *bytes, size_t len)
{
    tp_buf_clear(&w->scratch);
    tp_buf_put(&w->scratch, bytes, len);
    return tp_buf_cstr(&w->scratch);
}

static void set_font(drawer *w, HPDF_Page page, int style, double size)
{
    if (style != w->cur_style || size != w->cur_size) {
        HPDF_Page_SetFontAndSize(page, w->fonts[style & 3], (HPDF_REAL)size);
        w->cur_style = style;
        w->cur_size = size;
    }
}

static void set_word_space(drawer *w, HPDF_Page page, double ws)
{
    if (ws != w->cur_word_space) {
        HPDF_Page_SetWordSpace(page, (HPDF_REAL)ws);
        w->cur_word_space = ws;
    }
}

static void set_gray(drawer *w, HPDF_Page page, double gray)
{
    if (gray != w->cur_gray) {
        HPDF_Page_SetGrayFill(page, (HPDF_REAL)gray);
        w->cur_gray = gray;
    }
}

/* Baseline below the top of a line box: the glyphs sit centred in the leading. */
static double baseline_offset(double size, double leading)
{
    return (leading - size) / 2 + 0.8 * size;
}

/* Draws a laid-out line with its left edge at x (inside BT .. ET). */
static void draw_line(drawer *w, HPDF_Page page, const tp_pdf_line *line, double x,
                      double baseline, double size)
{
    const tp_pdf_store *s = &w->L.store;
    set_word_space(w, page, line->word_space);
    for (size_t k = 0; k < line->nspans; k++) {
        const tp_pdf_span *sp = &s->spans[line->span0 + k];
        set_font(w, page, sp->style, size);
        HPDF_Page_TextOut(page, (HPDF_REAL)(x + line->x + sp->x), (HPDF_REAL)baseline,
                          cstr(w, s->bytes.data + sp->off, sp->len));
    }
}

/* One string at x (left) or ending at x (right_aligned). Inside BT .. ET. */
static void draw_string(drawer *w, HPDF_Page page, const char *utf8, int style, double size,
                        double x, double baseline, bool right_aligned)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_cp1252_append(&b, utf8, strlen(utf8));
    if (right_aligned)
        x -= tp_pdf_text_width(&w->metrics, style, tp_buf_cstr(&b), b.len, size);
    set_font(w, page, style, size);
    set_word_space(w, page, 0);
    HPDF_Page_TextOut(page, (HPDF_REAL)x, (HPDF_REAL)baseline, tp_buf_cstr(&b));
    tp_buf_dispose(&b);
}

/* ---------------------------------------------------------------- boxes */

static void draw_toc_number(drawer *w, HPDF_Page page, const tp_pdf_box *b, double top)
{
    const tp_pdf_heading *h = &w->L.headings[b->toc_entry];
    double left = w->g.margin_left, right = left + w->L.body_width;
    double base = top - (double)(b->nlines - 1) * b->leading - baseline_offset(b->size, b->leading);
    char num[16];
    snprintf(num, sizeof num, "%d", h->page + 1);
    double num_w = tp_pdf_text_width(&w->metrics, 0, num, strlen(num), b->size);
    const tp_pdf_line *last = &w->L.store.lines[b->line0 + b->nlines - 1];
    double text_end = left + b->x + last->x + last->width + 4;
    double dot_w = tp_pdf_text_width(&w->metrics, 0, ".", 1, b->size);
    double room = right - num_w - 4 - text_end;
    if (dot_w > 0 && room > dot_w) {
        size_t ndots = (size_t)(room / dot_w);
        tp_buf dots;
        tp_buf_init(&dots);
        for (size_t i = 0; i < ndots; i++)
            tp_buf_putc(&dots, '.');
        set_font(w, page, 0, b->size);
        set_word_space(w, page, 0);
        HPDF_Page_TextOut(page, (HPDF_REAL)(right - num_w - 4 - (double)ndots * dot_w),
                          (HPDF_REAL)base, tp_buf_cstr(&dots));
        tp_buf_dispose(&dots);
    }
    set_font(w, page, 0, b->size);
    set_word_space(w, page, 0);
    HPDF_Page_TextOut(page, (HPDF_REAL)(right - num_w), (HPDF_REAL)base, num);
}

static void draw_lines_box(drawer *w, HPDF_Page page, const tp_pdf_box *b, double top)
{
    const tp_pdf_store *s = &w->L.store;
    double left = w->g.margin_left;
    double off = baseline_offset(b->size, b->leading);
    HPDF_Page_BeginText(page);
    for (size_t i = 0; i < b->nlines; i++)
        draw_line(w, page, &s->lines[b->line0 + i], left + b->x,
                  top - (double)i * b->leading - off, b->size);
    if (b->marker_line >= 0)
        draw_line(w, page, &s->lines[b->marker_line], left + b->marker_x, top - off, b->size);
    if (b->toc_entry >= 0)
        draw_toc_number(w, page, b, top);
    HPDF_Page_EndText(page);

    if (b->toc_entry >= 0 && w->dests[b->toc_entry]) {
        double x0 = left + (b->marker_line >= 0 ? b->marker_x : b->x);
        HPDF_Rect r = {(HPDF_REAL)x0, (HPDF_REAL)(top - b->height),
                       (HPDF_REAL)(left + w->L.body_width), (HPDF_REAL)top};
        HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(page, r, w->dests[b->toc_entry]);
        if (a)
            HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    }
}

static void draw_row_box(drawer *w, HPDF_Page page, const tp_pdf_box *b, double top)
{
    const tp_pdf_store *s = &w->L.store;
    double left = w->g.margin_left;
    HPDF_Page_SetLineWidth(page, BORDER_WIDTH);
    HPDF_Page_SetGrayStroke(page, BORDER_GRAY);
    for (size_t c = 0; c < b->ncells; c++) {
        const tp_pdf_cell *cell = &w->L.cells[b->cell0 + c];
        if (cell->shade)
            set_gray(w, page, cell->shade / 255.0); /* not allowed once the path is open */
        HPDF_Page_Rectangle(page, (HPDF_REAL)(left + cell->x), (HPDF_REAL)(top - b->height),
                            (HPDF_REAL)cell->width, (HPDF_REAL)b->height);
        if (cell->shade) {
            HPDF_Page_FillStroke(page);
        } else {
            HPDF_Page_Stroke(page);
        }
    }
    set_gray(w, page, 0);
    double off = baseline_offset(b->row_size, b->row_leading);
    HPDF_Page_BeginText(page);
    for (size_t c = 0; c < b->ncells; c++) {
        const tp_pdf_cell *cell = &w->L.cells[b->cell0 + c];
        for (size_t i = 0; i < cell->nlines; i++)
            draw_line(w, page, &s->lines[cell->line0 + i], left + cell->x + b->padding,
                      top - b->padding - (double)i * b->row_leading - off, b->row_size);
    }
    HPDF_Page_EndText(page);
}

static void draw_running(drawer *w, HPDF_Page page, size_t index)
{
    double left = w->g.margin_left, right = left + w->L.body_width;
    double ph = w->g.page_h;
    HPDF_Page_SetLineWidth(page, 0.4);
    HPDF_Page_SetGrayStroke(page, RUNNING_GRAY);
    if (w->doc->header && *w->doc->header) {
        HPDF_Page_MoveTo(page, (HPDF_REAL)left, (HPDF_REAL)(ph - MM(17)));
        HPDF_Page_LineTo(page, (HPDF_REAL)right, (HPDF_REAL)(ph - MM(17)));
        HPDF_Page_Stroke(page);
    }
    HPDF_Page_MoveTo(page, (HPDF_REAL)left, (HPDF_REAL)MM(16));
    HPDF_Page_LineTo(page, (HPDF_REAL)right, (HPDF_REAL)MM(16));
    HPDF_Page_Stroke(page);
    set_gray(w, page, RUNNING_GRAY);
    HPDF_Page_BeginText(page);
    if (w->doc->header && *w->doc->header)
        draw_string(w, page, w->doc->header, 0, RUNNING_SIZE, left, ph - MM(15.5), false);
    if (w->doc->footer && *w->doc->footer)
        draw_string(w, page, w->doc->footer, 0, RUNNING_SIZE, left, MM(12), false);
    char num[48];
    snprintf(num, sizeof num, "Page %zu / %zu", index + 1, w->L.pages.npages);
    draw_string(w, page, num, 0, RUNNING_SIZE, right, MM(12), true);
    HPDF_Page_EndText(page);
    set_gray(w, page, 0);
}

static void draw_page(drawer *w, size_t p)
{
    HPDF_Page page = w->pages[p];
    w->cur_style = -1;
    w->cur_size = -1;
    w->cur_word_space = 0; /* PDF default */
    w->cur_gray = 0;
    if (!(p == 0 && w->L.has_cover))
        draw_running(w, page, p);
    const tp_pdf_pages *pg = &w->L.pages;
    for (size_t k = pg->first[p]; k < pg->first[p + 1]; k++) {
        const tp_pdf_place *pl = &pg->places[k];
        const tp_pdf_box *b = &w->L.boxes[pl->box];
        double top = w->g.body_top - pl->y;
        if (b->kind == TP_BOX_LINES)
            draw_lines_box(w, page, b, top);
        else if (b->kind == TP_BOX_ROW)
            draw_row_box(w, page, b, top);
    }
}

/* ---------------------------------------------------------------- document */

static void make_destinations_and_outline(drawer *w)
{
    const tp_pdf_layout *L = &w->L;
    w->dests = xcalloc(L->nheadings ? L->nheadings : 1, sizeof *w->dests);
    HPDF_Encoder enc = HPDF_GetEncoder(w->pdf, ENCODING);
    HPDF_Outline parents[4] = {NULL, NULL, NULL, NULL};
    tp_buf title;
    tp_buf_init(&title);
    for (size_t h = 0; h < L->nheadings; h++) {
        const tp_pdf_heading *hd = &L->headings[h];
        if ((size_t)hd->page >= L->pages.npages)
            continue;
        HPDF_Destination dst = HPDF_Page_CreateDestination(w->pages[hd->page]);
        if (!dst)
            continue;
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)(w->g.body_top - hd->y + 6));
        w->dests[h] = dst;
        int lv = hd->level;
        HPDF_Outline parent = NULL;
        for (int up = lv - 1; up >= 1 && !parent; up--)
            parent = parents[up];
        tp_buf_clear(&title);
        tp_cp1252_append(&title, hd->label, strlen(hd->label));
        HPDF_Outline o = HPDF_CreateOutline(w->pdf, parent, tp_buf_cstr(&title), enc);
        if (!o)
            continue;
        HPDF_Outline_SetDestination(o, dst);
        HPDF_Outline_SetOpened(o, lv == 1 ? HPDF_TRUE : HPDF_FALSE);
        parents[lv] = o;
        for (int deeper = lv + 1; deeper <= 3; deeper++)
            parents[deeper] = NULL;
    }
    tp_buf_dispose(&title);
}

static void set_info(drawer *w, const tp_render_opts *opts)
{
    const tp_doc *doc = w->doc;
    HPDF_SetCurrentEncoder(w->pdf, ENCODING); /* info strings: CP1252 in, UTF-16 out */
    const struct {
        HPDF_InfoType type;
        const char *value;
    } infos[] = {{HPDF_INFO_TITLE, doc->title},       {HPDF_INFO_SUBJECT, doc->subject},
                 {HPDF_INFO_AUTHOR, doc->author},     {HPDF_INFO_KEYWORDS, doc->keywords},
                 {HPDF_INFO_CREATOR, "tenderpack"}};
    tp_buf b;
    tp_buf_init(&b);
    for (size_t i = 0; i < sizeof infos / sizeof infos[0]; i++) {
        if (!infos[i].value || !*infos[i].value)
            continue;
        tp_buf_clear(&b);
        tp_cp1252_append(&b, infos[i].value, strlen(infos[i].value));
        HPDF_SetInfoAttr(w->pdf, infos[i].type, tp_buf_cstr(&b));
    }
    tp_buf_dispose(&b);

    int64_t epoch = opts ? opts->epoch : 0;
    int64_t days = epoch >= 0 ? epoch / 86400 : -((-epoch + 86399) / 86400);
    int64_t secs = epoch - days * 86400;
    tp_date day = tp_date_from_days((long)days);
    HPDF_Date hd = {day.y, day.m, day.d, (HPDF_INT)(secs / 3600), (HPDF_INT)(secs / 60 % 60),
                    (HPDF_INT)(secs % 60), 'Z', 0, 0};
    HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_CREATION_DATE, hd);
    HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_MOD_DATE, hd);
}

tp_err tp_render_pdf(tp_buf *out, const tp_doc *doc, const tp_render_opts *opts, tp_diags *d)
{
    hpdf_state st = {0, 0, 0, false};
    drawer w;
    memset(&w, 0, sizeof w);
    w.st = &st;
    w.doc = doc;
    tp_pdf_layout_init(&w.L);
    tp_buf_init(&w.scratch);
    tp_pdf_geometry_a4(&w.g);
    tp_err rc = TP_OK;

    w.pdf = HPDF_New(on_hpdf_error, &st);
    if (!w.pdf) {
        tp_diag_error(d, NULL, 0, NULL, NULL, "the PDF library could not start (out of memory)");
        rc = TP_EPDF;
        goto cleanup;
    }
    HPDF_SetCompressionMode(w.pdf, HPDF_COMP_ALL);
    rc = load_fonts(&w, d);
    if (rc != TP_OK || st.errors)
        goto cleanup;

    tp_pdf_layout_doc(&w.L, doc, &w.metrics, &w.g);
    if (w.L.store.replaced > 0)
        tp_diag_warn(d, NULL, 0, NULL,
                     "use characters of Windows-1252 (Latin-1, € and typographic quotes) in "
                     "templates; see src/render/pdf_text.h for the replacements",
                     "%zu character(s) have no glyph in the PDF fonts' encoding and were "
                     "replaced (\"\xE2\x89\xA5\" becomes \">=\", others \"?\")",
                     w.L.store.replaced);

    w.pages = xcalloc(w.L.pages.npages, sizeof *w.pages);
    for (size_t p = 0; p < w.L.pages.npages; p++) {
        w.pages[p] = HPDF_AddPage(w.pdf);
        HPDF_Page_SetWidth(w.pages[p], (HPDF_REAL)w.g.page_w);
        HPDF_Page_SetHeight(w.pages[p], (HPDF_REAL)w.g.page_h);
    }
    if (st.errors)
        goto cleanup;
    make_destinations_and_outline(&w);
    HPDF_SetPageMode(w.pdf, w.L.nheadings ? HPDF_PAGE_MODE_USE_OUTLINE : HPDF_PAGE_MODE_USE_NONE);
    for (size_t p = 0; p < w.L.pages.npages && !st.errors; p++)
        draw_page(&w, p);
    set_info(&w, opts);
    if (st.errors)
        goto cleanup;
    rc = tp_pdf_save(w.pdf, out, &st.reading);

cleanup:
    if (st.errors && (rc == TP_OK || rc == TP_EPDF)) {
        tp_diag_error(d, NULL, 0, NULL,
                      "this is a bug or a damaged font file; report it with the input document",
                      "the PDF library failed with error 0x%04X (detail %u)",
                      (unsigned)st.error, (unsigned)st.detail);
        rc = TP_EPDF;
    } else if (rc == TP_EPDF && !st.errors) {
        tp_diag_error(d, NULL, 0, NULL, NULL, "the PDF library could not write the document");
    }
    if (w.pdf)
        HPDF_Free(w.pdf);
    free(w.pages);
    free(w.dests);
    tp_buf_dispose(&w.scratch);
    tp_pdf_layout_dispose(&w.L);
    return rc;
}
