#include "client/sanadclient.h"

#include "client/agentstreamreactor.h"
#include "client/errormapping.h"
#include "client/inflightcalls.h"
#include "client/protoconvert.h"
#include "client/syncengine.h"
#include "core/phonenumber.h"

#include "sanad/v1/agent.grpc.pb.h"
#include "sanad/v1/auth.grpc.pb.h"
#include "sanad/v1/case.grpc.pb.h"
#include "sanad/v1/script.grpc.pb.h"
#include "sanad/v1/sync.grpc.pb.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <QHash>
#include <QLoggingCategory>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

#include <chrono>
#include <type_traits>

Q_LOGGING_CATEGORY(lcClient, "sanad.client")

namespace sanad::client {

namespace {

constexpr int DefaultDeadlineMs = 5000;
constexpr int FirstReconnectDelayMs = 500;
constexpr int MaxReconnectDelayMs = 10000;
// How many recent call ids are remembered to emit contactAccepted / contactEnded once per call.
constexpr qsizetype RecentCallsKept = 64;
// An offered contact holds a catch-up's pulls this long: the screen-pop first (docs/sync.md).
constexpr int ScreenPopFirstMs = 2000;

// The one place that decides how the desktop's channel is secured. Insecure for loopback and the
// LAN for now (the server refuses a non-loopback listener without TLS); TLS credentials go here.
std::shared_ptr<grpc::ChannelCredentials> channelCredentials(const QString &serverAddress)
{
    Q_UNUSED(serverAddress)
    return grpc::InsecureChannelCredentials();
}

// gRPC's own reconnect backoff (1 s growing to 120 s) would make the stream's retries fail at
// once while the channel waits out its backoff; keep it within the stream's 0.5 s .. 10 s.
grpc::ChannelArguments channelArguments()
{
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, FirstReconnectDelayMs);
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, MaxReconnectDelayMs);
    return args;
}

// The channel to one server and the stubs over it.
struct Stubs
{
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<v1::AuthService::Stub> auth;
    std::unique_ptr<v1::CaseService::Stub> cases;
    std::unique_ptr<v1::SyncService::Stub> sync;
    std::unique_ptr<v1::AgentService::Stub> agent;
    std::unique_ptr<v1::ScriptService::Stub> scripts;
};

// Everything one unary call needs alive until its callback has run.
template<typename Request, typename Response> struct UnaryCall
{
    grpc::ClientContext context;
    Request request;
    Response response;
};

struct PresenceAnswer
{
    AgentState state = AgentState::Unspecified;
    QDateTime since;
};

struct PushAnswer
{
    bool hasResult = false;
    v1::MutationOutcome outcome = v1::MUTATION_OUTCOME_UNSPECIFIED;
    QString detail;
    QString entityId;
};

void registerMetaTypes()
{
    qRegisterMetaType<ClientError>();
    qRegisterMetaType<Session>();
    qRegisterMetaType<CustomerInfo>();
    qRegisterMetaType<QList<CustomerInfo>>();
    qRegisterMetaType<SearchResult>();
    qRegisterMetaType<QList<SearchResult>>();
    qRegisterMetaType<CallerContext>();
    qRegisterMetaType<ContactOffer>();
    qRegisterMetaType<ScriptDocumentInfo>();
    qRegisterMetaType<QList<ScriptDocumentInfo>>();
    qRegisterMetaType<sanad::AgentState>();
    qRegisterMetaType<sanad::RevokeReason>();
    qRegisterMetaType<SanadClient::StreamState>();
    qRegisterMetaType<SyncState>();
    qRegisterMetaType<WorkPolicyInfo>();
    qRegisterMetaType<IncidentCandidateInfo>();
    qRegisterMetaType<QList<IncidentCandidateInfo>>();
}

ClientError notSignedIn(bool expired)
{
    return expired ? clientError(ClientError::Kind::Unauthenticated, grpc::StatusCode::UNAUTHENTICATED,
                                 QStringLiteral("The session has expired: sign in again."))
                   : clientError(ClientError::Kind::Unauthenticated, grpc::StatusCode::UNAUTHENTICATED,
                                 QStringLiteral("Not signed in: sign in to the server first."));
}

ClientError cancelledByClient()
{
    return clientError(ClientError::Kind::Cancelled, grpc::StatusCode::CANCELLED,
                       QStringLiteral("Cancelled by the client."));
}

} // namespace

class SanadClientPrivate
{
public:
    explicit SanadClientPrivate(SanadClient *client);

    std::shared_ptr<Stubs> stubsFor(const QString &serverAddress);
    quint64 newId() { return m_nextId++; }
    bool canCall() const { return m_loggedIn && !m_expired; }

    // Starts a unary call. convert runs on a gRPC thread on success; deliver runs on the
    // client's thread with the error (Kind::None on success) and the converted result.
    template<typename Request, typename Response, typename Start, typename Convert, typename Deliver>
    void startUnary(quint64 id, const QString &token, Request request, Start start, Convert convert, Deliver deliver);

    // A request with a public id: cancellable, answered by requestFailed or by success().
    // fallback, when given, may answer a failed request itself (offline screen-pop) and return true.
    template<typename Request, typename Response, typename Start, typename Convert, typename Success>
    quint64 startRequest(const char *method, Request request, Start start, Convert convert, Success success,
                         std::function<bool(quint64, const ClientError &)> fallback = {});

    // A presence or contact operation: answered by operationFailed(operation) or by success().
    template<typename Request, typename Response, typename Start, typename Convert, typename Success>
    void startOperation(const QString &operation, Request request, Start start, Convert convert, Success success);

    // THE path of every change the desktop makes (SyncService.Push): each caller builds its
    // mutation and says what a result means for it. Today one Push per change; an outbox that
    // keeps changes while the server is unreachable replaces this one function.
    // onResult runs on the client's thread with the server's answer to this mutation.
    quint64 submitMutation(v1::Mutation mutation, std::function<void(quint64 id, const PushAnswer &)> onResult);
    // A lifecycle change: caseChangeApplied or requestFailed (REJECTED, CONFLICT).
    quint64 submitCaseChange(v1::Mutation mutation);

    void emitLater(std::function<void()> emitter);
    void handleUnauthenticated(const ClientError &error, const QString &tokenUsed);

    void onLoginDone(quint64 id, const ClientError &error, const Session &session);
    // CaseService.GetWorkPolicy after login: kept in memory and in the local store.
    void fetchWorkPolicy();

    void setStreamState(SanadClient::StreamState state);
    void openStream();
    void stopStream();
    void onStreamConnected(quint64 generation);
    void onStreamEvent(quint64 generation, const convert::AgentEventInfo &event);
    void onStreamDone(quint64 generation, const ClientError &error);
    void reconnectStream();

    void emitPresence(AgentState state, const QDateTime &since, const QString &reason);
    void emitAccepted(const QString &callId);
    void emitEnded(const QString &callId);
    void forgetContactState();

    // The outbox and pull loop (docs/sync.md); its store opens in memory unless a path was set.
    void setUpSync();
    SyncEngine &sync();
    // Screen-pops seen online are kept; offline, the same request is answered from the store.
    void cacheContext(const v1::CallerContext &context);
    bool answerFromCache(quint64 id, const ClientError &error, const QString &phone, const QString &customerId);

    SanadClient *const q;
    SyncEngine *m_syncEngine = nullptr;
    // Shared with the callbacks, which may still be returning when the client is gone.
    const std::shared_ptr<InFlightCalls> m_calls = std::make_shared<InFlightCalls>();
    // Never pruned: a channel outlives every call made on it, so that its last reference drops
    // on this thread (see InFlightCalls). One per server address the user has signed in to.
    QHash<QString, std::shared_ptr<Stubs>> m_stubsByAddress;
    std::shared_ptr<Stubs> m_stubs; // the session's server
    Session m_session;
    bool m_loggedIn = false;
    bool m_expired = false;
    int m_deadlineMs = DefaultDeadlineMs;
    quint64 m_nextId = 1;
    quint64 m_loginCall = 0;
    QHash<quint64, bool> m_requests; // public request id -> cancelled by cancel()

    bool m_streamWanted = false;
    quint64 m_streamCall = 0; // in-flight id of the open stream, 0 when none
    quint64 m_streamGeneration = 0; // events of older streams are dropped
    SanadClient::StreamState m_streamState = SanadClient::StreamState::Disconnected;
    QTimer *const m_reconnectTimer;
    int m_reconnectDelayMs = FirstReconnectDelayMs;

    AgentState m_lastPresenceState = AgentState::Unspecified;
    QDateTime m_lastPresenceSince;
    bool m_presenceKnown = false;
    QStringList m_acceptedCalls;
    QStringList m_endedCalls;
    std::optional<WorkPolicyInfo> m_workPolicy; // the server's answer in this session
};

SanadClientPrivate::SanadClientPrivate(SanadClient *client)
    : q(client)
    , m_reconnectTimer(new QTimer(client))
{
    m_reconnectTimer->setSingleShot(true);
}

std::shared_ptr<Stubs> SanadClientPrivate::stubsFor(const QString &serverAddress)
{
    std::shared_ptr<Stubs> &stubs = m_stubsByAddress[serverAddress];
    if (!stubs) {
        stubs = std::make_shared<Stubs>();
        stubs->channel = grpc::CreateCustomChannel(serverAddress.toStdString(), channelCredentials(serverAddress),
                                                   channelArguments());
        stubs->auth = v1::AuthService::NewStub(stubs->channel);
        stubs->cases = v1::CaseService::NewStub(stubs->channel);
        stubs->sync = v1::SyncService::NewStub(stubs->channel);
        stubs->agent = v1::AgentService::NewStub(stubs->channel);
        stubs->scripts = v1::ScriptService::NewStub(stubs->channel);
    }
    return stubs;
}

template<typename Request, typename Response, typename Start, typename Convert, typename Deliver>
void SanadClientPrivate::startUnary(quint64 id, const QString &token, Request request, Start start, Convert convert,
                                    Deliver deliver)
{
    using Result = std::decay_t<std::invoke_result_t<Convert, const Response &>>;
    auto call = std::make_shared<UnaryCall<Request, Response>>();
    call->request = std::move(request);
    call->context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(m_deadlineMs));
    if (!token.isEmpty())
        call->context.AddMetadata("authorization", "Bearer " + token.toStdString());
    // Registered before the call starts, so that cancel() and the destructor always find it.
    m_calls->add(id, std::shared_ptr<grpc::ClientContext>(call, &call->context));
    // Neither convert nor deliver may hold a channel (Stubs): see InFlightCalls on why the call
    // state must be the last channel reference this callback drops, before calls->release().
    start(&call->context, &call->request, &call->response,
          [client = q, calls = m_calls, call, id, convert, deliver](grpc::Status status) mutable {
              // A gRPC thread. The client is alive until calls->release(): its destructor waits.
              const ClientError error = errorFromStatus(status);
              Result result {};
              if (status.ok())
                  result = convert(call->response);
              QMetaObject::invokeMethod(
                  client, [deliver, error, result]() { deliver(error, result); }, Qt::QueuedConnection);
              calls->finish(id);
              call.reset();
              calls->release();
          });
}

template<typename Request, typename Response, typename Start, typename Convert, typename Success>
quint64 SanadClientPrivate::startRequest(const char *method, Request request, Start start, Convert convert,
                                         Success success, std::function<bool(quint64, const ClientError &)> fallback)
{
    const quint64 id = newId();
    if (!canCall()) {
        const ClientError error = notSignedIn(m_expired);
        emitLater([this, id, error] { Q_EMIT q->requestFailed(id, error); });
        return id;
    }
    m_requests.insert(id, false);
    const QString token = m_session.token;
    using Result = std::decay_t<std::invoke_result_t<Convert, const Response &>>;
    startUnary<Request, Response>(
        id, token, std::move(request), start, convert,
        [this, id, token, method, success, fallback](const ClientError &error, const Result &result) {
            const auto it = m_requests.constFind(id);
            if (it == m_requests.constEnd())
                return;
            const bool cancelled = it.value();
            m_requests.erase(it);
            // A cancelled request never reports a stale success.
            if (cancelled) {
                Q_EMIT q->requestFailed(id, cancelledByClient());
                return;
            }
            if (error.isError()) {
                qCInfo(lcClient, "%s failed with gRPC code %d", method, error.grpcCode);
                if (fallback && fallback(id, error))
                    return;
                Q_EMIT q->requestFailed(id, error);
                handleUnauthenticated(error, token);
                return;
            }
            success(id, result);
        });
    return id;
}

template<typename Request, typename Response, typename Start, typename Convert, typename Success>
void SanadClientPrivate::startOperation(const QString &operation, Request request, Start start, Convert convert,
                                        Success success)
{
    if (!canCall()) {
        const ClientError error = notSignedIn(m_expired);
        emitLater([this, operation, error] { Q_EMIT q->operationFailed(operation, error); });
        return;
    }
    const QString token = m_session.token;
    using Result = std::decay_t<std::invoke_result_t<Convert, const Response &>>;
    startUnary<Request, Response>(newId(), token, std::move(request), start, convert,
                                  [this, token, operation, success](const ClientError &error, const Result &result) {
                                      if (error.isError()) {
                                          qCInfo(lcClient, "%s failed with gRPC code %d", qUtf8Printable(operation),
                                                 error.grpcCode);
                                          Q_EMIT q->operationFailed(operation, error);
                                          handleUnauthenticated(error, token);
                                          return;
                                      }
                                      success(result);
                                  });
}

void SanadClientPrivate::emitLater(std::function<void()> emitter)
{
    QMetaObject::invokeMethod(q, std::move(emitter), Qt::QueuedConnection);
}

void SanadClientPrivate::handleUnauthenticated(const ClientError &error, const QString &tokenUsed)
{
    // Only the current session's token counts: an answer to an older session's call says nothing.
    if (error.kind != ClientError::Kind::Unauthenticated || !m_loggedIn || m_expired || tokenUsed != m_session.token)
        return;
    qCInfo(lcClient, "the session expired or was revoked; the agent stream stops");
    m_expired = true;
    stopStream();
    if (m_syncEngine)
        m_syncEngine->stop(); // the outbox stays until the agent signs in again
    Q_EMIT q->sessionExpired(error);
}

void SanadClientPrivate::onLoginDone(quint64 id, const ClientError &error, const Session &session)
{
    if (id != m_loginCall)
        return; // superseded by a later login() or by logout()
    m_loginCall = 0;
    if (error.isError()) {
        qCInfo(lcClient, "login failed with gRPC code %d", error.grpcCode);
        Q_EMIT q->loginFailed(error);
        return;
    }
    // A stream of the previous session carries the previous token: open it again with the new one.
    const bool restartStream = m_streamWanted;
    stopStream();
    m_stubs = stubsFor(session.serverAddress);
    m_session = session;
    m_loggedIn = true;
    m_expired = false;
    forgetContactState();
    qCInfo(lcClient, "signed in with role %s", qUtf8Printable(roleName(session.role)));
    Q_EMIT q->loggedIn(m_session);
    sync().start();
    fetchWorkPolicy();
    if (restartStream && canCall()) {
        m_streamWanted = true;
        openStream();
    }
}

namespace {
const QString kWorkPolicyKey = QStringLiteral("work_policy");
} // namespace

void SanadClientPrivate::fetchWorkPolicy()
{
    startUnary<v1::GetWorkPolicyRequest, v1::WorkPolicy>(
        newId(), m_session.token, v1::GetWorkPolicyRequest(),
        [cases = m_stubs->cases.get()](grpc::ClientContext *context, const v1::GetWorkPolicyRequest *req,
                                       v1::WorkPolicy *resp, std::function<void(grpc::Status)> done) {
            cases->async()->GetWorkPolicy(context, req, resp, std::move(done));
        },
        [](const v1::WorkPolicy &response) {
            WorkPolicyInfo info;
            for (const v1::DispositionCode &c : response.disposition_codes())
                info.dispositionCodes.append({ QString::fromStdString(c.code()), QString::fromStdString(c.label_ar()),
                                               QString::fromStdString(c.label_en()) });
            info.wrapUpRequiredByDefault = response.wrap_up_required_by_default();
            for (const v1::QueueWrapUp &queue : response.queues())
                info.wrapUpRequiredByQueue.insert(QString::fromStdString(queue.queue()), queue.required());
            return info;
        },
        [this, token = m_session.token](const ClientError &error, const WorkPolicyInfo &policy) {
            if (error.isError()) {
                // The kept copy (or the built-in policy) stands; the next login asks again.
                qCInfo(lcClient, "GetWorkPolicy failed with gRPC code %d", error.grpcCode);
                handleUnauthenticated(error, token);
                return;
            }
            if (policy.dispositionCodes.isEmpty() || token != m_session.token)
                return;
            m_workPolicy = policy;
            sync().store().storeValue(kWorkPolicyKey, QString::fromUtf8(policy.toJson()));
            Q_EMIT q->workPolicyChanged(policy);
        });
}

void SanadClientPrivate::setStreamState(SanadClient::StreamState state)
{
    if (m_streamState == state)
        return;
    m_streamState = state;
    Q_EMIT q->streamStateChanged(state);
}

void SanadClientPrivate::openStream()
{
    const quint64 id = newId();
    const quint64 generation = ++m_streamGeneration;
    m_streamCall = id;
    setStreamState(SanadClient::StreamState::Connecting);

    AgentStreamReactor::Callbacks callbacks;
    // These run on gRPC threads; the client is alive until onReleased has run (its destructor waits).
    callbacks.onConnected = [this, generation] {
        QMetaObject::invokeMethod(
            q, [this, generation] { onStreamConnected(generation); }, Qt::QueuedConnection);
    };
    callbacks.onEvent = [this, generation](convert::AgentEventInfo &&event) {
        QMetaObject::invokeMethod(
            q, [this, generation, event] { onStreamEvent(generation, event); }, Qt::QueuedConnection);
    };
    callbacks.onDone = [this, generation, id, calls = m_calls](const grpc::Status &status) {
        const ClientError error = errorFromStatus(status);
        QMetaObject::invokeMethod(
            q, [this, generation, error] { onStreamDone(generation, error); }, Qt::QueuedConnection);
        calls->finish(id);
    };
    callbacks.onReleased = [calls = m_calls] {
        calls->release();
    };
    const std::shared_ptr<AgentStreamReactor> reactor
        = AgentStreamReactor::create(m_session.token.toStdString(), std::move(callbacks));
    m_calls->add(id, AgentStreamReactor::context(reactor));
    reactor->start(m_stubs->agent.get());
}

void SanadClientPrivate::stopStream()
{
    m_streamWanted = false;
    m_reconnectTimer->stop();
    m_reconnectDelayMs = FirstReconnectDelayMs;
    ++m_streamGeneration; // whatever the old stream still delivers is dropped
    if (m_streamCall != 0) {
        m_calls->cancel(m_streamCall);
        m_streamCall = 0;
    }
    setStreamState(SanadClient::StreamState::Disconnected);
}

void SanadClientPrivate::onStreamConnected(quint64 generation)
{
    if (generation != m_streamGeneration || m_streamState == SanadClient::StreamState::Connected)
        return;
    m_reconnectDelayMs = FirstReconnectDelayMs;
    qCInfo(lcClient, "agent stream connected");
    setStreamState(SanadClient::StreamState::Connected);
}

void SanadClientPrivate::onStreamEvent(quint64 generation, const convert::AgentEventInfo &event)
{
    if (generation != m_streamGeneration)
        return;
    onStreamConnected(generation);
    using Kind = convert::AgentEventInfo::Kind;
    switch (event.kind) {
    case Kind::Offered:
        // A call offered again (it went round the queue) may be accepted and ended again.
        m_acceptedCalls.removeAll(event.callId);
        m_endedCalls.removeAll(event.callId);
        if (m_syncEngine)
            m_syncEngine->holdPulls(ScreenPopFirstMs); // docs/sync.md: the screen-pop comes first
        Q_EMIT q->contactOffered(event.offer);
        break;
    case Kind::Revoked:
        Q_EMIT q->contactRevoked(event.callId, event.revokeReason);
        break;
    case Kind::Accepted:
        emitAccepted(event.callId);
        break;
    case Kind::Ended:
        emitEnded(event.callId);
        break;
    case Kind::Presence:
        emitPresence(event.state, event.since, event.reason);
        break;
    case Kind::ChangesAvailable:
        // Another desktop pushed: pull now rather than at the next poll (docs/sync.md).
        if (m_syncEngine)
            m_syncEngine->syncNow();
        break;
    case Kind::Unknown:
        qCDebug(lcClient, "ignoring an agent event this version does not know");
        break;
    }
}

void SanadClientPrivate::onStreamDone(quint64 generation, const ClientError &error)
{
    if (generation != m_streamGeneration)
        return; // a stream we stopped or replaced
    m_streamCall = 0;
    if (!m_streamWanted) {
        setStreamState(SanadClient::StreamState::Disconnected);
        return;
    }
    switch (static_cast<grpc::StatusCode>(error.grpcCode)) {
    case grpc::StatusCode::UNAUTHENTICATED:
        stopStream();
        handleUnauthenticated(error, m_session.token);
        return;
    case grpc::StatusCode::ABORTED: // the same user connected from another desktop
    case grpc::StatusCode::PERMISSION_DENIED: // this role receives no contacts
        // Reconnecting would take the stream back and forth between two desktops, or fail forever.
        qCInfo(lcClient, "agent stream ended with gRPC code %d; not reconnecting", error.grpcCode);
        stopStream();
        Q_EMIT q->streamStopped(error);
        return;
    default:
        break;
    }
    qCInfo(lcClient, "agent stream ended with gRPC code %d; reconnecting in %d ms", error.grpcCode, m_reconnectDelayMs);
    setStreamState(SanadClient::StreamState::Disconnected);
    m_reconnectTimer->start(m_reconnectDelayMs);
    m_reconnectDelayMs = qMin(m_reconnectDelayMs * 2, MaxReconnectDelayMs);
}

void SanadClientPrivate::reconnectStream()
{
    if (m_streamWanted && m_streamCall == 0 && canCall())
        openStream();
}

void SanadClientPrivate::emitPresence(AgentState state, const QDateTime &since, const QString &reason)
{
    if (state == AgentState::Unspecified)
        return;
    // The same change reported twice (an RPC's answer and the stream's event) is emitted once.
    // Contact answers carry no time (since is null): they match the stream's event either way.
    const bool sameChange = m_presenceKnown && state == m_lastPresenceState
        && (since == m_lastPresenceSince || since.isNull() || m_lastPresenceSince.isNull());
    if (sameChange)
        return;
    m_presenceKnown = true;
    m_lastPresenceState = state;
    m_lastPresenceSince = since;
    Q_EMIT q->presenceChanged(state, since, reason);
}

void SanadClientPrivate::emitAccepted(const QString &callId)
{
    if (m_acceptedCalls.contains(callId))
        return;
    m_acceptedCalls.append(callId);
    if (m_acceptedCalls.size() > RecentCallsKept)
        m_acceptedCalls.removeFirst();
    Q_EMIT q->contactAccepted(callId);
}

void SanadClientPrivate::emitEnded(const QString &callId)
{
    if (m_endedCalls.contains(callId))
        return;
    m_endedCalls.append(callId);
    if (m_endedCalls.size() > RecentCallsKept)
        m_endedCalls.removeFirst();
    Q_EMIT q->contactEnded(callId);
}

void SanadClientPrivate::forgetContactState()
{
    m_presenceKnown = false;
    m_lastPresenceState = AgentState::Unspecified;
    m_lastPresenceSince = QDateTime();
    m_acceptedCalls.clear();
    m_endedCalls.clear();
}

// ---------------------------------------------------------------------------------------------

SanadClient::SanadClient(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SanadClientPrivate>(this))
{
    static const bool registered = (registerMetaTypes(), true);
    Q_UNUSED(registered)
    connect(d->m_reconnectTimer, &QTimer::timeout, this, [this] { d->reconnectStream(); });
}

SanadClient::~SanadClient()
{
    d->m_reconnectTimer->stop();
    // After this no callback touches this object; ~QObject drops the results still queued.
    d->m_calls->cancelAllAndWait();
}

void SanadClient::login(const QString &serverAddress, const QString &username, const QString &password)
{
    const quint64 id = d->newId();
    if (d->m_loginCall != 0)
        d->m_calls->cancel(d->m_loginCall); // its answer is ignored: this login supersedes it
    d->m_loginCall = id;
    const QString address = serverAddress.trimmed();
    if (address.isEmpty()) {
        const ClientError error
            = clientError(ClientError::Kind::InvalidArgument, grpc::StatusCode::INVALID_ARGUMENT,
                          QStringLiteral("No server address was given: enter one such as 127.0.0.1:50051."));
        d->emitLater([this, id, error] {
            if (id != d->m_loginCall)
                return;
            d->m_loginCall = 0;
            Q_EMIT loginFailed(error);
        });
        return;
    }
    const std::shared_ptr<Stubs> stubs = d->stubsFor(address);
    v1::LoginRequest request;
    request.set_username(username.toStdString());
    request.set_password(password.toStdString());
    // No wait_for_ready: an unreachable server fails at once (or at the deadline), it never hangs.
    d->startUnary<v1::LoginRequest, v1::LoginResponse>(
        id, QString(), std::move(request),
        [auth = stubs->auth.get()](grpc::ClientContext *context, const v1::LoginRequest *req, v1::LoginResponse *resp,
                                   std::function<void(grpc::Status)> done) {
            auth->async()->Login(context, req, resp, std::move(done));
        },
        [address, username](const v1::LoginResponse &response) {
            return convert::toSession(response, address, username);
        },
        [this, id](const ClientError &error, const Session &session) { d->onLoginDone(id, error, session); });
}

void SanadClient::logout()
{
    if (d->m_loginCall != 0) {
        d->m_calls->cancel(d->m_loginCall);
        d->m_loginCall = 0;
    }
    if (d->canCall()) {
        // Best effort, answer ignored: the server also takes the agent offline when the stream ends.
        v1::SetPresenceRequest request;
        request.set_state(v1::AGENT_STATE_OFFLINE);
        d->startUnary<v1::SetPresenceRequest, v1::SetPresenceResponse>(
            d->newId(), d->m_session.token, std::move(request),
            [agent = d->m_stubs->agent.get()](grpc::ClientContext *context, const v1::SetPresenceRequest *req,
                                              v1::SetPresenceResponse *resp, std::function<void(grpc::Status)> done) {
                agent->async()->SetPresence(context, req, resp, std::move(done));
            },
            [](const v1::SetPresenceResponse &) { return 0; }, [](const ClientError &, int) {});
    }
    d->stopStream();
    if (d->m_syncEngine)
        d->m_syncEngine->stop();
    for (auto it = d->m_requests.begin(); it != d->m_requests.end(); ++it) {
        if (!it.value()) {
            it.value() = true;
            d->m_calls->cancel(it.key());
        }
    }
    const bool wasSignedIn = d->m_loggedIn;
    d->m_session = Session();
    d->m_loggedIn = false;
    d->m_expired = false;
    d->forgetContactState();
    if (wasSignedIn)
        qCInfo(lcClient, "signed out");
    d->emitLater([this] { Q_EMIT loggedOut(); });
}

bool SanadClient::isLoggedIn() const
{
    return d->canCall();
}

const Session &SanadClient::session() const
{
    return d->m_session;
}

namespace {

// A screen-pop's answer as the desktop shows it, and as the local store keeps it.
struct ContextAnswer
{
    CallerContext context;
    v1::CallerContext raw;
};

} // namespace

void SanadClientPrivate::cacheContext(const v1::CallerContext &context)
{
    if (!context.known() || !m_syncEngine || !m_syncEngine->store().isOpen())
        return;
    LocalStore &store = m_syncEngine->store();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    LocalStore::CachedEntity customer;
    customer.type = LocalStore::EntityType::Customer;
    customer.id = QString::fromStdString(context.customer().id());
    customer.customerId = customer.id;
    customer.name = QString::fromStdString(context.customer().name());
    for (const std::string &phone : context.customer().phones())
        customer.phones.append(QString::fromStdString(phone));
    customer.payload = QByteArray::fromStdString(context.customer().SerializeAsString());
    QList<LocalStore::CachedEntity> entities { customer };
    for (v1::Case record : context.cases()) {
        for (const v1::Referral &referral : record.referrals()) {
            LocalStore::CachedEntity entity;
            entity.type = LocalStore::EntityType::Referral;
            entity.id = QString::fromStdString(referral.id());
            entity.customerId = customer.id;
            entity.caseId = QString::fromStdString(record.id());
            entity.payload = QByteArray::fromStdString(referral.SerializeAsString());
            entities.append(std::move(entity));
        }
        record.clear_interactions(); // kept apart, as the change feed has them
        record.clear_referrals();
        LocalStore::CachedEntity entity;
        entity.type = LocalStore::EntityType::Case;
        entity.id = QString::fromStdString(record.id());
        entity.customerId = customer.id;
        entity.payload = QByteArray::fromStdString(record.SerializeAsString());
        entities.append(std::move(entity));
    }
    for (const v1::Interaction &interaction : context.history()) {
        LocalStore::CachedEntity entity;
        entity.type = LocalStore::EntityType::Interaction;
        entity.id = QString::fromStdString(interaction.id());
        entity.customerId = customer.id;
        entity.caseId = QString::fromStdString(interaction.case_id());
        entity.payload = QByteArray::fromStdString(interaction.SerializeAsString());
        entities.append(std::move(entity));
    }
    store.cacheEntities(entities, now);
}

bool SanadClientPrivate::answerFromCache(quint64 id, const ClientError &error, const QString &phone,
                                         const QString &customerId)
{
    if (error.kind != ClientError::Kind::Unreachable || !m_syncEngine || !m_syncEngine->store().isOpen())
        return false;
    LocalStore &store = m_syncEngine->store();
    std::optional<LocalStore::CachedEntity> customer;
    QString e164;
    if (!customerId.isEmpty()) {
        customer = store.customer(customerId);
    } else {
        // Read as the server reads it: its region came with the sign-in.
        const PhoneNumber number = PhoneNumberNormalizer(m_session.phoneRegion).parse(phone);
        e164 = number.ok() ? number.e164 : phone.trimmed();
        customer = store.customerByPhone(e164);
    }
    v1::CallerContext raw;
    raw.set_normalized_number(e164.toStdString());
    raw.set_number_valid(true);
    if (customer
        && raw.mutable_customer()->ParseFromArray(customer->payload.constData(), int(customer->payload.size()))) {
        raw.set_known(true);
        QList<v1::Interaction> history;
        for (const LocalStore::CachedEntity &entity : store.interactionsOf(customer->id)) {
            v1::Interaction interaction;
            if (interaction.ParseFromArray(entity.payload.constData(), int(entity.payload.size())))
                history.append(interaction);
        }
        std::sort(history.begin(), history.end(), [](const v1::Interaction &a, const v1::Interaction &b) {
            return a.occurred_at().seconds() > b.occurred_at().seconds();
        });
        QList<v1::Case> cases;
        for (const LocalStore::CachedEntity &entity : store.casesOf(customer->id)) {
            v1::Case record;
            if (record.ParseFromArray(entity.payload.constData(), int(entity.payload.size())))
                cases.append(record);
        }
        std::sort(cases.begin(), cases.end(), [](const v1::Case &a, const v1::Case &b) {
            return a.opened_at().seconds() > b.opened_at().seconds();
        });
        QList<v1::Referral> referrals;
        for (const LocalStore::CachedEntity &entity : store.referralsOf(customer->id)) {
            v1::Referral referral;
            if (referral.ParseFromArray(entity.payload.constData(), int(entity.payload.size())))
                referrals.append(referral);
        }
        for (v1::Case &record : cases) {
            for (const v1::Interaction &interaction : std::as_const(history)) {
                if (interaction.case_id() == record.id())
                    *record.add_interactions() = interaction;
            }
            for (const v1::Referral &referral : std::as_const(referrals)) {
                if (referral.case_id() == record.id())
                    *record.add_referrals() = referral;
            }
            *raw.add_cases() = record;
        }
        for (const v1::Interaction &interaction : std::as_const(history))
            *raw.add_history() = interaction;
    } else if (!customerId.isEmpty()) {
        return false; // nothing on this computer: the error stands
    }
    CallerContext context = convert::toCallerContext(raw);
    context.fromLocalStore = true;
    if (const qint64 pulled = store.lastPulledMs())
        context.localAsOf = QDateTime::fromMSecsSinceEpoch(pulled, QTimeZone::utc());
    qCInfo(lcClient, "the server cannot be reached: screen-pop from the local store");
    Q_EMIT q->callerContextReady(id, context);
    return true;
}

quint64 SanadClient::lookupCaller(const QString &phoneNumber)
{
    v1::LookupCallerRequest request;
    request.set_phone_number(phoneNumber.toStdString());
    return d->startRequest<v1::LookupCallerRequest, v1::CallerContext>(
        "LookupCaller", std::move(request),
        [cases = d->m_stubs ? d->m_stubs->cases.get()
                            : nullptr](grpc::ClientContext *context, const v1::LookupCallerRequest *req,
                                       v1::CallerContext *resp, std::function<void(grpc::Status)> done) {
            cases->async()->LookupCaller(context, req, resp, std::move(done));
        },
        [](const v1::CallerContext &response) {
            return ContextAnswer { convert::toCallerContext(response), response };
        },
        [this](quint64 id, const ContextAnswer &answer) {
            // The screen-pop first; the copy for offline use after it.
            Q_EMIT callerContextReady(id, answer.context);
            d->cacheContext(answer.raw);
        },
        [this, phoneNumber](quint64 id, const ClientError &error) {
            return d->answerFromCache(id, error, phoneNumber, QString());
        });
}

quint64 SanadClient::customerContext(const QString &customerId)
{
    v1::GetCustomerContextRequest request;
    request.set_customer_id(customerId.toStdString());
    return d->startRequest<v1::GetCustomerContextRequest, v1::CallerContext>(
        "GetCustomerContext", std::move(request),
        [cases = d->m_stubs ? d->m_stubs->cases.get()
                            : nullptr](grpc::ClientContext *context, const v1::GetCustomerContextRequest *req,
                                       v1::CallerContext *resp, std::function<void(grpc::Status)> done) {
            cases->async()->GetCustomerContext(context, req, resp, std::move(done));
        },
        [](const v1::CallerContext &response) {
            return ContextAnswer { convert::toCallerContext(response), response };
        },
        [this](quint64 id, const ContextAnswer &answer) {
            // The screen-pop first; the copy for offline use after it.
            Q_EMIT callerContextReady(id, answer.context);
            d->cacheContext(answer.raw);
        },
        [this, customerId](quint64 id, const ClientError &error) {
            return d->answerFromCache(id, error, QString(), customerId);
        });
}

quint64 SanadClient::searchCustomers(const QString &query, int limit)
{
    v1::SearchCustomersRequest request;
    request.set_query(query.toStdString());
    request.set_limit(limit);
    return d->startRequest<v1::SearchCustomersRequest, v1::SearchCustomersResponse>(
        "SearchCustomers", std::move(request),
        [cases = d->m_stubs ? d->m_stubs->cases.get()
                            : nullptr](grpc::ClientContext *context, const v1::SearchCustomersRequest *req,
                                       v1::SearchCustomersResponse *resp, std::function<void(grpc::Status)> done) {
            cases->async()->SearchCustomers(context, req, resp, std::move(done));
        },
        [](const v1::SearchCustomersResponse &response) { return convert::toSearchResults(response); },
        [this](quint64 id, const QList<SearchResult> &results) { Q_EMIT searchResultsReady(id, results); });
}

SyncEngine &SanadClientPrivate::sync()
{
    if (!m_syncEngine)
        setUpSync();
    if (!m_syncEngine->store().isOpen())
        m_syncEngine->openStore(QStringLiteral(":memory:"));
    return *m_syncEngine;
}

void SanadClientPrivate::setUpSync()
{
    m_syncEngine = new SyncEngine(q);
    m_syncEngine->pushTransport = [this](v1::PushRequest request, SyncEngine::PushDone done) {
        if (!canCall() || !m_stubs) {
            done(notSignedIn(m_expired), v1::PushResponse());
            return;
        }
        const QString token = m_session.token;
        startUnary<v1::PushRequest, v1::PushResponse>(
            newId(), token, std::move(request),
            [sync = m_stubs->sync.get()](grpc::ClientContext *context, const v1::PushRequest *req,
                                         v1::PushResponse *resp, std::function<void(grpc::Status)> done) {
                sync->async()->Push(context, req, resp, std::move(done));
            },
            [](const v1::PushResponse &response) { return response; },
            [this, token, done](const ClientError &error, const v1::PushResponse &response) {
                handleUnauthenticated(error, token);
                done(error, response);
            });
    };
    m_syncEngine->pullTransport = [this](v1::PullRequest request, SyncEngine::PullDone done) {
        if (!canCall() || !m_stubs) {
            done(notSignedIn(m_expired), v1::PullResponse());
            return;
        }
        const QString token = m_session.token;
        startUnary<v1::PullRequest, v1::PullResponse>(
            newId(), token, std::move(request),
            [sync = m_stubs->sync.get()](grpc::ClientContext *context, const v1::PullRequest *req,
                                         v1::PullResponse *resp, std::function<void(grpc::Status)> done) {
                sync->async()->Pull(context, req, resp, std::move(done));
            },
            [](const v1::PullResponse &response) { return response; },
            [this, token, done](const ClientError &error, const v1::PullResponse &response) {
                handleUnauthenticated(error, token);
                done(error, response);
            });
    };
    QObject::connect(m_syncEngine, &SyncEngine::stateChanged, q, &SanadClient::syncStateChanged);
    QObject::connect(m_syncEngine, &SyncEngine::customersChanged, q, [this](const QSet<QString> &ids) {
        Q_EMIT q->customersChanged(QStringList(ids.cbegin(), ids.cend()));
    });
}

// Every change goes to the local outbox first (committed before this returns), then out with
// the next sync cycle; onResult runs when the server answers, which may be after the server
// comes back. A change cannot be cancelled once queued.
quint64 SanadClientPrivate::submitMutation(v1::Mutation mutation,
                                           std::function<void(quint64 id, const PushAnswer &)> onResult)
{
    const quint64 id = newId();
    if (!m_loggedIn) {
        const ClientError error = notSignedIn(false);
        emitLater([this, id, error] { Q_EMIT q->requestFailed(id, error); });
        return id;
    }
    const bool queued = sync().enqueue(mutation, [id, onResult](const v1::MutationResult &result) {
        PushAnswer answer;
        answer.hasResult = true;
        answer.outcome = result.outcome();
        answer.detail = QString::fromStdString(result.detail());
        answer.entityId = QString::fromStdString(result.entity_id());
        onResult(id, answer);
    });
    if (!queued) {
        const ClientError error
            = clientError(ClientError::Kind::Other, grpc::StatusCode::INTERNAL,
                          QStringLiteral("The change could not be saved on this computer (the local store "
                                         "cannot be written): check the disk, then try again."));
        emitLater([this, id, error] { Q_EMIT q->requestFailed(id, error); });
    }
    return id;
}

QString SanadClient::openLocalStore(const QString &path, int maxCachedCustomers)
{
    SyncEngine &engine = d->m_syncEngine ? *d->m_syncEngine : (d->setUpSync(), *d->m_syncEngine);
    engine.stop(); // answers still in flight belong to the store being closed
    engine.store().setCacheLimit(maxCachedCustomers);
    const LocalStore::OpenReport report = engine.openStore(path);
    if (report.outcome == LocalStore::OpenOutcome::Failed)
        engine.openStore(QStringLiteral(":memory:")); // the agent can still work; nothing survives
    if (d->canCall())
        engine.start();
    return report.message;
}

SyncState SanadClient::syncState() const
{
    return d->sync().state();
}

void SanadClient::syncNow()
{
    d->sync().syncNow();
}

void SanadClient::setSyncPollIntervalMs(int ms)
{
    d->sync().setPollIntervalMs(ms);
}

void SanadClient::setSyncBatch(int mutationsPerPush)
{
    d->sync().setPushBatch(std::clamp(mutationsPerPush, 1, 500));
}

namespace {

SyncProblem toSyncProblem(const LocalStore::Problem &stored)
{
    SyncProblem problem;
    problem.mutationId = stored.mutationId;
    problem.conflict = stored.kind == LocalStore::ProblemKind::Conflict;
    problem.detail = stored.detail;
    problem.entityId = stored.entityId;
    problem.serverVersion = stored.serverVersion;
    problem.at = QDateTime::fromMSecsSinceEpoch(stored.atMs, QTimeZone::utc());
    v1::Mutation mutation;
    if (mutation.ParseFromArray(stored.payload.constData(), int(stored.payload.size()))) {
        switch (mutation.payload_case()) {
        case v1::Mutation::kAddNote:
            problem.change = QStringLiteral("note");
            problem.text = QString::fromStdString(mutation.add_note().text());
            break;
        case v1::Mutation::kChangeCaseStatus:
            problem.change = QStringLiteral("status");
            problem.text = QString::number(int(mutation.change_case_status().status()));
            break;
        case v1::Mutation::kCreateCase:
            problem.change = QStringLiteral("case");
            problem.text = QString::fromStdString(mutation.create_case().summary());
            break;
        case v1::Mutation::kCreateCustomer:
            problem.change = QStringLiteral("customer");
            problem.text = QString::fromStdString(mutation.create_customer().name());
            break;
        case v1::Mutation::kAddInteraction:
            problem.change = QStringLiteral("contact");
            problem.text = QString::fromStdString(mutation.add_interaction().summary());
            break;
        default:
            break;
        }
    }
    return problem;
}

} // namespace

QList<SearchResult> SanadClient::searchLocalCustomers(const QString &query, int limit) const
{
    QList<SearchResult> results;
    for (const LocalStore::CachedEntity &entity : d->sync().store().searchCustomers(query, limit)) {
        v1::Customer customer;
        if (!customer.ParseFromArray(entity.payload.constData(), int(entity.payload.size())))
            continue;
        SearchResult result;
        result.customer = convert::toCustomer(customer);
        result.match = SearchMatch::Unspecified;
        results.append(result);
    }
    return results;
}

QList<SyncProblem> SanadClient::syncProblems() const
{
    QList<SyncProblem> list;
    for (const LocalStore::Problem &stored : d->sync().store().problems())
        list.append(toSyncProblem(stored));
    return list;
}

void SanadClient::resolveProblem(const QString &mutationId, bool keepMine)
{
    LocalStore &store = d->sync().store();
    if (!keepMine) {
        store.dismissProblem(mutationId);
        Q_EMIT syncStateChanged(d->sync().state());
        return;
    }
    for (const LocalStore::Problem &stored : store.problems()) {
        if (stored.mutationId != mutationId)
            continue;
        v1::Mutation mutation;
        if (!mutation.ParseFromArray(stored.payload.constData(), int(stored.payload.size())))
            break;
        // The agent has seen the server's version and keeps theirs: a new change on that version.
        const QString newId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        mutation.set_mutation_id(newId.toStdString());
        if (stored.kind == LocalStore::ProblemKind::Conflict)
            mutation.set_base_version(stored.serverVersion);
        store.retryProblem(mutationId, newId, mutation.base_version(),
                           QByteArray::fromStdString(mutation.SerializeAsString()),
                           QDateTime::currentMSecsSinceEpoch());
        break;
    }
    d->sync().syncNow();
    Q_EMIT syncStateChanged(d->sync().state());
}

namespace {

// What a mutation's answer means for the one who asked: an id (the entity) or an error.
void deliverChange(SanadClient *client, quint64 id, const PushAnswer &answer, const QString &fallbackEntity)
{
    switch (answer.outcome) {
    case v1::MUTATION_OUTCOME_APPLIED:
    case v1::MUTATION_OUTCOME_DUPLICATE:
        Q_EMIT client->changeApplied(id, answer.entityId.isEmpty() ? fallbackEntity : answer.entityId);
        return;
    case v1::MUTATION_OUTCOME_CONFLICT:
        Q_EMIT client->requestFailed(
            id,
            clientError(ClientError::Kind::FailedPrecondition, grpc::StatusCode::FAILED_PRECONDITION, answer.detail));
        return;
    default:
        Q_EMIT client->requestFailed(
            id, clientError(ClientError::Kind::InvalidArgument, grpc::StatusCode::INVALID_ARGUMENT, answer.detail));
        return;
    }
}

QString newClientUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

quint64 SanadClient::addCaseNote(const QString &caseId, const QString &text)
{
    v1::Mutation mutation;
    mutation.set_mutation_id(newClientUuid().toStdString());
    mutation.mutable_add_note()->set_case_id(caseId.toStdString());
    mutation.mutable_add_note()->set_text(text.toStdString());
    return d->submitMutation(std::move(mutation), [this](quint64 id, const PushAnswer &answer) {
        deliverChange(this, id, answer, QString());
    });
}

quint64 SanadClient::createCaseFor(const QString &customerId, const QString &category, const QString &summary)
{
    const QString caseId = newClientUuid();
    v1::Mutation mutation;
    mutation.set_mutation_id(newClientUuid().toStdString());
    v1::CreateCase *change = mutation.mutable_create_case();
    change->set_case_id(caseId.toStdString());
    change->set_customer_id(customerId.toStdString());
    change->set_category(category.toStdString());
    change->set_summary(summary.toStdString());
    return d->submitMutation(std::move(mutation), [this, caseId](quint64 id, const PushAnswer &answer) {
        deliverChange(this, id, answer, caseId);
    });
}

quint64 SanadClient::changeStatusOf(const QString &caseId, qint64 baseVersion, sanad::CaseStatus status,
                                    bool customerConfirmed)
{
    v1::Mutation mutation;
    mutation.set_mutation_id(newClientUuid().toStdString());
    mutation.set_base_version(baseVersion);
    v1::ChangeCaseStatus *change = mutation.mutable_change_case_status();
    change->set_case_id(caseId.toStdString());
    change->set_status(static_cast<v1::CaseStatus>(status));
    change->set_customer_confirmed(customerConfirmed);
    return d->submitMutation(std::move(mutation), [this, caseId](quint64 id, const PushAnswer &answer) {
        deliverChange(this, id, answer, caseId);
    });
}

namespace {

ScriptDocumentInfo toScriptDocument(const v1::ScriptDocument &d)
{
    ScriptDocumentInfo info;
    info.scriptId = QString::fromStdString(d.script_id());
    info.version = d.version();
    info.titleAr = QString::fromStdString(d.title_ar());
    info.titleEn = QString::fromStdString(d.title_en());
    info.category = QString::fromStdString(d.category());
    for (const std::string &queue : d.queues())
        info.queues.append(QString::fromStdString(queue));
    for (const std::string &keyword : d.keywords())
        info.keywords.append(QString::fromStdString(keyword));
    info.json = QByteArray::fromStdString(d.script_json());
    if (d.has_published_at())
        info.publishedAt = QDateTime::fromMSecsSinceEpoch(d.published_at().seconds() * 1000, Qt::UTC);
    return info;
}

void setTime(google::protobuf::Timestamp *timestamp, const QDateTime &time)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    timestamp->set_seconds(ms / 1000);
    timestamp->set_nanos(int(ms % 1000) * 1000000);
}

} // namespace

WorkPolicyInfo SanadClient::workPolicy() const
{
    if (d->m_workPolicy)
        return *d->m_workPolicy;
    if (d->m_syncEngine && d->m_syncEngine->store().isOpen()) {
        const QString kept = d->m_syncEngine->store().storedValue(kWorkPolicyKey);
        if (const std::optional<WorkPolicyInfo> policy = WorkPolicyInfo::fromJson(kept.toUtf8()))
            return *policy;
    }
    return WorkPolicyInfo::defaults();
}

void SanadClient::refreshWorkPolicy()
{
    if (isLoggedIn())
        d->fetchWorkPolicy();
}

quint64 SanadClient::listIncidents(const QString &category, const QString &location, const QString &caseId, int limit)
{
    v1::ListIncidentsRequest request;
    request.set_category(category.toStdString());
    request.set_location(location.toStdString());
    request.set_case_id(caseId.toStdString());
    request.set_limit(limit);
    return d->startRequest<v1::ListIncidentsRequest, v1::ListIncidentsResponse>(
        "ListIncidents", std::move(request),
        [cases = d->m_stubs ? d->m_stubs->cases.get()
                            : nullptr](grpc::ClientContext *context, const v1::ListIncidentsRequest *req,
                                       v1::ListIncidentsResponse *resp, std::function<void(grpc::Status)> done) {
            cases->async()->ListIncidents(context, req, resp, std::move(done));
        },
        [](const v1::ListIncidentsResponse &response) {
            QList<IncidentCandidateInfo> list;
            for (const v1::IncidentCandidate &c : response.incidents()) {
                IncidentCandidateInfo info;
                info.caseId = QString::fromStdString(c.case_id());
                info.number = QString::fromStdString(c.number());
                info.category = QString::fromStdString(c.category());
                info.location = QString::fromStdString(c.location());
                info.summary = QString::fromStdString(c.summary());
                info.reports = c.reports();
                info.priority = static_cast<Priority>(c.priority());
                info.status = static_cast<CaseStatus>(c.status());
                info.openedAt = convert::toDateTime(c.has_opened_at(), c.opened_at());
                info.incident = c.incident();
                list.append(info);
            }
            return list;
        },
        [this](quint64 id, const QList<IncidentCandidateInfo> &list) { Q_EMIT incidentsReady(id, list); });
}

quint64 SanadClient::listScripts()
{
    return d->startRequest<v1::ListScriptsRequest, v1::ListScriptsResponse>(
        "ListScripts", v1::ListScriptsRequest(),
        [scripts = d->m_stubs ? d->m_stubs->scripts.get()
                              : nullptr](grpc::ClientContext *context, const v1::ListScriptsRequest *req,
                                         v1::ListScriptsResponse *resp, std::function<void(grpc::Status)> done) {
            scripts->async()->ListScripts(context, req, resp, std::move(done));
        },
        [](const v1::ListScriptsResponse &response) {
            QList<ScriptDocumentInfo> list;
            for (const v1::ScriptDocument &doc : response.scripts())
                list.append(toScriptDocument(doc));
            return list;
        },
        [this](quint64 id, const QList<ScriptDocumentInfo> &list) { Q_EMIT scriptsReady(id, list); });
}

quint64 SanadClient::script(const QString &scriptId, int version)
{
    v1::GetScriptRequest request;
    request.set_script_id(scriptId.toStdString());
    request.set_version(version);
    return d->startRequest<v1::GetScriptRequest, v1::ScriptDocument>(
        "GetScript", std::move(request),
        [scripts = d->m_stubs ? d->m_stubs->scripts.get()
                              : nullptr](grpc::ClientContext *context, const v1::GetScriptRequest *req,
                                         v1::ScriptDocument *resp, std::function<void(grpc::Status)> done) {
            scripts->async()->GetScript(context, req, resp, std::move(done));
        },
        [](const v1::ScriptDocument &response) { return QList<ScriptDocumentInfo> { toScriptDocument(response) }; },
        [this](quint64 id, const QList<ScriptDocumentInfo> &list) { Q_EMIT scriptsReady(id, list); });
}

quint64 SanadClient::sendIdentityCode(const QString &customerId)
{
    v1::SendIdentityCodeRequest request;
    request.set_customer_id(customerId.toStdString());
    return d->startRequest<v1::SendIdentityCodeRequest, v1::SendIdentityCodeResponse>(
        "SendIdentityCode", std::move(request),
        [scripts = d->m_stubs ? d->m_stubs->scripts.get()
                              : nullptr](grpc::ClientContext *context, const v1::SendIdentityCodeRequest *req,
                                         v1::SendIdentityCodeResponse *resp, std::function<void(grpc::Status)> done) {
            scripts->async()->SendIdentityCode(context, req, resp, std::move(done));
        },
        [](const v1::SendIdentityCodeResponse &response) { return QString::fromStdString(response.masked_number()); },
        [this](quint64 id, const QString &masked) { Q_EMIT identityCodeSent(id, masked); });
}

quint64 SanadClient::checkIdentityCode(const QString &customerId, const QString &code)
{
    v1::CheckIdentityCodeRequest request;
    request.set_customer_id(customerId.toStdString());
    request.set_code(code.toStdString());
    return d->startRequest<v1::CheckIdentityCodeRequest, v1::CheckIdentityCodeResponse>(
        "CheckIdentityCode", std::move(request),
        [scripts = d->m_stubs ? d->m_stubs->scripts.get()
                              : nullptr](grpc::ClientContext *context, const v1::CheckIdentityCodeRequest *req,
                                         v1::CheckIdentityCodeResponse *resp, std::function<void(grpc::Status)> done) {
            scripts->async()->CheckIdentityCode(context, req, resp, std::move(done));
        },
        [](const v1::CheckIdentityCodeResponse &response) {
            return std::pair<bool, int>(response.verified(), response.attempts_left());
        },
        [this](quint64 id, const std::pair<bool, int> &result) {
            Q_EMIT identityCodeChecked(id, result.first, result.second);
        });
}

quint64 SanadClient::recordScriptRun(const ScriptRunRecord &run)
{
    const QString runId = run.runId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : run.runId;
    v1::Mutation mutation;
    mutation.set_mutation_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
    v1::RecordScriptRun *r = mutation.mutable_record_script_run();
    r->set_run_id(runId.toStdString());
    r->set_case_id(run.caseId.toStdString());
    r->set_script_id(run.scriptId.toStdString());
    r->set_script_version(run.scriptVersion);
    r->set_transcript_json(run.transcriptJson.toStdString());
    r->set_outcome(run.outcome.toStdString());
    r->set_customer_confirmed(run.customerConfirmed);
    for (const QString &step : run.path)
        r->add_path(step.toStdString());
    for (auto it = run.fields.cbegin(); it != run.fields.cend(); ++it)
        (*r->mutable_fields())[it.key().toStdString()] = it.value().toStdString();
    r->set_channel(v1::CHANNEL_VOICE);
    if (run.startedAt.isValid())
        setTime(r->mutable_started_at(), run.startedAt);
    if (run.endedAt.isValid())
        setTime(r->mutable_ended_at(), run.endedAt);
    r->set_referral_department(run.referralDepartment.toStdString());
    r->set_referral_sla_hours(run.referralSlaHours);
    r->set_outcome_reason(run.outcomeReason.toStdString());
    r->set_identity_verified(run.identityVerified);
    return d->submitMutation(std::move(mutation), [this, runId](quint64 id, const PushAnswer &answer) {
        switch (answer.outcome) {
        case v1::MUTATION_OUTCOME_APPLIED:
        case v1::MUTATION_OUTCOME_DUPLICATE:
            Q_EMIT scriptRunRecorded(id, answer.entityId.isEmpty() ? runId : answer.entityId, answer.detail);
            return;
        case v1::MUTATION_OUTCOME_REJECTED:
            Q_EMIT requestFailed(
                id, clientError(ClientError::Kind::InvalidArgument, grpc::StatusCode::INVALID_ARGUMENT, answer.detail));
            return;
        default:
            Q_EMIT requestFailed(id,
                                 clientError(ClientError::Kind::Other, grpc::StatusCode::UNKNOWN,
                                             QStringLiteral("The server did not say whether the script run was "
                                                            "recorded: look for it in the case's history, then "
                                                            "record it again if it is missing.")));
            return;
        }
    });
}

quint64 SanadClient::createCustomer(const NewCustomer &customer)
{
    const QString mutationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString customerId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return d->submitMutation(
        convert::toCreateCustomerMutation(customer, mutationId, customerId),
        [this, customerId](quint64 id, const PushAnswer &answer) {
            switch (answer.outcome) {
            case v1::MUTATION_OUTCOME_APPLIED:
            case v1::MUTATION_OUTCOME_DUPLICATE:
                Q_EMIT customerCreated(id, answer.entityId.isEmpty() ? customerId : answer.entityId);
                return;
            case v1::MUTATION_OUTCOME_REJECTED:
                Q_EMIT requestFailed(
                    id,
                    clientError(ClientError::Kind::InvalidArgument, grpc::StatusCode::INVALID_ARGUMENT, answer.detail));
                return;
            case v1::MUTATION_OUTCOME_CONFLICT:
                Q_EMIT requestFailed(id,
                                     clientError(ClientError::Kind::FailedPrecondition,
                                                 grpc::StatusCode::FAILED_PRECONDITION, answer.detail));
                return;
            default:
                qCWarning(lcClient, "Push answered without a usable result for the new customer");
                Q_EMIT requestFailed(
                    id,
                    clientError(ClientError::Kind::Other, grpc::StatusCode::UNKNOWN,
                                QStringLiteral("The server did not say whether the customer was created: "
                                               "search for the customer before trying again.")));
                return;
            }
        });
}

namespace {

QString newMutationId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

v1::Mutation lifecycleMutation(qint64 baseVersion)
{
    v1::Mutation mutation;
    mutation.set_mutation_id(newMutationId().toStdString());
    mutation.set_base_version(baseVersion);
    return mutation;
}

} // namespace

quint64 SanadClientPrivate::submitCaseChange(v1::Mutation mutation)
{
    return submitMutation(std::move(mutation), [this](quint64 id, const PushAnswer &answer) {
        switch (answer.outcome) {
        case v1::MUTATION_OUTCOME_APPLIED:
        case v1::MUTATION_OUTCOME_DUPLICATE:
            Q_EMIT q->caseChangeApplied(id, answer.entityId);
            return;
        case v1::MUTATION_OUTCOME_REJECTED:
            Q_EMIT q->requestFailed(
                id, clientError(ClientError::Kind::InvalidArgument, grpc::StatusCode::INVALID_ARGUMENT, answer.detail));
            return;
        case v1::MUTATION_OUTCOME_CONFLICT:
            Q_EMIT q->requestFailed(id,
                                    clientError(ClientError::Kind::FailedPrecondition,
                                                grpc::StatusCode::FAILED_PRECONDITION, answer.detail));
            return;
        default:
            Q_EMIT q->requestFailed(
                id, clientError(ClientError::Kind::Other, grpc::StatusCode::UNKNOWN,
                                QStringLiteral("The server did not say whether the change was made: reload the "
                                               "case before trying again.")));
            return;
        }
    });
}

quint64 SanadClient::changeCaseStatus(const QString &caseId, qint64 baseVersion, CaseStatus status,
                                      bool customerConfirmed, const QString &reason)
{
    v1::Mutation m = lifecycleMutation(baseVersion);
    v1::ChangeCaseStatus *change = m.mutable_change_case_status();
    change->set_case_id(caseId.toStdString());
    change->set_status(static_cast<v1::CaseStatus>(status));
    change->set_customer_confirmed(customerConfirmed);
    change->set_reason(reason.toStdString());
    return d->submitCaseChange(std::move(m));
}

quint64 SanadClient::confirmResolution(const QString &caseId, qint64 baseVersion, const QString &how)
{
    v1::Mutation m = lifecycleMutation(baseVersion);
    m.mutable_confirm_resolution()->set_case_id(caseId.toStdString());
    m.mutable_confirm_resolution()->set_how(how.toStdString());
    return d->submitCaseChange(std::move(m));
}

quint64 SanadClient::referCase(const QString &caseId, qint64 baseVersion, const QString &department,
                               const QString &owner)
{
    v1::Mutation m = lifecycleMutation(baseVersion);
    v1::ReferCase *change = m.mutable_refer_case();
    change->set_referral_id(newMutationId().toStdString());
    change->set_case_id(caseId.toStdString());
    change->set_department(department.toStdString());
    change->set_owner(owner.toStdString());
    return d->submitCaseChange(std::move(m));
}

quint64 SanadClient::linkToIncident(const QString &caseId, qint64 baseVersion, const QString &incidentCaseId)
{
    v1::Mutation m = lifecycleMutation(baseVersion);
    m.mutable_link_to_incident()->set_case_id(caseId.toStdString());
    m.mutable_link_to_incident()->set_incident_case_id(incidentCaseId.toStdString());
    return d->submitCaseChange(std::move(m));
}

quint64 SanadClient::recordWrapUp(const WrapUp &wrapUp)
{
    v1::Mutation m = lifecycleMutation(0);
    v1::RecordWrapUp *change = m.mutable_record_wrap_up();
    change->set_wrap_up_id(newMutationId().toStdString());
    change->set_customer_id(wrapUp.customerId.toStdString());
    change->set_case_id(wrapUp.caseId.toStdString());
    change->set_call_id(wrapUp.callId.toStdString());
    change->set_disposition(wrapUp.disposition.toStdString());
    change->set_notes(wrapUp.notes.toStdString());
    change->set_mood(static_cast<v1::CallerMood>(wrapUp.mood));
    change->set_after_call_work_seconds(wrapUp.afterCallWorkSeconds);
    return d->submitCaseChange(std::move(m));
}

quint64 SanadClient::scheduleCallback(const CallbackRequest &request)
{
    v1::Mutation m = lifecycleMutation(0);
    v1::ScheduleCallback *change = m.mutable_schedule_callback();
    change->set_callback_id(newMutationId().toStdString());
    change->set_customer_id(request.customerId.toStdString());
    change->set_case_id(request.caseId.toStdString());
    change->set_phone(request.phone.toStdString());
    change->set_reason(request.reason.toStdString());
    if (request.dueAt.isValid()) {
        const qint64 ms = request.dueAt.toMSecsSinceEpoch();
        change->mutable_due_at()->set_seconds(ms / 1000);
        change->mutable_due_at()->set_nanos(int(ms % 1000) * 1000000);
    }
    change->set_queue(request.queue.toStdString());
    return d->submitCaseChange(std::move(m));
}

quint64 SanadClient::recordCallbackAttempt(const QString &callbackId, qint64 baseVersion, bool reached,
                                           const QString &outcome, bool giveUp)
{
    v1::Mutation m = lifecycleMutation(baseVersion);
    v1::RecordCallbackAttempt *change = m.mutable_record_callback_attempt();
    change->set_callback_id(callbackId.toStdString());
    change->set_reached(reached);
    change->set_outcome(outcome.toStdString());
    change->set_give_up(giveUp);
    return d->submitCaseChange(std::move(m));
}

void SanadClient::cancel(quint64 requestId)
{
    const auto it = d->m_requests.find(requestId);
    if (it == d->m_requests.end() || it.value())
        return;
    it.value() = true; // whatever the call answers, requestFailed(Cancelled) follows
    d->m_calls->cancel(requestId);
}

void SanadClient::setPresence(AgentState state)
{
    v1::SetPresenceRequest request;
    request.set_state(convert::toProto(state));
    d->startOperation<v1::SetPresenceRequest, v1::SetPresenceResponse>(
        QStringLiteral("setPresence"), std::move(request),
        [agent = d->m_stubs ? d->m_stubs->agent.get()
                            : nullptr](grpc::ClientContext *context, const v1::SetPresenceRequest *req,
                                       v1::SetPresenceResponse *resp, std::function<void(grpc::Status)> done) {
            agent->async()->SetPresence(context, req, resp, std::move(done));
        },
        [](const v1::SetPresenceResponse &response) {
            return PresenceAnswer { convert::toAgentState(response.state()),
                                    convert::toDateTime(response.has_since(), response.since()) };
        },
        [this](const PresenceAnswer &answer) { d->emitPresence(answer.state, answer.since, QString()); });
}

void SanadClient::acceptContact(const QString &callId)
{
    v1::AcceptContactRequest request;
    request.set_call_id(callId.toStdString());
    d->startOperation<v1::AcceptContactRequest, v1::AcceptContactResponse>(
        QStringLiteral("acceptContact"), std::move(request),
        [agent = d->m_stubs ? d->m_stubs->agent.get()
                            : nullptr](grpc::ClientContext *context, const v1::AcceptContactRequest *req,
                                       v1::AcceptContactResponse *resp, std::function<void(grpc::Status)> done) {
            agent->async()->AcceptContact(context, req, resp, std::move(done));
        },
        [](const v1::AcceptContactResponse &response) { return convert::toAgentState(response.state()); },
        [this, callId](AgentState state) {
            d->emitAccepted(callId);
            d->emitPresence(state, QDateTime(), QString());
        });
}

void SanadClient::endContact(const QString &callId)
{
    v1::EndContactRequest request;
    request.set_call_id(callId.toStdString());
    d->startOperation<v1::EndContactRequest, v1::EndContactResponse>(
        QStringLiteral("endContact"), std::move(request),
        [agent = d->m_stubs ? d->m_stubs->agent.get()
                            : nullptr](grpc::ClientContext *context, const v1::EndContactRequest *req,
                                       v1::EndContactResponse *resp, std::function<void(grpc::Status)> done) {
            agent->async()->EndContact(context, req, resp, std::move(done));
        },
        [](const v1::EndContactResponse &response) { return convert::toAgentState(response.state()); },
        [this, callId](AgentState state) {
            d->emitEnded(callId);
            d->emitPresence(state, QDateTime(), QString());
        });
}

void SanadClient::startAgentStream()
{
    if (!d->canCall()) {
        qCWarning(lcClient, "startAgentStream() without a session: sign in first");
        return;
    }
    d->m_streamWanted = true;
    if (d->m_streamCall != 0 || d->m_reconnectTimer->isActive())
        return;
    d->openStream();
}

void SanadClient::stopAgentStream()
{
    d->stopStream();
}

SanadClient::StreamState SanadClient::streamState() const
{
    return d->m_streamState;
}

void SanadClient::setDeadlineMs(int ms)
{
    d->m_deadlineMs = qMax(1, ms);
}

int SanadClient::deadlineMs() const
{
    return d->m_deadlineMs;
}

} // namespace sanad::client
