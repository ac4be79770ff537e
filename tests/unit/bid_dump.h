/* Everything a bid reader produced, as text: the bids in order with every
 * field and problem, then the diagnostics and the return code. Two readers
 * agree when their dumps are equal (test_eval_bid_scan.c, fuzz_bid.c). */
#ifndef TP_TEST_BID_DUMP_H
#define TP_TEST_BID_DUMP_H

#include "core/buf.h"
#include "core/err.h"
#include "eval/bid.h"

static void dump_str(tp_buf *b, const char *key, const char *v)
{
    tp_buf_printf(b, " %s=%s%s%s", key, v ? "[" : "", v ? v : "null", v ? "]" : "");
}

static tp_err dump_bid(void *ud, tp_bid *bid)
{
    tp_buf *b = ud;
    tp_buf_printf(b, "bid %zu line %d", bid->index, bid->line);
    dump_str(b, "source", bid->source);
    dump_str(b, "ref", bid->tender_reference);
    dump_str(b, "received", bid->received_text);
    tp_buf_printf(b, " has_received=%d utc=%lld us=%d", bid->has_received,
                  bid->has_received ? (long long)bid->received_utc : 0LL,
                  bid->has_received ? bid->received_micro : 0);
    const char *f[] = {bid->vat, bid->name, bid->country, bid->street, bid->number,
                       bid->postal_code, bid->locality, bid->contact_name, bid->contact_email,
                       bid->contact_phone, bid->signatory_name, bid->signatory_role};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++)
        dump_str(b, "f", f[i]);
    tp_buf_printf(b, " signatory=%d\n", bid->has_signatory);
    for (size_t i = 0; i < bid->n_lots; i++) {
        const tp_bid_lot *l = &bid->lots[i];
        tp_buf_printf(b, "  lot %d line %d", l->number, l->line);
        dump_str(b, "brand", l->brand);
        dump_str(b, "model", l->model);
        tp_buf_printf(b, " totals=%d %lld %lld %lld warranty=%d %lld delivery=%d %lld\n",
                      l->has_totals, (long long)l->htva, (long long)l->tva, (long long)l->tvac,
                      l->has_warranty, l->warranty_years, l->has_delivery, l->delivery_days);
        for (size_t k = 0; k < l->n_values; k++) {
            tp_buf_printf(b, "   value line %d", l->values[k].line);
            dump_str(b, "ref", l->values[k].ref);
            dump_str(b, "unit", l->values[k].unit);
            dump_str(b, "text", l->values[k].text);
            tp_buf_putc(b, '\n');
        }
        for (size_t k = 0; k < l->n_lines; k++) {
            const tp_bid_line *ln = &l->lines[k];
            tp_buf_printf(b, "   line line %d", ln->line);
            dump_str(b, "ref", ln->ref);
            tp_buf_printf(b, " %lld %lld %lld\n", ln->quantity, (long long)ln->unit_price,
                          (long long)ln->total);
        }
        for (size_t k = 0; k < l->n_options; k++) {
            const tp_bid_option *o = &l->options[k];
            tp_buf_printf(b, "   option line %d kind %d %lld %lld %lld %lld\n", o->line, o->kind,
                          o->years, o->quantity, (long long)o->unit_price, (long long)o->total);
        }
    }
    for (size_t i = 0; i < bid->n_problems; i++)
        tp_buf_printf(b, "  problem line %d xml=%d %s\n", bid->problems[i].line,
                      bid->problems[i].xml, bid->problems[i].msg);
    tp_bid_free(bid);
    return TP_OK;
}

static void dump_end(tp_buf *b, tp_err rc, const tp_diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        tp_buf_printf(b, "diag %d %s:%d %s %s %s\n", (int)d->v[i].sev, d->v[i].file ? d->v[i].file : "",
                      d->v[i].line, d->v[i].field ? d->v[i].field : "", d->v[i].msg,
                      d->v[i].hint ? d->v[i].hint : "");
    tp_buf_printf(b, "rc %d\n", (int)rc);
}

#endif
