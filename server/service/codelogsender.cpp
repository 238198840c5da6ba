#include "server/service/codelogsender.h"

#include <QDateTime>
#include <QFile>
#include <QMutexLocker>

namespace sanad::server {

using namespace Qt::StringLiterals;

CodeLogSender::CodeLogSender(QString path)
    : m_path(std::move(path))
{ }

std::optional<QString> CodeLogSender::send(const QString &e164, const QString &code)
{
    const QMutexLocker lock(&m_mutex);
    QFile file(m_path);
    if (!file.open(QIODevice::Append | QIODevice::Text))
        return u"the code log %1 cannot be written: %2"_s.arg(m_path, file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write((QDateTime::currentDateTimeUtc().toString(Qt::ISODate) + u' ' + e164 + u' ' + code + u'\n').toUtf8());
    return std::nullopt;
}

} // namespace sanad::server
