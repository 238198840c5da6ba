#include "grpctestclient.h"

#include <grpcpp/generic/generic_stub.h>

#include <atomic>
#include <chrono>
#include <future>

namespace sanad::test {

namespace {

std::string std8(const QString &text)
{
    return text.toStdString();
}

} // namespace

GrpcTestClient::GrpcTestClient(const QString &address)
    : m_channel(grpc::CreateChannel(std8(address), grpc::InsecureChannelCredentials()))
    , m_auth(v1::AuthService::NewStub(m_channel))
    , m_cti(v1::CtiService::NewStub(m_channel))
    , m_cases(v1::CaseService::NewStub(m_channel))
    , m_sync(v1::SyncService::NewStub(m_channel))
    , m_agent(v1::AgentService::NewStub(m_channel))
    , m_testClock(v1::testing::TestClockService::NewStub(m_channel))
    , m_health(grpc::health::v1::Health::NewStub(m_channel))
{ }

std::unique_ptr<grpc::ClientContext> GrpcTestClient::context(const QString &token, int deadlineMs)
{
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(deadlineMs));
    if (!token.isEmpty())
        context->AddMetadata("authorization", "Bearer " + std8(token));
    return context;
}

QString GrpcTestClient::login(const QString &username, const QString &password, grpc::Status *status,
                              v1::LoginResponse *response)
{
    v1::LoginRequest request;
    request.set_username(std8(username));
    request.set_password(std8(password));
    v1::LoginResponse local;
    v1::LoginResponse *out = response ? response : &local;
    const grpc::Status result = m_auth->Login(context(QString()).get(), request, out);
    if (status)
        *status = result;
    return result.ok() ? QString::fromStdString(out->token()) : QString();
}

grpc::Status GrpcTestClient::reportCall(const QString &token, const QString &callId, v1::CallEventKind kind,
                                        const QString &callerNumber, bool *accepted, const QString &queue)
{
    v1::CallEvent event;
    event.set_call_id(std8(callId));
    event.set_kind(kind);
    event.set_caller_number(std8(callerNumber));
    event.set_queue(std8(queue));
    v1::CallEventAck ack;
    const grpc::Status status = m_cti->ReportCallEvent(context(token).get(), event, &ack);
    if (accepted)
        *accepted = ack.accepted();
    return status;
}

grpc::Status GrpcTestClient::lookup(const QString &token, const QString &phone, v1::CallerContext *callerContext)
{
    v1::LookupCallerRequest request;
    request.set_phone_number(std8(phone));
    return m_cases->LookupCaller(context(token).get(), request, callerContext);
}

grpc::Status GrpcTestClient::setPresence(const QString &token, v1::AgentState state, v1::SetPresenceResponse *response)
{
    v1::SetPresenceRequest request;
    request.set_state(state);
    v1::SetPresenceResponse local;
    return m_agent->SetPresence(context(token).get(), request, response ? response : &local);
}

grpc::Status GrpcTestClient::advanceClock(const QString &adminToken, qint64 milliseconds)
{
    v1::testing::AdvanceRequest request;
    request.set_milliseconds(milliseconds);
    v1::testing::AdvanceResponse response;
    return m_testClock->Advance(context(adminToken).get(), request, &response);
}

grpc::Status GrpcTestClient::push(const QString &token, const QList<v1::Mutation> &mutations,
                                  v1::PushResponse *response)
{
    v1::PushRequest request;
    for (const v1::Mutation &mutation : mutations)
        *request.add_mutations() = mutation;
    return m_sync->Push(context(token).get(), request, response);
}

v1::Mutation GrpcTestClient::newMutation(qint64 baseVersion)
{
    static std::atomic<int> counter = 0;
    v1::Mutation m;
    m.set_mutation_id("t-" + std::to_string(++counter));
    m.set_base_version(baseVersion);
    return m;
}

v1::MutationResult GrpcTestClient::pushOne(const QString &token, const v1::Mutation &mutation)
{
    v1::PushResponse response;
    const grpc::Status status = push(token, { mutation }, &response);
    if (!status.ok() || response.results_size() != 1) {
        qWarning("push failed: %s", status.error_message().c_str());
        return {};
    }
    return response.results(0);
}

std::string GrpcTestClient::createCustomer(const QString &token, const std::string &phone)
{
    static std::atomic<int> counter = 0;
    v1::Mutation m = newMutation();
    const std::string id = "cust-" + std::to_string(++counter);
    m.mutable_create_customer()->set_customer_id(id);
    m.mutable_create_customer()->set_name("Caller " + id);
    m.mutable_create_customer()->add_phones(phone);
    const v1::MutationResult r = pushOne(token, m);
    if (r.outcome() != v1::MUTATION_OUTCOME_APPLIED)
        qWarning("create customer: %s", r.detail().c_str());
    return id;
}

std::string GrpcTestClient::createCase(const QString &token, const std::string &customerId, const std::string &category,
                                       const std::string &location)
{
    static std::atomic<int> counter = 0;
    v1::Mutation m = newMutation();
    const std::string id = "case-" + std::to_string(++counter);
    m.mutable_create_case()->set_case_id(id);
    m.mutable_create_case()->set_customer_id(customerId);
    m.mutable_create_case()->set_category(category);
    m.mutable_create_case()->set_location(location);
    const v1::MutationResult r = pushOne(token, m);
    if (r.outcome() != v1::MUTATION_OUTCOME_APPLIED)
        qWarning("create case: %s", r.detail().c_str());
    return id;
}

grpc::Status GrpcTestClient::healthCheck(bool *serving)
{
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    const auto ctx = context(QString());
    const grpc::Status status = m_health->Check(ctx.get(), request, &response);
    *serving = status.ok() && response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
    return status;
}

namespace {

// One request, one answer over a bidirectional generic stream.
class OneShotBidi final : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>
{
public:
    explicit OneShotBidi(const std::string &request)
    {
        grpc::Slice slice(request);
        m_request = grpc::ByteBuffer(&slice, 1);
    }
    void start()
    {
        StartWrite(&m_request);
        StartWritesDone();
        StartRead(&m_answer);
        StartCall();
    }
    void OnReadDone(bool ok) override
    {
        if (ok) {
            std::vector<grpc::Slice> slices;
            if (m_answer.Dump(&slices).ok()) {
                for (const grpc::Slice &slice : slices)
                    m_bytes.append(reinterpret_cast<const char *>(slice.begin()), slice.size());
            }
        }
    }
    void OnDone(const grpc::Status &status) override { m_done.set_value(status); }
    grpc::Status wait() { return m_done.get_future().get(); }
    std::string bytes() const { return m_bytes; }

private:
    grpc::ByteBuffer m_request;
    grpc::ByteBuffer m_answer;
    std::string m_bytes;
    std::promise<grpc::Status> m_done;
};

} // namespace

grpc::Status GrpcTestClient::reflectionListServices(std::string *answer)
{
    // ServerReflectionRequest{list_services: ""}: field 7, length-delimited, empty.
    OneShotBidi call(std::string("\x3a\x00", 2));
    grpc::GenericStub stub(m_channel);
    auto ctx = context(QString());
    stub.PrepareBidiStreamingCall(ctx.get(), "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                                  grpc::StubOptions(), &call);
    call.start();
    const grpc::Status status = call.wait();
    *answer = call.bytes();
    return status;
}

AgentStreamReader::AgentStreamReader(GrpcTestClient &client, const QString &token)
{
    if (!token.isEmpty())
        m_context.AddMetadata("authorization", "Bearer " + std8(token));
    m_reader = client.agent().Connect(&m_context, v1::ConnectRequest());
    m_thread = std::thread([this] {
        v1::AgentEvent event;
        while (m_reader->Read(&event)) {
            std::lock_guard lock(m_mutex);
            m_events.append(event);
        }
        const grpc::Status status = m_reader->Finish();
        std::lock_guard lock(m_mutex);
        m_status = status;
        m_finished = true;
    });
}

AgentStreamReader::~AgentStreamReader()
{
    cancel();
    if (m_thread.joinable())
        m_thread.join();
}

void AgentStreamReader::cancel()
{
    m_context.TryCancel();
}

QList<v1::AgentEvent> AgentStreamReader::events() const
{
    std::lock_guard lock(m_mutex);
    return m_events;
}

int AgentStreamReader::eventCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_events.size());
}

bool AgentStreamReader::finished() const
{
    std::lock_guard lock(m_mutex);
    return m_finished;
}

grpc::Status AgentStreamReader::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

int AgentStreamReader::count(const std::function<bool(const v1::AgentEvent &)> &predicate) const
{
    std::lock_guard lock(m_mutex);
    int n = 0;
    for (const v1::AgentEvent &event : m_events) {
        if (predicate(event))
            ++n;
    }
    return n;
}

int AgentStreamReader::offersOf(const QString &callId) const
{
    const std::string id = std8(callId);
    return count([&id](const v1::AgentEvent &e) {
        return e.has_contact_offered() && (id.empty() || e.contact_offered().call_id() == id);
    });
}

int AgentStreamReader::revokesOf(const QString &callId, v1::RevokeReason reason) const
{
    const std::string id = std8(callId);
    return count([&id, reason](const v1::AgentEvent &e) {
        return e.has_contact_revoked() && e.contact_revoked().reason() == reason
            && (id.empty() || e.contact_revoked().call_id() == id);
    });
}

int AgentStreamReader::acceptedOf(const QString &callId) const
{
    const std::string id = std8(callId);
    return count([&id](const v1::AgentEvent &e) {
        return e.has_contact_accepted() && (id.empty() || e.contact_accepted().call_id() == id);
    });
}

int AgentStreamReader::endedOf(const QString &callId) const
{
    const std::string id = std8(callId);
    return count([&id](const v1::AgentEvent &e) {
        return e.has_contact_ended() && (id.empty() || e.contact_ended().call_id() == id);
    });
}

v1::ContactOffered AgentStreamReader::offer(const QString &callId) const
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_events.crbegin(); it != m_events.crend(); ++it) {
        if (it->has_contact_offered() && it->contact_offered().call_id() == std8(callId))
            return it->contact_offered();
    }
    return v1::ContactOffered();
}

v1::AgentState AgentStreamReader::lastPresence() const
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_events.crbegin(); it != m_events.crend(); ++it) {
        if (it->has_presence_changed())
            return it->presence_changed().state();
    }
    return v1::AGENT_STATE_UNSPECIFIED;
}

QString AgentStreamReader::lastPresenceReason() const
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_events.crbegin(); it != m_events.crend(); ++it) {
        if (it->has_presence_changed())
            return QString::fromStdString(it->presence_changed().reason());
    }
    return QString();
}

} // namespace sanad::test
