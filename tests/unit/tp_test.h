/* Common includes for the cmocka unit tests. */
#ifndef TP_TEST_H
#define TP_TEST_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#endif
