#pragma once

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace sanad::ui {

class LanguageManager;

// The sign-in window: server address, user name, password and "Sign in" (Enter in any field).
// It only collects and shows; the Desk signs in and tells it what happened. Its language box
// switches the whole application's language at once.
class LoginWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginWindow)

public:
    explicit LoginWindow(LanguageManager *languages, QWidget *parent = nullptr);
    ~LoginWindow() override;

    QString serverAddress() const;
    QString userName() const;
    void setServerAddress(const QString &address);
    void setUserName(const QString &name);
    void setPassword(const QString &password);
    void clearPassword();
    // Puts the focus where the next keystroke belongs (the first empty field, else Sign in).
    void focusFirstEmptyField();

    // While signing in the fields are locked and a busy bar runs.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    // An error (red) or a notice such as "your session has expired" (amber). The text is asked
    // for again after a language switch, so it is given as a function.
    using MessageText = std::function<QString()>;
    void showError(MessageText text);
    void showNotice(MessageText text);
    void clearMessage();
    // The message shown, empty when none.
    QString message() const;

Q_SIGNALS:
    void signInRequested(const QString &serverAddress, const QString &userName, const QString &password);

protected:
    void changeEvent(QEvent *event) override;

private:
    void submit();
    void retranslateUi();
    void showMessage(MessageText text, bool error);
    void updateMessage();

    LanguageManager *m_languages;
    bool m_busy = false;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_languageLabel;
    QComboBox *m_language;
    QLabel *m_serverLabel;
    QLabel *m_userLabel;
    QLabel *m_passwordLabel;
    QLineEdit *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QPushButton *m_signIn;
    QProgressBar *m_busyBar;
    QLabel *m_message;
    MessageText m_messageText;
    bool m_messageIsError = false;
};

} // namespace sanad::ui
