#include "ident.h"

#include <string.h>

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Separators people copy from letters and the BCE public search. */
static bool is_bce_separator(char c)
{
    return c == '.' || c == ' ' || c == '-';
}

int tp_bce_check_digits(const char first8[8])
{
    long v = 0;
    for (int i = 0; i < 8; i++)
        v = v * 10 + (first8[i] - '0');
    return 97 - (int)(v % 97); /* remainder 0 gives 97, as the BCE does */
}

static tp_bce_kind kind_of(char first)
{
    if (first == '0' || first == '1')
        return TP_BCE_ENTERPRISE;
    if (first >= '2' && first <= '8')
        return TP_BCE_ESTABLISHMENT;
    return TP_BCE_UNKNOWN;
}

tp_bce_status tp_bce_inspect(tp_bce_info *out, const char *s)
{
    memset(out, 0, sizeof *out);
    out->kind = TP_BCE_UNKNOWN;
    if (!s || !*s)
        return out->status = TP_BCE_EMPTY;
    bool separators = false;
    bool other = false;
    char digits[11];
    int n = 0;
    for (const char *p = s; *p; p++) {
        if (is_digit(*p)) {
            if (n < 10)
                digits[n] = *p;
            n++;
        } else if (is_bce_separator(*p)) {
            separators = true;
        } else {
            other = true;
        }
    }
    out->ndigits = n;
    if (other)
        return out->status = TP_BCE_NOT_DIGITS;
    if (n != 10)
        return out->status = TP_BCE_LENGTH;
    digits[10] = '\0';
    memcpy(out->digits, digits, sizeof digits);
    out->kind = kind_of(digits[0]);
    out->expected_check = tp_bce_check_digits(digits);
    int given = (digits[8] - '0') * 10 + (digits[9] - '0');
    /* The check comes first: a typo is more likely than a wrong kind. */
    if (given != out->expected_check)
        return out->status = TP_BCE_BAD_CHECK;
    if (out->kind == TP_BCE_UNKNOWN)
        return out->status = TP_BCE_BAD_RANGE;
    if (separators)
        return out->status = TP_BCE_FORMATTED;
    return out->status = TP_BCE_OK;
}

bool tp_bce_valid(const char *s, tp_bce_kind kind)
{
    tp_bce_info info;
    return tp_bce_inspect(&info, s) == TP_BCE_OK && info.kind == kind;
}

const char *tp_bce_kind_name(tp_bce_kind kind)
{
    switch (kind) {
    case TP_BCE_ENTERPRISE: return "enterprise number";
    case TP_BCE_ESTABLISHMENT: return "establishment-unit number";
    default: return "number";
    }
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!is_digit(*s))
            return false;
    return true;
}

const char *tp_fase_problem(const char *s)
{
    if (!s || !*s)
        return "is empty";
    if (!all_digits(s))
        return "is not made of digits only";
    size_t n = strlen(s);
    if (n > 6)
        return n == 7 ? "has 7 digits; a FASE number has 1 to 6"
                      : "has more than 7 digits; a FASE number has 1 to 6";
    if (s[0] == '0')
        return strspn(s, "0") == n ? "is zero; FASE numbers start at 1"
                                   : "has a leading zero; FASE numbers are written without one";
    return NULL;
}

const char *tp_postal_code_problem(const char *s)
{
    if (!s || !*s)
        return "is empty";
    if (!all_digits(s))
        return "is not made of digits only";
    if (strlen(s) != 4)
        return "does not have 4 digits; Belgian postal codes go from 1000 to 9999";
    if (s[0] == '0')
        return "starts with 0; Belgian postal codes go from 1000 to 9999";
    return NULL;
}

static bool is_space_or_control(unsigned char c)
{
    return c <= ' ' || c == 0x7f;
}

/* A domain label: letters, digits, hyphens (not at either end); bytes >= 0x80
 * are let through for internationalised names. */
static bool valid_label(const char *b, const char *e)
{
    if (e == b || e - b > 63 || *b == '-' || e[-1] == '-')
        return false;
    for (const char *p = b; p < e; p++) {
        unsigned char c = (unsigned char)*p;
        if (!(c >= 0x80 || is_digit(*p) || *p == '-' || (c >= 'a' && c <= 'z') ||
              (c >= 'A' && c <= 'Z')))
            return false;
    }
    return true;
}

const char *tp_email_problem(const char *s)
{
    if (!s || !*s)
        return "is empty";
    for (const char *p = s; *p; p++)
        if (is_space_or_control((unsigned char)*p))
            return "contains a space or a control character";
    const char *at = strchr(s, '@');
    if (!at)
        return "has no @";
    if (strchr(at + 1, '@'))
        return "has more than one @";
    if (at == s)
        return "has nothing before the @";
    if (at - s > 64)
        return "has more than 64 characters before the @";
    if (strlen(s) > 254)
        return "is longer than 254 characters";
    if (s[0] == '.' || at[-1] == '.' || strstr(s, "..") != NULL)
        return "has a misplaced dot";
    const char *domain = at + 1;
    if (!*domain)
        return "has nothing after the @";
    if (!strchr(domain, '.'))
        return "has a domain without a dot (e.g. ecole.be)";
    const char *label = domain;
    for (;;) {
        const char *dot = strchr(label, '.');
        const char *end = dot ? dot : label + strlen(label);
        if (!valid_label(label, end))
            return "has an invalid domain after the @";
        if (!dot)
            break;
        label = dot + 1;
    }
    return NULL;
}

static bool is_phone_separator(char c)
{
    return c == ' ' || c == '.' || c == '/';
}

const char *tp_phone_problem(const char *s)
{
    if (!s || !*s)
        return "is empty";
    char digits[32];
    size_t n = 0;
    bool plus = false;
    for (const char *p = s; *p; p++) {
        if (*p == '+' && p == s) {
            plus = true;
        } else if (is_digit(*p)) {
            if (n + 1 >= sizeof digits)
                return "has too many digits";
            digits[n++] = *p;
        } else if (!is_phone_separator(*p)) {
            return *p == '(' || *p == ')' ? "contains brackets"
                                          : "contains characters other than digits, spaces, "
                                            "dots, slashes and a leading +";
        }
    }
    digits[n] = '\0';
    const char *intl = NULL; /* digits after the international prefix */
    if (plus)
        intl = digits;
    else if (n >= 2 && digits[0] == '0' && digits[1] == '0')
        intl = digits + 2;
    if (!intl) {
        if (n == 0 || digits[0] != '0')
            return "is neither a Belgian number starting with 0 nor an international +CC number";
        if (n < 9 || n > 10)
            return "does not have 9 or 10 digits (Belgian numbers: 0X XXX XX XX or "
                   "04XX XX XX XX)";
        return NULL;
    }
    size_t ni = strlen(intl);
    if (ni >= 2 && intl[0] == '3' && intl[1] == '2') {
        if (ni > 2 && intl[2] == '0')
            return "keeps the leading 0 after +32";
        if (ni - 2 < 8 || ni - 2 > 9)
            return "does not have 8 or 9 digits after +32";
        return NULL;
    }
    if (ni == 0 || intl[0] == '0')
        return "has no country code after the +";
    if (ni < 7 || ni > 15)
        return "does not have 7 to 15 digits after the +";
    return NULL;
}

long tp_minimum_stock(long pupils)
{
    if (pupils <= 0)
        return 0;
    return (pupils * 5 + 99) / 100;
}

tp_cents tp_subsidy_cap(long pupils)
{
    if (pupils <= 0)
        return 0;
    return (tp_cents)pupils * 2500;
}
