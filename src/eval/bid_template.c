#include "bid_template.h"

#include <string.h>

#include "../core/xmlw.h"
#include "../input/tender_read.h"
#include "../model/tender.h"
#include "bid.h"

/* XML comments may not hold "--" nor end with "-". */
static void comment(tp_buf *b, const char *indent, const char *text)
{
    tp_buf_printf(b, "%s<!-- ", indent);
    char prev = 0;
    for (const char *p = text; *p; p++) {
        if (*p == '-' && prev == '-')
            tp_buf_putc(b, ' ');
        tp_buf_putc(b, *p);
        prev = *p;
    }
    if (prev == '-')
        tp_buf_putc(b, ' ');
    tp_buf_puts(b, " -->\n");
}

static void dec(tp_buf *b, tp_dec d)
{
    char s[32];
    tp_buf_puts(b, tp_dec_format(s, d));
}

static void unit_text(tp_buf *b, const char *unit)
{
    if (unit && *unit)
        tp_buf_printf(b, " %s", unit);
}

static void describe_req(tp_buf *b, const tp_requirement *r)
{
    tp_buf_printf(b, "%s : ", r->label);
    switch (r->op) {
    case TP_OP_GE: tp_buf_puts(b, "au moins "); dec(b, r->min); unit_text(b, r->unit); break;
    case TP_OP_LE: tp_buf_puts(b, "au plus "); dec(b, r->max); unit_text(b, r->unit); break;
    case TP_OP_RANGE:
        tp_buf_puts(b, "entre ");
        dec(b, r->min);
        tp_buf_puts(b, " et ");
        dec(b, r->max);
        unit_text(b, r->unit);
        break;
    case TP_OP_EQ: tp_buf_printf(b, "%s", r->text ? r->text : ""); break;
    case TP_OP_ONEOF:
        for (size_t i = 0; i < r->n_choices; i++)
            tp_buf_printf(b, "%s%s", i ? " ou " : "", r->choices[i]);
        break;
    case TP_OP_BOOL:
    case TP_OP_COUNT: tp_buf_puts(b, "oui ou non (oui exigé)"); break;
    }
    tp_buf_puts(b, " (exigence minimale)");
}

static void describe_scored(tp_buf *b, const tp_scored *s, bool with_label)
{
    if (with_label)
        tp_buf_printf(b, "%s : ", s->label);
    else
        tp_buf_puts(b, " ; ");
    if (s->kind == TP_SCORE_YESNO) {
        tp_buf_printf(b, "cotation : oui = %d points, non = 0", s->max_points);
    } else {
        tp_buf_puts(b, "cotation : 0 point à ");
        dec(b, s->floor);
        tp_buf_printf(b, ", %d points à ", s->max_points);
        dec(b, s->target);
        unit_text(b, s->unit);
    }
}

static const tp_scored *scored_by_id(const tp_lot *lot, const char *id)
{
    for (size_t i = 0; i < lot->n_scored; i++)
        if (!strcmp(lot->scored[i].id, id))
            return &lot->scored[i];
    return NULL;
}

static const tp_requirement *req_by_id(const tp_lot *lot, const char *id)
{
    for (size_t i = 0; i < lot->n_reqs; i++)
        if (!strcmp(lot->reqs[i].id, id))
            return &lot->reqs[i];
    return NULL;
}

static bool numeric(tp_req_op op)
{
    return op == TP_OP_GE || op == TP_OP_LE || op == TP_OP_RANGE;
}

static void value_line(tp_buf *b, const char *id, const char *unit)
{
    tp_buf_puts(b, "      <value ref=\"");
    tp_xmlw_text(b, id);
    tp_buf_putc(b, '"');
    if (unit && *unit) {
        tp_buf_puts(b, " unit=\"");
        tp_xmlw_text(b, unit);
        tp_buf_putc(b, '"');
    }
    tp_buf_puts(b, "></value>\n");
}

static const tp_criterion *criterion(const tp_tender *t, const char *id)
{
    for (size_t i = 0; i < t->n_criteria; i++)
        if (!strcmp(t->criteria[i].id, id))
            return &t->criteria[i];
    return NULL;
}

static void write_template(tp_buf *b, const tp_tender *t, const tp_lot *lot)
{
    tp_buf c;
    tp_buf_init(&c);
    char date[16];
    tp_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    tp_buf_printf(&c, "Offre pour le marché %s, lot %d : %s. Date limite de réception : %s à "
                      "%02d:00 (heure de Bruxelles). Complétez chaque valeur vide sans modifier les "
                      "attributs ref ; format décrit par schemas/bid.xsd.",
                  t->reference, lot->number, lot->title, tp_date_format(date, t->deadline),
                  t->deadline_hour);
    comment(b, "", tp_buf_cstr(&c));
    tp_buf_puts(b, "<bid xmlns=\"" TP_BID_NS "\" version=\"1\" tenderReference=\"");
    tp_xmlw_text(b, t->reference);
    tp_buf_puts(b, "\" receivedAt=\"\">\n"
                   "  <supplier vat=\"\">\n"
                   "    <name></name>\n"
                   "    <address country=\"BE\">\n"
                   "      <street></street>\n"
                   "      <number></number>\n"
                   "      <postalCode></postalCode>\n"
                   "      <locality></locality>\n"
                   "    </address>\n"
                   "    <contact>\n"
                   "      <name></name>\n"
                   "      <email></email>\n"
                   "      <phone></phone>\n"
                   "    </contact>\n");
    comment(b, "    ", "Personne habilitée à engager le soumissionnaire : une offre sans signataire "
                       "est écartée.");
    tp_buf_puts(b, "    <signatory>\n"
                   "      <name></name>\n"
                   "      <role></role>\n"
                   "    </signatory>\n"
                   "  </supplier>\n");
    tp_buf_printf(b, "  <lot number=\"%d\">\n", lot->number);
    tp_buf_puts(b, "    <product>\n      <brand></brand>\n      <model></model>\n    </product>\n");
    tp_buf_puts(b, "    <values>\n");
    for (size_t i = 0; i < lot->n_reqs; i++) {
        const tp_requirement *r = &lot->reqs[i];
        tp_buf_clear(&c);
        describe_req(&c, r);
        const tp_scored *s = scored_by_id(lot, r->id);
        if (s)
            describe_scored(&c, s, false);
        comment(b, "      ", tp_buf_cstr(&c));
        value_line(b, r->id, numeric(r->op) ? r->unit : NULL);
    }
    for (size_t i = 0; i < lot->n_scored; i++) {
        const tp_scored *s = &lot->scored[i];
        if (req_by_id(lot, s->id))
            continue;
        tp_buf_clear(&c);
        describe_scored(&c, s, true);
        comment(b, "      ", tp_buf_cstr(&c));
        value_line(b, s->id, s->kind == TP_SCORE_LINEAR ? s->unit : NULL);
    }
    tp_buf_puts(b, "    </values>\n    <priceSchedule>\n");
    tp_buf_clear(&c);
    tp_buf_printf(&c, "%s : %ld unités ; total = quantité × prix unitaire HTVA, en euros (ex. "
                      "455.50).",
                  lot->title, lot->quantity);
    comment(b, "      ", tp_buf_cstr(&c));
    tp_buf_printf(b, "      <line ref=\"devices\" quantity=\"%ld\" unitPrice=\"\" total=\"\"/>\n",
                  lot->quantity);
    tp_buf_puts(b, "    </priceSchedule>\n");
    if (lot->n_options == 0) {
        tp_buf_puts(b, "    <options/>\n");
    } else {
        tp_buf_puts(b, "    <options>\n");
        for (size_t i = 0; i < lot->n_options; i++) {
            const tp_lot_option_t *o = &lot->options[i];
            tp_buf_clear(&c);
            tp_buf_printf(&c, "Option exigée, comprise dans le prix comparé : %s", o->label);
            comment(b, "      ", tp_buf_cstr(&c));
            tp_buf_printf(b, "      <option kind=\"%s\"", tp_option_code(o->kind));
            if (o->years > 0)
                tp_buf_printf(b, " years=\"%d\"", o->years);
            tp_buf_printf(b, " quantity=\"%ld\" unitPrice=\"\" total=\"\"/>\n", o->quantity);
        }
        tp_buf_puts(b, "    </options>\n");
    }
    tp_buf_clear(&c);
    tp_buf_printf(&c, "HTVA = lignes + options ; TVA = %d %% du HTVA arrondi au cent ; TVAC = HTVA "
                      "+ TVA.",
                  t->vat_rate);
    comment(b, "    ", tp_buf_cstr(&c));
    tp_buf_puts(b, "    <totals htva=\"\" tva=\"\" tvac=\"\"/>\n");
    const tp_criterion *w = criterion(t, "warranty"), *dl = criterion(t, "delivery");
    tp_buf_clear(&c);
    tp_buf_puts(&c, "Garantie offerte, en années");
    if (w) {
        tp_buf_puts(&c, " ; critère d'attribution : ");
        tp_buf_puts(&c, w->formula_text);
    }
    comment(b, "    ", tp_buf_cstr(&c));
    tp_buf_puts(b, "    <warranty years=\"\"/>\n");
    tp_buf_clear(&c);
    tp_buf_puts(&c, "Délai de livraison, en jours calendrier");
    if (dl) {
        tp_buf_puts(&c, " ; critère d'attribution : ");
        tp_buf_puts(&c, dl->formula_text);
    }
    comment(b, "    ", tp_buf_cstr(&c));
    tp_buf_puts(b, "    <delivery days=\"\"/>\n  </lot>\n</bid>\n");
    tp_buf_dispose(&c);
}

tp_err tp_bid_template(tp_buf *out, xmlDocPtr tender_xml, int lot_number, tp_diags *d)
{
    tp_tender *t = NULL;
    tp_profile *p = NULL;
    tp_err rc = tp_tender_from_doc(&t, &p, tender_xml, "<tender>", d);
    if (rc != TP_OK)
        return rc;
    const tp_lot *lot = NULL;
    for (size_t i = 0; i < t->n_lots && !lot; i++)
        if (t->lots[i].number == lot_number)
            lot = &t->lots[i];
    if (!lot) {
        tp_diag_error(d, "<tender>", 0, "lots/lot/number", "give the number of one of its lots",
                      "the tender has no lot %d", lot_number);
        rc = TP_EUSAGE;
    } else {
        write_template(out, t, lot);
    }
    tp_tender_free(t);
    tp_profile_free(p);
    return rc;
}
