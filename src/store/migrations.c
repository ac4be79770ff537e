/* The register's schema as an ordered list of migrations. PRAGMA
 * user_version holds the last one applied; tp_db_open applies the missing
 * ones in one transaction. Never edit a migration that has shipped: add the
 * next one. */
#include "db.h"

const tp_db_migration tp_db_migrations[] = {
    {1,
     /* Tenders as registered: the profile (when registered from one), the
      * tender XML, and the pack's hashes, so a later question ("which
      * documents did suppliers get?") has a checkable answer. */
     "CREATE TABLE tender ("
     "  id INTEGER PRIMARY KEY,"
     "  reference TEXT NOT NULL UNIQUE,"
     "  registered_at TEXT NOT NULL,"
     "  deadline TEXT NOT NULL,"
     "  deadline_utc INTEGER NOT NULL,"
     "  source TEXT NOT NULL CHECK (source IN ('profile', 'tender')),"
     "  profile BLOB,"
     "  profile_sha256 TEXT,"
     "  tender_xml BLOB NOT NULL,"
     "  tender_sha256 TEXT NOT NULL,"
     "  pack_sha256 TEXT,"
     "  CHECK ((source = 'profile') = (profile IS NOT NULL))"
     ");"
     "CREATE TABLE pack_file ("
     "  tender_id INTEGER NOT NULL REFERENCES tender(id),"
     "  name TEXT NOT NULL,"
     "  size INTEGER NOT NULL,"
     "  sha256 TEXT NOT NULL,"
     "  PRIMARY KEY (tender_id, name)"
     ");"
     /* Bids as received: the bytes, their hash, the receipt time. */
     "CREATE TABLE bid ("
     "  id INTEGER PRIMARY KEY,"
     "  tender_id INTEGER NOT NULL REFERENCES tender(id),"
     "  seq INTEGER NOT NULL CHECK (seq >= 1),"
     "  received_at TEXT NOT NULL,"
     "  received_utc INTEGER NOT NULL,"
     "  received_micro INTEGER NOT NULL DEFAULT 0,"
     "  late INTEGER NOT NULL CHECK (late IN (0, 1)),"
     "  filename TEXT NOT NULL,"
     "  kind TEXT NOT NULL CHECK (kind IN ('xml', 'ods', 'xlsx', 'other')),"
     "  size INTEGER NOT NULL CHECK (size = length(content)),"
     "  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
     "  content BLOB NOT NULL,"
     "  UNIQUE (tender_id, seq),"
     "  UNIQUE (tender_id, sha256)"
     ");"
     /* A bid received again, byte for byte: logged, not stored twice. */
     "CREATE TABLE duplicate ("
     "  id INTEGER PRIMARY KEY,"
     "  bid_id INTEGER NOT NULL REFERENCES bid(id),"
     "  received_at TEXT NOT NULL,"
     "  received_utc INTEGER NOT NULL,"
     "  filename TEXT NOT NULL"
     ");"
     "CREATE TABLE evaluation ("
     "  id INTEGER PRIMARY KEY,"
     "  tender_id INTEGER NOT NULL REFERENCES tender(id),"
     "  evaluated_at TEXT NOT NULL,"
     "  bids INTEGER NOT NULL,"
     "  result BLOB NOT NULL,"
     "  sha256 TEXT NOT NULL"
     ");"
     "CREATE INDEX duplicate_bid ON duplicate(bid_id);"
     "CREATE INDEX evaluation_tender ON evaluation(tender_id);"
     /* What is registered or received stays as it was. */
     "CREATE TRIGGER tender_keep BEFORE UPDATE ON tender"
     "  BEGIN SELECT RAISE(ABORT, 'a registered tender is never changed'); END;"
     "CREATE TRIGGER tender_stay BEFORE DELETE ON tender"
     "  BEGIN SELECT RAISE(ABORT, 'a registered tender is never deleted'); END;"
     "CREATE TRIGGER bid_keep BEFORE UPDATE ON bid"
     "  BEGIN SELECT RAISE(ABORT, 'a received bid is never changed'); END;"
     "CREATE TRIGGER bid_stay BEFORE DELETE ON bid"
     "  BEGIN SELECT RAISE(ABORT, 'a received bid is never deleted'); END;"},
};

const size_t tp_db_migration_count = sizeof tp_db_migrations / sizeof *tp_db_migrations;
