/* A supplier's bid (schemas/bid.xsd, namespace urn:tenderpack:bid:1) and its
 * streaming reader. The reader is a SAX state machine that checks the form
 * the schema describes as it goes (libxml2's XSD validator costs ten times
 * the parse, too much for 100 000 bids), so no libxml2 tree is ever kept:
 * memory stays proportional to one bid. A broken bid is data, not an error:
 * its problems travel with it (in French) and the evaluation excludes it. */
#ifndef TP_BID_H
#define TP_BID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../core/err.h"
#include "../core/money.h"

#define TP_BID_NS "urn:tenderpack:bid:1"

/* A problem of form (XML or schema): the bid is excluded for it. */
typedef struct tp_bid_problem {
    int line;
    bool xml; /* not well-formed (or a DOCTYPE), else a schema rule */
    char *msg; /* French */
} tp_bid_problem;

typedef struct tp_bid_value {
    char *ref;
    char *unit; /* NULL when absent */
    char *text; /* trimmed; "" when empty */
    int line;
} tp_bid_value;

typedef struct tp_bid_line {
    char *ref;
    long long quantity;
    tp_cents unit_price, total;
    int line;
} tp_bid_line;

typedef struct tp_bid_option {
    int kind; /* tp_option_kind */
    long long years; /* 0 when absent */
    long long quantity;
    tp_cents unit_price, total;
    int line;
} tp_bid_option;

typedef struct tp_bid_lot {
    int number;
    int line;
    char *brand, *model;
    tp_bid_value *values;
    size_t n_values, cap_values;
    tp_bid_line *lines;
    size_t n_lines, cap_lines;
    tp_bid_option *options;
    size_t n_options, cap_options;
    tp_cents htva, tva, tvac;
    long long warranty_years, delivery_days;
    bool has_totals, has_warranty, has_delivery;
} tp_bid_lot;

struct tp_bid_arena; /* bid.c: one block list per bid holds all its strings */

/* Every string of a bid belongs to the bid (freed with it by tp_bid_free). */
typedef struct tp_bid {
    struct tp_bid_arena *arena;
    char *source;        /* display name of the input it came from */
    size_t index;        /* 1-based position in that input */
    int line;
    char *tender_reference;
    char *received_text; /* as written */
    int64_t received_utc; /* seconds since 1970-01-01T00:00:00Z */
    int received_micro;
    bool has_received;
    char *vat;           /* supplier id */
    char *name, *country, *street, *number, *postal_code, *locality;
    char *contact_name, *contact_email, *contact_phone;
    char *signatory_name, *signatory_role;
    bool has_signatory;
    tp_bid_lot *lots;
    size_t n_lots, cap_lots;
    tp_bid_problem *problems;
    size_t n_problems, cap_problems;
} tp_bid;

void tp_bid_free(tp_bid *b); /* NULL-safe */

/* A copy of s owned by the bid (in its arena, freed with it); NULL for
 * NULL. For code that builds bids from other inputs (offer forms, the
 * register's receipt times). */
char *tp_bid_strdup(tp_bid *b, const char *s);

/* Receives each bid as soon as its </bid> is read; takes ownership (free it
 * with tp_bid_free). A non-OK return stops the reading with that code. */
typedef tp_err (*tp_bid_fn)(void *ud, tp_bid *bid);

/* Reads one input: a <bid> document, or a <bids> stream of several.
 * A bid document that is not well-formed or breaks the schema still reaches
 * fn, with its problems. A <bids> stream that stops being well-formed is an
 * error (TP_EPARSE, in d): the bids after the break cannot be seen. */
tp_err tp_bid_read_file(FILE *f, const char *display_name, tp_bid_fn fn, void *ud, tp_diags *d);
tp_err tp_bid_read_memory(const char *data, size_t len, const char *display_name, tp_bid_fn fn,
                          void *ud, tp_diags *d);

/* The readers scan plain XML with their own strict scanner and hand
 * anything else to libxml2 (same bids, lines and messages). For
 * differential tests and benchmarks, process-wide: scanner false, libxml2
 * reads everything; window: the file reader's first buffer size in bytes
 * (0: the default, 1 MiB). */
void tp_bid_reader_options(bool scanner, size_t window);

/* Smaller streams are read by one thread: a second is not worth starting. */
#define TP_BID_PARALLEL_MIN (4u << 20)

/* A big <bids> stream: in memory (data), or a regular file (data NULL: fd,
 * read with pread from offset start on, never moved). len: its bytes. */
typedef struct tp_bid_stream {
    const char *data;
    int fd;
    uint64_t start, len;
} tp_bid_stream;

/* Reads a stream with two threads: the bids of the first part of the input
 * go to fn(ud[0]), those of the second part to fn(ud[1]), each part in
 * input order, with their index counted from the start of their part.
 * *n_parts says what happened: 2, the first part held *first_count bids
 * (add it to the second part's indices: together they are exactly what
 * tp_bid_read_memory would have given, diagnostics and result included);
 * 1, the input could not be split safely (or is under TP_BID_PARALLEL_MIN) and every bid
 * went to ud[0], while ud[1] may have received bids of an abandoned second
 * part: discard them. fn must be safe to call from two threads for the two
 * uds. A file that cannot be read to its end (changed meanwhile): TP_EIO. */
tp_err tp_bid_read_parallel(const tp_bid_stream *in, const char *display_name, tp_bid_fn fn,
                            void *ud[2], size_t *n_parts, size_t *first_count, tp_diags *d);

/* Convenience for tests and tools: the first bid of data (NULL if none). */
tp_err tp_bid_parse_one(tp_bid **out, const char *data, size_t len, const char *display_name,
                        tp_diags *d);

/* Parses an xsd:dateTime with a mandatory offset or Z
 * ("2026-12-01T16:42:00+01:00", "2026-12-01T15:42:00.5Z") into UTC seconds
 * and microseconds. */
bool tp_datetime_parse(int64_t *utc, int *micro, const char *s);

#endif
