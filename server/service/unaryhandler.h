#pragma once

#include "server/logcategories.h"
#include "server/storage/database.h"
#include "server/storage/storageerror.h"

#include <grpcpp/support/server_callback.h>
#include <grpcpp/support/status.h>

#include <exception>
#include <utility>

namespace sanad::server {

// The status a handler answers when the database failed under it. UNAVAILABLE: clients retry
// with backoff, and a retried push is safe (mutation ids).
inline grpc::Status storageFailureStatus()
{
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        "The case service could not use its database just now: try again in a moment; if it keeps "
                        "failing, tell your administrator.");
}

// Runs a unary handler's work on the database's worker pool and finishes the reactor from
// there, so gRPC's threads never wait for SQL. work() returns the status to finish with (and
// fills the response it captured). Exceptions never escape to the pool.
template<typename Work> void finishOnWorker(Database &database, grpc::ServerUnaryReactor *reactor, Work &&work)
{
    database.post([reactor, work = std::forward<Work>(work)]() mutable {
        grpc::Status status;
        try {
            status = work();
        } catch (const StorageError &error) {
            qCWarning(lcService).noquote() << error.message();
            status = storageFailureStatus();
        } catch (const std::exception &error) {
            qCCritical(lcService) << "a handler failed:" << error.what();
            status = grpc::Status(grpc::StatusCode::INTERNAL,
                                  "The case service failed to answer: try again; if it keeps failing, tell your "
                                  "administrator.");
        }
        reactor->Finish(std::move(status));
    });
}

inline grpc::Status invalidArgument(const QString &message)
{
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, message.toStdString());
}

inline grpc::Status notFound(const QString &message)
{
    return grpc::Status(grpc::StatusCode::NOT_FOUND, message.toStdString());
}

inline grpc::Status failedPrecondition(const QString &message)
{
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, message.toStdString());
}

} // namespace sanad::server
