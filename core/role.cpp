#include "core/role.h"

namespace sanad {

QString roleName(Role role)
{
    switch (role) {
    case Role::Agent:
        return QStringLiteral("agent");
    case Role::Lead:
        return QStringLiteral("lead");
    case Role::Trainer:
        return QStringLiteral("trainer");
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Cti:
        return QStringLiteral("cti");
    case Role::Unspecified:
        break;
    }
    return QString();
}

std::optional<Role> roleFromName(QStringView name)
{
    for (Role r : {Role::Agent, Role::Lead, Role::Trainer, Role::Admin, Role::Cti}) {
        if (name.compare(roleName(r), Qt::CaseInsensitive) == 0)
            return r;
    }
    return std::nullopt;
}

} // namespace sanad
