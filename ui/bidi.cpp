#include "ui/bidi.h"

namespace sanad::ui::bidi {

QString isolateLtr(const QString &text)
{
    if (text.isEmpty())
        return text;
    return QChar(kLri) + text + QChar(kPdi);
}

QString isolateAuto(const QString &text)
{
    if (text.isEmpty())
        return text;
    return QChar(kFsi) + text + QChar(kPdi);
}

QString stripFormatCharacters(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.category() != QChar::Other_Format)
            out.append(c);
    }
    return out;
}

} // namespace sanad::ui::bidi
