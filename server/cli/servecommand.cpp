#include "server/cli/servecommand.h"

#include "core/clock.h"
#include "core/phonenumber.h"
#include "server/auth/authorizer.h"
#include "server/auth/passwordhasher.h"
#include "server/cli/console.h"
#include "server/demo/callsimulator.h"
#include "server/demo/demodataset.h"
#include "server/logcategories.h"
#include "server/queue/queuerouter.h"
#include "server/service/agentservice.h"
#include "server/service/authservice.h"
#include "server/service/callintake.h"
#include "server/service/caseservice.h"
#include "server/service/codelogsender.h"
#include "server/service/ctiservice.h"
#include "server/service/scriptlibrary.h"
#include "server/service/scriptservice.h"
#include "server/service/caselifecycle.h"
#include "server/service/servicecontext.h"
#include "server/service/supervisorservice.h"
#include "server/service/syncservice.h"
#include "server/service/testclockservice.h"
#include "server/storage/customerrepository.h"
#include "server/storage/database.h"
#include "server/storage/metarepository.h"
#include "server/storage/storage.h"
#include "server/storage/storageerror.h"
#include "server/storage/transaction.h"
#include "server/util/protoutil.h"

#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QTimer>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <future>
#include <sys/socket.h>
#include <unistd.h>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

// SIGINT and SIGTERM end the event loop through a socket pair (the only safe thing a signal
// handler can do is write a byte).
int s_signalFds[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalFds[0], &byte, 1);
}

bool watchSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFds) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(SIGINT, &action, nullptr) == 0 && sigaction(SIGTERM, &action, nullptr) == 0;
}

// Seeds the demo into a database without customers and prints the accounts it created, once (an
// account that already exists, from add-user, keeps its password). Returns false on failure.
bool seedDemo(Database &database, const Clock &clock, const QString &accountsFile)
{
    Storage storage(database);
    if (!storage.hasNoCustomers()) {
        printOut(u"demo data already present; accounts unchanged\n"_s);
        return true;
    }
    DemoOptions demoOptions;
    demoOptions.nowMs = clock.nowMs();
    const DemoDataset dataset = generateDemoDataset(demoOptions);

    // A fresh random password per account, hashed in parallel (argon2id takes a moment each).
    QStringList passwords;
    std::vector<std::future<QString>> hashes;
    for (qsizetype i = 0; i < dataset.users.size(); ++i) {
        passwords.append(PasswordHasher::generatePassword(14));
        hashes.push_back(std::async(std::launch::async, PasswordHasher::hash, passwords.constLast()));
    }
    QHash<QString, QString> passwordHashes;
    for (qsizetype i = 0; i < dataset.users.size(); ++i) {
        const QString hash = hashes[size_t(i)].get();
        if (hash.isEmpty()) {
            printErr(u"sanad-server: the demo passwords could not be hashed (out of memory?): free some memory and "
                     "start again.\n"_s);
            return false;
        }
        passwordHashes.insert(dataset.users.at(i).username, hash);
    }
    const SeedSummary summary = storage.seed(dataset, passwordHashes, clock.nowMs());

    QString lines;
    for (qsizetype i = 0; i < dataset.users.size(); ++i) {
        const SeedUser &user = dataset.users.at(i);
        if (summary.createdUsers.contains(user.username))
            lines += u"demo account: username=%1 role=%2 password=%3\n"_s.arg(user.username, roleName(user.role),
                                                                              passwords.at(i));
        else
            printOut(u"demo account %1 already exists; its password is unchanged\n"_s.arg(user.username));
    }
    printOut(lines);
    printOut(u"demo data: %1 customers, %2 cases, %3 interactions\n"_s.arg(summary.customers)
                 .arg(summary.cases)
                 .arg(summary.interactions));
    if (!accountsFile.isEmpty()) {
        QFile file(accountsFile);
        const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, ownerOnly) || !file.setPermissions(ownerOnly)
            || file.write(lines.toUtf8()) < 0 || !file.flush()) {
            printErr(
                u"sanad-server: the demo accounts could not be written to %1 (%2): they are printed above.\n"_s.arg(
                    accountsFile, file.errorString()));
        }
    }
    return true;
}

} // namespace

ServeCommand::ServeCommand(const ServerOptions &options)
    : m_options(options)
{ }

int ServeCommand::run()
{
    QString listenError;
    const std::optional<ListenAddress> address = ListenAddress::parse(m_options.listen, &listenError);
    if (!address) {
        printErr(u"sanad-server: %1\n"_s.arg(listenError));
        return ExitUsage;
    }
    if (!address->loopback) {
        printErr(u"sanad-server: --listen %1 is not a loopback address, and this version has no TLS options yet: it "
                 "would send passwords and customers' data unencrypted over the network. Listen on 127.0.0.1 (or "
                 "[::1]) and put a TLS-terminating proxy in front; TLS flags are planned.\n"_s.arg(m_options.listen));
        return ExitUsage;
    }
    if (!PasswordHasher::initialize()) {
        printErr(u"sanad-server: libsodium could not start (no source of randomness?): check the system.\n"_s);
        return ExitError;
    }

    std::unique_ptr<ManualClock> manualClock;
    if (m_options.testClock)
        manualClock = std::make_unique<ManualClock>();
    const Clock &clock = manualClock ? static_cast<const Clock &>(*manualClock) : Clock::system();

    std::unique_ptr<Database> database;
    try {
        database = Database::open(m_options.database, clock.nowMs());
        MetaRepository meta(*database);
        if (meta.value(u"region"_s).isEmpty())
            meta.setValue(u"region"_s, m_options.region);
        if (m_options.demo && !seedDemo(*database, clock, m_options.demoAccountsFile))
            return ExitError;
        if (m_options.demo) {
            Transaction transaction(*database);
            ScriptLibrary(*database).publishShipped(u"Sanad"_s, clock.nowMs());
            transaction.commit();
        }
    } catch (const StorageError &error) {
        printErr(u"sanad-server: %1\n"_s.arg(error.message()));
        return ExitError;
    }

    const PhoneNumberNormalizer normalizer(m_options.region);
    QueueRouter router(clock, m_options.offerTimeoutSeconds * 1000);
    Authorizer authorizer(*database, clock);
    ServiceContext context { *database, clock, normalizer, router, authorizer, m_options.tokenTtlSeconds * 1000 };
    context.policy = m_options.policy;
    router.setWrapUpRequired([&context](const QString &queue) { return context.policy.wrapUpRequired(queue); });
    CallIntake intake(context);
    AuthService authService(context);
    CtiService ctiService(context, intake);
    CaseService caseService(context);
    SyncService syncService(context);
    SupervisorService supervisorService(context);
    AgentService agentService(context, intake);
    std::unique_ptr<CodeLogSender> codeSender;
    if (!m_options.codeLog.isEmpty())
        codeSender = std::make_unique<CodeLogSender>(m_options.codeLog);
    ScriptService scriptService(context, codeSender.get());
    router.setListener(&agentService);
    syncService.setChangesListener(
        [&agentService](qint64 lastSequence, qint64 atMs) { agentService.announceChanges(lastSequence, atMs); });
    std::unique_ptr<TestClockService> testClockService;
    if (manualClock)
        testClockService = std::make_unique<TestClockService>(context, *manualClock);

    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort(address->toString(address->port).toStdString(), grpc::InsecureServerCredentials(), &port);
    // Notice dead desktops on idle agent streams within half a minute; let clients ping too.
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, 20000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 5000);
    builder.RegisterService(&authService);
    builder.RegisterService(&ctiService);
    builder.RegisterService(&caseService);
    builder.RegisterService(&syncService);
    builder.RegisterService(&supervisorService);
    builder.RegisterService(&agentService);
    builder.RegisterService(&scriptService);
    if (testClockService)
        builder.RegisterService(testClockService.get());
    std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
    if (!server || port == 0) {
        printErr(u"sanad-server: cannot listen on %1: the port is taken or the address is not on this machine. Choose "
                 "another --listen (port 0 picks a free port).\n"_s.arg(m_options.listen));
        router.setListener(nullptr);
        return ExitError;
    }
    if (!watchSignals())
        qCWarning(lcCli) << "SIGINT and SIGTERM cannot be caught; stopping the server kills it at once";
    QSocketNotifier signalNotifier(s_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, QCoreApplication::instance(),
                     [] { QCoreApplication::quit(); });

    // Offer timeouts run on the server's clock; with --test-clock the clock only moves through
    // TestClockService.Advance, which ticks the router itself.
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &tick, [&router] { router.tick(); });
    tick.start(200);

    // The lifecycle's timed rules (an overdue referral raises its case's priority) once a minute
    // on the server's clock; with --test-clock, TestClockService.Advance runs them.
    QTimer lifecycleTimer;
    QObject::connect(&lifecycleTimer, &QTimer::timeout, &lifecycleTimer, [&context] {
        try {
            CaseLifecycle(context.database, context.normalizer, context.policy).sweep(context.clock.nowMs());
        } catch (const StorageError &error) {
            qCWarning(lcCli).noquote() << "the case lifecycle's timed rules failed:" << error.message();
        }
    });
    if (!m_options.testClock)
        lifecycleTimer.start(60 * 1000);
    // Callback tasks that fall due ring like calls within seconds (on TestClockService.Advance
    // with --test-clock).
    QTimer callbackTimer;
    QObject::connect(&callbackTimer, &QTimer::timeout, &callbackTimer, [&context] {
        try {
            CallIntake::offerDueCallbacks(context);
        } catch (const StorageError &error) {
            qCWarning(lcCli).noquote() << "offering the callbacks that fell due failed:" << error.message();
        }
    });
    if (!m_options.testClock)
        callbackTimer.start(5 * 1000);

    std::unique_ptr<CallSimulator> simulator;
    if (m_options.simulateCallsPerMinute > 0) {
        simulator = std::make_unique<CallSimulator>(*database, intake, router, clock, m_options.simulateCallsPerMinute);
        try {
            simulator->start(Storage(*database).featuredPhones(), CustomerRepository(*database).randomPhones(500));
        } catch (const StorageError &error) {
            qCWarning(lcCli).noquote() << "the call simulator could not read customers:" << error.message();
        }
    }

    qCInfo(lcCli).noquote() << "serving" << database->filePath() << "with" << database->workerCount()
                            << "database workers";
    printOut(u"listening on %1\n"_s.arg(address->toString(port)));

    QCoreApplication::exec();

    // Graceful shutdown: no new calls, close agent streams, let running handlers finish, then
    // stop the workers before anything they use goes away.
    qCInfo(lcCli) << "shutting down";
    tick.stop();
    simulator.reset();
    agentService.closeAllStreams();
    server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
    server->Wait();
    database->waitForIdle();
    router.setListener(nullptr);
    database->waitForIdle();
    server.reset();
    return ExitOk;
}

} // namespace sanad::server
