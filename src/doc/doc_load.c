/* Document vocabulary XML -> tp_doc. The XSD (schemas/document.xsd) checks
 * the structure; this file adds the rules a schema cannot say (column widths
 * sum to 100, every row fills the table) and collapses XML whitespace. */
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "../xml/xmlsafe.h"
#include "doc.h"

#define DOC_NS "urn:tenderpack:document:1"

typedef struct loader {
    const char *file;
    tp_diags *d;
    int errors;
    /* Whitespace state of the block being read: true at its start and after
     * a space or a <br/>, so a following space is dropped. */
    bool at_space;
    tp_node *last_text; /* last TEXT of the current line, to trim before <br/> and at the end */
} loader;

static bool is_elem(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool attr_true(xmlNodePtr n, const char *name)
{
    char *v = tp_xml_attr(n, name);
    bool r = v && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);
    free(v);
    return r;
}

static tp_align parse_align(xmlNodePtr n)
{
    char *v = tp_xml_attr(n, "align");
    tp_align a = TP_ALIGN_DEFAULT;
    if (v) {
        if (strcmp(v, "left") == 0)
            a = TP_ALIGN_LEFT;
        else if (strcmp(v, "center") == 0)
            a = TP_ALIGN_CENTER;
        else if (strcmp(v, "right") == 0)
            a = TP_ALIGN_RIGHT;
        else if (strcmp(v, "justify") == 0)
            a = TP_ALIGN_JUSTIFY;
    }
    free(v);
    return a;
}

/* Text with runs of XML whitespace collapsed to one space (other spaces,
 * such as U+00A0 and U+202F, are kept: they are meant). */
static void add_collapsed_text(loader *L, tp_node *parent, const char *s)
{
    tp_buf b;
    tp_buf_init(&b);
    while (*s) {
        if (is_ws(*s)) {
            if (!L->at_space)
                tp_buf_putc(&b, ' ');
            L->at_space = true;
            s++;
        } else {
            const char *run = s; /* copied as one piece: a call per byte was a hot spot */
            while (*s && !is_ws(*s))
                s++;
            tp_buf_put(&b, run, (size_t)(s - run));
            L->at_space = false;
        }
    }
    if (b.len > 0)
        L->last_text = tp_node_add_text(parent, tp_buf_cstr(&b));
    tp_buf_dispose(&b);
}

/* Drops the space ending the current line (before <br/> or the block end). */
static void trim_line_end(loader *L)
{
    tp_node *t = L->last_text;
    if (!t)
        return;
    size_t n = strlen(t->text);
    if (n > 0 && t->text[n - 1] == ' ')
        t->text[n - 1] = '\0';
    L->last_text = NULL;
    /* An emptied TEXT stays: harmless for renderers, and unlinking it would
     * complicate the builder for no gain. */
}

static void read_inline_children(loader *L, tp_node *parent, xmlNodePtr x)
{
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            add_collapsed_text(L, parent, (const char *)c->content);
        } else if (is_elem(c, "em") || is_elem(c, "strong")) {
            tp_node *n = tp_node_new(is_elem(c, "em") ? TP_NODE_EMPH : TP_NODE_STRONG);
            tp_node_append(parent, n);
            read_inline_children(L, n, c);
        } else if (is_elem(c, "br")) {
            trim_line_end(L);
            tp_node_append(parent, tp_node_new(TP_NODE_BREAK));
            L->at_space = true;
        }
    }
}

/* Reads x's inline content as the whole content of a new block node. */
static tp_node *read_inline_block(loader *L, tp_node *parent, tp_node_type type, xmlNodePtr x)
{
    tp_node *n = tp_node_append(parent, tp_node_new(type));
    L->at_space = true;
    L->last_text = NULL;
    read_inline_children(L, n, x);
    trim_line_end(L);
    return n;
}

static char *plain_string(xmlNodePtr x)
{
    /* Single-line metadata: collapse whitespace as in blocks. */
    char *raw = tp_xml_text(x);
    if (!raw)
        return NULL;
    char *w = raw;
    bool space = false;
    for (const char *r = raw; *r; r++) {
        if (is_ws(*r)) {
            space = true;
            continue;
        }
        if (space && w != raw)
            *w++ = ' ';
        space = false;
        *w++ = *r;
    }
    *w = '\0';
    return raw;
}

static void read_table(loader *L, tp_node *parent, xmlNodePtr x)
{
    tp_node *t = tp_node_append(parent, tp_node_new(TP_NODE_TABLE));
    t->keep_together = attr_true(x, "keep-together");
    char *widths = tp_xml_attr(x, "widths");
    int line = tp_xml_line(x);
    size_t cap = 0;
    int sum = 0;
    for (char *p = widths ? widths : ""; *p;) {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p)
            break;
        tp_grow((void **)&t->widths, &cap, (size_t)t->ncols, sizeof *t->widths);
        t->widths[t->ncols++] = (int)v;
        sum += (int)v;
        p = end;
    }
    if (sum != 100) {
        tp_diag_error(L->d, L->file, line, "table/@widths",
                      "give one percentage per column, adding up to exactly 100",
                      "table column widths \"%s\" add up to %d, not 100", widths ? widths : "",
                      sum);
        L->errors++;
    }
    free(widths);

    int row_no = 0;
    for (xmlNodePtr r = tp_xml_child(x, "row"); r; r = tp_xml_next(r, "row")) {
        row_no++;
        tp_node *row = tp_node_append(t, tp_node_new(TP_NODE_ROW));
        char *kind = tp_xml_attr(r, "kind");
        row->row_kind = !kind                    ? TP_ROW_BODY
                        : strcmp(kind, "head") == 0 ? TP_ROW_HEAD
                        : strcmp(kind, "foot") == 0 ? TP_ROW_FOOT
                                                    : TP_ROW_BODY;
        free(kind);
        int span = 0;
        for (xmlNodePtr c = tp_xml_child(r, "cell"); c; c = tp_xml_next(c, "cell")) {
            tp_node *cell = read_inline_block(L, row, TP_NODE_CELL, c);
            cell->align = parse_align(c);
            char *cs = tp_xml_attr(c, "colspan");
            cell->colspan = cs ? atoi(cs) : 1;
            if (cell->colspan < 1)
                cell->colspan = 1;
            free(cs);
            span += cell->colspan;
        }
        if (span != t->ncols) {
            tp_diag_error(L->d, L->file, tp_xml_line(r), "table/row",
                          "make the cells (counting colspan) match the columns of widths",
                          "row %d of the table spans %d column(s), the table has %d", row_no,
                          span, t->ncols);
            L->errors++;
        }
    }
}

static void read_blocks(loader *L, tp_node *parent, xmlNodePtr x);

static void read_section(loader *L, tp_node *parent, xmlNodePtr x, tp_node_type type)
{
    tp_node *s = tp_node_append(parent, tp_node_new(type));
    s->id = tp_xml_attr(x, "id");
    read_blocks(L, s, x);
}

static void read_blocks(loader *L, tp_node *parent, xmlNodePtr x)
{
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_elem(c, "heading")) {
            read_inline_block(L, parent, TP_NODE_HEADING, c);
        } else if (is_elem(c, "p")) {
            tp_node *p = read_inline_block(L, parent, TP_NODE_PARA, c);
            p->align = parse_align(c);
        } else if (is_elem(c, "list")) {
            tp_node *list = tp_node_append(parent, tp_node_new(TP_NODE_LIST));
            list->ordered = attr_true(c, "ordered");
            for (xmlNodePtr i = tp_xml_child(c, "item"); i; i = tp_xml_next(i, "item"))
                read_inline_block(L, list, TP_NODE_ITEM, i);
        } else if (is_elem(c, "table")) {
            read_table(L, parent, c);
        } else if (is_elem(c, "pagebreak")) {
            tp_node_append(parent, tp_node_new(TP_NODE_PAGEBREAK));
        } else if (is_elem(c, "section")) {
            read_section(L, parent, c, TP_NODE_SECTION);
        }
    }
}

static void read_cover(loader *L, tp_node *root, xmlNodePtr x)
{
    tp_node *cover = tp_node_append(root, tp_node_new(TP_NODE_COVER));
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (is_elem(c, "title"))
            read_inline_block(L, cover, TP_NODE_TITLE, c);
        else if (is_elem(c, "subtitle"))
            read_inline_block(L, cover, TP_NODE_SUBTITLE, c);
        else if (is_elem(c, "field")) {
            tp_node *f = read_inline_block(L, cover, TP_NODE_FIELD, c);
            f->text = tp_xml_attr(c, "label");
        }
    }
}

static void read_meta(loader *L, tp_doc *doc, xmlNodePtr meta)
{
    doc->title = plain_string(tp_xml_child(meta, "title"));
    doc->subject = plain_string(tp_xml_child(meta, "subject"));
    doc->author = plain_string(tp_xml_child(meta, "author"));
    doc->keywords = plain_string(tp_xml_child(meta, "keywords"));
    xmlNodePtr date = tp_xml_child(meta, "date");
    char *s = tp_xml_text(date);
    if (!s || !tp_date_parse(&doc->date, s)) {
        tp_diag_error(L->d, L->file, tp_xml_line(date), "meta/date",
                      "write the date as YYYY-MM-DD, years 1900-2999",
                      "document date \"%s\" is not a valid date", s ? s : "");
        L->errors++;
    }
    free(s);
}

tp_err tp_doc_from_xml(tp_doc **out, xmlDocPtr xml, const char *name, tp_diags *d)
{
    *out = NULL;
    tp_err rc = tp_xsd_validate(xml, "document.xsd", name, d);
    if (rc != TP_OK)
        return rc;
    xmlNodePtr root = xmlDocGetRootElement(xml);
    if (!root || !root->ns || xmlStrcmp(root->ns->href, BAD_CAST DOC_NS) != 0)
        return TP_EINTERNAL; /* the schema guarantees it */

    loader L = {name, d, 0, true, NULL};
    tp_doc *doc = tp_doc_new();
    char *lang = tp_xml_attr(root, "lang");
    if (lang) {
        free(doc->lang);
        doc->lang = lang;
    }
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (is_elem(c, "meta"))
            read_meta(&L, doc, c);
        else if (is_elem(c, "header"))
            doc->header = plain_string(c);
        else if (is_elem(c, "footer"))
            doc->footer = plain_string(c);
        else if (is_elem(c, "cover"))
            read_cover(&L, doc->root, c);
        else if (is_elem(c, "toc"))
            tp_node_append(doc->root, tp_node_new(TP_NODE_TOC));
        else if (is_elem(c, "section"))
            read_section(&L, doc->root, c, TP_NODE_SECTION);
        else if (is_elem(c, "annex"))
            read_section(&L, doc->root, c, TP_NODE_ANNEX);
    }
    if (L.errors) {
        tp_doc_free(doc);
        return TP_EINVALID;
    }
    tp_doc_number(doc);
    *out = doc;
    return TP_OK;
}
