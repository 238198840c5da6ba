#include "server/util/protoutil.h"

#include <QUuid>

#include <google/protobuf/timestamp.pb.h>

namespace sanad::server {

void setTimestampMs(google::protobuf::Timestamp *timestamp, qint64 ms)
{
    if (ms <= 0) {
        timestamp->Clear();
        return;
    }
    timestamp->set_seconds(ms / 1000);
    timestamp->set_nanos(static_cast<int>(ms % 1000) * 1000000);
}

qint64 timestampMs(const google::protobuf::Timestamp &timestamp)
{
    return timestamp.seconds() * 1000 + timestamp.nanos() / 1000000;
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace sanad::server
