#pragma once

#include "sanad/v1/cti.grpc.pb.h"

namespace sanad::server {

class CallIntake;
struct ServiceContext;

// CtiService.ReportCallEvent, for telephony systems (CTI) and administrators.
class CtiService final : public v1::CtiService::CallbackService
{
public:
    CtiService(ServiceContext &context, CallIntake &intake);

    grpc::ServerUnaryReactor *ReportCallEvent(grpc::CallbackServerContext *context, const v1::CallEvent *request,
                                              v1::CallEventAck *response) override;

private:
    ServiceContext &m_context;
    CallIntake &m_intake;
};

} // namespace sanad::server
