// sanad-sync-driver: a small desktop without windows, for the fault tests (tst_offline). It
// uses the client library exactly as the desktop does (SanadClient, its local store and outbox),
// as its own process, so that a test can SIGKILL it. Prints one line per fact on stdout:
//   notice <text>                      the local store's notice (corrupt / older schema)
//   ready                              signed in, first sync done
//   queued <n>                         n changes are in the outbox (committed)
//   offline                            the sync state went offline
//   screenpop known=<0|1> local=<0|1> cases=<n> history=<n>
//   state online=<0|1> waiting=<n> problems=<n>
//   problem <conflict|rejected> <detail>
//   done applied=<n> failed=<n> waiting=<n> problems=<n>
// Usage: sanad-sync-driver --server HOST:PORT --user U --password P --store PATH
//        [--batch N] [--case ID --notes N] [--customer ID --cases N] [--status CASE:BASE:STATUS]
//        [--kill-after-queue] [--wait-offline] [--lookup PHONE] [--exit-when-drained]
#include "client/sanadclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace sanad;
using namespace sanad::client;

namespace {

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qUtf8Printable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    for (const char *option : { "server", "user", "password", "store", "batch", "case", "notes", "customer", "cases",
                                "status", "lookup", "poll", "prefix" })
        parser.addOption(QCommandLineOption(QString::fromLatin1(option), QString(), QStringLiteral("value")));
    for (const char *flag : { "kill-after-queue", "wait-offline", "exit-when-drained" })
        parser.addOption(QCommandLineOption(QString::fromLatin1(flag)));
    parser.process(app);

    SanadClient client;
    client.setDeadlineMs(3000);
    const QString notice = client.openLocalStore(parser.value(QStringLiteral("store")));
    if (!notice.isEmpty())
        say(QStringLiteral("notice ") + notice);
    client.setSyncPollIntervalMs(parser.isSet(QStringLiteral("poll")) ? parser.value(QStringLiteral("poll")).toInt()
                                                                      : 300);

    int applied = 0;
    int failed = 0;
    bool queuedAll = false;
    bool waitingForOffline = parser.isSet(QStringLiteral("wait-offline"));
    QObject::connect(&client, &SanadClient::changeApplied, &app, [&applied](quint64, const QString &) { ++applied; });
    QObject::connect(&client, &SanadClient::customerCreated, &app, [&applied](quint64, const QString &) { ++applied; });
    QObject::connect(&client, &SanadClient::requestFailed, &app, [&failed](quint64, const ClientError &error) {
        ++failed;
        say(QStringLiteral("failed ") + error.serverMessage);
    });
    QObject::connect(&client, &SanadClient::loginFailed, &app, [](const ClientError &error) {
        say(QStringLiteral("login-failed ") + error.serverMessage);
        QCoreApplication::exit(2);
    });

    auto finishIfDrained = [&] {
        const SyncState state = client.syncState();
        if (queuedAll && state.waiting == 0 && state.online) {
            for (const SyncProblem &problem : client.syncProblems())
                say(QStringLiteral("problem %1 %2")
                        .arg(problem.conflict ? QStringLiteral("conflict") : QStringLiteral("rejected"),
                             problem.detail));
            say(QStringLiteral("done applied=%1 failed=%2 waiting=%3 problems=%4")
                    .arg(applied)
                    .arg(failed)
                    .arg(state.waiting)
                    .arg(state.problems));
            if (parser.isSet(QStringLiteral("exit-when-drained")))
                QCoreApplication::exit(0);
        }
    };

    auto queueEverything = [&] {
        int queued = 0;
        if (parser.isSet(QStringLiteral("cases"))) {
            const int n = parser.value(QStringLiteral("cases")).toInt();
            for (int i = 1; i <= n; ++i, ++queued)
                client.createCaseFor(parser.value(QStringLiteral("customer")), QStringLiteral("water.burst_pipe"),
                                     QStringLiteral("offline case %1").arg(i));
        }
        const QString prefix
            = parser.isSet(QStringLiteral("prefix")) ? parser.value(QStringLiteral("prefix")) : QStringLiteral("note");
        if (parser.isSet(QStringLiteral("notes"))) {
            const int n = parser.value(QStringLiteral("notes")).toInt();
            for (int i = 1; i <= n; ++i, ++queued)
                client.addCaseNote(parser.value(QStringLiteral("case")), QStringLiteral("%1 %2").arg(prefix).arg(i));
        }
        if (parser.isSet(QStringLiteral("status"))) {
            const QStringList parts = parser.value(QStringLiteral("status")).split(QLatin1Char(':'));
            client.changeStatusOf(parts.value(0), parts.value(1).toLongLong(),
                                  static_cast<CaseStatus>(parts.value(2).toInt()));
            ++queued;
        }
        say(QStringLiteral("queued %1").arg(queued));
        if (parser.isSet(QStringLiteral("kill-after-queue"))) {
            // Right after the outbox committed and before the event loop could send anything.
            std::raise(SIGKILL);
        }
        if (parser.isSet(QStringLiteral("lookup"))) {
            QObject::connect(&client, &SanadClient::callerContextReady, &app,
                             [](quint64, const CallerContext &context) {
                                 say(QStringLiteral("screenpop known=%1 local=%2 cases=%3 history=%4")
                                         .arg(int(context.known))
                                         .arg(int(context.fromLocalStore))
                                         .arg(context.cases.size())
                                         .arg(context.history.size()));
                             });
            client.lookupCaller(parser.value(QStringLiteral("lookup")));
        }
        queuedAll = true;
    };

    bool ready = false;
    QObject::connect(&client, &SanadClient::syncStateChanged, &app, [&](const SyncState &state) {
        say(QStringLiteral("state online=%1 waiting=%2 problems=%3")
                .arg(int(state.online))
                .arg(state.waiting)
                .arg(state.problems));
        if (!ready && state.online && state.waiting == 0) {
            ready = true;
            say(QStringLiteral("ready"));
            if (!waitingForOffline)
                queueEverything();
        } else if (waitingForOffline && ready && !state.online) {
            waitingForOffline = false;
            say(QStringLiteral("offline"));
            queueEverything();
        }
        finishIfDrained();
    });
    QObject::connect(&client, &SanadClient::loggedIn, &app, [&](const Session &) {
        if (parser.isSet(QStringLiteral("batch")))
            client.setSyncBatch(parser.value(QStringLiteral("batch")).toInt());
    });
    client.login(parser.value(QStringLiteral("server")), parser.value(QStringLiteral("user")),
                 parser.value(QStringLiteral("password")));
    return app.exec();
}
