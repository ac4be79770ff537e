/* Fuzz target: bid bytes (one <bid> or a <bids> stream) through the reader,
 * every check, scoring, ranking and the three writers, against a small
 * tender built in code (all six operators, both score kinds, an option);
 * and the reader with its scanner must agree with libxml2 alone.
 * Built for libFuzzer with -DTP_FUZZ=ON, and replayed by ctest over
 * tests/fuzz/corpus/fuzz_bid/. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/mem.h"
#include "eval/bid.h"
#include "eval/eval.h"
#include "eval/eval_xml.h"
#include "../unit/bid_dump.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static tp_tender *tender;

static tp_dec dec(long long num, int scale)
{
    tp_dec d = {num, scale};
    return d;
}

static void add_req(tp_lot *lot, const char *id, tp_req_op op, tp_dec min, tp_dec max,
                    const char *unit)
{
    tp_requirement *r = &lot->reqs[lot->n_reqs++];
    r->id = xstrdup(id);
    r->label = xstrdup(id);
    r->op = op;
    r->min = min;
    r->max = max;
    r->unit = xstrdup(unit);
}

static tp_tender *build_tender(void)
{
    tp_tender *t = xcalloc(1, sizeof *t);
    t->reference = xstrdup("FUZZ-2026-001");
    t->vat_rate = 21;
    t->budget_tvac = TP_EUR(100000);
    t->procedure = TP_PROC_PNSPP;
    t->deadline.y = 2026;
    t->deadline.m = 12;
    t->deadline.d = 2;
    t->deadline_hour = 10;
    t->deadline_utc_offset = 60;
    t->n_lots = 1;
    t->lots = xcalloc(1, sizeof *t->lots);
    tp_lot *lot = &t->lots[0];
    lot->number = 1;
    lot->id = xstrdup("LOT-0001");
    lot->title = xstrdup("Ordinateurs");
    lot->quantity = 30;
    lot->estimate = TP_EUR(15000);
    lot->reqs = xcalloc(8, sizeof *lot->reqs);
    add_req(lot, "ram", TP_OP_GE, dec(8, 0), dec(0, 0), "GB");
    add_req(lot, "weight", TP_OP_LE, dec(0, 0), dec(18, 1), "kg");
    add_req(lot, "screen", TP_OP_RANGE, dec(133, 1), dec(156, 1), "in");
    add_req(lot, "storage-type", TP_OP_EQ, dec(0, 0), dec(0, 0), NULL);
    lot->reqs[3].text = xstrdup("ssd");
    add_req(lot, "wifi", TP_OP_ONEOF, dec(0, 0), dec(0, 0), NULL);
    lot->reqs[4].choices = xcalloc(2, sizeof(char *));
    lot->reqs[4].choices[0] = xstrdup("wifi6");
    lot->reqs[4].choices[1] = xstrdup("wifi6e");
    lot->reqs[4].n_choices = 2;
    add_req(lot, "webcam", TP_OP_BOOL, dec(0, 0), dec(0, 0), NULL);
    lot->scored = xcalloc(2, sizeof *lot->scored);
    lot->n_scored = 2;
    lot->scored[0] = (tp_scored){xstrdup("ram"), xstrdup("RAM"), TP_SCORE_LINEAR, dec(8, 0),
                                 dec(16, 0), xstrdup("GB"), 10};
    lot->scored[1] = (tp_scored){xstrdup("rugged"), xstrdup("Robuste"), TP_SCORE_YESNO, dec(0, 0),
                                 dec(0, 0), NULL, 5};
    lot->options = xcalloc(1, sizeof *lot->options);
    lot->n_options = 1;
    lot->options[0] = (tp_lot_option_t){TP_OPT_EXTENDED_WARRANTY, 4, 30, TP_EUR(45), TP_EUR(1350),
                                        xstrdup("Garantie")};
    t->criteria = xcalloc(4, sizeof *t->criteria);
    t->n_criteria = 4;
    const char *ids[] = {"price", "technical", "warranty", "delivery"};
    tp_formula f[] = {TP_FORMULA_PRICE_RATIO, TP_FORMULA_TECH_POINTS, TP_FORMULA_LINEAR,
                      TP_FORMULA_LINEAR};
    int w[] = {60, 25, 10, 5};
    for (int i = 0; i < 4; i++) {
        t->criteria[i].id = xstrdup(ids[i]);
        t->criteria[i].label = xstrdup(ids[i]);
        t->criteria[i].formula = f[i];
        t->criteria[i].weight = w[i];
    }
    t->criteria[2].floor = dec(3, 0);
    t->criteria[2].target = dec(5, 0);
    t->criteria[3].floor = dec(42, 0);
    t->criteria[3].target = dec(14, 0);
    return t;
}

static tp_err add(void *ud, tp_bid *bid)
{
    tp_evaluation_add(ud, bid);
    return TP_OK;
}

/* The scanner must read exactly what libxml2 reads, from memory and from a
 * file through a window small enough to cut every token: dump, compare.
 * window 0: from memory. */
static char *dump(const uint8_t *data, size_t size, bool scanner, size_t window)
{
    tp_buf out;
    tp_buf_init(&out);
    tp_diags d;
    tp_diags_init(&d);
    tp_bid_reader_options(scanner, window);
    tp_err rc;
    FILE *f = window && size ? fmemopen((void *)data, size, "rb") : NULL;
    if (f) {
        rc = tp_bid_read_file(f, "fuzz.xml", dump_bid, &out, &d);
        fclose(f);
    } else {
        rc = tp_bid_read_memory((const char *)data, size, "fuzz.xml", dump_bid, &out, &d);
    }
    tp_bid_reader_options(true, 0);
    dump_end(&out, rc, &d);
    tp_diags_dispose(&d);
    tp_buf_putc(&out, '\0');
    return tp_buf_detach(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!tender)
        tender = build_tender();
    char *with_libxml2 = dump(data, size, false, 0);
    char *with_scanner = dump(data, size, true, 0), *through_window = dump(data, size, true, 13);
    if (strcmp(with_scanner, with_libxml2) != 0 || strcmp(through_window, with_libxml2) != 0)
        abort();
    free(with_scanner);
    free(through_window);
    free(with_libxml2);
    tp_diags d;
    tp_diags_init(&d);
    tp_evaluation *ev = tp_evaluation_new(tender);
    tp_bid_read_memory((const char *)data, size, "fuzz.xml", add, ev, &d);
    if (tp_evaluation_finish(ev) != TP_OK)
        abort();
    tp_buf out;
    tp_buf_init(&out);
    tp_sink sink = tp_sink_buf(&out);
    if (tp_evaluation_write_xml(ev, &sink) != TP_OK || tp_evaluation_write_text(ev, &sink) != TP_OK ||
        tp_evaluation_write_csv(ev, &sink) != TP_OK)
        abort();
    tp_buf_dispose(&out);
    tp_evaluation_free(ev);
    tp_diags_dispose(&d);
    return 0;
}
