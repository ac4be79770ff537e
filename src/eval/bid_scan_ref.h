/* The bid scanner's slow paths (bid_scan.c): references, UTF-8 sequences
 * and line ends in text and attribute values, decoded as libxml2's SAX2
 * parser hands them on; the scanner's plain runs stop at them. Private to
 * the scanner. */
#ifndef TP_BID_SCAN_REF_H
#define TP_BID_SCAN_REF_H

#include <stdbool.h>

#include "../core/buf.h"

/* A token's piece is scanned whole (OK), needs more input (MORE), or is
 * something the scanner leaves to libxml2 (BAD). */
typedef enum step { STEP_OK, STEP_MORE, STEP_BAD } step;

typedef struct cursor {
    const unsigned char *p, *end;
    int line;
} cursor;

/* The character at c->p that stopped a run of plain ones (other than the
 * run's end), decoded into out: CRLF, a reference, a UTF-8 sequence, and in
 * an attribute tab and LF, which become spaces. A lone CR, '<' or a control
 * character: BAD. */
step tp_scan_decode_one(cursor *c, tp_buf *out, bool in_attr);

#endif
