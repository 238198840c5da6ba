#include "core/casestatus.h"

namespace sanad {

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
    case CaseStatus::Unspecified:
        break;
    }
    return QStringLiteral("unspecified");
}

std::optional<QString> transitionRefusal(CaseStatus from, CaseStatus to, bool customerConfirmed)
{
    if (to == CaseStatus::Unspecified || to == CaseStatus::New)
        return QStringLiteral("A case cannot be set to %1: choose in progress, referred, pending customer, "
                              "resolved, closed or reopened.")
            .arg(caseStatusName(to));
    if (from == to)
        return QStringLiteral("The case is already %1.").arg(caseStatusName(to));
    if (to == CaseStatus::Resolved && !customerConfirmed)
        return QStringLiteral("A case is resolved only when the customer confirms it: ask the customer, or set it "
                              "to pending customer until they confirm.");

    bool allowed = false;
    switch (from) {
    case CaseStatus::New:
    case CaseStatus::InProgress:
    case CaseStatus::Referred:
    case CaseStatus::PendingCustomer:
    case CaseStatus::Reopened:
        allowed = to == CaseStatus::InProgress || to == CaseStatus::Referred || to == CaseStatus::PendingCustomer
            || to == CaseStatus::Resolved;
        break;
    case CaseStatus::Resolved:
        allowed = to == CaseStatus::Closed || to == CaseStatus::Reopened;
        break;
    case CaseStatus::Closed:
        allowed = to == CaseStatus::Reopened;
        break;
    case CaseStatus::Unspecified:
        break;
    }
    if (allowed)
        return std::nullopt;
    if (to == CaseStatus::Reopened)
        return QStringLiteral("Only a resolved or closed case can be reopened; this case is %1.")
            .arg(caseStatusName(from));
    if (from == CaseStatus::Resolved || from == CaseStatus::Closed)
        return QStringLiteral("The case is %1: reopen it first.").arg(caseStatusName(from));
    return QStringLiteral("A %1 case cannot become %2: resolve it with the customer's confirmation first.")
        .arg(caseStatusName(from), caseStatusName(to));
}

} // namespace sanad
