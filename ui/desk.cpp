#include "ui/desk.h"

#include "client/sanadclient.h"
#include "ui/agentwindow.h"
#include "ui/displaytext.h"
#include "ui/icons.h"
#include "ui/logging.h"
#include "ui/loginwindow.h"
#include "ui/ringer.h"

#include <QApplication>
#include <QDir>
#include <QFont>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace sanad::ui {

namespace {

const QString kDefaultServer = QStringLiteral("127.0.0.1:50051");

QSettings settings()
{
    return QSettings(QStringLiteral("Sanad"), QStringLiteral("sanad-desk"));
}

bool mayUseDesktop(Role role)
{
    return role == Role::Agent || role == Role::Lead || role == Role::Trainer || role == Role::Admin;
}

} // namespace

Desk::Desk(QObject *parent)
    : QObject(parent)
    , m_client(std::make_unique<client::SanadClient>())
    , m_languages(std::make_unique<LanguageManager>())
{
    connect(m_client.get(), &client::SanadClient::loggedIn, this, &Desk::onLoggedIn);
    connect(m_client.get(), &client::SanadClient::loginFailed, this, &Desk::onLoginFailed);
    connect(m_client.get(), &client::SanadClient::sessionExpired, this, &Desk::onSessionExpired);
}

Desk::~Desk()
{
    m_agent.reset();
    m_login.reset();
    m_client.reset();
}

void Desk::setUpApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Sanad"));
    QCoreApplication::setApplicationName(QStringLiteral("sanad-desk"));
    QFont font = QApplication::font();
    font.setFamilies({ QStringLiteral("Noto Sans"), QStringLiteral("Noto Sans Arabic") });
    QApplication::setFont(font);
    QApplication::setWindowIcon(Icons::application());
}

void Desk::start(const DeskOptions &options)
{
    m_sound = options.sound;
    m_localStoreDir = options.localStoreDir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/sync")
        : options.localStoreDir;
    m_languages->setLanguage(options.language.value_or(LanguageManager::savedLanguage()));
    m_login = std::make_unique<LoginWindow>(m_languages.get());
    connect(m_login.get(), &LoginWindow::signInRequested, this, &Desk::signIn);

    QSettings s = settings();
    const QString server = !options.serverAddress.isEmpty()
        ? options.serverAddress
        : s.value(QStringLiteral("server"), kDefaultServer).toString();
    const QString user = !options.userName.isEmpty() ? options.userName : s.value(QStringLiteral("user")).toString();
    m_login->setServerAddress(server);
    m_login->setUserName(user);
    m_login->setPassword(options.password);
    m_login->show();
    m_login->focusFirstEmptyField();
    if (options.signIn && !options.password.isEmpty())
        signIn(m_login->serverAddress(), m_login->userName(), options.password);
}

void Desk::signIn(const QString &serverAddress, const QString &userName, const QString &password)
{
    m_pendingServer = serverAddress;
    m_pendingUser = userName;
    m_login->clearMessage();
    m_login->setBusy(true);
    m_client->login(serverAddress, userName, password);
}

void Desk::onLoggedIn(const client::Session &session)
{
    m_login->setBusy(false);
    if (!mayUseDesktop(session.role)) {
        qCInfo(lcUi) << "signed in with a role that may not use the desktop:" << roleName(session.role);
        m_client->logout();
        m_login->clearPassword();
        m_login->showError([] { return DisplayText::accountNotForDesktop(); });
        return;
    }
    QSettings s = settings();
    s.setValue(QStringLiteral("server"), session.serverAddress.isEmpty() ? m_pendingServer : session.serverAddress);
    s.setValue(QStringLiteral("user"), session.username.isEmpty() ? m_pendingUser : session.username);

    // After an expired session the same person gets the same window back, as it was.
    const bool restore = m_agent && m_restoring && m_agent->property("sanadUser").toString() == session.username;
    m_restoring = false;
    if (!restore) {
        m_agent = std::make_unique<AgentWindow>(m_client.get(), m_languages.get());
        m_agent->setProperty("sanadUser", session.username);
        m_agent->ringer()->setMuted(!m_sound);
        connect(m_agent.get(), &AgentWindow::signOutRequested, this, &Desk::signOut);
        connect(m_agent.get(), &AgentWindow::quitRequested, this, &Desk::quit);
    }
    m_agent->setSession(session);
    // Each user's own outbox and copy: changes wait for the person who made them.
    const QString user = session.username.isEmpty() ? m_pendingUser : session.username;
    const QString server = session.serverAddress.isEmpty() ? m_pendingServer : session.serverAddress;
    QString name = user + QLatin1Char('@') + server;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.@-]")), QStringLiteral("_"));
    const QString storePath = m_localStoreDir + QLatin1Char('/') + name + QStringLiteral(".db");
    if (storePath != m_openStore) {
        QDir().mkpath(m_localStoreDir);
        const QString notice = m_client->openLocalStore(storePath);
        m_openStore = storePath;
        if (!notice.isEmpty()) {
            qCWarning(lcUi).noquote() << notice;
            m_agent->statusBar()->showMessage(
                tr("The copy of your work on this computer could not be used as it was; it was kept aside, "
                   "changes still waiting were kept, and the rest is filled again from the server."),
                120000);
        }
    }
    m_login->clearPassword();
    m_login->clearMessage();
    m_agent->show();
    m_agent->raise();
    m_agent->activateWindow();
    m_login->hide();
    m_client->startAgentStream();
    Q_EMIT signedIn();
}

void Desk::onLoginFailed(const client::ClientError &error)
{
    m_login->setBusy(false);
    const QString server = m_pendingServer;
    qCInfo(lcUi) << "sign-in failed, grpc code" << error.grpcCode;
    m_login->showError([error, server] { return DisplayText::loginError(error, server); });
    m_login->clearPassword();
    m_login->show();
}

void Desk::onSessionExpired(const client::ClientError &)
{
    qCInfo(lcUi) << "session expired";
    m_restoring = m_agent != nullptr;
    if (m_agent) {
        m_agent->ringer()->stop();
        m_agent->hide();
    }
    m_login->setBusy(false);
    m_login->clearPassword();
    m_login->showNotice([] { return DisplayText::sessionExpired(); });
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
    m_login->focusFirstEmptyField();
}

void Desk::signOut()
{
    m_client->logout();
    m_restoring = false;
    // The window may be the sender of this signal: delete it once control is back in the loop.
    if (m_agent) {
        m_agent->hide();
        m_agent.release()->deleteLater();
    }
    m_login->clearPassword();
    m_login->clearMessage();
    m_login->show();
    m_login->focusFirstEmptyField();
}

void Desk::quit()
{
    m_client->logout();
    QCoreApplication::quit();
}

} // namespace sanad::ui
