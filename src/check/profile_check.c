#include "profile_check.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/date.h"
#include "../core/money.h"
#include "ident.h"

typedef struct checker {
    const tp_profile *p;
    const char *file;
    tp_diags *d;
} checker;

#define FIELD_MAX 256

static void report(checker *c, tp_severity sev, int line, const char *field, const char *hint,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void report(checker *c, tp_severity sev, int line, const char *field, const char *hint,
                   const char *fmt, ...)
{
    tp_buf b;
    tp_buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    tp_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    tp_diag_add(c->d, sev, c->file, line, field, hint, "%s", tp_buf_cstr(&b));
    tp_buf_dispose(&b);
}

#define ERR_AT(c, line, field, hint, ...)                                                          \
    report((c), TP_SEV_ERROR, (line), (field), (hint), __VA_ARGS__)
#define WARN_AT(c, line, field, hint, ...)                                                         \
    report((c), TP_SEV_WARNING, (line), (field), (hint), __VA_ARGS__)

static const char *fieldf(char buf[FIELD_MAX], const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static const char *fieldf(char buf[FIELD_MAX], const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, FIELD_MAX, fmt, ap);
    va_end(ap);
    return buf;
}

/* A leaf's own line, else its parent's, so every message points somewhere. */
static int line_or(int line, int fallback)
{
    return line > 0 ? line : fallback;
}

static bool present(const tp_str *s)
{
    return s->s != NULL;
}

static void missing(checker *c, int line, const char *field, const char *what)
{
    ERR_AT(c, line, field, "see docs/PROFILE.md", "%s is missing", what);
}

/* ------------------------------------------------------------ identifiers */

static void check_bce(checker *c, const tp_str *bce, int parent_line, const char *field,
                      tp_bce_kind want)
{
    int line = line_or(bce->line, parent_line);
    tp_bce_info info;
    switch (tp_bce_inspect(&info, bce->s)) {
    case TP_BCE_EMPTY:
        ERR_AT(c, line, field, "write the 10-digit BCE number, e.g. 0408211929",
               "BCE number is empty");
        return;
    case TP_BCE_NOT_DIGITS:
        ERR_AT(c, line, field, "write the 10 digits of the BCE number, e.g. 0408211929",
               "'%s' contains characters other than digits", bce->s);
        return;
    case TP_BCE_LENGTH:
        if (info.ndigits == 9)
            ERR_AT(c, line, field, "old 9-digit numbers take a leading 0 (e.g. 0408211929)",
                   "'%s' has 9 digits; a BCE number has 10", bce->s);
        else
            ERR_AT(c, line, field, "write the 10 digits of the BCE number, e.g. 0408211929",
                   "'%s' has %d digits; a BCE number has 10", bce->s, info.ndigits);
        return;
    case TP_BCE_BAD_CHECK:
        ERR_AT(c, line, field,
               "copy the number again from the BCE public search (kbopub.economie.fgov.be): a "
               "digit is probably mistyped",
               "%s has wrong check digits: it ends with %c%c but the first eight digits give %02d",
               info.digits, info.digits[8], info.digits[9], info.expected_check);
        return;
    case TP_BCE_BAD_RANGE:
        ERR_AT(c, line, field, "check the number in the BCE public search",
               "%s starts with 9: it is neither an enterprise nor an establishment-unit number",
               info.digits);
        return;
    case TP_BCE_FORMATTED: {
        char hint[64];
        snprintf(hint, sizeof hint, "write the digits only: %s", info.digits);
        ERR_AT(c, line, field, hint, "'%s' contains dots or spaces", bce->s);
        break; /* still say when it is the wrong kind */
    }
    case TP_BCE_OK: break;
    }
    if (info.kind == want)
        return;
    if (want == TP_BCE_ENTERPRISE)
        ERR_AT(c, line, field,
               "use the PO's enterprise number (the 'entité' in the BCE public search)",
               "%s is an establishment-unit number (a school's); the PO's BCE is its enterprise "
               "number, starting with 0 or 1",
               info.digits);
    else
        ERR_AT(c, line, field,
               "use the school's establishment-unit number, or leave <bce> out of the school",
               "%s is an enterprise number (PO); a school's BCE is its establishment-unit number, "
               "starting with 2",
               info.digits);
}

static void check_fase(checker *c, const tp_str *fase, int parent_line, const char *field)
{
    if (!present(fase)) {
        missing(c, parent_line, field, "FASE number");
        return;
    }
    const char *problem = tp_fase_problem(fase->s);
    if (!problem)
        return;
    char hint[96];
    size_t zeros = strspn(fase->s, "0");
    if (zeros > 0 && zeros < strlen(fase->s) && strlen(fase->s) - zeros <= 6 &&
        strspn(fase->s, "0123456789") == strlen(fase->s))
        snprintf(hint, sizeof hint, "write %s", fase->s + zeros);
    else
        snprintf(hint, sizeof hint,
                 "copy the FASE number from the FWB register (1 to 6 digits), e.g. 826");
    ERR_AT(c, line_or(fase->line, parent_line), field, hint, "FASE '%s' %s", fase->s, problem);
}

static void check_address(checker *c, const tp_address *a, int parent_line, const char *prefix)
{
    char field[FIELD_MAX];
    int line = line_or(a->line, parent_line);
    if (!present(&a->postal_code)) {
        missing(c, line, fieldf(field, "%s/postalCode", prefix), "postal code");
        return;
    }
    const char *problem = tp_postal_code_problem(a->postal_code.s);
    if (problem)
        ERR_AT(c, line_or(a->postal_code.line, line), fieldf(field, "%s/postalCode", prefix),
               "write the 4-digit postal code of the locality, e.g. 1070", "postal code '%s' %s",
               a->postal_code.s, problem);
}

/* ------------------------------------------------------------------- PO */

/* The legal form and federation each network normally has: a mismatch is
 * likely a copy-paste slip, but not impossible, so only a warning. */
static const char *expected_legal_form(tp_network n)
{
    switch (n) {
    case TP_NET_WBE: return "wbe";
    case TP_NET_OFFICIEL_COMMUNAL: return "commune";
    case TP_NET_OFFICIEL_PROVINCIAL: return "province";
    case TP_NET_OFFICIEL_COCOF: return "cocof";
    default: return "asbl";
    }
}

static bool federation_fits(const char *fed, tp_network n)
{
    if (strcmp(fed, "segec") == 0)
        return n == TP_NET_LIBRE_CONFESSIONNEL;
    if (strcmp(fed, "felsi") == 0)
        return n == TP_NET_LIBRE_NON_CONFESSIONNEL;
    if (strcmp(fed, "cecp") == 0)
        return n == TP_NET_OFFICIEL_COMMUNAL || n == TP_NET_OFFICIEL_PROVINCIAL;
    if (strcmp(fed, "cpeons") == 0)
        return n == TP_NET_OFFICIEL_COMMUNAL || n == TP_NET_OFFICIEL_PROVINCIAL ||
               n == TP_NET_OFFICIEL_COCOF;
    if (strcmp(fed, "wbe") == 0)
        return n == TP_NET_WBE;
    return true;
}

static void check_po(checker *c)
{
    const tp_po *po = &c->p->po;
    int line = line_or(po->line, c->p->line);
    if (!present(&po->name))
        missing(c, line, "po/name", "the PO's name");
    if (present(&po->bce))
        check_bce(c, &po->bce, line, "po/bce", TP_BCE_ENTERPRISE);
    else
        missing(c, line, "po/bce", "the PO's BCE number");
    check_fase(c, &po->fase, line, "po/fase");

    const char *net = tp_network_code(po->network);
    if (present(&po->legal_form) && strcmp(po->legal_form.s, "autre") != 0 &&
        strcmp(po->legal_form.s, expected_legal_form(po->network)) != 0)
        WARN_AT(c, line_or(po->legal_form.line, line), "po/legalForm",
                "check <legalForm> and <network>",
                "legal form '%s' is unusual for network '%s' (expected '%s')", po->legal_form.s,
                net ? net : "?", expected_legal_form(po->network));
    if (present(&po->federation) && !federation_fits(po->federation.s, po->network))
        WARN_AT(c, line_or(po->federation.line, line), "po/federation",
                "check <federation> and <network>",
                "federation '%s' does not usually gather POs of network '%s'", po->federation.s,
                net ? net : "?");

    check_address(c, &po->address, line, "po/address");

    int cline = line_or(po->contact.line, line);
    const tp_str *email = &po->contact.email;
    if (!present(email)) {
        missing(c, cline, "po/contact/email", "the contact's e-mail address");
    } else {
        const char *problem = tp_email_problem(email->s);
        if (problem)
            ERR_AT(c, line_or(email->line, cline), "po/contact/email",
                   "write one address like direction@ecole.be", "e-mail '%s' %s", email->s,
                   problem);
    }
    const tp_str *phone = &po->contact.phone;
    if (!present(phone)) {
        missing(c, cline, "po/contact/phone", "the contact's phone number");
    } else {
        const char *problem = tp_phone_problem(phone->s);
        if (problem)
            ERR_AT(c, line_or(phone->line, cline), "po/contact/phone",
                   "write e.g. 02 520 12 34, 0470 12 34 56 or +32 2 520 12 34", "phone '%s' %s",
                   phone->s, problem);
    }
}

/* --------------------------------------------------------------- schools */

static long school_pupils(const tp_school *s)
{
    long total = 0;
    for (int k = 0; k < 4; k++)
        if (s->pupils[k].set && s->pupils[k].v > 0)
            total += (long)s->pupils[k].v;
    return total;
}

static bool same_str(const tp_str *a, const tp_str *b)
{
    return a->s && b->s && strcmp(a->s, b->s) == 0;
}

static void check_pupils(checker *c, const tp_school *s, size_t i)
{
    char field[FIELD_MAX];
    int line = line_or(s->pupils_line, s->line);
    bool any = false;
    for (int k = 0; k < 4; k++) {
        const tp_num *n = &s->pupils[k];
        if (!n->set)
            continue;
        any = true;
        if (n->v <= 0)
            ERR_AT(c, line_or(n->line, line),
                   fieldf(field, "schools/school[%zu]/pupils/degree[@number='%d']", i + 1, k + 1),
                   "give the pupils enrolled in that degree on the reference date, or leave the "
                   "degree out",
                   "%lld pupils in degree %d; a degree that is listed must have pupils", n->v,
                   k + 1);
    }
    if (!any)
        ERR_AT(c, line, fieldf(field, "schools/school[%zu]/pupils", i + 1),
               "add <degree number=\"1\">…</degree> for each degree the school organises",
               "no pupil count is given");

    const tp_datefield *ref = &s->pupils_date;
    const tp_datefield *pub = &c->p->publication;
    if (ref->set && pub->set && tp_date_cmp(ref->v, pub->v) > 0) {
        char a[11], b[11];
        ERR_AT(c, line_or(ref->line, line),
               fieldf(field, "schools/school[%zu]/pupils/@referenceDate", i + 1),
               "use the last headcount known before publication (e.g. 1 October)",
               "reference date %s is after the publication date %s", tp_date_format(a, ref->v),
               tp_date_format(b, pub->v));
    }
}

static void check_school(checker *c, size_t i)
{
    const tp_school *s = &c->p->schools[i];
    char field[FIELD_MAX];
    int line = line_or(s->line, c->p->line);

    check_fase(c, &s->fase, line, fieldf(field, "schools/school[%zu]/fase", i + 1));
    for (size_t j = 0; j < i; j++)
        if (same_str(&s->fase, &c->p->schools[j].fase)) {
            char hint[96];
            snprintf(hint, sizeof hint,
                     "list each school once: merge it with school[%zu] (line %d)", j + 1,
                     c->p->schools[j].line);
            ERR_AT(c, line_or(s->fase.line, line), fieldf(field, "schools/school[%zu]/fase", i + 1),
                   hint, "FASE %s is already used by school[%zu]", s->fase.s, j + 1);
            break;
        }
    if (!present(&s->name))
        missing(c, line, fieldf(field, "schools/school[%zu]/name", i + 1), "the school's name");
    if (present(&s->bce))
        check_bce(c, &s->bce, line, fieldf(field, "schools/school[%zu]/bce", i + 1),
                  TP_BCE_ESTABLISHMENT);

    if (s->n_implantations == 0)
        ERR_AT(c, line, fieldf(field, "schools/school[%zu]/implantations", i + 1),
               "add the school's sites (<implantation>)", "the school has no implantation");
    for (size_t j = 0; j < s->n_implantations; j++) {
        const tp_implantation *im = &s->implantations[j];
        int iline = line_or(im->line, line);
        char prefix[FIELD_MAX];
        fieldf(prefix, "schools/school[%zu]/implantations/implantation[%zu]", i + 1, j + 1);
        check_fase(c, &im->fase, iline, fieldf(field, "%s/fase", prefix));
        /* The same site may serve two schools of a PO (a school and its CEFA),
         * so duplicates only count within one school. */
        for (size_t k = 0; k < j; k++)
            if (same_str(&im->fase, &s->implantations[k].fase)) {
                ERR_AT(c, line_or(im->fase.line, iline), fieldf(field, "%s/fase", prefix),
                       "list each implantation of a school once",
                       "implantation FASE %s is already listed as implantation[%zu]", im->fase.s,
                       k + 1);
                break;
            }
        check_address(c, &im->address, iline, fieldf(field, "%s/address", prefix));
    }
    check_pupils(c, s, i);
}

static const tp_school *find_school(const tp_profile *p, const char *fase, size_t *index)
{
    for (size_t i = 0; i < p->n_schools; i++)
        if (p->schools[i].fase.s && fase && strcmp(p->schools[i].fase.s, fase) == 0) {
            if (index)
                *index = i;
            return &p->schools[i];
        }
    return NULL;
}

/* ----------------------------------------------------------------- lots */

static bool is_device_lot(const tp_lot_wish *l)
{
    return l->device != TP_DEV_ACCESSORIES;
}

static void check_options(checker *c, const tp_lot_wish *l, size_t i)
{
    char field[FIELD_MAX];
    for (size_t j = 0; j < l->n_options; j++) {
        const tp_option *o = &l->options[j];
        int line = line_or(o->line, l->line);
        const char *code = tp_option_code(o->kind);
        bool needs_years =
            o->kind == TP_OPT_EXTENDED_WARRANTY || o->kind == TP_OPT_ACCIDENTAL_DAMAGE;
        if (needs_years && !o->years.set)
            ERR_AT(c, line,
                   fieldf(field, "equipment/lot[%zu]/options/option[%zu]/@years", i + 1, j + 1),
                   o->kind == TP_OPT_EXTENDED_WARRANTY
                       ? "add years=\"4\" (the total warranty wanted, 1 to 6 years)"
                       : "add years=\"3\" (the years of cover, 1 to 6)",
                   "option %s needs a number of years", code ? code : "?");
        else if (needs_years && (o->years.v < 1 || o->years.v > 6))
            ERR_AT(c, line_or(o->years.line, line),
                   fieldf(field, "equipment/lot[%zu]/options/option[%zu]/@years", i + 1, j + 1),
                   "give 1 to 6 years", "%lld years is out of range", o->years.v);
        else if (!needs_years && o->years.set)
            WARN_AT(c, line,
                    fieldf(field, "equipment/lot[%zu]/options/option[%zu]/@years", i + 1, j + 1),
                    "remove years from this option", "years is ignored for option %s",
                    code ? code : "?");
        if (o->kind == TP_OPT_CHARGING_CART && !is_device_lot(l))
            ERR_AT(c, line, fieldf(field, "equipment/lot[%zu]/options/option[%zu]", i + 1, j + 1),
                   "move the charging cart to the laptop, chromebook or tablet lot",
                   "a charging cart cannot be an option of an accessories lot");
        for (size_t k = 0; k < j; k++)
            if (l->options[k].kind == o->kind) {
                ERR_AT(c, line,
                       fieldf(field, "equipment/lot[%zu]/options/option[%zu]", i + 1, j + 1),
                       "keep one option of each kind per lot",
                       "option %s is already given as option[%zu]", code ? code : "?", k + 1);
                break;
            }
    }
}

static void check_overrides(checker *c, const tp_lot_wish *l, size_t i)
{
    char field[FIELD_MAX];
    for (size_t j = 0; j < l->n_overrides; j++) {
        const tp_override *o = &l->overrides[j];
        int line = line_or(o->line, l->line);
        if (!o->ref.s || !*o->ref.s) {
            ERR_AT(c, line,
                   fieldf(field, "equipment/lot[%zu]/requirements/requirement[%zu]/@ref", i + 1,
                          j + 1),
                   "name the catalogue requirement to tighten, e.g. ref=\"ram\" (see "
                   "docs/REQUIREMENTS.md)",
                   "the requirement has an empty ref");
            continue;
        }
        if (!o->value.s || !*o->value.s)
            ERR_AT(c, line,
                   fieldf(field, "equipment/lot[%zu]/requirements/requirement[@ref='%s']/@value",
                          i + 1, o->ref.s),
                   "give the stricter value in the catalogue's unit, e.g. value=\"16\"",
                   "requirement %s has an empty value", o->ref.s);
        for (size_t k = 0; k < j; k++)
            if (same_str(&o->ref, &l->overrides[k].ref)) {
                ERR_AT(c, line,
                       fieldf(field, "equipment/lot[%zu]/requirements/requirement[%zu]/@ref", i + 1,
                              j + 1),
                       "keep one value per requirement",
                       "requirement %s is already tightened by requirement[%zu]", o->ref.s, k + 1);
                break;
            }
    }
}

/* School FASE numbers as "29, 30", for hints. */
static void put_school_list(tp_buf *b, const tp_profile *p)
{
    bool first = true;
    for (size_t i = 0; i < p->n_schools; i++)
        if (p->schools[i].fase.s) {
            tp_buf_printf(b, "%s%s", first ? "" : ", ", p->schools[i].fase.s);
            first = false;
        }
}

/* Returns false when the split itself is wrong (unknown school, duplicate,
 * wrong sum), so per-school shares are not judged on top of it. */
static bool check_allocations(checker *c, const tp_lot_wish *l, size_t i)
{
    if (l->n_allocations == 0)
        return true;
    size_t errors_before = c->d->nerrors;
    char field[FIELD_MAX];
    long long sum = 0;
    for (size_t j = 0; j < l->n_allocations; j++) {
        const tp_allocation *a = &l->allocations[j];
        int line = line_or(a->line, l->line);
        if (a->quantity.set)
            sum += a->quantity.v;
        if (a->quantity.set && a->quantity.v < 1)
            ERR_AT(c, line,
                   fieldf(field, "equipment/lot[%zu]/allocations/allocation[%zu]/@quantity", i + 1,
                          j + 1),
                   "give at least 1, or remove the allocation", "quantity %lld is not positive",
                   a->quantity.v);
        if (!find_school(c->p, a->school.s, NULL)) {
            tp_buf hint;
            tp_buf_init(&hint);
            tp_buf_puts(&hint, "use the FASE number of one of the schools: ");
            size_t before = hint.len;
            put_school_list(&hint, c->p);
            if (hint.len == before)
                tp_buf_puts(&hint, "(none listed)");
            ERR_AT(c, line,
                   fieldf(field, "equipment/lot[%zu]/allocations/allocation[%zu]/@school", i + 1,
                          j + 1),
                   tp_buf_cstr(&hint), "no school with FASE '%s' in <schools>",
                   a->school.s ? a->school.s : "");
            tp_buf_dispose(&hint);
        }
        for (size_t k = 0; k < j; k++)
            if (same_str(&a->school, &l->allocations[k].school)) {
                ERR_AT(c, line,
                       fieldf(field, "equipment/lot[%zu]/allocations/allocation[%zu]/@school",
                              i + 1, j + 1),
                       "give one allocation per school and lot",
                       "school %s already has allocation[%zu] in this lot", a->school.s, k + 1);
                break;
            }
    }
    if (l->quantity.set && sum != l->quantity.v)
        ERR_AT(c, line_or(l->allocations[0].line, l->line),
               fieldf(field, "equipment/lot[%zu]/allocations", i + 1),
               "make the allocations add up to the lot quantity, or change <quantity>",
               "allocations add up to %lld but the lot quantity is %lld", sum, l->quantity.v);
    return c->d->nerrors == errors_before;
}

/* Returns whether every allocation list is consistent. */
static bool check_lots(checker *c)
{
    bool splits_ok = true;
    const tp_profile *p = c->p;
    char field[FIELD_MAX];
    if (p->n_lots == 0)
        ERR_AT(c, p->line, "equipment", "add at least one <lot>", "no lot is given");
    for (size_t i = 0; i < p->n_lots; i++) {
        const tp_lot_wish *l = &p->lots[i];
        int line = line_or(l->line, p->line);
        if (!l->quantity.set)
            missing(c, line, fieldf(field, "equipment/lot[%zu]/quantity", i + 1),
                    "the lot quantity");
        else if (l->quantity.v < 1)
            ERR_AT(c, line_or(l->quantity.line, line),
                   fieldf(field, "equipment/lot[%zu]/quantity", i + 1),
                   "give the number of items, at least 1", "quantity %lld is not positive",
                   l->quantity.v);
        if (l->unit_estimate.set && l->unit_estimate.v <= 0)
            ERR_AT(c, line_or(l->unit_estimate.line, line),
                   fieldf(field, "equipment/lot[%zu]/unitEstimate", i + 1),
                   "give a realistic unit price HTVA, or leave <unitEstimate> out to use the "
                   "catalogue's",
                   "unit estimate is 0.00 €; the procedure is chosen from the estimate");
        check_options(c, l, i);
        check_overrides(c, l, i);
        if (!check_allocations(c, l, i))
            splits_ok = false;
    }
    return splits_ok;
}

/* The 5 % rule: the PO's devices must reach its minimum loan stock, and when
 * every device lot is split by school, so must each school's share. */
static void check_minimum_stock(checker *c, bool splits_ok)
{
    const tp_profile *p = c->p;
    long pupils = 0, stock = 0;
    for (size_t i = 0; i < p->n_schools; i++) {
        long n = school_pupils(&p->schools[i]);
        pupils += n;
        stock += tp_minimum_stock(n);
    }
    long long devices = 0;
    size_t device_lots = 0, split_lots = 0, last_device_lot = 0;
    for (size_t i = 0; i < p->n_lots; i++)
        if (is_device_lot(&p->lots[i])) {
            device_lots++;
            last_device_lot = i;
            if (p->lots[i].quantity.set && p->lots[i].quantity.v > 0)
                devices += p->lots[i].quantity.v;
            if (p->lots[i].n_allocations > 0)
                split_lots++;
        }
    char field[FIELD_MAX];
    char hint[160];
    if (stock > 0 && devices < stock) {
        snprintf(hint, sizeof hint,
                 "order at least %ld laptops, chromebooks or tablets in total (accessories do "
                 "not count)",
                 stock);
        if (device_lots == 1) {
            const tp_lot_wish *l = &p->lots[last_device_lot];
            ERR_AT(c, line_or(l->quantity.line, l->line),
                   fieldf(field, "equipment/lot[%zu]/quantity", last_device_lot + 1), hint,
                   "%lld devices are below the PO's minimum stock of %ld (5 %% of %ld pupils, "
                   "rounded up per school)",
                   devices, stock, pupils);
        } else {
            ERR_AT(c, p->n_lots ? p->lots[0].line : p->line, "equipment", hint,
                   "%lld devices in total are below the PO's minimum stock of %ld (5 %% of %ld "
                   "pupils, rounded up per school)",
                   devices, stock, pupils);
        }
    }
    if (device_lots == 0 || split_lots != device_lots || !splits_ok)
        return;
    for (size_t s = 0; s < p->n_schools; s++) {
        const tp_school *school = &p->schools[s];
        long need = tp_minimum_stock(school_pupils(school));
        long long got = 0;
        for (size_t i = 0; i < p->n_lots; i++) {
            const tp_lot_wish *l = &p->lots[i];
            if (!is_device_lot(l))
                continue;
            for (size_t j = 0; j < l->n_allocations; j++)
                if (same_str(&l->allocations[j].school, &school->fase) &&
                    l->allocations[j].quantity.set)
                    got += l->allocations[j].quantity.v;
        }
        if (got < need) {
            snprintf(hint, sizeof hint,
                     "allocate at least %ld devices to FASE %s across the "
                     "device lots",
                     need, school->fase.s ? school->fase.s : "?");
            ERR_AT(c, line_or(school->line, p->line), fieldf(field, "schools/school[%zu]", s + 1),
                   hint,
                   "school %s receives %lld devices in the allocations, below its minimum stock "
                   "of %ld (5 %% of %ld pupils)",
                   school->fase.s ? school->fase.s : "?", got, need, school_pupils(school));
        }
    }
}

/* ---------------------------------------------------------------- award */

static void check_award(checker *c)
{
    const tp_profile *p = c->p;
    if (p->n_weights == 0)
        return; /* catalogue defaults */
    char field[FIELD_MAX];
    int award_line = line_or(p->award_line, p->weights[0].line);
    static const char *const known[] = {"price", "technical", "warranty", "delivery"};
    static const char why_price[] =
        "price must be a criterion with at least 1 point: offers in a supply tender are ranked "
        "by the published price formula";
    long long sum = 0;
    const tp_weight *price = NULL;
    size_t price_index = 0;
    for (size_t j = 0; j < p->n_weights; j++) {
        const tp_weight *w = &p->weights[j];
        int line = line_or(w->line, award_line);
        bool ok = false;
        for (size_t k = 0; k < sizeof known / sizeof *known; k++)
            if (w->criterion.s && strcmp(w->criterion.s, known[k]) == 0)
                ok = true;
        if (!ok) {
            ERR_AT(c, line, fieldf(field, "award/criterion[%zu]/@ref", j + 1),
                   "use price, technical, warranty or delivery", "unknown criterion '%s'",
                   w->criterion.s ? w->criterion.s : "");
            continue;
        }
        bool duplicate = false;
        for (size_t k = 0; k < j; k++)
            if (same_str(&w->criterion, &p->weights[k].criterion)) {
                ERR_AT(c, line, fieldf(field, "award/criterion[%zu]/@ref", j + 1),
                       "give each criterion once",
                       "criterion %s is already given as criterion[%zu]", w->criterion.s, k + 1);
                duplicate = true;
                break;
            }
        if (w->weight.set)
            sum += w->weight.v;
        if (!duplicate && strcmp(w->criterion.s, "price") == 0) {
            price = w;
            price_index = j;
        }
    }
    if (sum != 100)
        ERR_AT(c, award_line, "award",
               "adjust the weights so they total 100 (default: price 60, technical 25, warranty "
               "10, delivery 5)",
               "weights add up to %lld, not 100", sum);
    if (!price)
        ERR_AT(c, award_line, "award", why_price, "there is no price criterion");
    else if (!price->weight.set || price->weight.v < 1)
        ERR_AT(c, line_or(price->line, award_line),
               fieldf(field, "award/criterion[%zu]/@weight", price_index + 1), why_price,
               "the price criterion weighs %lld points", price->weight.set ? price->weight.v : 0);
}

/* ---------------------------------------------------------- dates, money */

static void check_dates(checker *c)
{
    const tp_profile *p = c->p;
    if (!p->publication.set)
        missing(c, p->line, "dates/publication", "the publication date");
    if (!p->delivery.set)
        missing(c, p->line, "dates/delivery", "the delivery date");
    if (!p->publication.set || !p->delivery.set)
        return;
    char a[11], b[11];
    long days = tp_date_diff(p->delivery.v, p->publication.v);
    static const char hint[] = "plan delivery at least 60 days after publication (35 days for "
                               "offers + 15 days of standstill + 10 days to evaluate)";
    if (days <= 0)
        ERR_AT(c, line_or(p->delivery.line, p->line), "dates/delivery", hint,
               "delivery %s is not after the publication date %s", tp_date_format(a, p->delivery.v),
               tp_date_format(b, p->publication.v));
    else if (days < TP_MIN_DELIVERY_DAYS)
        WARN_AT(c, line_or(p->delivery.line, p->line), "dates/delivery", hint,
                "delivery %s is only %ld days after publication (%s)",
                tp_date_format(a, p->delivery.v), days, tp_date_format(b, p->publication.v));
}

static void check_budget(checker *c)
{
    const tp_amount *b = &c->p->budget;
    if (b->set && b->v <= 0) {
        char m[32];
        ERR_AT(c, line_or(b->line, c->p->line), "budget",
               "give the budget available TVAC, or leave <budget> out", "budget is %s €",
               tp_money_format(m, b->v));
    }
}

static void check_head(checker *c)
{
    const tp_profile *p = c->p;
    if (!present(&p->reference) || !*p->reference.s)
        missing(c, p->line, "reference", "the tender reference");
    if (!present(&p->language) || strcmp(p->language.s, "fr") != 0)
        ERR_AT(c, line_or(p->language.line, p->line), "language", "write <language>fr</language>",
               "language '%s' is not supported; only fr is", p->language.s ? p->language.s : "");
    if (p->n_schools == 0)
        ERR_AT(c, p->line, "schools", "add at least one <school>", "no school is given");
}

tp_err tp_profile_check(const tp_profile *p, tp_diags *d)
{
    size_t errors_before = d->nerrors;
    checker c = {p, p->source ? p->source : "<profile>", d};
    check_head(&c);
    check_po(&c);
    for (size_t i = 0; i < p->n_schools; i++)
        check_school(&c, i);
    bool splits_ok = check_lots(&c);
    check_minimum_stock(&c, splits_ok);
    check_award(&c);
    check_dates(&c);
    check_budget(&c);
    return d->nerrors > errors_before ? TP_EINVALID : TP_OK;
}
