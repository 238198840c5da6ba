#include "server/service/caselifecycle.h"

#include "core/category.h"
#include "core/repeatcontact.h"
#include "core/phonenumber.h"
#include "server/logcategories.h"
#include "server/service/mutationapplier.h"
#include "server/storage/caserepository.h"
#include "server/storage/customerrepository.h"
#include "server/storage/interactionrepository.h"
#include "server/storage/lifecyclerepository.h"
#include "server/storage/referralrepository.h"
#include "server/storage/syncrepository.h"
#include "server/storage/transaction.h"
#include "server/util/protoutil.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

QString idOrNew(const std::string &id)
{
    const QString given = fromStd(id).trimmed();
    return given.isEmpty() ? newUuid() : given;
}

v1::MutationResult applied(const QString &mutationId, qint64 version, const QString &entityId)
{
    return mutationOutcome(mutationId, v1::MUTATION_OUTCOME_APPLIED, QString(), version, entityId);
}

v1::MutationResult conflict(const QString &mutationId, const v1::Case &record, qint64 baseVersion,
                            const QString &whatAgain)
{
    return mutationOutcome(
        mutationId, v1::MUTATION_OUTCOME_CONFLICT,
        u"Case %1 is at version %2 on the server, but this change was made on version %3: someone changed it "
        "meanwhile. Reload the case, then %4 again."_s.arg(fromStd(record.number()))
            .arg(record.version())
            .arg(baseVersion)
            .arg(whatAgain),
        record.version(), fromStd(record.id()));
}

QString statusWords(v1::CaseStatus status)
{
    return caseStatusName(static_cast<CaseStatus>(status)).replace(u'_', u' ');
}

// The case and its lifecycle fields, or nullopt.
std::optional<v1::Case> findCase(Database &database, const QString &caseId)
{
    if (caseId.isEmpty())
        return std::nullopt;
    std::optional<v1::Case> record = CaseRepository(database).find(caseId);
    if (record)
        LifecycleRepository(database).attach(&*record);
    return record;
}

} // namespace

v1::Priority raisedPriority(v1::Priority priority)
{
    switch (priority) {
    case v1::PRIORITY_UNSPECIFIED:
    case v1::PRIORITY_LOW:
        return v1::PRIORITY_NORMAL;
    case v1::PRIORITY_NORMAL:
        return v1::PRIORITY_HIGH;
    default:
        return v1::PRIORITY_URGENT;
    }
}

CaseLifecycle::CaseLifecycle(Database &database, const PhoneNumberNormalizer &normalizer, const CasePolicy &policy)
    : m_database(database)
    , m_normalizer(normalizer)
    , m_policy(policy)
{ }

v1::MutationResult CaseLifecycle::confirmResolution(const QString &mutationId, const v1::Mutation &mutation,
                                                    qint64 nowMs)
{
    const v1::ConfirmResolution &change = mutation.confirm_resolution();
    const QString caseId = fromStd(change.case_id()).trimmed();
    std::optional<v1::Case> record = findCase(m_database, caseId);
    if (!record)
        return rejectedMutation(mutationId,
                                u"The case \"%1\" does not exist on the server: check the case number."_s.arg(caseId));
    if (mutation.base_version() != record->version())
        return conflict(mutationId, *record, mutation.base_version(), u"record the confirmation"_s);
    if (record->status() != v1::CASE_STATUS_AWAITING_CONFIRMATION)
        return rejectedMutation(
            mutationId,
            u"Case %1 is %2, not awaiting confirmation: a confirmation closes only a case set to awaiting "
            "confirmation; during a contact, resolve it with the customer's confirmation instead."_s
                .arg(fromStd(record->number()), statusWords(record->status())));
    record->set_status(v1::CASE_STATUS_RESOLVED);
    record->set_customer_confirmed(true);
    record->set_version(record->version() + 1);
    setTimestampMs(record->mutable_updated_at(), nowMs);
    setTimestampMs(record->mutable_closed_at(), nowMs);
    CaseRepository(m_database).updateStatus(*record);
    onStatusChanged(&*record, CaseStatus::AwaitingConfirmation, nowMs);
    SyncRepository(m_database).appendChange(mutationId, *record, nowMs);
    return applied(mutationId, record->version(), caseId);
}

v1::MutationResult CaseLifecycle::referCase(const QString &mutationId, const v1::Mutation &mutation, qint64 nowMs)
{
    const v1::ReferCase &change = mutation.refer_case();
    const QString caseId = fromStd(change.case_id()).trimmed();
    std::optional<v1::Case> record = findCase(m_database, caseId);
    if (!record)
        return rejectedMutation(mutationId,
                                u"The case \"%1\" does not exist on the server: push the case before its "
                                "referral."_s.arg(caseId));
    if (mutation.base_version() != record->version())
        return conflict(mutationId, *record, mutation.base_version(), u"refer it"_s);
    const auto from = static_cast<CaseStatus>(record->status());
    if (from != CaseStatus::Referred) {
        if (const std::optional<QString> refusal = transitionRefusal(from, CaseStatus::Referred, false))
            return rejectedMutation(mutationId, *refusal);
    }
    QString department = fromStd(change.department()).simplified();
    if (department.isEmpty()) {
        if (const Category *category = findCategory(fromStd(record->category())))
            department = QString::fromUtf8(category->department);
    }
    if (department.isEmpty())
        return rejectedMutation(mutationId, u"The referral has no department: choose the department to refer to."_s);
    const QString owner = fromStd(change.owner()).simplified();
    if (owner.isEmpty())
        return rejectedMutation(mutationId,
                                u"The referral has no owner: name the person in %1 who answers for it, so the "
                                "caller can be told who has it."_s.arg(department));
    const QString referralId = idOrNew(change.referral_id());
    LifecycleRepository lifecycle(m_database);
    for (const v1::Referral &existing : lifecycle.referralsOfCase(caseId)) {
        if (fromStd(existing.id()) == referralId)
            return rejectedMutation(mutationId,
                                    u"A referral with the id %1 already exists: refer with a new UUID."_s.arg(referralId));
    }

    v1::Referral referral;
    referral.set_id(toStd(referralId));
    referral.set_case_id(toStd(caseId));
    referral.set_department(toStd(department));
    referral.set_owner(toStd(owner));
    referral.set_status(v1::REFERRAL_STATUS_OPEN);
    setTimestampMs(referral.mutable_created_at(), nowMs);
    setTimestampMs(referral.mutable_due_at(),
                   m_policy.referralDueAtMs(fromStd(record->category()), static_cast<Priority>(record->priority()),
                                            nowMs));
    ReferralRepository(m_database).insert(referral);

    record->set_status(v1::CASE_STATUS_REFERRED);
    record->set_version(record->version() + 1);
    setTimestampMs(record->mutable_updated_at(), nowMs);
    record->clear_closed_at();
    record->set_customer_confirmed(false);
    CaseRepository(m_database).updateStatus(*record);
    onStatusChanged(&*record, from, nowMs);
    SyncRepository sync(m_database);
    // The referral is what this mutation made; the case's new status and version follow as the
    // server's own change, so a pulling desktop sees both.
    sync.appendChange(mutationId, referral, nowMs);
    sync.appendChange(QString(), *record, nowMs);
    return applied(mutationId, record->version(), referralId);
}

v1::MutationResult CaseLifecycle::linkToIncident(const QString &mutationId, const v1::Mutation &mutation,
                                                 qint64 nowMs)
{
    const v1::LinkToIncident &change = mutation.link_to_incident();
    const QString caseId = fromStd(change.case_id()).trimmed();
    std::optional<v1::Case> record = findCase(m_database, caseId);
    if (!record)
        return rejectedMutation(mutationId, u"The case \"%1\" does not exist on the server."_s.arg(caseId));
    if (mutation.base_version() != record->version())
        return conflict(mutationId, *record, mutation.base_version(), u"link it"_s);
    const QString parentId = fromStd(change.incident_case_id()).trimmed();
    std::optional<v1::Case> parent = findCase(m_database, parentId);
    if (!parent)
        return rejectedMutation(mutationId,
                                u"The incident's case \"%1\" does not exist on the server: choose the incident "
                                "from the list."_s.arg(parentId));
    if (parentId == caseId)
        return rejectedMutation(mutationId, u"A case cannot be a report of itself: choose another incident."_s);
    if (!parent->incident_id().empty())
        return rejectedMutation(mutationId,
                                u"Case %1 is itself a report of an incident: link to that incident's case "
                                "instead."_s.arg(fromStd(parent->number())));
    if (!isOpenStatus(static_cast<CaseStatus>(parent->status())))
        return rejectedMutation(mutationId,
                                u"The incident %1 is %2: reopen it, or open a new case for a new incident."_s.arg(
                                    fromStd(parent->number()), statusWords(parent->status())));
    if (!record->incident_id().empty())
        return rejectedMutation(mutationId,
                                u"Case %1 is already a report of an incident: it can belong to one only."_s.arg(
                                    fromStd(record->number())));
    if (record->incident_reports() > 1)
        return rejectedMutation(mutationId,
                                u"Case %1 is itself an incident with reports: link the other case to it "
                                "instead."_s.arg(fromStd(record->number())));
    addReport(&*record, &*parent, nowMs);
    record->set_version(record->version() + 1);
    setTimestampMs(record->mutable_updated_at(), nowMs);
    LifecycleRepository(m_database).updatePriority(*record);
    SyncRepository(m_database).appendChange(mutationId, *record, nowMs);
    return applied(mutationId, record->version(), caseId);
}

void CaseLifecycle::addReport(v1::Case *report, v1::Case *parent, qint64 nowMs)
{
    LifecycleRepository lifecycle(m_database);
    report->set_incident_id(parent->id());
    report->set_incident_number(parent->number());
    lifecycle.save(*report);
    // The parent is the first report; each further one raises the priority, and the policy's
    // n-th report escalates the incident to the lead.
    parent->set_incident_reports(std::max(parent->incident_reports(), 1) + 1);
    parent->set_priority(raisedPriority(parent->priority()));
    parent->set_version(parent->version() + 1);
    setTimestampMs(parent->mutable_updated_at(), nowMs);
    if (parent->incident_reports() >= m_policy.incidentEscalateAt)
        parent->set_escalated(true);
    lifecycle.updatePriority(*parent);
    lifecycle.save(*parent);
    SyncRepository(m_database).appendChange(QString(), *parent, nowMs);
    qCInfo(lcService) << "incident" << fromStd(parent->number()) << "has" << parent->incident_reports() << "reports"
                      << (parent->escalated() ? "and is escalated" : "");
}

void CaseLifecycle::onCaseCreated(v1::Case *record, qint64 nowMs)
{
    const QString location = fromStd(record->location());
    if (location.trimmed().isEmpty())
        return;
    LifecycleRepository lifecycle(m_database);
    const QList<v1::Case> candidates = lifecycle.openCasesAt(fromStd(record->category()),
                                                             LifecycleRepository::locationKey(location),
                                                             nowMs - m_policy.incidentWindowMs());
    for (const v1::Case &candidate : candidates) {
        if (candidate.id() == record->id())
            continue;
        std::optional<v1::Case> parent = findCase(m_database, fromStd(candidate.id()));
        if (!parent || !parent->incident_id().empty())
            continue; // a report itself: its parent is among the candidates too
        if (parent->customer_id() == record->customer_id())
            return; // the same caller again: a repeat, not another report
        addReport(record, &*parent, nowMs);
        return;
    }
}

QString CaseLifecycle::onContact(const QString &customerId, const QString &caseId, qint64 atMs)
{
    QList<PastContact> past;
    bool sameCaseBefore = false;
    for (const v1::Interaction &i : InteractionRepository(m_database).forCustomer(customerId)) {
        const qint64 at = timestampMs(i.occurred_at());
        if (i.note() || at >= atMs || at < atMs - kRepeatWindowMs)
            continue;
        past.append({ at, fromStd(i.category()), fromStd(i.case_id()) });
        sameCaseBefore |= !caseId.isEmpty() && fromStd(i.case_id()) == caseId;
    }
    QString repeated = caseId;
    if (caseId.isEmpty()) {
        const RepeatContactSummary summary = summarizeRepeatContacts(past, atMs);
        if (summary.caseId.isEmpty())
            return QString();
        const std::optional<v1::Case> open = CaseRepository(m_database).find(summary.caseId);
        if (!open || !isOpenStatus(static_cast<CaseStatus>(open->status())))
            return QString();
        repeated = summary.caseId;
    } else if (!sameCaseBefore) {
        return caseId;
    }
    std::optional<v1::Case> record = findCase(m_database, repeated);
    if (record) {
        record->set_repeat_contacts(record->repeat_contacts() + 1);
        LifecycleRepository(m_database).save(*record);
    }
    return repeated;
}

void CaseLifecycle::countRepeatCase(const v1::Case &created, qint64 nowMs)
{
    for (const v1::Case &other : CaseRepository(m_database).forCustomer(fromStd(created.customer_id()))) {
        if (other.id() == created.id() || other.category() != created.category()
            || !isOpenStatus(static_cast<CaseStatus>(other.status()))
            || timestampMs(other.updated_at()) < nowMs - kRepeatWindowMs)
            continue;
        std::optional<v1::Case> record = findCase(m_database, fromStd(other.id()));
        record->set_repeat_contacts(record->repeat_contacts() + 1);
        LifecycleRepository(m_database).save(*record);
        return;
    }
}

void CaseLifecycle::onStatusChanged(v1::Case *record, CaseStatus from, qint64 nowMs)
{
    LifecycleRepository lifecycle(m_database);
    const v1::CaseStatus status = record->status();
    const std::string number = record->number();
    lifecycle.attach(record);
    record->set_status(status);
    if (status == v1::CASE_STATUS_AWAITING_CONFIRMATION)
        setTimestampMs(record->mutable_awaiting_confirmation_since(), nowMs);
    else
        record->clear_awaiting_confirmation_since();
    if (status == v1::CASE_STATUS_REOPENED && from != CaseStatus::Reopened)
        record->set_reopen_count(record->reopen_count() + 1);
    lifecycle.save(*record);
}

int CaseLifecycle::sweep(qint64 nowMs)
{
    Transaction transaction(m_database);
    LifecycleRepository lifecycle(m_database);
    int changed = 0;
    for (const v1::Referral &referral : lifecycle.overdueNotRaised(nowMs)) {
        lifecycle.markOverdueRaised(fromStd(referral.id()), nowMs);
        std::optional<v1::Case> record = findCase(m_database, fromStd(referral.case_id()));
        if (!record || !isOpenStatus(static_cast<CaseStatus>(record->status())))
            continue;
        record->set_priority(raisedPriority(record->priority()));
        record->set_version(record->version() + 1);
        setTimestampMs(record->mutable_updated_at(), nowMs);
        lifecycle.updatePriority(*record);
        SyncRepository(m_database).appendChange(QString(), *record, nowMs);
        ++changed;
        qCInfo(lcService) << "referral" << fromStd(referral.id()) << "of case" << fromStd(record->number())
                          << "is overdue: priority raised";
    }
    transaction.commit();
    return changed;
}

v1::MutationResult CaseLifecycle::recordWrapUp(const QString &mutationId, const v1::Mutation &mutation,
                                               const MutationAuthor &author, qint64 nowMs)
{
    const v1::RecordWrapUp &change = mutation.record_wrap_up();
    const QString customerId = fromStd(change.customer_id()).trimmed();
    const QString callId = fromStd(change.call_id()).trimmed();
    // A caller who is not on file (a wrong number, a withheld caller) is wrapped up by the call.
    if (customerId.isEmpty() && callId.isEmpty())
        return rejectedMutation(mutationId, u"A wrap-up needs the customer or the call it wraps up: give customer_id "
                                            "or call_id."_s);
    if (!customerId.isEmpty() && !CustomerRepository(m_database).exists(customerId))
        return rejectedMutation(mutationId,
                                u"The wrap-up's customer \"%1\" does not exist on the server: create the customer "
                                "first."_s.arg(customerId));
    const QString caseId = fromStd(change.case_id()).trimmed();
    std::optional<v1::Case> record;
    if (!caseId.isEmpty()) {
        record = findCase(m_database, caseId);
        if (!record)
            return rejectedMutation(mutationId,
                                    u"The case \"%1\" does not exist on the server: push the case before its "
                                    "wrap-up."_s.arg(caseId));
        if (fromStd(record->customer_id()) != customerId)
            return rejectedMutation(mutationId,
                                    u"Case %1 belongs to another customer: wrap up on one of this customer's "
                                    "cases, or on none."_s.arg(fromStd(record->number())));
    }
    const QString disposition = fromStd(change.disposition()).trimmed();
    if (!m_policy.isDispositionCode(disposition))
        return rejectedMutation(mutationId,
                                u"\"%1\" is not a disposition code: choose one of %2."_s.arg(
                                    disposition, m_policy.dispositionCodes.join(u", "_s)));
    const int mood = change.mood();
    if (mood < v1::CALLER_MOOD_UNSPECIFIED || mood > v1::CALLER_MOOD_DISSATISFIED)
        return rejectedMutation(mutationId,
                                u"The mood is not a known sanad.v1.CallerMood value: choose satisfied, neutral or "
                                "dissatisfied."_s);
    if (change.after_call_work_seconds() < 0 || change.after_call_work_seconds() > 24 * 3600)
        return rejectedMutation(mutationId,
                                u"The after-call work time is %1 seconds: it must be between 0 and a day."_s.arg(
                                    change.after_call_work_seconds()));
    const QString id = idOrNew(change.wrap_up_id());
    LifecycleRepository lifecycle(m_database);
    if (lifecycle.wrapUpExists(id))
        return rejectedMutation(mutationId, u"A wrap-up with the id %1 already exists: use a new UUID."_s.arg(id));
    const QString notes = fromStd(change.notes()).trimmed();
    lifecycle.insertWrapUp({ id, customerId, caseId, callId, author.userId, disposition, notes, mood,
                             change.after_call_work_seconds(), nowMs });
    if (customerId.isEmpty()) { // no history to add it to: the feed carries the wrap-up itself
        v1::RecordWrapUp recorded = change;
        recorded.set_wrap_up_id(toStd(id));
        SyncRepository(m_database).appendChange(mutationId, recorded, nowMs);
        return applied(mutationId, 1, id);
    }

    // The wrap-up reaches the case's history (and the feed) as a note.
    v1::Interaction note;
    note.set_id(toStd(id));
    note.set_customer_id(toStd(customerId));
    setTimestampMs(note.mutable_occurred_at(), nowMs);
    note.set_agent_name(toStd(author.displayName));
    note.set_summary(toStd(notes.isEmpty() ? u"[%1]"_s.arg(disposition) : u"[%1] %2"_s.arg(disposition, notes)));
    note.set_note(true);
    if (record) {
        note.set_case_id(record->id());
        note.set_category(record->category());
    }
    InteractionRepository(m_database).insert(note);
    if (record)
        note.set_case_number(record->number());
    SyncRepository(m_database).appendChange(mutationId, note, nowMs);
    return applied(mutationId, record ? record->version() : 1, id);
}

v1::MutationResult CaseLifecycle::scheduleCallback(const QString &mutationId, const v1::Mutation &mutation,
                                                   qint64 nowMs)
{
    const v1::ScheduleCallback &change = mutation.schedule_callback();
    const QString customerId = fromStd(change.customer_id()).trimmed();
    CustomerRepository customers(m_database);
    const std::optional<v1::Customer> customer = customerId.isEmpty() ? std::nullopt : customers.find(customerId);
    if (!customer)
        return rejectedMutation(mutationId,
                                u"The callback's customer \"%1\" does not exist on the server: create the customer "
                                "first."_s.arg(customerId));
    QString phone;
    const QString input = fromStd(change.phone());
    if (input.trimmed().isEmpty()) {
        if (customer->phones_size() == 0)
            return rejectedMutation(mutationId, u"The customer has no phone number on file: enter the number to call."_s);
        phone = fromStd(customer->phones(0));
    } else {
        const PhoneNumber number = m_normalizer.parseForStorage(input);
        if (!number.ok())
            return rejectedMutation(mutationId, number.message(input));
        phone = number.e164;
    }
    const QString caseId = fromStd(change.case_id()).trimmed();
    if (!caseId.isEmpty()) {
        const std::optional<v1::Case> record = CaseRepository(m_database).find(caseId);
        if (!record || fromStd(record->customer_id()) != customerId)
            return rejectedMutation(mutationId,
                                    u"The case \"%1\" is not one of this customer's cases: choose one of theirs, or "
                                    "none."_s.arg(caseId));
    }
    const QString id = idOrNew(change.callback_id());
    LifecycleRepository lifecycle(m_database);
    if (lifecycle.findCallback(id))
        return rejectedMutation(mutationId, u"A callback with the id %1 already exists: use a new UUID."_s.arg(id));
    const QString reason = fromStd(change.reason()).simplified();
    if (reason.isEmpty())
        return rejectedMutation(mutationId,
                                u"The callback has no reason: say why the customer is to be called, so the agent "
                                "who calls knows."_s);
    const QString queue = fromStd(change.queue()).trimmed();
    v1::CallbackTask task;
    task.set_id(toStd(id));
    task.set_customer_id(toStd(customerId));
    task.set_case_id(toStd(caseId));
    task.set_phone(toStd(phone));
    task.set_queue(toStd(queue.isEmpty() ? u"general"_s : queue));
    task.set_reason(toStd(reason));
    setTimestampMs(task.mutable_created_at(), nowMs);
    setTimestampMs(task.mutable_due_at(), change.has_due_at() ? timestampMs(change.due_at()) : nowMs);
    task.set_status(v1::CALLBACK_STATUS_OPEN);
    task.set_version(1);
    lifecycle.insertCallback(task);
    SyncRepository(m_database).appendChange(mutationId, task, nowMs);
    return applied(mutationId, 1, id);
}

v1::MutationResult CaseLifecycle::recordCallbackAttempt(const QString &mutationId, const v1::Mutation &mutation,
                                                        qint64 nowMs)
{
    const v1::RecordCallbackAttempt &change = mutation.record_callback_attempt();
    const QString id = fromStd(change.callback_id()).trimmed();
    LifecycleRepository lifecycle(m_database);
    std::optional<v1::CallbackTask> task = id.isEmpty() ? std::nullopt : lifecycle.findCallback(id);
    if (!task)
        return rejectedMutation(mutationId, u"The callback \"%1\" does not exist on the server."_s.arg(id));
    if (mutation.base_version() != task->version())
        return mutationOutcome(mutationId, v1::MUTATION_OUTCOME_CONFLICT,
                               u"The callback is at version %1 on the server, but this attempt was recorded on "
                               "version %2: another agent recorded one meanwhile. Reload it before calling "
                               "again."_s.arg(task->version())
                                   .arg(mutation.base_version()),
                               task->version(), id);
    if (task->status() != v1::CALLBACK_STATUS_OPEN)
        return rejectedMutation(mutationId,
                                task->status() == v1::CALLBACK_STATUS_REACHED
                                    ? u"The customer of this callback was already reached: nothing more to do."_s
                                    : u"This callback was given up: schedule a new one to try again."_s);
    if (change.reached() && change.give_up())
        return rejectedMutation(mutationId, u"An attempt either reached the customer or gave up, not both."_s);
    task->set_attempts(task->attempts() + 1);
    task->set_outcome(toStd(fromStd(change.outcome()).simplified()));
    if (change.reached())
        task->set_status(v1::CALLBACK_STATUS_REACHED);
    else if (change.give_up() || task->attempts() >= m_policy.callbackMaxAttempts)
        task->set_status(v1::CALLBACK_STATUS_GAVE_UP); // the policy's last attempt
    else
        setTimestampMs(task->mutable_due_at(), nowMs + m_policy.callbackRetryMs()); // rings again then
    task->set_version(task->version() + 1);
    lifecycle.updateCallback(*task);
    SyncRepository(m_database).appendChange(mutationId, *task, nowMs);
    return applied(mutationId, task->version(), id);
}

void CaseLifecycle::abandonedCall(const QString &callId, const QString &callerE164, const QString &queue,
                                  qint64 nowMs)
{
    if (callerE164.isEmpty())
        return; // withheld: nobody to call back
    v1::CallbackTask task;
    task.set_id(toStd(newUuid()));
    task.set_customer_id(toStd(CustomerRepository(m_database).idByPhone(callerE164)));
    task.set_phone(toStd(callerE164));
    task.set_queue(toStd(queue));
    task.set_reason(toStd(u"abandoned"_s)); // the desktop words the reason from abandoned_call_id
    task.set_abandoned_call_id(toStd(callId));
    setTimestampMs(task.mutable_created_at(), nowMs);
    setTimestampMs(task.mutable_due_at(), nowMs + m_policy.callbackDelayMs()); // many ring again themselves first
    task.set_status(v1::CALLBACK_STATUS_OPEN);
    task.set_version(1);
    LifecycleRepository(m_database).insertCallback(task);
    SyncRepository(m_database).appendChange(QString(), task, nowMs);
}

QStringList CaseLifecycle::callerGotThrough(const QString &callerE164, qint64 nowMs)
{
    QStringList closed;
    if (callerE164.isEmpty())
        return closed;
    LifecycleRepository lifecycle(m_database);
    for (v1::CallbackTask &task : lifecycle.openAbandonCallbacks(callerE164)) {
        task.set_status(v1::CALLBACK_STATUS_REACHED);
        task.set_outcome("called again and was answered");
        task.set_version(task.version() + 1);
        lifecycle.updateCallback(task);
        SyncRepository(m_database).appendChange(QString(), task, nowMs);
        closed.append(fromStd(task.id()));
    }
    return closed;
}

} // namespace sanad::server
