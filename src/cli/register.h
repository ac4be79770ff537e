/* Shared by the register commands (register, receive, list, show, and
 * evaluate --db): docs/REGISTER.md. */
#ifndef TP_CLI_REGISTER_H
#define TP_CLI_REGISTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../model/tender.h"

/* Output formats of evaluate --db (same order as cmd_evaluate.c's). */
enum { TP_REG_FMT_XML = 0, TP_REG_FMT_TEXT = 1, TP_REG_FMT_CSV = 2 };

/* tenderpack evaluate --db FILE REF: evaluates every bid received for REF
 * (receipt times from the register), stores the evaluation XML and writes
 * it (or its text/CSV table) to output ("-" = stdout). Returns an exit code. */
int tp_register_evaluate(const char *db_path, const char *reference, int format,
                         const char *output);

/* The tender's deadline as written in the tender XML and in UTC seconds. */
void tp_register_deadline(const tp_tender *t, char text[40], int64_t *utc);

/* "text" or "xml" for --format of list and show; false (and a message) else. */
bool tp_register_format(const char *cmd, const char *v, bool *xml);

/* Exit code of a register command: a register that cannot be opened or
 * written is an I/O problem (3), not an internal one. */
int tp_register_exit(int err);

/* Appends s as an XML attribute value (escaped). */
void tp_register_xml_attr(tp_buf *b, const char *name, const char *value);

#endif
