#pragma once

#include "sanad/v1/common.pb.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <optional>

namespace sanad::server {

class Database;

// What the case lifecycle keeps beside a case (docs/cases.md): incident links and report counts,
// escalation, since when it awaits the customer's confirmation, reopens and repeat contacts
// (table case_lifecycle, one row per case once any of it is set); wrap-ups; callback tasks;
// referral escalation marks. Reads run inside the caller's transaction.
class LifecycleRepository
{
public:
    explicit LifecycleRepository(Database &database);

    // Fills the Case's lifecycle fields (16–21) from case_lifecycle, and incident_number (50).
    void attach(v1::Case *record);
    // Writes the Case's lifecycle fields (16–21).
    void save(const v1::Case &record);
    // Writes priority, version and updated_at of a case (the lifecycle's own changes).
    void updatePriority(const v1::Case &record);

    // Open cases of this category and location opened at or after sinceMs, oldest first; the
    // incident rule looks for a parent among them.
    QList<v1::Case> openCasesAt(const QString &category, const QString &locationKey, qint64 sinceMs);

    // Ids of the cases of this category a case could be linked to as a report: open incident
    // parents (with reports, not reports themselves), and other open cases that are no report,
    // opened at or after sinceMs. Newest first.
    QStringList incidentCandidates(const QString &category, qint64 sinceMs);

    QList<v1::Referral> referralsOfCase(const QString &caseId);
    // Referrals past due, not done or cancelled, and not yet raised (priority) for being overdue.
    QList<v1::Referral> overdueNotRaised(qint64 nowMs);
    void markOverdueRaised(const QString &referralId, qint64 nowMs);
    // Every referral past due and neither done nor cancelled.
    QList<v1::Referral> overdue(qint64 nowMs);

    // Cases awaiting confirmation since before the time given.
    QStringList awaitingSince(qint64 beforeMs);
    QStringList escalatedIncidents();
    QStringList casesWithRepeats(qint64 sinceMs);

    struct WrapUp
    {
        QString id, customerId, caseId, callId, userId, disposition, notes;
        int mood = 0;
        int afterCallWorkSeconds = 0;
        qint64 recordedAtMs = 0;
    };
    bool wrapUpExists(const QString &id);
    void insertWrapUp(const WrapUp &wrapUp);
    // Wrap-ups with the caller dissatisfied since the time given, newest first.
    QList<WrapUp> dissatisfiedSince(qint64 sinceMs);

    std::optional<v1::CallbackTask> findCallback(const QString &id);
    void insertCallback(const v1::CallbackTask &task);
    // Status, attempts, outcome, due time and version.
    void updateCallback(const v1::CallbackTask &task);
    // Open callback tasks due at nowMs or before, in every queue, the oldest due first.
    QList<v1::CallbackTask> dueCallbacks(qint64 nowMs);
    // Callback tasks given up (not reached) whose last attempt fell due at sinceMs or later, oldest first.
    QList<v1::CallbackTask> gaveUpSince(qint64 sinceMs);
    // Open callback tasks the server made for abandoned calls from this E.164 number.
    QList<v1::CallbackTask> openAbandonCallbacks(const QString &phone);

    // The caller's E.164 number and the queue of an offered call, when it was offered.
    std::optional<std::pair<QString, QString>> offeredCall(const QString &callId);

    // "Al-Khuwair, street 5" and "al khuwair street 5" are the same place for the incident rule.
    static QString locationKey(const QString &location);

private:
    // Callback tasks matching an SQL condition with ? placeholders, the oldest due first.
    QList<v1::CallbackTask> callbacksWhere(const QString &condition, const QVariantList &values);

    Database &m_database;
    QSqlDatabase m_db;
};

} // namespace sanad::server
