/* The plain-XML scanner of bid streams (see bid_scan.h). Each token is
 * scanned whole or not at all: when the bytes run out inside one, the
 * scanner rewinds to its start and asks for more. Every check it cannot
 * make exactly as libxml2 would is a fallback, never an error of its own. */
#include "bid_scan.h"

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "bid.h"

#define MAX_NAME 31      /* longer names (none in bid.xsd): libxml2 */
#define MAX_VALUE 4000   /* longer values or texts: libxml2 (the reader caps texts at 4096) */
#define MAX_PREFIX 65536 /* the root's start tag must end before this */

typedef enum step { STEP_OK, STEP_MORE, STEP_BAD } step;

typedef struct cursor {
    const unsigned char *p, *end;
    int line;
} cursor;

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
    memcpy(s->names[0], from->names[0], sizeof s->names[0]);
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

/* Length of the UTF-8 sequence at p if it is one XML Char, 0 if not, -1 if
 * it may be one but is cut by end. */
static int utf8_char(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    int n = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (n == 0)
        return 0;
    if (end - p < n)
        return -1;
    unsigned lo = 0x80, hi = 0xBF;
    if (c == 0xE0)
        lo = 0xA0;
    else if (c == 0xED)
        hi = 0x9F; /* no surrogates */
    else if (c == 0xF0)
        lo = 0x90;
    else if (c == 0xF4)
        hi = 0x8F;
    if (p[1] < lo || p[1] > hi)
        return 0;
    for (int i = 2; i < n; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    if (c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE)
        return 0; /* U+FFFE, U+FFFF */
    return n;
}

static bool xml_char(unsigned long v)
{
    return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
           (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
}

static void put_utf8(tp_buf *b, unsigned long v)
{
    char u[4];
    size_t n;
    if (v < 0x80) {
        u[0] = (char)v;
        n = 1;
    } else if (v < 0x800) {
        u[0] = (char)(0xC0 | (v >> 6));
        u[1] = (char)(0x80 | (v & 0x3F));
        n = 2;
    } else if (v < 0x10000) {
        u[0] = (char)(0xE0 | (v >> 12));
        u[1] = (char)(0x80 | ((v >> 6) & 0x3F));
        u[2] = (char)(0x80 | (v & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (v >> 18));
        u[1] = (char)(0x80 | ((v >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((v >> 6) & 0x3F));
        u[3] = (char)(0x80 | (v & 0x3F));
        n = 4;
    }
    tp_buf_put(b, u, n);
}

/* ------------------------------------------------------------------ pieces of tokens */

static step skip_space(cursor *c, bool *any)
{
    const unsigned char *p = c->p;
    if (p < c->end && *p > ' ') { /* the usual case: nothing to skip */
        if (any)
            *any = false;
        return STEP_OK;
    }
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

static step scan_name(cursor *c, char out[MAX_NAME + 1])
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
    memcpy(out, p, (size_t)(q - p));
    out[q - p] = '\0';
    c->p = q;
    return STEP_OK;
}

/* &...; at c->p. In attribute values libxml2's SAX2 hands '&' on as "&#38;". */
static step scan_ref(cursor *c, tp_buf *out, bool in_attr)
{
    const unsigned char *p = c->p + 1, *q = p;
    while (q < c->end && q - p < 12 && *q != ';')
        q++;
    if (q == c->end)
        return q - p < 12 ? STEP_MORE : STEP_BAD;
    if (*q != ';')
        return STEP_BAD;
    size_t n = (size_t)(q - p);
    unsigned long v = 0;
    if (n == 2 && p[0] == 'l' && p[1] == 't')
        v = '<';
    else if (n == 2 && p[0] == 'g' && p[1] == 't')
        v = '>';
    else if (n == 3 && !memcmp(p, "amp", 3))
        v = '&';
    else if (n == 4 && !memcmp(p, "quot", 4))
        v = '"';
    else if (n == 4 && !memcmp(p, "apos", 4))
        v = '\'';
    else if (n >= 2 && p[0] == '#' && p[1] == 'x') {
        if (n == 2)
            return STEP_BAD;
        for (size_t i = 2; i < n; i++) {
            unsigned char h = p[i];
            int d = h >= '0' && h <= '9' ? h - '0'
                  : h >= 'a' && h <= 'f' ? h - 'a' + 10
                  : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (d < 0 || v > 0x10FFFF)
                return STEP_BAD;
            v = v * 16 + (unsigned long)d;
        }
        if (!xml_char(v))
            return STEP_BAD;
    } else if (n >= 2 && p[0] == '#') {
        for (size_t i = 1; i < n; i++) {
            if (p[i] < '0' || p[i] > '9' || v > 0x10FFFF)
                return STEP_BAD;
            v = v * 10 + (unsigned long)(p[i] - '0');
        }
        if (!xml_char(v))
            return STEP_BAD;
    } else {
        return STEP_BAD; /* other entities need a DTD: libxml2 says what is wrong */
    }
    if (v == '&' && in_attr)
        tp_buf_put(out, "&#38;", 5);
    else
        put_utf8(out, v);
    c->p = q + 1;
    return STEP_OK;
}

/* A piece of decoded text: straight from the input when nothing needed
 * decoding, else in a scratch buffer. */
typedef struct piece {
    const char *direct; /* NULL: in the buffer from off on */
    size_t off, len;
} piece;

/* The character at c->p that stopped a run of plain ones (other than the
 * run's end): CRLF, a reference, a UTF-8 sequence, and in an attribute tab
 * and LF, which become spaces. A lone CR, '<' or a control character: BAD. */
static step decode_one(cursor *c, tp_buf *out, bool in_attr)
{
    unsigned char ch = *c->p;
    if (ch == '\n' || ch == '\t') {
        c->line += ch == '\n';
        tp_buf_putc(out, in_attr ? ' ' : (char)ch);
        c->p++;
        return STEP_OK;
    }
    if (ch == '\r') {
        if (c->p + 1 == c->end)
            return STEP_MORE;
        if (c->p[1] != '\n')
            return STEP_BAD; /* a lone CR: libxml2 counts lines its own way */
        tp_buf_putc(out, in_attr ? ' ' : '\n');
        c->line++;
        c->p += 2;
        return STEP_OK;
    }
    if (ch == '&')
        return scan_ref(c, out, in_attr);
    if (ch >= 0x80) {
        int n = utf8_char(c->p, c->end);
        if (n <= 0)
            return n < 0 ? STEP_MORE : STEP_BAD;
        tp_buf_put(out, c->p, (size_t)n);
        c->p += n;
        return STEP_OK;
    }
    return STEP_BAD;
}

static inline bool plain_text(unsigned char ch)
{
    return plain_class[ch] & 2;
}

/* Past the characters of an attribute value that need no decoding (the
 * other quote included), up to the closing quote or a special one. */
static void value_run(cursor *c, unsigned char quote)
{
    for (;;) {
        while (c->p < c->end && (plain_class[*c->p] & 1))
            c->p++;
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

/* A quoted attribute value at c->p, normalised (tab, LF and CRLF to one space). */
static step scan_value(cursor *c, tp_buf *out, piece *v)
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
        step st = decode_one(c, out, true);
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
        } else if ((st = decode_one(c, out, false)) != STEP_OK) {
            return st;
        }
        run = c->p;
        text_run(c);
    }
    v->len = out->len - v->off;
    return STEP_OK;
}

/* ------------------------------------------------------------------ tags */

typedef struct tag {
    char name[MAX_NAME + 1];
    char anames[TP_SCAN_MAX_ATTRS][MAX_NAME + 1];
    tp_scan_attr attrs[TP_SCAN_MAX_ATTRS];
    size_t n_attrs;
    piece xmlns;       /* an xmlns attribute's value; has_xmlns says if there was one */
    bool has_xmlns;
    bool empty;        /* <name/> */
} tag;

/* <name attr="value" ...> or <name .../> at c->p. */
static step scan_start_tag(cursor *c, tp_buf *scratch, tag *t)
{
    piece values[TP_SCAN_MAX_ATTRS];
    size_t n = 0;
    step st;
    tp_buf_clear(scratch);
    t->has_xmlns = false;
    c->p++;
    if ((st = scan_name(c, t->name)) != STEP_OK)
        return st;
    for (;;) {
        bool space = false;
        if ((st = skip_space(c, &space)) != STEP_OK)
            return st;
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
        char *aname = t->anames[n];
        if ((st = scan_name(c, aname)) != STEP_OK || (st = skip_space(c, NULL)) != STEP_OK)
            return st;
        if (*c->p != '=')
            return STEP_BAD;
        c->p++;
        if ((st = skip_space(c, NULL)) != STEP_OK)
            return st;
        if (*c->p != '"' && *c->p != '\'')
            return STEP_BAD;
        if ((st = scan_value(c, scratch, &values[n])) != STEP_OK)
            return st;
        for (size_t i = 0; i < n; i++)
            if (t->anames[i][0] == aname[0] && !strcmp(t->anames[i], aname))
                return STEP_BAD; /* a repeated attribute */
        n++;
    }
    /* The buffer no longer moves: point into it. xmlns is a declaration, not an attribute. */
    t->n_attrs = 0;
    for (size_t i = 0; i < n; i++) {
        const char *v = values[i].direct ? values[i].direct : scratch->data + values[i].off;
        if (t->anames[i][0] == 'x' && !strcmp(t->anames[i], "xmlns")) {
            t->has_xmlns = true;
            t->xmlns.direct = v;
            t->xmlns.len = values[i].len;
            continue;
        }
        tp_scan_attr *a = &t->attrs[t->n_attrs++];
        a->name = t->anames[i];
        a->value = v;
        a->value_len = values[i].len;
    }
    return STEP_OK;
}

/* </name> at c->p. */
static step scan_end_tag(cursor *c, char name[MAX_NAME + 1])
{
    step st;
    c->p += 2;
    if ((st = scan_name(c, name)) != STEP_OK || (st = skip_space(c, NULL)) != STEP_OK)
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
        char name[MAX_NAME + 1];
        st = STEP_BAD;
        if (!space || (st = scan_name(c, name)) != STEP_OK)
            goto done;
        while (k < 3 && strcmp(name, names[k]) != 0)
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

/* Handles one start tag; STEP_BAD means fall back. */
static step on_start_tag(tp_scan *s, cursor *c, tag *t, const unsigned char *data, uint64_t base,
                         const tp_scan_events *ev, void *ud, tp_scan_status *stop)
{
    tp_scan_verdict v;
    if (s->in_prolog) {
        bool stream = !strcmp(t->name, "bids");
        if ((!stream && strcmp(t->name, "bid") != 0) || !t->has_xmlns ||
            t->xmlns.len != strlen(TP_BID_NS) || memcmp(t->xmlns.direct, TP_BID_NS, t->xmlns.len) ||
            base != 0 || (size_t)(c->p - data) > MAX_PREFIX)
            return STEP_BAD;
        s->prefix_len = (size_t)(c->p - data);
        s->prefix = xmalloc(s->prefix_len);
        memcpy(s->prefix, data, s->prefix_len);
        s->prefix_line = c->line;
        s->in_prolog = false;
        s->root_is_stream = stream;
        v = ev->start(ud, t->name, t->attrs, t->n_attrs, c->line);
        if (v != TP_SCAN_GO)
            goto verdict;
        if (t->empty) {
            s->after_root = true;
            s->root_end_line = c->line;
            return STEP_OK;
        }
        memcpy(s->names[0], t->name, sizeof t->name);
        s->depth = 1;
        if (stream) {
            s->resume_at = base + (uint64_t)(c->p - data);
            s->resume_line = c->line;
            ev->checkpoint(ud);
        }
        return STEP_OK;
    }
    bool same_ns = t->has_xmlns && t->xmlns.len == strlen(TP_BID_NS) &&
                   !memcmp(t->xmlns.direct, TP_BID_NS, t->xmlns.len);
    if ((t->has_xmlns && !same_ns) || s->depth == TP_SCAN_MAX_DEPTH ||
        (s->root_is_stream && s->depth == 1 && strcmp(t->name, "bid") != 0))
        return STEP_BAD; /* stream-level problems and other namespaces: libxml2's way */
    v = ev->start(ud, t->name, t->attrs, t->n_attrs, c->line);
    if (v != TP_SCAN_GO)
        goto verdict;
    if (!t->empty) {
        memcpy(s->names[s->depth++], t->name, sizeof t->name);
        return STEP_OK;
    }
    v = ev->end(ud, c->line);
    if (v != TP_SCAN_GO)
        goto verdict;
    if (s->root_is_stream && s->depth == 1) {
        s->resume_at = base + (uint64_t)(c->p - data);
        s->resume_line = c->line;
        ev->checkpoint(ud);
    }
    return STEP_OK;
verdict:
    if (v == TP_SCAN_STOP) {
        *stop = TP_SCAN_STOPPED;
        return STEP_OK;
    }
    return STEP_BAD;
}

static step on_end_tag(tp_scan *s, cursor *c, const char *name, const unsigned char *data,
                       uint64_t base, const tp_scan_events *ev, void *ud, tp_scan_status *stop)
{
    if (s->depth == 0 || strcmp(name, s->names[s->depth - 1]) != 0)
        return STEP_BAD;
    if (s->depth == 1) { /* the root: delivered once the input is known to end well */
        s->depth = 0;
        s->after_root = true;
        s->root_end_line = c->line;
        return STEP_OK;
    }
    tp_scan_verdict v = ev->end(ud, c->line);
    if (v == TP_SCAN_STOP) {
        *stop = TP_SCAN_STOPPED;
        return STEP_OK;
    }
    if (v != TP_SCAN_GO)
        return STEP_BAD;
    s->depth--;
    if (s->root_is_stream && s->depth == 1) {
        s->resume_at = base + (uint64_t)(c->p - data);
        s->resume_line = c->line;
        ev->checkpoint(ud);
    }
    return STEP_OK;
}

/* One token at c->p; *stop set when the scan must end after it. */
static step scan_token(tp_scan *s, cursor *c, const unsigned char *data, uint64_t base,
                       const tp_scan_events *ev, void *ud, tp_scan_status *stop)
{
    step st;
    uint64_t off = base + (uint64_t)(c->p - data);
    if (s->in_prolog && off == 0 && c->p[0] == 0xEF) { /* the UTF-8 byte order mark */
        if (c->end - c->p < 3)
            return STEP_MORE;
        if (c->p[1] != 0xBB || c->p[2] != 0xBF)
            return STEP_BAD;
        c->p += 3;
        s->had_bom = true;
        return STEP_OK;
    }
    if (*c->p != '<') {
        if (s->in_prolog || s->after_root) { /* only white space outside the root */
            st = skip_space(c, NULL);
            if (st == STEP_MORE && c->p == c->end)
                return STEP_OK;
            return st != STEP_OK ? st : *c->p == '<' ? STEP_OK : STEP_BAD;
        }
        tp_buf_clear(&s->scratch);
        piece text = {NULL, 0, 0};
        if ((st = scan_text(c, &s->scratch, &text)) != STEP_OK)
            return st;
        tp_scan_verdict v =
            ev->text(ud, text.direct ? text.direct : s->scratch.data + text.off, text.len);
        if (v == TP_SCAN_STOP)
            *stop = TP_SCAN_STOPPED;
        return v == TP_SCAN_FALLBACK ? STEP_BAD : STEP_OK;
    }
    if (c->p + 1 == c->end)
        return STEP_MORE;
    if (s->after_root)
        return STEP_BAD;
    if (c->p[1] == '?') {
        if (!s->in_prolog || off != (s->had_bom ? 3u : 0u))
            return STEP_BAD;
        return scan_xml_decl(c);
    }
    if (c->p[1] == '!')
        return STEP_BAD; /* comments, CDATA, DOCTYPE */
    if (c->p[1] == '/') {
        char name[MAX_NAME + 1];
        if (s->in_prolog || (st = scan_end_tag(c, name)) != STEP_OK)
            return s->in_prolog ? STEP_BAD : st;
        return on_end_tag(s, c, name, data, base, ev, ud, stop);
    }
    tag t;
    if ((st = scan_start_tag(c, &s->scratch, &t)) != STEP_OK)
        return st;
    return on_start_tag(s, c, &t, data, base, ev, ud, stop);
}

tp_scan_status tp_scan_run(tp_scan *s, const char *data, size_t len, uint64_t base, bool eof,
                           const tp_scan_events *ev, void *ud)
{
    const unsigned char *d = (const unsigned char *)data;
    cursor c = {d + (s->pos - base), d + len, s->line};
    for (;;) {
        if (c.p == c.end) {
            if (!eof)
                return TP_SCAN_NEED_MORE;
            if (!s->after_root)
                return TP_SCAN_FELL_BACK; /* ended early: libxml2 says how */
            tp_scan_verdict v = ev->end(ud, s->root_end_line);
            return v == TP_SCAN_GO ? TP_SCAN_DONE
                 : v == TP_SCAN_STOP ? TP_SCAN_STOPPED : TP_SCAN_FELL_BACK;
        }
        tp_scan_status stop = TP_SCAN_NEED_MORE;
        const unsigned char *start = c.p;
        int start_line = c.line;
        step st = scan_token(s, &c, d, base, ev, ud, &stop);
        if (st == STEP_MORE) {
            c.p = start;
            c.line = start_line;
            if (eof)
                return TP_SCAN_FELL_BACK;
            return TP_SCAN_NEED_MORE;
        }
        if (st == STEP_BAD)
            return TP_SCAN_FELL_BACK;
        s->pos = base + (uint64_t)(c.p - d);
        s->line = c.line;
        if (stop != TP_SCAN_NEED_MORE)
            return stop;
    }
}
