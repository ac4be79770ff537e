/* tenderpack evaluate: tender XML + bids → evaluation (XML, text or CSV). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "../core/io.h"
#include "../eval/bid.h"
#include "../eval/eval.h"
#include "../eval/eval_xml.h"
#include "../forms/forms.h"
#include "../input/tender_read.h"
#include "../render/render.h"
#include "../report/report.h"
#include "../xml/xmlsafe.h"
#include "cmd.h"
#include "register.h"

typedef enum format { FMT_XML, FMT_TEXT, FMT_CSV } format;

static tp_err add_bid(void *ud, tp_bid *bid)
{
    tp_evaluation_add(ud, bid);
    return TP_OK;
}


/* A big evaluation is millions of small blocks: the exit that follows gives
 * them back at once, far faster than freeing them one by one (~60 ms at
 * 100 000 bids). Sanitizer builds (CI) free everything, so leaks show. */
#if defined(__SANITIZE_ADDRESS__)
#define FREE_BEFORE_EXIT 1
#else
#define FREE_BEFORE_EXIT 0
#endif

/* A big regular file (stdin too, when redirected from one) is read by two
 * threads when there are two processors: the second part goes to its own
 * evaluation, merged after. False: not such a file, or one processor. */
static bool read_parallel(tp_evaluation *ev, FILE *f, const char *name, tp_diags *d, tp_err *rc)
{
    struct stat st;
    int fd = fileno(f);
    off_t pos = ftello(f);
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || pos < 0 ||
        st.st_size - pos < TP_BID_PARALLEL_MIN || sysconf(_SC_NPROCESSORS_ONLN) < 2)
        return false;
    tp_bid_stream in = {NULL, fd, (uint64_t)pos, (uint64_t)(st.st_size - pos)};
    tp_evaluation *second = tp_evaluation_new(ev->tender);
    void *ud[2] = {ev, second};
    size_t parts, first;
    *rc = tp_bid_read_parallel(&in, name, add_bid, ud, &parts, &first, d);
    if (parts == 2)
        tp_evaluation_merge(ev, second, first);
    tp_evaluation_free(second);
    return true;
}

static tp_err read_bids(tp_evaluation *ev, const char *path, tp_diags *d)
{
    const char *name = tp_display_name(path);
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        tp_diag_error(d, name, 0, NULL, "check the path and the permissions", "cannot open: %s",
                      strerror(errno));
        return TP_EIO;
    }
    tp_err rc;
    if (f != stdin && tp_form_file_is_zip(f)) /* a filled ODS/XLSX offer form (src/forms) */
        rc = tp_form_read_file(f, name, add_bid, ev, d);
    else if (!read_parallel(ev, f, name, d, &rc))
        rc = tp_bid_read_file(f, name, add_bid, ev, d);
    if (f != stdin)
        fclose(f);
    return rc;
}

static tp_err write_out(const tp_evaluation *ev, format fmt, tp_sink *sink)
{
    switch (fmt) {
    case FMT_TEXT: return tp_evaluation_write_text(ev, sink);
    case FMT_CSV: return tp_evaluation_write_csv(ev, sink);
    case FMT_XML: break;
    }
    return tp_evaluation_write_xml(ev, sink);
}

/* -o DIR: an existing folder, or a path ending with '/' (created when missing). */
static bool is_dir_output(const char *path)
{
    size_t n = strlen(path);
    struct stat st;
    return (n > 0 && path[n - 1] == '/') || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

static char *path_in(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    tp_buf p;
    tp_buf_init(&p);
    tp_buf_puts(&p, dir);
    if (n > 0 && dir[n - 1] != '/')
        tp_buf_putc(&p, '/');
    tp_buf_puts(&p, name);
    return tp_buf_detach(&p);
}

/* DIR/evaluation.xml and the report DIR/rapport-evaluation.{pdf,odt,docx}:
 * everything is made in memory first, then each file is written atomically,
 * so a failure leaves no file behind, or only complete ones. */
static tp_err write_dir(const char *dir, const tp_evaluation *ev, const tp_tender *t,
                        int64_t epoch, const char *date, tp_diags *d)
{
    size_t n = 1 + tp_renderer_count;
    tp_buf *files = xcalloc(n, sizeof *files);
    char **names = xcalloc(n, sizeof *names);
    for (size_t i = 0; i < n; i++)
        tp_buf_init(&files[i]);
    xmlDocPtr xml = NULL;
    tp_doc *doc = NULL;
    tp_sink sink = tp_sink_buf(&files[0]);
    tp_err rc = tp_evaluation_write_xml(ev, &sink);
    if (rc == TP_OK)
        rc = tp_xml_parse(&xml, files[0].data, files[0].len, "evaluation.xml", d);
    if (rc == TP_OK)
        rc = tp_report_doc(&doc, xml, date, d);
    if (rc == TP_OK)
        rc = tp_report_render(files + 1, n - 1, doc, t->reference, epoch, d);
    if (rc == TP_OK && mkdir(dir, 0777) != 0 && errno != EEXIST) {
        tp_diag_error(d, dir, 0, NULL, "check the path and the permissions",
                      "cannot create the output folder: %s", strerror(errno));
        rc = TP_EIO;
    }
    names[0] = path_in(dir, "evaluation.xml");
    for (size_t i = 1; i < n; i++) {
        char base[64];
        snprintf(base, sizeof base, "%s%s", TP_REPORT_BASENAME, tp_renderers[i - 1].extension);
        names[i] = path_in(dir, base);
    }
    for (size_t i = 0; rc == TP_OK && i < n; i++)
        rc = tp_write_file_atomic(names[i], files[i].data, files[i].len, d);
    for (size_t i = 0; i < n; i++) {
        tp_buf_dispose(&files[i]);
        free(names[i]);
    }
    free(files);
    free(names);
    tp_doc_free(doc);
    xmlFreeDoc(xml);
    return rc;
}

static int usage_error(const char *msg)
{
    fprintf(stderr, "tenderpack evaluate: %s (see 'tenderpack evaluate --help')\n", msg);
    return TP_EXIT_USAGE;
}

static int run(int argc, char **argv)
{
    tp_opts o = {argc, argv, 1, NULL, false};
    const char *opt, *output = "-", *tender = NULL, *db = NULL;
    format fmt = FMT_XML;
    bool fmt_given = false;
    size_t n_bids = 0;
    int stdin_uses = 0;
    int rc_usage = -1;
    char **bid_args = xcalloc((size_t)argc, sizeof *bid_args);
    for (;;) {
        while ((opt = tp_opt_next(&o)) != NULL) {
            if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
                tp_cmd_print_help(&tp_cmd_evaluate);
                rc_usage = TP_EXIT_OK;
            } else if (!strcmp(opt, "--db")) {
                if (!(db = tp_opt_value(&o, "evaluate", opt)))
                    rc_usage = TP_EXIT_USAGE;
            } else if (!strcmp(opt, "-o") || !strcmp(opt, "--output")) {
                if (!(output = tp_opt_value(&o, "evaluate", opt)))
                    rc_usage = TP_EXIT_USAGE;
            } else if (!strcmp(opt, "-f") || !strcmp(opt, "--format")) {
                const char *v = tp_opt_value(&o, "evaluate", opt);
                fmt_given = true;
                if (!v)
                    rc_usage = TP_EXIT_USAGE;
                else if (!strcmp(v, "xml"))
                    fmt = FMT_XML;
                else if (!strcmp(v, "text"))
                    fmt = FMT_TEXT;
                else if (!strcmp(v, "csv"))
                    fmt = FMT_CSV;
                else
                    rc_usage = usage_error("unknown format: use xml, text or csv");
            } else {
                rc_usage = tp_opt_unknown("evaluate", opt);
            }
            if (rc_usage >= 0) {
                free(bid_args);
                return rc_usage;
            }
        }
        if (o.i >= o.argc)
            break;
        char *a = o.argv[o.i++];
        if (!strcmp(a, "-"))
            stdin_uses++;
        if (!tender)
            tender = a;
        else
            bid_args[n_bids++] = a;
    }
    if (db) { /* the bids of the register (docs/REGISTER.md, src/cli/register_common.c) */
        free(bid_args);
        if (!tender || n_bids)
            return usage_error("with --db, give one tender reference: evaluate --db FILE REF");
        return tp_register_evaluate(db, tender, (int)fmt, output);
    }
    if (!tender)
        rc_usage = usage_error("no tender given");
    else if (n_bids == 0)
        rc_usage = usage_error("no bid given (a file, or '-' for a <bids> stream on stdin)");
    else if (stdin_uses > 1)
        rc_usage = usage_error("stdin ('-') can be read only once");
    bool to_dir = strcmp(output, "-") != 0 && is_dir_output(output);
    int64_t epoch = 0;
    char date[11] = "";
    if (rc_usage < 0 && to_dir && fmt_given && fmt != FMT_XML)
        rc_usage = usage_error("-o DIR writes evaluation.xml and the report: drop -f, or give "
                               "-o a file name");
    if (rc_usage < 0 && to_dir && !tp_report_epoch(&epoch, date, getenv("SOURCE_DATE_EPOCH"), NULL))
        rc_usage = usage_error("SOURCE_DATE_EPOCH is not a number of seconds: unset it or fix it");
    if (rc_usage >= 0) {
        free(bid_args);
        return rc_usage;
    }

    tp_diags d;
    tp_diags_init(&d);
    tp_tender *t = NULL;
    tp_profile *p = NULL;
    tp_evaluation *ev = NULL;
    if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
        tp_eval_xml_parallel(SIZE_MAX, 0); /* a second writing thread would only wait its turn */
    tp_err rc = tp_tender_read(&t, &p, tender, &d);
    if (rc != TP_OK)
        goto cleanup;
    ev = tp_evaluation_new(t);
    for (size_t i = 0; i < n_bids; i++) {
        tp_err r = read_bids(ev, bid_args[i], &d);
        if (r != TP_OK && rc == TP_OK)
            rc = r; /* go on: every unreadable input is reported */
    }
    if (rc != TP_OK)
        goto cleanup;
    rc = tp_evaluation_finish(ev);
    if (rc != TP_OK)
        goto cleanup;
    if (to_dir) {
        char deadline[11];
        tp_report_epoch(&epoch, date, getenv("SOURCE_DATE_EPOCH"),
                        tp_date_format(deadline, t->deadline));
        rc = write_dir(output, ev, t, epoch, date, &d);
    } else if (strcmp(output, "-") == 0) {
        tp_sink sink = tp_sink_file(stdout);
        rc = write_out(ev, fmt, &sink);
        if (rc == TP_OK && fflush(stdout) != 0)
            rc = TP_EIO;
        if (rc != TP_OK)
            tp_diag_error(&d, "<stdout>", 0, NULL, NULL, "write error");
    } else { /* streamed to a temporary file: 100 000 bids make 170 MB of XML */
        tp_atomic_file af;
        rc = tp_atomic_open(&af, output, &d);
        if (rc == TP_OK) {
            tp_sink sink = tp_atomic_sink(&af);
            rc = write_out(ev, fmt, &sink);
            if (rc == TP_OK)
                rc = tp_atomic_commit(&af, &d);
            else if (af.err)
                tp_atomic_commit(&af, &d); /* says why, and removes the temporary file */
            else
                tp_atomic_abort(&af);
        }
    }
cleanup:
    tp_report(&d);
    free(bid_args);
    if (FREE_BEFORE_EXIT || !ev || ev->n_bids < 10000)
        tp_evaluation_free(ev);
    tp_tender_free(t);
    tp_profile_free(p);
    tp_diags_dispose(&d);
    return tp_exit_code(rc);
}

const tp_cmd tp_cmd_evaluate = {
    "evaluate", run, "Check, score and rank suppliers' bids against a tender",
    "Usage: tenderpack evaluate [OPTIONS] TENDER.xml BID.xml...\n"
    "       tenderpack evaluate [OPTIONS] --db FILE REF\n"
    "\n"
    "Reads the tender (as written by 'tenderpack tender') and each bid\n"
    "(schemas/bid.xsd, or a filled ODS/XLSX offer form: docs/FORMS.md); '-'\n"
    "reads stdin, either one <bid> or a <bids> stream of several. Checks every bid (form, tender reference, deadline, signatory,\n"
    "VAT number, minimum requirements with unit conversion, price arithmetic\n"
    "corrected as art. 34 AR 18/04/2017 requires, quantities, options), flags\n"
    "abnormally low prices (15 % rule), scores the regular offers with the\n"
    "published formulas and ranks them per lot (see docs/EVALUATION.md).\n"
    "An excluded bid is a result, not an error.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT   xml (default, schemas/evaluation.xsd), text or csv\n"
    "  -o, --output FILE  Write to FILE atomically instead of stdout ('-')\n"
    "  -o, --output DIR/  With an existing folder (or a path ending in '/',\n"
    "                     created): write DIR/evaluation.xml and the evaluation\n"
    "                     report DIR/rapport-evaluation.pdf, .odt and .docx\n"
    "                     (French; dated SOURCE_DATE_EPOCH or the deadline's day)\n"
    "  --db FILE REF      Evaluate every bid the register FILE holds for tender REF\n"
    "                     (receipt times from the register) and store the result\n"
    "  -h, --help         Show this help\n"
    "\n"
    "Exit codes: 0 evaluation written, 1 invalid tender or broken <bids> stream,\n"
    "2 usage, 3 I/O, 5 internal.\n",
};
