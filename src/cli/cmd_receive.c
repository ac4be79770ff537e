/* tenderpack receive: record a bid in the register, with its receipt time
 * (the clock, or --received for tests and late data entry), its SHA-256 and
 * its bytes. Nothing is checked here that could lose a bid: any file is
 * kept; its content is judged by the evaluation. */
#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/io.h"
#include "../eval/bid.h"
#include "../forms/forms.h"
#include "../store/db.h"
#include "../store/when.h"
#include "cmd.h"
#include "register.h"

#define MAX_BID_BYTES (32u * 1024u * 1024u)

static const char *kind_of(const tp_buf *b)
{
    switch (tp_form_detect(b->data, b->len)) {
    case TP_FORM_ODS: return "ods";
    case TP_FORM_XLSX: return "xlsx";
    case TP_FORM_NONE: break;
    }
    const char *p = tp_buf_cstr(b);
    if (b->len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        p += 3;
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
    return *p == '<' ? "xml" : "other";
}

static int run(int argc, char **argv)
{
    tp_opts o = {argc, argv, 1, NULL, false};
    const char *opt, *db_path = TP_DB_DEFAULT_PATH, *received = NULL;
    const char *args[2] = {NULL, NULL};
    int n = 0;
    for (;;) {
        while ((opt = tp_opt_next(&o)) != NULL) {
            if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
                tp_cmd_print_help(&tp_cmd_receive);
                return TP_EXIT_OK;
            } else if (!strcmp(opt, "--db")) {
                if (!(db_path = tp_opt_value(&o, "receive", opt)))
                    return TP_EXIT_USAGE;
            } else if (!strcmp(opt, "--received")) {
                if (!(received = tp_opt_value(&o, "receive", opt)))
                    return TP_EXIT_USAGE;
            } else {
                return tp_opt_unknown("receive", opt);
            }
        }
        if (o.i >= o.argc)
            break;
        if (n == 2) {
            fprintf(stderr, "tenderpack receive: one bid at a time: REF BIDFILE\n");
            return TP_EXIT_USAGE;
        }
        args[n++] = o.argv[o.i++];
    }
    if (n < 2) {
        fprintf(stderr, "tenderpack receive: give the tender reference and the bid file "
                        "(see 'tenderpack receive --help')\n");
        return TP_EXIT_USAGE;
    }
    int64_t utc = 0;
    int micro = 0;
    char now[40];
    if (received && !tp_datetime_parse(&utc, &micro, received)) {
        fprintf(stderr, "tenderpack receive: --received '%s' is not a date and time with its "
                        "offset (e.g. 2026-06-30T15:42:00+02:00)\n",
                received);
        return TP_EXIT_USAGE;
    }

    tp_diags d;
    tp_diags_init(&d);
    tp_buf bytes;
    tp_buf_init(&bytes);
    tp_db *db = NULL;
    tp_db_receipt receipt;
    tp_err rc = tp_read_file(&bytes, args[1], MAX_BID_BYTES, &d);
    if (rc == TP_OK) {
        if (!received) /* the moment the bid is in hand, before the register's lock */
            received = tp_format_brussels(now, utc = tp_now_utc(&micro), micro);
        const char *base = strrchr(args[1], '/'); /* the name, not the sender's folders */
        tp_db_new_bid nb = {base ? base + 1 : tp_display_name(args[1]), kind_of(&bytes),
                            bytes.data ? bytes.data : "",
                            bytes.len, received, utc, micro};
        rc = tp_db_open(&db, db_path, false, &d);
        if (rc == TP_OK)
            rc = tp_db_begin(db, true, &d);
        if (rc == TP_OK)
            rc = tp_db_bid_add(&receipt, db, args[0], &nb, &d);
        if (rc == TP_OK)
            rc = tp_db_commit(db, &d);
        if (rc == TP_OK && receipt.duplicate)
            printf("%s: duplicate of bid %d received %s (same SHA-256 %s): not stored again\n",
                   args[0], receipt.seq, receipt.received_at, receipt.sha256);
        else if (rc == TP_OK)
            printf("%s: bid %d received %s (%s, %zu bytes, SHA-256 %s)%s\n", args[0], receipt.seq,
                   receipt.received_at, nb.kind, nb.len, receipt.sha256,
                   receipt.late ? " LATE: after the deadline, kept and marked late" : "");
    }
    tp_db_close(db);
    tp_report(&d);
    tp_buf_dispose(&bytes);
    tp_diags_dispose(&d);
    return tp_register_exit(rc);
}

const tp_cmd tp_cmd_receive = {
    "receive", run, "Record a received bid in the register",
    "Usage: tenderpack receive [OPTIONS] REF BIDFILE\n"
    "\n"
    "Records BIDFILE (a bid XML, or a filled ODS/XLSX offer form) as received\n"
    "now for the registered tender REF, with its SHA-256 and its bytes (at most\n"
    "32 MiB). A bid is never changed or lost: the same bytes received again for\n"
    "the same tender are reported as a duplicate and logged, not stored twice;\n"
    "a bid received after the deadline is kept and marked late. The receipt\n"
    "time is read from the clock (in Brussels time), unless --received gives it.\n"
    "\n"
    "Options:\n"
    "  --db FILE          The register (default: tenderpack.db in the current folder)\n"
    "  --received TIME    Record this receipt time instead of now, with its offset\n"
    "                     (e.g. 2026-06-30T15:42:00+02:00): tests, late data entry\n"
    "  -h, --help         Show this help\n"
    "\n"
    "Exit codes: 0 recorded (or duplicate), 1 unknown tender, 2 usage, 3 I/O or\n"
    "register, 5 internal.\n",
};
