#pragma once

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace sanad::server {

class Database;
class SqlQuery;

// A prepared INSERT/UPDATE (no result rows) for the write paths that run per row in bulk:
// seeding, imports, the changes feed. On SQLite it binds through the connection's native
// handle, because Qt's QSqlResult::bindValue costs about half a microsecond per value (a third
// of a 1,000,000-row seed) and Qt would convert every UTF-8 protobuf string to UTF-16 and back;
// other drivers bind through Qt SQL. It uses the calling thread's Qt SQL connection, so it
// takes part in that thread's Transaction. Bind values in placeholder order, then exec().
class WriteStatement
{
public:
    WriteStatement(Database &database, const QString &sql);
    ~WriteStatement();
    WriteStatement(const WriteStatement &) = delete;
    WriteStatement &operator=(const WriteStatement &) = delete;

    WriteStatement &bind(std::string_view utf8);
    WriteStatement &bind(const char *utf8) { return bind(std::string_view(utf8)); }
    WriteStatement &bind(const std::string &utf8) { return bind(std::string_view(utf8)); }
    WriteStatement &bind(const QString &text);
    // SQL NULL for an empty text (nullable references such as interactions.case_id).
    WriteStatement &bindNullable(std::string_view utf8);
    WriteStatement &bind(qint64 value);
    WriteStatement &bind(int value) { return bind(qint64(value)); }
    WriteStatement &bind(bool value) { return bind(qint64(value ? 1 : 0)); }
    WriteStatement &bindBlob(std::string_view bytes);

    // Runs the statement and returns the number of rows it changed; throws StorageError.
    int exec();

private:
    void check(int result, const char *what);

    QString m_sql;
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    std::unique_ptr<SqlQuery> m_query; // drivers other than SQLite
    int m_index = 0;
};

} // namespace sanad::server
