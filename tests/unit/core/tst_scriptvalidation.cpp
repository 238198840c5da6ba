#include "core/script.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sanad;
using namespace Qt::StringLiterals;

// Every validation error an author can meet, each on a script that is otherwise right, so that
// the message names the step and says how to fix it.
class TestScriptValidation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aGoodScriptHasNoIssues();
    void issuesNameTheFileAndTheStep();
    void unknownTarget();
    void unreachableStep();
    void loopWithNoWayOut();
    void loopWithAWayOutIsFine();
    void missingArabicOrEnglish_data();
    void missingArabicOrEnglish();
    void unknownVariable();
    void inputFieldsAreVariables();
    void endStepWithoutOutcome();
    void outcomeDetailsRequired_data();
    void outcomeDetailsRequired();
    void noEndStepAtAll();
    void badJsonSaysWhere();
    void structuralMistakes_data();
    void structuralMistakes();
    void variablesAreFilled();
};

namespace {

QJsonObject t(const QString &ar, const QString &en)
{
    return { { u"ar"_s, ar }, { u"en"_s, en } };
}

QJsonObject say(const QString &id, const QString &next, const QString &en = u"Hello"_s)
{
    return { { u"id"_s, id }, { u"kind"_s, u"say"_s }, { u"text"_s, t(u"مرحباً"_s, en) }, { u"next"_s, next } };
}

QJsonObject endResolved(const QString &id)
{
    return { { u"id"_s, id },
             { u"kind"_s, u"end"_s },
             { u"text"_s, t(u"هل حُلّت مشكلتك؟"_s, u"Is your problem solved?"_s) },
             { u"outcome"_s, QJsonObject { { u"type"_s, u"resolved"_s } } } };
}

QJsonObject ask(const QString &id, const QList<QPair<QString, QString>> &choices)
{
    QJsonArray list;
    for (const auto &[value, next] : choices)
        list.append(QJsonObject { { u"value"_s, value }, { u"label"_s, t(value, value) }, { u"next"_s, next } });
    return {
        { u"id"_s, id }, { u"kind"_s, u"ask"_s }, { u"text"_s, t(u"سؤال؟"_s, u"Question?"_s) }, { u"choices"_s, list }
    };
}

QByteArray script(const QJsonArray &steps, const QString &start = u"hello"_s)
{
    const QJsonObject root { { u"format"_s, 1 },    { u"id"_s, u"test.script"_s },
                             { u"version"_s, 1 },   { u"title"_s, t(u"نص تجريبي"_s, u"Test script"_s) },
                             { u"start"_s, start }, { u"steps"_s, steps } };
    return QJsonDocument(root).toJson();
}

QStringList formatted(const QByteArray &json)
{
    QStringList out;
    for (const ScriptIssue &issue : validateScript(json))
        out.append(issue.format(u"test.json"_s));
    return out;
}

bool anyContains(const QStringList &lines, const QString &part)
{
    for (const QString &line : lines)
        if (line.contains(part))
            return true;
    return false;
}

} // namespace

void TestScriptValidation::aGoodScriptHasNoIssues()
{
    const QStringList issues
        = formatted(script({ say(u"hello"_s, u"q"_s), ask(u"q"_s, { { u"yes"_s, u"done"_s }, { u"no"_s, u"hello"_s } }),
                             endResolved(u"done"_s) }));
    QVERIFY2(issues.isEmpty(), qPrintable(issues.join(u'\n')));
}

void TestScriptValidation::issuesNameTheFileAndTheStep()
{
    const QStringList issues = formatted(script({ say(u"hello"_s, u"nowhere"_s), endResolved(u"done"_s) }));
    QVERIFY(!issues.isEmpty());
    QVERIFY2(issues.first().startsWith(u"test.json:hello: "_s), qPrintable(issues.first()));
}

void TestScriptValidation::unknownTarget()
{
    const QStringList issues
        = formatted(script({ say(u"hello"_s, u"q"_s), ask(u"q"_s, { { u"yes"_s, u"done"_s }, { u"no"_s, u"dnoe"_s } }),
                             endResolved(u"done"_s) }));
    QVERIFY2(anyContains(issues, u"test.json:q: goes to \"dnoe\", which is no step: fix the id or add that step"_s),
             qPrintable(issues.join(u'\n')));
}

void TestScriptValidation::unreachableStep()
{
    const QStringList issues
        = formatted(script({ say(u"hello"_s, u"done"_s), say(u"orphan"_s, u"done"_s), endResolved(u"done"_s) }));
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first(),
             u"test.json:orphan: no step leads here from \"hello\": link it from a step or remove it"_s);
}

void TestScriptValidation::loopWithNoWayOut()
{
    // hello → q; q's choices lead to a and b, which lead back to q: no end from there.
    const QStringList issues = formatted(
        script({ say(u"hello"_s, u"start_q"_s), ask(u"start_q"_s, { { u"x"_s, u"loop_a"_s }, { u"y"_s, u"done"_s } }),
                 say(u"loop_a"_s, u"loop_b"_s), say(u"loop_b"_s, u"loop_a"_s), endResolved(u"done"_s) }));
    QVERIFY2(anyContains(issues, u"test.json:loop_a: a loop with no way out"_s), qPrintable(issues.join(u'\n')));
    QVERIFY(anyContains(issues, u"test.json:loop_b: a loop with no way out"_s));
    QVERIFY(!anyContains(issues, u"test.json:start_q:"_s));
}

void TestScriptValidation::loopWithAWayOutIsFine()
{
    // Trying again is a loop too, but one whose question can end it.
    const QStringList issues = formatted(
        script({ say(u"hello"_s, u"retry"_s),
                 ask(u"retry"_s, { { u"again"_s, u"hello"_s }, { u"works"_s, u"done"_s } }), endResolved(u"done"_s) }));
    QVERIFY2(issues.isEmpty(), qPrintable(issues.join(u'\n')));
}

void TestScriptValidation::missingArabicOrEnglish_data()
{
    QTest::addColumn<QString>("ar");
    QTest::addColumn<QString>("en");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no arabic") << QString() << u"Hello"_s
                               << u"test.json:hello: \"text\" has no Arabic text: add \"ar\""_s;
    QTest::newRow("no english") << u"مرحباً"_s << QString()
                                << u"test.json:hello: \"text\" has no English text: add \"en\""_s;
}

void TestScriptValidation::missingArabicOrEnglish()
{
    QFETCH(QString, ar);
    QFETCH(QString, en);
    QFETCH(QString, expected);
    QJsonObject hello = say(u"hello"_s, u"done"_s);
    hello.insert(u"text"_s, t(ar, en));
    const QStringList issues = formatted(script({ hello, endResolved(u"done"_s) }));
    QCOMPARE(issues, QStringList { expected });

    // A single string instead of both languages is refused too.
    hello.insert(u"text"_s, u"Hello"_s);
    QVERIFY(anyContains(formatted(script({ hello, endResolved(u"done"_s) })), u"not a single string"_s));
}

void TestScriptValidation::unknownVariable()
{
    const QStringList issues
        = formatted(script({ say(u"hello"_s, u"done"_s, u"Hello {customer.nmae}"_s), endResolved(u"done"_s) }));
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues.first().startsWith(u"test.json:hello: unknown variable {customer.nmae}: use customer.name"_s),
             qPrintable(issues.first()));
}

void TestScriptValidation::inputFieldsAreVariables()
{
    const QJsonObject input { { u"id"_s, u"where"_s },
                              { u"kind"_s, u"input"_s },
                              { u"type"_s, u"location"_s },
                              { u"field"_s, u"location"_s },
                              { u"text"_s, t(u"أين؟"_s, u"Where?"_s) },
                              { u"next"_s, u"repeat"_s } };
    const QStringList good = formatted(
        script({ say(u"hello"_s, u"where"_s, u"Hello {customer.name}, case {case.number} due {referral.due}"_s), input,
                 say(u"repeat"_s, u"done"_s, u"So it is at {input.location}"_s), endResolved(u"done"_s) }));
    QVERIFY2(good.isEmpty(), qPrintable(good.join(u'\n')));
    const QStringList bad
        = formatted(script({ say(u"hello"_s, u"where"_s), input, say(u"repeat"_s, u"done"_s, u"At {input.street}"_s),
                             endResolved(u"done"_s) }));
    QVERIFY(anyContains(bad, u"test.json:repeat: unknown variable {input.street}"_s));
}

void TestScriptValidation::endStepWithoutOutcome()
{
    QJsonObject end = endResolved(u"done"_s);
    end.remove(u"outcome"_s);
    const QStringList issues = formatted(script({ say(u"hello"_s, u"done"_s), end }));
    QCOMPARE(issues.size(), 1);
    QVERIFY2(
        issues.first().startsWith(u"test.json:done: the end step has no \"outcome\": add { \"type\": \"resolved\" }"_s),
        qPrintable(issues.first()));
}

void TestScriptValidation::outcomeDetailsRequired_data()
{
    QTest::addColumn<QJsonObject>("outcome");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown type") << QJsonObject { { u"type"_s, u"closed"_s } }
                                  << u"unknown outcome \"type\" \"closed\""_s;
    QTest::newRow("referral without department")
        << QJsonObject { { u"type"_s, u"referred"_s }, { u"sla_hours"_s, 48 } } << u"needs \"department\""_s;
    QTest::newRow("referral without sla")
        << QJsonObject { { u"type"_s, u"referred"_s }, { u"department"_s, u"Billing"_s } } << u"needs \"sla_hours\""_s;
    QTest::newRow("callback without hours")
        << QJsonObject { { u"type"_s, u"callback_scheduled"_s } } << u"needs \"within_hours\""_s;
    QTest::newRow("transfer without queue") << QJsonObject { { u"type"_s, u"transferred"_s } } << u"needs \"queue\""_s;
    QTest::newRow("not resolved without reason")
        << QJsonObject { { u"type"_s, u"not_resolved"_s } } << u"\"reason\" is missing"_s;
}

void TestScriptValidation::outcomeDetailsRequired()
{
    QFETCH(QJsonObject, outcome);
    QFETCH(QString, expected);
    QJsonObject end = endResolved(u"done"_s);
    end.insert(u"outcome"_s, outcome);
    const QStringList issues = formatted(script({ say(u"hello"_s, u"done"_s), end }));
    QVERIFY2(anyContains(issues, u"test.json:done: "_s) && anyContains(issues, expected),
             qPrintable(issues.join(u'\n')));
}

void TestScriptValidation::noEndStepAtAll()
{
    const QStringList issues = formatted(script({ say(u"hello"_s, u"again"_s), say(u"again"_s, u"hello"_s) }));
    QVERIFY(anyContains(issues, u"test.json: the script has no end step"_s));
}

void TestScriptValidation::badJsonSaysWhere()
{
    const QStringList issues = formatted("{\n  \"format\": 1,\n  \"id\": \"x\"\n  \"steps\": []\n}");
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues.first().startsWith(u"test.json: not valid JSON at line 4"_s), qPrintable(issues.first()));
}

void TestScriptValidation::structuralMistakes_data()
{
    QTest::addColumn<QJsonObject>("step");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown kind") << QJsonObject {
        { u"id"_s, u"odd"_s }, { u"kind"_s, u"shout"_s }, { u"text"_s, t(u"ا"_s, u"a"_s) }, { u"next"_s, u"done"_s }
    } << u"test.json:odd: unknown \"kind\" \"shout\""_s;
    QTest::newRow("say without next") << QJsonObject {
        { u"id"_s, u"odd"_s }, { u"kind"_s, u"say"_s }, { u"text"_s, t(u"ا"_s, u"a"_s) }
    } << u"test.json:odd: \"next\" is missing"_s;
    QTest::newRow("input without field") << QJsonObject { { u"id"_s, u"odd"_s },
                                                          { u"kind"_s, u"input"_s },
                                                          { u"type"_s, u"text"_s },
                                                          { u"text"_s, t(u"ا"_s, u"a"_s) },
                                                          { u"next"_s, u"done"_s } }
                                         << u"test.json:odd: an input step needs \"field\""_s;
    QTest::newRow("unknown input type") << QJsonObject {
        { u"id"_s, u"odd"_s },  { u"kind"_s, u"input"_s },        { u"type"_s, u"colour"_s },
        { u"field"_s, u"f"_s }, { u"text"_s, t(u"ا"_s, u"a"_s) }, { u"next"_s, u"done"_s }
    } << u"test.json:odd: unknown input \"type\" \"colour\""_s;
    QTest::newRow("verify without failed") << QJsonObject { { u"id"_s, u"odd"_s },
                                                            { u"kind"_s, u"verify_identity"_s },
                                                            { u"methods"_s, QJsonArray { u"one_time_code"_s } },
                                                            { u"text"_s, t(u"ا"_s, u"a"_s) },
                                                            { u"next"_s, u"done"_s } }
                                           << u"test.json:odd: a verify_identity step needs \"failed\""_s;
    QTest::newRow("verify by calling back")
        << QJsonObject { { u"id"_s, u"odd"_s },
                         { u"kind"_s, u"verify_identity"_s },
                         { u"methods"_s, QJsonArray { u"call_back_from_registered_number"_s } },
                         { u"failed"_s, u"done"_s },
                         { u"text"_s, t(u"ا"_s, u"a"_s) },
                         { u"next"_s, u"done"_s } }
        << u"never ask the caller to call back from their registered number"_s;
    QTest::newRow("knowledge without title") << QJsonObject {
        { u"id"_s, u"odd"_s }, { u"kind"_s, u"knowledge"_s }, { u"text"_s, t(u"ا"_s, u"a"_s) }, { u"next"_s, u"done"_s }
    } << u"test.json:odd: \"title\" is missing"_s;
    QTest::newRow("checklist without items") << QJsonObject {
        { u"id"_s, u"odd"_s }, { u"kind"_s, u"checklist"_s }, { u"text"_s, t(u"ا"_s, u"a"_s) }, { u"next"_s, u"done"_s }
    } << u"test.json:odd: a checklist needs \"items\""_s;
    QTest::newRow("ask without choices") << QJsonObject {
        { u"id"_s, u"odd"_s }, { u"kind"_s, u"ask"_s }, { u"text"_s, t(u"ا"_s, u"a"_s) }
    } << u"test.json:odd: an ask step needs \"choices\""_s;
}

void TestScriptValidation::structuralMistakes()
{
    QFETCH(QJsonObject, step);
    QFETCH(QString, expected);
    const QStringList issues = formatted(script({ say(u"hello"_s, u"odd"_s), step, endResolved(u"done"_s) }));
    QVERIFY2(anyContains(issues, expected), qPrintable(issues.join(u'\n')));
}

void TestScriptValidation::variablesAreFilled()
{
    const QHash<QString, QString> values { { u"customer.name"_s, u"إيمان"_s }, { u"case.number"_s, u"C-1"_s } };
    QCOMPARE(substituteVariables(u"أهلاً {customer.name}، بلاغك {case.number}"_s, values), u"أهلاً إيمان، بلاغك C-1"_s);
    // A missing value shows as a dash: the agent sees that something is not known.
    QCOMPARE(substituteVariables(u"due {referral.due}"_s, values), u"due —"_s);
    QCOMPARE(variablesIn(u"{a.b} and {c} but not { d }"_s), (QStringList { u"a.b"_s, u"c"_s }));
}

QTEST_GUILESS_MAIN(TestScriptValidation)
#include "tst_scriptvalidation.moc"
