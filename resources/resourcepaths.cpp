#include "resources/resourcepaths.h"

namespace sanad::resources {

QString iconPath(QStringView name)
{
    return QStringLiteral(":/sanad/icons/") + name + QStringLiteral(".svg");
}

QString ringTonePath()
{
    return QStringLiteral(":/sanad/sounds/ring.wav");
}

} // namespace sanad::resources
