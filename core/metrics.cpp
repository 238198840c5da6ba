#include "core/metrics.h"

#include <algorithm>

namespace sanad::metrics {

namespace {

bool sameMatter(const Contact &a, const Contact &b)
{
    return (!a.caseId.isEmpty() && a.caseId == b.caseId) || (!a.category.isEmpty() && a.category == b.category);
}

} // namespace

Ratio firstContactResolution(const QList<CaseFacts> &cases, const QList<Contact> &contacts, qint64 nowMs)
{
    Ratio ratio;
    for (const CaseFacts &c : cases) {
        if (c.firstContactAtMs > nowMs - kRepeatWindowMs)
            continue; // too young to know whether the customer comes back
        ++ratio.denominator;
        if (!c.resolvedConfirmedAtFirstContact || c.reopened)
            continue;
        const bool repeated = std::any_of(contacts.cbegin(), contacts.cend(), [&](const Contact &k) {
            return k.customerId == c.customerId && k.atMs > c.firstContactAtMs
                && k.atMs <= c.firstContactAtMs + kRepeatWindowMs
                && ((!k.caseId.isEmpty() && k.caseId == c.caseId) || (!k.category.isEmpty() && k.category == c.category));
        });
        if (!repeated)
            ++ratio.numerator;
    }
    return ratio;
}

bool isRepeatContact(const Contact &contact, const QList<Contact> &allContacts)
{
    return std::any_of(allContacts.cbegin(), allContacts.cend(), [&](const Contact &earlier) {
        return earlier.customerId == contact.customerId && earlier.atMs < contact.atMs
            && earlier.atMs >= contact.atMs - kRepeatWindowMs && sameMatter(earlier, contact);
    });
}

Ratio repeatContactRate(const QList<Contact> &contacts, qint64 fromMs, qint64 toMs)
{
    Ratio ratio;
    for (const Contact &c : contacts) {
        if (c.atMs < fromMs || c.atMs >= toMs)
            continue;
        ++ratio.denominator;
        if (isRepeatContact(c, contacts))
            ++ratio.numerator;
    }
    return ratio;
}

bool isOverdue(const ReferralFacts &referral, qint64 nowMs)
{
    return referral.dueAtMs > 0 && referral.dueAtMs < nowMs && referral.status != ReferralStatus::Done
        && referral.status != ReferralStatus::Cancelled;
}

QList<ReferralFacts> overdueReferrals(const QList<ReferralFacts> &referrals, qint64 nowMs)
{
    QList<ReferralFacts> result;
    for (const ReferralFacts &r : referrals) {
        if (isOverdue(r, nowMs))
            result.append(r);
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const ReferralFacts &a, const ReferralFacts &b) { return a.dueAtMs < b.dueAtMs; });
    return result;
}

QueueFigures queueFigures(const QList<QueuedContact> &contacts, qint64 fromMs, qint64 nowMs, int thresholdSeconds)
{
    const qint64 thresholdMs = qint64(thresholdSeconds) * 1000;
    QueueFigures f;
    qint64 totalWaitMs = 0;
    for (const QueuedContact &c : contacts) {
        if (c.enqueuedAtMs < fromMs || c.enqueuedAtMs > nowMs)
            continue;
        if (c.answeredAtMs > 0) {
            const qint64 wait = c.answeredAtMs - c.enqueuedAtMs;
            ++f.answered;
            totalWaitMs += wait;
            if (wait <= thresholdMs)
                ++f.answeredWithinThreshold;
        } else if (c.abandonedAtMs > 0) {
            ++f.abandoned;
            if (c.abandonedAtMs - c.enqueuedAtMs <= thresholdMs)
                ++f.shortAbandons;
            if (c.callbackReached)
                ++f.recovered;
        } else {
            ++f.waiting;
            f.longestWaitMs = std::max(f.longestWaitMs, nowMs - c.enqueuedAtMs);
        }
    }
    f.serviceLevel = {f.answeredWithinThreshold, f.answered + (f.abandoned - f.shortAbandons)};
    if (f.answered > 0)
        f.asaMs = totalWaitMs / f.answered;
    f.abandonment = {f.abandoned, f.answered + f.abandoned};
    return f;
}

} // namespace sanad::metrics
