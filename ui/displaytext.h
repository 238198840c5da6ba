#pragma once

#include "client/types.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace sanad::ui {

// Every word the desktop derives from data: enum names, dates (Gregorian and Hijri), durations,
// overdue texts, the repeat-contact warning and error sentences. All are translated through this
// class's tr() context and formatted with the default QLocale, so they follow a language switch
// the next time they are asked for. Call only on the GUI thread.
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(sanad::ui::DisplayText)

public:
    static QString channel(Channel channel);
    static QString direction(Direction direction);
    static QString caseStatus(CaseStatus status);
    static QString priority(Priority priority);
    static QString referralStatus(ReferralStatus status);
    static QString agentState(AgentState state);
    // "knowledge_questions", "one_time_code", "national_id"; an unknown method is shown as is.
    static QString verificationMethod(const QString &method);
    // The translated category label; a word for "not recorded" when the key is empty.
    static QString category(const QString &key);

    // ASCII digits written in the default locale's digits (Arabic-Indic under ar_OM, the
    // "digits" setting of LanguageManager), for numbers that are not quantities.
    static QString digits(const QString &text);
    // One E.164 number grouped for reading aloud ("+968 9123 4567", no-break spaces) in the
    // locale's digits, wrapped in LRI...PDI so that it never renders reversed in RTL text.
    static QString phoneNumber(const QString &number);
    // Several numbers, each isolated, joined with the locale's list separator, in the reading
    // order of the interface (the first at the right in Arabic).
    static QString phoneNumbers(const QStringList &numbers);
    // A national id in the locale's digits, isolated.
    static QString nationalId(const QString &id);
    // A case number as issued ("SN-2026-000123"), isolated. Its digits stay Latin: it is a code
    // with Latin letters that agents read out and callers type back.
    static QString caseNumber(const QString &number);
    // Why a search found a customer, when the name and number shown do not say it ("similar
    // spelling", "case SN-..."); empty otherwise.
    static QString searchMatch(SearchMatch match, const QString &caseNumber = QString());

    // Local date and time in the default locale's short format; empty for a null time.
    static QString dateTime(const QDateTime &utc);
    static QString date(const QDateTime &utc);
    // The tabular Islamic (civil) calendar date, e.g. "1 Ramadan 1445 AH" / "١ رمضان ١٤٤٥ هـ".
    static QString hijriDate(const QDate &date);
    // "<Gregorian date and time> · <Hijri date>" for table rows, whose header says that the Hijri
    // date is approximate.
    static QString gregorianAndHijri(const QDateTime &utc);
    // The same with "(approximate)" after the Hijri date, for text shown without such a header.
    static QString gregorianAndApproximateHijri(const QDateTime &utc);
    // Says that the Hijri date is approximate (tabular calendar, a day or two from official dates).
    static QString hijriToolTip(const QDateTime &utc);

    // "overdue by 2 days" (or hours, for less than a day).
    static QString overdueBy(qint64 seconds);
    // Time in a state, "04:07" or "1:04:07".
    static QString duration(qint64 seconds);

    // "Third call this week about: انقطاع المياه" from the server's repeat-contact summary.
    static QString repeatWarning(const client::RepeatContactInfo &info);

    // A sentence a person can act on for any failed request (what happened + what to do).
    static QString error(const client::ClientError &error, const QString &serverAddress = {});
    // The sign-in window's sentences: unreachable server, wrong credentials, a role that may not
    // use the desktop, anything else.
    static QString loginError(const client::ClientError &error, const QString &serverAddress);
    static QString sessionExpired();
    static QString accountNotForDesktop();
};

} // namespace sanad::ui
