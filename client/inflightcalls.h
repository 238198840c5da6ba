#pragma once

#include <QtGlobal>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace grpc {
class ClientContext;
}

namespace sanad::client {

// Private to sanad_client: the gRPC calls a SanadClient has in flight, so that a call can be
// cancelled and the client's destructor can wait until every call is over.
//
// Thread-safe. add() is called on the client's thread before a call starts. A call's completion
// callback (on a gRPC thread) calls finish(id), then destroys the call's state, then calls
// release() as its very last step. Callbacks hold a shared_ptr to this object, so it outlives the
// client while a callback is still returning.
//
// Why release() comes after the state is gone: a ClientContext holds a reference to its
// grpc::Channel, and gRPC 1.51 breaks (a self-join, then a crash) when the last reference to a
// Channel drops on one of its own callback threads. The client keeps its channels until
// cancelAllAndWait() returns, so the last reference always drops on the client's thread.
//
// The lock is never held while calling into gRPC: TryCancel may run a completion callback on the
// calling thread, and that callback calls finish().
class InFlightCalls final
{
public:
    InFlightCalls() = default;
    Q_DISABLE_COPY_MOVE(InFlightCalls)

    // The context stays alive at least until finish(id); it may be an aliasing pointer into the
    // call's own state (request, response, reactor).
    void add(quint64 id, std::shared_ptr<grpc::ClientContext> context);
    // The call has completed: it can no longer be cancelled.
    void finish(quint64 id);
    // The call's state is destroyed; nothing of the call is left but the callback's return.
    void release();
    // TryCancel on the call; false when it had already finished.
    bool cancel(quint64 id);
    // Cancels every call and blocks until each of them has called release().
    void cancelAllAndWait();
    int size() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_allReleased;
    std::unordered_map<quint64, std::shared_ptr<grpc::ClientContext>> m_calls;
    int m_unreleased = 0;
};

} // namespace sanad::client
