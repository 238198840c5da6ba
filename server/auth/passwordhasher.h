#pragma once

#include <QString>

namespace sanad::server {

// Passwords and session tokens, with libsodium. Thread-safe after initialize().
//
// Passwords are hashed with argon2id (crypto_pwhash_str, OPSLIMIT/MEMLIMIT_INTERACTIVE: about
// 64 MiB and a tenth of a second per hash). Tokens are 32 random bytes; only their SHA-256 is
// stored, so a copy of the database does not hold usable sessions.
class PasswordHasher
{
public:
    // sodium_init(); false when libsodium cannot start (no entropy source).
    static bool initialize();

    // Empty when hashing failed (out of memory).
    static QString hash(const QString &password);
    static bool verify(const QString &hash, const QString &password);
    // Spends the work of one verify() against a hash no password matches, so that an unknown
    // username takes as long to refuse as a wrong password.
    static void spendVerifyWork(const QString &password);

    // A new session token: 32 random bytes, base64url without padding.
    static QString newToken();
    // Hex SHA-256 of a token: the key of the sessions table.
    static QString tokenHash(QStringView token);

    // A random password of `length` characters from an alphabet without look-alikes
    // (no 0/O, 1/l/I), for generated accounts.
    static QString generatePassword(int length = 14);
};

} // namespace sanad::server
