#pragma once

#include <QString>
#include <QStringList>

namespace sanad {

// Search keys for names and other text, following ../shared/design/ARABIC.md.
//
// searchKey() is the strict key every search matches against: NFKC (presentation forms,
// ligatures such as ﷲ and ﻻ, full-width digits), format characters removed (RLM, LRM, ALM,
// LRI...PDI, ZWNJ), harakat, dagger alef and tatweel removed, the alef forms (آ أ إ ٱ ٲ ٳ) folded to
// ا, ى ی ے ئ to ي, ؤ to و, ة ھ ہ ە to ه, ک to ك, every decimal digit to ASCII, Latin case-folded,
// punctuation to spaces, spaces collapsed, and "عبد X" joined to "عبدX". It keeps the standalone
// hamza ء (علاء is not علا) and never merges different names (حسن ≠ حسين, أمل ≠ آمال).
//
// looseKey() is a looser second pass, to be ranked below strict matches: it also drops ء,
// reads ابن as بن, strips the article ال from words of five letters or more, and folds the
// letters of foreign names (ڤ → ف, پ → ب, گ → ك).
QString searchKey(QStringView text);
QString looseKey(QStringView text);

// The space-separated words of a key.
QStringList keyTokens(const QString &key);

} // namespace sanad
