#pragma once

#include "core/enums.h"

#include <QIcon>

namespace sanad::ui {

// The desktop's icons, drawn for Sanad (resources/icons). Needs a QGuiApplication; icons are made
// on first use and cached, so models can ask for them in data().
class Icons
{
public:
    static QIcon channel(Channel channel);
    static QIcon note();
    static QIcon warning();
    static QIcon application();
    // Arrows point along the reading direction, so they are mirrored in right-to-left layouts
    // (Qt never mirrors a custom icon by itself).
    static QIcon direction(Direction direction, Qt::LayoutDirection layout);
    // The channel icon with a small direction arrow after it (in reading order), for history rows.
    // Its natural size is 40x20.
    static QIcon channelWithDirection(Channel channel, Direction direction, Qt::LayoutDirection layout);
    // A pixmap mirrored left to right.
    static QPixmap mirrored(const QPixmap &pixmap);
};

} // namespace sanad::ui
