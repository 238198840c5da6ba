#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace sanad::test {

struct CommandResult
{
    int exitCode = -1;
    QString standardOutput;
    QString standardError;
};

// Starts the real sanad-server binary on 127.0.0.1:0 with a database in a temporary folder,
// and waits for its "listening on HOST:PORT" line. The process is killed when this object goes.
class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    static QString serverBinary();

    // "sqlite:/tmp/.../sanad.db" unless setDatabase was called.
    QString database() const { return m_database; }
    void setDatabase(const QString &database) { m_database = database; }
    QString dataDir() const { return m_dir.path(); }

    // Runs `sanad-server <args...>` to completion (validate-script, a usage error, ...).
    static CommandResult runCommand(const QStringList &args, const QByteArray &standardInput = {},
                                    int timeoutMs = 120000);
    // Runs `sanad-server <args...> --db <database>` to completion (add-user, import-customers, ...).
    CommandResult run(const QStringList &args, const QByteArray &standardInput = {}, int timeoutMs = 120000) const;
    // Writes a case policy file (docs/cases.md) into the data folder; returns {"--policy", path}
    // for start().
    QStringList policyArgs(const QByteArray &json) const;
    // For tests that abandon calls but are not about callbacks: the callbacks of abandoned calls
    // fall due a day later, so none rings in the middle of a later test on a slow machine.
    static constexpr const char *kCallbacksNextDay = R"({"callbacks": {"delay_minutes": 1440}})";
    // add-user with the password on standard input; returns false (and prints why) on failure.
    bool addUser(const QString &username, const QString &role, const QString &password) const;

    // Starts `sanad-server --db <database> --listen 127.0.0.1:0 <extraArgs...>`; false on failure or
    // after timeoutMs without the listening line.
    bool start(const QStringList &extraArgs = {}, int timeoutMs = 60000);
    // Starts again on the address of the last start (kills a running server first), so that
    // clients that know the address find it again: a restart after a crash.
    bool restart(const QStringList &extraArgs = {}, int timeoutMs = 60000);
    // "127.0.0.1:PORT"
    QString address() const { return m_address; }
    // Everything the server printed so far (standard output and error).
    QString output() const;
    bool isRunning() const;
    void kill();      // SIGKILL, then waits
    void terminate(); // SIGTERM, then waits (graceful shutdown)

private:
    bool startOn(const QString &listen, const QStringList &extraArgs, int timeoutMs);

    QTemporaryDir m_dir;
    QString m_database;
    QString m_address;
    std::unique_ptr<QProcess> m_process;
    mutable QString m_output;
};

} // namespace sanad::test
