#pragma once

#include "core/role.h"

#include <QHash>
#include <QList>
#include <QString>

#include <grpcpp/support/status.h>

#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace grpc {
class CallbackServerContext;
}

namespace sanad {
class Clock;
}

namespace sanad::server {

class Database;

// Full gRPC method names, as the role table and the handlers name them.
namespace methods {
inline constexpr std::string_view kLogin = "/sanad.v1.AuthService/Login";
inline constexpr std::string_view kReportCallEvent = "/sanad.v1.CtiService/ReportCallEvent";
inline constexpr std::string_view kLookupCaller = "/sanad.v1.CaseService/LookupCaller";
inline constexpr std::string_view kSearchCustomers = "/sanad.v1.CaseService/SearchCustomers";
inline constexpr std::string_view kGetCustomerContext = "/sanad.v1.CaseService/GetCustomerContext";
inline constexpr std::string_view kGetWorkPolicy = "/sanad.v1.CaseService/GetWorkPolicy";
inline constexpr std::string_view kListIncidents = "/sanad.v1.CaseService/ListIncidents";
inline constexpr std::string_view kPush = "/sanad.v1.SyncService/Push";
inline constexpr std::string_view kPull = "/sanad.v1.SyncService/Pull";
inline constexpr std::string_view kConnect = "/sanad.v1.AgentService/Connect";
inline constexpr std::string_view kSetPresence = "/sanad.v1.AgentService/SetPresence";
inline constexpr std::string_view kAcceptContact = "/sanad.v1.AgentService/AcceptContact";
inline constexpr std::string_view kEndContact = "/sanad.v1.AgentService/EndContact";
inline constexpr std::string_view kPublishScript = "/sanad.v1.ScriptService/PublishScript";
inline constexpr std::string_view kListScripts = "/sanad.v1.ScriptService/ListScripts";
inline constexpr std::string_view kGetScript = "/sanad.v1.ScriptService/GetScript";
inline constexpr std::string_view kGetScriptStats = "/sanad.v1.ScriptService/GetScriptStats";
inline constexpr std::string_view kSendIdentityCode = "/sanad.v1.ScriptService/SendIdentityCode";
inline constexpr std::string_view kCheckIdentityCode = "/sanad.v1.ScriptService/CheckIdentityCode";
inline constexpr std::string_view kGetFollowUpList = "/sanad.v1.SupervisorService/GetFollowUpList";
inline constexpr std::string_view kAdvanceClock = "/sanad.v1.testing.TestClockService/Advance";
} // namespace methods

struct AuthenticatedUser
{
    QString id;
    QString username;
    QString displayName;
    Role role = Role::Unspecified;
    qint64 expiresAtMs = 0;
};

struct AuthResult
{
    grpc::Status status;
    AuthenticatedUser user;

    bool ok() const { return status.ok(); }
};

// The one place that decides who may call what. Every handler calls authorize() first, with
// its full method name; a method missing from the table is refused (fail closed), and a unit
// test checks that every method of every sanad.v1 service is in it.
//
// authorize() reads the sessions table on a cache miss, so it runs on a worker thread, never on
// gRPC's. Sessions are cached in memory after login or a first lookup; expiry is checked against
// the server's Clock on every call.
class Authorizer final
{
public:
    struct Rule
    {
        bool needsSession = true;
        QList<Role> roles; // the roles allowed to call; ignored when needsSession is false
    };

    Authorizer(Database &database, const Clock &clock);
    Authorizer(const Authorizer &) = delete;
    Authorizer &operator=(const Authorizer &) = delete;

    // The role table (API.md): CtiService for CTI and ADMIN; CaseService, SyncService and
    // AgentService for AGENT, LEAD, TRAINER and ADMIN; TestClockService for ADMIN; Login open.
    static const std::map<std::string, Rule, std::less<>> &rules();
    // nullptr for a method the table does not know.
    static const Rule *ruleFor(std::string_view method);
    static bool allows(std::string_view method, Role role);

    // UNAUTHENTICATED for a missing, unknown or expired token; PERMISSION_DENIED for a role the
    // table does not allow. Messages say what to do.
    AuthResult authorize(const grpc::CallbackServerContext *context, std::string_view method);
    // The same with the value of the "authorization" metadata (empty when absent).
    AuthResult authorizeHeader(std::string_view authorization, std::string_view method);

    // Remembers a session just created by Login.
    void remember(const QString &tokenHash, const AuthenticatedUser &user);

private:
    Database &m_database;
    const Clock &m_clock;
    std::mutex m_mutex;
    QHash<QString, AuthenticatedUser> m_sessions; // by token hash
};

} // namespace sanad::server
