#include "server/storage/lifecyclerepository.h"

#include "core/arabictext.h"
#include "server/storage/database.h"
#include "server/storage/referralrepository.h"
#include "server/storage/sqlquery.h"
#include "server/util/protoutil.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

QList<v1::Referral> readReferrals(SqlQuery &query)
{
    QList<v1::Referral> list;
    while (query.next())
        list.append(ReferralRepository::fromRow(query));
    return list;
}

QStringList readIds(SqlQuery &query)
{
    QStringList ids;
    while (query.next())
        ids.append(query.text(0));
    return ids;
}

const QString kCallbackColumns = u"id, customer_id, case_id, phone, queue, reason, created_at, due_at, status, "
                                 "attempts, outcome, abandoned_call_id, version"_s;

v1::CallbackTask readCallback(const SqlQuery &query)
{
    v1::CallbackTask task;
    task.set_id(toStd(query.text(0)));
    task.set_customer_id(toStd(query.text(1)));
    task.set_case_id(toStd(query.text(2)));
    task.set_phone(toStd(query.text(3)));
    task.set_queue(toStd(query.text(4)));
    task.set_reason(toStd(query.text(5)));
    setTimestampMs(task.mutable_created_at(), query.integer(6));
    setTimestampMs(task.mutable_due_at(), query.integer(7));
    task.set_status(static_cast<v1::CallbackStatus>(query.value(8).toInt()));
    task.set_attempts(query.value(9).toInt());
    task.set_outcome(toStd(query.text(10)));
    task.set_abandoned_call_id(toStd(query.text(11)));
    task.set_version(query.integer(12));
    return task;
}

constexpr int kReferralDone = 3;
constexpr int kReferralCancelled = 4;
constexpr int kStatusAwaiting = 8;

} // namespace

LifecycleRepository::LifecycleRepository(Database &database)
    : m_database(database)
    , m_db(database.connection())
{ }

QString LifecycleRepository::locationKey(const QString &location)
{
    return searchKey(location);
}

void LifecycleRepository::attach(v1::Case *record)
{
    SqlQuery query(m_db,
                   u"SELECT incident_id, incident_reports, escalated_at, awaiting_since, reopen_count, "
                   "repeat_contacts FROM case_lifecycle WHERE case_id = ?"_s);
    query.bind(fromStd(record->id())).exec();
    if (!query.next())
        return;
    record->set_incident_id(toStd(query.text(0)));
    record->set_incident_reports(query.value(1).toInt());
    record->set_escalated(query.integer(2) > 0);
    if (query.integer(3) > 0)
        setTimestampMs(record->mutable_awaiting_confirmation_since(), query.integer(3));
    else
        record->clear_awaiting_confirmation_since();
    record->set_reopen_count(query.value(4).toInt());
    record->set_repeat_contacts(query.value(5).toInt());
    query.finish();
    if (record->incident_id().empty())
        return;
    SqlQuery parent(m_db, u"SELECT number FROM cases WHERE id = ?"_s);
    parent.bind(fromStd(record->incident_id())).exec();
    if (parent.next())
        record->set_incident_number(toStd(parent.text(0)));
    parent.finish();
}

void LifecycleRepository::save(const v1::Case &record)
{
    SqlQuery query(m_db,
                   u"INSERT INTO case_lifecycle (case_id, incident_id, incident_reports, escalated_at, "
                   "awaiting_since, reopen_count, repeat_contacts) VALUES (?, ?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT (case_id) DO UPDATE SET incident_id = excluded.incident_id, "
                   "incident_reports = excluded.incident_reports, "
                   "escalated_at = CASE WHEN excluded.escalated_at = 0 THEN 0 WHEN case_lifecycle.escalated_at > 0 "
                   "THEN case_lifecycle.escalated_at ELSE excluded.escalated_at END, "
                   "awaiting_since = excluded.awaiting_since, reopen_count = excluded.reopen_count, "
                   "repeat_contacts = excluded.repeat_contacts"_s);
    query.bind(fromStd(record.id()))
        .bind(fromStd(record.incident_id()))
        .bind(int(record.incident_reports()))
        .bind(record.escalated() ? timestampMs(record.updated_at()) : qint64(0))
        .bind(record.has_awaiting_confirmation_since() ? timestampMs(record.awaiting_confirmation_since()) : qint64(0))
        .bind(int(record.reopen_count()))
        .bind(int(record.repeat_contacts()))
        .exec();
}

void LifecycleRepository::updatePriority(const v1::Case &record)
{
    SqlQuery query(m_db, u"UPDATE cases SET priority = ?, version = ?, updated_at = ? WHERE id = ?"_s);
    query.bind(int(record.priority()))
        .bind(qint64(record.version()))
        .bind(timestampMs(record.updated_at()))
        .bind(fromStd(record.id()))
        .exec();
}

QList<v1::Case> LifecycleRepository::openCasesAt(const QString &category, const QString &locationKey, qint64 sinceMs)
{
    // Few cases share a category within the window, so the location is compared here, folded.
    SqlQuery query(m_db,
                   u"SELECT id, customer_id, location FROM cases WHERE category = ? AND opened_at >= ? "
                   "AND status NOT IN (5, 6) ORDER BY opened_at, id"_s);
    query.bind(category).bind(sinceMs).exec();
    QList<v1::Case> list;
    while (query.next()) {
        if (LifecycleRepository::locationKey(query.text(2)) != locationKey)
            continue;
        v1::Case record;
        record.set_id(toStd(query.text(0)));
        record.set_customer_id(toStd(query.text(1)));
        list.append(record);
    }
    return list;
}

QStringList LifecycleRepository::incidentCandidates(const QString &category, qint64 sinceMs)
{
    SqlQuery query(m_db,
                   u"SELECT c.id FROM cases c LEFT JOIN case_lifecycle l ON l.case_id = c.id "
                   "WHERE c.category = ? AND c.status NOT IN (5, 6) AND COALESCE(l.incident_id, '') = '' "
                   "AND (COALESCE(l.incident_reports, 0) > 1 OR c.opened_at >= ?) "
                   "ORDER BY c.opened_at DESC, c.id DESC"_s);
    query.bind(category).bind(sinceMs).exec();
    return readIds(query);
}

QList<v1::Referral> LifecycleRepository::referralsOfCase(const QString &caseId)
{
    SqlQuery query(m_db,
                   u"SELECT "_s + ReferralRepository::columns()
                       + u" FROM referrals WHERE case_id = ? ORDER BY created_at DESC, id DESC"_s);
    query.bind(caseId).exec();
    return readReferrals(query);
}

QList<v1::Referral> LifecycleRepository::overdueNotRaised(qint64 nowMs)
{
    SqlQuery query(m_db,
                   u"SELECT "_s + ReferralRepository::columns()
                       + u" FROM referrals WHERE due_at > 0 AND due_at < ? AND status NOT IN (?, ?) "
                         "AND overdue_raised_at = 0 ORDER BY due_at, id"_s);
    query.bind(nowMs).bind(kReferralDone).bind(kReferralCancelled).exec();
    return readReferrals(query);
}

void LifecycleRepository::markOverdueRaised(const QString &referralId, qint64 nowMs)
{
    SqlQuery query(m_db, u"UPDATE referrals SET overdue_raised_at = ? WHERE id = ?"_s);
    query.bind(nowMs).bind(referralId).exec();
}

QList<v1::Referral> LifecycleRepository::overdue(qint64 nowMs)
{
    SqlQuery query(m_db,
                   u"SELECT "_s + ReferralRepository::columns()
                       + u" FROM referrals WHERE due_at > 0 AND due_at < ? AND status NOT IN (?, ?) "
                         "ORDER BY due_at, id"_s);
    query.bind(nowMs).bind(kReferralDone).bind(kReferralCancelled).exec();
    return readReferrals(query);
}

QStringList LifecycleRepository::awaitingSince(qint64 beforeMs)
{
    SqlQuery query(m_db,
                   u"SELECT l.case_id FROM case_lifecycle l JOIN cases c ON c.id = l.case_id WHERE c.status = ? "
                   "AND l.awaiting_since > 0 AND l.awaiting_since < ? ORDER BY l.awaiting_since, l.case_id"_s);
    query.bind(kStatusAwaiting).bind(beforeMs).exec();
    return readIds(query);
}

QStringList LifecycleRepository::escalatedIncidents()
{
    SqlQuery query(m_db,
                   u"SELECT l.case_id FROM case_lifecycle l JOIN cases c ON c.id = l.case_id WHERE "
                   "l.escalated_at > 0 AND c.status NOT IN (5, 6) ORDER BY l.escalated_at, l.case_id"_s);
    query.exec();
    return readIds(query);
}

QStringList LifecycleRepository::casesWithRepeats(qint64 sinceMs)
{
    SqlQuery query(m_db,
                   u"SELECT l.case_id FROM case_lifecycle l JOIN cases c ON c.id = l.case_id WHERE "
                   "l.repeat_contacts > 0 AND c.updated_at >= ? AND c.status NOT IN (5, 6) "
                   "ORDER BY l.repeat_contacts DESC, l.case_id"_s);
    query.bind(sinceMs).exec();
    return readIds(query);
}

bool LifecycleRepository::wrapUpExists(const QString &id)
{
    SqlQuery query(m_db, u"SELECT 1 FROM wrap_ups WHERE id = ?"_s);
    query.bind(id).exec();
    const bool found = query.next();
    query.finish();
    return found;
}

void LifecycleRepository::insertWrapUp(const WrapUp &w)
{
    SqlQuery query(m_db,
                   u"INSERT INTO wrap_ups (id, customer_id, case_id, call_id, user_id, disposition, notes, mood, "
                   "acw_seconds, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.bind(w.id)
        .bind(w.customerId)
        .bind(w.caseId)
        .bind(w.callId)
        .bind(w.userId)
        .bind(w.disposition)
        .bind(w.notes)
        .bind(w.mood)
        .bind(w.afterCallWorkSeconds)
        .bind(w.recordedAtMs)
        .exec();
}

QList<LifecycleRepository::WrapUp> LifecycleRepository::dissatisfiedSince(qint64 sinceMs)
{
    SqlQuery query(m_db,
                   u"SELECT id, customer_id, case_id, call_id, user_id, disposition, notes, mood, acw_seconds, "
                   "recorded_at FROM wrap_ups WHERE mood = ? AND recorded_at >= ? ORDER BY recorded_at DESC, id"_s);
    query.bind(int(v1::CALLER_MOOD_DISSATISFIED)).bind(sinceMs).exec();
    QList<WrapUp> list;
    while (query.next()) {
        list.append({ query.text(0), query.text(1), query.text(2), query.text(3), query.text(4), query.text(5),
                      query.text(6), query.value(7).toInt(), query.value(8).toInt(), query.integer(9) });
    }
    return list;
}

std::optional<v1::CallbackTask> LifecycleRepository::findCallback(const QString &id)
{
    SqlQuery query(m_db, u"SELECT "_s + kCallbackColumns + u" FROM callback_tasks WHERE id = ?"_s);
    query.bind(id).exec();
    if (!query.next())
        return std::nullopt;
    v1::CallbackTask task = readCallback(query);
    query.finish();
    return task;
}

void LifecycleRepository::insertCallback(const v1::CallbackTask &t)
{
    SqlQuery query(m_db,
                   u"INSERT INTO callback_tasks ("_s + kCallbackColumns
                       + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.bind(fromStd(t.id()))
        .bind(fromStd(t.customer_id()))
        .bind(fromStd(t.case_id()))
        .bind(fromStd(t.phone()))
        .bind(fromStd(t.queue()))
        .bind(fromStd(t.reason()))
        .bind(timestampMs(t.created_at()))
        .bind(timestampMs(t.due_at()))
        .bind(int(t.status()))
        .bind(int(t.attempts()))
        .bind(fromStd(t.outcome()))
        .bind(fromStd(t.abandoned_call_id()))
        .bind(qint64(t.version()))
        .exec();
}

void LifecycleRepository::updateCallback(const v1::CallbackTask &t)
{
    SqlQuery query(m_db,
                   u"UPDATE callback_tasks SET status = ?, attempts = ?, outcome = ?, due_at = ?, version = ? "
                   "WHERE id = ?"_s);
    query.bind(int(t.status()))
        .bind(int(t.attempts()))
        .bind(fromStd(t.outcome()))
        .bind(timestampMs(t.due_at()))
        .bind(qint64(t.version()))
        .bind(fromStd(t.id()))
        .exec();
}

QList<v1::CallbackTask> LifecycleRepository::callbacksWhere(const QString &condition, const QVariantList &values)
{
    SqlQuery query(m_db,
                   u"SELECT "_s + kCallbackColumns + u" FROM callback_tasks WHERE "_s + condition
                       + u" ORDER BY due_at, id"_s);
    for (const QVariant &value : values)
        query.bind(value);
    query.exec();
    QList<v1::CallbackTask> list;
    while (query.next())
        list.append(readCallback(query));
    return list;
}

QList<v1::CallbackTask> LifecycleRepository::dueCallbacks(qint64 nowMs)
{
    return callbacksWhere(u"status = ? AND due_at <= ?"_s, { int(v1::CALLBACK_STATUS_OPEN), nowMs });
}

QList<v1::CallbackTask> LifecycleRepository::gaveUpSince(qint64 sinceMs)
{
    return callbacksWhere(u"status = ? AND due_at >= ?"_s, { int(v1::CALLBACK_STATUS_GAVE_UP), sinceMs });
}

QList<v1::CallbackTask> LifecycleRepository::openAbandonCallbacks(const QString &phone)
{
    return callbacksWhere(u"status = ? AND phone = ? AND abandoned_call_id <> ''"_s,
                          { int(v1::CALLBACK_STATUS_OPEN), phone });
}

std::optional<std::pair<QString, QString>> LifecycleRepository::offeredCall(const QString &callId)
{
    SqlQuery query(m_db, u"SELECT caller_e164, queue FROM call_events WHERE call_id = ? AND kind = 1"_s);
    query.bind(callId).exec();
    if (!query.next())
        return std::nullopt;
    std::pair<QString, QString> call { query.text(0), query.text(1) };
    query.finish();
    return call;
}

} // namespace sanad::server
