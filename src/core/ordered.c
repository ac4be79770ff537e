/* Two threads, one order (see ordered.h). Slot s of the second thread holds
 * its blocks 1, 5, 9… (s = 0) or 3, 7, 11… (s = 1): it renders into a slot
 * while the calling thread renders the even block before it, and waits only
 * when the calling thread has not yet written that slot's previous block. */
#include "ordered.h"

#include <pthread.h>

typedef struct relay {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    tp_buf slot[2];
    bool full[2]; /* rendered, not yet written */
    bool stop;    /* the sink failed: render no more */
    size_t n, block;
    tp_item_fn fn;
    const void *ctx;
} relay;

static void render_block(tp_buf *b, const relay *r, size_t k)
{
    size_t end = (k + 1) * r->block < r->n ? (k + 1) * r->block : r->n;
    for (size_t i = k * r->block; i < end; i++)
        r->fn(b, r->ctx, i);
}

/* Waits until slot s is full (want) or empty (!want); false when stopped. */
static bool wait_slot(relay *r, int s, bool want)
{
    pthread_mutex_lock(&r->mu);
    while (r->full[s] != want && !r->stop)
        pthread_cond_wait(&r->cv, &r->mu);
    bool ok = !r->stop;
    pthread_mutex_unlock(&r->mu);
    return ok;
}

static void set_slot(relay *r, int s, bool full)
{
    pthread_mutex_lock(&r->mu);
    r->full[s] = full;
    pthread_cond_broadcast(&r->cv);
    pthread_mutex_unlock(&r->mu);
}

static void *render_odd_blocks(void *arg)
{
    relay *r = arg;
    size_t blocks = (r->n + r->block - 1) / r->block;
    for (size_t k = 1, m = 0; k < blocks; k += 2, m++) {
        int s = (int)(m % 2);
        if (!wait_slot(r, s, false))
            break;
        tp_buf_clear(&r->slot[s]);
        render_block(&r->slot[s], r, k);
        set_slot(r, s, true);
    }
    return NULL;
}

static bool write_buf(tp_sink *sink, tp_buf *b)
{
    bool ok = b->len == 0 || tp_sink_write(sink, b->data, b->len) == 0;
    tp_buf_clear(b);
    return ok;
}

bool tp_write_ordered(tp_sink *sink, tp_buf *pending, size_t n, size_t block, tp_item_fn fn,
                      const void *ctx)
{
    if (block == 0)
        block = 1;
    relay r = {.n = n, .block = block, .fn = fn, .ctx = ctx};
    tp_buf_init(&r.slot[0]);
    tp_buf_init(&r.slot[1]);
    pthread_mutex_init(&r.mu, NULL);
    pthread_cond_init(&r.cv, NULL);
    size_t blocks = (n + block - 1) / block;
    pthread_t thread;
    bool two = blocks > 1 && pthread_create(&thread, NULL, render_odd_blocks, &r) == 0;
    bool ok = true;
    for (size_t k = 0, m = 0; k < blocks && ok; k++) {
        if (!two || k % 2 == 0) {
            render_block(pending, &r, k);
            ok = write_buf(sink, pending);
            continue;
        }
        int s = (int)(m++ % 2);
        wait_slot(&r, s, true);
        ok = write_buf(sink, &r.slot[s]);
        set_slot(&r, s, false);
    }
    ok = ok && write_buf(sink, pending);
    if (two) {
        pthread_mutex_lock(&r.mu);
        r.stop = true; /* after a failed write: the other thread may be waiting */
        pthread_cond_broadcast(&r.cv);
        pthread_mutex_unlock(&r.mu);
        pthread_join(thread, NULL);
    }
    pthread_cond_destroy(&r.cv);
    pthread_mutex_destroy(&r.mu);
    tp_buf_dispose(&r.slot[0]);
    tp_buf_dispose(&r.slot[1]);
    return ok;
}
