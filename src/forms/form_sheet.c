/* Filled forms → keyed rows. Spreadsheets compress empty space (repeated
 * rows and columns): counts are followed without expanding anything, and
 * only the row elements really present are walked, up to TP_FORM_MAX_ROWS. */
#include "form_sheet.h"

#include <libxml/tree.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "../xml/xmlsafe.h"
#include "forms.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define MAX_SHEET_ROWS 1048576  /* the largest sheet of either format */
#define MAX_CELL_TEXT 4096      /* bytes kept of one cell's text */
#define MAX_SHARED_STRINGS 200000

void form_sheet_free(form_sheet *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->rows[i].key);
        for (int c = 0; c <= FORM_COLS; c++)
            free(s->rows[i].cells[c].text);
    }
    free(s->rows);
    free(s->name);
    free(s->mark);
    free(s);
}

static bool is_elem(xmlNodePtr n, const char *ns, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           xmlStrcmp(n->ns->href, BAD_CAST ns) == 0 && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

static xmlNodePtr child_ns(xmlNodePtr parent, const char *ns, const char *name)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
        if (is_elem(c, ns, name))
            return c;
    return NULL;
}

static char *attr_ns(xmlNodePtr n, const char *name, const char *ns)
{
    xmlChar *v = ns ? xmlGetNsProp(n, BAD_CAST name, BAD_CAST ns) : xmlGetNoNsProp(n, BAD_CAST name);
    if (!v)
        return NULL;
    char *r = xstrdup((const char *)v);
    xmlFree(v);
    return r;
}

/* A repeat count attribute: 1 when absent or odd, capped. */
static long repeat_count(xmlNodePtr n, const char *name)
{
    char *v = attr_ns(n, name, NS_TABLE);
    long r = 1;
    if (v) {
        char *end = NULL;
        long x = strtol(v, &end, 10);
        if (end && *end == '\0' && x >= 1)
            r = x > MAX_SHEET_ROWS ? MAX_SHEET_ROWS : x;
        free(v);
    }
    return r;
}

static tp_err read_xml(xmlDocPtr *doc, tp_unzip *z, const char *member, const char *display,
                       tp_diags *d)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_err rc = tp_unzip_read(z, member, &b, d);
    if (rc == TP_OK) {
        tp_buf name;
        tp_buf_init(&name);
        tp_buf_printf(&name, "%s:%s", display, member);
        rc = tp_xml_parse(doc, tp_buf_cstr(&b), b.len, tp_buf_cstr(&name), d);
        tp_buf_dispose(&name);
    }
    tp_buf_dispose(&b);
    return rc;
}

static form_sheet *sheet_new(const char *name)
{
    form_sheet *s = xcalloc(1, sizeof *s);
    s->name = xstrdup(name && *name ? name : "Feuille 1");
    return s;
}

/* Collapses whitespace runs to one space (ODF's rule for text content) and
 * keeps at most MAX_CELL_TEXT bytes. */
static void put_collapsed(tp_buf *b, const char *s)
{
    for (; *s && b->len < MAX_CELL_TEXT; s++) {
        bool space = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
        if (space) {
            if (b->len > 0 && b->data[b->len - 1] != ' ')
                tp_buf_putc(b, ' ');
        } else {
            tp_buf_putc(b, *s);
        }
    }
}

static char *trimmed_detach(tp_buf *b)
{
    char *s = tp_buf_detach(b);
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
    size_t lead = strspn(s, " ");
    if (lead)
        memmove(s, s + lead, n - lead + 1);
    return s;
}

/* ------------------------------------------------------------------ ODS */

static void ods_paragraph_text(tp_buf *b, xmlNodePtr p, int depth)
{
    if (depth > 16)
        return;
    for (xmlNodePtr c = p->children; c && b->len < MAX_CELL_TEXT; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            put_collapsed(b, (const char *)c->content);
        } else if (is_elem(c, NS_TEXT, "s")) {
            char *v = attr_ns(c, "c", NS_TEXT);
            long n = v ? strtol(v, NULL, 10) : 1;
            free(v);
            for (long i = 0; i < n && i < 64 && b->len < MAX_CELL_TEXT; i++)
                tp_buf_putc(b, ' ');
        } else if (is_elem(c, NS_TEXT, "tab") || is_elem(c, NS_TEXT, "line-break")) {
            tp_buf_putc(b, ' ');
        } else if (c->type == XML_ELEMENT_NODE && !is_elem(c, NS_TEXT, "note") &&
                   !is_elem(c, NS_OFFICE, "annotation")) {
            ods_paragraph_text(b, c, depth + 1); /* spans, links… */
        }
    }
}

static void ods_value(form_value *v, xmlNodePtr cell)
{
    char *type = attr_ns(cell, "value-type", NS_OFFICE);
    v->type = FV_EMPTY;
    if (!type)
        return;
    if (!strcmp(type, "float") || !strcmp(type, "percentage") || !strcmp(type, "currency")) {
        v->text = attr_ns(cell, "value", NS_OFFICE);
        v->type = v->text ? FV_NUMBER : FV_EMPTY;
    } else if (!strcmp(type, "boolean")) {
        char *b = attr_ns(cell, "boolean-value", NS_OFFICE);
        v->type = FV_BOOL;
        v->text = xstrdup(b && !strcmp(b, "true") ? "1" : "0");
        free(b);
    } else if (!strcmp(type, "date") || !strcmp(type, "time")) {
        v->text = attr_ns(cell, !strcmp(type, "date") ? "date-value" : "time-value", NS_OFFICE);
        v->type = v->text ? FV_TEXT : FV_EMPTY;
    } else {
        char *sv = attr_ns(cell, "string-value", NS_OFFICE);
        tp_buf b;
        tp_buf_init(&b);
        if (sv) {
            put_collapsed(&b, sv);
            free(sv);
        } else {
            bool first = true;
            for (xmlNodePtr p = cell->children; p; p = p->next)
                if (is_elem(p, NS_TEXT, "p") || is_elem(p, NS_TEXT, "h")) {
                    if (!first)
                        tp_buf_putc(&b, ' ');
                    ods_paragraph_text(&b, p, 0);
                    first = false;
                }
        }
        v->text = trimmed_detach(&b);
        v->type = *v->text ? FV_TEXT : FV_EMPTY;
        if (v->type == FV_EMPTY) {
            free(v->text);
            v->text = NULL;
        }
    }
    free(type);
}

typedef struct walk {
    form_sheet *s;
    long row;   /* 1-based index of the next row */
    long elems; /* row elements seen */
    const char *display;
    tp_diags *d;
} walk;

static void add_krow(form_sheet *s, long row, form_value cells[FORM_COLS + 1])
{
    if (row == 1 && cells[COL_KEY].type == FV_TEXT && !s->mark)
        s->mark = xstrdup(cells[COL_KEY].text);
    if (cells[COL_KEY].type != FV_TEXT) {
        for (int c = 0; c <= FORM_COLS; c++)
            free(cells[c].text);
        return;
    }
    tp_grow((void **)&s->rows, &s->cap, s->n, sizeof *s->rows);
    form_krow *k = &s->rows[s->n++];
    k->row = (int)row;
    k->key = cells[COL_KEY].text;
    cells[COL_KEY].text = NULL;
    cells[COL_KEY].type = FV_EMPTY;
    memcpy(k->cells, cells, sizeof k->cells);
}

static tp_err ods_row(walk *w, xmlNodePtr row)
{
    if (++w->elems > TP_FORM_MAX_ROWS) {
        tp_diag_error(w->d, w->display, 0, "content.xml",
                      "fill in the form as given: it has about 70 rows",
                      "sheet '%s' has more than %d rows: not an offer form", w->s->name,
                      TP_FORM_MAX_ROWS);
        return TP_ELIMIT;
    }
    long repeat = repeat_count(row, "number-rows-repeated");
    form_value cells[FORM_COLS + 1];
    memset(cells, 0, sizeof cells);
    long col = 1;
    for (xmlNodePtr c = row->children; c && col <= FORM_COLS; c = c->next) {
        if (!is_elem(c, NS_TABLE, "table-cell") && !is_elem(c, NS_TABLE, "covered-table-cell"))
            continue;
        long rep = repeat_count(c, "number-columns-repeated");
        if (is_elem(c, NS_TABLE, "table-cell"))
            ods_value(&cells[col], c); /* a repeated value is a copy: the first one is enough */
        col += rep;
    }
    if (w->row <= MAX_SHEET_ROWS)
        add_krow(w->s, w->row, cells);
    else
        for (int k = 0; k <= FORM_COLS; k++)
            free(cells[k].text);
    w->row += repeat;
    return TP_OK;
}

/* Rows may sit in header-row, row-group and rows containers. */
static tp_err ods_rows(walk *w, xmlNodePtr parent, int depth)
{
    if (depth > 8)
        return TP_OK;
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        tp_err rc = TP_OK;
        if (is_elem(c, NS_TABLE, "table-row"))
            rc = ods_row(w, c);
        else if (is_elem(c, NS_TABLE, "table-header-rows") || is_elem(c, NS_TABLE, "table-rows") ||
                 is_elem(c, NS_TABLE, "table-row-group"))
            rc = ods_rows(w, c, depth + 1);
        if (rc != TP_OK)
            return rc;
    }
    return TP_OK;
}

tp_err form_sheet_read_ods(form_sheet **out, tp_unzip *z, const char *display, tp_diags *d)
{
    *out = NULL;
    xmlDocPtr doc = NULL;
    tp_err rc = read_xml(&doc, z, "content.xml", display, d);
    if (rc != TP_OK)
        return rc;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr table = child_ns(child_ns(child_ns(is_elem(root, NS_OFFICE, "document-content")
                                                      ? root : NULL,
                                                  NS_OFFICE, "body"),
                                         NS_OFFICE, "spreadsheet"),
                                NS_TABLE, "table");
    if (!table) {
        tp_diag_error(d, display, 0, "content.xml", "send the offer form of the tender pack",
                      "the spreadsheet has no sheet");
        xmlFreeDoc(doc);
        return TP_EINVALID;
    }
    char *name = attr_ns(table, "name", NS_TABLE);
    form_sheet *s = sheet_new(name);
    free(name);
    walk w = {s, 1, 0, display, d};
    rc = ods_rows(&w, table, 0);
    xmlFreeDoc(doc);
    if (rc != TP_OK) {
        form_sheet_free(s);
        return rc;
    }
    *out = s;
    return TP_OK;
}

/* ------------------------------------------------------------------ XLSX */

typedef struct shared {
    char **v;
    size_t n, cap;
} shared;

static void shared_dispose(shared *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
}

/* Text of <si> or <is>: every <t>, phonetic runs (<rPh>) left out. */
static void xlsx_text(tp_buf *b, xmlNodePtr n, int depth)
{
    if (depth > 8)
        return;
    for (xmlNodePtr c = n->children; c && b->len < MAX_CELL_TEXT; c = c->next) {
        if (is_elem(c, NS_MAIN, "t")) {
            xmlChar *t = xmlNodeGetContent(c);
            put_collapsed(b, t ? (const char *)t : "");
            xmlFree(t);
        } else if (is_elem(c, NS_MAIN, "r")) {
            xlsx_text(b, c, depth + 1);
        }
    }
}

static tp_err read_shared(shared *ss, tp_unzip *z, const char *display, tp_diags *d)
{
    if (!tp_unzip_has(z, "xl/sharedStrings.xml"))
        return TP_OK; /* a workbook without text cells, or with inline strings */
    xmlDocPtr doc = NULL;
    tp_err rc = read_xml(&doc, z, "xl/sharedStrings.xml", display, d);
    if (rc != TP_OK)
        return rc;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr si = is_elem(root, NS_MAIN, "sst") ? root->children : NULL; si; si = si->next) {
        if (!is_elem(si, NS_MAIN, "si"))
            continue;
        if (ss->n >= MAX_SHARED_STRINGS) {
            tp_diag_error(d, display, 0, "xl/sharedStrings.xml",
                          "fill in the form as given: it has about 150 texts",
                          "more than %d shared strings: not an offer form", MAX_SHARED_STRINGS);
            rc = TP_ELIMIT;
            break;
        }
        tp_buf b;
        tp_buf_init(&b);
        xlsx_text(&b, si, 0);
        tp_grow((void **)&ss->v, &ss->cap, ss->n, sizeof *ss->v);
        ss->v[ss->n++] = trimmed_detach(&b);
    }
    xmlFreeDoc(doc);
    return rc;
}

/* "F40" → column 6, row 40. False when malformed. */
static bool parse_ref(const char *r, long *col, long *row)
{
    long c = 0, w = 0;
    const char *p = r;
    for (; *p >= 'A' && *p <= 'Z'; p++) {
        c = c * 26 + (*p - 'A' + 1);
        if (c > 16384)
            return false;
    }
    if (p == r)
        return false;
    const char *q = p;
    for (; *p >= '0' && *p <= '9'; p++) {
        w = w * 10 + (*p - '0');
        if (w > MAX_SHEET_ROWS)
            return false;
    }
    if (p == q || *p || w < 1)
        return false;
    *col = c;
    *row = w;
    return true;
}

static void xlsx_value(form_value *v, xmlNodePtr c, const shared *ss)
{
    char *t = attr_ns(c, "t", NULL);
    xmlNodePtr vn = child_ns(c, NS_MAIN, "v");
    xmlChar *raw = vn ? xmlNodeGetContent(vn) : NULL;
    const char *val = raw ? (const char *)raw : NULL;
    v->type = FV_EMPTY;
    if (t && !strcmp(t, "inlineStr")) {
        xmlNodePtr is = child_ns(c, NS_MAIN, "is");
        tp_buf b;
        tp_buf_init(&b);
        if (is)
            xlsx_text(&b, is, 0);
        v->text = trimmed_detach(&b);
        v->type = FV_TEXT;
    } else if (!val) {
        /* no value: empty cell (styled only) */
    } else if (t && !strcmp(t, "s")) {
        char *end = NULL;
        long i = strtol(val, &end, 10);
        if (end && *end == '\0' && i >= 0 && (size_t)i < ss->n) {
            v->text = xstrdup(ss->v[i]);
            v->type = FV_TEXT;
        }
    } else if (t && !strcmp(t, "b")) {
        v->text = xstrdup(!strcmp(val, "1") ? "1" : "0");
        v->type = FV_BOOL;
    } else if (t && (!strcmp(t, "str") || !strcmp(t, "e") || !strcmp(t, "d"))) {
        tp_buf b;
        tp_buf_init(&b);
        put_collapsed(&b, val);
        v->text = trimmed_detach(&b);
        v->type = FV_TEXT;
    } else {
        v->text = xstrdup(val);
        v->type = FV_NUMBER;
    }
    if (v->type == FV_TEXT && !*v->text) {
        free(v->text);
        v->text = NULL;
        v->type = FV_EMPTY;
    }
    xmlFree(raw);
    free(t);
}

static tp_err xlsx_rows(form_sheet *s, xmlNodePtr data, const shared *ss, const char *member,
                        const char *display, tp_diags *d)
{
    long row = 0, elems = 0;
    for (xmlNodePtr r = data->children; r; r = r->next) {
        if (!is_elem(r, NS_MAIN, "row"))
            continue;
        if (++elems > TP_FORM_MAX_ROWS) {
            tp_diag_error(d, display, 0, member, "fill in the form as given: it has about 70 rows",
                          "sheet '%s' has more than %d rows: not an offer form", s->name,
                          TP_FORM_MAX_ROWS);
            return TP_ELIMIT;
        }
        char *rv = attr_ns(r, "r", NULL);
        long rn = row + 1;
        if (rv) {
            char *end = NULL;
            long x = strtol(rv, &end, 10);
            if (end && *end == '\0' && x > row && x <= MAX_SHEET_ROWS)
                rn = x;
            free(rv);
        }
        row = rn;
        form_value cells[FORM_COLS + 1];
        memset(cells, 0, sizeof cells);
        long col = 0;
        for (xmlNodePtr c = r->children; c; c = c->next) {
            if (!is_elem(c, NS_MAIN, "c"))
                continue;
            char *ref = attr_ns(c, "r", NULL);
            long cc = col + 1, rr = row;
            if (ref && (!parse_ref(ref, &cc, &rr) || rr != row))
                cc = col + 1; /* a reference to another row is ignored: position counts */
            free(ref);
            col = cc;
            if (col > FORM_COLS)
                break;
            if (cells[col].type == FV_EMPTY && !cells[col].text)
                xlsx_value(&cells[col], c, ss);
        }
        add_krow(s, row, cells);
    }
    return TP_OK;
}

/* The first sheet's part, from the workbook and its relationships. Only a
 * target of the form worksheets/sheetN.xml is accepted: the member name is
 * rebuilt from N, never taken from the archive. */
static tp_err xlsx_first_sheet(char **member, char **name, tp_unzip *z, const char *display,
                               tp_diags *d)
{
    xmlDocPtr wb = NULL, rels = NULL;
    char *rid = NULL;
    tp_err rc = read_xml(&wb, z, "xl/workbook.xml", display, d);
    if (rc == TP_OK)
        rc = read_xml(&rels, z, "xl/_rels/workbook.xml.rels", display, d);
    if (rc != TP_OK)
        goto cleanup;
    xmlNodePtr sheet = child_ns(child_ns(xmlDocGetRootElement(wb), NS_MAIN, "sheets"), NS_MAIN,
                                "sheet");
    rid = sheet ? attr_ns(sheet, "id", NS_R) : NULL;
    if (!rid) {
        tp_diag_error(d, display, 0, "xl/workbook.xml", "send the offer form of the tender pack",
                      "the workbook has no sheet");
        rc = TP_EINVALID;
        goto cleanup;
    }
    *name = attr_ns(sheet, "name", NULL);
    char *target = NULL;
    for (xmlNodePtr r = xmlDocGetRootElement(rels)->children; r && !target; r = r->next) {
        if (r->type != XML_ELEMENT_NODE || xmlStrcmp(r->name, BAD_CAST "Relationship") != 0)
            continue;
        char *id = attr_ns(r, "Id", NULL);
        if (id && !strcmp(id, rid))
            target = attr_ns(r, "Target", NULL);
        free(id);
    }
    const char *t = target ? target : "";
    if (!strncmp(t, "/xl/", 4))
        t += 4;
    unsigned long n = 0;
    size_t digits = 0;
    if (!strncmp(t, "worksheets/sheet", 16)) {
        const char *p = t + 16;
        while (p[digits] >= '0' && p[digits] <= '9' && digits < 5)
            n = n * 10 + (unsigned long)(p[digits++] - '0');
        if (digits == 0 || strcmp(p + digits, ".xml") != 0)
            digits = 0;
    }
    if (digits == 0) {
        tp_diag_error(d, display, 0, "xl/_rels/workbook.xml.rels",
                      "send the offer form of the tender pack",
                      "the first sheet's part '%s' is not a worksheets/sheetN.xml part", t);
        rc = TP_EINVALID;
    } else {
        tp_buf m;
        tp_buf_init(&m);
        tp_buf_printf(&m, "xl/worksheets/sheet%lu.xml", n);
        *member = tp_buf_detach(&m);
    }
    free(target);
cleanup:
    free(rid);
    xmlFreeDoc(wb);
    xmlFreeDoc(rels);
    return rc;
}

tp_err form_sheet_read_xlsx(form_sheet **out, tp_unzip *z, const char *display, tp_diags *d)
{
    *out = NULL;
    char *member = NULL, *name = NULL;
    shared ss = {NULL, 0, 0};
    xmlDocPtr doc = NULL;
    form_sheet *s = NULL;
    tp_err rc = xlsx_first_sheet(&member, &name, z, display, d);
    if (rc == TP_OK)
        rc = read_shared(&ss, z, display, d);
    if (rc == TP_OK)
        rc = read_xml(&doc, z, member, display, d);
    if (rc != TP_OK)
        goto cleanup;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr data = is_elem(root, NS_MAIN, "worksheet") ? child_ns(root, NS_MAIN, "sheetData")
                                                          : NULL;
    if (!data) {
        tp_diag_error(d, display, 0, member, "send the offer form of the tender pack",
                      "the sheet has no cells (no sheetData)");
        rc = TP_EINVALID;
        goto cleanup;
    }
    s = sheet_new(name);
    rc = xlsx_rows(s, data, &ss, member, display, d);
    if (rc == TP_OK) {
        *out = s;
        s = NULL;
    }
cleanup:
    form_sheet_free(s);
    xmlFreeDoc(doc);
    shared_dispose(&ss);
    free(member);
    free(name);
    return rc;
}
