// sanad-bench search: how long an agent waits for search results against a large customer base.
//
// 1,000,000 customers (the demo generator's Omani names, one to three contacts each, so that
// last-contact times differ) are seeded into SQLite, the real sanad-server is started on it,
// and CaseService.SearchCustomers is called over gRPC, one query at a time, with a mix of what
// agents type: whole names with the usual spelling variants, names still being typed, a family
// name alone, names not on file (every index scan runs to its end), phone numbers in several
// forms, and the first digits of a number. The demo names are few (60 first names, 32 family
// names), so each word is shared by tens of thousands of customers: a harder case for the index
// than a real customer base, where most words are rare.

#include "benchutil.h"
#include "grpctestclient.h"
#include "serverprocess.h"

#include "core/clock.h"
#include "server/demo/demodataset.h"
#include "server/storage/database.h"
#include "server/storage/storage.h"

#include <QElapsedTimer>
#include <QMap>
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

QString textOption(const QStringList &args, const QString &name)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : QString();
}

// How agents type names: alef without hamza, final ي as ى, ة as ه.
QString asTyped(const QString &name)
{
    QString typed = name;
    typed.replace(QChar(0x0623), QChar(0x0627))
        .replace(QChar(0x0625), QChar(0x0627))
        .replace(QChar(0x0622), QChar(0x0627));
    typed.replace(QChar(0x0629), QChar(0x0647));
    QStringList words = typed.split(u' ', Qt::SkipEmptyParts);
    for (QString &word : words) {
        if (word.endsWith(QChar(0x064A)))
            word.back() = QChar(0x0649);
    }
    return words.join(u' ');
}

QString arabicIndic(const QString &digits)
{
    QString out = digits;
    for (QChar &c : out) {
        if (c >= u'0' && c <= u'9')
            c = QChar(char16_t(0x0660 + (c.unicode() - u'0')));
    }
    return out;
}

struct Query
{
    QString kind;
    QString text;
};

} // namespace

int runSearchBench(const QStringList &args)
{
    const int customerCount = intOption(args, QStringLiteral("--customers"), 1000000);
    const int queryCount = intOption(args, QStringLiteral("--queries"), 2000);
    // --keep sqlite:PATH seeds that file once and reuses it on the next runs (same options).
    const QString kept = textOption(args, QStringLiteral("--keep"));

    test::ServerProcess server;
    if (!kept.isEmpty())
        server.setDatabase(kept);
    const qint64 now = Clock::system().nowMs();

    QElapsedTimer timer;
    timer.start();
    server::DemoOptions options;
    options.customers = customerCount;
    options.maxInteractionsPerCustomer = 3;
    options.stories = false;
    options.users = false;
    options.nowMs = now;
    server::DemoDataset dataset = server::generateDemoDataset(options);
    const qint64 generatedMs = timer.restart();
    bool seeded = false;
    {
        auto database = server::Database::open(server.database(), now);
        server::Storage storage(*database);
        if (storage.hasNoCustomers()) {
            storage.seed(dataset, {}, now);
            seeded = true;
        }
    }
    if (seeded)
        out() << "seeded " << dataset.customers.size() << " customers with " << dataset.interactions.size()
              << " contacts (generated in " << generatedMs << " ms, written and indexed in " << timer.elapsed()
              << " ms)\n";
    else
        out() << "reusing the customers of " << kept << "\n";
    out().flush();

    const QString password = QStringLiteral("bench-password-1");
    if ((seeded && !server.addUser(QStringLiteral("benchagent"), QStringLiteral("agent"), password))
        || !server.start()) {
        QTextStream(stderr) << "cannot set up the server:\n" << server.output() << "\n";
        return 1;
    }
    test::GrpcTestClient client(server.address());
    const QString token = client.login(QStringLiteral("benchagent"), password);
    if (token.isEmpty()) {
        QTextStream(stderr) << "the agent could not sign in\n";
        return 1;
    }

    // The queries, drawn from the seeded customers with a fixed seed.
    std::mt19937 rng(11);
    std::uniform_int_distribution<qsizetype> pick(0, dataset.customers.size() - 1);
    std::uniform_int_distribution<int> kindOf(0, 99);
    const QStringList unknownNames = { QStringLiteral("زكريا المنذري"), QStringLiteral("نوال الصقري"),
                                       QStringLiteral("ثامر بن هلال الجهوري"), QStringLiteral("Oliver Brandt") };
    QList<Query> queries;
    for (int i = 0; i < queryCount; ++i) {
        const server::SeedCustomer &c = dataset.customers.at(pick(rng));
        const QStringList words = c.name.split(u' ', Qt::SkipEmptyParts);
        const QString national = c.phones.first().mid(4); // +968 and eight digits
        const int k = kindOf(rng);
        if (k < 25)
            queries.append({ QStringLiteral("name as typed"), asTyped(c.name) });
        else if (k < 40)
            queries.append(
                { QStringLiteral("name being typed"), asTyped(words.first() + u' ' + words.last().left(4)) });
        else if (k < 50)
            queries.append({ QStringLiteral("family name alone"), words.last() });
        else if (k < 55)
            queries.append({ QStringLiteral("name not on file"), unknownNames.at(i % unknownNames.size()) });
        else if (k < 65)
            queries.append({ QStringLiteral("phone, national"), national.left(4) + u' ' + national.mid(4) });
        else if (k < 75)
            queries.append({ QStringLiteral("phone, international"), c.phones.first() });
        else if (k < 85)
            queries.append({ QStringLiteral("phone, Arabic-Indic digits"), arabicIndic(national) });
        else
            queries.append({ QStringLiteral("phone being typed"), national.left(6) });
    }

    // --query TEXT: only that query, 20 times (to look into one slow query).
    if (const QString only = textOption(args, QStringLiteral("--query")); !only.isEmpty()) {
        for (int i = 0; i < 20; ++i) {
            v1::SearchCustomersRequest request;
            request.set_query(only.toStdString());
            v1::SearchCustomersResponse response;
            const auto context = test::GrpcTestClient::context(token);
            const auto start = std::chrono::steady_clock::now();
            client.cases().SearchCustomers(context.get(), request, &response);
            out()
                << QStringLiteral("%1 ms, %2 results\n")
                       .arg(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(),
                            0, 'f', 2)
                       .arg(response.customers_size());
        }
        return 0;
    }

    // A few rounds first, so that the server's pages are in memory as on a server in use.
    for (int i = 0; i < std::min<qsizetype>(200, queries.size()); ++i) {
        v1::SearchCustomersRequest request;
        request.set_query(queries.at(i).text.toStdString());
        v1::SearchCustomersResponse response;
        client.cases().SearchCustomers(test::GrpcTestClient::context(token).get(), request, &response);
    }

    QMap<QString, QList<double>> byKind;
    QList<double> all;
    QList<std::pair<double, QString>> slowest;
    QMap<QString, qint64> results;
    int failures = 0;
    for (const Query &query : std::as_const(queries)) {
        v1::SearchCustomersRequest request;
        request.set_query(query.text.toStdString());
        v1::SearchCustomersResponse response;
        const auto context = test::GrpcTestClient::context(token);
        const auto start = std::chrono::steady_clock::now();
        const grpc::Status status = client.cases().SearchCustomers(context.get(), request, &response);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (!status.ok()) {
            ++failures;
            continue;
        }
        byKind[query.kind].append(ms);
        all.append(ms);
        slowest.append({ ms, query.text });
        results[query.kind] += response.customers_size();
    }

    QList<double> roundTrip;
    for (int i = 0; i < 1000; ++i) {
        bool serving = false;
        const auto start = std::chrono::steady_clock::now();
        if (client.healthCheck(&serving).ok() && serving)
            roundTrip.append(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }

    out() << "SearchCustomers over gRPC, " << all.size() << " queries (" << failures << " failed), limit 20:\n";
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it) {
        const bench::Percentiles p = bench::percentiles(it.value());
        out() << QStringLiteral("  %1 %2 queries  p50 %3 ms  p99 %4 ms  max %5 ms  (%6 results on average)\n")
                     .arg(it.key(), -28)
                     .arg(it.value().size(), 5)
                     .arg(p.p50, 6, 'f', 2)
                     .arg(p.p99, 6, 'f', 2)
                     .arg(p.max, 6, 'f', 2)
                     .arg(double(results.value(it.key())) / double(std::max<qsizetype>(1, it.value().size())), 0, 'f',
                          1);
    }
    const bench::Percentiles mixed = bench::percentiles(all);
    const bench::Percentiles rtt = bench::percentiles(roundTrip);
    out() << QStringLiteral("  %1 %2 queries  p50 %3 ms  p99 %4 ms  max %5 ms\n")
                 .arg(QStringLiteral("all, mixed"), -28)
                 .arg(all.size(), 5)
                 .arg(mixed.p50, 6, 'f', 2)
                 .arg(mixed.p99, 6, 'f', 2)
                 .arg(mixed.max, 6, 'f', 2)
          << QStringLiteral("bare health-check round trip: p50 %1 ms  p99 %2 ms\n")
                 .arg(rtt.p50, 0, 'f', 3)
                 .arg(rtt.p99, 0, 'f', 3)
          << "goal: p99 under 20 ms\n";
    std::sort(slowest.begin(), slowest.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    out() << "slowest queries:";
    for (qsizetype i = 0; i < std::min<qsizetype>(5, slowest.size()); ++i)
        out() << QStringLiteral("  %1 ms \"%2\"").arg(slowest[i].first, 0, 'f', 1).arg(slowest[i].second);
    out() << "\n";
    out().flush();
    return failures == 0 ? 0 : 1;
}
