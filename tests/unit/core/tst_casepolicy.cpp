#include "core/casepolicy.h"

#include <QTest>

using namespace sanad;
using namespace Qt::StringLiterals;

class TestCasePolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        const CasePolicy p = CasePolicy::defaults();
        QCOMPARE(p.slaHours(u"bank.card"_s, Priority::Normal), 72);
        QCOMPARE(p.slaHours(u"bank.card"_s, Priority::Urgent), 4);
        QCOMPARE(p.slaHours(u"bank.card"_s, Priority::Unspecified), 72); // unspecified is normal
        QCOMPARE(p.slaHours(u"water.supply_cut"_s, Priority::Normal), 24);
        QCOMPARE(p.slaHours(u"water.supply_cut"_s, Priority::Low), 120); // falls back to the default row
        QCOMPARE(p.referralDueAtMs(u"water.supply_cut"_s, Priority::High, 1000), 1000 + 8 * 3600 * 1000LL);
        QCOMPARE(p.awaitingConfirmationDays, 3);
        QCOMPARE(p.incidentEscalateAt, 5);
        QVERIFY(p.isDispositionCode(u"resolved"_s));
        QVERIFY(!p.isDispositionCode(u"made_up"_s));
        QVERIFY(!p.wrapUpRequired(u"general"_s));
        QCOMPARE(p.callbackDelayMs(), 2 * 60 * 1000LL);
        QCOMPARE(p.callbackRetryMs(), 30 * 60 * 1000LL);
        QCOMPARE(p.callbackMaxAttempts, 3);
    }
    void fileOverridesWhatItGives()
    {
        QString error;
        const auto p = CasePolicy::fromJson(R"({
            "sla_hours": {"default": {"normal": 48}, "bank.card": {"urgent": 1}},
            "awaiting_confirmation_days": 5,
            "incident": {"window_hours": 2, "escalate_at": 3},
            "disposition_codes": ["solved", "escalated"],
            "wrap_up": {"default": "required", "queues": {"walk_in": "optional"}},
            "callbacks": {"delay_minutes": 0, "retry_minutes": 10, "max_attempts": 5}
        })",
                                            &error);
        QVERIFY2(p.has_value(), qPrintable(error));
        QCOMPARE(p->slaHours(u"telecom.internet"_s, Priority::Normal), 48);
        QCOMPARE(p->slaHours(u"telecom.internet"_s, Priority::High), 24); // untouched default
        QCOMPARE(p->slaHours(u"bank.card"_s, Priority::Urgent), 1);
        QCOMPARE(p->awaitingConfirmationDays, 5);
        QCOMPARE(p->incidentWindowMs(), 2 * 3600 * 1000LL);
        QCOMPARE(p->incidentEscalateAt, 3);
        QCOMPARE(p->dispositionCodes, QStringList({u"solved"_s, u"escalated"_s}));
        QVERIFY(p->wrapUpRequired(u"general"_s));
        QVERIFY(!p->wrapUpRequired(u"walk_in"_s));
        QCOMPARE(p->callbackDelayMs(), 0); // "at once" is a valid choice
        QCOMPARE(p->callbackRetryMs(), 10 * 60 * 1000LL);
        QCOMPARE(p->callbackMaxAttempts, 5);
    }
    void dispositionLabels()
    {
        // Built-in codes have built-in labels; a file may label its codes, in one language or two.
        const CasePolicy builtIn = CasePolicy::defaults();
        QCOMPARE(builtIn.dispositionLabel(u"wrong_number"_s).english, u"Wrong number"_s);
        QCOMPARE(builtIn.dispositionLabel(u"wrong_number"_s).arabic, u"رقم خاطئ"_s);
        QString error;
        const auto p = CasePolicy::fromJson(R"({"disposition_codes": [
            "resolved", "made_up",
            {"code": "meter_read", "ar": "قُرئ العداد", "en": "Meter read"},
            {"code": "tariff_explained", "ar": "شُرحت التعرفة"}
        ]})",
                                            &error);
        QVERIFY2(p.has_value(), qPrintable(error));
        QCOMPARE(p->dispositionCodes,
                 QStringList({ u"resolved"_s, u"made_up"_s, u"meter_read"_s, u"tariff_explained"_s }));
        QCOMPARE(p->dispositionLabel(u"resolved"_s).arabic, u"حُلّت"_s);
        QCOMPARE(p->dispositionLabel(u"made_up"_s).arabic, u"made_up"_s); // no labels: the code itself
        QCOMPARE(p->dispositionLabel(u"made_up"_s).english, u"made_up"_s);
        QCOMPARE(p->dispositionLabel(u"meter_read"_s).arabic, u"قُرئ العداد"_s);
        QCOMPARE(p->dispositionLabel(u"meter_read"_s).english, u"Meter read"_s);
        QCOMPARE(p->dispositionLabel(u"tariff_explained"_s).english, u"tariff_explained"_s);
        QVERIFY(p->isDispositionCode(u"meter_read"_s));
    }
    void badFilesSayWhatIsWrong_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{") << u"not valid JSON"_s;
        QTest::newRow("array") << QByteArray("[]") << u"one JSON object"_s;
        QTest::newRow("unknown key") << QByteArray(R"({"sla": {}})") << u"\"sla\""_s;
        QTest::newRow("bad priority") << QByteArray(R"({"sla_hours": {"default": {"soon": 3}}})") << u"soon"_s;
        QTest::newRow("zero hours") << QByteArray(R"({"sla_hours": {"default": {"normal": 0}}})")
                                    << u"sla_hours.default.normal"_s;
        QTest::newRow("days text") << QByteArray(R"({"awaiting_confirmation_days": "3"})")
                                   << u"awaiting_confirmation_days"_s;
        QTest::newRow("no codes") << QByteArray(R"({"disposition_codes": []})") << u"disposition_codes"_s;
        QTest::newRow("code without code") << QByteArray(R"({"disposition_codes": [{"ar": "س"}]})")
                                           << u"disposition_codes"_s;
        QTest::newRow("code with a wrong key") << QByteArray(R"({"disposition_codes": [{"code": "a", "fr": "b"}]})")
                                               << u"\"fr\""_s;
        QTest::newRow("code twice") << QByteArray(R"({"disposition_codes": ["a", "a"]})") << u"twice"_s;
        QTest::newRow("wrap-up word") << QByteArray(R"({"wrap_up": {"queues": {"general": "yes"}}})")
                                      << u"wrap_up.queues.general"_s;
        QTest::newRow("negative delay") << QByteArray(R"({"callbacks": {"delay_minutes": -1}})")
                                        << u"callbacks.delay_minutes"_s;
        QTest::newRow("no attempts") << QByteArray(R"({"callbacks": {"max_attempts": 0}})")
                                     << u"callbacks.max_attempts"_s;
    }
    void badFilesSayWhatIsWrong()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!CasePolicy::fromJson(json, &error).has_value());
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }
    void priorityKeys()
    {
        QCOMPARE(priorityFromKey(u"urgent"), Priority::Urgent);
        QVERIFY(!priorityFromKey(u"URGENT").has_value());
        QCOMPARE(priorityKey(Priority::Low), u"low"_s);
    }
};

QTEST_GUILESS_MAIN(TestCasePolicy)
#include "tst_casepolicy.moc"
