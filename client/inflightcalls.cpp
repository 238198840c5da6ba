#include "client/inflightcalls.h"

#include <grpcpp/client_context.h>

#include <vector>

namespace sanad::client {

void InFlightCalls::add(quint64 id, std::shared_ptr<grpc::ClientContext> context)
{
    const std::lock_guard lock(m_mutex);
    m_calls.emplace(id, std::move(context));
    ++m_unreleased;
}

void InFlightCalls::finish(quint64 id)
{
    std::shared_ptr<grpc::ClientContext> context;
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_calls.find(id);
        if (it == m_calls.end())
            return;
        // Released after the lock, in case this was not the last reference after all.
        context = std::move(it->second);
        m_calls.erase(it);
    }
}

void InFlightCalls::release()
{
    const std::lock_guard lock(m_mutex);
    if (--m_unreleased == 0)
        m_allReleased.notify_all();
}

bool InFlightCalls::cancel(quint64 id)
{
    std::shared_ptr<grpc::ClientContext> context;
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_calls.find(id);
        if (it == m_calls.end())
            return false;
        context = it->second;
    }
    context->TryCancel();
    return true;
}

void InFlightCalls::cancelAllAndWait()
{
    std::vector<std::shared_ptr<grpc::ClientContext>> contexts;
    {
        const std::lock_guard lock(m_mutex);
        contexts.reserve(m_calls.size());
        for (const auto &[id, context] : m_calls)
            contexts.push_back(context);
    }
    for (const auto &context : contexts)
        context->TryCancel();
    // Dropped here, on this thread: no call state (which holds a channel reference) outlives the wait.
    contexts.clear();
    std::unique_lock lock(m_mutex);
    m_allReleased.wait(lock, [this] { return m_unreleased == 0; });
}

int InFlightCalls::size() const
{
    const std::lock_guard lock(m_mutex);
    return static_cast<int>(m_calls.size());
}

} // namespace sanad::client
