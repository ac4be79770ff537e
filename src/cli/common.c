/* Helpers shared by the commands: option scanning, exit codes, reporting. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

int tp_exit_code(tp_err e)
{
    switch (e) {
    case TP_OK: return TP_EXIT_OK;
    case TP_EPARSE:
    case TP_EINVALID:
    case TP_ELIMIT: return TP_EXIT_INVALID;
    case TP_EUSAGE:
    case TP_EUNSUPPORTED: return TP_EXIT_USAGE;
    case TP_EIO: return TP_EXIT_IO;
    case TP_ETEMPLATE: return TP_EXIT_TEMPLATE;
    default: return TP_EXIT_INTERNAL;
    }
}

const char *tp_opt_next(tp_opts *o)
{
    o->arg = NULL;
    if (o->i >= o->argc || o->only_operands)
        return NULL;
    char *a = o->argv[o->i];
    if (strcmp(a, "--") == 0) {
        o->only_operands = true;
        o->i++;
        return NULL;
    }
    if (a[0] != '-' || a[1] == '\0') /* "-" is an operand: stdin/stdout */
        return NULL;
    o->i++;
    char *eq = a[1] == '-' ? strchr(a, '=') : NULL;
    if (eq) {
        *eq = '\0';
        o->arg = eq + 1;
    }
    return a;
}

const char *tp_opt_value(tp_opts *o, const char *cmd, const char *opt)
{
    if (o->arg)
        return o->arg;
    if (o->i >= o->argc) {
        fprintf(stderr, "tenderpack %s: option %s needs a value (see 'tenderpack %s --help')\n",
                cmd, opt, cmd);
        return NULL;
    }
    o->arg = o->argv[o->i++];
    return o->arg;
}

int tp_opt_unknown(const char *cmd, const char *opt)
{
    fprintf(stderr, "tenderpack %s: unknown option '%s' (see 'tenderpack %s --help')\n", cmd, opt,
            cmd);
    return TP_EXIT_USAGE;
}

void tp_report(tp_diags *d)
{
    tp_diags_sort(d);
    tp_diags_print(d, stderr);
    if (d->nerrors > 1)
        fprintf(stderr, "%zu errors\n", d->nerrors);
}
