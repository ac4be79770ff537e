/* The bid reader's state, shared by the state machine that checks the
 * form (bid.c) and the drivers that feed it events from the scanner or
 * from libxml2 (bid_read.c). Private to src/eval/. */
#ifndef TP_BID_READER_H
#define TP_BID_READER_H

#include <libxml/parser.h>
#include <stdbool.h>
#include <stdint.h>

#include "../core/buf.h"
#include "bid.h"
#include "bid_form.h"
#include "bid_scan.h"

#define MAX_FRAMES 16

typedef struct frame {
    const elem_spec *spec;
    size_t seq;   /* position in spec->children */
    int count;    /* occurrences of children[seq] so far */
    bool text_reported;
} frame;

#define REF_SLOTS 256 /* a lot's first REF_SLOTS / 2 values go to the hash */

typedef enum root_kind { ROOT_NONE, ROOT_BID, ROOT_BIDS, ROOT_OTHER } root_kind;

typedef struct reader {
    xmlParserCtxtPtr ctxt;
    const char *source;
    size_t source_len;
    tp_bid_fn fn;
    void *ud;
    tp_diags *d;
    tp_err rc;        /* first error returned by fn, or a stream-level one */
    root_kind root;
    frame frames[MAX_FRAMES];
    int depth;
    int skip;         /* > 0: inside an element being skipped */
    tp_buf text;      /* the text of the open leaf element */
    const char *pending; /* or its one piece, left in the scanner's input (bidr_text) */
    size_t pending_len;
    tp_bid *bid;      /* the bid being read */
    char *empty;      /* "" in its arena: the text of its values until they have one */
    size_t count;     /* bids started */
    bool xml_error;   /* a well-formedness error stopped the parse */
    int xml_error_line;
    char *xml_error_msg;
    bool stream_problem;
    const xmlChar *ns; /* the parser's interned copy of TP_BID_NS */
    bool resuming;     /* libxml2 takes over from the scanner: skip the root's start */
    frame saved_root;  /* the <bids> frame at the scanner's last resume point */
    size_t saved_count;
    /* The value refs of the lot being read, hashed: a lot's refs are checked
     * for repeats without comparing each with all before it. */
    uint32_t ref_gen; /* one per lot: slots of an older one are free */
    struct ref_slot {
        uint32_t gen, value, hash;
    } ref_slots[REF_SLOTS];
} reader;

/* libxml2's SAX2 callbacks. */
void bidr_on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                   int nb_ns, const xmlChar **ns, int nb_attrs, int nb_defaulted,
                   const xmlChar **attrs);
void bidr_on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri);
void bidr_on_error(void *ctx, xmlErrorPtr err);

/* The scanner's events (tp_scan_events, ud: the reader), elements of the
 * bid namespace. bidr_end says stop once fn has failed. */
tp_scan_verdict bidr_start(void *ud, const char *name, size_t name_len, const tp_scan_attr *attrs,
                           size_t n_attrs, int line);
tp_scan_verdict bidr_end(void *ud, int line);
tp_scan_verdict bidr_text(void *ud, const char *s, size_t n, bool end_follows);

void bidr_init(reader *r, xmlSAXHandler *h, const char *name, tp_bid_fn fn, void *ud,
               tp_diags *d);
/* After the last event: a broken document still yields its bid. Returns the
 * reading's result and frees the reader's buffers. */
tp_err bidr_finish(reader *r);

#endif
