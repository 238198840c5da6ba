#include "core/clock.h"
#include "server/auth/authorizer.h"
#include "server/auth/passwordhasher.h"
#include "server/storage/database.h"
#include "server/storage/userrepository.h"

#include <google/protobuf/descriptor.h>

#include <QTemporaryDir>
#include <QTest>

using namespace sanad;
using namespace sanad::server;
using namespace Qt::StringLiterals;

class TestAuthorizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMethodIsInTheTable();
    void roleRules_data();
    void roleRules();
    void unknownMethodIsRefused();
    void sessions();
};

void TestAuthorizer::everyMethodIsInTheTable()
{
    const auto *pool = google::protobuf::DescriptorPool::generated_pool();
    const QStringList files = QStringLiteral(SANAD_PROTO_FILES).split(u',');
    QVERIFY(files.size() >= 7);
    int methodsSeen = 0;
    for (const QString &name : files) {
        const google::protobuf::FileDescriptor *file = pool->FindFileByName(name.toStdString());
        QVERIFY2(file, qPrintable(name + u" is not linked into the test"_s));
        for (int s = 0; s < file->service_count(); ++s) {
            const google::protobuf::ServiceDescriptor *service = file->service(s);
            QVERIFY(QString::fromStdString(service->full_name()).startsWith("sanad.v1."_L1));
            for (int m = 0; m < service->method_count(); ++m) {
                const std::string method = "/" + service->full_name() + "/" + service->method(m)->name();
                QVERIFY2(Authorizer::ruleFor(method),
                         qPrintable(QString::fromStdString(method) + u" is missing from the role table"_s));
                ++methodsSeen;
            }
        }
    }
    // And nothing in the table that the protos do not have.
    QCOMPARE(size_t(methodsSeen), Authorizer::rules().size());
}

void TestAuthorizer::roleRules_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QList<int>>("allowed");
    const QList<int> caseRoles = { int(Role::Agent), int(Role::Lead), int(Role::Trainer), int(Role::Admin) };
    const auto name = [](std::string_view method) {
        return QString::fromUtf8(method.data(), method.size());
    };
    QTest::newRow("cti") << name(methods::kReportCallEvent) << QList<int> { int(Role::Cti), int(Role::Admin) };
    for (std::string_view method :
         { methods::kLookupCaller, methods::kSearchCustomers, methods::kGetCustomerContext, methods::kPush,
           methods::kPull, methods::kConnect, methods::kSetPresence, methods::kAcceptContact, methods::kEndContact })
        QTest::newRow(qPrintable(name(method))) << name(method) << caseRoles;
    QTest::newRow("test clock") << name(methods::kAdvanceClock) << QList<int> { int(Role::Admin) };
    QTest::newRow("follow-up list") << name(methods::kGetFollowUpList) << QList<int> { int(Role::Lead), int(Role::Admin) };
}

void TestAuthorizer::roleRules()
{
    QFETCH(QString, method);
    QFETCH(QList<int>, allowed);
    for (Role role : { Role::Agent, Role::Lead, Role::Trainer, Role::Admin, Role::Cti, Role::Unspecified })
        QCOMPARE(Authorizer::allows(method.toStdString(), role), allowed.contains(int(role)));
    QVERIFY(Authorizer::ruleFor(method.toStdString())->needsSession);
    // Login is the one method open without a session.
    QVERIFY(!Authorizer::ruleFor(methods::kLogin)->needsSession);
}

void TestAuthorizer::unknownMethodIsRefused()
{
    QVERIFY(!Authorizer::ruleFor("/sanad.v1.CaseService/DeleteEverything"));
    QVERIFY(!Authorizer::allows("/sanad.v1.CaseService/DeleteEverything", Role::Admin));
}

void TestAuthorizer::sessions()
{
    QVERIFY(PasswordHasher::initialize());
    QTemporaryDir dir;
    auto database = Database::open(u"sqlite:"_s + dir.filePath(u"sanad.db"_s), 1000);
    ManualClock clock(1000000);
    UserRepository users(*database);
    QVERIFY(users.insert(UserRecord { u"u-cti"_s, u"pbx"_s, u"PBX"_s, Role::Cti, u"!"_s, true, 0 }));
    const QString token = PasswordHasher::newToken();
    users.insertSession(PasswordHasher::tokenHash(token), u"u-cti"_s, clock.nowMs(), clock.nowMs() + 60000);

    Authorizer authorizer(*database, clock);
    const std::string header = "Bearer " + token.toStdString();
    QVERIFY(authorizer.authorizeHeader(header, methods::kReportCallEvent).ok());
    QCOMPARE(authorizer.authorizeHeader(header, methods::kReportCallEvent).user.username, u"pbx"_s);
    const AuthResult denied = authorizer.authorizeHeader(header, methods::kLookupCaller);
    QCOMPARE(denied.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    QVERIFY(QString::fromStdString(denied.status.error_message()).contains("CaseService.LookupCaller"_L1));
    QCOMPARE(authorizer.authorizeHeader("", methods::kLookupCaller).status.error_code(),
             grpc::StatusCode::UNAUTHENTICATED);
    QCOMPARE(authorizer.authorizeHeader("Bearer nonsense", methods::kReportCallEvent).status.error_code(),
             grpc::StatusCode::UNAUTHENTICATED);
    QCOMPARE(authorizer.authorizeHeader("Basic abc", methods::kReportCallEvent).status.error_code(),
             grpc::StatusCode::UNAUTHENTICATED);
    QVERIFY(authorizer.authorizeHeader("", methods::kLogin).ok());

    clock.advance(60000);
    const AuthResult expired = authorizer.authorizeHeader(header, methods::kReportCallEvent);
    QCOMPARE(expired.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    QVERIFY(QString::fromStdString(expired.status.error_message()).contains("expired"_L1));
}

QTEST_GUILESS_MAIN(TestAuthorizer)
#include "tst_authorizer.moc"
