#pragma once

#include "core/enums.h"

#include <QList>
#include <QString>

#include <optional>

// The figures of METRICS.md as pure functions over events, shared by the server (follow-up list,
// queue snapshots) and any report. Times are milliseconds since the epoch.
namespace sanad::metrics {

constexpr qint64 kRepeatWindowMs = 7LL * 24 * 3600 * 1000;

// ---- First-contact resolution and repeat contacts ----

// One contact of a customer (any channel), as the FCR and repeat-contact figures see it.
struct Contact
{
    QString customerId;
    QString caseId; // may be empty
    QString category; // category key of the contact or its case; may be empty
    qint64 atMs = 0;
};

// One case, as FCR sees it.
struct CaseFacts
{
    QString caseId;
    QString customerId;
    QString category;
    qint64 firstContactAtMs = 0;
    // Resolved with the customer's confirmation during its first contact (not an agent's tick).
    bool resolvedConfirmedAtFirstContact = false;
    bool reopened = false; // ever reopened
};

struct Ratio
{
    int numerator = 0;
    int denominator = 0;
    // nullopt when there is nothing to divide by (show "–", not 0 %).
    std::optional<double> value() const
    {
        return denominator == 0 ? std::nullopt : std::optional<double>(double(numerator) / denominator);
    }
};

// FCR: cases resolved (customer confirmed) at their first contact, not reopened, with no repeat
// contact from that customer on the same case or category within 7 days after the first contact,
// ÷ cases whose first contact is at least 7 days before nowMs.
Ratio firstContactResolution(const QList<CaseFacts> &cases, const QList<Contact> &contacts, qint64 nowMs);

// Is `contact` a repeat: the same customer had an earlier contact on the same case or the same
// category within the 7 days before it?
bool isRepeatContact(const Contact &contact, const QList<Contact> &allContacts);
// Repeat-contact rate: repeat contacts ÷ all contacts, over the contacts in [fromMs, toMs)
// (earlier contacts still count as the ones repeated).
Ratio repeatContactRate(const QList<Contact> &contacts, qint64 fromMs, qint64 toMs);

// ---- Referrals ----

struct ReferralFacts
{
    QString referralId;
    QString caseId;
    QString department;
    QString owner;
    qint64 dueAtMs = 0;
    ReferralStatus status = ReferralStatus::Open;
};

bool isOverdue(const ReferralFacts &referral, qint64 nowMs);
// Referrals past their due time and neither done nor cancelled, the most overdue first.
QList<ReferralFacts> overdueReferrals(const QList<ReferralFacts> &referrals, qint64 nowMs);

// ---- Queue figures ----

// One contact offered to a queue. answeredAtMs/abandonedAtMs are 0 while it has not happened.
struct QueuedContact
{
    qint64 enqueuedAtMs = 0;
    qint64 answeredAtMs = 0;
    qint64 abandonedAtMs = 0;
    bool callbackReached = false; // abandoned, and the callback task reached the customer
};

struct QueueFigures
{
    int waiting = 0;
    qint64 longestWaitMs = 0;
    int answered = 0;
    int answeredWithinThreshold = 0;
    int abandoned = 0; // all abandons, short ones too
    int shortAbandons = 0; // abandoned within the threshold: out of the service level
    int recovered = 0; // abandons whose callback reached the customer, counted apart
    Ratio serviceLevel; // answered within Y ÷ (answered + abandoned after Y)
    std::optional<qint64> asaMs; // total queue wait of answered ÷ answered
    Ratio abandonment; // abandoned ÷ (answered + abandoned)
};

// The figures over the contacts enqueued in [fromMs, nowMs]; waiting and longest wait are live.
QueueFigures queueFigures(const QList<QueuedContact> &contacts, qint64 fromMs, qint64 nowMs,
                          int thresholdSeconds = 20);

} // namespace sanad::metrics
