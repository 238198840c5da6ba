#include "server/cli/validatescriptcommand.h"

#include "core/script.h"
#include "server/cli/serveroptions.h"

#include <QFile>

#include <cstdio>

namespace sanad::server {

using namespace Qt::StringLiterals;

ValidateScriptCommand::ValidateScriptCommand(QStringList files)
    : m_files(std::move(files))
{ }

int ValidateScriptCommand::run()
{
    bool allGood = true;
    for (const QString &path : std::as_const(m_files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fputs(qPrintable(u"%1: cannot read the file (%2)\n"_s.arg(path, file.errorString())), stderr);
            allGood = false;
            continue;
        }
        const QList<ScriptIssue> issues = validateScript(file.readAll());
        for (const ScriptIssue &issue : issues)
            std::fputs((issue.format(path) + u'\n').toUtf8().constData(), stderr);
        if (issues.isEmpty())
            std::fputs((path + u": ok\n"_s).toUtf8().constData(), stdout);
        allGood = allGood && issues.isEmpty();
    }
    std::fflush(stdout);
    std::fflush(stderr);
    return allGood ? ExitOk : ExitError;
}

} // namespace sanad::server
