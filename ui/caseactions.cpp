#include "ui/caseactions.h"

#include "client/sanadclient.h"
#include "ui/caselistmodel.h"
#include "ui/displaytext.h"
#include "ui/incidentlinkdialog.h"
#include "ui/screenpop.h"

#include "core/category.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>

namespace sanad::ui {

CaseActions::CaseActions(client::SanadClient *client, ScreenPop *screenPop, QTreeView *caseView,
                         QWidget *dialogParent)
    : QObject(dialogParent)
    , m_client(client)
    , m_screenPop(screenPop)
    , m_caseView(caseView)
    , m_dialogParent(dialogParent)
    , m_resolve(new QAction(this))
    , m_refer(new QAction(this))
    , m_callback(new QAction(this))
    , m_link(new QAction(this))
{
    // Ctrl+Shift+I: clear of the window's shortcuts and the menus' mnemonics (F1 lists them).
    m_link->setObjectName(QStringLiteral("linkIncidentAction"));
    m_link->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(m_link, &QAction::triggered, this, &CaseActions::linkToIncident);
    m_callback->setObjectName(QStringLiteral("scheduleCallbackAction"));
    m_callback->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    connect(m_callback, &QAction::triggered, this, &CaseActions::scheduleCallback);
    m_refer->setObjectName(QStringLiteral("referCaseAction"));
    m_refer->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_refer, &QAction::triggered, this, &CaseActions::refer);
    m_resolve->setObjectName(QStringLiteral("resolveCaseAction"));
    m_resolve->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_resolve, &QAction::triggered, this, &CaseActions::resolve);
    connect(m_client, &client::SanadClient::caseChangeApplied, this, &CaseActions::onApplied);
    connect(m_client, &client::SanadClient::requestFailed, this, &CaseActions::onFailed);
    connect(m_screenPop, &ScreenPop::contextChanged, this, &CaseActions::updateEnabled);
    if (m_caseView->selectionModel())
        connect(m_caseView->selectionModel(), &QItemSelectionModel::currentChanged, this, &CaseActions::updateEnabled);
    retranslate();
    updateEnabled();
}

void CaseActions::retranslate()
{
    m_resolve->setText(tr("&Resolve case…"));
    m_resolve->setToolTip(tr("Resolve the selected case, asking whether the customer confirms it is solved (%1)")
                              .arg(m_resolve->shortcut().toString(QKeySequence::NativeText)));
    m_refer->setText(tr("Re&fer case…"));
    m_refer->setToolTip(tr("Refer the selected case to a department, with the person who answers for it (%1)")
                            .arg(m_refer->shortcut().toString(QKeySequence::NativeText)));
    m_callback->setText(tr("Schedule a &callback…"));
    m_callback->setToolTip(tr("Promise the customer a call back about the selected case (%1)")
                               .arg(m_callback->shortcut().toString(QKeySequence::NativeText)));
    m_link->setText(tr("&Link to incident…"));
    m_link->setToolTip(tr("Make the selected case a report of an incident other callers reported (%1)")
                           .arg(m_link->shortcut().toString(QKeySequence::NativeText)));
}

std::optional<client::CaseInfo> CaseActions::selectedCase() const
{
    const QModelIndex current = m_caseView->currentIndex();
    const QString caseId = current.isValid() ? current.data(CaseListModel::CaseIdRole).toString() : QString();
    if (caseId.isEmpty())
        return std::nullopt;
    for (const client::CaseInfo &c : m_screenPop->context().cases) {
        if (c.id == caseId)
            return c;
    }
    return std::nullopt;
}

void CaseActions::updateEnabled()
{
    const std::optional<client::CaseInfo> c = selectedCase();
    m_resolve->setEnabled(c && m_request == 0
                          && (isTransitionAllowed(c->status, CaseStatus::Resolved)
                              || isTransitionAllowed(c->status, CaseStatus::AwaitingConfirmation)));
    m_callback->setEnabled(c && m_request == 0);
    // An open case that is neither a report already nor an incident with reports of its own.
    m_link->setEnabled(c && m_request == 0 && isOpenStatus(c->status) && c->incidentId.isEmpty()
                       && c->incidentReports <= 1);
    m_refer->setEnabled(c && m_request == 0
                        && (c->status == CaseStatus::Referred || isTransitionAllowed(c->status, CaseStatus::Referred)));
}

void CaseActions::resolve()
{
    const std::optional<client::CaseInfo> c = selectedCase();
    if (!c || m_request != 0 || m_dialog)
        return;
    auto *box = new QMessageBox(m_dialogParent);
    box->setObjectName(QStringLiteral("resolveDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(tr("Resolve case %1").arg(DisplayText::caseNumber(c->number)));
    box->setText(tr("Does the customer confirm that case %1 is solved?").arg(DisplayText::caseNumber(c->number)));
    box->setInformativeText(tr("A case counts as resolved only with the customer's confirmation. If they cannot "
                               "confirm yet, the case waits for their confirmation and the team lead follows it "
                               "up."));
    QPushButton *confirmed = box->addButton(tr("&Yes, the customer confirms"), QMessageBox::AcceptRole);
    confirmed->setObjectName(QStringLiteral("confirmedButton"));
    QPushButton *awaiting = box->addButton(tr("&Not yet: await confirmation"), QMessageBox::ActionRole);
    awaiting->setObjectName(QStringLiteral("awaitingButton"));
    awaiting->setEnabled(isTransitionAllowed(c->status, CaseStatus::AwaitingConfirmation));
    confirmed->setEnabled(isTransitionAllowed(c->status, CaseStatus::Resolved));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box->setDefaultButton(cancel);
    const client::CaseInfo target = *c;
    connect(box, &QMessageBox::buttonClicked, this, [this, target, confirmed, awaiting](QAbstractButton *button) {
        if (button == confirmed)
            submitted(m_client->changeCaseStatus(target.id, target.version, CaseStatus::Resolved, true), target.number);
        else if (button == awaiting)
            submitted(m_client->changeCaseStatus(target.id, target.version, CaseStatus::AwaitingConfirmation, false),
                      target.number);
    });
    m_dialog = box;
    box->open();
}

void CaseActions::refer()
{
    const std::optional<client::CaseInfo> c = selectedCase();
    if (!c || m_request != 0 || m_dialog)
        return;
    auto *dialog = new QDialog(m_dialogParent);
    dialog->setObjectName(QStringLiteral("referDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Refer case %1").arg(DisplayText::caseNumber(c->number)));
    auto *form = new QFormLayout(dialog);
    auto *department = new QLineEdit(dialog);
    department->setObjectName(QStringLiteral("referDepartment"));
    if (const Category *category = findCategory(c->category))
        department->setText(QString::fromUtf8(category->department));
    auto *owner = new QLineEdit(dialog);
    owner->setObjectName(QStringLiteral("referOwner"));
    form->addRow(tr("&Department:"), department);
    form->addRow(tr("&Owner:"), owner);
    auto *note = new QLabel(tr("The due time follows from the case's category and priority."), dialog);
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("referButton"));
    ok->setText(tr("&Refer"));
    form->addRow(buttons);
    const auto updateOk = [ok, department, owner] {
        ok->setEnabled(!department->text().trimmed().isEmpty() && !owner->text().trimmed().isEmpty());
    };
    connect(department, &QLineEdit::textChanged, dialog, updateOk);
    connect(owner, &QLineEdit::textChanged, dialog, updateOk);
    updateOk();
    const client::CaseInfo target = *c;
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, target, department, owner] {
        submitted(m_client->referCase(target.id, target.version, department->text().trimmed(),
                                      owner->text().trimmed()),
                  target.number);
        dialog->accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    m_dialog = dialog;
    dialog->open();
    owner->setFocus();
}

void CaseActions::scheduleCallback()
{
    const std::optional<client::CaseInfo> c = selectedCase();
    if (!c || m_request != 0 || m_dialog)
        return;
    auto *dialog = new QDialog(m_dialogParent);
    dialog->setObjectName(QStringLiteral("callbackDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Callback about case %1").arg(DisplayText::caseNumber(c->number)));
    auto *form = new QFormLayout(dialog);
    auto *reason = new QLineEdit(dialog);
    reason->setObjectName(QStringLiteral("callbackReason"));
    form->addRow(tr("&Why call back:"), reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("callbackButton"));
    ok->setText(tr("&Schedule"));
    form->addRow(buttons);
    const auto updateOk = [ok, reason] { ok->setEnabled(!reason->text().trimmed().isEmpty()); };
    connect(reason, &QLineEdit::textChanged, dialog, updateOk);
    updateOk();
    const client::CaseInfo target = *c;
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, target, reason] {
        client::CallbackRequest request;
        request.customerId = target.customerId;
        request.caseId = target.id;
        request.reason = reason->text().trimmed();
        submitted(m_client->scheduleCallback(request), target.number);
        dialog->accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    m_dialog = dialog;
    dialog->open();
    reason->setFocus();
}

void CaseActions::linkToIncident()
{
    const std::optional<client::CaseInfo> c = selectedCase();
    if (!c || m_request != 0 || m_dialog)
        return;
    auto *dialog = new IncidentLinkDialog(m_client, *c, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const client::CaseInfo target = *c;
    connect(dialog, &QDialog::accepted, this, [this, dialog, target] {
        const client::IncidentCandidateInfo incident = dialog->chosen();
        if (incident.caseId.isEmpty() || m_request != 0)
            return;
        submitted(m_client->linkToIncident(target.id, target.version, incident.caseId), target.number);
        m_requestIncident = incident.number;
    });
    m_dialog = dialog;
    dialog->open();
}

void CaseActions::submitted(quint64 requestId, const QString &caseNumber)
{
    m_requestIncident.clear();
    m_request = requestId;
    m_requestCase = caseNumber;
    updateEnabled();
}

void CaseActions::onApplied(quint64 requestId, const QString &)
{
    if (requestId != m_request)
        return;
    m_request = 0;
    if (!m_requestIncident.isEmpty())
        Q_EMIT message(tr("Case %1 is now a report of incident %2.")
                           .arg(DisplayText::caseNumber(m_requestCase), DisplayText::caseNumber(m_requestIncident)));
    else
        Q_EMIT message(tr("Case %1 changed.").arg(DisplayText::caseNumber(m_requestCase)));
    reloadScreenPop();
}

void CaseActions::onFailed(quint64 requestId, const client::ClientError &error)
{
    if (requestId != m_request)
        return;
    m_request = 0;
    const bool conflict = error.kind == client::ClientError::Kind::FailedPrecondition;
    QString text;
    if (conflict)
        text = tr("Someone changed case %1 meanwhile. The case has been reloaded: check it, then try again.")
                   .arg(DisplayText::caseNumber(m_requestCase));
    else
        text = tr("The server refused the change to case %1.").arg(DisplayText::caseNumber(m_requestCase));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Case not changed"), text, QMessageBox::Ok, m_dialogParent);
    box->setObjectName(QStringLiteral("caseChangeFailedDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDetailedText(error.serverMessage);
    box->open();
    Q_EMIT message(text);
    if (conflict)
        reloadScreenPop();
    updateEnabled();
}

void CaseActions::reloadScreenPop()
{
    // A copy: opening the customer clears the context the id lives in.
    const QString customerId = m_screenPop->context().customer.id;
    if (!customerId.isEmpty())
        m_screenPop->openCustomer(customerId);
}

} // namespace sanad::ui
