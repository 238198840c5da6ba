#include "client/errormapping.h"

#include <QTest>

using namespace sanad::client;
using Kind = ClientError::Kind;

class TestErrorMapping final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsEveryCode_data();
    void mapsEveryCode();
    void okIsNoError();
    void keepsTheServerMessage();
};

void TestErrorMapping::mapsEveryCode_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<Kind>("kind");

    QTest::newRow("UNAVAILABLE") << int(grpc::StatusCode::UNAVAILABLE) << Kind::Unreachable;
    QTest::newRow("DEADLINE_EXCEEDED") << int(grpc::StatusCode::DEADLINE_EXCEEDED) << Kind::Unreachable;
    QTest::newRow("UNAUTHENTICATED") << int(grpc::StatusCode::UNAUTHENTICATED) << Kind::Unauthenticated;
    QTest::newRow("PERMISSION_DENIED") << int(grpc::StatusCode::PERMISSION_DENIED) << Kind::PermissionDenied;
    QTest::newRow("INVALID_ARGUMENT") << int(grpc::StatusCode::INVALID_ARGUMENT) << Kind::InvalidArgument;
    QTest::newRow("NOT_FOUND") << int(grpc::StatusCode::NOT_FOUND) << Kind::NotFound;
    QTest::newRow("FAILED_PRECONDITION") << int(grpc::StatusCode::FAILED_PRECONDITION) << Kind::FailedPrecondition;
    QTest::newRow("CANCELLED") << int(grpc::StatusCode::CANCELLED) << Kind::Cancelled;
    QTest::newRow("UNKNOWN") << int(grpc::StatusCode::UNKNOWN) << Kind::Other;
    QTest::newRow("ALREADY_EXISTS") << int(grpc::StatusCode::ALREADY_EXISTS) << Kind::Other;
    QTest::newRow("RESOURCE_EXHAUSTED") << int(grpc::StatusCode::RESOURCE_EXHAUSTED) << Kind::Other;
    QTest::newRow("ABORTED") << int(grpc::StatusCode::ABORTED) << Kind::Other;
    QTest::newRow("OUT_OF_RANGE") << int(grpc::StatusCode::OUT_OF_RANGE) << Kind::Other;
    QTest::newRow("UNIMPLEMENTED") << int(grpc::StatusCode::UNIMPLEMENTED) << Kind::Other;
    QTest::newRow("INTERNAL") << int(grpc::StatusCode::INTERNAL) << Kind::Other;
    QTest::newRow("DATA_LOSS") << int(grpc::StatusCode::DATA_LOSS) << Kind::Other;
}

void TestErrorMapping::mapsEveryCode()
{
    QFETCH(int, code);
    QFETCH(Kind, kind);
    const ClientError error = errorFromStatus(grpc::Status(static_cast<grpc::StatusCode>(code), "message"));
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.grpcCode, code);
    QVERIFY(error.isError());
}

void TestErrorMapping::okIsNoError()
{
    const ClientError error = errorFromStatus(grpc::Status::OK);
    QCOMPARE(error.kind, Kind::None);
    QCOMPARE(error.grpcCode, 0);
    QVERIFY(!error.isError());
}

void TestErrorMapping::keepsTheServerMessage()
{
    // The server's messages are UTF-8; a person reads them in the details of an error.
    const std::string message = "\"abc\" contains letters or symbols: enter digits only (رقم)";
    const ClientError error = errorFromStatus(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, message));
    QCOMPARE(error.serverMessage, QString::fromStdString(message));
    QVERIFY(error.serverMessage.endsWith(QStringLiteral("(رقم)")));
}

QTEST_GUILESS_MAIN(TestErrorMapping)
#include "testerrormapping.moc"
