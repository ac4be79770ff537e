/* Templates: XSLT 1.0 stylesheets from templates/ run by libxslt, so the
 * wording of documents and the layout of notices change without recompiling.
 * Stylesheets are compiled once per process. They may only read other
 * bundled files (xsl:include/xsl:import/document() resolve through
 * tp_resource_load, relative to templates/); writing files, creating folders
 * and any network access are forbidden. */
#ifndef TP_XSLT_H
#define TP_XSLT_H

#include <libxml/tree.h>

#include "../core/buf.h"
#include "../core/err.h"

/* Applies templates/<name> (e.g. "csc/csc.xsl") to in. params is NULL or a
 * NULL-terminated list of name, value pairs; values are passed as strings
 * (quoted safely, not evaluated as XPath). *out is the result tree. A broken
 * template or a runtime error (xsl:message terminate="yes") gives
 * TP_ETEMPLATE with the template file and line in the diagnostics. */
tp_err tp_xslt_apply(xmlDocPtr *out, const char *name, xmlDocPtr in, const char *const *params,
                     tp_diags *d);

/* The same, serialised as the stylesheet's xsl:output says, into out. */
tp_err tp_xslt_apply_to_buf(tp_buf *out, const char *name, xmlDocPtr in,
                            const char *const *params, tp_diags *d);

/* Compiles templates/<name> now (before forking workers, so they share it). */
tp_err tp_xslt_preload(const char *name, tp_diags *d);

/* Frees the compiled stylesheets (at exit; optional). */
void tp_xslt_cleanup(void);

#endif
