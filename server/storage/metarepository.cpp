#include "server/storage/metarepository.h"

#include "server/storage/database.h"
#include "server/storage/sqlquery.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

MetaRepository::MetaRepository(Database &database)
    : m_db(database.connection())
{ }

QString MetaRepository::value(const QString &key)
{
    SqlQuery query(m_db, u"SELECT value FROM meta WHERE key = ?"_s);
    query.bind(key).exec();
    const QString result = query.next() ? query.text(0) : QString();
    query.finish();
    return result;
}

void MetaRepository::setValue(const QString &key, const QString &value)
{
    SqlQuery query(m_db,
                   u"INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                   "value = excluded.value"_s);
    query.bind(key).bind(value).exec();
}

} // namespace sanad::server
