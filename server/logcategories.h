#pragma once

#include <QLoggingCategory>

// One logging category per module of the server. Log lines never carry personal data: no
// names, phone numbers, national ids or free text a customer gave; ids and counts only.
Q_DECLARE_LOGGING_CATEGORY(lcStorage) // sanad.server.storage
Q_DECLARE_LOGGING_CATEGORY(lcAuth) // sanad.server.auth
Q_DECLARE_LOGGING_CATEGORY(lcService) // sanad.server.service
Q_DECLARE_LOGGING_CATEGORY(lcQueue) // sanad.server.queue
Q_DECLARE_LOGGING_CATEGORY(lcDemo) // sanad.server.demo
Q_DECLARE_LOGGING_CATEGORY(lcCli) // sanad.server.cli
