#pragma once

#include <QString>
#include <QStringList>

class QSqlError;

namespace sanad::server {

// Every difference between the SQL of SQLite and PostgreSQL lives here, so that services and
// repositories stay the same for both (KDE Akonadi's DbType is the model). Repositories write
// plain SQL that both understand (positional "?" placeholders, ON CONFLICT, RETURNING) and ask
// the dialect for the rest.
class Dialect
{
public:
    enum class Kind { Sqlite, PostgreSql };

    explicit Dialect(Kind kind);

    Kind kind() const { return m_kind; }
    QString driverName() const;
    // Connect options for QSqlDatabase::setConnectOptions.
    QString connectOptions() const;
    // Statements run once on every new connection (foreign keys, synchronous mode, time zone).
    QStringList connectionSetup() const;

    // Starts a transaction that will write. SQLite needs BEGIN IMMEDIATE: a deferred BEGIN that
    // reads and then writes fails at once with "database is locked" when another connection
    // committed in between, ignoring the busy timeout (TOOLCHAIN.md).
    QString beginWrite() const;
    // Starts a read-only transaction, so that several SELECTs see one snapshot.
    QString beginRead() const;

    // Schema text with ${BIGINT}, ${BLOB}, ${SERIAL_PK} (an auto-incrementing integer primary
    // key whose values only grow) replaced by this dialect's types, and ${WITHOUT_ROWID} (after
    // a CREATE TABLE: the table is stored in its primary key's order, with no second copy) by
    // SQLite's clause or nothing.
    QString schema(QString sql) const;

    // A condition that is true when the text expression contains the bound text (no LIKE
    // wildcards, so the user's "%" and "_" match literally).
    QString containsCondition(const QString &expression) const;
    // The 1-based position of needle in haystack (two SQL expressions), 0 when absent.
    QString position(const QString &haystack, const QString &needle) const;

    // Statements around a bulk load (seeding): a large page cache while it runs, the default after.
    QStringList bulkLoadBegin() const;
    QStringList bulkLoadEnd() const;
    // A query listing (name, CREATE statement) of the plain secondary indexes of one table (bound
    // as the only parameter): not primary keys or UNIQUE constraints. A bulk load drops them and
    // builds them again afterwards, which sorts once instead of inserting at random per row.
    QString secondaryIndexesQuery() const;

    // The error is a UNIQUE or PRIMARY KEY violation.
    bool isUniqueViolation(const QSqlError &error) const;

private:
    Kind m_kind;
};

} // namespace sanad::server
