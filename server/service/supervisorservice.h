#pragma once

#include "sanad/v1/supervisor.grpc.pb.h"

namespace sanad::server {

class Database;
struct ServiceContext;

// SupervisorService (ROLE_LEAD and ROLE_ADMIN): the lead's follow-up list (docs/cases.md).
class SupervisorService final : public v1::SupervisorService::CallbackService
{
public:
    explicit SupervisorService(ServiceContext &context);

    grpc::ServerUnaryReactor *GetFollowUpList(grpc::CallbackServerContext *context,
                                              const v1::GetFollowUpListRequest *request,
                                              v1::FollowUpList *response) override;

    // The list itself, on the calling (worker) thread; also for the benchmark.
    static void computeFollowUpList(ServiceContext &context, int limit, v1::FollowUpList *list);

    static constexpr int kDefaultLimit = 200;
    static constexpr int kMaxLimit = 1000;

private:
    ServiceContext &m_context;
};

} // namespace sanad::server
