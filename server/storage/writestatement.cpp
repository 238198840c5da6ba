#include "server/storage/writestatement.h"

#include "server/storage/database.h"
#include "server/storage/sqlquery.h"
#include "server/storage/storageerror.h"

#include <QByteArray>
#include <QSqlDriver>
#include <QVariant>

#ifdef SANAD_NATIVE_SQLITE
#include <sqlite3.h>
#endif

namespace sanad::server {

using namespace Qt::StringLiterals;

WriteStatement::WriteStatement(Database &database, const QString &sql)
    : m_sql(sql)
{
    const QSqlDatabase db = database.connection();
#ifdef SANAD_NATIVE_SQLITE
    const QVariant handle = db.driver()->handle();
    if (database.dialect().kind() == Dialect::Kind::Sqlite && handle.isValid()
        && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_handle = *static_cast<sqlite3 *const *>(handle.constData());
#endif
    if (!m_handle) {
        m_query = std::make_unique<SqlQuery>(db, sql);
        return;
    }
#ifdef SANAD_NATIVE_SQLITE
    const QByteArray utf8 = sql.toUtf8();
    check(sqlite3_prepare_v2(m_handle, utf8.constData(), int(utf8.size()), &m_statement, nullptr), "prepare");
#endif
}

#ifdef SANAD_NATIVE_SQLITE

WriteStatement::~WriteStatement()
{
    if (m_statement)
        sqlite3_finalize(m_statement);
}

void WriteStatement::check(int result, const char *what)
{
    if (result == SQLITE_OK || result == SQLITE_DONE || result == SQLITE_ROW)
        return;
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_handle));
    if (m_statement)
        sqlite3_reset(m_statement);
    m_index = 0;
    throw StorageError(u"The database could not %1 a statement (%2): %3"_s.arg(QLatin1StringView(what),
                                                                               m_sql.simplified().left(120), message));
}

WriteStatement &WriteStatement::bind(std::string_view utf8)
{
    if (m_query) {
        m_query->bind(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
        return *this;
    }
    check(sqlite3_bind_text(m_statement, ++m_index, utf8.data(), int(utf8.size()), SQLITE_TRANSIENT), "bind");
    return *this;
}

WriteStatement &WriteStatement::bind(const QString &text)
{
    if (m_query) {
        m_query->bind(text);
        return *this;
    }
    const QByteArray utf8 = text.toUtf8();
    return bind(std::string_view(utf8.constData(), size_t(utf8.size())));
}

WriteStatement &WriteStatement::bindNullable(std::string_view utf8)
{
    if (!utf8.empty())
        return bind(utf8);
    if (m_query) {
        m_query->bindNullable(QString());
        return *this;
    }
    check(sqlite3_bind_null(m_statement, ++m_index), "bind");
    return *this;
}

WriteStatement &WriteStatement::bind(qint64 value)
{
    if (m_query) {
        m_query->bind(value);
        return *this;
    }
    check(sqlite3_bind_int64(m_statement, ++m_index, value), "bind");
    return *this;
}

WriteStatement &WriteStatement::bindBlob(std::string_view bytes)
{
    if (m_query) {
        m_query->bind(QByteArray(bytes.data(), qsizetype(bytes.size())));
        return *this;
    }
    check(sqlite3_bind_blob(m_statement, ++m_index, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT), "bind");
    return *this;
}

int WriteStatement::exec()
{
    if (m_query) {
        m_query->exec();
        return m_query->rowsAffected();
    }
    m_index = 0;
    const int result = sqlite3_step(m_statement);
    check(result, "run");
    const int changed = sqlite3_changes(m_handle);
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return changed;
}

#else // Qt SQL binding only

WriteStatement::~WriteStatement() = default;

void WriteStatement::check(int, const char *)
{ }

WriteStatement &WriteStatement::bind(std::string_view utf8)
{
    m_query->bind(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
    return *this;
}

WriteStatement &WriteStatement::bind(const QString &text)
{
    m_query->bind(text);
    return *this;
}

WriteStatement &WriteStatement::bindNullable(std::string_view utf8)
{
    if (!utf8.empty())
        return bind(utf8);
    m_query->bindNullable(QString());
    return *this;
}

WriteStatement &WriteStatement::bind(qint64 value)
{
    m_query->bind(value);
    return *this;
}

WriteStatement &WriteStatement::bindBlob(std::string_view bytes)
{
    m_query->bind(QByteArray(bytes.data(), qsizetype(bytes.size())));
    return *this;
}

int WriteStatement::exec()
{
    m_query->exec();
    return m_query->rowsAffected();
}

#endif

} // namespace sanad::server
