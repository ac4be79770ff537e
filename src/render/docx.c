/* DOCX renderer: word/document.xml from the document tree (one ENTER/EXIT
 * walk), the other parts from docx_parts.c, packed by zipout.
 * WordprocessingML transitional; child order inside w:pPr, w:rPr, w:tblPr,
 * w:tcPr and w:sectPr follows the ECMA-376 schema sequences. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/xmlw.h"
#include "docx_parts.h"
#include "render.h"
#include "render_int.h"
#include "zipout.h"

typedef struct docx_writer {
    tp_buf body;
    bool page_break;  /* the next paragraph starts a page */
    bool after_table; /* the last block was a table: space the next paragraph */
    int bold, italic; /* depth of STRONG / EMPH around the current text */
    size_t nheadings; /* heading k (from 1) carries bookmark _Toc<k> */
    size_t bookmark;  /* of the heading being written, 0 when none */
    int ordered_lists;
    int num_id; /* numbering instance of the current list */
    const tp_toc_entry *toc;
    size_t ntoc;
    /* current table */
    int *grid; /* column widths in twips */
    int ncols, col;
    bool leading_head; /* still in the head rows at the top (repeated on each page) */
    bool keep_together;
} docx_writer;

static const char *jc_value(tp_align a)
{
    switch (a) {
    case TP_ALIGN_LEFT: return "left";
    case TP_ALIGN_CENTER: return "center";
    case TP_ALIGN_RIGHT: return "right";
    case TP_ALIGN_JUSTIFY: return "both";
    default: return NULL;
    }
}

/* <w:p> with its properties, taking the pending page break and table spacing. */
static void open_par(docx_writer *w, const char *style, tp_align align, bool keep_next, int num_id)
{
    tp_buf *b = &w->body;
    tp_buf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"");
    tp_buf_puts(b, style);
    tp_buf_puts(b, "\"/>");
    if (keep_next)
        tp_buf_puts(b, "<w:keepNext/>");
    if (w->page_break)
        tp_buf_puts(b, "<w:pageBreakBefore/>");
    if (num_id) {
        tp_buf_puts(b, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"");
        tp_render_put_uint(b, (unsigned)num_id);
        tp_buf_puts(b, "\"/></w:numPr>");
    }
    if (w->after_table && !w->page_break)
        tp_buf_puts(b, "<w:spacing w:before=\"200\"/>");
    if (jc_value(align)) {
        tp_buf_puts(b, "<w:jc w:val=\"");
        tp_buf_puts(b, jc_value(align));
        tp_buf_puts(b, "\"/>");
    }
    tp_buf_puts(b, "</w:pPr>");
    w->page_break = false;
    w->after_table = false;
}

static void open_run(docx_writer *w)
{
    tp_buf *b = &w->body;
    tp_buf_puts(b, "<w:r>");
    if (w->bold || w->italic) {
        tp_buf_puts(b, "<w:rPr>");
        if (w->bold)
            tp_buf_puts(b, "<w:b/><w:bCs/>");
        if (w->italic)
            tp_buf_puts(b, "<w:i/><w:iCs/>");
        tp_buf_puts(b, "</w:rPr>");
    }
}

/* One run of text: tabs become <w:tab/>, line ends spaces. */
static void put_text(docx_writer *w, const char *s)
{
    if (!s || !*s)
        return;
    tp_buf *b = &w->body;
    open_run(w);
    while (*s) {
        size_t len = strcspn(s, "\t\n\r");
        if (len) {
            tp_buf_puts(b, "<w:t xml:space=\"preserve\">");
            tp_xmlw_textn(b, s, len);
            tp_buf_puts(b, "</w:t>");
            s += len;
        }
        if (*s == '\t')
            tp_buf_puts(b, "<w:tab/>");
        else if (*s)
            tp_buf_puts(b, "<w:t xml:space=\"preserve\"> </w:t>");
        if (*s)
            s++;
    }
    tp_buf_puts(b, "</w:r>");
}

static void field_run(tp_buf *b, const char *type)
{
    tp_buf_printf(b, "<w:r><w:fldChar w:fldCharType=\"%s\"/></w:r>", type);
}

static void instr_run(tp_buf *b, const char *instr)
{
    tp_buf_printf(b, "<w:r><w:instrText xml:space=\"preserve\">%s</w:instrText></w:r>", instr);
}

/* The TOC field, pre-filled with one hyperlinked entry per heading; page
 * numbers are PAGEREF fields to the headings' bookmarks. */
static void write_toc(docx_writer *w)
{
    tp_buf *b = &w->body;
    open_par(w, "TOCHeading", TP_ALIGN_DEFAULT, false, 0);
    tp_buf_puts(b, "<w:r><w:t>" TP_TOC_TITLE "</w:t></w:r></w:p>");
    size_t n = w->ntoc ? w->ntoc : 1;
    for (size_t i = 0; i < n; i++) {
        const tp_toc_entry *e = w->ntoc ? &w->toc[i] : NULL;
        tp_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"TOC%d\"/></w:pPr>", e ? e->level : 1);
        if (i == 0) {
            field_run(b, "begin");
            instr_run(b, " TOC \\o &quot;1-3&quot; \\h \\z \\u ");
            field_run(b, "separate");
        }
        if (e) {
            tp_buf_printf(b, "<w:hyperlink w:anchor=\"_Toc%06zu\" w:history=\"1\">", i + 1);
            put_text(w, e->text);
            tp_buf_puts(b, "<w:r><w:tab/></w:r>");
            field_run(b, "begin");
            tp_buf_printf(b, "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF _Toc%06zu \\h "
                             "</w:instrText></w:r>",
                          i + 1);
            field_run(b, "separate");
            field_run(b, "end");
            tp_buf_puts(b, "</w:hyperlink>");
        }
        if (i == n - 1)
            field_run(b, "end");
        tp_buf_puts(b, "</w:p>");
    }
}

static void heading_enter(docx_writer *w, const tp_node *h)
{
    int level = tp_heading_level(h);
    char style[16];
    snprintf(style, sizeof style, "Heading%d", level ? level : 1);
    open_par(w, style, TP_ALIGN_DEFAULT, false, 0);
    w->bookmark = 0;
    if (level) {
        w->bookmark = ++w->nheadings;
        tp_buf_printf(&w->body, "<w:bookmarkStart w:id=\"%zu\" w:name=\"_Toc%06zu\"/>", w->bookmark,
                      w->bookmark);
    }
    tp_buf label;
    tp_buf_init(&label);
    tp_render_heading_label(&label, h);
    put_text(w, tp_buf_cstr(&label));
    tp_buf_dispose(&label);
}

static void heading_exit(docx_writer *w)
{
    if (w->bookmark)
        tp_buf_printf(&w->body, "<w:bookmarkEnd w:id=\"%zu\"/>", w->bookmark);
    tp_buf_puts(&w->body, "</w:p>");
    w->bookmark = 0;
}

static void table_enter(docx_writer *w, const tp_node *t)
{
    tp_buf *b = &w->body;
    if (w->after_table) /* two tables in a row would merge into one */
        tp_buf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr></w:p>");
    w->after_table = false;
    w->ncols = t->ncols > 0 ? t->ncols : 1;
    w->grid = xrealloc(w->grid, (size_t)w->ncols * sizeof *w->grid);
    int used = 0;
    for (int c = 0; c < w->ncols; c++) {
        int pct = t->widths ? t->widths[c] : 100 / w->ncols;
        w->grid[c] = c == w->ncols - 1 ? TP_DOCX_TEXT_WIDTH - used : TP_DOCX_TEXT_WIDTH * pct / 100;
        used += w->grid[c];
    }
    tp_buf_printf(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
                     "<w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
                     "</w:tblPr><w:tblGrid>",
                  TP_DOCX_TEXT_WIDTH);
    for (int c = 0; c < w->ncols; c++)
        tp_buf_printf(b, "<w:gridCol w:w=\"%d\"/>", w->grid[c]);
    tp_buf_puts(b, "</w:tblGrid>");
    w->leading_head = true;
    w->keep_together = t->keep_together;
}

static void row_enter(docx_writer *w, const tp_node *row)
{
    tp_buf *b = &w->body;
    bool header = row->row_kind == TP_ROW_HEAD && w->leading_head;
    if (!header)
        w->leading_head = false;
    w->col = 0;
    tp_buf_puts(b, "<w:tr>");
    if (header || w->keep_together) {
        tp_buf_puts(b, "<w:trPr>");
        if (w->keep_together)
            tp_buf_puts(b, "<w:cantSplit/>");
        if (header)
            tp_buf_puts(b, "<w:tblHeader/>");
        tp_buf_puts(b, "</w:trPr>");
    }
}

static void cell_enter(docx_writer *w, const tp_node *cell)
{
    tp_buf *b = &w->body;
    const tp_node *row = cell->parent;
    tp_row_kind kind = row ? row->row_kind : TP_ROW_BODY;
    int span = cell->colspan > 1 ? cell->colspan : 1;
    if (w->col + span > w->ncols)
        span = w->ncols - w->col > 0 ? w->ncols - w->col : 1;
    int width = 0;
    for (int c = w->col; c < w->col + span && c < w->ncols; c++)
        width += w->grid[c];
    w->col += span;
    tp_buf_puts(b, "<w:tc><w:tcPr><w:tcW w:w=\"");
    tp_render_put_uint(b, (unsigned)width);
    tp_buf_puts(b, "\" w:type=\"dxa\"/>");
    if (span > 1)
        tp_buf_printf(b, "<w:gridSpan w:val=\"%d\"/>", span);
    if (kind != TP_ROW_BODY)
        tp_buf_puts(b, kind == TP_ROW_HEAD
                           ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D6D6D6\"/>"
                           : "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"ECECEC\"/>");
    tp_buf_puts(b, "</w:tcPr>");
    static const char *const styles[] = {"TableContents", "TableHeading", "TableTotal"};
    /* keep-together: every row holds on to the next one */
    open_par(w, styles[kind], cell->align, w->keep_together && row && row->next, 0);
}

/* Cover fields form a two-column table (label, value), as in the PDF. */
static void field_enter(docx_writer *w, const tp_node *n)
{
    tp_buf *b = &w->body;
    const int label_w = TP_DOCX_TEXT_WIDTH * 35 / 100, value_w = TP_DOCX_TEXT_WIDTH - label_w;
    if (!n->prev || n->prev->type != TP_NODE_FIELD) {
        /* a spacer paragraph: a table has no space before of its own */
        tp_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"CoverField\"/><w:spacing w:before=\"480\"/>"
                         "</w:pPr></w:p><w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
                         "<w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
                         "</w:tblPr><w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/>"
                         "</w:tblGrid>",
                      TP_DOCX_TEXT_WIDTH, label_w, value_w);
    }
    tp_buf_printf(b, "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>"
                     "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"ECECEC\"/></w:tcPr>",
                  label_w);
    open_par(w, "CoverLabel", TP_ALIGN_DEFAULT, false, 0);
    put_text(w, n->text);
    tp_buf_printf(b, "</w:p></w:tc><w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>",
                  value_w);
    open_par(w, "CoverField", TP_ALIGN_DEFAULT, false, 0);
}

static void field_exit(docx_writer *w, const tp_node *n)
{
    tp_buf_puts(&w->body, "</w:p></w:tc></w:tr>");
    if (!n->next || n->next->type != TP_NODE_FIELD) {
        tp_buf_puts(&w->body, "</w:tbl>");
        w->after_table = true;
    }
}

static void render_node(docx_writer *w, const tp_node *n, tp_event ev)
{
    tp_buf *b = &w->body;
    bool enter = ev == TP_EV_ENTER;
    switch (n->type) {
    case TP_NODE_DOCUMENT:
    case TP_NODE_SECTION:
        break;
    case TP_NODE_ANNEX:
        if (enter)
            w->page_break = true; /* each annex starts a page */
        break;
    case TP_NODE_COVER:
        if (!enter)
            w->page_break = true;
        break;
    case TP_NODE_TITLE:
    case TP_NODE_SUBTITLE:
        if (enter)
            open_par(w, n->type == TP_NODE_TITLE ? "Title" : "Subtitle", TP_ALIGN_DEFAULT, false, 0);
        else
            tp_buf_puts(b, "</w:p>");
        break;
    case TP_NODE_FIELD:
        if (enter)
            field_enter(w, n);
        else
            field_exit(w, n);
        break;
    case TP_NODE_TOC:
        write_toc(w);
        w->page_break = true;
        break;
    case TP_NODE_HEADING:
        if (enter)
            heading_enter(w, n);
        else
            heading_exit(w);
        break;
    case TP_NODE_PARA:
        if (enter)
            open_par(w, "BodyText", n->align, false, 0);
        else
            tp_buf_puts(b, "</w:p>");
        break;
    case TP_NODE_LIST:
        if (enter)
            w->num_id = n->ordered ? TP_DOCX_NUM_FIRST_ORDERED + w->ordered_lists++
                                   : TP_DOCX_NUM_BULLET;
        break;
    case TP_NODE_ITEM:
        if (enter)
            open_par(w, "ListParagraph", TP_ALIGN_DEFAULT, false, w->num_id);
        else
            tp_buf_puts(b, "</w:p>");
        break;
    case TP_NODE_TABLE:
        if (enter) {
            table_enter(w, n);
        } else {
            tp_buf_puts(b, "</w:tbl>");
            w->after_table = true;
        }
        break;
    case TP_NODE_ROW:
        if (enter)
            row_enter(w, n);
        else
            tp_buf_puts(b, "</w:tr>");
        break;
    case TP_NODE_CELL:
        if (enter)
            cell_enter(w, n);
        else
            tp_buf_puts(b, "</w:p></w:tc>");
        break;
    case TP_NODE_PAGEBREAK:
        w->page_break = true;
        break;
    case TP_NODE_TEXT:
        put_text(w, n->text);
        break;
    case TP_NODE_EMPH:
        w->italic += enter ? 1 : -1;
        break;
    case TP_NODE_STRONG:
        w->bold += enter ? 1 : -1;
        break;
    case TP_NODE_BREAK:
        tp_buf_puts(b, "<w:r><w:br/></w:r>");
        break;
    case TP_NODE_TYPE_COUNT:
        break;
    }
}

static bool has_cover(const tp_doc *doc)
{
    for (const tp_node *c = doc->root ? doc->root->first : NULL; c; c = c->next)
        if (c->type == TP_NODE_COVER)
            return true;
    return false;
}

static bool has_header(const tp_doc *doc)
{
    return doc->header && *doc->header;
}

/* Writes word/document.xml; returns the number of ordered lists (for numbering.xml). */
static int write_document(tp_buf *out, const tp_doc *doc)
{
    docx_writer w;
    memset(&w, 0, sizeof w);
    tp_toc_entry *toc = NULL;
    w.ntoc = tp_toc_collect(doc, &toc);
    w.toc = toc;
    tp_buf_init(&w.body);

    tp_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                     "<w:document xmlns:w=\"" TP_DOCX_NS_W "\" xmlns:r=\"" TP_DOCX_NS_R "\">"
                     "<w:body>");
    tp_iter it;
    tp_iter_init(&it, doc->root);
    tp_event ev;
    while ((ev = tp_iter_next(&it)) != TP_EV_DONE)
        render_node(&w, tp_iter_node(&it), ev);
    if (w.after_table || w.body.len == 0) /* the body ends with a paragraph, as Word expects */
        tp_buf_puts(&w.body, "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr></w:p>");
    tp_buf_put(out, w.body.data, w.body.len);

    tp_buf_puts(out, "<w:sectPr>");
    if (has_header(doc))
        tp_buf_puts(out, "<w:headerReference w:type=\"default\" r:id=\"" TP_DOCX_RID_HEADER "\"/>");
    tp_buf_printf(out, "<w:footerReference w:type=\"default\" r:id=\"" TP_DOCX_RID_FOOTER "\"/>"
                       "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
                       "<w:pgMar w:top=\"1418\" w:right=\"%d\" w:bottom=\"1418\" w:left=\"%d\""
                       " w:header=\"680\" w:footer=\"680\" w:gutter=\"0\"/>%s</w:sectPr>"
                       "</w:body></w:document>\n",
                  TP_DOCX_PAGE_W, TP_DOCX_PAGE_H, TP_DOCX_MARGIN, TP_DOCX_MARGIN,
                  has_cover(doc) ? "<w:titlePg/>" : ""); /* the cover page: no header/footer */

    int ordered = w.ordered_lists;
    tp_buf_dispose(&w.body);
    free(w.grid);
    tp_toc_free(toc, w.ntoc);
    return ordered;
}

tp_err tp_render_docx(tp_buf *out, const tp_doc *doc, const tp_render_opts *opts, tp_diags *d)
{
    tp_err err = TP_OK;
    tp_buf part, document;
    tp_buf_init(&part);
    tp_buf_init(&document);
    tp_zip *zip = tp_zip_new(opts ? opts->epoch : 0);
    bool header = has_header(doc);
    int ordered = write_document(&document, doc);

    tp_docx_content_types(&part, header);
    if (tp_zip_add_buf(zip, "[Content_Types].xml", &part, false) != TP_OK)
        goto bug;
    tp_docx_package_rels(&part);
    if (tp_zip_add_buf(zip, "_rels/.rels", &part, false) != TP_OK)
        goto bug;
    if (tp_zip_add_buf(zip, "word/document.xml", &document, false) != TP_OK)
        goto bug;
    tp_docx_document_rels(&part, header);
    if (tp_zip_add_buf(zip, "word/_rels/document.xml.rels", &part, false) != TP_OK)
        goto bug;
    tp_docx_styles(&part, doc);
    if (tp_zip_add_buf(zip, "word/styles.xml", &part, false) != TP_OK)
        goto bug;
    tp_docx_numbering(&part, ordered);
    if (tp_zip_add_buf(zip, "word/numbering.xml", &part, false) != TP_OK)
        goto bug;
    tp_docx_settings(&part);
    if (tp_zip_add_buf(zip, "word/settings.xml", &part, false) != TP_OK)
        goto bug;
    if (header) {
        tp_docx_header(&part, doc);
        if (tp_zip_add_buf(zip, "word/header1.xml", &part, false) != TP_OK)
            goto bug;
    }
    tp_docx_footer(&part, doc);
    if (tp_zip_add_buf(zip, "word/footer1.xml", &part, false) != TP_OK)
        goto bug;
    tp_docx_core(&part, doc, opts);
    if (tp_zip_add_buf(zip, "docProps/core.xml", &part, false) != TP_OK)
        goto bug;
    tp_docx_app(&part);
    if (tp_zip_add_buf(zip, "docProps/app.xml", &part, false) != TP_OK)
        goto bug;
    err = tp_zip_finish(zip, out, d);
    goto cleanup;

bug:
    err = TP_EINTERNAL;
    tp_diag_error(d, NULL, 0, NULL, "this is a bug; please report it",
                  "DOCX renderer: duplicate or invalid part name");
cleanup:
    tp_zip_free(zip);
    tp_buf_dispose(&part);
    tp_buf_dispose(&document);
    return err;
}
