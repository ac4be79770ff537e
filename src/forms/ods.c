/* The offer form as an OpenDocument spreadsheet (ODF 1.3, strict: no
 * LibreOffice extension markup), through the deterministic zip writer. */
#include <string.h>

#include "../core/xmlw.h"
#include "../render/zipout.h"
#include "form_int.h"

#define ODS_MIME "application/vnd.oasis.opendocument.spreadsheet"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_DECLS                                                                          \
    " xmlns:office=\"" NS_OFFICE "\""                                                     \
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""                    \
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""                      \
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""                    \
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""           \
    " xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\""               \
    " xmlns:of=\"urn:oasis:names:tc:opendocument:xmlns:of:1.2\""
#define MAX_LINES 8

static const char *const data_style_names[] = {
    [NF_GENERAL] = NULL, [NF_INT] = "N1", [NF_MONEY] = "N2", [NF_TEXT] = "N3"};

static void data_styles(tp_buf *b)
{
    tp_buf_puts(b,
                "<number:number-style style:name=\"N1\"><number:number number:decimal-places=\"0\" "
                "number:min-integer-digits=\"1\"/></number:number-style>"
                "<number:number-style style:name=\"N2\"><number:number number:decimal-places=\"2\" "
                "number:min-integer-digits=\"1\" number:grouping=\"true\"/></number:number-style>"
                "<number:text-style style:name=\"N3\"><number:text-content/></number:text-style>");
}

static void cell_style(tp_buf *b, int i, const form_style_props *p)
{
    tp_buf_printf(b, "<style:style style:name=\"ce%d\" style:family=\"table-cell\" "
                     "style:parent-style-name=\"Default\"", i);
    if (data_style_names[p->fmt])
        tp_buf_printf(b, " style:data-style-name=\"%s\"", data_style_names[p->fmt]);
    tp_buf_puts(b, "><style:table-cell-properties");
    if (p->fill)
        tp_buf_printf(b, " fo:background-color=\"#%s\"", p->fill);
    tp_buf_printf(b, "%s fo:wrap-option=\"%s\" style:vertical-align=\"middle\" "
                     "style:cell-protect=\"%s\"/>",
                  p->border ? " fo:border=\"0.5pt solid #808080\"" : "",
                  p->wrap ? "wrap" : "no-wrap", p->locked ? "protected" : "none");
    tp_buf_printf(b, "<style:text-properties fo:font-size=\"%dpt\"%s%s/></style:style>",
                  p->size_pt, p->bold ? " fo:font-weight=\"bold\"" : "",
                  p->italic ? " fo:font-style=\"italic\"" : "");
}

static void automatic_styles(tp_buf *b)
{
    tp_buf_puts(b, "<office:automatic-styles>");
    data_styles(b);
    for (int c = 0; c < FORM_COLS; c++)
        tp_buf_printf(b, "<style:style style:name=\"co%d\" style:family=\"table-column\">"
                         "<style:table-column-properties fo:break-before=\"auto\" "
                         "style:column-width=\"%d.%dcm\"/></style:style>",
                      c + 1, form_col_width_mm[c] / 10, form_col_width_mm[c] % 10);
    /* ro1..ro8: rows of 1..8 text lines; roT: the title. */
    for (int l = 1; l <= MAX_LINES; l++)
        tp_buf_printf(b, "<style:style style:name=\"ro%d\" style:family=\"table-row\">"
                         "<style:table-row-properties style:row-height=\"%d.%02dcm\" "
                         "fo:break-before=\"auto\" style:use-optimal-row-height=\"false\"/>"
                         "</style:style>",
                      l, (15 + 42 * l) / 100, (15 + 42 * l) % 100);
    tp_buf_puts(b, "<style:style style:name=\"roT\" style:family=\"table-row\">"
                   "<style:table-row-properties style:row-height=\"0.80cm\" "
                   "fo:break-before=\"auto\" style:use-optimal-row-height=\"false\"/>"
                   "</style:style>"
                   "<style:style style:name=\"ta1\" style:family=\"table\" "
                   "style:master-page-name=\"Default\"><style:table-properties "
                   "table:display=\"true\" style:writing-mode=\"lr-tb\"/></style:style>");
    for (int i = 0; i < FS_COUNT; i++)
        cell_style(b, i, &form_styles[i]);
    tp_buf_puts(b, "</office:automatic-styles>");
}

/* A formula item in double quotes, quotes doubled (OpenFormula strings). */
static void formula_string(tp_buf *f, const char *s)
{
    tp_buf_putc(f, '"');
    for (; *s; s++) {
        if (*s == '"')
            tp_buf_putc(f, '"');
        tp_buf_putc(f, *s);
    }
    tp_buf_putc(f, '"');
}

static void validations(tp_buf *b, const form *f)
{
    if (f->n_validations == 0)
        return;
    tp_buf_puts(b, "<table:content-validations>");
    tp_buf cond;
    tp_buf_init(&cond);
    for (size_t i = 0; i < f->n_validations; i++) {
        const form_validation *v = &f->validations[i];
        const char *title, *msg;
        tp_buf_clear(&cond);
        if (v->kind == VK_LIST) {
            tp_buf_puts(&cond, "of:cell-content-is-in-list(");
            for (size_t k = 0; k < v->n_items; k++) {
                if (k)
                    tp_buf_putc(&cond, ';');
                formula_string(&cond, v->items[k]);
            }
            tp_buf_putc(&cond, ')');
            title = "Valeur non prévue";
            msg = "Choisissez une valeur de la liste.";
        } else if (v->kind == VK_DECIMAL) {
            tp_buf_puts(&cond, "of:cell-content-is-decimal-number() and cell-content()>=0");
            title = "Nombre attendu";
            msg = "Saisissez un nombre positif ou nul, sans unité.";
        } else {
            tp_buf_puts(&cond, "of:cell-content-is-whole-number() and cell-content()>=0");
            title = "Nombre entier attendu";
            msg = "Saisissez un nombre entier positif ou nul.";
        }
        tp_buf_printf(b, "<table:content-validation table:name=\"val%zu\" table:condition=\"", i + 1);
        tp_xmlw_text(b, tp_buf_cstr(&cond));
        tp_buf_printf(b, "\" table:allow-empty-cell=\"true\"%s>"
                         "<table:error-message table:title=\"%s\" table:display=\"true\" "
                         "table:message-type=\"stop\"><text:p>%s</text:p></table:error-message>"
                         "</table:content-validation>",
                      v->kind == VK_LIST ? " table:display-list=\"unsorted\"" : "", title, msg);
    }
    tp_buf_dispose(&cond);
    tp_buf_puts(b, "</table:content-validations>");
}

static void formula(tp_buf *b, const form_cell *c, int row)
{
    switch (c->op) {
    case FO_PRODUCT: tp_buf_printf(b, "of:=[.D%d]*[.F%d]", row, row); break;
    case FO_SUM: tp_buf_printf(b, "of:=SUM([.G%d:.G%d])", c->ref1, c->ref2); break;
    case FO_VAT: tp_buf_printf(b, "of:=ROUND([.G%d]*[.D%d]/100;2)", c->ref1, row); break;
    case FO_ADD: tp_buf_printf(b, "of:=[.G%d]+[.G%d]", c->ref1, c->ref2); break;
    }
}


static void cell(tp_buf *b, const form_cell *c, int row)
{
    tp_buf_puts(b, "<table:table-cell table:style-name=\"ce");
    tp_buf_put_int(b, c->style);
    tp_buf_putc(b, '"');
    if (c->span > 1)
        tp_buf_printf(b, " table:number-columns-spanned=\"%d\" table:number-rows-spanned=\"1\"",
                      c->span);
    if (c->validation >= 0)
        tp_buf_printf(b, " table:content-validation-name=\"val%d\"", c->validation + 1);
    switch (c->kind) {
    case CK_EMPTY:
        tp_buf_puts(b, "/>");
        break;
    case CK_TEXT:
        tp_buf_puts(b, " office:value-type=\"string\"><text:p>");
        tp_xmlw_text(b, c->text);
        tp_buf_puts(b, "</text:p></table:table-cell>");
        break;
    case CK_INT:
        tp_buf_printf(b, " office:value-type=\"float\" office:value=\"%lld\"><text:p>%lld</text:p>"
                         "</table:table-cell>",
                      c->num, c->num);
        break;
    case CK_FORMULA:
        tp_buf_puts(b, " table:formula=\"");
        formula(b, c, row);
        tp_buf_puts(b, "\" office:value-type=\"float\" office:value=\"" FORM_FORMULA_CACHE
                       "\"><text:p>0,00</text:p></table:table-cell>");
        break;
    }
    if (c->span > 1)
        tp_buf_printf(b, "<table:covered-table-cell table:number-columns-repeated=\"%d\"/>",
                      c->span - 1);
}

static void content_xml(tp_buf *b, const form *f)
{
    tp_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content" NS_DECLS
                   " office:version=\"1.3\">");
    automatic_styles(b);
    tp_buf_puts(b, "<office:body><office:spreadsheet>");
    validations(b, f);
    tp_buf_puts(b, "<table:table table:name=\"");
    tp_xmlw_text(b, f->sheet_name);
    tp_buf_puts(b, "\" table:style-name=\"ta1\" table:protected=\"true\">");
    for (int c = 1; c <= FORM_COLS; c++)
        tp_buf_printf(b, "<table:table-column table:style-name=\"co%d\"%s "
                         "table:default-cell-style-name=\"Default\"/>",
                      c, c == COL_KEY ? " table:visibility=\"collapse\"" : "");
    for (size_t i = 0; i < f->n_rows; i++) {
        const form_row *r = &f->rows[i];
        int lines = r->lines > MAX_LINES ? MAX_LINES : r->lines;
        if (r->tall)
            tp_buf_puts(b, "<table:table-row table:style-name=\"roT\">");
        else {
            tp_buf_puts(b, "<table:table-row table:style-name=\"ro");
            tp_buf_put_int(b, lines);
            tp_buf_puts(b, "\">");
        }
        int next = 1;
        for (int k = 0; k < r->n; k++) {
            const form_cell *c = &r->cells[k];
            if (c->col > next)
                tp_buf_printf(b, "<table:table-cell table:number-columns-repeated=\"%d\"/>",
                              c->col - next);
            cell(b, c, (int)i + 1);
            next = c->col + c->span;
        }
        if (r->n == 0)
            tp_buf_puts(b, "<table:table-cell/>");
        tp_buf_puts(b, "</table:table-row>");
    }
    tp_buf_puts(b, "</table:table></office:spreadsheet></office:body></office:document-content>\n");
}

static void styles_xml(tp_buf *b)
{
    tp_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles" NS_DECLS
                   " office:version=\"1.3\"><office:styles>"
                   "<style:default-style style:family=\"table-cell\">"
                   "<style:text-properties fo:font-size=\"10pt\"/></style:default-style>"
                   "<style:style style:name=\"Default\" style:family=\"table-cell\"/>"
                   "</office:styles><office:automatic-styles>"
                   "<style:page-layout style:name=\"pm1\"><style:page-layout-properties "
                   "fo:page-width=\"29.7cm\" fo:page-height=\"21cm\" "
                   "style:print-orientation=\"landscape\" fo:margin-top=\"1.2cm\" "
                   "fo:margin-bottom=\"1.2cm\" fo:margin-left=\"1.2cm\" fo:margin-right=\"1.2cm\"/>"
                   "</style:page-layout></office:automatic-styles><office:master-styles>"
                   "<style:master-page style:name=\"Default\" style:page-layout-name=\"pm1\"/>"
                   "</office:master-styles></office:document-styles>\n");
}

static void meta_xml(tp_buf *b, const form *f, int64_t epoch)
{
    char when[21];
    tp_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta"
                   " xmlns:office=\"" NS_OFFICE "\""
                   " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
                   " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\">"
                   "<office:meta><meta:generator>tenderpack/" TP_VERSION "</meta:generator>"
                   "<dc:title>");
    tp_xmlw_text(b, f->title);
    tp_buf_printf(b, "</dc:title><dc:language>fr-BE</dc:language>"
                     "<meta:creation-date>%s</meta:creation-date></office:meta>"
                     "</office:document-meta>\n",
                  tp_xmlw_datetime(when, epoch));
}

static void manifest_xml(tp_buf *b)
{
    tp_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest "
                   "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
                   "manifest:version=\"1.3\">"
                   "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" "
                   "manifest:media-type=\"" ODS_MIME "\"/>"
                   "<manifest:file-entry manifest:full-path=\"content.xml\" "
                   "manifest:media-type=\"text/xml\"/>"
                   "<manifest:file-entry manifest:full-path=\"styles.xml\" "
                   "manifest:media-type=\"text/xml\"/>"
                   "<manifest:file-entry manifest:full-path=\"meta.xml\" "
                   "manifest:media-type=\"text/xml\"/>"
                   "</manifest:manifest>\n");
}

tp_err form_write_ods(tp_buf *out, const form *f, int64_t epoch, tp_diags *d)
{
    tp_zip *z = tp_zip_new(epoch);
    tp_buf part;
    tp_buf_init(&part);
    tp_err rc = tp_zip_add(z, "mimetype", ODS_MIME, strlen(ODS_MIME), true);
    if (rc == TP_OK) {
        content_xml(&part, f);
        rc = tp_zip_add_buf(z, "content.xml", &part, false);
    }
    if (rc == TP_OK) {
        styles_xml(&part);
        rc = tp_zip_add_buf(z, "styles.xml", &part, false);
    }
    if (rc == TP_OK) {
        meta_xml(&part, f, epoch);
        rc = tp_zip_add_buf(z, "meta.xml", &part, false);
    }
    if (rc == TP_OK) {
        manifest_xml(&part);
        rc = tp_zip_add_buf(z, "META-INF/manifest.xml", &part, false);
    }
    if (rc == TP_OK)
        rc = tp_zip_finish(z, out, d);
    tp_buf_dispose(&part);
    tp_zip_free(z);
    return rc;
}
