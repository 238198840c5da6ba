#include "ui/logging.h"

namespace sanad::ui {

Q_LOGGING_CATEGORY(lcUi, "sanad.ui")

} // namespace sanad::ui
