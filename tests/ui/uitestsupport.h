#pragma once

#include "grpctestclient.h"
#include "serverprocess.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>

namespace sanad::ui {
class AgentWindow;
class Desk;
} // namespace sanad::ui

namespace sanad::test {

struct DemoAccount
{
    QString username;
    QString role;
    QString password;
};

// The real sanad-server seeded with the demo dataset (`--demo --demo-accounts-file`), the demo
// accounts it generated, and a raw gRPC client for what a test needs to know or do behind the
// desktop's back: report calls as the PBX (CTI account), ask LookupCaller for the expected answer.
class DemoServer
{
public:
    DemoServer();
    ~DemoServer();

    bool start(const QStringList &extraArgs = {});
    QString address() const { return m_server.address(); }
    ServerProcess &process() { return m_server; }
    GrpcTestClient &grpc() { return *m_grpc; }

    // The first demo account with that role ("agent", "cti", "admin", ...); index picks a later one.
    DemoAccount account(const QString &role, int index = 0) const;
    // A cached token of an account, logged in through AuthService.Login.
    QString token(const DemoAccount &account);

    // A demo customer's number whose lookup has at least minHistory rows; empty when none.
    QString knownNumber(int minHistory = 2);
    // LookupCaller as an administrator; false (and a warning) on an error.
    bool lookup(const QString &number, v1::CallerContext *context);
    // Reports a call event as the PBX; false (and a warning) on an error.
    bool reportCall(const QString &callId, v1::CallEventKind kind, const QString &callerNumber);

private:
    ServerProcess m_server;
    QList<DemoAccount> m_accounts;
    std::unique_ptr<GrpcTestClient> m_grpc;
    QHash<QString, QString> m_tokens;
};

// Gives this test process settings of its own (QSettings "Sanad"/"sanad-desk" in a temporary
// folder), so tests running in parallel never see each other's saved language or server.
class IsolatedSettings
{
public:
    IsolatedSettings();
    bool isValid() const { return m_dir.isValid(); }

private:
    QTemporaryDir m_dir;
};

// The first visible top-level widget with that object name, or nullptr.
QWidget *visibleTopLevel(const QString &objectName);
// Signs in through the LoginWindow like a person: types into its fields and presses Enter.
void typeSignIn(ui::Desk &desk, const QString &server, const QString &user, const QString &password);
// Signs the agent in through the LoginWindow and goes available with F9 in the agent window, as a
// person would; the window, or nullptr (with a warning saying which step did not happen in 15 s).
ui::AgentWindow *signInAvailable(ui::Desk &desk, const QString &server, const DemoAccount &agent);
// Types text into a widget key by key, Arabic included (QTest::keyClicks takes Latin-1 only).
void typeText(QWidget *widget, const QString &text);
// A TCP port on 127.0.0.1 with nothing listening (taken, then released).
quint16 unusedPort();

} // namespace sanad::test
