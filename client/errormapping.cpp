#include "client/errormapping.h"

namespace sanad::client {

ClientError errorFromStatus(const grpc::Status &status)
{
    ClientError error;
    error.grpcCode = static_cast<int>(status.error_code());
    error.serverMessage = QString::fromStdString(status.error_message());
    switch (status.error_code()) {
    case grpc::StatusCode::OK:
        error.kind = ClientError::Kind::None;
        break;
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
        error.kind = ClientError::Kind::Unreachable;
        break;
    case grpc::StatusCode::UNAUTHENTICATED:
        error.kind = ClientError::Kind::Unauthenticated;
        break;
    case grpc::StatusCode::PERMISSION_DENIED:
        error.kind = ClientError::Kind::PermissionDenied;
        break;
    case grpc::StatusCode::INVALID_ARGUMENT:
        error.kind = ClientError::Kind::InvalidArgument;
        break;
    case grpc::StatusCode::NOT_FOUND:
        error.kind = ClientError::Kind::NotFound;
        break;
    case grpc::StatusCode::FAILED_PRECONDITION:
        error.kind = ClientError::Kind::FailedPrecondition;
        break;
    case grpc::StatusCode::CANCELLED:
        error.kind = ClientError::Kind::Cancelled;
        break;
    default:
        error.kind = ClientError::Kind::Other;
        break;
    }
    return error;
}

ClientError clientError(ClientError::Kind kind, grpc::StatusCode code, const QString &message)
{
    ClientError error;
    error.kind = kind;
    error.grpcCode = static_cast<int>(code);
    error.serverMessage = message;
    return error;
}

} // namespace sanad::client
