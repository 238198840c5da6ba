#pragma once

#include "sanad/v1/script.grpc.pb.h"

#include <QtGlobal>

namespace sanad {
class OneTimeCodeSender;
}

namespace sanad::server {

struct ServiceContext;

// ScriptService (docs/scripts.md): publishing and reading guided scripts, their analytics, and
// identity one-time codes. Codes are generated and checked here and delivered by the pluggable
// sender (the development sender writes them to the --code-log file); a code never reaches the
// agent's desktop. Without a sender, SendIdentityCode answers FAILED_PRECONDITION.
class ScriptService final : public v1::ScriptService::CallbackService
{
public:
    ScriptService(ServiceContext &context, OneTimeCodeSender *codeSender);

    grpc::ServerUnaryReactor *PublishScript(grpc::CallbackServerContext *context,
                                            const v1::PublishScriptRequest *request,
                                            v1::PublishScriptResponse *response) override;
    grpc::ServerUnaryReactor *ListScripts(grpc::CallbackServerContext *context, const v1::ListScriptsRequest *request,
                                          v1::ListScriptsResponse *response) override;
    grpc::ServerUnaryReactor *GetScript(grpc::CallbackServerContext *context, const v1::GetScriptRequest *request,
                                        v1::ScriptDocument *response) override;
    grpc::ServerUnaryReactor *GetScriptStats(grpc::CallbackServerContext *context,
                                             const v1::GetScriptStatsRequest *request,
                                             v1::ScriptStats *response) override;
    grpc::ServerUnaryReactor *SendIdentityCode(grpc::CallbackServerContext *context,
                                               const v1::SendIdentityCodeRequest *request,
                                               v1::SendIdentityCodeResponse *response) override;
    grpc::ServerUnaryReactor *CheckIdentityCode(grpc::CallbackServerContext *context,
                                                const v1::CheckIdentityCodeRequest *request,
                                                v1::CheckIdentityCodeResponse *response) override;

    static constexpr int kCodeAttempts = 3;
    static constexpr qint64 kCodeLifetimeMs = 10 * 60 * 1000;
    static constexpr int kMaxScriptBytes = 512 * 1024;

private:
    ServiceContext &m_context;
    OneTimeCodeSender *m_codeSender;
};

} // namespace sanad::server
