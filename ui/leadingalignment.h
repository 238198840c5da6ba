#pragma once

class QLabel;
class QLineEdit;

namespace sanad::ui {

// Line edits and plain-text labels align by their text's own direction, not the layout's: a
// phone number in a right-to-left card hugs the left edge, an Arabic name in a left-to-right
// card hugs the right one (ARABIC.md). These helpers pin the widget's alignment to the leading
// edge of its layout direction, and keep it pinned across language switches.
class LeadingAlignment
{
public:
    static void apply(QLineEdit *edit);
    static void apply(QLabel *label);
};

} // namespace sanad::ui
