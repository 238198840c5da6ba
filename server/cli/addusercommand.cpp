#include "server/cli/addusercommand.h"

#include "core/clock.h"
#include "server/auth/passwordhasher.h"
#include "server/cli/console.h"
#include "server/cli/serveroptions.h"
#include "server/storage/database.h"
#include "server/storage/storageerror.h"
#include "server/storage/userrepository.h"
#include "server/util/protoutil.h"

#include <QFile>

#include <cstdio>

namespace sanad::server {

using namespace Qt::StringLiterals;

AddUserCommand::AddUserCommand(const QString &database, const QString &username, Role role, const QString &displayName)
    : m_database(database)
    , m_username(username)
    , m_role(role)
    , m_displayName(displayName)
{ }

int AddUserCommand::run()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly)) {
        printErr(u"sanad-server: standard input cannot be read: pipe the password in, for example\n"
                 "  printf '%s\\n' \"$PASSWORD\" | sanad-server add-user --username U --role agent\n"_s);
        return ExitError;
    }
    QByteArray line = input.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    const QString password = QString::fromUtf8(line);
    if (password.isEmpty()) {
        printErr(u"sanad-server: no password on standard input: pipe it in as one line, for example\n"
                 "  printf '%s\\n' \"$PASSWORD\" | sanad-server add-user --username U --role agent\n"_s);
        return ExitError;
    }
    if (password.size() < kMinPasswordLength) {
        printErr(u"sanad-server: the password has %1 characters; at least %2 are needed: choose a longer one.\n"_s
                     .arg(password.size())
                     .arg(kMinPasswordLength));
        return ExitError;
    }
    if (!PasswordHasher::initialize()) {
        printErr(u"sanad-server: libsodium could not start (no source of randomness?): check the system.\n"_s);
        return ExitError;
    }
    try {
        const qint64 now = Clock::system().nowMs();
        std::unique_ptr<Database> database = Database::open(m_database, now);
        UserRepository users(*database);
        if (users.findByUsername(m_username)) {
            printErr(u"sanad-server: user %1 exists: choose another username.\n"_s.arg(m_username));
            return ExitError;
        }
        UserRecord user;
        user.id = newUuid();
        user.username = m_username;
        user.displayName = m_displayName;
        user.role = m_role;
        user.passwordHash = PasswordHasher::hash(password);
        user.createdAtMs = now;
        if (user.passwordHash.isEmpty()) {
            printErr(u"sanad-server: the password could not be hashed (out of memory?): try again.\n"_s);
            return ExitError;
        }
        if (!users.insert(user)) {
            printErr(u"sanad-server: user %1 exists: choose another username.\n"_s.arg(m_username));
            return ExitError;
        }
    } catch (const StorageError &error) {
        printErr(u"sanad-server: %1\n"_s.arg(error.message()));
        return ExitError;
    }
    std::printf("added user %s with role %s\n", m_username.toLocal8Bit().constData(),
                roleName(m_role).toLocal8Bit().constData());
    std::fflush(stdout);
    return ExitOk;
}

} // namespace sanad::server
