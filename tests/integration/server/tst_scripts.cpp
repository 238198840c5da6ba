#include "grpctestclient.h"
#include "serverprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace sanad;
using namespace sanad::test;
using namespace Qt::StringLiterals;

// Guided scripts on the server: `sanad-server validate-script` over every shipped script and a
// broken one.
class TestScripts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyShippedScriptIsValid();
    void validateScriptReportsFileAndStep();

private:
    static QStringList shippedScripts()
    {
        const QDir dir(QStringLiteral(SANAD_SCRIPTS_DIR));
        QStringList files;
        for (const QString &name : dir.entryList({ u"*.json"_s }, QDir::Files, QDir::Name))
            files.append(dir.filePath(name));
        return files;
    }
    static CommandResult runServer(const QStringList &args)
    {
        QProcess p;
        p.start(ServerProcess::serverBinary(), args);
        CommandResult result;
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return result;
        }
        result.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        result.standardOutput = QString::fromUtf8(p.readAllStandardOutput());
        result.standardError = QString::fromUtf8(p.readAllStandardError());
        return result;
    }
};

void TestScripts::everyShippedScriptIsValid()
{
    const QStringList files = shippedScripts();
    // One script per story of PRODUCT.md.
    QVERIFY2(files.size() >= 7, qPrintable(files.join(u", ")));
    const CommandResult result = runServer(QStringList { u"validate-script"_s } + files);
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    for (const QString &file : files)
        QVERIFY(result.standardOutput.contains(file + u": ok"_s));
}

void TestScripts::validateScriptReportsFileAndStep()
{
    QTemporaryDir dir;
    QFile source(shippedScripts().constFirst());
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray broken = source.readAll();
    // Point the start step at a step that does not exist.
    const qsizetype at = broken.indexOf("\"next\": \"");
    QVERIFY(at > 0);
    broken.insert(at + 9, "missing_");
    const QString path = dir.filePath(u"broken.json"_s);
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(broken);
    out.close();

    const CommandResult result = runServer({ u"validate-script"_s, path, shippedScripts().constFirst() });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.standardError.contains(path + u":greet: goes to \"missing_"_s), qPrintable(result.standardError));
    QVERIFY(result.standardError.contains(u"which is no step: fix the id or add that step"_s));
    QVERIFY(result.standardOutput.contains(shippedScripts().constFirst() + u": ok"_s));

    const CommandResult usage = runServer({ u"validate-script"_s });
    QCOMPARE(usage.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestScripts)
#include "tst_scripts.moc"
