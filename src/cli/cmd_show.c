/* tenderpack show: one tender of the register — pack hashes, bids as
 * received (each re-hashed: a stored bid that no longer matches its SHA-256
 * is an error), duplicates and evaluations. */
#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/sha256.h"
#include "../store/db.h"
#include "cmd.h"
#include "register.h"

typedef struct show {
    tp_buf *out;
    bool xml;
    tp_diags *d;
    const char *db_path;
    size_t altered;
} show;

static void field(show *s, const char *label, const char *value)
{
    if (value)
        tp_buf_printf(s->out, "  %-14s %s\n", label, value);
}

static tp_err file_row(void *ud, const tp_db_file *f)
{
    show *s = ud;
    if (s->xml) {
        tp_buf_puts(s->out, "  <packFile");
        tp_register_xml_attr(s->out, "name", f->name);
        tp_buf_printf(s->out, " size=\"%zu\" sha256=\"%s\"/>\n", f->size, f->sha256);
    } else {
        tp_buf_printf(s->out, "    %-44s %9zu  %s\n", f->name, f->size, f->sha256);
    }
    return TP_OK;
}

static tp_err bid_row(void *ud, const tp_db_bid *b)
{
    show *s = ud;
    uint8_t digest[32];
    char hex[65];
    tp_sha256(digest, b->content, b->size);
    bool intact = !strcmp(tp_sha256_hex(hex, digest), b->sha256);
    if (!intact) {
        s->altered++;
        tp_diag_error(s->d, s->db_path, 0, "bid", "restore the register from a backup",
                      "bid %d no longer matches its SHA-256 %s", b->seq, b->sha256);
    }
    if (s->xml) {
        tp_buf_printf(s->out, "  <bid seq=\"%d\"", b->seq);
        tp_register_xml_attr(s->out, "receivedAt", b->received_at);
        tp_buf_printf(s->out, " late=\"%s\" kind=\"%s\" size=\"%zu\" sha256=\"%s\" intact=\"%s\"",
                      b->late ? "true" : "false", b->kind, b->size, b->sha256,
                      intact ? "true" : "false");
        tp_register_xml_attr(s->out, "filename", b->filename);
        tp_buf_puts(s->out, "/>\n");
    } else {
        tp_buf_printf(s->out, "  %3d  %-32s %-5s %9zu  %s  %s%s%s\n", b->seq, b->received_at,
                      b->kind, b->size, b->sha256, b->filename, b->late ? "  LATE" : "",
                      intact ? "" : "  ALTERED");
    }
    return TP_OK;
}

static tp_err dup_row(void *ud, const tp_db_duplicate *x)
{
    show *s = ud;
    if (s->xml) {
        tp_buf_printf(s->out, "  <duplicate of=\"%d\"", x->seq);
        tp_register_xml_attr(s->out, "receivedAt", x->received_at);
        tp_register_xml_attr(s->out, "filename", x->filename);
        tp_buf_puts(s->out, "/>\n");
    } else {
        tp_buf_printf(s->out, "  of bid %d  %-32s %s\n", x->seq, x->received_at, x->filename);
    }
    return TP_OK;
}

static tp_err eval_row(void *ud, const tp_db_evaluation *e)
{
    show *s = ud;
    if (s->xml) {
        tp_buf_printf(s->out, "  <evaluation id=\"%lld\"", (long long)e->id);
        tp_register_xml_attr(s->out, "evaluatedAt", e->evaluated_at);
        tp_buf_printf(s->out, " bids=\"%lld\" size=\"%zu\" sha256=\"%s\"/>\n", e->bids, e->size,
                      e->sha256);
    } else {
        tp_buf_printf(s->out, "  %3lld  %-32s %4lld bids  %s\n", (long long)e->id,
                      e->evaluated_at, e->bids, e->sha256);
    }
    return TP_OK;
}

static tp_err write_show(show *s, tp_db *db, const tp_db_tender *t)
{
    tp_err rc;
    if (s->xml) {
        tp_buf_puts(s->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            "<tender xmlns=\"urn:tenderpack:register:1\" version=\"1\"");
        tp_register_xml_attr(s->out, "reference", t->reference);
        tp_register_xml_attr(s->out, "deadline", t->deadline);
        tp_register_xml_attr(s->out, "registeredAt", t->registered_at);
        tp_register_xml_attr(s->out, "source", t->source);
        tp_register_xml_attr(s->out, "tenderSha256", t->tender_sha256);
        if (t->profile_sha256)
            tp_register_xml_attr(s->out, "profileSha256", t->profile_sha256);
        if (t->pack_sha256)
            tp_register_xml_attr(s->out, "packSha256", t->pack_sha256);
        tp_buf_printf(s->out, " bids=\"%lld\" late=\"%lld\" duplicates=\"%lld\" "
                              "evaluations=\"%lld\">\n",
                      t->bids, t->late, t->duplicates, t->evaluations);
    } else {
        tp_buf_printf(s->out, "Tender %s\n", t->reference);
        field(s, "registered", t->registered_at);
        field(s, "deadline", t->deadline);
        field(s, "source", t->source);
        field(s, "tender.xml", t->tender_sha256);
        field(s, "profile", t->profile_sha256);
        field(s, "pack", t->pack_sha256);
        if (t->pack_sha256)
            tp_buf_puts(s->out, "Pack files\n");
    }
    rc = tp_db_files_each(db, t->id, file_row, s, s->d);
    if (rc == TP_OK && !s->xml)
        tp_buf_printf(s->out, "Bids: %lld received, %lld late\n", t->bids, t->late);
    if (rc == TP_OK)
        rc = tp_db_bids_each(db, t->id, true, bid_row, s, s->d);
    if (rc == TP_OK && !s->xml)
        tp_buf_printf(s->out, "Duplicates: %lld\n", t->duplicates);
    if (rc == TP_OK)
        rc = tp_db_duplicates_each(db, t->id, dup_row, s, s->d);
    if (rc == TP_OK && !s->xml)
        tp_buf_printf(s->out, "Evaluations: %lld\n", t->evaluations);
    if (rc == TP_OK)
        rc = tp_db_evaluations_each(db, t->id, eval_row, s, s->d);
    if (s->xml)
        tp_buf_puts(s->out, "</tender>\n");
    return rc;
}

static int run(int argc, char **argv)
{
    tp_opts o = {argc, argv, 1, NULL, false};
    const char *opt, *db_path = TP_DB_DEFAULT_PATH, *ref = NULL;
    bool xml = false;
    for (;;) {
        while ((opt = tp_opt_next(&o)) != NULL) {
            if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
                tp_cmd_print_help(&tp_cmd_show);
                return TP_EXIT_OK;
            } else if (!strcmp(opt, "--db")) {
                if (!(db_path = tp_opt_value(&o, "show", opt)))
                    return TP_EXIT_USAGE;
            } else if (!strcmp(opt, "-f") || !strcmp(opt, "--format")) {
                const char *v = tp_opt_value(&o, "show", opt);
                if (!v || !tp_register_format("show", v, &xml))
                    return TP_EXIT_USAGE;
            } else {
                return tp_opt_unknown("show", opt);
            }
        }
        if (o.i >= o.argc)
            break;
        if (ref) {
            fprintf(stderr, "tenderpack show: one reference at a time\n");
            return TP_EXIT_USAGE;
        }
        ref = o.argv[o.i++];
    }
    if (!ref) {
        fprintf(stderr, "tenderpack show: give a tender reference (see 'tenderpack list')\n");
        return TP_EXIT_USAGE;
    }
    tp_diags d;
    tp_diags_init(&d);
    tp_buf out;
    tp_buf_init(&out);
    tp_db *db = NULL;
    tp_db_tender t;
    memset(&t, 0, sizeof t);
    show s = {&out, xml, &d, db_path, 0};
    tp_err rc = tp_db_open(&db, db_path, false, &d);
    if (rc == TP_OK)
        rc = tp_db_begin(db, false, &d);
    if (rc == TP_OK)
        rc = tp_db_tender_get(&t, db, ref, false, &d);
    if (rc == TP_OK)
        rc = write_show(&s, db, &t);
    if (rc == TP_OK)
        rc = tp_db_commit(db, &d);
    if (rc == TP_OK)
        fwrite(out.data, 1, out.len, stdout);
    if (rc == TP_OK && s.altered)
        rc = TP_EINVALID;
    tp_db_close(db);
    tp_report(&d);
    tp_db_tender_dispose(&t);
    tp_buf_dispose(&out);
    tp_diags_dispose(&d);
    return tp_register_exit(rc);
}

const tp_cmd tp_cmd_show = {
    "show", run, "Show a tender of the register: pack, bids, evaluations",
    "Usage: tenderpack show [OPTIONS] REF\n"
    "\n"
    "Shows the registered tender REF: when it was registered, its deadline, the\n"
    "SHA-256 of its tender XML, profile and pack (and of each pack file), every\n"
    "bid received (receipt time, late or not, kind, size, SHA-256, file name),\n"
    "duplicates and evaluations. Each stored bid is hashed again: one that no\n"
    "longer matches its SHA-256 is reported and makes the exit code 1.\n"
    "\n"
    "Options:\n"
    "  --db FILE          The register (default: tenderpack.db in the current folder)\n"
    "  -f, --format FMT   text (default) or xml (docs/REGISTER.md)\n"
    "  -h, --help         Show this help\n"
    "\n"
    "Exit codes: 0 ok, 1 unknown reference or altered bid, 2 usage, 3 register\n"
    "missing or unreadable.\n",
};
