#include "ui/scriptpanel.h"

#include "client/sanadclient.h"
#include "core/scriptrun.h"
#include "ui/displaytext.h"
#include "ui/languagemanager.h"
#include "ui/screenpop.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace sanad::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int DocumentRole = Qt::UserRole + 1;

// 1–9 from the number row, the keypad or an Arabic keyboard (١–٩); 0 when not such a key.
int choiceKey(const QKeyEvent *event)
{
    const QString text = event->text();
    if (text.size() != 1 || !text.at(0).isDigit())
        return 0;
    const int value = text.at(0).digitValue();
    return value >= 1 && value <= 9 ? value : 0;
}

} // namespace

ScriptPanel::ScriptPanel(client::SanadClient *client, ScreenPop *screenPop, LanguageManager *languages, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_screenPop(screenPop)
    , m_languages(languages)
    , m_cache(client::ScriptCache::defaultDirectory())
    , m_stack(new QStackedWidget(this))
    , m_libraryTitle(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_runTitle(new QLabel(this))
    , m_stepText(new QLabel(this))
    , m_choices(new QListWidget(this))
    , m_input(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_back(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_cannotVerify(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(u"scriptPanel"_s);
    m_search->setObjectName(u"scriptSearch"_s);
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(u"scriptList"_s);
    m_runTitle->setObjectName(u"scriptTitle"_s);
    m_stepText->setObjectName(u"scriptStepText"_s);
    m_choices->setObjectName(u"scriptChoices"_s);
    m_input->setObjectName(u"scriptInput"_s);
    m_message->setObjectName(u"scriptMessage"_s);
    m_back->setObjectName(u"scriptBack"_s);
    m_next->setObjectName(u"scriptNext"_s);
    m_cannotVerify->setObjectName(u"scriptCannotVerify"_s);
    m_close->setObjectName(u"scriptClose"_s);
    for (QLabel *label : { m_libraryTitle, m_runTitle }) {
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
    }
    for (QLabel *label : { m_stepText, m_message }) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }
    m_stepText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(u"color: #a4262c;"_s);

    auto *library = new QWidget(m_stack);
    auto *libraryLayout = new QVBoxLayout(library);
    libraryLayout->setContentsMargins(0, 0, 0, 0);
    libraryLayout->addWidget(m_libraryTitle);
    libraryLayout->addWidget(m_search);
    libraryLayout->addWidget(m_list, 1);

    auto *runView = new QWidget(m_stack);
    auto *runLayout = new QVBoxLayout(runView);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addWidget(m_runTitle);
    runLayout->addWidget(m_stepText);
    runLayout->addWidget(m_choices, 1);
    runLayout->addWidget(m_input);
    runLayout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_cannotVerify);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    buttons->addWidget(m_next);
    runLayout->addLayout(buttons);

    m_stack->addWidget(library);
    m_stack->addWidget(runView);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_search->installEventFilter(this);
    m_list->installEventFilter(this);
    m_choices->installEventFilter(this);
    m_input->installEventFilter(this);
    m_next->installEventFilter(this);
    m_close->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, &ScriptPanel::fillLibrary);
    connect(m_list, &QListWidget::itemActivated, this, &ScriptPanel::startSelected);
    connect(m_choices, &QListWidget::itemActivated, this, [this] { goOn(); });
    connect(m_next, &QPushButton::clicked, this, &ScriptPanel::goOn);
    connect(m_back, &QPushButton::clicked, this, &ScriptPanel::goBack);
    connect(m_cannotVerify, &QPushButton::clicked, this, &ScriptPanel::cannotVerify);
    connect(m_close, &QPushButton::clicked, this, &ScriptPanel::closeRun);
    // Alt+Left is neither a menu mnemonic nor a shortcut of the window (F1 lists them all).
    auto *back = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this);
    back->setContext(Qt::WidgetWithChildrenShortcut);
    connect(back, &QShortcut::activated, this, &ScriptPanel::goBack);
    m_back->setToolTip(QKeySequence(Qt::ALT | Qt::Key_Left).toString(QKeySequence::NativeText));

    connect(m_client, &client::SanadClient::scriptsReady, this,
            [this](quint64 id, const QList<client::ScriptDocumentInfo> &scripts) {
                if (id != m_listRequest)
                    return;
                m_cache.update(scripts);
                fillLibrary();
            });
    connect(m_client, &client::SanadClient::identityCodeSent, this, [this](quint64 id, const QString &masked) {
        if (id != m_codeRequest || !m_run)
            return;
        const auto refused = m_run->codeSentByServer(masked);
        m_verifyMode = VerifyMode::Code;
        showRefusal(refused ? std::optional<LocalText>(refused->message) : std::nullopt);
        render();
    });
    connect(m_client, &client::SanadClient::identityCodeChecked, this,
            [this](quint64 id, bool verified, int attemptsLeft) {
                if (id != m_codeRequest || !m_run)
                    return;
                const auto refused = m_run->codeCheckedByServer(verified, attemptsLeft);
                showRefusal(refused ? std::optional<LocalText>(refused->message) : std::nullopt);
                render();
                if (m_run->state() == ScriptRun::State::Finished)
                    finish();
            });
    connect(m_client, &client::SanadClient::scriptRunRecorded, this,
            [this](quint64 id, const QString &, const QString &detail) {
                if (id != m_recordRequest)
                    return;
                m_message->setStyleSheet(detail.isEmpty() ? u"color: #107c10;"_s : u"color: #8a5a00;"_s);
                m_message->setText(
                    detail.isEmpty() ? tr("Recorded in the history of case %1.").arg(DisplayText::digits(m_caseNumber))
                                     : tr("Recorded in the history of case %1, but not everything was written to the "
                                          "case: %2")
                                           .arg(DisplayText::digits(m_caseNumber), detail));
                Q_EMIT runRecorded(m_caseNumber);
            });
    connect(m_client, &client::SanadClient::requestFailed, this, [this](quint64 id, const client::ClientError &error) {
        if (id == m_codeRequest && m_run) {
            m_message->setStyleSheet(u"color: #a4262c;"_s);
            m_message->setText(tr("The code could not be sent or checked: %1 Verify with the questions "
                                  "instead.")
                                   .arg(error.serverMessage));
            return;
        }
        if (id == m_recordRequest) {
            const QString message
                = tr("The run could not be recorded: %1 Try again from a new run, or add a note to the case.")
                      .arg(error.serverMessage);
            m_message->setStyleSheet(u"color: #a4262c;"_s);
            m_message->setText(message);
            Q_EMIT recordFailed(message);
        }
    });
    connect(m_screenPop, &ScreenPop::contextChanged, this, [this] {
        if (!m_run)
            fillLibrary();
        updateVisibility();
    });
    retranslateUi();
    m_stack->setCurrentIndex(0);
    fillLibrary();
    updateVisibility();
}

ScriptPanel::~ScriptPanel() = default;

void ScriptPanel::updateVisibility()
{
    // Beside the screen-pop while a caller is on it (or a run goes on, or the agent asked for the
    // scripts with Alt+G); otherwise the screen-pop keeps the whole width. Open search results
    // take its place, so that the history beside them is not squeezed.
    setVisible(m_run || m_shownByAgent || (!m_searchOpen && m_screenPop->state() == ScreenPop::State::Known));
}

void ScriptPanel::setSearchOpen(bool open)
{
    m_searchOpen = open;
    updateVisibility();
}

QString ScriptPanel::language() const
{
    return m_languages && m_languages->language() == LanguageManager::Language::English ? u"en"_s : u"ar"_s;
}

void ScriptPanel::refreshLibrary()
{
    m_listRequest = m_client->listScripts();
}

void ScriptPanel::setQueue(const QString &queue)
{
    m_queue = queue;
    if (!m_run)
        fillLibrary();
}

void ScriptPanel::focusPanel()
{
    m_shownByAgent = true;
    updateVisibility();
    // The widget that takes this step's keys: Enter goes on from any of them.
    if (!m_run)
        m_search->setFocus(Qt::ShortcutFocusReason);
    else if (m_input->isVisibleTo(this))
        m_input->setFocus(Qt::ShortcutFocusReason);
    else if (m_choices->isVisibleTo(this))
        m_choices->setFocus(Qt::ShortcutFocusReason);
    else if (m_next->isVisibleTo(this))
        m_next->setFocus(Qt::ShortcutFocusReason);
    else
        m_close->setFocus(Qt::ShortcutFocusReason);
}

const client::CaseInfo *ScriptPanel::openCase() const
{
    for (const client::CaseInfo &c : m_screenPop->context().cases)
        if (isOpenStatus(c.status))
            return &c;
    return nullptr;
}

void ScriptPanel::fillLibrary()
{
    const client::CaseInfo *open = openCase();
    const QList<client::ScriptDocumentInfo> suggested = m_cache.suggested(open ? open->category : QString(), m_queue);
    const QString query = m_search->text().trimmed();
    QList<client::ScriptDocumentInfo> shown = query.isEmpty() ? suggested : m_cache.search(query);
    if (query.isEmpty()) {
        for (const client::ScriptDocumentInfo &d : m_cache.scripts()) {
            const bool already
                = std::any_of(shown.cbegin(), shown.cend(), [&](const auto &s) { return s.scriptId == d.scriptId; });
            if (!already)
                shown.append(d);
        }
    }
    m_list->clear();
    const bool english = language() == u"en";
    for (const client::ScriptDocumentInfo &d : shown) {
        const bool isSuggested = std::any_of(suggested.cbegin(), suggested.cend(),
                                             [&](const auto &s) { return s.scriptId == d.scriptId; });
        const QString title = english ? d.titleEn : d.titleAr;
        auto *item = new QListWidgetItem(isSuggested ? tr("★ %1 (suggested)").arg(title) : title, m_list);
        item->setData(DocumentRole, d.scriptId);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void ScriptPanel::startSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    if (const std::optional<client::ScriptDocumentInfo> d = m_cache.find(item->data(DocumentRole).toString()))
        start(*d);
}

void ScriptPanel::start(const client::ScriptDocumentInfo &document)
{
    QList<ScriptIssue> issues;
    const Script script = parseScript(document.json, &issues);
    if (!issues.isEmpty() || !validateScript(document.json).isEmpty()) {
        m_message->setText(tr("This script cannot be run: ask an administrator to publish it again."));
        return;
    }
    const client::CallerContext &caller = m_screenPop->context();
    QHash<QString, QString> context { { u"customer.name"_s, caller.customer.name },
                                      { u"customer.city"_s, caller.customer.city },
                                      { u"agent.name"_s, m_agentName } };
    if (!caller.customer.phones.isEmpty())
        context.insert(u"customer.phone"_s, DisplayText::phoneNumber(caller.customer.phones.constFirst()));
    QHash<QString, QString> record { { u"city"_s, caller.customer.city }, { u"email"_s, caller.customer.email } };
    if (caller.customer.nationalId.size() >= 4)
        record.insert(u"national_id_last4"_s, caller.customer.nationalId.right(4));
    if (!caller.customer.phones.isEmpty())
        record.insert(u"phone"_s, caller.customer.phones.constFirst());
    m_caseId.clear();
    m_caseNumber.clear();
    m_customerId = caller.customer.id;
    m_verifyStep.clear();
    if (const client::CaseInfo *open = openCase()) {
        m_caseId = open->id;
        m_caseNumber = open->number;
        context.insert(u"case.number"_s, DisplayText::digits(open->number));
        context.insert(u"case.category"_s, DisplayText::category(open->category));
        context.insert(u"case.status"_s, DisplayText::caseStatus(open->status));
        if (!open->referrals.isEmpty()) {
            const client::ReferralInfo &referral = open->referrals.constFirst();
            context.insert(u"referral.department"_s, referral.department);
            context.insert(u"referral.owner"_s, referral.owner);
            context.insert(u"referral.status"_s, DisplayText::referralStatus(referral.status));
            context.insert(u"referral.due"_s,
                           DisplayText::digits(QLocale().toString(referral.dueAt.toLocalTime(), QLocale::ShortFormat)));
        }
    }
    m_document = document;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_answers.clear();
    // Phone inputs read as the server reads numbers (its region came with the sign-in).
    m_run = std::make_unique<ScriptRun>(script, context, record, m_client->session().phoneRegion);
    m_message->clear();
    m_stack->setCurrentIndex(1);
    render();
    focusPanel();
}

void ScriptPanel::render()
{
    if (!m_run)
        return;
    const QString lang = language();
    const ScriptStep &step = m_run->current();
    m_runTitle->setText(lang == u"en" ? m_document.titleEn : m_document.titleAr);
    QString text = m_run->currentText(lang);
    if (step.kind == StepKind::Knowledge)
        text = step.title.in(lang) + u"\n\n"_s + text;
    m_choices->clear();
    m_input->clear();
    bool showChoices = false;
    bool showInput = false;
    const auto addChoice = [this](int number, const QString &label, bool checkable = false) {
        auto *item
            = new QListWidgetItem(tr("%1. %2").arg(DisplayText::digits(QString::number(number)), label), m_choices);
        if (checkable) {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    };
    switch (m_run->state()) {
    case ScriptRun::State::Finished: {
        text = tr("The script has ended: %1").arg(m_run->transcript().constLast().answer.in(lang));
        break;
    }
    case ScriptRun::State::AwaitingConfirmation:
        showChoices = true;
        addChoice(1, tr("The customer confirms the problem is solved"));
        addChoice(2, tr("The customer does not confirm"));
        break;
    case ScriptRun::State::Running:
        switch (step.kind) {
        case StepKind::Ask:
            showChoices = true;
            for (qsizetype i = 0; i < step.choices.size(); ++i)
                addChoice(int(i) + 1, step.choices.at(i).label.in(lang));
            break;
        case StepKind::Input:
            if (step.inputType == InputType::Choice) {
                showChoices = true;
                for (qsizetype i = 0; i < step.choices.size(); ++i)
                    addChoice(int(i) + 1, step.choices.at(i).label.in(lang));
            } else {
                showInput = true;
            }
            break;
        case StepKind::Checklist:
            showChoices = true;
            for (qsizetype i = 0; i < step.items.size(); ++i)
                addChoice(int(i) + 1, m_run->fill(step.items.at(i).in(lang)), true);
            break;
        case StepKind::VerifyIdentity:
            if (m_verifyStep != step.id) {
                m_verifyStep = step.id;
                m_answers.clear();
                m_verifyMode = step.methods == QList<VerifyMethod> { VerifyMethod::Questions } ? VerifyMode::Questions
                                                                                               : VerifyMode::Choose;
            }
            switch (m_verifyMode) {
            case VerifyMode::Choose: {
                showChoices = true;
                int number = 1;
                if (step.methods.contains(VerifyMethod::Questions))
                    addChoice(number++, tr("Ask the questions from the customer's record"));
                if (step.methods.contains(VerifyMethod::OneTimeCode))
                    addChoice(number++,
                              tr("Send a one-time code to the registered number (the caller may be on any "
                                 "phone)"));
                break;
            }
            case VerifyMode::Questions:
                if (m_answers.size() < step.questions.size()) {
                    showInput = true;
                    text += u"\n\n"_s + identityQuestionText(step.questions.at(m_answers.size())).in(lang);
                }
                break;
            case VerifyMode::Code:
                showInput = true;
                text += u"\n\n"_s + tr("Type the code the caller reads out from their phone.");
                break;
            }
            break;
        case StepKind::Say:
        case StepKind::Knowledge:
        case StepKind::End:
            break;
        }
        break;
    }
    m_stepText->setText(text);
    m_choices->setVisible(showChoices);
    if (showChoices && m_choices->count() > 0)
        m_choices->setCurrentRow(0);
    m_input->setVisible(showInput);
    m_cannotVerify->setVisible(m_run->state() == ScriptRun::State::Running && step.kind == StepKind::VerifyIdentity);
    m_back->setEnabled(m_run->canGoBack());
    m_next->setVisible(m_run->state() != ScriptRun::State::Finished);
    m_close->setVisible(m_run->state() == ScriptRun::State::Finished);
    if (m_run->state() != ScriptRun::State::Finished)
        focusPanel();
}

void ScriptPanel::showRefusal(const std::optional<LocalText> &message)
{
    m_message->setStyleSheet(u"color: #a4262c;"_s);
    m_message->setText(message ? message->in(language()) : QString());
}

void ScriptPanel::goOn()
{
    if (!m_run)
        return;
    const ScriptStep &step = m_run->current();
    std::optional<ScriptRun::Refusal> refused;
    switch (m_run->state()) {
    case ScriptRun::State::Finished:
        closeRun();
        return;
    case ScriptRun::State::AwaitingConfirmation:
        refused = m_run->confirmResolution(m_choices->currentRow() == 0);
        break;
    case ScriptRun::State::Running:
        switch (step.kind) {
        case StepKind::Say:
        case StepKind::Knowledge:
            refused = m_run->proceed();
            break;
        case StepKind::Ask:
            refused = m_run->choose(m_choices->currentRow());
            break;
        case StepKind::Input:
            refused = m_run->enter(step.inputType == InputType::Choice ? QString::number(m_choices->currentRow() + 1)
                                                                       : m_input->text());
            break;
        case StepKind::Checklist: {
            QList<bool> ticked;
            for (int i = 0; i < m_choices->count(); ++i)
                ticked.append(m_choices->item(i)->checkState() == Qt::Checked);
            refused = m_run->check(ticked);
            break;
        }
        case StepKind::VerifyIdentity:
            if (m_verifyMode == VerifyMode::Choose) {
                verifyChoice(m_choices->currentRow());
                return;
            }
            if (m_verifyMode == VerifyMode::Code) {
                if (!m_input->text().trimmed().isEmpty())
                    m_codeRequest = m_client->checkIdentityCode(m_customerId, m_input->text());
                return;
            }
            if (m_input->isVisibleTo(this)) {
                if (m_input->text().trimmed().isEmpty())
                    return;
                m_answers.append(m_input->text());
                if (m_answers.size() < step.questions.size()) {
                    render();
                    return;
                }
                refused = m_run->answerIdentityQuestions(m_answers);
                m_answers.clear();
            }
            break;
        case StepKind::End:
            break;
        }
        break;
    }
    showRefusal(refused ? std::optional<LocalText>(refused->message) : std::nullopt);
    render();
    if (m_run->state() == ScriptRun::State::Finished)
        finish();
}

void ScriptPanel::verifyChoice(int row)
{
    const ScriptStep &step = m_run->current();
    const bool questions = step.methods.contains(VerifyMethod::Questions);
    if (questions && row == 0) {
        m_verifyMode = VerifyMode::Questions;
        render();
        return;
    }
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Sending the code to the registered number…"));
    m_codeRequest = m_client->sendIdentityCode(m_customerId);
}

void ScriptPanel::choose(int number)
{
    if (!m_run || !m_choices->isVisibleTo(this) || number > m_choices->count())
        return;
    m_choices->setCurrentRow(number - 1);
    if (m_run->state() == ScriptRun::State::Running && m_run->current().kind == StepKind::Checklist) {
        QListWidgetItem *item = m_choices->item(number - 1);
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        return;
    }
    goOn();
}

void ScriptPanel::goBack()
{
    if (!m_run || !m_run->back())
        return;
    m_answers.clear();
    m_verifyStep.clear();
    showRefusal(std::nullopt);
    render();
}

void ScriptPanel::cannotVerify()
{
    if (!m_run)
        return;
    m_answers.clear();
    const auto refused = m_run->verificationFailed();
    showRefusal(refused ? std::optional<LocalText>(refused->message) : std::nullopt);
    render();
    if (m_run->state() == ScriptRun::State::Finished)
        finish();
}

void ScriptPanel::finish()
{
    m_close->setFocus(Qt::OtherFocusReason);
    if (m_caseId.isEmpty()) {
        m_message->setText(tr("This caller has no open case, so the run is not recorded: open a case first next "
                              "time."));
        return;
    }
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Recording the run in the case history…"));
    m_recordRequest
        = m_client->recordScriptRun(client::scriptRunRecord(*m_run, m_caseId, m_document.version, m_startedAt));
}

void ScriptPanel::closeRun()
{
    m_run.reset();
    m_message->clear();
    m_stack->setCurrentIndex(0);
    fillLibrary();
    updateVisibility();
    if (isVisible())
        m_search->setFocus(Qt::OtherFocusReason);
}

bool ScriptPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (watched == m_search) {
            if (enter) {
                startSelected();
                return true;
            }
            if (key->key() == Qt::Key_Down) {
                m_list->setFocus(Qt::OtherFocusReason);
                return true;
            }
        } else if (watched == m_list && enter) {
            startSelected();
            return true;
        } else if (watched == m_choices) {
            if (const int number = choiceKey(key)) {
                choose(number);
                return true;
            }
            if (enter) {
                goOn();
                return true;
            }
        } else if ((watched == m_input || watched == m_next) && enter) {
            goOn();
            return true;
        } else if (watched == m_close && enter) {
            closeRun();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ScriptPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fillLibrary();
        render();
    }
    QWidget::changeEvent(event);
}

void ScriptPanel::retranslateUi()
{
    m_libraryTitle->setText(tr("Guided scripts"));
    m_search->setPlaceholderText(tr("Search scripts"));
    m_search->setAccessibleName(tr("Search scripts"));
    m_list->setAccessibleName(tr("Scripts, suggested first"));
    m_choices->setAccessibleName(tr("Answers: press 1 to 9 to choose"));
    m_input->setAccessibleName(tr("Answer"));
    m_back->setText(tr("Back"));
    m_next->setText(tr("Go on"));
    m_cannotVerify->setText(tr("Cannot verify"));
    m_close->setText(tr("Close"));
}

} // namespace sanad::ui
