#include "ui/wrapuppanel.h"

#include "client/sanadclient.h"
#include "core/casestatus.h"
#include "ui/displaytext.h"
#include "ui/screenpop.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace sanad::ui {

namespace {

const CallerMood kMoods[] = { CallerMood::Satisfied, CallerMood::Neutral, CallerMood::Dissatisfied };

// What became of a callback (record_callback_attempt).
enum CallbackResult { Reached = 0, TryAgain = 1, GiveUp = 2 };

} // namespace

WrapUpPanel::WrapUpPanel(client::SanadClient *client, ScreenPop *screenPop, QWidget *parent)
    : QFrame(parent)
    , m_client(client)
    , m_screenPop(screenPop)
    , m_title(new QLabel(this))
    , m_timer(new QLabel(this))
    , m_dispositionLabel(new QLabel(this))
    , m_disposition(new QComboBox(this))
    , m_notesLabel(new QLabel(this))
    , m_notes(new QLineEdit(this))
    , m_moodLabel(new QLabel(this))
    , m_mood(new QButtonGroup(this))
    , m_callbackLabel(new QLabel(this))
    , m_callbackResult(new QButtonGroup(this))
    , m_error(new QLabel(this))
    , m_save(new QPushButton(this))
{
    setObjectName(QStringLiteral("wrapUpPanel"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(
        QStringLiteral("#wrapUpPanel { background: #eef4fb; border: 1px solid #9bb7d4; border-radius: 4px; }"));
    m_title->setObjectName(QStringLiteral("wrapUpTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_timer->setObjectName(QStringLiteral("wrapUpTimer"));
    m_disposition->setObjectName(QStringLiteral("wrapUpDisposition"));
    m_notes->setObjectName(QStringLiteral("wrapUpNotes"));
    m_error->setObjectName(QStringLiteral("wrapUpError"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_save->setObjectName(QStringLiteral("wrapUpSave"));
    m_dispositionLabel->setBuddy(m_disposition);
    m_notesLabel->setBuddy(m_notes);

    auto *moods = new QHBoxLayout;
    const char *const moodNames[] = { "wrapUpSatisfied", "wrapUpNeutral", "wrapUpDissatisfied" };
    for (int i = 0; i < 3; ++i) {
        auto *button = new QRadioButton(this);
        button->setObjectName(QString::fromLatin1(moodNames[i]));
        m_mood->addButton(button, int(kMoods[i]));
        moods->addWidget(button);
    }
    moods->addStretch(1);
    auto *callbackResults = new QHBoxLayout;
    const char *const resultNames[] = { "wrapUpReached", "wrapUpTryAgain", "wrapUpGiveUp" };
    for (int i = 0; i < 3; ++i) {
        auto *button = new QRadioButton(this);
        button->setObjectName(QString::fromLatin1(resultNames[i]));
        m_callbackResult->addButton(button, i);
        callbackResults->addWidget(button);
    }
    callbackResults->addStretch(1);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_timer);
    auto *form = new QFormLayout;
    form->addRow(m_callbackLabel, callbackResults);
    form->addRow(m_dispositionLabel, m_disposition);
    form->addRow(m_notesLabel, m_notes);
    form->addRow(m_moodLabel, moods);
    m_form = form;
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_error, 1);
    footer->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(form);
    layout->addLayout(footer);

    connect(m_save, &QPushButton::clicked, this, &WrapUpPanel::save);
    // A "choose …" sentence goes as soon as the agent chooses.
    connect(m_disposition, &QComboBox::currentIndexChanged, m_error, &QWidget::hide);
    connect(m_mood, &QButtonGroup::idClicked, m_error, &QWidget::hide);
    connect(m_callbackResult, &QButtonGroup::idClicked, m_error, &QWidget::hide);
    connect(m_notes, &QLineEdit::returnPressed, this, &WrapUpPanel::save);
    connect(m_client, &client::SanadClient::requestFailed, this, &WrapUpPanel::onRefused);
    connect(m_client, &client::SanadClient::caseChangeApplied, this, [this](quint64 requestId) {
        if (requestId == m_sent)
            m_sent = 0;
    });
    // The server's list of codes arrives after login (docs/cases.md, work policy).
    connect(m_client, &client::SanadClient::workPolicyChanged, this, &WrapUpPanel::retranslateUi);
    auto *saveShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_S), this);
    saveShortcut->setContext(Qt::WindowShortcut);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        if (isVisible())
            save();
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &WrapUpPanel::updateTimer);

    retranslateUi();
    hide();
}

void WrapUpPanel::start(const QString &callId, const client::CallbackOffer &callback)
{
    m_callId = callId;
    m_callback = callback;
    m_disposition->setCurrentIndex(-1);
    m_notes->clear();
    for (QButtonGroup *group : { m_mood, m_callbackResult }) {
        group->setExclusive(false);
        for (QAbstractButton *button : group->buttons())
            button->setChecked(false);
        group->setExclusive(true);
    }
    m_form->setRowVisible(m_callbackLabel, callback.isCallback());
    m_error->hide();
    m_elapsed.start();
    m_tick.start();
    updateTimer();
    retranslateUi();
    show();
    if (callback.isCallback())
        m_callbackResult->button(Reached)->setFocus(Qt::OtherFocusReason);
    else
        m_disposition->setFocus(Qt::OtherFocusReason);
}

void WrapUpPanel::stop()
{
    m_callId.clear();
    m_tick.stop();
    hide();
}

int WrapUpPanel::afterCallWorkSeconds() const
{
    return m_elapsed.isValid() ? int(m_elapsed.elapsed() / 1000) : 0;
}

void WrapUpPanel::updateTimer()
{
    m_timer->setText(tr("After-call work %1").arg(DisplayText::duration(afterCallWorkSeconds())));
}

void WrapUpPanel::save()
{
    if (!isActive())
        return;
    const client::CallerContext &context = m_screenPop->context();
    QString problem;
    if (m_callback.isCallback() && m_callbackResult->checkedId() < 0)
        problem = tr("Choose whether you reached the customer: reached, try again later, or give up.");
    else if (m_disposition->currentIndex() < 0)
        problem = tr("Choose how the contact ended (the disposition).");
    else if (m_mood->checkedId() < 0)
        problem = tr("Choose the caller's mood: satisfied, neutral or dissatisfied.");
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    // Kept in the outbox first (docs/sync.md): recorded even if the service is away right now.
    if (m_callback.isCallback()) {
        const int result = m_callbackResult->checkedId();
        m_client->recordCallbackAttempt(m_callback.id, m_callback.version, result == Reached,
                                        m_notes->text().simplified(), result == GiveUp);
    }
    client::WrapUp wrapUp;
    wrapUp.customerId = context.customer.id; // empty for a caller not on file: the call id says which
    wrapUp.caseId = m_callback.caseId;
    for (const client::CaseInfo &c : context.cases) {
        if (wrapUp.caseId.isEmpty() && isOpenStatus(c.status)) {
            wrapUp.caseId = c.id; // the open case the contact was about
            break;
        }
    }
    wrapUp.callId = m_callId;
    wrapUp.disposition = m_disposition->currentData().toString();
    wrapUp.notes = m_notes->text().simplified();
    wrapUp.mood = static_cast<CallerMood>(m_mood->checkedId());
    wrapUp.afterCallWorkSeconds = afterCallWorkSeconds();
    m_sent = m_client->recordWrapUp(wrapUp);
    m_sentCallId = m_callId;
    stop();
    Q_EMIT finished();
}

void WrapUpPanel::onRefused(quint64 requestId, const client::ClientError &error)
{
    if (requestId == 0 || requestId != m_sent || isActive())
        return;
    m_sent = 0;
    // The callback's attempt, if any, was recorded before: only the wrap-up is asked again, with
    // the centre's codes as they are now (the usual reason: the list changed during the shift).
    m_client->refreshWorkPolicy();
    start(m_sentCallId, {});
    m_error->setText(
        tr("The wrap-up was not recorded. %1 Choose again and save with Ctrl+S.").arg(DisplayText::error(error)));
    m_error->show();
}

void WrapUpPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void WrapUpPanel::retranslateUi()
{
    m_title->setText(m_callback.isCallback() ? tr("Wrap-up of the callback") : tr("Wrap-up"));
    m_dispositionLabel->setText(tr("&Disposition:"));
    m_notesLabel->setText(tr("N&otes:"));
    m_moodLabel->setText(tr("Caller's mood:"));
    m_notes->setPlaceholderText(tr("What was done, what the caller was told"));
    const QString current = m_disposition->currentData().toString();
    m_disposition->clear();
    // The server's codes (kept from the last session while it is away), labelled in the interface's language.
    const bool english = QLocale().language() != QLocale::Arabic;
    for (const client::DispositionCodeInfo &code : m_client->workPolicy().dispositionCodes)
        m_disposition->addItem(code.label(english), code.code);
    m_disposition->setCurrentIndex(current.isEmpty() ? -1 : m_disposition->findData(current));
    m_disposition->setPlaceholderText(tr("Choose…"));
    const QString moodTexts[] = { tr("Satisfied"), tr("Neutral"), tr("Dissatisfied") };
    for (int i = 0; i < 3; ++i)
        m_mood->button(int(kMoods[i]))->setText(moodTexts[i]);
    m_callbackLabel->setText(tr("Callback result:"));
    m_callbackResult->button(Reached)->setText(tr("Reached the customer"));
    m_callbackResult->button(TryAgain)->setText(tr("Not reached, try again later"));
    m_callbackResult->button(GiveUp)->setText(tr("Not reached, give up"));
    m_save->setText(tr("Save and become available"));
    m_save->setToolTip(tr("Records the wrap-up; you become available for the next contact once the server has it "
                          "(Ctrl+S)"));
    m_disposition->setAccessibleName(tr("Disposition"));
    m_notes->setAccessibleName(tr("Wrap-up notes"));
    updateTimer();
}

} // namespace sanad::ui
