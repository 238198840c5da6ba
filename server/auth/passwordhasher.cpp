#include "server/auth/passwordhasher.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <sodium.h>

namespace sanad::server {

using namespace Qt::StringLiterals;

bool PasswordHasher::initialize()
{
    return sodium_init() >= 0;
}

QString PasswordHasher::hash(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return QString();
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password)
{
    const QByteArray stored = hash.toLatin1();
    if (stored.size() >= crypto_pwhash_STRBYTES || !stored.startsWith("$argon2"))
        return false;
    char str[crypto_pwhash_STRBYTES] = {};
    memcpy(str, stored.constData(), size_t(stored.size()));
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(str, utf8.constData(), quint64(utf8.size())) == 0;
}

void PasswordHasher::spendVerifyWork(const QString &password)
{
    // Made once, with a random password nobody knows.
    static const QString dummy = hash(generatePassword(24));
    verify(dummy, password);
}

QString PasswordHasher::newToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString PasswordHasher::tokenHash(QStringView token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString PasswordHasher::generatePassword(int length)
{
    static constexpr char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    constexpr quint32 size = sizeof(alphabet) - 1;
    QString password;
    password.reserve(length);
    for (int i = 0; i < length; ++i)
        password.append(QLatin1Char(alphabet[randombytes_uniform(size)]));
    return password;
}

} // namespace sanad::server
