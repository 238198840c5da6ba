#include "server/storage/userrepository.h"

#include "server/storage/database.h"
#include "server/storage/sqlquery.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

UserRepository::UserRepository(Database &database)
    : m_db(database.connection())
{ }

std::optional<UserRecord> UserRepository::findWhere(const QString &column, const QString &value)
{
    SqlQuery query(m_db,
                   u"SELECT id, username, display_name, role, password_hash, active, created_at FROM users "
                   "WHERE "_s
                       + column + u" = ?"_s);
    query.bind(value).exec();
    if (!query.next())
        return std::nullopt;
    UserRecord user;
    user.id = query.text(0);
    user.username = query.text(1);
    user.displayName = query.text(2);
    user.role = static_cast<Role>(query.value(3).toInt());
    user.passwordHash = query.text(4);
    user.active = query.value(5).toInt() != 0;
    user.createdAtMs = query.integer(6);
    query.finish();
    return user;
}

std::optional<UserRecord> UserRepository::findByUsername(const QString &username)
{
    return findWhere(u"username"_s, username);
}

std::optional<UserRecord> UserRepository::findById(const QString &id)
{
    return findWhere(u"id"_s, id);
}

bool UserRepository::insert(const UserRecord &user)
{
    SqlQuery query(m_db,
                   u"INSERT INTO users (id, username, display_name, role, password_hash, active, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s);
    query.bind(user.id)
        .bind(user.username)
        .bind(user.displayName)
        .bind(static_cast<int>(user.role))
        .bind(user.passwordHash)
        .bind(user.active)
        .bind(user.createdAtMs)
        .exec();
    return query.rowsAffected() == 1;
}

qint64 UserRepository::count()
{
    SqlQuery query(m_db, u"SELECT COUNT(*) FROM users"_s);
    query.exec();
    const qint64 n = query.next() ? query.integer(0) : 0;
    query.finish();
    return n;
}

void UserRepository::insertSession(const QString &tokenHash, const QString &userId, qint64 createdAtMs,
                                   qint64 expiresAtMs)
{
    SqlQuery query(m_db, u"INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)"_s);
    query.bind(tokenHash).bind(userId).bind(createdAtMs).bind(expiresAtMs).exec();
}

std::optional<SessionRecord> UserRepository::findSession(const QString &tokenHash)
{
    SqlQuery query(m_db,
                   u"SELECT u.id, u.username, u.display_name, u.role, u.active, s.expires_at "
                   "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?"_s);
    query.bind(tokenHash).exec();
    if (!query.next())
        return std::nullopt;
    SessionRecord session;
    session.userId = query.text(0);
    session.username = query.text(1);
    session.displayName = query.text(2);
    session.role = static_cast<Role>(query.value(3).toInt());
    session.active = query.value(4).toInt() != 0;
    session.expiresAtMs = query.integer(5);
    query.finish();
    return session;
}

void UserRepository::deleteExpiredSessions(qint64 nowMs)
{
    SqlQuery query(m_db, u"DELETE FROM sessions WHERE expires_at <= ?"_s);
    query.bind(nowMs).exec();
}

} // namespace sanad::server
