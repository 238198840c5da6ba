#pragma once

#include "core/scriptrun.h"

#include <QMutex>
#include <QString>

namespace sanad::server {

// The development one-time code sender (sanad-server --code-log FILE): appends one line per code,
// "TIME NUMBER CODE", to the file instead of sending an SMS, so testers and tests read the code
// there. Thread-safe. A production sender (an SMS gateway) implements the same interface.
class CodeLogSender final : public OneTimeCodeSender
{
public:
    explicit CodeLogSender(QString path);
    std::optional<QString> send(const QString &e164, const QString &code) override;

private:
    QString m_path;
    QMutex m_mutex;
};

} // namespace sanad::server
