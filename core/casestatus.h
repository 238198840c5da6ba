#pragma once

#include <QString>

#include <optional>

namespace sanad {

// Numbered as sanad.v1.CaseStatus, so a cast converts between them.
enum class CaseStatus {
    Unspecified = 0,
    New = 1,
    InProgress = 2,
    Referred = 3,
    PendingCustomer = 4,
    Resolved = 5,
    Closed = 6,
    Reopened = 7,
};

bool isOpenStatus(CaseStatus status);

// Why a transition is refused, in English words a person can act on; nullopt when it is allowed.
// A case counts as resolved only with the customer's confirmation (PRODUCT.md).
std::optional<QString> transitionRefusal(CaseStatus from, CaseStatus to, bool customerConfirmed);

// "new", "in_progress", ... for logs and the command line.
QString caseStatusName(CaseStatus status);

} // namespace sanad
