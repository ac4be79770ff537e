#include "notice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/date.h"
#include "../core/mem.h"
#include "../core/sha256.h"
#include "../xml/xmlsafe.h"
#include "../xslt/xslt.h"

#define TENDER_NS "urn:tenderpack:tender:1"
#define NOTICE_TEMPLATE "notice/eforms-cn.xsl"
#define NOTICE_NAME "<eForms notice>"

const char *tp_notice_subtype_code(int subtype)
{
    switch (subtype) {
    case TP_NOTICE_16: return "16";
    case TP_NOTICE_E3: return "E3";
    default: return NULL;
    }
}

tp_err tp_notice_subtype_parse(int *out, const char *code, tp_diags *d)
{
    *out = TP_NOTICE_NONE;
    if (code && strcmp(code, "16") == 0)
        *out = TP_NOTICE_16;
    else if (code && strcmp(code, "E3") == 0)
        *out = TP_NOTICE_E3;
    if (*out != TP_NOTICE_NONE)
        return TP_OK;
    tp_diag_error(d, NULL, 0, "--subtype", "use 16 (Directive 2014/24/EU) or E3 (national law)",
                  "unknown notice subtype '%s'", code ? code : "");
    return TP_EUSAGE;
}

static const char *tender_name(xmlDocPtr doc)
{
    return doc && doc->URL ? (const char *)doc->URL : "<tender>";
}

/* The few tender values the C side needs (the template reads the rest). */
typedef struct tender_facts {
    xmlNodePtr procedure, dates, buyer;
    char *reference, *bce;
    char *procedure_code, *publication_mode, *above_eu, *procedure_label, *legal_basis;
    char *publication, *deadline, *delivery, *electronic;
} tender_facts;

static void facts_read(tender_facts *f, xmlDocPtr doc)
{
    memset(f, 0, sizeof *f);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    f->procedure = tp_xml_child(root, "procedure");
    f->dates = tp_xml_child(root, "dates");
    f->buyer = tp_xml_child(root, "buyer");
    f->reference = tp_xml_text(tp_xml_child(root, "reference"));
    f->bce = tp_xml_attr(f->buyer, "bce");
    f->procedure_code = tp_xml_attr(f->procedure, "code");
    f->publication_mode = tp_xml_attr(f->procedure, "publication");
    f->above_eu = tp_xml_attr(f->procedure, "aboveEuThreshold");
    f->procedure_label = tp_xml_text(tp_xml_child(f->procedure, "label"));
    f->legal_basis = tp_xml_text(tp_xml_child(f->procedure, "legalBasis"));
    f->publication = tp_xml_attr(f->dates, "publication");
    f->deadline = tp_xml_attr(f->dates, "deadline");
    f->delivery = tp_xml_attr(f->dates, "delivery");
    f->electronic = tp_xml_attr(f->dates, "electronicSubmission");
}

static void facts_dispose(tender_facts *f)
{
    free(f->reference);
    free(f->bce);
    free(f->procedure_code);
    free(f->publication_mode);
    free(f->above_eu);
    free(f->procedure_label);
    free(f->legal_basis);
    free(f->publication);
    free(f->deadline);
    free(f->delivery);
    free(f->electronic);
}

static bool is_true(const char *s)
{
    return s && (strcmp(s, "true") == 0 || strcmp(s, "1") == 0);
}

tp_err tp_notice_choose(int *subtype_out, xmlDocPtr tender, const char *force_subtype,
                        tp_diags *d)
{
    *subtype_out = TP_NOTICE_NONE;
    tender_facts f;
    facts_read(&f, tender);
    const char *name = tender_name(tender);
    tp_err rc = TP_OK;
    int forced = TP_NOTICE_NONE;
    if (force_subtype && (rc = tp_notice_subtype_parse(&forced, force_subtype, d)) != TP_OK)
        goto cleanup;
    if (!f.publication_mode || !f.above_eu) {
        tp_diag_error(d, name, tp_xml_line(f.procedure), "procedure",
                      "give a tender written by 'tenderpack tender'",
                      "procedure/@publication and @aboveEuThreshold are required");
        rc = TP_EINVALID;
        goto cleanup;
    }
    if (strcmp(f.publication_mode, "none") == 0) {
        if (forced != TP_NOTICE_NONE) {
            tp_diag_error(d, name, tp_xml_line(f.procedure), "procedure/@publication",
                          "request procedure 'pndapp' or 'open' in the profile to publish a call "
                          "for competition",
                          "--subtype %s cannot publish a notice for procedure '%s', which is "
                          "awarded without publication",
                          force_subtype, f.procedure_code ? f.procedure_code : "?");
            rc = TP_EINVALID;
        }
        goto cleanup;
    }
    bool above = is_true(f.above_eu);
    *subtype_out = forced != TP_NOTICE_NONE ? forced : above ? TP_NOTICE_16 : TP_NOTICE_E3;
    if (above && *subtype_out == TP_NOTICE_E3)
        tp_diag_warn(d, name, tp_xml_line(f.procedure), "procedure/@aboveEuThreshold",
                     "drop --subtype E3: at or above the EU threshold the notice is subtype 16",
                     "the estimate is at or above the EU threshold, yet subtype E3 was forced");
cleanup:
    facts_dispose(&f);
    return rc;
}

char *tp_notice_not_published_reason(xmlDocPtr tender)
{
    tender_facts f;
    facts_read(&f, tender);
    char *r = NULL;
    if (f.publication_mode && strcmp(f.publication_mode, "none") == 0) {
        tp_buf b;
        tp_buf_init(&b);
        tp_buf_printf(&b,
                      "%s (%s) : aucun avis de marché n'est publié ; le pouvoir organisateur "
                      "consulte directement les opérateurs économiques de son choix.",
                      f.procedure_label ? f.procedure_label : "Procédure sans publication",
                      f.legal_basis ? f.legal_basis : "loi du 17 juin 2016");
        r = tp_buf_detach(&b);
    }
    facts_dispose(&f);
    return r;
}

/* The tender must be what 'tenderpack tender' writes: checked here because a
 * hand-made or edited file may come in, and the template trusts its input. */
static tp_err check_tender(xmlDocPtr doc, bool schema_checked, tp_diags *d)
{
    const char *name = tender_name(doc);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || xmlStrcmp(root->name, BAD_CAST "tender") != 0 || !root->ns ||
        xmlStrcmp(root->ns->href, BAD_CAST TENDER_NS) != 0) {
        tp_diag_error(d, name, root ? tp_xml_line(root) : 0, NULL,
                      "give a profile or a tender written by 'tenderpack tender'",
                      "not a tender: the root element must be <tender xmlns=\"" TENDER_NS "\">");
        return TP_EINVALID;
    }
    return schema_checked ? TP_OK : tp_xsd_validate(doc, "tender.xsd", name, d);
}

/* eForms wants version-4-shaped UUIDs (rules BR-BT-00004-0052 and
 * BR-BT-00701-0052): the text-derived id with its version nibble set to 4. */
static void notice_uuid(char buf[37], const char *text)
{
    tp_uuid_from_text(buf, text);
    buf[14] = '4';
}

typedef struct notice_params {
    char notice_id[37], procedure_id[37];
    char issue_date[32], issue_time[32];
    char duration_days[24];
} notice_params;

/* "+01:00" or "+02:00": Brussels time on that date. */
static void brussels_offset(char buf[16], tp_date day)
{
    int m = tp_brussels_offset_minutes(day);
    snprintf(buf, 16, "+%02d:%02d", m / 60, m % 60);
}

static tp_err derive_params(notice_params *p, const tender_facts *f, int subtype,
                            const char *name, tp_diags *d)
{
    tp_err rc = TP_OK;
    int line = tp_xml_line(f->dates);
    if (!is_true(f->electronic)) {
        tp_diag_error(d, name, line, "dates/@electronicSubmission",
                      "set electronic submission in the profile (submission/@electronic=\"true\"): "
                      "published procedures take tenders through e-Tendering",
                      "the notice supports electronic submission only (BT-17 'required'); paper "
                      "submission needs a justification eForms codes the profile cannot give");
        rc = TP_EINVALID;
    }
    tp_date pub, deadline, delivery;
    bool dates_ok = f->publication && tp_date_parse(&pub, f->publication) && f->deadline &&
                    strlen(f->deadline) >= 10 && f->delivery &&
                    tp_date_parse(&delivery, f->delivery);
    if (dates_ok) {
        char day[11];
        memcpy(day, f->deadline, 10);
        day[10] = '\0';
        dates_ok = tp_date_parse(&deadline, day);
    }
    if (!dates_ok) {
        tp_diag_error(d, name, line, "dates", "give a tender written by 'tenderpack tender'",
                      "dates/@publication, @deadline and @delivery must be valid dates");
        return TP_EINVALID;
    }
    long duration = tp_date_diff(delivery, deadline);
    if (duration < 1) {
        tp_diag_error(d, name, line, "dates/@delivery",
                      "move the delivery date (profile dates/delivery) after the deadline",
                      "the delivery date %s is not after the deadline for tenders %s",
                      f->delivery, f->deadline);
        rc = TP_EINVALID;
    }
    if (rc != TP_OK)
        return rc;
    /* Ids: stable for one buyer and reference; the notice id also depends on
     * the subtype, since a 16 and an E3 of the same tender are two notices. */
    tp_buf text;
    tp_buf_init(&text);
    tp_buf_printf(&text, "tenderpack:procedure:BE-BCE_KBO-%s:%s", f->bce ? f->bce : "",
                  f->reference ? f->reference : "");
    notice_uuid(p->procedure_id, tp_buf_cstr(&text));
    tp_buf_clear(&text);
    tp_buf_printf(&text, "tenderpack:notice:%s:BE-BCE_KBO-%s:%s", tp_notice_subtype_code(subtype),
                  f->bce ? f->bce : "", f->reference ? f->reference : "");
    notice_uuid(p->notice_id, tp_buf_cstr(&text));
    tp_buf_dispose(&text);
    /* Dispatch date: the tender's publication date (never the clock), 10:00 Brussels time. */
    char offset[16], day[11];
    brussels_offset(offset, pub);
    snprintf(p->issue_date, sizeof p->issue_date, "%s%s", tp_date_format(day, pub), offset);
    snprintf(p->issue_time, sizeof p->issue_time, "10:00:00%s", offset);
    snprintf(p->duration_days, sizeof p->duration_days, "%ld", duration);
    return TP_OK;
}

/* The exact bytes about to be returned, parsed back and checked against the
 * eForms XSD: a template bug must never reach a publication platform. */
static tp_err check_notice(const tp_buf *notice, tp_diags *d)
{
    xmlDocPtr doc = NULL;
    tp_err rc = tp_xml_parse(&doc, tp_buf_cstr(notice), notice->len, NOTICE_NAME, d);
    if (rc == TP_OK)
        rc = tp_xsd_validate(doc, TP_NOTICE_XSD, NOTICE_NAME, d);
    xmlFreeDoc(doc);
    if (rc == TP_OK)
        return TP_OK;
    tp_diag_error(d, NOTICE_NAME, 0, NULL,
                  "fix templates/notice/ (see docs/NOTICE.md) or report the bug",
                  "the generated notice is not valid against the eForms XSD "
                  "(schemas/" TP_NOTICE_XSD "): nothing was written");
    return TP_ETEMPLATE;
}

static tp_err build(tp_buf *out, int *subtype_out, xmlDocPtr tender_xml,
                    const char *force_subtype, bool schema_checked, tp_diags *d)
{
    *subtype_out = TP_NOTICE_NONE;
    int subtype = TP_NOTICE_NONE;
    tender_facts f;
    memset(&f, 0, sizeof f);
    tp_buf notice;
    tp_buf_init(&notice);
    tp_err rc = check_tender(tender_xml, schema_checked, d);
    if (rc == TP_OK)
        rc = tp_notice_choose(&subtype, tender_xml, force_subtype, d);
    if (rc != TP_OK || subtype == TP_NOTICE_NONE)
        goto cleanup;
    facts_read(&f, tender_xml);
    notice_params p;
    rc = derive_params(&p, &f, subtype, tender_name(tender_xml), d);
    if (rc != TP_OK)
        goto cleanup;
    const char *params[] = {"subtype",      tp_notice_subtype_code(subtype),
                            "notice-id",    p.notice_id,
                            "procedure-id", p.procedure_id,
                            "issue-date",   p.issue_date,
                            "issue-time",   p.issue_time,
                            "duration-days", p.duration_days,
                            NULL};
    rc = tp_xslt_apply_to_buf(&notice, NOTICE_TEMPLATE, tender_xml, params, d);
    if (rc == TP_OK)
        rc = check_notice(&notice, d);
    if (rc == TP_OK) {
        tp_buf_put(out, notice.data, notice.len);
        *subtype_out = subtype;
    }
cleanup:
    facts_dispose(&f);
    tp_buf_dispose(&notice);
    return rc;
}

tp_err tp_notice_build(tp_buf *out, int *subtype_out, xmlDocPtr tender_xml,
                       const char *force_subtype, tp_diags *d)
{
    return build(out, subtype_out, tender_xml, force_subtype, false, d);
}

tp_err tp_notice_build_checked(tp_buf *out, int *subtype_out, xmlDocPtr tender_xml,
                               tp_diags *d)
{
    return build(out, subtype_out, tender_xml, NULL, true, d);
}

tp_err tp_notice_preload(tp_diags *d)
{
    return tp_xslt_preload(NOTICE_TEMPLATE, d);
}
