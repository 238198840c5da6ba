#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTextStream>

int runScreenPopBench(const QStringList &args);
int runSearchBench(const QStringList &args);
int runSyncBench(const QStringList &args);

int main(int argc, char **argv)
{
    // The benchmarks build models but show no window.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("sanad.*.debug=false"));
    const QStringList args = app.arguments().mid(1);
    const QString which = args.value(0);
    if (which == QLatin1StringView("screenpop"))
        return runScreenPopBench(args.mid(1));
    if (which == QLatin1StringView("search"))
        return runSearchBench(args.mid(1));
    if (which == QLatin1StringView("sync"))
        return runSyncBench(args.mid(1));
    QTextStream(stderr) << "usage: sanad-bench screenpop [--customers N] [--calls N] [--during-catch-up]\n"
                           "       sanad-bench search [--customers N] [--queries N]\n"
                           "       sanad-bench sync [--push N] [--pull N]\n"
                           "  screenpop  time from ReportCallEvent(OFFERED) to the history model holding the\n"
                           "             caller's rows, against a real sanad-server with 100,000 customers\n"
                           "             and about 1,000,000 interactions; and the bare health-check round trip.\n"
                           "  search     p50/p99 of CaseService.SearchCustomers over gRPC against 1,000,000\n"
                           "             customers, for a mix of names, names being typed and phone numbers.\n"
                           "  sync       the desktop's outbox and pull loop: push 10,000 queued mutations and pull\n"
                           "             100,000 changes against a local server; throughput and client peak memory.\n";
    return 2;
}
