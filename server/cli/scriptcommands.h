#pragma once

#include <QString>
#include <QStringList>

namespace sanad::server {

// sanad-server publish-script --db URL FILE...: publishes each script as its id's next version
// (what ScriptService.PublishScript does for an administrator); a script with problems stops
// the command before anything is published. Exit 0 done, 1 failed.
int runPublishScripts(const QString &database, const QStringList &files);

// sanad-server script-stats --db URL SCRIPT_ID [--script-version N] [--days D]: prints, for one version
// (default the current one), the runs reaching each step, the outcomes, and the runs after which
// the caller made another contact within D days (default 7). Exit 0 done, 1 unknown script.
int runScriptStats(const QString &database, const QString &scriptId, int version, int days);

} // namespace sanad::server
