/* tenderpack notice: profile or tender → eForms contract notice (16 or E3). */
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/io.h"
#include "../data/resources.h"
#include "../engine/engine.h"
#include "../notice/notice.h"
#include "../xml/xmlsafe.h"
#include "cmd.h"

#define PROFILE_NS "urn:tenderpack:school-profile:1"
#define TENDER_NS "urn:tenderpack:tender:1"

/* The input's tender: the file itself when it is a tender, else derived from
 * the profile exactly as 'tenderpack tender' would. Kind by root namespace. */
static tp_err load_tender(xmlDocPtr *tender, const char *input, tp_diags *d)
{
    *tender = NULL;
    const char *name = tp_display_name(input);
    tp_buf data, xml;
    tp_buf_init(&data);
    tp_buf_init(&xml);
    xmlDocPtr doc = NULL;
    tp_engine *e = NULL;
    tp_tender *t = NULL;
    tp_profile *p = NULL;
    tp_err rc = tp_read_file(&data, input, TP_XML_MAX_BYTES, d);
    if (rc == TP_OK)
        rc = tp_xml_parse(&doc, tp_buf_cstr(&data), data.len, name, d);
    if (rc != TP_OK)
        goto cleanup;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    const char *ns = root->ns ? (const char *)root->ns->href : "";
    if (strcmp(ns, TENDER_NS) == 0) {
        doc->URL = xmlStrdup(BAD_CAST name); /* diagnostics name the file */
        *tender = doc;
        doc = NULL;
    } else if (strcmp(ns, PROFILE_NS) == 0) {
        rc = tp_engine_open(&e, d);
        if (rc == TP_OK)
            rc = tp_engine_tender_from_memory(e, &t, &p, tp_buf_cstr(&data), data.len, name, d);
        if (rc == TP_OK)
            rc = tp_engine_tender_xml(&xml, tender, t, d);
    } else {
        tp_diag_error(d, name, tp_xml_line(root), NULL,
                      "give a school profile (" PROFILE_NS ") or a tender (" TENDER_NS ")",
                      "root element <%s> in namespace '%s' is neither a school profile nor a "
                      "tender",
                      (const char *)root->name, ns);
        rc = TP_EINVALID;
    }
cleanup:
    xmlFreeDoc(doc);
    tp_tender_free(t);
    tp_profile_free(p);
    tp_engine_free(e);
    tp_buf_dispose(&data);
    tp_buf_dispose(&xml);
    return rc;
}

static int run(int argc, char **argv)
{
    tp_opts o = {argc, argv, 1, NULL, false};
    const char *opt, *output = "-", *input = NULL, *subtype = NULL;
    for (;;) {
        while ((opt = tp_opt_next(&o)) != NULL) {
            if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
                tp_cmd_print_help(&tp_cmd_notice);
                return TP_EXIT_OK;
            } else if (!strcmp(opt, "-o") || !strcmp(opt, "--output")) {
                if (!(output = tp_opt_value(&o, "notice", opt)))
                    return TP_EXIT_USAGE;
            } else if (!strcmp(opt, "--subtype")) {
                if (!(subtype = tp_opt_value(&o, "notice", opt)))
                    return TP_EXIT_USAGE;
                if (strcmp(subtype, "16") && strcmp(subtype, "E3")) {
                    fprintf(stderr, "tenderpack notice: --subtype must be 16 or E3, not '%s'\n",
                            subtype);
                    return TP_EXIT_USAGE;
                }
            } else if (!strcmp(opt, "--templates")) {
                const char *v = tp_opt_value(&o, "notice", opt);
                if (!v)
                    return TP_EXIT_USAGE;
                tp_resources_set_templates_dir(v);
            } else {
                return tp_opt_unknown("notice", opt);
            }
        }
        if (o.i >= o.argc)
            break;
        if (input) {
            fprintf(stderr, "tenderpack notice: one input at a time\n");
            return TP_EXIT_USAGE;
        }
        input = o.argv[o.i++];
    }
    if (!input) {
        fprintf(stderr, "tenderpack notice: no profile or tender given "
                        "(see 'tenderpack notice --help')\n");
        return TP_EXIT_USAGE;
    }
    tp_diags d;
    tp_diags_init(&d);
    tp_buf notice;
    tp_buf_init(&notice);
    xmlDocPtr tender = NULL;
    int kind = TP_NOTICE_NONE;
    int code;
    tp_err rc = load_tender(&tender, input, &d);
    if (rc == TP_OK)
        rc = tp_notice_build(&notice, &kind, tender, subtype, &d);
    if (rc == TP_OK && kind == TP_NOTICE_NONE) {
        tp_report(&d);
        char *why = tp_notice_not_published_reason(tender);
        fprintf(stderr,
                "tenderpack notice: %s: no contract notice: this procedure is awarded without "
                "publication (procedure/@publication = none), so there is nothing to publish.\n"
                "  %s\n"
                "  A notice exists for the 'pndapp' and 'open' procedures (profile "
                "<procedure>).\n",
                tp_display_name(input), why ? why : "");
        free(why);
        code = TP_EXIT_INVALID;
        goto cleanup;
    }
    if (rc == TP_OK)
        rc = tp_write_file_atomic(output, notice.data, notice.len, &d);
    tp_report(&d);
    code = tp_exit_code(rc);
cleanup:
    xmlFreeDoc(tender);
    tp_buf_dispose(&notice);
    tp_diags_dispose(&d);
    return code;
}

const tp_cmd tp_cmd_notice = {
    "notice", run, "Write the eForms contract notice (subtype 16 or E3)",
    "Usage: tenderpack notice [OPTIONS] PROFILE.xml|TENDER.xml\n"
    "\n"
    "Writes the eForms contract notice (SDK 1.15, UBL ContractNotice) of a school\n"
    "profile or of a tender written by 'tenderpack tender' ('-' reads stdin; the\n"
    "kind is told by the root element's namespace). Subtype 16 (Directive\n"
    "2014/24/EU) when the estimate is at or above the EU threshold, E3 (voluntary\n"
    "notice, national law) below it. Procedures without publication (faible\n"
    "montant, PNSPP) have no notice: exit code 1 and the reason on stderr.\n"
    "The notice is checked against the eForms XSD before it is written; nothing\n"
    "is written on error. Mapping: docs/NOTICE.md.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE  Write to FILE atomically instead of stdout ('-')\n"
    "  --subtype 16|E3    Force the notice subtype of a published procedure\n"
    "  --templates DIR    Use DIR instead of the built-in templates/\n"
    "  -h, --help         Show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 invalid input or no notice, 2 usage, 3 I/O, 4 template/data,\n"
    "5 internal.\n",
};
