/* A growable byte buffer, and the sink every writer writes through
 * (stdout, a file or memory, chosen by the caller: the md4c rule). */
#ifndef TP_BUF_H
#define TP_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef struct tp_buf {
    char *data; /* always NUL-terminated after any put; may be NULL when empty */
    size_t len, cap;
} tp_buf;

void tp_buf_init(tp_buf *b);
void tp_buf_dispose(tp_buf *b);
void tp_buf_clear(tp_buf *b);
void tp_buf_put(tp_buf *b, const void *data, size_t len);
/* Appends v in decimal, as "%lld" would, without printf (hot paths). */
void tp_buf_put_int(tp_buf *b, long long v);
void tp_buf_puts(tp_buf *b, const char *s);
void tp_buf_putc(tp_buf *b, char c);
void tp_buf_printf(tp_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tp_buf_vprintf(tp_buf *b, const char *fmt, va_list ap);
/* XML text escaping (& < > " '), control characters other than tab/LF/CR dropped. */
void tp_buf_put_xml(tp_buf *b, const char *s);
/* Returns the data (caller frees) and leaves b empty. Never NULL. */
char *tp_buf_detach(tp_buf *b);
/* The data as a C string: "" when empty. */
const char *tp_buf_cstr(const tp_buf *b);

typedef struct tp_sink {
    int (*write)(void *ud, const void *data, size_t len); /* 0 = ok */
    void *ud;
} tp_sink;

tp_sink tp_sink_buf(tp_buf *b);
tp_sink tp_sink_file(FILE *f);
int tp_sink_write(tp_sink *s, const void *data, size_t len);

#endif
