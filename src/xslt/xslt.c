#include "xslt.h"

#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../data/resources.h"
#include "../xml/xmlsafe.h"

#define TEMPLATES_PREFIX "templates/"

typedef struct sheet_entry {
    char *name;
    xsltStylesheetPtr sheet;
} sheet_entry;

static sheet_entry sheets[32];
static size_t nsheets;
static xsltSecurityPrefsPtr security;

/* libxslt reports through a printf-like callback, often in pieces: gather
 * them and turn each finished line into a diagnostic. */
typedef struct err_state {
    tp_diags *d;
    const char *file;
    tp_buf line;
    int count;
} err_state;
static err_state *current_err;

static void flush_line(err_state *st)
{
    const char *s = tp_buf_cstr(&st->line);
    /* libxslt prefixes some messages with a bare "error" line: skip it. */
    if (*s && strcmp(s, "error") != 0 && strcmp(s, "warning") != 0) {
        /* libxslt says "file templates/x.xsl line 12 element value-of": keep the line. */
        int line = 0;
        const char *l = strstr(s, " line ");
        if (l)
            line = atoi(l + 6);
        tp_diag_error(st->d, st->file, line, NULL, "fix the template (see docs/TEMPLATES.md)",
                      "%s", s);
        st->count++;
    }
    tp_buf_clear(&st->line);
}

static void on_error(void *ctx, const char *fmt, ...)
{
    err_state *st = current_err;
    if (!st)
        return;
    va_list ap;
    va_start(ap, fmt);
    tp_buf_vprintf(&st->line, fmt, ap);
    va_end(ap);
    /* Lines end with '\n'; emit each complete one. */
    char *nl;
    while ((nl = strchr(tp_buf_cstr(&st->line), '\n')) != NULL) {
        size_t n = (size_t)(nl - st->line.data);
        char *rest = xstrdup(nl + 1);
        st->line.len = n;
        st->line.data[n] = '\0';
        flush_line(st);
        tp_buf_puts(&st->line, rest);
        free(rest);
    }
}

static void structured_error(void *ud, xmlErrorPtr err)
{
    if (!err || err->level == XML_ERR_WARNING)
        return;
    err_state *st = current_err;
    if (!st)
        return;
    char *m = xstrdup(err->message ? err->message : "error");
    size_t n = strlen(m);
    while (n && (m[n - 1] == '\n' || m[n - 1] == '\r'))
        m[--n] = '\0';
    tp_diag_error(st->d, err->file ? err->file : st->file, err->line, NULL,
                  "fix the template (see docs/TEMPLATES.md)", "%s", m);
    st->count++;
    free(m);
}

static void begin_errors(err_state *st, tp_diags *d, const char *file)
{
    st->d = d;
    st->file = file;
    st->count = 0;
    tp_buf_init(&st->line);
    current_err = st;
    xsltSetGenericErrorFunc(NULL, on_error);
    xmlSetGenericErrorFunc(NULL, on_error);
    xmlSetStructuredErrorFunc(NULL, structured_error);
}

static void end_errors(err_state *st)
{
    flush_line(st);
    tp_buf_dispose(&st->line);
    current_err = NULL;
    xsltSetGenericErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(NULL, NULL);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

static bool is_bundled(const char *u)
{
    return strncmp(u, TEMPLATES_PREFIX, sizeof TEMPLATES_PREFIX - 1) == 0 && !strstr(u, "..");
}

/* Only bundled templates can be loaded: "templates/…" names, no "..". */
static xmlDocPtr load_resource(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                               xsltLoadType type)
{
    const char *u = (const char *)uri;
    if (!is_bundled(u)) {
        if (current_err)
            tp_diag_error(current_err->d, current_err->file, 0, NULL,
                          "templates may only include files of the templates folder",
                          "refused to load '%s'", u);
        return NULL;
    }
    tp_buf data;
    tp_buf_init(&data);
    xmlDocPtr doc = NULL;
    tp_diags *d = current_err ? current_err->d : NULL;
    if (tp_resource_load(&data, NULL, u, d) == TP_OK &&
        tp_xml_parse(&doc, tp_buf_cstr(&data), data.len, u, d) == TP_OK) {
        xmlFree((xmlChar *)doc->URL);
        doc->URL = xmlStrdup(uri); /* relative includes resolve against it */
    }
    tp_buf_dispose(&data);
    return doc;
}

/* libxslt asks before loading an included file: only bundled templates. */
static int allow_bundled_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
                              const char *value)
{
    return value && is_bundled(value);
}

static void init_once(void)
{
    if (security)
        return;
    security = xsltNewSecurityPrefs();
    xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
    xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_FILE, allow_bundled_read);
    xsltSetDefaultSecurityPrefs(security);
    xsltSetLoaderFunc(load_resource);
}

static tp_err get_sheet(xsltStylesheetPtr *out, const char *name, tp_diags *d)
{
    for (size_t i = 0; i < nsheets; i++)
        if (strcmp(sheets[i].name, name) == 0) {
            *out = sheets[i].sheet;
            return TP_OK;
        }
    if (nsheets == sizeof sheets / sizeof *sheets)
        return TP_EINTERNAL;
    init_once();
    tp_buf path;
    tp_buf_init(&path);
    tp_buf_printf(&path, TEMPLATES_PREFIX "%s", name);
    err_state st;
    begin_errors(&st, d, tp_buf_cstr(&path));
    xmlDocPtr doc = load_resource(BAD_CAST tp_buf_cstr(&path), NULL, 0, NULL, XSLT_LOAD_START);
    xsltStylesheetPtr sheet = doc ? xsltParseStylesheetDoc(doc) : NULL;
    if (!sheet)
        xmlFreeDoc(doc);
    else if (sheet->errors) {
        xsltFreeStylesheet(sheet);
        sheet = NULL;
    }
    end_errors(&st);
    tp_err rc = TP_OK;
    if (!sheet) {
        if (st.count == 0)
            tp_diag_error(d, tp_buf_cstr(&path), 0, NULL, NULL, "stylesheet does not compile");
        rc = TP_ETEMPLATE;
    } else {
        sheets[nsheets].name = xstrdup(name);
        sheets[nsheets].sheet = sheet;
        nsheets++;
        *out = sheet;
    }
    tp_buf_dispose(&path);
    return rc;
}

tp_err tp_xslt_preload(const char *name, tp_diags *d)
{
    xsltStylesheetPtr sheet = NULL;
    return get_sheet(&sheet, name, d);
}

tp_err tp_xslt_apply(xmlDocPtr *out, const char *name, xmlDocPtr in, const char *const *params,
                     tp_diags *d)
{
    *out = NULL;
    xsltStylesheetPtr sheet = NULL;
    tp_err rc = get_sheet(&sheet, name, d);
    if (rc != TP_OK)
        return rc;
    xsltTransformContextPtr ctxt = xsltNewTransformContext(sheet, in);
    if (!ctxt)
        return TP_EXML;
    xsltSetCtxtSecurityPrefs(security, ctxt);
    if (params && xsltQuoteUserParams(ctxt, (const char **)params) != 0) {
        xsltFreeTransformContext(ctxt);
        return TP_EINTERNAL;
    }
    char file[256];
    snprintf(file, sizeof file, TEMPLATES_PREFIX "%s", name);
    err_state st;
    begin_errors(&st, d, file);
    xmlDocPtr res = xsltApplyStylesheetUser(sheet, in, NULL, NULL, NULL, ctxt);
    int state = ctxt->state;
    end_errors(&st);
    xsltFreeTransformContext(ctxt);
    if (!res || state != XSLT_STATE_OK || st.count > 0) {
        if (st.count == 0)
            tp_diag_error(d, file, 0, NULL, NULL, "the template failed");
        xmlFreeDoc(res);
        return TP_ETEMPLATE;
    }
    *out = res;
    return TP_OK;
}

tp_err tp_xslt_apply_to_buf(tp_buf *out, const char *name, xmlDocPtr in,
                            const char *const *params, tp_diags *d)
{
    xmlDocPtr res = NULL;
    tp_err rc = tp_xslt_apply(&res, name, in, params, d);
    if (rc != TP_OK)
        return rc;
    xsltStylesheetPtr sheet = NULL;
    get_sheet(&sheet, name, d);
    xmlChar *text = NULL;
    int len = 0;
    if (xsltSaveResultToString(&text, &len, res, sheet) != 0) {
        xmlFreeDoc(res);
        return TP_EXML;
    }
    if (text)
        tp_buf_put(out, text, (size_t)len);
    xmlFree(text);
    xmlFreeDoc(res);
    return TP_OK;
}

void tp_xslt_cleanup(void)
{
    for (size_t i = 0; i < nsheets; i++) {
        xsltFreeStylesheet(sheets[i].sheet);
        free(sheets[i].name);
    }
    nsheets = 0;
    if (security) {
        xsltSetDefaultSecurityPrefs(NULL);
        xsltFreeSecurityPrefs(security);
        security = NULL;
    }
    xsltCleanupGlobals();
}
