#pragma once

#include <QSqlDatabase>
#include <QString>

namespace sanad::server {

class Database;

// meta: facts about the database itself (server_epoch, region, the demo's featured numbers).
class MetaRepository
{
public:
    explicit MetaRepository(Database &database);

    // Empty when the key is not set.
    QString value(const QString &key);
    void setValue(const QString &key, const QString &value);

    QString serverEpoch() { return value(QStringLiteral("server_epoch")); }

private:
    QSqlDatabase m_db;
};

} // namespace sanad::server
