#pragma once

#include <QString>

// Bidirectional isolation for text shown in right-to-left views (ARABIC.md). A bare phone number
// or case id inside an Arabic label renders reversed ("4567 9123 968+"); wrapping it in an
// isolate keeps its own order wherever it is placed.
namespace sanad::ui::bidi {

constexpr char16_t kLri = u'\u2066'; // LEFT-TO-RIGHT ISOLATE
constexpr char16_t kFsi = u'\u2068'; // FIRST STRONG ISOLATE
constexpr char16_t kPdi = u'\u2069'; // POP DIRECTIONAL ISOLATE
constexpr char16_t kLrm = u'\u200E'; // LEFT-TO-RIGHT MARK
constexpr char16_t kRlm = u'\u200F'; // RIGHT-TO-LEFT MARK

// LRI text PDI: numbers, ids, addresses, Latin fragments. An empty text stays empty.
QString isolateLtr(const QString &text);
// FSI text PDI: names and other text whose direction is not known in advance.
QString isolateAuto(const QString &text);
// The text behind the mark of the application's layout direction (RLM in Arabic, LRM in
// English). A text made only of isolates has no letter of its own to say which way it reads, and
// a QLabel then lays it out left to right: a list of numbers in an Arabic card would start at
// the left.
QString inLayoutDirection(const QString &text);
// The text without format characters (Unicode category Cf: RLM, LRM, ALM, isolates, ZWNJ...),
// for comparing what is shown with what was stored.
QString stripFormatCharacters(QStringView text);

} // namespace sanad::ui::bidi
