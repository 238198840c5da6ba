// The sync loop with its transports replaced: an offered contact holds a catch-up's pulls so the
// screen-pop has the GUI thread and the server first (docs/sync.md).
#include "client/syncengine.h"

#include <QTest>

using namespace sanad;
using namespace sanad::client;

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offeredContactHoldsTheCatchUp();
};

void TestSyncEngine::offeredContactHoldsTheCatchUp()
{
    SyncEngine engine;
    QVERIFY(engine.openStore(QStringLiteral(":memory:")).outcome != LocalStore::OpenOutcome::Failed);
    int pulls = 0;
    int page = 0;
    engine.pushTransport = [](v1::PushRequest, SyncEngine::PushDone done) {
        done({}, {});
    };
    engine.pullTransport = [&](v1::PullRequest, SyncEngine::PullDone done) {
        ++pulls;
        v1::PullResponse response;
        response.set_server_epoch("epoch-1");
        response.set_next_cursor("cursor-" + std::to_string(++page));
        response.set_has_more(page < 3); // a feed of three pages: a catch-up
        done({}, response);
    };
    // A contact is offered as the desktop signs in: not one page is pulled while it rings.
    engine.holdPulls(60 * 60 * 1000);
    engine.start();
    QTest::qWait(200);
    QCOMPARE(pulls, 0);
    QVERIFY(!engine.state().upToDate);
    // The hold ends: the whole feed is pulled.
    engine.holdPulls(0);
    QTRY_COMPARE(pulls, 3);
    QTRY_VERIFY(engine.state().upToDate);
    QCOMPARE(engine.store().cursor(), QStringLiteral("cursor-3"));
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
