#pragma once

#include <QString>

#include <optional>

namespace sanad {

// Numbered as sanad.v1.Role, so a cast converts between them.
enum class Role {
    Unspecified = 0,
    Agent = 1,
    Lead = 2,
    Trainer = 3,
    Admin = 4,
    Cti = 5,
};

// "agent", "lead", "trainer", "admin", "cti" (the names the command line takes).
QString roleName(Role role);
std::optional<Role> roleFromName(QStringView name);

} // namespace sanad
