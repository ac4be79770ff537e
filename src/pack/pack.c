#include "pack.h"

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/sha256.h"
#include "../doc/doc.h"
#include "../eval/bid_template.h"
#include "../forms/forms.h"
#include "../notice/notice.h"
#include "../render/render.h"
#include "../render/zipout.h"
#include "../xml/xmlsafe.h"
#include "../xslt/xslt.h"

#define CSC_TEMPLATE "csc/csc.xsl"
#define README_TEMPLATE "pack/lisezmoi.xsl"

/* A file of the pack, kept until the manifest is written. */
typedef struct pack_file {
    char *name;
    char *description;
    tp_buf data;
} pack_file;

typedef struct pack {
    pack_file files[128]; /* up to 20 lots × (2 offer forms + a bid template) + the rest */
    size_t n;
} pack;

static tp_buf *pack_add(pack *p, const char *name, const char *description)
{
    if (p->n == sizeof p->files / sizeof *p->files)
        abort(); /* a programming error: the pack has a fixed list of files */
    pack_file *f = &p->files[p->n++];
    f->name = xstrdup(name);
    f->description = xstrdup(description);
    tp_buf_init(&f->data);
    return &f->data;
}

static void pack_dispose(pack *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->files[i].name);
        free(p->files[i].description);
        tp_buf_dispose(&p->files[i].data);
    }
}

/* PDF, ODF and OOXML files are compressed already: deflating them again
 * costs time and saves nothing. */
static bool already_compressed(const char *name)
{
    static const char *const exts[] = {".pdf", ".odt", ".docx", ".ods", ".xlsx"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        size_t e = strlen(exts[i]);
        if (n > e && strcmp(name + n - e, exts[i]) == 0)
            return true;
    }
    return false;
}

/* Dates inside the pack come from SOURCE_DATE_EPOCH or the publication date. */
static int64_t pack_epoch(const tp_pack_opts *opts, const tp_tender *t)
{
    if (opts && opts->epoch_set)
        return opts->epoch;
    return (int64_t)tp_date_to_days(t->publication_date) * 86400;
}

/* The specification: template → document tree → one file per renderer. */
static tp_err add_specification(pack *p, xmlDocPtr tender_xml, const tp_tender *t, int64_t epoch,
                                tp_diags *d)
{
    xmlDocPtr docxml = NULL;
    tp_doc *doc = NULL;
    tp_err rc = tp_xslt_apply(&docxml, CSC_TEMPLATE, tender_xml, NULL, d);
    if (rc == TP_OK)
        rc = tp_doc_from_xml(&doc, docxml, "templates/" CSC_TEMPLATE " (result)", d);
    char ident[160];
    snprintf(ident, sizeof ident, "%s/csc", t->reference);
    tp_render_opts ropts = {epoch, ident};
    static const char *const descriptions[] = {
        "Cahier spécial des charges (PDF, à publier ou à envoyer)",
        "Cahier spécial des charges (ODT, modifiable)",
        "Cahier spécial des charges (DOCX, modifiable)",
    };
    for (size_t i = 0; rc == TP_OK && i < tp_renderer_count && i < 3; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s%s", TP_PACK_SPEC_BASENAME, tp_renderers[i].extension);
        tp_buf *out = pack_add(p, name, descriptions[i]);
        rc = tp_renderers[i].render(out, doc, &ropts, d);
    }
    tp_doc_free(doc);
    xmlFreeDoc(docxml);
    return rc;
}

#define NOTICE_NAME "avis-de-marche-eforms.xml"

/* The eForms notice when the procedure is published; otherwise the README
 * says why there is none (reason is set, caller frees). */
static tp_err add_notice(pack *p, char **reason, xmlDocPtr tender_xml, tp_diags *d)
{
    tp_buf notice;
    tp_buf_init(&notice);
    int subtype = TP_NOTICE_NONE;
    tp_err rc = tp_notice_build_checked(&notice, &subtype, tender_xml, d);
    if (rc == TP_OK && subtype == TP_NOTICE_NONE) {
        *reason = tp_notice_not_published_reason(tender_xml);
    } else if (rc == TP_OK) {
        char description[96];
        snprintf(description, sizeof description, "Avis de marché eForms (sous-type %s)",
                 tp_notice_subtype_code(subtype));
        tp_buf *dst = pack_add(p, NOTICE_NAME, description);
        *dst = notice; /* moved */
        return TP_OK;
    }
    tp_buf_dispose(&notice);
    return rc;
}

/* The offer forms (src/forms): one per lot and format, for suppliers to
 * fill in and send back as their bid. */
static tp_err add_forms(pack *p, xmlDocPtr tender_xml, const tp_tender *t, int64_t epoch,
                        tp_diags *d)
{
    static const char *const formats[] = {"ods", "xlsx"};
    tp_err rc = TP_OK;
    for (size_t i = 0; i < t->n_lots && rc == TP_OK; i++)
        for (int f = 0; f < 2 && rc == TP_OK; f++) {
            char name[64], description[128];
            snprintf(name, sizeof name, "offres/formulaire-lot-%d.%s", t->lots[i].number,
                     formats[f]);
            snprintf(description, sizeof description,
                     "Formulaire d'offre du lot %d (%s) : à compléter et à joindre à l'offre",
                     t->lots[i].number, f == 0 ? "OpenDocument" : "Excel");
            rc = tp_forms_write(pack_add(p, name, description), formats[f], tender_xml,
                                t->lots[i].number, epoch, d);
        }
    /* The same answers as XML (schemas/bid.xsd), for suppliers' own software. */
    for (size_t i = 0; i < t->n_lots && rc == TP_OK; i++) {
        char name[64], description[128];
        snprintf(name, sizeof name, "offres/offre-lot-%d.xml", t->lots[i].number);
        snprintf(description, sizeof description,
                 "Modèle d'offre du lot %d (XML, schemas/bid.xsd)", t->lots[i].number);
        rc = tp_bid_template(pack_add(p, name, description), tender_xml, t->lots[i].number, d);
    }
    return rc;
}

static tp_err add_readme(pack *p, xmlDocPtr tender_xml, const char *no_notice_reason,
                         tp_diags *d)
{
    tp_buf *out = pack_add(p, "LISEZMOI.txt", "Mode d'emploi du dossier");
    const char *params[] = {"notice", no_notice_reason ? "" : NOTICE_NAME, "no-notice-reason",
                            no_notice_reason ? no_notice_reason : "", NULL};
    return tp_xslt_apply_to_buf(out, README_TEMPLATE, tender_xml, params, d);
}

/* manifest.xml: every other file with its size and SHA-256, so a supplier
 * (or a court) can check that nothing was changed. */
static void write_manifest(tp_buf *out, const pack *p, const tp_tender *t)
{
    tp_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<manifest xmlns=\"urn:tenderpack:manifest:1\" reference=\"");
    tp_buf_put_xml(out, t->reference);
    tp_buf_puts(out, "\" generator=\"tenderpack " TP_VERSION "\">\n");
    for (size_t i = 0; i < p->n; i++) {
        uint8_t digest[32];
        char hex[65];
        tp_sha256(digest, p->files[i].data.data ? p->files[i].data.data : "", p->files[i].data.len);
        tp_buf_puts(out, "  <file name=\"");
        tp_buf_put_xml(out, p->files[i].name);
        tp_buf_printf(out, "\" size=\"%zu\" sha256=\"%s\">", p->files[i].data.len,
                      tp_sha256_hex(hex, digest));
        tp_buf_put_xml(out, p->files[i].description);
        tp_buf_puts(out, "</file>\n");
    }
    tp_buf_puts(out, "</manifest>\n");
}

tp_err tp_pack_build(tp_buf *zip, tp_engine *e, const char *profile_path,
                     const tp_pack_opts *opts, tp_diags *d)
{
    tp_profile *profile = NULL;
    tp_tender *t = NULL;
    xmlDocPtr tender_xml = NULL;
    tp_zip *z = NULL;
    pack p;
    p.n = 0;
    tp_err rc = tp_engine_tender_from_file(e, &t, &profile, profile_path, d);
    if (rc != TP_OK)
        goto cleanup;
    int64_t epoch = pack_epoch(opts, t);
    tp_buf tender_buf;
    tp_buf_init(&tender_buf);
    rc = tp_engine_tender_xml(&tender_buf, &tender_xml, t, d);
    /* Files in the order a director meets them: README, the PDF, the editable
     * copies, the notice; the README is written last but listed first. */
    pack rest;
    rest.n = 0;
    char *no_notice_reason = NULL;
    if (rc == TP_OK)
        rc = add_specification(&rest, tender_xml, t, epoch, d);
    if (rc == TP_OK)
        rc = add_notice(&rest, &no_notice_reason, tender_xml, d);
    if (rc == TP_OK)
        rc = add_forms(&rest, tender_xml, t, epoch, d);
    if (rc == TP_OK)
        rc = add_readme(&p, tender_xml, no_notice_reason, d);
    free(no_notice_reason);
    for (size_t i = 0; i < rest.n; i++) {
        if (p.n == sizeof p.files / sizeof *p.files)
            abort(); /* cannot happen: the schema caps lots at 20 */
        p.files[p.n++] = rest.files[i]; /* moved */
    }
    rest.n = 0;
    tp_buf *dst = pack_add(&p, "tender.xml", "Données du marché (XML, schemas/tender.xsd)");
    *dst = tender_buf; /* moved */
    if (rc != TP_OK)
        goto cleanup;
    z = tp_zip_new(epoch);
    for (size_t i = 0; i < p.n && rc == TP_OK; i++)
        rc = tp_zip_add(z, p.files[i].name, p.files[i].data.data, p.files[i].data.len,
                        already_compressed(p.files[i].name));
    if (rc == TP_OK) {
        tp_buf manifest;
        tp_buf_init(&manifest);
        write_manifest(&manifest, &p, t);
        rc = tp_zip_add_buf(z, "manifest.xml", &manifest, false);
        tp_buf_dispose(&manifest);
    }
    if (rc == TP_OK)
        rc = tp_zip_finish(z, zip, d);
cleanup:
    tp_zip_free(z);
    pack_dispose(&p);
    xmlFreeDoc(tender_xml);
    tp_tender_free(t);
    tp_profile_free(profile);
    return rc;
}

tp_err tp_pack_preload(tp_diags *d)
{
    static const char *const schemas[] = {"tender.xsd", "document.xsd", TP_NOTICE_XSD};
    tp_err rc = tp_xslt_preload(CSC_TEMPLATE, d);
    if (rc == TP_OK)
        rc = tp_xslt_preload(README_TEMPLATE, d);
    if (rc == TP_OK)
        rc = tp_notice_preload(d);
    for (size_t i = 0; rc == TP_OK && i < sizeof schemas / sizeof *schemas; i++)
        rc = tp_xsd_preload(schemas[i], d);
    return rc;
}
