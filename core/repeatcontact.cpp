#include "core/repeatcontact.h"

#include <QHash>

namespace sanad {

RepeatContactSummary summarizeRepeatContacts(const QList<PastContact> &contacts, qint64 nowMs, qint64 windowMs)
{
    RepeatContactSummary summary;
    struct Tally
    {
        int count = 0;
        qint64 newestMs = 0;
        QString newestCaseId;
    };
    QHash<QString, Tally> byCategory;
    for (const PastContact &c : contacts) {
        if (c.occurredAtMs > nowMs || c.occurredAtMs < nowMs - windowMs)
            continue;
        ++summary.contactsInWindow;
        summary.lastContactAtMs = std::max(summary.lastContactAtMs, c.occurredAtMs);
        if (c.category.isEmpty())
            continue;
        Tally &t = byCategory[c.category];
        ++t.count;
        if (c.occurredAtMs >= t.newestMs) {
            t.newestMs = c.occurredAtMs;
            if (!c.caseId.isEmpty())
                t.newestCaseId = c.caseId;
        }
    }
    int bestCount = 0;
    qint64 bestNewest = 0;
    for (auto it = byCategory.cbegin(); it != byCategory.cend(); ++it) {
        if (it->count > bestCount || (it->count == bestCount && it->newestMs > bestNewest)) {
            bestCount = it->count;
            bestNewest = it->newestMs;
            summary.category = it.key();
            summary.caseId = it->newestCaseId;
        }
    }
    return summary;
}

} // namespace sanad
