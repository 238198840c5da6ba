#pragma once

#include <QLoggingCategory>

namespace sanad::ui {

// The desktop's log category, "sanad.ui". Log lines carry ids and counts, never names or numbers.
Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace sanad::ui
