#include "server/cli/serveroptions.h"

#include <QDir>
#include <QStandardPaths>
#include <QStringList>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

// true when text is an IPv4 address; *loopback when it is in 127.0.0.0/8.
bool isIpv4(const QString &text, bool *loopback)
{
    const QStringList parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        bool ok = false;
        const int value = part.toInt(&ok);
        if (!ok || value < 0 || value > 255 || part.isEmpty())
            return false;
    }
    *loopback = parts.constFirst() == "127"_L1;
    return true;
}

} // namespace

std::optional<ListenAddress> ListenAddress::parse(const QString &text, QString *error)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0) {
        *error
            = u"--listen \"%1\" is not HOST:PORT: write for example 127.0.0.1:50051 (port 0 picks a free one)."_s.arg(
                text);
        return std::nullopt;
    }
    ListenAddress address;
    address.host = text.left(colon);
    bool ok = false;
    address.port = text.mid(colon + 1).toInt(&ok);
    if (!ok || address.port < 0 || address.port > 65535) {
        *error = u"--listen \"%1\" has no valid port: use a number from 0 to 65535 after the colon."_s.arg(text);
        return std::nullopt;
    }
    if (address.host.startsWith(u'[') && address.host.endsWith(u']'))
        address.host = address.host.mid(1, address.host.size() - 2);
    else if (address.host.contains(u':')) {
        *error = u"--listen \"%1\": write an IPv6 address in brackets, such as [::1]:50051."_s.arg(text);
        return std::nullopt;
    }
    if (address.host.isEmpty()) {
        *error = u"--listen \"%1\" names no host: write for example 127.0.0.1:50051."_s.arg(text);
        return std::nullopt;
    }
    bool loopback = false;
    if (address.host.compare("localhost"_L1, Qt::CaseInsensitive) == 0 || address.host == "::1"_L1)
        address.loopback = true;
    else if (isIpv4(address.host, &loopback))
        address.loopback = loopback;
    return address;
}

QString ListenAddress::toString(int actualPort) const
{
    const QString shownHost = host.contains(u':') ? u"["_s + host + u"]"_s : host;
    return shownHost + u':' + QString::number(actualPort);
}

QString ServerOptions::defaultDatabase()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return u"sqlite:"_s + QDir(folder).filePath(u"sanad.db"_s);
}

} // namespace sanad::server
