#pragma once

#include <QList>
#include <QString>

namespace sanad {

// One earlier contact of a customer, as the repeat-contact rule sees it.
struct PastContact
{
    qint64 occurredAtMs = 0;
    QString category; // category key of the contact or of its case; may be empty
    QString caseId;   // may be empty
};

struct RepeatContactSummary
{
    int contactsInWindow = 0; // earlier contacts within the window
    QString category;         // the most frequent category among them (the newest wins a tie)
    QString caseId;           // the newest case among the contacts of that category
    qint64 lastContactAtMs = 0;

    bool isRepeat() const { return contactsInWindow > 0; }
};

constexpr qint64 kRepeatWindowMs = 7LL * 24 * 3600 * 1000;

// The caller had contacts within the last 7 days (METRICS.md: repeat contact). The contacts may
// be in any order; contacts in the future of nowMs are ignored.
RepeatContactSummary summarizeRepeatContacts(const QList<PastContact> &contacts, qint64 nowMs,
                                             qint64 windowMs = kRepeatWindowMs);

} // namespace sanad
