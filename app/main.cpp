// sanad-desk: the contact-centre agent desktop.
//
//   sanad-desk [--server HOST:PORT] [--user NAME] [--password-file FILE] [--language ar|en]
//              [--digits arabic-indic|latin] [--sign-in] [--no-sound] [--screenshot DIR]
//
// The options only fill in the sign-in form. A password is never taken from argv (other users
// could read it from the process list): --password-file names a file whose first line is the
// password; the caller may delete the file as soon as sanad-desk has started.
//
// --screenshot DIR signs in with the form, walks through the screens of the README in Arabic
// and English (ScreenshotTour), writes them as PNGs into DIR and exits; it keeps its settings
// apart, so the user's saved language and server stay as they were.
#include "ui/desk.h"
#include "ui/screenshottour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QLoggingCategory>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>

#include <memory>

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Debug lines only on request (QT_LOGGING_RULES="sanad.*.debug=true").
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("sanad.*.debug=false"));
    sanad::ui::Desk::setUpApplication();
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sanad agent desktop"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QStringLiteral("The Sanad server to sign in to (default: the last one used, "
                                                         "else 127.0.0.1:50051)."),
                                          QStringLiteral("HOST:PORT"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("The user name to fill in."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption passwordFileOption(
        QStringLiteral("password-file"),
        QStringLiteral("A file whose first line is the password to fill in (never pass a password in argv)."),
        QStringLiteral("FILE"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
                                            QStringLiteral("ar (default) or en; saved for the next start."),
                                            QStringLiteral("ar|en"));
    const QCommandLineOption signInOption(QStringLiteral("sign-in"),
                                          QStringLiteral("Sign in at once with the filled-in form."));
    const QCommandLineOption noSoundOption(QStringLiteral("no-sound"),
                                           QStringLiteral("Ring only visibly, without the ring tone."));
    const QCommandLineOption digitsOption(
        QStringLiteral("digits"),
        QStringLiteral("The digits of the Arabic interface, arabic-indic or latin; saved for the next start."),
        QStringLiteral("arabic-indic|latin"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Sign in with the form (--server, --user, --password-file; a demo server with "
                       "--simulate-calls), write PNGs of the main screens in Arabic and English into DIR, "
                       "and exit."),
        QStringLiteral("DIR"));
    parser.addOptions({ serverOption, userOption, passwordFileOption, languageOption, digitsOption, signInOption,
                        noSoundOption, screenshotOption });
    parser.process(app);

    // Screenshots use settings of their own: the tour switches languages and signs out.
    QTemporaryDir screenshotSettings;
    const bool screenshots = parser.isSet(screenshotOption);
    if (screenshots) {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, screenshotSettings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, screenshotSettings.path());
    }

    sanad::ui::DeskOptions options;
    options.serverAddress = parser.value(serverOption).trimmed();
    options.userName = parser.value(userOption).trimmed();
    options.signIn = parser.isSet(signInOption);
    options.sound = !parser.isSet(noSoundOption);
    if (parser.isSet(languageOption)) {
        options.language = sanad::ui::LanguageManager::fromCode(parser.value(languageOption));
        if (!options.language) {
            err() << "sanad-desk: --language must be ar or en, not \"" << parser.value(languageOption) << "\".\n";
            return 2;
        }
    }
    if (parser.isSet(digitsOption)) {
        const auto digits = sanad::ui::LanguageManager::fromDigitsCode(parser.value(digitsOption));
        if (!digits) {
            err() << "sanad-desk: --digits must be arabic-indic or latin, not \"" << parser.value(digitsOption)
                  << "\".\n";
            return 2;
        }
        QSettings(QStringLiteral("Sanad"), QStringLiteral("sanad-desk"))
            .setValue(QStringLiteral("digits"), sanad::ui::LanguageManager::digitsCode(*digits));
    }
    if (parser.isSet(passwordFileOption)) {
        QFile file(parser.value(passwordFileOption));
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray firstLine = file.readLine();
            options.password = QString::fromUtf8(firstLine).remove(u'\n').remove(u'\r');
        } else {
            err() << "sanad-desk: cannot read the password file " << file.fileName() << ": " << file.errorString()
                  << ". The sign-in form opens without a password.\n";
            err().flush();
        }
    }

    if (screenshots) {
        if (options.serverAddress.isEmpty() || options.userName.isEmpty() || options.password.isEmpty()) {
            err() << "sanad-desk: --screenshot needs --server, --user and --password-file.\n";
            return 2;
        }
        options.language = sanad::ui::LanguageManager::Language::Arabic;
        options.signIn = false; // the tour photographs the sign-in window first
        options.sound = false;
    }

    sanad::ui::Desk desk;
    desk.start(options);
    std::unique_ptr<sanad::ui::ScreenshotTour> tour;
    if (screenshots) {
        tour = std::make_unique<sanad::ui::ScreenshotTour>(&desk, parser.value(screenshotOption));
        tour->start();
    }
    return app.exec();
}
