/* Bundled data files: templates/ (wording, catalogues, thresholds) and
 * schemas/ (XSDs). They are compiled into the binary (embedded.c, generated
 * by CMake) so the tool works from anywhere; a PO can point --templates DIR
 * (or TENDERPACK_TEMPLATES) at its own copy of templates/ to change them
 * without recompiling. */
#ifndef TP_RESOURCES_H
#define TP_RESOURCES_H

#include <stddef.h>

#include "../core/buf.h"
#include "../core/err.h"

/* Overrides the templates/ directory (NULL = embedded). Not thread-safe: set once at start. */
void tp_resources_set_templates_dir(const char *dir);

/* Loads name ("templates/thresholds.xml", "schemas/tender.xsd") into out.
 * *origin (optional) gets a static-lifetime or tp-owned display name of where
 * it came from, for messages (e.g. "/etc/po/templates/thresholds.xml" or
 * "templates/thresholds.xml (built in)"): valid until the next call. */
tp_err tp_resource_load(tp_buf *out, const char **origin, const char *name, tp_diags *d);

/* The folder holding the PDF fonts (DejaVuSans*.ttf): TENDERPACK_FONT_DIR,
 * else <--templates DIR>/fonts, else the templates/fonts of the source tree or
 * of the installed share folder, else Debian's DejaVu folder. The first that
 * has DejaVuSans.ttf wins. Never NULL. */
const char *tp_resource_font_dir(void);

/* Embedded table (generated). */
typedef struct tp_embedded {
    const char *name;
    const unsigned char *data;
    size_t len;
} tp_embedded;
extern const tp_embedded tp_embedded_files[];
extern const size_t tp_embedded_count;

#endif
