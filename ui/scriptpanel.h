#pragma once

#include "client/scriptcache.h"
#include "client/types.h"
#include "core/script.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace sanad {
class ScriptRun;
}

namespace sanad::client {
class SanadClient;
}

namespace sanad::ui {

class LanguageManager;
class ScreenPop;

// The guided-script panel beside the screen-pop (docs/scripts.md), shown while a caller is on the
// screen-pop, a run goes on, or the agent asked for it (Alt+G). Keyboard first:
// - the library: scripts suggested for the caller (the open case's category, then the queue)
//   come first, the search box filters (Arabic-aware); Enter starts the chosen script;
// - a run: number keys 1–9 (Arabic-Indic digits too) choose an answer or tick a checklist item,
//   Enter goes on, Alt+Left goes back one step (kept in the transcript).
// What the run collects and its transcript are recorded on the caller's open case when it ends
// (SanadClient::recordScriptRun), and the history shows it to the next agent.
class ScriptPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptPanel)

public:
    ScriptPanel(client::SanadClient *client, ScreenPop *screenPop, LanguageManager *languages,
                QWidget *parent = nullptr);
    ~ScriptPanel() override;

    // Asks the server for the current scripts (the cache answers until it does).
    void refreshLibrary();
    void setAgentName(const QString &name) { m_agentName = name; }
    void setQueue(const QString &queue);
    // Focus to the search box (no run) or to the run's answer.
    void focusPanel();
    bool isRunning() const { return m_run != nullptr; }
    // While the agent's search results are open the panel makes room for them, unless a run goes
    // on or the agent asked for it.
    void setSearchOpen(bool open);

Q_SIGNALS:
    // The run was stored on the case (or failed: message says why, in the UI's language).
    void runRecorded(const QString &caseNumber);
    void recordFailed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString language() const;
    void retranslateUi();
    void fillLibrary();
    void startSelected();
    void start(const client::ScriptDocumentInfo &document);
    void render();
    void goOn();
    void choose(int index);
    void goBack();
    void cannotVerify();
    void showRefusal(const std::optional<LocalText> &message);
    void finish();
    void closeRun();
    void updateVisibility();
    const client::CaseInfo *openCase() const;

    client::SanadClient *m_client;
    ScreenPop *m_screenPop;
    LanguageManager *m_languages;
    client::ScriptCache m_cache;
    QString m_agentName;
    QString m_queue;
    bool m_shownByAgent = false;
    bool m_searchOpen = false;
    quint64 m_listRequest = 0;
    quint64 m_recordRequest = 0;

    std::unique_ptr<ScriptRun> m_run;
    client::ScriptDocumentInfo m_document;
    QString m_caseId;
    QString m_caseNumber;
    QDateTime m_startedAt;
    QStringList m_answers; // identity answers given so far
    // A verify-identity step: choosing the method, asking the record's questions, or waiting for
    // the one-time code the caller reads out.
    enum class VerifyMode { Choose, Questions, Code };
    VerifyMode m_verifyMode = VerifyMode::Choose;
    QString m_verifyStep;
    QString m_customerId;
    quint64 m_codeRequest = 0;
    void verifyChoice(int row);

    QStackedWidget *m_stack;
    QLabel *m_libraryTitle;
    QLineEdit *m_search;
    QListWidget *m_list;
    QLabel *m_runTitle;
    QLabel *m_stepText;
    QListWidget *m_choices;
    QLineEdit *m_input;
    QLabel *m_message;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_cannotVerify;
    QPushButton *m_close;
};

} // namespace sanad::ui
