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
