/* tenderpack pack: one profile → one zip; --batch: many profiles → a folder,
 * on all cores (worker processes), with a progress line on a terminal. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../core/buf.h"
#include "../core/io.h"
#include "../data/resources.h"
#include "../pack/pack.h"
#include "cmd.h"

typedef struct pack_args {
    const char *output;
    const char **inputs;
    int ninputs;
    bool batch;
    int jobs;
    tp_pack_opts opts;
} pack_args;

/* SOURCE_DATE_EPOCH (reproducible-builds.org): a decimal count of seconds. */
static int read_source_date_epoch(tp_pack_opts *o)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s)
        return 0;
    char *end = NULL;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v < 0) {
        fprintf(stderr, "tenderpack pack: SOURCE_DATE_EPOCH='%s' is not a number of seconds\n", s);
        return -1;
    }
    o->epoch_set = true;
    o->epoch = v;
    return 0;
}

static int pack_one(tp_engine *e, const char *input, const char *output,
                    const tp_pack_opts *opts)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_buf zip;
    tp_buf_init(&zip);
    tp_err rc = tp_pack_build(&zip, e, input, opts, &d);
    if (rc == TP_OK)
        rc = tp_write_file_atomic(output, zip.data, zip.len, &d);
    tp_report(&d);
    tp_buf_dispose(&zip);
    tp_diags_dispose(&d);
    return tp_exit_code(rc);
}

/* DIR/<profile name without .xml>.zip */
static char *batch_output_name(const char *dir, const char *input)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".xml") == 0)
        n -= 4;
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_printf(&b, "%s/%.*s.zip", dir, (int)n, base);
    return tp_buf_detach(&b);
}

static void progress(int done, int total, int failed)
{
    fprintf(stderr, "\rtenderpack pack: %d/%d packs%s", done, total,
            failed ? " (some failed)" : "");
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

/* Worker k packs inputs k, k+jobs, …; it writes one status byte per pack to
 * the pipe so the parent can count. Diagnostics go straight to stderr. */
static int run_batch(tp_engine *e, const pack_args *a)
{
    if (mkdir(a->output, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "tenderpack pack: cannot create %s: %s\n", a->output, strerror(errno));
        return TP_EXIT_IO;
    }
    int jobs = a->jobs > a->ninputs ? a->ninputs : a->jobs;
    int fds[2];
    if (pipe(fds) != 0)
        return TP_EXIT_INTERNAL;
    fflush(NULL);
    for (int k = 0; k < jobs; k++) {
        pid_t pid = fork();
        if (pid < 0)
            return TP_EXIT_INTERNAL;
        if (pid == 0) {
            close(fds[0]);
            int worst = 0;
            for (int i = k; i < a->ninputs; i += jobs) {
                char *out = batch_output_name(a->output, a->inputs[i]);
                unsigned char code = (unsigned char)pack_one(e, a->inputs[i], out, &a->opts);
                free(out);
                if (code > worst)
                    worst = code;
                if (write(fds[1], &code, 1) != 1)
                    _exit(TP_EXIT_INTERNAL);
            }
            _exit(worst);
        }
    }
    close(fds[1]);
    bool tty = isatty(STDERR_FILENO);
    int done = 0, failed = 0, worst = 0;
    unsigned char code;
    while (read(fds[0], &code, 1) == 1) {
        done++;
        if (code) {
            failed++;
            if (code > worst)
                worst = code;
        }
        if (tty)
            progress(done, a->ninputs, failed);
    }
    close(fds[0]);
    int status;
    while (wait(&status) > 0)
        if (!WIFEXITED(status) && worst < TP_EXIT_INTERNAL)
            worst = TP_EXIT_INTERNAL; /* a worker crashed */
    if (done != a->ninputs && worst < TP_EXIT_INTERNAL)
        worst = TP_EXIT_INTERNAL;
    fprintf(stderr, "tenderpack pack: %d packs written to %s, %d failed\n", done - failed,
            a->output, failed + (a->ninputs - done));
    return worst;
}

static int parse_args(pack_args *a, int argc, char **argv)
{
    tp_opts o = {argc, argv, 1, NULL, false};
    const char *opt;
    a->output = NULL;
    a->jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (a->jobs < 1)
        a->jobs = 1;
    for (;;) {
        while ((opt = tp_opt_next(&o)) != NULL) {
            const char *v;
            if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
                tp_cmd_print_help(&tp_cmd_pack);
                return -1;
            } else if (!strcmp(opt, "-o") || !strcmp(opt, "--output")) {
                if (!(a->output = tp_opt_value(&o, "pack", opt)))
                    return TP_EXIT_USAGE;
            } else if (!strcmp(opt, "--batch")) {
                a->batch = true;
            } else if (!strcmp(opt, "-j") || !strcmp(opt, "--jobs")) {
                if (!(v = tp_opt_value(&o, "pack", opt)))
                    return TP_EXIT_USAGE;
                a->jobs = atoi(v);
                if (a->jobs < 1 || a->jobs > 256) {
                    fprintf(stderr, "tenderpack pack: --jobs takes 1 to 256\n");
                    return TP_EXIT_USAGE;
                }
            } else if (!strcmp(opt, "--templates")) {
                if (!(v = tp_opt_value(&o, "pack", opt)))
                    return TP_EXIT_USAGE;
                tp_resources_set_templates_dir(v);
            } else {
                return tp_opt_unknown("pack", opt);
            }
        }
        if (o.i >= o.argc)
            break;
        a->inputs[a->ninputs++] = o.argv[o.i++];
    }
    if (a->ninputs == 0) {
        fprintf(stderr, "tenderpack pack: no profile given (see 'tenderpack pack --help')\n");
        return TP_EXIT_USAGE;
    }
    if (!a->output) {
        fprintf(stderr, "tenderpack pack: -o is required (a zip file, '-' for stdout, or a "
                        "folder with --batch)\n");
        return TP_EXIT_USAGE;
    }
    if (!a->batch && a->ninputs > 1) {
        fprintf(stderr, "tenderpack pack: several profiles need --batch\n");
        return TP_EXIT_USAGE;
    }
    if (a->batch && strcmp(a->output, "-") == 0) {
        fprintf(stderr, "tenderpack pack: --batch writes to a folder, not stdout\n");
        return TP_EXIT_USAGE;
    }
    return read_source_date_epoch(&a->opts) ? TP_EXIT_USAGE : 0;
}

static int run(int argc, char **argv)
{
    pack_args a;
    memset(&a, 0, sizeof a);
    a.inputs = calloc((size_t)argc, sizeof *a.inputs);
    int rc = parse_args(&a, argc, argv);
    if (rc != 0) {
        free(a.inputs);
        return rc < 0 ? TP_EXIT_OK : rc;
    }
    tp_diags d;
    tp_diags_init(&d);
    tp_engine *e = NULL;
    tp_err err = tp_engine_open(&e, &d);
    /* Workers forked by --batch share what the parent compiled; a single pack
     * compiles lazily, so an unpublished procedure never pays for the eForms XSD. */
    if (err == TP_OK && a.batch)
        err = tp_pack_preload(&d);
    if (err != TP_OK) {
        tp_report(&d);
        rc = tp_exit_code(err);
    } else if (a.batch) {
        rc = run_batch(e, &a);
    } else {
        rc = pack_one(e, a.inputs[0], a.output, &a.opts);
    }
    tp_diags_dispose(&d);
    tp_engine_free(e);
    free(a.inputs);
    return rc;
}

const tp_cmd tp_cmd_pack = {
    "pack", run, "Build the tender pack (PDF, ODT, DOCX, notice, forms) as one zip",
    "Usage: tenderpack pack [OPTIONS] -o PACK.zip PROFILE.xml\n"
    "       tenderpack pack --batch [OPTIONS] -o FOLDER PROFILE.xml...\n"
    "\n"
    "Builds the tender pack of a school profile ('-' reads stdin): the cahier\n"
    "spécial des charges as PDF, ODT and DOCX, the tender XML, the eForms notice\n"
    "when the procedure is published, a bid template per lot, LISEZMOI.txt and\n"
    "manifest.xml (size and SHA-256 of each file). The zip is byte-identical\n"
    "across runs: its dates come from SOURCE_DATE_EPOCH when set, else from the\n"
    "planned publication date. It is written atomically ('-o -' = stdout).\n"
    "\n"
    "Options:\n"
    "  -o, --output PATH  The zip (or, with --batch, the folder: FOLDER/NAME.zip)\n"
    "  --batch            Pack many profiles, on all cores\n"
    "  -j, --jobs N       Worker processes for --batch (default: the cores)\n"
    "  --templates DIR    Use DIR instead of the built-in templates/\n"
    "  -h, --help         Show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 invalid profile, 2 usage, 3 I/O, 4 template/data, 5 internal;\n"
    "with --batch, the worst code of all packs.\n",
};
