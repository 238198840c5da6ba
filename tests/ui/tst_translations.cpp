// translations_complete: the committed catalogues are complete and in sync with the code.
//
// lupdate is run with -no-obsolete over the same sources as the build's update_translations
// target, into a temporary copy of each catalogue. The test fails, naming the entries, when a
// message is unfinished (a new or changed source string without a translation), vanished or
// obsolete (a translation whose source string left the code), or when a numerus message lacks
// one of its forms.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    QString type; // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or the numerus forms
    bool numerus = false;

    QString key() const { return context + QChar(0x1f) + source + QChar(0x1f) + comment; }
    QString describe() const
    {
        return QStringLiteral("[%1] \"%2\"%3")
            .arg(context, source, comment.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(comment));
    }
};

QList<Message> readCatalogue(const QString &path, QString *language)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"TS") {
                *language = xml.attributes().value(QLatin1StringView("language")).toString();
            } else if (name == u"name" && !inMessage) {
                context = xml.readElementText();
            } else if (name == u"message") {
                inMessage = true;
                current = Message {};
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1StringView("numerus")) == u"yes";
            } else if (name == u"source" && inMessage) {
                current.source = xml.readElementText();
            } else if (name == u"comment" && inMessage) {
                current.comment = xml.readElementText();
            } else if (name == u"translation" && inMessage) {
                current.type = xml.attributes().value(QLatin1StringView("type")).toString();
                if (!current.numerus)
                    current.translations << xml.readElementText();
            } else if (name == u"numerusform" && inMessage) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            inMessage = false;
            messages << current;
        }
    }
    if (xml.hasError())
        qWarning() << path << "is not a readable TS file:" << xml.errorString();
    return messages;
}

QStringList problems(const QList<Message> &messages, int numerusForms)
{
    QStringList out;
    for (const Message &m : messages) {
        if (!m.type.isEmpty())
            out << QStringLiteral("%1: %2").arg(m.type, m.describe());
        else if (m.numerus && m.translations.size() != numerusForms)
            out << QStringLiteral("%1 plural forms instead of %2: %3")
                       .arg(m.translations.size())
                       .arg(numerusForms)
                       .arg(m.describe());
        else if (std::any_of(m.translations.cbegin(), m.translations.cend(),
                             [](const QString &t) { return t.isEmpty(); }))
            out << QStringLiteral("empty translation: %1").arg(m.describe());
    }
    return out;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogueIsCompleteAndInSync_data();
    void catalogueIsCompleteAndInSync();
    void arabicFlipsTheLayout();
};

void TestTranslations::catalogueIsCompleteAndInSync_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("numerusForms");
    QTest::newRow("sanad_ar.ts") << QStringLiteral(SANAD_TS_AR) << QStringLiteral("ar") << QStringList() << 6;
    QTest::newRow("sanad_en.ts (plurals)")
        << QStringLiteral(SANAD_TS_EN) << QStringLiteral("en") << QStringList { QStringLiteral("-pluralonly") } << 2;
}

void TestTranslations::catalogueIsCompleteAndInSync()
{
    QFETCH(QString, file);
    QFETCH(QString, language);
    QFETCH(QStringList, options);
    QFETCH(int, numerusForms);

    QString committedLanguage;
    const QList<Message> committed = readCatalogue(file, &committedLanguage);
    QVERIFY2(!committed.isEmpty(), qPrintable(file + QStringLiteral(" is missing or empty")));
    QCOMPARE(committedLanguage, language);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(file).fileName());
    QVERIFY(QFile::copy(file, copy));
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args { QStringLiteral("-I"),
                       QStringLiteral(SANAD_SOURCE_ROOT),
                       QStringLiteral("-no-obsolete"),
                       QStringLiteral("-locations"),
                       QStringLiteral("none"),
                       QStringLiteral("-source-language"),
                       QStringLiteral("en"),
                       QStringLiteral("-target-language"),
                       language };
    args << options << QStringLiteral("@" SANAD_LUPDATE_SOURCES) << QStringLiteral("-ts") << copy;
    lupdate.start(QStringLiteral(SANAD_LUPDATE), args);
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    const QString log = QString::fromUtf8(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(log));

    QString updatedLanguage;
    const QList<Message> updated = readCatalogue(copy, &updatedLanguage);
    QStringList found = problems(committed, numerusForms);
    for (const QString &p : problems(updated, numerusForms)) {
        if (!found.contains(p))
            found << p;
    }
    // -no-obsolete drops entries whose source left the code: the committed file still has them.
    QSet<QString> current;
    for (const Message &m : updated)
        current.insert(m.key());
    for (const Message &m : committed) {
        if (!current.contains(m.key()))
            found << QStringLiteral("vanished from the code: %1").arg(m.describe());
    }
    if (!found.isEmpty()) {
        qWarning().noquote() << file
                             << "is not complete and in sync with the code. Run `cmake --build <dir> --target "
                                "update_translations`, translate, and commit. Entries:\n "
                             << found.join(QStringLiteral("\n  "));
    }
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 problem(s) in %2").arg(found.size()).arg(file)));
}

void TestTranslations::arabicFlipsTheLayout()
{
    QString language;
    const QList<Message> messages = readCatalogue(QStringLiteral(SANAD_TS_AR), &language);
    const auto it = std::find_if(messages.cbegin(), messages.cend(), [](const Message &m) {
        return m.context == u"QGuiApplication" && m.source == u"QT_LAYOUT_DIRECTION";
    });
    QVERIFY2(it != messages.cend(), "sanad_ar.ts lost its QT_LAYOUT_DIRECTION entry");
    QCOMPARE(it->translations, QStringList { QStringLiteral("RTL") });
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
