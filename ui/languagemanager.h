#pragma once

#include <QLocale>
#include <QObject>

#include <memory>
#include <optional>

class QTranslator;

namespace sanad::ui {

// The desktop's language: Arabic (default, right to left) or English. setLanguage() takes effect
// at once: it sets the default QLocale, swaps the translators (Sanad's catalogue embedded at
// ":/i18n/sanad_<code>.qm" and, for Arabic, Qt's own qtbase_ar.qm), and sets the application's
// layout direction from the catalogue's QT_LAYOUT_DIRECTION. Qt then posts LanguageChange to
// every widget, whose changeEvent() retranslates it. The choice is saved in QSettings
// ("Sanad", "sanad-desk"), key "language" ("ar" or "en").
//
// The Arabic locale is itself a setting, key "arabicLocale" (default "ar_OM"), and so are the
// digits the Arabic interface writes, key "digits" ("arabic-indic" or "latin"; by default those
// of the Arabic locale). Qt 6.4 cannot change a locale's digits (it ignores "-u-nu-latn"), so
// the digits choose the locale: the configured one when its digits agree, else ar_AE for Latin
// digits or ar_OM for Arabic-Indic ones (the same Gulf formats). Every date, time, count and
// number on screen, phone numbers and national ids included (DisplayText::digits), follows. The
// English interface always writes Latin digits.
class LanguageManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageManager)

public:
    enum class Language { Arabic, English };
    Q_ENUM(Language)
    enum class Digits { ArabicIndic, Latin };
    Q_ENUM(Digits)

    explicit LanguageManager(QObject *parent = nullptr);
    // Removes the translators it installed.
    ~LanguageManager() override;

    Language language() const { return m_language; }
    // Sets and saves the language. Call on the GUI thread.
    void setLanguage(Language language);
    // The saved language, Arabic when none was saved.
    static Language savedLanguage();

    // The digits of the Arabic interface. setDigits() saves them and applies them at once.
    Digits digits() const { return savedDigits(); }
    void setDigits(Digits digits);
    static Digits savedDigits();
    // "arabic-indic" / "latin"; fromDigitsCode also takes "arabic", "indic", "0123", "٠١٢٣".
    static QString digitsCode(Digits digits);
    static std::optional<Digits> fromDigitsCode(QStringView code);

    // "ar" / "en"; fromCode also takes "العربية", "arabic", "english", any case.
    static QString code(Language language);
    static std::optional<Language> fromCode(QStringView code);
    // The locale dates and numbers are written in for a language.
    static QLocale localeFor(Language language);

Q_SIGNALS:
    void languageChanged(sanad::ui::LanguageManager::Language language);
    void digitsChanged(sanad::ui::LanguageManager::Digits digits);

private:
    void removeTranslators();

    Language m_language = Language::Arabic;
    std::unique_ptr<QTranslator> m_sanadTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
};

} // namespace sanad::ui
