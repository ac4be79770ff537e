/* The register (sqlite3): tenders as registered, bids as received (raw
 * bytes, SHA-256, receipt time, late or not) and evaluations. A bid is
 * never changed or lost: rows of `bid` cannot be updated or deleted
 * (triggers), a byte-identical bid for the same tender is recognised and
 * logged as a duplicate, not stored twice. Schema and migrations:
 * src/store/migrations.c and docs/REGISTER.md.
 *
 * Concurrency: WAL journal, a 30 s busy timeout, foreign keys on, prepared
 * statements only. A command runs in one transaction (tp_db_begin …
 * tp_db_commit); writers take the write lock at BEGIN (IMMEDIATE), so two
 * receivers never interleave. */
#ifndef TP_DB_H
#define TP_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/err.h"

#define TP_DB_DEFAULT_PATH "tenderpack.db"
#define TP_DB_BUSY_TIMEOUT_MS 30000
#define TP_DB_APPLICATION_ID 0x54504B31 /* "TPK1" in the file header */

typedef struct tp_db tp_db;

/* Opens path (creating it when absent if create is set: writers do, readers
 * do not) and brings its schema to the latest version. TP_EDB (with a
 * diagnostic) for a missing register, a file that is not one, a register of
 * a newer tenderpack, or a sqlite failure. */
tp_err tp_db_open(tp_db **out, const char *path, bool create, tp_diags *d);
void tp_db_close(tp_db *db); /* NULL-safe; rolls back an open transaction */

/* Latest schema version this program writes (PRAGMA user_version). */
int tp_db_schema_version(void);

tp_err tp_db_begin(tp_db *db, bool write, tp_diags *d);
tp_err tp_db_commit(tp_db *db, tp_diags *d);
void tp_db_rollback(tp_db *db); /* no-op outside a transaction */

/* ------------------------------------------------------------ tenders */

typedef struct tp_db_file {
    const char *name;
    size_t size;
    char sha256[65];
} tp_db_file;

typedef struct tp_db_new_tender {
    const char *reference;
    const char *registered_at; /* "2026-06-01T09:00:00+02:00" */
    const char *deadline;      /* as in the tender XML */
    int64_t deadline_utc;
    const char *profile; /* NULL when registered from a tender XML */
    size_t profile_len;
    const char *tender_xml;
    size_t tender_len;
    const char *pack; /* NULL when no pack was built */
    size_t pack_len;
    const tp_db_file *files; /* the pack's entries */
    size_t n_files;
} tp_db_new_tender;

/* Stores a tender. The same reference with the same tender XML again sets
 * *already (nothing written); with another tender XML it is TP_EINVALID: a
 * registered tender is never changed. */
tp_err tp_db_tender_add(bool *already, tp_db *db, const tp_db_new_tender *t, tp_diags *d);

typedef struct tp_db_tender {
    int64_t id;
    char *reference, *registered_at, *deadline, *source; /* source: "profile" | "tender" */
    int64_t deadline_utc;
    char *tender_sha256, *profile_sha256, *pack_sha256; /* the last two may be NULL */
    long long bids, late, duplicates, evaluations;
    tp_buf tender_xml; /* filled by tp_db_tender_get when asked */
} tp_db_tender;

void tp_db_tender_dispose(tp_db_tender *t);

/* The tender of a reference; TP_EINVALID (diagnostic naming the reference)
 * when it is not registered. */
tp_err tp_db_tender_get(tp_db_tender *out, tp_db *db, const char *reference, bool with_xml,
                        tp_diags *d);

/* Every tender, by reference. fn's non-OK return stops and is returned. */
tp_err tp_db_tender_each(tp_db *db, tp_err (*fn)(void *ud, const tp_db_tender *t), void *ud,
                         tp_diags *d);

tp_err tp_db_files_each(tp_db *db, int64_t tender_id,
                        tp_err (*fn)(void *ud, const tp_db_file *f), void *ud, tp_diags *d);

/* ------------------------------------------------------------ bids */

typedef struct tp_db_new_bid {
    const char *filename; /* as given, for people only */
    const char *kind;     /* "xml" "ods" "xlsx" "other" */
    const void *content;
    size_t len;
    const char *received_at; /* with its offset */
    int64_t received_utc;
    int received_micro;
} tp_db_new_bid;

typedef struct tp_db_receipt {
    bool duplicate;     /* same bytes already received for this tender */
    int seq;            /* 1.. per tender: of the stored bid (the original for a duplicate) */
    bool late;          /* of the stored bid */
    char received_at[64]; /* of the stored bid */
    char sha256[65];
} tp_db_receipt;

/* Records a bid for a registered tender (TP_EINVALID when unknown). */
tp_err tp_db_bid_add(tp_db_receipt *out, tp_db *db, const char *reference,
                     const tp_db_new_bid *b, tp_diags *d);

typedef struct tp_db_bid {
    int64_t id;
    int seq;
    const char *received_at;
    int64_t received_utc;
    int received_micro;
    bool late;
    const char *filename, *kind, *sha256;
    size_t size;
    const void *content; /* NULL unless asked for; valid during the callback only */
} tp_db_bid;

/* The bids of a tender in receipt order (seq). */
tp_err tp_db_bids_each(tp_db *db, int64_t tender_id, bool with_content,
                       tp_err (*fn)(void *ud, const tp_db_bid *b), void *ud, tp_diags *d);

typedef struct tp_db_duplicate {
    int seq; /* of the bid it repeats */
    const char *received_at, *filename;
} tp_db_duplicate;

tp_err tp_db_duplicates_each(tp_db *db, int64_t tender_id,
                             tp_err (*fn)(void *ud, const tp_db_duplicate *x), void *ud,
                             tp_diags *d);

/* ------------------------------------------------------------ evaluations */

/* Stores an evaluation; *id (optional) gets its row id. */
tp_err tp_db_evaluation_add(int64_t *id, tp_db *db, int64_t tender_id, const char *evaluated_at,
                            long long bids, const void *result_xml, size_t len, tp_diags *d);

typedef struct tp_db_evaluation {
    int64_t id;
    const char *evaluated_at, *sha256;
    long long bids;
    size_t size;
} tp_db_evaluation;

tp_err tp_db_evaluations_each(tp_db *db, int64_t tender_id,
                              tp_err (*fn)(void *ud, const tp_db_evaluation *e), void *ud,
                              tp_diags *d);

/* Internal to src/store: the migrations, applied in order by tp_db_open. */
typedef struct tp_db_migration {
    int version;
    const char *sql;
} tp_db_migration;
extern const tp_db_migration tp_db_migrations[];
extern const size_t tp_db_migration_count;

#endif
