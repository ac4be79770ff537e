/* Inside the forms module: the layout of a form as rows of typed cells,
 * built once from the tender (form_model.c) and serialised by ods.c and
 * xlsx.c, so both formats have exactly the same cells, keys and formulas. */
#ifndef TP_FORM_INT_H
#define TP_FORM_INT_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/err.h"

/* Columns: A holds the machine key of the row (hidden), B..G what people see. */
enum { COL_KEY = 1, COL_CODE = 2, COL_LABEL = 3, COL_FIXED = 4, COL_UNIT = 5, COL_INPUT = 6,
       COL_EXTRA = 7, FORM_COLS = 7 };

/* Column letters used in keys' cells: D = fixed value / quantity, F = input,
 * G = offered unit or line total. */

typedef enum form_style {
    FS_DEFAULT,     /* plain, no border */
    FS_TITLE,       /* bold 14 pt */
    FS_SUBTITLE,    /* bold 11 pt */
    FS_NOTE,        /* italic, wrapped */
    FS_SECTION,     /* bold 11 pt on grey */
    FS_HEADER,      /* table header: bold, blue-grey, wrapped, bordered */
    FS_LABEL,       /* bordered, wrapped */
    FS_LABEL_BOLD,  /* bordered, bold */
    FS_FIXED,       /* bordered text value */
    FS_FIXED_INT,   /* bordered integer */
    FS_INPUT,       /* yellow, unlocked, general format (numbers or codes) */
    FS_INPUT_TEXT,  /* yellow, unlocked, text format (keeps leading zeros) */
    FS_INPUT_INT,   /* yellow, unlocked, integer */
    FS_INPUT_MONEY, /* yellow, unlocked, 2 decimals */
    FS_MONEY,       /* bordered formula result, 2 decimals */
    FS_TOTAL,       /* bold bordered formula result, 2 decimals */
    FS_COUNT
} form_style;

typedef enum num_format { NF_GENERAL, NF_INT, NF_MONEY, NF_TEXT } num_format;

/* What each style looks like, the same in both formats. */
typedef struct form_style_props {
    bool bold, italic;
    int size_pt;
    const char *fill; /* "FFF2CC", or NULL */
    bool border, wrap, locked;
    num_format fmt;
} form_style_props;

extern const form_style_props form_styles[FS_COUNT];

typedef enum cell_kind { CK_EMPTY, CK_TEXT, CK_INT, CK_FORMULA } cell_kind;

/* The formulas a form uses, written in each format's syntax by its writer. */
typedef enum formula_op {
    FO_PRODUCT, /* D{row} × F{row}: line total */
    FO_SUM,     /* Σ G{ref1}..G{ref2}: total HTVA */
    FO_VAT,     /* ROUND(G{ref1} × D{row} / 100, 2): VAT at the rate in D */
    FO_ADD      /* G{ref1} + G{ref2}: total TVAC */
} formula_op;

typedef struct form_cell {
    int col; /* 1 = A */
    form_style style;
    cell_kind kind;
    char *text;      /* CK_TEXT; owned */
    long long num;   /* CK_INT */
    formula_op op;   /* CK_FORMULA */
    int ref1, ref2;  /* rows the formula reads */
    int span;        /* columns merged from col (1 = none) */
    int validation;  /* index into form.validations, or -1 */
} form_cell;

typedef struct form_row {
    int lines; /* height in text lines (wrapped labels) */
    bool tall; /* title row */
    form_cell cells[FORM_COLS];
    int n;     /* cells, in increasing col order */
} form_row;

typedef enum validation_kind { VK_LIST, VK_DECIMAL, VK_WHOLE } validation_kind;

typedef struct form_validation {
    validation_kind kind;
    char **items; /* VK_LIST */
    size_t n_items;
    /* cells using it, "F31" style, in row order */
    int *rows;
    int col;
    size_t n_rows, cap_rows;
} form_validation;

typedef struct form {
    char *sheet_name; /* "Lot 1" */
    char *title;      /* document title (metadata) */
    form_row *rows;   /* row i is spreadsheet row i + 1 */
    size_t n_rows, cap_rows;
    form_validation *validations;
    size_t n_validations, cap_validations;
} form;

/* Builds the form of one lot. TP_EINVALID (diagnostic) when the lot or a
 * required part of the tender is missing. */
tp_err form_build(form **out, xmlDocPtr tender_xml, int lot_number, tp_diags *d);
void form_free(form *f);

/* Column widths in millimetres, column A to G (A is hidden). */
extern const int form_col_width_mm[FORM_COLS];

/* "B" for 2; buf must hold 4 bytes. */
const char *form_col_letter(char buf[4], int col);

/* Writers: the package bytes appended to out. */
tp_err form_write_ods(tp_buf *out, const form *f, int64_t epoch, tp_diags *d);
tp_err form_write_xlsx(tp_buf *out, const form *f, int64_t epoch, tp_diags *d);

/* Value cached for a formula cell of a fresh form (inputs empty): 0. */
#define FORM_FORMULA_CACHE "0"

#endif
