#include "server/service/testclockservice.h"

#include "core/clock.h"
#include "server/auth/authorizer.h"
#include "server/queue/queuerouter.h"
#include "server/service/callintake.h"
#include "server/service/caselifecycle.h"
#include "server/service/servicecontext.h"
#include "server/service/unaryhandler.h"
#include "server/util/protoutil.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

TestClockService::TestClockService(ServiceContext &context, ManualClock &clock)
    : m_context(context)
    , m_clock(clock)
{ }

grpc::ServerUnaryReactor *TestClockService::Advance(grpc::CallbackServerContext *context,
                                                    const v1::testing::AdvanceRequest *request,
                                                    v1::testing::AdvanceResponse *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kAdvanceClock);
        if (!auth.ok())
            return auth.status;
        if (request->milliseconds() < 0)
            return invalidArgument(u"milliseconds is negative: the test clock only moves forward."_s);
        m_clock.advance(request->milliseconds());
        m_context.router.tick();
        CaseLifecycle(m_context.database, m_context.normalizer, m_context.policy).sweep(m_clock.nowMs());
        CallIntake::offerDueCallbacks(m_context);
        setTimestampMs(response->mutable_now(), m_clock.nowMs());
        return grpc::Status::OK;
    });
    return reactor;
}

} // namespace sanad::server
