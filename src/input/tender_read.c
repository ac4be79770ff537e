/* Tender XML → tp_tender. After schema validation every attribute has the
 * right form, so the mapping only converts; a value the model cannot hold
 * (a deadline not on the hour) is reported, not guessed. */
#include "tender_read.h"

#include <stdlib.h>
#include <string.h>

#include "../core/io.h"
#include "../core/mem.h"
#include "../output/tender_xml.h"
#include "../xml/xmlsafe.h"

#define TENDER_SCHEMA "tender.xsd"

typedef struct mapper {
    const char *file;
    tp_diags *d;
    bool failed;
} mapper;

static void bad(mapper *m, xmlNodePtr n, const char *field, const char *hint, const char *msg)
{
    tp_diag_error(m->d, m->file, tp_xml_line(n), field, hint, "%s", msg);
    m->failed = true;
}

static char *attr(xmlNodePtr n, const char *name)
{
    return tp_xml_attr(n, name);
}

static long long attr_ll(xmlNodePtr n, const char *name)
{
    char *v = attr(n, name);
    long long r = v ? atoll(v) : 0;
    free(v);
    return r;
}

static tp_cents attr_money(xmlNodePtr n, const char *name)
{
    char *v = attr(n, name);
    tp_cents c = 0;
    if (v)
        tp_money_parse(&c, v);
    free(v);
    return c;
}

static bool attr_bool(xmlNodePtr n, const char *name)
{
    char *v = attr(n, name);
    bool r = v && (!strcmp(v, "true") || !strcmp(v, "1"));
    free(v);
    return r;
}

static tp_date attr_date(xmlNodePtr n, const char *name)
{
    char *v = attr(n, name);
    tp_date dt = {0, 0, 0};
    if (v)
        tp_date_parse(&dt, v);
    free(v);
    return dt;
}

/* Absent attribute: {0, 0}. */
static tp_dec attr_dec(xmlNodePtr n, const char *name)
{
    char *v = attr(n, name);
    tp_dec dd = {0, 0};
    if (v)
        tp_dec_parse(&dd, v);
    free(v);
    return dd;
}

static char *child_text(xmlNodePtr n, const char *name)
{
    return tp_xml_text(tp_xml_child(n, name));
}

static size_t count_children(xmlNodePtr parent, const char *name)
{
    size_t n = 0;
    for (xmlNodePtr c = tp_xml_child(parent, name); c; c = tp_xml_next(c, name))
        n++;
    return n;
}

static void read_requirement(mapper *m, tp_requirement *r, xmlNodePtr n)
{
    r->id = attr(n, "id");
    r->label = child_text(n, "label");
    char *op = attr(n, "op");
    int o = tp_req_op_from_code(op);
    free(op);
    r->op = o < 0 ? TP_OP_BOOL : (tp_req_op)o;
    r->min = attr_dec(n, "min");
    r->max = attr_dec(n, "max");
    r->unit = attr(n, "unit");
    r->tightened = attr_bool(n, "tightened");
    r->text = child_text(n, "value");
    r->n_choices = count_children(n, "choice");
    r->choices = r->n_choices ? xcalloc(r->n_choices, sizeof *r->choices) : NULL;
    size_t i = 0;
    for (xmlNodePtr c = tp_xml_child(n, "choice"); c; c = tp_xml_next(c, "choice"))
        r->choices[i++] = tp_xml_text(c);
    bool has_min = xmlHasProp(n, BAD_CAST "min") != NULL;
    bool has_max = xmlHasProp(n, BAD_CAST "max") != NULL;
    /* The schema cannot tie bounds to operators: a requirement without the
     * bound its operator needs could never be checked. */
    bool ok = true;
    switch (r->op) {
    case TP_OP_GE: ok = has_min; break;
    case TP_OP_LE: ok = has_max; break;
    case TP_OP_RANGE: ok = has_min && has_max; break;
    case TP_OP_EQ: ok = r->text != NULL; break;
    case TP_OP_ONEOF: ok = r->n_choices > 0; break;
    case TP_OP_BOOL:
    case TP_OP_COUNT: break;
    }
    if (!ok)
        bad(m, n, "lots/lot/requirements/requirement",
            "give @min for ge, @max for le, both for range, <value> for eq, <choice> for oneof",
            "a requirement lacks the bound its operator needs");
}

static void read_scored(mapper *m, tp_scored *s, xmlNodePtr n)
{
    s->id = attr(n, "id");
    s->label = child_text(n, "label");
    char *k = attr(n, "kind");
    int kind = tp_score_kind_from_code(k);
    free(k);
    s->kind = kind < 0 ? TP_SCORE_YESNO : (tp_score_kind)kind;
    s->floor = attr_dec(n, "floor");
    s->target = attr_dec(n, "target");
    s->unit = attr(n, "unit");
    s->max_points = (int)attr_ll(n, "maxPoints");
    if (s->kind == TP_SCORE_LINEAR && tp_dec_cmp(s->floor, s->target) == 0)
        bad(m, n, "lots/lot/scoredCriteria/scored", "give different @floor and @target",
            "a linear scored criterion needs @floor and @target that differ");
}

static void read_lot(mapper *m, tp_lot *lot, xmlNodePtr n)
{
    lot->number = (int)attr_ll(n, "number");
    lot->id = attr(n, "id");
    char *dev = attr(n, "device");
    int dv = tp_device_from_code(dev);
    free(dev);
    lot->device = dv < 0 ? TP_DEV_LAPTOP : (tp_device)dv;
    lot->title = child_text(n, "title");
    lot->quantity = (long)attr_ll(n, "quantity");
    lot->unit_estimate = attr_money(n, "unitEstimate");
    lot->estimate = attr_money(n, "estimate");
    xmlNodePtr cpv = tp_xml_child(n, "cpv");
    lot->cpv_main = attr(cpv, "main");
    lot->n_cpv_extra = count_children(cpv, "additional");
    lot->cpv_extra = lot->n_cpv_extra ? xcalloc(lot->n_cpv_extra, sizeof(char *)) : NULL;
    size_t i = 0;
    for (xmlNodePtr c = tp_xml_child(cpv, "additional"); c; c = tp_xml_next(c, "additional"))
        lot->cpv_extra[i++] = attr(c, "code");

    xmlNodePtr opts = tp_xml_child(n, "options");
    lot->n_options = count_children(opts, "option");
    lot->options = lot->n_options ? xcalloc(lot->n_options, sizeof *lot->options) : NULL;
    i = 0;
    for (xmlNodePtr c = tp_xml_child(opts, "option"); c; c = tp_xml_next(c, "option")) {
        tp_lot_option_t *o = &lot->options[i++];
        char *k = attr(c, "kind");
        int kind = tp_option_from_code(k);
        free(k);
        o->kind = kind < 0 ? TP_OPT_EXTENDED_WARRANTY : (tp_option_kind)kind;
        o->years = (int)attr_ll(c, "years");
        o->quantity = (long)attr_ll(c, "quantity");
        o->unit_estimate = attr_money(c, "unitEstimate");
        o->estimate = attr_money(c, "estimate");
        o->label = child_text(c, "label");
    }

    xmlNodePtr reqs = tp_xml_child(n, "requirements");
    lot->n_reqs = count_children(reqs, "requirement");
    lot->reqs = lot->n_reqs ? xcalloc(lot->n_reqs, sizeof *lot->reqs) : NULL;
    i = 0;
    for (xmlNodePtr c = tp_xml_child(reqs, "requirement"); c; c = tp_xml_next(c, "requirement"))
        read_requirement(m, &lot->reqs[i++], c);

    xmlNodePtr sc = tp_xml_child(n, "scoredCriteria");
    lot->n_scored = count_children(sc, "scored");
    lot->scored = lot->n_scored ? xcalloc(lot->n_scored, sizeof *lot->scored) : NULL;
    i = 0;
    for (xmlNodePtr c = tp_xml_child(sc, "scored"); c; c = tp_xml_next(c, "scored"))
        read_scored(m, &lot->scored[i++], c);

    xmlNodePtr al = tp_xml_child(n, "allocations");
    lot->n_allocs = count_children(al, "allocation");
    lot->allocs = lot->n_allocs ? xcalloc(lot->n_allocs, sizeof *lot->allocs) : NULL;
    i = 0;
    for (xmlNodePtr c = tp_xml_child(al, "allocation"); c; c = tp_xml_next(c, "allocation")) {
        lot->allocs[i].school_fase = attr(c, "school");
        lot->allocs[i++].quantity = (long)attr_ll(c, "quantity");
    }
}

static void read_criterion(mapper *m, tp_criterion *c, xmlNodePtr n)
{
    c->id = attr(n, "id");
    c->label = child_text(n, "label");
    c->formula_text = child_text(n, "formulaText");
    c->weight = (int)attr_ll(n, "weight");
    char *f = attr(n, "formula");
    int fo = tp_formula_from_code(f);
    free(f);
    c->formula = fo < 0 ? TP_FORMULA_LINEAR : (tp_formula)fo;
    c->floor = attr_dec(n, "floor");
    c->target = attr_dec(n, "target");
    c->unit = attr(n, "unit");
    if (c->formula == TP_FORMULA_LINEAR && tp_dec_cmp(c->floor, c->target) == 0)
        bad(m, n, "awardCriteria/criterion", "give different @floor and @target",
            "a linear award criterion needs @floor and @target that differ");
}

/* "2027-01-05T10:00:00+01:00": the model holds a date, an hour and an offset. */
static void read_deadline(mapper *m, tp_tender *t, xmlNodePtr dates)
{
    char *v = attr(dates, "deadline");
    bool ok = v && strlen(v) == 25;
    if (ok) {
        char date[11];
        memcpy(date, v, 10);
        date[10] = '\0';
        ok = tp_date_parse(&t->deadline, date) && !strncmp(v + 13, ":00:00", 6);
        t->deadline_hour = atoi(v + 11);
        int off = atoi(v + 20) * 60 + atoi(v + 23);
        t->deadline_utc_offset = v[19] == '-' ? -off : off;
    }
    if (!ok)
        bad(m, dates, "dates/deadline", "write the deadline on the hour, e.g. 2027-01-05T10:00:00+01:00",
            "the deadline must fall on the hour (minutes and seconds 00)");
    free(v);
}

static void read_buyer(tp_profile *p, xmlNodePtr b)
{
    p->po.name.s = child_text(b, "name");
    p->po.bce.s = attr(b, "bce");
    p->po.fase.s = attr(b, "fase");
    p->po.legal_form.s = attr(b, "legalForm");
    p->po.line = tp_xml_line(b);
    xmlNodePtr c = tp_xml_child(b, "contact");
    p->po.contact.name.s = child_text(c, "name");
    p->po.contact.email.s = child_text(c, "email");
    p->po.contact.phone.s = child_text(c, "phone");
    xmlNodePtr s = tp_xml_child(b, "signatory");
    p->po.signatory.name.s = child_text(s, "name");
    p->po.signatory.role.s = child_text(s, "role");
    xmlNodePtr a = tp_xml_child(b, "address");
    p->po.address.street.s = child_text(a, "street");
    p->po.address.number.s = child_text(a, "number");
    p->po.address.postal_code.s = child_text(a, "postalCode");
    p->po.address.locality.s = child_text(a, "locality");
    p->po.address.nuts.s = attr(a, "nuts");
}

tp_err tp_tender_from_doc(tp_tender **tender, tp_profile **profile, xmlDocPtr doc,
                          const char *display_name, tp_diags *d)
{
    *tender = NULL;
    *profile = NULL;
    tp_err rc = tp_xsd_validate(doc, TENDER_SCHEMA, display_name, d);
    if (rc != TP_OK)
        return rc;
    mapper m = {display_name, d, false};
    xmlNodePtr root = xmlDocGetRootElement(doc);
    tp_profile *p = xcalloc(1, sizeof *p);
    tp_tender *t = xcalloc(1, sizeof *t);
    t->profile = p;
    p->source = xstrdup(display_name);
    t->reference = child_text(root, "reference");
    p->reference.s = xstrdup(t->reference);
    p->language.s = child_text(root, "language");
    read_buyer(p, tp_xml_child(root, "buyer"));

    xmlNodePtr schools = tp_xml_child(root, "schools");
    t->pupils = (long)attr_ll(schools, "pupils");
    t->pupils_degrees_2_4 = (long)attr_ll(schools, "pupilsDegrees2to4");
    t->minimum_stock = (long)attr_ll(schools, "minimumStock");
    t->subsidy_cap = attr_money(schools, "subsidyCap");
    t->devices = (long)attr_ll(schools, "devices");

    xmlNodePtr proc = tp_xml_child(root, "procedure");
    char *code = attr(proc, "code");
    int pc = tp_procedure_from_code(code);
    free(code);
    t->procedure = pc < 0 ? TP_PROC_OPEN : (tp_procedure)pc;
    t->procedure_chosen = false;
    {
        char *choice = attr(proc, "choice");
        t->procedure_chosen = choice && !strcmp(choice, "auto");
        free(choice);
        char *pub = attr(proc, "publication");
        t->publication = !pub || !strcmp(pub, "none") ? TP_PUB_NONE
                         : !strcmp(pub, "bda")        ? TP_PUB_BDA
                                                      : TP_PUB_TED;
        free(pub);
    }
    t->above_eu_threshold = attr_bool(proc, "aboveEuThreshold");
    t->eu_threshold = attr_money(proc, "euThreshold");
    t->espd_required = attr_bool(proc, "espdRequired");

    xmlNodePtr est = tp_xml_child(root, "estimate");
    t->estimate_htva = attr_money(est, "htva");
    t->vat_rate = (int)attr_ll(est, "vatRate");
    t->estimate_tva = attr_money(est, "tva");
    t->estimate_tvac = attr_money(est, "tvac");
    t->budget_tvac = attr_money(est, "budgetTvac");

    xmlNodePtr dates = tp_xml_child(root, "dates");
    t->publication_date = attr_date(dates, "publication");
    t->minimum_days = (int)attr_ll(dates, "minimumDays");
    t->applied_days = (int)attr_ll(dates, "appliedDays");
    t->validity_days = (int)attr_ll(dates, "validityDays");
    t->standstill_days = (int)attr_ll(dates, "standstillDays");
    t->delivery_date = attr_date(dates, "delivery");
    read_deadline(&m, t, dates);

    t->cpv_main = attr(tp_xml_child(root, "cpv"), "main");

    xmlNodePtr lots = tp_xml_child(root, "lots");
    t->n_lots = count_children(lots, "lot");
    t->lots = xcalloc(t->n_lots ? t->n_lots : 1, sizeof *t->lots);
    size_t i = 0;
    for (xmlNodePtr c = tp_xml_child(lots, "lot"); c; c = tp_xml_next(c, "lot"))
        read_lot(&m, &t->lots[i++], c);

    xmlNodePtr crit = tp_xml_child(root, "awardCriteria");
    t->n_criteria = count_children(crit, "criterion");
    t->criteria = xcalloc(t->n_criteria ? t->n_criteria : 1, sizeof *t->criteria);
    i = 0;
    int weights = 0;
    for (xmlNodePtr c = tp_xml_child(crit, "criterion"); c; c = tp_xml_next(c, "criterion")) {
        read_criterion(&m, &t->criteria[i], c);
        weights += t->criteria[i++].weight;
    }
    if (weights != 100)
        bad(&m, crit, "awardCriteria", "make the criterion weights sum to 100",
            "the award criteria weights do not sum to 100");

    xmlNodePtr notes = tp_xml_child(root, "notes");
    t->n_notes = count_children(notes, "note");
    t->notes = t->n_notes ? xcalloc(t->n_notes, sizeof *t->notes) : NULL;
    i = 0;
    for (xmlNodePtr c = tp_xml_child(notes, "note"); c; c = tp_xml_next(c, "note"))
        t->notes[i++] = tp_xml_text(c);

    if (m.failed) {
        tp_tender_free(t);
        tp_profile_free(p);
        return TP_EINVALID;
    }
    *tender = t;
    *profile = p;
    return TP_OK;
}

tp_err tp_tender_parse(tp_tender **tender, tp_profile **profile, const char *data, size_t len,
                       const char *display_name, tp_diags *d)
{
    *tender = NULL;
    *profile = NULL;
    xmlDocPtr doc = NULL;
    tp_err rc = tp_xml_parse(&doc, data, len, display_name, d);
    if (rc == TP_OK)
        rc = tp_tender_from_doc(tender, profile, doc, display_name, d);
    xmlFreeDoc(doc);
    return rc;
}

tp_err tp_tender_read(tp_tender **tender, tp_profile **profile, const char *path, tp_diags *d)
{
    *tender = NULL;
    *profile = NULL;
    xmlDocPtr doc = NULL;
    tp_err rc = tp_xml_read(&doc, path, d);
    if (rc == TP_OK)
        rc = tp_tender_from_doc(tender, profile, doc, tp_display_name(path), d);
    xmlFreeDoc(doc);
    return rc;
}
