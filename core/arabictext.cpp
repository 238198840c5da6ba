#include "core/arabictext.h"

namespace sanad {

namespace {

bool isRemovedMark(char16_t c)
{
    return (c >= 0x064B && c <= 0x065F) // harakat, shadda, sukun, maddah/hamza marks
        || c == 0x0670                  // superscript (dagger) alef
        || c == 0x0640                  // tatweel
        || (c >= 0x06D6 && c <= 0x06ED) // Quranic annotation marks
        || (c >= 0x0610 && c <= 0x061A);
}

char16_t foldLetter(char16_t c)
{
    switch (c) {
    case 0x0622: // آ
    case 0x0623: // أ
    case 0x0625: // إ
    case 0x0671: // ٱ alef wasla
    case 0x0672: // ٲ
    case 0x0673: // ٳ
        return 0x0627;
    case 0x0649: // ى alef maksura
    case 0x06CC: // ی Farsi yeh
    case 0x06D2: // ے yeh barree
    case 0x0626: // ئ
        return 0x064A;
    case 0x0624: // ؤ
        return 0x0648;
    case 0x0629: // ة teh marbuta
    case 0x06BE: // ھ heh doachashmee
    case 0x06C1: // ہ heh goal
    case 0x06D5: // ە ae
        return 0x0647;
    case 0x06A9: // ک keheh
        return 0x0643;
    default:
        return c;
    }
}

QString joinCompounds(const QStringList &tokens)
{
    static const QString abd = QStringLiteral("عبد");
    QString out;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (!out.isEmpty())
            out += u' ';
        out += tokens[i];
        if (tokens[i] == abd && i + 1 < tokens.size())
            out += tokens[++i];
    }
    return out;
}

} // namespace

QString searchKey(QStringView text)
{
    const QString nfkc = text.toString().normalized(QString::NormalizationForm_KC);
    QString folded;
    folded.reserve(nfkc.size());
    for (QChar ch : nfkc) {
        const char16_t c = ch.unicode();
        if (ch.category() == QChar::Other_Format || isRemovedMark(c))
            continue;
        if (ch.isDigit()) {
            folded += QChar(u'0' + ch.digitValue());
        } else if (ch.isLetter()) {
            folded += ch.isUpper() || ch.isTitleCase() ? ch.toCaseFolded() : QChar(foldLetter(c));
        } else if (ch.isMark()) {
            continue; // other combining marks carry no letter of their own
        } else {
            folded += u' '; // spaces, punctuation (، - . +), symbols
        }
    }
    return joinCompounds(keyTokens(folded));
}

QString looseKey(QStringView text)
{
    QString key = searchKey(text);
    key.remove(QChar(0x0621));
    key.replace(QChar(0x06A4), QChar(0x0641)); // ڤ → ف
    key.replace(QChar(0x067E), QChar(0x0628)); // پ → ب
    key.replace(QChar(0x06AF), QChar(0x0643)); // گ → ك
    QStringList tokens = keyTokens(key);
    static const QString article = QStringLiteral("ال");
    for (QString &token : tokens) {
        if (token == QStringLiteral("ابن"))
            token = QStringLiteral("بن");
        else if (token.size() >= 5 && token.startsWith(article))
            token.remove(0, 2);
    }
    return tokens.join(u' ');
}

QStringList keyTokens(const QString &key)
{
    return key.split(u' ', Qt::SkipEmptyParts);
}

} // namespace sanad
