/* tenderpack register: a tender into the register, from its profile (the
 * tender and its pack are derived and their hashes kept) or from a tender
 * XML already written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/io.h"
#include "../core/mem.h"
#include "../core/sha256.h"
#include "../data/resources.h"
#include "../engine/engine.h"
#include "../forms/unzip.h"
#include "../input/tender_read.h"
#include "../pack/pack.h"
#include "../store/db.h"
#include "../store/when.h"
#include "../xml/xmlsafe.h"
#include "cmd.h"
#include "register.h"

#define TENDER_NS "urn:tenderpack:tender:1"

typedef struct reg {
    tp_buf input;         /* the file as given */
    tp_buf tender_xml;
    tp_buf pack;
    tp_db_file *files;
    char **names;
    size_t n_files;
    tp_tender *tender;
    tp_profile *profile;
    bool from_profile;
} reg;

static void reg_dispose(reg *r)
{
    tp_buf_dispose(&r->input);
    tp_buf_dispose(&r->tender_xml);
    tp_buf_dispose(&r->pack);
    for (size_t i = 0; i < r->n_files; i++)
        free(r->names[i]);
    free(r->names);
    free(r->files);
    tp_tender_free(r->tender);
    tp_profile_free(r->profile);
}

/* SOURCE_DATE_EPOCH as `tenderpack pack` reads it, so the hashes match its packs. */
static bool pack_epoch(tp_pack_opts *o)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s)
        return true;
    char *end = NULL;
    long long v = strtoll(s, &end, 10);
    if (*end || v < 0) {
        fprintf(stderr, "tenderpack register: SOURCE_DATE_EPOCH='%s' is not a number of seconds\n",
                s);
        return false;
    }
    o->epoch_set = true;
    o->epoch = v;
    return true;
}

/* The pack's entries and their hashes; its tender.xml must be the tender. */
static tp_err list_pack(reg *r, const char *name, tp_diags *d)
{
    tp_unzip *z = NULL;
    tp_err rc = tp_unzip_open(&z, r->pack.data, r->pack.len, "pack", d);
    if (rc != TP_OK)
        return TP_EINTERNAL;
    r->n_files = tp_unzip_count(z);
    r->files = xcalloc(r->n_files ? r->n_files : 1, sizeof *r->files);
    r->names = xcalloc(r->n_files ? r->n_files : 1, sizeof *r->names);
    for (size_t i = 0; i < r->n_files && rc == TP_OK; i++) {
        tp_buf part;
        tp_buf_init(&part);
        r->names[i] = xstrdup(tp_unzip_name(z, i));
        rc = tp_unzip_read(z, r->names[i], &part, d);
        uint8_t digest[32];
        tp_sha256(digest, part.data ? part.data : "", part.len);
        r->files[i].name = r->names[i];
        r->files[i].size = part.len;
        tp_sha256_hex(r->files[i].sha256, digest);
        if (rc == TP_OK && !strcmp(r->names[i], "tender.xml") &&
            (part.len != r->tender_xml.len || memcmp(part.data, r->tender_xml.data, part.len))) {
            tp_diag_error(d, name, 0, NULL, "register again without changing the file meanwhile",
                          "the pack's tender.xml differs from the tender derived from the profile");
            rc = TP_EINVALID;
        }
        tp_buf_dispose(&part);
    }
    tp_unzip_free(z);
    return rc;
}

static tp_err prepare_profile(reg *r, const char *path, const tp_pack_opts *opts, tp_diags *d)
{
    tp_engine *e = NULL;
    xmlDocPtr checked = NULL;
    const char *name = tp_display_name(path);
    tp_err rc = tp_engine_open(&e, d);
    if (rc == TP_OK)
        rc = tp_engine_tender_from_memory(e, &r->tender, &r->profile, tp_buf_cstr(&r->input),
                                          r->input.len, name, d);
    if (rc == TP_OK)
        rc = tp_engine_tender_xml(&r->tender_xml, &checked, r->tender, d);
    xmlFreeDoc(checked);
    if (rc == TP_OK)
        rc = tp_pack_build(&r->pack, e, path, opts, d);
    if (rc == TP_OK)
        rc = list_pack(r, name, d);
    tp_engine_free(e);
    return rc;
}

static tp_err prepare(reg *r, const char *path, const tp_pack_opts *opts, tp_diags *d)
{
    const char *name = tp_display_name(path);
    xmlDocPtr doc = NULL;
    tp_err rc = tp_read_file(&r->input, path, TP_XML_MAX_BYTES, d);
    if (rc == TP_OK)
        rc = tp_xml_parse(&doc, tp_buf_cstr(&r->input), r->input.len, name, d);
    if (rc != TP_OK)
        return rc;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    r->from_profile = !(root->ns && !xmlStrcmp(root->ns->href, BAD_CAST TENDER_NS) &&
                        !xmlStrcmp(root->name, BAD_CAST "tender"));
    if (r->from_profile) {
        xmlFreeDoc(doc);
        return prepare_profile(r, path, opts, d);
    }
    rc = tp_tender_from_doc(&r->tender, &r->profile, doc, name, d); /* validates */
    xmlFreeDoc(doc);
    if (rc == TP_OK)
        tp_buf_put(&r->tender_xml, r->input.data, r->input.len);
    return rc;
}

static int run(int argc, char **argv)
{
    tp_opts o = {argc, argv, 1, NULL, false};
    const char *opt, *db_path = TP_DB_DEFAULT_PATH, *input = NULL;
    tp_pack_opts popts = {false, 0};
    for (;;) {
        while ((opt = tp_opt_next(&o)) != NULL) {
            if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
                tp_cmd_print_help(&tp_cmd_register);
                return TP_EXIT_OK;
            } else if (!strcmp(opt, "--db")) {
                if (!(db_path = tp_opt_value(&o, "register", opt)))
                    return TP_EXIT_USAGE;
            } else if (!strcmp(opt, "--templates")) {
                const char *v = tp_opt_value(&o, "register", opt);
                if (!v)
                    return TP_EXIT_USAGE;
                tp_resources_set_templates_dir(v);
            } else {
                return tp_opt_unknown("register", opt);
            }
        }
        if (o.i >= o.argc)
            break;
        if (input) {
            fprintf(stderr, "tenderpack register: one profile or tender at a time\n");
            return TP_EXIT_USAGE;
        }
        input = o.argv[o.i++];
    }
    if (!input || !strcmp(input, "-")) {
        fprintf(stderr, "tenderpack register: give a profile or tender file (not stdin: the pack "
                        "reads the profile again) (see 'tenderpack register --help')\n");
        return TP_EXIT_USAGE;
    }
    if (!pack_epoch(&popts))
        return TP_EXIT_USAGE;

    tp_diags d;
    tp_diags_init(&d);
    reg r;
    memset(&r, 0, sizeof r);
    tp_db *db = NULL;
    bool already = false;
    char deadline[40], now[40];
    int64_t deadline_utc = 0;
    int micro = 0;
    tp_err rc = prepare(&r, input, &popts, &d);
    if (rc == TP_OK) {
        tp_register_deadline(r.tender, deadline, &deadline_utc);
        int64_t utc = tp_now_utc(&micro);
        tp_db_new_tender nt = {
            r.tender->reference, tp_format_brussels(now, utc, micro), deadline, deadline_utc,
            r.from_profile ? r.input.data : NULL, r.input.len, r.tender_xml.data, r.tender_xml.len,
            r.from_profile ? r.pack.data : NULL, r.pack.len, r.files, r.n_files};
        rc = tp_db_open(&db, db_path, true, &d);
        if (rc == TP_OK)
            rc = tp_db_begin(db, true, &d);
        if (rc == TP_OK)
            rc = tp_db_tender_add(&already, db, &nt, &d);
        if (rc == TP_OK)
            rc = tp_db_commit(db, &d);
    }
    if (rc == TP_OK && already)
        printf("%s: already registered in %s (same tender), nothing changed\n",
               r.tender->reference, db_path);
    else if (rc == TP_OK)
        printf("%s: registered in %s from the %s (deadline %s%s)\n", r.tender->reference, db_path,
               r.from_profile ? "profile" : "tender XML", deadline,
               r.from_profile ? ", pack hashes kept" : "");
    tp_db_close(db);
    tp_report(&d);
    reg_dispose(&r);
    tp_diags_dispose(&d);
    return tp_register_exit(rc);
}

const tp_cmd tp_cmd_register = {
    "register", run, "Record a tender in the register (sqlite)",
    "Usage: tenderpack register [OPTIONS] PROFILE.xml|TENDER.xml\n"
    "\n"
    "Records a tender in the register so that bids can be received and\n"
    "evaluated against it (see docs/REGISTER.md). From a school profile, the\n"
    "tender and its pack are derived as 'tenderpack pack' does (dates from\n"
    "SOURCE_DATE_EPOCH when set) and the register keeps the profile, the tender\n"
    "XML and the SHA-256 of the pack and of each file in it. From a tender XML\n"
    "(schemas/tender.xsd), it keeps the tender XML. A registered tender is never\n"
    "changed: registering the same one again does nothing, another tender with\n"
    "the same reference is refused.\n"
    "\n"
    "Options:\n"
    "  --db FILE          The register (default: tenderpack.db in the current folder;\n"
    "                     created when absent)\n"
    "  --templates DIR    Use DIR instead of the built-in templates/\n"
    "  -h, --help         Show this help\n"
    "\n"
    "Exit codes: 0 registered (or already), 1 invalid input or reference taken,\n"
    "2 usage, 3 I/O or register, 4 template/data, 5 internal.\n",
};
