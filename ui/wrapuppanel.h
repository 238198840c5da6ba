#pragma once

#include "client/types.h"

#include <QElapsedTimer>
#include <QFrame>
#include <QTimer>

class QButtonGroup;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sanad::client {
class SanadClient;
}

namespace sanad::ui {

class ScreenPop;

// After a contact ends, above the screen-pop (docs/cases.md): the disposition (one of the
// policy's codes), notes, the caller's mood and the after-call-work time counting up; after a
// callback, also whether the customer was reached. Save (Ctrl+S, or Enter in the notes) records
// it through the outbox, so it is kept even when the service is away; the server makes the agent
// available once it has the wrap-up. The disposition, the mood and a callback's result must be
// chosen; the panel says so in the interface's language. A wrap-up the server refuses (a code the
// centre no longer uses, ...) opens the panel again with the reason, so a queue that requires it
// never leaves the agent stuck.
class WrapUpPanel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WrapUpPanel)

public:
    WrapUpPanel(client::SanadClient *client, ScreenPop *screenPop, QWidget *parent = nullptr);

    // Shows the panel for the contact that just ended; the after-call-work time starts now.
    void start(const QString &callId, const client::CallbackOffer &callback = {});
    // Hides it without recording anything (a new contact, or signing out).
    void stop();
    bool isActive() const { return !m_callId.isEmpty(); }
    int afterCallWorkSeconds() const;

Q_SIGNALS:
    // The wrap-up is recorded (or queued in the outbox): the agent can take the next contact.
    void finished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateTimer();
    void save();
    void onRefused(quint64 requestId, const client::ClientError &error);

    client::SanadClient *m_client;
    ScreenPop *m_screenPop;
    QString m_callId;
    quint64 m_sent = 0; // the wrap-up sent last, until the server answers
    QString m_sentCallId;
    QElapsedTimer m_elapsed;
    QTimer m_tick;
    QLabel *m_title;
    QLabel *m_timer;
    QLabel *m_dispositionLabel;
    QComboBox *m_disposition;
    QLabel *m_notesLabel;
    QLineEdit *m_notes;
    QLabel *m_moodLabel;
    QButtonGroup *m_mood;
    client::CallbackOffer m_callback;
    QFormLayout *m_form = nullptr;
    QLabel *m_callbackLabel;
    QButtonGroup *m_callbackResult;
    QLabel *m_error;
    QPushButton *m_save;
};

} // namespace sanad::ui
