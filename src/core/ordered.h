/* Long runs of output items (100 000 offers of an evaluation) rendered by
 * two threads and written in order: the items go in blocks, the calling
 * thread renders the even blocks and writes every block to the sink, a
 * second thread renders the odd ones into two buffers it takes turns with.
 * The bytes are those of a plain loop over the items. */
#ifndef TP_ORDERED_H
#define TP_ORDERED_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Appends item i to b. Called from two threads at once (for different
 * items): it must only read ctx. */
typedef void (*tp_item_fn)(tp_buf *b, const void *ctx, size_t i);

/* Renders items [0, n) with fn in blocks of `block` items; pending holds
 * output not yet written (it goes first) and is left empty. With one
 * thread when a second cannot be started. false when a sink write failed
 * (the rest is still rendered, not written). */
bool tp_write_ordered(tp_sink *sink, tp_buf *pending, size_t n, size_t block, tp_item_fn fn,
                      const void *ctx);

#endif
