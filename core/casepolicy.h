#pragma once

#include "core/enums.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace sanad {

// The configurable rules of the case lifecycle (docs/cases.md): SLA of referrals, how long a
// case may await the customer's confirmation, when reports form an incident, the disposition
// codes of wrap-up and which queues require it. Defaults are in code; sanad-server --policy FILE
// overrides any of them with a JSON file.
struct CasePolicy
{
    // Hours from referral to due time, by priority (index = Priority value, 0 unused)...
    QHash<int, int> defaultSlaHours;
    // ...unless the category has its own (category key → priority → hours).
    QHash<QString, QHash<int, int>> categorySlaHours;
    int awaitingConfirmationDays = 3;
    int incidentWindowHours = 6;
    int incidentEscalateAt = 5; // the report that escalates the incident to the lead
    QStringList dispositionCodes;
    bool wrapUpRequiredByDefault = false;
    QHash<QString, bool> wrapUpRequiredByQueue;
    // Labels the policy file gives its disposition codes ({"code", "ar", "en"}).
    struct Label
    {
        QString arabic;
        QString english;
    };
    QHash<QString, Label> dispositionLabels;
    // Callback tasks (docs/cases.md): an abandoned caller is called back after a short delay
    // (many ring again by themselves within a minute or two); an attempt that does not reach the
    // customer is tried again after the retry time, and after the last attempt the task is given up.
    int callbackDelayMinutes = 2;
    int callbackRetryMinutes = 30;
    int callbackMaxAttempts = 3;

    static CasePolicy defaults();
    // The defaults, overridden by what the JSON document gives. nullopt with *error set (a
    // sentence naming the key that is wrong) when the document is not valid.
    static std::optional<CasePolicy> fromJson(const QByteArray &json, QString *error);

    int slaHours(const QString &category, Priority priority) const;
    qint64 referralDueAtMs(const QString &category, Priority priority, qint64 referredAtMs) const;
    qint64 awaitingConfirmationLimitMs() const { return qint64(awaitingConfirmationDays) * 24 * 3600 * 1000; }
    qint64 incidentWindowMs() const { return qint64(incidentWindowHours) * 3600 * 1000; }
    bool isDispositionCode(const QString &code) const { return dispositionCodes.contains(code); }
    bool wrapUpRequired(const QString &queue) const;
    // The file's labels for a code, else the built-in ones of a built-in code, else the code itself.
    Label dispositionLabel(const QString &code) const;
    // The Arabic and English labels of the built-in codes; nullopt for any other code.
    static std::optional<Label> builtInDispositionLabel(const QString &code);
    qint64 callbackDelayMs() const { return qint64(callbackDelayMinutes) * 60 * 1000; }
    qint64 callbackRetryMs() const { return qint64(callbackRetryMinutes) * 60 * 1000; }
};

// "low", "normal", "high", "urgent" ↔ Priority, as in the policy file.
QString priorityKey(Priority priority);
std::optional<Priority> priorityFromKey(QStringView key);

} // namespace sanad
