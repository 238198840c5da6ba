#include "server/service/caseservice.h"

#include "core/arabictext.h"
#include "core/category.h"
#include "core/clock.h"
#include "core/phonenumber.h"
#include "server/auth/authorizer.h"
#include "server/queue/queuerouter.h"
#include "server/service/callercontextbuilder.h"
#include "server/service/customersearch.h"
#include "server/service/servicecontext.h"
#include "server/service/unaryhandler.h"
#include "server/storage/auditrepository.h"
#include "server/storage/caserepository.h"
#include "server/storage/customerrepository.h"
#include "server/storage/lifecyclerepository.h"
#include "server/storage/transaction.h"
#include "server/util/protoutil.h"

#include <QSet>

#include <algorithm>

namespace sanad::server {

using namespace Qt::StringLiterals;

CaseService::CaseService(ServiceContext &context)
    : m_context(context)
{ }

grpc::ServerUnaryReactor *CaseService::LookupCaller(grpc::CallbackServerContext *context,
                                                    const v1::LookupCallerRequest *request, v1::CallerContext *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kLookupCaller);
        if (!auth.ok())
            return auth.status;
        const QString input = fromStd(request->phone_number());
        const PhoneNumber number = m_context.normalizer.parse(input);
        if (!number.ok())
            return invalidArgument(number.message(input));
        response->set_normalized_number(toStd(number.e164));
        response->set_number_valid(number.valid);
        const QString customerId = CustomerRepository(m_context.database).idByPhone(number.e164);
        if (customerId.isEmpty()) {
            response->set_known(false); // a number not on file is an answer, not an error
            return grpc::Status::OK;
        }
        const qint64 now = m_context.clock.nowMs();
        // The contact of the call now ringing (recorded once accepted) is not an earlier contact.
        const qint64 contactsBefore
            = std::min(now + 1, m_context.router.activeCallEnqueuedAt(number.e164).value_or(now + 1));
        if (!CallerContextBuilder(m_context.database).build(customerId, contactsBefore, response)) {
            response->Clear();
            response->set_normalized_number(toStd(number.e164));
            response->set_number_valid(number.valid);
            return grpc::Status::OK;
        }
        AuditRepository(m_context.database).record(now, auth.user.id, u"lookup_caller"_s, customerId);
        return grpc::Status::OK;
    });
    return reactor;
}

grpc::ServerUnaryReactor *CaseService::SearchCustomers(grpc::CallbackServerContext *context,
                                                       const v1::SearchCustomersRequest *request,
                                                       v1::SearchCustomersResponse *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kSearchCustomers);
        if (!auth.ok())
            return auth.status;
        const QString query = fromStd(request->query());
        if (PhoneNumberNormalizer::foldDigitsAndMarks(query).simplified().isEmpty())
            return invalidArgument(u"The search is empty: type a name, a phone number, a national id or a case "
                                   "number."_s);
        if (query.size() > kMaxQueryLength)
            return invalidArgument(
                u"The search is %1 characters long: type at most %2, such as a name or a number."_s.arg(query.size())
                    .arg(kMaxQueryLength));
        int limit = request->limit();
        if (limit < 0)
            return invalidArgument(
                u"limit is negative: leave it 0 for %1 results, or ask for at most %2."_s.arg(kDefaultSearchLimit)
                    .arg(kMaxSearchLimit));
        limit = limit == 0 ? kDefaultSearchLimit : std::min(limit, kMaxSearchLimit);

        Transaction snapshot(m_context.database, Transaction::Mode::Read);
        const QList<CustomerSearch::Result> results
            = CustomerSearch(m_context.database, m_context.normalizer).run(query, limit);
        QStringList ids;
        for (const CustomerSearch::Result &result : results)
            ids.append(result.customerId);
        QList<v1::Customer> found = CustomerRepository(m_context.database).findMany(ids);
        snapshot.commit();
        // findMany skips ids that vanished, so results and customers are paired by id.
        qsizetype next = 0;
        for (const CustomerSearch::Result &result : results) {
            if (next >= found.size() || fromStd(found[next].id()) != result.customerId)
                continue;
            *response->add_customers() = std::move(found[next++]);
            v1::SearchMatch *match = response->add_matches();
            match->set_kind(static_cast<v1::SearchMatchKind>(result.match));
            match->set_case_number(toStd(result.caseNumber));
        }
        return grpc::Status::OK;
    });
    return reactor;
}

grpc::ServerUnaryReactor *CaseService::GetCustomerContext(grpc::CallbackServerContext *context,
                                                          const v1::GetCustomerContextRequest *request,
                                                          v1::CallerContext *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kGetCustomerContext);
        if (!auth.ok())
            return auth.status;
        const QString customerId = fromStd(request->customer_id()).trimmed();
        if (customerId.isEmpty())
            return invalidArgument(u"customer_id is empty: send the id of a customer from a search result."_s);
        const qint64 now = m_context.clock.nowMs();
        if (!CallerContextBuilder(m_context.database).build(customerId, now + 1, response)) {
            response->Clear();
            return notFound(
                u"No customer has the id \"%1\": search again; the customer may have been removed."_s.arg(customerId));
        }
        if (response->customer().phones_size() > 0) {
            const QString primary = fromStd(response->customer().phones(0));
            response->set_normalized_number(toStd(primary));
            response->set_number_valid(m_context.normalizer.parse(primary).valid);
        }
        AuditRepository(m_context.database).record(now, auth.user.id, u"open_customer"_s, customerId);
        return grpc::Status::OK;
    });
    return reactor;
}

grpc::ServerUnaryReactor *CaseService::GetWorkPolicy(grpc::CallbackServerContext *context,
                                                     const v1::GetWorkPolicyRequest *, v1::WorkPolicy *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kGetWorkPolicy);
        if (!auth.ok())
            return auth.status;
        const CasePolicy &policy = m_context.policy;
        for (const QString &code : policy.dispositionCodes) {
            const CasePolicy::Label label = policy.dispositionLabel(code);
            v1::DispositionCode *entry = response->add_disposition_codes();
            entry->set_code(toStd(code));
            entry->set_label_ar(toStd(label.arabic));
            entry->set_label_en(toStd(label.english));
        }
        response->set_wrap_up_required_by_default(policy.wrapUpRequiredByDefault);
        QStringList queues = policy.wrapUpRequiredByQueue.keys();
        queues.sort();
        for (const QString &queue : queues) {
            v1::QueueWrapUp *entry = response->add_queues();
            entry->set_queue(toStd(queue));
            entry->set_required(policy.wrapUpRequiredByQueue.value(queue));
        }
        return grpc::Status::OK;
    });
    return reactor;
}

grpc::ServerUnaryReactor *CaseService::ListIncidents(grpc::CallbackServerContext *context,
                                                     const v1::ListIncidentsRequest *request,
                                                     v1::ListIncidentsResponse *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kListIncidents);
        if (!auth.ok())
            return auth.status;
        const QString category = fromStd(request->category()).trimmed();
        if (category.isEmpty())
            return invalidArgument(u"category is empty: send the category key of the case to link, such as "
                                   "\"water.supply_cut\"."_s);
        if (!findCategory(category))
            return invalidArgument(
                u"\"%1\" is not a case category: send the category key of the case to link."_s.arg(category));
        const QString location = fromStd(request->location());
        if (location.size() > kMaxQueryLength)
            return invalidArgument(u"The location is %1 characters long: send at most %2, a few words of the "
                                   "place."_s.arg(location.size())
                                       .arg(kMaxQueryLength));
        int limit = request->limit();
        if (limit < 0)
            return invalidArgument(
                u"limit is negative: leave it 0 for %1 cases, or ask for at most %2."_s.arg(kDefaultSearchLimit)
                    .arg(kMaxSearchLimit));
        limit = limit == 0 ? kDefaultSearchLimit : std::min(limit, kMaxSearchLimit);
        // A place matches when it shares a word with the filter, folded as the incident rule folds.
        const QStringList wanted = keyTokens(LifecycleRepository::locationKey(location));
        const auto placeMatches = [&wanted](const QString &place) {
            if (wanted.isEmpty())
                return true;
            const QStringList words = keyTokens(LifecycleRepository::locationKey(place));
            return std::any_of(wanted.begin(), wanted.end(), [&words](const QString &w) { return words.contains(w); });
        };

        Transaction snapshot(m_context.database, Transaction::Mode::Read);
        const qint64 now = m_context.clock.nowMs();
        CaseRepository cases(m_context.database);
        LifecycleRepository lifecycle(m_context.database);
        const QString caseId = fromStd(request->case_id()).trimmed();
        QString customerId;
        // A case the server does not have yet (still in the desktop's outbox) leaves out itself only.
        if (const std::optional<v1::Case> own = caseId.isEmpty() ? std::nullopt : cases.find(caseId))
            customerId = fromStd(own->customer_id());
        for (const QString &id : lifecycle.incidentCandidates(category, now - m_context.policy.incidentWindowMs())) {
            if (response->incidents_size() >= limit)
                break;
            std::optional<v1::Case> record = cases.find(id);
            if (!record || id == caseId)
                continue;
            lifecycle.attach(&*record);
            const bool incident = record->incident_reports() > 1;
            // A lone case of the same caller is a repeat, not another report; an incident is
            // offered to anyone.
            if (!incident && !customerId.isEmpty() && fromStd(record->customer_id()) == customerId)
                continue;
            if (!placeMatches(fromStd(record->location())))
                continue;
            v1::IncidentCandidate *candidate = response->add_incidents();
            candidate->set_case_id(record->id());
            candidate->set_number(record->number());
            candidate->set_category(record->category());
            candidate->set_location(record->location());
            candidate->set_reports(std::max(record->incident_reports(), 1));
            candidate->set_priority(record->priority());
            candidate->set_status(record->status());
            *candidate->mutable_opened_at() = record->opened_at();
            candidate->set_summary(record->summary());
            candidate->set_incident(incident);
        }
        snapshot.commit();
        return grpc::Status::OK;
    });
    return reactor;
}

} // namespace sanad::server
