#include "eval_xml.h"

#include <stdio.h>
#include <string.h>

#include "../core/xmlw.h"
#include "../model/profile.h"
#include "score.h"

/* Output goes through a buffer flushed to the sink every 64 KiB, so 100 000
 * bids never sit twice in memory. */
typedef struct writer {
    tp_buf b;
    tp_sink *sink;
    bool failed;
} writer;

#define FLUSH_AT (64u * 1024u)

static void flush(writer *w, bool force)
{
    if (w->failed || (!force && w->b.len < FLUSH_AT) || w->b.len == 0)
        return;
    if (tp_sink_write(w->sink, w->b.data, w->b.len) != 0)
        w->failed = true;
    tp_buf_clear(&w->b);
}

static tp_err finish(writer *w)
{
    flush(w, true);
    tp_buf_dispose(&w->b);
    return w->failed ? TP_EIO : TP_OK;
}

static void puts_(writer *w, const char *s)
{
    tp_buf_puts(&w->b, s);
}

static void esc(writer *w, const char *s)
{
    tp_xmlw_text(&w->b, s ? s : "");
}

/* Numbers are formatted by hand: printf was half the time of writing the
 * evaluation of 100 000 bids. */

/* Decimal digits of v, at least min_digits (zero-padded), into buf; returns the length. */
static size_t fmt_u64(char *buf, uint64_t v, int min_digits)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while ((int)n < min_digits)
        tmp[n++] = '0';
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    return n;
}

/* v / 100 with two decimals ("12.05"); v >= 0 (amounts in cents, scores in hundredths). */
static const char *hundredths(char buf[32], int64_t v)
{
    uint64_t u = v < 0 ? 0 : (uint64_t)v;
    size_t n = fmt_u64(buf, u / 100, 1);
    buf[n++] = '.';
    n += fmt_u64(buf + n, u % 100, 2);
    buf[n] = '\0';
    return buf;
}

static void put_name(writer *w, const char *name)
{
    tp_buf_putc(&w->b, ' ');
    tp_buf_puts(&w->b, name);
    tp_buf_put(&w->b, "=\"", 2);
}

/* name="value" with a leading space; nothing when value is NULL. */
static void attr(writer *w, const char *name, const char *value)
{
    if (!value)
        return;
    put_name(w, name);
    esc(w, value);
    tp_buf_putc(&w->b, '"');
}

static void attr_n(writer *w, const char *name, long long v)
{
    char d[24];
    put_name(w, name);
    if (v < 0) {
        tp_buf_putc(&w->b, '-');
        v = -v;
    }
    tp_buf_put(&w->b, d, fmt_u64(d, (uint64_t)v, 1));
    tp_buf_putc(&w->b, '"');
}

static void attr_score(writer *w, const char *name, int64_t h)
{
    char s[32];
    put_name(w, name);
    tp_buf_puts(&w->b, hundredths(s, h));
    tp_buf_putc(&w->b, '"');
}

static void attr_money(writer *w, const char *name, tp_cents c)
{
    attr_score(w, name, c);
}

static void attr_bool(writer *w, const char *name, bool v)
{
    put_name(w, name);
    tp_buf_puts(&w->b, v ? "true\"" : "false\"");
}

/* "B0001"…, as tp_eval_bid_id, without printf. */
static const char *bid_id(char buf[24], size_t index)
{
    buf[0] = 'B';
    buf[1 + fmt_u64(buf + 1, (uint64_t)index + 1, 4)] = '\0';
    return buf;
}

static void element(writer *w, const char *indent, const char *name, const char *text)
{
    if (!text)
        return;
    tp_buf_puts(&w->b, indent);
    tp_buf_putc(&w->b, '<');
    tp_buf_puts(&w->b, name);
    tp_buf_putc(&w->b, '>');
    esc(w, text);
    tp_buf_put(&w->b, "</", 2);
    tp_buf_puts(&w->b, name);
    tp_buf_put(&w->b, ">\n", 2);
}

static void findings_xml(writer *w, const char *indent, const tp_findings *f)
{
    if (f->n == 0) {
        tp_buf_puts(&w->b, indent);
        tp_buf_puts(&w->b, "<findings/>\n");
        return;
    }
    tp_buf_printf(&w->b, "%s<findings>\n", indent);
    for (size_t i = 0; i < f->n; i++) {
        const tp_finding *x = &f->v[i];
        tp_buf_printf(&w->b, "%s  <finding", indent);
        attr(w, "code", x->code);
        attr(w, "severity", tp_fsev_code(x->sev));
        attr(w, "ref", x->ref);
        if (x->line > 0)
            attr_n(w, "line", x->line);
        puts_(w, ">\n");
        tp_buf_printf(&w->b, "%s    ", indent);
        element(w, "", "message", x->msg);
        tp_buf_printf(&w->b, "%s    ", indent);
        element(w, "", "basis", tp_finding_basis(x->code));
        tp_buf_printf(&w->b, "%s  </finding>\n", indent);
    }
    tp_buf_printf(&w->b, "%s</findings>\n", indent);
}

static void deadline_text(char buf[32], const tp_tender *t)
{
    char d[16];
    int off = t->deadline_utc_offset < 0 ? -t->deadline_utc_offset : t->deadline_utc_offset;
    snprintf(buf, 32, "%sT%02d:00:00%c%02d:%02d", tp_date_format(d, t->deadline), t->deadline_hour,
             t->deadline_utc_offset < 0 ? '-' : '+', off / 60, off % 60);
}

static void bid_xml(writer *w, const tp_evaluation *ev, size_t i)
{
    const tp_eval_bid *b = &ev->bids[i];
    char id[24];
    puts_(w, "    <bid");
    attr(w, "id", bid_id(id, i));
    attr(w, "source", b->source);
    attr_n(w, "index", (long long)b->index);
    attr(w, "status", b->excluded ? "excluded" : "regular");
    attr(w, "vat", b->vat);
    attr(w, "receivedAt", b->received_text);
    attr_bool(w, "late", b->late);
    puts_(w, ">\n");
    element(w, "      ", "supplier", b->name);
    findings_xml(w, "      ", &b->findings);
    puts_(w, "    </bid>\n");
    flush(w, false);
}

static void offer_xml(writer *w, const tp_evaluation *ev, const tp_lot *lot, const tp_offer *o)
{
    const tp_eval_bid *b = &ev->bids[o->bid];
    char id[24], v[40];
    puts_(w, "        <offer");
    attr(w, "bid", bid_id(id, o->bid));
    attr(w, "status", o->excluded ? "excluded" : "regular");
    if (!o->excluded)
        attr_n(w, "rank", o->rank);
    attr_bool(w, "winner", o->winner);
    attr_bool(w, "analysed", o->analysed);
    attr_bool(w, "abnormallyLow", o->abnormally_low);
    attr_bool(w, "corrected", o->corrected);
    attr(w, "vat", b->vat);
    attr_n(w, "warrantyYears", o->warranty_years);
    attr_n(w, "deliveryDays", o->delivery_days);
    puts_(w, ">\n");
    element(w, "          ", "supplier", b->name);
    puts_(w, "          <product>\n");
    element(w, "            ", "brand", o->brand);
    element(w, "            ", "model", o->model);
    puts_(w, "          </product>\n");
    puts_(w, "          <price");
    attr_money(w, "htva", o->htva);
    attr_money(w, "tva", o->tva);
    attr_money(w, "tvac", o->tvac);
    attr_money(w, "submittedHtva", o->submitted_htva);
    attr_money(w, "submittedTva", o->submitted_tva);
    attr_money(w, "submittedTvac", o->submitted_tvac);
    puts_(w, "/>\n");
    if (!o->excluded) {
        puts_(w, "          <scores");
        attr_score(w, "total", o->s_total);
        attr_score(w, "price", o->s_price);
        attr_score(w, "quality", o->s_quality);
        attr_score(w, "technical", o->s_technical);
        attr_score(w, "warranty", o->s_warranty);
        attr_score(w, "delivery", o->s_delivery);
        attr_score(w, "technicalPoints", tp_q_hundredths(o->technical_points));
        puts_(w, ">\n");
        for (size_t s = 0; s < lot->n_scored; s++) {
            const tp_scored *sc = &lot->scored[s];
            const tp_feature *f = &o->features[s];
            puts_(w, "            <feature");
            attr(w, "ref", sc->id);
            if (f->answered)
                attr(w, "value", sc->kind == TP_SCORE_YESNO ? (f->value.num ? "yes" : "no")
                                                            : tp_q_format(v, f->value));
            attr(w, "unit", sc->kind == TP_SCORE_YESNO ? NULL : sc->unit);
            attr_score(w, "points", tp_q_hundredths(f->points));
            attr_n(w, "maxPoints", sc->max_points);
            puts_(w, "/>\n");
        }
        puts_(w, "          </scores>\n");
    }
    findings_xml(w, "          ", &o->findings);
    puts_(w, "        </offer>\n");
    flush(w, false);
}

static void lot_xml(writer *w, const tp_evaluation *ev, const tp_lot_eval *le)
{
    const tp_lot *lot = le->lot;
    puts_(w, "    <lot");
    attr_n(w, "number", lot->number);
    attr(w, "id", lot->id);
    attr_n(w, "quantity", lot->quantity);
    attr_money(w, "estimate", lot->estimate);
    puts_(w, ">\n");
    element(w, "      ", "title", lot->title);
    puts_(w, "      <statistics");
    attr_n(w, "received", (long long)le->received);
    attr_n(w, "regular", (long long)le->regular);
    attr_n(w, "excluded", (long long)le->excluded);
    attr_n(w, "abnormallyLow", (long long)le->abnormally_low);
    if (le->regular) {
        attr_money(w, "lowest", le->lowest);
        attr_money(w, "highest", le->highest);
    }
    if (le->has_average) {
        attr_money(w, "average", le->average);
        attr_n(w, "averageCount", (long long)le->average_count);
        attr_money(w, "abnormalThreshold", le->alp_threshold);
    }
    puts_(w, "/>\n");
    if (le->regular) {
        const tp_offer *win = &le->offers[0];
        char id[24];
        puts_(w, "      <award");
        attr(w, "bid", tp_eval_bid_id(id, win->bid));
        attr(w, "vat", ev->bids[win->bid].vat);
        attr_money(w, "htva", win->htva);
        attr_money(w, "tvac", win->tvac);
        attr_score(w, "score", win->s_total);
        puts_(w, ">\n");
        element(w, "        ", "supplier", ev->bids[win->bid].name);
        puts_(w, "      </award>\n");
    }
    if (le->n_offers == 0) {
        puts_(w, "      <offers/>\n");
    } else {
        puts_(w, "      <offers>\n");
        for (size_t k = 0; k < le->n_offers; k++)
            offer_xml(w, ev, lot, &le->offers[k]);
        puts_(w, "      </offers>\n");
    }
    puts_(w, "    </lot>\n");
}

/* The buyer (with its legal form: the report names the body that decides)
 * and the published award criteria (the report's table headers). */
static void tender_extra_xml(writer *w, const tp_tender *t)
{
    const tp_profile *p = t->profile;
    if (p && p->po.name.s) {
        puts_(w, "    <buyer");
        attr(w, "legalForm", p->po.legal_form.s);
        tp_buf_putc(&w->b, '>');
        esc(w, p->po.name.s);
        puts_(w, "</buyer>\n");
    }
    if (t->n_criteria == 0)
        return;
    puts_(w, "    <criteria>\n");
    for (size_t i = 0; i < t->n_criteria; i++) {
        puts_(w, "      <criterion");
        attr(w, "id", t->criteria[i].id);
        attr_n(w, "weight", t->criteria[i].weight);
        tp_buf_putc(&w->b, '>');
        esc(w, t->criteria[i].label);
        puts_(w, "</criterion>\n");
    }
    puts_(w, "    </criteria>\n");
}

tp_err tp_evaluation_write_xml(const tp_evaluation *ev, tp_sink *out)
{
    const tp_tender *t = ev->tender;
    writer w = {{0}, out, false};
    tp_buf_init(&w.b);
    char dl[32];
    puts_(&w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<evaluation xmlns=\"" TP_EVAL_XML_NS
              "\" version=\"1\">\n");
    puts_(&w, "  <generator name=\"tenderpack\" version=\"" TP_VERSION "\"/>\n");
    puts_(&w, "  <tender");
    attr(&w, "reference", t->reference);
    attr(&w, "procedure", tp_procedure_code(t->procedure));
    attr(&w, "publication", tp_publication_code(t->publication));
    deadline_text(dl, t);
    attr(&w, "deadline", dl);
    attr_n(&w, "vatRate", t->vat_rate);
    attr_money(&w, "estimateHtva", t->estimate_htva);
    if (t->budget_tvac > 0)
        attr_money(&w, "budgetTvac", t->budget_tvac);
    attr_n(&w, "standstillDays", t->standstill_days);
    puts_(&w, ">\n");
    tender_extra_xml(&w, t);
    puts_(&w, "  </tender>\n");

    size_t excluded = 0;
    for (size_t i = 0; i < ev->n_bids; i++)
        excluded += ev->bids[i].excluded;
    puts_(&w, "  <bids");
    attr_n(&w, "count", (long long)ev->n_bids);
    attr_n(&w, "excluded", (long long)excluded);
    puts_(&w, ev->n_bids ? ">\n" : "/>\n");
    for (size_t i = 0; i < ev->n_bids; i++)
        bid_xml(&w, ev, i);
    if (ev->n_bids)
        puts_(&w, "  </bids>\n");

    puts_(&w, "  <lots>\n");
    for (size_t i = 0; i < t->n_lots; i++)
        lot_xml(&w, ev, &ev->lots[i]);
    puts_(&w, "  </lots>\n");
    puts_(&w, "  <summary");
    attr_money(&w, "awardsHtva", ev->awards_htva);
    attr_money(&w, "awardsTvac", ev->awards_tvac);
    if (t->budget_tvac > 0)
        attr_money(&w, "budgetTvac", t->budget_tvac);
    puts_(&w, "/>\n");
    findings_xml(&w, "  ", &ev->findings);
    puts_(&w, "</evaluation>\n");
    return finish(&w);
}

/* ------------------------------------------------------------------ text */

static void codes(writer *w, const tp_findings *f, bool only_substantial)
{
    bool first = true;
    for (size_t i = 0; i < f->n; i++) {
        if (only_substantial && f->v[i].sev != TP_FS_SUBSTANTIAL)
            continue;
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = !strcmp(f->v[k].code, f->v[i].code) &&
                   (!only_substantial || f->v[k].sev == TP_FS_SUBSTANTIAL);
        if (seen)
            continue;
        tp_buf_printf(&w->b, "%s%s", first ? "" : " ", f->v[i].code);
        first = false;
    }
}

/* s cut or padded to width characters (UTF-8 aware, so accents align). */
static void padded(writer *w, const char *s, size_t width)
{
    size_t chars = 0;
    const char *p = s ? s : "";
    for (; *p && chars < width; chars++) {
        size_t len = 1;
        while (((unsigned char)p[len] & 0xC0) == 0x80)
            len++;
        tp_buf_put(&w->b, p, len);
        p += len;
    }
    for (; chars < width; chars++)
        tp_buf_putc(&w->b, ' ');
}

static void findings_text(writer *w, const char *who, const tp_findings *f)
{
    for (size_t i = 0; i < f->n; i++) {
        tp_buf_printf(&w->b, "  %s %s [%s]%s%s : %s\n", who, f->v[i].code,
                      tp_fsev_code(f->v[i].sev), f->v[i].ref ? " " : "",
                      f->v[i].ref ? f->v[i].ref : "", f->v[i].msg);
        flush(w, false);
    }
}

tp_err tp_evaluation_write_text(const tp_evaluation *ev, tp_sink *out)
{
    const tp_tender *t = ev->tender;
    writer w = {{0}, out, false};
    tp_buf_init(&w.b);
    char dl[32], a[48], b[48], s[7][32], id[24];
    deadline_text(dl, t);
    tp_buf_printf(&w.b, "Évaluation des offres — marché %s%s%s%s\n", t->reference,
                  t->profile && t->profile->po.name.s ? " (" : "",
                  t->profile && t->profile->po.name.s ? t->profile->po.name.s : "",
                  t->profile && t->profile->po.name.s ? ")" : "");
    tp_buf_printf(&w.b, "Date limite de réception : %s — offres reçues : %zu\n", dl, ev->n_bids);
    for (size_t l = 0; l < t->n_lots; l++) {
        const tp_lot_eval *le = &ev->lots[l];
        tp_buf_printf(&w.b, "\nLot %d — %s (%ld unités, estimation %s HTVA)\n", le->lot->number,
                      le->lot->title, le->lot->quantity, tp_money_format_fr(a, le->lot->estimate));
        tp_buf_printf(&w.b, "  %-5s %-7s ", "Rang", "Offre");
        padded(&w, "Soumissionnaire", 28);
        tp_buf_printf(&w.b, " %16s %7s %7s %7s %7s %7s  %s\n", "Prix HTVA", "Prix", "Tech.", "Gar.",
                      "Livr.", "Total", "Remarques");
        for (size_t k = 0; k < le->n_offers; k++) {
            const tp_offer *o = &le->offers[k];
            const tp_eval_bid *eb = &ev->bids[o->bid];
            char rank[16];
            snprintf(rank, sizeof rank, "%d", o->rank);
            tp_buf_printf(&w.b, "  %-5s %-7s ", o->excluded ? "-" : rank, tp_eval_bid_id(id, o->bid));
            padded(&w, eb->name ? eb->name : "?", 28);
            if (o->excluded) {
                tp_buf_printf(&w.b, " %16s  écartée : ", tp_money_format(a, o->htva));
                codes(&w, &eb->findings, true);
                if (tp_findings_substantial(&eb->findings) && tp_findings_substantial(&o->findings))
                    puts_(&w, " ");
                codes(&w, &o->findings, true);
                puts_(&w, "\n");
            } else {
                tp_buf_printf(&w.b, " %16s %7s %7s %7s %7s %7s  ", tp_money_format(a, o->htva),
                              hundredths(s[0], o->s_price), hundredths(s[1], o->s_technical),
                              hundredths(s[2], o->s_warranty), hundredths(s[3], o->s_delivery),
                              hundredths(s[4], o->s_total));
                const char *notes[4];
                size_t nn = 0;
                if (o->winner)
                    notes[nn++] = "attribution proposée";
                if (o->abnormally_low)
                    notes[nn++] = "prix anormalement bas";
                if (o->corrected)
                    notes[nn++] = "prix corrigé";
                if (o->tied)
                    notes[nn++] = "ex aequo";
                for (size_t i = 0; i < nn; i++)
                    tp_buf_printf(&w.b, "%s%s", i ? ", " : "", notes[i]);
                puts_(&w, "\n");
            }
            flush(&w, false);
        }
        tp_buf_printf(&w.b, "  Statistiques : %zu reçue(s), %zu régulière(s), %zu écartée(s), %zu "
                            "anormalement basse(s)",
                      le->received, le->regular, le->excluded, le->abnormally_low);
        if (le->regular)
            tp_buf_printf(&w.b, " ; prix régulier le plus bas %s, le plus haut %s",
                          tp_money_format_fr(a, le->lowest), tp_money_format_fr(b, le->highest));
        puts_(&w, "\n");
        if (le->regular) {
            const tp_offer *win = &le->offers[0];
            tp_buf_printf(&w.b, "  Attribution proposée : %s %s, %s HTVA (%s TVAC)\n",
                          tp_eval_bid_id(id, win->bid),
                          ev->bids[win->bid].name ? ev->bids[win->bid].name : "",
                          tp_money_format_fr(a, win->htva), tp_money_format_fr(b, win->tvac));
        } else {
            puts_(&w, "  Aucune offre régulière : pas d'attribution proposée.\n");
        }
    }
    puts_(&w, "\nConstats\n");
    for (size_t i = 0; i < ev->n_bids; i++)
        findings_text(&w, tp_eval_bid_id(id, i), &ev->bids[i].findings);
    for (size_t l = 0; l < t->n_lots; l++)
        for (size_t k = 0; k < ev->lots[l].n_offers; k++) {
            const tp_offer *o = &ev->lots[l].offers[k];
            char who[48];
            snprintf(who, sizeof who, "%s lot %d", tp_eval_bid_id(id, o->bid),
                     ev->lots[l].lot->number);
            findings_text(&w, who, &o->findings);
        }
    findings_text(&w, "marché", &ev->findings);
    return finish(&w);
}

/* ------------------------------------------------------------------ CSV */

static void csv_field(writer *w, const char *s, bool last)
{
    s = s ? s : "";
    if (strpbrk(s, ",\"\n\r")) {
        tp_buf_putc(&w->b, '"');
        for (; *s; s++) {
            if (*s == '"')
                tp_buf_putc(&w->b, '"');
            tp_buf_putc(&w->b, *s);
        }
        tp_buf_putc(&w->b, '"');
    } else {
        tp_buf_puts(&w->b, s);
    }
    tp_buf_putc(&w->b, last ? '\n' : ',');
}

tp_err tp_evaluation_write_csv(const tp_evaluation *ev, tp_sink *out)
{
    writer w = {{0}, out, false};
    tp_buf_init(&w.b);
    puts_(&w, "lot,rank,bid,supplier,vat,status,submitted_htva,htva,tvac,price,technical,"
              "warranty,delivery,total,abnormally_low,winner,findings\n");
    for (size_t l = 0; l < ev->tender->n_lots; l++) {
        const tp_lot_eval *le = &ev->lots[l];
        for (size_t k = 0; k < le->n_offers; k++) {
            const tp_offer *o = &le->offers[k];
            const tp_eval_bid *eb = &ev->bids[o->bid];
            char n[32], id[24], m[3][32], s[5][32];
            n[fmt_u64(n, (uint64_t)le->lot->number, 1)] = '\0';
            csv_field(&w, n, false);
            n[fmt_u64(n, (uint64_t)(o->rank > 0 ? o->rank : 0), 1)] = '\0';
            csv_field(&w, o->excluded ? "" : n, false);
            csv_field(&w, bid_id(id, o->bid), false);
            csv_field(&w, eb->name, false);
            csv_field(&w, eb->vat, false);
            csv_field(&w, o->excluded ? "excluded" : "regular", false);
            csv_field(&w, hundredths(m[0], o->submitted_htva), false);
            csv_field(&w, hundredths(m[1], o->htva), false);
            csv_field(&w, hundredths(m[2], o->tvac), false);
            csv_field(&w, o->excluded ? "" : hundredths(s[0], o->s_price), false);
            csv_field(&w, o->excluded ? "" : hundredths(s[1], o->s_technical), false);
            csv_field(&w, o->excluded ? "" : hundredths(s[2], o->s_warranty), false);
            csv_field(&w, o->excluded ? "" : hundredths(s[3], o->s_delivery), false);
            csv_field(&w, o->excluded ? "" : hundredths(s[4], o->s_total), false);
            csv_field(&w, o->abnormally_low ? "yes" : "no", false);
            csv_field(&w, o->winner ? "yes" : "no", false);
            tp_buf codes_buf;
            tp_buf_init(&codes_buf);
            for (size_t i = 0; i < eb->findings.n; i++)
                tp_buf_printf(&codes_buf, "%s%s", codes_buf.len ? ";" : "", eb->findings.v[i].code);
            for (size_t i = 0; i < o->findings.n; i++)
                tp_buf_printf(&codes_buf, "%s%s", codes_buf.len ? ";" : "", o->findings.v[i].code);
            csv_field(&w, tp_buf_cstr(&codes_buf), true);
            tp_buf_dispose(&codes_buf);
            flush(&w, false);
        }
    }
    return finish(&w);
}
