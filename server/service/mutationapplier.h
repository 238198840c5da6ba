#pragma once

#include "core/casepolicy.h"
#include "sanad/v1/sync.pb.h"

#include <QList>
#include <QString>

namespace sanad {
class Clock;
class PhoneNumberNormalizer;
} // namespace sanad

namespace sanad::server {

class Database;

// Who pushed a mutation: recorded with its outcome, and the agent name on notes and contacts.
struct MutationAuthor
{
    QString userId;
    QString displayName;
};

// One mutation's result; the lifecycle handlers (caselifecycle.h) build theirs with these too.
v1::MutationResult mutationOutcome(const QString &mutationId, v1::MutationOutcome kind,
                                   const QString &detail = QString(), qint64 newVersion = 0,
                                   const QString &entityId = QString());
v1::MutationResult rejectedMutation(const QString &mutationId, const QString &detail);

// Applies pushed mutations (SyncService.Push) exactly once. applyBatch applies a whole push in ONE
// write transaction (one fsync per push, not per mutation); apply runs inside the caller's
// transaction and never opens its own. Per mutation:
// - a mutation_id seen before answers MUTATION_OUTCOME_DUPLICATE with the first result's detail,
//   new_version and entity_id, and changes nothing;
// - every outcome is recorded in `mutations`; only APPLIED appends one row to `changes`,
//   carrying the mutation id and the entity after the change;
// - a missing mutation_id or payload is REJECTED for that mutation alone.
// Runs on a worker thread; throws StorageError when the database fails (the batch's transaction
// is rolled back whole, so a retry of the batch applies each mutation once).
class MutationApplier
{
public:
    MutationApplier(Database &database, const PhoneNumberNormalizer &normalizer, const Clock &clock,
                    const CasePolicy &policy = CasePolicy::defaults());

    // Inside the caller's transaction (or autocommit when there is none, as in unit tests).
    v1::MutationResult apply(const v1::Mutation &mutation, const MutationAuthor &author);
    // One transaction for all; results in the same order. Throws StorageError (nothing kept).
    QList<v1::MutationResult> applyBatch(const google::protobuf::RepeatedPtrField<v1::Mutation> &mutations,
                                         const MutationAuthor &author);

    static constexpr int kMaxNameLength = 200;

private:
    v1::MutationResult createCustomer(const QString &mutationId, const v1::CreateCustomer &change, qint64 nowMs);
    v1::MutationResult createCase(const QString &mutationId, const v1::CreateCase &change, qint64 nowMs);
    v1::MutationResult addNote(const QString &mutationId, const v1::AddNote &change, const MutationAuthor &author,
                               qint64 nowMs);
    v1::MutationResult changeCaseStatus(const QString &mutationId, qint64 baseVersion,
                                        const v1::ChangeCaseStatus &change, qint64 nowMs);
    v1::MutationResult addInteraction(const QString &mutationId, const v1::AddInteraction &change,
                                      const MutationAuthor &author, qint64 nowMs);

    Database &m_database;
    const PhoneNumberNormalizer &m_normalizer;
    const Clock &m_clock;
    CasePolicy m_policy;
};

} // namespace sanad::server
