#pragma once

#include "sanad/v1/case.pb.h"

#include <QString>

namespace sanad::server {

class Database;

// Builds the screen-pop of one customer: the card (phones, verifications newest first), cases
// newest first each with its interactions and referrals, the whole history newest first, and
// the repeat-contact warning. Used by LookupCaller and GetCustomerContext alike. Runs on a
// worker thread; throws StorageError.
class CallerContextBuilder
{
public:
    explicit CallerContextBuilder(Database &database);

    // false when there is no such customer. Contacts at or after contactsBeforeMs (the call now
    // ringing, once recorded) and notes do not count as earlier contacts; the 7-day window ends
    // at contactsBeforeMs.
    bool build(const QString &customerId, qint64 contactsBeforeMs, v1::CallerContext *context);

private:
    Database &m_database;
};

} // namespace sanad::server
