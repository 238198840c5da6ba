#include "ui/newcallerform.h"

#include "core/phonenumber.h"
#include "ui/bidi.h"
#include "ui/displaytext.h"
#include "ui/leadingalignment.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sanad::ui {

namespace {

constexpr int kMaxNameLength = 200;

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->hide();
    return label;
}

// The field with its error text right under it, as one row of the form.
QWidget *fieldWithError(QLineEdit *field, QLabel *error, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

// Digits of any script as ASCII, spaces and dashes removed.
QString normalizedNationalId(const QString &input)
{
    QString folded = PhoneNumberNormalizer::foldDigitsAndMarks(input);
    folded.remove(u' ').remove(u'-');
    return folded;
}

} // namespace

NewCallerForm::NewCallerForm(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_numberLabel(new QLabel(this))
    , m_numberNote(new QLabel(this))
    , m_nameLabel(new QLabel(this))
    , m_cityLabel(new QLabel(this))
    , m_nationalIdLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_city(new QLineEdit(this))
    , m_nationalId(new QLineEdit(this))
    , m_nameError(errorLabel(QStringLiteral("newCallerNameError"), this))
    , m_nationalIdError(errorLabel(QStringLiteral("newCallerNationalIdError"), this))
    , m_serverError(errorLabel(QStringLiteral("newCallerError"), this))
    , m_create(new QPushButton(this))
{
    setObjectName(QStringLiteral("newCallerForm"));
    m_heading->setObjectName(QStringLiteral("newCallerHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_numberLabel->setObjectName(QStringLiteral("newCallerNumber"));
    m_numberLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont numberFont = m_numberLabel->font();
    numberFont.setPointSizeF(numberFont.pointSizeF() * 1.2);
    m_numberLabel->setFont(numberFont);
    m_numberNote->setWordWrap(true);
    m_numberNote->setStyleSheet(QStringLiteral("color: #6d4c00;"));
    m_name->setObjectName(QStringLiteral("newCallerName"));
    m_city->setObjectName(QStringLiteral("newCallerCity"));
    m_nationalId->setObjectName(QStringLiteral("newCallerNationalId"));
    m_name->setMaxLength(kMaxNameLength);
    m_create->setObjectName(QStringLiteral("createCustomerButton"));
    for (QLineEdit *edit : { m_name, m_city, m_nationalId })
        LeadingAlignment::apply(edit);
    LeadingAlignment::apply(m_numberLabel);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_nameLabel, fieldWithError(m_name, m_nameError, this));
    form->addRow(m_cityLabel, m_city);
    form->addRow(m_nationalIdLabel, fieldWithError(m_nationalId, m_nationalIdError, this));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_numberLabel);
    layout->addWidget(m_numberNote);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_serverError);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_create);
    layout->addLayout(buttons);
    layout->addStretch(1);

    for (QLineEdit *edit : { m_name, m_city, m_nationalId })
        connect(edit, &QLineEdit::returnPressed, this, &NewCallerForm::submit);
    connect(m_create, &QPushButton::clicked, this, &NewCallerForm::submit);
    // Once the agent tried to submit, the error texts follow the fields as they are corrected.
    for (QLineEdit *edit : { m_name, m_nationalId }) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            if (m_triedSubmit)
                validate();
        });
    }
    retranslateUi();
}

NewCallerForm::~NewCallerForm() = default;

void NewCallerForm::setNumber(const QString &number, bool valid)
{
    m_number = number;
    m_numberValid = valid;
    retranslateUi();
}

void NewCallerForm::reset()
{
    m_name->clear();
    m_city->clear();
    m_nationalId->clear();
    m_triedSubmit = false;
    m_lastServerError = {};
    m_nameError->hide();
    m_nationalIdError->hide();
    m_serverError->hide();
    setBusy(false);
}

void NewCallerForm::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *> { m_name, m_city, m_nationalId, m_create })
        w->setEnabled(!busy);
    retranslateUi();
}

void NewCallerForm::showServerError(const client::ClientError &error)
{
    m_lastServerError = error;
    setBusy(false);
    retranslateUi();
}

void NewCallerForm::focusName()
{
    m_name->setFocus(Qt::OtherFocusReason);
}

bool NewCallerForm::validate()
{
    bool ok = true;
    if (m_name->text().trimmed().isEmpty()) {
        m_nameError->setText(tr("Enter the caller's name: it is needed to create the customer."));
        m_nameError->show();
        ok = false;
    } else {
        m_nameError->hide();
    }
    const QString id = normalizedNationalId(m_nationalId->text());
    const bool digitsOnly = std::all_of(id.cbegin(), id.cend(), [](QChar c) { return c.isDigit(); });
    if (!id.isEmpty() && (!digitsOnly || id.size() < 5 || id.size() > 15)) {
        m_nationalIdError->setText(tr("A national ID has 5 to 15 digits and nothing else. Check it against the "
                                      "caller's ID card, or leave the field empty."));
        m_nationalIdError->show();
        ok = false;
    } else {
        m_nationalIdError->hide();
    }
    return ok;
}

void NewCallerForm::submit()
{
    if (m_busy)
        return;
    m_triedSubmit = true;
    m_lastServerError = {};
    m_serverError->hide();
    if (!validate()) {
        if (m_nameError->isVisible())
            m_name->setFocus(Qt::OtherFocusReason);
        else
            m_nationalId->setFocus(Qt::OtherFocusReason);
        return;
    }
    client::NewCustomer customer;
    customer.name = m_name->text().trimmed();
    customer.city = m_city->text().trimmed();
    customer.nationalId = normalizedNationalId(m_nationalId->text());
    if (!m_number.isEmpty())
        customer.phones << m_number;
    setBusy(true);
    Q_EMIT createRequested(customer);
}

void NewCallerForm::retranslateUi()
{
    m_heading->setText(tr("New caller"));
    m_numberLabel->setText(DisplayText::phoneNumber(m_number));
    m_numberNote->setText(m_numberValid
                              ? tr("This number is not on file. Ask for the caller's name and create the customer.")
                              : tr("This number is not on file, and its range is not known to the number plan: check "
                                   "it with the caller before creating the customer."));
    m_nameLabel->setText(tr("Name (required):"));
    m_cityLabel->setText(tr("City:"));
    m_nationalIdLabel->setText(tr("National ID:"));
    m_name->setPlaceholderText(tr("The caller's full name"));
    m_nationalId->setPlaceholderText(tr("Digits only"));
    m_create->setText(m_busy ? tr("Creating…") : tr("Create customer"));
    m_create->setToolTip(tr("Create the customer with this number (Enter)"));
    if (m_lastServerError.isError()) {
        m_serverError->setText(tr("The customer was not created. %1").arg(DisplayText::error(m_lastServerError)));
        m_serverError->show();
    }
    if (m_triedSubmit)
        validate();
}

void NewCallerForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace sanad::ui
