#pragma once

#include <QStringList>

namespace sanad::server {

// sanad-server's command line (API.md, a contract):
//   sanad-server [--db URL] [--listen HOST:PORT] [--region OM] [--demo] [--demo-accounts-file FILE]
//                [--simulate-calls RATE] [--token-ttl SECONDS] [--offer-timeout SECONDS] [--test-clock]
//   sanad-server import-customers [--db URL] [--region OM] FILE.csv
//   sanad-server add-user [--db URL] --username U --role agent|lead|trainer|admin|cti [--display-name NAME]
//   sanad-server validate-script FILE...
//   sanad-server publish-script [--db URL] FILE...
//   sanad-server script-stats [--db URL] SCRIPT_ID [--script-version N] [--days D]
// Returns the exit code: 0 done, 1 failed, 2 wrong command line. Needs a QCoreApplication.
int runCommandLine(const QStringList &arguments);

} // namespace sanad::server
