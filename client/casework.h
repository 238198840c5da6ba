#pragma once

#include "core/casestatus.h"
#include "core/enums.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// What the desktop's case work needs from the server beside the cases themselves (docs/cases.md):
// the centre's work policy and the incidents a case could be linked to. Plain Qt values.
namespace sanad::client {

// One wrap-up disposition code with its labels (CaseService.GetWorkPolicy).
struct DispositionCodeInfo
{
    QString code;
    QString labelAr;
    QString labelEn;

    // The label in the interface's language: Arabic unless english.
    QString label(bool english) const { return english ? labelEn : labelAr; }
};

struct WorkPolicyInfo
{
    QList<DispositionCodeInfo> dispositionCodes; // in the policy's order
    bool wrapUpRequiredByDefault = false;
    QHash<QString, bool> wrapUpRequiredByQueue;

    // The built-in policy (core/casepolicy): the last resort before the server has answered once.
    static WorkPolicyInfo defaults();
    bool wrapUpRequired(const QString &queue) const
    {
        return wrapUpRequiredByQueue.value(queue, wrapUpRequiredByDefault);
    }
    // Kept on the desktop between sessions, so that an offline desktop still lists the codes.
    QByteArray toJson() const;
    static std::optional<WorkPolicyInfo> fromJson(const QByteArray &json);
};

// A case another case could be linked to as a report of an incident (CaseService.ListIncidents).
struct IncidentCandidateInfo
{
    QString caseId;
    QString number;
    QString category;
    QString location;
    QString summary;
    int reports = 1; // the incident's reports, its own included
    Priority priority = Priority::Unspecified;
    CaseStatus status = CaseStatus::Unspecified;
    QDateTime openedAt;
    bool incident = false; // already an incident's parent
};

} // namespace sanad::client

Q_DECLARE_METATYPE(sanad::client::WorkPolicyInfo)
Q_DECLARE_METATYPE(sanad::client::IncidentCandidateInfo)
