/* Inside the forms module: the rows of a filled form that carry a key in
 * column A, with the values of their cells B..G, read from an ODS or XLSX
 * package. Only known member names are read; every XML part goes through
 * tp_xml_parse. */
#ifndef TP_FORM_SHEET_H
#define TP_FORM_SHEET_H

#include <stddef.h>

#include "../core/err.h"
#include "form_int.h"
#include "unzip.h"

typedef enum fv_type { FV_EMPTY, FV_TEXT, FV_NUMBER, FV_BOOL } fv_type;

/* A cell value as the file holds it: FV_NUMBER keeps the decimal text the
 * spreadsheet wrote ("455.5", "1.5E+2"), FV_BOOL is "1" or "0". */
typedef struct form_value {
    fv_type type;
    char *text; /* NULL for FV_EMPTY */
} form_value;

typedef struct form_krow {
    int row; /* 1-based */
    char *key;
    form_value cells[FORM_COLS + 1]; /* index = column (1 = A); 0 unused */
} form_krow;

typedef struct form_sheet {
    char *name;      /* the sheet's name, for cell references */
    char *mark;      /* text of A1, NULL when empty */
    form_krow *rows; /* keyed rows, in sheet order */
    size_t n, cap;
} form_sheet;

void form_sheet_free(form_sheet *s); /* NULL-safe */

/* Reads the first sheet. Errors (with diagnostics naming the member):
 * TP_EPARSE, TP_ELIMIT, TP_EINVALID. */
tp_err form_sheet_read_ods(form_sheet **out, tp_unzip *z, const char *display, tp_diags *d);
tp_err form_sheet_read_xlsx(form_sheet **out, tp_unzip *z, const char *display, tp_diags *d);

#endif
