#include "ui/offerbanner.h"

#include "ui/bidi.h"
#include "ui/displaytext.h"
#include "ui/icons.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QVariantAnimation>

namespace sanad::ui {

namespace {

const QColor kRingLow(0xc8, 0xe6, 0xc9);
const QColor kRingHigh(0x66, 0xbb, 0x6a);
const QColor kOnContact(0xbb, 0xde, 0xfb);
const QColor kWrapUp(0xe1, 0xd5, 0xf0);
const QColor kRevoked(0xe0, 0xe0, 0xe0);

} // namespace

OfferBanner::OfferBanner(QAction *acceptAction, QAction *endAction, QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_acceptButton(new QToolButton(this))
    , m_endButton(new QToolButton(this))
    , m_pulse(new QVariantAnimation(this))
{
    setObjectName(QStringLiteral("offerBanner"));
    setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(QStringLiteral("offerTitle"));
    m_detail->setObjectName(QStringLiteral("offerDetail"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_detail->setTextFormat(Qt::PlainText);

    m_acceptButton->setObjectName(QStringLiteral("acceptButton"));
    m_acceptButton->setDefaultAction(acceptAction);
    m_endButton->setObjectName(QStringLiteral("endButton"));
    m_endButton->setDefaultAction(endAction);
    for (QToolButton *b : { m_acceptButton, m_endButton }) {
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setIconSize(QSize(24, 24));
        b->setMinimumHeight(40);
        QFont f = b->font();
        f.setBold(true);
        b->setFont(f);
    }

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_detail);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_icon);
    layout->addLayout(texts, 1);
    layout->addWidget(m_acceptButton);
    layout->addWidget(m_endButton);

    m_pulse->setStartValue(kRingLow);
    m_pulse->setKeyValueAt(0.5, kRingHigh);
    m_pulse->setEndValue(kRingLow);
    m_pulse->setDuration(1200);
    m_pulse->setLoopCount(-1);
    connect(m_pulse, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        m_background = value.value<QColor>();
        update();
    });

    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &OfferBanner::refresh);
    setMode(Mode::Hidden);
}

OfferBanner::~OfferBanner() = default;

QString OfferBanner::text() const
{
    return m_title->text();
}

void OfferBanner::showOffer(const client::ContactOffer &offer)
{
    m_offer = offer;
    m_callerName.clear();
    m_revokeReason = RevokeReason::Unspecified;
    m_noLongerOffered = false;
    setMode(Mode::Offered);
}

void OfferBanner::setCallerName(const QString &name)
{
    m_callerName = name;
    refresh();
}

void OfferBanner::showAccepting()
{
    setMode(Mode::Accepting);
}

void OfferBanner::showOnContact()
{
    setMode(Mode::OnContact);
}

void OfferBanner::showWrapUp(bool required)
{
    m_wrapUpRequired = required;
    setMode(Mode::WrapUp);
}

void OfferBanner::showRevoked(RevokeReason reason)
{
    m_revokeReason = reason;
    m_noLongerOffered = false;
    setMode(Mode::Revoked);
}

void OfferBanner::showNoLongerOffered()
{
    m_noLongerOffered = true;
    setMode(Mode::Revoked);
}

void OfferBanner::dismiss()
{
    setMode(Mode::Hidden);
}

void OfferBanner::setMode(Mode mode)
{
    m_mode = mode;
    setVisible(mode != Mode::Hidden);
    if (mode == Mode::Offered) {
        m_pulse->start();
        m_tick.start();
    } else {
        m_pulse->stop();
        m_tick.stop();
    }
    switch (mode) {
    case Mode::Offered:
    case Mode::Accepting:
        m_background = kRingLow;
        break;
    case Mode::OnContact:
        m_background = kOnContact;
        break;
    case Mode::WrapUp:
        m_background = kWrapUp;
        break;
    case Mode::Revoked:
    case Mode::Hidden:
        m_background = kRevoked;
        break;
    }
    m_acceptButton->setVisible(mode == Mode::Offered || mode == Mode::Accepting);
    m_endButton->setVisible(mode == Mode::OnContact);
    refresh();
    update();
}

QString OfferBanner::callerText() const
{
    const QString number = m_offer.normalizedNumber.isEmpty() ? m_offer.callerNumber : m_offer.normalizedNumber;
    if (number.trimmed().isEmpty())
        return tr("withheld number");
    if (m_callerName.isEmpty())
        return DisplayText::phoneNumber(number);
    //: A caller's name and number.
    return tr("%1 (%2)").arg(bidi::isolateAuto(m_callerName), DisplayText::phoneNumber(number));
}

QString OfferBanner::callbackReason() const
{
    const client::CallbackOffer &callback = m_offer.callback;
    if (callback.afterAbandon())
        return callback.createdAt.isValid()
            //: %1: the date and time the caller hung up while waiting in the queue.
            ? tr("hung up while waiting, %1").arg(DisplayText::dateTime(callback.createdAt))
            : tr("hung up while waiting");
    return bidi::isolateAuto(callback.reason);
}

void OfferBanner::refresh()
{
    const client::CallbackOffer &callback = m_offer.callback;
    const QString caller = callerText();
    const QString queue = bidi::isolateAuto(m_offer.queue.isEmpty() ? QStringLiteral("general") : m_offer.queue);
    QString title;
    QString detail;
    switch (m_mode) {
    case Mode::Hidden:
        break;
    case Mode::Offered:
    case Mode::Accepting: {
        if (callback.isCallback())
            title = tr("Callback to %1: %2").arg(caller, callbackReason());
        else
            title = m_offer.channel == Channel::Voice || m_offer.channel == Channel::Unspecified
                ? tr("Incoming call from %1").arg(caller)
                : tr("Incoming %1 contact from %2").arg(DisplayText::channel(m_offer.channel), caller);
        if (m_mode == Mode::Accepting) {
            detail = tr("Accepting…");
        } else if (m_offer.expiresAt.isValid()) {
            const qint64 left = std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(m_offer.expiresAt));
            detail = tr("Queue %1 · answer within %Ln second(s)", nullptr, int(left)).arg(queue);
        } else {
            detail = tr("Queue %1").arg(queue);
        }
        if (callback.attempts > 0)
            detail += tr(" · attempt %1").arg(DisplayText::digits(QString::number(callback.attempts + 1)));
        break;
    }
    case Mode::OnContact:
        if (callback.isCallback()) {
            title = tr("Calling back %1").arg(caller);
            detail = tr("Dial the customer now. Press Ctrl+E when the call is over, then record whether you reached "
                        "them.");
        } else {
            title = tr("On contact with %1").arg(caller);
            detail = tr("Press Ctrl+E to end the contact.");
        }
        break;
    case Mode::WrapUp:
        title = callback.isCallback() ? tr("Wrap-up after the callback to %1").arg(caller)
                                      : tr("Wrap-up after the contact with %1").arg(caller);
        detail = m_wrapUpRequired
            ? tr("This queue requires the wrap-up: record it with Ctrl+S to become available.")
            : tr("Record the wrap-up and become available with Ctrl+S, or press F9 to go on without it.");
        break;
    case Mode::Revoked:
        if (m_noLongerOffered) {
            title = tr("This contact is no longer offered to you");
            detail = tr("It went to another agent or the caller hung up. Nothing to do.");
            break;
        }
        switch (m_revokeReason) {
        case RevokeReason::Abandoned:
            title = tr("The caller hung up: %1").arg(caller);
            detail = tr("The contact was abandoned before it was answered. Nothing to do.");
            break;
        case RevokeReason::Timeout:
            title = tr("Not answered in time: %1").arg(caller);
            detail = tr("The contact was offered to the next agent. Press F9 when you are ready for the next "
                        "contact.");
            break;
        case RevokeReason::Taken:
            if (callback.isCallback()) {
                title = tr("No need to call back %1").arg(caller);
                detail = tr("The customer got through by calling again, or another agent recorded the callback. "
                            "Nothing to do.");
            } else {
                title = tr("Answered by another agent: %1").arg(caller);
                detail = tr("Nothing to do.");
            }
            break;
        case RevokeReason::Unspecified:
            title = tr("The contact was withdrawn: %1").arg(caller);
            detail = tr("Nothing to do.");
            break;
        }
        break;
    }
    m_title->setText(title);
    m_detail->setText(detail);
    // A screen reader announces the banner as what it says.
    setAccessibleName(title);
    setAccessibleDescription(detail);
    const QIcon icon = Icons::channel(m_offer.channel == Channel::Unspecified ? Channel::Voice : m_offer.channel);
    m_icon->setPixmap(icon.pixmap(QSize(32, 32), devicePixelRatioF()));
}

void OfferBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QFrame::changeEvent(event);
}

void OfferBanner::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(m_background);
    p.drawRoundedRect(rect().adjusted(1, 1, -1, -1), 6, 6);
    p.end();
    QFrame::paintEvent(event);
}

} // namespace sanad::ui
