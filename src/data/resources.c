#include "resources.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/io.h"
#include "../core/mem.h"

static char *templates_dir;
static char origin_buf[1024];

void tp_resources_set_templates_dir(const char *dir)
{
    free(templates_dir);
    templates_dir = dir && *dir ? xstrdup(dir) : NULL;
}

tp_err tp_resource_load(tp_buf *out, const char **origin, const char *name, tp_diags *d)
{
    static const char prefix[] = "templates/";
    const char *dir = templates_dir ? templates_dir : getenv("TENDERPACK_TEMPLATES");
    if (dir && *dir && strncmp(name, prefix, sizeof prefix - 1) == 0) {
        snprintf(origin_buf, sizeof origin_buf, "%s/%s", dir, name + sizeof prefix - 1);
    }
    /* A file the PO's folder does not have comes from the built-in copy. */
    if (dir && *dir && strncmp(name, prefix, sizeof prefix - 1) == 0 &&
        access(origin_buf, F_OK) == 0) {
        if (origin)
            *origin = origin_buf;
        return tp_read_file(out, origin_buf, 64u * 1024u * 1024u, d);
    }
    for (size_t i = 0; i < tp_embedded_count; i++)
        if (strcmp(tp_embedded_files[i].name, name) == 0) {
            tp_buf_put(out, tp_embedded_files[i].data, tp_embedded_files[i].len);
            if (origin) {
                snprintf(origin_buf, sizeof origin_buf, "%s", name);
                *origin = origin_buf;
            }
            return TP_OK;
        }
    tp_diag_error(d, name, 0, NULL, "reinstall tenderpack or fix --templates",
                  "bundled file not found");
    return TP_ETEMPLATE;
}

const char *tp_resource_font_dir(void)
{
    static char found[1024];
    const char *tdir = templates_dir ? templates_dir : getenv("TENDERPACK_TEMPLATES");
    char from_templates[1024] = "";
    if (tdir && *tdir)
        snprintf(from_templates, sizeof from_templates, "%s/fonts", tdir);
    const char *candidates[] = {getenv("TENDERPACK_FONT_DIR"), from_templates, TP_SOURCE_FONT_DIR,
                                TP_INSTALL_FONT_DIR, "/usr/share/fonts/truetype/dejavu"};
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++) {
        const char *c = candidates[i];
        if (!c || !*c)
            continue;
        snprintf(found, sizeof found, "%s/DejaVuSans.ttf", c);
        if (access(found, R_OK) == 0 || i == 0) {
            snprintf(found, sizeof found, "%s", c);
            return found; /* an explicit TENDERPACK_FONT_DIR is used even if wrong: say so */
        }
    }
    return "/usr/share/fonts/truetype/dejavu";
}
