#include "core/scriptrun.h"

#include "core/arabictext.h"
#include "core/clock.h"
#include "core/phonenumber.h"

#include <QJsonObject>
#include <QRandomGenerator>

namespace sanad {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxCodeAttempts = 3;

struct ActionName
{
    TranscriptEntry::Action action;
    QStringView name;
};

constexpr ActionName actionNames[] = {
    { TranscriptEntry::Action::Shown, u"shown" },         { TranscriptEntry::Action::Answered, u"answered" },
    { TranscriptEntry::Action::Entered, u"entered" },     { TranscriptEntry::Action::Checked, u"checked" },
    { TranscriptEntry::Action::Verified, u"verified" },   { TranscriptEntry::Action::NotVerified, u"not_verified" },
    { TranscriptEntry::Action::CodeSent, u"code_sent" },  { TranscriptEntry::Action::Back, u"back" },
    { TranscriptEntry::Action::Confirmed, u"confirmed" }, { TranscriptEntry::Action::NotConfirmed, u"not_confirmed" },
    { TranscriptEntry::Action::Ended, u"ended" },
};

ScriptRun::Refusal refusal(const QString &ar, const QString &en)
{
    return { LocalText { ar, en } };
}

// Digits of any script as ASCII, bidi marks gone, Arabic decimal and thousands separators read.
QString foldNumber(const QString &input)
{
    QString s = PhoneNumberNormalizer::foldDigitsAndMarks(input).trimmed();
    s.replace(QChar(0x066B), u'.'); // ٫ Arabic decimal separator
    s.remove(QChar(0x066C)); // ٬ Arabic thousands separator
    s.remove(u',');
    s.remove(u' ');
    return s;
}

std::optional<QDate> readDate(const QString &input)
{
    const QString s = PhoneNumberNormalizer::foldDigitsAndMarks(input).trimmed();
    for (const QString &format : { u"yyyy-MM-dd"_s, u"yyyy-M-d"_s, u"d/M/yyyy"_s, u"d-M-yyyy"_s, u"yyyy/M/d"_s }) {
        const QDate date = QDate::fromString(s, format);
        if (date.isValid())
            return date;
    }
    return std::nullopt;
}

LocalText outcomeText(const ScriptOutcome &outcome, bool confirmed)
{
    switch (outcome.type) {
    case OutcomeType::Resolved:
        return confirmed ? LocalText { u"حُلّت بتأكيد العميل"_s, u"Resolved, confirmed by the customer"_s }
                         : LocalText { u"حُلّت"_s, u"Resolved"_s };
    case OutcomeType::Referred:
        return { u"أُحيلت إلى %1 (مهلة %2 ساعة)"_s
                     .arg(outcome.departmentLabel.ar.isEmpty() ? outcome.department : outcome.departmentLabel.ar)
                     .arg(outcome.slaHours),
                 u"Referred to %1 (SLA %2 hours)"_s
                     .arg(outcome.departmentLabel.en.isEmpty() ? outcome.department : outcome.departmentLabel.en)
                     .arg(outcome.slaHours) };
    case OutcomeType::CallbackScheduled:
        return { u"حُدّد موعد لمعاودة الاتصال"_s, u"Callback scheduled"_s };
    case OutcomeType::Transferred:
        return { u"حُوّلت إلى قائمة %1"_s.arg(outcome.queue), u"Transferred to queue %1"_s.arg(outcome.queue) };
    case OutcomeType::NotResolved:
        return { u"لم تُحل: %1"_s.arg(outcome.reason.ar), u"Not resolved: %1"_s.arg(outcome.reason.en) };
    case OutcomeType::None:
        break;
    }
    return {};
}

} // namespace

QString transcriptActionName(TranscriptEntry::Action action)
{
    for (const ActionName &a : actionNames)
        if (a.action == action)
            return a.name.toString();
    return {};
}

ScriptRun::ScriptRun(Script script, QHash<QString, QString> context, QHash<QString, QString> record, QString region,
                     Clock *clock)
    : m_script(std::move(script))
    , m_context(std::move(context))
    , m_record(std::move(record))
    , m_region(std::move(region))
    , m_clock(clock ? clock : &Clock::system())
{
    if (!m_context.contains(u"today"_s))
        m_context.insert(u"today"_s, now().date().toString(Qt::ISODate));
    Q_ASSERT_X(m_script.step(m_script.start), "ScriptRun", "run only scripts that validateScript accepts");
    enterStep(m_script.start);
}

QDateTime ScriptRun::now() const
{
    return m_clock->now().toUTC();
}

const ScriptStep &ScriptRun::current() const
{
    return *m_script.step(m_current);
}

QString ScriptRun::fill(const QString &text) const
{
    QHash<QString, QString> values = m_context;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        values.insert(u"input."_s + it.key(), it.value());
    return substituteVariables(text, values);
}

LocalText ScriptRun::currentLocalText() const
{
    return { fill(current().text.ar), fill(current().text.en) };
}

QString ScriptRun::currentText(QStringView language) const
{
    return currentLocalText().in(language);
}

void ScriptRun::record(TranscriptEntry::Action action, LocalText answer, QString value)
{
    m_transcript.append({ now(), m_current, action, currentLocalText(), std::move(answer), std::move(value) });
}

void ScriptRun::enterStep(const QString &id, bool recordIt)
{
    m_current = id;
    m_state = current().kind == StepKind::End && current().outcome.type == OutcomeType::Resolved
        ? State::AwaitingConfirmation
        : State::Running;
    if (recordIt)
        record(TranscriptEntry::Action::Shown);
    // Identity verified once counts for the whole contact: a second verify step is passed by.
    if (current().kind == StepKind::VerifyIdentity && m_verified) {
        record(TranscriptEntry::Action::Verified,
               { u"سبق التحقق في هذا الاتصال"_s, u"Already verified in this contact"_s }, u"already"_s);
        // Not kept in the history, so that back() returns to the step before it.
        enterStep(current().next);
        return;
    }
    if (current().kind == StepKind::End && current().outcome.type != OutcomeType::Resolved)
        finish(current().outcome);
}

void ScriptRun::goTo(const QString &id)
{
    m_history.append(m_current);
    enterStep(id);
}

void ScriptRun::finish(const ScriptOutcome &outcome)
{
    m_outcome = outcome;
    m_state = State::Finished;
    if (outcome.type == OutcomeType::CallbackScheduled && !m_fields.contains(u"callback_at"_s))
        m_fields.insert(u"callback_at"_s,
                        now().addSecs(qint64(outcome.callbackWithinHours) * 3600).toString(Qt::ISODate));
    record(TranscriptEntry::Action::Ended, outcomeText(outcome, m_confirmed), scriptOutcomeName(outcome.type));
}

std::optional<ScriptRun::Refusal> ScriptRun::wrongKind(StepKind expected) const
{
    if (m_state == State::Finished)
        return refusal(u"انتهى النص الإرشادي"_s, u"The script has ended"_s);
    if (current().kind != expected)
        return refusal(u"هذه الخطوة من نوع آخر"_s, u"This step is of another kind"_s);
    return std::nullopt;
}

std::optional<ScriptRun::Refusal> ScriptRun::proceed()
{
    if (m_state == State::Finished)
        return refusal(u"انتهى النص الإرشادي"_s, u"The script has ended"_s);
    if (current().kind != StepKind::Say && current().kind != StepKind::Knowledge)
        return refusal(u"أجب عن هذه الخطوة أولاً"_s, u"Answer this step first"_s);
    goTo(current().next);
    return std::nullopt;
}

std::optional<ScriptRun::Refusal> ScriptRun::choose(int index)
{
    if (auto wrong = wrongKind(StepKind::Ask))
        return wrong;
    const ScriptStep &step = current();
    if (index < 0 || index >= step.choices.size())
        return refusal(u"اختر رقماً من 1 إلى %1"_s.arg(step.choices.size()),
                       u"Choose a number from 1 to %1"_s.arg(step.choices.size()));
    const ScriptChoice choice = step.choices.at(index);
    if (!step.field.isEmpty()) {
        m_fields.insert(step.field, choice.value);
        m_fieldSetBy.insert(step.field, step.id);
    }
    record(TranscriptEntry::Action::Answered, choice.label, choice.value);
    goTo(choice.next);
    return std::nullopt;
}

std::optional<ScriptRun::Refusal> ScriptRun::validate(const ScriptStep &step, const QString &input, QString *value,
                                                      LocalText *shown) const
{
    const QString simplified = input.simplified();
    if (simplified.isEmpty()) {
        if (step.required)
            return refusal(u"هذا الحقل مطلوب"_s, u"This field is required"_s);
        *value = QString();
        *shown = { u"(تُرك فارغاً)"_s, u"(left empty)"_s };
        return std::nullopt;
    }
    switch (step.inputType) {
    case InputType::Text:
        if (simplified.size() > 2000)
            return refusal(u"النص أطول من 2000 حرف: اختصره"_s,
                           u"The text is longer than 2000 characters: shorten it"_s);
        *value = simplified;
        break;
    case InputType::Location: {
        bool meaningful = false;
        for (QChar c : simplified)
            meaningful = meaningful || c.isLetterOrNumber();
        if (!meaningful || simplified.size() < 3)
            return refusal(u"اكتب الموقع: المنطقة والشارع أو معلماً قريباً"_s,
                           u"Write the location: the area and street, or a landmark nearby"_s);
        *value = simplified;
        break;
    }
    case InputType::Number: {
        bool ok = false;
        const double number = foldNumber(simplified).toDouble(&ok);
        if (!ok)
            return refusal(u"اكتب رقماً، مثل ١٢ أو 12"_s, u"Write a number, such as 12 or ١٢"_s);
        if (step.hasRange && (number < step.minimum || number > step.maximum))
            return refusal(u"اكتب رقماً من %1 إلى %2"_s.arg(step.minimum).arg(step.maximum),
                           u"Write a number from %1 to %2"_s.arg(step.minimum).arg(step.maximum));
        *value = QString::number(number, 'g', 15);
        break;
    }
    case InputType::Phone: {
        const PhoneNumber phone = PhoneNumberNormalizer(m_region).parseForStorage(simplified);
        if (!phone.ok())
            return refusal(
                u"رقم الهاتف غير صحيح: اكتبه كاملاً، مثل ٩١٢٣٤٥٦٧ أو ‎+968 9123 4567"_s,
                phone.message(simplified));
        *value = phone.e164;
        break;
    }
    case InputType::Date: {
        const std::optional<QDate> date = readDate(simplified);
        if (!date)
            return refusal(u"اكتب التاريخ بالشكل يوم/شهر/سنة، مثل ٢٥/١٢/٢٠٢٦"_s,
                           u"Write the date as day/month/year, such as 25/12/2026"_s);
        *value = date->toString(Qt::ISODate);
        break;
    }
    case InputType::Choice: {
        bool isNumber = false;
        const int n = foldNumber(simplified).toInt(&isNumber);
        const ScriptChoice *found = nullptr;
        if (isNumber && n >= 1 && n <= step.choices.size())
            found = &step.choices.at(n - 1);
        for (const ScriptChoice &c : step.choices)
            if (!found
                && (c.value == simplified || searchKey(c.label.ar) == searchKey(simplified)
                    || searchKey(c.label.en) == searchKey(simplified)))
                found = &c;
        if (!found)
            return refusal(u"اختر رقماً من 1 إلى %1"_s.arg(step.choices.size()),
                           u"Choose a number from 1 to %1"_s.arg(step.choices.size()));
        *value = found->value;
        *shown = found->label;
        return std::nullopt;
    }
    }
    *shown = { *value, *value };
    return std::nullopt;
}

std::optional<ScriptRun::Refusal> ScriptRun::enter(const QString &input)
{
    if (auto wrong = wrongKind(StepKind::Input))
        return wrong;
    const ScriptStep &step = current();
    QString value;
    LocalText shown;
    if (auto refused = validate(step, input, &value, &shown))
        return refused;
    m_fields.insert(step.field, value);
    m_fieldSetBy.insert(step.field, step.id);
    record(TranscriptEntry::Action::Entered, shown, value);
    goTo(step.next);
    return std::nullopt;
}

std::optional<ScriptRun::Refusal> ScriptRun::check(const QList<bool> &ticked)
{
    if (auto wrong = wrongKind(StepKind::Checklist))
        return wrong;
    const ScriptStep &step = current();
    LocalText done;
    for (qsizetype i = 0; i < step.items.size(); ++i) {
        if (i >= ticked.size() || !ticked.at(i))
            return refusal(u"لم يُنجز البند %1: «%2»"_s.arg(i + 1).arg(fill(step.items.at(i).ar)),
                           u"Item %1 is not done: \"%2\""_s.arg(i + 1).arg(fill(step.items.at(i).en)));
        done.ar += (done.ar.isEmpty() ? u"✓ "_s : u"، ✓ "_s) + fill(step.items.at(i).ar);
        done.en += (done.en.isEmpty() ? u"✓ "_s : u", ✓ "_s) + fill(step.items.at(i).en);
    }
    record(TranscriptEntry::Action::Checked, done, QString::number(step.items.size()));
    goTo(step.next);
    return std::nullopt;
}

std::optional<ScriptRun::Refusal> ScriptRun::answerIdentityQuestions(const QStringList &answers)
{
    if (auto wrong = wrongKind(StepKind::VerifyIdentity))
        return wrong;
    const ScriptStep &step = current();
    if (!step.methods.contains(VerifyMethod::Questions))
        return refusal(u"هذه الخطوة لا تتحقق بالأسئلة"_s, u"This step does not verify by questions"_s);
    if (answers.size() != step.questions.size())
        return refusal(u"أجب عن الأسئلة كلها (%1)"_s.arg(step.questions.size()),
                       u"Answer all %1 questions"_s.arg(step.questions.size()));
    int right = 0;
    for (qsizetype i = 0; i < step.questions.size(); ++i) {
        const QString key = step.questions.at(i);
        const QString expected = m_record.value(key);
        if (expected.isEmpty())
            return refusal(u"سجل العميل لا يحوي إجابة «%1»: استخدم طريقة أخرى"_s.arg(identityQuestionText(key).ar),
                           u"The customer's record has no answer to \"%1\": use another method"_s.arg(
                               identityQuestionText(key).en));
        const QString given = answers.at(i);
        bool same = searchKey(given) == searchKey(expected);
        if (!same && key == u"date_of_birth") {
            const auto a = readDate(given);
            const auto b = readDate(expected);
            same = a && b && *a == *b;
        }
        right += same ? 1 : 0;
    }
    // The answers themselves are personal data: the transcript keeps only how many were right.
    const LocalText result { u"%1 من %2 إجابات صحيحة"_s.arg(right).arg(step.questions.size()),
                             u"%1 of %2 answers right"_s.arg(right).arg(step.questions.size()) };
    if (right == step.questions.size()) {
        m_verified = true;
        m_verifiedAt = step.id;
        record(TranscriptEntry::Action::Verified, result, u"questions"_s);
        goTo(step.next);
    } else {
        record(TranscriptEntry::Action::NotVerified, result, u"questions"_s);
        goTo(step.failed);
    }
    return std::nullopt;
}

std::optional<ScriptRun::Refusal> ScriptRun::sendOneTimeCode(OneTimeCodeSender &sender)
{
    if (auto wrong = wrongKind(StepKind::VerifyIdentity))
        return wrong;
    if (!current().methods.contains(VerifyMethod::OneTimeCode))
        return refusal(u"هذه الخطوة لا تتحقق برمز لمرة واحدة"_s, u"This step does not verify by one-time code"_s);
    const QString phone = m_record.value(u"phone"_s);
    if (phone.isEmpty())
        return refusal(u"لا رقم مسجلاً للعميل: تحقق بالأسئلة"_s,
                       u"The customer has no registered number: verify with questions"_s);
    const QString code = u"%1"_s.arg(QRandomGenerator::system()->bounded(1000000), 6, 10, QChar(u'0'));
    if (const std::optional<QString> error = sender.send(phone, code))
        return refusal(u"تعذّر إرسال الرمز: حاول مجدداً أو تحقق بالأسئلة"_s,
                       u"The code could not be sent (%1): try again or verify with questions"_s.arg(*error));
    m_pendingCode = code;
    m_codeAttempts = 0;
    // The number is shown masked: enough for the caller to know which phone to look at.
    const QString masked = u"••••"_s + phone.right(4);
    record(TranscriptEntry::Action::CodeSent,
           { u"أُرسل رمز إلى الرقم المسجل %1"_s.arg(masked), u"Code sent to the registered number %1"_s.arg(masked) },
           u"one_time_code"_s);
    return std::nullopt;
}

std::optional<ScriptRun::Refusal> ScriptRun::enterOneTimeCode(const QString &code)
{
    if (auto wrong = wrongKind(StepKind::VerifyIdentity))
        return wrong;
    if (m_pendingCode.isEmpty())
        return refusal(u"أرسل الرمز أولاً"_s, u"Send the code first"_s);
    if (foldNumber(code) == m_pendingCode) {
        m_pendingCode.clear();
        m_verified = true;
        m_verifiedAt = m_current;
        record(TranscriptEntry::Action::Verified, { u"الرمز صحيح"_s, u"Code correct"_s }, u"one_time_code"_s);
        goTo(current().next);
        return std::nullopt;
    }
    if (++m_codeAttempts >= MaxCodeAttempts) {
        m_pendingCode.clear();
        record(TranscriptEntry::Action::NotVerified, { u"الرمز خاطئ ثلاث مرات"_s, u"Wrong code three times"_s },
               u"one_time_code"_s);
        goTo(current().failed);
        return std::nullopt;
    }
    return refusal(u"الرمز غير صحيح: بقيت %1 محاولة"_s.arg(MaxCodeAttempts - m_codeAttempts),
                   u"Wrong code: %1 attempts left"_s.arg(MaxCodeAttempts - m_codeAttempts));
}

std::optional<ScriptRun::Refusal> ScriptRun::codeSentByServer(const QString &maskedNumber)
{
    if (auto wrong = wrongKind(StepKind::VerifyIdentity))
        return wrong;
    if (!current().methods.contains(VerifyMethod::OneTimeCode))
        return refusal(u"هذه الخطوة لا تتحقق برمز لمرة واحدة"_s, u"This step does not verify by one-time code"_s);
    record(TranscriptEntry::Action::CodeSent,
           { u"أُرسل رمز إلى الرقم المسجل %1"_s.arg(maskedNumber),
             u"Code sent to the registered number %1"_s.arg(maskedNumber) },
           u"one_time_code"_s);
    return std::nullopt;
}

std::optional<ScriptRun::Refusal> ScriptRun::codeCheckedByServer(bool verified, int attemptsLeft)
{
    if (auto wrong = wrongKind(StepKind::VerifyIdentity))
        return wrong;
    if (verified) {
        m_verified = true;
        m_verifiedAt = m_current;
        record(TranscriptEntry::Action::Verified, { u"الرمز صحيح"_s, u"Code correct"_s }, u"one_time_code"_s);
        goTo(current().next);
        return std::nullopt;
    }
    if (attemptsLeft <= 0) {
        record(TranscriptEntry::Action::NotVerified, { u"الرمز خاطئ ثلاث مرات"_s, u"Wrong code three times"_s },
               u"one_time_code"_s);
        goTo(current().failed);
        return std::nullopt;
    }
    return refusal(u"الرمز غير صحيح: بقيت %1 محاولة"_s.arg(attemptsLeft),
                   u"Wrong code: %1 attempts left"_s.arg(attemptsLeft));
}

std::optional<ScriptRun::Refusal> ScriptRun::verificationFailed()
{
    if (auto wrong = wrongKind(StepKind::VerifyIdentity))
        return wrong;
    m_pendingCode.clear();
    record(TranscriptEntry::Action::NotVerified, { u"تعذّر التحقق"_s, u"Could not verify"_s }, u"agent"_s);
    goTo(current().failed);
    return std::nullopt;
}

std::optional<ScriptRun::Refusal> ScriptRun::confirmResolution(bool confirmed)
{
    if (m_state != State::AwaitingConfirmation)
        return refusal(u"لا شيء ينتظر تأكيد العميل"_s, u"Nothing is waiting for the customer's confirmation"_s);
    if (confirmed) {
        m_confirmed = true;
        record(TranscriptEntry::Action::Confirmed, { u"أكّد العميل الحل"_s, u"The customer confirmed"_s }, u"yes"_s);
        finish(current().outcome);
        return std::nullopt;
    }
    record(TranscriptEntry::Action::NotConfirmed, { u"لم يؤكد العميل الحل"_s, u"The customer did not confirm"_s },
           u"no"_s);
    if (!current().notConfirmed.isEmpty()) {
        goTo(current().notConfirmed);
        return std::nullopt;
    }
    ScriptOutcome notResolved;
    notResolved.type = OutcomeType::NotResolved;
    notResolved.reason = { u"لم يؤكد العميل الحل"_s, u"the customer did not confirm the resolution"_s };
    finish(notResolved);
    return std::nullopt;
}

bool ScriptRun::back()
{
    if (!canGoBack())
        return false;
    record(TranscriptEntry::Action::Back);
    const QString previous = m_history.takeLast();
    // The answer given at the step we return to is asked again, so it no longer counts.
    for (auto it = m_fieldSetBy.begin(); it != m_fieldSetBy.end();) {
        if (it.value() == previous) {
            m_fields.remove(it.key());
            it = m_fieldSetBy.erase(it);
        } else {
            ++it;
        }
    }
    m_pendingCode.clear();
    // Returning to the step where the caller was verified asks again; otherwise it would pass
    // the caller straight through and back() could never get behind it.
    if (previous == m_verifiedAt) {
        m_verified = false;
        m_verifiedAt.clear();
    }
    enterStep(previous);
    return true;
}

QStringList ScriptRun::path() const
{
    QStringList out = m_history;
    out.append(m_current);
    return out;
}

QJsonArray ScriptRun::transcriptJson() const
{
    QJsonArray out;
    for (const TranscriptEntry &e : m_transcript) {
        QJsonObject o { { u"at"_s, e.at.toString(Qt::ISODateWithMs) },
                        { u"step"_s, e.stepId },
                        { u"action"_s, transcriptActionName(e.action) },
                        { u"text"_s, QJsonObject { { u"ar"_s, e.text.ar }, { u"en"_s, e.text.en } } } };
        if (!e.answer.isEmpty())
            o.insert(u"answer"_s, QJsonObject { { u"ar"_s, e.answer.ar }, { u"en"_s, e.answer.en } });
        if (!e.value.isEmpty())
            o.insert(u"value"_s, e.value);
        out.append(o);
    }
    return out;
}

QList<TranscriptEntry> ScriptRun::transcriptFromJson(const QJsonArray &json)
{
    QList<TranscriptEntry> out;
    for (const QJsonValue &v : json) {
        const QJsonObject o = v.toObject();
        TranscriptEntry e;
        e.at = QDateTime::fromString(o.value("at"_L1).toString(), Qt::ISODateWithMs);
        e.stepId = o.value("step"_L1).toString();
        const QString action = o.value("action"_L1).toString();
        for (const ActionName &a : actionNames)
            if (a.name == action)
                e.action = a.action;
        const QJsonObject text = o.value("text"_L1).toObject();
        e.text = { text.value("ar"_L1).toString(), text.value("en"_L1).toString() };
        const QJsonObject answer = o.value("answer"_L1).toObject();
        e.answer = { answer.value("ar"_L1).toString(), answer.value("en"_L1).toString() };
        e.value = o.value("value"_L1).toString();
        out.append(e);
    }
    return out;
}

QString ScriptRun::transcriptText(const QList<TranscriptEntry> &entries, QStringView language)
{
    const bool en = language == u"en";
    QStringList lines;
    for (const TranscriptEntry &e : entries) {
        const QString time = e.at.toUTC().toString(u"HH:mm:ss"_s);
        switch (e.action) {
        case TranscriptEntry::Action::Shown:
            lines.append(u"%1  %2"_s.arg(time, e.text.in(language)));
            break;
        case TranscriptEntry::Action::Back:
            lines.append(u"%1  %2"_s.arg(time, en ? u"↶ went back one step"_s : u"↶ رجوع خطوة"_s));
            break;
        default:
            lines.append(u"%1    → %2"_s.arg(time, e.answer.in(language)));
            break;
        }
    }
    return lines.join(u'\n');
}

} // namespace sanad
