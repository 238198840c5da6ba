#pragma once

#include "sanad/v1/auth.grpc.pb.h"

namespace sanad::server {

struct ServiceContext;

// AuthService.Login: checks the password (argon2id), creates a session that expires after the
// token TTL on the server's clock, and returns its token (stored only as a hash).
class AuthService final : public v1::AuthService::CallbackService
{
public:
    explicit AuthService(ServiceContext &context);

    grpc::ServerUnaryReactor *Login(grpc::CallbackServerContext *context, const v1::LoginRequest *request,
                                    v1::LoginResponse *response) override;

private:
    ServiceContext &m_context;
};

} // namespace sanad::server
