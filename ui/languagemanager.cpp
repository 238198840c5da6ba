#include "ui/languagemanager.h"

#include "ui/logging.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace sanad::ui {

namespace {

// Qt reads the layout direction from this entry of the "QGuiApplication" context; keeping it in
// our catalogue (translated to "RTL" in sanad_ar.ts) flips the whole UI even without qtbase_ar.qm.
// The comment is Qt's own disambiguation, so Qt's lookup finds our entry too.
struct TranslatableText
{
    const char *source;
    const char *comment;
};
const TranslatableText kLayoutDirection = QT_TRANSLATE_NOOP3(
    "QGuiApplication", "QT_LAYOUT_DIRECTION",
    "Translate this string to the string 'LTR' in left-to-right languages or to 'RTL' in right-to-left "
    "languages (such as Hebrew and Arabic) to get proper widget layout.");

QSettings settings()
{
    return QSettings(QStringLiteral("Sanad"), QStringLiteral("sanad-desk"));
}

LanguageManager::Digits digitsOf(const QLocale &locale)
{
    return locale.zeroDigit() == u"0" ? LanguageManager::Digits::Latin : LanguageManager::Digits::ArabicIndic;
}

// The configured Arabic locale, ar_OM unless set.
QLocale configuredArabicLocale()
{
    const QString configured = settings().value(QStringLiteral("arabicLocale")).toString();
    if (!configured.isEmpty()) {
        const QLocale locale(configured);
        if (locale.language() == QLocale::Arabic)
            return locale;
        qCWarning(lcUi) << "setting arabicLocale is not an Arabic locale, using ar_OM:" << configured;
    }
    return QLocale(QLocale::Arabic, QLocale::Oman);
}

} // namespace

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{ }

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QString LanguageManager::code(Language language)
{
    return language == Language::English ? QStringLiteral("en") : QStringLiteral("ar");
}

std::optional<LanguageManager::Language> LanguageManager::fromCode(QStringView code)
{
    const QString c = code.trimmed().toString().toLower();
    if (c == u"ar" || c.startsWith(u"ar_") || c == u"arabic" || c == u"العربية")
        return Language::Arabic;
    if (c == u"en" || c.startsWith(u"en_") || c == u"english")
        return Language::English;
    return std::nullopt;
}

LanguageManager::Language LanguageManager::savedLanguage()
{
    return fromCode(settings().value(QStringLiteral("language")).toString()).value_or(Language::Arabic);
}

QLocale LanguageManager::localeFor(Language language)
{
    if (language == Language::English)
        return QLocale(QLocale::English, QLocale::UnitedKingdom);
    const QLocale configured = configuredArabicLocale();
    const Digits wanted = savedDigits();
    if (digitsOf(configured) == wanted)
        return configured;
    return wanted == Digits::Latin ? QLocale(QLocale::Arabic, QLocale::UnitedArabEmirates)
                                   : QLocale(QLocale::Arabic, QLocale::Oman);
}

QString LanguageManager::digitsCode(Digits digits)
{
    return digits == Digits::Latin ? QStringLiteral("latin") : QStringLiteral("arabic-indic");
}

std::optional<LanguageManager::Digits> LanguageManager::fromDigitsCode(QStringView code)
{
    const QString c = code.trimmed().toString().toLower();
    if (c == u"latin" || c == u"western" || c == u"0123")
        return Digits::Latin;
    if (c == u"arabic-indic" || c == u"arabic" || c == u"indic" || c == u"eastern" || c == u"٠١٢٣")
        return Digits::ArabicIndic;
    return std::nullopt;
}

LanguageManager::Digits LanguageManager::savedDigits()
{
    const QString saved = settings().value(QStringLiteral("digits")).toString();
    if (const auto digits = fromDigitsCode(saved))
        return *digits;
    return digitsOf(configuredArabicLocale());
}

void LanguageManager::setDigits(Digits digits)
{
    if (digits == savedDigits())
        return;
    settings().setValue(QStringLiteral("digits"), digitsCode(digits));
    // Installing the catalogues again posts LanguageChange to every widget, which writes its
    // numbers and dates again in the new locale.
    setLanguage(m_language);
    Q_EMIT digitsChanged(digits);
}

void LanguageManager::removeTranslators()
{
    if (m_sanadTranslator)
        QCoreApplication::removeTranslator(m_sanadTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_sanadTranslator.reset();
    m_qtTranslator.reset();
}

void LanguageManager::setLanguage(Language language)
{
    // The locale first: widgets retranslate when the LanguageChange events posted by installing
    // the translators arrive, and format their dates and numbers with the default locale then.
    QLocale::setDefault(localeFor(language));

    removeTranslators();
    const QString code = LanguageManager::code(language);
    m_sanadTranslator = std::make_unique<QTranslator>();
    if (m_sanadTranslator->load(QStringLiteral(":/i18n/sanad_") + code + QStringLiteral(".qm")))
        QCoreApplication::installTranslator(m_sanadTranslator.get());
    else
        qCWarning(lcUi) << "the embedded catalogue is missing for" << code;
    if (language == Language::Arabic) {
        m_qtTranslator = std::make_unique<QTranslator>();
        if (m_qtTranslator->load(QStringLiteral("qtbase_ar"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(m_qtTranslator.get());
        else
            qCInfo(lcUi) << "Qt's own Arabic catalogue (qtbase_ar.qm) is not installed; standard dialogs stay "
                            "in English (package qt6-translations-l10n)";
    }

    const QString direction
        = QCoreApplication::translate("QGuiApplication", kLayoutDirection.source, kLayoutDirection.comment);
    QGuiApplication::setLayoutDirection(direction == u"RTL" ? Qt::RightToLeft : Qt::LeftToRight);

    const bool changed = m_language != language;
    m_language = language;
    settings().setValue(QStringLiteral("language"), code);
    qCDebug(lcUi) << "language" << code << "layout direction" << QGuiApplication::layoutDirection();
    if (changed)
        Q_EMIT languageChanged(language);
}

} // namespace sanad::ui
