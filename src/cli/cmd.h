/* Subcommands as a table (libgit2's cli_cmd_spec): one cmd_*.c per command. */
#ifndef TP_CMD_H
#define TP_CMD_H

#include <stdbool.h>

#include "../core/err.h"

/* Documented exit codes (docs/CLI.md). */
enum {
    TP_EXIT_OK = 0,
    TP_EXIT_INVALID = 1,  /* the input breaks the schema or a rule */
    TP_EXIT_USAGE = 2,    /* bad command line */
    TP_EXIT_IO = 3,       /* a file could not be read or written */
    TP_EXIT_TEMPLATE = 4, /* a template or data file is broken */
    TP_EXIT_INTERNAL = 5, /* a library failed or a bug */
};

typedef struct tp_cmd {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
    const char *summary;
    const char *usage; /* full --help text */
} tp_cmd;

extern const tp_cmd tp_cmd_validate;
extern const tp_cmd tp_cmd_tender;
extern const tp_cmd tp_cmd_pack;
extern const tp_cmd tp_cmd_notice;
extern const tp_cmd tp_cmd_evaluate;
extern const tp_cmd tp_cmd_register, tp_cmd_receive, tp_cmd_list, tp_cmd_show;

const tp_cmd *tp_cmd_find(const char *name);
void tp_cmd_print_help(const tp_cmd *c);
int tp_exit_code(tp_err e);

/* Small option scanner shared by the commands. */
typedef struct tp_opts {
    int argc;
    char **argv;
    int i;             /* next argument */
    const char *arg;   /* value of the last option that takes one */
    bool only_operands;
} tp_opts;

/* Returns the next option name ("--templates", "-o"), NULL when the next
 * argument is an operand or at the end. Handles "--name=value" and "--". */
const char *tp_opt_next(tp_opts *o);
/* Takes the value of the current option; NULL (and a message) when missing. */
const char *tp_opt_value(tp_opts *o, const char *cmd, const char *opt);
/* Reports an unknown option and returns TP_EXIT_USAGE. */
int tp_opt_unknown(const char *cmd, const char *opt);

/* Prints diagnostics on stderr (sorted), errors count in the summary. */
void tp_report(tp_diags *d);

#endif
