#include "ui/customercard.h"

#include "ui/bidi.h"
#include "ui/displaytext.h"
#include "ui/leadingalignment.h"
#include "ui/newcallerform.h"
#include "ui/screenpop.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace sanad::ui {

namespace {

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    LeadingAlignment::apply(label);
    return label;
}

// At most this many earlier verifications are listed on the card, newest first.
constexpr int kVerificationsShown = 3;

} // namespace

CustomerCard::CustomerCard(ScreenPop *screenPop, QWidget *parent)
    : QFrame(parent)
    , m_screenPop(screenPop)
    , m_stack(new QStackedWidget(this))
    , m_messagePage(new QWidget(this))
    , m_messageTitle(new QLabel(this))
    , m_message(new QLabel(this))
    , m_customerPage(new QWidget(this))
    , m_heading(new QLabel(this))
    , m_name(valueLabel(QStringLiteral("customerName"), this))
    , m_phonesLabel(new QLabel(this))
    , m_phones(valueLabel(QStringLiteral("customerPhones"), this))
    , m_cityLabel(new QLabel(this))
    , m_city(valueLabel(QStringLiteral("customerCity"), this))
    , m_nationalIdLabel(new QLabel(this))
    , m_nationalId(valueLabel(QStringLiteral("customerNationalId"), this))
    , m_sinceLabel(new QLabel(this))
    , m_since(valueLabel(QStringLiteral("customerSince"), this))
    , m_verifiedLabel(new QLabel(this))
    , m_verified(valueLabel(QStringLiteral("customerVerified"), this))
    , m_newCaller(new NewCallerForm(this))
{
    setObjectName(QStringLiteral("customerCard"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(340);
    setMaximumWidth(480);

    // Message page: waiting, looking up, withheld, failed.
    m_messageTitle->setObjectName(QStringLiteral("cardMessageTitle"));
    m_message->setObjectName(QStringLiteral("cardMessage"));
    m_message->setWordWrap(true);
    m_messageTitle->setWordWrap(true);
    QFont titleFont = m_messageTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_messageTitle->setFont(titleFont);
    auto *messageLayout = new QVBoxLayout(m_messagePage);
    messageLayout->addWidget(m_messageTitle);
    messageLayout->addWidget(m_message);
    messageLayout->addStretch(1);

    // Customer page.
    m_heading->setObjectName(QStringLiteral("customerHeading"));
    m_heading->setStyleSheet(QStringLiteral("color: #00695c; font-weight: bold;"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->addRow(m_phonesLabel, m_phones);
    form->addRow(m_cityLabel, m_city);
    form->addRow(m_nationalIdLabel, m_nationalId);
    form->addRow(m_sinceLabel, m_since);
    form->addRow(m_verifiedLabel, m_verified);
    auto *customerLayout = new QVBoxLayout(m_customerPage);
    customerLayout->addWidget(m_heading);
    customerLayout->addWidget(m_name);
    customerLayout->addLayout(form);
    customerLayout->addStretch(1);

    auto *newCallerPage = new QWidget(this);
    auto *newCallerLayout = new QVBoxLayout(newCallerPage);
    newCallerLayout->addWidget(m_newCaller);

    m_stack->addWidget(m_messagePage);
    m_stack->addWidget(m_customerPage);
    m_stack->addWidget(newCallerPage);
    // A long card (several numbers, verifications) scrolls instead of being cut off.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(scroll);

    connect(m_screenPop, &ScreenPop::contextChanged, this, &CustomerCard::refresh);
    connect(m_screenPop, &ScreenPop::stateChanged, this, &CustomerCard::onStateChanged);
    connect(m_newCaller, &NewCallerForm::createRequested, m_screenPop, &ScreenPop::createCustomer);
    connect(m_screenPop, &ScreenPop::customerCreationFailed, m_newCaller, &NewCallerForm::showServerError);
    refresh();
}

CustomerCard::~CustomerCard() = default;

void CustomerCard::onStateChanged()
{
    // A new unknown caller starts with an empty form.
    if (m_screenPop->state() == ScreenPop::State::Unknown)
        m_newCaller->reset();
    refresh();
}

void CustomerCard::refresh()
{
    const client::CallerContext &ctx = m_screenPop->context();
    switch (m_screenPop->state()) {
    case ScreenPop::State::Empty:
        m_messageTitle->setText(tr("No caller on screen"));
        m_message->setText(tr("Press F9 to become available. An offered contact appears here at once, with the "
                              "caller's cases and history. Ctrl+F searches customers."));
        m_stack->setCurrentWidget(m_messagePage);
        break;
    case ScreenPop::State::Loading:
        m_messageTitle->setText(m_screenPop->number().isEmpty()
                                    ? tr("Opening the customer…")
                                    : tr("Looking up %1…").arg(DisplayText::phoneNumber(m_screenPop->number())));
        m_message->clear();
        m_stack->setCurrentWidget(m_messagePage);
        break;
    case ScreenPop::State::Withheld:
        m_messageTitle->setText(tr("Withheld number"));
        m_message->setText(tr("The caller's number is withheld. Ask for their name, number or case number and search "
                              "with Ctrl+F."));
        m_stack->setCurrentWidget(m_messagePage);
        break;
    case ScreenPop::State::Failed:
        m_messageTitle->setText(tr("The caller's details could not be loaded"));
        m_message->setText(DisplayText::error(m_screenPop->error()));
        m_stack->setCurrentWidget(m_messagePage);
        break;
    case ScreenPop::State::Unknown: {
        const QString number
            = m_screenPop->normalizedNumber().isEmpty() ? m_screenPop->number() : m_screenPop->normalizedNumber();
        m_newCaller->setNumber(number, ctx.numberValid);
        m_stack->setCurrentIndex(2);
        break;
    }
    case ScreenPop::State::Known: {
        const client::CustomerInfo &c = ctx.customer;
        m_heading->setText(tr("Customer"));
        m_name->setText(bidi::isolateAuto(c.name));
        m_phonesLabel->setText(tr("Numbers:"));
        m_phones->setText(DisplayText::phoneNumbers(c.phones));
        m_cityLabel->setText(tr("City:"));
        m_city->setText(c.city.isEmpty() ? tr("not recorded") : bidi::isolateAuto(c.city));
        m_nationalIdLabel->setText(tr("National ID:"));
        m_nationalId->setText(c.nationalId.isEmpty() ? tr("not recorded") : DisplayText::nationalId(c.nationalId));
        m_sinceLabel->setText(tr("Customer since:"));
        m_since->setText(DisplayText::date(c.createdAt));
        m_verifiedLabel->setText(tr("Verified before:"));
        QStringList verified;
        for (const client::Verification &v : c.verifications.mid(0, kVerificationsShown)) {
            verified << tr("%1, %2, by %3")
                            .arg(DisplayText::verificationMethod(v.method), DisplayText::dateTime(v.verifiedAt),
                                 bidi::isolateAuto(v.agentName));
        }
        m_verified->setText(verified.isEmpty() ? tr("never: verify the caller's identity") : verified.join(u'\n'));
        m_verified->setToolTip(tr("Identity checks on earlier contacts, newest first"));
        m_stack->setCurrentWidget(m_customerPage);
        break;
    }
    }
}

void CustomerCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QFrame::changeEvent(event);
}

} // namespace sanad::ui
