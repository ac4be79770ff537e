/* The register: schema and migrations, identity checks, tenders never
 * changed, bids numbered, duplicates recognised, late bids kept and
 * marked, rows immutable, several processes receiving at once losing
 * nothing, and a receiver killed at any moment leaving it consistent. */
#include "tp_test.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/date.h"
#include "core/sha256.h"
#include "store/db.h"
#include "store/when.h"

#define DEADLINE_UTC 1782892800 /* 2026-07-01T08:00:00Z = 10:00 in Brussels */

static char dir[64], path[96];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/tp-db-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(path, sizeof path, "%s/register.db", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A fresh register file for each test. */
static int fresh(void **state)
{
    (void)state;
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -f '%s' '%s-wal' '%s-shm'", path, path, path);
    return system(cmd) == 0 ? 0 : -1;
}

static tp_db *open_ok(void)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_db *db = NULL;
    tp_err rc = tp_db_open(&db, path, true, &d);
    if (rc != TP_OK)
        tp_diags_print(&d, stderr);
    assert_int_equal(rc, TP_OK);
    tp_diags_dispose(&d);
    return db;
}

static void expect_open_fails(bool create, const char *text)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_db *db = NULL;
    assert_int_equal(tp_db_open(&db, path, create, &d), TP_EDB);
    assert_null(db);
    assert_int_equal(d.nerrors, 1);
    if (!strstr(d.v[0].msg, text))
        tp_diags_print(&d, stderr);
    assert_non_null(strstr(d.v[0].msg, text));
    tp_diags_dispose(&d);
}

static long long query_int(const char *sql)
{
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return v;
}

static int exec_raw(const char *sql, char **err)
{
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    int rc = sqlite3_exec(h, sql, NULL, NULL, err);
    sqlite3_close(h);
    return rc;
}

static void add_tender(tp_db *db, const char *ref, const char *xml, tp_err want, bool want_already)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_db_new_tender t = {ref, "2026-06-01T09:00:00+02:00", "2026-07-01T10:00:00+02:00",
                          DEADLINE_UTC, NULL, 0, xml, strlen(xml), NULL, 0, NULL, 0};
    bool already = true;
    assert_int_equal(tp_db_begin(db, true, &d), TP_OK);
    assert_int_equal(tp_db_tender_add(&already, db, &t, &d), want);
    if (want == TP_OK) {
        assert_int_equal(already, want_already);
        assert_int_equal(tp_db_commit(db, &d), TP_OK);
    } else {
        tp_db_rollback(db);
    }
    tp_diags_dispose(&d);
}

static tp_err receive(tp_db *db, const char *ref, const char *content, int64_t utc, int micro,
                      tp_db_receipt *r)
{
    tp_diags d;
    tp_diags_init(&d);
    char when[40];
    tp_db_new_bid b = {"offre.xml", "xml", content, strlen(content),
                       tp_format_brussels(when, utc, micro), utc, micro};
    tp_err rc = tp_db_begin(db, true, &d);
    if (rc == TP_OK)
        rc = tp_db_bid_add(r, db, ref, &b, &d);
    if (rc == TP_OK)
        rc = tp_db_commit(db, &d);
    else
        tp_db_rollback(db);
    tp_diags_dispose(&d);
    return rc;
}

static void test_db__fresh_register_has_latest_schema(void **state)
{
    (void)state;
    tp_db *db = open_ok();
    tp_db_close(db);
    assert_int_equal(query_int("PRAGMA user_version"), tp_db_schema_version());
    assert_int_equal(query_int("PRAGMA application_id"), TP_DB_APPLICATION_ID);
    assert_int_equal(query_int("SELECT count(*) FROM sqlite_master WHERE name = 'bid'"), 1);
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    sqlite3_close(h);
    db = open_ok(); /* opening again migrates nothing */
    tp_db_close(db);
    assert_int_equal(query_int("PRAGMA user_version"), tp_db_schema_version());
}

static void test_db__newer_or_foreign_database_refused(void **state)
{
    (void)state;
    tp_db_close(open_ok());
    assert_int_equal(exec_raw("PRAGMA user_version = 99", NULL), SQLITE_OK);
    expect_open_fails(true, "schema version 99; this tenderpack knows up to 1");
    fresh(state);
    assert_int_equal(exec_raw("CREATE TABLE accounts (x)", NULL), SQLITE_OK);
    expect_open_fails(true, "not a tenderpack register");
    fresh(state);
    FILE *f = fopen(path, "w");
    fputs("this is a text file, long enough to be looked at by sqlite as a header", f);
    fclose(f);
    expect_open_fails(true, "not a SQLite database");
}

static void test_db__missing_register_not_created_by_readers(void **state)
{
    (void)state;
    expect_open_fails(false, "no register here");
    assert_int_not_equal(access(path, F_OK), 0);
}

static void test_db__tender_registered_once_never_changed(void **state)
{
    (void)state;
    tp_db *db = open_ok();
    add_tender(db, "REF-1", "<tender/>", TP_OK, false);
    add_tender(db, "REF-1", "<tender/>", TP_OK, true);
    add_tender(db, "REF-1", "<tender version=\"2\"/>", TP_EINVALID, false);
    tp_diags d;
    tp_diags_init(&d);
    tp_db_tender t;
    assert_int_equal(tp_db_tender_get(&t, db, "REF-1", true, &d), TP_OK);
    assert_string_equal(tp_buf_cstr(&t.tender_xml), "<tender/>");
    assert_string_equal(t.source, "tender");
    assert_int_equal(t.deadline_utc, DEADLINE_UTC);
    assert_null(t.profile_sha256);
    tp_db_tender_dispose(&t);
    assert_int_equal(tp_db_tender_get(&t, db, "NOPE", false, &d), TP_EINVALID);
    assert_non_null(strstr(d.v[d.n - 1].msg, "no tender 'NOPE'"));
    tp_db_close(db);
    char *err = NULL;
    assert_int_not_equal(exec_raw("UPDATE tender SET deadline_utc = 0", &err), SQLITE_OK);
    assert_non_null(strstr(err, "never changed"));
    sqlite3_free(err);
    tp_diags_dispose(&d);
}

typedef struct seen {
    int n;
    int seqs[8];
    bool late[8];
    char content[8][32];
} seen;

static tp_err collect(void *ud, const tp_db_bid *b)
{
    seen *s = ud;
    s->seqs[s->n] = b->seq;
    s->late[s->n] = b->late;
    snprintf(s->content[s->n], sizeof s->content[0], "%.*s", (int)b->size,
             (const char *)b->content);
    s->n++;
    return TP_OK;
}

static void test_db__bids_numbered_duplicates_and_late(void **state)
{
    (void)state;
    tp_db *db = open_ok();
    add_tender(db, "REF-1", "<tender/>", TP_OK, false);
    add_tender(db, "REF-2", "<tender n=\"2\"/>", TP_OK, false);
    tp_db_receipt r;
    assert_int_equal(receive(db, "REF-1", "<bid>A</bid>", DEADLINE_UTC - 3600, 0, &r), TP_OK);
    assert_int_equal(r.seq, 1);
    assert_false(r.duplicate);
    assert_false(r.late);
    assert_string_equal(r.received_at, "2026-07-01T09:00:00+02:00");
    assert_int_equal(receive(db, "REF-1", "<bid>B</bid>", DEADLINE_UTC, 0, &r), TP_OK);
    assert_int_equal(r.seq, 2);
    assert_false(r.late); /* at the deadline exactly: on time */
    assert_int_equal(receive(db, "REF-1", "<bid>A</bid>", DEADLINE_UTC + 10, 0, &r), TP_OK);
    assert_true(r.duplicate);
    assert_int_equal(r.seq, 1);
    assert_string_equal(r.received_at, "2026-07-01T09:00:00+02:00");
    assert_int_equal(receive(db, "REF-1", "<bid>C</bid>", DEADLINE_UTC, 1, &r), TP_OK);
    assert_int_equal(r.seq, 3);
    assert_true(r.late); /* a microsecond after */
    /* the same bytes for another tender are another bid */
    assert_int_equal(receive(db, "REF-2", "<bid>A</bid>", DEADLINE_UTC - 1, 0, &r), TP_OK);
    assert_false(r.duplicate);
    assert_int_equal(r.seq, 1);
    assert_int_equal(receive(db, "REF-9", "<bid>A</bid>", 0, 0, &r), TP_EINVALID);

    tp_diags d;
    tp_diags_init(&d);
    tp_db_tender t;
    assert_int_equal(tp_db_tender_get(&t, db, "REF-1", false, &d), TP_OK);
    assert_int_equal(t.bids, 3);
    assert_int_equal(t.late, 1);
    assert_int_equal(t.duplicates, 1);
    seen s;
    memset(&s, 0, sizeof s);
    assert_int_equal(tp_db_bids_each(db, t.id, true, collect, &s, &d), TP_OK);
    assert_int_equal(s.n, 3);
    assert_string_equal(s.content[0], "<bid>A</bid>");
    assert_string_equal(s.content[2], "<bid>C</bid>");
    assert_int_equal(s.seqs[2], 3);
    assert_true(s.late[2]);
    tp_db_tender_dispose(&t);
    tp_db_close(db);
    tp_diags_dispose(&d);

    char *err = NULL;
    assert_int_not_equal(exec_raw("UPDATE bid SET content = 'x' WHERE seq = 1", &err), SQLITE_OK);
    assert_non_null(strstr(err, "never changed"));
    sqlite3_free(err);
    assert_int_not_equal(exec_raw("DELETE FROM bid", &err), SQLITE_OK);
    assert_non_null(strstr(err, "never deleted"));
    sqlite3_free(err);
}

static void test_db__brussels_receipt_times(void **state)
{
    (void)state;
    char b[40];
    tp_date spring = {2026, 3, 29}, autumn = {2026, 10, 25};
    int64_t s = (int64_t)tp_date_to_days(spring) * 86400, a = (int64_t)tp_date_to_days(autumn) * 86400;
    assert_string_equal(tp_format_brussels(b, s + 3599, 0), "2026-03-29T01:59:59+01:00");
    assert_string_equal(tp_format_brussels(b, s + 3600, 0), "2026-03-29T03:00:00+02:00");
    assert_string_equal(tp_format_brussels(b, a + 3599, 0), "2026-10-25T02:59:59+02:00");
    assert_string_equal(tp_format_brussels(b, a + 3600, 0), "2026-10-25T02:00:00+01:00");
    assert_string_equal(tp_format_brussels(b, DEADLINE_UTC, 42), "2026-07-01T10:00:00.000042+02:00");
    assert_string_equal(tp_format_brussels(b, 1798761599, 0), "2027-01-01T00:59:59+01:00");
}

/* Each child receives its own bids through its own connection. */
/* Receives count bids; after the first, writes a byte to ready_fd (>= 0). */
static void receiver(int k, int count, int ready_fd)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_db *db = NULL;
    if (tp_db_open(&db, path, false, &d) != TP_OK)
        _exit(2);
    for (int i = 0; i < count; i++) {
        char content[64];
        snprintf(content, sizeof content, "<bid process=\"%d\" n=\"%d\"/>", k, i);
        tp_db_receipt r;
        if (receive(db, "REF-1", content, DEADLINE_UTC - 100, 0, &r) != TP_OK || r.duplicate)
            _exit(3);
        if (i == 0 && ready_fd >= 0 && write(ready_fd, "r", 1) != 1)
            _exit(4);
    }
    tp_db_close(db);
    tp_diags_dispose(&d);
    _exit(0);
}

static void assert_consistent(long long want_min, long long want_max)
{
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(h, "SELECT seq, sha256, content FROM bid ORDER BY seq", -1,
                                        &st, NULL),
                     SQLITE_OK);
    long long n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        n++;
        assert_int_equal(sqlite3_column_int64(st, 0), n); /* no gap, no double */
        uint8_t digest[32];
        char hex[65];
        tp_sha256(digest, sqlite3_column_blob(st, 2), (size_t)sqlite3_column_bytes(st, 2));
        assert_string_equal(tp_sha256_hex(hex, digest), (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    assert_true(n >= want_min);
    assert_true(n <= want_max);
}

static void test_db__concurrent_receivers_lose_nothing(void **state)
{
    (void)state;
    tp_db *db = open_ok();
    add_tender(db, "REF-1", "<tender/>", TP_OK, false);
    tp_db_close(db);
    enum { PROCS = 8, EACH = 25 };
    pid_t pids[PROCS];
    for (int k = 0; k < PROCS; k++) {
        pids[k] = fork();
        assert_true(pids[k] >= 0);
        if (pids[k] == 0)
            receiver(k, EACH, -1);
    }
    for (int k = 0; k < PROCS; k++) {
        int status = 0;
        assert_int_equal(waitpid(pids[k], &status, 0), pids[k]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    assert_consistent(PROCS * EACH, PROCS * EACH);
    assert_int_equal(query_int("SELECT count(DISTINCT sha256) FROM bid"), PROCS * EACH);
}

static void test_db__killed_receiver_leaves_register_consistent(void **state)
{
    (void)state;
    tp_db *db = open_ok();
    add_tender(db, "REF-1", "<tender/>", TP_OK, false);
    tp_db_close(db);
    srand(12345);
    for (int round = 0; round < 20; round++) {
        /* Killed after its first bid is committed (whatever the machine's
         * load), at a random moment of the ones after. */
        int ready[2];
        assert_int_equal(pipe(ready), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(ready[0]);
            receiver(100 + round, 1000000, ready[1]); /* until killed */
        }
        close(ready[1]);
        char byte;
        assert_int_equal(read(ready[0], &byte, 1), 1);
        close(ready[0]);
        struct timespec pause = {0, (long)(rand() % 20) * 1000000L};
        nanosleep(&pause, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status));
    }
    assert_consistent(20, 1000000);
    tp_db *again = open_ok(); /* and it still takes bids */
    tp_db_receipt r;
    assert_int_equal(receive(again, "REF-1", "<bid>after</bid>", DEADLINE_UTC, 0, &r), TP_OK);
    assert_int_equal(r.seq, query_int("SELECT max(seq) FROM bid"));
    tp_db_close(again);
    assert_consistent(1, 1000000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_db__fresh_register_has_latest_schema, fresh),
        cmocka_unit_test_setup(test_db__newer_or_foreign_database_refused, fresh),
        cmocka_unit_test_setup(test_db__missing_register_not_created_by_readers, fresh),
        cmocka_unit_test_setup(test_db__tender_registered_once_never_changed, fresh),
        cmocka_unit_test_setup(test_db__bids_numbered_duplicates_and_late, fresh),
        cmocka_unit_test(test_db__brussels_receipt_times),
        cmocka_unit_test_setup(test_db__concurrent_receivers_lose_nothing, fresh),
        cmocka_unit_test_setup(test_db__killed_receiver_leaves_register_consistent, fresh),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
