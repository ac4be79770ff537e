/* ODT renderer: content.xml from the document tree (one ENTER/EXIT walk),
 * the other parts from odt_styles.c, packed by zipout. ODF 1.3, strict. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/xmlw.h"
#include "odt_parts.h"
#include "render.h"
#include "render_int.h"
#include "zipout.h"

/* How a paragraph or table relates to pages (bit set). */
enum {
    PG_BREAK_BEFORE = 1, /* starts a new page */
    PG_BREAK_AFTER = 2,  /* the page ends after it (last paragraph of the cover) */
    PG_FIRST = 4,        /* first paragraph of the cover: page style without header/footer */
};

/* An automatic paragraph style: a common style with an alignment or page flags. */
typedef struct auto_par {
    const char *parent;
    tp_align align;
    int page;
} auto_par;

typedef enum head_rows { HEAD_PENDING, HEAD_OPEN, HEAD_DONE } head_rows;

typedef struct odt_writer {
    tp_buf body;  /* office:text content */
    tp_buf autos; /* automatic table and column styles, in order of use */
    auto_par *pars;
    size_t npars, cap_pars;
    int page_next;      /* PG_* flags for the next paragraph or table */
    bool space_before;  /* output ends in white space: ODF collapses the next space */
    int ntables;
    head_rows head;     /* leading head rows of the current table */
    const char *anchor; /* bookmark of the heading being written */
    const tp_toc_entry *toc;
    size_t ntoc;
} odt_writer;

static const char *align_value(tp_align a)
{
    switch (a) {
    case TP_ALIGN_LEFT: return "left";
    case TP_ALIGN_CENTER: return "center";
    case TP_ALIGN_RIGHT: return "right";
    case TP_ALIGN_JUSTIFY: return "justify";
    default: return NULL;
    }
}

/* Index of the automatic style for (parent, align, page), added on first use. */
static size_t auto_par_index(odt_writer *w, const char *parent, tp_align align, int page)
{
    for (size_t i = 0; i < w->npars; i++)
        if (w->pars[i].align == align && w->pars[i].page == page &&
            strcmp(w->pars[i].parent, parent) == 0)
            return i;
    tp_grow((void **)&w->pars, &w->cap_pars, w->npars, sizeof *w->pars);
    w->pars[w->npars] = (auto_par){parent, align, page};
    return w->npars++;
}

/* Opens <text:p> or <text:h>, taking the pending page flags. */
static void open_par(odt_writer *w, const char *elem, const char *style, tp_align align,
                     int outline_level, int page)
{
    page |= w->page_next;
    w->page_next = 0;
    tp_buf_putc(&w->body, '<');
    tp_buf_puts(&w->body, elem);
    tp_buf_puts(&w->body, " text:style-name=\"");
    if (align_value(align) || page) {
        tp_buf_putc(&w->body, 'P');
        tp_render_put_uint(&w->body, auto_par_index(w, style, align, page) + 1);
    } else {
        tp_buf_puts(&w->body, style);
    }
    tp_buf_putc(&w->body, '"');
    if (outline_level) {
        tp_buf_puts(&w->body, " text:outline-level=\"");
        tp_render_put_uint(&w->body, (unsigned)outline_level);
        tp_buf_putc(&w->body, '"');
    }
    tp_buf_putc(&w->body, '>');
    w->space_before = true;
}

/* Character data with ODF white space rules: a second space, a leading space
 * and a tab need elements, or a reader drops them. */
static void put_text(odt_writer *w, const char *s)
{
    tp_buf *b = &w->body;
    size_t n = strlen(s), i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r')
            j++;
        if (j > i) {
            tp_xmlw_textn(b, s + i, j - i);
            w->space_before = false;
            i = j;
        } else if (s[i] == '\t') {
            tp_buf_puts(b, "<text:tab/>");
            w->space_before = true;
            i++;
        } else {
            while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\r'))
                j++;
            size_t run = j - i;
            if (!w->space_before) {
                tp_buf_putc(b, ' ');
                run--;
            }
            if (run == 1)
                tp_buf_puts(b, "<text:s/>");
            else if (run > 1)
                tp_buf_printf(b, "<text:s text:c=\"%zu\"/>", run);
            w->space_before = true;
            i = j;
        }
    }
}

/* The table-of-content element, with its body pre-filled so that it reads
 * right before anyone updates it; page numbers are reference fields that
 * the application computes. */
static void write_toc(odt_writer *w)
{
    tp_buf *b = &w->body;
    tp_buf_puts(b, "<text:table-of-content text:name=\"" TP_TOC_TITLE "\">"
                   "<text:table-of-content-source text:outline-level=\"3\">"
                   "<text:index-title-template text:style-name=\"Contents_20_Heading\">"
                   TP_TOC_TITLE "</text:index-title-template>");
    for (int level = 1; level <= 3; level++)
        tp_buf_printf(b,
                      "<text:table-of-content-entry-template text:outline-level=\"%d\" "
                      "text:style-name=\"Contents_20_%d\">"
                      "<text:index-entry-link-start/><text:index-entry-text/>"
                      "<text:index-entry-tab-stop style:type=\"right\" style:leader-char=\".\"/>"
                      "<text:index-entry-page-number/><text:index-entry-link-end/>"
                      "</text:table-of-content-entry-template>",
                      level, level);
    tp_buf_puts(b, "</text:table-of-content-source><text:index-body>"
                   "<text:index-title text:name=\"" TP_TOC_TITLE "_Head\">");
    open_par(w, "text:p", "Contents_20_Heading", TP_ALIGN_DEFAULT, 0, 0);
    tp_buf_puts(b, TP_TOC_TITLE "</text:p></text:index-title>");
    for (size_t i = 0; i < w->ntoc; i++) {
        const tp_toc_entry *e = &w->toc[i];
        tp_buf_printf(b, "<text:p text:style-name=\"Contents_20_%d\">", e->level);
        if (e->anchor) {
            tp_buf_puts(b, "<text:a xlink:type=\"simple\" xlink:href=\"#");
            tp_xmlw_text(b, e->anchor);
            tp_buf_puts(b, "\" text:style-name=\"Index_20_Link\""
                           " text:visited-style-name=\"Index_20_Link\">");
        }
        w->space_before = true;
        put_text(w, e->text);
        tp_buf_puts(b, "<text:tab/>");
        if (e->anchor) {
            tp_buf_puts(b, "<text:bookmark-ref text:reference-format=\"page\" text:ref-name=\"");
            tp_xmlw_text(b, e->anchor);
            tp_buf_puts(b, "\"></text:bookmark-ref></text:a>");
        }
        tp_buf_puts(b, "</text:p>");
    }
    tp_buf_puts(b, "</text:index-body></text:table-of-content>");
}

static void table_enter(odt_writer *w, const tp_node *t)
{
    int n = ++w->ntables;
    int ncols = t->ncols > 0 ? t->ncols : 1;
    int page = w->page_next;
    w->page_next = 0;
    tp_buf *a = &w->autos;
    tp_buf_printf(a, "<style:style style:name=\"Tbl%d\" style:family=\"table\">"
                     "<style:table-properties style:width=\"%d.%03dcm\" table:align=\"margins\""
                     " fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.3cm\"%s%s/></style:style>",
                  n, TP_ODT_TEXT_WIDTH_MCM / 1000, TP_ODT_TEXT_WIDTH_MCM % 1000,
                  (page & PG_BREAK_BEFORE) ? " fo:break-before=\"page\"" : "",
                  t->keep_together ? " style:may-break-between-rows=\"false\"" : "");
    int used = 0;
    for (int c = 0; c < ncols; c++) {
        int pct = t->widths ? t->widths[c] : 100 / ncols;
        if (c == ncols - 1)
            pct = 100 - used; /* rounding lands in the last column */
        used += pct;
        int mcm = TP_ODT_TEXT_WIDTH_MCM / 100 * pct;
        tp_buf_printf(a, "<style:style style:name=\"Tbl%d.C%d\" style:family=\"table-column\">"
                         "<style:table-column-properties style:column-width=\"%d.%03dcm\""
                         " style:rel-column-width=\"%d*\"/></style:style>",
                      n, c + 1, mcm / 1000, mcm % 1000, pct * 100);
    }
    tp_buf_printf(&w->body, "<table:table table:name=\"Tableau%d\" table:style-name=\"Tbl%d\">",
                  n, n);
    for (int c = 0; c < ncols; c++)
        tp_buf_printf(&w->body, "<table:table-column table:style-name=\"Tbl%d.C%d\"/>", n, c + 1);
    w->head = HEAD_PENDING;
}

/* Head rows at the top of a table are header rows (repeated on each page);
 * head rows further down only look like them. */
static void row_enter(odt_writer *w, const tp_node *row)
{
    if (row->row_kind == TP_ROW_HEAD && w->head != HEAD_DONE) {
        if (w->head == HEAD_PENDING)
            tp_buf_puts(&w->body, "<table:table-header-rows>");
        w->head = HEAD_OPEN;
    } else {
        if (w->head == HEAD_OPEN)
            tp_buf_puts(&w->body, "</table:table-header-rows>");
        w->head = HEAD_DONE;
    }
    tp_buf_puts(&w->body, "<table:table-row>");
}

static void cell_enter(odt_writer *w, const tp_node *cell)
{
    tp_row_kind kind = cell->parent ? cell->parent->row_kind : TP_ROW_BODY;
    static const char *const cell_style[] = {"CellBody", "CellHead", "CellFoot"};
    static const char *const par_style[] = {"Table_20_Contents", "Table_20_Heading",
                                            "Table_20_Total"};
    tp_buf_puts(&w->body, "<table:table-cell table:style-name=\"");
    tp_buf_puts(&w->body, cell_style[kind]);
    tp_buf_puts(&w->body, "\" office:value-type=\"string\"");
    if (cell->colspan > 1)
        tp_buf_printf(&w->body, " table:number-columns-spanned=\"%d\"", cell->colspan);
    tp_buf_putc(&w->body, '>');
    open_par(w, "text:p", par_style[kind], cell->align, 0, 0);
}

static void cell_exit(odt_writer *w, const tp_node *cell)
{
    tp_buf_puts(&w->body, "</text:p></table:table-cell>");
    for (int i = 1; i < cell->colspan; i++)
        tp_buf_puts(&w->body, "<table:covered-table-cell/>");
}

static void heading_enter(odt_writer *w, const tp_node *h)
{
    int level = tp_heading_level(h);
    if (!level)
        level = h->level >= 1 && h->level <= 3 ? h->level : 1;
    static const char *const styles[] = {"Heading_20_1", "Heading_20_2", "Heading_20_3"};
    open_par(w, "text:h", styles[level - 1], TP_ALIGN_DEFAULT, level, 0);
    w->anchor = h->parent ? h->parent->id : NULL;
    if (w->anchor) {
        tp_buf_puts(&w->body, "<text:bookmark-start text:name=\"");
        tp_xmlw_text(&w->body, w->anchor);
        tp_buf_puts(&w->body, "\"/>");
    }
    tp_buf label;
    tp_buf_init(&label);
    tp_render_heading_label(&label, h);
    put_text(w, tp_buf_cstr(&label));
    tp_buf_dispose(&label);
}

static void heading_exit(odt_writer *w)
{
    if (w->anchor) {
        tp_buf_puts(&w->body, "<text:bookmark-end text:name=\"");
        tp_xmlw_text(&w->body, w->anchor);
        tp_buf_puts(&w->body, "\"/>");
    }
    tp_buf_puts(&w->body, "</text:h>");
    w->anchor = NULL;
}

/* Page flags of a cover paragraph: the cover has its own page style and ends its page. */
static int cover_page_flags(const tp_node *n)
{
    int page = 0;
    if (!n->prev)
        page |= PG_FIRST;
    if (!n->next)
        page |= PG_BREAK_AFTER;
    return page;
}

/* Cover fields form a two-column table (label, value), as in the PDF. */
static void field_enter(odt_writer *w, const tp_node *n)
{
    tp_buf *b = &w->body;
    if (!n->prev || n->prev->type != TP_NODE_FIELD) {
        const tp_node *last = n;
        while (last->next && last->next->type == TP_NODE_FIELD)
            last = last->next;
        int page = (n->prev ? 0 : PG_FIRST) | (last->next ? 0 : PG_BREAK_AFTER);
        int t = ++w->ntables;
        tp_buf_printf(&w->autos,
                      "<style:style style:name=\"Tbl%d\" style:family=\"table\"%s>"
                      "<style:table-properties style:width=\"%d.%03dcm\" table:align=\"margins\""
                      " fo:margin-top=\"1.2cm\"%s/></style:style>"
                      "<style:style style:name=\"Tbl%d.C1\" style:family=\"table-column\">"
                      "<style:table-column-properties style:rel-column-width=\"3500*\"/></style:style>"
                      "<style:style style:name=\"Tbl%d.C2\" style:family=\"table-column\">"
                      "<style:table-column-properties style:rel-column-width=\"6500*\"/></style:style>",
                      t, (page & PG_FIRST) ? " style:master-page-name=\"First_20_Page\"" : "",
                      TP_ODT_TEXT_WIDTH_MCM / 1000, TP_ODT_TEXT_WIDTH_MCM % 1000,
                      (page & PG_BREAK_AFTER) ? " fo:break-after=\"page\"" : "", t, t);
        tp_buf_printf(b, "<table:table table:name=\"Tableau%d\" table:style-name=\"Tbl%d\">"
                         "<table:table-column table:style-name=\"Tbl%d.C1\"/>"
                         "<table:table-column table:style-name=\"Tbl%d.C2\"/>",
                      t, t, t, t);
    }
    tp_buf_puts(b, "<table:table-row><table:table-cell table:style-name=\"CellLabel\""
                   " office:value-type=\"string\">");
    open_par(w, "text:p", "Cover_20_Label", TP_ALIGN_DEFAULT, 0, 0);
    put_text(w, n->text ? n->text : "");
    tp_buf_puts(b, "</text:p></table:table-cell>"
                   "<table:table-cell table:style-name=\"CellBody\" office:value-type=\"string\">");
    open_par(w, "text:p", "Cover_20_Field", TP_ALIGN_DEFAULT, 0, 0);
}

static void field_exit(odt_writer *w, const tp_node *n)
{
    tp_buf_puts(&w->body, "</text:p></table:table-cell></table:table-row>");
    if (!n->next || n->next->type != TP_NODE_FIELD)
        tp_buf_puts(&w->body, "</table:table>");
}

static void render_node(odt_writer *w, const tp_node *n, tp_event ev)
{
    tp_buf *b = &w->body;
    bool enter = ev == TP_EV_ENTER;
    switch (n->type) {
    case TP_NODE_DOCUMENT:
    case TP_NODE_SECTION:
        break;
    case TP_NODE_ANNEX:
        if (enter)
            w->page_next |= PG_BREAK_BEFORE; /* each annex starts a page */
        break;
    case TP_NODE_COVER:
        break;
    case TP_NODE_TITLE:
    case TP_NODE_SUBTITLE:
        if (enter)
            open_par(w, "text:p", n->type == TP_NODE_TITLE ? "Title" : "Subtitle",
                     TP_ALIGN_DEFAULT, 0,
                     n->parent && n->parent->type == TP_NODE_COVER ? cover_page_flags(n) : 0);
        else
            tp_buf_puts(b, "</text:p>");
        break;
    case TP_NODE_FIELD:
        if (enter)
            field_enter(w, n);
        else
            field_exit(w, n);
        break;
    case TP_NODE_TOC:
        write_toc(w);
        w->page_next |= PG_BREAK_BEFORE;
        break;
    case TP_NODE_HEADING:
        if (enter)
            heading_enter(w, n);
        else
            heading_exit(w);
        break;
    case TP_NODE_PARA:
        if (enter)
            open_par(w, "text:p", "Text_20_body", n->align, 0, 0);
        else
            tp_buf_puts(b, "</text:p>");
        break;
    case TP_NODE_LIST:
        if (enter)
            tp_buf_printf(b, "<text:list text:style-name=\"%s\">",
                          n->ordered ? "L_Number" : "L_Bullet");
        else
            tp_buf_puts(b, "</text:list>");
        break;
    case TP_NODE_ITEM:
        if (enter) {
            tp_buf_puts(b, "<text:list-item>");
            open_par(w, "text:p", "List", TP_ALIGN_DEFAULT, 0, 0);
        } else {
            tp_buf_puts(b, "</text:p></text:list-item>");
        }
        break;
    case TP_NODE_TABLE:
        if (enter) {
            table_enter(w, n);
        } else {
            if (w->head == HEAD_OPEN)
                tp_buf_puts(b, "</table:table-header-rows>");
            tp_buf_puts(b, "</table:table>");
        }
        break;
    case TP_NODE_ROW:
        if (enter)
            row_enter(w, n);
        else
            tp_buf_puts(b, "</table:table-row>");
        break;
    case TP_NODE_CELL:
        if (enter)
            cell_enter(w, n);
        else
            cell_exit(w, n);
        break;
    case TP_NODE_PAGEBREAK:
        w->page_next |= PG_BREAK_BEFORE;
        break;
    case TP_NODE_TEXT:
        put_text(w, n->text ? n->text : "");
        break;
    case TP_NODE_EMPH:
    case TP_NODE_STRONG:
        if (enter)
            tp_buf_puts(b, n->type == TP_NODE_EMPH
                               ? "<text:span text:style-name=\"Emphasis\">"
                               : "<text:span text:style-name=\"Strong_20_Emphasis\">");
        else
            tp_buf_puts(b, "</text:span>");
        break;
    case TP_NODE_BREAK:
        tp_buf_puts(b, "<text:line-break/>");
        w->space_before = true;
        break;
    case TP_NODE_TYPE_COUNT:
        break;
    }
}

static void write_auto_pars(const odt_writer *w, tp_buf *out)
{
    for (size_t i = 0; i < w->npars; i++) {
        const auto_par *p = &w->pars[i];
        tp_buf_printf(out, "<style:style style:name=\"P%zu\" style:family=\"paragraph\" "
                           "style:parent-style-name=\"%s\"", i + 1, p->parent);
        if (p->page & PG_FIRST)
            tp_buf_puts(out, " style:master-page-name=\"First_20_Page\"");
        tp_buf_puts(out, "><style:paragraph-properties");
        if (align_value(p->align))
            tp_buf_printf(out, " fo:text-align=\"%s\"", align_value(p->align));
        if (p->page & PG_BREAK_BEFORE)
            tp_buf_puts(out, " fo:break-before=\"page\"");
        if (p->page & PG_BREAK_AFTER)
            tp_buf_puts(out, " fo:break-after=\"page\"");
        tp_buf_puts(out, "/></style:style>");
    }
}

/* Writes content.xml. */
static void write_content(tp_buf *out, const tp_doc *doc)
{
    odt_writer w;
    memset(&w, 0, sizeof w);
    tp_toc_entry *toc = NULL;
    w.ntoc = tp_toc_collect(doc, &toc);
    w.toc = toc;
    tp_buf_init(&w.body);
    tp_buf_init(&w.autos);

    tp_iter it;
    tp_iter_init(&it, doc->root);
    tp_event ev;
    while ((ev = tp_iter_next(&it)) != TP_EV_DONE)
        render_node(&w, tp_iter_node(&it), ev);

    tp_buf_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<office:document-content %s><office:automatic-styles>",
                  tp_odt_namespaces);
    /* Shades as in the PDF: head rows darker than foot rows and cover labels. */
    static const char *const cells[][2] = {
        {"CellHead", " fo:background-color=\"#d6d6d6\""},
        {"CellBody", ""},
        {"CellFoot", " fo:background-color=\"#ececec\""},
        {"CellLabel", " fo:background-color=\"#ececec\""},
    };
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
        tp_buf_printf(out, "<style:style style:name=\"%s\" style:family=\"table-cell\">"
                           "<style:table-cell-properties%s fo:padding=\"0.1cm\""
                           " fo:border=\"0.5pt solid #808080\"/></style:style>",
                      cells[i][0], cells[i][1]);
    tp_buf_put(out, w.autos.data, w.autos.len);
    write_auto_pars(&w, out);
    tp_buf_puts(out, "</office:automatic-styles><office:body><office:text>");
    tp_buf_put(out, w.body.data, w.body.len);
    tp_buf_puts(out, "</office:text></office:body></office:document-content>\n");

    tp_buf_dispose(&w.body);
    tp_buf_dispose(&w.autos);
    free(w.pars);
    tp_toc_free(toc, w.ntoc);
}

tp_err tp_render_odt(tp_buf *out, const tp_doc *doc, const tp_render_opts *opts, tp_diags *d)
{
    tp_err err = TP_OK;
    tp_buf part;
    tp_buf_init(&part);
    tp_zip *zip = tp_zip_new(opts ? opts->epoch : 0);

    /* The mimetype first and stored: ODF's magic number at offset 38. */
    if (tp_zip_add(zip, "mimetype", TP_ODT_MIME, strlen(TP_ODT_MIME), true) != TP_OK)
        goto bug;
    write_content(&part, doc);
    if (tp_zip_add_buf(zip, "content.xml", &part, false) != TP_OK)
        goto bug;
    tp_odt_styles_xml(&part, doc);
    if (tp_zip_add_buf(zip, "styles.xml", &part, false) != TP_OK)
        goto bug;
    tp_odt_meta_xml(&part, doc, opts);
    if (tp_zip_add_buf(zip, "meta.xml", &part, false) != TP_OK)
        goto bug;
    tp_odt_settings_xml(&part);
    if (tp_zip_add_buf(zip, "settings.xml", &part, false) != TP_OK)
        goto bug;
    tp_odt_manifest_xml(&part);
    if (tp_zip_add_buf(zip, "META-INF/manifest.xml", &part, false) != TP_OK)
        goto bug;
    err = tp_zip_finish(zip, out, d);
    goto cleanup;

bug:
    err = TP_EINTERNAL;
    tp_diag_error(d, NULL, 0, NULL, "this is a bug; please report it",
                  "ODT renderer: duplicate or invalid part name");
cleanup:
    tp_zip_free(zip);
    tp_buf_dispose(&part);
    return err;
}
