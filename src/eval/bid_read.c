/* The drivers of the bid reader: the scanner first (bid_scan.c), libxml2
 * from the scanner's last resume point on when it falls back; from memory,
 * from a FILE through a window, or a big stream in two parts read by two
 * threads, each through a window of its own (tp_bid_read_parallel). */
#define _DEFAULT_SOURCE /* pread */
#include <errno.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdatomic.h>
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

static void scan_checkpoint(void *ud)
{
    reader *r = ud;
    r->saved_root = r->frames[0];
    r->saved_count = r->count;
}

static const tp_scan_events scan_events = {bidr_start, bidr_end, bidr_text, scan_checkpoint};

/* Back to the state of the scanner's resume point (nothing after it was emitted). */
static void scan_rewind(reader *r, uint64_t from)
{
    tp_bid_free(r->bid);
    r->bid = NULL;
    r->skip = 0;
    r->pending = NULL;
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

/* libxml2's push parser is fed in chunks of this size from the resume
 * point on, from memory or from a file alike: some of its messages about
 * broken input depend on where the chunks end. */
#define FEED_CHUNK (1u << 20)

static void feed(reader *r, const char *data, size_t len)
{
    for (size_t off = 0; off < len && !r->xml_error && r->rc == TP_OK; off += FEED_CHUNK)
        xmlParseChunk(r->ctxt, data + off, (int)(len - off < FEED_CHUNK ? len - off : FEED_CHUNK),
                      0);
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

/* libxml2 from the scanner's resume point to the end of data. Returns an
 * error of libxml2's set-up only. */
static tp_err feed_memory(reader *r, xmlSAXHandler *h, const tp_scan *sc, const char *data,
                          size_t len)
{
    uint64_t from = 0;
    tp_err rc = fall_back(r, h, sc, &from);
    if (rc != TP_OK)
        return rc;
    feed(r, data + from, len - (size_t)from);
    if (!r->xml_error && r->rc == TP_OK)
        xmlParseChunk(r->ctxt, NULL, 0, 1);
    push_end(r);
    return TP_OK;
}

/* Runs the scanner from where sc stands to the end of data (unless st
 * says it ran already), then libxml2 from the resume point if it fell
 * back. Returns an error of libxml2's set-up only. */
static tp_err read_rest(reader *r, xmlSAXHandler *h, tp_scan *sc, const char *data, size_t len,
                        tp_scan_status st)
{
    if (scanner_on && st == TP_SCAN_NEED_MORE)
        st = tp_scan_run(sc, data, len, 0, true, &scan_events, r);
    if (!scanner_on || st == TP_SCAN_FELL_BACK)
        return feed_memory(r, h, sc, data, len);
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
    tp_err rc = read_rest(&r, &h, &sc, data, len, TP_SCAN_NEED_MORE);
    tp_scan_dispose(&sc);
    tp_err rc2 = bidr_finish(&r);
    return rc != TP_OK ? rc : rc2;
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
        /* The window from the resume point on, then the rest of the file,
         * in whole FEED_CHUNKs from the resume point, as from memory. */
        size_t have = len - (size_t)(from - base), off = 0;
        memmove(buf, buf + (from - base), have);
        if (cap < FEED_CHUNK)
            buf = xrealloc(buf, cap = FEED_CHUNK);
        while (!r.xml_error && r.rc == TP_OK) {
            if (have - off < FEED_CHUNK) { /* top up to a whole chunk, or the end */
                memmove(buf, buf + off, have - off);
                have -= off;
                off = 0;
                size_t n = 1;
                while (have < FEED_CHUNK && n > 0) {
                    n = fread(buf + have, 1, FEED_CHUNK - have, f);
                    have += n;
                }
            }
            size_t k = have - off < FEED_CHUNK ? have - off : FEED_CHUNK;
            if (k > 0)
                xmlParseChunk(r.ctxt, buf + off, (int)k, 0);
            off += k;
            if (k < FEED_CHUNK)
                break; /* the end of the file (or a read error) */
        }
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


/* ------------------------------------------------------------------ two threads */

/* The input of a big stream's reading, seen through a window of its own
 * per thread: memory, or a regular file read with pread (each thread at
 * its own offsets). Touching a file mapping's pages the first time cost
 * twice as much as copying them with pread (a virtual machine's page
 * faults), so a big file is never mapped. Offsets count from the stream's
 * start. */
typedef struct window {
    const tp_bid_stream *in;
    char *buf;
    size_t cap, len; /* buf holds the input from offset base on */
    uint64_t base;
    bool io_error;   /* a read failed, or the file was cut short */
} window;

#define PART_WINDOW (256u << 10) /* pread's best size here (L2-sized) */

static void window_init(window *w, const tp_bid_stream *in, uint64_t base)
{
    w->in = in;
    w->cap = PART_WINDOW;
    w->buf = xmalloc(w->cap);
    w->len = 0;
    w->base = base;
    w->io_error = false;
}

/* n bytes of the input at off into to; fewer after a read error. */
static size_t window_read(window *w, char *to, uint64_t off, size_t n)
{
    if (w->in->data) {
        memcpy(to, w->in->data + off, n);
        return n;
    }
    size_t got = 0;
    while (got < n) {
        ssize_t k = pread(w->in->fd, to + got, n - got, (off_t)(w->in->start + off + got));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            w->io_error = true;
            break;
        }
        got += (size_t)k;
    }
    return got;
}

/* Scans through the window up to limit (eof: the input ends there); the
 * window keeps the input from the scanner's resume point on, as the scanner
 * requires. On a read error the scan stops (TP_SCAN_STOPPED, w->io_error). */
static tp_scan_status scan_window(reader *r, tp_scan *sc, window *w, uint64_t limit, bool eof)
{
    for (;;) {
        uint64_t end = w->base + w->len;
        if (end < limit && w->len < w->cap) {
            size_t n = limit - end < w->cap - w->len ? (size_t)(limit - end) : w->cap - w->len;
            size_t got = window_read(w, w->buf + w->len, end, n);
            w->len += got;
            if (got < n)
                return TP_SCAN_STOPPED;
        }
        bool all = w->base + w->len == limit;
        tp_scan_status st = tp_scan_run(sc, w->buf, w->len, w->base, eof && all, &scan_events, r);
        if (st != TP_SCAN_NEED_MORE || all)
            return st;
        size_t keep = (size_t)(sc->resume_at - w->base);
        memmove(w->buf, w->buf + keep, w->len - keep);
        w->len -= keep;
        w->base = sc->resume_at;
        if (w->len == w->cap) { /* one bid fills the window */
            if (w->cap >= WINDOW_MAX)
                return TP_SCAN_FELL_BACK;
            w->buf = xrealloc(w->buf, w->cap *= 2);
        }
    }
}

/* libxml2 from the scanner's resume point to the end of the input, in the
 * FEED_CHUNKs tp_bid_read_memory would give it. */
static tp_err feed_rest(reader *r, xmlSAXHandler *h, const tp_scan *sc, window *w)
{
    if (w->in->data)
        return feed_memory(r, h, sc, w->in->data, (size_t)w->in->len);
    uint64_t from = 0;
    tp_err rc = fall_back(r, h, sc, &from);
    if (rc != TP_OK)
        return rc;
    char *chunk = xmalloc(FEED_CHUNK);
    for (uint64_t off = from; off < w->in->len && !r->xml_error && r->rc == TP_OK; off += FEED_CHUNK) {
        size_t n = w->in->len - off < FEED_CHUNK ? (size_t)(w->in->len - off) : FEED_CHUNK;
        if (window_read(w, chunk, off, n) < n)
            break;
        xmlParseChunk(r->ctxt, chunk, (int)n, 0);
    }
    free(chunk);
    if (!r->xml_error && r->rc == TP_OK && !w->io_error)
        xmlParseChunk(r->ctxt, NULL, 0, 1);
    push_end(r);
    return TP_OK;
}

/* The reading from where sc stands to the end of the input (st: where the
 * scanner stopped). Returns an error of libxml2's set-up only. */
static tp_err read_rest_window(reader *r, xmlSAXHandler *h, tp_scan *sc, window *w,
                               tp_scan_status st)
{
    if (scanner_on && st == TP_SCAN_NEED_MORE)
        st = scan_window(r, sc, w, w->in->len, true);
    if (w->io_error)
        return TP_OK;
    if (!scanner_on || st == TP_SCAN_FELL_BACK)
        return feed_rest(r, h, sc, w);
    return TP_OK;
}

/* The second part of a split <bids> stream, read by its own thread from a
 * resume point of the scanner, as the first part's reading would have gone
 * on from there. */
typedef struct part {
    window w;
    tp_scan sc; /* forked from the first part's at the split point */
    tp_bid_fn fn;
    void *ud;
    tp_diags d;
    reader r;
    xmlSAXHandler h;
    tp_err rc;
    atomic_bool abandon; /* the split was wrong: stop soon */
} part;

static tp_err part_emit(void *ud, tp_bid *bid)
{
    part *p = ud;
    if (atomic_load_explicit(&p->abandon, memory_order_relaxed)) {
        tp_bid_free(bid);
        return TP_EUSAGE; /* any error: it only stops the reading */
    }
    return p->fn(p->ud, bid);
}

/* The newlines in s[0, n), sixteen bytes at a time. */
static uint64_t count_lines(const char *s, size_t n)
{
    uint64_t lines = 0;
    size_t i = 0;
#ifdef __SSE2__
    const __m128i nl = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
    while (n - i >= 16) {
        /* Byte counters (0 - (-1) per match) for up to 255 blocks, then summed. */
        __m128i acc = zero;
        size_t blocks = (n - i) / 16 < 255 ? (n - i) / 16 : 255;
        for (size_t b = 0; b < blocks; b++, i += 16)
            acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + i)), nl));
        __m128i sums = _mm_sad_epu8(acc, zero);
        lines += (uint64_t)_mm_cvtsi128_si64(sums) +
                 (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums));
    }
#endif
    for (; i < n; i++)
        lines += s[i] == '\n';
    return lines;
}

/* The line at offset upto: the second part's thread needs it before it
 * starts (~100 MB of input before it), read through its own window. */
static int line_at(window *w, uint64_t upto)
{
    uint64_t lines = 0;
    for (uint64_t off = 0; off < upto && !w->io_error;) {
        size_t n = upto - off < w->cap ? (size_t)(upto - off) : w->cap;
        size_t got = w->in->data ? n : window_read(w, w->buf, off, n);
        lines += count_lines(w->in->data ? w->in->data + off : w->buf, got);
        off += got;
    }
    return (int)(1 + lines);
}

static void *read_part(void *arg)
{
    part *p = arg;
    /* The reader as at the scanner's resume point after a bid of the stream. */
    p->r.root = ROOT_BIDS;
    p->r.depth = 1;
    p->r.frames[0].spec = &tp_bid_form_bids;
    p->sc.line = p->sc.resume_line = line_at(&p->w, p->sc.pos);
    if (!p->w.io_error)
        p->rc = read_rest_window(&p->r, &p->h, &p->sc, &p->w, TP_SCAN_NEED_MORE);
    return NULL;
}

/* A split point near the middle: just after a "</bid>" that white space and
 * "<bid" follow. Whether it is a resume point of the stream is known only
 * once the first part is read up to it. 0: none. */
static uint64_t split_point(window *w)
{
    enum { LOOK = 64u << 10, TAIL = 64 }; /* a match may straddle two looks */
    char *buf = xmalloc(LOOK);
    uint64_t found = 0, len = w->in->len;
    for (uint64_t at = len / 2; !found && at < len && !w->io_error; at += LOOK - TAIL) {
        size_t n = len - at < LOOK ? (size_t)(len - at) : LOOK;
        n = window_read(w, buf, at, n);
        const char *p = buf, *end = buf + n;
        while (!found && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
            if (end - p < 6 || memcmp(p, "</bid>", 6) != 0) {
                p++;
                continue;
            }
            const char *q = p + 6;
            while (q < end && (*q == ' ' || *q == '\t' || *q == '\n'))
                q++;
            if (end - q > 5 && memcmp(q, "<bid", 4) == 0 && (q[4] == ' ' || q[4] == '>'))
                found = at + (uint64_t)(p + 6 - buf);
            p++;
        }
        if (n < LOOK)
            break;
    }
    free(buf);
    return found;
}


static part *start_second_part(const tp_bid_stream *in, const tp_scan *sc, uint64_t split,
                               const char *display_name, tp_bid_fn fn, void *ud,
                               pthread_t *thread)
{
    xmlInitParser();
    part *p = xcalloc(1, sizeof *p);
    window_init(&p->w, in, split);
    p->fn = fn;
    p->ud = ud;
    atomic_init(&p->abandon, false);
    tp_diags_init(&p->d);
    bidr_init(&p->r, &p->h, display_name, part_emit, p, &p->d);
    tp_scan_fork(&p->sc, sc, split);
    if (pthread_create(thread, NULL, read_part, p) == 0)
        return p;
    bidr_finish(&p->r);
    tp_diags_dispose(&p->d);
    tp_scan_dispose(&p->sc);
    free(p->w.buf);
    free(p);
    return NULL;
}

tp_err tp_bid_read_parallel(const tp_bid_stream *in, const char *display_name, tp_bid_fn fn,
                            void *ud[2], size_t *n_parts, size_t *first_count, tp_diags *d)
{
    *n_parts = 1;
    *first_count = 0;
    reader r;
    xmlSAXHandler h;
    bidr_init(&r, &h, display_name, fn, ud[0], d);
    tp_scan sc;
    tp_scan_init(&sc);
    window w;
    window_init(&w, in, 0);
    uint64_t split = scanner_on && in->len >= TP_BID_PARALLEL_MIN ? split_point(&w) : 0;
    tp_scan_status st = TP_SCAN_NEED_MORE;
    pthread_t thread;
    part *p = NULL;
    if (split && !w.io_error) {
        /* A little of the first part, past the root's start tag (the second
         * part needs a copy of it), then the second part's thread. */
        st = scan_window(&r, &sc, &w, split < 65536 ? split : 65536, false);
        if (st == TP_SCAN_NEED_MORE && !sc.in_prolog && sc.root_is_stream && !sc.after_root)
            p = start_second_part(in, &sc, split, display_name, fn, ud[1], &thread);
    }
    /* The first part must end exactly at a resume point of the stream. */
    if (p && st == TP_SCAN_NEED_MORE)
        st = scan_window(&r, &sc, &w, split, false);
    bool joined = p && st == TP_SCAN_NEED_MORE && sc.pos == split && sc.resume_at == split &&
                  sc.depth == 1 && r.rc == TP_OK && !w.io_error;
    if (p) {
        if (!joined)
            atomic_store(&p->abandon, true);
        pthread_join(thread, NULL);
    }
    tp_err rc, rc2;
    bool io_error = w.io_error;
    if (joined) { /* the second part's reading is the rest of this one */
        *n_parts = 2;
        *first_count = r.count;
        p->r.stream_problem |= r.stream_problem;
        bidr_finish(&r);
        rc = p->rc;
        rc2 = bidr_finish(&p->r);
        io_error = p->w.io_error;
        tp_diags_append(d, &p->d);
    } else { /* the second part's work, if any, is lost: read on alone */
        if (p)
            bidr_finish(&p->r);
        rc = io_error ? TP_OK : read_rest_window(&r, &h, &sc, &w, st);
        io_error = w.io_error;
        rc2 = bidr_finish(&r);
    }
    if (p) {
        tp_diags_dispose(&p->d);
        tp_scan_dispose(&p->sc);
        free(p->w.buf);
        free(p);
    }
    free(w.buf);
    tp_scan_dispose(&sc);
    if (io_error) {
        tp_diag_error(d, display_name, 0, NULL, NULL, "read error (was the file changed while it was read?)");
        return TP_EIO;
    }
    return rc != TP_OK ? rc : rc2;
}
