#include "server/storage/dialect.h"

#include <QSqlError>

namespace sanad::server {

using namespace Qt::StringLiterals;

Dialect::Dialect(Kind kind)
    : m_kind(kind)
{ }

QString Dialect::driverName() const
{
    return m_kind == Kind::Sqlite ? u"QSQLITE"_s : u"QPSQL"_s;
}

QString Dialect::connectOptions() const
{
    // A writer waits up to 10 s for another writer's transaction before giving up.
    return m_kind == Kind::Sqlite ? u"QSQLITE_BUSY_TIMEOUT=10000"_s : QString();
}

QStringList Dialect::connectionSetup() const
{
    if (m_kind == Kind::Sqlite) {
        // WAL readers never block the writer; synchronous=NORMAL is safe with WAL (a power cut can
        // lose the last commits, never corrupt the file) and keeps commits fast.
        return { u"PRAGMA foreign_keys = ON"_s, u"PRAGMA synchronous = NORMAL"_s };
    }
    return { u"SET TIME ZONE 'UTC'"_s };
}

QString Dialect::beginWrite() const
{
    return m_kind == Kind::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s;
}

QString Dialect::beginRead() const
{
    return m_kind == Kind::Sqlite ? u"BEGIN"_s : u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s;
}

QString Dialect::schema(QString sql) const
{
    if (m_kind == Kind::Sqlite) {
        sql.replace(u"${BIGINT}"_s, u"INTEGER"_s);
        sql.replace(u"${BLOB}"_s, u"BLOB"_s);
        // AUTOINCREMENT: a sequence is never reused, even after the newest row is deleted.
        sql.replace(u"${SERIAL_PK}"_s, u"INTEGER PRIMARY KEY AUTOINCREMENT"_s);
        sql.replace(u"${WITHOUT_ROWID}"_s, u"WITHOUT ROWID"_s);
    } else {
        sql.replace(u"${BIGINT}"_s, u"BIGINT"_s);
        sql.replace(u"${BLOB}"_s, u"BYTEA"_s);
        sql.replace(u"${SERIAL_PK}"_s, u"BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"_s);
        sql.replace(u"${WITHOUT_ROWID}"_s, QString());
    }
    return sql;
}

QString Dialect::containsCondition(const QString &expression) const
{
    return position(expression, u"?"_s) + u" > 0"_s;
}

QString Dialect::position(const QString &haystack, const QString &needle) const
{
    return (m_kind == Kind::Sqlite ? u"instr("_s : u"strpos("_s) + haystack + u", "_s + needle + u")"_s;
}

QStringList Dialect::bulkLoadBegin() const
{
    if (m_kind == Kind::Sqlite)
        return { u"PRAGMA cache_size = -262144"_s }; // 256 MiB
    return { u"SET LOCAL maintenance_work_mem = '256MB'"_s };
}

QStringList Dialect::bulkLoadEnd() const
{
    if (m_kind == Kind::Sqlite)
        return { u"PRAGMA cache_size = -2000"_s }; // SQLite's default
    return {};
}

QString Dialect::secondaryIndexesQuery() const
{
    if (m_kind == Kind::Sqlite) // UNIQUE and PRIMARY KEY indexes are automatic ones, without sql
        return u"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
               "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name"_s;
    return u"SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND "
           "i.tablename = ? AND i.indexdef NOT LIKE 'CREATE UNIQUE%' ORDER BY i.indexname"_s;
}

bool Dialect::isUniqueViolation(const QSqlError &error) const
{
    const QString code = error.nativeErrorCode();
    if (m_kind == Kind::Sqlite) // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
        return code == "2067"_L1 || code == "1555"_L1;
    return code == "23505"_L1;
}

} // namespace sanad::server
