// Right to left as a reader sees it (ARABIC.md), proven on painted pixels: a phone number inside
// an Arabic table cell keeps its own left-to-right order, the same number without isolation
// comes out reversed (the bug the isolates prevent), the agent window's tables read from the
// right, and Arabic marks below the line are not cut off in the dense tables.
#include "client/sanadclient.h"
#include "ui/agentwindow.h"
#include "ui/bidi.h"
#include "ui/casehistorymodel.h"
#include "ui/caselistmodel.h"
#include "ui/customersearchmodel.h"
#include "ui/desk.h"
#include "ui/displaytext.h"
#include "ui/icons.h"
#include "ui/languagemanager.h"
#include "ui/screenpop.h"

#include <QHash>
#include <QHeaderView>
#include <QListView>
#include <QSettings>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <limits>

using namespace sanad;
using namespace Qt::StringLiterals;

namespace {

// A text in a table cell of the given direction, painted by the view's own delegate.
QImage paintCell(const QString &text, Qt::LayoutDirection direction)
{
    QStandardItemModel model(1, 1);
    model.setItem(0, 0, new QStandardItem(text));
    QTableView view;
    view.setLayoutDirection(direction);
    view.setFocusPolicy(Qt::NoFocus); // no focus frame or selection around the text
    view.setSelectionMode(QAbstractItemView::NoSelection);
    view.setModel(&model);
    view.horizontalHeader()->setVisible(false);
    view.verticalHeader()->setVisible(false);
    view.setShowGrid(false);
    view.setColumnWidth(0, 600);
    view.resize(640, 80);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return {};
    return view.viewport()->grab(view.visualRect(model.index(0, 0))).toImage().convertToFormat(QImage::Format_RGB32);
}

// The pixels that are not the background (the most common colour), ignoring two columns at
// each side, where a grid line may be.
QRect ink(const QImage &image)
{
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y)];
    }
    QRgb background = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            background = it.key();
        }
    }
    QRect box;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 2; x < image.width() - 2; ++x) {
            if (image.pixel(x, y) != background)
                box |= QRect(x, y, 1, 1);
        }
    }
    return box;
}

// Where needle is painted in haystack: the x of the smallest sum of squared differences. Glyphs
// at another fractional x are antialiased a little differently, so an exact match is too strict.
int bestX(const QImage &haystack, const QImage &needle)
{
    qint64 best = std::numeric_limits<qint64>::max();
    int bestX = -1;
    for (int y = 0; y + needle.height() <= haystack.height(); ++y) {
        for (int x = 0; x + needle.width() <= haystack.width(); ++x) {
            qint64 sum = 0;
            for (int j = 0; j < needle.height() && sum < best; ++j) {
                for (int i = 0; i < needle.width(); ++i) {
                    const int d = qGray(haystack.pixel(x + i, y + j)) - qGray(needle.pixel(i, j));
                    sum += d * d;
                }
            }
            if (sum < best) {
                best = sum;
                bestX = x;
            }
        }
    }
    return bestX;
}

// The x where each group of digits of a number is painted in a cell, in the number's order.
QList<int> groupPositions(const QImage &cell, const QString &number)
{
    QList<int> xs;
    for (const QString &group : number.split(QChar(0x00A0), Qt::SkipEmptyParts)) {
        const QString digits = QString(group).remove(u'+');
        const QImage alone = paintCell(digits, Qt::LeftToRight);
        xs.append(bestX(cell, alone.copy(ink(alone))));
    }
    return xs;
}

client::InteractionInfo interaction(const QString &id, const QString &summary)
{
    client::InteractionInfo i;
    i.id = id;
    i.channel = Channel::Voice;
    i.direction = Direction::Inbound;
    i.occurredAt = QDateTime(QDate(2024, 3, 11), QTime(12, 0), Qt::UTC);
    i.agentName = QStringLiteral("إِبْرَاهِيم الجابري");
    i.caseNumber = QStringLiteral("SN-2024-000042");
    i.summary = summary;
    return i;
}

} // namespace

class TestBidi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void numberInAnRtlTableCellKeepsItsOrder_data();
    void numberInAnRtlTableCellKeepsItsOrder();
    void agentWindowTablesReadFromTheRight();
    void marksBelowTheLineAreNotClipped();

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<ui::LanguageManager> m_languages;
};

void TestBidi::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    ui::Desk::setUpApplication(); // Sanad's fonts
    m_languages = std::make_unique<ui::LanguageManager>();
    m_languages->setLanguage(ui::LanguageManager::Language::Arabic);
    QCOMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
}

void TestBidi::numberInAnRtlTableCellKeepsItsOrder_data()
{
    QTest::addColumn<ui::LanguageManager::Digits>("digits");
    QTest::newRow("arabic-indic digits") << ui::LanguageManager::Digits::ArabicIndic;
    QTest::newRow("latin digits") << ui::LanguageManager::Digits::Latin;
}

void TestBidi::numberInAnRtlTableCellKeepsItsOrder()
{
    QFETCH(ui::LanguageManager::Digits, digits);
    m_languages->setDigits(digits);

    // A search result as the search model writes it: an Arabic name, then the number.
    ui::CustomerSearchModel model;
    client::SearchResult result;
    result.customer.name = QStringLiteral("إيمان البلوشي");
    result.customer.phones = { QStringLiteral("+96891234567") };
    model.setResults({ result });
    const QString row = model.index(0).data().toString();
    const QString number = ui::DisplayText::phoneNumber(QStringLiteral("+96891234567"));
    QVERIFY2(row.contains(number), qPrintable(row));

    // In the right-to-left cell the isolated number reads left to right: "+968", then "9123",
    // then "4567", each group to the right of the one before.
    const QString plainNumber = ui::bidi::stripFormatCharacters(number);
    const QImage isolated = paintCell(row, Qt::RightToLeft);
    QVERIFY(!isolated.isNull());
    const QList<int> xs = groupPositions(isolated, plainNumber);
    QCOMPARE(xs.size(), 3);
    QVERIFY2(xs[0] < xs[1] && xs[1] < xs[2], qPrintable(u"groups at x %1 %2 %3"_s.arg(xs[0]).arg(xs[1]).arg(xs[2])));
    // And all of it left of the Arabic name, which is at the start (the right) of the cell.
    const QImage name = paintCell(result.customer.name, Qt::RightToLeft);
    QVERIFY(bestX(isolated, name.copy(ink(name))) > xs[2]);

    // Written naively, without the isolates and with plain spaces, the same cell shows the groups
    // reversed ("4567 9123 968+"): the bug this prevents, and proof that the test sees it.
    const QImage bare = paintCell(ui::bidi::stripFormatCharacters(row).replace(QChar(0x00A0), u' '), Qt::RightToLeft);
    const QList<int> reversed = groupPositions(bare, plainNumber);
    QVERIFY2(reversed[0] > reversed[1] && reversed[1] > reversed[2],
             qPrintable(u"groups at x %1 %2 %3"_s.arg(reversed[0]).arg(reversed[1]).arg(reversed[2])));
    m_languages->setDigits(ui::LanguageManager::Digits::ArabicIndic);
}

void TestBidi::agentWindowTablesReadFromTheRight()
{
    client::SanadClient client;
    ui::AgentWindow window(&client, m_languages.get());
    window.screenPop()->historyModel()->setHistory(
        { interaction(QStringLiteral("a"), QStringLiteral("انقطاع المياه")) });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *history = window.findChild<QTableView *>(QStringLiteral("historyView"));
    QVERIFY(history);
    QCOMPARE(history->layoutDirection(), Qt::RightToLeft);
    // The first column (the channel) is at the right edge, the summary at the left.
    QHeaderView *header = history->horizontalHeader();
    QVERIFY(header->sectionViewportPosition(ui::CaseHistoryModel::ChannelColumn)
            > header->sectionViewportPosition(ui::CaseHistoryModel::SummaryColumn));
    QVERIFY(history->visualRect(history->model()->index(0, ui::CaseHistoryModel::ChannelColumn)).right()
            > history->visualRect(history->model()->index(0, ui::CaseHistoryModel::SummaryColumn)).right());
    // The direction arrow next to the channel is the mirrored one.
    const QIcon icon
        = history->model()->index(0, ui::CaseHistoryModel::ChannelColumn).data(Qt::DecorationRole).value<QIcon>();
    QCOMPARE(
        icon.pixmap(40, 20).toImage(),
        ui::Icons::channelWithDirection(Channel::Voice, Direction::Inbound, Qt::RightToLeft).pixmap(40, 20).toImage());
}

void TestBidi::marksBelowTheLineAreNotClipped()
{
    // Kasra, shadda with kasra, and letters with dots below, in every dense list of the window.
    const QString marked = QStringLiteral("إِبْرَاهِيمُ بِنْ يَحْيَى");
    client::SanadClient client;
    ui::AgentWindow window(&client, m_languages.get());
    window.screenPop()->historyModel()->setHistory({ interaction(QStringLiteral("a"), marked) });
    client::CaseInfo c;
    c.id = QStringLiteral("c");
    c.number = QStringLiteral("SN-2024-000042");
    c.status = CaseStatus::InProgress;
    c.category = QStringLiteral("water.supply_cut");
    c.summary = marked;
    client::ReferralInfo referral;
    referral.department = marked;
    referral.status = ReferralStatus::Open;
    c.referrals = { referral };
    window.screenPop()->caseModel()->setCases({ c });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *history = window.findChild<QTableView *>(QStringLiteral("historyView"));
    auto *cases = window.findChild<QTreeView *>(QStringLiteral("caseView"));
    QVERIFY(history && cases);
    const auto checkCell = [](QAbstractItemView *view, const QModelIndex &index) {
        view->clearFocus();
        view->setCurrentIndex(QModelIndex());
        view->scrollTo(index);
        const QRect cell = view->visualRect(index);
        QVERIFY(cell.isValid());
        const QImage image = view->viewport()->grab(cell).toImage().convertToFormat(QImage::Format_RGB32);
        if (qEnvironmentVariableIsSet("SANAD_DUMP"))
            image.save(QStringLiteral("/tmp/bidi-cell-%1-%2.png").arg(view->objectName()).arg(index.column()));
        const QRect painted = ink(image);
        QVERIFY2(!painted.isEmpty(), "nothing was painted");
        // Room above and below the ink: nothing reaches the cell's top or bottom edge.
        QVERIFY2(painted.top() >= 1 && painted.bottom() <= image.height() - 2,
                 qPrintable(QStringLiteral("ink %1..%2 in a cell of height %3")
                                .arg(painted.top())
                                .arg(painted.bottom())
                                .arg(image.height())));
    };
    checkCell(history, history->model()->index(0, ui::CaseHistoryModel::SummaryColumn));
    checkCell(history, history->model()->index(0, ui::CaseHistoryModel::AgentColumn));
    checkCell(cases, cases->model()->index(0, ui::CaseListModel::CategoryColumn));
    checkCell(cases, cases->model()->index(0, 0, cases->model()->index(0, 0))); // the referral line
}

QTEST_MAIN(TestBidi)
#include "tst_bidi.moc"
