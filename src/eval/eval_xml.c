#include "eval_xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/ordered.h"
#include "../model/profile.h"
#include "score.h"

/* Output goes through a buffer flushed to the sink every 256 KiB, so 100 000
 * bids never sit twice in memory. The XML writer appends straight into the
 * buffer (room() then memcpy): at 170 MB of output, the per-call cost of
 * tp_buf_put/puts/printf was most of the time. */
typedef struct writer {
    tp_buf b;
    tp_sink *sink;
    bool failed;
} writer;

#define FLUSH_AT (256u * 1024u)

static void flush(writer *w, bool force)
{
    if (!w->sink || w->failed || (!force && w->b.len < FLUSH_AT) || w->b.len == 0)
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

static void grow(writer *w, size_t n)
{
    size_t cap = w->b.cap ? w->b.cap : 256;
    while (cap < w->b.len + n + 1)
        cap *= 2;
    w->b.data = xrealloc(w->b.data, cap);
    w->b.cap = cap;
}

/* The small writers below are forced inline so that a literal's length stays
 * a constant (memcpy of a known size is a few moves, not a call). */
#define HOT static inline __attribute__((always_inline))

/* Where n more bytes go (one more stays free: tp_buf's NUL, for the text writers). */
HOT char *room(writer *w, size_t n)
{
    if (w->b.cap - w->b.len < n + 1)
        grow(w, n);
    return w->b.data + w->b.len;
}

HOT void put(writer *w, const char *s, size_t n)
{
    memcpy(room(w, n), s, n);
    w->b.len += n;
}

/* A string literal, its length known at compile time. */
#define LIT(w, s) put((w), "" s, sizeof(s) - 1)

/* Bytes tp_xmlw_textn copies as they are: TAB, LF and printable ASCII but & < > ". */
static const unsigned char plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, /* 0x00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
    1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20: " & */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, /* 0x30: < > */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x40 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x50 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x70 */
};

/* Length of the valid UTF-8 sequence at s (lead byte >= 0x80) and its code
 * point, or 0 when invalid: the rules of tp_xmlw_textn. */
static size_t utf8_len(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, v = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, v = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, v = c & 0x07, min = 0x10000;
    else
        return 0;
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

/* Escapes input a chunk at a time into room for its worst case (6 bytes out
 * for 1 in: &quot;; a UTF-8 sequence may end 3 bytes past the chunk). With
 * to_nul, the input ends at its NUL (no strlen first: 1.5 million strings
 * for 100 000 offers); else at end, and a NUL is a control, dropped. */
#define ESC_CHUNK 256

static void escape_(writer *w, const unsigned char *p, const unsigned char *end, bool to_nul)
{
    for (;;) {
        char *o = room(w, 6 * ESC_CHUNK + 8), *o0 = o;
        size_t k = 0;
        bool done = false;
        while (k < ESC_CHUNK) {
            if (!to_nul && p == end) {
                done = true;
                break;
            }
            unsigned char c = *p;
            if (plain[c]) {
                *o++ = (char)c;
                p++;
                k++;
                continue;
            }
            if (c < 0x80) {
                if (to_nul && c == 0) {
                    done = true;
                    break;
                }
                const char *rep = "";
                size_t rl = 0;
                switch (c) {
                case '&': rep = "&amp;", rl = 5; break;
                case '<': rep = "&lt;", rl = 4; break;
                case '>': rep = "&gt;", rl = 4; break;
                case '"': rep = "&quot;", rl = 6; break;
                case '\r': rep = "&#13;", rl = 5; break;
                default: break; /* other C0 controls: not allowed in XML 1.0, dropped */
                }
                memcpy(o, rep, rl);
                o += rl;
                p++;
                k++;
                continue;
            }
            uint32_t cp = 0;
            /* to_nul: a NUL is no continuation byte, so 4 never reads past it */
            size_t len = utf8_len(p, to_nul ? 4 : (size_t)(end - p), &cp);
            if (len == 0) { /* invalid: U+FFFD */
                memcpy(o, "\xEF\xBF\xBD", 3);
                o += 3;
                len = 1;
            } else if (cp != 0xFFFE && cp != 0xFFFF) {
                memcpy(o, p, len);
                o += len;
            }
            p += len;
            k += len;
        }
        w->b.len += (size_t)(o - o0);
        if (done)
            return;
    }
}

void tp_eval_xml_escape(tp_buf *b, const char *s, size_t n)
{
    writer w = {*b, NULL, false};
    escape_(&w, (const unsigned char *)s, (const unsigned char *)s + n, false);
    *b = w.b;
}

static inline void esc(writer *w, const char *s)
{
    if (s)
        escape_(w, (const unsigned char *)s, NULL, true);
}

/* Numbers are formatted by hand: printf was half the time of writing the
 * evaluation of 100 000 bids. */

static const char digit_pairs[] = "00010203040506070809101112131415161718192021222324"
                                  "25262728293031323334353637383940414243444546474849"
                                  "50515253545556575859606162636465666768697071727374"
                                  "75767778798081828384858687888990919293949596979899";

/* Decimal digits of v, at least min_digits (zero-padded), into buf; returns
 * the length. Two digits per division: every amount and score goes through here. */
HOT size_t fmt_u64(char *buf, uint64_t v, int min_digits)
{
    size_t n = 1;
    for (uint64_t p10 = 10; n < 20 && v >= p10; p10 *= 10)
        n++;
    if (n < (size_t)min_digits)
        n = (size_t)min_digits;
    char *p = buf + n;
    while (v >= 100) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * (v % 100), 2);
        v /= 100;
    }
    if (v >= 10) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * v, 2);
    } else {
        *--p = (char)('0' + v);
    }
    while (p > buf)
        *--p = '0';
    return n;
}

/* v / 100 with two decimals ("12.05"); v >= 0 (amounts in cents, scores in hundredths). */
HOT size_t fmt_hundredths(char *buf, int64_t v)
{
    uint64_t u = v < 0 ? 0 : (uint64_t)v;
    size_t n = fmt_u64(buf, u / 100, 1);
    buf[n++] = '.';
    buf[n++] = (char)('0' + u % 100 / 10);
    buf[n++] = (char)('0' + u % 10);
    return n;
}

static const char *hundredths(char buf[32], int64_t v)
{
    buf[fmt_hundredths(buf, v)] = '\0';
    return buf;
}

/* Attribute writers take ' name="' whole (a literal: see the macros below). */
HOT void attr_s(writer *w, const char *head, size_t hn, const char *value)
{
    if (!value)
        return;
    put(w, head, hn);
    esc(w, value);
    LIT(w, "\"");
}

HOT void attr_n_(writer *w, const char *head, size_t hn, long long v)
{
    char *o = room(w, hn + 24), *o0 = o;
    memcpy(o, head, hn);
    o += hn;
    uint64_t u = (uint64_t)v;
    if (v < 0) {
        *o++ = '-';
        u = 0 - u;
    }
    o += fmt_u64(o, u, 1);
    *o++ = '"';
    w->b.len += (size_t)(o - o0);
}

HOT void attr_h(writer *w, const char *head, size_t hn, int64_t h)
{
    char *o = room(w, hn + 32), *o0 = o;
    memcpy(o, head, hn);
    o += hn;
    o += fmt_hundredths(o, h);
    *o++ = '"';
    w->b.len += (size_t)(o - o0);
}

HOT void attr_b(writer *w, const char *head, size_t hn, bool v)
{
    put(w, head, hn);
    if (v)
        LIT(w, "true\"");
    else
        LIT(w, "false\"");
}

#define HEAD(name) " " name "=\"", sizeof(" " name "=\"") - 1
#define attr(w, name, v) attr_s((w), HEAD(name), (v))
#define attr_n(w, name, v) attr_n_((w), HEAD(name), (long long)(v))
#define attr_score(w, name, v) attr_h((w), HEAD(name), (v))
#define attr_money(w, name, v) attr_h((w), HEAD(name), (v))
#define attr_bool(w, name, v) attr_b((w), HEAD(name), (v))

/* "B0001"…, as tp_eval_bid_id, without printf. */
static const char *bid_id(char buf[24], size_t index)
{
    buf[0] = 'B';
    buf[1 + fmt_u64(buf + 1, (uint64_t)index + 1, 4)] = '\0';
    return buf;
}

/* indent<name>text</name>\n; nothing when text is NULL. open is "<name>",
 * close "</name>\n". */
static inline void element_(writer *w, const char *indent, size_t in, const char *open, size_t on,
                     const char *close, size_t cn, const char *text)
{
    if (!text)
        return;
    put(w, indent, in);
    put(w, open, on);
    esc(w, text);
    put(w, close, cn);
}

#define element(w, indent, name, text)                                                           \
    element_((w), "" indent, sizeof(indent) - 1, "<" name ">", sizeof("<" name ">") - 1,          \
             "</" name ">\n", sizeof("</" name ">\n") - 1, (text))

/* indent is a run of spaces: n of them. */
static inline void spaces(writer *w, size_t n)
{
    memset(room(w, n), ' ', n);
    w->b.len += n;
}

static void findings_xml(writer *w, size_t indent, const tp_findings *f)
{
    spaces(w, indent);
    if (f->n == 0) {
        LIT(w, "<findings/>\n");
        return;
    }
    LIT(w, "<findings>\n");
    for (size_t i = 0; i < f->n; i++) {
        const tp_finding *x = &f->v[i];
        spaces(w, indent + 2);
        LIT(w, "<finding");
        attr(w, "code", x->code);
        attr(w, "severity", tp_fsev_code(x->sev));
        attr(w, "ref", x->ref);
        if (x->line > 0)
            attr_n(w, "line", x->line);
        LIT(w, ">\n");
        spaces(w, indent + 4);
        element(w, "", "message", x->msg);
        spaces(w, indent + 4);
        element(w, "", "basis", tp_finding_basis(x->code));
        spaces(w, indent + 2);
        LIT(w, "</finding>\n");
    }
    spaces(w, indent);
    LIT(w, "</findings>\n");
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
    LIT(w, "    <bid id=\"");
    put(w, id, strlen(bid_id(id, i)));
    LIT(w, "\"");
    attr(w, "source", b->source);
    attr_n(w, "index", b->index);
    if (b->excluded)
        LIT(w, " status=\"excluded\"");
    else
        LIT(w, " status=\"regular\"");
    attr(w, "vat", b->vat);
    attr(w, "receivedAt", b->received_text);
    attr_bool(w, "late", b->late);
    LIT(w, ">\n");
    element(w, "      ", "supplier", b->name);
    findings_xml(w, 6, &b->findings);
    LIT(w, "    </bid>\n");
    flush(w, false);
}

/* The fixed parts of a lot's <feature> lines (id, unit, maximum), escaped
 * once per lot instead of once per offer. */
typedef struct feat_parts {
    writer head, unit, tail;
} feat_parts;

static feat_parts *feat_parts_new(const tp_lot *lot)
{
    feat_parts *fp = xcalloc(lot->n_scored ? lot->n_scored : 1, sizeof *fp);
    for (size_t s = 0; s < lot->n_scored; s++) {
        const tp_scored *sc = &lot->scored[s];
        LIT(&fp[s].head, "            <feature");
        attr(&fp[s].head, "ref", sc->id);
        attr(&fp[s].unit, "unit", sc->kind == TP_SCORE_YESNO ? NULL : sc->unit);
        attr_n(&fp[s].tail, "maxPoints", sc->max_points);
        LIT(&fp[s].tail, "/>\n");
    }
    return fp;
}

static void feat_parts_free(feat_parts *fp, size_t n)
{
    for (size_t s = 0; s < n; s++) {
        tp_buf_dispose(&fp[s].head.b);
        tp_buf_dispose(&fp[s].unit.b);
        tp_buf_dispose(&fp[s].tail.b);
    }
    free(fp);
}

static inline void put_buf(writer *w, const writer *part)
{
    if (part->b.len)
        put(w, part->b.data, part->b.len);
}

static void offer_xml(writer *w, const tp_evaluation *ev, const tp_lot *lot, const feat_parts *fp,
                      const tp_offer *o)
{
    const tp_eval_bid *b = &ev->bids[o->bid];
    char id[24], v[40];
    LIT(w, "        <offer bid=\"");
    put(w, id, strlen(bid_id(id, o->bid)));
    if (o->excluded) {
        LIT(w, "\" status=\"excluded\"");
    } else {
        LIT(w, "\" status=\"regular\"");
        attr_n(w, "rank", o->rank);
    }
    attr_bool(w, "winner", o->winner);
    attr_bool(w, "analysed", o->analysed);
    attr_bool(w, "abnormallyLow", o->abnormally_low);
    attr_bool(w, "corrected", o->corrected);
    attr(w, "vat", b->vat);
    attr_n(w, "warrantyYears", o->warranty_years);
    attr_n(w, "deliveryDays", o->delivery_days);
    LIT(w, ">\n");
    element(w, "          ", "supplier", b->name);
    LIT(w, "          <product>\n");
    element(w, "            ", "brand", o->brand);
    element(w, "            ", "model", o->model);
    LIT(w, "          </product>\n          <price");
    attr_money(w, "htva", o->htva);
    attr_money(w, "tva", o->tva);
    attr_money(w, "tvac", o->tvac);
    attr_money(w, "submittedHtva", o->submitted_htva);
    attr_money(w, "submittedTva", o->submitted_tva);
    attr_money(w, "submittedTvac", o->submitted_tvac);
    LIT(w, "/>\n");
    if (!o->excluded) {
        LIT(w, "          <scores");
        attr_score(w, "total", o->s_total);
        attr_score(w, "price", o->s_price);
        attr_score(w, "quality", o->s_quality);
        attr_score(w, "technical", o->s_technical);
        attr_score(w, "warranty", o->s_warranty);
        attr_score(w, "delivery", o->s_delivery);
        attr_score(w, "technicalPoints", tp_q_hundredths(o->technical_points));
        LIT(w, ">\n");
        for (size_t s = 0; s < lot->n_scored; s++) {
            const tp_scored *sc = &lot->scored[s];
            const tp_feature_kept *f = &o->features[s];
            put_buf(w, &fp[s].head);
            if (f->value.den != 0) { /* answered: digits, '-', '.', "≈": nothing to escape */
                const char *val = sc->kind == TP_SCORE_YESNO ? (f->value.num ? "yes" : "no")
                                                             : tp_q_format(v, f->value);
                LIT(w, " value=\"");
                put(w, val, strlen(val));
                LIT(w, "\"");
            }
            put_buf(w, &fp[s].unit);
            attr_score(w, "points", tp_q_hundredths(f->points));
            put_buf(w, &fp[s].tail);
        }
        LIT(w, "          </scores>\n");
    }
    findings_xml(w, 10, &o->findings);
    LIT(w, "        </offer>\n");
    flush(w, false);
}

/* ------------------------------------------------------------------ long runs */

/* Runs of PAR_MIN items (bids, a lot's offers) or more are rendered by two
 * threads (core/ordered.h), in blocks of PAR_BLOCK: the same bytes, in about
 * half the time for 100 000 offers. */
#define PAR_MIN 2048
#define PAR_BLOCK 256

static size_t par_min = PAR_MIN, par_block = PAR_BLOCK;

void tp_eval_xml_parallel(size_t min_items, size_t block)
{
    par_min = min_items ? min_items : PAR_MIN;
    par_block = block ? block : PAR_BLOCK;
}

typedef void (*item_xml)(writer *w, const void *ctx, size_t i);

typedef struct item_run {
    item_xml fn;
    const void *ctx;
} item_run;

/* An item rendered into a buffer of its own (no sink: flush does nothing). */
static void item_into(tp_buf *b, const void *run, size_t i)
{
    const item_run *r = run;
    writer w = {*b, NULL, false};
    r->fn(&w, r->ctx, i);
    *b = w.b;
}

static void write_items(writer *w, size_t n, item_xml fn, const void *ctx)
{
    if (n < par_min) {
        for (size_t i = 0; i < n; i++)
            fn(w, ctx, i);
        return;
    }
    item_run run = {fn, ctx};
    if (!w->failed && !tp_write_ordered(w->sink, &w->b, n, par_block, item_into, &run))
        w->failed = true;
}

typedef struct offers_ctx {
    const tp_evaluation *ev;
    const tp_lot *lot;
    const feat_parts *fp;
    const tp_offer *offers;
} offers_ctx;

static void offer_item(writer *w, const void *ctx, size_t i)
{
    const offers_ctx *c = ctx;
    offer_xml(w, c->ev, c->lot, c->fp, &c->offers[i]);
}

static void bid_item(writer *w, const void *ctx, size_t i)
{
    bid_xml(w, ctx, i);
}

static void lot_xml(writer *w, const tp_evaluation *ev, const tp_lot_eval *le)
{
    const tp_lot *lot = le->lot;
    LIT(w, "    <lot");
    attr_n(w, "number", lot->number);
    attr(w, "id", lot->id);
    attr_n(w, "quantity", lot->quantity);
    attr_money(w, "estimate", lot->estimate);
    LIT(w, ">\n");
    element(w, "      ", "title", lot->title);
    LIT(w, "      <statistics");
    attr_n(w, "received", le->received);
    attr_n(w, "regular", le->regular);
    attr_n(w, "excluded", le->excluded);
    attr_n(w, "abnormallyLow", le->abnormally_low);
    if (le->regular) {
        attr_money(w, "lowest", le->lowest);
        attr_money(w, "highest", le->highest);
    }
    if (le->has_average) {
        attr_money(w, "average", le->average);
        attr_n(w, "averageCount", le->average_count);
        attr_money(w, "abnormalThreshold", le->alp_threshold);
    }
    LIT(w, "/>\n");
    if (le->regular) {
        const tp_offer *win = &le->offers[0];
        char id[24];
        LIT(w, "      <award");
        attr(w, "bid", tp_eval_bid_id(id, win->bid));
        attr(w, "vat", ev->bids[win->bid].vat);
        attr_money(w, "htva", win->htva);
        attr_money(w, "tvac", win->tvac);
        attr_score(w, "score", win->s_total);
        LIT(w, ">\n");
        element(w, "        ", "supplier", ev->bids[win->bid].name);
        LIT(w, "      </award>\n");
    }
    if (le->n_offers == 0) {
        LIT(w, "      <offers/>\n");
    } else {
        LIT(w, "      <offers>\n");
        offers_ctx c = {ev, lot, feat_parts_new(lot), le->offers};
        write_items(w, le->n_offers, offer_item, &c);
        feat_parts_free((feat_parts *)c.fp, lot->n_scored);
        LIT(w, "      </offers>\n");
    }
    LIT(w, "    </lot>\n");
}

/* The buyer (with its legal form: the report names the body that decides)
 * and the published award criteria (the report's table headers). */
static void tender_extra_xml(writer *w, const tp_tender *t)
{
    const tp_profile *p = t->profile;
    if (p && p->po.name.s) {
        LIT(w, "    <buyer");
        attr(w, "legalForm", p->po.legal_form.s);
        LIT(w, ">");
        esc(w, p->po.name.s);
        LIT(w, "</buyer>\n");
    }
    if (t->n_criteria == 0)
        return;
    LIT(w, "    <criteria>\n");
    for (size_t i = 0; i < t->n_criteria; i++) {
        LIT(w, "      <criterion");
        attr(w, "id", t->criteria[i].id);
        attr_n(w, "weight", t->criteria[i].weight);
        LIT(w, ">");
        esc(w, t->criteria[i].label);
        LIT(w, "</criterion>\n");
    }
    LIT(w, "    </criteria>\n");
}

tp_err tp_evaluation_write_xml(const tp_evaluation *ev, tp_sink *out)
{
    const tp_tender *t = ev->tender;
    writer w = {{0}, out, false};
    tp_buf_init(&w.b);
    room(&w, FLUSH_AT + 16384); /* once: flushed long before it fills */
    char dl[32];
    LIT(&w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<evaluation xmlns=\"" TP_EVAL_XML_NS
            "\" version=\"1\">\n");
    LIT(&w, "  <generator name=\"tenderpack\" version=\"" TP_VERSION "\"/>\n");
    LIT(&w, "  <tender");
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
    LIT(&w, ">\n");
    tender_extra_xml(&w, t);
    LIT(&w, "  </tender>\n");

    size_t excluded = 0;
    for (size_t i = 0; i < ev->n_bids; i++)
        excluded += ev->bids[i].excluded;
    LIT(&w, "  <bids");
    attr_n(&w, "count", ev->n_bids);
    attr_n(&w, "excluded", excluded);
    if (ev->n_bids)
        LIT(&w, ">\n");
    else
        LIT(&w, "/>\n");
    write_items(&w, ev->n_bids, bid_item, ev);
    if (ev->n_bids)
        LIT(&w, "  </bids>\n");

    LIT(&w, "  <lots>\n");
    for (size_t i = 0; i < t->n_lots; i++)
        lot_xml(&w, ev, &ev->lots[i]);
    LIT(&w, "  </lots>\n  <summary");
    attr_money(&w, "awardsHtva", ev->awards_htva);
    attr_money(&w, "awardsTvac", ev->awards_tvac);
    if (t->budget_tvac > 0)
        attr_money(&w, "budgetTvac", t->budget_tvac);
    LIT(&w, "/>\n");
    findings_xml(&w, 2, &ev->findings);
    LIT(&w, "</evaluation>\n");
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
