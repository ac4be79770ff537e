/* The plain-XML scanner of bid streams (see bid_scan.h). Each token is
 * scanned whole or not at all: when the bytes run out inside one, the
 * scanner rewinds to its start and asks for more. Every check it cannot
 * make exactly as libxml2 would is a fallback, never an error of its own. */
#include "bid_scan.h"
#include "bid_scan_ref.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "../core/mem.h"
#include "bid.h"

#define MAX_NAME 31      /* longer names (none in bid.xsd): libxml2 */
#define MAX_VALUE 4000   /* longer values or texts: libxml2 (the reader caps texts at 4096) */
#define MAX_PREFIX 65536 /* the root's start tag must end before this */

void tp_scan_init(tp_scan *s)
{
    memset(s, 0, sizeof *s);
    s->line = 1;
    s->resume_line = 1;
    s->in_prolog = true;
    tp_buf_init(&s->scratch);
}

void tp_scan_dispose(tp_scan *s)
{
    free(s->prefix);
    s->prefix = NULL;
    tp_buf_dispose(&s->scratch);
}

void tp_scan_fork(tp_scan *s, const tp_scan *from, uint64_t pos)
{
    tp_scan_init(s);
    s->pos = s->resume_at = pos;
    s->depth = 1;
    s->in_prolog = false;
    s->root_is_stream = from->root_is_stream;
    memcpy(s->root_name, from->root_name, sizeof s->root_name);
    s->root_name_len = from->root_name_len;
    s->prefix_len = from->prefix_len;
    s->prefix = xmalloc(from->prefix_len);
    memcpy(s->prefix, from->prefix, from->prefix_len);
    s->prefix_line = from->prefix_line;
}

void tp_scan_resume(const tp_scan *s, uint64_t *from, const char **prefix, size_t *prefix_len,
                    int *pad)
{
    *from = s->resume_at;
    *prefix = s->resume_at ? s->prefix : NULL;
    *prefix_len = s->resume_at ? s->prefix_len : 0;
    *pad = s->resume_at ? s->resume_line - s->prefix_line : 0;
}

/* ------------------------------------------------------------------ characters */

/* 1: may go on a name, 2: may also start one (ASCII names only). */
static const unsigned char name_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
    0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 3,
    0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static inline bool name_start(unsigned char c)
{
    return name_class[c] & 1;
}

static inline bool name_char(unsigned char c)
{
    return name_class[c] != 0;
}

/* 1: copied as is in an attribute value (the quotes are checked apart),
 * 2: copied as is in text (LF apart: it counts a line). */
static const unsigned char plain_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    3, 3, 2, 3, 3, 3, 0, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

#ifdef __SSE2__
static inline __m128i bytes_eq(__m128i v, char c)
{
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}

/* plain_class & 1 sixteen bytes at a time (p[0, 16) must be readable): bit
 * i is set when p[i] ends a value's run. Bytes from 0x80 on and control
 * characters are the signed ones below 0x20. (Names and texts are too short
 * for this to pay.) */
static inline unsigned value_stops(const unsigned char *p)
{
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i m = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
    m = _mm_or_si128(m, _mm_or_si128(bytes_eq(v, '"'), bytes_eq(v, '\'')));
    m = _mm_or_si128(m, _mm_or_si128(bytes_eq(v, '&'), bytes_eq(v, '<')));
    return (unsigned)_mm_movemask_epi8(m);
}

#endif

/* ------------------------------------------------------------------ pieces of tokens */

/* White space at c->p, counting lines; *any (if asked) says whether there was any. */
static step skip_space_slow(cursor *c, bool *any)
{
    const unsigned char *p = c->p;
    for (;; p++) {
        if (p == c->end) {
            c->p = p;
            return STEP_MORE;
        }
        if (*p == ' ' || *p == '\t')
            continue;
        if (*p == '\n') {
            c->line++;
            continue;
        }
        if (*p == '\r') {
            if (p + 1 == c->end) {
                c->p = p;
                return STEP_MORE;
            }
            if (p[1] != '\n')
                return STEP_BAD; /* a lone CR: libxml2 counts lines its own way */
            continue;
        }
        break;
    }
    if (any)
        *any = p != c->p;
    c->p = p;
    return STEP_OK;
}

static inline step skip_space(cursor *c, bool *any)
{
    if (c->end - c->p > 1 && c->p[0] <= ' ') {
        if (c->p[0] == ' ' && c->p[1] > ' ') { /* one space, between attributes */
            c->p++;
            if (any)
                *any = true;
            return STEP_OK;
        }
    } else if (c->p < c->end && *c->p > ' ') { /* nothing to skip */
        if (any)
            *any = false;
        return STEP_OK;
    }
    return skip_space_slow(c, any);
}

/* A name at c->p, left where it is in the input. */
static inline step scan_name(cursor *c, const char **name, size_t *len)
{
    const unsigned char *p = c->p, *q = p;
    if (p == c->end)
        return STEP_MORE;
    if (!name_start(*p))
        return STEP_BAD;
    while (q < c->end && name_char(*q))
        q++;
    if (q == c->end)
        return STEP_MORE;
    if (q - p > MAX_NAME)
        return STEP_BAD;
    *name = (const char *)p;
    *len = (size_t)(q - p);
    c->p = q;
    return STEP_OK;
}

/* A piece of decoded text: straight from the input when nothing needed
 * decoding, else in a scratch buffer. */
typedef struct piece {
    const char *direct; /* NULL: in the buffer from off on */
    size_t off, len;
} piece;

static inline bool plain_text(unsigned char ch)
{
    return plain_class[ch] & 2;
}

/* Past the characters of an attribute value that need no decoding (the
 * other quote included), up to the closing quote or a special one. */
static void value_run(cursor *c, unsigned char quote)
{
    for (;;) {
#ifdef __SSE2__
        while (c->end - c->p >= 16) {
            unsigned stop = value_stops(c->p);
            if (stop) {
                c->p += __builtin_ctz(stop);
                goto stopped;
            }
            c->p += 16;
        }
#endif
        while (c->p < c->end && (plain_class[*c->p] & 1))
            c->p++;
#ifdef __SSE2__
    stopped:
#endif
        if (c->p == c->end || *c->p == quote || (*c->p != '"' && *c->p != '\''))
            return;
        c->p++; /* the other quote */
    }
}

/* Past the characters of text that need no decoding, counting lines. */
static void text_run(cursor *c)
{
    for (; c->p < c->end; c->p++) {
        if (plain_text(*c->p))
            continue;
        if (*c->p != '\n')
            return;
        c->line++;
    }
}

static step scan_value_slow(cursor *c, tp_buf *out, piece *v, unsigned char quote,
                            const unsigned char *run);

/* A quoted attribute value at c->p, normalised (tab, LF and CRLF to one space). */
static inline step scan_value(cursor *c, tp_buf *out, piece *v)
{
    unsigned char quote = *c->p++;
    const unsigned char *run = c->p;
    value_run(c, quote);
    if (c->p < c->end && *c->p == quote) { /* the usual case */
        if (c->p - run > MAX_VALUE)
            return STEP_BAD;
        v->direct = (const char *)run;
        v->len = (size_t)(c->p - run);
        c->p++;
        return STEP_OK;
    }
    return scan_value_slow(c, out, v, quote, run);
}

/* The rest of a value with characters to decode, from run on, in out. */
static step scan_value_slow(cursor *c, tp_buf *out, piece *v, unsigned char quote,
                            const unsigned char *run)
{
    v->direct = NULL;
    v->off = out->len;
    for (;;) {
        tp_buf_put(out, run, (size_t)(c->p - run));
        if (out->len - v->off > MAX_VALUE)
            return STEP_BAD;
        if (c->p == c->end)
            return STEP_MORE;
        if (*c->p == quote) {
            c->p++;
            break;
        }
        step st = tp_scan_decode_one(c, out, true);
        if (st != STEP_OK)
            return st;
        run = c->p;
        value_run(c, quote);
    }
    v->len = out->len - v->off;
    return v->len > MAX_VALUE ? STEP_BAD : STEP_OK;
}

/* Character data up to the next '<', decoded. */
static step scan_text(cursor *c, tp_buf *out, piece *v)
{
    const unsigned char *run = c->p;
    text_run(c);
    if (c->p - run > MAX_VALUE)
        return STEP_BAD;
    if (c->p < c->end && *c->p == '<') { /* the usual case */
        v->direct = (const char *)run;
        v->len = (size_t)(c->p - run);
        return STEP_OK;
    }
    v->direct = NULL;
    v->off = out->len;
    for (;;) {
        tp_buf_put(out, run, (size_t)(c->p - run));
        if (out->len - v->off > MAX_VALUE)
            return STEP_BAD;
        if (c->p == c->end)
            return STEP_MORE;
        if (*c->p == '<')
            break;
        step st;
        if (*c->p == ']') { /* "]]>" may not appear in text */
            if (c->end - c->p < 3)
                return STEP_MORE;
            if (c->p[1] == ']' && c->p[2] == '>')
                return STEP_BAD;
            tp_buf_putc(out, ']');
            c->p++;
        } else if ((st = tp_scan_decode_one(c, out, false)) != STEP_OK) {
            return st;
        }
        run = c->p;
        text_run(c);
    }
    v->len = out->len - v->off;
    return STEP_OK;
}

/* ------------------------------------------------------------------ tags */

/* One tp_scan_run: the scanner, where it is, and whom it tells. */
typedef struct run {
    tp_scan *s;
    cursor c;
    const unsigned char *data; /* the input from offset base */
    uint64_t base;
    const tp_scan_events *ev;
    void *ud;
    tp_scan_status stop; /* TP_SCAN_NEED_MORE, or why the scan must end after this token */
} run;

typedef struct tag {
    const char *name; /* in the input */
    size_t name_len;
    tp_scan_attr attrs[TP_SCAN_MAX_ATTRS];
    size_t n_attrs;
    const char *xmlns; /* an xmlns attribute's value, xmlns_len bytes, if has_xmlns */
    size_t xmlns_len;
    bool has_xmlns;
    bool empty;        /* <name/> */
} tag;

/* <name attr="value" ...> or <name .../> at c->p. */
static step scan_start_tag(cursor *c, tp_buf *scratch, tag *t)
{
    size_t off[TP_SCAN_MAX_ATTRS]; /* of the values in scratch (value NULL) */
    size_t xmlns_off = 0;
    tp_scan_attr *a = t->attrs;
    size_t n = 0;
    step st;
    if (scratch->len) /* only values with references or line ends use it */
        tp_buf_clear(scratch);
    t->has_xmlns = false;
    c->p++;
    if ((st = scan_name(c, &t->name, &t->name_len)) != STEP_OK)
        return st;
    for (;;) {
        bool space = false;
        if (c->p < c->end && *c->p == ' ') { /* the usual single space */
            c->p++;
            space = true;
        }
        if (c->p == c->end || *c->p <= ' ') {
            bool more = false;
            if ((st = skip_space(c, &more)) != STEP_OK)
                return st;
            space |= more;
        }
        if (*c->p == '>') {
            c->p++;
            t->empty = false;
            break;
        }
        if (*c->p == '/') {
            if (c->p + 1 == c->end)
                return STEP_MORE;
            if (c->p[1] != '>')
                return STEP_BAD;
            c->p += 2;
            t->empty = true;
            break;
        }
        if (!space || n == TP_SCAN_MAX_ATTRS)
            return STEP_BAD;
        tp_scan_attr *at = &a[n];
        if ((st = scan_name(c, &at->name, &at->name_len)) != STEP_OK)
            return st;
        if (*c->p != '=') { /* white space around '=' is rare */
            if ((st = skip_space(c, NULL)) != STEP_OK)
                return st;
            if (*c->p != '=')
                return STEP_BAD;
        }
        c->p++;
        if (c->p == c->end || (*c->p != '"' && *c->p != '\'')) {
            if ((st = skip_space(c, NULL)) != STEP_OK)
                return st;
            if (*c->p != '"' && *c->p != '\'')
                return STEP_BAD;
        }
        piece v = {NULL, 0, 0};
        if ((st = scan_value(c, scratch, &v)) != STEP_OK)
            return st;
        at->value = v.direct;
        at->value_len = v.len;
        at->ns = false;
        /* xmlns is a declaration, not an attribute: kept apart (after the attributes). */
        bool is_xmlns = tp_scan_same_name(at->name, at->name_len, "xmlns", 5);
        for (size_t i = 0; i < n; i++)
            if (tp_scan_same_name(a[i].name, a[i].name_len, at->name, at->name_len))
                return STEP_BAD; /* a repeated attribute */
        if (is_xmlns) {
            if (t->has_xmlns)
                return STEP_BAD;
            t->has_xmlns = true;
            t->xmlns = v.direct;
            t->xmlns_len = v.len;
            xmlns_off = v.off;
            continue;
        }
        off[n++] = v.off;
    }
    /* The buffer no longer moves: point into it. */
    if (scratch->len) {
        for (size_t i = 0; i < n; i++)
            if (!a[i].value)
                a[i].value = scratch->data + off[i];
        if (t->has_xmlns && !t->xmlns)
            t->xmlns = scratch->data + xmlns_off;
    }
    t->n_attrs = n;
    return STEP_OK;
}

/* </name> at c->p, name that of the open element (not compared yet: the
 * input's name is compared with it in place). */
static step scan_end_tag(run *r)
{
    tp_scan *s = r->s;
    cursor *c = &r->c;
    const char *name;
    size_t len;
    if (s->depth == 0)
        return STEP_BAD;
    if (s->depth == 1) {
        name = s->root_name;
        len = s->root_name_len;
    } else {
        uint64_t at = s->open_at[s->depth - 1];
        if (at < r->base)
            return STEP_BAD; /* not kept in data (tp_scan_run's callers keep it) */
        name = (const char *)r->data + (at - r->base);
        len = s->open_len[s->depth - 1];
    }
    const unsigned char *p = c->p + 2;
    if ((size_t)(c->end - p) <= len)
        return STEP_MORE;
    if (!tp_scan_equal((const char *)p, name, len) || name_char(p[len]))
        return STEP_BAD;
    c->p = p + len;
    step st = skip_space(c, NULL);
    if (st != STEP_OK)
        return st;
    if (*c->p != '>')
        return STEP_BAD;
    c->p++;
    return STEP_OK;
}

/* <?xml version="1.0" encoding="UTF-8" standalone="yes"?>, the plain forms only. */
static step scan_xml_decl(cursor *c)
{
    static const char *const names[] = {"version", "encoding", "standalone"};
    const unsigned char *p = c->p;
    if (c->end - p < 6)
        return STEP_MORE;
    if (memcmp(p, "<?xml", 5) != 0 || (p[5] != ' ' && p[5] != '\t' && p[5] != '\n'))
        return STEP_BAD;
    c->p += 5;
    step st;
    int k = 0;
    tp_buf value;
    tp_buf_init(&value);
    for (;;) {
        bool space = false;
        if ((st = skip_space(c, &space)) != STEP_OK)
            goto done;
        if (*c->p == '?') {
            st = c->p + 1 == c->end ? STEP_MORE : c->p[1] == '>' && k > 0 ? STEP_OK : STEP_BAD;
            if (st == STEP_OK)
                c->p += 2;
            goto done;
        }
        const char *name;
        size_t name_len;
        st = STEP_BAD;
        if (!space || (st = scan_name(c, &name, &name_len)) != STEP_OK)
            goto done;
        while (k < 3 && !tp_scan_same_name(name, name_len, names[k], strlen(names[k])))
            k = k == 0 ? 3 : k + 1; /* version first, then in this order */
        if (k == 3) {
            st = STEP_BAD;
            goto done;
        }
        if ((st = skip_space(c, NULL)) != STEP_OK)
            goto done;
        st = STEP_BAD;
        if (*c->p != '=')
            goto done;
        c->p++;
        if ((st = skip_space(c, NULL)) != STEP_OK)
            goto done;
        st = STEP_BAD;
        if (*c->p != '"' && *c->p != '\'')
            goto done;
        tp_buf_clear(&value);
        piece pv;
        if ((st = scan_value(c, &value, &pv)) != STEP_OK)
            goto done;
        if (pv.direct)
            tp_buf_put(&value, pv.direct, pv.len);
        const char *v = tp_buf_cstr(&value);
        bool ok = k == 0 ? !strcmp(v, "1.0")
                : k == 1 ? !strcmp(v, "UTF-8") || !strcmp(v, "utf-8")
                : !strcmp(v, "yes") || !strcmp(v, "no");
        st = STEP_BAD;
        if (!ok)
            goto done;
        k++;
    }
done:
    tp_buf_dispose(&value);
    return st;
}

/* ------------------------------------------------------------------ the loop */

static inline bool is_bid_ns(const char *v, size_t n)
{
    return n == sizeof TP_BID_NS - 1 && memcmp(v, TP_BID_NS, n) == 0;
}

static void checkpoint(run *r)
{
    r->s->resume_at = r->base + (uint64_t)(r->c.p - r->data);
    r->s->resume_line = r->c.line;
    r->ev->checkpoint(r->ud);
}

/* What a handler said: go on, stop after this token (STEP_OK), or fall back. */
static step verdict(run *r, tp_scan_verdict v)
{
    if (v == TP_SCAN_GO)
        return STEP_OK;
    if (v == TP_SCAN_STOP) {
        r->stop = TP_SCAN_STOPPED;
        return STEP_OK;
    }
    return STEP_BAD;
}

/* The root's start tag: the resume point of a fall back from here on. */
static step on_root_tag(run *r, tag *t)
{
    tp_scan *s = r->s;
    cursor *c = &r->c;
    bool stream = tp_scan_same_name(t->name, t->name_len, "bids", 4);
    if ((!stream && !tp_scan_same_name(t->name, t->name_len, "bid", 3)) || !t->has_xmlns ||
        !is_bid_ns(t->xmlns, t->xmlns_len) || r->base != 0 ||
        (size_t)(c->p - r->data) > MAX_PREFIX)
        return STEP_BAD;
    s->prefix_len = (size_t)(c->p - r->data);
    s->prefix = xmalloc(s->prefix_len);
    memcpy(s->prefix, r->data, s->prefix_len);
    s->prefix_line = c->line;
    s->in_prolog = false;
    s->root_is_stream = stream;
    memcpy(s->root_name, t->name, t->name_len);
    s->root_name[t->name_len] = '\0';
    s->root_name_len = t->name_len;
    tp_scan_verdict v = r->ev->start(r->ud, t->name, t->name_len, t->attrs, t->n_attrs, c->line);
    if (v != TP_SCAN_GO)
        return verdict(r, v);
    if (t->empty) {
        s->after_root = true;
        s->root_end_line = c->line;
        return STEP_OK;
    }
    s->depth = 1;
    if (stream)
        checkpoint(r);
    return STEP_OK;
}

/* Handles one start tag inside the root; STEP_BAD means fall back. */
static step on_start_tag(run *r, tag *t)
{
    tp_scan *s = r->s;
    if ((t->has_xmlns && !is_bid_ns(t->xmlns, t->xmlns_len)) || s->depth == TP_SCAN_MAX_DEPTH ||
        (s->root_is_stream && s->depth == 1 && !tp_scan_same_name(t->name, t->name_len, "bid", 3)))
        return STEP_BAD; /* stream-level problems and other namespaces: libxml2's way */
    tp_scan_verdict v = r->ev->start(r->ud, t->name, t->name_len, t->attrs, t->n_attrs, r->c.line);
    if (v != TP_SCAN_GO)
        return verdict(r, v);
    if (!t->empty) {
        s->open_at[s->depth] = r->base + (uint64_t)((const unsigned char *)t->name - r->data);
        s->open_len[s->depth++] = (unsigned char)t->name_len;
        return STEP_OK;
    }
    v = r->ev->end(r->ud, r->c.line);
    if (v != TP_SCAN_GO)
        return verdict(r, v);
    if (s->root_is_stream && s->depth == 1)
        checkpoint(r);
    return STEP_OK;
}

/* After the end tag of the open element. */
static step on_end_tag(run *r)
{
    tp_scan *s = r->s;
    if (s->depth == 1) { /* the root: delivered once the input is known to end well */
        s->depth = 0;
        s->after_root = true;
        s->root_end_line = r->c.line;
        return STEP_OK;
    }
    tp_scan_verdict v = r->ev->end(r->ud, r->c.line);
    if (v != TP_SCAN_GO)
        return verdict(r, v);
    s->depth--;
    if (s->root_is_stream && s->depth == 1)
        checkpoint(r);
    return STEP_OK;
}

/* Character data at c->p, inside the root. When the end tag of the open
 * element follows, it is the same token: its event comes right after the
 * text's, while the text is still where the scanner left it. */
static step text_token(run *r)
{
    tp_scan *s = r->s;
    cursor *c = &r->c;
    piece text = {NULL, 0, 0};
    step st;
    if (s->scratch.len)
        tp_buf_clear(&s->scratch);
    if ((st = scan_text(c, &s->scratch, &text)) != STEP_OK)
        return st;
    const char *t = text.direct ? text.direct : s->scratch.data + text.off;
    cursor at = *c; /* at the '<' */
    bool end = c->end - c->p > 1 && c->p[1] == '/';
    if (end && (st = scan_end_tag(r)) != STEP_OK) {
        if (st == STEP_MORE)
            return st;
        *c = at; /* a bad end tag: the next token says so */
        end = false;
    }
    tp_scan_verdict v = r->ev->text(r->ud, t, text.len, end);
    if (v != TP_SCAN_GO) {
        *c = at;
        return verdict(r, v);
    }
    return end ? on_end_tag(r) : STEP_OK;
}

/* One token outside the root (the prolog, or after the root's end). */
static step outside_token(run *r)
{
    tp_scan *s = r->s;
    cursor *c = &r->c;
    step st;
    uint64_t off = r->base + (uint64_t)(c->p - r->data);
    if (s->in_prolog && off == 0 && c->p[0] == 0xEF) { /* the UTF-8 byte order mark */
        if (c->end - c->p < 3)
            return STEP_MORE;
        if (c->p[1] != 0xBB || c->p[2] != 0xBF)
            return STEP_BAD;
        c->p += 3;
        s->had_bom = true;
        return STEP_OK;
    }
    if (*c->p != '<') { /* only white space outside the root */
        st = skip_space(c, NULL);
        if (st == STEP_MORE && c->p == c->end)
            return STEP_OK;
        return st != STEP_OK ? st : *c->p == '<' ? STEP_OK : STEP_BAD;
    }
    if (c->p + 1 == c->end)
        return STEP_MORE;
    if (s->after_root || c->p[1] == '!' || c->p[1] == '/')
        return STEP_BAD; /* comments, CDATA, DOCTYPE */
    if (c->p[1] == '?')
        return off != (s->had_bom ? 3u : 0u) ? STEP_BAD : scan_xml_decl(c);
    tag t;
    if ((st = scan_start_tag(c, &s->scratch, &t)) != STEP_OK)
        return st;
    return on_root_tag(r, &t);
}

/* One token at c->p; r->stop set when the scan must end after it. */
static step scan_token(run *r)
{
    tp_scan *s = r->s;
    cursor *c = &r->c;
    if (s->in_prolog || s->after_root)
        return outside_token(r);
    if (*c->p != '<')
        return text_token(r);
    if (c->p + 1 == c->end)
        return STEP_MORE;
    step st;
    if (c->p[1] == '/') {
        if ((st = scan_end_tag(r)) != STEP_OK)
            return st;
        return on_end_tag(r);
    }
    if (c->p[1] == '?' || c->p[1] == '!')
        return STEP_BAD; /* processing instructions, comments, CDATA */
    tag t;
    if ((st = scan_start_tag(c, &s->scratch, &t)) != STEP_OK)
        return st;
    return on_start_tag(r, &t);
}

/* Leaves the scan at p (on line), the next byte to scan. */
static tp_scan_status leave(run *r, const unsigned char *p, int line, tp_scan_status st)
{
    r->s->pos = r->base + (uint64_t)(p - r->data);
    r->s->line = line;
    return st;
}

tp_scan_status tp_scan_run(tp_scan *s, const char *data, size_t len, uint64_t base, bool eof,
                           const tp_scan_events *ev, void *ud)
{
    const unsigned char *d = (const unsigned char *)data;
    run r = {s, {d + (s->pos - base), d + len, s->line}, d, base, ev, ud, TP_SCAN_NEED_MORE};
    for (;;) {
        if (r.c.p == r.c.end) {
            if (!eof)
                return leave(&r, r.c.p, r.c.line, TP_SCAN_NEED_MORE);
            if (!s->after_root) /* ended early: libxml2 says how */
                return leave(&r, r.c.p, r.c.line, TP_SCAN_FELL_BACK);
            tp_scan_verdict v = ev->end(ud, s->root_end_line);
            return leave(&r, r.c.p, r.c.line,
                         v == TP_SCAN_GO     ? TP_SCAN_DONE
                         : v == TP_SCAN_STOP ? TP_SCAN_STOPPED
                                             : TP_SCAN_FELL_BACK);
        }
        const unsigned char *start = r.c.p;
        int start_line = r.c.line;
        step st = scan_token(&r);
        if (st == STEP_MORE)
            return leave(&r, start, start_line, eof ? TP_SCAN_FELL_BACK : TP_SCAN_NEED_MORE);
        if (st == STEP_BAD)
            return leave(&r, start, start_line, TP_SCAN_FELL_BACK);
        if (r.stop != TP_SCAN_NEED_MORE)
            return leave(&r, r.c.p, r.c.line, r.stop);
    }
}
