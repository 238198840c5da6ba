#include "server/logcategories.h"

Q_LOGGING_CATEGORY(lcStorage, "sanad.server.storage")
Q_LOGGING_CATEGORY(lcAuth, "sanad.server.auth")
Q_LOGGING_CATEGORY(lcService, "sanad.server.service")
Q_LOGGING_CATEGORY(lcQueue, "sanad.server.queue")
Q_LOGGING_CATEGORY(lcDemo, "sanad.server.demo")
Q_LOGGING_CATEGORY(lcCli, "sanad.server.cli")
