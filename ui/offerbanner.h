#pragma once

#include "client/types.h"

#include <QColor>
#include <QFrame>
#include <QTimer>

class QAction;
class QLabel;
class QToolButton;
class QVariantAnimation;

namespace sanad::ui {

// The strip at the top of the agent window that shows the contact in hand: an offered contact
// rings visibly (pulsing colour, the caller's number, queue and a countdown to the offer's
// expiry) with an Accept button — for a callback task, whom to call back and why; then "on
// contact" with End; then wrap-up; or, when the offer is
// withdrawn, why (caller hung up, offered to another agent). The buttons show the window's
// actions, so their shortcuts work anywhere in the window.
class OfferBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfferBanner)

public:
    enum class Mode { Hidden, Offered, Accepting, OnContact, WrapUp, Revoked };
    Q_ENUM(Mode)

    OfferBanner(QAction *acceptAction, QAction *endAction, QWidget *parent = nullptr);
    ~OfferBanner() override;

    Mode mode() const { return m_mode; }
    QString callId() const { return m_offer.callId; }
    const client::ContactOffer &offer() const { return m_offer; }
    // The main line's current text (for tests and accessibility).
    QString text() const;

    void showOffer(const client::ContactOffer &offer);
    // The name of the caller, once the screen-pop knows it (empty: unknown caller).
    void setCallerName(const QString &name);
    void showAccepting();
    void showOnContact();
    // required: the queue requires the wrap-up before the next contact (F9 cannot skip it).
    void showWrapUp(bool required);
    void showRevoked(RevokeReason reason);
    void showNoLongerOffered();
    void dismiss();

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void setMode(Mode mode);
    void refresh();
    QString callerText() const;
    QString callbackReason() const;

    Mode m_mode = Mode::Hidden;
    client::ContactOffer m_offer;
    QString m_callerName;
    RevokeReason m_revokeReason = RevokeReason::Unspecified;
    bool m_noLongerOffered = false;
    bool m_wrapUpRequired = false;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_detail;
    QToolButton *m_acceptButton;
    QToolButton *m_endButton;
    QTimer m_tick;
    QVariantAnimation *m_pulse;
    QColor m_background;
};

} // namespace sanad::ui
