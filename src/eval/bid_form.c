#include "bid_form.h"

#include <stdint.h>
#include <string.h>

#include "../model/profile.h"
#include "bid.h"

#define TEXT_MAX_CHARS 500

#define LEAF(var, id, name) static const elem_spec var = {id, name, T_TEXT, no_attrs, NULL, 0}
#define N(a) (sizeof(a) / sizeof *(a))

static const attr_spec no_attrs[] = {{NULL, T_NONE, false}};

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

static const attr_spec address_attrs[] = {{"country", T_COUNTRY, false}, {NULL, T_NONE, false}};
static const child_spec address_children[] = {
    {&s_street, 1, 1}, {&s_number, 1, 1}, {&s_postal, 1, 1}, {&s_locality, 1, 1}};
static const elem_spec s_address = {E_ADDRESS, "address", T_NONE, address_attrs,
                                    address_children, N(address_children)};
static const child_spec contact_children[] = {
    {&s_con_name, 1, 1}, {&s_con_email, 1, 1}, {&s_con_phone, 1, 1}};
static const elem_spec s_contact = {E_CONTACT, "contact", T_NONE, no_attrs, contact_children,
                                    N(contact_children)};
static const child_spec signatory_children[] = {{&s_sig_name, 1, 1}, {&s_sig_role, 1, 1}};
static const elem_spec s_signatory = {E_SIGNATORY, "signatory", T_NONE, no_attrs,
                                      signatory_children, N(signatory_children)};
static const attr_spec supplier_attrs[] = {{"vat", T_VAT, true}, {NULL, T_NONE, false}};
static const child_spec supplier_children[] = {
    {&s_sup_name, 1, 1}, {&s_address, 1, 1}, {&s_contact, 1, 1}, {&s_signatory, 0, 1}};
static const elem_spec s_supplier = {E_SUPPLIER, "supplier", T_NONE, supplier_attrs,
                                     supplier_children, N(supplier_children)};

static const child_spec product_children[] = {{&s_brand, 1, 1}, {&s_model, 1, 1}};
static const elem_spec s_product = {E_PRODUCT, "product", T_NONE, no_attrs, product_children,
                                    N(product_children)};
static const attr_spec value_attrs[] = {
    {"ref", T_IDENT, true}, {"unit", T_UNIT, false}, {NULL, T_NONE, false}};
static const elem_spec s_value = {E_VALUE, "value", T_VALUE, value_attrs, NULL, 0};
static const child_spec values_children[] = {{&s_value, 0, 1000}};
static const elem_spec s_values = {E_VALUES, "values", T_NONE, no_attrs, values_children,
                                   N(values_children)};
static const attr_spec line_attrs[] = {{"ref", T_IDENT, true},
                                       {"quantity", T_COUNT, true},
                                       {"unitPrice", T_MONEY, true},
                                       {"total", T_MONEY, true},
                                       {NULL, T_NONE, false}};
static const elem_spec s_line = {E_LINE, "line", T_NONE, line_attrs, NULL, 0};
static const child_spec schedule_children[] = {{&s_line, 1, 100}};
static const elem_spec s_schedule = {E_SCHEDULE, "priceSchedule", T_NONE, no_attrs,
                                     schedule_children, N(schedule_children)};
static const attr_spec option_attrs[] = {{"kind", T_OPTKIND, true},   {"years", T_COUNT, false},
                                         {"quantity", T_COUNT, true}, {"unitPrice", T_MONEY, true},
                                         {"total", T_MONEY, true},    {NULL, T_NONE, false}};
static const elem_spec s_option = {E_OPTION, "option", T_NONE, option_attrs, NULL, 0};
static const child_spec options_children[] = {{&s_option, 0, 10}};
static const elem_spec s_options = {E_OPTIONS, "options", T_NONE, no_attrs, options_children,
                                    N(options_children)};
static const attr_spec totals_attrs[] = {{"htva", T_MONEY, true},
                                         {"tva", T_MONEY, true},
                                         {"tvac", T_MONEY, true},
                                         {NULL, T_NONE, false}};
static const elem_spec s_totals = {E_TOTALS, "totals", T_NONE, totals_attrs, NULL, 0};
static const attr_spec warranty_attrs[] = {{"years", T_COUNT, true}, {NULL, T_NONE, false}};
static const elem_spec s_warranty = {E_WARRANTY, "warranty", T_NONE, warranty_attrs, NULL, 0};
static const attr_spec delivery_attrs[] = {{"days", T_COUNT, true}, {NULL, T_NONE, false}};
static const elem_spec s_delivery = {E_DELIVERY, "delivery", T_NONE, delivery_attrs, NULL, 0};
static const attr_spec lot_attrs[] = {{"number", T_LOTNUM, true}, {NULL, T_NONE, false}};
static const child_spec lot_children[] = {{&s_product, 1, 1},  {&s_values, 1, 1},
                                          {&s_schedule, 1, 1}, {&s_options, 1, 1},
                                          {&s_totals, 1, 1},   {&s_warranty, 1, 1},
                                          {&s_delivery, 1, 1}};
static const elem_spec s_lot = {E_LOT, "lot", T_NONE, lot_attrs, lot_children, N(lot_children)};

static const attr_spec bid_attrs[] = {{"version", T_VERSION, true},
                                      {"tenderReference", T_REFERENCE, true},
                                      {"receivedAt", T_RECEIPT, true},
                                      {NULL, T_NONE, false}};
static const child_spec bid_children[] = {{&s_supplier, 1, 1}, {&s_lot, 1, 100}};
const elem_spec tp_bid_form_bid = {E_BID, "bid", T_NONE, bid_attrs, bid_children, N(bid_children)};
static const child_spec bids_children[] = {{&tp_bid_form_bid, 0, 0x7fffffff}};
const elem_spec tp_bid_form_bids = {E_BIDS, "bids", T_NONE, no_attrs, bids_children,
                                 N(bids_children)};

/* ------------------------------------------------------------------ value types */

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static bool all_digits(const char *s, size_t min, size_t max)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (s[n] < '0' || s[n] > '9')
            return false;
    return n >= min && n <= max;
}

static bool is_money(const char *s)
{
    const char *dot = strchr(s, '.');
    if (!dot)
        return all_digits(s, 1, 13);
    char ip[16];
    size_t n = (size_t)(dot - s);
    if (n < 1 || n > 13)
        return false;
    memcpy(ip, s, n);
    ip[n] = '\0';
    return all_digits(ip, 1, 13) && all_digits(dot + 1, 1, 2);
}

static bool is_ident(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-')))
            return false;
    }
    return true;
}

static bool upper_or_digit(char c, bool digit_ok)
{
    return (c >= 'A' && c <= 'Z') || (digit_ok && c >= '0' && c <= '9');
}

static bool is_vat(const char *s)
{
    size_t n = strlen(s);
    if (n < 4 || n > 15 || !upper_or_digit(s[0], false) || !upper_or_digit(s[1], false))
        return false;
    for (size_t i = 2; i < n; i++)
        if (!upper_or_digit(s[i], true))
            return false;
    return true;
}

/* NULL when v is of type t, else a French phrase saying what is expected. */
const char *tp_bid_type_problem(vtype t, const char *v)
{
    switch (t) {
    case T_NONE: return NULL;
    case T_TEXT: {
        size_t n = utf8_chars(v);
        return n < 1 ? "un texte non vide est attendu"
               : n > TEXT_MAX_CHARS ? "le texte dépasse 500 caractères" : NULL;
    }
    case T_VALUE: return utf8_chars(v) > 100 ? "la valeur dépasse 100 caractères" : NULL;
    case T_UNIT: return utf8_chars(v) > 20 ? "l'unité dépasse 20 caractères" : NULL;
    case T_REFERENCE: {
        size_t n = utf8_chars(v);
        return n < 1 || n > 100 ? "une référence de 1 à 100 caractères est attendue" : NULL;
    }
    case T_MONEY:
        return is_money(v) ? NULL
                           : "un montant en euros est attendu (chiffres, point décimal, au plus "
                             "2 décimales, ex. 455.50)";
    case T_COUNT: return all_digits(v, 1, 9) ? NULL : "un nombre entier positif est attendu";
    case T_LOTNUM:
        return all_digits(v, 1, 4) && v[0] != '0' ? NULL
                                                  : "un numéro de lot (1 à 9999) est attendu";
    case T_RECEIPT: {
        int64_t utc;
        int us;
        return tp_datetime_parse(&utc, &us, v)
                   ? NULL
                   : "une date et heure avec décalage horaire est attendue "
                     "(ex. 2026-12-01T16:42:00+01:00)";
    }
    case T_IDENT: return is_ident(v) ? NULL : "un identifiant est attendu (lettres, chiffres, . _ -)";
    case T_VAT:
        return is_vat(v) ? NULL
                         : "un numéro de TVA avec son préfixe de pays est attendu "
                           "(ex. BE0123456749)";
    case T_OPTKIND:
        return tp_option_from_code(v) >= 0
                   ? NULL
                   : "extended-warranty, accidental-damage, charging-cart ou protective-sleeve "
                     "est attendu";
    case T_COUNTRY:
        return strlen(v) == 2 && upper_or_digit(v[0], false) && upper_or_digit(v[1], false)
                   ? NULL
                   : "un code de pays de 2 lettres majuscules est attendu (ex. BE)";
    case T_VERSION: return strcmp(v, "1") == 0 ? NULL : "seule la version 1 est connue";
    }
    return NULL;
}

