#include "server/service/supervisorservice.h"

#include "core/clock.h"
#include "core/metrics.h"
#include "server/auth/authorizer.h"
#include "server/service/servicecontext.h"
#include "server/service/unaryhandler.h"
#include "server/storage/caserepository.h"
#include "server/storage/customerrepository.h"
#include "server/storage/lifecyclerepository.h"
#include "server/storage/transaction.h"
#include "server/util/protoutil.h"

#include <QHash>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

// Reads each case and customer once, however many reasons name them.
class FollowUpBuilder
{
public:
    FollowUpBuilder(Database &database, int limit, v1::FollowUpList *list)
        : m_database(database)
        , m_limit(limit)
        , m_list(list)
    { }

    bool full() const { return m_list->items_size() >= m_limit; }

    v1::FollowUpItem *add(v1::FollowUpReason reason, const QString &caseId, qint64 sinceMs, const QString &detail)
    {
        if (full())
            return nullptr;
        const v1::Case *record = caseOf(caseId);
        if (!record)
            return nullptr;
        v1::FollowUpItem *item = m_list->add_items();
        item->set_reason(reason);
        *item->mutable_case_record() = *record;
        item->set_customer_name(toStd(customerName(fromStd(record->customer_id()))));
        if (sinceMs > 0)
            setTimestampMs(item->mutable_since(), sinceMs);
        item->set_detail(toStd(detail.arg(fromStd(record->number()))));
        return item;
    }

    // An item about a customer, not a case (a dissatisfied caller whose contact had no case).
    v1::FollowUpItem *addForCustomer(v1::FollowUpReason reason, const QString &customerId, qint64 sinceMs,
                                     const QString &detail)
    {
        if (full())
            return nullptr;
        const QString name = customerName(customerId);
        v1::FollowUpItem *item = m_list->add_items();
        item->set_reason(reason);
        item->set_customer_name(toStd(name));
        if (sinceMs > 0)
            setTimestampMs(item->mutable_since(), sinceMs);
        item->set_detail(toStd(detail.arg(name)));
        return item;
    }

private:
    const v1::Case *caseOf(const QString &id)
    {
        auto it = m_cases.find(id);
        if (it == m_cases.end()) {
            std::optional<v1::Case> record = CaseRepository(m_database).find(id);
            if (!record)
                return nullptr;
            LifecycleRepository lifecycle(m_database);
            lifecycle.attach(&*record);
            for (const v1::Referral &referral : lifecycle.referralsOfCase(id))
                *record->add_referrals() = referral;
            it = m_cases.insert(id, *record);
        }
        return &*it;
    }
    QString customerName(const QString &id)
    {
        auto it = m_names.find(id);
        if (it == m_names.end()) {
            const std::optional<v1::Customer> customer = CustomerRepository(m_database).find(id);
            it = m_names.insert(id, customer ? fromStd(customer->name()) : QString());
        }
        return *it;
    }

    Database &m_database;
    int m_limit;
    v1::FollowUpList *m_list;
    QHash<QString, v1::Case> m_cases;
    QHash<QString, QString> m_names;
};

} // namespace

SupervisorService::SupervisorService(ServiceContext &context)
    : m_context(context)
{ }

void SupervisorService::computeFollowUpList(ServiceContext &context, int limit, v1::FollowUpList *list)
{
    const qint64 now = context.clock.nowMs();
    Transaction transaction(context.database, Transaction::Mode::Read);
    LifecycleRepository lifecycle(context.database);
    FollowUpBuilder builder(context.database, limit, list);
    setTimestampMs(list->mutable_computed_at(), now);

    for (const QString &caseId : lifecycle.escalatedIncidents()) {
        if (v1::FollowUpItem *item = builder.add(v1::FOLLOW_UP_REASON_ESCALATED_INCIDENT, caseId, 0,
                                                 u"Incident %1 was reported by several callers."_s))
            item->set_count(item->case_record().incident_reports());
    }

    QList<metrics::ReferralFacts> facts;
    QHash<QString, v1::Referral> referrals;
    for (const v1::Referral &r : lifecycle.overdue(now)) {
        facts.append({ fromStd(r.id()), fromStd(r.case_id()), fromStd(r.department()), fromStd(r.owner()),
                       timestampMs(r.due_at()), static_cast<ReferralStatus>(r.status()) });
        referrals.insert(fromStd(r.id()), r);
    }
    for (const metrics::ReferralFacts &r : metrics::overdueReferrals(facts, now)) {
        if (v1::FollowUpItem *item
            = builder.add(v1::FOLLOW_UP_REASON_OVERDUE_REFERRAL, r.caseId, r.dueAtMs,
                          u"The referral of case %1 to "_s + r.department + u" ("_s + r.owner + u") is overdue."_s))
            *item->mutable_referral() = referrals.value(r.referralId);
    }

    const qint64 awaitingLimit = now - context.policy.awaitingConfirmationLimitMs();
    for (const QString &caseId : lifecycle.awaitingSince(awaitingLimit)) {
        if (v1::FollowUpItem *item
            = builder.add(v1::FOLLOW_UP_REASON_AWAITING_CONFIRMATION, caseId, 0,
                          u"Case %1 has awaited the customer's confirmation for more than %2 days."_s.arg(
                              u"%1"_s, QString::number(context.policy.awaitingConfirmationDays))))
            *item->mutable_since() = item->case_record().awaiting_confirmation_since();
    }

    const qint64 weekAgo = now - metrics::kRepeatWindowMs;
    QSet<QString> dissatisfiedSeen; // a case, or a customer whose contact had no case
    for (const LifecycleRepository::WrapUp &w : lifecycle.dissatisfiedSince(weekAgo)) {
        const QString key = w.caseId.isEmpty() ? w.customerId : w.caseId;
        if (key.isEmpty() || dissatisfiedSeen.contains(key)) // a caller not on file: nobody to follow up
            continue;
        dissatisfiedSeen.insert(key);
        if (w.caseId.isEmpty())
            builder.addForCustomer(v1::FOLLOW_UP_REASON_DISSATISFIED_CALLER, w.customerId, w.recordedAtMs,
                                   u"%1 was dissatisfied at the end of a contact that had no case."_s);
        else
            builder.add(v1::FOLLOW_UP_REASON_DISSATISFIED_CALLER, w.caseId, w.recordedAtMs,
                        u"The caller of case %1 was dissatisfied at the end of a contact."_s);
    }

    // No lost callers: a callback given up is the lead's to decide (a message, a visit...).
    for (const v1::CallbackTask &task : lifecycle.gaveUpSince(weekAgo)) {
        const QString caseId = fromStd(task.case_id());
        const QString customerId = fromStd(task.customer_id());
        const QString tried = u" was given up after %1 attempts without reaching %2."_s.arg(
            QString::number(task.attempts()), fromStd(task.phone()));
        v1::FollowUpItem *item = !caseId.isEmpty()
            ? builder.add(v1::FOLLOW_UP_REASON_UNREACHED_CALLBACK, caseId, timestampMs(task.due_at()),
                          u"The callback about case %1"_s + tried)
            : builder.addForCustomer(v1::FOLLOW_UP_REASON_UNREACHED_CALLBACK, customerId, timestampMs(task.due_at()),
                                     u"The callback to %1"_s + tried);
        if (item) {
            *item->mutable_callback() = task;
            item->set_count(task.attempts());
        }
    }

    for (const QString &caseId : lifecycle.casesWithRepeats(weekAgo)) {
        if (v1::FollowUpItem *item = builder.add(v1::FOLLOW_UP_REASON_REPEAT_CALLER, caseId, 0,
                                                 u"The caller of case %1 keeps calling about it."_s))
            item->set_count(item->case_record().repeat_contacts());
    }
}

grpc::ServerUnaryReactor *SupervisorService::GetFollowUpList(grpc::CallbackServerContext *context,
                                                             const v1::GetFollowUpListRequest *request,
                                                             v1::FollowUpList *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kGetFollowUpList);
        if (!auth.ok())
            return auth.status;
        if (request->limit() < 0)
            return invalidArgument(
                u"limit is negative: leave it 0 for %1 items, or ask for at most %2."_s.arg(kDefaultLimit)
                    .arg(kMaxLimit));
        const int limit = request->limit() == 0 ? kDefaultLimit : std::min(request->limit(), kMaxLimit);
        computeFollowUpList(m_context, limit, response);
        return grpc::Status::OK;
    });
    return reactor;
}

} // namespace sanad::server
