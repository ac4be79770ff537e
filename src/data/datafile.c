#include "datafile.h"

#include "../core/mem.h"
#include "../xml/xmlsafe.h"
#include "resources.h"

/* A broken data file is not the user's input: it is the template's fault. */
static tp_err as_template_error(tp_err err)
{
    return err == TP_EPARSE || err == TP_EINVALID || err == TP_ELIMIT ? TP_ETEMPLATE : err;
}

tp_err tp_datafile_read(tp_buf *out, char **name, const char *resource, tp_diags *d)
{
    const char *origin = NULL;
    *name = NULL;
    tp_err err = tp_resource_load(out, &origin, resource, d);
    if (err == TP_OK)
        *name = xstrdup(origin ? origin : resource); /* origin lives until the next load */
    return err;
}

tp_err tp_datafile_parse(xmlDocPtr *out, const char *data, size_t len, const char *name,
                         const char *schema, tp_diags *d)
{
    *out = NULL;
    xmlDocPtr doc = NULL;
    tp_err err = tp_xml_parse(&doc, data, len, name, d);
    if (err == TP_OK)
        err = tp_xsd_validate(doc, schema, name, d);
    if (err != TP_OK) {
        xmlFreeDoc(doc);
        return as_template_error(err);
    }
    *out = doc;
    return TP_OK;
}
