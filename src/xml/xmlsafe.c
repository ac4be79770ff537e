#include "xmlsafe.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/io.h"
#include "../core/mem.h"
#include "../data/resources.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA)

typedef struct parse_state {
    tp_diags *d;
    const char *filename;
    bool doctype_seen;
    int errors;
} parse_state;

/* libxml2 messages end with a newline and name elements as {namespace}local:
 * keep one line, drop the namespace noise (not other braces: patterns like
 * [0-9]{10} must survive). */
static char *clean_message(const char *m)
{
    tp_buf b;
    tp_buf_init(&b);
    for (const char *p = m ? m : ""; *p; p++) {
        if (*p == '{' && (strncmp(p + 1, "urn:", 4) == 0 || strncmp(p + 1, "http", 4) == 0)) {
            const char *close = strchr(p, '}');
            if (close) {
                p = close;
                continue;
            }
        }
        if (*p == '\n' || *p == '\r')
            continue;
        tp_buf_putc(&b, *p);
    }
    return tp_buf_detach(&b);
}

static void on_structured_error(void *ud, xmlErrorPtr err)
{
    parse_state *st = ud;
    if (!err || err->level == XML_ERR_NONE || err->level == XML_ERR_WARNING)
        return;
    if (st->doctype_seen)
        return; /* already reported, the rest is the parser stopping */
    char *msg = clean_message(err->message);
    char *field = NULL;
    if (err->node && ((xmlNodePtr)err->node)->type == XML_ELEMENT_NODE) {
        xmlChar *path = xmlGetNodePath((xmlNodePtr)err->node);
        field = xstrdup((const char *)path);
        xmlFree(path);
    }
    tp_diag_error(st->d, st->filename, err->line, field, NULL, "%s", msg);
    st->errors++;
    free(msg);
    free(field);
}

static void refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    if (!st->doctype_seen)
        tp_diag_error(st->d, st->filename, xmlSAX2GetLineNumber(ctx), NULL,
                      "remove the <!DOCTYPE …> declaration: tenderpack inputs need none",
                      "document type declarations are refused (they allow entity expansion "
                      "and external entities)");
    st->doctype_seen = true;
    xmlStopParser(ctxt);
}

static int max_depth(xmlNodePtr n, int depth)
{
    int m = depth;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            int cd = max_depth(c, depth + 1);
            if (cd > m)
                m = cd;
            if (m > TP_XML_MAX_DEPTH)
                break;
        }
    return m;
}

tp_err tp_xml_parse(xmlDocPtr *out, const char *data, size_t len, const char *filename,
                    tp_diags *d)
{
    *out = NULL;
    if (len > TP_XML_MAX_BYTES) {
        tp_diag_error(d, filename, 0, NULL, NULL, "XML document is larger than the %u-byte limit",
                      TP_XML_MAX_BYTES);
        return TP_ELIMIT;
    }
    parse_state st = {d, filename, false, 0};
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return TP_EXML;
    ctxt->_private = &st;
    ctxt->sax->internalSubset = refuse_doctype;
    ctxt->sax->externalSubset = NULL;
    ctxt->sax->resolveEntity = NULL;
    xmlSetStructuredErrorFunc(&st, on_structured_error);
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL, PARSE_OPTIONS);
    xmlSetStructuredErrorFunc(NULL, NULL);
    tp_err rc = TP_OK;
    if (st.doctype_seen) {
        rc = TP_ELIMIT;
    } else if (!doc || !ctxt->wellFormed || st.errors) {
        if (st.errors == 0)
            tp_diag_error(d, filename, 0, NULL, NULL, "not well-formed XML");
        rc = TP_EPARSE;
    } else if (!xmlDocGetRootElement(doc)) {
        tp_diag_error(d, filename, 0, NULL, NULL, "the document has no root element");
        rc = TP_EPARSE;
    } else if (max_depth(xmlDocGetRootElement(doc), 1) > TP_XML_MAX_DEPTH) {
        tp_diag_error(d, filename, 0, NULL, NULL, "elements are nested deeper than %d levels",
                      TP_XML_MAX_DEPTH);
        rc = TP_ELIMIT;
    }
    xmlFreeParserCtxt(ctxt);
    if (rc != TP_OK) {
        xmlFreeDoc(doc);
        return rc;
    }
    *out = doc;
    return TP_OK;
}

tp_err tp_xml_read(xmlDocPtr *out, const char *path, tp_diags *d)
{
    *out = NULL;
    tp_buf b;
    tp_buf_init(&b);
    tp_err rc = tp_read_file(&b, path, TP_XML_MAX_BYTES, d);
    if (rc == TP_OK)
        rc = tp_xml_parse(out, tp_buf_cstr(&b), b.len, tp_display_name(path), d);
    tp_buf_dispose(&b);
    return rc;
}

/* Compiled schemas, once per process: compiling costs more than validating. */
typedef struct schema_entry {
    char *name;
    xmlSchemaPtr schema;
} schema_entry;
static schema_entry schema_cache[16];
static size_t schema_cache_n;

/* Bundled schemas compile from a URL of this scheme, so that libxml2 resolves
 * relative xs:import/xs:include schemaLocations against it; the loader below
 * maps those URLs back to the embedded copies. */
#define EMBEDDED_SCHEME "tp-embedded:"
#define SCHEMAS_PREFIX "schemas/"

static const tp_embedded *find_embedded(const char *name)
{
    for (size_t i = 0; i < tp_embedded_count; i++)
        if (strcmp(tp_embedded_files[i].name, name) == 0)
            return &tp_embedded_files[i];
    return NULL;
}

static tp_diags *loader_diags; /* set only while a bundled schema compiles */

/* Installed only while a bundled schema compiles: a schema may read other
 * bundled schemas and nothing else (no network, no filesystem). */
static xmlParserInputPtr embedded_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    const char *name = NULL;
    if (url && strncmp(url, EMBEDDED_SCHEME, sizeof EMBEDDED_SCHEME - 1) == 0) {
        name = url + sizeof EMBEDDED_SCHEME - 1;
        while (*name == '/')
            name++;
    }
    const tp_embedded *e = NULL;
    if (name && strncmp(name, SCHEMAS_PREFIX, sizeof SCHEMAS_PREFIX - 1) == 0 &&
        !strstr(name, ".."))
        e = find_embedded(name);
    if (!e) {
        if (loader_diags)
            tp_diag_error(loader_diags, url ? url : "?", 0, NULL,
                          "bundle every file a schema imports under schemas/ (cmake/Embed.cmake)",
                          "a bundled schema refers to a file that is not bundled");
        return NULL;
    }
    xmlParserInputBufferPtr buf =
        xmlParserInputBufferCreateMem((const char *)e->data, (int)e->len, XML_CHAR_ENCODING_NONE);
    if (!buf)
        return NULL;
    xmlParserInputPtr in = xmlNewIOInputStream(ctxt, buf, XML_CHAR_ENCODING_NONE);
    if (!in) {
        xmlFreeParserInputBuffer(buf);
        return NULL;
    }
    in->filename = (const char *)xmlStrdup(BAD_CAST url); /* base of nested imports */
    return in;
}

static tp_err get_schema(xmlSchemaPtr *out, const char *name, tp_diags *d)
{
    for (size_t i = 0; i < schema_cache_n; i++)
        if (strcmp(schema_cache[i].name, name) == 0) {
            *out = schema_cache[i].schema;
            return TP_OK;
        }
    if (schema_cache_n == sizeof schema_cache / sizeof *schema_cache)
        return TP_EINTERNAL;
    tp_buf path, url;
    tp_buf_init(&path);
    tp_buf_init(&url);
    tp_buf_printf(&path, SCHEMAS_PREFIX "%s", name);
    tp_buf_printf(&url, EMBEDDED_SCHEME "///" SCHEMAS_PREFIX "%s", name);
    tp_err rc = TP_OK;
    if (!find_embedded(tp_buf_cstr(&path))) {
        tp_diag_error(d, tp_buf_cstr(&path), 0, NULL, "reinstall tenderpack",
                      "bundled schema not found");
        rc = TP_ETEMPLATE;
        goto cleanup;
    }
    parse_state st = {d, tp_buf_cstr(&path), false, 0};
    xmlExternalEntityLoader previous = xmlGetExternalEntityLoader();
    loader_diags = d;
    xmlSetExternalEntityLoader(embedded_loader);
    xmlSetStructuredErrorFunc(&st, on_structured_error);
    xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewParserCtxt(tp_buf_cstr(&url));
    xmlSchemaPtr schema = pctxt ? xmlSchemaParse(pctxt) : NULL;
    xmlSchemaFreeParserCtxt(pctxt);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetExternalEntityLoader(previous);
    loader_diags = NULL;
    if (!schema) {
        tp_diag_error(d, tp_buf_cstr(&path), 0, NULL, NULL, "schema does not compile");
        rc = TP_ETEMPLATE;
        goto cleanup;
    }
    schema_cache[schema_cache_n].name = xstrdup(name);
    schema_cache[schema_cache_n].schema = schema;
    schema_cache_n++;
    *out = schema;
cleanup:
    tp_buf_dispose(&path);
    tp_buf_dispose(&url);
    return rc;
}

tp_err tp_xsd_preload(const char *schema_name, tp_diags *d)
{
    xmlSchemaPtr schema = NULL;
    return get_schema(&schema, schema_name, d);
}

tp_err tp_xsd_validate(xmlDocPtr doc, const char *schema_name, const char *filename, tp_diags *d)
{
    xmlSchemaPtr schema = NULL;
    tp_err rc = get_schema(&schema, schema_name, d);
    if (rc != TP_OK)
        return rc;
    xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema);
    if (!vctxt)
        return TP_EXML;
    parse_state st = {d, filename, false, 0};
    xmlSchemaSetValidStructuredErrors(vctxt, on_structured_error, &st);
    int v = xmlSchemaValidateDoc(vctxt, doc);
    xmlSchemaFreeValidCtxt(vctxt);
    if (v != 0) {
        if (st.errors == 0)
            tp_diag_error(d, filename, 0, NULL, NULL, "document is not valid against %s",
                          schema_name);
        return v < 0 ? TP_EXML : TP_EINVALID;
    }
    return TP_OK;
}

void tp_xml_cleanup(void)
{
    for (size_t i = 0; i < schema_cache_n; i++) {
        xmlSchemaFree(schema_cache[i].schema);
        free(schema_cache[i].name);
    }
    schema_cache_n = 0;
    xmlCleanupParser();
}

xmlNodePtr tp_xml_next(xmlNodePtr node, const char *name)
{
    for (xmlNodePtr n = node ? node->next : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && (!name || xmlStrcmp(n->name, BAD_CAST name) == 0))
            return n;
    return NULL;
}

xmlNodePtr tp_xml_child(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && (!name || xmlStrcmp(n->name, BAD_CAST name) == 0))
            return n;
    return NULL;
}

static char *trimmed(const xmlChar *s)
{
    if (!s)
        return NULL;
    const char *b = (const char *)s;
    while (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r')
        b++;
    size_t n = strlen(b);
    while (n > 0 && (b[n - 1] == ' ' || b[n - 1] == '\t' || b[n - 1] == '\n' || b[n - 1] == '\r'))
        n--;
    return xstrndup(b, n);
}

char *tp_xml_text(xmlNodePtr node)
{
    if (!node)
        return NULL;
    xmlChar *c = xmlNodeGetContent(node);
    char *r = trimmed(c ? c : BAD_CAST "");
    xmlFree(c);
    return r;
}

char *tp_xml_attr(xmlNodePtr node, const char *name)
{
    if (!node)
        return NULL;
    xmlChar *v = xmlGetProp(node, BAD_CAST name);
    if (!v)
        return NULL;
    char *r = trimmed(v);
    xmlFree(v);
    return r;
}

int tp_xml_line(xmlNodePtr node)
{
    return node ? (int)xmlGetLineNo(node) : 0;
}
