#include "date.h"

#include <stdio.h>
#include <string.h>

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : md[m - 1];
}

bool tp_date_valid(tp_date d)
{
    return d.y >= 1900 && d.y <= 2999 && d.m >= 1 && d.m <= 12 && d.d >= 1 &&
           d.d <= month_days(d.y, d.m);
}

bool tp_date_parse(tp_date *out, const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    tp_date d = {(s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'),
                 (s[5] - '0') * 10 + (s[6] - '0'), (s[8] - '0') * 10 + (s[9] - '0')};
    if (!tp_date_valid(d))
        return false;
    *out = d;
    return true;
}

const char *tp_date_format(char buf[11], tp_date d)
{
    unsigned y = (unsigned)d.y % 10000u, m = (unsigned)d.m % 100u, dd = (unsigned)d.d % 100u;
    snprintf(buf, 11, "%04u-%02u-%02u", y, m, dd);
    return buf;
}

const char *tp_date_format_fr(char buf[32], tp_date d)
{
    static const char *const months[] = {"janvier", "février", "mars",      "avril",
                                         "mai",     "juin",    "juillet",   "août",
                                         "septembre", "octobre", "novembre", "décembre"};
    const char *mname = d.m >= 1 && d.m <= 12 ? months[d.m - 1] : "?";
    snprintf(buf, 32, "%d%s %s %d", d.d, d.d == 1 ? "er" : "", mname, d.y);
    return buf;
}

/* Howard Hinnant's days_from_civil. */
long tp_date_to_days(tp_date dt)
{
    int y = dt.y - (dt.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153u * (unsigned)(dt.m + (dt.m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)dt.d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

tp_date tp_date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return (tp_date){(int)(y + (m <= 2)), (int)m, (int)d};
}

tp_date tp_date_add_days(tp_date d, long n)
{
    return tp_date_from_days(tp_date_to_days(d) + n);
}

int tp_date_cmp(tp_date a, tp_date b)
{
    long x = tp_date_to_days(a), y = tp_date_to_days(b);
    return (x > y) - (x < y);
}

long tp_date_diff(tp_date a, tp_date b)
{
    return tp_date_to_days(a) - tp_date_to_days(b);
}

int tp_date_weekday(tp_date d)
{
    long z = tp_date_to_days(d); /* 1970-01-01 was a Thursday (4) */
    long w = (z % 7 + 7) % 7;    /* 0 = Thursday */
    return (int)((w + 3) % 7) + 1;
}

static tp_date last_sunday(int y, int m)
{
    tp_date d = {y, m, month_days(y, m)};
    return tp_date_add_days(d, -(tp_date_weekday(d) % 7));
}

int tp_brussels_offset_minutes(tp_date d)
{
    /* EU rule: summer time from the last Sunday of March to the last Sunday of October. */
    tp_date start = last_sunday(d.y, 3), end = last_sunday(d.y, 10);
    return tp_date_cmp(d, start) >= 0 && tp_date_cmp(d, end) < 0 ? 120 : 60;
}

tp_date tp_easter(int y)
{
    /* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return (tp_date){y, month, day};
}

bool tp_be_public_holiday(tp_date d)
{
    static const int fixed[][2] = {{1, 1}, {5, 1}, {7, 21}, {8, 15}, {11, 1}, {11, 11}, {12, 25}};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        if (d.m == fixed[i][0] && d.d == fixed[i][1])
            return true;
    long after_easter = tp_date_diff(d, tp_easter(d.y));
    return after_easter == 1 || after_easter == 39 || after_easter == 50;
}

tp_date tp_next_working_day(tp_date d)
{
    while (tp_date_weekday(d) >= 6 || tp_be_public_holiday(d))
        d = tp_date_add_days(d, 1);
    return d;
}
