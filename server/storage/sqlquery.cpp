#include "server/storage/sqlquery.h"

#include "server/storage/storageerror.h"

#include <QSqlError>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

QString failure(const QString &what, const QString &sql, const QSqlError &error)
{
    // The statement text and the driver's message (tables, constraints), never bound values.
    return u"The database could not %1 a statement (%2): %3"_s.arg(what, sql.simplified().left(120), error.text());
}

} // namespace

SqlQuery::SqlQuery(const QSqlDatabase &database, const QString &sql)
    : m_query(database)
    , m_sql(sql)
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql))
        throw StorageError(failure(u"prepare"_s, sql, m_query.lastError()));
}

SqlQuery &SqlQuery::bind(const QVariant &value)
{
    m_query.bindValue(m_bindIndex++, value);
    return *this;
}

SqlQuery &SqlQuery::bind(const QString &value)
{
    static const QString empty = QStringLiteral("");
    return bind(QVariant(value.isNull() ? empty : value));
}

SqlQuery &SqlQuery::bindNullable(const QString &value)
{
    return bind(value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value));
}

void SqlQuery::exec()
{
    m_bindIndex = 0;
    if (!m_query.exec())
        throw StorageError(failure(u"run"_s, m_sql, m_query.lastError()));
}

void execSql(const QSqlDatabase &database, const QString &sql)
{
    QSqlQuery query(database);
    if (!query.exec(sql))
        throw StorageError(failure(u"run"_s, sql, query.lastError()));
}

} // namespace sanad::server
