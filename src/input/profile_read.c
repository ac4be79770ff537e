#include "profile_read.h"

#include <errno.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/io.h"
#include "../core/mem.h"
#include "../xml/xmlsafe.h"

#define PROFILE_SCHEMA "school-profile.xsd"
/* Past this many schema errors the rest keep libxml2's raw node paths:
 * resolving each one walks the tree. */
#define MAX_REFINED_DIAGS 1000

typedef struct reader {
    const char *file;
    tp_diags *d;
    bool failed;
} reader;

/* ------------------------------------------------------------------ paths */

/* Elements that repeat get a position, so a message points at one of them. */
static bool is_repeated(const xmlChar *name)
{
    static const char *const repeated[] = {"school",      "implantation", "lot",      "option",
                                           "requirement", "allocation",   "criterion"};
    for (size_t i = 0; i < sizeof repeated / sizeof *repeated; i++)
        if (xmlStrcmp(name, BAD_CAST repeated[i]) == 0)
            return true;
    return false;
}

static int position_among_same_name(xmlNodePtr node)
{
    int pos = 1;
    for (xmlNodePtr s = node->prev; s; s = s->prev)
        if (s->type == XML_ELEMENT_NODE && xmlStrcmp(s->name, node->name) == 0)
            pos++;
    return pos;
}

static void put_segment(tp_buf *b, xmlNodePtr n)
{
    tp_buf_puts(b, (const char *)n->name);
    if (is_repeated(n->name)) {
        tp_buf_printf(b, "[%d]", position_among_same_name(n));
    } else if (xmlStrcmp(n->name, BAD_CAST "degree") == 0) {
        char *num = tp_xml_attr(n, "number");
        if (num)
            tp_buf_printf(b, "[@number='%s']", num);
        else
            tp_buf_printf(b, "[%d]", position_among_same_name(n));
        free(num);
    }
}

/* The field path used in every profile message: "po/bce",
 * "schools/school[2]/implantations/implantation[1]/fase"; the root is "profile". */
static char *profile_path(xmlNodePtr node)
{
    xmlNodePtr chain[TP_XML_MAX_DEPTH + 2];
    int n = 0;
    for (xmlNodePtr c = node;
         c && c->type == XML_ELEMENT_NODE && n < (int)(sizeof chain / sizeof *chain); c = c->parent)
        chain[n++] = c;
    if (n <= 1)
        return xstrdup(node && node->name ? (const char *)node->name : "profile");
    tp_buf b;
    tp_buf_init(&b);
    /* chain[n-1] is the root element: paths start below it. */
    for (int i = n - 2; i >= 0; i--) {
        put_segment(&b, chain[i]);
        if (i > 0)
            tp_buf_putc(&b, '/');
    }
    return tp_buf_detach(&b);
}

static char *attr_path(xmlNodePtr node, const char *attr)
{
    char *base = profile_path(node);
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_printf(&b, "%s/@%s", base, attr);
    free(base);
    return tp_buf_detach(&b);
}

/* ------------------------------------------- schema diagnostics, refined */

static bool segment_matches(xmlNodePtr n, const char *seg, size_t len)
{
    if (len == 1 && seg[0] == '*')
        return true;
    const char *colon = memchr(seg, ':', len);
    if (colon) {
        size_t plen = (size_t)(colon - seg);
        if (!n->ns || !n->ns->prefix || xmlStrlen(n->ns->prefix) != (int)plen ||
            memcmp(n->ns->prefix, seg, plen) != 0)
            return false;
        seg = colon + 1;
        len -= plen + 1;
    }
    return xmlStrlen(n->name) == (int)len && memcmp(n->name, seg, len) == 0;
}

/* Follows a path made by xmlGetNodePath ("/ * / *[3]" without spaces, or
 * "/profile/po") back to its element; NULL if it cannot. */
static xmlNodePtr resolve_node_path(xmlDocPtr doc, const char *path)
{
    if (!path || path[0] != '/')
        return NULL;
    xmlNodePtr cur = NULL;
    const char *p = path + 1;
    while (*p) {
        const char *end = strchr(p, '/');
        size_t seglen = end ? (size_t)(end - p) : strlen(p);
        const char *bracket = memchr(p, '[', seglen);
        size_t namelen = bracket ? (size_t)(bracket - p) : seglen;
        long want = 1;
        if (bracket) {
            char *stop = NULL;
            want = strtol(bracket + 1, &stop, 10);
            if (want < 1 || !stop || *stop != ']')
                return NULL;
        }
        if (namelen == 0 || p[0] == '@' || memchr(p, '(', namelen))
            return NULL;
        xmlNodePtr first = cur ? cur->children : doc->children;
        xmlNodePtr found = NULL;
        long count = 0;
        for (xmlNodePtr c = first; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || !segment_matches(c, p, namelen))
                continue;
            if (++count == want) {
                found = c;
                break;
            }
        }
        if (!found)
            return NULL;
        cur = found;
        if (!end)
            break;
        p = end + 1;
    }
    return cur;
}

static bool has_separated_bce(const char *s, char digits[11])
{
    int n = 0;
    bool sep = false;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            if (n < 10)
                digits[n] = *s;
            n++;
        } else if (*s == '.' || *s == ' ' || *s == '-') {
            sep = true;
        } else {
            return false;
        }
    }
    digits[n < 10 ? n : 10] = '\0';
    return sep && n == 10;
}

/* The attribute a schema message is about ("Element 'option', attribute
 * 'years': …"), copied into buf; NULL when it is about the element. */
static const char *message_attribute(const char *msg, char buf[64])
{
    const char *a = strstr(msg, "attribute '");
    if (!a)
        return NULL;
    a += strlen("attribute '");
    const char *end = strchr(a, '\'');
    if (!end || end == a || end - a >= 64)
        return NULL;
    memcpy(buf, a, (size_t)(end - a));
    buf[end - a] = '\0';
    return buf;
}

/* Fixes for value errors, by element or "element@attribute". The codes are
 * spelled out because libxml2's message lists them in braces, which the
 * shared message cleaner drops. */
static const struct {
    const char *key;
    const char *hint;
} value_hints[] = {
    {"reference", "use 1 to 40 letters, digits, '.', '_', '/' or '-', e.g. MON-2026-042"},
    {"language", "write fr"},
    {"fase", "write the FASE number with digits only, e.g. 826"},
    {"postalCode", "write the 4-digit postal code, e.g. 1070"},
    {"nuts", "use a NUTS-3 code such as BE100, or leave <nuts> out"},
    {"legalForm", "use one of: asbl, commune, province, cocof, wbe, autre"},
    {"network", "use one of: wbe, officiel-communal, officiel-provincial, officiel-cocof, "
                "libre-confessionnel, libre-non-confessionnel"},
    {"federation", "use one of: segec, cecp, cpeons, felsi, wbe (or leave <federation> out)"},
    {"authorityType", "use sub-central (every school PO) or central"},
    {"type", "use one of: secondaire-ordinaire, secondaire-specialise, secondaire-cefa"},
    {"procedure", "use one of: auto, faible-montant, pnspp, pndapp, open"},
    {"quantity", "write a whole number from 1 to 100000"},
    {"unitEstimate", "write euros HTVA with a dot and at most 2 decimals, e.g. 480.00"},
    {"budget", "write euros TVAC with a dot and at most 2 decimals, e.g. 30000.00"},
    {"publication", "write the date as YYYY-MM-DD, e.g. 2026-12-01"},
    {"delivery", "write the date as YYYY-MM-DD, e.g. 2027-03-01"},
    {"pupils@referenceDate", "write the date as YYYY-MM-DD, e.g. 2026-10-01"},
    {"degree@number", "write number=\"1\" to number=\"4\""},
    {"degree", "write a whole number of pupils, e.g. 180"},
    {"lot@device", "use one of: laptop, chromebook, tablet, accessories"},
    {"option@kind",
     "use one of: extended-warranty, accidental-damage, charging-cart, protective-sleeve"},
    {"option@years", "write a whole number of years from 1 to 6"},
    {"option@quantity", "write a whole number from 1 to 100000"},
    {"option@unitEstimate", "write euros HTVA with a dot and at most 2 decimals, e.g. 45.00"},
    {"allocation@school", "write the school's FASE number, e.g. 29"},
    {"allocation@quantity", "write a whole number from 1 to 100000"},
    {"criterion@ref", "use one of: price, technical, warranty, delivery"},
    {"criterion@weight", "write a whole number of points from 0 to 100"},
    {"submission@electronic", "write electronic=\"true\" or electronic=\"false\""},
};

static const char *value_hint(const char *element, const char *attr)
{
    char key[128];
    if (attr)
        snprintf(key, sizeof key, "%s@%s", element, attr);
    else
        snprintf(key, sizeof key, "%s", element);
    for (size_t i = 0; i < sizeof value_hints / sizeof *value_hints; i++)
        if (strcmp(key, value_hints[i].key) == 0)
            return value_hints[i].hint;
    return NULL;
}

/* How to fix a schema error on node, from the message kind first (structure),
 * then from the element or attribute (value formats). Caller frees; NULL when none. */
static char *schema_hint(xmlNodePtr node, const char *attr, const char *msg)
{
    const char *name = (const char *)node->name;
    if (strstr(msg, "No matching global declaration"))
        return xstrdup(
            "the root element must be <profile xmlns=\"urn:tenderpack:school-profile:1\" "
            "version=\"1\">");
    if (strstr(msg, "This element is not expected"))
        return xstrdup("check the element's spelling and place: children come in the fixed order "
                       "of docs/PROFILE.md; a required element may be missing before it");
    if (strstr(msg, "Missing child element"))
        return xstrdup("add the missing element named in the message (see docs/PROFILE.md)");
    if (strstr(msg, "Duplicate key-sequence"))
        return xstrdup("give each degree number (1 to 4) at most once per school");
    if (attr && strstr(msg, "is not allowed"))
        return xstrdup("remove the attribute (see docs/PROFILE.md for the allowed ones)");
    if (attr && strstr(msg, "is required but missing"))
        return xstrdup("add the attribute (see docs/PROFILE.md)");
    if (attr && strcmp(attr, "version") == 0)
        return xstrdup("write version=\"1\"");
    if (!attr && strcmp(name, "bce") == 0) {
        char *text = tp_xml_text(node);
        char digits[11];
        tp_buf b;
        tp_buf_init(&b);
        if (text && has_separated_bce(text, digits))
            tp_buf_printf(&b, "write the 10 digits without dots or spaces: %s", digits);
        else
            tp_buf_puts(&b, "write the BCE number as 10 digits without dots or spaces, "
                            "e.g. 0408211929 (old 9-digit numbers take a leading 0)");
        free(text);
        return tp_buf_detach(&b);
    }
    const char *hint = value_hint(name, attr);
    if (hint)
        return xstrdup(hint);
    if (strstr(msg, "[facet 'minLength']") || strstr(msg, "[facet 'maxLength']"))
        return xstrdup("fill in the element (not empty, within the length limit)");
    return NULL;
}

/* libxml2 names elements by node paths like "/ * / *[3]" that readers cannot
 * use: replace them with profile paths and add a fix. */
static void refine_schema_diags(xmlDocPtr doc, tp_diags *d, size_t first)
{
    for (size_t i = first; i < d->n && i < first + MAX_REFINED_DIAGS; i++) {
        tp_diag *e = &d->v[i];
        xmlNodePtr node = resolve_node_path(doc, e->field);
        if (!node)
            continue;
        char abuf[64];
        const char *attr = message_attribute(e->msg ? e->msg : "", abuf);
        free(e->field);
        e->field = attr ? attr_path(node, attr) : profile_path(node);
        if (!e->hint)
            e->hint = schema_hint(node, attr, e->msg ? e->msg : "");
    }
}

/* ---------------------------------------------------------------- leaves */

/* Trimmed text with inner runs of white space made one space (as xs:token). */
static char *collapse_space(char *s)
{
    if (!s)
        return NULL;
    char *w = s;
    bool space = false;
    for (const char *r = s; *r; r++) {
        if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
            space = true;
            continue;
        }
        if (space && w != s)
            *w++ = ' ';
        space = false;
        *w++ = *r;
    }
    *w = '\0';
    return s;
}

/* Schema validation makes these failures unlikely; they stay as errors so a
 * schema edit that loosens a type cannot slip a bad value through. */
static void bad_value(reader *r, xmlNodePtr node, const char *attr, const char *value,
                      const char *expected)
{
    char *field = attr ? attr_path(node, attr) : profile_path(node);
    tp_diag_error(r->d, r->file, tp_xml_line(node), field, "see docs/PROFILE.md for the format",
                  "'%s' is not %s", value, expected);
    free(field);
    r->failed = true;
}

static char *raw_value(xmlNodePtr node, const char *attr)
{
    return attr ? tp_xml_attr(node, attr) : tp_xml_text(node);
}

static void read_text(tp_str *out, xmlNodePtr node, const char *attr)
{
    if (!node)
        return;
    char *s = raw_value(node, attr);
    if (!s)
        return;
    out->s = collapse_space(s);
    out->line = tp_xml_line(node);
}

static void read_child_text(tp_str *out, xmlNodePtr parent, const char *name)
{
    read_text(out, tp_xml_child(parent, name), NULL);
}

static bool parse_long_long(long long *out, const char *s)
{
    if (!s || !*s)
        return false;
    errno = 0;
    char *end = NULL;
    long long v = strtoll(s, &end, 10);
    if (errno != 0 || !end || *end != '\0')
        return false;
    *out = v;
    return true;
}

static void read_num(reader *r, tp_num *out, xmlNodePtr node, const char *attr)
{
    if (!node)
        return;
    char *s = raw_value(node, attr);
    if (!s)
        return;
    out->line = tp_xml_line(node);
    if (parse_long_long(&out->v, s))
        out->set = true;
    else
        bad_value(r, node, attr, s, "a whole number");
    free(s);
}

static void read_amount(reader *r, tp_amount *out, xmlNodePtr node, const char *attr)
{
    if (!node)
        return;
    char *s = raw_value(node, attr);
    if (!s)
        return;
    out->line = tp_xml_line(node);
    if (tp_money_parse(&out->v, s))
        out->set = true;
    else
        bad_value(r, node, attr, s, "an amount in euros like 480.00");
    free(s);
}

static void read_date(reader *r, tp_datefield *out, xmlNodePtr node, const char *attr)
{
    if (!node)
        return;
    char *s = raw_value(node, attr);
    if (!s)
        return;
    out->line = tp_xml_line(node);
    if (tp_date_parse(&out->v, s))
        out->set = true;
    else
        bad_value(r, node, attr, s, "a calendar date written YYYY-MM-DD");
    free(s);
}

/* A code (enumeration) through its table; dflt when the node or attribute is absent. */
static int read_code(reader *r, xmlNodePtr node, const char *attr, int (*from_code)(const char *),
                     int dflt)
{
    if (!node)
        return dflt;
    char *s = raw_value(node, attr);
    if (!s)
        return dflt;
    int v = from_code(s);
    if (v < 0) {
        bad_value(r, node, attr, s, "a known code");
        v = dflt;
    }
    free(s);
    return v;
}

static int authority_from_code(const char *s)
{
    if (strcmp(s, "sub-central") == 0)
        return TP_AUTH_SUB_CENTRAL;
    if (strcmp(s, "central") == 0)
        return TP_AUTH_CENTRAL;
    return -1;
}

static size_t count_children(xmlNodePtr parent, const char *name)
{
    size_t n = 0;
    for (xmlNodePtr c = tp_xml_child(parent, name); c; c = tp_xml_next(c, name))
        n++;
    return n;
}

/* -------------------------------------------------------------- sections */

static void read_address(tp_address *a, xmlNodePtr node)
{
    if (!node)
        return;
    a->line = tp_xml_line(node);
    read_child_text(&a->street, node, "street");
    read_child_text(&a->number, node, "number");
    read_child_text(&a->postal_code, node, "postalCode");
    read_child_text(&a->locality, node, "locality");
    read_child_text(&a->nuts, node, "nuts");
}

static void read_po(reader *r, tp_po *po, xmlNodePtr node)
{
    if (!node)
        return;
    po->line = tp_xml_line(node);
    read_child_text(&po->name, node, "name");
    read_child_text(&po->bce, node, "bce");
    read_child_text(&po->fase, node, "fase");
    read_child_text(&po->legal_form, node, "legalForm");
    xmlNodePtr net = tp_xml_child(node, "network");
    po->network = (tp_network)read_code(r, net, NULL, tp_network_from_code, TP_NET_WBE);
    po->network_line = tp_xml_line(net);
    read_child_text(&po->federation, node, "federation");
    po->authority = (tp_authority)read_code(r, tp_xml_child(node, "authorityType"), NULL,
                                            authority_from_code, TP_AUTH_SUB_CENTRAL);
    read_address(&po->address, tp_xml_child(node, "address"));
    xmlNodePtr contact = tp_xml_child(node, "contact");
    if (contact) {
        po->contact.line = tp_xml_line(contact);
        read_child_text(&po->contact.name, contact, "name");
        read_child_text(&po->contact.email, contact, "email");
        read_child_text(&po->contact.phone, contact, "phone");
    }
    xmlNodePtr sig = tp_xml_child(node, "signatory");
    if (sig) {
        po->signatory.line = tp_xml_line(sig);
        read_child_text(&po->signatory.name, sig, "name");
        read_child_text(&po->signatory.role, sig, "role");
    }
}

static void read_pupils(reader *r, tp_school *s, xmlNodePtr node)
{
    if (!node)
        return;
    s->pupils_line = tp_xml_line(node);
    read_date(r, &s->pupils_date, node, "referenceDate");
    for (xmlNodePtr deg = tp_xml_child(node, "degree"); deg; deg = tp_xml_next(deg, "degree")) {
        tp_num number = {0};
        read_num(r, &number, deg, "number");
        if (!number.set)
            continue;
        if (number.v < 1 || number.v > 4) {
            char buf[32];
            snprintf(buf, sizeof buf, "%lld", number.v);
            bad_value(r, deg, "number", buf, "a degree from 1 to 4");
            continue;
        }
        read_num(r, &s->pupils[number.v - 1], deg, NULL);
    }
}

static void read_school(reader *r, tp_school *s, xmlNodePtr node)
{
    s->line = tp_xml_line(node);
    read_child_text(&s->fase, node, "fase");
    read_child_text(&s->name, node, "name");
    read_child_text(&s->bce, node, "bce");
    s->type = (tp_school_type)read_code(r, tp_xml_child(node, "type"), NULL,
                                        tp_school_type_from_code, TP_SCHOOL_ORDINAIRE);
    xmlNodePtr impls = tp_xml_child(node, "implantations");
    s->n_implantations = count_children(impls, "implantation");
    s->implantations =
        s->n_implantations ? xcalloc(s->n_implantations, sizeof *s->implantations) : NULL;
    size_t i = 0;
    for (xmlNodePtr im = tp_xml_child(impls, "implantation"); im && i < s->n_implantations;
         im = tp_xml_next(im, "implantation"), i++) {
        tp_implantation *dst = &s->implantations[i];
        dst->line = tp_xml_line(im);
        read_child_text(&dst->fase, im, "fase");
        read_child_text(&dst->name, im, "name");
        read_address(&dst->address, tp_xml_child(im, "address"));
    }
    read_pupils(r, s, tp_xml_child(node, "pupils"));
}

static void read_lot(reader *r, tp_lot_wish *lot, xmlNodePtr node)
{
    lot->line = tp_xml_line(node);
    lot->device = (tp_device)read_code(r, node, "device", tp_device_from_code, TP_DEV_LAPTOP);
    lot->device_line = lot->line;
    read_child_text(&lot->title, node, "title");
    read_num(r, &lot->quantity, tp_xml_child(node, "quantity"), NULL);
    read_amount(r, &lot->unit_estimate, tp_xml_child(node, "unitEstimate"), NULL);

    xmlNodePtr opts = tp_xml_child(node, "options");
    lot->n_options = count_children(opts, "option");
    lot->options = lot->n_options ? xcalloc(lot->n_options, sizeof *lot->options) : NULL;
    size_t i = 0;
    for (xmlNodePtr o = tp_xml_child(opts, "option"); o && i < lot->n_options;
         o = tp_xml_next(o, "option"), i++) {
        tp_option *dst = &lot->options[i];
        dst->line = tp_xml_line(o);
        dst->kind =
            (tp_option_kind)read_code(r, o, "kind", tp_option_from_code, TP_OPT_EXTENDED_WARRANTY);
        read_num(r, &dst->years, o, "years");
        read_num(r, &dst->quantity, o, "quantity");
        read_amount(r, &dst->unit_estimate, o, "unitEstimate");
    }

    xmlNodePtr reqs = tp_xml_child(node, "requirements");
    lot->n_overrides = count_children(reqs, "requirement");
    lot->overrides = lot->n_overrides ? xcalloc(lot->n_overrides, sizeof *lot->overrides) : NULL;
    i = 0;
    for (xmlNodePtr q = tp_xml_child(reqs, "requirement"); q && i < lot->n_overrides;
         q = tp_xml_next(q, "requirement"), i++) {
        tp_override *dst = &lot->overrides[i];
        dst->line = tp_xml_line(q);
        read_text(&dst->ref, q, "ref");
        read_text(&dst->value, q, "value");
    }

    xmlNodePtr allocs = tp_xml_child(node, "allocations");
    lot->n_allocations = count_children(allocs, "allocation");
    lot->allocations =
        lot->n_allocations ? xcalloc(lot->n_allocations, sizeof *lot->allocations) : NULL;
    i = 0;
    for (xmlNodePtr a = tp_xml_child(allocs, "allocation"); a && i < lot->n_allocations;
         a = tp_xml_next(a, "allocation"), i++) {
        tp_allocation *dst = &lot->allocations[i];
        dst->line = tp_xml_line(a);
        read_text(&dst->school, a, "school");
        read_num(r, &dst->quantity, a, "quantity");
    }
}

static bool is_true(const char *s)
{
    return strcmp(s, "true") == 0 || strcmp(s, "1") == 0;
}

static void read_profile(reader *r, tp_profile *p, xmlNodePtr root)
{
    p->line = tp_xml_line(root);
    read_child_text(&p->reference, root, "reference");
    read_child_text(&p->language, root, "language");
    read_po(r, &p->po, tp_xml_child(root, "po"));

    xmlNodePtr schools = tp_xml_child(root, "schools");
    p->n_schools = count_children(schools, "school");
    p->schools = p->n_schools ? xcalloc(p->n_schools, sizeof *p->schools) : NULL;
    size_t i = 0;
    for (xmlNodePtr s = tp_xml_child(schools, "school"); s && i < p->n_schools;
         s = tp_xml_next(s, "school"), i++)
        read_school(r, &p->schools[i], s);

    xmlNodePtr equipment = tp_xml_child(root, "equipment");
    p->n_lots = count_children(equipment, "lot");
    p->lots = p->n_lots ? xcalloc(p->n_lots, sizeof *p->lots) : NULL;
    i = 0;
    for (xmlNodePtr l = tp_xml_child(equipment, "lot"); l && i < p->n_lots;
         l = tp_xml_next(l, "lot"), i++)
        read_lot(r, &p->lots[i], l);

    xmlNodePtr award = tp_xml_child(root, "award");
    p->award_line = tp_xml_line(award);
    p->n_weights = count_children(award, "criterion");
    p->weights = p->n_weights ? xcalloc(p->n_weights, sizeof *p->weights) : NULL;
    i = 0;
    for (xmlNodePtr c = tp_xml_child(award, "criterion"); c && i < p->n_weights;
         c = tp_xml_next(c, "criterion"), i++) {
        tp_weight *w = &p->weights[i];
        w->line = tp_xml_line(c);
        read_text(&w->criterion, c, "ref");
        read_num(r, &w->weight, c, "weight");
    }

    read_amount(r, &p->budget, tp_xml_child(root, "budget"), NULL);
    xmlNodePtr dates = tp_xml_child(root, "dates");
    read_date(r, &p->publication, tp_xml_child(dates, "publication"), NULL);
    read_date(r, &p->delivery, tp_xml_child(dates, "delivery"), NULL);

    xmlNodePtr proc = tp_xml_child(root, "procedure");
    p->procedure = (tp_procedure)read_code(r, proc, NULL, tp_procedure_from_code, TP_PROC_AUTO);
    p->procedure_line = tp_xml_line(proc);

    p->electronic = true;
    char *el = tp_xml_attr(tp_xml_child(root, "submission"), "electronic");
    if (el)
        p->electronic = is_true(el);
    free(el);
}

/* ------------------------------------------------------------ public API */

tp_err tp_profile_parse(tp_profile **out, const char *data, size_t len, const char *display_name,
                        tp_diags *d)
{
    *out = NULL;
    xmlDocPtr doc = NULL;
    tp_profile *p = NULL;
    tp_err rc = tp_xml_parse(&doc, data, len, display_name, d);
    if (rc != TP_OK)
        goto cleanup;
    size_t first = d ? d->n : 0;
    rc = tp_xsd_validate(doc, PROFILE_SCHEMA, display_name, d);
    if (rc != TP_OK) {
        if (d)
            refine_schema_diags(doc, d, first);
        goto cleanup;
    }
    p = xcalloc(1, sizeof *p);
    p->source = xstrdup(display_name);
    reader r = {display_name, d, false};
    read_profile(&r, p, xmlDocGetRootElement(doc));
    if (r.failed) {
        rc = TP_EINVALID;
        goto cleanup;
    }
    *out = p;
    p = NULL;
cleanup:
    tp_profile_free(p);
    xmlFreeDoc(doc);
    return rc;
}

tp_err tp_profile_read(tp_profile **out, const char *path, tp_diags *d)
{
    *out = NULL;
    tp_buf b;
    tp_buf_init(&b);
    tp_err rc = tp_read_file(&b, path, TP_XML_MAX_BYTES, d);
    if (rc == TP_OK)
        rc = tp_profile_parse(out, tp_buf_cstr(&b), b.len, tp_display_name(path), d);
    tp_buf_dispose(&b);
    return rc;
}
