#pragma once

#include "core/role.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace sanad::server {

class Database;

struct UserRecord
{
    QString id;
    QString username;
    QString displayName;
    Role role = Role::Unspecified;
    QString passwordHash; // argon2id string (crypto_pwhash_str); "!" for an account that cannot log in
    bool active = true;
    qint64 createdAtMs = 0;
};

// A session joined with its user: what every authorised call needs.
struct SessionRecord
{
    QString userId;
    QString username;
    QString displayName;
    Role role = Role::Unspecified;
    bool active = true;
    qint64 expiresAtMs = 0;
};

// users and sessions. Sessions are stored by the hash of their token, never the token.
class UserRepository
{
public:
    explicit UserRepository(Database &database);

    std::optional<UserRecord> findByUsername(const QString &username);
    std::optional<UserRecord> findById(const QString &id);
    // false when the username is taken (nothing is written).
    bool insert(const UserRecord &user);
    qint64 count();

    void insertSession(const QString &tokenHash, const QString &userId, qint64 createdAtMs, qint64 expiresAtMs);
    std::optional<SessionRecord> findSession(const QString &tokenHash);
    void deleteExpiredSessions(qint64 nowMs);

private:
    std::optional<UserRecord> findWhere(const QString &column, const QString &value);

    QSqlDatabase m_db;
};

} // namespace sanad::server
