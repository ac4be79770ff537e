/* The drivers of the bid reader: the scanner first (bid_scan.c), libxml2
 * from the scanner's last resume point on when it falls back, from memory
 * or from a FILE through a window. */
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "bid.h"
#include "bid_reader.h"
#include "bid_scan.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES)

/* Encoding and I/O errors bypass the SAX handler and would reach libxml2's
 * default handler, which prints: catch them too while this parse runs. */
static tp_err push_start(reader *r, xmlSAXHandler *h, const char *name)
{
    xmlSetStructuredErrorFunc(r, bidr_on_error);
    r->ctxt = xmlCreatePushParserCtxt(h, r, NULL, 0, name);
    if (!r->ctxt) {
        xmlSetStructuredErrorFunc(NULL, NULL);
        return TP_EXML;
    }
    xmlCtxtUseOptions(r->ctxt, PARSE_OPTIONS);
    return TP_OK;
}

static void push_end(reader *r)
{
    xmlFreeParserCtxt(r->ctxt);
    r->ctxt = NULL;
    xmlSetStructuredErrorFunc(NULL, NULL);
}

/* ------------------------------------------------------------------ the scanner's events */

#define WINDOW_START (1u << 20)
#define WINDOW_MAX (32u << 20) /* a bid bigger than this: libxml2 streams it */

static bool scanner_on = true;
static size_t window_start = WINDOW_START;

void tp_bid_reader_options(bool scanner, size_t window)
{
    scanner_on = scanner;
    window_start = window ? window : WINDOW_START;
}

static tp_scan_verdict scan_start(void *ud, const char *name, const tp_scan_attr *attrs,
                                  size_t n_attrs, int line)
{
    reader *r = ud;
    /* libxml2's SAX2 layout: localname, prefix, URI, value, end of value. */
    const xmlChar *a[5 * TP_SCAN_MAX_ATTRS];
    for (size_t i = 0; i < n_attrs; i++) {
        a[5 * i] = (const xmlChar *)attrs[i].name;
        a[5 * i + 1] = a[5 * i + 2] = NULL;
        a[5 * i + 3] = (const xmlChar *)attrs[i].value;
        a[5 * i + 4] = (const xmlChar *)attrs[i].value + attrs[i].value_len;
    }
    r->line = line;
    bidr_on_start(r, (const xmlChar *)name, NULL, (const xmlChar *)TP_BID_NS, 0, NULL, (int)n_attrs, 0,
             a);
    return TP_SCAN_GO;
}

static tp_scan_verdict scan_end(void *ud, int line)
{
    reader *r = ud;
    r->line = line;
    bidr_on_end(r, NULL, NULL, NULL);
    return r->rc == TP_OK ? TP_SCAN_GO : TP_SCAN_STOP;
}

static tp_scan_verdict scan_text(void *ud, const char *s, size_t n)
{
    reader *r = ud;
    if (r->skip || r->depth == 0)
        return TP_SCAN_GO;
    if (r->frames[r->depth - 1].spec->text == T_NONE) {
        for (size_t i = 0; i < n; i++)
            if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
                return TP_SCAN_FALLBACK; /* its message needs libxml2's line */
        return TP_SCAN_GO;
    }
    if (r->text.len + n >= 4096)
        return TP_SCAN_FALLBACK; /* libxml2's chunks decide where such a text is cut */
    tp_buf_put(&r->text, s, n);
    return TP_SCAN_GO;
}

static void scan_checkpoint(void *ud)
{
    reader *r = ud;
    r->saved_root = r->frames[0];
    r->saved_count = r->count;
}

static const tp_scan_events scan_events = {scan_start, scan_end, scan_text, scan_checkpoint};

/* Back to the state of the scanner's resume point (nothing after it was emitted). */
static void scan_rewind(reader *r, uint64_t from)
{
    tp_bid_free(r->bid);
    r->bid = NULL;
    r->skip = 0;
    tp_buf_clear(&r->text);
    if (from == 0) {
        r->depth = 0;
        r->root = ROOT_NONE;
        r->count = 0;
    } else {
        r->depth = 1;
        r->frames[0] = r->saved_root;
        r->count = r->saved_count;
        r->resuming = true;
    }
}

static void feed(reader *r, const char *data, size_t len)
{
    const size_t chunk = 1u << 20;
    for (size_t off = 0; off < len && !r->xml_error && r->rc == TP_OK; off += chunk)
        xmlParseChunk(r->ctxt, data + off, (int)(len - off < chunk ? len - off : chunk), 0);
}

/* libxml2 takes over where the scanner fell back; the caller feeds the
 * input from *from on. */
static tp_err fall_back(reader *r, xmlSAXHandler *h, const tp_scan *sc, uint64_t *from)
{
    const char *prefix;
    size_t prefix_len;
    int pad;
    tp_scan_resume(sc, from, &prefix, &prefix_len, &pad);
    scan_rewind(r, *from);
    tp_err rc = push_start(r, h, r->source);
    if (rc != TP_OK)
        return rc;
    char newlines[256];
    memset(newlines, '\n', sizeof newlines);
    feed(r, prefix, prefix_len);
    for (; pad > 0; pad -= 256)
        feed(r, newlines, pad < 256 ? (size_t)pad : 256);
    return TP_OK;
}

tp_err tp_bid_read_memory(const char *data, size_t len, const char *display_name, tp_bid_fn fn,
                          void *ud, tp_diags *d)
{
    reader r;
    xmlSAXHandler h;
    bidr_init(&r, &h, display_name, fn, ud, d);
    tp_scan sc;
    tp_scan_init(&sc);
    tp_scan_status st = TP_SCAN_FELL_BACK;
    if (scanner_on)
        st = tp_scan_run(&sc, data, len, 0, true, &scan_events, &r);
    if (st == TP_SCAN_FELL_BACK) {
        uint64_t from = 0;
        tp_err rc = fall_back(&r, &h, &sc, &from);
        if (rc != TP_OK) {
            tp_scan_dispose(&sc);
            bidr_finish(&r);
            return rc;
        }
        feed(&r, data + from, len - (size_t)from);
        if (!r.xml_error && r.rc == TP_OK)
            xmlParseChunk(r.ctxt, NULL, 0, 1);
        push_end(&r);
    }
    tp_scan_dispose(&sc);
    return bidr_finish(&r);
}

/* Scans f through a window that keeps the input from the scanner's resume
 * point on. Returns with *fell_back (and the window holding the input from
 * *base on, *len bytes) when libxml2 must continue. */
static void scan_file(reader *r, tp_scan *sc, FILE *f, char **buf, size_t *cap, size_t *len,
                      uint64_t *base, bool *fell_back)
{
    bool eof = false;
    *fell_back = false;
    for (;;) {
        if (!eof) {
            size_t n = fread(*buf + *len, 1, *cap - *len, f);
            *len += n;
            eof = n == 0;
        }
        tp_scan_status st = tp_scan_run(sc, *buf, *len, *base, eof, &scan_events, r);
        if (st == TP_SCAN_DONE || st == TP_SCAN_STOPPED)
            return;
        if (st == TP_SCAN_NEED_MORE && eof)
            st = TP_SCAN_FELL_BACK; /* a read error: libxml2's path reports it */
        if (st == TP_SCAN_NEED_MORE) {
            size_t keep = (size_t)(sc->resume_at - *base);
            memmove(*buf, *buf + keep, *len - keep);
            *len -= keep;
            *base = sc->resume_at;
            if (*len == *cap) {
                if (*cap >= WINDOW_MAX)
                    st = TP_SCAN_FELL_BACK;
                else
                    *buf = xrealloc(*buf, *cap *= 2);
            }
        }
        if (st == TP_SCAN_FELL_BACK) {
            *fell_back = true;
            return;
        }
    }
}

tp_err tp_bid_read_file(FILE *f, const char *display_name, tp_bid_fn fn, void *ud, tp_diags *d)
{
    reader r;
    xmlSAXHandler h;
    bidr_init(&r, &h, display_name, fn, ud, d);
    tp_scan sc;
    tp_scan_init(&sc);
    size_t cap = window_start, len = 0;
    uint64_t base = 0;
    char *buf = xmalloc(cap);
    bool fell_back = true;
    if (scanner_on)
        scan_file(&r, &sc, f, &buf, &cap, &len, &base, &fell_back);
    if (fell_back) {
        uint64_t from = 0;
        tp_err rc = fall_back(&r, &h, &sc, &from);
        if (rc != TP_OK) {
            free(buf);
            tp_scan_dispose(&sc);
            bidr_finish(&r);
            return rc;
        }
        feed(&r, buf + (from - base), len - (size_t)(from - base));
        size_t n;
        while (!r.xml_error && r.rc == TP_OK && (n = fread(buf, 1, cap, f)) > 0)
            feed(&r, buf, n);
        if (!r.xml_error && r.rc == TP_OK && !ferror(f))
            xmlParseChunk(r.ctxt, NULL, 0, 1);
        push_end(&r);
    }
    free(buf);
    tp_scan_dispose(&sc);
    if (ferror(f)) {
        tp_diag_error(d, display_name, 0, NULL, NULL, "read error");
        bidr_finish(&r);
        return TP_EIO;
    }
    return bidr_finish(&r);
}

typedef struct first_bid {
    tp_bid *bid;
} first_bid;

static tp_err keep_first(void *ud, tp_bid *bid)
{
    first_bid *fb = ud;
    if (fb->bid) {
        tp_bid_free(bid);
        return TP_OK;
    }
    fb->bid = bid;
    return TP_OK;
}

tp_err tp_bid_parse_one(tp_bid **out, const char *data, size_t len, const char *display_name,
                        tp_diags *d)
{
    first_bid fb = {NULL};
    tp_err rc = tp_bid_read_memory(data, len, display_name, keep_first, &fb, d);
    *out = fb.bid;
    return rc;
}

