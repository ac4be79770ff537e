#include "when.h"

#include <stdio.h>
#include <time.h>

#include "../core/date.h"

int64_t tp_now_utc(int *micro)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (micro)
        *micro = (int)(ts.tv_nsec / 1000);
    return (int64_t)ts.tv_sec;
}

/* 01:00 UTC on the last Sunday of that month, as seconds since 1970. */
static int64_t last_sunday_1h(int year, int month)
{
    tp_date d = {year, month, 31};
    while (!tp_date_valid(d))
        d.d--;
    while (tp_date_weekday(d) != 7)
        d.d--;
    return (int64_t)tp_date_to_days(d) * 86400 + 3600;
}

static int64_t floor_div(int64_t a, int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

int tp_brussels_offset_at(int64_t utc)
{
    tp_date day = tp_date_from_days((long)floor_div(utc, 86400));
    if (day.y < 1980 || day.y > 2999)
        return 60;
    return utc >= last_sunday_1h(day.y, 3) && utc < last_sunday_1h(day.y, 10) ? 120 : 60;
}

const char *tp_format_brussels(char buf[40], int64_t utc, int micro)
{
    int off = tp_brussels_offset_at(utc);
    int64_t local = utc + (int64_t)off * 60;
    int64_t days = floor_div(local, 86400);
    int64_t sec = local - days * 86400;
    char date[11];
    tp_date_format(date, tp_date_from_days((long)days));
    char frac[8] = "";
    if (micro > 0 && micro < 1000000)
        snprintf(frac, sizeof frac, ".%06d", micro);
    unsigned h = (unsigned)(sec / 3600) % 24u, m = (unsigned)(sec / 60) % 60u,
             s = (unsigned)sec % 60u, oh = (unsigned)off / 60u % 24u, om = (unsigned)off % 60u;
    snprintf(buf, 40, "%.10sT%02u:%02u:%02u%.7s+%02u:%02u", date, h, m, s, frac, oh, om);
    return buf;
}
