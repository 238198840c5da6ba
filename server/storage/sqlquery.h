#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace sanad::server {

// A prepared statement that throws StorageError instead of returning false, so repositories
// read as straight code. Bind values by position ("?" placeholders, in order); a statement can
// be executed again with new values (bulk writes prepare once).
class SqlQuery
{
public:
    SqlQuery(const QSqlDatabase &database, const QString &sql);

    // Positional binding: the first bind() after exec() starts again at the first placeholder.
    SqlQuery &bind(const QVariant &value);
    // A null QString is written as '' (text columns are NOT NULL); use bindNullable for NULL.
    SqlQuery &bind(const QString &value);
    SqlQuery &bind(qint64 value) { return bind(QVariant(value)); }
    SqlQuery &bind(int value) { return bind(QVariant(value)); }
    SqlQuery &bind(bool value) { return bind(QVariant(value ? 1 : 0)); }
    SqlQuery &bind(const QByteArray &value) { return bind(QVariant(value)); }
    // Binds SQL NULL for an empty text (nullable references such as interactions.case_id).
    SqlQuery &bindNullable(const QString &value);

    void exec();
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QString text(int column) const { return m_query.value(column).toString(); }
    qint64 integer(int column) const { return m_query.value(column).toLongLong(); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    // Releases the statement's read lock; call after reading a single row.
    void finish() { m_query.finish(); }

private:
    QSqlQuery m_query;
    QString m_sql;
    int m_bindIndex = 0;
};

// Runs one statement without parameters (DDL, PRAGMA, BEGIN/COMMIT).
void execSql(const QSqlDatabase &database, const QString &sql);

} // namespace sanad::server
