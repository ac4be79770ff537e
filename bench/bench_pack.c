/* Warm pack benchmark: packs each profile RUNS times in one process (the
 * once-per-process costs — compiling the eForms XSD, the templates — are
 * paid first and reported apart), prints the median per pack and the peak RSS.
 *   bench_pack RUNS PROFILE.xml...                                          */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/buf.h"
#include "engine/engine.h"
#include "notice/notice.h"
#include "pack/pack.h"
#include "xml/xmlsafe.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* User and system CPU time of this process, ms: steadier than wall time on a
 * shared machine. */
static void cpu_ms(double *user, double *sys)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    *user = ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3;
    *sys = ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_pack RUNS PROFILE.xml...\n");
        return 2;
    }
    int runs = atoi(argv[1]);
    tp_diags d;
    tp_diags_init(&d);
    double t0 = now_ms();
    tp_engine *e = NULL;
    if (tp_engine_open(&e, &d) != TP_OK || tp_pack_preload(&d) != TP_OK ||
        tp_xsd_preload(TP_NOTICE_XSD, &d) != TP_OK) {
        tp_diags_print(&d, stderr);
        return 1;
    }
    printf("once per process: %.1f ms (rules, catalogue, templates, eForms XSD)\n",
           now_ms() - t0);
    double *times = calloc((size_t)runs, sizeof *times);
    tp_pack_opts opts = {0};
    for (int f = 2; f < argc; f++) {
        size_t bytes = 0;
        double u0, s0, u1, s1;
        cpu_ms(&u0, &s0);
        for (int i = 0; i < runs; i++) {
            tp_buf zip;
            tp_buf_init(&zip);
            double s = now_ms();
            if (tp_pack_build(&zip, e, argv[f], &opts, &d) != TP_OK) {
                tp_diags_print(&d, stderr);
                return 1;
            }
            times[i] = now_ms() - s;
            bytes = zip.len;
            tp_buf_dispose(&zip);
        }
        cpu_ms(&u1, &s1);
        qsort(times, (size_t)runs, sizeof *times, cmp_double);
        const char *name = strrchr(argv[f], '/');
        printf("%-45s median %6.2f ms  min %6.2f ms  %7zu bytes  cpu %5.2f ms (sys %4.2f)\n",
               name ? name + 1 : argv[f], times[runs / 2], times[0], bytes,
               (u1 - u0 + s1 - s0) / runs, (s1 - s0) / runs);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS: %ld kB\n", ru.ru_maxrss);
    free(times);
    tp_engine_free(e);
    tp_diags_dispose(&d);
    return 0;
}
