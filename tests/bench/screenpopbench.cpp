// sanad-bench screenpop: how long a caller waits for their history to be on the agent's screen.
//
// A database with 100,000 customers and about 1,000,000 interactions is seeded, the real
// sanad-server is started on it, an agent signs in with the real client library and goes
// available, and a CTI account reports calls. Each sample is the time from sending
// ReportCallEvent(OFFERED) to the ScreenPop's history model holding every row of that caller;
// the call is then reported ABANDONED so the agent is free for the next one. The bare round trip
// of a health check on the same machine is measured too: the floor for any gRPC figure.

#include "benchutil.h"
#include "grpctestclient.h"
#include "serverprocess.h"

#include "client/sanadclient.h"
#include "core/clock.h"
#include "server/demo/demodataset.h"
#include "server/storage/database.h"
#include "server/storage/storage.h"
#include "ui/casehistorymodel.h"
#include "ui/screenpop.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTextStream>

#include <chrono>
#include <random>

using namespace sanad;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int intOption(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int runScreenPopBench(const QStringList &args)
{
    const int customerCount = intOption(args, QStringLiteral("--customers"), 100000);
    const int callCount = intOption(args, QStringLiteral("--calls"), 1000);
    // Measure while the desktop is still pulling the change feed (its first sign-in).
    const bool duringCatchUp = args.contains(QStringLiteral("--during-catch-up"));

    test::ServerProcess server;
    const qint64 now = Clock::system().nowMs();

    // 1. Seed: ~10 interactions per customer on average (1..19).
    QElapsedTimer timer;
    timer.start();
    server::DemoOptions options;
    options.customers = customerCount;
    options.maxInteractionsPerCustomer = 19;
    options.stories = false;
    options.users = false;
    options.nowMs = now;
    const server::DemoDataset dataset = server::generateDemoDataset(options);
    const qint64 generatedMs = timer.restart();
    {
        auto database = server::Database::open(server.database(), now);
        server::Storage(*database).seed(dataset, {}, now);
    }
    const qint64 seededMs = timer.elapsed();
    out() << "seeded " << dataset.customers.size() << " customers, " << dataset.cases.size() << " cases, "
          << dataset.interactions.size() << " interactions (generated in " << generatedMs << " ms, written in "
          << seededMs << " ms)\n";
    out().flush();

    QHash<QString, int> historySize;
    for (const auto &interaction : dataset.interactions)
        ++historySize[interaction.customerId];

    const QString password = QStringLiteral("bench-password-1");
    if (!server.addUser(QStringLiteral("benchagent"), QStringLiteral("agent"), password)
        || !server.addUser(QStringLiteral("benchcti"), QStringLiteral("cti"), password)
        || !server.start(server.policyArgs(test::ServerProcess::kCallbacksNextDay))) { // no callbacks mid-run
        QTextStream(stderr) << "cannot set up the server:\n" << server.output() << "\n";
        return 1;
    }

    // 2. The agent's desktop: the client library and the screen-pop models, no window.
    client::SanadClient agent;
    bool loggedIn = false;
    QObject::connect(&agent, &client::SanadClient::loggedIn, [&] { loggedIn = true; });
    agent.login(server.address(), QStringLiteral("benchagent"), password);
    if (!bench::spinUntil([&] { return loggedIn; }, 30000)) {
        QTextStream(stderr) << "the agent could not sign in\n";
        return 1;
    }
    // A desktop signing in first pulls the change feed into its local store (docs/sync.md); the
    // screen-pop is measured once it has caught up, as an agent works all day (or, with
    // --during-catch-up, while it pulls: an offered contact holds the pull for the screen-pop).
    QElapsedTimer catchUp;
    catchUp.start();
    if (!duringCatchUp && !bench::spinUntil([&] { return agent.syncState().upToDate; }, 600000)) {
        QTextStream(stderr) << "the desktop did not catch up with the change feed in 10 minutes\n";
        return 1;
    }
    if (!duringCatchUp)
        out() << "the desktop caught up with the change feed in " << catchUp.elapsed() << " ms\n";
    bool available = false;
    QObject::connect(&agent, &client::SanadClient::presenceChanged,
                     [&](AgentState state) { available = state == AgentState::Available; });
    agent.startAgentStream();
    bench::spinUntil([&] { return agent.streamState() == client::SanadClient::StreamState::Connected; }, 30000);
    agent.setPresence(AgentState::Available);
    if (!bench::spinUntil([&] { return available; }, 30000)) {
        QTextStream(stderr) << "the agent could not go available\n";
        return 1;
    }
    ui::ScreenPop pop(&agent);

    // 3. The telephony side: a plain gRPC client with a CTI token.
    test::GrpcTestClient pbx(server.address());
    const QString ctiToken = pbx.login(QStringLiteral("benchcti"), password);
    if (ctiToken.isEmpty()) {
        QTextStream(stderr) << "the CTI account could not sign in\n";
        return 1;
    }

    // 4. The calls.
    std::mt19937 rng(7);
    std::uniform_int_distribution<qsizetype> pick(0, dataset.customers.size() - 1);
    QList<double> screenPop;
    int failures = 0;
    for (int i = 0; i < callCount; ++i) {
        const auto &customer = dataset.customers.at(pick(rng));
        const int expectedRows = historySize.value(customer.id);
        const QString callId = QStringLiteral("bench-%1").arg(i);
        const auto start = std::chrono::steady_clock::now();
        const grpc::Status offered
            = pbx.reportCall(ctiToken, callId, sanad::v1::CALL_EVENT_KIND_OFFERED, customer.phones.first());
        const bool shown = offered.ok()
            && bench::spinUntil(
                               [&] {
                                   return pop.state() == ui::ScreenPop::State::Known
                                       && pop.context().customer.id == customer.id
                                       && pop.historyModel()->rowCount() == expectedRows;
                               },
                               10000);
        if (shown)
            screenPop.append(msSince(start));
        else
            ++failures;
        pbx.reportCall(ctiToken, callId, sanad::v1::CALL_EVENT_KIND_ABANDONED, customer.phones.first());
    }

    // 5. The floor: a bare health check on the same kind of channel.
    QList<double> roundTrip;
    for (int i = 0; i < std::max(callCount, 1000); ++i) {
        bool serving = false;
        const auto start = std::chrono::steady_clock::now();
        if (pbx.healthCheck(&serving).ok() && serving)
            roundTrip.append(msSince(start));
    }

    const bench::Percentiles pop50 = bench::percentiles(screenPop);
    const bench::Percentiles rtt = bench::percentiles(roundTrip);
    out() << "screen-pop, OFFERED -> history model filled (" << screenPop.size() << " calls, " << failures
          << " not shown within 10 s):\n"
          << QStringLiteral("  p50 %1 ms   p99 %2 ms   max %3 ms\n")
                 .arg(pop50.p50, 0, 'f', 2)
                 .arg(pop50.p99, 0, 'f', 2)
                 .arg(pop50.max, 0, 'f', 2)
          << "bare health-check round trip (" << roundTrip.size() << " calls):\n"
          << QStringLiteral("  p50 %1 ms   p99 %2 ms\n").arg(rtt.p50, 0, 'f', 3).arg(rtt.p99, 0, 'f', 3)
          << QStringLiteral("ratio screen-pop / round trip: p50 %1x   p99 %2x\n")
                 .arg(rtt.p50 > 0 ? pop50.p50 / rtt.p50 : 0, 0, 'f', 1)
                 .arg(rtt.p99 > 0 ? pop50.p99 / rtt.p99 : 0, 0, 'f', 1)
          << "goal: p99 under 10 ms"
          << (duringCatchUp && !agent.syncState().upToDate ? " (measured during the catch-up)" : "") << "\n";
    out().flush();
    return failures == 0 ? 0 : 1;
}
