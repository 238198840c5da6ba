#include "server/storage/auditrepository.h"

#include "server/storage/database.h"
#include "server/storage/sqlquery.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

AuditRepository::AuditRepository(Database &database)
    : m_db(database.connection())
{ }

void AuditRepository::record(qint64 atMs, const QString &userId, const QString &action, const QString &customerId)
{
    SqlQuery query(m_db, u"INSERT INTO audit_log (at, user_id, action, customer_id) VALUES (?, ?, ?, ?)"_s);
    query.bind(atMs).bind(userId).bind(action).bind(customerId).exec();
}

int AuditRepository::countFor(const QString &customerId)
{
    SqlQuery query(m_db, u"SELECT COUNT(*) FROM audit_log WHERE customer_id = ?"_s);
    query.bind(customerId).exec();
    const int n = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return n;
}

} // namespace sanad::server
