#pragma once

#include "core/enums.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace sanad::server {

class Database;

struct CallEventRecord
{
    QString callId;
    CallEventKind kind = CallEventKind::Unspecified;
    qint64 occurredAtMs = 0;
    QString callerE164; // empty when withheld or unreadable
    QString callerRaw; // as the PBX sent it
    QString dialed;
    QString queue;
    QString agentId;
};

// call_events (the telephony system's reports), agent_events (presence history) and queues.
class CallRepository
{
public:
    explicit CallRepository(Database &database);

    // false when this (call_id, kind) was reported before: nothing is written. This is what
    // makes ReportCallEvent idempotent.
    bool insertEvent(const CallEventRecord &event);
    void insertAgentEvent(const QString &userId, AgentState state, qint64 atMs, const QString &reason);
    // Names of the queues, sorted.
    QStringList queues();

private:
    QSqlDatabase m_db;
};

} // namespace sanad::server
