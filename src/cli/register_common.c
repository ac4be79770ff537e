/* Helpers of the register commands, and evaluate --db (the evaluation of
 * every bid a register holds for a tender). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/io.h"
#include "../core/mem.h"
#include "../core/xmlw.h"
#include "../eval/bid.h"
#include "../eval/eval.h"
#include "../eval/eval_xml.h"
#include "../forms/forms.h"
#include "../forms/unzip.h"
#include "../input/tender_read.h"
#include "../store/db.h"
#include "../store/when.h"
#include "cmd.h"
#include "register.h"

void tp_register_deadline(const tp_tender *t, char text[40], int64_t *utc)
{
    char date[11];
    int off = t->deadline_utc_offset, abs_off = off < 0 ? -off : off;
    snprintf(text, 40, "%.10sT%02d:00:00%c%02d:%02d", tp_date_format(date, t->deadline),
             t->deadline_hour % 24, off < 0 ? '-' : '+', abs_off / 60 % 24, abs_off % 60);
    *utc = (int64_t)tp_date_to_days(t->deadline) * 86400 + t->deadline_hour * 3600 -
           (int64_t)off * 60;
}

bool tp_register_format(const char *cmd, const char *v, bool *xml)
{
    if (v && (!strcmp(v, "text") || !strcmp(v, "xml"))) {
        *xml = !strcmp(v, "xml");
        return true;
    }
    fprintf(stderr, "tenderpack %s: unknown format '%s': use text or xml\n", cmd, v ? v : "");
    return false;
}

int tp_register_exit(int err)
{
    return err == TP_EDB ? TP_EXIT_IO : tp_exit_code((tp_err)err);
}

void tp_register_xml_attr(tp_buf *b, const char *name, const char *value)
{
    tp_buf_printf(b, " %s=\"", name);
    tp_xmlw_text(b, value ? value : "");
    tp_buf_putc(b, '"');
}

/* ------------------------------------------------------------ evaluate --db */

typedef struct feed {
    tp_evaluation *ev;
    const tp_db_bid *row;
    char *display;
    size_t bids;
} feed;

/* The register's receipt time is the one that counts, whatever a bid says. */
static tp_err add_received(void *ud, tp_bid *bid)
{
    feed *f = ud;
    bid->received_text = tp_bid_strdup(bid, f->row->received_at); /* the arena frees the old one */
    bid->received_utc = f->row->received_utc;
    bid->received_micro = f->row->received_micro;
    bid->has_received = true;
    f->bids++;
    tp_evaluation_add(f->ev, bid);
    return TP_OK;
}

/* A received file that cannot be read still takes part, as an excluded bid:
 * every bid received appears in the evaluation. */
static void add_unreadable(feed *f, const tp_diags *why)
{
    tp_bid *b = xcalloc(1, sizeof *b);
    b->source = tp_bid_strdup(b, f->display);
    b->index = 1;
    b->problems = xcalloc(1, sizeof *b->problems);
    b->n_problems = b->cap_problems = 1;
    tp_buf m;
    tp_buf_init(&m);
    tp_buf_puts(&m, "le fichier reçu ne peut pas être lu comme une offre");
    if (why->n > 0)
        tp_buf_printf(&m, " (%s)", why->v[why->n - 1].msg);
    b->problems[0].msg = tp_buf_detach(&m);
    b->problems[0].xml = true;
    add_received(f, b);
}

static tp_err feed_bid(void *ud, const tp_db_bid *row)
{
    feed *f = ud;
    tp_buf name;
    tp_buf_init(&name);
    tp_buf_printf(&name, "#%d %s", row->seq, row->filename);
    f->display = tp_buf_detach(&name);
    f->row = row;
    tp_diags local;
    tp_diags_init(&local);
    size_t before = f->bids;
    tp_err rc;
    if (tp_unzip_is_zip(row->content, row->size)) /* a form, or an archive it will refuse */
        rc = tp_form_read_memory(row->content, row->size, f->display, add_received, f, &local);
    else
        rc = tp_bid_read_memory(row->content, row->size, f->display, add_received, f, &local);
    if (f->bids == before)
        add_unreadable(f, &local); /* also when it held no <bid> at all */
    (void)rc;
    tp_diags_dispose(&local);
    free(f->display);
    f->display = NULL;
    return TP_OK;
}

static tp_err write_format(const tp_evaluation *ev, int format, tp_sink *sink)
{
    if (format == TP_REG_FMT_TEXT)
        return tp_evaluation_write_text(ev, sink);
    if (format == TP_REG_FMT_CSV)
        return tp_evaluation_write_csv(ev, sink);
    return tp_evaluation_write_xml(ev, sink);
}

int tp_register_evaluate(const char *db_path, const char *reference, int format,
                         const char *output)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_db *db = NULL;
    tp_db_tender rt;
    memset(&rt, 0, sizeof rt);
    tp_tender *t = NULL;
    tp_profile *p = NULL;
    tp_evaluation *ev = NULL;
    tp_buf xml, out;
    tp_buf_init(&xml);
    tp_buf_init(&out);
    feed f = {NULL, NULL, NULL, 0};
    /* One write transaction: the stored result matches exactly the bids read. */
    tp_err rc = tp_db_open(&db, db_path, false, &d);
    if (rc == TP_OK)
        rc = tp_db_begin(db, true, &d);
    if (rc == TP_OK)
        rc = tp_db_tender_get(&rt, db, reference, true, &d);
    if (rc == TP_OK)
        rc = tp_tender_parse(&t, &p, tp_buf_cstr(&rt.tender_xml), rt.tender_xml.len,
                             reference, &d);
    if (rc == TP_OK) {
        ev = tp_evaluation_new(t);
        f.ev = ev;
        rc = tp_db_bids_each(db, rt.id, true, feed_bid, &f, &d);
    }
    if (rc == TP_OK)
        rc = tp_evaluation_finish(ev);
    if (rc == TP_OK) {
        tp_sink s = tp_sink_buf(&xml);
        rc = tp_evaluation_write_xml(ev, &s);
    }
    char now[40];
    int micro = 0;
    int64_t utc = tp_now_utc(&micro);
    if (rc == TP_OK)
        rc = tp_db_evaluation_add(NULL, db, rt.id, tp_format_brussels(now, utc, micro),
                                  (long long)f.bids, xml.data, xml.len, &d);
    if (rc == TP_OK)
        rc = tp_db_commit(db, &d);
    if (rc == TP_OK) {
        if (format == TP_REG_FMT_XML) {
            tp_buf_put(&out, xml.data, xml.len);
        } else {
            tp_sink s = tp_sink_buf(&out);
            rc = write_format(ev, format, &s);
        }
    }
    if (rc == TP_OK)
        rc = tp_write_file_atomic(output, out.data ? out.data : "", out.len, &d);
    tp_db_close(db); /* rolls back when something failed */
    tp_report(&d);
    tp_buf_dispose(&xml);
    tp_buf_dispose(&out);
    tp_evaluation_free(ev);
    tp_tender_free(t);
    tp_profile_free(p);
    tp_db_tender_dispose(&rt);
    tp_diags_dispose(&d);
    return tp_register_exit(rc);
}
