#include "ui/ringer.h"

#include "resources/resourcepaths.h"
#include "ui/logging.h"

#include <QApplication>
#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QUrl>

namespace sanad::ui {

Ringer::Ringer(QObject *parent)
    : QObject(parent)
{
    m_beepTimer.setInterval(2000);
    connect(&m_beepTimer, &QTimer::timeout, this, [] { QApplication::beep(); });
}

Ringer::~Ringer()
{
    stop();
}

void Ringer::setMuted(bool muted)
{
    m_muted = muted;
    if (m_muted && m_ringing) {
        if (m_effect)
            m_effect->stop();
        m_beepTimer.stop();
    }
}

bool Ringer::ensureEffect()
{
    if (m_effectFailed)
        return false;
    if (m_effect)
        return true;
    if (QMediaDevices::audioOutputs().isEmpty()) {
        qCInfo(lcUi) << "no audio output: ringing with the system beep";
        m_effectFailed = true;
        return false;
    }
    m_effect = new QSoundEffect(this);
    m_effect->setLoopCount(QSoundEffect::Infinite);
    m_effect->setVolume(0.8f);
    connect(m_effect, &QSoundEffect::statusChanged, this, [this] {
        if (m_effect->status() == QSoundEffect::Error) {
            qCWarning(lcUi) << "the ring tone cannot be played: ringing with the system beep";
            m_effectFailed = true;
            if (m_ringing && !m_muted)
                useBeepFallback();
        }
    });
    m_effect->setSource(QUrl(QStringLiteral("qrc") + resources::ringTonePath()));
    return true;
}

void Ringer::useBeepFallback()
{
    QApplication::beep();
    m_beepTimer.start();
}

void Ringer::start()
{
    if (m_ringing)
        return;
    m_ringing = true;
    if (m_muted)
        return;
    if (ensureEffect())
        m_effect->play();
    else
        useBeepFallback();
}

void Ringer::stop()
{
    m_ringing = false;
    m_beepTimer.stop();
    if (m_effect)
        m_effect->stop();
}

} // namespace sanad::ui
