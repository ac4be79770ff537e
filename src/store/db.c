#include "db.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/sha256.h"

struct tp_db {
    sqlite3 *h;
    char *path;
    bool in_txn;
};

int tp_db_schema_version(void)
{
    return tp_db_migrations[tp_db_migration_count - 1].version;
}

/* Every sqlite failure becomes one diagnostic naming the register. */
static tp_err fail(tp_db *db, tp_diags *d, const char *what)
{
    int code = sqlite3_extended_errcode(db->h) & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        tp_diag_error(d, db->path, 0, NULL, "try again; check that no process hangs on the register",
                      "%s: the register is busy (another process kept it locked for more than "
                      "%d s)", what, TP_DB_BUSY_TIMEOUT_MS / 1000);
    else if (code == SQLITE_NOTADB)
        tp_diag_error(d, db->path, 0, NULL, "give --db a tenderpack register, or a new file name",
                      "not a SQLite database");
    else
        tp_diag_error(d, db->path, 0, NULL, NULL, "%s: %s", what, sqlite3_errmsg(db->h));
    return TP_EDB;
}

static sqlite3_stmt *prepare(tp_db *db, const char *sql, tp_diags *d)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
        fail(db, d, "cannot prepare a statement");
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* A blob that may be empty (sqlite binds a NULL pointer as NULL). */
static void bind_blob(sqlite3_stmt *st, int i, const void *p, size_t len)
{
    if (len == 0)
        sqlite3_bind_zeroblob(st, i, 0);
    else
        sqlite3_bind_blob64(st, i, p, (sqlite3_uint64)len, SQLITE_STATIC);
}

static char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? xstrdup((const char *)t) : NULL;
}

static void hex_of(char hex[65], const void *data, size_t len)
{
    uint8_t digest[32];
    tp_sha256(digest, len ? data : "", len);
    tp_sha256_hex(hex, digest);
}

/* Runs a statement without parameters or rows of interest. */
static tp_err exec(tp_db *db, const char *sql, tp_diags *d)
{
    if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
        return fail(db, d, sql);
    return TP_OK;
}

static tp_err pragma_int(tp_db *db, const char *sql, long long *out, tp_diags *d)
{
    sqlite3_stmt *st = prepare(db, sql, d);
    if (!st)
        return TP_EDB;
    tp_err rc = TP_OK;
    if (sqlite3_step(st) == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    else
        rc = fail(db, d, sql);
    sqlite3_finalize(st);
    return rc;
}

/* ------------------------------------------------------------ open, migrate */

static tp_err migrate(tp_db *db, tp_diags *d)
{
    long long version = 0;
    tp_err rc = pragma_int(db, "PRAGMA user_version", &version, d);
    if (rc != TP_OK || version == tp_db_schema_version())
        return rc;
    if (version > tp_db_schema_version()) {
        tp_diag_error(d, db->path, 0, NULL, "use the tenderpack that wrote it, or a newer one",
                      "the register has schema version %lld; this tenderpack knows up to %d",
                      version, tp_db_schema_version());
        return TP_EDB;
    }
    rc = tp_db_begin(db, true, d);
    if (rc != TP_OK)
        return rc;
    /* Another process may have migrated while we waited for the lock. */
    rc = pragma_int(db, "PRAGMA user_version", &version, d);
    for (size_t i = 0; rc == TP_OK && i < tp_db_migration_count; i++) {
        if (tp_db_migrations[i].version <= version)
            continue;
        char set[64];
        snprintf(set, sizeof set, "PRAGMA user_version = %d", tp_db_migrations[i].version);
        rc = exec(db, tp_db_migrations[i].sql, d);
        if (rc == TP_OK)
            rc = exec(db, set, d);
    }
    if (rc == TP_OK && version == 0) {
        char set[64];
        snprintf(set, sizeof set, "PRAGMA application_id = %d", TP_DB_APPLICATION_ID);
        rc = exec(db, set, d);
    }
    if (rc == TP_OK)
        return tp_db_commit(db, d);
    tp_db_rollback(db);
    return rc;
}

/* A file is a register, or empty (new): never someone else's database. */
static tp_err check_identity(tp_db *db, tp_diags *d)
{
    long long app = 0, version = 0, objects = 0;
    tp_err rc = pragma_int(db, "PRAGMA application_id", &app, d);
    if (rc == TP_OK)
        rc = pragma_int(db, "PRAGMA user_version", &version, d);
    if (rc == TP_OK)
        rc = pragma_int(db, "SELECT count(*) FROM sqlite_master", &objects, d);
    if (rc != TP_OK)
        return rc;
    if (app == TP_DB_APPLICATION_ID || (app == 0 && version == 0 && objects == 0))
        return TP_OK;
    tp_diag_error(d, db->path, 0, NULL, "give --db a tenderpack register, or a new file name",
                  "a SQLite database that is not a tenderpack register");
    return TP_EDB;
}

tp_err tp_db_open(tp_db **out, const char *path, bool create, tp_diags *d)
{
    *out = NULL;
    tp_db *db = xcalloc(1, sizeof *db);
    db->path = xstrdup(path);
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
        if (!create && db->h && sqlite3_errcode(db->h) == SQLITE_CANTOPEN)
            tp_diag_error(d, path, 0, NULL,
                          "register a tender first ('tenderpack register'), or give --db FILE",
                          "no register here");
        else
            tp_diag_error(d, path, 0, NULL, "check the folder exists and is writable",
                          "cannot open the register: %s",
                          db->h ? sqlite3_errmsg(db->h) : "out of memory");
        tp_db_close(db);
        return TP_EDB;
    }
    sqlite3_extended_result_codes(db->h, 1);
    sqlite3_busy_timeout(db->h, TP_DB_BUSY_TIMEOUT_MS);
    tp_err rc = check_identity(db, d);
    if (rc == TP_OK)
        rc = exec(db, "PRAGMA foreign_keys = ON", d);
    if (rc == TP_OK) {
        /* WAL: readers never block the writer; FULL: a committed bid survives a crash. */
        sqlite3_stmt *st = prepare(db, "PRAGMA journal_mode = WAL", d);
        rc = st ? TP_OK : TP_EDB;
        if (st && (sqlite3_step(st) != SQLITE_ROW ||
                   strcmp((const char *)sqlite3_column_text(st, 0), "wal") != 0))
            rc = fail(db, d, "cannot switch the register to WAL");
        sqlite3_finalize(st);
    }
    if (rc == TP_OK)
        rc = exec(db, "PRAGMA synchronous = FULL", d);
    if (rc == TP_OK)
        rc = migrate(db, d);
    if (rc != TP_OK) {
        tp_db_close(db);
        return rc;
    }
    *out = db;
    return TP_OK;
}

void tp_db_close(tp_db *db)
{
    if (!db)
        return;
    tp_db_rollback(db);
    sqlite3_close_v2(db->h);
    free(db->path);
    free(db);
}

tp_err tp_db_begin(tp_db *db, bool write, tp_diags *d)
{
    tp_err rc = exec(db, write ? "BEGIN IMMEDIATE" : "BEGIN", d);
    db->in_txn = rc == TP_OK;
    return rc;
}

tp_err tp_db_commit(tp_db *db, tp_diags *d)
{
    tp_err rc = exec(db, "COMMIT", d);
    if (rc == TP_OK)
        db->in_txn = false;
    return rc;
}

void tp_db_rollback(tp_db *db)
{
    if (db && db->in_txn) {
        sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
        db->in_txn = false;
    }
}

/* ------------------------------------------------------------ tenders */

tp_err tp_db_tender_add(bool *already, tp_db *db, const tp_db_new_tender *t, tp_diags *d)
{
    *already = false;
    char tender_hex[65], profile_hex[65], pack_hex[65];
    hex_of(tender_hex, t->tender_xml, t->tender_len);
    sqlite3_stmt *st = prepare(db, "SELECT tender_sha256 FROM tender WHERE reference = ?1", d);
    if (!st)
        return TP_EDB;
    bind_text(st, 1, t->reference);
    int s = sqlite3_step(st);
    tp_err rc = TP_OK;
    if (s == SQLITE_ROW) {
        if (strcmp((const char *)sqlite3_column_text(st, 0), tender_hex) == 0) {
            *already = true;
        } else {
            tp_diag_error(d, db->path, 0, "reference",
                          "give the new tender its own reference (profile 'reference')",
                          "tender '%s' is already registered with another content: a registered "
                          "tender is never changed", t->reference);
            rc = TP_EINVALID;
        }
    } else if (s != SQLITE_DONE) {
        rc = fail(db, d, "cannot look the tender up");
    }
    sqlite3_finalize(st);
    if (rc != TP_OK || *already)
        return rc;

    st = prepare(db,
                 "INSERT INTO tender (reference, registered_at, deadline, deadline_utc, source, "
                 "profile, profile_sha256, tender_xml, tender_sha256, pack_sha256) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                 d);
    if (!st)
        return TP_EDB;
    bind_text(st, 1, t->reference);
    bind_text(st, 2, t->registered_at);
    bind_text(st, 3, t->deadline);
    sqlite3_bind_int64(st, 4, t->deadline_utc);
    bind_text(st, 5, t->profile ? "profile" : "tender");
    if (t->profile) {
        bind_blob(st, 6, t->profile, t->profile_len);
        hex_of(profile_hex, t->profile, t->profile_len);
        bind_text(st, 7, profile_hex);
    }
    bind_blob(st, 8, t->tender_xml, t->tender_len);
    bind_text(st, 9, tender_hex);
    if (t->pack) {
        hex_of(pack_hex, t->pack, t->pack_len);
        bind_text(st, 10, pack_hex);
    }
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = fail(db, d, "cannot store the tender");
    sqlite3_finalize(st);
    int64_t id = sqlite3_last_insert_rowid(db->h);
    if (rc != TP_OK || t->n_files == 0)
        return rc;
    st = prepare(db, "INSERT INTO pack_file (tender_id, name, size, sha256) VALUES (?1, ?2, ?3, ?4)",
                 d);
    if (!st)
        return TP_EDB;
    for (size_t i = 0; i < t->n_files && rc == TP_OK; i++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, id);
        bind_text(st, 2, t->files[i].name);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)t->files[i].size);
        bind_text(st, 4, t->files[i].sha256);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = fail(db, d, "cannot store the pack's file list");
    }
    sqlite3_finalize(st);
    return rc;
}

void tp_db_tender_dispose(tp_db_tender *t)
{
    if (!t)
        return;
    free(t->reference);
    free(t->registered_at);
    free(t->deadline);
    free(t->source);
    free(t->tender_sha256);
    free(t->profile_sha256);
    free(t->pack_sha256);
    tp_buf_dispose(&t->tender_xml);
    memset(t, 0, sizeof *t);
}

#define TENDER_COLUMNS                                                                           \
    "SELECT t.id, t.reference, t.registered_at, t.deadline, t.deadline_utc, t.source, "         \
    "t.tender_sha256, t.profile_sha256, t.pack_sha256, "                                         \
    "(SELECT count(*) FROM bid b WHERE b.tender_id = t.id), "                                    \
    "(SELECT count(*) FROM bid b WHERE b.tender_id = t.id AND b.late = 1), "                     \
    "(SELECT count(*) FROM duplicate x JOIN bid b ON b.id = x.bid_id WHERE b.tender_id = t.id), " \
    "(SELECT count(*) FROM evaluation e WHERE e.tender_id = t.id)"

static void tender_from_row(tp_db_tender *t, sqlite3_stmt *st, bool with_xml)
{
    memset(t, 0, sizeof *t);
    t->id = sqlite3_column_int64(st, 0);
    t->reference = col_text(st, 1);
    t->registered_at = col_text(st, 2);
    t->deadline = col_text(st, 3);
    t->deadline_utc = sqlite3_column_int64(st, 4);
    t->source = col_text(st, 5);
    t->tender_sha256 = col_text(st, 6);
    t->profile_sha256 = col_text(st, 7);
    t->pack_sha256 = col_text(st, 8);
    t->bids = sqlite3_column_int64(st, 9);
    t->late = sqlite3_column_int64(st, 10);
    t->duplicates = sqlite3_column_int64(st, 11);
    t->evaluations = sqlite3_column_int64(st, 12);
    tp_buf_init(&t->tender_xml);
    if (with_xml)
        tp_buf_put(&t->tender_xml, sqlite3_column_blob(st, 13),
                   (size_t)sqlite3_column_bytes(st, 13));
}

tp_err tp_db_tender_get(tp_db_tender *out, tp_db *db, const char *reference, bool with_xml,
                        tp_diags *d)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = prepare(db, with_xml ? TENDER_COLUMNS ", t.tender_xml FROM tender t "
                                              "WHERE t.reference = ?1"
                                            : TENDER_COLUMNS " FROM tender t WHERE t.reference = ?1",
                               d);
    if (!st)
        return TP_EDB;
    bind_text(st, 1, reference);
    int s = sqlite3_step(st);
    tp_err rc = TP_OK;
    if (s == SQLITE_ROW) {
        tender_from_row(out, st, with_xml);
    } else if (s == SQLITE_DONE) {
        tp_diag_error(d, db->path, 0, "reference",
                      "register it first ('tenderpack register'), or see 'tenderpack list'",
                      "no tender '%s' in the register", reference);
        rc = TP_EINVALID;
    } else {
        rc = fail(db, d, "cannot read the tender");
    }
    sqlite3_finalize(st);
    return rc;
}

tp_err tp_db_tender_each(tp_db *db, tp_err (*fn)(void *ud, const tp_db_tender *t), void *ud,
                         tp_diags *d)
{
    sqlite3_stmt *st = prepare(db, TENDER_COLUMNS " FROM tender t ORDER BY t.reference", d);
    if (!st)
        return TP_EDB;
    tp_err rc = TP_OK;
    int s = SQLITE_DONE;
    while (rc == TP_OK && (s = sqlite3_step(st)) == SQLITE_ROW) {
        tp_db_tender t;
        tender_from_row(&t, st, false);
        rc = fn(ud, &t);
        tp_db_tender_dispose(&t);
    }
    if (rc == TP_OK && s != SQLITE_DONE)
        rc = fail(db, d, "cannot list the tenders");
    sqlite3_finalize(st);
    return rc;
}

tp_err tp_db_files_each(tp_db *db, int64_t tender_id, tp_err (*fn)(void *ud, const tp_db_file *f),
                        void *ud, tp_diags *d)
{
    sqlite3_stmt *st = prepare(db, "SELECT name, size, sha256 FROM pack_file WHERE tender_id = ?1 "
                                   "ORDER BY name", d);
    if (!st)
        return TP_EDB;
    sqlite3_bind_int64(st, 1, tender_id);
    tp_err rc = TP_OK;
    int s = SQLITE_DONE;
    while (rc == TP_OK && (s = sqlite3_step(st)) == SQLITE_ROW) {
        tp_db_file f;
        f.name = (const char *)sqlite3_column_text(st, 0);
        f.size = (size_t)sqlite3_column_int64(st, 1);
        snprintf(f.sha256, sizeof f.sha256, "%s", (const char *)sqlite3_column_text(st, 2));
        rc = fn(ud, &f);
    }
    if (rc == TP_OK && s != SQLITE_DONE)
        rc = fail(db, d, "cannot list the pack's files");
    sqlite3_finalize(st);
    return rc;
}

/* ------------------------------------------------------------ bids */

static tp_err log_duplicate(tp_db *db, sqlite3_stmt *found, const tp_db_new_bid *b,
                            tp_db_receipt *out, tp_diags *d)
{
    out->duplicate = true;
    out->seq = sqlite3_column_int(found, 1);
    out->late = sqlite3_column_int(found, 2) != 0;
    snprintf(out->received_at, sizeof out->received_at, "%s", sqlite3_column_text(found, 3));
    sqlite3_stmt *st = prepare(db, "INSERT INTO duplicate (bid_id, received_at, received_utc, "
                                   "filename) VALUES (?1, ?2, ?3, ?4)", d);
    if (!st)
        return TP_EDB;
    sqlite3_bind_int64(st, 1, sqlite3_column_int64(found, 0));
    bind_text(st, 2, b->received_at);
    sqlite3_bind_int64(st, 3, b->received_utc);
    bind_text(st, 4, b->filename);
    tp_err rc = sqlite3_step(st) == SQLITE_DONE ? TP_OK : fail(db, d, "cannot log the duplicate");
    sqlite3_finalize(st);
    return rc;
}

tp_err tp_db_bid_add(tp_db_receipt *out, tp_db *db, const char *reference,
                     const tp_db_new_bid *b, tp_diags *d)
{
    memset(out, 0, sizeof *out);
    hex_of(out->sha256, b->content, b->len);
    tp_db_tender t;
    tp_err rc = tp_db_tender_get(&t, db, reference, false, d);
    if (rc != TP_OK)
        return rc;
    sqlite3_stmt *st = prepare(db, "SELECT id, seq, late, received_at FROM bid "
                                   "WHERE tender_id = ?1 AND sha256 = ?2", d);
    if (!st) {
        tp_db_tender_dispose(&t);
        return TP_EDB;
    }
    sqlite3_bind_int64(st, 1, t.id);
    bind_text(st, 2, out->sha256);
    int s = sqlite3_step(st);
    if (s == SQLITE_ROW)
        rc = log_duplicate(db, st, b, out, d);
    else if (s != SQLITE_DONE)
        rc = fail(db, d, "cannot look for a duplicate");
    sqlite3_finalize(st);
    if (rc != TP_OK || out->duplicate) {
        tp_db_tender_dispose(&t);
        return rc;
    }
    long long seq = 0;
    st = prepare(db, "SELECT COALESCE(MAX(seq), 0) + 1 FROM bid WHERE tender_id = ?1", d);
    if (st) {
        sqlite3_bind_int64(st, 1, t.id);
        if (sqlite3_step(st) == SQLITE_ROW)
            seq = sqlite3_column_int64(st, 0);
        else
            rc = fail(db, d, "cannot number the bid");
        sqlite3_finalize(st);
    } else {
        rc = TP_EDB;
    }
    out->seq = (int)seq;
    out->late = b->received_utc > t.deadline_utc ||
                (b->received_utc == t.deadline_utc && b->received_micro > 0);
    snprintf(out->received_at, sizeof out->received_at, "%s", b->received_at);
    if (rc == TP_OK) {
        st = prepare(db,
                     "INSERT INTO bid (tender_id, seq, received_at, received_utc, received_micro, "
                     "late, filename, kind, size, sha256, content) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                     d);
        rc = st ? TP_OK : TP_EDB;
    }
    if (rc == TP_OK) {
        sqlite3_bind_int64(st, 1, t.id);
        sqlite3_bind_int64(st, 2, seq);
        bind_text(st, 3, b->received_at);
        sqlite3_bind_int64(st, 4, b->received_utc);
        sqlite3_bind_int(st, 5, b->received_micro);
        sqlite3_bind_int(st, 6, out->late);
        bind_text(st, 7, b->filename);
        bind_text(st, 8, b->kind);
        sqlite3_bind_int64(st, 9, (sqlite3_int64)b->len);
        bind_text(st, 10, out->sha256);
        bind_blob(st, 11, b->content, b->len);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = fail(db, d, "cannot store the bid");
        sqlite3_finalize(st);
    }
    tp_db_tender_dispose(&t);
    return rc;
}

tp_err tp_db_bids_each(tp_db *db, int64_t tender_id, bool with_content,
                       tp_err (*fn)(void *ud, const tp_db_bid *b), void *ud, tp_diags *d)
{
    sqlite3_stmt *st = prepare(db,
                               with_content
                                   ? "SELECT id, seq, received_at, received_utc, received_micro, "
                                     "late, filename, kind, sha256, size, content FROM bid "
                                     "WHERE tender_id = ?1 ORDER BY seq"
                                   : "SELECT id, seq, received_at, received_utc, received_micro, "
                                     "late, filename, kind, sha256, size FROM bid "
                                     "WHERE tender_id = ?1 ORDER BY seq",
                               d);
    if (!st)
        return TP_EDB;
    sqlite3_bind_int64(st, 1, tender_id);
    tp_err rc = TP_OK;
    int s = SQLITE_DONE;
    while (rc == TP_OK && (s = sqlite3_step(st)) == SQLITE_ROW) {
        tp_db_bid b;
        b.id = sqlite3_column_int64(st, 0);
        b.seq = sqlite3_column_int(st, 1);
        b.received_at = (const char *)sqlite3_column_text(st, 2);
        b.received_utc = sqlite3_column_int64(st, 3);
        b.received_micro = sqlite3_column_int(st, 4);
        b.late = sqlite3_column_int(st, 5) != 0;
        b.filename = (const char *)sqlite3_column_text(st, 6);
        b.kind = (const char *)sqlite3_column_text(st, 7);
        b.sha256 = (const char *)sqlite3_column_text(st, 8);
        b.size = (size_t)sqlite3_column_int64(st, 9);
        b.content = NULL;
        if (with_content) {
            b.content = sqlite3_column_blob(st, 10);
            b.size = (size_t)sqlite3_column_bytes(st, 10);
            if (!b.content)
                b.content = "";
        }
        rc = fn(ud, &b);
    }
    if (rc == TP_OK && s != SQLITE_DONE)
        rc = fail(db, d, "cannot read the bids");
    sqlite3_finalize(st);
    return rc;
}

tp_err tp_db_duplicates_each(tp_db *db, int64_t tender_id,
                             tp_err (*fn)(void *ud, const tp_db_duplicate *x), void *ud,
                             tp_diags *d)
{
    sqlite3_stmt *st = prepare(db, "SELECT b.seq, x.received_at, x.filename FROM duplicate x "
                                   "JOIN bid b ON b.id = x.bid_id WHERE b.tender_id = ?1 "
                                   "ORDER BY x.id", d);
    if (!st)
        return TP_EDB;
    sqlite3_bind_int64(st, 1, tender_id);
    tp_err rc = TP_OK;
    int s = SQLITE_DONE;
    while (rc == TP_OK && (s = sqlite3_step(st)) == SQLITE_ROW) {
        tp_db_duplicate x = {sqlite3_column_int(st, 0), (const char *)sqlite3_column_text(st, 1),
                             (const char *)sqlite3_column_text(st, 2)};
        rc = fn(ud, &x);
    }
    if (rc == TP_OK && s != SQLITE_DONE)
        rc = fail(db, d, "cannot read the duplicates");
    sqlite3_finalize(st);
    return rc;
}

/* ------------------------------------------------------------ evaluations */

tp_err tp_db_evaluation_add(int64_t *id, tp_db *db, int64_t tender_id, const char *evaluated_at,
                            long long bids, const void *result_xml, size_t len, tp_diags *d)
{
    char hex[65];
    hex_of(hex, result_xml, len);
    sqlite3_stmt *st = prepare(db, "INSERT INTO evaluation (tender_id, evaluated_at, bids, result, "
                                   "sha256) VALUES (?1, ?2, ?3, ?4, ?5)", d);
    if (!st)
        return TP_EDB;
    sqlite3_bind_int64(st, 1, tender_id);
    bind_text(st, 2, evaluated_at);
    sqlite3_bind_int64(st, 3, bids);
    bind_blob(st, 4, result_xml, len);
    bind_text(st, 5, hex);
    tp_err rc = sqlite3_step(st) == SQLITE_DONE ? TP_OK : fail(db, d, "cannot store the evaluation");
    sqlite3_finalize(st);
    if (rc == TP_OK && id)
        *id = sqlite3_last_insert_rowid(db->h);
    return rc;
}

tp_err tp_db_evaluations_each(tp_db *db, int64_t tender_id,
                              tp_err (*fn)(void *ud, const tp_db_evaluation *e), void *ud,
                              tp_diags *d)
{
    sqlite3_stmt *st = prepare(db, "SELECT id, evaluated_at, bids, sha256, length(result) "
                                   "FROM evaluation WHERE tender_id = ?1 ORDER BY id", d);
    if (!st)
        return TP_EDB;
    sqlite3_bind_int64(st, 1, tender_id);
    tp_err rc = TP_OK;
    int s = SQLITE_DONE;
    while (rc == TP_OK && (s = sqlite3_step(st)) == SQLITE_ROW) {
        tp_db_evaluation e = {sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
                              (const char *)sqlite3_column_text(st, 3),
                              sqlite3_column_int64(st, 2), (size_t)sqlite3_column_int64(st, 4)};
        rc = fn(ud, &e);
    }
    if (rc == TP_OK && s != SQLITE_DONE)
        rc = fail(db, d, "cannot read the evaluations");
    sqlite3_finalize(st);
    return rc;
}
