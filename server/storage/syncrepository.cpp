#include "server/storage/syncrepository.h"

#include "server/storage/database.h"
#include "server/storage/sqlquery.h"
#include "server/storage/writestatement.h"
#include "server/util/protoutil.h"

#include <QCryptographicHash>

namespace sanad::server {

using namespace Qt::StringLiterals;

SyncRepository::SyncRepository(Database &database)
    : m_database(database)
    , m_db(database.connection())
{ }

SyncRepository::~SyncRepository() = default;

std::optional<MutationRecord> SyncRepository::findMutation(const QString &mutationId)
{
    SqlQuery query(m_db,
                   u"SELECT user_id, outcome, detail, new_version, entity_id, applied_at FROM mutations "
                   "WHERE mutation_id = ?"_s);
    query.bind(mutationId).exec();
    if (!query.next())
        return std::nullopt;
    MutationRecord record;
    record.mutationId = mutationId;
    record.userId = query.text(0);
    record.outcome = query.value(1).toInt();
    record.detail = query.text(2);
    record.newVersion = query.integer(3);
    record.entityId = query.text(4);
    record.appliedAtMs = query.integer(5);
    query.finish();
    return record;
}

bool SyncRepository::recordMutation(const MutationRecord &record)
{
    SqlQuery query(m_db,
                   u"INSERT INTO mutations (mutation_id, user_id, outcome, detail, new_version, entity_id, "
                   "applied_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s);
    query.bind(record.mutationId)
        .bind(record.userId)
        .bind(record.outcome)
        .bind(record.detail)
        .bind(record.newVersion)
        .bind(record.entityId)
        .bind(record.appliedAtMs)
        .exec();
    return query.rowsAffected() == 1;
}

void SyncRepository::append(const QString &mutationId, const QString &type, const std::string &entityId,
                            const google::protobuf::MessageLite &entity, qint64 changedAtMs)
{
    if (!m_append)
        m_append = std::make_unique<WriteStatement>(m_database,
                                                    u"INSERT INTO changes (mutation_id, entity_type, "
                                                    "entity_id, payload, changed_at) "
                                                    "VALUES (?, ?, ?, ?, ?)"_s);
    m_buffer.clear();
    entity.SerializeToString(&m_buffer);
    m_append->bind(mutationId).bind(type).bind(entityId).bindBlob(m_buffer).bind(changedAtMs).exec();
}

void SyncRepository::appendChange(const QString &mutationId, const v1::Customer &customer, qint64 changedAtMs)
{
    append(mutationId, u"customer"_s, customer.id(), customer, changedAtMs);
}

void SyncRepository::appendChange(const QString &mutationId, const v1::Case &record, qint64 changedAtMs)
{
    if (record.interactions_size() > 0 || record.referrals_size() > 0) {
        v1::Case bare = record; // the feed carries cases without their interactions and referrals
        bare.clear_interactions();
        bare.clear_referrals();
        append(mutationId, u"case"_s, bare.id(), bare, changedAtMs);
        return;
    }
    append(mutationId, u"case"_s, record.id(), record, changedAtMs);
}

void SyncRepository::appendChange(const QString &mutationId, const v1::Interaction &interaction, qint64 changedAtMs)
{
    append(mutationId, u"interaction"_s, interaction.id(), interaction, changedAtMs);
}

void SyncRepository::appendChange(const QString &mutationId, const v1::Referral &referral, qint64 changedAtMs)
{
    append(mutationId, u"referral"_s, referral.id(), referral, changedAtMs);
}

void SyncRepository::appendChange(const QString &mutationId, const v1::CallbackTask &task, qint64 changedAtMs)
{
    append(mutationId, u"callback_task"_s, task.id(), task, changedAtMs);
}

void SyncRepository::appendChange(const QString &mutationId, const v1::RecordWrapUp &wrapUp, qint64 changedAtMs)
{
    append(mutationId, u"wrap_up"_s, wrapUp.wrap_up_id(), wrapUp, changedAtMs);
}

QList<ChangeRecord> SyncRepository::changesAfter(qint64 afterSequence, int limit)
{
    SqlQuery query(m_db,
                   u"SELECT sequence, mutation_id, entity_type, entity_id, payload, changed_at FROM changes "
                   "WHERE sequence > ? ORDER BY sequence LIMIT ?"_s);
    query.bind(afterSequence).bind(limit).exec();
    QList<ChangeRecord> list;
    while (query.next()) {
        ChangeRecord change;
        change.sequence = query.integer(0);
        change.mutationId = query.text(1);
        change.entityType = query.text(2);
        change.entityId = query.text(3);
        change.payload = query.value(4).toByteArray();
        change.changedAtMs = query.integer(5);
        list.append(std::move(change));
    }
    return list;
}

qint64 SyncRepository::lastSequence()
{
    SqlQuery query(m_db, u"SELECT COALESCE(MAX(sequence), 0) FROM changes"_s);
    query.exec();
    const qint64 n = query.next() ? query.integer(0) : 0;
    query.finish();
    return n;
}

std::optional<ChangeRecord> SyncRepository::changeAt(qint64 sequence)
{
    SqlQuery query(m_db, u"SELECT mutation_id, entity_type, entity_id, changed_at FROM changes WHERE sequence = ?"_s);
    query.bind(sequence).exec();
    if (!query.next())
        return std::nullopt;
    ChangeRecord change;
    change.sequence = sequence;
    change.mutationId = query.text(0);
    change.entityType = query.text(1);
    change.entityId = query.text(2);
    change.changedAtMs = query.integer(3);
    query.finish();
    return change;
}

QByteArray SyncRepository::fingerprint(const ChangeRecord &change)
{
    const QByteArray identity = QByteArray::number(change.sequence) + '|' + change.entityType.toUtf8() + '|'
        + change.entityId.toUtf8() + '|' + change.mutationId.toUtf8() + '|' + QByteArray::number(change.changedAtMs);
    return QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex().left(16);
}

int SyncRepository::countChangesOf(const QString &mutationId)
{
    SqlQuery query(m_db, u"SELECT COUNT(*) FROM changes WHERE mutation_id = ?"_s);
    query.bind(mutationId).exec();
    const int n = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return n;
}

} // namespace sanad::server
