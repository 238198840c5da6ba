#include "server/storage/migrations.h"

#include "core/arabictext.h"
#include "server/logcategories.h"
#include "server/storage/customernameindex.h"
#include "server/storage/database.h"
#include "server/storage/sqlquery.h"
#include "server/storage/storageerror.h"
#include "server/storage/transaction.h"
#include "server/util/protoutil.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

struct Migration
{
    int version;
    const char *description;
    QStringList statements; // dialect placeholders: ${BIGINT}, ${BLOB}, ${SERIAL_PK}, ${WITHOUT_ROWID}
    std::function<void(Database &, qint64 nowMs)> data;
};

// Name search (docs/search.md): the loose key of every name, the index of name words
// (CustomerNameIndex), and exact names in last-contact order. Existing customers get both keys
// computed again and are indexed.
Migration nameSearchMigration(int version)
{
    return { version,
             "name search index",
             {
                 u"ALTER TABLE customers ADD COLUMN loose_key TEXT NOT NULL DEFAULT ''"_s,
                 u"CREATE INDEX customers_name_key ON customers(name_key, last_contact_at)"_s,
                 // One row per distinct word of a name key; see CustomerNameIndex.
                 u"CREATE TABLE customer_name_tokens (token TEXT NOT NULL, last_contact_at ${BIGINT} NOT NULL, "
                 "customer_id TEXT NOT NULL REFERENCES customers(id), name_key TEXT NOT NULL, "
                 "loose_key TEXT NOT NULL, PRIMARY KEY (token, last_contact_at, customer_id)) ${WITHOUT_ROWID}"_s,
                 u"CREATE TABLE customer_name_words (token TEXT PRIMARY KEY, loose_token TEXT NOT NULL, "
                 "customers ${BIGINT} NOT NULL)"_s,
                 u"CREATE INDEX customer_name_words_loose ON customer_name_words(loose_token)"_s,
             },
             [](Database &database, qint64) {
                 const QSqlDatabase db = database.connection();
                 QList<std::pair<QString, QString>> names;
                 {
                     SqlQuery all(db, u"SELECT id, name FROM customers"_s);
                     all.exec();
                     while (all.next())
                         names.append({ all.text(0), all.text(1) });
                 }
                 SqlQuery setKeys(db, u"UPDATE customers SET name_key = ?, loose_key = ? WHERE id = ?"_s);
                 for (const auto &[id, name] : std::as_const(names))
                     setKeys.bind(searchKey(name)).bind(looseKey(name)).bind(id).exec();
                 CustomerNameIndex::rebuild(database);
             } };
}

// The case lifecycle (docs/cases.md): incident links, escalation, awaiting confirmation, reopens
// and repeat contacts beside each case; referral escalation marks; wrap-ups; callback tasks.
Migration caseLifecycleMigration(int version)
{
    return { version,
             "case lifecycle",
             {
                 u"CREATE TABLE case_lifecycle (case_id TEXT PRIMARY KEY REFERENCES cases(id), "
                 "incident_id TEXT NOT NULL DEFAULT '', incident_reports INTEGER NOT NULL DEFAULT 0, "
                 "escalated_at ${BIGINT} NOT NULL DEFAULT 0, awaiting_since ${BIGINT} NOT NULL DEFAULT 0, "
                 "reopen_count INTEGER NOT NULL DEFAULT 0, repeat_contacts INTEGER NOT NULL DEFAULT 0)"_s,
                 u"CREATE INDEX case_lifecycle_incident ON case_lifecycle(incident_id)"_s,
                 u"CREATE INDEX cases_category_opened ON cases(category, opened_at)"_s,
                 u"ALTER TABLE referrals ADD COLUMN overdue_raised_at ${BIGINT} NOT NULL DEFAULT 0"_s,
                 u"CREATE INDEX referrals_due ON referrals(due_at)"_s,
                 u"CREATE TABLE wrap_ups (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, "
                 "case_id TEXT NOT NULL DEFAULT '', call_id TEXT NOT NULL DEFAULT '', user_id TEXT NOT NULL, "
                 "disposition TEXT NOT NULL, notes TEXT NOT NULL DEFAULT '', mood INTEGER NOT NULL DEFAULT 0, "
                 "acw_seconds INTEGER NOT NULL DEFAULT 0, recorded_at ${BIGINT} NOT NULL)"_s,
                 u"CREATE INDEX wrap_ups_mood ON wrap_ups(mood, recorded_at)"_s,
                 u"CREATE TABLE callback_tasks (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL DEFAULT '', "
                 "case_id TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL, queue TEXT NOT NULL, "
                 "reason TEXT NOT NULL DEFAULT '', created_at ${BIGINT} NOT NULL, due_at ${BIGINT} NOT NULL, "
                 "status INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, outcome TEXT NOT NULL DEFAULT '', "
                 "abandoned_call_id TEXT NOT NULL DEFAULT '', version ${BIGINT} NOT NULL DEFAULT 1)"_s,
                 u"CREATE INDEX callback_tasks_open ON callback_tasks(status, queue, due_at)"_s,
             },
             {} };
}

// Guided scripts (docs/scripts.md): published versions, runs (the transcript of each is also an
// interaction, same id), and identity one-time codes (hashed, with expiry and tries left).
Migration scriptsMigration(int version)
{
    return { version,
             "guided scripts",
             {
                 u"CREATE TABLE IF NOT EXISTS scripts (script_id TEXT NOT NULL, version INTEGER NOT NULL, title_ar TEXT NOT NULL, "
                 "title_en TEXT NOT NULL, category TEXT NOT NULL DEFAULT '', queues TEXT NOT NULL DEFAULT '', "
                 "keywords TEXT NOT NULL DEFAULT '', body TEXT NOT NULL, published_at ${BIGINT} NOT NULL, "
                 "published_by TEXT NOT NULL DEFAULT '', PRIMARY KEY (script_id, version))"_s,
                 u"CREATE TABLE IF NOT EXISTS script_runs (id TEXT PRIMARY KEY, script_id TEXT NOT NULL, version INTEGER NOT NULL, "
                 "case_id TEXT NOT NULL REFERENCES cases(id), customer_id TEXT NOT NULL REFERENCES customers(id), "
                 "outcome TEXT NOT NULL, customer_confirmed INTEGER NOT NULL DEFAULT 0, path TEXT NOT NULL, "
                 "fields TEXT NOT NULL DEFAULT '{}', transcript TEXT NOT NULL, started_at ${BIGINT} NOT NULL, "
                 "ended_at ${BIGINT} NOT NULL, user_id TEXT NOT NULL DEFAULT '')"_s,
                 u"CREATE INDEX IF NOT EXISTS script_runs_script ON script_runs(script_id, version)"_s,
                 u"CREATE INDEX IF NOT EXISTS script_runs_customer ON script_runs(customer_id, ended_at)"_s,
                 u"CREATE TABLE IF NOT EXISTS identity_codes (customer_id TEXT PRIMARY KEY REFERENCES customers(id), "
                 "code_hash TEXT NOT NULL, expires_at ${BIGINT} NOT NULL, attempts_left INTEGER NOT NULL)"_s,
             },
             {} };
}

// Times are INTEGER milliseconds since the epoch, UTC; ids are TEXT UUIDs; enums are stored as
// their sanad.v1 numbers; 0 means "not set" for times.
const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        { 1,
          "initial schema",
          {
              u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
              u"CREATE TABLE users (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, "
              "role INTEGER NOT NULL, password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, "
              "created_at ${BIGINT} NOT NULL)"_s,
              u"CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), "
              "created_at ${BIGINT} NOT NULL, expires_at ${BIGINT} NOT NULL)"_s,
              u"CREATE INDEX sessions_user ON sessions(user_id)"_s,
              u"CREATE TABLE queues (name TEXT PRIMARY KEY, created_at ${BIGINT} NOT NULL)"_s,
              u"CREATE TABLE customers (id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL, "
              "city TEXT NOT NULL DEFAULT '', national_id TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '', "
              "external_id TEXT NOT NULL DEFAULT '', created_at ${BIGINT} NOT NULL, updated_at ${BIGINT} NOT NULL, "
              "version ${BIGINT} NOT NULL DEFAULT 1, last_contact_at ${BIGINT} NOT NULL DEFAULT 0)"_s,
              u"CREATE INDEX customers_national_id ON customers(national_id)"_s,
              u"CREATE INDEX customers_last_contact ON customers(last_contact_at)"_s,
              u"CREATE TABLE customer_phones (customer_id TEXT NOT NULL REFERENCES customers(id), "
              "e164 TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (customer_id, position))"_s,
              u"CREATE INDEX customer_phones_e164 ON customer_phones(e164)"_s,
              u"CREATE TABLE verifications (customer_id TEXT NOT NULL REFERENCES customers(id), "
              "method TEXT NOT NULL, verified_at ${BIGINT} NOT NULL, agent_name TEXT NOT NULL DEFAULT '')"_s,
              u"CREATE INDEX verifications_customer ON verifications(customer_id, verified_at)"_s,
              u"CREATE TABLE case_counters (year INTEGER PRIMARY KEY, last_sequence ${BIGINT} NOT NULL)"_s,
              u"CREATE TABLE cases (id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, "
              "customer_id TEXT NOT NULL REFERENCES customers(id), category TEXT NOT NULL, status INTEGER NOT NULL, "
              "priority INTEGER NOT NULL, location TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '', "
              "opened_at ${BIGINT} NOT NULL, updated_at ${BIGINT} NOT NULL, closed_at ${BIGINT} NOT NULL DEFAULT 0, "
              "customer_confirmed INTEGER NOT NULL DEFAULT 0, version ${BIGINT} NOT NULL DEFAULT 1)"_s,
              u"CREATE INDEX cases_customer ON cases(customer_id, opened_at)"_s,
              u"CREATE TABLE interactions (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id), "
              "case_id TEXT REFERENCES cases(id), channel INTEGER NOT NULL, direction INTEGER NOT NULL, "
              "occurred_at ${BIGINT} NOT NULL, agent_name TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '', "
              "category TEXT NOT NULL DEFAULT '', note INTEGER NOT NULL DEFAULT 0)"_s,
              u"CREATE INDEX interactions_customer ON interactions(customer_id, occurred_at)"_s,
              u"CREATE TABLE referrals (id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), "
              "department TEXT NOT NULL, owner TEXT NOT NULL DEFAULT '', created_at ${BIGINT} NOT NULL, "
              "due_at ${BIGINT} NOT NULL DEFAULT 0, status INTEGER NOT NULL)"_s,
              u"CREATE INDEX referrals_case ON referrals(case_id)"_s,
              // UNIQUE(call_id, kind) makes ReportCallEvent idempotent: a repeated event inserts nothing.
              u"CREATE TABLE call_events (call_id TEXT NOT NULL, kind INTEGER NOT NULL, occurred_at ${BIGINT} NOT "
              u"NULL, "
              "caller_e164 TEXT NOT NULL DEFAULT '', caller_raw TEXT NOT NULL DEFAULT '', dialed TEXT NOT NULL DEFAULT "
              "'', "
              "queue TEXT NOT NULL, agent_id TEXT NOT NULL DEFAULT '', UNIQUE (call_id, kind))"_s,
              u"CREATE TABLE agent_events (user_id TEXT NOT NULL, state INTEGER NOT NULL, at ${BIGINT} NOT NULL, "
              "reason TEXT NOT NULL DEFAULT '')"_s,
              u"CREATE INDEX agent_events_user ON agent_events(user_id, at)"_s,
              u"CREATE TABLE mutations (mutation_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, outcome INTEGER NOT NULL, "
              "detail TEXT NOT NULL DEFAULT '', new_version ${BIGINT} NOT NULL DEFAULT 0, "
              "entity_id TEXT NOT NULL DEFAULT '', applied_at ${BIGINT} NOT NULL)"_s,
              u"CREATE TABLE changes (sequence ${SERIAL_PK}, mutation_id TEXT NOT NULL DEFAULT '', "
              "entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, payload ${BLOB} NOT NULL, "
              "changed_at ${BIGINT} NOT NULL)"_s,
              u"CREATE TABLE audit_log (at ${BIGINT} NOT NULL, user_id TEXT NOT NULL, action TEXT NOT NULL, "
              "customer_id TEXT NOT NULL)"_s,
              u"CREATE INDEX audit_log_customer ON audit_log(customer_id, at)"_s,
          },
          [](Database &database, qint64 nowMs) {
              const QSqlDatabase db = database.connection();
              // server_epoch identifies this database: a desktop that sees it change pulls everything again.
              SqlQuery meta(db, u"INSERT INTO meta (key, value) VALUES (?, ?)"_s);
              meta.bind(u"server_epoch"_s).bind(newUuid()).exec();
              SqlQuery queue(db, u"INSERT INTO queues (name, created_at) VALUES (?, ?)"_s);
              queue.bind(u"general"_s).bind(nowMs).exec();
          } },
        nameSearchMigration(2),
        caseLifecycleMigration(3),
        scriptsMigration(4),
        // A caller who gets through closes the callbacks of the calls they abandoned (docs/cases.md):
        // found by number on every answered call.
        { 5, "callbacks by phone", { u"CREATE INDEX callback_tasks_phone ON callback_tasks(phone, status)"_s }, {} },
    };
    return list;
}

int readVersion(const QSqlDatabase &db)
{
    SqlQuery query(db, u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s);
    query.exec();
    const int version = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return version;
}

void ensureVersionTable(Database &database)
{
    execSql(database.connection(),
            database.dialect().schema(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                                      "description TEXT NOT NULL, applied_at ${BIGINT} NOT NULL)"_s));
}

} // namespace

int Migrations::latestVersion()
{
    return migrations().constLast().version;
}

int Migrations::currentVersion(Database &database)
{
    ensureVersionTable(database);
    return readVersion(database.connection());
}

void Migrations::run(Database &database, qint64 nowMs)
{
    ensureVersionTable(database);
    for (const Migration &migration : migrations()) {
        Transaction transaction(database);
        const QSqlDatabase db = database.connection();
        const int current = readVersion(db);
        if (current >= migration.version)
            continue;
        if (current != migration.version - 1)
            throw StorageError(u"The database is at schema version %1, which this sanad-server does not know how to "
                               "upgrade: use a newer sanad-server."_s.arg(current));
        for (const QString &statement : migration.statements)
            execSql(db, database.dialect().schema(statement));
        if (migration.data)
            migration.data(database, nowMs);
        SqlQuery record(db, u"INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"_s);
        record.bind(migration.version).bind(QString::fromLatin1(migration.description)).bind(nowMs).exec();
        transaction.commit();
        qCInfo(lcStorage) << "applied migration" << migration.version << migration.description;
    }
    const int current = readVersion(database.connection());
    if (current > latestVersion())
        throw StorageError(u"The database is at schema version %1 but this sanad-server knows only up to %2: use the "
                           "newer sanad-server that created it."_s.arg(current)
                               .arg(latestVersion()));
}

} // namespace sanad::server
