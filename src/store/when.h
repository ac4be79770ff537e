/* Receipt times: the clock (read only when a bid or tender is recorded —
 * the one place tenderpack depends on it), and instants written in
 * Brussels local time with their UTC offset, as bids and deadlines are. */
#ifndef TP_WHEN_H
#define TP_WHEN_H

#include <stdbool.h>
#include <stdint.h>

/* Now, in seconds since 1970 UTC and microseconds. */
int64_t tp_now_utc(int *micro);

/* Offset of Brussels time from UTC at that instant, in minutes: 120 from
 * the last Sunday of March 01:00 UTC to the last Sunday of October 01:00
 * UTC (EU summer time), else 60. */
int tp_brussels_offset_at(int64_t utc);

/* "2026-06-30T15:04:05+02:00", or "…05.000123+02:00" when micro is not 0.
 * buf must hold 40 bytes. */
const char *tp_format_brussels(char buf[40], int64_t utc, int micro);

#endif
