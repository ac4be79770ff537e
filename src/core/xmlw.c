#include "xmlw.h"

#include <stdio.h>
#include <string.h>

#include "date.h"

/* Decodes one UTF-8 character of s[0..n) (n >= 1): its byte length (1..4),
 * or 1 with U+FFFD for an invalid sequence. */
static size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[0];
    size_t len;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        goto invalid;
    }
    if (len > n)
        goto invalid;
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            goto invalid;
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        goto invalid;
    *cp = v;
    return len;
invalid:
    *cp = 0xFFFD;
    return 1;
}

void tp_xmlw_textn(tp_buf *b, const char *s, size_t n)
{
    size_t run = 0; /* start of the pending run copied verbatim */
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        size_t len = 1;
        if (c >= 0x80) {
            uint32_t cp;
            len = utf8_decode(s + i, n - i, &cp);
            if (cp == 0xFFFD && len == 1)
                rep = "\xEF\xBF\xBD";
            else if (cp == 0xFFFE || cp == 0xFFFF)
                rep = "";
        } else {
            switch (c) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\r': rep = "&#13;"; break;
            default:
                if (c < 0x20 && c != '\t' && c != '\n')
                    rep = "";
            }
        }
        if (rep) {
            tp_buf_put(b, s + run, i - run);
            tp_buf_puts(b, rep);
            run = i + len;
        }
        i += len;
    }
    tp_buf_put(b, s + run, n - run);
}

void tp_xmlw_text(tp_buf *b, const char *s)
{
    if (s)
        tp_xmlw_textn(b, s, strlen(s));
}

const char *tp_xmlw_datetime(char buf[21], int64_t epoch)
{
    /* 0001-01-01 .. 9999-12-31T23:59:59: the four-digit years of W3CDTF. */
    const int64_t min = -62135596800, max = 253402300799;
    if (epoch < min)
        epoch = min;
    if (epoch > max)
        epoch = max;
    int64_t days = epoch / 86400, secs = epoch % 86400;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    tp_date d = tp_date_from_days((long)days);
    snprintf(buf, 21, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.y, d.m, d.d, (int)(secs / 3600),
             (int)(secs / 60 % 60), (int)(secs % 60));
    return buf;
}
