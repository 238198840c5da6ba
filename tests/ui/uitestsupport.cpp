#include "uitestsupport.h"

#include "client/sanadclient.h"
#include "ui/agentwindow.h"
#include "ui/desk.h"
#include "ui/loginwindow.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

namespace sanad::test {

DemoServer::DemoServer() = default;
DemoServer::~DemoServer() = default;

bool DemoServer::start(const QStringList &extraArgs)
{
    const QString accountsFile = m_server.dataDir() + QStringLiteral("/accounts.txt");
    QStringList args { QStringLiteral("--demo"), QStringLiteral("--demo-accounts-file"), accountsFile };
    args << extraArgs;
    if (!m_server.start(args, 180000))
        return false;
    QFile file(accountsFile);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning() << "cannot read the demo accounts file" << accountsFile;
        return false;
    }
    static const QRegularExpression line(QStringLiteral("demo account: username=(\\S+) role=(\\S+) password=(\\S+)"));
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const auto match = line.match(QString::fromUtf8(raw));
        if (match.hasMatch())
            m_accounts.append({ match.captured(1), match.captured(2), match.captured(3) });
    }
    m_grpc = std::make_unique<GrpcTestClient>(m_server.address());
    return !m_accounts.isEmpty();
}

DemoAccount DemoServer::account(const QString &role, int index) const
{
    for (const DemoAccount &a : m_accounts) {
        if (a.role == role && index-- == 0)
            return a;
    }
    qWarning() << "no demo account with role" << role;
    return {};
}

QString DemoServer::token(const DemoAccount &account)
{
    auto it = m_tokens.find(account.username);
    if (it == m_tokens.end())
        it = m_tokens.insert(account.username, m_grpc->login(account.username, account.password));
    return it.value();
}

bool DemoServer::lookup(const QString &number, v1::CallerContext *context)
{
    const grpc::Status status = m_grpc->lookup(token(account(QStringLiteral("admin"))), number, context);
    if (!status.ok())
        qWarning() << "LookupCaller failed:" << status.error_code() << status.error_message().c_str();
    return status.ok();
}

bool DemoServer::reportCall(const QString &callId, v1::CallEventKind kind, const QString &callerNumber)
{
    const grpc::Status status = m_grpc->reportCall(token(account(QStringLiteral("cti"))), callId, kind, callerNumber);
    if (!status.ok())
        qWarning() << "ReportCallEvent failed:" << status.error_code() << status.error_message().c_str();
    return status.ok();
}

QString DemoServer::knownNumber(int minHistory)
{
    // Nearly every demo name contains an alef; results come most recently contacted first.
    v1::SearchCustomersRequest request;
    request.set_query(QStringLiteral("ا").toStdString());
    request.set_limit(100);
    v1::SearchCustomersResponse response;
    const grpc::Status status = m_grpc->cases().SearchCustomers(
        GrpcTestClient::context(token(account(QStringLiteral("admin")))).get(), request, &response);
    if (!status.ok()) {
        qWarning() << "SearchCustomers failed:" << status.error_code() << status.error_message().c_str();
        return {};
    }
    for (const v1::Customer &customer : response.customers()) {
        for (const std::string &phone : customer.phones()) {
            v1::CallerContext context;
            const QString number = QString::fromStdString(phone);
            if (lookup(number, &context) && context.known() && context.history_size() >= minHistory)
                return number;
        }
    }
    return {};
}

IsolatedSettings::IsolatedSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}

QWidget *visibleTopLevel(const QString &objectName)
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows) {
        if (w->objectName() == objectName && w->isVisible())
            return w;
    }
    return nullptr;
}

void typeSignIn(ui::Desk &desk, const QString &server, const QString &user, const QString &password)
{
    ui::LoginWindow *login = desk.loginWindow();
    auto *serverEdit = login->findChild<QLineEdit *>(QStringLiteral("serverEdit"));
    auto *userEdit = login->findChild<QLineEdit *>(QStringLiteral("userEdit"));
    auto *passwordEdit = login->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QVERIFY(serverEdit && userEdit && passwordEdit);
    serverEdit->clear();
    QTest::keyClicks(serverEdit, server);
    userEdit->clear();
    QTest::keyClicks(userEdit, user);
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
}

ui::AgentWindow *signInAvailable(ui::Desk &desk, const QString &server, const DemoAccount &agent)
{
    typeSignIn(desk, server, agent.username, agent.password);
    const auto waitFor = [](const char *what, const auto &condition) {
        if (QTest::qWaitFor(condition, 15000))
            return true;
        qWarning() << "signing in:" << what << "did not happen within 15 s";
        return false;
    };
    if (!waitFor("the agent window", [] { return visibleTopLevel(QStringLiteral("agentWindow")) != nullptr; }))
        return nullptr;
    ui::AgentWindow *window = desk.agentWindow();
    if (!waitFor("the agent stream",
                 [&desk] { return desk.client()->streamState() == client::SanadClient::StreamState::Connected; }))
        return nullptr;
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window)) {
        qWarning() << "signing in: the agent window did not become active";
        return nullptr;
    }
    QTest::keyClick(window, Qt::Key_F9);
    if (!waitFor("AVAILABLE", [window] { return window->presence() == AgentState::Available; }))
        return nullptr;
    return window;
}

void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

quint16 unusedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 9;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace sanad::test
