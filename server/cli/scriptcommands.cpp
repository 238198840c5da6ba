#include "server/cli/scriptcommands.h"

#include "core/clock.h"
#include "server/cli/console.h"
#include "server/cli/serveroptions.h"
#include "server/service/scriptlibrary.h"
#include "server/storage/database.h"
#include "server/storage/storageerror.h"
#include "server/storage/transaction.h"
#include "server/util/protoutil.h"

#include <QFile>

#include <cstdio>
#include <memory>

namespace sanad::server {

using namespace Qt::StringLiterals;

int runPublishScripts(const QString &databaseUrl, const QStringList &files)
{
    QList<QByteArray> texts;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            printErr(u"sanad-server: %1 cannot be read (%2): nothing was published.\n"_s.arg(path, file.errorString()));
            return ExitError;
        }
        texts.append(file.readAll());
    }
    try {
        const qint64 now = Clock::system().nowMs();
        std::unique_ptr<Database> database = Database::open(databaseUrl, now);
        Transaction transaction(*database);
        ScriptLibrary library(*database);
        QStringList lines;
        for (qsizetype i = 0; i < files.size(); ++i) {
            const ScriptLibrary::Published published = library.publish(texts.at(i), u"sanad-server"_s, now);
            if (!published.problems.isEmpty()) {
                for (const QString &problem : published.problems)
                    printErr(files.at(i) + u": "_s + problem + u'\n');
                printErr(u"sanad-server: nothing was published: fix the script and publish again.\n"_s);
                return ExitError;
            }
            lines.append(u"%1 version %2%3"_s.arg(fromStd(published.document.script_id()))
                             .arg(published.document.version())
                             .arg(published.unchanged ? u" (unchanged)"_s : u" published"_s));
        }
        transaction.commit();
        printOut(lines.join(u'\n') + u'\n');
    } catch (const StorageError &error) {
        printErr(u"sanad-server: %1\n"_s.arg(error.message()));
        return ExitError;
    }
    return ExitOk;
}

int runScriptStats(const QString &databaseUrl, const QString &scriptId, int version, int days)
{
    try {
        std::unique_ptr<Database> database = Database::open(databaseUrl, Clock::system().nowMs());
        const std::optional<v1::ScriptStats> stats = ScriptLibrary(*database).stats(scriptId, version, days);
        if (!stats) {
            printErr(u"sanad-server: script \"%1\" has no published version%2: check the id (publish-script prints "
                     "it).\n"_s.arg(scriptId, version > 0 ? u" "_s + QString::number(version) : QString()));
            return ExitError;
        }
        printOut(ScriptLibrary::format(*stats));
    } catch (const StorageError &error) {
        printErr(u"sanad-server: %1\n"_s.arg(error.message()));
        return ExitError;
    }
    return ExitOk;
}

} // namespace sanad::server
