#include "bid_form.h"

#include <stdint.h>
#include <string.h>

#include "../core/date.h"
#include "../model/profile.h"
#include "bid.h"

#define TEXT_MAX_CHARS 500

#define NM(s) s, (unsigned char)(sizeof(s) - 1) /* a name and its length */
#define END {NULL, 0, 0, T_NONE, false}
#define LEAF(var, id, name) \
    static const elem_spec var = {id, NM(name), T_TEXT, no_attrs, 0, NULL, 0}
#define N(a) (sizeof(a) / sizeof *(a))

/* An elem_spec's required (before its children) has bit k set when
 * attrs[k] is required: tests/unit/test_eval_bid.c checks that they agree. */

static const attr_spec no_attrs[] = {END};

LEAF(s_sup_name, E_SUP_NAME, "name");
LEAF(s_street, E_STREET, "street");
LEAF(s_number, E_NUMBER, "number");
LEAF(s_postal, E_POSTAL, "postalCode");
LEAF(s_locality, E_LOCALITY, "locality");
LEAF(s_con_name, E_CON_NAME, "name");
LEAF(s_con_email, E_CON_EMAIL, "email");
LEAF(s_con_phone, E_CON_PHONE, "phone");
LEAF(s_sig_name, E_SIG_NAME, "name");
LEAF(s_sig_role, E_SIG_ROLE, "role");
LEAF(s_brand, E_BRAND, "brand");
LEAF(s_model, E_MODEL, "model");

static const attr_spec address_attrs[] = {{NM("country"), A_COUNTRY, T_COUNTRY, false}, END};
static const child_spec address_children[] = {
    {&s_street, 1, 1}, {&s_number, 1, 1}, {&s_postal, 1, 1}, {&s_locality, 1, 1}};
static const elem_spec s_address = {E_ADDRESS, NM("address"), T_NONE, address_attrs, 0,
                                    address_children, N(address_children)};
static const child_spec contact_children[] = {
    {&s_con_name, 1, 1}, {&s_con_email, 1, 1}, {&s_con_phone, 1, 1}};
static const elem_spec s_contact = {E_CONTACT, NM("contact"), T_NONE, no_attrs, 0, contact_children,
                                    N(contact_children)};
static const child_spec signatory_children[] = {{&s_sig_name, 1, 1}, {&s_sig_role, 1, 1}};
static const elem_spec s_signatory = {E_SIGNATORY, NM("signatory"), T_NONE, no_attrs, 0,
                                      signatory_children, N(signatory_children)};
static const attr_spec supplier_attrs[] = {{NM("vat"), A_VAT, T_VAT, true}, END};
static const child_spec supplier_children[] = {
    {&s_sup_name, 1, 1}, {&s_address, 1, 1}, {&s_contact, 1, 1}, {&s_signatory, 0, 1}};
static const elem_spec s_supplier = {E_SUPPLIER, NM("supplier"), T_NONE, supplier_attrs, 0x1,
                                     supplier_children, N(supplier_children)};

static const child_spec product_children[] = {{&s_brand, 1, 1}, {&s_model, 1, 1}};
static const elem_spec s_product = {E_PRODUCT, NM("product"), T_NONE, no_attrs, 0, product_children,
                                    N(product_children)};
static const attr_spec value_attrs[] = {
    {NM("ref"), A_REF, T_IDENT, true}, {NM("unit"), A_UNIT, T_UNIT, false}, END};
static const elem_spec s_value = {E_VALUE, NM("value"), T_VALUE, value_attrs, 0x1, NULL, 0};
static const child_spec values_children[] = {{&s_value, 0, 1000}};
static const elem_spec s_values = {E_VALUES, NM("values"), T_NONE, no_attrs, 0, values_children,
                                   N(values_children)};
static const attr_spec line_attrs[] = {{NM("ref"), A_REF, T_IDENT, true},
                                       {NM("quantity"), A_QUANTITY, T_COUNT, true},
                                       {NM("unitPrice"), A_UNIT_PRICE, T_MONEY, true},
                                       {NM("total"), A_TOTAL, T_MONEY, true},
                                       END};
static const elem_spec s_line = {E_LINE, NM("line"), T_NONE, line_attrs, 0xF, NULL, 0};
static const child_spec schedule_children[] = {{&s_line, 1, 100}};
static const elem_spec s_schedule = {E_SCHEDULE, NM("priceSchedule"), T_NONE, no_attrs, 0,
                                     schedule_children, N(schedule_children)};
static const attr_spec option_attrs[] = {{NM("kind"), A_KIND, T_OPTKIND, true},
                                         {NM("years"), A_YEARS, T_COUNT, false},
                                         {NM("quantity"), A_QUANTITY, T_COUNT, true},
                                         {NM("unitPrice"), A_UNIT_PRICE, T_MONEY, true},
                                         {NM("total"), A_TOTAL, T_MONEY, true},
                                         END};
static const elem_spec s_option = {E_OPTION, NM("option"), T_NONE, option_attrs, 0x1D, NULL, 0};
static const child_spec options_children[] = {{&s_option, 0, 10}};
static const elem_spec s_options = {E_OPTIONS, NM("options"), T_NONE, no_attrs, 0, options_children,
                                    N(options_children)};
static const attr_spec totals_attrs[] = {{NM("htva"), A_HTVA, T_MONEY, true},
                                         {NM("tva"), A_TVA, T_MONEY, true},
                                         {NM("tvac"), A_TVAC, T_MONEY, true},
                                         END};
static const elem_spec s_totals = {E_TOTALS, NM("totals"), T_NONE, totals_attrs, 0x7, NULL, 0};
static const attr_spec warranty_attrs[] = {{NM("years"), A_YEARS, T_COUNT, true}, END};
static const elem_spec s_warranty = {E_WARRANTY, NM("warranty"), T_NONE, warranty_attrs, 0x1,
                                     NULL, 0};
static const attr_spec delivery_attrs[] = {{NM("days"), A_DAYS, T_COUNT, true}, END};
static const elem_spec s_delivery = {E_DELIVERY, NM("delivery"), T_NONE, delivery_attrs, 0x1,
                                     NULL, 0};
static const attr_spec lot_attrs[] = {{NM("number"), A_LOT_NUMBER, T_LOTNUM, true}, END};
static const child_spec lot_children[] = {{&s_product, 1, 1},  {&s_values, 1, 1},
                                          {&s_schedule, 1, 1}, {&s_options, 1, 1},
                                          {&s_totals, 1, 1},   {&s_warranty, 1, 1},
                                          {&s_delivery, 1, 1}};
static const elem_spec s_lot = {E_LOT, NM("lot"), T_NONE, lot_attrs, 0x1, lot_children,
                                N(lot_children)};

static const attr_spec bid_attrs[] = {{NM("version"), A_VERSION, T_VERSION, true},
                                      {NM("tenderReference"), A_TENDER_REFERENCE, T_REFERENCE, true},
                                      {NM("receivedAt"), A_RECEIVED_AT, T_RECEIPT, true},
                                      END};
static const child_spec bid_children[] = {{&s_supplier, 1, 1}, {&s_lot, 1, 100}};
const elem_spec tp_bid_form_bid = {E_BID, NM("bid"), T_NONE, bid_attrs, 0x7, bid_children,
                                   N(bid_children)};
static const child_spec bids_children[] = {{&tp_bid_form_bid, 0, 0x7fffffff}};
const elem_spec tp_bid_form_bids = {E_BIDS, NM("bids"), T_NONE, no_attrs, 0, bids_children,
                                    N(bids_children)};

/* ------------------------------------------------------------------ value types */

/* The checks take the value with its length: the scanner's values are not
 * NUL-terminated, and most values are short enough to pass a length limit
 * in characters without counting them (a UTF-8 character is 1 to 4 bytes). */

static size_t utf8_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static inline bool digit(char c)
{
    return (unsigned char)(c - '0') < 10;
}

/* How many digits s[0, n) starts with. */
static size_t digits_at(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && digit(s[i]))
        i++;
    return i;
}

static bool all_digits(const char *s, size_t n, size_t min, size_t max)
{
    return n >= min && n <= max && digits_at(s, n) == n;
}

static bool is_money(const char *s, size_t n)
{
    size_t ip = digits_at(s, n);
    if (ip < 1 || ip > 13)
        return false;
    if (ip == n)
        return true;
    size_t fp = n - ip - 1; /* after the dot */
    return s[ip] == '.' && fp >= 1 && fp <= 2 && digits_at(s + ip + 1, fp) == fp;
}

/* 1: a letter or digit, 2: '.', '_' or '-' (not first). */
static const unsigned char ident_class[256] = {
    ['-'] = 2, ['.'] = 2, ['_'] = 2,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

static bool is_ident(const char *s, size_t n)
{
    if (n < 1 || n > 64 || ident_class[(unsigned char)s[0]] != 1)
        return false;
    for (size_t i = 1; i < n; i++)
        if (!ident_class[(unsigned char)s[i]])
            return false;
    return true;
}

static bool upper_or_digit(char c, bool digit_ok)
{
    return (c >= 'A' && c <= 'Z') || (digit_ok && c >= '0' && c <= '9');
}

static bool is_vat(const char *s, size_t n)
{
    if (n < 4 || n > 15 || !upper_or_digit(s[0], false) || !upper_or_digit(s[1], false))
        return false;
    for (size_t i = 2; i < n; i++)
        if (!upper_or_digit(s[i], true))
            return false;
    return true;
}

/* v[0, n) NUL-terminated in buf, or false when it cannot be of a type
 * whose values are shorter than size. */
static bool terminated(char *buf, size_t size, const char *v, size_t n)
{
    if (n >= size)
        return false;
    memcpy(buf, v, n);
    buf[n] = '\0';
    return true;
}

const char *tp_bid_type_problem(vtype t, const char *v, size_t n)
{
    char buf[64];
    switch (t) {
    case T_NONE: return NULL;
    case T_TEXT: {
        size_t k = n <= TEXT_MAX_CHARS ? n : utf8_chars(v, n);
        return k < 1 ? "un texte non vide est attendu"
               : k > TEXT_MAX_CHARS ? "le texte dépasse 500 caractères" : NULL;
    }
    case T_VALUE:
        return n > 100 && utf8_chars(v, n) > 100 ? "la valeur dépasse 100 caractères" : NULL;
    case T_UNIT: return n > 20 && utf8_chars(v, n) > 20 ? "l'unité dépasse 20 caractères" : NULL;
    case T_REFERENCE: {
        size_t k = n <= 100 ? n : utf8_chars(v, n);
        return k < 1 || k > 100 ? "une référence de 1 à 100 caractères est attendue" : NULL;
    }
    case T_MONEY:
        return is_money(v, n) ? NULL
                              : "un montant en euros est attendu (chiffres, point décimal, au "
                                "plus 2 décimales, ex. 455.50)";
    case T_COUNT: return all_digits(v, n, 1, 9) ? NULL : "un nombre entier positif est attendu";
    case T_LOTNUM:
        return all_digits(v, n, 1, 4) && v[0] != '0' ? NULL
                                                     : "un numéro de lot (1 à 9999) est attendu";
    case T_RECEIPT: {
        int64_t utc;
        int us;
        return terminated(buf, sizeof buf, v, n) && tp_datetime_parse(&utc, &us, buf)
                   ? NULL
                   : "une date et heure avec décalage horaire est attendue "
                     "(ex. 2026-12-01T16:42:00+01:00)";
    }
    case T_IDENT:
        return is_ident(v, n) ? NULL : "un identifiant est attendu (lettres, chiffres, . _ -)";
    case T_VAT:
        return is_vat(v, n) ? NULL
                            : "un numéro de TVA avec son préfixe de pays est attendu "
                              "(ex. BE0123456749)";
    case T_OPTKIND:
        return terminated(buf, sizeof buf, v, n) && tp_option_from_code(buf) >= 0
                   ? NULL
                   : "extended-warranty, accidental-damage, charging-cart ou protective-sleeve "
                     "est attendu";
    case T_COUNTRY:
        return n == 2 && upper_or_digit(v[0], false) && upper_or_digit(v[1], false)
                   ? NULL
                   : "un code de pays de 2 lettres majuscules est attendu (ex. BE)";
    case T_VERSION: return n == 1 && v[0] == '1' ? NULL : "seule la version 1 est connue";
    }
    return NULL;
}

long long tp_bid_form_digits(const char *v, size_t n)
{
    long long x = 0;
    for (size_t i = 0; i < n; i++)
        x = x * 10 + (v[i] - '0');
    return x;
}

long long tp_bid_form_money(const char *v, size_t n)
{
    const char *dot = memchr(v, '.', n);
    if (!dot)
        return tp_bid_form_digits(v, n) * 100;
    size_t ip = (size_t)(dot - v), nd = n - ip - 1;
    long long cents = tp_bid_form_digits(dot + 1, nd);
    return tp_bid_form_digits(v, ip) * 100 + (nd == 1 ? cents * 10 : cents);
}

/* ------------------------------------------------------------------ dates */

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool tp_datetime_parse(int64_t *utc, int *micro, const char *s)
{
    if (!s || strlen(s) < 20)
        return false;
    char date[11];
    memcpy(date, s, 10);
    date[10] = '\0';
    tp_date d;
    if (!tp_date_parse(&d, date) || s[10] != 'T' || s[13] != ':' || s[16] != ':')
        return false;
    int hh = digits(s + 11, 2), mi = digits(s + 14, 2), ss = digits(s + 17, 2);
    if (hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59)
        return false;
    const char *p = s + 19;
    int us = 0;
    if (*p == '.') {
        int nd = 0;
        for (p++; *p >= '0' && *p <= '9'; p++) {
            if (++nd > 6)
                return false;
            us = us * 10 + (*p - '0');
        }
        if (nd == 0)
            return false;
        for (; nd < 6; nd++)
            us *= 10;
    }
    int offset = 0;
    if (*p == 'Z') {
        p++;
    } else if ((*p == '+' || *p == '-') && p[3] == ':') {
        int oh = digits(p + 1, 2), om = digits(p + 4, 2);
        if (oh < 0 || oh > 14 || om < 0 || om > 59)
            return false;
        offset = (oh * 60 + om) * (*p == '-' ? -1 : 1);
        p += 6;
    } else {
        return false;
    }
    if (*p)
        return false;
    *utc = (int64_t)tp_date_to_days(d) * 86400 + hh * 3600 + mi * 60 + ss - (int64_t)offset * 60;
    *micro = us;
    return true;
}
