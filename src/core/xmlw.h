/* Small helpers for writing XML text into a tp_buf (the ODT and DOCX writers
 * print their markup with tp_buf_puts/printf and escape data through here). */
#ifndef TP_XMLW_H
#define TP_XMLW_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Appends s as XML character data or a double-quoted attribute value:
 * & < > " escaped, CR as &#13;, invalid UTF-8 (overlong, surrogate, truncated,
 * > U+10FFFF) replaced by U+FFFD, and characters XML 1.0 forbids (C0 controls
 * other than TAB/LF/CR, U+FFFE, U+FFFF) dropped. So the output always parses. */
void tp_xmlw_text(tp_buf *b, const char *s);
void tp_xmlw_textn(tp_buf *b, const char *s, size_t n);

/* "YYYY-MM-DDTHH:MM:SSZ" (UTC, W3CDTF / xsd:dateTime); years clamped to 0001..9999. */
const char *tp_xmlw_datetime(char buf[21], int64_t epoch);

#endif
