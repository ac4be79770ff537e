/* tenderpack list: the tenders of the register with their counts. */
#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../store/db.h"
#include "cmd.h"
#include "register.h"

typedef struct listing {
    tp_buf *out;
    bool xml;
    size_t n;
} listing;

static tp_err one(void *ud, const tp_db_tender *t)
{
    listing *l = ud;
    l->n++;
    if (l->xml) {
        tp_buf_puts(l->out, "  <tender");
        tp_register_xml_attr(l->out, "reference", t->reference);
        tp_register_xml_attr(l->out, "deadline", t->deadline);
        tp_register_xml_attr(l->out, "registeredAt", t->registered_at);
        tp_register_xml_attr(l->out, "source", t->source);
        tp_buf_printf(l->out, " bids=\"%lld\" late=\"%lld\" duplicates=\"%lld\" evaluations=\"%lld\"/>\n",
                      t->bids, t->late, t->duplicates, t->evaluations);
    } else {
        tp_buf_printf(l->out, "%-24s %-25s %5lld %5lld %5lld %5lld  %s\n", t->reference,
                      t->deadline, t->bids, t->late, t->duplicates, t->evaluations, t->source);
    }
    return TP_OK;
}

static int run(int argc, char **argv)
{
    tp_opts o = {argc, argv, 1, NULL, false};
    const char *opt, *db_path = TP_DB_DEFAULT_PATH;
    bool xml = false;
    while ((opt = tp_opt_next(&o)) != NULL) {
        if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
            tp_cmd_print_help(&tp_cmd_list);
            return TP_EXIT_OK;
        } else if (!strcmp(opt, "--db")) {
            if (!(db_path = tp_opt_value(&o, "list", opt)))
                return TP_EXIT_USAGE;
        } else if (!strcmp(opt, "-f") || !strcmp(opt, "--format")) {
            const char *v = tp_opt_value(&o, "list", opt);
            if (!v || !tp_register_format("list", v, &xml))
                return TP_EXIT_USAGE;
        } else {
            return tp_opt_unknown("list", opt);
        }
    }
    if (o.i < o.argc) {
        fprintf(stderr, "tenderpack list: no arguments expected (see 'tenderpack list --help')\n");
        return TP_EXIT_USAGE;
    }
    tp_diags d;
    tp_diags_init(&d);
    tp_buf out;
    tp_buf_init(&out);
    listing l = {&out, xml, 0};
    tp_db *db = NULL;
    if (xml)
        tp_buf_puts(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<register xmlns=\"urn:tenderpack:register:1\" version=\"1\">\n");
    else
        tp_buf_printf(&out, "%-24s %-25s %5s %5s %5s %5s  %s\n", "REFERENCE", "DEADLINE", "BIDS",
                      "LATE", "DUPL", "EVAL", "SOURCE");
    tp_err rc = tp_db_open(&db, db_path, false, &d);
    if (rc == TP_OK)
        rc = tp_db_begin(db, false, &d);
    if (rc == TP_OK)
        rc = tp_db_tender_each(db, one, &l, &d);
    if (rc == TP_OK)
        rc = tp_db_commit(db, &d);
    if (xml)
        tp_buf_puts(&out, "</register>\n");
    if (rc == TP_OK)
        fwrite(out.data, 1, out.len, stdout);
    tp_db_close(db);
    tp_report(&d);
    tp_buf_dispose(&out);
    tp_diags_dispose(&d);
    return tp_register_exit(rc);
}

const tp_cmd tp_cmd_list = {
    "list", run, "List the tenders of the register",
    "Usage: tenderpack list [OPTIONS]\n"
    "\n"
    "Lists the registered tenders by reference, with their deadline and the\n"
    "number of bids received, late bids, duplicates and evaluations.\n"
    "\n"
    "Options:\n"
    "  --db FILE          The register (default: tenderpack.db in the current folder)\n"
    "  -f, --format FMT   text (default) or xml (docs/REGISTER.md)\n"
    "  -h, --help         Show this help\n"
    "\n"
    "Exit codes: 0 ok, 2 usage, 3 register missing or unreadable.\n",
};
