/* Common includes for the cmocka unit tests. */
#ifndef TP_TEST_H
#define TP_TEST_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

/* A sink's write that fails once it has taken *(size_t *)ud bytes. */
static inline int tp_test_failing_write(void *ud, const void *data, size_t len)
{
    (void)data;
    size_t *left = ud;
    if (len > *left)
        return -1;
    *left -= len;
    return 0;
}
#endif
