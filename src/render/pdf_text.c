/* UTF-8 -> CP1252 with a documented fallback (see pdf_text.h). */
#include "pdf_text.h"

/* CP1252 0x80..0x9F: the only range where it differs from Latin-1. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 80-87 */
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,      /* 88-8F */
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 90-97 */
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178, /* 98-9F */
};

uint32_t tp_utf8_decode(const char *s, size_t len, size_t *used)
{
    const unsigned char *u = (const unsigned char *)s;
    *used = 1;
    unsigned char c = u[0];
    if (c < 0x80)
        return c;
    size_t n;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return 0xFFFD;
    }
    if (len < n)
        return 0xFFFD;
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0xFFFD;
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0xFFFD;
    *used = n;
    return cp;
}

int tp_cp1252_from_unicode(uint32_t cp)
{
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
        return (int)cp;
    if (cp >= 0x80 && cp < 0xA0)
        return -1; /* C1 controls */
    for (int i = 0; i < 32; i++)
        if (cp1252_high[i] == cp)
            return 0x80 + i;
    return -1;
}

/* Replacement for a character outside CP1252. *approx tells whether it
 * changes the meaning's form (counted for the caller) or is an equivalent. */
static const char *fallback(uint32_t cp, int *approx)
{
    *approx = 1;
    switch (cp) {
    case 0x2264: return "<=";
    case 0x2265: return ">=";
    case 0x2260: return "<>";
    case 0x2192: return "->";
    case 0x2190: return "<-";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    default: break;
    }
    *approx = 0;
    switch (cp) {
    case 0x2212: case 0x2010: case 0x2011: return "-";
    case 0x202F: case 0x2007: return "\xA0";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD: return "";
    case '\t': case '\n': case '\r': return " ";
    default: break;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return " ";
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        return "";
    *approx = 1;
    return "?";
}

size_t tp_cp1252_append(tp_buf *out, const char *utf8, size_t len)
{
    size_t replaced = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)utf8[i];
        /* Fast path: printable ASCII runs, the bulk of any text. */
        if (c >= 0x20 && c < 0x7F) {
            size_t j = i + 1;
            while (j < len && (unsigned char)utf8[j] >= 0x20 && (unsigned char)utf8[j] < 0x7F)
                j++;
            tp_buf_put(out, utf8 + i, j - i);
            i = j;
            continue;
        }
        size_t used;
        uint32_t cp = tp_utf8_decode(utf8 + i, len - i, &used);
        i += used;
        int b = (cp >= 0x20 && cp != 0x7F) ? tp_cp1252_from_unicode(cp) : -1;
        if (b >= 0 && cp != 0xAD) {
            tp_buf_putc(out, (char)b);
            continue;
        }
        int approx;
        tp_buf_puts(out, fallback(cp, &approx));
        replaced += (size_t)approx;
    }
    return replaced;
}
