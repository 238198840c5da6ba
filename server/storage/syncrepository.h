#pragma once

#include "sanad/v1/common.pb.h"
#include "sanad/v1/sync.pb.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace sanad::server {

class Database;
class WriteStatement;

struct MutationRecord
{
    QString mutationId;
    QString userId;
    int outcome = 0; // sanad.v1.MutationOutcome
    QString detail;
    qint64 newVersion = 0;
    QString entityId;
    qint64 appliedAtMs = 0;
};

struct ChangeRecord
{
    qint64 sequence = 0;
    QString mutationId; // empty for changes the server made itself
    QString entityType; // "customer", "case", "interaction", "referral", "callback_task"
    QString entityId;
    QByteArray payload; // the serialized sanad.v1 entity after the change
    qint64 changedAtMs = 0;
};

// mutations (the outcome of every pushed mutation, so a retry gets the first answer) and
// changes (the feed desktops pull: one row per applied change, sequence only grows).
class SyncRepository
{
public:
    explicit SyncRepository(Database &database);
    ~SyncRepository();

    std::optional<MutationRecord> findMutation(const QString &mutationId);
    // false when the mutation id is already recorded (nothing is written).
    bool recordMutation(const MutationRecord &record);

    // Appends one change with the entity as it is now. Reuses its prepared statement.
    void appendChange(const QString &mutationId, const v1::Customer &customer, qint64 changedAtMs);
    void appendChange(const QString &mutationId, const v1::Case &record, qint64 changedAtMs);
    void appendChange(const QString &mutationId, const v1::Interaction &interaction, qint64 changedAtMs);
    void appendChange(const QString &mutationId, const v1::Referral &referral, qint64 changedAtMs);
    void appendChange(const QString &mutationId, const v1::CallbackTask &task, qint64 changedAtMs);
    void appendChange(const QString &mutationId, const v1::RecordWrapUp &wrapUp, qint64 changedAtMs);

    // Changes with sequence > afterSequence, in sequence order, at most limit of them.
    QList<ChangeRecord> changesAfter(qint64 afterSequence, int limit);
    qint64 lastSequence();
    // The change with this sequence, without its payload; nullopt when there is none.
    std::optional<ChangeRecord> changeAt(qint64 sequence);
    // What identifies a change beyond its sequence (docs/sync.md, the pull cursor): after a restore
    // the same sequence holds another change, with another fingerprint.
    static QByteArray fingerprint(const ChangeRecord &change);
    // Changes that carry this mutation id (tests and diagnostics).
    int countChangesOf(const QString &mutationId);

private:
    void append(const QString &mutationId, const QString &type, const std::string &entityId,
                const google::protobuf::MessageLite &entity, qint64 changedAtMs);

    Database &m_database;
    QSqlDatabase m_db;
    std::unique_ptr<WriteStatement> m_append;
    std::string m_buffer;
};

} // namespace sanad::server
