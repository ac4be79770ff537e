/* Replays corpus files through the fuzz target (no libFuzzer needed). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/buf.h"
#include "core/io.h"
#include "xml/xmlsafe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    int n = 0;
    for (int i = 1; i < argc; i++) {
        tp_buf b;
        tp_buf_init(&b);
        tp_diags d;
        tp_diags_init(&d);
        if (tp_read_file(&b, argv[i], 64u << 20, &d) != TP_OK) {
            fprintf(stderr, "cannot read %s\n", argv[i]);
            return 1;
        }
        LLVMFuzzerTestOneInput((const uint8_t *)tp_buf_cstr(&b), b.len);
        tp_buf_dispose(&b);
        tp_diags_dispose(&d);
        n++;
    }
    printf("replayed %d inputs\n", n);
    tp_xml_cleanup();
    return 0;
}
