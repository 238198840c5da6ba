#include "core/script.h"

#include "core/category.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace sanad {

using namespace Qt::StringLiterals;

namespace {

// A value of a script enum and its name in the file format.
template<typename E> struct Named
{
    E value;
    QStringView name;
};

constexpr Named<StepKind> kindNames[] = {
    { StepKind::Say, u"say" },
    { StepKind::Ask, u"ask" },
    { StepKind::Input, u"input" },
    { StepKind::Checklist, u"checklist" },
    { StepKind::Knowledge, u"knowledge" },
    { StepKind::VerifyIdentity, u"verify_identity" },
    { StepKind::End, u"end" },
};

constexpr Named<InputType> inputNames[] = {
    { InputType::Text, u"text" }, { InputType::Number, u"number" }, { InputType::Phone, u"phone" },
    { InputType::Date, u"date" }, { InputType::Choice, u"choice" }, { InputType::Location, u"location" },
};

constexpr Named<OutcomeType> outcomeNames[] = {
    { OutcomeType::Resolved, u"resolved" },
    { OutcomeType::Referred, u"referred" },
    { OutcomeType::CallbackScheduled, u"callback_scheduled" },
    { OutcomeType::Transferred, u"transferred" },
    { OutcomeType::NotResolved, u"not_resolved" },
};

template<typename E, std::size_t N> QString nameOf(const Named<E> (&table)[N], E value)
{
    for (const Named<E> &entry : table)
        if (entry.value == value)
            return entry.name.toString();
    return {};
}

template<typename E, std::size_t N> std::optional<E> valueOf(const Named<E> (&table)[N], QStringView name)
{
    for (const Named<E> &entry : table)
        if (entry.name == name)
            return entry.value;
    return std::nullopt;
}

const QRegularExpression &variablePattern()
{
    static const QRegularExpression re(u"\\{([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*)\\}"_s);
    return re;
}

const QRegularExpression &idPattern()
{
    static const QRegularExpression re(u"^[a-z0-9_][a-z0-9_.-]*$"_s);
    return re;
}

// Parses one script, collecting every problem instead of stopping at the first, so that an
// author fixes a file in one pass.
class Parser
{
public:
    explicit Parser(QList<ScriptIssue> *issues)
        : m_issues(issues)
    { }

    Script parse(const QByteArray &json)
    {
        Script script;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError) {
            add(QString(),
                u"not valid JSON at line %1: %2; check commas, quotes and brackets there"_s
                    .arg(lineOf(json, error.offset))
                    .arg(error.errorString()));
            return script;
        }
        if (!doc.isObject()) {
            add(QString(),
                u"the file holds no script object: write { \"format\": 1, \"id\": ..., \"steps\": [...] }"_s);
            return script;
        }
        const QJsonObject root = doc.object();
        const int format = root.value("format"_L1).toInt(0);
        if (format != Script::FormatVersion)
            add(QString(),
                u"\"format\" is %1 but this Sanad reads format %2: write \"format\": %2"_s
                    .arg(root.value("format"_L1).toVariant().toString().isEmpty()
                             ? u"missing"_s
                             : root.value("format"_L1).toVariant().toString())
                    .arg(Script::FormatVersion));
        script.id = root.value("id"_L1).toString();
        if (script.id.isEmpty() || !idPattern().match(script.id).hasMatch())
            add(QString(),
                u"\"id\" \"%1\" is missing or not a key: use lowercase letters, digits, '.', '_' and '-', "
                "such as \"water.supply_cut\""_s.arg(script.id));
        script.version = root.value("version"_L1).toInt(1);
        if (script.version < 1)
            add(QString(), u"\"version\" must be a whole number from 1"_s);
        script.title = text(root, "title"_L1, QString(), true);
        script.description = text(root, "description"_L1, QString(), false);
        script.category = root.value("category"_L1).toString();
        if (!script.category.isEmpty() && !findCategory(script.category))
            add(QString(),
                u"\"category\" \"%1\" is not a case category: use one of %2"_s.arg(script.category,
                                                                                   categoryKeys().join(u", ")));
        script.queues = strings(root.value("queues"_L1));
        script.keywords = strings(root.value("keywords"_L1));
        script.start = root.value("start"_L1).toString();
        const QJsonArray steps = root.value("steps"_L1).toArray();
        if (steps.isEmpty())
            add(QString(), u"the script has no \"steps\": add a list of steps with at least one end step"_s);
        if (script.start.isEmpty() && !steps.isEmpty())
            add(QString(), u"\"start\" is missing: name the first step's id"_s);
        QSet<QString> seen;
        for (qsizetype i = 0; i < steps.size(); ++i) {
            ScriptStep step = parseStep(steps.at(i).toObject(), i);
            if (step.id.isEmpty())
                continue;
            if (seen.contains(step.id)) {
                add(step.id, u"two steps have this id: give each step its own id"_s);
                continue;
            }
            seen.insert(step.id);
            script.steps.append(step);
        }
        if (!script.start.isEmpty() && !steps.isEmpty() && !seen.contains(script.start))
            add(QString(),
                u"\"start\" names \"%1\", which is no step: use the id of the first step"_s.arg(script.start));
        return script;
    }

private:
    void add(const QString &stepId, const QString &message) { m_issues->append({ stepId, message }); }

    static int lineOf(const QByteArray &json, int offset) { return int(json.left(offset).count('\n')) + 1; }

    static QStringList categoryKeys()
    {
        QStringList keys;
        for (const Category &c : categories())
            keys.append(QString::fromLatin1(c.key));
        return keys;
    }

    static QStringList strings(const QJsonValue &value)
    {
        QStringList out;
        for (const QJsonValue &v : value.toArray())
            if (!v.toString().isEmpty())
                out.append(v.toString());
        return out;
    }

    LocalText text(const QJsonObject &object, QLatin1StringView key, const QString &stepId, bool required)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                add(stepId, u"\"%1\" is missing: write { \"ar\": \"...\", \"en\": \"...\" }"_s.arg(key));
            return {};
        }
        if (!value.isObject()) {
            add(stepId,
                u"\"%1\" must be { \"ar\": \"...\", \"en\": \"...\" }, not a single string, so both "
                "languages read it"_s.arg(key));
            return {};
        }
        LocalText t { value.toObject().value("ar"_L1).toString().trimmed(),
                      value.toObject().value("en"_L1).toString().trimmed() };
        if (t.ar.isEmpty())
            add(stepId, u"\"%1\" has no Arabic text: add \"ar\""_s.arg(key));
        if (t.en.isEmpty())
            add(stepId, u"\"%1\" has no English text: add \"en\""_s.arg(key));
        return t;
    }

    ScriptStep parseStep(const QJsonObject &o, qsizetype index)
    {
        ScriptStep step;
        step.id = o.value("id"_L1).toString();
        if (step.id.isEmpty()) {
            add(u"#%1"_s.arg(index + 1), u"the step has no \"id\": give it a short unique id such as \"ask_area\""_s);
            return step;
        }
        if (!idPattern().match(step.id).hasMatch())
            add(step.id, u"the id is not a key: use lowercase letters, digits, '.', '_' and '-'"_s);
        const QString kind = o.value("kind"_L1).toString();
        const std::optional<StepKind> known = valueOf(kindNames, kind);
        if (!known) {
            add(step.id,
                u"unknown \"kind\" \"%1\": use say, ask, input, checklist, knowledge, verify_identity or "
                "end"_s.arg(kind));
            return step;
        }
        step.kind = *known;
        step.title = text(o, "title"_L1, step.id, step.kind == StepKind::Knowledge);
        step.text = text(o, "text"_L1, step.id, true);
        step.next = o.value("next"_L1).toString();
        step.field = o.value("field"_L1).toString();
        step.required = o.value("required"_L1).toBool(true);
        switch (step.kind) {
        case StepKind::Say:
        case StepKind::Knowledge:
            break;
        case StepKind::Ask:
            step.choices = choices(o, step.id, true);
            if (step.choices.isEmpty())
                add(step.id, u"an ask step needs \"choices\": a list of { \"value\", \"label\", \"next\" }"_s);
            break;
        case StepKind::Input: {
            const QString type = o.value("type"_L1).toString();
            const std::optional<InputType> knownType = valueOf(inputNames, type);
            if (knownType)
                step.inputType = *knownType;
            else
                add(step.id,
                    u"unknown input \"type\" \"%1\": use text, number, phone, date, choice or location"_s.arg(type));
            if (step.field.isEmpty())
                add(step.id,
                    u"an input step needs \"field\": the name the answer is kept under, such as "
                    "\"location\""_s);
            if (o.contains("min"_L1) || o.contains("max"_L1)) {
                step.hasRange = true;
                step.minimum = o.value("min"_L1).toDouble(std::numeric_limits<double>::lowest());
                step.maximum = o.value("max"_L1).toDouble(std::numeric_limits<double>::max());
            }
            if (step.inputType == InputType::Choice) {
                step.choices = choices(o, step.id, false);
                if (step.choices.isEmpty())
                    add(step.id, u"a choice input needs \"choices\": a list of { \"value\", \"label\" }"_s);
            }
            break;
        }
        case StepKind::Checklist:
            for (const QJsonValue &item : o.value("items"_L1).toArray()) {
                const QJsonObject wrapper { { u"item"_s, item } };
                step.items.append(text(wrapper, "item"_L1, step.id, true));
            }
            if (step.items.isEmpty())
                add(step.id, u"a checklist needs \"items\": a list of { \"ar\", \"en\" }"_s);
            break;
        case StepKind::VerifyIdentity:
            for (const QJsonValue &m : o.value("methods"_L1).toArray()) {
                if (m.toString() == "questions"_L1)
                    step.methods.append(VerifyMethod::Questions);
                else if (m.toString() == "one_time_code"_L1)
                    step.methods.append(VerifyMethod::OneTimeCode);
                else
                    add(step.id,
                        u"unknown method \"%1\": use \"questions\" or \"one_time_code\" (never ask the "
                        "caller to call back from their registered number)"_s.arg(m.toString()));
            }
            if (step.methods.isEmpty())
                add(step.id, u"a verify_identity step needs \"methods\": \"questions\", \"one_time_code\" or both"_s);
            step.questions = strings(o.value("questions"_L1));
            for (const QString &q : std::as_const(step.questions))
                if (!knownIdentityQuestions().contains(q))
                    add(step.id,
                        u"unknown identity question \"%1\": use %2"_s.arg(q, knownIdentityQuestions().join(u", ")));
            if (step.methods.contains(VerifyMethod::Questions) && step.questions.isEmpty())
                add(step.id,
                    u"the \"questions\" method needs \"questions\": record keys such as \"national_id_last4\""_s);
            step.failed = o.value("failed"_L1).toString();
            if (step.failed.isEmpty())
                add(step.id,
                    u"a verify_identity step needs \"failed\": the step for a caller who cannot be "
                    "verified"_s);
            break;
        case StepKind::End:
            parseOutcome(o, step);
            break;
        }
        if (step.kind != StepKind::Ask && step.kind != StepKind::End && step.next.isEmpty())
            add(step.id, u"\"next\" is missing: name the step that follows, or make this an end step"_s);
        return step;
    }

    QList<ScriptChoice> choices(const QJsonObject &o, const QString &stepId, bool withTargets)
    {
        QList<ScriptChoice> out;
        QSet<QString> values;
        const QJsonArray list = o.value("choices"_L1).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject c = list.at(i).toObject();
            ScriptChoice choice;
            choice.value = c.value("value"_L1).toString();
            if (choice.value.isEmpty())
                add(stepId, u"choice %1 has no \"value\": give it a short key such as \"yes\""_s.arg(i + 1));
            else if (values.contains(choice.value))
                add(stepId, u"two choices have the value \"%1\": give each its own"_s.arg(choice.value));
            values.insert(choice.value);
            choice.label = text(c, "label"_L1, stepId, true);
            choice.next = c.value("next"_L1).toString();
            if (withTargets && choice.next.isEmpty())
                add(stepId, u"choice \"%1\" has no \"next\": name the step it leads to"_s.arg(choice.value));
            out.append(choice);
        }
        if (list.size() > 9)
            add(stepId, u"more than 9 choices: agents pick with the keys 1 to 9, so split the question"_s);
        return out;
    }

    void parseOutcome(const QJsonObject &o, ScriptStep &step)
    {
        const QJsonObject outcome = o.value("outcome"_L1).toObject();
        if (outcome.isEmpty()) {
            add(step.id,
                u"the end step has no \"outcome\": add { \"type\": \"resolved\" } or referred, "
                "callback_scheduled, transferred, not_resolved"_s);
            return;
        }
        const QString type = outcome.value("type"_L1).toString();
        step.outcome.type = scriptOutcomeFromName(type);
        switch (step.outcome.type) {
        case OutcomeType::None:
            add(step.id,
                u"unknown outcome \"type\" \"%1\": use resolved, referred, callback_scheduled, transferred or "
                "not_resolved"_s.arg(type));
            break;
        case OutcomeType::Resolved:
            step.notConfirmed = outcome.value("not_confirmed"_L1).toString();
            break;
        case OutcomeType::Referred:
            step.outcome.department = outcome.value("department"_L1).toString();
            step.outcome.departmentLabel = text(outcome, "department_label"_L1, step.id, false);
            step.outcome.slaHours = outcome.value("sla_hours"_L1).toInt(0);
            if (step.outcome.department.isEmpty())
                add(step.id, u"a referred outcome needs \"department\", such as \"Municipal lighting\""_s);
            if (step.outcome.slaHours <= 0)
                add(step.id, u"a referred outcome needs \"sla_hours\" above 0: the hours the department has"_s);
            break;
        case OutcomeType::CallbackScheduled:
            step.outcome.callbackWithinHours = outcome.value("within_hours"_L1).toInt(0);
            if (step.outcome.callbackWithinHours <= 0)
                add(step.id, u"a callback_scheduled outcome needs \"within_hours\" above 0"_s);
            break;
        case OutcomeType::Transferred:
            step.outcome.queue = outcome.value("queue"_L1).toString();
            if (step.outcome.queue.isEmpty())
                add(step.id, u"a transferred outcome needs \"queue\": the queue the call goes to"_s);
            break;
        case OutcomeType::NotResolved:
            step.outcome.reason = text(outcome, "reason"_L1, step.id, true);
            break;
        }
    }

    QList<ScriptIssue> *m_issues;
};

QStringList targetsOf(const ScriptStep &step)
{
    QStringList out;
    if (!step.next.isEmpty())
        out.append(step.next);
    if (step.kind == StepKind::Ask)
        for (const ScriptChoice &c : step.choices)
            if (!c.next.isEmpty())
                out.append(c.next);
    if (!step.failed.isEmpty())
        out.append(step.failed);
    if (!step.notConfirmed.isEmpty())
        out.append(step.notConfirmed);
    return out;
}

QList<const LocalText *> textsOf(const Script &script, const ScriptStep &step)
{
    Q_UNUSED(script);
    QList<const LocalText *> out { &step.title, &step.text };
    for (const ScriptChoice &c : step.choices)
        out.append(&c.label);
    for (const LocalText &item : step.items)
        out.append(&item);
    return out;
}

} // namespace

const ScriptStep *Script::step(QStringView stepId) const
{
    const int i = indexOf(stepId);
    return i < 0 ? nullptr : &steps.at(i);
}

int Script::indexOf(QStringView stepId) const
{
    for (qsizetype i = 0; i < steps.size(); ++i)
        if (steps.at(i).id == stepId)
            return int(i);
    return -1;
}

QString ScriptIssue::format(const QString &file) const
{
    return stepId.isEmpty() ? u"%1: %2"_s.arg(file, message) : u"%1:%2: %3"_s.arg(file, stepId, message);
}

Script parseScript(const QByteArray &json, QList<ScriptIssue> *issues)
{
    QList<ScriptIssue> local;
    return Parser(issues ? issues : &local).parse(json);
}

QList<ScriptIssue> validateScript(const QByteArray &json)
{
    QList<ScriptIssue> issues;
    const Script script = parseScript(json, &issues);
    if (script.steps.isEmpty())
        return issues;

    // Targets that name no step.
    for (const ScriptStep &step : script.steps)
        for (const QString &target : targetsOf(step))
            if (!script.step(target))
                issues.append(
                    { step.id, u"goes to \"%1\", which is no step: fix the id or add that step"_s.arg(target) });

    // Unreachable steps: walked forward from the start.
    QSet<QString> reached;
    QStringList todo;
    if (script.step(script.start))
        todo.append(script.start);
    while (!todo.isEmpty()) {
        const QString id = todo.takeLast();
        if (reached.contains(id))
            continue;
        reached.insert(id);
        if (const ScriptStep *s = script.step(id))
            todo.append(targetsOf(*s));
    }
    bool hasEnd = false;
    for (const ScriptStep &step : script.steps) {
        hasEnd = hasEnd || step.kind == StepKind::End;
        if (!reached.contains(step.id))
            issues.append(
                { step.id, u"no step leads here from \"%1\": link it from a step or remove it"_s.arg(script.start) });
    }
    if (!hasEnd)
        issues.append({ QString(), u"the script has no end step: add a step with \"kind\": \"end\" and an outcome"_s });

    // Loops with no way out: reachable steps from which no end step can be reached.
    QSet<QString> canEnd;
    for (const ScriptStep &step : script.steps)
        if (step.kind == StepKind::End)
            canEnd.insert(step.id);
    for (bool grew = true; grew;) {
        grew = false;
        for (const ScriptStep &step : script.steps) {
            if (canEnd.contains(step.id))
                continue;
            for (const QString &target : targetsOf(step)) {
                if (canEnd.contains(target)) {
                    canEnd.insert(step.id);
                    grew = true;
                    break;
                }
            }
        }
    }
    for (const ScriptStep &step : script.steps)
        if (hasEnd && reached.contains(step.id) && !canEnd.contains(step.id))
            issues.append({ step.id,
                            u"a loop with no way out: no end step can be reached from here; give one of "
                            "its steps a choice that leads to an end step"_s });

    // Variables: the known ones and {input.FIELD} of the script's own input or ask steps.
    QSet<QString> fields;
    for (const ScriptStep &step : script.steps)
        if (!step.field.isEmpty())
            fields.insert(step.field);
    for (const ScriptStep &step : script.steps) {
        for (const LocalText *t : textsOf(script, step)) {
            for (const QString &text : { t->ar, t->en }) {
                for (const QString &name : variablesIn(text)) {
                    if (knownScriptVariables().contains(name))
                        continue;
                    if (name.startsWith("input."_L1) && fields.contains(name.mid(6)))
                        continue;
                    issues.append({ step.id,
                                    u"unknown variable {%1}: use %2, or {input.FIELD} of an input step"_s.arg(
                                        name, knownScriptVariables().join(u", ")) });
                }
            }
        }
    }
    return issues;
}

const QStringList &knownScriptVariables()
{
    static const QStringList names = {
        u"customer.name"_s, u"customer.phone"_s,      u"customer.city"_s,    u"case.number"_s,     u"case.category"_s,
        u"case.status"_s,   u"referral.department"_s, u"referral.due"_s,     u"referral.status"_s, u"referral.owner"_s,
        u"agent.name"_s,    u"incident.number"_s,     u"incident.summary"_s, u"today"_s,
    };
    return names;
}

const QStringList &knownIdentityQuestions()
{
    static const QStringList keys = { u"national_id_last4"_s, u"date_of_birth"_s,   u"city"_s, u"email"_s,
                                      u"account_last4"_s,     u"last_case_number"_s };
    return keys;
}

LocalText identityQuestionText(QStringView key)
{
    if (key == u"national_id_last4")
        return { u"ما آخر أربعة أرقام من رقمك المدني؟"_s, u"What are the last four digits of your national ID?"_s };
    if (key == u"date_of_birth")
        return { u"ما تاريخ ميلادك؟"_s, u"What is your date of birth?"_s };
    if (key == u"city")
        return { u"في أي مدينة تسكن حسب السجل؟"_s, u"Which city are you registered in?"_s };
    if (key == u"email")
        return { u"ما البريد الإلكتروني المسجل لدينا؟"_s, u"Which e-mail address is registered with us?"_s };
    if (key == u"account_last4")
        return { u"ما آخر أربعة أرقام من رقم حسابك؟"_s, u"What are the last four digits of your account number?"_s };
    if (key == u"last_case_number")
        return { u"ما رقم آخر بلاغ قدمته؟"_s, u"What is the number of your last report?"_s };
    return { key.toString(), key.toString() };
}

QString stepKindName(StepKind kind)
{
    return nameOf(kindNames, kind);
}

QString inputTypeName(InputType type)
{
    return nameOf(inputNames, type);
}

QString scriptOutcomeName(OutcomeType type)
{
    return nameOf(outcomeNames, type);
}

OutcomeType scriptOutcomeFromName(QStringView name)
{
    return valueOf(outcomeNames, name).value_or(OutcomeType::None);
}

QString substituteVariables(const QString &text, const QHash<QString, QString> &values)
{
    QString out;
    qsizetype last = 0;
    auto it = variablePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString value = values.value(m.captured(1));
        out += value.isEmpty() ? u"—"_s : value;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QStringList variablesIn(const QString &text)
{
    QStringList out;
    auto it = variablePattern().globalMatch(text);
    while (it.hasNext())
        out.append(it.next().captured(1));
    return out;
}

} // namespace sanad
