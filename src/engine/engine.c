#include "engine.h"

#include <stdlib.h>

#include "../check/profile_check.h"
#include "../core/mem.h"
#include "../derive/derive.h"
#include "../input/profile_read.h"
#include "../output/tender_xml.h"
#include "../xml/xmlsafe.h"

tp_err tp_engine_open(tp_engine **out, tp_diags *d)
{
    *out = NULL;
    tp_engine *e = xcalloc(1, sizeof *e);
    tp_err rc = tp_rules_load(&e->rules, d);
    if (rc == TP_OK)
        rc = tp_catalogue_load(&e->catalogue, d);
    if (rc != TP_OK) {
        tp_engine_free(e);
        return rc;
    }
    *out = e;
    return TP_OK;
}

void tp_engine_free(tp_engine *e)
{
    if (!e)
        return;
    tp_rules_free(e->rules);
    tp_catalogue_free(e->catalogue);
    free(e);
}

static tp_err finish(tp_engine *e, tp_tender **tender, tp_profile **profile, tp_profile *p,
                     tp_diags *d)
{
    tp_tender *t = NULL;
    tp_err rc;
    /* All rule violations are reported together; derivation (which finds
     * catalogue and threshold problems) only runs on a profile that passed them. */
    rc = tp_profile_check(p, d);
    if (rc == TP_OK)
        rc = tp_derive(&t, p, e->rules, e->catalogue, d);
    if (rc != TP_OK)
        goto cleanup;
    *tender = t;
    *profile = p;
    return TP_OK;
cleanup:
    tp_tender_free(t);
    tp_profile_free(p);
    return rc;
}

tp_err tp_engine_tender_from_file(tp_engine *e, tp_tender **tender, tp_profile **profile,
                                  const char *path, tp_diags *d)
{
    *tender = NULL;
    *profile = NULL;
    tp_profile *p = NULL;
    tp_err rc = tp_profile_read(&p, path, d);
    if (rc != TP_OK)
        return rc;
    return finish(e, tender, profile, p, d);
}

tp_err tp_engine_tender_from_memory(tp_engine *e, tp_tender **tender, tp_profile **profile,
                                    const char *data, size_t len, const char *name, tp_diags *d)
{
    *tender = NULL;
    *profile = NULL;
    tp_profile *p = NULL;
    tp_err rc = tp_profile_parse(&p, data, len, name, d);
    if (rc != TP_OK)
        return rc;
    return finish(e, tender, profile, p, d);
}

tp_err tp_engine_tender_xml(tp_buf *xml, xmlDocPtr *doc, const tp_tender *t, tp_diags *d)
{
    if (doc)
        *doc = NULL;
    tp_sink sink = tp_sink_buf(xml);
    tp_err rc = tp_tender_write_xml(t, &sink);
    if (rc != TP_OK || !doc)
        return rc;
    xmlDocPtr x = NULL;
    rc = tp_xml_parse(&x, tp_buf_cstr(xml), xml->len, "<tender output>", d);
    if (rc == TP_OK)
        rc = tp_xsd_validate(x, "tender.xsd", "<tender output>", d);
    if (rc != TP_OK) {
        xmlFreeDoc(x);
        return TP_EINTERNAL;
    }
    *doc = x;
    return TP_OK;
}
