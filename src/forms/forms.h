/* Offer forms (formulaires d'offre): one spreadsheet per lot, as ODS and
 * XLSX, that a supplier fills in and sends back as its bid; and the reader
 * that turns a filled form back into a bid (src/eval/bid.h). Layout, keys
 * and reading rules: docs/FORMS.md. */
#ifndef TP_FORMS_H
#define TP_FORMS_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../core/buf.h"
#include "../core/err.h"
#include "../eval/bid.h"

/* Version mark written in cell A1 of every form; the reader requires it. */
#define TP_FORM_MARK "tenderpack-form/1"

/* Limits of the reader, beyond those of the zip (src/forms/unzip.h). */
#define TP_FORM_MAX_ROWS 5000 /* row elements in the form's sheet (a form has ~70) */

/* Writes the offer form of lot lot_number of tender_xml (a tender document,
 * schemas/tender.xsd) as format "ods" or "xlsx" into out (appended). The same
 * tender, lot and epoch always give the same bytes; epoch (seconds since
 * 1970, UTC) dates the zip entries and the ODS metadata. TP_EUNSUPPORTED for
 * another format, TP_EINVALID when the lot does not exist. */
tp_err tp_forms_write(tp_buf *out, const char *format, xmlDocPtr tender_xml, int lot_number,
                      int64_t epoch, tp_diags *d);

typedef enum tp_form_kind { TP_FORM_NONE, TP_FORM_ODS, TP_FORM_XLSX } tp_form_kind;

/* Recognises a spreadsheet by content, not by name: a zip whose `mimetype`
 * is the ODS media type, or whose [Content_Types].xml declares an XLSX
 * workbook. TP_FORM_NONE for anything else (never an error). */
tp_form_kind tp_form_detect(const char *data, size_t len);

/* Reads one filled form and hands its bid to fn (same contract as
 * tp_bid_read_memory: fn owns the bid). Problems of content (an amount that
 * is not one, an empty required cell…) travel with the bid, in French, each
 * naming its sheet and cell ("Lot 1!F47 : …"); the evaluation excludes it.
 * An archive that cannot be read safely (not a zip or spreadsheet, over a
 * size or entry limit, unsafe entry names, a sheet that is not well-formed,
 * a spreadsheet that is not a tenderpack form) is refused: no bid, a
 * diagnostic, and TP_EPARSE (damaged zip or XML), TP_ELIMIT or TP_EINVALID
 * (all exit code 1 on the command line). The bid has
 * no receipt time (has_received false): the register or the caller sets it. */
tp_err tp_form_read_memory(const char *data, size_t len, const char *display_name, tp_bid_fn fn,
                           void *ud, tp_diags *d);

/* For readers of files: true when f starts with a zip signature. f must be
 * seekable (not stdin); it is rewound. */
bool tp_form_file_is_zip(FILE *f);

/* Reads all of f (at most TP_FORM_MAX_FILE bytes, else TP_ELIMIT) and
 * then as tp_form_read_memory. */
#define TP_FORM_MAX_FILE (32u * 1024u * 1024u)
tp_err tp_form_read_file(FILE *f, const char *display_name, tp_bid_fn fn, void *ud, tp_diags *d);

/* Convenience for tests and tools: the bid of one form (NULL on failure). */
tp_err tp_form_read_one(tp_bid **out, const char *data, size_t len, const char *display_name,
                        tp_diags *d);

#endif
