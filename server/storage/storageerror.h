#pragma once

#include <QString>

#include <stdexcept>

namespace sanad::server {

// Thrown by storage/ when the database fails (cannot open, SQL error, busy for too long).
// message() is a sentence for a log or an administrator; it never contains customer data
// (SQL errors name tables and constraints, not values).
class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    { }
    QString message() const { return m_message; }

private:
    QString m_message;
};

} // namespace sanad::server
