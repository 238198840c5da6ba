#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace sanad {

// A guided script: a decision tree an agent follows on a call, read from the JSON format of
// docs/scripts.md. Every text the agent or the caller sees carries Arabic and English, so a
// transcript can be read in either language whichever language the agent worked in.

// Arabic and English of one text. The UI picks one; transcripts keep both.
struct LocalText
{
    QString ar;
    QString en;
    // "ar" or "en"; anything else reads as Arabic, the product's first language.
    QString in(QStringView language) const { return language == u"en" ? en : ar; }
    bool isEmpty() const { return ar.isEmpty() && en.isEmpty(); }
    bool operator==(const LocalText &) const = default;
};

enum class StepKind { Say, Ask, Input, Checklist, Knowledge, VerifyIdentity, End };

enum class InputType { Text, Number, Phone, Date, Choice, Location };

// How an end step leaves the case. Names are stored and sent over the API (scriptOutcomeName).
enum class OutcomeType {
    None,
    Resolved, // only with the customer's confirmation (PRODUCT.md); asked for by the run
    Referred, // to a department with an SLA
    CallbackScheduled,
    Transferred,
    NotResolved, // with a reason
};

enum class VerifyMethod {
    Questions, // knowledge questions answered from the customer's record
    OneTimeCode, // a code sent to the registered number; the caller may call from any number
};

struct ScriptChoice
{
    QString value; // stable key stored in the transcript and in the collected fields
    LocalText label;
    QString next; // ask choices lead to a step; input choices do not
};

struct ScriptOutcome
{
    OutcomeType type = OutcomeType::None;
    QString department; // Referred: the department's key text (as on referrals)
    LocalText departmentLabel;
    int slaHours = 0; // Referred: the due time is the referral's start plus this
    int callbackWithinHours = 0; // CallbackScheduled: default time from now when no field gives one
    QString queue; // Transferred: the queue the contact goes to
    LocalText reason; // NotResolved
};

struct ScriptStep
{
    QString id;
    StepKind kind = StepKind::Say;
    LocalText title; // optional for every kind except knowledge
    LocalText text; // what the agent reads, says or asks; may hold {variables}
    QString next; // every kind except ask and end
    // Ask
    QList<ScriptChoice> choices;
    // Input
    InputType inputType = InputType::Text;
    // Input (and optionally Ask, which stores the chosen value): the collected field's name
    // ("location", "category", "callback_at", ...), also readable as {input.NAME}
    QString field;
    bool required = true;
    double minimum = 0; // Number: bounds when hasRange
    double maximum = 0;
    bool hasRange = false;
    // Checklist: every item is ticked or explicitly skipped before going on
    QList<LocalText> items;
    // VerifyIdentity
    QList<VerifyMethod> methods;
    QStringList questions; // customer record keys: "national_id_last4", "date_of_birth", "city", ...
    QString failed; // where an unverified caller goes
    // End
    ScriptOutcome outcome;
    QString notConfirmed; // Resolved: where the run goes when the customer does not confirm (optional)
};

struct Script
{
    static constexpr int FormatVersion = 1;

    QString id; // "water.supply_cut"
    int version = 1; // the author's revision; the server numbers published versions itself
    LocalText title;
    LocalText description;
    QString category; // the case category the script is for (core/category.h key); suggests it
    QStringList queues; // queues whose calls it is suggested for
    QStringList keywords; // extra search words
    QString start;
    QList<ScriptStep> steps;

    const ScriptStep *step(QStringView id) const;
    int indexOf(QStringView id) const;
};

// One problem in a script file, for `file:step id: what is wrong and how to fix it`.
struct ScriptIssue
{
    QString stepId; // empty for a problem with the file or the script as a whole
    QString message;
    QString format(const QString &file) const;
};

// Reads the JSON format. Never fails silently: every problem it meets is in issues, and a
// script with issues must not be run (validateScript adds the checks of the whole tree).
Script parseScript(const QByteArray &json, QList<ScriptIssue> *issues);

// Everything wrong with a script: parsing problems, unknown step targets, unreachable steps,
// loops with no way out, missing Arabic or English texts, unknown variables, end steps without
// an outcome. Empty when the script can be published.
QList<ScriptIssue> validateScript(const QByteArray &json);

// The variables a script text may use besides {input.FIELD} of its own input steps.
const QStringList &knownScriptVariables();
// The customer record keys a verify-identity step may ask about.
const QStringList &knownIdentityQuestions();
// The question an agent asks for a record key, in both languages.
LocalText identityQuestionText(QStringView key);

QString stepKindName(StepKind kind);
QString inputTypeName(InputType type);
QString scriptOutcomeName(OutcomeType type); // "resolved", "referred", "callback_scheduled", ...
OutcomeType scriptOutcomeFromName(QStringView name);

// {name} placeholders replaced from values; an unknown or empty value becomes "—" so that a
// missing detail is visible instead of silently dropped.
QString substituteVariables(const QString &text, const QHash<QString, QString> &values);
// The {names} a text uses.
QStringList variablesIn(const QString &text);

} // namespace sanad
