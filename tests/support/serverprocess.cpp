#include "serverprocess.h"

#include <QDebug>
#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

namespace sanad::test {

ServerProcess::ServerProcess()
    : m_database(QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("sanad.db")))
{
}

ServerProcess::~ServerProcess()
{
    kill();
}

QString ServerProcess::serverBinary()
{
    return QStringLiteral(SANAD_SERVER_PATH);
}

CommandResult ServerProcess::run(const QStringList &args, const QByteArray &standardInput, int timeoutMs) const
{
    return runCommand(args + QStringList { QStringLiteral("--db"), m_database }, standardInput, timeoutMs);
}

CommandResult ServerProcess::runCommand(const QStringList &args, const QByteArray &standardInput, int timeoutMs)
{
    QProcess p;
    p.start(serverBinary(), args);
    CommandResult result;
    if (!p.waitForStarted()) {
        result.standardError = p.errorString();
        return result;
    }
    if (!standardInput.isEmpty())
        p.write(standardInput);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        result.standardError = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    result.standardOutput = QString::fromUtf8(p.readAllStandardOutput());
    result.standardError = QString::fromUtf8(p.readAllStandardError());
    return result;
}

QStringList ServerProcess::policyArgs(const QByteArray &json) const
{
    const QString path = m_dir.filePath(QStringLiteral("policy.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size())
        qWarning() << "cannot write" << path;
    return { QStringLiteral("--policy"), path };
}

bool ServerProcess::addUser(const QString &username, const QString &role, const QString &password) const
{
    const CommandResult r = run({QStringLiteral("add-user"), QStringLiteral("--username"), username,
                                 QStringLiteral("--role"), role},
                                password.toUtf8() + '\n');
    if (r.exitCode != 0)
        qWarning().noquote() << "add-user failed:" << r.exitCode << r.standardOutput << r.standardError;
    return r.exitCode == 0;
}

bool ServerProcess::restart(const QStringList &extraArgs, int timeoutMs)
{
    const QString previous = m_address;
    return startOn(previous.isEmpty() ? QStringLiteral("127.0.0.1:0") : previous, extraArgs, timeoutMs);
}

bool ServerProcess::start(const QStringList &extraArgs, int timeoutMs)
{
    return startOn(QStringLiteral("127.0.0.1:0"), extraArgs, timeoutMs);
}

bool ServerProcess::startOn(const QString &listen, const QStringList &extraArgs, int timeoutMs)
{
    kill();
    m_output.clear();
    m_address.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QStringList args { QStringLiteral("--db"), m_database, QStringLiteral("--listen"), listen };
    args << extraArgs;
    m_process->start(serverBinary(), args);
    if (!m_process->waitForStarted()) {
        qWarning().noquote() << "cannot start" << serverBinary() << m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on (\\S+:\\d+)"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        m_process->waitForReadyRead(100);
        m_output += QString::fromUtf8(m_process->readAll());
        const auto match = listening.match(m_output);
        if (match.hasMatch()) {
            m_address = match.captured(1);
            return true;
        }
        if (m_process->state() == QProcess::NotRunning) {
            qWarning().noquote() << "sanad-server exited before listening:" << m_output;
            return false;
        }
    }
    qWarning().noquote() << "sanad-server did not print its listening line in time:" << m_output;
    return false;
}

QString ServerProcess::output() const
{
    if (m_process)
        m_output += QString::fromUtf8(m_process->readAll());
    return m_output;
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    output();
}

void ServerProcess::terminate()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(10000);
        }
    }
    output();
}

} // namespace sanad::test
