/* tp_tender -> tender XML (schemas/tender.xsd, docs/TENDER.md).
 * One static writer per element group, named after the element it writes
 * (the libxlsxwriter habit). Elements carry human text, attributes carry
 * codes, numbers, money and dates, so an XSLT can read either with one step. */
#include "tender_xml.h"

#include <stdbool.h>
#include <string.h>

#include "../core/date.h"
#include "../core/money.h"

#ifndef TP_VERSION /* set by CMake from project(VERSION) */
#define TP_VERSION "0.0.0"
#endif

/* ---------------------------------------------------------------------------
 * Code tables the model headers do not provide
 * ------------------------------------------------------------------------- */

static const char *const score_kind_codes[TP_SCORE_COUNT] = {"linear", "yesno"};
static const char *const formula_codes[TP_FORMULA_COUNT] = {"price-ratio", "technical-points",
                                                            "linear"};
static const char *const authority_codes[] = {"sub-central", "central"};

static int code_index(const char *const *codes, int n, const char *s)
{
    if (s == NULL)
        return -1;
    for (int i = 0; i < n; i++)
        if (strcmp(codes[i], s) == 0)
            return i;
    return -1;
}

const char *tp_score_kind_code(tp_score_kind k)
{
    return (unsigned)k < TP_SCORE_COUNT ? score_kind_codes[k] : NULL;
}

int tp_score_kind_from_code(const char *s)
{
    return code_index(score_kind_codes, TP_SCORE_COUNT, s);
}

const char *tp_formula_code(tp_formula f)
{
    return (unsigned)f < TP_FORMULA_COUNT ? formula_codes[f] : NULL;
}

int tp_formula_from_code(const char *s)
{
    return code_index(formula_codes, TP_FORMULA_COUNT, s);
}

const char *tp_authority_code(tp_authority a)
{
    return (unsigned)a < 2u ? authority_codes[a] : NULL;
}

int tp_authority_from_code(const char *s)
{
    return code_index(authority_codes, 2, s);
}

/* ---------------------------------------------------------------------------
 * A minimal indenting writer over tp_buf
 * ------------------------------------------------------------------------- */

typedef struct xml_writer {
    tp_buf buf;
    int depth;
    tp_err err; /* TP_EINTERNAL once a required value was missing or invalid */
} xml_writer;

/* Records a broken invariant; writing goes on so the code stays linear. */
static void writer_fail(xml_writer *w)
{
    w->err = TP_EINTERNAL;
}

static void write_indent(xml_writer *w)
{
    for (int i = 0; i < w->depth; i++)
        tp_buf_put(&w->buf, "  ", 2);
}

/* "<name": attributes follow, then tag_open() or tag_empty(). */
static void tag_start(xml_writer *w, const char *name)
{
    write_indent(w);
    tp_buf_putc(&w->buf, '<');
    tp_buf_puts(&w->buf, name);
}

static void tag_open(xml_writer *w)
{
    tp_buf_puts(&w->buf, ">\n");
    w->depth++;
}

static void tag_empty(xml_writer *w)
{
    tp_buf_puts(&w->buf, "/>\n");
}

static void tag_end(xml_writer *w, const char *name)
{
    w->depth--;
    write_indent(w);
    tp_buf_puts(&w->buf, "</");
    tp_buf_puts(&w->buf, name);
    tp_buf_puts(&w->buf, ">\n");
}

/* Closes the start tag of a list: empty when n == 0 (returns false: no items). */
static bool tag_open_list(xml_writer *w, size_t n)
{
    if (n == 0) {
        tag_empty(w);
        return false;
    }
    tag_open(w);
    return true;
}

/* A required attribute: NULL means the derivation left a hole (or an enum had no code). */
static void attr(xml_writer *w, const char *name, const char *value)
{
    if (value == NULL) {
        writer_fail(w);
        return;
    }
    tp_buf_putc(&w->buf, ' ');
    tp_buf_puts(&w->buf, name);
    tp_buf_puts(&w->buf, "=\"");
    tp_buf_put_xml(&w->buf, value);
    tp_buf_putc(&w->buf, '"');
}

/* An optional attribute: left out when NULL or empty. */
static void attr_opt(xml_writer *w, const char *name, const char *value)
{
    if (value != NULL && value[0] != '\0')
        attr(w, name, value);
}

static void attr_long(xml_writer *w, const char *name, long long v)
{
    tp_buf_printf(&w->buf, " %s=\"%lld\"", name, v);
}

/* A count or quantity: the schema only allows non-negative integers. */
static void attr_count(xml_writer *w, const char *name, long long v)
{
    if (v < 0)
        writer_fail(w);
    attr_long(w, name, v);
}

static void attr_bool(xml_writer *w, const char *name, bool v)
{
    attr(w, name, v ? "true" : "false");
}

static void attr_money(xml_writer *w, const char *name, tp_cents c)
{
    char buf[32];
    if (c < 0) /* every amount of a tender is an estimate or a cap: never negative */
        writer_fail(w);
    attr(w, name, tp_money_format(buf, c));
}

static void attr_date(xml_writer *w, const char *name, tp_date d)
{
    char buf[11];
    if (!tp_date_valid(d)) {
        writer_fail(w);
        return;
    }
    attr(w, name, tp_date_format(buf, d));
}

static void attr_dec(xml_writer *w, const char *name, tp_dec d)
{
    char buf[32];
    if (d.scale < 0 || d.scale > 6 || d.num < 0) {
        writer_fail(w);
        return;
    }
    attr(w, name, tp_dec_format(buf, d));
}

/* <name>text</name> on one line; text is required. */
static void text_element(xml_writer *w, const char *name, const char *text)
{
    if (text == NULL) {
        writer_fail(w);
        return;
    }
    write_indent(w);
    tp_buf_putc(&w->buf, '<');
    tp_buf_puts(&w->buf, name);
    tp_buf_putc(&w->buf, '>');
    tp_buf_put_xml(&w->buf, text);
    tp_buf_puts(&w->buf, "</");
    tp_buf_puts(&w->buf, name);
    tp_buf_puts(&w->buf, ">\n");
}

/* Left out when NULL or empty. */
static void text_element_opt(xml_writer *w, const char *name, const char *text)
{
    if (text != NULL && text[0] != '\0')
        text_element(w, name, text);
}

/* ---------------------------------------------------------------------------
 * Element writers, in document order
 * ------------------------------------------------------------------------- */

/* Write the <generator> element: which program wrote the file. */
static void write_generator(xml_writer *w)
{
    tag_start(w, "generator");
    attr(w, "name", "tenderpack");
    attr(w, "version", TP_VERSION);
    tag_empty(w);
}

/* Write the <thresholds> element: the period of rules the derivation used. */
static void write_thresholds(xml_writer *w, const tp_thresholds *th)
{
    if (th == NULL) {
        writer_fail(w);
        return;
    }
    tag_start(w, "thresholds");
    attr(w, "period", th->id);
    attr_date(w, "validFrom", th->valid_from);
    attr_date(w, "validTo", th->valid_to);
    attr_money(w, "faibleMontant", th->faible_montant);
    attr_money(w, "pnspp", th->pnspp);
    attr_money(w, "euSubCentral", th->eu_sub_central);
    attr_money(w, "euCentral", th->eu_central);
    tag_open(w);
    text_element(w, "source", th->source);
    tag_end(w, "thresholds");
}

/* Write an <address> element (NUTS code only when the profile gave one). */
static void write_address(xml_writer *w, const tp_address *a)
{
    tag_start(w, "address");
    attr_opt(w, "nuts", a->nuts.s);
    tag_open(w);
    text_element(w, "street", a->street.s);
    text_element(w, "number", a->number.s);
    text_element(w, "postalCode", a->postal_code.s);
    text_element(w, "locality", a->locality.s);
    tag_end(w, "address");
}

/* Write the <contact> element: who answers the operators' questions. */
static void write_contact(xml_writer *w, const tp_contact *c)
{
    tag_start(w, "contact");
    tag_open(w);
    text_element(w, "name", c->name.s);
    text_element(w, "email", c->email.s);
    text_element(w, "phone", c->phone.s);
    tag_end(w, "contact");
}

/* Write the <signatory> element: who signs for the PO. */
static void write_signatory(xml_writer *w, const tp_signatory *s)
{
    tag_start(w, "signatory");
    tag_open(w);
    text_element(w, "name", s->name.s);
    text_element(w, "role", s->role.s);
    tag_end(w, "signatory");
}

/* Write the <buyer> element: the pouvoir organisateur, the contracting authority. */
static void write_buyer(xml_writer *w, const tp_po *po)
{
    const char *bce = po->bce.s;
    tp_buf vat, org_id;

    tp_buf_init(&vat);
    tp_buf_init(&org_id);
    if (bce != NULL) {
        tp_buf_printf(&vat, "BE%s", bce);
        tp_buf_printf(&org_id, "BE-BCE_KBO-%s", bce);
    }

    tag_start(w, "buyer");
    attr(w, "bce", bce);
    attr(w, "vat", bce ? tp_buf_cstr(&vat) : NULL);
    attr(w, "orgId", bce ? tp_buf_cstr(&org_id) : NULL);
    attr(w, "fase", po->fase.s);
    attr(w, "legalForm", po->legal_form.s);
    attr(w, "network", tp_network_code(po->network));
    attr_opt(w, "federation", po->federation.s);
    attr(w, "authority", tp_authority_code(po->authority));
    tag_open(w);
    text_element(w, "name", po->name.s);
    text_element(w, "networkLabel", tp_network_label_fr(po->network));
    write_address(w, &po->address);
    write_contact(w, &po->contact);
    write_signatory(w, &po->signatory);
    tag_end(w, "buyer");

    tp_buf_dispose(&vat);
    tp_buf_dispose(&org_id);
}

/* Write the <pupils> element of a school: headcount by degree and its date. */
static void write_pupils(xml_writer *w, const tp_school_figures *f)
{
    const tp_school *s = f->school;

    tag_start(w, "pupils");
    attr_count(w, "total", f->pupils);
    attr_count(w, "degrees2to4", f->pupils_degrees_2_4);
    if (s->pupils_date.set)
        attr_date(w, "referenceDate", s->pupils_date.v);
    tag_open(w);
    for (int i = 0; i < 4; i++) {
        if (!s->pupils[i].set)
            continue;
        if (s->pupils[i].v < 0)
            writer_fail(w);
        write_indent(w);
        tp_buf_printf(&w->buf, "<degree number=\"%d\">%lld</degree>\n", i + 1, s->pupils[i].v);
    }
    tag_end(w, "pupils");
}

/* Write an <implantation> element: one site of a school. */
static void write_implantation(xml_writer *w, const tp_implantation *im)
{
    tag_start(w, "implantation");
    attr(w, "fase", im->fase.s);
    tag_open(w);
    text_element_opt(w, "name", im->name.s);
    write_address(w, &im->address);
    tag_end(w, "implantation");
}

/* Write a <school> element: identity, sites, pupils and the figures derived from them. */
static void write_school(xml_writer *w, const tp_school_figures *f)
{
    const tp_school *s = f->school;

    if (s == NULL) {
        writer_fail(w);
        return;
    }
    tag_start(w, "school");
    attr(w, "fase", s->fase.s);
    attr_opt(w, "bce", s->bce.s);
    attr(w, "type", tp_school_type_code(s->type));
    attr_count(w, "minimumStock", f->minimum_stock);
    attr_money(w, "subsidyCap", f->subsidy_cap);
    attr_count(w, "devicesAllocated", f->devices_allocated);
    tag_open(w);
    text_element(w, "name", s->name.s);
    text_element(w, "typeLabel", tp_school_type_label_fr(s->type));
    write_pupils(w, f);
    tag_start(w, "implantations");
    if (tag_open_list(w, s->n_implantations)) {
        for (size_t i = 0; i < s->n_implantations; i++)
            write_implantation(w, &s->implantations[i]);
        tag_end(w, "implantations");
    }
    tag_end(w, "school");
}

/* Write the <schools> element: totals over the PO as attributes, then each school. */
static void write_schools(xml_writer *w, const tp_tender *t)
{
    tag_start(w, "schools");
    attr_count(w, "pupils", t->pupils);
    attr_count(w, "pupilsDegrees2to4", t->pupils_degrees_2_4);
    attr_count(w, "minimumStock", t->minimum_stock);
    attr_money(w, "subsidyCap", t->subsidy_cap);
    attr_count(w, "devices", t->devices);
    if (tag_open_list(w, t->n_schools)) {
        for (size_t i = 0; i < t->n_schools; i++)
            write_school(w, &t->schools[i]);
        tag_end(w, "schools");
    }
}

/* Write the <procedure> element: which procedure, why, and what it implies. */
static void write_procedure(xml_writer *w, const tp_tender *t)
{
    if (t->procedure == TP_PROC_AUTO) /* the derivation always resolves AUTO */
        writer_fail(w);
    tag_start(w, "procedure");
    attr(w, "code", tp_procedure_code(t->procedure));
    attr(w, "choice", t->procedure_chosen ? "auto" : "requested");
    attr(w, "publication", tp_publication_code(t->publication));
    attr_bool(w, "aboveEuThreshold", t->above_eu_threshold);
    attr_money(w, "euThreshold", t->eu_threshold);
    attr_bool(w, "espdRequired", t->espd_required);
    tag_open(w);
    text_element(w, "label", tp_procedure_label_fr(t->procedure));
    text_element(w, "legalBasis", tp_procedure_legal_basis(t->procedure));
    tag_end(w, "procedure");
}

/* Write the <estimate> element: the PO-wide amounts that chose the procedure. */
static void write_estimate(xml_writer *w, const tp_tender *t)
{
    tag_start(w, "estimate");
    attr_money(w, "htva", t->estimate_htva);
    attr_count(w, "vatRate", t->vat_rate);
    attr_money(w, "tva", t->estimate_tva);
    attr_money(w, "tvac", t->estimate_tvac);
    if (t->budget_tvac > 0)
        attr_money(w, "budgetTvac", t->budget_tvac);
    attr_money(w, "subsidyCap", t->subsidy_cap);
    tag_empty(w);
}

/* "2027-01-05T10:00:00+01:00": the deadline in Brussels time with its UTC offset. */
static void attr_deadline(xml_writer *w, const tp_tender *t)
{
    char date[11];
    int off = t->deadline_utc_offset;
    int abs_off = off < 0 ? -off : off;
    tp_buf s;

    if (!tp_date_valid(t->deadline) || t->deadline_hour < 0 || t->deadline_hour > 23 ||
        abs_off > 14 * 60) {
        writer_fail(w);
        return;
    }
    tp_buf_init(&s);
    tp_buf_printf(&s, "%sT%02d:00:00%c%02d:%02d", tp_date_format(date, t->deadline),
                  t->deadline_hour, off < 0 ? '-' : '+', abs_off / 60, abs_off % 60);
    attr(w, "deadline", tp_buf_cstr(&s));
    tp_buf_dispose(&s);
}

/* Write the <dates> element: publication, deadline and the periods behind it, delivery. */
static void write_dates(xml_writer *w, const tp_tender *t)
{
    tag_start(w, "dates");
    attr_date(w, "publication", t->publication_date);
    attr_deadline(w, t);
    attr_count(w, "minimumDays", t->minimum_days);
    attr_count(w, "appliedDays", t->applied_days);
    attr_count(w, "validityDays", t->validity_days);
    attr_count(w, "standstillDays", t->standstill_days);
    attr_date(w, "delivery", t->delivery_date);
    attr_bool(w, "electronicSubmission", t->profile->electronic);
    tag_empty(w);
}

/* Write a <cpv> element: the main code and any additional ones. */
static void write_cpv(xml_writer *w, const char *main_code, char *const *extra, size_t n_extra)
{
    tag_start(w, "cpv");
    attr(w, "main", main_code);
    if (tag_open_list(w, n_extra)) {
        for (size_t i = 0; i < n_extra; i++) {
            tag_start(w, "additional");
            attr(w, "code", extra[i]);
            tag_empty(w);
        }
        tag_end(w, "cpv");
    }
}

/* Write an <option> element: a priced option of a lot. */
static void write_option(xml_writer *w, const tp_lot_option_t *o)
{
    tag_start(w, "option");
    attr(w, "kind", tp_option_code(o->kind));
    if (o->years > 0)
        attr_long(w, "years", o->years);
    attr_count(w, "quantity", o->quantity);
    attr_money(w, "unitEstimate", o->unit_estimate);
    attr_money(w, "estimate", o->estimate);
    tag_open(w);
    text_element(w, "label", o->label);
    tag_end(w, "option");
}

/* Write a <requirement> element: a pass/fail minimum; only the bounds its operator uses. */
static void write_requirement(xml_writer *w, const tp_requirement *r)
{
    tag_start(w, "requirement");
    attr(w, "id", r->id);
    attr(w, "op", tp_req_op_code(r->op));
    if (r->op == TP_OP_GE || r->op == TP_OP_RANGE)
        attr_dec(w, "min", r->min);
    if (r->op == TP_OP_LE || r->op == TP_OP_RANGE)
        attr_dec(w, "max", r->max);
    attr_opt(w, "unit", r->unit);
    attr_bool(w, "tightened", r->tightened);
    tag_open(w);
    text_element(w, "label", r->label);
    if (r->op == TP_OP_EQ)
        text_element(w, "value", r->text);
    if (r->op == TP_OP_ONEOF) {
        if (r->n_choices == 0)
            writer_fail(w);
        for (size_t i = 0; i < r->n_choices; i++)
            text_element(w, "choice", r->choices[i]);
    }
    tag_end(w, "requirement");
}

/* Write a <scored> element: a technical feature that earns points. */
static void write_scored(xml_writer *w, const tp_scored *s)
{
    tag_start(w, "scored");
    attr(w, "id", s->id);
    attr(w, "kind", tp_score_kind_code(s->kind));
    if (s->kind == TP_SCORE_LINEAR) {
        attr_dec(w, "floor", s->floor);
        attr_dec(w, "target", s->target);
    }
    attr_opt(w, "unit", s->unit);
    attr_count(w, "maxPoints", s->max_points);
    tag_open(w);
    text_element(w, "label", s->label);
    tag_end(w, "scored");
}

/* Write a <lot> element: what is bought, its price estimate, its requirements and split. */
static void write_lot(xml_writer *w, const tp_lot *lot)
{
    tag_start(w, "lot");
    attr_count(w, "number", lot->number);
    attr(w, "id", lot->id);
    attr(w, "device", tp_device_code(lot->device));
    attr_count(w, "quantity", lot->quantity);
    attr_money(w, "unitEstimate", lot->unit_estimate);
    attr_money(w, "estimate", lot->estimate);
    tag_open(w);
    text_element(w, "title", lot->title);
    write_cpv(w, lot->cpv_main, lot->cpv_extra, lot->n_cpv_extra);

    tag_start(w, "options");
    if (tag_open_list(w, lot->n_options)) {
        for (size_t i = 0; i < lot->n_options; i++)
            write_option(w, &lot->options[i]);
        tag_end(w, "options");
    }
    tag_start(w, "requirements");
    if (tag_open_list(w, lot->n_reqs)) {
        for (size_t i = 0; i < lot->n_reqs; i++)
            write_requirement(w, &lot->reqs[i]);
        tag_end(w, "requirements");
    }
    tag_start(w, "scoredCriteria");
    if (tag_open_list(w, lot->n_scored)) {
        for (size_t i = 0; i < lot->n_scored; i++)
            write_scored(w, &lot->scored[i]);
        tag_end(w, "scoredCriteria");
    }
    tag_start(w, "allocations");
    if (tag_open_list(w, lot->n_allocs)) {
        for (size_t i = 0; i < lot->n_allocs; i++) {
            tag_start(w, "allocation");
            attr(w, "school", lot->allocs[i].school_fase);
            attr_count(w, "quantity", lot->allocs[i].quantity);
            tag_empty(w);
        }
        tag_end(w, "allocations");
    }
    tag_end(w, "lot");
}

/* Write the <lots> element. */
static void write_lots(xml_writer *w, const tp_tender *t)
{
    tag_start(w, "lots");
    if (t->n_lots == 0)
        writer_fail(w); /* a tender buys something */
    if (tag_open_list(w, t->n_lots)) {
        for (size_t i = 0; i < t->n_lots; i++)
            write_lot(w, &t->lots[i]);
        tag_end(w, "lots");
    }
}

/* Write a <criterion> element: an award criterion, its weight and published formula. */
static void write_criterion(xml_writer *w, const tp_criterion *c)
{
    tag_start(w, "criterion");
    attr(w, "id", c->id);
    attr_count(w, "weight", c->weight);
    attr(w, "formula", tp_formula_code(c->formula));
    if (c->formula == TP_FORMULA_LINEAR) {
        attr_dec(w, "floor", c->floor);
        attr_dec(w, "target", c->target);
    }
    attr_opt(w, "unit", c->unit);
    tag_open(w);
    text_element(w, "label", c->label);
    text_element(w, "formulaText", c->formula_text);
    tag_end(w, "criterion");
}

/* Write the <awardCriteria> element. */
static void write_award_criteria(xml_writer *w, const tp_tender *t)
{
    tag_start(w, "awardCriteria");
    if (t->n_criteria == 0)
        writer_fail(w); /* at least the price */
    if (tag_open_list(w, t->n_criteria)) {
        for (size_t i = 0; i < t->n_criteria; i++)
            write_criterion(w, &t->criteria[i]);
        tag_end(w, "awardCriteria");
    }
}

/* Write the <notes> element: French remarks for the PO. */
static void write_notes(xml_writer *w, const tp_tender *t)
{
    tag_start(w, "notes");
    if (tag_open_list(w, t->n_notes)) {
        for (size_t i = 0; i < t->n_notes; i++)
            text_element(w, "note", t->notes[i]);
        tag_end(w, "notes");
    }
}

/* Write the <tender> root element and everything in it. */
static void write_tender(xml_writer *w, const tp_tender *t)
{
    tp_buf_puts(&w->buf, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    tag_start(w, "tender");
    attr(w, "xmlns", TP_TENDER_XML_NS);
    attr(w, "version", TP_TENDER_XML_VERSION);
    tag_open(w);
    text_element(w, "reference", t->reference);
    text_element(w, "language", t->profile->language.s);
    write_generator(w);
    write_thresholds(w, t->thresholds);
    write_buyer(w, &t->profile->po);
    write_schools(w, t);
    write_procedure(w, t);
    write_estimate(w, t);
    write_dates(w, t);
    write_cpv(w, t->cpv_main, NULL, 0);
    write_lots(w, t);
    write_award_criteria(w, t);
    write_notes(w, t);
    tag_end(w, "tender");
}

tp_err tp_tender_write_xml(const tp_tender *t, tp_sink *out)
{
    xml_writer w = {.depth = 0, .err = TP_OK};
    tp_err err = TP_OK;

    if (t == NULL || t->profile == NULL || out == NULL)
        return TP_EINTERNAL;

    tp_buf_init(&w.buf);
    write_tender(&w, t);
    if (w.err != TP_OK) {
        err = w.err;
        goto cleanup;
    }
    if (tp_sink_write(out, w.buf.data, w.buf.len) != 0)
        err = TP_EIO;

cleanup:
    tp_buf_dispose(&w.buf);
    return err;
}
