#pragma once

#include "client/types.h"

#include <grpcpp/support/status.h>

// Private to sanad_client: the one place that turns a gRPC status into a ClientError.
namespace sanad::client {

// UNAVAILABLE and DEADLINE_EXCEEDED → Unreachable; UNAUTHENTICATED, PERMISSION_DENIED,
// INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION and CANCELLED → their own kind; any other code
// → Other; OK → Kind::None. The gRPC code and the server's message are always kept.
ClientError errorFromStatus(const grpc::Status &status);

// A ClientError made on the client's side (no RPC ran, or the RPC succeeded but the answer says no).
ClientError clientError(ClientError::Kind kind, grpc::StatusCode code, const QString &message);

} // namespace sanad::client
