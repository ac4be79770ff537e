/* Calendar dates (proleptic Gregorian) as day numbers, and Brussels local time. */
#ifndef TP_DATE_H
#define TP_DATE_H

#include <stdbool.h>

typedef struct tp_date {
    int y, m, d;
} tp_date;

/* Parses exactly "YYYY-MM-DD" with a real calendar day, years 1900-2999. */
bool tp_date_parse(tp_date *out, const char *s);
/* "YYYY-MM-DD"; buf must hold 11 bytes. */
const char *tp_date_format(char buf[11], tp_date d);
/* "25 novembre 2026"; buf must hold 32 bytes. */
const char *tp_date_format_fr(char buf[32], tp_date d);

/* Days since 1970-01-01 (negative before). */
long tp_date_to_days(tp_date d);
tp_date tp_date_from_days(long days);
tp_date tp_date_add_days(tp_date d, long n);
int tp_date_cmp(tp_date a, tp_date b);    /* <0, 0, >0 */
long tp_date_diff(tp_date a, tp_date b);  /* a - b in days */
int tp_date_weekday(tp_date d);           /* 1 = Monday … 7 = Sunday (ISO) */
bool tp_date_valid(tp_date d);

/* Easter Sunday of a year (Gregorian computus). */
tp_date tp_easter(int year);
/* One of Belgium's ten legal public holidays (loi du 4 janvier 1974): 1 January,
 * Easter Monday, 1 May, Ascension, Whit Monday, 21 July, 15 August,
 * 1 November, 11 November, 25 December. */
bool tp_be_public_holiday(tp_date d);
/* d itself when it is a working day, else the next one (no weekend, no holiday). */
tp_date tp_next_working_day(tp_date d);

/* Offset of Brussels local time from UTC on that date at noon, in minutes:
 * 60 (CET) or 120 (CEST, last Sunday of March to last Sunday of October). */
int tp_brussels_offset_minutes(tp_date d);

#endif
