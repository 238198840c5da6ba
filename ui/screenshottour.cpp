#include "ui/screenshottour.h"

#include "ui/agentwindow.h"
#include "ui/customersearch.h"
#include "ui/customersearchmodel.h"
#include "ui/desk.h"
#include "ui/languagemanager.h"
#include "ui/loginwindow.h"
#include "ui/offerbanner.h"
#include "ui/screenpop.h"

#include <QAction>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImageWriter>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTextStream>

#include <memory>

namespace sanad::ui {

namespace {

// The size of the agent window in the pictures: room for the card, cases and history, and small
// files for the README.
const QSize kAgentWindowSize(1440, 860);
// Time for layouts, fonts and the first paint after a change.
constexpr int kSettleMs = 700;

} // namespace

ScreenshotTour::ScreenshotTour(Desk *desk, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_desk(desk)
    , m_directory(directory)
    , m_searchText(QStringLiteral("ايمان البلوشى"))
{ }

ScreenshotTour::~ScreenshotTour() = default;

void ScreenshotTour::start()
{
    if (!m_directory.mkpath(QStringLiteral("."))) {
        fail(QStringLiteral("cannot create the folder %1").arg(m_directory.path()));
        return;
    }
    waitFor(
        QStringLiteral("the sign-in window"),
        [this] { return m_desk->loginWindow() && m_desk->loginWindow()->isVisible(); }, 30000,
        [this] {
            save(m_desk->loginWindow(), QStringLiteral("login-ar.png"));
            signIn();
        });
}

void ScreenshotTour::waitFor(const QString &what, const Condition &condition, int timeoutMs,
                             const std::function<void()> &next)
{
    auto *timer = new QTimer(this);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto settled = std::make_shared<bool>(false);
    timer->setInterval(100);
    connect(timer, &QTimer::timeout, this, [=, this] {
        if (m_failed) {
            timer->deleteLater();
            return;
        }
        if (!*settled && condition()) {
            // Once it holds, give the windows time to lay out and paint.
            *settled = true;
            timer->setInterval(kSettleMs);
            return;
        }
        if (*settled) {
            timer->stop();
            timer->deleteLater();
            next();
            return;
        }
        if (clock->elapsed() > timeoutMs) {
            timer->stop();
            timer->deleteLater();
            fail(QStringLiteral("%1 did not appear within %2 s").arg(what).arg(timeoutMs / 1000));
        }
    });
    timer->start();
}

void ScreenshotTour::save(QWidget *window, const QString &fileName)
{
    if (m_failed)
        return;
    // 256 colours are plenty for a user interface and keep the files small.
    const QImage image = window->grab().toImage().convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither);
    QImageWriter writer(m_directory.filePath(fileName), "png");
    writer.setQuality(0); // the strongest compression
    if (!writer.write(image)) {
        fail(QStringLiteral("cannot write %1: %2").arg(writer.fileName(), writer.errorString()));
        return;
    }
    QTextStream(stdout) << "wrote " << writer.fileName() << "\n";
}

void ScreenshotTour::fail(const QString &why)
{
    if (m_failed)
        return;
    m_failed = true;
    QTextStream(stderr) << "sanad-desk --screenshot: " << why << ".\n";
    QCoreApplication::exit(1);
}

void ScreenshotTour::signIn()
{
    auto *button = m_desk->loginWindow()->findChild<QPushButton *>(QStringLiteral("signInButton"));
    if (!button) {
        fail(QStringLiteral("the sign-in window has no sign-in button"));
        return;
    }
    button->click();
    waitFor(
        QStringLiteral("the agent window (check --server, --user and --password-file)"),
        [this] { return m_desk->agentWindow() && m_desk->agentWindow()->isVisible(); }, 30000,
        [this] {
            m_desk->agentWindow()->resize(kAgentWindowSize);
            showScreenPop();
        });
}

void ScreenshotTour::showScreenPop()
{
    AgentWindow *window = m_desk->agentWindow();
    window->findChild<QAction *>(QStringLiteral("availableAction"))->trigger();
    auto *banner = window->findChild<OfferBanner *>(QStringLiteral("offerBanner"));
    const auto ringing = [window, banner] {
        return banner->mode() == OfferBanner::Mode::Offered && window->screenPop()->state() == ScreenPop::State::Known;
    };
    // The simulator offers calls to available agents; wait for one, else open a customer by search.
    auto *timer = new QTimer(this);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    timer->setInterval(200);
    connect(timer, &QTimer::timeout, this, [=, this] {
        if (!ringing() && clock->elapsed() < m_offerWaitMs)
            return;
        timer->stop();
        timer->deleteLater();
        if (ringing()) {
            waitFor(QStringLiteral("the screen-pop"), ringing, 1000, [this] { grabAgentWindows(); });
            return;
        }
        QTextStream(stdout) << "no call was offered within " << m_offerWaitMs / 1000
                            << " s: opening a customer found by search instead\n";
        CustomerSearch *search = window->customerSearch();
        search->setText(m_searchText);
        search->searchNow();
        waitFor(
            QStringLiteral("search results for the screen-pop"),
            [search] { return search->state() == CustomerSearch::State::Results && search->model()->rowCount() > 0; },
            30000,
            [this, window, search] {
                window->screenPop()->openCustomer(
                    search->model()->index(0).data(CustomerSearchModel::CustomerIdRole).toString());
                search->clear();
                waitFor(
                    QStringLiteral("the customer's screen-pop"),
                    [window] { return window->screenPop()->state() == ScreenPop::State::Known; }, 30000,
                    [this] { grabAgentWindows(); });
            });
    });
    timer->start();
}

void ScreenshotTour::grabAgentWindows()
{
    save(m_desk->agentWindow(), QStringLiteral("agent-window-ar.png"));
    m_desk->languages()->setLanguage(LanguageManager::Language::English);
    waitFor(
        QStringLiteral("the English agent window"),
        [this] { return m_desk->agentWindow()->layoutDirection() == Qt::LeftToRight; }, 10000,
        [this] {
            save(m_desk->agentWindow(), QStringLiteral("agent-window-en.png"));
            searchInBothLanguages();
        });
}

void ScreenshotTour::searchInBothLanguages()
{
    AgentWindow *window = m_desk->agentWindow();
    auto *edit = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    CustomerSearch *search = window->customerSearch();
    edit->setFocus(Qt::ShortcutFocusReason);
    edit->setText(m_searchText);
    search->searchNow();
    waitFor(
        QStringLiteral("search results"),
        [search] { return search->state() == CustomerSearch::State::Results && search->model()->rowCount() > 0; },
        30000,
        [this, window] {
            save(window, QStringLiteral("search-en.png"));
            m_desk->languages()->setLanguage(LanguageManager::Language::Arabic);
            waitFor(
                QStringLiteral("the Arabic search results"),
                [window] { return window->layoutDirection() == Qt::RightToLeft; }, 10000,
                [this, window] {
                    save(window, QStringLiteral("search-ar.png"));
                    grabNewCaller();
                });
        });
}

void ScreenshotTour::grabNewCaller()
{
    // A number the demo does not know: the card becomes the new-caller form.
    AgentWindow *window = m_desk->agentWindow();
    window->customerSearch()->clear();
    window->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->clear();
    window->screenPop()->lookUpNumber(QStringLiteral("+968 7999 0174"));
    waitFor(
        QStringLiteral("the new-caller form"),
        [window] { return window->screenPop()->state() == ScreenPop::State::Unknown; }, 30000,
        [this, window] {
            save(window, QStringLiteral("new-caller-ar.png"));
            grabEnglishLogin();
        });
}

void ScreenshotTour::grabEnglishLogin()
{
    m_desk->languages()->setLanguage(LanguageManager::Language::English);
    m_desk->agentWindow()->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    waitFor(
        QStringLiteral("the English sign-in window"),
        [this] {
            return m_desk->loginWindow()->isVisible() && m_desk->loginWindow()->layoutDirection() == Qt::LeftToRight;
        },
        30000,
        [this] {
            save(m_desk->loginWindow(), QStringLiteral("login-en.png"));
            if (!m_failed)
                QCoreApplication::exit(0);
        });
}

} // namespace sanad::ui
