#pragma once

#include <QList>
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
    // The agent believes the matter is solved, but the customer has not confirmed it yet
    // (PRODUCT.md: no case is "resolved" on the agent's word alone).
    AwaitingConfirmation = 8,
};

constexpr int kLastCaseStatus = static_cast<int>(CaseStatus::AwaitingConfirmation);

// Open: still needs work or an answer (everything but resolved, closed and unspecified).
// A case awaiting confirmation is open: it is not solved until the customer says so.
bool isOpenStatus(CaseStatus status);

// The transition table (docs/cases.md), without the confirmation rule: may a case in `from` be
// set to `to` at all? RESOLVED additionally needs the customer's confirmation.
bool isTransitionAllowed(CaseStatus from, CaseStatus to);
// Every status `from` may go to, in enum order.
QList<CaseStatus> allowedTransitions(CaseStatus from);

// Why a transition is refused, in English words a person can act on; nullopt when it is allowed.
// A case counts as resolved only with the customer's confirmation (PRODUCT.md).
std::optional<QString> transitionRefusal(CaseStatus from, CaseStatus to, bool customerConfirmed);

// "new", "in_progress", ... for logs and the command line.
QString caseStatusName(CaseStatus status);

} // namespace sanad
