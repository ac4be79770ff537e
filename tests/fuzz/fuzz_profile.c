/* Fuzz target: the whole profile pipeline (safe parse, schema, rules,
 * derivation, tender XML) on arbitrary bytes. Built for libFuzzer with
 * -DTP_FUZZ=ON (clang), and always as a replay driver run by ctest over the
 * checked-in corpus (libgit2's standalone driver). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/buf.h"
#include "engine/engine.h"
#include "output/tender_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static tp_engine *engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tp_diags d;
    tp_diags_init(&d);
    if (!engine && tp_engine_open(&engine, &d) != TP_OK)
        abort(); /* the built-in templates must load */
    tp_tender *t = NULL;
    tp_profile *p = NULL;
    if (tp_engine_tender_from_memory(engine, &t, &p, (const char *)data, size, "fuzz.xml", &d) ==
        TP_OK) {
        tp_buf out;
        tp_buf_init(&out);
        tp_sink sink = tp_sink_buf(&out);
        if (tp_tender_write_xml(t, &sink) != TP_OK)
            abort();
        tp_buf_dispose(&out);
    }
    tp_tender_free(t);
    tp_profile_free(p);
    tp_diags_dispose(&d);
    return 0;
}
