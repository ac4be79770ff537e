#include "buf.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

void tp_buf_init(tp_buf *b)
{
    memset(b, 0, sizeof *b);
}

void tp_buf_dispose(tp_buf *b)
{
    free(b->data);
    tp_buf_init(b);
}

void tp_buf_clear(tp_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static void reserve(tp_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void tp_buf_put(tp_buf *b, const void *data, size_t len)
{
    reserve(b, len);
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void tp_buf_put_int(tp_buf *b, long long v)
{
    char digits[24];
    size_t i = sizeof digits;
    unsigned long long n = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        digits[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    if (v < 0)
        digits[--i] = '-';
    tp_buf_put(b, digits + i, sizeof digits - i);
}

void tp_buf_puts(tp_buf *b, const char *s)
{
    tp_buf_put(b, s, strlen(s));
}

void tp_buf_putc(tp_buf *b, char c)
{
    tp_buf_put(b, &c, 1);
}

void tp_buf_vprintf(tp_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void tp_buf_printf(tp_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tp_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void tp_buf_put_xml(tp_buf *b, const char *s)
{
    if (!s)
        return;
    const char *run = s;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        const char *rep = NULL;
        switch (*p) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&apos;"; break;
        default:
            if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
                rep = ""; /* not allowed in XML 1.0: drop */
        }
        if (rep) {
            tp_buf_put(b, run, (size_t)((const char *)p - run));
            tp_buf_puts(b, rep);
            run = (const char *)p + 1;
        }
    }
    tp_buf_puts(b, run);
}

char *tp_buf_detach(tp_buf *b)
{
    char *d = b->data ? b->data : xstrdup("");
    tp_buf_init(b);
    return d;
}

const char *tp_buf_cstr(const tp_buf *b)
{
    return b->data ? b->data : "";
}

static int buf_write(void *ud, const void *data, size_t len)
{
    tp_buf_put(ud, data, len);
    return 0;
}

static int file_write(void *ud, const void *data, size_t len)
{
    return fwrite(data, 1, len, ud) == len ? 0 : -1;
}

tp_sink tp_sink_buf(tp_buf *b)
{
    return (tp_sink){buf_write, b};
}

tp_sink tp_sink_file(FILE *f)
{
    return (tp_sink){file_write, f};
}

int tp_sink_write(tp_sink *s, const void *data, size_t len)
{
    return s->write(s->ud, data, len);
}
