#include "ui/loginwindow.h"

#include "ui/icons.h"
#include "ui/languagemanager.h"
#include "ui/leadingalignment.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace sanad::ui {

LoginWindow::LoginWindow(LanguageManager *languages, QWidget *parent)
    : QWidget(parent)
    , m_languages(languages)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_languageLabel(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_serverLabel(new QLabel(this))
    , m_userLabel(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_server(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_signIn(new QPushButton(this))
    , m_busyBar(new QProgressBar(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("loginWindow"));
    setWindowIcon(Icons::application());
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_busyBar->setObjectName(QStringLiteral("busyIndicator"));
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_password->setEchoMode(QLineEdit::Password);
    m_server->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhUrlCharactersOnly);
    m_user->setInputMethodHints(Qt::ImhNoAutoUppercase);
    for (QLineEdit *edit : { m_server, m_user, m_password }) {
        LeadingAlignment::apply(edit);
        edit->setMinimumWidth(280);
        connect(edit, &QLineEdit::returnPressed, this, &LoginWindow::submit);
    }
    connect(m_signIn, &QPushButton::clicked, this, &LoginWindow::submit);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setStyleSheet(QStringLiteral("color: #00695c;"));
    auto *logo = new QLabel(this);
    logo->setPixmap(Icons::application().pixmap(QSize(48, 48), devicePixelRatioF()));

    // Language names are written in their own language, so either can be found whatever is shown.
    m_language->addItem(QStringLiteral("العربية"), LanguageManager::code(LanguageManager::Language::Arabic));
    m_language->addItem(QStringLiteral("English"), LanguageManager::code(LanguageManager::Language::English));
    m_language->setCurrentIndex(m_languages->language() == LanguageManager::Language::English ? 1 : 0);
    connect(m_language, &QComboBox::activated, this, [this](int index) {
        if (const auto language = LanguageManager::fromCode(m_language->itemData(index).toString()))
            m_languages->setLanguage(*language);
    });

    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumHeight(6);
    m_busyBar->setVisible(false);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setVisible(false);
    m_message->setMinimumWidth(380);
    m_signIn->setMinimumHeight(34);

    auto *top = new QHBoxLayout;
    top->addWidget(logo);
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    top->addLayout(titles, 1);
    auto *languageBox = new QHBoxLayout;
    languageBox->addWidget(m_languageLabel);
    languageBox->addWidget(m_language);
    top->addLayout(languageBox);

    auto *form = new QFormLayout;
    form->addRow(m_serverLabel, m_server);
    form->addRow(m_userLabel, m_user);
    form->addRow(m_passwordLabel, m_password);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_signIn);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addLayout(top);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_busyBar);
    layout->addLayout(buttons);
    retranslateUi();
}

LoginWindow::~LoginWindow() = default;

QString LoginWindow::serverAddress() const
{
    return m_server->text().trimmed();
}

QString LoginWindow::userName() const
{
    return m_user->text().trimmed();
}

void LoginWindow::setServerAddress(const QString &address)
{
    m_server->setText(address);
}

void LoginWindow::setUserName(const QString &name)
{
    m_user->setText(name);
}

void LoginWindow::setPassword(const QString &password)
{
    m_password->setText(password);
}

void LoginWindow::clearPassword()
{
    m_password->clear();
}

void LoginWindow::focusFirstEmptyField()
{
    for (QLineEdit *edit : { m_server, m_user, m_password }) {
        if (edit->text().isEmpty()) {
            edit->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    m_password->setFocus(Qt::OtherFocusReason);
}

void LoginWindow::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *> { m_server, m_user, m_password, m_signIn, m_language })
        w->setEnabled(!busy);
    m_busyBar->setVisible(busy);
    retranslateUi();
    if (!busy)
        focusFirstEmptyField();
}

void LoginWindow::showMessage(MessageText text, bool error)
{
    m_messageText = std::move(text);
    m_messageIsError = error;
    updateMessage();
}

void LoginWindow::updateMessage()
{
    const QString text = m_messageText ? m_messageText() : QString();
    m_message->setText(text);
    m_message->setStyleSheet(m_messageIsError ? QStringLiteral("color: #b71c1c; background: #ffebee; padding: 6px;")
                                              : QStringLiteral("color: #6d4c00; background: #fff8e1; padding: 6px;"));
    m_message->setVisible(!text.isEmpty());
}

void LoginWindow::showError(MessageText text)
{
    showMessage(std::move(text), true);
}

void LoginWindow::showNotice(MessageText text)
{
    showMessage(std::move(text), false);
}

void LoginWindow::clearMessage()
{
    showMessage({}, false);
}

QString LoginWindow::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void LoginWindow::submit()
{
    if (m_busy)
        return;
    if (serverAddress().isEmpty()) {
        showError([] {
            return tr("Enter the server address, for example 127.0.0.1:50051. Your team lead can tell you which one "
                      "to use.");
        });
    } else if (userName().isEmpty()) {
        showError([] { return tr("Enter your user name."); });
    } else if (m_password->text().isEmpty()) {
        showError([] { return tr("Enter your password."); });
    } else {
        clearMessage();
        Q_EMIT signInRequested(serverAddress(), userName(), m_password->text());
        return;
    }
    focusFirstEmptyField();
}

void LoginWindow::retranslateUi()
{
    setWindowTitle(tr("Sanad — sign in"));
    //: The product's name, سند ("support").
    m_title->setText(tr("Sanad"));
    m_subtitle->setText(tr("Agent desktop"));
    m_languageLabel->setText(tr("Language:"));
    m_serverLabel->setText(tr("Server:"));
    m_userLabel->setText(tr("User name:"));
    m_passwordLabel->setText(tr("Password:"));
    m_server->setPlaceholderText(tr("host:port, for example 127.0.0.1:50051"));
    m_signIn->setText(m_busy ? tr("Signing in…") : tr("Sign in"));
    m_signIn->setToolTip(tr("Sign in (Enter)"));
    m_language->setCurrentIndex(m_languages->language() == LanguageManager::Language::English ? 1 : 0);
    updateMessage();
}

void LoginWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace sanad::ui
