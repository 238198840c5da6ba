#include "ui/icons.h"

#include "resources/resourcepaths.h"

#include <QHash>
#include <QImage>
#include <QPainter>
#include <QPixmap>

namespace sanad::ui {

namespace {

QString channelIconName(Channel channel)
{
    switch (channel) {
    case Channel::Voice:
        return QStringLiteral("voice");
    case Channel::Sms:
        return QStringLiteral("sms");
    case Channel::Email:
        return QStringLiteral("email");
    case Channel::Web:
        return QStringLiteral("web");
    case Channel::App:
        return QStringLiteral("app");
    case Channel::WhatsApp:
        return QStringLiteral("whatsapp");
    case Channel::WalkIn:
        return QStringLiteral("walk_in");
    case Channel::Unspecified:
        break;
    }
    return QStringLiteral("voice");
}

QIcon cachedIcon(const QString &name)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(resources::iconPath(name)));
    return it.value();
}

} // namespace

QIcon Icons::channel(Channel channel)
{
    return cachedIcon(channelIconName(channel));
}

QIcon Icons::note()
{
    return cachedIcon(QStringLiteral("note"));
}

QIcon Icons::warning()
{
    return cachedIcon(QStringLiteral("warning"));
}

QIcon Icons::application()
{
    return cachedIcon(QStringLiteral("sanad"));
}

QPixmap Icons::mirrored(const QPixmap &pixmap)
{
    QPixmap out = QPixmap::fromImage(pixmap.toImage().mirrored(true, false));
    out.setDevicePixelRatio(pixmap.devicePixelRatio());
    return out;
}

QIcon Icons::direction(Direction direction, Qt::LayoutDirection layout)
{
    if (direction == Direction::Unspecified)
        return {};
    const QString name = direction == Direction::Outbound ? QStringLiteral("outbound") : QStringLiteral("inbound");
    if (layout != Qt::RightToLeft)
        return cachedIcon(name);
    static QHash<QString, QIcon> mirroredCache;
    auto it = mirroredCache.find(name);
    if (it == mirroredCache.end()) {
        QIcon icon;
        const QIcon source = cachedIcon(name);
        for (const int size : { 16, 24, 32, 48 })
            icon.addPixmap(mirrored(source.pixmap(size, size)));
        it = mirroredCache.insert(name, icon);
    }
    return it.value();
}

QIcon Icons::channelWithDirection(Channel channel, Direction direction, Qt::LayoutDirection layout)
{
    static QHash<int, QIcon> cache;
    const int key = int(channel) * 100 + int(direction) * 10 + (layout == Qt::RightToLeft ? 1 : 0);
    auto it = cache.find(key);
    if (it != cache.end())
        return it.value();

    QIcon icon;
    for (const int scale : { 1, 2 }) {
        const int h = 20 * scale;
        QPixmap canvas(2 * h, h);
        canvas.fill(Qt::transparent);
        QPainter p(&canvas);
        // In reading order: the channel first, then the small arrow. In RTL the reading order runs
        // from the right, so the channel sits on the right and the mirrored arrow on its left.
        const QRect channelRect = layout == Qt::RightToLeft ? QRect(h, 0, h, h) : QRect(0, 0, h, h);
        const int arrowSize = h * 3 / 5;
        const QRect arrowRect = layout == Qt::RightToLeft
            ? QRect(h - arrowSize - scale * 2, (h - arrowSize) / 2, arrowSize, arrowSize)
            : QRect(h + scale * 2, (h - arrowSize) / 2, arrowSize, arrowSize);
        Icons::channel(channel).paint(&p, channelRect);
        if (direction != Direction::Unspecified)
            Icons::direction(direction, layout).paint(&p, arrowRect);
        p.end();
        icon.addPixmap(canvas);
    }
    return cache.insert(key, icon).value();
}

} // namespace sanad::ui
