#include "ui/leadingalignment.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>

namespace sanad::ui {

namespace {

Qt::Alignment leadingEdge(const QWidget *widget)
{
    return (widget->layoutDirection() == Qt::RightToLeft ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignAbsolute;
}

void applyAlignment(QObject *object)
{
    if (auto *edit = qobject_cast<QLineEdit *>(object))
        edit->setAlignment(leadingEdge(edit) | Qt::AlignVCenter);
    else if (auto *label = qobject_cast<QLabel *>(object))
        label->setAlignment(leadingEdge(label) | (label->alignment() & Qt::AlignVertical_Mask));
}

// Re-applies the alignment whenever the widget's layout direction changes.
class AlignmentKeeper final : public QObject
{
public:
    explicit AlignmentKeeper(QWidget *widget)
        : QObject(widget)
    {
        widget->installEventFilter(this);
        applyAlignment(widget);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LayoutDirectionChange)
            applyAlignment(watched);
        return false;
    }
};

} // namespace

void LeadingAlignment::apply(QLineEdit *edit)
{
    new AlignmentKeeper(edit);
}

void LeadingAlignment::apply(QLabel *label)
{
    new AlignmentKeeper(label);
}

} // namespace sanad::ui
