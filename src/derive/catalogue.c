/* Loads templates/requirements.xml into tp_catalogue (XSD first, then the rules
 * XSD 1.0 cannot express), and applies profile overrides to requirements. */
#include "catalogue.h"

#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "../data/datafile.h"
#include "../xml/xmlsafe.h"

#define CATALOGUE_RESOURCE "templates/requirements.xml"
#define CATALOGUE_SCHEMA "catalogue.xsd"

/* ---- freeing, lookups, copies ------------------------------------------- */

static void device_dispose(tp_device_entry *e)
{
    free(e->title);
    free(e->cpv_main);
    for (size_t i = 0; i < e->n_cpv_extra; i++)
        free(e->cpv_extra[i]);
    free(e->cpv_extra);
    for (size_t i = 0; i < e->n_options; i++)
        free(e->options[i].label);
    free(e->options);
    for (size_t i = 0; i < e->n_reqs; i++)
        tp_requirement_dispose(&e->reqs[i]);
    free(e->reqs);
    for (size_t i = 0; i < e->n_scored; i++)
        tp_scored_dispose(&e->scored[i]);
    free(e->scored);
}

void tp_catalogue_free(tp_catalogue *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_devices; i++)
        device_dispose(&c->devices[i]);
    free(c->devices);
    for (size_t i = 0; i < c->n_award; i++)
        tp_criterion_dispose(&c->award[i].c);
    free(c->award);
    free(c->edition);
    free(c->origin);
    free(c);
}

const tp_device_entry *tp_catalogue_device(const tp_catalogue *c, tp_device device)
{
    for (size_t i = 0; c && i < c->n_devices; i++)
        if (c->devices[i].device == device)
            return &c->devices[i];
    return NULL;
}

const tp_requirement *tp_device_requirement(const tp_device_entry *e, const char *id)
{
    for (size_t i = 0; e && id && i < e->n_reqs; i++)
        if (strcmp(e->reqs[i].id, id) == 0)
            return &e->reqs[i];
    return NULL;
}

const tp_option_def *tp_device_option(const tp_device_entry *e, tp_option_kind kind)
{
    for (size_t i = 0; e && i < e->n_options; i++)
        if (e->options[i].kind == kind)
            return &e->options[i];
    return NULL;
}

const tp_award_default *tp_catalogue_award(const tp_catalogue *c, const char *id)
{
    for (size_t i = 0; c && id && i < c->n_award; i++)
        if (strcmp(c->award[i].c.id, id) == 0)
            return &c->award[i];
    return NULL;
}

void tp_requirement_copy(tp_requirement *dst, const tp_requirement *src)
{
    *dst = *src;
    dst->id = xstrdup(src->id);
    dst->label = xstrdup(src->label);
    dst->text = xstrdup(src->text);
    dst->unit = xstrdup(src->unit);
    dst->choices = NULL;
    if (src->n_choices) {
        dst->choices = xcalloc(src->n_choices, sizeof *dst->choices);
        for (size_t i = 0; i < src->n_choices; i++)
            dst->choices[i] = xstrdup(src->choices[i]);
    }
}

void tp_scored_copy(tp_scored *dst, const tp_scored *src)
{
    *dst = *src;
    dst->id = xstrdup(src->id);
    dst->label = xstrdup(src->label);
    dst->unit = xstrdup(src->unit);
}

/* ---- bounds as text, tightening ----------------------------------------- */

static void put_unit(tp_buf *b, const char *unit)
{
    if (unit && *unit)
        tp_buf_printf(b, " %s", unit);
}

char *tp_requirement_bound_text(const tp_requirement *req)
{
    tp_buf b;
    tp_buf_init(&b);
    char x[32], y[32];
    switch (req->op) {
    case TP_OP_GE:
        tp_buf_printf(&b, ">= %s", tp_dec_format(x, req->min));
        put_unit(&b, req->unit);
        break;
    case TP_OP_LE:
        tp_buf_printf(&b, "<= %s", tp_dec_format(x, req->max));
        put_unit(&b, req->unit);
        break;
    case TP_OP_RANGE:
        tp_buf_printf(&b, "%s..%s", tp_dec_format(x, req->min), tp_dec_format(y, req->max));
        put_unit(&b, req->unit);
        break;
    case TP_OP_EQ: tp_buf_printf(&b, "= %s", req->text ? req->text : ""); break;
    case TP_OP_ONEOF:
        tp_buf_puts(&b, "one of ");
        for (size_t i = 0; i < req->n_choices; i++)
            tp_buf_printf(&b, "%s%s", i ? "|" : "", req->choices[i]);
        break;
    case TP_OP_BOOL:
    case TP_OP_COUNT: tp_buf_puts(&b, "yes"); break;
    }
    return tp_buf_detach(&b);
}

static char *why_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *why_printf(const char *fmt, ...)
{
    tp_buf b;
    tp_buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    tp_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return tp_buf_detach(&b);
}

static bool parse_range(const char *value, tp_dec *lo, tp_dec *hi)
{
    const char *dots = strstr(value, "..");
    if (!dots)
        return false;
    char *left = xstrndup(value, (size_t)(dots - value));
    bool ok = tp_dec_parse(lo, left) && tp_dec_parse(hi, dots + 2);
    free(left);
    return ok;
}

static bool is_choice(const tp_requirement *req, const char *s, size_t len)
{
    for (size_t i = 0; i < req->n_choices; i++)
        if (strlen(req->choices[i]) == len && strncasecmp(req->choices[i], s, len) == 0)
            return true;
    return false;
}

/* oneof: the override must name a non-empty subset of the catalogue choices. */
static bool tighten_oneof(tp_requirement *req, const char *value, char **why, const char *cat)
{
    char **kept = NULL;
    size_t n = 0, cap = 0;
    bool ok = true;
    for (const char *p = value;; p++) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == 0 || !is_choice(req, p, len)) {
            *why = why_printf("'%.*s' is not one of the catalogue choices (%s)", (int)len, p, cat);
            ok = false;
            break;
        }
        for (size_t i = 0; i < req->n_choices; i++) /* keep the catalogue spelling */
            if (strlen(req->choices[i]) == len && strncasecmp(req->choices[i], p, len) == 0) {
                bool dup = false;
                for (size_t k = 0; k < n; k++)
                    dup = dup || strcmp(kept[k], req->choices[i]) == 0;
                if (!dup) {
                    tp_grow((void **)&kept, &cap, n, sizeof *kept);
                    kept[n++] = xstrdup(req->choices[i]);
                }
            }
        if (!bar)
            break;
        p = bar;
    }
    if (!ok) {
        for (size_t i = 0; i < n; i++)
            free(kept[i]);
        free(kept);
        return false;
    }
    bool stricter = n < req->n_choices;
    for (size_t i = 0; i < req->n_choices; i++)
        free(req->choices[i]);
    free(req->choices);
    req->choices = kept;
    req->n_choices = n;
    req->tightened = req->tightened || stricter;
    return true;
}

bool tp_requirement_tighten(tp_requirement *req, const char *value, char **why)
{
    *why = NULL;
    char *cat = tp_requirement_bound_text(req);
    tp_dec v, w;
    char x[32];
    bool ok = false;
    if (!value)
        value = "";
    switch (req->op) {
    case TP_OP_GE:
        if (!tp_dec_parse(&v, value))
            *why = why_printf("'%s' is not a number (catalogue: %s)", value, cat);
        else if (tp_dec_cmp(v, req->min) < 0)
            *why =
                why_printf("%s would loosen the catalogue minimum (%s)", tp_dec_format(x, v), cat);
        else {
            req->tightened = req->tightened || tp_dec_cmp(v, req->min) > 0;
            req->min = v;
            ok = true;
        }
        break;
    case TP_OP_LE:
        if (!tp_dec_parse(&v, value))
            *why = why_printf("'%s' is not a number (catalogue: %s)", value, cat);
        else if (tp_dec_cmp(v, req->max) > 0)
            *why =
                why_printf("%s would loosen the catalogue maximum (%s)", tp_dec_format(x, v), cat);
        else {
            req->tightened = req->tightened || tp_dec_cmp(v, req->max) < 0;
            req->max = v;
            ok = true;
        }
        break;
    case TP_OP_RANGE:
        if (!parse_range(value, &v, &w))
            *why = why_printf("'%s' is not a range MIN..MAX (catalogue: %s)", value, cat);
        else if (tp_dec_cmp(v, w) > 0)
            *why = why_printf("'%s' is an empty range: its minimum is above its maximum", value);
        else if (tp_dec_cmp(v, req->min) < 0 || tp_dec_cmp(w, req->max) > 0)
            *why = why_printf("%s would widen the catalogue range (%s)", value, cat);
        else {
            req->tightened =
                req->tightened || tp_dec_cmp(v, req->min) > 0 || tp_dec_cmp(w, req->max) < 0;
            req->min = v;
            req->max = w;
            ok = true;
        }
        break;
    case TP_OP_ONEOF: ok = tighten_oneof(req, value, why, cat); break;
    case TP_OP_EQ:
        ok = req->text && strcasecmp(value, req->text) == 0;
        if (!ok)
            *why = why_printf("'%s' differs from the catalogue value (%s); an exact-value "
                              "requirement can only be repeated",
                              value, cat);
        break;
    case TP_OP_BOOL:
    case TP_OP_COUNT:
        ok = strcasecmp(value, "yes") == 0 || strcasecmp(value, "true") == 0;
        if (!ok)
            *why = why_printf("'%s' would drop a yes/no requirement the catalogue makes "
                              "mandatory (catalogue: yes)",
                              value);
        break;
    }
    free(cat);
    return ok;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct reader {
    const char *file;
    tp_diags *d;
    size_t errors_before;
} reader;

static bool reader_failed(const reader *rd)
{
    return rd->d->nerrors > rd->errors_before;
}

/* Optional decimal attribute; *set tells whether it was there. */
static tp_dec read_dec_attr(reader *rd, xmlNodePtr node, const char *attr, const char *field,
                            bool *set)
{
    tp_dec v = {0, 0};
    char *s = tp_xml_attr(node, attr);
    *set = s != NULL;
    if (s && !tp_dec_parse(&v, s)) {
        tp_diag_error(rd->d, rd->file, tp_xml_line(node), field,
                      "write a decimal number with a dot, e.g. 13.3", "%s=\"%s\" is not a number",
                      attr, s);
        *set = false;
    }
    free(s);
    return v;
}

static tp_cents read_money(reader *rd, xmlNodePtr node, char *s, const char *field)
{
    tp_cents v = 0;
    if (!s || !tp_money_parse(&v, s))
        tp_diag_error(rd->d, rd->file, tp_xml_line(node), field,
                      "write euros excluding VAT with two decimals, e.g. 480.00",
                      "\"%s\" is not an amount", s ? s : "");
    free(s);
    return v;
}

static void read_requirement(reader *rd, xmlNodePtr node, const char *field, tp_requirement *r)
{
    int line = tp_xml_line(node);
    r->id = tp_xml_attr(node, "id");
    r->label = tp_xml_text(tp_xml_child(node, "label"));
    r->unit = tp_xml_attr(node, "unit");
    if (!r->unit)
        r->unit = xstrdup("");
    r->text = tp_xml_attr(node, "text");
    char *op = tp_xml_attr(node, "op");
    int opv = tp_req_op_from_code(op);
    free(op);
    r->op = opv < 0 ? TP_OP_BOOL : (tp_req_op)opv;
    bool has_min, has_max;
    r->min = read_dec_attr(rd, node, "min", field, &has_min);
    r->max = read_dec_attr(rd, node, "max", field, &has_max);
    size_t cap = 0;
    for (xmlNodePtr c = tp_xml_child(node, "choice"); c; c = tp_xml_next(c, "choice")) {
        tp_grow((void **)&r->choices, &cap, r->n_choices, sizeof *r->choices);
        r->choices[r->n_choices++] = tp_xml_text(c);
    }

    /* Each operator uses exactly its own attributes. */
    bool want_min = r->op == TP_OP_GE || r->op == TP_OP_RANGE;
    bool want_max = r->op == TP_OP_LE || r->op == TP_OP_RANGE;
    bool want_text = r->op == TP_OP_EQ, want_choices = r->op == TP_OP_ONEOF;
    if (want_min != has_min || want_max != has_max || want_text != (r->text != NULL) ||
        want_choices != (r->n_choices > 0))
        tp_diag_error(rd->d, rd->file, line, field,
                      "ge needs min; le needs max; range needs min and max; eq needs text; "
                      "oneof needs <choice> elements; bool needs none of them",
                      "requirement %s: the attributes do not match op=\"%s\"", r->id,
                      tp_req_op_code(r->op));
    else if (r->op == TP_OP_RANGE && tp_dec_cmp(r->min, r->max) > 0)
        tp_diag_error(rd->d, rd->file, line, field, "swap min and max",
                      "requirement %s: min is above max", r->id);
    for (size_t i = 0; i < r->n_choices; i++)
        for (size_t k = 0; k < i; k++)
            if (strcmp(r->choices[i], r->choices[k]) == 0)
                tp_diag_error(rd->d, rd->file, line, field, "list each choice once",
                              "requirement %s: choice %s appears twice", r->id, r->choices[i]);
}

static void read_scored(reader *rd, xmlNodePtr node, const char *field, tp_scored *s)
{
    s->id = tp_xml_attr(node, "id");
    s->label = tp_xml_text(tp_xml_child(node, "label"));
    s->unit = tp_xml_attr(node, "unit");
    if (!s->unit)
        s->unit = xstrdup("");
    char *kind = tp_xml_attr(node, "kind");
    s->kind = kind && strcmp(kind, "yesno") == 0 ? TP_SCORE_YESNO : TP_SCORE_LINEAR;
    free(kind);
    char *pts = tp_xml_attr(node, "maxPoints");
    s->max_points = pts ? atoi(pts) : 0; /* the XSD bounds it to 1..100 */
    free(pts);
    bool has_floor, has_target;
    s->floor = read_dec_attr(rd, node, "floor", field, &has_floor);
    s->target = read_dec_attr(rd, node, "target", field, &has_target);
    bool linear = s->kind == TP_SCORE_LINEAR;
    if (linear != has_floor || linear != has_target)
        tp_diag_error(rd->d, rd->file, tp_xml_line(node), field,
                      "a linear criterion needs floor and target; a yesno criterion needs neither",
                      "scored criterion %s: floor/target do not match its kind", s->id);
    else if (linear && tp_dec_cmp(s->floor, s->target) == 0)
        tp_diag_error(rd->d, rd->file, tp_xml_line(node), field,
                      "make target differ from floor (target below floor means lower is better)",
                      "scored criterion %s: floor equals target", s->id);
}

static const char *const basis_codes[TP_BASIS_COUNT] = {"device-extra-year", "device-year",
                                                        "device", "item"};

static void read_option(reader *rd, xmlNodePtr node, const char *field, tp_option_def *o)
{
    char *kind = tp_xml_attr(node, "kind"), *basis = tp_xml_attr(node, "basis");
    int k = tp_option_from_code(kind);
    if (k < 0)
        tp_diag_error(rd->d, rd->file, tp_xml_line(node), field, NULL, "unknown option kind %s",
                      kind ? kind : "");
    o->kind = k < 0 ? TP_OPT_EXTENDED_WARRANTY : (tp_option_kind)k;
    o->basis = TP_BASIS_DEVICE;
    for (int i = 0; i < TP_BASIS_COUNT; i++)
        if (basis && strcmp(basis, basis_codes[i]) == 0)
            o->basis = (tp_option_basis)i;
    free(kind);
    free(basis);
    o->unit_estimate = read_money(rd, node, tp_xml_attr(node, "unitEstimate"), field);
    char *per = tp_xml_attr(node, "devicesPerItem");
    o->devices_per_item = per ? atoi(per) : 0; /* the XSD bounds it to 1..1000 */
    free(per);
    o->label = tp_xml_text(tp_xml_child(node, "label"));
    if ((o->basis == TP_BASIS_ITEM) != (o->devices_per_item > 0))
        tp_diag_error(rd->d, rd->file, tp_xml_line(node), field,
                      "give devicesPerItem exactly when basis=\"item\"",
                      "option %s: devicesPerItem does not match its basis",
                      tp_option_code(o->kind));
}

/* The extended warranty is priced per year beyond the base warranty, so the
 * device must say what its base warranty is. */
static void check_warranty_base(reader *rd, const tp_device_entry *e, int line, const char *field)
{
    if (!tp_device_option(e, TP_OPT_EXTENDED_WARRANTY))
        return;
    const tp_requirement *w = tp_device_requirement(e, TP_WARRANTY_REQ);
    if (!w || w->op != TP_OP_GE || strcmp(w->unit, "years") != 0 || w->min.scale != 0)
        tp_diag_error(rd->d, rd->file, line, field,
                      "add <requirement id=\"warranty\" op=\"ge\" min=\"3\" unit=\"years\">",
                      "device %s offers an extended warranty but has no whole-years "
                      "\"warranty\" requirement giving its base warranty",
                      tp_device_code(e->device));
}

static void read_device(reader *rd, xmlNodePtr node, size_t index, tp_device_entry *e)
{
    char field[96], sub[160];
    char *id = tp_xml_attr(node, "id");
    snprintf(field, sizeof field, "catalogue/device[@id='%s']", id ? id : "");
    int dv = tp_device_from_code(id);
    if (dv < 0)
        tp_diag_error(rd->d, rd->file, tp_xml_line(node), field, NULL, "unknown device %s",
                      id ? id : "");
    free(id);
    (void)index;
    e->device = dv < 0 ? TP_DEV_LAPTOP : (tp_device)dv;
    e->title = tp_xml_text(tp_xml_child(node, "title"));
    e->cpv_main = tp_xml_text(tp_xml_child(node, "cpvMain"));
    size_t cap = 0;
    for (xmlNodePtr c = tp_xml_child(node, "cpvExtra"); c; c = tp_xml_next(c, "cpvExtra")) {
        tp_grow((void **)&e->cpv_extra, &cap, e->n_cpv_extra, sizeof *e->cpv_extra);
        e->cpv_extra[e->n_cpv_extra++] = tp_xml_text(c);
    }
    xmlNodePtr ue = tp_xml_child(node, "unitEstimate");
    snprintf(sub, sizeof sub, "%s/unitEstimate", field);
    e->unit_estimate = read_money(rd, ue ? ue : node, tp_xml_text(ue), sub);

    cap = 0;
    xmlNodePtr opts = tp_xml_child(node, "options");
    for (xmlNodePtr o = opts ? tp_xml_child(opts, "option") : NULL; o;
         o = tp_xml_next(o, "option")) {
        tp_grow((void **)&e->options, &cap, e->n_options, sizeof *e->options);
        tp_option_def *def = &e->options[e->n_options];
        memset(def, 0, sizeof *def);
        snprintf(sub, sizeof sub, "%s/options/option[%zu]", field, e->n_options + 1);
        read_option(rd, o, sub, def);
        if (tp_device_option(e, def->kind)) /* looks at the ones before it */
            tp_diag_error(rd->d, rd->file, tp_xml_line(o), sub, "keep one option of each kind",
                          "option %s appears twice", tp_option_code(def->kind));
        e->n_options++;
    }

    cap = 0;
    xmlNodePtr reqs = tp_xml_child(node, "requirements");
    for (xmlNodePtr r = reqs ? tp_xml_child(reqs, "requirement") : NULL; r;
         r = tp_xml_next(r, "requirement")) {
        tp_grow((void **)&e->reqs, &cap, e->n_reqs, sizeof *e->reqs);
        tp_requirement *req = &e->reqs[e->n_reqs];
        memset(req, 0, sizeof *req);
        char *rid = tp_xml_attr(r, "id");
        snprintf(sub, sizeof sub, "%s/requirements/requirement[@id='%s']", field, rid ? rid : "");
        if (tp_device_requirement(e, rid))
            tp_diag_error(rd->d, rd->file, tp_xml_line(r), sub, "give each requirement its own id",
                          "requirement %s appears twice", rid);
        free(rid);
        read_requirement(rd, r, sub, req);
        e->n_reqs++;
    }

    cap = 0;
    xmlNodePtr scored = tp_xml_child(node, "scored");
    for (xmlNodePtr s = scored ? tp_xml_child(scored, "criterion") : NULL; s;
         s = tp_xml_next(s, "criterion")) {
        tp_grow((void **)&e->scored, &cap, e->n_scored, sizeof *e->scored);
        tp_scored *sc = &e->scored[e->n_scored];
        memset(sc, 0, sizeof *sc);
        snprintf(sub, sizeof sub, "%s/scored/criterion[%zu]", field, e->n_scored + 1);
        read_scored(rd, s, sub, sc);
        for (size_t i = 0; i < e->n_scored; i++)
            if (strcmp(e->scored[i].id, sc->id) == 0)
                tp_diag_error(rd->d, rd->file, tp_xml_line(s), sub,
                              "give each scored criterion its own id",
                              "scored criterion %s appears twice", sc->id);
        e->n_scored++;
    }
    if (!reader_failed(rd))
        check_warranty_base(rd, e, tp_xml_line(node), field);
}

static const char *const formula_codes[TP_FORMULA_COUNT] = {"price-ratio", "technical-points",
                                                            "linear"};

static void read_award(reader *rd, xmlNodePtr node, const char *field, tp_award_default *a)
{
    tp_criterion *c = &a->c;
    c->id = tp_xml_attr(node, "id");
    c->label = tp_xml_text(tp_xml_child(node, "label"));
    c->formula_text = tp_xml_text(tp_xml_child(node, "formula"));
    c->unit = tp_xml_attr(node, "unit");
    if (!c->unit)
        c->unit = xstrdup("");
    char *w = tp_xml_attr(node, "weight"), *f = tp_xml_attr(node, "formula");
    char *above = tp_xml_attr(node, "aboveBaseWarranty");
    c->weight = w ? atoi(w) : 0; /* the XSD bounds it to 0..100 */
    c->formula = TP_FORMULA_PRICE_RATIO;
    for (int i = 0; i < TP_FORMULA_COUNT; i++)
        if (f && strcmp(f, formula_codes[i]) == 0)
            c->formula = (tp_formula)i;
    a->above_base_warranty = above ? atoi(above) : 0;
    free(w);
    free(f);
    free(above);
    bool has_floor, has_target;
    c->floor = read_dec_attr(rd, node, "floor", field, &has_floor);
    c->target = read_dec_attr(rd, node, "target", field, &has_target);
    bool linear = c->formula == TP_FORMULA_LINEAR;
    bool bounds = has_floor && has_target, relative = a->above_base_warranty > 0;
    bool ok = linear ? (bounds != relative && has_floor == has_target)
                     : (!has_floor && !has_target && !relative);
    if (!ok)
        tp_diag_error(rd->d, rd->file, tp_xml_line(node), field,
                      "a linear criterion needs floor and target, or aboveBaseWarranty; "
                      "other formulas need none of them",
                      "award criterion %s: its bounds do not match formula=\"%s\"", c->id,
                      formula_codes[c->formula]);
    else if (linear && bounds && tp_dec_cmp(c->floor, c->target) == 0)
        tp_diag_error(rd->d, rd->file, tp_xml_line(node), field, "make target differ from floor",
                      "award criterion %s: floor equals target", c->id);
}

static void read_catalogue(reader *rd, xmlNodePtr root, tp_catalogue *c)
{
    c->edition = tp_xml_attr(root, "edition");
    size_t cap = 0;
    for (xmlNodePtr n = tp_xml_child(root, "device"); n; n = tp_xml_next(n, "device")) {
        tp_grow((void **)&c->devices, &cap, c->n_devices, sizeof *c->devices);
        tp_device_entry *e = &c->devices[c->n_devices];
        memset(e, 0, sizeof *e);
        read_device(rd, n, c->n_devices, e);
        if (tp_catalogue_device(c, e->device)) /* among the earlier ones */
            tp_diag_error(rd->d, rd->file, tp_xml_line(n), "catalogue/device",
                          "describe each device type once", "device %s appears twice",
                          tp_device_code(e->device));
        c->n_devices++;
    }

    cap = 0;
    xmlNodePtr award = tp_xml_child(root, "award");
    int sum = 0;
    for (xmlNodePtr n = award ? tp_xml_child(award, "criterion") : NULL; n;
         n = tp_xml_next(n, "criterion")) {
        tp_grow((void **)&c->award, &cap, c->n_award, sizeof *c->award);
        tp_award_default *a = &c->award[c->n_award];
        memset(a, 0, sizeof *a);
        char field[96];
        snprintf(field, sizeof field, "catalogue/award/criterion[%zu]", c->n_award + 1);
        read_award(rd, n, field, a);
        if (tp_catalogue_award(c, a->c.id))
            tp_diag_error(rd->d, rd->file, tp_xml_line(n), field, "list each criterion once",
                          "award criterion %s appears twice", a->c.id);
        sum += a->c.weight;
        c->n_award++;
    }
    if (sum != 100)
        tp_diag_error(rd->d, rd->file, award ? tp_xml_line(award) : 0, "catalogue/award",
                      "adjust the weights so that they add up to 100",
                      "the default award weights add up to %d, not 100", sum);
    if (!tp_catalogue_award(c, "price"))
        tp_diag_error(rd->d, rd->file, award ? tp_xml_line(award) : 0, "catalogue/award",
                      "add <criterion id=\"price\" formula=\"price-ratio\">",
                      "the default award criteria have no price criterion");
}

/* A broken data file is the installation's problem, not the user's input. */
tp_err tp_catalogue_parse(tp_catalogue **out, const char *data, size_t len,
                          const char *display_name, tp_diags *d)
{
    *out = NULL;
    xmlDocPtr doc = NULL;
    tp_catalogue *c = NULL;
    reader rd = {display_name, d, d->nerrors};

    tp_err err = tp_datafile_parse(&doc, data, len, display_name, CATALOGUE_SCHEMA, d);
    if (err != TP_OK)
        goto cleanup;
    c = xcalloc(1, sizeof *c);
    c->origin = xstrdup(display_name);
    read_catalogue(&rd, xmlDocGetRootElement(doc), c);
    if (reader_failed(&rd)) {
        err = TP_ETEMPLATE;
        goto cleanup;
    }
    *out = c;
    c = NULL;

cleanup:
    tp_catalogue_free(c);
    xmlFreeDoc(doc);
    return err;
}

tp_err tp_catalogue_load(tp_catalogue **out, tp_diags *d)
{
    *out = NULL;
    tp_buf b;
    tp_buf_init(&b);
    char *name = NULL;
    tp_err err = tp_datafile_read(&b, &name, CATALOGUE_RESOURCE, d);
    if (err == TP_OK)
        err = tp_catalogue_parse(out, tp_buf_cstr(&b), b.len, name, d);
    free(name);
    tp_buf_dispose(&b);
    return err;
}
