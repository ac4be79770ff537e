/* The form of one lot as rows of cells, read from the tender XML. Every row
 * the reader needs carries a machine key in the hidden column A
 * (docs/FORMS.md lists them); people see French labels in B..G. */
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/date.h"
#include "../core/mem.h"
#include "../xml/xmlsafe.h"
#include "form_int.h"
#include "forms.h"

const int form_col_width_mm[FORM_COLS] = {30, 42, 80, 45, 20, 42, 36};

#define INPUT_FILL "FFF2CC"

const form_style_props form_styles[FS_COUNT] = {
    [FS_DEFAULT] = {false, false, 10, NULL, false, false, true, NF_GENERAL},
    [FS_TITLE] = {true, false, 14, NULL, false, false, true, NF_GENERAL},
    [FS_SUBTITLE] = {true, false, 11, NULL, false, false, true, NF_GENERAL},
    [FS_NOTE] = {false, true, 10, NULL, false, true, true, NF_GENERAL},
    [FS_SECTION] = {true, false, 11, "D9D9D9", false, false, true, NF_GENERAL},
    [FS_HEADER] = {true, false, 10, "DDE4EE", true, true, true, NF_GENERAL},
    [FS_LABEL] = {false, false, 10, NULL, true, true, true, NF_GENERAL},
    [FS_LABEL_BOLD] = {true, false, 10, NULL, true, true, true, NF_GENERAL},
    [FS_FIXED] = {false, false, 10, NULL, true, true, true, NF_GENERAL},
    [FS_FIXED_INT] = {false, false, 10, NULL, true, false, true, NF_INT},
    [FS_INPUT] = {false, false, 10, INPUT_FILL, true, true, false, NF_GENERAL},
    [FS_INPUT_TEXT] = {false, false, 10, INPUT_FILL, true, true, false, NF_TEXT},
    [FS_INPUT_INT] = {false, false, 10, INPUT_FILL, true, false, false, NF_INT},
    [FS_INPUT_MONEY] = {false, false, 10, INPUT_FILL, true, false, false, NF_MONEY},
    [FS_MONEY] = {false, false, 10, NULL, true, false, true, NF_MONEY},
    [FS_TOTAL] = {true, false, 10, NULL, true, false, true, NF_MONEY},
};

const char *form_col_letter(char buf[4], int col)
{
    buf[0] = (char)('A' + (col - 1) % 26);
    buf[1] = '\0';
    return buf;
}

/* ------------------------------------------------------------ building */

static form_row *add_row(form *f)
{
    tp_grow((void **)&f->rows, &f->cap_rows, f->n_rows, sizeof *f->rows);
    form_row *r = &f->rows[f->n_rows++];
    memset(r, 0, sizeof *r);
    r->lines = 1;
    return r;
}

static int cur_row(const form *f)
{
    return (int)f->n_rows;
}

static form_cell *put(form_row *r, int col, form_style st, cell_kind kind)
{
    form_cell *c = &r->cells[r->n++];
    memset(c, 0, sizeof *c);
    c->col = col;
    c->style = st;
    c->kind = kind;
    c->span = 1;
    c->validation = -1;
    return c;
}

static size_t utf8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

/* Rough line count of wrapped text in a cell of that width (10 pt: about
 * 5 characters per cm, less a margin for word breaks). */
static int lines_for(const char *text, int width_mm)
{
    size_t per_line = (size_t)width_mm * 46 / 100;
    if (per_line < 4)
        per_line = 4;
    size_t n = utf8_len(text);
    int lines = (int)((n + per_line - 1) / per_line);
    return lines < 1 ? 1 : lines > 8 ? 8 : lines;
}

static int span_width(int col, int span)
{
    int w = 0;
    for (int c = col; c < col + span && c <= FORM_COLS; c++)
        w += form_col_width_mm[c - 1];
    return w;
}

static form_cell *put_text(form_row *r, int col, form_style st, const char *text)
{
    form_cell *c = put(r, col, st, CK_TEXT);
    c->text = xstrdup(text ? text : "");
    if (st != FS_TITLE && st != FS_SUBTITLE && st != FS_SECTION && col != COL_KEY) {
        int l = lines_for(c->text, span_width(col, 1));
        if (l > r->lines)
            r->lines = l;
    }
    return c;
}

/* Text over columns col..G (titles, notes). */
static void put_wide(form_row *r, int col, form_style st, const char *text)
{
    form_cell *c = put(r, col, st, CK_TEXT);
    c->text = xstrdup(text);
    c->span = FORM_COLS - col + 1;
    if (st == FS_NOTE) {
        int l = lines_for(text, span_width(col, c->span));
        if (l > r->lines)
            r->lines = l;
    }
}

static void put_int(form_row *r, int col, form_style st, long long v)
{
    put(r, col, st, CK_INT)->num = v;
}

static void put_formula(form_row *r, int col, form_style st, formula_op op, int ref1, int ref2)
{
    form_cell *c = put(r, col, st, CK_FORMULA);
    c->op = op;
    c->ref1 = ref1;
    c->ref2 = ref2;
}

static void put_key(form_row *r, const char *key)
{
    put_text(r, COL_KEY, FS_DEFAULT, key);
}

/* Finds or adds a validation rule and applies it to cell (row, col). */
static void validate(form *f, form_row *r, int col, validation_kind kind, const char *const *items,
                     size_t n_items)
{
    size_t i;
    for (i = 0; i < f->n_validations; i++) {
        form_validation *v = &f->validations[i];
        if (v->kind != kind || v->col != col || v->n_items != n_items)
            continue;
        size_t k = 0;
        while (k < n_items && strcmp(v->items[k], items[k]) == 0)
            k++;
        if (k == n_items)
            break;
    }
    if (i == f->n_validations) {
        tp_grow((void **)&f->validations, &f->cap_validations, f->n_validations,
                sizeof *f->validations);
        form_validation *v = &f->validations[f->n_validations++];
        memset(v, 0, sizeof *v);
        v->kind = kind;
        v->col = col;
        v->n_items = n_items;
        v->items = xcalloc(n_items ? n_items : 1, sizeof *v->items);
        for (size_t k = 0; k < n_items; k++)
            v->items[k] = xstrdup(items[k]);
    }
    form_validation *v = &f->validations[i];
    tp_grow((void **)&v->rows, &v->cap_rows, v->n_rows, sizeof *v->rows);
    v->rows[v->n_rows++] = cur_row(f);
    for (int k = 0; k < r->n; k++)
        if (r->cells[k].col == col)
            r->cells[k].validation = (int)i;
}

void form_free(form *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n_rows; i++)
        for (int k = 0; k < f->rows[i].n; k++)
            free(f->rows[i].cells[k].text);
    free(f->rows);
    for (size_t i = 0; i < f->n_validations; i++) {
        for (size_t k = 0; k < f->validations[i].n_items; k++)
            free(f->validations[i].items[k]);
        free(f->validations[i].items);
        free(f->validations[i].rows);
    }
    free(f->validations);
    free(f->sheet_name);
    free(f->title);
    free(f);
}

/* ------------------------------------------------------------ tender XML */

/* A decimal of the tender ("11.6") in French ("11,6"); caller frees. */
static char *dec_fr(const char *s)
{
    char *r = xstrdup(s ? s : "");
    for (char *p = r; *p; p++)
        if (*p == '.')
            *p = ',';
    return r;
}

static char *attr_fr(xmlNodePtr n, const char *name)
{
    char *v = tp_xml_attr(n, name);
    char *r = dec_fr(v);
    free(v);
    return r;
}

static long long attr_ll(xmlNodePtr n, const char *name, long long dflt)
{
    char *v = tp_xml_attr(n, name);
    long long r = dflt;
    if (v && *v) {
        char *end = NULL;
        long long x = strtoll(v, &end, 10);
        if (end && *end == '\0')
            r = x;
    }
    free(v);
    return r;
}

static bool id_in(xmlNodePtr list, const char *elem, const char *id)
{
    for (xmlNodePtr n = tp_xml_child(list, elem); n; n = tp_xml_next(n, elem)) {
        char *v = tp_xml_attr(n, "id");
        bool same = v && strcmp(v, id) == 0;
        free(v);
        if (same)
            return true;
    }
    return false;
}

static xmlNodePtr find_by_id(xmlNodePtr list, const char *elem, const char *id)
{
    for (xmlNodePtr n = tp_xml_child(list, elem); n; n = tp_xml_next(n, elem)) {
        char *v = tp_xml_attr(n, "id");
        bool same = v && strcmp(v, id) == 0;
        free(v);
        if (same)
            return n;
    }
    return NULL;
}

/* "≥ 8", "de 11,6 à 14", "emmc ou ssd", "oui" for a requirement. */
static void requirement_text(tp_buf *b, xmlNodePtr req)
{
    char *op = tp_xml_attr(req, "op");
    char *min = attr_fr(req, "min"), *max = attr_fr(req, "max");
    if (!op) {
    } else if (!strcmp(op, "ge")) {
        tp_buf_printf(b, "≥ %s", min);
    } else if (!strcmp(op, "le")) {
        tp_buf_printf(b, "≤ %s", max);
    } else if (!strcmp(op, "range")) {
        tp_buf_printf(b, "de %s à %s", min, max);
    } else if (!strcmp(op, "eq")) {
        char *v = tp_xml_text(tp_xml_child(req, "value"));
        tp_buf_puts(b, v ? v : "");
        free(v);
    } else if (!strcmp(op, "oneof")) {
        size_t n = 0, i = 0;
        for (xmlNodePtr c = tp_xml_child(req, "choice"); c; c = tp_xml_next(c, "choice"))
            n++;
        for (xmlNodePtr c = tp_xml_child(req, "choice"); c; c = tp_xml_next(c, "choice"), i++) {
            char *v = tp_xml_text(c);
            tp_buf_printf(b, "%s%s", i == 0 ? "" : i + 1 == n ? " ou " : ", ", v);
            free(v);
        }
    } else if (!strcmp(op, "bool")) {
        tp_buf_puts(b, "oui");
    }
    free(op);
    free(min);
    free(max);
}

/* "cotée : 4000 → 8000 (10 pts)" or "cotée : oui = 5 pts". */
static void scored_text(tp_buf *b, xmlNodePtr sc)
{
    char *kind = tp_xml_attr(sc, "kind");
    long long pts = attr_ll(sc, "maxPoints", 0);
    if (kind && !strcmp(kind, "yesno")) {
        tp_buf_printf(b, "cotée : oui = %lld pts", pts);
    } else {
        char *fl = attr_fr(sc, "floor"), *tg = attr_fr(sc, "target");
        tp_buf_printf(b, "cotée : %s → %s (0 à %lld pts)", fl, tg, pts);
        free(fl);
        free(tg);
    }
    free(kind);
}

static const char *const yes_no[] = {"oui", "non"};

/* One row of the technical table: requirement and/or scored criterion. */
static void value_row(form *f, xmlNodePtr req, xmlNodePtr sc)
{
    xmlNodePtr src = req ? req : sc;
    char *id = tp_xml_attr(src, "id");
    char *label = tp_xml_text(tp_xml_child(src, "label"));
    char *unit = tp_xml_attr(src, "unit");
    tp_buf req_text, key;
    tp_buf_init(&req_text);
    tp_buf_init(&key);
    if (req)
        requirement_text(&req_text, req);
    if (sc) {
        if (req)
            tp_buf_puts(&req_text, " ; ");
        scored_text(&req_text, sc);
    }
    tp_buf_printf(&key, "value/%s", id);
    form_row *r = add_row(f);
    put_key(r, tp_buf_cstr(&key));
    put_text(r, COL_CODE, FS_LABEL, id);
    put_text(r, COL_LABEL, FS_LABEL, label);
    put_text(r, COL_FIXED, FS_FIXED, tp_buf_cstr(&req_text));
    put_text(r, COL_UNIT, FS_FIXED, unit ? unit : "");
    put(r, COL_INPUT, FS_INPUT, CK_EMPTY);
    put(r, COL_EXTRA, FS_INPUT_TEXT, CK_EMPTY);

    /* Drop-down lists where the answer is a code; numbers where it is one. */
    char *op = req ? tp_xml_attr(req, "op") : NULL;
    char *kind = sc ? tp_xml_attr(sc, "kind") : NULL;
    if (op && !strcmp(op, "oneof")) {
        char *items[64] = {0};
        size_t n = 0;
        for (xmlNodePtr c = tp_xml_child(req, "choice"); c && n < 64; c = tp_xml_next(c, "choice"))
            items[n++] = tp_xml_text(c);
        validate(f, r, COL_INPUT, VK_LIST, (const char *const *)items, n);
        for (size_t i = 0; i < n; i++)
            free(items[i]);
    } else if ((op && !strcmp(op, "bool")) || (!op && kind && !strcmp(kind, "yesno"))) {
        validate(f, r, COL_INPUT, VK_LIST, yes_no, 2);
    } else if ((op && (!strcmp(op, "ge") || !strcmp(op, "le") || !strcmp(op, "range"))) ||
               (!op && kind && !strcmp(kind, "linear"))) {
        validate(f, r, COL_INPUT, VK_DECIMAL, NULL, 0);
    }
    free(op);
    free(kind);
    free(id);
    free(label);
    free(unit);
    tp_buf_dispose(&req_text);
    tp_buf_dispose(&key);
}

static void input_row(form *f, const char *key, const char *label, form_style st,
                      const char *unit)
{
    form_row *r = add_row(f);
    put_key(r, key);
    put_text(r, COL_LABEL, FS_LABEL, label);
    if (unit)
        put_text(r, COL_UNIT, FS_FIXED, unit);
    put(r, COL_INPUT, st, CK_EMPTY);
    if (st == FS_INPUT_INT)
        validate(f, r, COL_INPUT, VK_WHOLE, NULL, 0);
}

static void section(form *f, const char *title)
{
    add_row(f);
    form_row *r = add_row(f);
    put_wide(r, COL_CODE, FS_SECTION, title);
}

static void header(form *f, const char *const cols[6])
{
    form_row *r = add_row(f);
    for (int i = 0; i < 6; i++)
        put_text(r, COL_CODE + i, FS_HEADER, cols[i]);
}

static void info_row(form *f, const char *key, const char *label, const char *value)
{
    form_row *r = add_row(f);
    if (key)
        put_key(r, key);
    put_text(r, COL_LABEL, FS_LABEL, label);
    form_cell *c = put(r, COL_FIXED, FS_FIXED, CK_TEXT);
    c->text = xstrdup(value);
    c->span = 3; /* D..F: room for a long name */
    int l = lines_for(value, span_width(COL_FIXED, 3));
    r->lines = l > r->lines ? l : r->lines;
}

/* "1 juillet 2026 à 10 h 00" from "2026-07-01T10:00:00+02:00". */
static void deadline_fr(tp_buf *b, const char *s)
{
    tp_date d;
    char date[11], fr[32];
    if (!s || strlen(s) < 16) {
        tp_buf_puts(b, s ? s : "");
        return;
    }
    memcpy(date, s, 10);
    date[10] = '\0';
    if (!tp_date_parse(&d, date)) {
        tp_buf_puts(b, s);
        return;
    }
    tp_buf_printf(b, "%s à %.2s h %.2s (heure de Bruxelles)", tp_date_format_fr(fr, d), s + 11,
                  s + 14);
}

static xmlNodePtr find_lot(xmlNodePtr root, int number)
{
    xmlNodePtr lots = tp_xml_child(root, "lots");
    for (xmlNodePtr l = tp_xml_child(lots, "lot"); l; l = tp_xml_next(l, "lot"))
        if (attr_ll(l, "number", -1) == number)
            return l;
    return NULL;
}

static void identity_rows(form *f)
{
    static const struct {
        const char *key, *label;
    } rows[] = {
        {"supplier/name", "Nom ou raison sociale"},
        {"supplier/vat", "Numéro de TVA (ex. BE0123456749)"},
        {"supplier/street", "Rue"},
        {"supplier/number", "Numéro"},
        {"supplier/postal-code", "Code postal"},
        {"supplier/locality", "Localité"},
        {"supplier/country", "Pays (code à deux lettres)"},
        {"contact/name", "Personne de contact"},
        {"contact/email", "Adresse e-mail"},
        {"contact/phone", "Téléphone"},
        {"signatory/name", "Signataire : personne habilitée à engager le soumissionnaire"},
        {"signatory/role", "Qualité du signataire"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        input_row(f, rows[i].key, rows[i].label, FS_INPUT_TEXT, NULL);
        if (!strcmp(rows[i].key, "supplier/country")) { /* pre-filled: most suppliers are Belgian */
            form_row *r = &f->rows[f->n_rows - 1];
            form_cell *c = &r->cells[r->n - 1];
            c->kind = CK_TEXT;
            c->text = xstrdup("BE");
        }
    }
}

/* The price inventory: the lot's devices, then each option, then totals. */
static void price_rows(form *f, xmlNodePtr lot, const char *lot_title, long long vat_rate)
{
    static const char *const cols[6] = {"Poste", "Description", "Quantité", "Unité",
                                        "Prix unitaire HTVA (€)", "Total HTVA (€)"};
    header(f, cols);
    int first = cur_row(f) + 1, poste = 0;
    form_row *r = add_row(f);
    put_key(r, "line/devices");
    put_int(r, COL_CODE, FS_FIXED_INT, ++poste);
    put_text(r, COL_LABEL, FS_LABEL, lot_title);
    put_int(r, COL_FIXED, FS_FIXED_INT, attr_ll(lot, "quantity", 0));
    put_text(r, COL_UNIT, FS_FIXED, "pièce");
    put(r, COL_INPUT, FS_INPUT_MONEY, CK_EMPTY);
    put_formula(r, COL_EXTRA, FS_MONEY, FO_PRODUCT, cur_row(f), 0);
    validate(f, r, COL_INPUT, VK_DECIMAL, NULL, 0);

    xmlNodePtr options = tp_xml_child(lot, "options");
    for (xmlNodePtr o = tp_xml_child(options, "option"); o; o = tp_xml_next(o, "option")) {
        char *kind = tp_xml_attr(o, "kind"), *years = tp_xml_attr(o, "years");
        char *label = tp_xml_text(tp_xml_child(o, "label"));
        tp_buf key;
        tp_buf_init(&key);
        tp_buf_printf(&key, "option/%s", kind ? kind : "");
        if (years)
            tp_buf_printf(&key, "/%s", years);
        r = add_row(f);
        put_key(r, tp_buf_cstr(&key));
        put_int(r, COL_CODE, FS_FIXED_INT, ++poste);
        put_text(r, COL_LABEL, FS_LABEL, label);
        put_int(r, COL_FIXED, FS_FIXED_INT, attr_ll(o, "quantity", 0));
        put_text(r, COL_UNIT, FS_FIXED, "unité");
        put(r, COL_INPUT, FS_INPUT_MONEY, CK_EMPTY);
        put_formula(r, COL_EXTRA, FS_MONEY, FO_PRODUCT, cur_row(f), 0);
        validate(f, r, COL_INPUT, VK_DECIMAL, NULL, 0);
        tp_buf_dispose(&key);
        free(kind);
        free(years);
        free(label);
    }
    int last = cur_row(f);
    r = add_row(f);
    put_key(r, "totals/htva");
    put_text(r, COL_LABEL, FS_LABEL_BOLD, "Total HTVA");
    put_formula(r, COL_EXTRA, FS_TOTAL, FO_SUM, first, last);
    int htva = cur_row(f);
    r = add_row(f);
    put_key(r, "totals/tva");
    put_text(r, COL_LABEL, FS_LABEL_BOLD, "TVA");
    put_int(r, COL_FIXED, FS_FIXED_INT, vat_rate);
    put_text(r, COL_UNIT, FS_FIXED, "%");
    put_formula(r, COL_EXTRA, FS_TOTAL, FO_VAT, htva, 0);
    int tva = cur_row(f);
    r = add_row(f);
    put_key(r, "totals/tvac");
    put_text(r, COL_LABEL, FS_LABEL_BOLD, "Total TVAC");
    put_formula(r, COL_EXTRA, FS_TOTAL, FO_ADD, htva, tva);
}

tp_err form_build(form **out, xmlDocPtr tender_xml, int lot_number, tp_diags *d)
{
    *out = NULL;
    xmlNodePtr root = tender_xml ? xmlDocGetRootElement(tender_xml) : NULL;
    if (!root || xmlStrcmp(root->name, BAD_CAST "tender") != 0) {
        tp_diag_error(d, "tender.xml", 0, NULL, "pass the document of 'tenderpack tender'",
                      "not a tender document");
        return TP_EINVALID;
    }
    xmlNodePtr lot = find_lot(root, lot_number);
    if (!lot) {
        tp_diag_error(d, "tender.xml", 0, "lots/lot", "choose a lot number of the tender",
                      "the tender has no lot %d", lot_number);
        return TP_EINVALID;
    }
    char *reference = tp_xml_text(tp_xml_child(root, "reference"));
    char *buyer = tp_xml_text(tp_xml_child(tp_xml_child(root, "buyer"), "name"));
    char *deadline = tp_xml_attr(tp_xml_child(root, "dates"), "deadline");
    long long vat_rate = attr_ll(tp_xml_child(root, "estimate"), "vatRate", 21);
    char *lot_title = tp_xml_text(tp_xml_child(lot, "title"));

    form *f = xcalloc(1, sizeof *f);
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_printf(&b, "Lot %d", lot_number);
    f->sheet_name = tp_buf_detach(&b);
    tp_buf_printf(&b, "Formulaire d'offre — %s — lot %d", reference ? reference : "", lot_number);
    f->title = tp_buf_detach(&b);

    form_row *r = add_row(f);
    r->tall = true;
    put_key(r, TP_FORM_MARK);
    put_wide(r, COL_CODE, FS_TITLE, f->title);
    r = add_row(f);
    put_wide(r, COL_CODE, FS_SUBTITLE, lot_title ? lot_title : "");
    r = add_row(f);
    put_wide(r, COL_CODE, FS_NOTE,
             "Complétez les cellules jaunes ; les autres cellules sont protégées. Les montants "
             "sont en euros, hors TVA sauf mention contraire ; les totaux se calculent seuls. "
             "Joignez ce formulaire complété à votre offre.");
    add_row(f);
    tp_buf_printf(&b, "%d", lot_number);
    info_row(f, "tender-reference", "Référence du marché", reference ? reference : "");
    info_row(f, "lot", "Lot", tp_buf_cstr(&b));
    tp_buf_clear(&b);
    info_row(f, NULL, "Pouvoir adjudicateur", buyer ? buyer : "");
    deadline_fr(&b, deadline);
    info_row(f, NULL, "Date limite de réception des offres", tp_buf_cstr(&b));
    tp_buf_clear(&b);

    section(f, "1. Identification du soumissionnaire");
    identity_rows(f);

    section(f, "2. Produit offert");
    input_row(f, "product/brand", "Marque", FS_INPUT_TEXT, NULL);
    input_row(f, "product/model", "Modèle (référence exacte du fabricant)", FS_INPUT_TEXT, NULL);

    section(f, "3. Caractéristiques techniques");
    static const char *const tech_cols[6] = {"Code", "Caractéristique", "Valeur requise",
                                             "Unité", "Valeur offerte",
                                             "Unité de la valeur offerte (si autre)"};
    header(f, tech_cols);
    xmlNodePtr reqs = tp_xml_child(lot, "requirements");
    xmlNodePtr scored = tp_xml_child(lot, "scoredCriteria");
    for (xmlNodePtr q = tp_xml_child(reqs, "requirement"); q; q = tp_xml_next(q, "requirement")) {
        char *id = tp_xml_attr(q, "id");
        value_row(f, q, id ? find_by_id(scored, "scored", id) : NULL);
        free(id);
    }
    for (xmlNodePtr s = tp_xml_child(scored, "scored"); s; s = tp_xml_next(s, "scored")) {
        char *id = tp_xml_attr(s, "id");
        if (id && !id_in(reqs, "requirement", id))
            value_row(f, NULL, s);
        free(id);
    }

    section(f, "4. Garantie et délai de livraison");
    input_row(f, "warranty", "Garantie offerte, pièces et main-d'œuvre", FS_INPUT_INT, "années");
    input_row(f, "delivery", "Délai de livraison après la commande (jours calendrier)",
              FS_INPUT_INT, "jours");

    section(f, "5. Inventaire des prix");
    price_rows(f, lot, lot_title ? lot_title : "", vat_rate);
    add_row(f);
    r = add_row(f);
    put_wide(r, COL_CODE, FS_NOTE,
             "Les prix unitaires comprennent tous les frais (livraison, installation, "
             "licences). En cas de discordance, les prix unitaires font foi.");

    tp_buf_dispose(&b);
    free(reference);
    free(buyer);
    free(deadline);
    free(lot_title);
    *out = f;
    return TP_OK;
}

tp_err tp_forms_write(tp_buf *out, const char *format, xmlDocPtr tender_xml, int lot_number,
                      int64_t epoch, tp_diags *d)
{
    bool ods = format && !strcmp(format, "ods"), xlsx = format && !strcmp(format, "xlsx");
    if (!ods && !xlsx) {
        tp_diag_error(d, NULL, 0, "format", "use ods or xlsx",
                      "unknown offer form format '%s'", format ? format : "");
        return TP_EUNSUPPORTED;
    }
    form *f = NULL;
    tp_err rc = form_build(&f, tender_xml, lot_number, d);
    if (rc == TP_OK)
        rc = ods ? form_write_ods(out, f, epoch, d) : form_write_xlsx(out, f, epoch, d);
    form_free(f);
    return rc;
}
