/* Fuzz target: arbitrary bytes through the offer form reader (content
 * detection, the defensive unzip, ODS and XLSX sheet extraction, mapping to
 * a bid). Built for libFuzzer with -DTP_FUZZ=ON, and replayed by ctest over
 * tests/fuzz/corpus/fuzz_form/ (generated forms, filled ones, forms saved by
 * LibreOffice, broken archives).
 *
 * Mutated zips mostly fail their CRC, so bytes that are not a zip are
 * wrapped first — as the sheet of an XLSX when they start with
 * "<worksheet", else as content.xml of an ODS — to reach the sheet readers
 * and the mapping with mutated XML. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "eval/bid.h"
#include "forms/forms.h"
#include "render/zipout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define XLSX_CT                                                                                  \
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"              \
    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"      \
    "officedocument.spreadsheetml.sheet.main+xml\"/></Types>"
#define XLSX_WB                                                                                  \
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "             \
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"   \
    "<sheet name=\"Lot 2\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define XLSX_RELS                                                                                \
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"      \
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"    \
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
#define ODS_MIME "application/vnd.oasis.opendocument.spreadsheet"

static void wrap(tp_buf *out, const uint8_t *data, size_t size)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_zip *z = tp_zip_new(0);
    if (size >= 10 && !memcmp(data, "<worksheet", 10)) {
        tp_zip_add(z, "[Content_Types].xml", XLSX_CT, strlen(XLSX_CT), true);
        tp_zip_add(z, "xl/workbook.xml", XLSX_WB, strlen(XLSX_WB), true);
        tp_zip_add(z, "xl/_rels/workbook.xml.rels", XLSX_RELS, strlen(XLSX_RELS), true);
        tp_zip_add(z, "xl/worksheets/sheet1.xml", size ? (const char *)data : "", size, true);
    } else {
        tp_zip_add(z, "mimetype", ODS_MIME, strlen(ODS_MIME), true);
        tp_zip_add(z, "content.xml", size ? (const char *)data : "", size, true);
    }
    if (tp_zip_finish(z, out, &d) != TP_OK)
        abort();
    tp_zip_free(z);
    tp_diags_dispose(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tp_buf wrapped;
    tp_buf_init(&wrapped);
    if (size < 2 || data[0] != 'P' || data[1] != 'K') {
        wrap(&wrapped, data, size);
        data = (const uint8_t *)wrapped.data;
        size = wrapped.len;
    }
    tp_diags d;
    tp_diags_init(&d);
    tp_bid *b = NULL;
    tp_err rc = tp_form_read_one(&b, (const char *)data, size, "fuzz.ods", &d);
    if ((rc == TP_OK) != (b != NULL))
        abort(); /* a bid exactly when the form was read */
    if (rc != TP_OK && d.nerrors == 0)
        abort(); /* every refusal says why */
    (void)tp_form_detect((const char *)data, size);
    tp_bid_free(b);
    tp_diags_dispose(&d);
    tp_buf_dispose(&wrapped);
    return 0;
}
