#pragma once

#include <QString>

// Paths of the files embedded by the sanad_resources library (Qt resource system, ":/sanad/...").
namespace sanad::resources {

// ":/sanad/icons/<name>.svg"; name without extension, e.g. "voice", "inbound".
QString iconPath(QStringView name);
// The looping ring tone of an offered contact (WAV, 16-bit mono PCM).
QString ringTonePath();

} // namespace sanad::resources
