/* UTF-8 -> Windows-1252 (CP1252) for the PDF renderer's WinAnsiEncoding fonts.
 *
 * Every character of French text is in CP1252 (é è à ç œ Œ € « » ’ “ ” – — …
 * • and U+00A0). Characters outside it are replaced, never dropped silently:
 *   U+2264 ≤ -> "<="   U+2265 ≥ -> ">="   U+2260 ≠ -> "<>"
 *   U+2192 → -> "->"   U+2190 ← -> "<-"   U+2212 − and U+2010/U+2011 -> "-"
 *   U+202F, U+2007 (no-break spaces)  -> U+00A0 (stays unbreakable)
 *   U+2000..U+200A (other spaces)     -> " "
 *   U+200B, U+200C, U+200D, U+2060, U+FEFF, U+00AD (invisible) -> nothing
 *   U+FB01 ﬁ -> "fi"  U+FB02 ﬂ -> "fl"
 *   tab, CR, LF -> " "; other control characters -> nothing
 *   anything else, and invalid UTF-8 (per bad byte) -> "?"
 * The bytes 0x81 0x8D 0x8F 0x90 0x9D (undefined in CP1252) are never produced. */
#ifndef TP_PDF_TEXT_H
#define TP_PDF_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"

/* Decodes one UTF-8 character of s (len > 0 bytes left). Returns its code
 * point and stores the bytes used in *used (>= 1). Invalid or overlong
 * sequences, surrogates and values above U+10FFFF give 0xFFFD with *used = 1. */
uint32_t tp_utf8_decode(const char *s, size_t len, size_t *used);

/* CP1252 byte for a code point, or -1 when it has none (see the fallback above). */
int tp_cp1252_from_unicode(uint32_t cp);

/* Appends the CP1252 form of utf8[0..len) to out. Returns how many characters
 * were replaced by a fallback other than an equivalent (the "?" count and
 * approximations such as ">="), so callers may warn. */
size_t tp_cp1252_append(tp_buf *out, const char *utf8, size_t len);

#endif
