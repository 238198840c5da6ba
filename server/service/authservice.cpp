#include "server/service/authservice.h"

#include "core/clock.h"
#include "core/phonenumber.h"
#include "server/auth/authorizer.h"
#include "server/auth/passwordhasher.h"
#include "server/service/servicecontext.h"
#include "server/service/unaryhandler.h"
#include "server/storage/userrepository.h"
#include "server/util/protoutil.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

// The same answer for an unknown user and a wrong password, so that usernames cannot be probed.
grpc::Status wrongCredentials()
{
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                        "The username or the password is wrong: check both and try again.");
}

} // namespace

AuthService::AuthService(ServiceContext &context)
    : m_context(context)
{ }

grpc::ServerUnaryReactor *AuthService::Login(grpc::CallbackServerContext *context, const v1::LoginRequest *request,
                                             v1::LoginResponse *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kLogin);
        if (!auth.ok())
            return auth.status;
        const QString username = fromStd(request->username()).trimmed();
        const QString password = fromStd(request->password());
        const std::optional<UserRecord> user
            = username.isEmpty() ? std::nullopt : UserRepository(m_context.database).findByUsername(username);
        if (!user || !user->active) {
            PasswordHasher::spendVerifyWork(password);
            return wrongCredentials();
        }
        if (!PasswordHasher::verify(user->passwordHash, password)) {
            qCInfo(lcAuth) << "a login for user" << user->id << "failed";
            return wrongCredentials();
        }
        const QString token = PasswordHasher::newToken();
        const QString tokenHash = PasswordHasher::tokenHash(token);
        const qint64 now = m_context.clock.nowMs();
        const qint64 expiresAt = now + m_context.tokenTtlMs;
        UserRepository(m_context.database).insertSession(tokenHash, user->id, now, expiresAt);
        m_context.authorizer.remember(
            tokenHash, AuthenticatedUser { user->id, user->username, user->displayName, user->role, expiresAt });
        response->set_token(toStd(token));
        response->set_role(static_cast<v1::Role>(user->role));
        response->set_display_name(toStd(user->displayName));
        setTimestampMs(response->mutable_expires_at(), expiresAt);
        response->set_user_id(toStd(user->id));
        response->set_username(toStd(user->username));
        response->set_phone_region(toStd(m_context.normalizer.defaultRegion()));
        qCInfo(lcAuth) << "user" << user->id << "logged in";
        return grpc::Status::OK;
    });
    return reactor;
}

} // namespace sanad::server
