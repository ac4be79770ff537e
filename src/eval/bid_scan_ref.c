/* The scanner's slow paths (see bid_scan_ref.h): what it decodes, as
 * libxml2's SAX2 parser would hand it on. */
#include "bid_scan_ref.h"

#include <string.h>

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

step tp_scan_decode_one(cursor *c, tp_buf *out, bool in_attr)
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
