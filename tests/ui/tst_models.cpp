// The screen-pop models on their own: structure (QAbstractItemModelTester), order, and what a
// user reads in each cell, in English and in Arabic.
#include "client/types.h"
#include "core/clock.h"
#include "ui/bidi.h"
#include "ui/casehistorymodel.h"
#include "ui/caselistmodel.h"
#include "ui/customersearchmodel.h"
#include "ui/displaytext.h"
#include "ui/icons.h"
#include "ui/languagemanager.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QFont>
#include <QImage>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sanad;

namespace {

// Noon UTC, so the local date is the same day in every time zone a test machine is likely in.
QDateTime at(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(12, 0), Qt::UTC);
}

client::CaseInfo makeCase(const QString &id, const QString &number, CaseStatus status, const QDateTime &openedAt)
{
    client::CaseInfo c;
    c.id = id;
    c.number = number;
    c.status = status;
    c.category = QStringLiteral("water.supply_cut");
    c.priority = Priority::Normal;
    c.openedAt = openedAt;
    return c;
}

client::InteractionInfo makeInteraction(const QString &id, Channel channel, const QDateTime &when, bool note = false)
{
    client::InteractionInfo i;
    i.id = id;
    i.channel = channel;
    i.direction = Direction::Inbound;
    i.occurredAt = when;
    i.agentName = QStringLiteral("أحمد البلوشي");
    i.caseNumber = QStringLiteral("SN-2024-000042");
    i.summary = QStringLiteral("انقطاع المياه عن الحي");
    i.note = note;
    return i;
}

} // namespace

class TestModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void caseListPutsOpenCasesFirstWithReferrals();
    void overdueReferralIsRedWithItsDelay();
    void historyIsNewestFirstWithGregorianAndHijri();
    void notesAreSetApart();
    void numbersAndIdsAreIsolatedInArabic();
    void repeatWarningCountsTheCallRingingNow();
    void searchModel();
    void searchModelSaysWhyItFound();
    void digitsFollowTheSetting();
    void directionArrowsAreMirroredRightToLeft();

private:
    QTemporaryDir m_settingsDir;
    ui::LanguageManager m_languages;
};

void TestModels::initTestCase()
{
    // The language is saved in settings: keep them in a folder of this test's own.
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    m_languages.setLanguage(ui::LanguageManager::Language::English);
}

void TestModels::caseListPutsOpenCasesFirstWithReferrals()
{
    ManualClock clock(at(2026, 3, 10).toMSecsSinceEpoch());
    ui::CaseListModel model(clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    client::CaseInfo closedNewest
        = makeCase(QStringLiteral("a"), QStringLiteral("SN-2026-000009"), CaseStatus::Closed, at(2026, 3, 9));
    client::CaseInfo openOld
        = makeCase(QStringLiteral("b"), QStringLiteral("SN-2025-000100"), CaseStatus::Referred, at(2025, 12, 1));
    client::CaseInfo openNew
        = makeCase(QStringLiteral("c"), QStringLiteral("SN-2026-000005"), CaseStatus::InProgress, at(2026, 3, 1));
    client::ReferralInfo referral;
    referral.department = QStringLiteral("Water network operations");
    referral.owner = QStringLiteral("Khalid");
    referral.status = ReferralStatus::Open;
    referral.createdAt = at(2026, 3, 1);
    referral.dueAt = at(2026, 3, 12);
    openNew.referrals = { referral };
    model.setCases({ closedNewest, openOld, openNew });

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data(ui::CaseListModel::CaseIdRole).toString(), QStringLiteral("c"));
    QCOMPARE(model.index(1, 0).data(ui::CaseListModel::CaseIdRole).toString(), QStringLiteral("b"));
    QCOMPARE(model.index(2, 0).data(ui::CaseListModel::CaseIdRole).toString(), QStringLiteral("a"));
    QCOMPARE(model.openCaseCount(), 2);
    QCOMPARE(model.index(0, ui::CaseListModel::StatusColumn).data().toString(), QStringLiteral("In progress"));
    QCOMPARE(model.index(0, ui::CaseListModel::CategoryColumn).data().toString(), QStringLiteral("Water supply cut"));
    QCOMPARE(model.index(0, ui::CaseListModel::PriorityColumn).data().toString(), QStringLiteral("Normal"));

    // The referral is a child row: department, owner, due time; not overdue yet.
    const QModelIndex parent = model.index(0, 0);
    QCOMPARE(model.rowCount(parent), 1);
    const QModelIndex child = model.index(0, 0, parent);
    QVERIFY(child.data(ui::CaseListModel::IsReferralRole).toBool());
    const QString text = ui::bidi::stripFormatCharacters(child.data().toString());
    QVERIFY2(text.startsWith(QStringLiteral("Referred to Water network operations · owner: Khalid · due ")),
             qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("overdue")));
    QVERIFY(!child.data(ui::CaseListModel::IsOverdueRole).toBool());
    QCOMPARE(model.rowCount(model.index(1, 0)), 0);
}

void TestModels::overdueReferralIsRedWithItsDelay()
{
    ManualClock clock(at(2026, 3, 10).toMSecsSinceEpoch());
    ui::CaseListModel model(clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    client::CaseInfo c
        = makeCase(QStringLiteral("c"), QStringLiteral("SN-2026-000005"), CaseStatus::Referred, at(2026, 3, 1));
    client::ReferralInfo late;
    late.department = QStringLiteral("Municipal lighting");
    late.status = ReferralStatus::InProgress;
    late.dueAt = at(2026, 3, 8).addSecs(-3600); // two days and an hour ago
    client::ReferralInfo done = late;
    done.status = ReferralStatus::Done; // finished late is not overdue
    c.referrals = { late, done };
    model.setCases({ c });

    const QModelIndex overdue = model.index(0, 0, model.index(0, 0));
    QVERIFY(overdue.data(ui::CaseListModel::IsOverdueRole).toBool());
    const QString text = ui::bidi::stripFormatCharacters(overdue.data().toString());
    QVERIFY2(text.contains(QStringLiteral("owner: no owner yet")), qPrintable(text));
    QVERIFY2(text.endsWith(QStringLiteral("overdue by 2 days")), qPrintable(text));
    QCOMPARE(overdue.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xc6, 0x28, 0x28));
    QCOMPARE(model.overdueReferralCount(), 1);

    const QModelIndex finished = model.index(1, 0, model.index(0, 0));
    QVERIFY(!finished.data(ui::CaseListModel::IsOverdueRole).toBool());
    QVERIFY(finished.data(Qt::ForegroundRole).value<QBrush>().color() != QColor(0xc6, 0x28, 0x28));

    // Arabic: the dual form.
    m_languages.setLanguage(ui::LanguageManager::Language::Arabic);
    const QString arabic = ui::bidi::stripFormatCharacters(overdue.data().toString());
    m_languages.setLanguage(ui::LanguageManager::Language::English);
    QVERIFY2(arabic.endsWith(QStringLiteral("متأخرة يومين")), qPrintable(arabic));
}

void TestModels::historyIsNewestFirstWithGregorianAndHijri()
{
    ui::CaseHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // 11 March 2024 was 1 Ramadan 1445 in the tabular Islamic calendar.
    model.setHistory({ makeInteraction(QStringLiteral("old"), Channel::Email, at(2023, 1, 5)),
                       makeInteraction(QStringLiteral("ramadan"), Channel::Voice, at(2024, 3, 11)),
                       makeInteraction(QStringLiteral("middle"), Channel::WhatsApp, at(2023, 6, 1)) });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.index(0, 0).data(ui::CaseHistoryModel::InteractionIdRole).toString(), QStringLiteral("ramadan"));
    QCOMPARE(model.index(1, 0).data(ui::CaseHistoryModel::InteractionIdRole).toString(), QStringLiteral("middle"));
    QCOMPARE(model.index(2, 0).data(ui::CaseHistoryModel::InteractionIdRole).toString(), QStringLiteral("old"));

    QCOMPARE(model.index(0, ui::CaseHistoryModel::ChannelColumn).data().toString(), QStringLiteral("Phone call"));
    QCOMPARE(model.index(1, ui::CaseHistoryModel::ChannelColumn).data().toString(), QStringLiteral("WhatsApp"));
    QVERIFY(!model.index(0, ui::CaseHistoryModel::ChannelColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    const QString date = model.index(0, ui::CaseHistoryModel::DateColumn).data().toString();
    QVERIFY2(date.startsWith(QStringLiteral("11/03/2024")), qPrintable(date));
    QVERIFY2(date.endsWith(QStringLiteral("1 Ramadan 1445 AH")), qPrintable(date));
    const QString tip = model.index(0, ui::CaseHistoryModel::DateColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("approximate")), qPrintable(tip));

    m_languages.setLanguage(ui::LanguageManager::Language::Arabic);
    const QString arabicDate = model.index(0, ui::CaseHistoryModel::DateColumn).data().toString();
    m_languages.setLanguage(ui::LanguageManager::Language::English);
    QVERIFY2(arabicDate.endsWith(QStringLiteral("١ رمضان ١٤٤٥ هـ")), qPrintable(arabicDate));
    // No middle dot between the two dates: next to digits it reads as the Arabic-Indic zero (٠).
    QVERIFY2(!arabicDate.contains(u'·'), qPrintable(arabicDate));
}

void TestModels::notesAreSetApart()
{
    ui::CaseHistoryModel model;
    model.setHistory({ makeInteraction(QStringLiteral("contact"), Channel::Voice, at(2024, 3, 11)),
                       makeInteraction(QStringLiteral("note"), Channel::Voice, at(2024, 3, 12), true) });
    const QModelIndex note = model.index(0, ui::CaseHistoryModel::ChannelColumn);
    QCOMPARE(note.data(ui::CaseHistoryModel::InteractionIdRole).toString(), QStringLiteral("note"));
    QVERIFY(note.data(ui::CaseHistoryModel::IsNoteRole).toBool());
    QCOMPARE(note.data().toString(), QStringLiteral("Note"));
    QVERIFY(note.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(note.data(Qt::BackgroundRole).isValid());
    const QModelIndex contact = model.index(1, ui::CaseHistoryModel::ChannelColumn);
    QVERIFY(!contact.data(ui::CaseHistoryModel::IsNoteRole).toBool());
    QVERIFY(!contact.data(Qt::BackgroundRole).isValid());
}

void TestModels::numbersAndIdsAreIsolatedInArabic()
{
    m_languages.setLanguage(ui::LanguageManager::Language::Arabic);
    ui::CaseHistoryModel history;
    history.setHistory({ makeInteraction(QStringLiteral("x"), Channel::Sms, at(2024, 3, 11)) });
    const QString caseNumber = history.index(0, ui::CaseHistoryModel::CaseColumn).data().toString();
    QCOMPARE(caseNumber, QStringLiteral("\u2066SN-2024-000042\u2069"));
    QCOMPARE(history.index(0, ui::CaseHistoryModel::AgentColumn).data().toString(),
             QStringLiteral("\u2068أحمد البلوشي\u2069"));
    // Numbers grouped for reading aloud, in the Arabic interface's digits (Arabic-Indic by default).
    QCOMPARE(ui::DisplayText::phoneNumber(QStringLiteral("+96891234567")),
             QStringLiteral("\u2066+٩٦٨\u00A0٩١٢٣\u00A0٤٥٦٧\u2069"));
    QCOMPARE(ui::DisplayText::phoneNumbers({ QStringLiteral("+96891234567"), QStringLiteral("+96824123456") }),
             QStringLiteral("\u200F\u2066+٩٦٨\u00A0٩١٢٣\u00A0٤٥٦٧\u2069، \u2066+٩٦٨\u00A0٢٤\u00A0١٢٣٤٥٦\u2069"));
    QCOMPARE(ui::DisplayText::nationalId(QStringLiteral("12345678")), QStringLiteral("\u2066١٢٣٤٥٦٧٨\u2069"));
    // Case numbers are codes with Latin letters: their digits stay Latin.
    QCOMPARE(ui::DisplayText::caseNumber(QStringLiteral("SN-2024-000042")),
             QStringLiteral("\u2066SN-2024-000042\u2069"));
    m_languages.setLanguage(ui::LanguageManager::Language::English);
}

void TestModels::repeatWarningCountsTheCallRingingNow()
{
    client::RepeatContactInfo info;
    info.repeat = true;
    info.contactsLast7Days = 2;
    info.category = QStringLiteral("water.supply_cut");
    QCOMPARE(ui::bidi::stripFormatCharacters(ui::DisplayText::repeatWarning(info)),
             QStringLiteral("Third call this week about: Water supply cut"));
    m_languages.setLanguage(ui::LanguageManager::Language::Arabic);
    const QString arabic = ui::bidi::stripFormatCharacters(ui::DisplayText::repeatWarning(info));
    info.contactsLast7Days = 11;
    const QString twelfth = ui::bidi::stripFormatCharacters(ui::DisplayText::repeatWarning(info));
    m_languages.setLanguage(ui::LanguageManager::Language::English);
    QCOMPARE(arabic, QStringLiteral("المكالمة الثالثة هذا الأسبوع بخصوص: انقطاع المياه"));
    QCOMPARE(twelfth, QStringLiteral("المكالمة رقم ١٢ هذا الأسبوع بخصوص: انقطاع المياه"));
}

void TestModels::searchModel()
{
    ui::CustomerSearchModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    client::SearchResult a;
    a.customer.id = QStringLiteral("id-a");
    a.customer.name = QStringLiteral("فاطمة الحارثية");
    a.customer.phones = { QStringLiteral("+96891234567") };
    a.customer.city = QStringLiteral("مسقط");
    a.match = SearchMatch::NameExact;
    model.setResults({ a });
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(ui::CustomerSearchModel::CustomerIdRole).toString(), QStringLiteral("id-a"));
    QCOMPARE(model.index(0).data(ui::CustomerSearchModel::MatchRole).toInt(), int(SearchMatch::NameExact));
    const QString shown = model.index(0).data().toString();
    QVERIFY(shown.contains(QStringLiteral("\u2066+968\u00A09123\u00A04567\u2069")));
    QCOMPARE(ui::bidi::stripFormatCharacters(shown),
             QStringLiteral("فاطمة الحارثية — +968\u00A09123\u00A04567 · مسقط"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::searchModelSaysWhyItFound()
{
    ui::CustomerSearchModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    client::SearchResult byCase;
    byCase.customer.id = QStringLiteral("c");
    byCase.customer.name = QStringLiteral("Salma Al Harthy");
    byCase.match = SearchMatch::CaseNumber;
    byCase.caseNumber = QStringLiteral("SN-2026-000123");
    client::SearchResult similar;
    similar.customer.id = QStringLiteral("s");
    similar.customer.name = QStringLiteral("علا البلوشي");
    similar.match = SearchMatch::NameSimilar;
    client::SearchResult byPhone;
    byPhone.customer.id = QStringLiteral("p");
    byPhone.customer.name = QStringLiteral("سالم");
    byPhone.match = SearchMatch::Phone;
    model.setResults({ byCase, similar, byPhone });
    const auto plain = [&model](int row, int role = Qt::DisplayRole) {
        return ui::bidi::stripFormatCharacters(model.index(row).data(role).toString());
    };
    QCOMPARE(plain(0), QStringLiteral("Salma Al Harthy (case SN-2026-000123)"));
    QCOMPARE(plain(1), QStringLiteral("علا البلوشي (similar spelling)"));
    QCOMPARE(plain(2), QStringLiteral("سالم")); // the number on the row says it
    QVERIFY2(plain(1, Qt::ToolTipRole).contains(QStringLiteral("Found by: similar spelling")),
             qPrintable(plain(1, Qt::ToolTipRole)));

    m_languages.setLanguage(ui::LanguageManager::Language::Arabic);
    const QString arabic = plain(1);
    m_languages.setLanguage(ui::LanguageManager::Language::English);
    QCOMPARE(arabic, QStringLiteral("علا البلوشي (كتابة مشابهة)"));
}

void TestModels::digitsFollowTheSetting()
{
    ui::CaseHistoryModel model;
    model.setHistory({ makeInteraction(QStringLiteral("ramadan"), Channel::Voice, at(2024, 3, 11)) });
    const auto date = [&model] {
        return ui::bidi::stripFormatCharacters(model.index(0, ui::CaseHistoryModel::DateColumn).data().toString());
    };
    QCOMPARE(ui::LanguageManager::savedDigits(), ui::LanguageManager::Digits::ArabicIndic); // as ar_OM writes
    m_languages.setLanguage(ui::LanguageManager::Language::Arabic);
    QVERIFY2(date().startsWith(QStringLiteral("١١/٣/٢٠٢٤")), qPrintable(date()));
    QVERIFY2(date().endsWith(QStringLiteral("١ رمضان ١٤٤٥ هـ")), qPrintable(date()));

    // Latin digits: everywhere at once, numbers and dates of the Arabic interface alike.
    m_languages.setDigits(ui::LanguageManager::Digits::Latin);
    QCOMPARE(ui::LanguageManager::savedDigits(), ui::LanguageManager::Digits::Latin);
    QCOMPARE(QLocale().zeroDigit(), QStringLiteral("0"));
    QCOMPARE(QLocale().language(), QLocale::Arabic);
    QVERIFY2(date().startsWith(QStringLiteral("11/3/2024")), qPrintable(date()));
    QVERIFY2(date().endsWith(QStringLiteral("1 رمضان 1445 هـ")), qPrintable(date()));
    QCOMPARE(ui::DisplayText::phoneNumber(QStringLiteral("+96891234567")),
             QStringLiteral("\u2066+968\u00A09123\u00A04567\u2069"));
    QCOMPARE(ui::DisplayText::duration(192), QStringLiteral("03:12"));

    m_languages.setDigits(ui::LanguageManager::Digits::ArabicIndic);
    QCOMPARE(QLocale().zeroDigit(), QStringLiteral("٠"));
    QCOMPARE(ui::DisplayText::duration(192), QStringLiteral("٠٣:١٢"));
    QCOMPARE(ui::DisplayText::phoneNumber(QStringLiteral("+96891234567")),
             QStringLiteral("\u2066+٩٦٨\u00A0٩١٢٣\u00A0٤٥٦٧\u2069"));
    // English always writes Latin digits.
    m_languages.setLanguage(ui::LanguageManager::Language::English);
    QCOMPARE(QLocale().zeroDigit(), QStringLiteral("0"));
    QCOMPARE(ui::LanguageManager::fromDigitsCode(u"latin"), ui::LanguageManager::Digits::Latin);
    QCOMPARE(ui::LanguageManager::fromDigitsCode(u"٠١٢٣"), ui::LanguageManager::Digits::ArabicIndic);
    QVERIFY(!ui::LanguageManager::fromDigitsCode(u"roman"));
}

void TestModels::directionArrowsAreMirroredRightToLeft()
{
    const QImage ltr = ui::Icons::direction(Direction::Inbound, Qt::LeftToRight).pixmap(24, 24).toImage();
    const QImage rtl = ui::Icons::direction(Direction::Inbound, Qt::RightToLeft).pixmap(24, 24).toImage();
    QVERIFY(!ltr.isNull());
    QVERIFY(ltr != rtl);
    QCOMPARE(rtl.convertToFormat(QImage::Format_ARGB32),
             ltr.mirrored(true, false).convertToFormat(QImage::Format_ARGB32));
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
