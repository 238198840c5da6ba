#include "server/service/ctiservice.h"

#include "server/auth/authorizer.h"
#include "server/service/callintake.h"
#include "server/service/servicecontext.h"
#include "server/service/unaryhandler.h"
#include "server/util/protoutil.h"

namespace sanad::server {

CtiService::CtiService(ServiceContext &context, CallIntake &intake)
    : m_context(context)
    , m_intake(intake)
{ }

grpc::ServerUnaryReactor *CtiService::ReportCallEvent(grpc::CallbackServerContext *context,
                                                      const v1::CallEvent *request, v1::CallEventAck *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kReportCallEvent);
        if (!auth.ok())
            return auth.status;
        CallReport report;
        report.callId = fromStd(request->call_id());
        report.kind = static_cast<CallEventKind>(request->kind());
        report.callerNumber = fromStd(request->caller_number());
        report.dialedNumber = fromStd(request->dialed_number());
        report.queue = fromStd(request->queue());
        report.channel = static_cast<Channel>(request->channel());
        report.occurredAtMs = request->has_occurred_at() ? timestampMs(request->occurred_at()) : 0;
        bool accepted = false;
        const grpc::Status status = m_intake.report(report, &accepted);
        response->set_accepted(accepted);
        return status;
    });
    return reactor;
}

} // namespace sanad::server
