#include "server/service/caseservice.h"

#include "core/clock.h"
#include "core/phonenumber.h"
#include "server/auth/authorizer.h"
#include "server/queue/queuerouter.h"
#include "server/service/callercontextbuilder.h"
#include "server/service/customersearch.h"
#include "server/service/servicecontext.h"
#include "server/service/unaryhandler.h"
#include "server/storage/auditrepository.h"
#include "server/storage/customerrepository.h"
#include "server/storage/transaction.h"
#include "server/util/protoutil.h"

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

} // namespace sanad::server
