#pragma once

#include <QSqlDatabase>
#include <QString>

namespace sanad::server {

class Database;

// audit_log: who viewed which customer's record, and when (ARCHITECTURE.md, Security).
class AuditRepository
{
public:
    explicit AuditRepository(Database &database);

    // action: "lookup_caller", "open_customer", ...
    void record(qint64 atMs, const QString &userId, const QString &action, const QString &customerId);
    int countFor(const QString &customerId);

private:
    QSqlDatabase m_db;
};

} // namespace sanad::server
