/* Loads templates/thresholds.xml into tp_rules: XSD first (clear messages for
 * a PO editing the file), then the rules XSD 1.0 cannot express. */
#include "thresholds.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "../core/money.h"
#include "../data/datafile.h"
#include "../xml/xmlsafe.h"

#define RULES_RESOURCE "templates/thresholds.xml"
#define RULES_SCHEMA "rules.xsd"

void tp_rules_free(tp_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_periods; i++)
        tp_thresholds_dispose(&r->periods[i]);
    free(r->periods);
    free(r->origin);
    free(r);
}

const tp_thresholds *tp_rules_for_date(const tp_rules *r, tp_date publication)
{
    if (!r)
        return NULL;
    for (size_t i = 0; i < r->n_periods; i++) {
        const tp_thresholds *t = &r->periods[i];
        if (tp_date_cmp(publication, t->valid_from) >= 0 &&
            tp_date_cmp(publication, t->valid_to) <= 0)
            return t;
    }
    return NULL;
}

/* Reading context: the file name for messages and whether anything failed. */
typedef struct reader {
    const char *file;
    tp_diags *d;
    size_t errors_before;
} reader;

static bool reader_failed(const reader *rd)
{
    return rd->d->nerrors > rd->errors_before;
}

static tp_date read_date_attr(reader *rd, xmlNodePtr node, const char *attr, const char *field)
{
    tp_date v = {0, 0, 0};
    char *s = tp_xml_attr(node, attr);
    if (!s || !tp_date_parse(&v, s))
        tp_diag_error(rd->d, rd->file, tp_xml_line(node), field,
                      "write a real calendar day as YYYY-MM-DD", "%s=\"%s\" is not a valid date",
                      attr, s ? s : "");
    free(s);
    return v;
}

static tp_cents read_money_child(reader *rd, xmlNodePtr parent, const char *name, const char *field)
{
    tp_cents v = 0;
    xmlNodePtr node = tp_xml_child(parent, name);
    char *s = tp_xml_text(node);
    if (!s || !tp_money_parse(&v, s))
        tp_diag_error(rd->d, rd->file, node ? tp_xml_line(node) : tp_xml_line(parent), field,
                      "write euros excluding VAT with two decimals, e.g. 140000.00",
                      "<%s> \"%s\" is not an amount", name, s ? s : "");
    free(s);
    return v;
}

/* The days attribute of parent/name (the XSD already bounds it to 0..365). */
static int read_days(reader *rd, xmlNodePtr parent, const char *name, const char *field)
{
    xmlNodePtr node = parent ? tp_xml_child(parent, name) : NULL;
    char *s = node ? tp_xml_attr(node, "days") : NULL;
    char *end = NULL;
    long v = s ? strtol(s, &end, 10) : -1;
    if (!s || *end != '\0' || v < 0 || v > 365) {
        tp_diag_error(rd->d, rd->file, node ? tp_xml_line(node) : 0, field,
                      "give a whole number of calendar days between 0 and 365",
                      "missing or invalid days=\"%s\"", s ? s : "");
        v = 0;
    }
    free(s);
    return (int)v;
}

static void read_period(reader *rd, xmlNodePtr node, size_t index, tp_thresholds *t)
{
    char field[96];
    snprintf(field, sizeof field, "rules/period[%zu]", index + 1);
    t->id = tp_xml_attr(node, "id");
    t->valid_from = read_date_attr(rd, node, "validFrom", field);
    t->valid_to = read_date_attr(rd, node, "validTo", field);

    char sub[128];
    snprintf(sub, sizeof sub, "%s/faibleMontant", field);
    t->faible_montant = read_money_child(rd, node, "faibleMontant", sub);
    snprintf(sub, sizeof sub, "%s/pnspp", field);
    t->pnspp = read_money_child(rd, node, "pnspp", sub);
    snprintf(sub, sizeof sub, "%s/euSubCentral", field);
    t->eu_sub_central = read_money_child(rd, node, "euSubCentral", sub);
    snprintf(sub, sizeof sub, "%s/euCentral", field);
    t->eu_central = read_money_child(rd, node, "euCentral", sub);
    t->source = tp_xml_text(tp_xml_child(node, "source"));
    if (reader_failed(rd))
        return;

    int line = tp_xml_line(node);
    if (tp_date_cmp(t->valid_from, t->valid_to) > 0)
        tp_diag_error(rd->d, rd->file, line, field, "swap the two dates",
                      "period %s ends (validTo) before it starts (validFrom)", t->id);
    if (!(t->faible_montant < t->pnspp && t->pnspp <= t->eu_sub_central &&
          t->faible_montant < t->eu_central))
        tp_diag_error(rd->d, rd->file, line, field,
                      "amounts must rise: faibleMontant < pnspp <= euSubCentral, and "
                      "faibleMontant < euCentral",
                      "thresholds of period %s are not in increasing order", t->id);
}

static int period_cmp(const void *a, const void *b)
{
    const tp_thresholds *x = a, *y = b;
    return tp_date_cmp(x->valid_from, y->valid_from);
}

static void check_periods(reader *rd, tp_rules *r, int root_line)
{
    qsort(r->periods, r->n_periods, sizeof *r->periods, period_cmp);
    for (size_t i = 1; i < r->n_periods; i++) {
        const tp_thresholds *prev = &r->periods[i - 1], *cur = &r->periods[i];
        if (tp_date_cmp(cur->valid_from, prev->valid_to) <= 0)
            tp_diag_error(rd->d, rd->file, root_line, "rules/period",
                          "make each period start after the previous one ends",
                          "periods %s and %s overlap", prev->id, cur->id);
        if (strcmp(cur->id, prev->id) == 0)
            tp_diag_error(rd->d, rd->file, root_line, "rules/period", "give each period its own id",
                          "two periods are named %s", cur->id);
    }
}

static void read_rules(reader *rd, xmlNodePtr root, tp_rules *r)
{
    size_t cap = 0;
    for (xmlNodePtr p = tp_xml_child(root, "period"); p; p = tp_xml_next(p, "period")) {
        tp_grow((void **)&r->periods, &cap, r->n_periods, sizeof *r->periods);
        tp_thresholds *t = &r->periods[r->n_periods];
        memset(t, 0, sizeof *t);
        read_period(rd, p, r->n_periods, t);
        r->n_periods++;
    }

    xmlNodePtr limits = tp_xml_child(root, "timeLimits");
    r->open_days = read_days(rd, limits, "open", "rules/timeLimits/open");
    r->electronic_reduction =
        read_days(rd, limits, "electronicReduction", "rules/timeLimits/electronicReduction");
    r->pndapp_days = read_days(rd, limits, "pndapp", "rules/timeLimits/pndapp");
    r->pnspp_days = read_days(rd, limits, "pnspp", "rules/timeLimits/pnspp");
    r->faible_days = read_days(rd, limits, "faibleMontant", "rules/timeLimits/faibleMontant");
    r->validity_days = read_days(rd, root, "tenderValidity", "rules/tenderValidity");
    r->standstill_days = read_days(rd, root, "standstill", "rules/standstill");

    xmlNodePtr vat = tp_xml_child(root, "vat");
    char *rate = vat ? tp_xml_attr(vat, "rate") : NULL;
    r->vat_rate = rate ? atoi(rate) : 0; /* the XSD bounds it to 0..100 */
    free(rate);

    if (reader_failed(rd))
        return;
    if (r->electronic_reduction >= r->open_days)
        tp_diag_error(rd->d, rd->file, limits ? tp_xml_line(limits) : 0,
                      "rules/timeLimits/electronicReduction",
                      "the reduction must be smaller than the open-procedure period",
                      "electronic reduction of %d days leaves no open-procedure period of %d days",
                      r->electronic_reduction, r->open_days);
    check_periods(rd, r, tp_xml_line(root));
}

/* A broken data file is the installation's problem, not the user's input. */
tp_err tp_rules_parse(tp_rules **out, const char *data, size_t len, const char *display_name,
                      tp_diags *d)
{
    *out = NULL;
    xmlDocPtr doc = NULL;
    tp_rules *r = NULL;
    reader rd = {display_name, d, d->nerrors};

    tp_err err = tp_datafile_parse(&doc, data, len, display_name, RULES_SCHEMA, d);
    if (err != TP_OK)
        goto cleanup;

    r = xcalloc(1, sizeof *r);
    r->origin = xstrdup(display_name);
    read_rules(&rd, xmlDocGetRootElement(doc), r);
    if (reader_failed(&rd)) {
        err = TP_ETEMPLATE;
        goto cleanup;
    }
    *out = r;
    r = NULL;

cleanup:
    tp_rules_free(r);
    xmlFreeDoc(doc);
    return err;
}

tp_err tp_rules_load(tp_rules **out, tp_diags *d)
{
    *out = NULL;
    tp_buf b;
    tp_buf_init(&b);
    char *name = NULL;
    tp_err err = tp_datafile_read(&b, &name, RULES_RESOURCE, d);
    if (err == TP_OK)
        err = tp_rules_parse(out, tp_buf_cstr(&b), b.len, name, d);
    free(name);
    tp_buf_dispose(&b);
    return err;
}
