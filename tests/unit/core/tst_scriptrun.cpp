#include "core/clock.h"
#include "core/scriptrun.h"

#include <QJsonArray>
#include <QTest>

using namespace sanad;
using namespace Qt::StringLiterals;

// The engine step by step: every step kind, variables, identity verification, outcomes and the
// back navigation, as an agent would drive it.
class TestScriptRun final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void sayFillsVariables();
    void askChoosesAndStoresTheField();
    void inputAcceptsArabicIndicDigits_data();
    void inputAcceptsArabicIndicDigits();
    void inputRefusesWithBothLanguages_data();
    void inputRefusesWithBothLanguages();
    void checklistNeedsEveryItem();
    void knowledgeGoesOn();
    void identityByQuestions();
    void identityWrongAnswersGoToFailed();
    void identityByOneTimeCode();
    void oneTimeCodeThreeWrongTries();
    void identityIsNotAskedTwice();
    void identityByServerCode();
    void resolvedNeedsConfirmation();
    void resolutionNotConfirmed();
    void otherOutcomes_data();
    void otherOutcomes();
    void backIsKeptInTheTranscript();
    void transcriptRoundTripsInBothLanguages();

private:
    ScriptRun makeRun();
    Script m_script;
    ManualClock m_clock { 1'790'000'000'000 };
};

namespace {

// One script with every step kind. Steps are reached through the first question's choices.
const char fixture[] = R"json({
  "format": 1, "id": "test.all", "version": 3,
  "title": {"ar": "كل الخطوات", "en": "Every step"},
  "category": "water.burst_pipe", "queues": ["water"],
  "start": "greet",
  "steps": [
    {"id": "greet", "kind": "say", "text": {"ar": "أهلاً {customer.name}، بلاغك {case.number}", "en": "Hello {customer.name}, report {case.number}"}, "next": "route"},
    {"id": "route", "kind": "ask", "field": "route", "text": {"ar": "ماذا تريد؟", "en": "What now?"}, "choices": [
      {"value": "inputs", "label": {"ar": "الحقول", "en": "Inputs"}, "next": "count"},
      {"value": "checks", "label": {"ar": "قائمة", "en": "Checklist"}, "next": "checks"},
      {"value": "verify", "label": {"ar": "تحقق", "en": "Verify"}, "next": "verify"},
      {"value": "refer", "label": {"ar": "إحالة", "en": "Refer"}, "next": "end_referred"},
      {"value": "callback", "label": {"ar": "معاودة", "en": "Callback"}, "next": "end_callback"},
      {"value": "transfer", "label": {"ar": "تحويل", "en": "Transfer"}, "next": "end_transferred"},
      {"value": "give_up", "label": {"ar": "لا حل", "en": "No fix"}, "next": "end_not_resolved"}
    ]},
    {"id": "count", "kind": "input", "type": "number", "field": "households", "min": 1, "max": 500, "text": {"ar": "كم منزلاً؟", "en": "How many homes?"}, "next": "phone"},
    {"id": "phone", "kind": "input", "type": "phone", "field": "contact_phone", "text": {"ar": "رقم للتواصل؟", "en": "Contact number?"}, "next": "when"},
    {"id": "when", "kind": "input", "type": "date", "field": "since", "text": {"ar": "منذ متى؟", "en": "Since when?"}, "next": "danger"},
    {"id": "danger", "kind": "input", "type": "choice", "field": "danger", "text": {"ar": "هل من خطر؟", "en": "Any danger?"}, "choices": [
      {"value": "none", "label": {"ar": "لا", "en": "None"}},
      {"value": "electric", "label": {"ar": "قرب الكهرباء", "en": "Near electricity"}}
    ], "next": "where"},
    {"id": "where", "kind": "input", "type": "location", "field": "location", "text": {"ar": "أين؟", "en": "Where?"}, "next": "note"},
    {"id": "note", "kind": "input", "type": "text", "field": "note", "required": false, "text": {"ar": "ملاحظة؟ ({input.location})", "en": "A note? ({input.location})"}, "next": "end_resolved"},
    {"id": "checks", "kind": "checklist", "text": {"ar": "افحص", "en": "Check"}, "items": [
      {"ar": "أعد تشغيل الجهاز", "en": "Restart the router"}, {"ar": "افحص السلك", "en": "Check the cable"}], "next": "article"},
    {"id": "article", "kind": "knowledge", "title": {"ar": "معلومة", "en": "Article"}, "text": {"ar": "نص المعلومة", "en": "The article"}, "next": "end_resolved"},
    {"id": "verify", "kind": "verify_identity", "methods": ["questions", "one_time_code"], "questions": ["national_id_last4", "date_of_birth"], "text": {"ar": "تحقق من الهوية", "en": "Verify identity"}, "next": "verify_again", "failed": "end_not_verified"},
    {"id": "verify_again", "kind": "verify_identity", "methods": ["one_time_code"], "text": {"ar": "تحقق مرة أخرى", "en": "Verify again"}, "next": "end_resolved", "failed": "end_not_verified"},
    {"id": "end_resolved", "kind": "end", "text": {"ar": "هل حُلّت المشكلة؟", "en": "Is it solved?"}, "outcome": {"type": "resolved"}},
    {"id": "end_referred", "kind": "end", "text": {"ar": "سنحيلها", "en": "We refer it"}, "outcome": {"type": "referred", "department": "Water network maintenance", "sla_hours": 24}},
    {"id": "end_callback", "kind": "end", "text": {"ar": "سنتصل بك", "en": "We will call you"}, "outcome": {"type": "callback_scheduled", "within_hours": 4}},
    {"id": "end_transferred", "kind": "end", "text": {"ar": "أحوّلك", "en": "Transferring"}, "outcome": {"type": "transferred", "queue": "billing"}},
    {"id": "end_not_resolved", "kind": "end", "text": {"ar": "نعتذر", "en": "Sorry"}, "outcome": {"type": "not_resolved", "reason": {"ar": "خارج الاختصاص", "en": "Not our service"}}},
    {"id": "end_not_verified", "kind": "end", "text": {"ar": "تعذر التحقق", "en": "Not verified"}, "outcome": {"type": "not_resolved", "reason": {"ar": "لم يُتحقق من الهوية", "en": "Identity not verified"}}}
  ]
})json";

class RecordingSender final : public OneTimeCodeSender
{
public:
    std::optional<QString> send(const QString &e164, const QString &code) override
    {
        number = e164;
        lastCode = code;
        return std::nullopt;
    }
    QString number;
    QString lastCode;
};

} // namespace

void TestScriptRun::init()
{
    QList<ScriptIssue> issues;
    m_script = parseScript(fixture, &issues);
    QVERIFY(issues.isEmpty());
    QVERIFY(validateScript(fixture).isEmpty());
}

ScriptRun TestScriptRun::makeRun()
{
    return ScriptRun(m_script, { { u"customer.name"_s, u"إيمان البلوشي"_s }, { u"case.number"_s, u"W-2026-000123"_s } },
                     { { u"national_id_last4"_s, u"٤٤٥٥"_s },
                       { u"date_of_birth"_s, u"1990-03-14"_s },
                       { u"phone"_s, u"+96891234567"_s } },
                     u"OM"_s, &m_clock);
}

void TestScriptRun::sayFillsVariables()
{
    ScriptRun run = makeRun();
    QCOMPARE(run.current().id, u"greet"_s);
    QCOMPARE(run.currentText(u"ar"), u"أهلاً إيمان البلوشي، بلاغك W-2026-000123"_s);
    QCOMPARE(run.currentText(u"en"), u"Hello إيمان البلوشي, report W-2026-000123"_s);
    QVERIFY(run.choose(0)); // wrong kind: refused, nothing happens
    QCOMPARE(run.current().id, u"greet"_s);
    QVERIFY(!run.proceed());
    QCOMPARE(run.current().id, u"route"_s);
}

void TestScriptRun::askChoosesAndStoresTheField()
{
    ScriptRun run = makeRun();
    run.proceed();
    const auto refused = run.choose(7);
    QVERIFY(refused);
    QCOMPARE(refused->message.en, u"Choose a number from 1 to 7"_s);
    QVERIFY(!run.choose(0));
    QCOMPARE(run.current().id, u"count"_s);
    QCOMPARE(run.fields().value(u"route"_s), u"inputs"_s);
}

void TestScriptRun::inputAcceptsArabicIndicDigits_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("stored");
    QTest::newRow("number arabic-indic") << u"count"_s << u"١٢"_s << u"households"_s << u"12"_s;
    QTest::newRow("number persian") << u"count"_s << u"۳۴"_s << u"households"_s << u"34"_s;
    QTest::newRow("phone arabic-indic") << u"phone"_s << u"٩١٢٣ ٤٥٦٧"_s << u"contact_phone"_s << u"+96891234567"_s;
    QTest::newRow("phone international") << u"phone"_s << u"+968 9123 4567"_s << u"contact_phone"_s
                                         << u"+96891234567"_s;
    QTest::newRow("date arabic-indic") << u"when"_s << u"٢٥/١٢/٢٠٢٦"_s << u"since"_s << u"2026-12-25"_s;
    QTest::newRow("date iso") << u"when"_s << u"2026-11-02"_s << u"since"_s << u"2026-11-02"_s;
    QTest::newRow("choice by key") << u"danger"_s << u"٢"_s << u"danger"_s << u"electric"_s;
    QTest::newRow("choice by label") << u"danger"_s << u"لا"_s << u"danger"_s << u"none"_s;
    QTest::newRow("location") << u"where"_s << u"  الخوير،   شارع ١٨ نوفمبر "_s << u"location"_s
                              << u"الخوير، شارع ١٨ نوفمبر"_s;
    QTest::newRow("optional text left empty") << u"note"_s << u"   "_s << u"note"_s << QString();
}

void TestScriptRun::inputAcceptsArabicIndicDigits()
{
    QFETCH(QString, step);
    QFETCH(QString, typed);
    QFETCH(QString, field);
    QFETCH(QString, stored);
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(0);
    const QStringList order { u"count"_s, u"phone"_s, u"when"_s, u"danger"_s, u"where"_s, u"note"_s };
    const QStringList good { u"3"_s, u"91234567"_s, u"1/1/2026"_s, u"1"_s, u"Al Khuwair"_s };
    for (qsizetype i = 0; run.current().id != step; ++i)
        QVERIFY(!run.enter(good.at(i)));
    const auto refused = run.enter(typed);
    QVERIFY2(!refused, refused ? qPrintable(refused->message.en) : "");
    QVERIFY(run.fields().contains(field));
    QCOMPARE(run.fields().value(field), stored);
}

void TestScriptRun::inputRefusesWithBothLanguages_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("english");
    QTest::newRow("not a number") << u"count"_s << u"كثير"_s << u"Write a number"_s;
    QTest::newRow("out of range") << u"count"_s << u"٦٠٠"_s << u"Write a number from 1 to 500"_s;
    QTest::newRow("required") << u"count"_s << u" "_s << u"This field is required"_s;
    QTest::newRow("phone with letters") << u"phone"_s << u"رقم ٩١٢"_s << u"letters"_s;
    QTest::newRow("not a date") << u"when"_s << u"أمس"_s << u"day/month/year"_s;
    QTest::newRow("no such choice") << u"danger"_s << u"٩"_s << u"Choose a number from 1 to 2"_s;
    QTest::newRow("empty location") << u"where"_s << u"--"_s << u"Write the location"_s;
}

void TestScriptRun::inputRefusesWithBothLanguages()
{
    QFETCH(QString, step);
    QFETCH(QString, typed);
    QFETCH(QString, english);
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(0);
    const QStringList good { u"3"_s, u"91234567"_s, u"1/1/2026"_s, u"1"_s };
    for (qsizetype i = 0; run.current().id != step; ++i)
        QVERIFY(!run.enter(good.at(i)));
    const auto refused = run.enter(typed);
    QVERIFY(refused);
    QVERIFY2(refused->message.en.contains(english), qPrintable(refused->message.en));
    QVERIFY(!refused->message.ar.isEmpty());
    QCOMPARE(run.current().id, step); // the agent corrects it in place
}

void TestScriptRun::checklistNeedsEveryItem()
{
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(1);
    QCOMPARE(run.current().kind, StepKind::Checklist);
    const auto refused = run.check({ true, false });
    QVERIFY(refused);
    QCOMPARE(refused->message.en, u"Item 2 is not done: \"Check the cable\""_s);
    QVERIFY(!run.check({ true, true }));
    QCOMPARE(run.current().id, u"article"_s);
    QCOMPARE(run.transcript().last().action, TranscriptEntry::Action::Shown);
    QCOMPARE(run.transcript().at(run.transcript().size() - 2).answer.en, u"✓ Restart the router, ✓ Check the cable"_s);
}

void TestScriptRun::knowledgeGoesOn()
{
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(1);
    run.check({ true, true });
    QCOMPARE(run.current().kind, StepKind::Knowledge);
    QCOMPARE(run.current().title.en, u"Article"_s);
    QVERIFY(!run.proceed());
    QCOMPARE(run.current().id, u"end_resolved"_s);
}

void TestScriptRun::identityByQuestions()
{
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(2);
    QVERIFY(run.answerIdentityQuestions({ u"4455"_s }));
    // Digits of any script and either date form.
    QVERIFY(!run.answerIdentityQuestions({ u"4455"_s, u"١٤/٣/١٩٩٠"_s }));
    QVERIFY(run.identityVerified());
    QCOMPARE(run.current().id, u"end_resolved"_s); // verify_again passed by: verified once per contact
    // The transcript keeps how many answers were right, not the answers.
    bool found = false;
    for (const TranscriptEntry &e : run.transcript()) {
        if (e.action == TranscriptEntry::Action::Verified && e.stepId == u"verify") {
            QCOMPARE(e.answer.en, u"2 of 2 answers right"_s);
            found = true;
        }
    }
    QVERIFY(found);
}

void TestScriptRun::identityWrongAnswersGoToFailed()
{
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(2);
    QVERIFY(!run.answerIdentityQuestions({ u"1111"_s, u"1990-03-14"_s }));
    QVERIFY(!run.identityVerified());
    QCOMPARE(run.state(), ScriptRun::State::Finished);
    QCOMPARE(run.outcome().type, OutcomeType::NotResolved);
    QCOMPARE(run.outcome().reason.en, u"Identity not verified"_s);
}

void TestScriptRun::identityByOneTimeCode()
{
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(2);
    QVERIFY(run.enterOneTimeCode(u"123456"_s)); // nothing sent yet
    RecordingSender sender;
    QVERIFY(!run.sendOneTimeCode(sender));
    // The code goes to the number on record, whatever number the caller rings from.
    QCOMPARE(sender.number, u"+96891234567"_s);
    QCOMPARE(sender.lastCode.size(), 6);
    QCOMPARE(run.transcript().last().answer.en, u"Code sent to the registered number ••••4567"_s);
    QString arabicDigits;
    for (QChar c : sender.lastCode)
        arabicDigits += QChar(0x0660 + c.digitValue());
    QVERIFY(!run.enterOneTimeCode(arabicDigits));
    QVERIFY(run.identityVerified());
    QCOMPARE(run.current().id, u"end_resolved"_s);
}

void TestScriptRun::oneTimeCodeThreeWrongTries()
{
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(2);
    RecordingSender sender;
    run.sendOneTimeCode(sender);
    const QString wrong = sender.lastCode == u"000000"_s ? u"111111"_s : u"000000"_s;
    auto refused = run.enterOneTimeCode(wrong);
    QVERIFY(refused);
    QCOMPARE(refused->message.en, u"Wrong code: 2 attempts left"_s);
    QVERIFY(run.enterOneTimeCode(wrong));
    QVERIFY(!run.enterOneTimeCode(wrong));
    QCOMPARE(run.current().id, u"end_not_verified"_s);
    QCOMPARE(run.state(), ScriptRun::State::Finished);
}

void TestScriptRun::identityIsNotAskedTwice()
{
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(2);
    run.answerIdentityQuestions({ u"4455"_s, u"1990-03-14"_s });
    QCOMPARE(run.current().id, u"end_resolved"_s);
    // Back from the end goes to the step where the caller was verified, which asks again.
    QVERIFY(run.back());
    QCOMPARE(run.current().id, u"verify"_s);
    QVERIFY(!run.identityVerified());
}

void TestScriptRun::identityByServerCode()
{
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(2);
    QVERIFY(!run.codeSentByServer(u"••••4567"_s));
    QCOMPARE(run.transcript().last().answer.ar, u"أُرسل رمز إلى الرقم المسجل ••••4567"_s);
    const auto wrong = run.codeCheckedByServer(false, 2);
    QVERIFY(wrong);
    QCOMPARE(wrong->message.en, u"Wrong code: 2 attempts left"_s);
    QCOMPARE(run.current().id, u"verify"_s);
    QVERIFY(!run.codeCheckedByServer(true, 0));
    QVERIFY(run.identityVerified());
    QCOMPARE(run.current().id, u"end_resolved"_s);

    ScriptRun failing = makeRun();
    failing.proceed();
    failing.choose(2);
    failing.codeSentByServer(u"••••4567"_s);
    QVERIFY(!failing.codeCheckedByServer(false, 0));
    QCOMPARE(failing.current().id, u"end_not_verified"_s);
}

void TestScriptRun::resolvedNeedsConfirmation()
{
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(1);
    run.check({ true, true });
    run.proceed();
    QCOMPARE(run.state(), ScriptRun::State::AwaitingConfirmation);
    QVERIFY(!run.confirmResolution(true));
    QCOMPARE(run.state(), ScriptRun::State::Finished);
    QCOMPARE(run.outcome().type, OutcomeType::Resolved);
    QVERIFY(run.customerConfirmed());
    QCOMPARE(run.transcript().last().action, TranscriptEntry::Action::Ended);
    QCOMPARE(run.transcript().last().answer.en, u"Resolved, confirmed by the customer"_s);
    QVERIFY(run.proceed()); // finished: nothing more
    QVERIFY(!run.back());
}

void TestScriptRun::resolutionNotConfirmed()
{
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(1);
    run.check({ true, true });
    run.proceed();
    QVERIFY(!run.confirmResolution(false));
    QCOMPARE(run.state(), ScriptRun::State::Finished);
    QCOMPARE(run.outcome().type, OutcomeType::NotResolved);
    QVERIFY(!run.customerConfirmed());
}

void TestScriptRun::otherOutcomes_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("english");
    QTest::newRow("referred") << 3 << int(OutcomeType::Referred)
                              << u"Referred to Water network maintenance (SLA 24 hours)"_s;
    QTest::newRow("callback") << 4 << int(OutcomeType::CallbackScheduled) << u"Callback scheduled"_s;
    QTest::newRow("transferred") << 5 << int(OutcomeType::Transferred) << u"Transferred to queue billing"_s;
    QTest::newRow("not resolved") << 6 << int(OutcomeType::NotResolved) << u"Not resolved: Not our service"_s;
}

void TestScriptRun::otherOutcomes()
{
    QFETCH(int, choice);
    QFETCH(int, type);
    QFETCH(QString, english);
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(choice);
    QCOMPARE(run.state(), ScriptRun::State::Finished);
    QCOMPARE(int(run.outcome().type), type);
    QCOMPARE(run.transcript().last().answer.en, english);
    if (run.outcome().type == OutcomeType::CallbackScheduled)
        QCOMPARE(run.fields().value(u"callback_at"_s), m_clock.now().toUTC().addSecs(4 * 3600).toString(Qt::ISODate));
    if (run.outcome().type == OutcomeType::Referred)
        QCOMPARE(run.outcome().slaHours, 24);
}

void TestScriptRun::backIsKeptInTheTranscript()
{
    ScriptRun run = makeRun();
    QVERIFY(!run.canGoBack());
    run.proceed();
    run.choose(0);
    QVERIFY(!run.enter(u"٣"_s));
    QCOMPARE(run.fields().value(u"households"_s), u"3"_s);
    QCOMPARE(run.current().id, u"phone"_s);
    QVERIFY(run.back());
    QCOMPARE(run.current().id, u"count"_s);
    QVERIFY(!run.fields().contains(u"households"_s)); // asked again, so the old answer no longer counts
    QVERIFY(run.back());
    QCOMPARE(run.current().id, u"route"_s);
    QVERIFY(!run.fields().contains(u"route"_s));
    run.choose(1);
    QCOMPARE(run.path(), (QStringList { u"greet"_s, u"route"_s, u"checks"_s }));
    int backs = 0;
    for (const TranscriptEntry &e : run.transcript())
        backs += e.action == TranscriptEntry::Action::Back ? 1 : 0;
    QCOMPARE(backs, 2);
    const QString english = ScriptRun::transcriptText(run.transcript(), u"en");
    QVERIFY2(english.contains(u"↶ went back one step"_s), qPrintable(english));
}

void TestScriptRun::transcriptRoundTripsInBothLanguages()
{
    ScriptRun run = makeRun();
    run.proceed();
    run.choose(4);
    const QList<TranscriptEntry> read = ScriptRun::transcriptFromJson(run.transcriptJson());
    QCOMPARE(read.size(), run.transcript().size());
    QCOMPARE(read.first().at, m_clock.now().toUTC());
    QCOMPARE(read.last().action, TranscriptEntry::Action::Ended);
    QCOMPARE(read.last().value, u"callback_scheduled"_s);
    const QString arabic = ScriptRun::transcriptText(read, u"ar");
    const QString english = ScriptRun::transcriptText(read, u"en");
    QVERIFY(arabic.contains(u"أهلاً إيمان البلوشي"_s));
    QVERIFY(arabic.contains(u"→ معاودة"_s));
    QVERIFY(english.contains(u"→ Callback"_s));
    QVERIFY(english.contains(u"We will call you"_s));
}

QTEST_GUILESS_MAIN(TestScriptRun)
#include "tst_scriptrun.moc"
