/* tenderpack: the command line. Only this folder writes to stdout/stderr. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

static const tp_cmd *const commands[] = {
    &tp_cmd_validate,
    &tp_cmd_tender,
    &tp_cmd_pack,
    &tp_cmd_notice,
    &tp_cmd_evaluate,
    &tp_cmd_register, &tp_cmd_receive, &tp_cmd_list, &tp_cmd_show,
};

const tp_cmd *tp_cmd_find(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

static void print_main_help(FILE *out)
{
    fputs("Usage: tenderpack COMMAND [OPTIONS] [ARGS]\n"
          "\n"
          "Builds pre-filled public tenders for FWB secondary schools (\"mes outils\n"
          "numériques\") from a school profile, and checks them.\n"
          "\n"
          "Commands:\n",
          out);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(out, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
    fputs("  help       Show help for a command\n"
          "\n"
          "Options:\n"
          "  -h, --help     Show this help\n"
          "  --version      Show the version\n"
          "\n"
          "Run 'tenderpack COMMAND --help' for a command's options.\n"
          "Exit codes: 0 ok, 1 invalid input, 2 usage, 3 I/O, 4 template/data, 5 internal.\n",
          out);
}

void tp_cmd_print_help(const tp_cmd *c)
{
    fputs(c->usage, stdout);
}

int main(int argc, char **argv)
{
    int rc;
    if (argc < 2) {
        print_main_help(stderr);
        return TP_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        printf("tenderpack %s\n", TP_VERSION);
        return TP_EXIT_OK;
    }
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
        print_main_help(stdout);
        return TP_EXIT_OK;
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            print_main_help(stdout);
            return TP_EXIT_OK;
        }
        const tp_cmd *c = tp_cmd_find(argv[2]);
        if (!c) {
            fprintf(stderr, "tenderpack: unknown command '%s' (see 'tenderpack --help')\n", argv[2]);
            return TP_EXIT_USAGE;
        }
        tp_cmd_print_help(c);
        return TP_EXIT_OK;
    }
    const tp_cmd *c = tp_cmd_find(name);
    if (!c) {
        fprintf(stderr, "tenderpack: unknown command '%s' (see 'tenderpack --help')\n", name);
        return TP_EXIT_USAGE;
    }
    /* Compiled schemas and templates stay cached until exit: freeing them
     * (the eForms XSD alone is ~20 M instructions) would only slow the exit. */
    rc = c->run(argc - 1, argv + 1);
    return rc;
}
