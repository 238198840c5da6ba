#pragma once

#include "sanad/v1/script.pb.h"
#include "sanad/v1/sync.pb.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace sanad::server {

class Database;

// One stored script run, as analytics read it.
struct ScriptRunRow
{
    QString id;
    QString customerId;
    QString outcome;
    bool customerConfirmed = false;
    QStringList path;
    qint64 endedAtMs = 0;
};

// scripts (published versions), script_runs and identity_codes (docs/scripts.md).
class ScriptRepository
{
public:
    explicit ScriptRepository(Database &database);

    // The next version of the script id: 1 for a new one.
    int nextVersion(const QString &scriptId);
    void insert(const v1::ScriptDocument &document);
    // version 0: the current (highest) version.
    std::optional<v1::ScriptDocument> find(const QString &scriptId, int version);
    // The current version of every script, by id.
    QList<v1::ScriptDocument> current(bool withBodies);

    void insertRun(const QString &runId, const QString &customerId, const QString &userId,
                   const v1::RecordScriptRun &run, const QString &fieldsJson, qint64 startedAtMs, qint64 endedAtMs);
    QList<ScriptRunRow> runs(const QString &scriptId, int version);
    // The first contact of the customer after the given time that is not the run's own
    // interaction (any channel); 0 when none.
    qint64 nextContactAfter(const QString &customerId, qint64 afterMs, const QString &exceptInteractionId);

    // Identity codes: one live code per customer; a new one replaces the old.
    void storeCode(const QString &customerId, const QString &codeHash, qint64 expiresAtMs, int attempts);
    struct StoredCode
    {
        QString codeHash;
        qint64 expiresAtMs = 0;
        int attemptsLeft = 0;
    };
    std::optional<StoredCode> code(const QString &customerId);
    void setAttemptsLeft(const QString &customerId, int attempts);
    void removeCode(const QString &customerId);
    void recordVerification(const QString &customerId, const QString &method, qint64 atMs, const QString &agentName);

private:
    QSqlDatabase m_db;
};

} // namespace sanad::server
