#include "server/service/agentstream.h"

namespace sanad::server {

AgentStream::AgentStream(quint64 connectionId, std::function<void(AgentStream *)> onDone)
    : m_connectionId(connectionId)
    , m_onDone(std::move(onDone))
{ }

void AgentStream::start()
{
    m_self = shared_from_this();
}

void AgentStream::setAgent(const QString &agentId)
{
    std::lock_guard lock(m_mutex);
    m_agentId = agentId;
}

QString AgentStream::agentId() const
{
    std::lock_guard lock(m_mutex);
    return m_agentId;
}

void AgentStream::push(v1::AgentEvent event)
{
    const v1::AgentEvent *write = nullptr;
    {
        std::lock_guard lock(m_mutex);
        if (m_finishRequested)
            return;
        m_queue.push_back(std::move(event));
        if (m_writing)
            return;
        m_writing = true;
        write = &m_queue.front(); // deque elements stay put while others are appended
    }
    StartWrite(write);
}

void AgentStream::finish(const grpc::Status &status)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_finishRequested)
            return;
        m_finishRequested = true;
        m_status = status;
        if (m_writing)
            return; // OnWriteDone finishes
        m_finishCalled = true;
    }
    Finish(status);
}

bool AgentStream::isFinishing() const
{
    std::lock_guard lock(m_mutex);
    return m_finishRequested;
}

void AgentStream::OnWriteDone(bool ok)
{
    const v1::AgentEvent *next = nullptr;
    bool callFinish = false;
    grpc::Status status;
    {
        std::lock_guard lock(m_mutex);
        if (!m_queue.empty())
            m_queue.pop_front();
        if (!ok && !m_finishRequested) {
            // The client is gone: nothing more can be written.
            m_finishRequested = true;
            m_status = grpc::Status(grpc::StatusCode::CANCELLED, "The agent's stream was closed.");
        }
        if (m_finishRequested) {
            m_queue.clear();
            m_writing = false;
            if (!m_finishCalled) {
                m_finishCalled = true;
                callFinish = true;
                status = m_status;
            }
        } else if (!m_queue.empty()) {
            next = &m_queue.front();
        } else {
            m_writing = false;
        }
    }
    if (next)
        StartWrite(next);
    else if (callFinish)
        Finish(status);
}

void AgentStream::OnCancel()
{
    finish(grpc::Status(grpc::StatusCode::CANCELLED, "The agent's stream was cancelled."));
}

void AgentStream::OnDone()
{
    if (m_onDone)
        m_onDone(this);
    // May destroy this object: nothing after this line.
    const std::shared_ptr<AgentStream> last = std::move(m_self);
}

} // namespace sanad::server
