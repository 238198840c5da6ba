#include "server/auth/authorizer.h"

#include "core/clock.h"
#include "server/auth/passwordhasher.h"
#include "server/logcategories.h"
#include "server/storage/userrepository.h"

#include <grpcpp/server_context.h>

#include <QStringList>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

const QList<Role> kCaseRoles = { Role::Agent, Role::Lead, Role::Trainer, Role::Admin };
const QList<Role> kCtiRoles = { Role::Cti, Role::Admin };
const QList<Role> kAdminOnly = { Role::Admin };
const QList<Role> kLeadRoles = { Role::Lead, Role::Admin };

grpc::Status unauthenticated(const QString &message)
{
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, message.toStdString());
}

QString shortMethod(std::string_view method)
{
    // "/sanad.v1.CaseService/LookupCaller" -> "CaseService.LookupCaller"
    QString name = QString::fromUtf8(method.data(), qsizetype(method.size()));
    name.remove(0, name.lastIndexOf(u'.', name.lastIndexOf(u'/')) + 1);
    return name.replace(u'/', u'.');
}

} // namespace

const std::map<std::string, Authorizer::Rule, std::less<>> &Authorizer::rules()
{
    static const std::map<std::string, Rule, std::less<>> table = {
        { std::string(methods::kLogin), Rule { false, {} } },
        { std::string(methods::kReportCallEvent), Rule { true, kCtiRoles } },
        { std::string(methods::kLookupCaller), Rule { true, kCaseRoles } },
        { std::string(methods::kSearchCustomers), Rule { true, kCaseRoles } },
        { std::string(methods::kGetCustomerContext), Rule { true, kCaseRoles } },
        { std::string(methods::kGetWorkPolicy), Rule { true, kCaseRoles } },
        { std::string(methods::kListIncidents), Rule { true, kCaseRoles } },
        { std::string(methods::kPush), Rule { true, kCaseRoles } },
        { std::string(methods::kPull), Rule { true, kCaseRoles } },
        { std::string(methods::kConnect), Rule { true, kCaseRoles } },
        { std::string(methods::kSetPresence), Rule { true, kCaseRoles } },
        { std::string(methods::kAcceptContact), Rule { true, kCaseRoles } },
        { std::string(methods::kEndContact), Rule { true, kCaseRoles } },
        { std::string(methods::kGetFollowUpList), Rule { true, kLeadRoles } },
        { std::string(methods::kAdvanceClock), Rule { true, kAdminOnly } },
        { std::string(methods::kPublishScript), Rule { true, kAdminOnly } },
        { std::string(methods::kListScripts), Rule { true, kCaseRoles } },
        { std::string(methods::kGetScript), Rule { true, kCaseRoles } },
        { std::string(methods::kGetScriptStats), Rule { true, kLeadRoles } },
        { std::string(methods::kSendIdentityCode), Rule { true, kCaseRoles } },
        { std::string(methods::kCheckIdentityCode), Rule { true, kCaseRoles } },
    };
    return table;
}

const Authorizer::Rule *Authorizer::ruleFor(std::string_view method)
{
    const auto &table = rules();
    const auto it = table.find(method);
    return it == table.end() ? nullptr : &it->second;
}

bool Authorizer::allows(std::string_view method, Role role)
{
    const Rule *rule = ruleFor(method);
    return rule && (!rule->needsSession || rule->roles.contains(role));
}

Authorizer::Authorizer(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{ }

AuthResult Authorizer::authorize(const grpc::CallbackServerContext *context, std::string_view method)
{
    const auto &metadata = context->client_metadata();
    const auto it = metadata.find("authorization");
    if (it == metadata.end())
        return authorizeHeader(std::string_view(), method);
    return authorizeHeader(std::string_view(it->second.data(), it->second.size()), method);
}

AuthResult Authorizer::authorizeHeader(std::string_view authorization, std::string_view method)
{
    AuthResult result;
    const Rule *rule = ruleFor(method);
    if (!rule) {
        qCWarning(lcAuth) << "refused a method missing from the role table:" << shortMethod(method);
        result.status = grpc::Status(
            grpc::StatusCode::PERMISSION_DENIED,
            u"%1 is not open to any role on this server: tell the administrator."_s.arg(shortMethod(method))
                .toStdString());
        return result;
    }
    if (!rule->needsSession)
        return result;

    const QString header = QString::fromUtf8(authorization.data(), qsizetype(authorization.size())).trimmed();
    if (header.isEmpty()) {
        result.status = unauthenticated(u"%1 needs a session: log in with AuthService.Login and send the token as "
                                        "\"authorization: Bearer <token>\"."_s.arg(shortMethod(method)));
        return result;
    }
    if (!header.startsWith("bearer "_L1, Qt::CaseInsensitive) || header.size() <= 7) {
        result.status = unauthenticated(u"The authorization metadata is not \"Bearer <token>\": send the token "
                                        "AuthService.Login returned as \"authorization: Bearer <token>\"."_s);
        return result;
    }
    const QString tokenHash = PasswordHasher::tokenHash(QStringView(header).mid(7).trimmed());

    std::optional<AuthenticatedUser> user;
    {
        std::lock_guard lock(m_mutex);
        const auto cached = m_sessions.constFind(tokenHash);
        if (cached != m_sessions.cend())
            user = *cached;
    }
    if (!user) {
        const std::optional<SessionRecord> session = UserRepository(m_database).findSession(tokenHash);
        if (session && session->active) {
            user = AuthenticatedUser { session->userId, session->username, session->displayName, session->role,
                                       session->expiresAtMs };
            remember(tokenHash, *user);
        }
    }
    if (!user) {
        result.status = unauthenticated(u"The session is not known to this server (it may have been replaced or the "
                                        "server's database was reset): log in again."_s);
        return result;
    }
    if (m_clock.nowMs() >= user->expiresAtMs) {
        {
            std::lock_guard lock(m_mutex);
            m_sessions.remove(tokenHash);
        }
        result.status = unauthenticated(u"Your session has expired: log in again."_s);
        return result;
    }
    result.user = *user;
    if (!rule->roles.contains(user->role)) {
        QStringList allowed;
        for (Role role : rule->roles)
            allowed.append(roleName(role));
        result.status = grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                                     u"The %1 role may not call %2: use an account with one of the roles %3."_s
                                         .arg(roleName(user->role), shortMethod(method), allowed.join(u", "_s))
                                         .toStdString());
    }
    return result;
}

void Authorizer::remember(const QString &tokenHash, const AuthenticatedUser &user)
{
    std::lock_guard lock(m_mutex);
    if (m_sessions.size() > 100000) { // forget expired sessions now and then; the table still has them
        const qint64 now = m_clock.nowMs();
        m_sessions.removeIf([now](const auto &it) { return it.value().expiresAtMs <= now; });
    }
    m_sessions.insert(tokenHash, user);
}

} // namespace sanad::server
