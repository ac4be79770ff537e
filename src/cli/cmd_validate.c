/* tenderpack validate: schema and rules only, every problem at once. */
#include <stdio.h>
#include <string.h>

#include "../data/resources.h"
#include "../engine/engine.h"
#include "cmd.h"

static int run(int argc, char **argv)
{
    tp_opts o = {argc, argv, 1, NULL, false};
    const char *opt;
    bool quiet = false;
    const char *files[256];
    int nfiles = 0;
    for (;;) {
        while ((opt = tp_opt_next(&o)) != NULL) {
            if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
                tp_cmd_print_help(&tp_cmd_validate);
                return TP_EXIT_OK;
            } else if (!strcmp(opt, "-q") || !strcmp(opt, "--quiet")) {
                quiet = true;
            } else if (!strcmp(opt, "--templates")) {
                const char *v = tp_opt_value(&o, "validate", opt);
                if (!v)
                    return TP_EXIT_USAGE;
                tp_resources_set_templates_dir(v);
            } else {
                return tp_opt_unknown("validate", opt);
            }
        }
        if (o.i >= o.argc)
            break;
        if (nfiles == (int)(sizeof files / sizeof *files)) {
            fprintf(stderr, "tenderpack validate: at most 256 files per call\n");
            return TP_EXIT_USAGE;
        }
        files[nfiles++] = o.argv[o.i++];
    }
    if (nfiles == 0) {
        fprintf(stderr, "tenderpack validate: no profile given (see 'tenderpack validate --help')\n");
        return TP_EXIT_USAGE;
    }
    tp_diags d;
    tp_diags_init(&d);
    tp_engine *e = NULL;
    tp_err rc = tp_engine_open(&e, &d);
    int worst = TP_EXIT_OK;
    if (rc != TP_OK) {
        tp_report(&d);
        tp_diags_dispose(&d);
        return tp_exit_code(rc);
    }
    for (int i = 0; i < nfiles; i++) {
        tp_tender *t = NULL;
        tp_profile *p = NULL;
        rc = tp_engine_tender_from_file(e, &t, &p, files[i], &d);
        int code = tp_exit_code(rc);
        if (code > worst)
            worst = code;
        if (rc == TP_OK && !quiet)
            printf("%s: valid (%s)\n", strcmp(files[i], "-") ? files[i] : "<stdin>",
                   tp_procedure_code(t->procedure));
        tp_tender_free(t);
        tp_profile_free(p);
    }
    tp_report(&d);
    tp_diags_dispose(&d);
    tp_engine_free(e);
    return worst;
}

const tp_cmd tp_cmd_validate = {
    "validate", run, "Check school profiles against the schema and the rules",
    "Usage: tenderpack validate [OPTIONS] PROFILE.xml...\n"
    "\n"
    "Checks each profile ('-' reads stdin) against schemas/school-profile.xsd, then\n"
    "against the rules (BCE check digits, FASE, postal codes, pupils, minimum stock,\n"
    "award weights, dates, thresholds, catalogue overrides). Every problem is\n"
    "reported on stderr as FILE:LINE: error: FIELD: message (fix: hint).\n"
    "On success prints 'FILE: valid (PROCEDURE)' on stdout.\n"
    "\n"
    "Options:\n"
    "  --templates DIR  Use DIR instead of the built-in templates/ (missing files\n"
    "                   fall back to the built-in ones); also TENDERPACK_TEMPLATES\n"
    "  -q, --quiet      Print nothing on success\n"
    "  -h, --help       Show this help\n"
    "\n"
    "Exit codes: 0 all valid, 1 a profile is invalid, 2 usage, 3 I/O, 4 template/data.\n",
};
