// sanad-bench sync: the offline-first desktop's outbox and pull loop (docs/sync.md).
//
// The real sanad-server on an empty database; the real client library with its local store in a
// temporary file (WAL, synchronous=FULL). Push: N notes are queued in the outbox (each one
// committed before the next, as the desktop does) while nothing is sent, then the time until the
// server has applied them all. Pull: the server's feed is filled to M changes behind the client's
// back, and a fresh desktop pulls all of it into its store. Peak memory is this process's (the
// client's): the server runs in its own process.

#include "benchutil.h"
#include "grpctestclient.h"
#include "serverprocess.h"

#include "client/sanadclient.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

using namespace sanad;

namespace {

int option(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

bool signIn(client::SanadClient &client, const QString &address)
{
    client.login(address, QStringLiteral("agent1"), QStringLiteral("agent-password"));
    return bench::spinUntil([&client] { return client.isLoggedIn() && client.syncState().upToDate; }, 600000);
}

} // namespace

int runSyncBench(const QStringList &args)
{
    QTextStream out(stdout);
    const int pushes = option(args, QStringLiteral("--push"), 10000);
    const int changes = option(args, QStringLiteral("--pull"), 100000);

    test::ServerProcess server;
    if (!server.addUser(QStringLiteral("agent1"), QStringLiteral("agent"), QStringLiteral("agent-password"))
        || !server.start()) {
        out << "sanad-server did not start\n";
        return 1;
    }
    test::GrpcTestClient grpc(server.address());
    const QString token = grpc.login(QStringLiteral("agent1"), QStringLiteral("agent-password"));
    const std::string caseId = "bench-case";
    {
        v1::Mutation customer;
        customer.set_mutation_id("bench-customer");
        customer.mutable_create_customer()->set_customer_id("bench-customer");
        customer.mutable_create_customer()->set_name("عميل القياس");
        customer.mutable_create_customer()->add_phones("+96891234567");
        v1::Mutation kase;
        kase.set_mutation_id("bench-case");
        kase.mutable_create_case()->set_case_id(caseId);
        kase.mutable_create_case()->set_customer_id("bench-customer");
        kase.mutable_create_case()->set_category("water.burst_pipe");
        v1::PushResponse response;
        if (!grpc.push(token, { customer, kase }, &response).ok()) {
            out << "setup push failed\n";
            return 1;
        }
    }
    QTemporaryDir dir;
    out << "sync: sanad-server on " << server.address() << ", local stores in " << dir.path() << "\n";

    // 1. Push.
    {
        client::SanadClient client;
        client.openLocalStore(dir.filePath(QStringLiteral("push.db")));
        if (!signIn(client, server.address())) {
            out << "sign-in failed\n";
            return 1;
        }
        QElapsedTimer queueTimer;
        queueTimer.start();
        // A tight loop on the GUI thread: nothing is sent until the event loop runs again.
        for (int i = 0; i < pushes; ++i)
            client.addCaseNote(QString::fromStdString(caseId), QStringLiteral("note %1").arg(i));
        const qint64 queuedMs = queueTimer.elapsed();
        QElapsedTimer pushTimer;
        pushTimer.start();
        if (!bench::spinUntil([&client] { return client.syncState().waiting == 0; }, 600000)) {
            out << "push did not finish\n";
            return 1;
        }
        const qint64 pushMs = pushTimer.elapsed();
        out << QStringLiteral("push: %1 mutations queued in %2 ms (%3 per second, each committed with "
                              "synchronous=FULL)\n")
                   .arg(pushes)
                   .arg(queuedMs)
                   .arg(queuedMs > 0 ? pushes * 1000 / queuedMs : 0);
        out << QStringLiteral("push: %1 queued mutations applied by the server in %2 ms (%3 per second, "
                              "batches of 500)\n")
                   .arg(pushes)
                   .arg(pushMs)
                   .arg(pushMs > 0 ? pushes * 1000 / pushMs : 0);
        out << QStringLiteral("push: client peak RSS %1 MiB\n").arg(bench::peakRssMiB(), 0, 'f', 1);
        out.flush();
        client.logout();
    }

    // 2. Fill the feed to `changes` behind the client's back, 500 per push.
    int feed = pushes + 2;
    int batchNumber = 0;
    while (feed < changes) {
        QList<v1::Mutation> batch;
        for (int i = 0; i < 500 && feed < changes; ++i, ++feed) {
            v1::Mutation note;
            note.set_mutation_id("fill-" + std::to_string(batchNumber) + "-" + std::to_string(i));
            note.mutable_add_note()->set_case_id(caseId);
            note.mutable_add_note()->set_text("A note written elsewhere, for the pull benchmark "
                                              + std::to_string(feed));
            batch.append(note);
        }
        ++batchNumber;
        v1::PushResponse response;
        if (!grpc.push(token, batch, &response).ok()) {
            out << "fill push failed\n";
            return 1;
        }
    }

    // 3. Pull all of it into a fresh store.
    {
        const double rssBefore = bench::peakRssMiB();
        client::SanadClient client;
        client.openLocalStore(dir.filePath(QStringLiteral("pull.db")), 1000000);
        QElapsedTimer pullTimer;
        pullTimer.start();
        if (!signIn(client, server.address())) {
            out << "pull did not finish\n";
            return 1;
        }
        const qint64 pullMs = pullTimer.elapsed();
        out << QStringLiteral("pull: %1 changes pulled into a fresh local store in %2 ms (%3 per second, pages of "
                              "1000, each page and its cursor in one transaction)\n")
                   .arg(feed)
                   .arg(pullMs)
                   .arg(pullMs > 0 ? qint64(feed) * 1000 / pullMs : 0);
        out << QStringLiteral("pull: client peak RSS %1 MiB before the pull, %2 MiB after\n")
                   .arg(rssBefore, 0, 'f', 1)
                   .arg(bench::peakRssMiB(), 0, 'f', 1);
    }
    return 0;
}
