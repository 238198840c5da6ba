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
// The Arabic locale is itself a setting, key "arabicLocale" (default "ar_OM", which writes
// Arabic-Indic digits; "ar_AE" writes Latin digits).
class LanguageManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageManager)

public:
    enum class Language { Arabic, English };
    Q_ENUM(Language)

    explicit LanguageManager(QObject *parent = nullptr);
    // Removes the translators it installed.
    ~LanguageManager() override;

    Language language() const { return m_language; }
    // Sets and saves the language. Call on the GUI thread.
    void setLanguage(Language language);
    // The saved language, Arabic when none was saved.
    static Language savedLanguage();

    // "ar" / "en"; fromCode also takes "العربية", "arabic", "english", any case.
    static QString code(Language language);
    static std::optional<Language> fromCode(QStringView code);
    // The locale dates and numbers are written in for a language.
    static QLocale localeFor(Language language);

Q_SIGNALS:
    void languageChanged(sanad::ui::LanguageManager::Language language);

private:
    void removeTranslators();

    Language m_language = Language::Arabic;
    std::unique_ptr<QTranslator> m_sanadTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
};

} // namespace sanad::ui
