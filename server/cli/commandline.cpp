#include "server/cli/commandline.h"

#include "core/phonenumber.h"
#include "core/role.h"
#include "server/cli/addusercommand.h"
#include "server/cli/console.h"
#include "server/cli/importcommand.h"
#include "server/cli/scriptcommands.h"
#include "server/cli/servecommand.h"
#include "server/cli/serveroptions.h"
#include "server/cli/validatescriptcommand.h"

#include <QCommandLineParser>
#include <QFile>
#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdio>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

int usageError(const QString &message, const QString &command)
{
    printErr(u"sanad-server: %1\nRun \"sanad-server %2--help\" for the options.\n"_s.arg(
        message, command.isEmpty() ? QString() : command + u' '));
    return ExitUsage;
}

QCommandLineOption dbOption()
{
    return QCommandLineOption(u"db"_s,
                              u"The database: sqlite:PATH or postgresql://user@host:port/db (default %1)."_s.arg(
                                  ServerOptions::defaultDatabase()),
                              u"url"_s);
}

QCommandLineOption regionOption()
{
    return QCommandLineOption(u"region"_s,
                              u"Region for numbers written without a country code, such as OM, SA, EG (default OM)."_s,
                              u"code"_s, u"OM"_s);
}

// Parses and handles --help / --version; returns -1 to go on, or the exit code to stop with.
int parse(QCommandLineParser &parser, const QStringList &arguments, const QString &command)
{
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    if (!parser.parse(arguments))
        return usageError(parser.errorText() + u'.', command);
    if (parser.isSet(help)) {
        printOut(parser.helpText());
        return ExitOk;
    }
    if (parser.isSet(version)) {
        printOut(u"sanad-server %1\n"_s.arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    return -1;
}

std::optional<QString> region(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    const QString code = parser.value(option).trimmed().toUpper();
    if (!PhoneNumberNormalizer::isSupportedRegion(code))
        return std::nullopt;
    return code;
}

std::optional<qint64> positiveNumber(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value <= 0)
        return std::nullopt;
    return value;
}

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Sanad's central case service. Commands: import-customers, add-user, validate-script, publish-script, script-stats (see sanad-server COMMAND --help)."_s);
    const QCommandLineOption db = dbOption();
    const QCommandLineOption listen(u"listen"_s,
                                    u"Where to listen, HOST:PORT; port 0 picks a free port (default "
                                    "127.0.0.1:50051). Only loopback addresses until TLS options exist."_s,
                                    u"host:port"_s, u"127.0.0.1:50051"_s);
    const QCommandLineOption regionOpt = regionOption();
    const QCommandLineOption demo(u"demo"_s, u"Seed demo data into an empty database and print the demo accounts."_s);
    const QCommandLineOption accountsFile(u"demo-accounts-file"_s,
                                          u"Also write the demo accounts to this file (mode 0600)."_s, u"file"_s);
    const QCommandLineOption simulate(u"simulate-calls"_s, u"Simulate incoming calls, this many per minute."_s,
                                      u"rate"_s);
    const QCommandLineOption tokenTtl(u"token-ttl"_s, u"Seconds a login stays valid (default 43200)."_s, u"seconds"_s,
                                      u"43200"_s);
    const QCommandLineOption offerTimeout(u"offer-timeout"_s,
                                          u"Seconds an agent has to accept an offered contact (default 15)."_s,
                                          u"seconds"_s, u"15"_s);
    const QCommandLineOption testClock(u"test-clock"_s,
                                       u"Tests only: a clock that moves only through TestClockService.Advance."_s);
    const QCommandLineOption codeLog(u"code-log"_s,
                                     u"Development: write identity one-time codes to this file instead of sending "
                                     "them by SMS."_s,
                                     u"file"_s);
    const QCommandLineOption policyFile(u"policy"_s,
                                        u"Case policy: referral SLAs, confirmation days, incidents, disposition "
                                        "codes, wrap-up per queue (JSON, docs/cases.md). Default: built in."_s,
                                        u"file"_s);
    parser.addOptions(
        { db, listen, regionOpt, demo, accountsFile, simulate, tokenTtl, offerTimeout, testClock, codeLog, policyFile });
    if (const int stop = parse(parser, arguments, QString()); stop >= 0)
        return stop;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            u"unknown command \"%1\": the commands are import-customers, add-user, validate-script, publish-script and script-stats, written first"_s.arg(
                parser.positionalArguments().constFirst()),
            QString());

    ServerOptions options;
    options.database = parser.isSet(db) ? parser.value(db) : ServerOptions::defaultDatabase();
    options.listen = parser.value(listen);
    const std::optional<QString> code = region(parser, regionOpt);
    if (!code)
        return usageError(u"--region \"%1\" is not a region libphonenumber knows: use a two-letter code such as OM, "
                          "SA or EG."_s.arg(parser.value(regionOpt)),
                          QString());
    options.region = *code;
    options.demo = parser.isSet(demo);
    options.demoAccountsFile = parser.value(accountsFile);
    if (parser.isSet(simulate)) {
        bool ok = false;
        options.simulateCallsPerMinute = parser.value(simulate).toDouble(&ok);
        if (!ok || options.simulateCallsPerMinute <= 0 || options.simulateCallsPerMinute > 600)
            return usageError(u"--simulate-calls \"%1\" is not a rate: give calls per minute, from 0.1 to 600."_s.arg(
                                  parser.value(simulate)),
                              QString());
    }
    const std::optional<qint64> ttl = positiveNumber(parser, tokenTtl);
    if (!ttl)
        return usageError(u"--token-ttl \"%1\" is not a number of seconds above 0."_s.arg(parser.value(tokenTtl)),
                          QString());
    options.tokenTtlSeconds = *ttl;
    const std::optional<qint64> timeout = positiveNumber(parser, offerTimeout);
    if (!timeout)
        return usageError(
            u"--offer-timeout \"%1\" is not a number of seconds above 0."_s.arg(parser.value(offerTimeout)), QString());
    options.offerTimeoutSeconds = *timeout;
    options.testClock = parser.isSet(testClock);
    options.codeLog = parser.value(codeLog);
    if (parser.isSet(policyFile)) {
        QFile file(parser.value(policyFile));
        if (!file.open(QIODevice::ReadOnly))
            return usageError(u"--policy: cannot read \"%1\": %2"_s.arg(file.fileName(), file.errorString()), QString());
        QString error;
        const std::optional<CasePolicy> policy = CasePolicy::fromJson(file.readAll(), &error);
        if (!policy)
            return usageError(u"--policy %1: %2"_s.arg(file.fileName(), error), QString());
        options.policy = *policy;
    }
    return ServeCommand(options).run();
}

int runImport(const QStringList &arguments)
{
    const QString command = u"import-customers"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Imports customers from a UTF-8 CSV file with a header line. Columns name and phone are required; "
        "alt_phone, email, national_id, external_id and city are optional, in any order. A bad row is reported as "
        "\"line N: ...\" and then nothing is imported."_s);
    const QCommandLineOption db = dbOption();
    const QCommandLineOption regionOpt = regionOption();
    parser.addOptions({ db, regionOpt });
    parser.addPositionalArgument(u"file"_s, u"The CSV file."_s, u"FILE.csv"_s);
    if (const int stop = parse(parser, arguments, command); stop >= 0)
        return stop;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return usageError(files.isEmpty() ? u"import-customers needs the CSV file to import"_s
                                          : u"import-customers takes one file, not %1"_s.arg(files.size()),
                          command);
    const std::optional<QString> code = region(parser, regionOpt);
    if (!code)
        return usageError(
            u"--region \"%1\" is not a region libphonenumber knows: use a two-letter code such as OM."_s.arg(
                parser.value(regionOpt)),
            command);
    return ImportCommand(parser.isSet(db) ? parser.value(db) : ServerOptions::defaultDatabase(), files.constFirst(),
                         *code)
        .run();
}

int runAddUser(const QStringList &arguments)
{
    const QString command = u"add-user"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Adds a user. The password is read from standard input (one line, at least 8 characters)."_s);
    const QCommandLineOption db = dbOption();
    const QCommandLineOption username(u"username"_s, u"The login name."_s, u"name"_s);
    const QCommandLineOption role(u"role"_s, u"agent, lead, trainer, admin or cti."_s, u"role"_s);
    const QCommandLineOption displayName(u"display-name"_s, u"The name shown to others (default: the username)."_s,
                                         u"name"_s);
    parser.addOptions({ db, username, role, displayName });
    if (const int stop = parse(parser, arguments, command); stop >= 0)
        return stop;
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"add-user takes no file or word \"%1\": give the user with --username and --role"_s.arg(
                              parser.positionalArguments().constFirst()),
                          command);
    const QString name = parser.value(username).trimmed();
    if (name.isEmpty())
        return usageError(u"add-user needs --username"_s, command);
    if (name.size() > 64 || name.contains(QRegularExpression(u"\\s"_s)))
        return usageError(u"the username \"%1\" has spaces or is longer than 64 characters: choose a short login "
                          "name without spaces"_s.arg(name),
                          command);
    if (!parser.isSet(role))
        return usageError(u"add-user needs --role agent, lead, trainer, admin or cti"_s, command);
    const std::optional<Role> parsedRole = roleFromName(parser.value(role).trimmed());
    if (!parsedRole)
        return usageError(u"unknown role \"%1\": use agent, lead, trainer, admin or cti"_s.arg(parser.value(role)),
                          command);
    const QString shownName = parser.value(displayName).simplified();
    return AddUserCommand(parser.isSet(db) ? parser.value(db) : ServerOptions::defaultDatabase(), name, *parsedRole,
                          shownName.isEmpty() ? name : shownName)
        .run();
}

int runValidateScript(const QStringList &arguments)
{
    const QString command = u"validate-script"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Checks guided script files (docs/scripts.md) and prints each problem as \"file:step id: what is wrong and "
        "how to fix it\". Exit 0 when every file is good."_s);
    parser.addPositionalArgument(u"files"_s, u"The script files (.json)."_s, u"FILE..."_s);
    if (const int stop = parse(parser, arguments, command); stop >= 0)
        return stop;
    if (parser.positionalArguments().isEmpty())
        return usageError(u"validate-script needs at least one script file"_s, command);
    return ValidateScriptCommand(parser.positionalArguments()).run();
}

int runPublishScript(const QStringList &arguments)
{
    const QString command = u"publish-script"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Publishes guided scripts: each file becomes its script id's next version; a file whose text is the "
        "current version publishes nothing. A script with problems stops the command before anything is published."_s);
    const QCommandLineOption db = dbOption();
    parser.addOption(db);
    parser.addPositionalArgument(u"files"_s, u"The script files (.json)."_s, u"FILE..."_s);
    if (const int stop = parse(parser, arguments, command); stop >= 0)
        return stop;
    if (parser.positionalArguments().isEmpty())
        return usageError(u"publish-script needs at least one script file"_s, command);
    return runPublishScripts(parser.isSet(db) ? parser.value(db) : ServerOptions::defaultDatabase(),
                             parser.positionalArguments());
}

int runScriptStatsCommand(const QStringList &arguments)
{
    const QString command = u"script-stats"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Prints a script version's analytics: runs reaching each step, outcomes, and the runs after which the "
        "caller made another contact within the window."_s);
    const QCommandLineOption db = dbOption();
    const QCommandLineOption version(u"script-version"_s, u"The published version (default: the current one)."_s,
                                     u"n"_s, u"0"_s);
    const QCommandLineOption days(u"days"_s, u"The window for another contact, in days (default 7)."_s, u"days"_s,
                                  u"7"_s);
    parser.addOptions({ db, version, days });
    parser.addPositionalArgument(u"script"_s, u"The script id, such as water.supply_cut."_s, u"SCRIPT_ID"_s);
    if (const int stop = parse(parser, arguments, command); stop >= 0)
        return stop;
    if (parser.positionalArguments().size() != 1)
        return usageError(u"script-stats needs one script id"_s, command);
    bool versionOk = false;
    const int versionNumber = parser.value(version).toInt(&versionOk);
    if (!versionOk || versionNumber < 0)
        return usageError(u"--script-version \"%1\" is not a version number"_s.arg(parser.value(version)), command);
    bool daysOk = false;
    const int dayCount = parser.value(days).toInt(&daysOk);
    if (!daysOk || dayCount < 1 || dayCount > 90)
        return usageError(u"--days \"%1\" is not a number of days from 1 to 90"_s.arg(parser.value(days)), command);
    return runScriptStats(parser.isSet(db) ? parser.value(db) : ServerOptions::defaultDatabase(),
                          parser.positionalArguments().constFirst(), versionNumber, dayCount);
}

} // namespace

int runCommandLine(const QStringList &arguments)
{
    const QString command = arguments.size() > 1 ? arguments.at(1) : QString();
    if (command == "import-customers"_L1 || command == "add-user"_L1) {
        QStringList rest = arguments;
        rest.removeAt(1);
        return command == "add-user"_L1 ? runAddUser(rest) : runImport(rest);
    }
    if (command == "validate-script"_L1 || command == "publish-script"_L1 || command == "script-stats"_L1) {
        QStringList rest = arguments;
        rest.removeAt(1);
        if (command == "publish-script"_L1)
            return runPublishScript(rest);
        return command == "script-stats"_L1 ? runScriptStatsCommand(rest) : runValidateScript(rest);
    }
    return runServe(arguments);
}

} // namespace sanad::server
