/* A filled offer form → the bid model of src/eval/bid.h. The archive is
 * recognised by content, read through src/forms/unzip.c, its first sheet
 * reduced to keyed rows (form_sheet.c), and each key mapped to its field.
 * Problems of content are the bid's, in French, naming sheet and cell. */
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "../core/money.h"
#include "../model/profile.h"
#include "../xml/xmlsafe.h"
#include "form_sheet.h"
#include "forms.h"

#define ODS_MIME "application/vnd.oasis.opendocument.spreadsheet"
#define XLSX_MAIN_CT "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
#define MAX_PROBLEMS 50
#define TEXT_MAX 500 /* as schemas/bid.xsd */
#define VALUE_MAX 100
#define UNIT_MAX 20

/* ------------------------------------------------------------ detection */

/* ODS: the `mimetype` member; XLSX: the workbook's content type. */
static tp_err kind_of(tp_form_kind *kind, tp_unzip *z, const char *display, tp_diags *d)
{
    *kind = TP_FORM_NONE;
    tp_buf b;
    tp_buf_init(&b);
    tp_err rc = TP_OK;
    if (tp_unzip_has(z, "mimetype")) {
        rc = tp_unzip_read(z, "mimetype", &b, d);
        if (rc == TP_OK && b.len == strlen(ODS_MIME) && memcmp(b.data, ODS_MIME, b.len) == 0)
            *kind = TP_FORM_ODS;
    } else if (tp_unzip_has(z, "[Content_Types].xml")) {
        xmlDocPtr doc = NULL;
        rc = tp_unzip_read(z, "[Content_Types].xml", &b, d);
        tp_buf name;
        tp_buf_init(&name);
        tp_buf_printf(&name, "%s:[Content_Types].xml", display ? display : "<zip>");
        if (rc == TP_OK)
            rc = tp_xml_parse(&doc, tp_buf_cstr(&b), b.len, tp_buf_cstr(&name), d);
        tp_buf_dispose(&name);
        for (xmlNodePtr o = doc ? xmlDocGetRootElement(doc)->children : NULL; o; o = o->next) {
            if (o->type != XML_ELEMENT_NODE || xmlStrcmp(o->name, BAD_CAST "Override") != 0)
                continue;
            char *part = tp_xml_attr(o, "PartName"), *ct = tp_xml_attr(o, "ContentType");
            if (part && ct && !strcmp(part, "/xl/workbook.xml") && !strcmp(ct, XLSX_MAIN_CT))
                *kind = TP_FORM_XLSX;
            free(part);
            free(ct);
        }
        xmlFreeDoc(doc);
    }
    tp_buf_dispose(&b);
    return rc;
}

tp_form_kind tp_form_detect(const char *data, size_t len)
{
    if (!tp_unzip_is_zip(data, len))
        return TP_FORM_NONE;
    tp_diags quiet;
    tp_diags_init(&quiet);
    tp_unzip *z = NULL;
    tp_form_kind k = TP_FORM_NONE;
    if (tp_unzip_open(&z, data, len, NULL, &quiet) == TP_OK && kind_of(&k, z, NULL, &quiet) != TP_OK)
        k = TP_FORM_NONE;
    tp_unzip_free(z);
    tp_diags_dispose(&quiet);
    return k;
}

/* ------------------------------------------------------------ numbers */

/* Parses a number as a spreadsheet writes it ("455.5", "1.5E+2",
 * "0.30000000000000004") and rounds it half up to `decimals` decimals, which
 * removes binary floating-point noise. Writes the shortest form ("150",
 * "0.3"). False for anything else, negatives and more than 15 integer digits. */
static bool dec_canon(char out[48], const char *s, int decimals)
{
    char dig[48];
    int nd = 0, intlen = -1, exp = 0;
    const char *p = s;
    while (*p == ' ')
        p++;
    if (*p == '+')
        p++;
    bool any = false;
    for (; (*p >= '0' && *p <= '9') || *p == '.'; p++) {
        if (*p == '.') {
            if (intlen >= 0)
                return false;
            intlen = nd;
            continue;
        }
        any = true;
        if (nd == 0 && *p == '0' && intlen < 0)
            continue; /* leading zero of the integer part */
        if (nd < 40)
            dig[nd++] = *p;
        else if (intlen < 0)
            return false; /* too many integer digits */
    }
    if (!any)
        return false;
    if (intlen < 0)
        intlen = nd;
    if (*p == 'e' || *p == 'E') {
        p++;
        int sign = 1, e = 0, ne = 0;
        if (*p == '+' || *p == '-')
            sign = *p++ == '-' ? -1 : 1;
        for (; *p >= '0' && *p <= '9' && ne < 4; p++, ne++)
            e = e * 10 + (*p - '0');
        if (ne == 0)
            return false;
        exp = sign * e;
    }
    while (*p == ' ')
        p++;
    if (*p)
        return false;
    long ip_len = (long)intlen + exp; /* digits before the point */
    if (ip_len > 15)
        return false;
    /* Digit k of the value (k < ip_len: integer part), 0 outside dig. */
    char ip[20], fp[8];
    int nip = 0;
    for (long k = 0; k < ip_len; k++)
        ip[nip++] = k < nd ? dig[k] : '0';
    int carry;
    for (int k = 0; k < decimals; k++) {
        long idx = ip_len + k;
        fp[k] = idx >= 0 && idx < nd ? dig[idx] : '0';
    }
    long ridx = ip_len + decimals;
    carry = ridx >= 0 && ridx < nd && dig[ridx] >= '5';
    for (int k = decimals - 1; k >= 0 && carry; k--) {
        if (fp[k] == '9') {
            fp[k] = '0';
        } else {
            fp[k]++;
            carry = 0;
        }
    }
    for (int k = nip - 1; k >= 0 && carry; k--) {
        if (ip[k] == '9') {
            ip[k] = '0';
        } else {
            ip[k]++;
            carry = 0;
        }
    }
    int o = 0;
    if (carry)
        out[o++] = '1';
    int start = 0;
    while (start < nip && ip[start] == '0')
        start++;
    for (int k = start; k < nip; k++)
        out[o++] = ip[k];
    if (o == 0)
        out[o++] = '0';
    int nf = decimals;
    while (nf > 0 && fp[nf - 1] == '0')
        nf--;
    if (nf > 0) {
        out[o++] = '.';
        for (int k = 0; k < nf; k++)
            out[o++] = fp[k];
    }
    out[o] = '\0';
    return true;
}

/* Money typed as text: "455,50", "1 234,50 €", "455.50 EUR". Spaces (also
 * no-break ones) are grouping; one ',' or '.' is the decimal mark. */
static bool money_from_text(tp_cents *out, const char *s)
{
    char clean[64];
    size_t n = 0;
    int marks = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == ' ')
            continue;
        if (p[0] == 0xC2 && p[1] == 0xA0) { /* U+00A0 */
            p++;
            continue;
        }
        if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xAF || p[2] == 0x89)) { /* U+202F, U+2009 */
            p += 2;
            continue;
        }
        if (p[0] == 0xE2 && p[1] == 0x82 && p[2] == 0xAC && p[3] == '\0') /* final € */
            break;
        if ((p[0] == 'E' || p[0] == 'e') && !strcasecmp((const char *)p, "eur"))
            break;
        if (*p == ',' || *p == '.') {
            marks++;
            if (n < sizeof clean - 1)
                clean[n++] = '.';
            continue;
        }
        if (*p < '0' || *p > '9' || n >= sizeof clean - 1)
            return false;
        clean[n++] = (char)*p;
    }
    clean[n] = '\0';
    return marks <= 1 && tp_money_parse(out, clean);
}

/* ------------------------------------------------------------ mapping */

/* Keys the reader does not know are ignored: a later form version may add
 * rows that an older reader can skip. */
typedef struct mapper {
    const form_sheet *s;
    tp_bid *b;
} mapper;

static void problem(mapper *m, const form_krow *r, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void problem(mapper *m, const form_krow *r, int col, const char *fmt, ...)
{
    tp_bid *b = m->b;
    if (b->n_problems >= MAX_PROBLEMS)
        return;
    tp_buf msg;
    tp_buf_init(&msg);
    if (b->n_problems == MAX_PROBLEMS - 1) {
        tp_buf_puts(&msg, "trop d'erreurs dans le formulaire : les suivantes ne sont pas listées");
    } else {
        char letter[4];
        if (r)
            tp_buf_printf(&msg, "%s!%s%d : ", m->s->name, form_col_letter(letter, col), r->row);
        else
            tp_buf_printf(&msg, "%s : ", m->s->name);
        va_list ap;
        va_start(ap, fmt);
        tp_buf_vprintf(&msg, fmt, ap);
        va_end(ap);
    }
    tp_grow((void **)&b->problems, &b->cap_problems, b->n_problems, sizeof *b->problems);
    tp_bid_problem *p = &b->problems[b->n_problems++];
    p->line = r ? r->row : 0;
    p->xml = false;
    p->msg = tp_buf_detach(&msg);
}

/* Moves a malloc'd string into the bid (whose strings live in its arena). */
static char *own(tp_bid *b, char *s)
{
    char *r = tp_bid_strdup(b, s);
    free(s);
    return r;
}

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The row of a key; a missing row is a problem (the form was altered). */
static const form_krow *row_of(mapper *m, const char *key, const char *what)
{
    const form_krow *found = NULL;
    for (size_t i = 0; i < m->s->n; i++)
        if (!strcmp(m->s->rows[i].key, key)) {
            if (found)
                problem(m, &m->s->rows[i], COL_KEY, "la ligne « %s » apparaît deux fois",
                        what ? what : key);
            else
                found = &m->s->rows[i];
        }
    if (!found && what)
        problem(m, NULL, 0, "la ligne « %s » manque : utilisez le formulaire du dossier "
                            "sans le modifier", what);
    return found;
}

/* Cell text as the bid wants it: numbers in their shortest decimal form. */
static char *cell_text(const form_value *v)
{
    char buf[48];
    switch (v->type) {
    case FV_EMPTY: return xstrdup("");
    case FV_BOOL: return xstrdup(!strcmp(v->text, "1") ? "yes" : "no");
    case FV_NUMBER: return xstrdup(dec_canon(buf, v->text, 6) ? buf : v->text);
    case FV_TEXT: break;
    }
    return xstrdup(v->text);
}

/* A required text (name, address, product…): empty or too long is a problem. */
static char *text_field(mapper *m, const char *key, const char *what, int col, bool required)
{
    const form_krow *r = row_of(m, key, what);
    if (!r)
        return NULL;
    char *t = cell_text(&r->cells[col]);
    if (!*t && required) {
        problem(m, r, col, "%s manque", what);
    } else if (utf8_chars(t) > TEXT_MAX) {
        problem(m, r, col, "%s dépasse %d caractères", what, TEXT_MAX);
    }
    if (!*t) {
        free(t);
        return NULL;
    }
    return t;
}

/* A whole number ≥ 0 of at most 9 digits; -1 after a problem or when empty. */
static long long count_of(mapper *m, const form_krow *r, int col, const char *what, bool required)
{
    const form_value *v = &r->cells[col];
    char buf[48];
    const char *s = NULL;
    if (v->type == FV_EMPTY) {
        if (required)
            problem(m, r, col, "%s manque", what);
        return -1;
    }
    if (v->type == FV_NUMBER && dec_canon(buf, v->text, 6))
        s = buf;
    else if (v->type == FV_TEXT)
        s = v->text;
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n > 9 || strspn(s, "0123456789") != n) {
        problem(m, r, col, "%s « %s » n'est pas un nombre entier", what, v->text);
        return -1;
    }
    return strtoll(s, NULL, 10);
}

/* A unit price: a number with at most two decimals, or such text. */
static bool price_of(mapper *m, const form_krow *r, tp_cents *out)
{
    const form_value *v = &r->cells[COL_INPUT];
    char buf[48];
    bool ok = false;
    if (v->type == FV_EMPTY) {
        problem(m, r, COL_INPUT, "le prix unitaire manque");
        return false;
    }
    if (v->type == FV_NUMBER)
        ok = dec_canon(buf, v->text, 6) && tp_money_parse(out, buf);
    else if (v->type == FV_TEXT)
        ok = money_from_text(out, v->text);
    if (!ok)
        problem(m, r, COL_INPUT,
                "le prix unitaire « %s » n'est pas un montant en euros avec au plus deux "
                "décimales (ex. 455,50)", v->text);
    return ok;
}

static void supplier(mapper *m)
{
    tp_bid *b = m->b;
    b->name = own(b, text_field(m, "supplier/name", "le nom du soumissionnaire", COL_INPUT, true));
    b->street = own(b, text_field(m, "supplier/street", "la rue", COL_INPUT, true));
    b->number = own(b, text_field(m, "supplier/number", "le numéro", COL_INPUT, true));
    b->postal_code = own(b, text_field(m, "supplier/postal-code", "le code postal", COL_INPUT, true));
    b->locality = own(b, text_field(m, "supplier/locality", "la localité", COL_INPUT, true));
    b->contact_name = own(b, text_field(m, "contact/name", "la personne de contact", COL_INPUT, true));
    b->contact_email = own(b, text_field(m, "contact/email", "l'adresse e-mail", COL_INPUT, true));
    b->contact_phone = own(b, text_field(m, "contact/phone", "le téléphone", COL_INPUT, true));

    /* VAT: "BE 0123.456.749" → "BE0123456749"; ten digits alone are Belgian. */
    const form_krow *r = row_of(m, "supplier/vat", "le numéro de TVA");
    if (r) {
        char *raw = cell_text(&r->cells[COL_INPUT]);
        tp_buf v;
        tp_buf_init(&v);
        for (const char *p = raw; *p; p++)
            if (*p != ' ' && *p != '.' && *p != '-')
                tp_buf_putc(&v, (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p));
        char *vat = tp_buf_detach(&v);
        size_t n = strlen(vat);
        if (n == 10 && strspn(vat, "0123456789") == 10) {
            char *be = xmalloc(13);
            memcpy(be, "BE", 2);
            memcpy(be + 2, vat, 11);
            free(vat);
            vat = be;
            n = 12;
        }
        bool ok = n >= 4 && n <= 15 && vat[0] >= 'A' && vat[0] <= 'Z' && vat[1] >= 'A' &&
                  vat[1] <= 'Z' && strspn(vat + 2, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") == n - 2;
        if (!*raw)
            problem(m, r, COL_INPUT, "le numéro de TVA manque");
        else if (!ok)
            problem(m, r, COL_INPUT,
                    "le numéro de TVA « %s » n'a pas la forme BE0123456749 (code pays et numéro)",
                    raw);
        b->vat = own(b, vat);
        free(raw);
    }
    r = row_of(m, "supplier/country", "le pays");
    if (r) {
        char *c = cell_text(&r->cells[COL_INPUT]);
        for (char *p = c; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 32);
        if (!*c) {
            free(c);
            c = xstrdup("BE");
        } else if (strlen(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z') {
            problem(m, r, COL_INPUT, "le pays « %s » n'est pas un code à deux lettres (ex. BE)", c);
        }
        b->country = own(b, c);
    }
    char *sig_name = text_field(m, "signatory/name", "le nom du signataire", COL_INPUT, false);
    char *sig_role = text_field(m, "signatory/role", "la qualité du signataire", COL_INPUT, false);
    if (sig_name && sig_role) {
        b->has_signatory = true;
    } else if (sig_name || sig_role) {
        const form_krow *rr = row_of(m, sig_name ? "signatory/role" : "signatory/name", NULL);
        problem(m, rr, COL_INPUT, "%s manque", sig_name ? "la qualité du signataire"
                                                        : "le nom du signataire");
    }
    b->signatory_name = own(b, sig_name);
    b->signatory_role = own(b, sig_role);
}

static bool is_identifier(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64 || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
                              (*s >= '0' && *s <= '9')))
        return false;
    return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == n;
}

/* "oui"/"non" from a French drop-down are the bid's "yes"/"no". */
static char *answer_text(const form_value *v)
{
    char *t = cell_text(v);
    if (!strcasecmp(t, "oui") || !strcasecmp(t, "yes")) {
        free(t);
        return xstrdup("yes");
    }
    if (!strcasecmp(t, "non") || !strcasecmp(t, "no")) {
        free(t);
        return xstrdup("no");
    }
    return t;
}

static void values(mapper *m, tp_bid_lot *lot)
{
    for (size_t i = 0; i < m->s->n; i++) {
        const form_krow *r = &m->s->rows[i];
        if (strncmp(r->key, "value/", 6) != 0)
            continue;
        const char *id = r->key + 6;
        if (!is_identifier(id)) {
            problem(m, r, COL_KEY, "la ligne porte un code invalide « %s »", id);
            continue;
        }
        bool dup = false;
        for (size_t k = 0; k < lot->n_values; k++)
            dup = dup || !strcmp(lot->values[k].ref, id);
        if (dup) {
            problem(m, r, COL_KEY, "la caractéristique « %s » apparaît deux fois", id);
            continue;
        }
        char *text = answer_text(&r->cells[COL_INPUT]);
        char *unit = cell_text(&r->cells[COL_EXTRA]);
        if (utf8_chars(text) > VALUE_MAX)
            problem(m, r, COL_INPUT, "la valeur offerte dépasse %d caractères", VALUE_MAX);
        if (utf8_chars(unit) > UNIT_MAX)
            problem(m, r, COL_EXTRA, "l'unité « %s » dépasse %d caractères", unit, UNIT_MAX);
        tp_grow((void **)&lot->values, &lot->cap_values, lot->n_values, sizeof *lot->values);
        tp_bid_value *v = &lot->values[lot->n_values++];
        v->ref = tp_bid_strdup(m->b, id);
        v->text = own(m->b, text);
        v->unit = *unit ? own(m->b, unit) : NULL;
        if (!v->unit)
            free(unit);
        v->line = r->row;
    }
}

/* Totals are the form's formulas, recomputed exactly in cents: a cached
 * value depends on the tool that saved the file (some never recalculate). */
static bool add_total(mapper *m, const form_krow *r, tp_cents *sum, tp_cents line)
{
    if (line > INT64_MAX - *sum) {
        problem(m, r, COL_EXTRA, "le total dépasse la capacité du formulaire");
        return false;
    }
    *sum += line;
    return true;
}

static bool line_total(mapper *m, const form_krow *r, long long qty, tp_cents unit, tp_cents *out)
{
    if (qty > 0 && unit > INT64_MAX / qty) {
        problem(m, r, COL_EXTRA, "le total de la ligne dépasse la capacité du formulaire");
        return false;
    }
    *out = (tp_cents)qty * unit;
    return true;
}

static void prices(mapper *m, tp_bid_lot *lot)
{
    bool complete = true;
    tp_cents htva = 0;
    const form_krow *r = row_of(m, "line/devices", "inventaire : appareils du lot");
    if (r) {
        long long qty = count_of(m, r, COL_FIXED, "la quantité", true);
        tp_cents unit = 0, total = 0;
        bool ok = price_of(m, r, &unit) && qty >= 0 && line_total(m, r, qty, unit, &total) &&
                  add_total(m, r, &htva, total);
        complete = complete && ok;
        tp_grow((void **)&lot->lines, &lot->cap_lines, lot->n_lines, sizeof *lot->lines);
        tp_bid_line *l = &lot->lines[lot->n_lines++];
        l->ref = tp_bid_strdup(m->b, "devices");
        l->quantity = qty < 0 ? 0 : qty;
        l->unit_price = unit;
        l->total = total;
        l->line = r->row;
    } else {
        complete = false;
    }
    for (size_t i = 0; i < m->s->n; i++) {
        r = &m->s->rows[i];
        if (strncmp(r->key, "option/", 7) != 0)
            continue;
        char kind[64];
        const char *slash = strchr(r->key + 7, '/');
        size_t kn = slash ? (size_t)(slash - r->key - 7) : strlen(r->key + 7);
        snprintf(kind, sizeof kind, "%.*s", (int)(kn < 63 ? kn : 63), r->key + 7);
        int k = tp_option_from_code(kind);
        long long years = 0;
        if (slash) {
            char *end = NULL;
            years = strtoll(slash + 1, &end, 10);
            if (!end || *end || years < 1 || years > 99)
                k = -1;
        }
        if (k < 0) {
            problem(m, r, COL_KEY, "l'option « %s » n'existe pas", r->key + 7);
            complete = false;
            continue;
        }
        long long qty = count_of(m, r, COL_FIXED, "la quantité", true);
        tp_cents unit = 0, total = 0;
        bool ok = price_of(m, r, &unit) && qty >= 0 && line_total(m, r, qty, unit, &total) &&
                  add_total(m, r, &htva, total);
        complete = complete && ok;
        tp_grow((void **)&lot->options, &lot->cap_options, lot->n_options, sizeof *lot->options);
        tp_bid_option *o = &lot->options[lot->n_options++];
        o->kind = k;
        o->years = years;
        o->quantity = qty < 0 ? 0 : qty;
        o->unit_price = unit;
        o->total = total;
        o->line = r->row;
    }
    (void)row_of(m, "totals/htva", "total HTVA");
    (void)row_of(m, "totals/tvac", "total TVAC");
    r = row_of(m, "totals/tva", "TVA");
    long long rate = r ? count_of(m, r, COL_FIXED, "le taux de TVA", true) : -1;
    if (r && rate > 100) {
        problem(m, r, COL_FIXED, "le taux de TVA %lld %% n'est pas un pourcentage", rate);
        rate = -1;
    }
    if (complete && rate >= 0) {
        lot->htva = htva;
        lot->tva = tp_money_percent(htva, (int)rate);
        lot->tvac = htva + lot->tva;
        lot->has_totals = true;
    }
}

static tp_bid *map_bid(const form_sheet *s, const char *display)
{
    tp_bid *b = xcalloc(1, sizeof *b);
    b->source = tp_bid_strdup(b, display);
    b->index = 1;
    mapper m = {s, b};

    const form_krow *r = row_of(&m, "tender-reference", "référence du marché");
    if (r) {
        b->tender_reference = own(b, cell_text(&r->cells[COL_FIXED]));
        if (!*b->tender_reference)
            problem(&m, r, COL_FIXED, "la référence du marché manque");
    }
    supplier(&m);

    tp_grow((void **)&b->lots, &b->cap_lots, 0, sizeof *b->lots);
    tp_bid_lot *lot = &b->lots[b->n_lots++];
    memset(lot, 0, sizeof *lot);
    r = row_of(&m, "lot", "lot");
    long long n = r ? count_of(&m, r, COL_FIXED, "le numéro de lot", true) : -1;
    if (r && (n < 1 || n > 9999)) {
        if (n >= 0)
            problem(&m, r, COL_FIXED, "le numéro de lot %lld n'est pas entre 1 et 9999", n);
        n = 0;
    }
    lot->number = (int)(n < 0 ? 0 : n);
    lot->line = r ? r->row : 0;
    lot->brand = own(b, text_field(&m, "product/brand", "la marque", COL_INPUT, true));
    lot->model = own(b, text_field(&m, "product/model", "le modèle", COL_INPUT, true));
    values(&m, lot);
    r = row_of(&m, "warranty", "garantie");
    if (r && (lot->warranty_years = count_of(&m, r, COL_INPUT, "la garantie", true)) >= 0)
        lot->has_warranty = true;
    r = row_of(&m, "delivery", "délai de livraison");
    if (r && (lot->delivery_days = count_of(&m, r, COL_INPUT, "le délai de livraison", true)) >= 0)
        lot->has_delivery = true;
    if (lot->warranty_years < 0)
        lot->warranty_years = 0;
    if (lot->delivery_days < 0)
        lot->delivery_days = 0;
    prices(&m, lot);
    return b;
}

/* ------------------------------------------------------------ entry points */

tp_err tp_form_read_memory(const char *data, size_t len, const char *display_name, tp_bid_fn fn,
                           void *ud, tp_diags *d)
{
    const char *display = display_name ? display_name : "<form>";
    tp_unzip *z = NULL;
    form_sheet *s = NULL;
    tp_err rc = TP_OK;
    if (!tp_unzip_is_zip(data, len)) {
        tp_diag_error(d, display, 0, NULL, "send the ODS or XLSX offer form of the tender pack",
                      "not a spreadsheet (no zip signature)");
        return TP_EINVALID;
    }
    rc = tp_unzip_open(&z, data, len, display, d);
    if (rc != TP_OK)
        return rc;
    tp_form_kind kind = TP_FORM_NONE;
    rc = kind_of(&kind, z, display, d);
    if (rc != TP_OK) {
        /* a member that cannot be read safely: said in d */
    } else if (kind == TP_FORM_ODS)
        rc = form_sheet_read_ods(&s, z, display, d);
    else if (kind == TP_FORM_XLSX)
        rc = form_sheet_read_xlsx(&s, z, display, d);
    else {
        tp_diag_error(d, display, 0, NULL, "send the ODS or XLSX offer form of the tender pack",
                      "a zip archive that is neither an ODS nor an XLSX spreadsheet");
        rc = TP_EINVALID;
    }
    if (rc == TP_OK && (!s->mark || strcmp(s->mark, TP_FORM_MARK) != 0)) {
        tp_diag_error(d, display, 0, s->name,
                      "fill in offres/formulaire-lot-N.ods or .xlsx of the tender pack",
                      "not a tenderpack offer form (cell A1 of sheet '%s' should hold '%s')",
                      s->name, TP_FORM_MARK);
        rc = TP_EINVALID;
    }
    if (rc == TP_OK)
        rc = fn(ud, map_bid(s, display));
    form_sheet_free(s);
    tp_unzip_free(z);
    return rc;
}

bool tp_form_file_is_zip(FILE *f)
{
    unsigned char magic[4];
    size_t n = fread(magic, 1, sizeof magic, f);
    bool zip = tp_unzip_is_zip(magic, n);
    rewind(f);
    return zip;
}

tp_err tp_form_read_file(FILE *f, const char *display_name, tp_bid_fn fn, void *ud, tp_diags *d)
{
    tp_buf b;
    tp_buf_init(&b);
    char chunk[65536];
    size_t n;
    tp_err rc = TP_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > TP_FORM_MAX_FILE) {
            tp_diag_error(d, display_name, 0, NULL, "an offer form is a few hundred kilobytes",
                          "the file is larger than %u bytes", TP_FORM_MAX_FILE);
            rc = TP_ELIMIT;
            break;
        }
        tp_buf_put(&b, chunk, n);
    }
    if (rc == TP_OK && ferror(f)) {
        tp_diag_error(d, display_name, 0, NULL, NULL, "read error");
        rc = TP_EIO;
    }
    if (rc == TP_OK)
        rc = tp_form_read_memory(b.data, b.len, display_name, fn, ud, d);
    tp_buf_dispose(&b);
    return rc;
}

static tp_err keep(void *ud, tp_bid *bid)
{
    *(tp_bid **)ud = bid;
    return TP_OK;
}

tp_err tp_form_read_one(tp_bid **out, const char *data, size_t len, const char *display_name,
                        tp_diags *d)
{
    *out = NULL;
    return tp_form_read_memory(data, len, display_name, keep, out, d);
}
