#include "ui/bidi.h"

#include <QGuiApplication>

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

QString inLayoutDirection(const QString &text)
{
    if (text.isEmpty())
        return text;
    return QChar(QGuiApplication::layoutDirection() == Qt::RightToLeft ? kRlm : kLrm) + text;
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
