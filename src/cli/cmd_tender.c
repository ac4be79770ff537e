/* tenderpack tender: profile → tender XML (the contract of every later stage). */
#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/io.h"
#include "../data/resources.h"
#include "../engine/engine.h"
#include "../xml/xmlsafe.h"
#include "cmd.h"

static int run(int argc, char **argv)
{
    tp_opts o = {argc, argv, 1, NULL, false};
    const char *opt, *output = "-", *input = NULL;
    for (;;) {
        while ((opt = tp_opt_next(&o)) != NULL) {
            if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
                tp_cmd_print_help(&tp_cmd_tender);
                return TP_EXIT_OK;
            } else if (!strcmp(opt, "-o") || !strcmp(opt, "--output")) {
                if (!(output = tp_opt_value(&o, "tender", opt)))
                    return TP_EXIT_USAGE;
            } else if (!strcmp(opt, "--templates")) {
                const char *v = tp_opt_value(&o, "tender", opt);
                if (!v)
                    return TP_EXIT_USAGE;
                tp_resources_set_templates_dir(v);
            } else {
                return tp_opt_unknown("tender", opt);
            }
        }
        if (o.i >= o.argc)
            break;
        if (input) {
            fprintf(stderr, "tenderpack tender: one profile at a time\n");
            return TP_EXIT_USAGE;
        }
        input = o.argv[o.i++];
    }
    if (!input) {
        fprintf(stderr, "tenderpack tender: no profile given (see 'tenderpack tender --help')\n");
        return TP_EXIT_USAGE;
    }
    tp_diags d;
    tp_diags_init(&d);
    tp_engine *e = NULL;
    tp_tender *t = NULL;
    tp_profile *p = NULL;
    tp_buf xml;
    tp_buf_init(&xml);
    tp_err rc = tp_engine_open(&e, &d);
    if (rc == TP_OK)
        rc = tp_engine_tender_from_file(e, &t, &p, input, &d);
    xmlDocPtr doc = NULL;
    if (rc == TP_OK)
        rc = tp_engine_tender_xml(&xml, &doc, t, &d); /* checked against tender.xsd */
    xmlFreeDoc(doc);
    if (rc == TP_OK)
        rc = tp_write_file_atomic(output, xml.data, xml.len, &d);
    tp_report(&d);
    tp_buf_dispose(&xml);
    tp_tender_free(t);
    tp_profile_free(p);
    tp_engine_free(e);
    tp_diags_dispose(&d);
    return tp_exit_code(rc);
}

const tp_cmd tp_cmd_tender = {
    "tender", run, "Derive the tender from a school profile, as XML",
    "Usage: tenderpack tender [OPTIONS] PROFILE.xml\n"
    "\n"
    "Validates the profile ('-' reads stdin), derives the tender (minimum stock,\n"
    "subsidy cap, PO-wide estimate, procedure and publication, deadline, lots,\n"
    "requirements, award criteria) and writes it as XML valid against\n"
    "schemas/tender.xsd (see docs/TENDER.md). Nothing is written on error.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE  Write to FILE atomically instead of stdout ('-')\n"
    "  --templates DIR    Use DIR instead of the built-in templates/\n"
    "  -h, --help         Show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 invalid profile, 2 usage, 3 I/O, 4 template/data, 5 internal.\n",
};
