#pragma once

#include <QString>

#include <string>

namespace google::protobuf {
class Timestamp;
}

// Conversions between Qt values and the generated protobuf types (UTF-8 strings, Timestamps as
// UTC milliseconds since the epoch, which is how storage keeps every time).
namespace sanad::server {

inline std::string toStd(const QString &text)
{
    return text.toStdString();
}

inline QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

// Sets the timestamp (which marks a message field present). Storage keeps 0 for "never": call
// this only for a time that is set, so that has_x() stays false for "never".
void setTimestampMs(google::protobuf::Timestamp *timestamp, qint64 ms);
qint64 timestampMs(const google::protobuf::Timestamp &timestamp);

// A new random UUID without braces, the form every id of the API takes.
QString newUuid();

} // namespace sanad::server
