#pragma once

#include <QDir>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace sanad::ui {

class Desk;

// `sanad-desk --screenshot DIR` (docs/screenshots): walks the real desktop, signed in to a demo
// server, through the screens the README shows and writes each as a PNG, in Arabic and in
// English: login-{ar,en}.png, agent-window-{ar,en}.png (a caller's screen-pop, ringing when the
// server's call simulator offers a call in time), search-{ar,en}.png and new-caller-ar.png (the
// card of a number not on file). The windows are grabbed
// by Qt, not the screen, so it works under Xvfb and on the offscreen platform alike.
//
// Ends the application with 0 when every file is written, or 1 with a sentence on stderr when a
// step does not happen in time.
class ScreenshotTour final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotTour)

public:
    // The desk must have been started with a filled-in sign-in form (server, user, password).
    ScreenshotTour(Desk *desk, const QString &directory, QObject *parent = nullptr);
    ~ScreenshotTour() override;

    // How long to wait for the simulator to offer a call before showing a customer found by
    // search instead (default 60 s).
    void setOfferWaitMs(int ms) { m_offerWaitMs = ms; }
    // What the search screenshots search for.
    void setSearchText(const QString &text) { m_searchText = text; }

    void start();

private:
    using Condition = std::function<bool()>;
    // Runs next once condition holds (checked every 100 ms), or fails the tour after timeoutMs.
    void waitFor(const QString &what, const Condition &condition, int timeoutMs, const std::function<void()> &next);
    void save(QWidget *window, const QString &fileName);
    void fail(const QString &why);

    void signIn();
    void showScreenPop();
    void grabAgentWindows();
    void searchInBothLanguages();
    void grabNewCaller();
    void grabEnglishLogin();

    Desk *m_desk;
    QDir m_directory;
    int m_offerWaitMs = 60000;
    QString m_searchText;
    QTimer m_poll;
    bool m_failed = false;
};

} // namespace sanad::ui
