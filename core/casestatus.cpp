#include "core/casestatus.h"

namespace sanad {

namespace {

using S = CaseStatus;

// Where work on an open case can go next: on with the work, to a department, waiting for the
// customer, waiting for the customer's confirmation, or resolved with it.
constexpr S kWorkTargets[] = {S::InProgress, S::Referred, S::PendingCustomer, S::AwaitingConfirmation, S::Resolved};

bool isWorkTarget(S to)
{
    for (S s : kWorkTargets) {
        if (s == to)
            return true;
    }
    return false;
}

} // namespace

bool isOpenStatus(CaseStatus status)
{
    return status != CaseStatus::Resolved && status != CaseStatus::Closed && status != CaseStatus::Unspecified;
}

QString caseStatusName(CaseStatus status)
{
    switch (status) {
    case CaseStatus::New:
        return QStringLiteral("new");
    case CaseStatus::InProgress:
        return QStringLiteral("in_progress");
    case CaseStatus::Referred:
        return QStringLiteral("referred");
    case CaseStatus::PendingCustomer:
        return QStringLiteral("pending_customer");
    case CaseStatus::Resolved:
        return QStringLiteral("resolved");
    case CaseStatus::Closed:
        return QStringLiteral("closed");
    case CaseStatus::Reopened:
        return QStringLiteral("reopened");
    case CaseStatus::AwaitingConfirmation:
        return QStringLiteral("awaiting_confirmation");
    case CaseStatus::Unspecified:
        break;
    }
    return QStringLiteral("unspecified");
}

bool isTransitionAllowed(CaseStatus from, CaseStatus to)
{
    if (from == to)
        return false;
    switch (from) {
    case S::New:
    case S::InProgress:
    case S::Referred:
    case S::PendingCustomer:
    case S::Reopened:
        return isWorkTarget(to);
    case S::AwaitingConfirmation:
        // The customer confirms (resolved), says it is not solved (reopened), or the agent
        // takes it back to work before asking (in progress, referred).
        return to == S::Resolved || to == S::Reopened || to == S::InProgress || to == S::Referred;
    case S::Resolved:
        return to == S::Closed || to == S::Reopened;
    case S::Closed:
        return to == S::Reopened;
    case S::Unspecified:
        break;
    }
    return false;
}

QList<CaseStatus> allowedTransitions(CaseStatus from)
{
    QList<CaseStatus> result;
    for (int to = 0; to <= kLastCaseStatus; ++to) {
        if (isTransitionAllowed(from, CaseStatus(to)))
            result.append(CaseStatus(to));
    }
    return result;
}

std::optional<QString> transitionRefusal(CaseStatus from, CaseStatus to, bool customerConfirmed)
{
    if (to == CaseStatus::Unspecified || to == CaseStatus::New || int(to) < 0 || int(to) > kLastCaseStatus)
        return QStringLiteral("A case cannot be set to %1: choose in progress, referred, pending customer, "
                              "awaiting confirmation, resolved, closed or reopened.")
            .arg(caseStatusName(to));
    if (from == to)
        return QStringLiteral("The case is already %1.").arg(caseStatusName(to));
    if (to == CaseStatus::Resolved && !customerConfirmed)
        return QStringLiteral("A case is resolved only when the customer confirms it: ask the customer, or set it "
                              "to awaiting confirmation until they confirm.");
    if (isTransitionAllowed(from, to))
        return std::nullopt;
    if (to == CaseStatus::Reopened)
        return QStringLiteral("Only a resolved, closed or awaiting-confirmation case can be reopened; this case is %1.")
            .arg(caseStatusName(from));
    if (from == CaseStatus::Resolved || from == CaseStatus::Closed)
        return QStringLiteral("The case is %1: reopen it first.").arg(caseStatusName(from));
    if (from == CaseStatus::AwaitingConfirmation)
        return QStringLiteral("The case awaits the customer's confirmation: resolve it when they confirm, reopen "
                              "it when they do not, or take it back in progress.");
    return QStringLiteral("A %1 case cannot become %2: resolve it with the customer's confirmation first.")
        .arg(caseStatusName(from), caseStatusName(to));
}

} // namespace sanad
