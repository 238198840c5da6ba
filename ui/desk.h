#pragma once

#include "client/types.h"
#include "ui/languagemanager.h"

#include <QObject>

#include <memory>
#include <optional>

namespace sanad::client {
class SanadClient;
}

namespace sanad::ui {

class AgentWindow;
class LoginWindow;

// What the command line of sanad-desk can fill in.
struct DeskOptions
{
    QString serverAddress; // empty: the last one used, else 127.0.0.1:50051
    QString userName; // empty: the last one used
    QString password; // read from --password-file; never from argv
    std::optional<LanguageManager::Language> language; // empty: the saved one (Arabic by default)
    bool signIn = false; // sign in at once with the filled-in form
    bool sound = true; // ring audibly
    // Where each user's local store lives (docs/sync.md); empty: AppLocalDataLocation/sync.
    QString localStoreDir;
};

// The desktop's composition root: one SanadClient, the language, the sign-in window and the
// agent window, and the flow between them: sign in → agent window (and the agent stream);
// session expired → the sign-in window with "sign in again", then the same agent window back as
// it was; sign out → the sign-in window. Everything on the GUI thread.
class Desk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Desk)

public:
    explicit Desk(QObject *parent = nullptr);
    // Closes the windows, then the client (which waits for gRPC's callbacks).
    ~Desk() override;

    // Application-wide settings every Sanad desktop needs before its first window: organisation
    // and application names (QSettings "Sanad"/"sanad-desk"), the fonts (Noto Sans for Latin,
    // Noto Sans Arabic for Arabic, instead of fontconfig's DejaVu fallback) and the window icon.
    static void setUpApplication();

    // Sets the language and shows the sign-in window filled from the options and settings.
    void start(const DeskOptions &options = {});

    client::SanadClient *client() const { return m_client.get(); }
    LanguageManager *languages() const { return m_languages.get(); }
    LoginWindow *loginWindow() const { return m_login.get(); }
    // nullptr until the first sign-in, and after signing out.
    AgentWindow *agentWindow() const { return m_agent.get(); }

Q_SIGNALS:
    // The agent window is on screen for a signed-in session.
    void signedIn();

private:
    void signIn(const QString &serverAddress, const QString &userName, const QString &password);
    void onLoggedIn(const client::Session &session);
    void onLoginFailed(const client::ClientError &error);
    void onSessionExpired(const client::ClientError &error);
    void signOut();
    void quit();

    std::unique_ptr<client::SanadClient> m_client;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<LoginWindow> m_login;
    std::unique_ptr<AgentWindow> m_agent;
    QString m_pendingServer;
    QString m_pendingUser;
    bool m_restoring = false;
    bool m_sound = true;
    QString m_localStoreDir;
    QString m_openStore; // the local store open now: one per user and server
};

} // namespace sanad::ui
