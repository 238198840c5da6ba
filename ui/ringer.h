#pragma once

#include <QObject>
#include <QTimer>

class QSoundEffect;

namespace sanad::ui {

// The audible ring of an offered contact: the embedded ring tone looped with QSoundEffect, or
// QApplication::beep() every two seconds when no audio output exists or the effect cannot play.
// GUI thread only.
class Ringer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Ringer)

public:
    explicit Ringer(QObject *parent = nullptr);
    ~Ringer() override;

    void start();
    void stop();
    bool isRinging() const { return m_ringing; }
    // Muted: start() rings silently (the visible ring goes on).
    void setMuted(bool muted);
    bool isMuted() const { return m_muted; }

private:
    bool ensureEffect();
    void useBeepFallback();

    QSoundEffect *m_effect = nullptr;
    QTimer m_beepTimer;
    bool m_ringing = false;
    bool m_muted = false;
    bool m_effectFailed = false;
};

} // namespace sanad::ui
