/* A strict, fast scanner for the plain XML that bid streams are made of:
 * UTF-8, elements and attributes without prefixes under the one default
 * namespace of the root, text with the five predefined entities and
 * character references. It delivers the same events, with the same lines,
 * as libxml2's SAX2 parser would, six to ten times cheaper.
 *
 * It never decides that input is broken: on anything outside that plain
 * subset (comments, CDATA, DOCTYPE, prefixes, other encodings, a lone CR)
 * and on anything not well-formed, it stops with TP_SCAN_FALLBACK and says
 * from where libxml2 must take over (tp_scan_resume), so libxml2 gives
 * every error message. Private to src/eval/ (bid.c drives it). */
#ifndef TP_BID_SCAN_H
#define TP_BID_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../core/buf.h"

#define TP_SCAN_MAX_ATTRS 16
#define TP_SCAN_MAX_DEPTH 48

/* Names and values point into the input (or a scratch buffer for values
 * with references, tabs or line ends), valid during the event only. */
typedef struct tp_scan_attr {
    const char *name;  /* name_len bytes, not NUL-terminated */
    size_t name_len;
    const char *value; /* value_len bytes (not NUL-terminated), normalised as libxml2's SAX2 gives them */
    size_t value_len;
    bool ns;           /* in a namespace: never from the scanner (it falls back on prefixes) */
} tp_scan_attr;

/* What an event handler tells the scanner. */
typedef enum tp_scan_verdict {
    TP_SCAN_GO,
    TP_SCAN_FALLBACK, /* the handler cannot be exact here: let libxml2 redo it */
    TP_SCAN_STOP      /* the handler wants no more events */
} tp_scan_verdict;

typedef struct tp_scan_events {
    /* line: that of the tag's closing '>' (libxml2's). */
    tp_scan_verdict (*start)(void *ud, const char *name, size_t name_len,
                             const tp_scan_attr *attrs, size_t n_attrs, int line);
    tp_scan_verdict (*end)(void *ud, int line);
    /* One call per run of character data between two tags, references
     * decoded. end_follows: the open element's end event comes next, and s
     * stays valid until it returns (the handler need not copy the text). */
    tp_scan_verdict (*text)(void *ud, const char *s, size_t n, bool end_follows);
    /* The element of depth 1 of a <bids> stream just closed (or the root just
     * opened): a resume point. The handler saves what it must restore. */
    void (*checkpoint)(void *ud);
} tp_scan_events;

typedef enum tp_scan_status {
    TP_SCAN_NEED_MORE, /* give the bytes from tp_scan.pos on, with more after them */
    TP_SCAN_DONE,      /* the document ended well (its last event delivered) */
    TP_SCAN_FELL_BACK, /* see tp_scan_resume */
    TP_SCAN_STOPPED    /* a handler said stop */
} tp_scan_status;

typedef struct tp_scan {
    uint64_t pos;       /* offset in the input of the next byte to scan */
    int line;           /* line of that byte */
    int depth;          /* open elements */
    bool in_prolog, after_root, root_is_stream, had_bom;
    int root_end_line;  /* line of the root's end tag, delivered at the end of input */
    uint64_t resume_at; /* the last resume point: 0, or a checkpoint of a <bids> stream */
    int resume_line;
    char *prefix;       /* the input up to the end of the root's start tag */
    size_t prefix_len;
    int prefix_line;    /* the line at its end */
    char root_name[32]; /* the root's name, NUL-terminated, for its end tag */
    size_t root_name_len;
    /* Where the names of the open elements below the root are in the input
     * (offsets; every one is past the resume point, so still in data), for
     * their end tags. */
    uint64_t open_at[TP_SCAN_MAX_DEPTH];
    unsigned char open_len[TP_SCAN_MAX_DEPTH];
    tp_buf scratch;     /* decoded values of one tag, or one text */
} tp_scan;

/* a[0, n) == b[0, n), without a call for the short names of bids: a word
 * at a time, the last one overlapping. */
static inline bool tp_scan_equal(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    uint32_t u, v;
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        memcpy(&u, a, 4);
        memcpy(&v, b, 4);
        if (u != v)
            return false;
        memcpy(&u, a + n - 4, 4);
        memcpy(&v, b + n - 4, 4);
        return u == v;
    }
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

static inline bool tp_scan_same_name(const char *a, size_t a_len, const char *b, size_t b_len)
{
    return a_len == b_len && tp_scan_equal(a, b, a_len);
}

void tp_scan_init(tp_scan *s);
void tp_scan_dispose(tp_scan *s);

/* Scans data[0, len), which holds the input from offset base, base <=
 * s->resume_at (and so <= s->pos). eof: nothing follows data. */
tp_scan_status tp_scan_run(tp_scan *s, const char *data, size_t len, uint64_t base, bool eof,
                           const tp_scan_events *ev, void *ud);

/* A scanner that starts at pos, a resume point of the same <bids> stream
 * as from (which is past the root's start tag); set its line and
 * resume_line before running it. */
void tp_scan_fork(tp_scan *s, const tp_scan *from, uint64_t pos);

/* After TP_SCAN_FELL_BACK: libxml2 must read *pad newlines after prefix[0,
 * *prefix_len) (both empty when *from is 0), then the input from offset
 * *from on, so that every later event and message keeps its true line. */
void tp_scan_resume(const tp_scan *s, uint64_t *from, const char **prefix, size_t *prefix_len,
                    int *pad);

#endif
