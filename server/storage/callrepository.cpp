#include "server/storage/callrepository.h"

#include "server/storage/database.h"
#include "server/storage/sqlquery.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

CallRepository::CallRepository(Database &database)
    : m_db(database.connection())
{ }

bool CallRepository::insertEvent(const CallEventRecord &event)
{
    SqlQuery query(m_db,
                   u"INSERT INTO call_events (call_id, kind, occurred_at, caller_e164, caller_raw, dialed, "
                   "queue, agent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s);
    query.bind(event.callId)
        .bind(static_cast<int>(event.kind))
        .bind(event.occurredAtMs)
        .bind(event.callerE164)
        .bind(event.callerRaw)
        .bind(event.dialed)
        .bind(event.queue)
        .bind(event.agentId)
        .exec();
    return query.rowsAffected() == 1;
}

void CallRepository::insertAgentEvent(const QString &userId, AgentState state, qint64 atMs, const QString &reason)
{
    SqlQuery query(m_db, u"INSERT INTO agent_events (user_id, state, at, reason) VALUES (?, ?, ?, ?)"_s);
    query.bind(userId).bind(static_cast<int>(state)).bind(atMs).bind(reason).exec();
}

QStringList CallRepository::queues()
{
    SqlQuery query(m_db, u"SELECT name FROM queues ORDER BY name"_s);
    query.exec();
    QStringList names;
    while (query.next())
        names.append(query.text(0));
    return names;
}

} // namespace sanad::server
