#pragma once

#include "core/role.h"

#include <QString>

namespace sanad::server {

// sanad-server add-user: reads the password from standard input (one line, at least 8
// characters), hashes it with argon2id and adds the user. An existing username is an error
// ("user U exists", exit 1).
class AddUserCommand
{
public:
    AddUserCommand(const QString &database, const QString &username, Role role, const QString &displayName);
    int run();

    static constexpr int kMinPasswordLength = 8;

private:
    QString m_database;
    QString m_username;
    Role m_role;
    QString m_displayName;
};

} // namespace sanad::server
