/* Test helpers for offer forms: load a golden tender, generate a form, and
 * fill its cells programmatically the way a spreadsheet would save them
 * (find the row by its key in column A, set the cell's value in the XML,
 * zip again). Header-only, to include after cmocka (tp_test.h). */
#ifndef TP_FORM_FILL_H
#define TP_FORM_FILL_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "forms/forms.h"
#include "forms/unzip.h"
#include "model/profile.h"
#include "render/zipout.h"
#include "xml/xmlsafe.h"

#define FILL_NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define FILL_NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define FILL_NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define GOLDEN_08 TP_SOURCE_DIR "/tests/golden/08-libre-multi-lots-open-requested.tender.xml"
#define EPOCH_2026_06_01 1780272000 /* 2026-06-01T00:00:00Z */

/* One cell to set: the row whose column A holds key, the column (letter). */
typedef struct fill {
    const char *key;
    char col;          /* 'D', 'F', 'G' */
    const char *value; /* NULL: make the cell empty */
    bool number;       /* a numeric cell (value in machine form "455.5") */
} fill;

static inline xmlDocPtr fill_tender(void)
{
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr doc = NULL;
    if (tp_xml_read(&doc, GOLDEN_08, &d) != TP_OK) {
        tp_diags_print(&d, stderr);
        abort();
    }
    tp_diags_dispose(&d);
    return doc;
}

static inline void fill_form_new(tp_buf *out, const char *format, int lot)
{
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr t = fill_tender();
    if (tp_forms_write(out, format, t, lot, EPOCH_2026_06_01, &d) != TP_OK) {
        tp_diags_print(&d, stderr);
        abort();
    }
    xmlFreeDoc(t);
    tp_diags_dispose(&d);
}

static inline xmlNodePtr fill_first_elem(xmlNodePtr n)
{
    for (; n && n->type != XML_ELEMENT_NODE; n = n->next)
        ;
    return n;
}

/* ODS: the cell element at column col of a row (our rows have no repeats
 * among keyed cells, but gaps may be repeated empty cells). */
static inline xmlNodePtr fill_ods_cell(xmlNodePtr row, int col)
{
    int c = 1;
    for (xmlNodePtr n = fill_first_elem(row->children); n; n = fill_first_elem(n->next)) {
        xmlChar *rep = xmlGetNsProp(n, BAD_CAST "number-columns-repeated", BAD_CAST FILL_NS_TABLE);
        int r = rep ? atoi((const char *)rep) : 1;
        xmlFree(rep);
        if (col >= c && col < c + r)
            return r == 1 ? n : NULL;
        c += r;
    }
    return NULL;
}

static inline void fill_ods_set(xmlNodePtr cell, const fill *f)
{
    xmlNodePtr ch = cell->children;
    while (ch) {
        xmlNodePtr next = ch->next;
        xmlUnlinkNode(ch);
        xmlFreeNode(ch);
        ch = next;
    }
    xmlNsPtr office = xmlSearchNsByHref(cell->doc, cell, BAD_CAST FILL_NS_OFFICE);
    xmlNsPtr text = xmlSearchNsByHref(cell->doc, cell, BAD_CAST FILL_NS_TEXT);
    xmlUnsetNsProp(cell, office, BAD_CAST "value");
    if (!f->value) {
        xmlUnsetNsProp(cell, office, BAD_CAST "value-type");
        return;
    }
    xmlSetNsProp(cell, office, BAD_CAST "value-type", BAD_CAST(f->number ? "float" : "string"));
    if (f->number)
        xmlSetNsProp(cell, office, BAD_CAST "value", BAD_CAST f->value);
    xmlNewTextChild(cell, text, BAD_CAST "p", BAD_CAST f->value);
}

static inline char *fill_ods_key(xmlNodePtr row)
{
    xmlNodePtr a = fill_ods_cell(row, 1);
    if (!a)
        return NULL;
    xmlChar *c = xmlNodeGetContent(a);
    char *r = strdup(c ? (const char *)c : "");
    xmlFree(c);
    return r;
}

static inline void fill_ods_doc(xmlDocPtr doc, const fill *fills, size_t n)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr body = fill_first_elem(root->children);
    while (body && xmlStrcmp(body->name, BAD_CAST "body"))
        body = fill_first_elem(body->next);
    xmlNodePtr sheet = fill_first_elem(body->children);
    xmlNodePtr table = fill_first_elem(sheet->children);
    while (table && xmlStrcmp(table->name, BAD_CAST "table"))
        table = fill_first_elem(table->next);
    for (size_t i = 0; i < n; i++) {
        bool done = false;
        for (xmlNodePtr r = fill_first_elem(table->children); r && !done;
             r = fill_first_elem(r->next)) {
            if (xmlStrcmp(r->name, BAD_CAST "table-row"))
                continue;
            char *key = fill_ods_key(r);
            if (key && !strcmp(key, fills[i].key)) {
                xmlNodePtr cell = fill_ods_cell(r, fills[i].col - 'A' + 1);
                if (!cell)
                    abort();
                fill_ods_set(cell, &fills[i]);
                done = true;
            }
            free(key);
        }
        if (!done) {
            fprintf(stderr, "fill: no row %s\n", fills[i].key);
            abort();
        }
    }
}

/* XLSX: keys are shared strings; the filled cell becomes an inline string
 * or a number, as Excel and LibreOffice write them. */
static inline void fill_xlsx_doc(xmlDocPtr sheet, xmlDocPtr sst, const fill *fills, size_t n)
{
    char **strings = NULL;
    size_t ns = 0;
    for (xmlNodePtr si = fill_first_elem(xmlDocGetRootElement(sst)->children); si;
         si = fill_first_elem(si->next)) {
        xmlChar *c = xmlNodeGetContent(si);
        strings = realloc(strings, (ns + 1) * sizeof *strings);
        strings[ns++] = strdup((const char *)c);
        xmlFree(c);
    }
    xmlNodePtr data = fill_first_elem(xmlDocGetRootElement(sheet)->children);
    while (data && xmlStrcmp(data->name, BAD_CAST "sheetData"))
        data = fill_first_elem(data->next);
    for (size_t i = 0; i < n; i++) {
        bool done = false;
        for (xmlNodePtr r = fill_first_elem(data->children); r && !done;
             r = fill_first_elem(r->next)) {
            xmlNodePtr a = fill_first_elem(r->children);
            xmlChar *ref = a ? xmlGetProp(a, BAD_CAST "r") : NULL;
            xmlChar *v = a ? xmlNodeGetContent(a) : NULL;
            bool match = ref && ref[0] == 'A' && v && (size_t)atoi((const char *)v) < ns &&
                         !strcmp(strings[atoi((const char *)v)], fills[i].key);
            if (match) {
                char want[16];
                snprintf(want, sizeof want, "%c%s", fills[i].col, (const char *)ref + 1);
                for (xmlNodePtr c = fill_first_elem(r->children); c; c = fill_first_elem(c->next)) {
                    xmlChar *cr = xmlGetProp(c, BAD_CAST "r");
                    if (cr && !strcmp((const char *)cr, want)) {
                        xmlNodePtr ch = c->children;
                        while (ch) {
                            xmlNodePtr next = ch->next;
                            xmlUnlinkNode(ch);
                            xmlFreeNode(ch);
                            ch = next;
                        }
                        xmlUnsetProp(c, BAD_CAST "t");
                        if (fills[i].value && fills[i].number) {
                            xmlNewTextChild(c, c->ns, BAD_CAST "v", BAD_CAST fills[i].value);
                        } else if (fills[i].value) {
                            xmlSetProp(c, BAD_CAST "t", BAD_CAST "inlineStr");
                            xmlNodePtr is = xmlNewChild(c, c->ns, BAD_CAST "is", NULL);
                            xmlNewTextChild(is, c->ns, BAD_CAST "t", BAD_CAST fills[i].value);
                        }
                        done = true;
                    }
                    xmlFree(cr);
                }
            }
            xmlFree(ref);
            xmlFree(v);
        }
        if (!done) {
            fprintf(stderr, "fill: no cell %c for %s\n", fills[i].col, fills[i].key);
            abort();
        }
    }
    for (size_t i = 0; i < ns; i++)
        free(strings[i]);
    free(strings);
}

static inline void fill_parse(xmlDocPtr *doc, tp_unzip *z, const char *name)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_buf b;
    tp_buf_init(&b);
    if (tp_unzip_read(z, name, &b, &d) != TP_OK ||
        tp_xml_parse(doc, tp_buf_cstr(&b), b.len, name, &d) != TP_OK)
        abort();
    tp_buf_dispose(&b);
    tp_diags_dispose(&d);
}

/* Fills a form produced by tp_forms_write (in) into out. */
static inline void fill_form(tp_buf *out, const tp_buf *in, const fill *fills, size_t n)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_unzip *z = NULL;
    if (tp_unzip_open(&z, in->data, in->len, "form", &d) != TP_OK)
        abort();
    bool ods = tp_unzip_has(z, "mimetype");
    const char *target = ods ? "content.xml" : "xl/worksheets/sheet1.xml";
    xmlDocPtr doc = NULL, sst = NULL;
    fill_parse(&doc, z, target);
    if (ods) {
        fill_ods_doc(doc, fills, n);
    } else {
        fill_parse(&sst, z, "xl/sharedStrings.xml");
        fill_xlsx_doc(doc, sst, fills, n);
    }
    tp_zip *w = tp_zip_new(EPOCH_2026_06_01);
    for (size_t i = 0; i < tp_unzip_count(z); i++) {
        const char *name = tp_unzip_name(z, i);
        tp_buf part;
        tp_buf_init(&part);
        if (!strcmp(name, target)) {
            xmlChar *mem = NULL;
            int len = 0;
            xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
            tp_buf_put(&part, mem, (size_t)len);
            xmlFree(mem);
        } else if (tp_unzip_read(z, name, &part, &d) != TP_OK) {
            abort();
        }
        if (tp_zip_add_buf(w, name, &part, !strcmp(name, "mimetype")) != TP_OK)
            abort();
        tp_buf_dispose(&part);
    }
    if (tp_zip_finish(w, out, &d) != TP_OK)
        abort();
    tp_zip_free(w);
    xmlFreeDoc(doc);
    xmlFreeDoc(sst);
    tp_unzip_free(z);
    tp_diags_dispose(&d);
}

/* A complete, compliant answer for lot 2 (tablets) of golden tender 08. */
static const fill fill_lot2[] __attribute__((unused)) = {
    {"supplier/name", 'F', "Informatique Mosane SRL", false},
    {"supplier/vat", 'F', "BE 0460.063.575", false},
    {"supplier/street", 'F', "Rue de la Station", false},
    {"supplier/number", 'F', "12", false},
    {"supplier/postal-code", 'F', "5000", false},
    {"supplier/locality", 'F', "Namur", false},
    {"contact/name", 'F', "Claire Dubois", false},
    {"contact/email", 'F', "offres@mosane.example", false},
    {"contact/phone", 'F', "081 22 33 44", false},
    {"signatory/name", 'F', "Marc Lambert", false},
    {"signatory/role", 'F', "Gérant", false},
    {"product/brand", 'F', "Lenovo", false},
    {"product/model", 'F', "Tab M11 ZADA0123BE", false},
    {"value/screen", 'F', "10.95", true},
    {"value/screen-resolution", 'F', "1920", true},
    {"value/ram", 'F', "8", true},
    {"value/storage", 'F', "128", true},
    {"value/storage", 'G', "Go", false},
    {"value/battery", 'F', "12", true},
    {"value/weight", 'F', "465", true},
    {"value/weight", 'G', "g", false},
    {"value/wifi", 'F', "wifi6", false},
    {"value/stylus-support", 'F', "oui", false},
    {"value/keyboard-cover", 'F', "oui", false},
    {"value/keyboard-layout", 'F', "azerty-be", false},
    {"value/os-support-year", 'F', "2032", true},
    {"value/warranty", 'F', "3", true},
    {"value/warranty-service", 'F', "pickup-return", false},
    {"value/stylus-included", 'F', "non", false},
    {"value/rugged-case", 'F', "oui", false},
    {"warranty", 'F', "3", true},
    {"delivery", 'F', "21", true},
    {"line/devices", 'F', "329.9", true},
    {"option/protective-sleeve", 'F', "19.5", true},
};
#define FILL_LOT2_N (sizeof fill_lot2 / sizeof *fill_lot2)

static inline const tp_bid_value *value_of(const tp_bid_lot *l, const char *ref)
{
    for (size_t i = 0; i < l->n_values; i++)
        if (!strcmp(l->values[i].ref, ref))
            return &l->values[i];
    return NULL;
}

/* Every field of the filled lot-2 form, exactly. */
static inline void check_lot2_bid(const tp_bid *b, const char *source)
{
    for (size_t i = 0; i < b->n_problems; i++)
        fprintf(stderr, "problem: %s\n", b->problems[i].msg);
    assert_int_equal(b->n_problems, 0);
    assert_string_equal(b->source, source);
    assert_string_equal(b->tender_reference, "ELMA-2026-NUM");
    assert_false(b->has_received);
    assert_string_equal(b->vat, "BE0460063575");
    assert_string_equal(b->name, "Informatique Mosane SRL");
    assert_string_equal(b->country, "BE");
    assert_string_equal(b->street, "Rue de la Station");
    assert_string_equal(b->number, "12");
    assert_string_equal(b->postal_code, "5000");
    assert_string_equal(b->locality, "Namur");
    assert_string_equal(b->contact_name, "Claire Dubois");
    assert_string_equal(b->contact_email, "offres@mosane.example");
    assert_string_equal(b->contact_phone, "081 22 33 44");
    assert_true(b->has_signatory);
    assert_string_equal(b->signatory_name, "Marc Lambert");
    assert_string_equal(b->signatory_role, "Gérant");
    assert_int_equal(b->n_lots, 1);
    const tp_bid_lot *l = &b->lots[0];
    assert_int_equal(l->number, 2);
    assert_string_equal(l->brand, "Lenovo");
    assert_string_equal(l->model, "Tab M11 ZADA0123BE");
    assert_int_equal(l->n_values, 15); /* 13 requirements + 2 scored-only criteria */
    assert_string_equal(value_of(l, "screen")->text, "10.95");
    assert_null(value_of(l, "screen")->unit);
    assert_string_equal(value_of(l, "storage")->text, "128");
    assert_string_equal(value_of(l, "storage")->unit, "Go");
    assert_string_equal(value_of(l, "weight")->text, "465");
    assert_string_equal(value_of(l, "weight")->unit, "g");
    assert_string_equal(value_of(l, "wifi")->text, "wifi6");
    assert_string_equal(value_of(l, "stylus-support")->text, "yes");
    assert_string_equal(value_of(l, "stylus-included")->text, "no");
    assert_string_equal(value_of(l, "warranty-service")->text, "pickup-return");
    assert_true(l->has_warranty);
    assert_int_equal(l->warranty_years, 3);
    assert_true(l->has_delivery);
    assert_int_equal(l->delivery_days, 21);
    assert_int_equal(l->n_lines, 1);
    assert_string_equal(l->lines[0].ref, "devices");
    assert_int_equal(l->lines[0].quantity, 40);
    assert_int_equal(l->lines[0].unit_price, 32990);
    assert_int_equal(l->lines[0].total, 1319600);
    assert_int_equal(l->n_options, 1);
    assert_int_equal(l->options[0].kind, TP_OPT_PROTECTIVE_SLEEVE);
    assert_int_equal(l->options[0].years, 0);
    assert_int_equal(l->options[0].quantity, 40);
    assert_int_equal(l->options[0].unit_price, 1950);
    assert_int_equal(l->options[0].total, 78000);
    assert_true(l->has_totals);
    assert_int_equal(l->htva, 1397600);
    assert_int_equal(l->tva, 293496);
    assert_int_equal(l->tvac, 1691096);
}


#endif
