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
#include <QLabel>
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

enum class Surface { Table, List, Label };

// A text in a table cell, a list row or a label of the given direction, painted by Qt.
QImage paintCell(const QString &text, Qt::LayoutDirection direction, Surface surface = Surface::Table)
{
    if (surface == Surface::Label) {
        QLabel label(text);
        label.setTextFormat(Qt::PlainText);
        label.setLayoutDirection(direction);
        label.resize(600, 30);
        label.show();
        if (!QTest::qWaitForWindowExposed(&label))
            return {};
        return label.grab().toImage().convertToFormat(QImage::Format_RGB32);
    }
    const bool list = surface == Surface::List;
    QStandardItemModel model(1, 1);
    model.setItem(0, 0, new QStandardItem(text));
    std::unique_ptr<QAbstractItemView> view;
    if (list) {
        view = std::make_unique<QListView>();
    } else {
        auto *table = new QTableView;
        table->horizontalHeader()->setVisible(false);
        table->verticalHeader()->setVisible(false);
        table->setShowGrid(false);
        view.reset(table);
    }
    view->setLayoutDirection(direction);
    view->setFocusPolicy(Qt::NoFocus); // no focus frame or selection around the text
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setModel(&model);
    if (auto *table = qobject_cast<QTableView *>(view.get()))
        table->setColumnWidth(0, 600);
    view->resize(640, 80);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return {};
    return view->viewport()->grab(view->visualRect(model.index(0, 0))).toImage().convertToFormat(QImage::Format_RGB32);
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

// The x where the plus sign and each group of digits of a number are painted in a cell, in the
// number's order.
QList<int> groupPositions(const QImage &cell, const QString &number)
{
    QStringList parts { QStringLiteral("+") };
    parts += QString(number).remove(u'+').split(QChar(0x00A0), Qt::SkipEmptyParts);
    QList<int> xs;
    for (const QString &part : std::as_const(parts)) {
        const QImage alone = paintCell(part, Qt::LeftToRight);
        xs.append(bestX(cell, alone.copy(ink(alone))));
    }
    return xs;
}

QString positions(const QList<int> &xs)
{
    QStringList texts;
    for (const int x : xs)
        texts << QString::number(x);
    return u"x "_s + texts.join(u' ');
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

Q_DECLARE_METATYPE(Surface)

class TestBidi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void numberInAnRtlTableCellKeepsItsOrder_data();
    void numberInAnRtlTableCellKeepsItsOrder();
    void numberListReadsInTheInterfaceDirection_data();
    void numberListReadsInTheInterfaceDirection();
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
    QTest::addColumn<ui::LanguageManager::Language>("language");
    QTest::addColumn<ui::LanguageManager::Digits>("digits");
    QTest::addColumn<Surface>("surface");
    for (const Surface surface : { Surface::Table, Surface::List }) {
        const char *where = surface == Surface::Table ? "table" : "list";
        QTest::addRow("%s, arabic, arabic-indic digits", where)
            << ui::LanguageManager::Language::Arabic << ui::LanguageManager::Digits::ArabicIndic << surface;
        QTest::addRow("%s, arabic, latin digits", where)
            << ui::LanguageManager::Language::Arabic << ui::LanguageManager::Digits::Latin << surface;
        QTest::addRow("%s, english", where)
            << ui::LanguageManager::Language::English << ui::LanguageManager::Digits::Latin << surface;
    }
}

void TestBidi::numberInAnRtlTableCellKeepsItsOrder()
{
    QFETCH(ui::LanguageManager::Language, language);
    QFETCH(ui::LanguageManager::Digits, digits);
    QFETCH(Surface, surface);
    m_languages->setDigits(digits);
    m_languages->setLanguage(language);
    const Qt::LayoutDirection direction = QGuiApplication::layoutDirection();

    // A search result as the search model writes it: an Arabic name, then the number.
    ui::CustomerSearchModel model;
    client::SearchResult result;
    result.customer.name = QStringLiteral("إيمان البلوشي");
    result.customer.phones = { QStringLiteral("+96891234567") };
    result.customer.city = QStringLiteral("صحار");
    model.setResults({ result });
    const QString row = model.index(0).data().toString();
    const QString number = ui::DisplayText::phoneNumber(QStringLiteral("+96891234567"));
    QVERIFY2(row.contains(number), qPrintable(row));

    // In the right-to-left cell the isolated number reads left to right: "+", "968", "9123",
    // then "4567", each to the right of the one before.
    const QString plainNumber = ui::bidi::stripFormatCharacters(number);
    const QImage isolated = paintCell(row, direction, surface);
    QVERIFY(!isolated.isNull());
    const QList<int> xs = groupPositions(isolated, plainNumber);
    QCOMPARE(xs.size(), 4);
    QVERIFY2(std::is_sorted(xs.cbegin(), xs.cend()) && xs[0] < xs[1], qPrintable(positions(xs)));
    // And the Arabic name at the start of the cell: its right in Arabic, its left in English.
    const QImage name = paintCell(result.customer.name, Qt::RightToLeft);
    const int nameX = bestX(isolated, name.copy(ink(name)));
    // The city at the end: its left in Arabic, its right in English.
    const QImage city = paintCell(result.customer.city, Qt::RightToLeft);
    const int cityX = bestX(isolated, city.copy(ink(city)));
    const QString where = positions(xs) + u" name "_s + QString::number(nameX) + u" city "_s + QString::number(cityX);
    if (direction == Qt::RightToLeft)
        QVERIFY2(nameX > xs[3] && cityX < xs[0], qPrintable(where));
    else
        QVERIFY2(nameX < xs[0] && cityX > xs[3], qPrintable(where));
    if (direction == Qt::LeftToRight) {
        m_languages->setLanguage(ui::LanguageManager::Language::Arabic);
        return; // the naive form below is the right-to-left bug
    }

    // Written naively, without the isolates and with plain spaces, the same cell shows the groups
    // reversed ("4567 9123 968+"): the bug this prevents, and proof that the test sees it.
    const QImage bare
        = paintCell(ui::bidi::stripFormatCharacters(row).replace(QChar(0x00A0), u' '), Qt::RightToLeft, surface);
    const QList<int> reversed = groupPositions(bare, plainNumber);
    QVERIFY2(reversed[1] > reversed[2] && reversed[2] > reversed[3], qPrintable(positions(reversed)));
}

void TestBidi::numberListReadsInTheInterfaceDirection_data()
{
    QTest::addColumn<ui::LanguageManager::Language>("language");
    QTest::newRow("arabic") << ui::LanguageManager::Language::Arabic;
    QTest::newRow("english") << ui::LanguageManager::Language::English;
}

void TestBidi::numberListReadsInTheInterfaceDirection()
{
    // A customer's numbers on the card: a label of isolated numbers only, which Qt would lay out
    // left to right (no strong letter outside the isolates) unless the text says otherwise.
    QFETCH(ui::LanguageManager::Language, language);
    m_languages->setLanguage(language);
    const QString first = ui::DisplayText::phoneNumber(QStringLiteral("+96891234567"));
    const QString second = ui::DisplayText::phoneNumber(QStringLiteral("+96824123456"));
    const QString list
        = ui::DisplayText::phoneNumbers({ QStringLiteral("+96891234567"), QStringLiteral("+96824123456") });
    const QImage shown = paintCell(list, QGuiApplication::layoutDirection(), Surface::Label);
    const QImage one = paintCell(ui::bidi::stripFormatCharacters(first), Qt::LeftToRight);
    const QImage two = paintCell(ui::bidi::stripFormatCharacters(second), Qt::LeftToRight);
    const int x1 = bestX(shown, one.copy(ink(one)));
    const int x2 = bestX(shown, two.copy(ink(two)));
    const QString where = u"first at x %1, second at x %2"_s.arg(x1).arg(x2);
    // The primary number first, in the reading direction.
    if (language == ui::LanguageManager::Language::Arabic)
        QVERIFY2(x1 > x2, qPrintable(where));
    else
        QVERIFY2(x1 < x2, qPrintable(where));
    m_languages->setLanguage(ui::LanguageManager::Language::Arabic);
}

void TestBidi::agentWindowTablesReadFromTheRight()
{
    m_languages->setDigits(ui::LanguageManager::Digits::ArabicIndic);
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
