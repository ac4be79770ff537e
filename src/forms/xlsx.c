/* The offer form as an Office Open XML workbook (ECMA-376 transitional,
 * SpreadsheetML), with shared strings, cached formula values and the rules
 * Excel enforces beyond the schema (rows and cells in order, style and
 * string indexes in range). */
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/xmlw.h"
#include "../render/zipout.h"
#include "form_int.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define CT_PREFIX "application/vnd.openxmlformats-officedocument.spreadsheetml."
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define MAX_LINES 8

/* Shared strings, numbered in order of first use. */
typedef struct sst {
    char **v;
    size_t n, cap;
    size_t refs;
} sst;

static size_t sst_index(sst *s, const char *text)
{
    s->refs++;
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], text) == 0)
            return i;
    tp_grow((void **)&s->v, &s->cap, s->n, sizeof *s->v);
    s->v[s->n] = xstrdup(text);
    return s->n++;
}

static void sst_dispose(sst *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
}

/* Built-in number formats: General, "0", "#,##0.00", "@". */
static const int num_fmt_ids[] = {[NF_GENERAL] = 0, [NF_INT] = 1, [NF_MONEY] = 4, [NF_TEXT] = 49};

static const char *const fill_colors[] = {"D9D9D9", "DDE4EE", "FFF2CC"};
#define N_FILL_COLORS (sizeof fill_colors / sizeof *fill_colors)

static int fill_id(const char *color)
{
    if (!color)
        return 0;
    for (size_t i = 0; i < N_FILL_COLORS; i++)
        if (strcmp(fill_colors[i], color) == 0)
            return (int)i + 2; /* after the two fills Excel reserves */
    return 0;
}

static void styles_xml(tp_buf *b)
{
    tp_buf_puts(b, XML_DECL "<styleSheet xmlns=\"" NS_MAIN "\">");
    /* One font per style, in style order: font i belongs to cellXfs i. */
    tp_buf_printf(b, "<fonts count=\"%d\">", FS_COUNT);
    for (int i = 0; i < FS_COUNT; i++) {
        const form_style_props *p = &form_styles[i];
        tp_buf_printf(b, "<font>%s%s<sz val=\"%d\"/><name val=\"Arial\"/><family val=\"2\"/></font>",
                      p->bold ? "<b/>" : "", p->italic ? "<i/>" : "", p->size_pt);
    }
    tp_buf_printf(b, "</fonts><fills count=\"%zu\"><fill><patternFill patternType=\"none\"/></fill>"
                     "<fill><patternFill patternType=\"gray125\"/></fill>",
                  N_FILL_COLORS + 2);
    for (size_t i = 0; i < N_FILL_COLORS; i++)
        tp_buf_printf(b, "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF%s\"/>"
                         "<bgColor indexed=\"64\"/></patternFill></fill>",
                      fill_colors[i]);
    tp_buf_puts(b, "</fills><borders count=\"2\">"
                   "<border><left/><right/><top/><bottom/><diagonal/></border><border>");
    static const char *const sides[] = {"left", "right", "top", "bottom"};
    for (int i = 0; i < 4; i++)
        tp_buf_printf(b, "<%s style=\"thin\"><color rgb=\"FF808080\"/></%s>", sides[i], sides[i]);
    tp_buf_printf(b, "<diagonal/></border></borders>"
                     "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
                     "borderId=\"0\"/></cellStyleXfs><cellXfs count=\"%d\">",
                  FS_COUNT);
    for (int i = 0; i < FS_COUNT; i++) {
        const form_style_props *p = &form_styles[i];
        tp_buf_printf(b, "<xf numFmtId=\"%d\" fontId=\"%d\" fillId=\"%d\" borderId=\"%d\" "
                         "xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\" "
                         "applyBorder=\"1\" applyAlignment=\"1\" applyProtection=\"1\">"
                         "<alignment vertical=\"center\"%s/><protection locked=\"%d\"/></xf>",
                      num_fmt_ids[p->fmt], i, fill_id(p->fill), p->border ? 1 : 0,
                      p->wrap ? " wrapText=\"1\"" : "", p->locked ? 1 : 0);
    }
    tp_buf_puts(b, "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" "
                   "builtinId=\"0\"/></cellStyles></styleSheet>\n");
}

static void formula(tp_buf *b, const form_cell *c, int row)
{
    switch (c->op) {
    case FO_PRODUCT: tp_buf_printf(b, "D%d*F%d", row, row); break;
    case FO_SUM: tp_buf_printf(b, "SUM(G%d:G%d)", c->ref1, c->ref2); break;
    case FO_VAT: tp_buf_printf(b, "ROUND(G%d*D%d/100,2)", c->ref1, row); break;
    case FO_ADD: tp_buf_printf(b, "G%d+G%d", c->ref1, c->ref2); break;
    }
}


static void cell(tp_buf *b, sst *s, const form_cell *c, int row)
{
    char col[4];
    form_col_letter(col, c->col);
    tp_buf_puts(b, "<c r=\"");
    tp_buf_puts(b, col);
    tp_buf_put_int(b, row);
    tp_buf_puts(b, "\" s=\"");
    tp_buf_put_int(b, c->style);
    tp_buf_putc(b, '"');
    switch (c->kind) {
    case CK_EMPTY: tp_buf_puts(b, "/>"); break;
    case CK_TEXT:
        tp_buf_puts(b, " t=\"s\"><v>");
        tp_buf_put_int(b, (long long)sst_index(s, c->text));
        tp_buf_puts(b, "</v></c>");
        break;
    case CK_INT: tp_buf_printf(b, "><v>%lld</v></c>", c->num); break;
    case CK_FORMULA:
        tp_buf_puts(b, "><f>");
        formula(b, c, row);
        tp_buf_puts(b, "</f><v>" FORM_FORMULA_CACHE "</v></c>");
        break;
    }
}

/* Row height in points (tenths), matching the ODS row styles. */
static int row_height_tenths_pt(const form_row *r)
{
    if (r->tall)
        return 227;
    int lines = r->lines > MAX_LINES ? MAX_LINES : r->lines;
    return (15 + 42 * lines) * 2835 / 1000;
}

static void data_validations(tp_buf *b, const form *f)
{
    if (f->n_validations == 0)
        return;
    tp_buf_printf(b, "<dataValidations count=\"%zu\">", f->n_validations);
    for (size_t i = 0; i < f->n_validations; i++) {
        const form_validation *v = &f->validations[i];
        char col[4];
        form_col_letter(col, v->col);
        if (v->kind == VK_LIST)
            tp_buf_puts(b, "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" "
                           "errorTitle=\"Valeur non prévue\" "
                           "error=\"Choisissez une valeur de la liste.\" sqref=\"");
        else if (v->kind == VK_DECIMAL)
            tp_buf_puts(b, "<dataValidation type=\"decimal\" operator=\"greaterThanOrEqual\" "
                           "allowBlank=\"1\" showErrorMessage=\"1\" errorTitle=\"Nombre attendu\" "
                           "error=\"Saisissez un nombre positif ou nul, sans unité.\" sqref=\"");
        else
            tp_buf_puts(b, "<dataValidation type=\"whole\" operator=\"greaterThanOrEqual\" "
                           "allowBlank=\"1\" showErrorMessage=\"1\" "
                           "errorTitle=\"Nombre entier attendu\" "
                           "error=\"Saisissez un nombre entier positif ou nul.\" sqref=\"");
        for (size_t k = 0; k < v->n_rows; k++)
            tp_buf_printf(b, "%s%s%d", k ? " " : "", col, v->rows[k]);
        tp_buf_puts(b, "\"><formula1>");
        if (v->kind == VK_LIST) {
            tp_buf list;
            tp_buf_init(&list);
            tp_buf_putc(&list, '"');
            for (size_t k = 0; k < v->n_items; k++)
                tp_buf_printf(&list, "%s%s", k ? "," : "", v->items[k]);
            tp_buf_putc(&list, '"');
            tp_xmlw_text(b, tp_buf_cstr(&list));
            tp_buf_dispose(&list);
        } else {
            tp_buf_puts(b, "0");
        }
        tp_buf_puts(b, "</formula1></dataValidation>");
    }
    tp_buf_puts(b, "</dataValidations>");
}

static void sheet_xml(tp_buf *b, sst *s, const form *f)
{
    tp_buf_printf(b, XML_DECL "<worksheet xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\">"
                              "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
                              "<dimension ref=\"A1:G%zu\"/>"
                              "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
                              "<sheetFormatPr defaultRowHeight=\"12.75\"/><cols>",
                  f->n_rows);
    for (int c = 1; c <= FORM_COLS; c++)
        tp_buf_printf(b, "<col min=\"%d\" max=\"%d\" width=\"%d\"%s customWidth=\"1\"/>", c, c,
                      form_col_width_mm[c - 1] * 100 / 185 + 1, c == COL_KEY ? " hidden=\"1\"" : "");
    tp_buf_puts(b, "</cols><sheetData>");
    for (size_t i = 0; i < f->n_rows; i++) {
        const form_row *r = &f->rows[i];
        int ht = row_height_tenths_pt(r);
        tp_buf_printf(b, "<row r=\"%zu\" ht=\"%d.%d\" customHeight=\"1\">", i + 1, ht / 10,
                      ht % 10);
        for (int k = 0; k < r->n; k++)
            cell(b, s, &r->cells[k], (int)i + 1);
        tp_buf_puts(b, "</row>");
    }
    tp_buf_puts(b, "</sheetData><sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\"/>");
    size_t merges = 0;
    for (size_t i = 0; i < f->n_rows; i++)
        for (int k = 0; k < f->rows[i].n; k++)
            merges += f->rows[i].cells[k].span > 1;
    if (merges) {
        tp_buf_printf(b, "<mergeCells count=\"%zu\">", merges);
        for (size_t i = 0; i < f->n_rows; i++)
            for (int k = 0; k < f->rows[i].n; k++) {
                const form_cell *c = &f->rows[i].cells[k];
                char c1[4], c2[4];
                if (c->span > 1)
                    tp_buf_printf(b, "<mergeCell ref=\"%s%zu:%s%zu\"/>", form_col_letter(c1, c->col),
                                  i + 1, form_col_letter(c2, c->col + c->span - 1), i + 1);
            }
        tp_buf_puts(b, "</mergeCells>");
    }
    data_validations(b, f);
    tp_buf_puts(b, "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.5\" bottom=\"0.5\" "
                   "header=\"0.3\" footer=\"0.3\"/><pageSetup paperSize=\"9\" "
                   "orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>\n");
}

static void sst_xml(tp_buf *b, const sst *s)
{
    tp_buf_printf(b, XML_DECL "<sst xmlns=\"" NS_MAIN "\" count=\"%zu\" uniqueCount=\"%zu\">",
                  s->refs, s->n);
    for (size_t i = 0; i < s->n; i++) {
        tp_buf_puts(b, "<si><t>");
        tp_xmlw_text(b, s->v[i]);
        tp_buf_puts(b, "</t></si>");
    }
    tp_buf_puts(b, "</sst>\n");
}

static void workbook_xml(tp_buf *b, const form *f)
{
    tp_buf_puts(b, XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\">"
                            "<bookViews><workbookView activeTab=\"0\"/></bookViews>"
                            "<sheets><sheet name=\"");
    tp_xmlw_text(b, f->sheet_name);
    tp_buf_puts(b, "\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                   "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>\n");
}

static void content_types_xml(tp_buf *b)
{
    tp_buf_puts(b, XML_DECL
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                "<Default Extension=\"rels\" "
                "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" CT_PREFIX
                "sheet.main+xml\"/>"
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" CT_PREFIX
                "worksheet+xml\"/>"
                "<Override PartName=\"/xl/styles.xml\" ContentType=\"" CT_PREFIX "styles+xml\"/>"
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" CT_PREFIX
                "sharedStrings+xml\"/>"
                "<Override PartName=\"/docProps/core.xml\" "
                "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                "</Types>\n");
}

static void root_rels_xml(tp_buf *b)
{
    tp_buf_puts(b, XML_DECL "<Relationships xmlns=\"" NS_PKG_REL "\">"
                            "<Relationship Id=\"rId1\" Type=\"" NS_R "/officeDocument\" "
                            "Target=\"xl/workbook.xml\"/>"
                            "<Relationship Id=\"rId2\" Type=\"" NS_PKG_REL
                            "/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                            "</Relationships>\n");
}

static void workbook_rels_xml(tp_buf *b)
{
    tp_buf_puts(b, XML_DECL "<Relationships xmlns=\"" NS_PKG_REL "\">"
                            "<Relationship Id=\"rId1\" Type=\"" NS_R "/worksheet\" "
                            "Target=\"worksheets/sheet1.xml\"/>"
                            "<Relationship Id=\"rId2\" Type=\"" NS_R "/styles\" "
                            "Target=\"styles.xml\"/>"
                            "<Relationship Id=\"rId3\" Type=\"" NS_R "/sharedStrings\" "
                            "Target=\"sharedStrings.xml\"/>"
                            "</Relationships>\n");
}

static void core_xml(tp_buf *b, const form *f, int64_t epoch)
{
    char when[21];
    tp_buf_puts(b, XML_DECL "<cp:coreProperties"
                " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                " xmlns:dcterms=\"http://purl.org/dc/terms/\""
                " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
    tp_xmlw_text(b, f->title);
    tp_xmlw_datetime(when, epoch);
    tp_buf_printf(b, "</dc:title><dc:creator>tenderpack " TP_VERSION "</dc:creator>"
                     "<dc:language>fr-BE</dc:language>"
                     "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
                     "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>"
                     "</cp:coreProperties>\n",
                  when, when);
}

tp_err form_write_xlsx(tp_buf *out, const form *f, int64_t epoch, tp_diags *d)
{
    sst s = {NULL, 0, 0, 0};
    tp_buf sheet, part;
    tp_buf_init(&sheet);
    tp_buf_init(&part);
    sheet_xml(&sheet, &s, f); /* first: it numbers the shared strings */
    tp_zip *z = tp_zip_new(epoch);
    content_types_xml(&part);
    tp_err rc = tp_zip_add_buf(z, "[Content_Types].xml", &part, false);
    if (rc == TP_OK) {
        root_rels_xml(&part);
        rc = tp_zip_add_buf(z, "_rels/.rels", &part, false);
    }
    if (rc == TP_OK) {
        core_xml(&part, f, epoch);
        rc = tp_zip_add_buf(z, "docProps/core.xml", &part, false);
    }
    if (rc == TP_OK) {
        workbook_xml(&part, f);
        rc = tp_zip_add_buf(z, "xl/workbook.xml", &part, false);
    }
    if (rc == TP_OK) {
        workbook_rels_xml(&part);
        rc = tp_zip_add_buf(z, "xl/_rels/workbook.xml.rels", &part, false);
    }
    if (rc == TP_OK) {
        styles_xml(&part);
        rc = tp_zip_add_buf(z, "xl/styles.xml", &part, false);
    }
    if (rc == TP_OK)
        rc = tp_zip_add_buf(z, "xl/worksheets/sheet1.xml", &sheet, false);
    if (rc == TP_OK) {
        sst_xml(&part, &s);
        rc = tp_zip_add_buf(z, "xl/sharedStrings.xml", &part, false);
    }
    if (rc == TP_OK)
        rc = tp_zip_finish(z, out, d);
    tp_zip_free(z);
    tp_buf_dispose(&sheet);
    tp_buf_dispose(&part);
    sst_dispose(&s);
    return rc;
}
