#pragma once

#include "sanad/v1/case.grpc.pb.h"

namespace sanad::server {

struct ServiceContext;

// CaseService: the screen-pop (LookupCaller), search, and a customer's context by id. Every
// view of a customer's record is written to the audit log. Also what the desktop's case work
// needs from the server: the work policy (GetWorkPolicy) and incidents to link a case to
// (ListIncidents).
class CaseService final : public v1::CaseService::CallbackService
{
public:
    explicit CaseService(ServiceContext &context);

    grpc::ServerUnaryReactor *LookupCaller(grpc::CallbackServerContext *context, const v1::LookupCallerRequest *request,
                                           v1::CallerContext *response) override;
    grpc::ServerUnaryReactor *SearchCustomers(grpc::CallbackServerContext *context,
                                              const v1::SearchCustomersRequest *request,
                                              v1::SearchCustomersResponse *response) override;
    grpc::ServerUnaryReactor *GetCustomerContext(grpc::CallbackServerContext *context,
                                                 const v1::GetCustomerContextRequest *request,
                                                 v1::CallerContext *response) override;
    grpc::ServerUnaryReactor *GetWorkPolicy(grpc::CallbackServerContext *context, const v1::GetWorkPolicyRequest *request,
                                            v1::WorkPolicy *response) override;
    grpc::ServerUnaryReactor *ListIncidents(grpc::CallbackServerContext *context,
                                            const v1::ListIncidentsRequest *request,
                                            v1::ListIncidentsResponse *response) override;

    static constexpr int kDefaultSearchLimit = 20;
    static constexpr int kMaxSearchLimit = 100;
    static constexpr int kMaxQueryLength = 200;

private:
    ServiceContext &m_context;
};

} // namespace sanad::server
