#include "server/storage/transaction.h"

#include "server/logcategories.h"
#include "server/storage/database.h"
#include "server/storage/sqlquery.h"
#include "server/storage/storageerror.h"

#include <QSqlError>
#include <QSqlQuery>

namespace sanad::server {

using namespace Qt::StringLiterals;

Transaction::Transaction(Database &database, Mode mode)
    : m_connection(database.connection())
{
    execSql(m_connection, mode == Mode::Write ? database.dialect().beginWrite() : database.dialect().beginRead());
    m_open = true;
}

Transaction::~Transaction()
{
    if (m_open)
        rollback();
}

void Transaction::commit()
{
    if (!m_open)
        return;
    QSqlQuery query(m_connection);
    if (!query.exec(u"COMMIT"_s)) {
        const QString why = query.lastError().text();
        rollback();
        throw StorageError(u"The database could not commit a transaction: %1"_s.arg(why));
    }
    m_open = false;
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    QSqlQuery query(m_connection);
    if (!query.exec(u"ROLLBACK"_s))
        qCWarning(lcStorage) << "rollback failed:" << query.lastError().text();
}

} // namespace sanad::server
