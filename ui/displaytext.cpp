#include "ui/displaytext.h"

#include "core/category.h"
#include "core/phonenumber.h"
#include "ui/bidi.h"

#include <QCalendar>
#include <QLocale>
#include <QTime>

namespace sanad::ui {

QString DisplayText::channel(Channel channel)
{
    switch (channel) {
    case Channel::Voice:
        return tr("Phone call");
    case Channel::Sms:
        return tr("SMS");
    case Channel::Email:
        return tr("E-mail");
    case Channel::Web:
        return tr("Web form");
    case Channel::App:
        return tr("Mobile app");
    case Channel::WhatsApp:
        return tr("WhatsApp");
    case Channel::WalkIn:
        return tr("Walk-in");
    case Channel::Unspecified:
        break;
    }
    return tr("Other channel");
}

QString DisplayText::direction(Direction direction)
{
    switch (direction) {
    case Direction::Inbound:
        return tr("inbound");
    case Direction::Outbound:
        return tr("outbound");
    case Direction::Unspecified:
        break;
    }
    return {};
}

QString DisplayText::caseStatus(CaseStatus status)
{
    switch (status) {
    case CaseStatus::New:
        return tr("New");
    case CaseStatus::InProgress:
        return tr("In progress");
    case CaseStatus::Referred:
        return tr("Referred");
    case CaseStatus::PendingCustomer:
        return tr("Waiting for the customer");
    case CaseStatus::Resolved:
        return tr("Resolved");
    case CaseStatus::Closed:
        return tr("Closed");
    case CaseStatus::Reopened:
        return tr("Reopened");
    case CaseStatus::AwaitingConfirmation:
        return tr("Awaiting the customer's confirmation");
    case CaseStatus::Unspecified:
        break;
    }
    return tr("Unknown status");
}

QString DisplayText::priority(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return tr("Low");
    case Priority::Normal:
        return tr("Normal");
    case Priority::High:
        return tr("High");
    case Priority::Urgent:
        return tr("Urgent");
    case Priority::Unspecified:
        break;
    }
    return {};
}

QString DisplayText::referralStatus(ReferralStatus status)
{
    switch (status) {
    case ReferralStatus::Open:
        return tr("open");
    case ReferralStatus::InProgress:
        return tr("in progress");
    case ReferralStatus::Done:
        return tr("done");
    case ReferralStatus::Cancelled:
        return tr("cancelled");
    case ReferralStatus::Unspecified:
        break;
    }
    return {};
}

QString DisplayText::agentState(AgentState state)
{
    switch (state) {
    case AgentState::Offline:
        return tr("Offline");
    case AgentState::Available:
        return tr("Available");
    case AgentState::OnContact:
        return tr("On contact");
    case AgentState::WrapUp:
        return tr("Wrap-up");
    case AgentState::Break:
        return tr("Break");
    case AgentState::Unspecified:
        break;
    }
    return tr("Offline");
}

QString DisplayText::verificationMethod(const QString &method)
{
    if (method == QLatin1StringView("knowledge_questions"))
        return tr("Security questions");
    if (method == QLatin1StringView("one_time_code"))
        return tr("One-time code");
    if (method == QLatin1StringView("national_id"))
        return tr("National ID");
    return method;
}

QString DisplayText::category(const QString &key)
{
    if (key.isEmpty())
        return tr("topic not recorded");
    return categoryLabel(key);
}

QString DisplayText::digits(const QString &text)
{
    const QString zero = QLocale().zeroDigit();
    if (zero.size() != 1 || zero == u"0")
        return text;
    QString out = text;
    for (QChar &c : out) {
        if (c >= u'0' && c <= u'9')
            c = QChar(char16_t(zero.at(0).unicode() + (c.unicode() - u'0')));
    }
    return out;
}

QString DisplayText::phoneNumber(const QString &number)
{
    // The groups are joined by no-break spaces, not spaces. Arabic-Indic digits are Arabic
    // numbers to the bidi algorithm and act as right-to-left text on the spaces between them:
    // even inside LRI...PDI, "+٩٦٨ ٩١٢٣ ٤٥٦٧" would show its groups in reverse order. A no-break
    // space is a common separator, which joins two numbers into one (and keeps the number on
    // one line).
    QString grouped = PhoneNumberNormalizer::formatInternational(number);
    grouped.replace(u' ', QChar(0x00A0));
    return bidi::isolateLtr(digits(grouped));
}

QString DisplayText::nationalId(const QString &id)
{
    return bidi::isolateLtr(digits(id));
}

QString DisplayText::caseNumber(const QString &number)
{
    return bidi::isolateLtr(number);
}

QString DisplayText::searchMatch(SearchMatch match, const QString &caseNumber)
{
    switch (match) {
    case SearchMatch::CaseNumber:
        return tr("case %1").arg(DisplayText::caseNumber(caseNumber));
    case SearchMatch::NationalId:
        return tr("national ID");
    case SearchMatch::PhonePrefix:
        return tr("number starts with the digits typed");
    case SearchMatch::NameSimilar:
        return tr("similar spelling");
    case SearchMatch::NamePartial:
        return tr("some of the words");
    case SearchMatch::Phone:
    case SearchMatch::NameExact:
    case SearchMatch::NameWords:
    case SearchMatch::NamePrefix:
    case SearchMatch::Unspecified:
        break;
    }
    return {};
}

QString DisplayText::phoneNumbers(const QStringList &numbers)
{
    QStringList isolated;
    isolated.reserve(numbers.size());
    for (const QString &n : numbers)
        isolated.append(phoneNumber(n));
    //: Separator between several phone numbers of one customer.
    return bidi::inLayoutDirection(isolated.join(tr(", ")));
}

QString DisplayText::dateTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString DisplayText::date(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return QLocale().toString(utc.toLocalTime().date(), QLocale::ShortFormat);
}

QString DisplayText::hijriDate(const QDate &date)
{
    if (!date.isValid())
        return {};
    const QString formatted = QLocale().toString(date, u"d MMMM yyyy", QCalendar(QCalendar::System::IslamicCivil));
    //: A Hijri date; AH = anno Hegirae (Arabic: هـ).
    return tr("%1 AH").arg(formatted);
}

QString DisplayText::gregorianAndHijri(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    //: A Gregorian date and time, then the Hijri date. In Arabic avoid the middle dot, which
    //: reads as the Arabic-Indic zero next to digits.
    return tr("%1 · %2").arg(dateTime(utc), hijriDate(utc.toLocalTime().date()));
}

QString DisplayText::gregorianAndApproximateHijri(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    //: A Gregorian date and time, then the Hijri date, which the tabular calendar gives to a day or two.
    return tr("%1 · %2 (approximate)").arg(dateTime(utc), hijriDate(utc.toLocalTime().date()));
}

QString DisplayText::hijriToolTip(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    return tr("Gregorian: %1\nHijri: %2 (approximate: the tabular Islamic calendar can differ by a day or two "
              "from the official date)")
        .arg(QLocale().toString(local, QLocale::LongFormat), hijriDate(local.date()));
}

QString DisplayText::overdueBy(qint64 seconds)
{
    constexpr qint64 day = 24 * 3600;
    if (seconds >= day)
        return tr("overdue by %Ln day(s)", nullptr, int(seconds / day));
    if (seconds >= 3600)
        return tr("overdue by %Ln hour(s)", nullptr, int(seconds / 3600));
    return tr("overdue by less than an hour");
}

QString DisplayText::duration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    const QTime t = QTime(0, 0).addSecs(int(seconds % (24 * 3600)));
    return QLocale().toString(t, seconds >= 3600 ? u"h:mm:ss" : u"mm:ss");
}

QString DisplayText::repeatWarning(const client::RepeatContactInfo &info)
{
    const QString topic = bidi::isolateAuto(category(info.category));
    switch (info.contactsLast7Days + 1) {
    case 2:
        return tr("Second call this week about: %1").arg(topic);
    case 3:
        return tr("Third call this week about: %1").arg(topic);
    case 4:
        return tr("Fourth call this week about: %1").arg(topic);
    case 5:
        return tr("Fifth call this week about: %1").arg(topic);
    case 6:
        return tr("Sixth call this week about: %1").arg(topic);
    case 7:
        return tr("Seventh call this week about: %1").arg(topic);
    case 8:
        return tr("Eighth call this week about: %1").arg(topic);
    case 9:
        return tr("Ninth call this week about: %1").arg(topic);
    case 10:
        return tr("Tenth call this week about: %1").arg(topic);
    default:
        break;
    }
    return tr("Call number %1 this week about: %2").arg(QLocale().toString(info.contactsLast7Days + 1), topic);
}

QString DisplayText::error(const client::ClientError &error, const QString &serverAddress)
{
    using Kind = client::ClientError::Kind;
    switch (error.kind) {
    case Kind::None:
        return {};
    case Kind::Unreachable:
        if (serverAddress.isEmpty())
            return tr("The Sanad server cannot be reached. Check your network connection and try again; if it "
                      "persists, ask your administrator whether the service is running.");
        return tr("Cannot reach the Sanad server at %1. Check the address, or ask your administrator whether the "
                  "service is running.")
            .arg(bidi::isolateLtr(serverAddress));
    case Kind::Unauthenticated:
        return sessionExpired();
    case Kind::PermissionDenied:
        return tr("Your account is not allowed to do this. Ask your team lead if you need it.");
    case Kind::InvalidArgument:
        return tr("The server did not accept the request: %1").arg(bidi::isolateAuto(error.serverMessage));
    case Kind::NotFound:
        return tr("The record was not found on the server; it may have been removed. Search again.");
    case Kind::FailedPrecondition:
        return tr("The server refused the request in the current state: %1")
            .arg(bidi::isolateAuto(error.serverMessage));
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    case Kind::Other:
        break;
    }
    return tr("The server reported an error: %1. Try again; if it keeps happening, tell your administrator.")
        .arg(bidi::isolateAuto(error.serverMessage));
}

QString DisplayText::loginError(const client::ClientError &error, const QString &serverAddress)
{
    using Kind = client::ClientError::Kind;
    switch (error.kind) {
    case Kind::Unauthenticated:
        return tr("Wrong user name or password. Check them and try again; after repeated failures ask your team "
                  "lead to reset your password.");
    case Kind::PermissionDenied:
        return accountNotForDesktop();
    case Kind::InvalidArgument:
        return tr("The server address %1 is not valid. Write it as host:port, for example 127.0.0.1:50051.")
            .arg(bidi::isolateLtr(serverAddress));
    default:
        break;
    }
    return DisplayText::error(error, serverAddress);
}

QString DisplayText::sessionExpired()
{
    return tr("Your session has expired. Sign in again to continue; your screen will be restored.");
}

QString DisplayText::accountNotForDesktop()
{
    return tr("This account cannot use the agent desktop. Sign in with an agent, team lead, trainer or administrator "
              "account.");
}

} // namespace sanad::ui
