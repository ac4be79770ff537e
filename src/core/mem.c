#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tp_oom(void)
{
    fputs("tenderpack: out of memory\n", stderr);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        tp_oom();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        tp_oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        tp_oom();
    return q;
}

char *xstrdup(const char *s)
{
    return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void tp_grow(void **v, size_t *cap, size_t need, size_t elem)
{
    if (need < *cap)
        return;
    size_t ncap = *cap ? *cap : 8;
    while (ncap <= need) {
        if (ncap > ((size_t)-1) / 2 / elem)
            tp_oom();
        ncap *= 2;
    }
    *v = xrealloc(*v, ncap * elem);
    memset((char *)*v + *cap * elem, 0, (ncap - *cap) * elem);
    *cap = ncap;
}
