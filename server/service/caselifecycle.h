#pragma once

#include "core/casepolicy.h"
#include "core/casestatus.h"
#include "sanad/v1/sync.pb.h"

#include <QString>

namespace sanad {
class PhoneNumberNormalizer;
}

namespace sanad::server {

class Database;
struct MutationAuthor;

// The case lifecycle's mutations and rules (docs/cases.md). The handlers run inside the
// transaction the caller (MutationApplier::apply) opened and open none of their own; each
// applied mutation appends exactly one change carrying its mutation id. Changes the rules make
// to other cases (an incident's parent, a case whose referral is made) are appended as the
// server's own changes, with an empty mutation id.
class CaseLifecycle
{
public:
    CaseLifecycle(Database &database, const PhoneNumberNormalizer &normalizer, const CasePolicy &policy);

    v1::MutationResult confirmResolution(const QString &mutationId, const v1::Mutation &mutation, qint64 nowMs);
    v1::MutationResult referCase(const QString &mutationId, const v1::Mutation &mutation, qint64 nowMs);
    v1::MutationResult linkToIncident(const QString &mutationId, const v1::Mutation &mutation, qint64 nowMs);
    v1::MutationResult recordWrapUp(const QString &mutationId, const v1::Mutation &mutation,
                                    const MutationAuthor &author, qint64 nowMs);
    v1::MutationResult scheduleCallback(const QString &mutationId, const v1::Mutation &mutation, qint64 nowMs);
    v1::MutationResult recordCallbackAttempt(const QString &mutationId, const v1::Mutation &mutation, qint64 nowMs);

    // A new case (already inserted): a report of an incident when another caller reported the
    // same category at the same location within the policy's window. Fills its lifecycle fields.
    void onCaseCreated(v1::Case *record, qint64 nowMs);
    // A contact about to be recorded at atMs: when the customer had a contact on the same case in
    // the 7 days before, or (for a contact without a case) on one of their open cases, it is a
    // repeat contact, counted on that case. Returns the case the contact belongs to (the one
    // given, the open case it repeats, or none).
    QString onContact(const QString &customerId, const QString &caseId, qint64 atMs);
    // A new case (already inserted) from a customer who has another open case of the same
    // category touched within the 7 days before: counted as a repeat on that case.
    void countRepeatCase(const v1::Case &record, qint64 nowMs);
    // A status change (already written): since when it awaits confirmation, reopen count.
    void onStatusChanged(v1::Case *record, CaseStatus from, qint64 nowMs);

    // The timed rules, for the server's clock: every referral that became overdue raises its
    // case's priority one step, once. Opens its own transaction (it is not a mutation).
    // Returns how many cases it changed.
    int sweep(qint64 nowMs);

    // A callback task for a call abandoned in the queue from a presented number (no-op for a
    // withheld one). Inside the caller's transaction.
    void abandonedCall(const QString &callId, const QString &callerE164, const QString &queue, qint64 nowMs);
    // The caller got through by calling again (an agent took the call): the server's callback
    // tasks for abandoned calls from this number are closed as reached (nobody is left to call
    // back; counted as recovered). Inside the caller's transaction. Returns the tasks closed.
    QStringList callerGotThrough(const QString &callerE164, qint64 nowMs);

private:
    // Links `report` to `parent` (an incident's parent case): its reports, priority and escalation.
    void addReport(v1::Case *report, v1::Case *parent, qint64 nowMs);

    Database &m_database;
    const PhoneNumberNormalizer &m_normalizer;
    const CasePolicy &m_policy;
};

// One step up, urgent stays urgent.
v1::Priority raisedPriority(v1::Priority priority);

} // namespace sanad::server
