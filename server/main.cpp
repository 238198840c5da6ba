// sanad-server: the central case service. Everything lives in sanad_server_lib; this file only
// sets up the application and hands over the command line (server/cli/commandline.h).
#include "server/cli/commandline.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Sanad"));
    QCoreApplication::setApplicationName(QStringLiteral("sanad-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SANAD_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category}: %{message}"));
    return sanad::server::runCommandLine(QCoreApplication::arguments());
}
