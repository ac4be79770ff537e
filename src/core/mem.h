/* Allocation that aborts on out-of-memory, so no code path needs an OOM branch
 * (the cmark rule). Only NULLs from third-party libraries become tp_err codes. */
#ifndef TP_MEM_H
#define TP_MEM_H

#include <stddef.h>

/* Says so on stderr and aborts: for allocators other than malloc (mmap). */
void tp_oom(void) __attribute__((noreturn));

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);            /* NULL in, NULL out */
char *xstrndup(const char *s, size_t n);

/* Grows *v (of *cap elements of size elem) so that index `need` fits. */
void tp_grow(void **v, size_t *cap, size_t need, size_t elem);

#endif
