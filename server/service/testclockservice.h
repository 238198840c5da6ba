#pragma once

#include "sanad/v1/testing.grpc.pb.h"

namespace sanad {
class ManualClock;
}

namespace sanad::server {

struct ServiceContext;

// sanad.v1.testing.TestClockService, registered only with --test-clock: moves the server's
// ManualClock and runs the router's timers before answering, so tests see a re-offer after
// 15 s without sleeping.
class TestClockService final : public v1::testing::TestClockService::CallbackService
{
public:
    TestClockService(ServiceContext &context, ManualClock &clock);

    grpc::ServerUnaryReactor *Advance(grpc::CallbackServerContext *context, const v1::testing::AdvanceRequest *request,
                                      v1::testing::AdvanceResponse *response) override;

private:
    ServiceContext &m_context;
    ManualClock &m_clock;
};

} // namespace sanad::server
