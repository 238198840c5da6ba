#pragma once

#include "core/script.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace sanad {

class Clock;

// Sends an identity one-time code to a customer's registered number. Pluggable: the server's
// development sender writes to a log file, a production one talks to an SMS gateway. The code
// goes to the number on record, so the caller may be calling from any phone: Sanad never asks a
// caller to "call back from your registered number".
class OneTimeCodeSender
{
public:
    virtual ~OneTimeCodeSender() = default;
    // Returns an English reason when the code could not be sent; nullopt when it was.
    virtual std::optional<QString> send(const QString &e164, const QString &code) = 0;
};

// One line of a run's transcript. Texts carry both languages, so the next agent reads the
// transcript in the language of their desktop, whichever language this run was in.
struct TranscriptEntry
{
    enum class Action {
        Shown,
        Answered,
        Entered,
        Checked,
        Verified,
        NotVerified,
        CodeSent,
        Back,
        Confirmed,
        NotConfirmed,
        Ended
    };
    QDateTime at;
    QString stepId;
    Action action = Action::Shown;
    LocalText text; // the step's text as shown (variables filled in)
    LocalText answer; // the choice, value, ticked items, ... (empty for Shown and Back)
    QString value; // machine value: choice key, normalised input, outcome name
};

QString transcriptActionName(TranscriptEntry::Action action);

// Follows one script for one contact. Not thread-safe; lives on the thread that drives it (the
// desktop's GUI thread, or a test). The script is copied: a run keeps the version it started
// with even when a newer one is published meanwhile.
class ScriptRun
{
public:
    enum class State { Running, AwaitingConfirmation, Finished };

    // A bilingual refusal of an answer, shown beside the field.
    struct Refusal
    {
        LocalText message;
    };

    // context: {customer.name}, {case.number}, {referral.due}, ... as strings to show. record:
    // the customer's record for identity questions (keys of knownIdentityQuestions()), plus
    // "phone" (the registered E.164 number) for one-time codes. region: for phone inputs.
    ScriptRun(Script script, QHash<QString, QString> context, QHash<QString, QString> record = {},
              QString region = QStringLiteral("OM"), Clock *clock = nullptr);

    const Script &script() const { return m_script; }
    const ScriptStep &current() const;
    State state() const { return m_state; }
    bool canGoBack() const { return !m_history.isEmpty() && m_state != State::Finished; }

    // The current step's text with variables filled in, in "ar" or "en".
    QString currentText(QStringView language) const;
    LocalText currentLocalText() const;
    QString fill(const QString &text) const;

    // Say, Knowledge: go on.
    std::optional<Refusal> proceed();
    // Ask: choose choices[index] (0-based; the desktop maps key 1 to index 0).
    std::optional<Refusal> choose(int index);
    // Input: the typed text; validated, normalised (Arabic-Indic digits accepted) and kept.
    std::optional<Refusal> enter(const QString &input);
    // Checklist: which items were done; all must be ticked before going on.
    std::optional<Refusal> check(const QList<bool> &ticked);
    // VerifyIdentity by questions: the caller's answers, one per step.questions, compared with
    // the record (spelling and digits folded). All right → next; else the step's "failed" target.
    std::optional<Refusal> answerIdentityQuestions(const QStringList &answers);
    // VerifyIdentity by one-time code: send a fresh code to the registered number, then check it.
    std::optional<Refusal> sendOneTimeCode(OneTimeCodeSender &sender);
    std::optional<Refusal> enterOneTimeCode(const QString &code);
    // VerifyIdentity by a code the server generated, sent and checked (ScriptService), so that the
    // code never passes through the desktop: the same transcript lines as the codes above.
    std::optional<Refusal> codeSentByServer(const QString &maskedNumber);
    // verified → next; not verified with attempts left → a refusal (try again); none left → failed.
    std::optional<Refusal> codeCheckedByServer(bool verified, int attemptsLeft);
    // VerifyIdentity: the agent could not verify the caller → the step's "failed" target.
    std::optional<Refusal> verificationFailed();
    // End with outcome resolved: the customer confirmed (finished resolved) or did not (the step's
    // not_confirmed target, or finished not resolved).
    std::optional<Refusal> confirmResolution(bool confirmed);
    // One step back; kept in the transcript, and the answer given at the step left is dropped.
    bool back();

    bool identityVerified() const { return m_verified; }
    // Finished: the end step's outcome (Resolved only when confirmed).
    const ScriptOutcome &outcome() const { return m_outcome; }
    bool customerConfirmed() const { return m_confirmed; }
    // What the run collected: field → normalised value ("location", "category", "callback_at" ...).
    const QHash<QString, QString> &fields() const { return m_fields; }
    const QList<TranscriptEntry> &transcript() const { return m_transcript; }
    // The step ids the run passed through, in order, without the ones left with back().
    QStringList path() const;

    // The transcript as stored on the case: a JSON array of entries with both languages.
    QJsonArray transcriptJson() const;
    static QList<TranscriptEntry> transcriptFromJson(const QJsonArray &json);
    // Readable text, one line per entry, in "ar" or "en" (times in UTC, HH:mm:ss).
    static QString transcriptText(const QList<TranscriptEntry> &entries, QStringView language);

private:
    void enterStep(const QString &id, bool record = true);
    void record(TranscriptEntry::Action action, LocalText answer = {}, QString value = {});
    void finish(const ScriptOutcome &outcome);
    void goTo(const QString &id);
    std::optional<Refusal> wrongKind(StepKind expected) const;
    std::optional<Refusal> validate(const ScriptStep &step, const QString &input, QString *value,
                                    LocalText *shown) const;
    QDateTime now() const;

    Script m_script;
    QHash<QString, QString> m_context;
    QHash<QString, QString> m_record;
    QString m_region;
    Clock *m_clock;
    QString m_current;
    QStringList m_history; // steps before the current one, for back()
    QHash<QString, QString> m_fieldSetBy; // field → the step that set it
    QHash<QString, QString> m_fields;
    QList<TranscriptEntry> m_transcript;
    State m_state = State::Running;
    ScriptOutcome m_outcome;
    bool m_confirmed = false;
    bool m_verified = false;
    QString m_verifiedAt;
    QString m_pendingCode;
    int m_codeAttempts = 0;
};

} // namespace sanad
