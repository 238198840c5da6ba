#pragma once

#include "core/casepolicy.h"

#include <QtGlobal>

namespace sanad {
class Clock;
class PhoneNumberNormalizer;
} // namespace sanad

namespace sanad::server {

class Authorizer;
class Database;
class QueueRouter;

// What every service shares. All members outlive the gRPC server.
struct ServiceContext
{
    Database &database;
    const Clock &clock;
    const PhoneNumberNormalizer &normalizer;
    QueueRouter &router;
    Authorizer &authorizer;
    qint64 tokenTtlMs = 43200 * 1000;
    CasePolicy policy = CasePolicy::defaults(); // sanad-server --policy FILE

};

} // namespace sanad::server
