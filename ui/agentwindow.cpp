#include "ui/agentwindow.h"

#include "ui/bidi.h"
#include "ui/caseactions.h"
#include "ui/casehistorymodel.h"
#include "ui/caselistmodel.h"
#include "ui/customercard.h"
#include "ui/customersearch.h"
#include "ui/customersearchmodel.h"
#include "ui/displaytext.h"
#include "ui/icons.h"
#include "ui/languagemanager.h"
#include "ui/leadingalignment.h"
#include "ui/logging.h"
#include "ui/offerbanner.h"
#include "ui/ringer.h"
#include "ui/screenpop.h"
#include "ui/scriptpanel.h"
#include "ui/serversearchsource.h"
#include "ui/syncwidgets.h"
#include "ui/wrapuppanel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace sanad::ui {

namespace {

QString presenceStyle(AgentState state)
{
    QString colours;
    switch (state) {
    case AgentState::Available:
        colours = QStringLiteral("background: #2e7d32; color: white;");
        break;
    case AgentState::OnContact:
        colours = QStringLiteral("background: #1565c0; color: white;");
        break;
    case AgentState::WrapUp:
        colours = QStringLiteral("background: #6a1b9a; color: white;");
        break;
    case AgentState::Break:
        colours = QStringLiteral("background: #f9a825; color: black;");
        break;
    default:
        colours = QStringLiteral("background: #9e9e9e; color: white;");
        break;
    }
    return QStringLiteral("QLabel { %1 border-radius: 4px; padding: 3px 10px; font-weight: bold; }").arg(colours);
}

QLabel *sectionTitle(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    QFont f = label->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    label->setFont(f);
    label->setStyleSheet(QStringLiteral("color: #00695c;"));
    return label;
}

} // namespace

AgentWindow::AgentWindow(client::SanadClient *client, LanguageManager *languages, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_languages(languages)
    , m_screenPop(new ScreenPop(client, Clock::system(), this))
    , m_ringer(new Ringer(this))
    , m_search(new CustomerSearch(new ServerSearchSource(client, this), this))
{
    setObjectName(QStringLiteral("agentWindow"));
    setWindowIcon(Icons::application());
    createActions();
    createMenus();
    createToolBar();
    setCentralWidget(createCentralWidget());
    // Case actions on the selected case (ui/caseactions.h), in the Contact menu.
    m_caseActions = new CaseActions(m_client, m_screenPop, m_caseView, this);
    m_contactMenu->addSeparator();
    m_contactMenu->addAction(m_caseActions->resolveAction());
    m_contactMenu->addAction(m_caseActions->referAction());
    m_contactMenu->addAction(m_caseActions->callbackAction());
    m_contactMenu->addAction(m_caseActions->linkAction());
    connect(m_caseActions, &CaseActions::message, this, &AgentWindow::showStatus);
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    // Offline-first (docs/sync.md): the sync state at all times, and the local search source.
    statusBar()->addPermanentWidget(new SyncStatus(m_client, this));
    m_search->setLocalSource(new LocalSearchSource(m_client, this));

    connect(m_client, &client::SanadClient::presenceChanged, this, &AgentWindow::onPresenceChanged);
    connect(m_client, &client::SanadClient::contactOffered, this, &AgentWindow::onContactOffered);
    connect(m_client, &client::SanadClient::contactRevoked, this, &AgentWindow::onContactRevoked);
    connect(m_client, &client::SanadClient::contactAccepted, this, &AgentWindow::onContactAccepted);
    connect(m_client, &client::SanadClient::contactEnded, this, &AgentWindow::onContactEnded);
    connect(m_client, &client::SanadClient::operationFailed, this, &AgentWindow::onOperationFailed);
    connect(m_client, &client::SanadClient::streamStateChanged, this, &AgentWindow::onStreamStateChanged);
    connect(m_client, &client::SanadClient::streamStopped, this, &AgentWindow::onStreamStopped);
    connect(m_search, &CustomerSearch::stateChanged, this, &AgentWindow::onSearchStateChanged);
    connect(m_screenPop, &ScreenPop::contextChanged, this, &AgentWindow::onScreenPopChanged);

    m_clockTick.setInterval(1000);
    connect(&m_clockTick, &QTimer::timeout, this, &AgentWindow::updatePresence);
    m_clockTick.start();
    m_presenceSince = QDateTime::currentDateTimeUtc();

    setUpTabOrder();
    retranslateUi();
    onScreenPopChanged();
    // Large enough for the card, the cases and a page of history; never larger than the screen.
    const QSize available = screen() ? screen()->availableSize() : QSize(1440, 900);
    resize(QSize(1440, 900).boundedTo(available * 0.95));
}

AgentWindow::~AgentWindow()
{
    m_ringer->stop();
}

void AgentWindow::createActions()
{
    m_acceptAction = new QAction(Icons::channel(Channel::Voice), QString(), this);
    m_acceptAction->setObjectName(QStringLiteral("acceptAction"));
    m_acceptAction->setShortcuts({ QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    m_acceptAction->setEnabled(false);
    connect(m_acceptAction, &QAction::triggered, this, &AgentWindow::acceptContact);

    m_endAction = new QAction(this);
    m_endAction->setObjectName(QStringLiteral("endAction"));
    m_endAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_endAction->setEnabled(false);
    connect(m_endAction, &QAction::triggered, this, &AgentWindow::endContact);

    m_presenceGroup = new QActionGroup(this);
    m_availableAction = new QAction(this);
    m_availableAction->setObjectName(QStringLiteral("availableAction"));
    m_availableAction->setShortcut(QKeySequence(Qt::Key_F9));
    m_availableAction->setCheckable(true);
    connect(m_availableAction, &QAction::triggered, this, [this] { setPresence(AgentState::Available); });
    m_breakAction = new QAction(this);
    m_breakAction->setObjectName(QStringLiteral("breakAction"));
    m_breakAction->setShortcut(QKeySequence(Qt::Key_F10));
    m_breakAction->setCheckable(true);
    connect(m_breakAction, &QAction::triggered, this, [this] { setPresence(AgentState::Break); });
    m_presenceGroup->addAction(m_availableAction);
    m_presenceGroup->addAction(m_breakAction);
    m_presenceGroup->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);

    m_searchAction = new QAction(this);
    m_searchAction->setObjectName(QStringLiteral("searchAction"));
    m_searchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_searchAction, &QAction::triggered, this, &AgentWindow::focusSearch);

    m_historyAction = new QAction(this);
    m_historyAction->setObjectName(QStringLiteral("historyAction"));
    m_historyAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_H));
    connect(m_historyAction, &QAction::triggered, this, &AgentWindow::focusHistory);

    m_casesAction = new QAction(this);
    m_casesAction->setObjectName(QStringLiteral("casesAction"));
    m_casesAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_C));
    // Guided scripts: Alt+G, clear of the menus' mnemonics (S, C, L, H) and the other shortcuts.
    m_scriptAction = new QAction(this);
    m_scriptAction->setObjectName(QStringLiteral("scriptAction"));
    m_scriptAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_G));
    connect(m_scriptAction, &QAction::triggered, this, [this] { m_scriptPanel->focusPanel(); });
    connect(m_casesAction, &QAction::triggered, this, &AgentWindow::focusCases);

    m_signOutAction = new QAction(this);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    connect(m_signOutAction, &QAction::triggered, this, [this] {
        if (confirmSignOutWithWaitingChanges(m_client, this))
            Q_EMIT signOutRequested();
    });
    m_quitAction = new QAction(this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(m_quitAction, &QAction::triggered, this, &AgentWindow::quitRequested);

    auto *languageGroup = new QActionGroup(this);
    // Language names are written in their own language.
    m_arabicAction = new QAction(QStringLiteral("العربية"), languageGroup);
    m_arabicAction->setObjectName(QStringLiteral("arabicAction"));
    m_arabicAction->setCheckable(true);
    m_englishAction = new QAction(QStringLiteral("English"), languageGroup);
    m_englishAction->setObjectName(QStringLiteral("englishAction"));
    m_englishAction->setCheckable(true);
    connect(m_arabicAction, &QAction::triggered, this,
            [this] { m_languages->setLanguage(LanguageManager::Language::Arabic); });
    connect(m_englishAction, &QAction::triggered, this,
            [this] { m_languages->setLanguage(LanguageManager::Language::English); });
    auto *digitsGroup = new QActionGroup(this);
    // Each choice shows its own digits, so it can be recognised in either interface.
    m_arabicIndicDigitsAction = new QAction(digitsGroup);
    m_arabicIndicDigitsAction->setObjectName(QStringLiteral("arabicIndicDigitsAction"));
    m_arabicIndicDigitsAction->setCheckable(true);
    m_latinDigitsAction = new QAction(digitsGroup);
    m_latinDigitsAction->setObjectName(QStringLiteral("latinDigitsAction"));
    m_latinDigitsAction->setCheckable(true);
    connect(m_arabicIndicDigitsAction, &QAction::triggered, this,
            [this] { m_languages->setDigits(LanguageManager::Digits::ArabicIndic); });
    connect(m_latinDigitsAction, &QAction::triggered, this,
            [this] { m_languages->setDigits(LanguageManager::Digits::Latin); });

    m_shortcutsAction = new QAction(this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::Key_F1));
    connect(m_shortcutsAction, &QAction::triggered, this, &AgentWindow::showShortcuts);

    // Shortcuts work anywhere in the window, whether or not a button shows the action.
    addActions({ m_acceptAction, m_endAction, m_availableAction, m_breakAction, m_searchAction, m_historyAction,
                 m_casesAction, m_quitAction, m_shortcutsAction });
}

void AgentWindow::createMenus()
{
    m_sanadMenu = menuBar()->addMenu(QString());
    m_sanadMenu->setObjectName(QStringLiteral("sanadMenu"));
    m_sanadMenu->addAction(m_signOutAction);
    m_sanadMenu->addSeparator();
    m_sanadMenu->addAction(m_quitAction);

    m_contactMenu = menuBar()->addMenu(QString());
    m_contactMenu->setObjectName(QStringLiteral("contactMenu"));
    m_contactMenu->addAction(m_availableAction);
    m_contactMenu->addAction(m_breakAction);
    m_contactMenu->addSeparator();
    m_contactMenu->addAction(m_acceptAction);
    m_contactMenu->addAction(m_endAction);
    m_contactMenu->addSeparator();
    m_contactMenu->addAction(m_searchAction);
    m_contactMenu->addAction(m_casesAction);
    m_contactMenu->addAction(m_historyAction);
    m_contactMenu->addAction(m_scriptAction);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageMenu->addAction(m_arabicAction);
    m_languageMenu->addAction(m_englishAction);
    m_languageMenu->addSeparator();
    m_languageMenu->addAction(m_arabicIndicDigitsAction);
    m_languageMenu->addAction(m_latinDigitsAction);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_shortcutsAction);
}

void AgentWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("agentToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setFloatable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(m_availableAction);
    m_toolBar->addAction(m_breakAction);

    m_presenceLabel = new QLabel(m_toolBar);
    m_presenceLabel->setObjectName(QStringLiteral("presenceLabel"));
    m_presenceLabel->setMinimumWidth(150);
    m_presenceLabel->setAlignment(Qt::AlignCenter);
    m_toolBar->addWidget(m_presenceLabel);
    m_toolBar->addSeparator();

    m_streamLabel = new QLabel(m_toolBar);
    m_streamLabel->setObjectName(QStringLiteral("streamLabel"));
    m_toolBar->addWidget(m_streamLabel);

    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);

    m_agentNameLabel = new QLabel(m_toolBar);
    m_agentNameLabel->setObjectName(QStringLiteral("agentNameLabel"));
    m_agentNameLabel->setContentsMargins(8, 0, 8, 0);
    m_toolBar->addWidget(m_agentNameLabel);

    m_searchEdit = new QLineEdit(m_toolBar);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setClearButtonEnabled(true);
    LeadingAlignment::apply(m_searchEdit);
    m_searchEdit->installEventFilter(this);
    connect(m_searchEdit, &QLineEdit::textChanged, this, &AgentWindow::onSearchTextChanged);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, [this] {
        // Enter opens the selected result, or the first one. A query typed faster than the
        // debounce is sent at once instead.
        if (m_search->isWaiting()) {
            m_search->searchNow();
            return;
        }
        QModelIndex index = m_searchResults->currentIndex();
        if (!index.isValid())
            index = m_search->model()->index(0);
        openSearchResult(index);
    });
    m_toolBar->addWidget(m_searchEdit);
}

QWidget *AgentWindow::createCentralWidget()
{
    auto *central = new QWidget(this);

    m_banner = new OfferBanner(m_acceptAction, m_endAction, central);

    // Search results, at the start side of the window.
    m_searchPanel = new QWidget(central);
    m_searchPanel->setObjectName(QStringLiteral("searchPanel"));
    m_searchTitle = sectionTitle(QStringLiteral("searchTitle"), m_searchPanel);
    m_searchStatus = new QLabel(m_searchPanel);
    m_searchStatus->setObjectName(QStringLiteral("searchStatus"));
    m_searchStatus->setWordWrap(true);
    m_searchResults = new QListView(m_searchPanel);
    m_searchResults->setObjectName(QStringLiteral("searchResults"));
    m_searchResults->setModel(m_search->model());
    m_searchResults->setUniformItemSizes(true);
    // Room for Arabic marks below the line.
    m_searchResults->setStyleSheet(QStringLiteral("QListView::item { padding-top: 4px; padding-bottom: 4px; }"));
    m_searchResults->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_searchResults, &QListView::activated, this, &AgentWindow::openSearchResult);
    auto *searchLayout = new QVBoxLayout(m_searchPanel);
    searchLayout->setContentsMargins(0, 0, 0, 0);
    searchLayout->addWidget(m_searchTitle);
    searchLayout->addWidget(m_searchStatus);
    searchLayout->addWidget(m_searchResults, 1);
    m_searchPanel->setVisible(false);
    m_searchPanel->setMinimumWidth(360);

    // Repeat-contact warning.
    m_repeatFrame = new QFrame(central);
    m_repeatFrame->setObjectName(QStringLiteral("repeatFrame"));
    m_repeatFrame->setStyleSheet(
        QStringLiteral("#repeatFrame { background: #fff3cd; border: 1px solid #e0a800; border-radius: 6px; }"));
    auto *repeatIcon = new QLabel(m_repeatFrame);
    repeatIcon->setPixmap(Icons::warning().pixmap(QSize(28, 28), devicePixelRatioF()));
    m_repeatText = new QLabel(m_repeatFrame);
    m_repeatText->setObjectName(QStringLiteral("repeatWarning"));
    m_repeatText->setTextFormat(Qt::PlainText);
    QFont repeatFont = m_repeatText->font();
    repeatFont.setBold(true);
    repeatFont.setPointSizeF(repeatFont.pointSizeF() * 1.15);
    m_repeatText->setFont(repeatFont);
    m_repeatText->setStyleSheet(QStringLiteral("color: #6d4c00;"));
    auto *repeatLayout = new QHBoxLayout(m_repeatFrame);
    repeatLayout->setContentsMargins(10, 6, 10, 6);
    repeatLayout->addWidget(repeatIcon);
    repeatLayout->addWidget(m_repeatText, 1);
    m_repeatFrame->setVisible(false);

    // Customer card and cases.
    m_card = new CustomerCard(m_screenPop, central);
    m_casesTitle = sectionTitle(QStringLiteral("casesTitle"), central);
    m_caseView = new QTreeView(central);
    m_caseView->setObjectName(QStringLiteral("caseView"));
    m_caseView->setModel(m_screenPop->caseModel());
    m_caseView->setUniformRowHeights(false);
    // Room for Arabic marks below the line, and the same rhythm for Latin-only rows.
    m_caseView->setStyleSheet(QStringLiteral("QTreeView::item { padding-top: 4px; padding-bottom: 4px; }"));
    m_caseView->setAlternatingRowColors(true);
    m_caseView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_caseView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_caseView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_caseView->header()->setSectionResizeMode(CaseListModel::CategoryColumn, QHeaderView::Stretch);
    m_caseView->header()->setStretchLastSection(false);
    connect(m_screenPop->caseModel(), &QAbstractItemModel::modelReset, this, [this] {
        // Referral rows carry one line of text that spans the whole row. Open cases show their
        // referrals at once; closed ones keep them folded.
        CaseListModel *model = m_screenPop->caseModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex parent = model->index(row, 0);
            for (int child = 0; child < model->rowCount(parent); ++child)
                m_caseView->setFirstColumnSpanned(child, parent, true);
            m_caseView->setExpanded(parent, parent.data(CaseListModel::IsOpenRole).toBool());
        }
    });
    auto *casesBox = new QWidget(central);
    auto *casesLayout = new QVBoxLayout(casesBox);
    casesLayout->setContentsMargins(0, 0, 0, 0);
    casesLayout->addWidget(m_casesTitle);
    casesLayout->addWidget(m_caseView, 1);

    // History.
    m_historyTitle = sectionTitle(QStringLiteral("historyTitle"), central);
    m_historyView = new QTableView(central);
    m_historyView->setObjectName(QStringLiteral("historyView"));
    m_historyView->setModel(m_screenPop->historyModel());
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->setTabKeyNavigation(false);
    m_historyView->setWordWrap(false);
    m_historyView->setIconSize(QSize(40, 20));
    m_historyView->verticalHeader()->setVisible(false);
    // Rows tall enough for Arabic marks below the line.
    m_historyView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyView->horizontalHeader()->setSectionResizeMode(CaseHistoryModel::SummaryColumn, QHeaderView::Stretch);
    auto *historyBox = new QWidget(central);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_historyTitle);
    historyLayout->addWidget(m_historyView, 1);

    // Cases above the history; the customer card beside both, at the start side.
    auto *vertical = new QSplitter(Qt::Vertical, central);
    vertical->setObjectName(QStringLiteral("historySplitter"));
    vertical->addWidget(casesBox);
    vertical->addWidget(historyBox);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 3);
    vertical->setSizes({ 260, 440 });
    vertical->setChildrenCollapsible(false);

    auto *cardAndLists = new QSplitter(Qt::Horizontal, central);
    cardAndLists->setObjectName(QStringLiteral("cardSplitter"));
    cardAndLists->addWidget(m_card);
    cardAndLists->addWidget(vertical);
    cardAndLists->setStretchFactor(0, 0);
    cardAndLists->setStretchFactor(1, 1);
    cardAndLists->setChildrenCollapsible(false);

    auto *screenPopArea = new QWidget(central);
    auto *screenPopLayout = new QVBoxLayout(screenPopArea);
    screenPopLayout->setContentsMargins(0, 0, 0, 0);
    screenPopLayout->addWidget(new OfflineNotice(m_client, m_screenPop, screenPopArea));
    m_wrapUp = new WrapUpPanel(m_client, m_screenPop, screenPopArea);
    // The server makes the agent available once it has the wrap-up (docs/cases.md).
    connect(m_wrapUp, &WrapUpPanel::finished, this,
            [this] { showStatus(tr("Wrap-up saved: you become available as soon as the server has it.")); });
    screenPopLayout->addWidget(m_wrapUp);
    screenPopLayout->addWidget(m_repeatFrame);
    screenPopLayout->addWidget(cardAndLists, 1);

    auto *main = new QSplitter(Qt::Horizontal, central);
    main->setObjectName(QStringLiteral("mainSplitter"));
    main->addWidget(m_searchPanel);
    main->addWidget(screenPopArea);
    m_scriptPanel = new ScriptPanel(m_client, m_screenPop, m_languages, central);
    main->addWidget(m_scriptPanel);
    main->setStretchFactor(0, 0);
    main->setStretchFactor(1, 1);
    main->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_banner);
    layout->addWidget(main, 1);
    return central;
}

void AgentWindow::setSession(const client::Session &session)
{
    m_session = session;
    m_scriptPanel->setAgentName(session.displayName.isEmpty() ? session.username : session.displayName);
    m_scriptPanel->refreshLibrary();
    retranslateUi();
}

void AgentWindow::setActionTexts(QAction *action, const QString &text, const QString &toolTip)
{
    action->setText(text);
    const QKeySequence shortcut = action->shortcut();
    if (shortcut.isEmpty()) {
        action->setToolTip(toolTip);
        return;
    }
    //: A tooltip followed by its keyboard shortcut.
    action->setToolTip(tr("%1 (%2)").arg(toolTip, bidi::isolateLtr(shortcut.toString(QKeySequence::NativeText))));
}

void AgentWindow::setUpAccessibility()
{
    // Screen readers read the name, then the description; both follow the language.
    m_searchEdit->setAccessibleName(tr("Search customers"));
    m_searchEdit->setAccessibleDescription(tr("Type a name, a phone number, a national ID or a case number; results "
                                              "appear as you type. Down moves to the results, Enter opens one."));
    m_searchResults->setAccessibleName(tr("Search results"));
    m_presenceLabel->setAccessibleName(tr("Your state"));
    m_streamLabel->setAccessibleName(tr("Connection to the server"));
    m_agentNameLabel->setAccessibleName(tr("Signed-in agent"));
    m_repeatText->setAccessibleName(tr("Repeat contact warning"));
    m_caseView->setAccessibleName(tr("Cases"));
    m_caseView->setAccessibleDescription(tr("The caller's cases, open ones first, with their referrals. Alt+C "
                                            "moves here."));
    m_historyView->setAccessibleName(tr("Contact history"));
    m_historyView->setAccessibleDescription(tr("Every contact of the caller on every channel, newest first. Alt+H "
                                               "moves here."));
}

void AgentWindow::setUpTabOrder()
{
    // Reading order of the call flow: search, the offered contact's buttons, the card (the
    // new-caller form when the number is unknown), the cases, the history.
    QList<QWidget *> chain { m_searchEdit, m_searchResults };
    for (const char *name : { "acceptButton", "endButton", "newCallerName", "newCallerCity", "newCallerNationalId",
                              "createCustomerButton" }) {
        if (auto *w = centralWidget()->findChild<QWidget *>(QLatin1StringView(name)))
            chain.append(w);
    }
    chain << m_caseView << m_historyView;
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
}

void AgentWindow::retranslateUi()
{
    if (m_caseActions)
        m_caseActions->retranslate();
    if (m_session.displayName.isEmpty())
        setWindowTitle(tr("Sanad — agent desktop"));
    else
        setWindowTitle(tr("Sanad — %1").arg(bidi::isolateAuto(m_session.displayName)));
    m_sanadMenu->setTitle(tr("&Sanad"));
    m_contactMenu->setTitle(tr("&Contact"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Presence and search"));

    setActionTexts(m_acceptAction, tr("Accept"), tr("Accept the offered contact"));
    setActionTexts(m_endAction, tr("End contact"), tr("End the contact and start wrap-up"));
    setActionTexts(m_availableAction, tr("Available"), tr("Become available for contacts; also ends wrap-up"));
    setActionTexts(m_breakAction, tr("Break"), tr("Take a break: no contacts are offered to you"));
    setActionTexts(m_searchAction, tr("Search customers"), tr("Search customers by name, number or case number"));
    setActionTexts(m_historyAction, tr("Go to contact history"), tr("Move to the caller's contact history"));
    setActionTexts(m_casesAction, tr("Go to cases"), tr("Move to the caller's cases"));
    setActionTexts(m_scriptAction, tr("Go to guided scripts"),
                   tr("Move to the guided scripts: 1 to 9 choose, Enter goes on, Alt+Left goes back"));
    setActionTexts(m_signOutAction, tr("Sign out"), tr("Sign out of Sanad"));
    setActionTexts(m_quitAction, tr("Quit"), tr("Quit Sanad"));
    setActionTexts(m_shortcutsAction, tr("Keyboard shortcuts"), tr("Show the keyboard shortcuts"));
    m_arabicAction->setChecked(m_languages->language() == LanguageManager::Language::Arabic);
    m_englishAction->setChecked(m_languages->language() == LanguageManager::Language::English);
    m_arabicIndicDigitsAction->setText(tr("Arabic-Indic digits (%1)").arg(QStringLiteral("٠١٢٣")));
    m_latinDigitsAction->setText(tr("Latin digits (%1)").arg(QStringLiteral("0123")));
    for (QAction *a : { m_arabicIndicDigitsAction, m_latinDigitsAction })
        a->setToolTip(tr("The digits of dates, times, counts and numbers in the Arabic interface; English always "
                         "uses Latin digits"));
    m_arabicIndicDigitsAction->setChecked(m_languages->digits() == LanguageManager::Digits::ArabicIndic);
    m_latinDigitsAction->setChecked(m_languages->digits() == LanguageManager::Digits::Latin);

    m_agentNameLabel->setText(
        bidi::isolateAuto(m_session.displayName.isEmpty() ? m_session.username : m_session.displayName));
    m_agentNameLabel->setToolTip(tr("Signed in as %1").arg(bidi::isolateLtr(m_session.username)));
    m_searchEdit->setPlaceholderText(tr("Search: name, number or case (Ctrl+F)"));
    m_searchEdit->setToolTip(m_searchAction->toolTip());
    // Wide enough for the whole placeholder in either language.
    m_searchEdit->setMinimumWidth(
        std::max(320, m_searchEdit->fontMetrics().horizontalAdvance(m_searchEdit->placeholderText()) + 60));
    m_searchTitle->setText(tr("Search results"));
    m_casesTitle->setText(tr("Cases"));
    m_casesTitle->setToolTip(m_casesAction->toolTip());
    m_caseView->setToolTip(m_casesAction->toolTip());
    m_historyTitle->setText(tr("Contact history, all channels"));
    m_historyTitle->setToolTip(m_historyAction->toolTip());
    m_historyView->setToolTip(QString());
    m_historyView->setWhatsThis(m_historyAction->toolTip());

    m_screenPop->retranslate();
    m_search->model()->retranslate();
    setUpAccessibility();
    updatePresence();
    updateStream();
    updateSearchStatus();
    onScreenPopChanged();
}

void AgentWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

bool AgentWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_searchEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down && m_search->model()->rowCount() > 0) {
            m_searchResults->setFocus(Qt::ShortcutFocusReason);
            if (!m_searchResults->currentIndex().isValid())
                m_searchResults->setCurrentIndex(m_search->model()->index(0));
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            m_searchEdit->clear();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

// ---- presence and contacts ----

QString AgentWindow::presenceText() const
{
    return DisplayText::agentState(m_presence);
}

void AgentWindow::setPresence(AgentState state)
{
    // After the stream was taken by another desktop, choosing a state here takes it back.
    if (m_streamStopped && state == AgentState::Available) {
        m_streamStopped = false;
        m_client->startAgentStream();
    }
    m_client->setPresence(state);
    // The buttons show the server's state, not the wish: it may refuse (e.g. during a contact).
    updatePresence();
}

void AgentWindow::onPresenceChanged(AgentState state, const QDateTime &since, const QString &reason)
{
    const AgentState previous = m_presence;
    m_presence = state;
    if (state != previous || since.isValid())
        m_presenceSince = since.isValid() ? since : QDateTime::currentDateTimeUtc();
    if (state == AgentState::Break && reason == QLatin1StringView("missed_offer"))
        showStatus(tr("An offered contact was not answered in time, so you were put on break. Press F9 when you are "
                      "ready."));
    if (state == AgentState::Available && m_banner->mode() != OfferBanner::Mode::Offered) {
        m_banner->dismiss();
        m_callId.clear();
        m_wrapUp->stop(); // wrap-up is optional in this queue, and the agent chose to go on (F9)
    }
    updatePresence();
}

void AgentWindow::updatePresence()
{
    const qint64 seconds = m_presenceSince.isValid() ? m_presenceSince.secsTo(QDateTime::currentDateTimeUtc()) : 0;
    //: Presence state and the time spent in it, e.g. "Available · 03:12".
    m_presenceLabel->setText(tr("%1 · %2").arg(presenceText(), DisplayText::duration(seconds)));
    m_presenceLabel->setStyleSheet(presenceStyle(m_presence));
    m_presenceLabel->setToolTip(tr("Your state, as the server has it, and the time in it"));
    m_availableAction->setChecked(m_presence == AgentState::Available);
    m_breakAction->setChecked(m_presence == AgentState::Break);
}

void AgentWindow::onStreamStateChanged(client::SanadClient::StreamState state)
{
    if (state != client::SanadClient::StreamState::Disconnected)
        m_streamStopped = false;
    updateStream();
}

void AgentWindow::onStreamStopped(const client::ClientError &error)
{
    m_streamStopped = true;
    m_streamStopError = error;
    m_ringer->stop();
    updateStream();
    showStatus(m_streamLabel->toolTip());
}

void AgentWindow::updateStream()
{
    switch (m_client->streamState()) {
    case client::SanadClient::StreamState::Connected:
        m_streamLabel->setText(tr("● Connected"));
        m_streamLabel->setStyleSheet(QStringLiteral("color: #2e7d32;"));
        m_streamLabel->setToolTip(tr("Contacts can be offered to you."));
        break;
    case client::SanadClient::StreamState::Connecting:
        m_streamLabel->setText(tr("● Connecting…"));
        m_streamLabel->setStyleSheet(QStringLiteral("color: #ef6c00;"));
        m_streamLabel->setToolTip(tr("Connecting to the server; contacts cannot be offered to you until it is "
                                     "connected."));
        break;
    case client::SanadClient::StreamState::Disconnected:
        m_streamLabel->setText(tr("● Not connected"));
        m_streamLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
        if (m_streamStopped) {
            m_streamLabel->setToolTip(
                m_streamStopError.kind == client::ClientError::Kind::PermissionDenied
                    ? tr("This account cannot receive contacts. Sign in with an agent account to take contacts.")
                    : tr("Your account connected from another desktop, so this one no longer receives contacts. "
                         "Press F9 here to take them back."));
            break;
        }
        m_streamLabel->setToolTip(tr("No connection to the server: no contacts can be offered to you. Sanad keeps "
                                     "trying; check the network if this lasts."));
        break;
    }
}

void AgentWindow::onContactOffered(const client::ContactOffer &offer)
{
    qCDebug(lcUi) << "contact offered" << offer.callId;
    m_callId = offer.callId;
    m_wrapUp->stop();
    m_banner->showOffer(offer);
    m_scriptPanel->setQueue(offer.queue);
    m_acceptAction->setEnabled(true);
    m_endAction->setEnabled(false);
    m_ringer->start();
    QApplication::alert(this);
}

void AgentWindow::onContactRevoked(const QString &callId, RevokeReason reason)
{
    if (callId != m_callId)
        return;
    m_ringer->stop();
    m_acceptAction->setEnabled(false);
    m_banner->showRevoked(reason);
}

void AgentWindow::acceptContact()
{
    if (m_callId.isEmpty() || m_banner->mode() != OfferBanner::Mode::Offered)
        return;
    m_ringer->stop();
    m_acceptAction->setEnabled(false);
    m_banner->showAccepting();
    m_client->acceptContact(m_callId);
}

void AgentWindow::onContactAccepted(const QString &callId)
{
    if (callId != m_callId)
        return;
    m_ringer->stop();
    m_acceptAction->setEnabled(false);
    m_endAction->setEnabled(true);
    m_banner->showOnContact();
    if (m_presence != AgentState::OnContact) {
        m_presence = AgentState::OnContact;
        m_presenceSince = QDateTime::currentDateTimeUtc();
        updatePresence();
    }
}

void AgentWindow::endContact()
{
    if (m_callId.isEmpty() || m_banner->mode() != OfferBanner::Mode::OnContact)
        return;
    m_endAction->setEnabled(false);
    m_client->endContact(m_callId);
}

void AgentWindow::onContactEnded(const QString &callId)
{
    if (callId != m_callId)
        return;
    m_ringer->stop();
    m_acceptAction->setEnabled(false);
    m_endAction->setEnabled(false);
    m_banner->showWrapUp(m_client->workPolicy().wrapUpRequired(m_banner->offer().queue));
    m_wrapUp->start(callId, m_banner->offer().callback);
    // The server puts the agent in wrap-up after a contact (and says so on the stream).
    if (m_presence != AgentState::WrapUp) {
        m_presence = AgentState::WrapUp;
        m_presenceSince = QDateTime::currentDateTimeUtc();
        updatePresence();
    }
}

void AgentWindow::onOperationFailed(const QString &operation, const client::ClientError &error)
{
    using Kind = client::ClientError::Kind;
    if (error.kind == Kind::Unauthenticated)
        return; // the Desk asks for the password again
    qCInfo(lcUi) << operation << "failed, grpc code" << error.grpcCode;
    if (operation == QLatin1StringView("acceptContact")) {
        if (error.kind == Kind::FailedPrecondition || error.kind == Kind::NotFound) {
            m_banner->showNoLongerOffered();
            return;
        }
        // Still offered as far as we know: let the agent try again.
        m_banner->showOffer(m_banner->offer());
        m_acceptAction->setEnabled(true);
        showStatus(tr("The contact could not be accepted. %1").arg(DisplayText::error(error, m_session.serverAddress)));
        return;
    }
    if (operation == QLatin1StringView("endContact")) {
        m_endAction->setEnabled(true);
        showStatus(tr("The contact could not be ended. %1").arg(DisplayText::error(error, m_session.serverAddress)));
        return;
    }
    if (error.kind == Kind::FailedPrecondition && m_presence == AgentState::WrapUp) {
        showStatus(tr("This queue requires a wrap-up: choose the disposition and the caller's mood, then save with "
                      "Ctrl+S to become available."));
        return;
    }
    if (error.kind == Kind::FailedPrecondition && m_presence == AgentState::OnContact) {
        showStatus(tr("End the current contact first (Ctrl+E), then change your state."));
        return;
    }
    showStatus(tr("Your state was not changed. %1").arg(DisplayText::error(error, m_session.serverAddress)));
}

void AgentWindow::onScreenPopChanged()
{
    const bool repeat = m_screenPop->isRepeatContact();
    m_repeatFrame->setVisible(repeat);
    m_repeatText->setText(m_screenPop->repeatWarning());
    if (m_screenPop->state() == ScreenPop::State::Known && m_banner->mode() != OfferBanner::Mode::Hidden) {
        const QString offered = m_banner->offer().normalizedNumber;
        if (offered.isEmpty() || m_screenPop->context().customer.phones.contains(offered)
            || m_screenPop->context().normalizedNumber == offered)
            m_banner->setCallerName(m_screenPop->context().customer.name);
    }
    const int open = m_screenPop->caseModel()->openCaseCount();
    const int all = m_screenPop->caseModel()->rowCount();
    if (all == 0)
        m_casesTitle->setText(tr("Cases"));
    else
        //: Title of the case list: the number of cases, then how many are open.
        m_casesTitle->setText(tr("Cases (%1 open of %2)").arg(QLocale().toString(open), QLocale().toString(all)));
    const int history = m_screenPop->historyModel()->rowCount();
    m_historyTitle->setText(history == 0 ? tr("Contact history, all channels")
                                         : tr("Contact history, all channels (%1)").arg(QLocale().toString(history)));
}

// ---- search ----

void AgentWindow::onSearchTextChanged(const QString &text)
{
    const bool searching = !text.trimmed().isEmpty();
    m_searchPanel->setVisible(searching);
    m_scriptPanel->setSearchOpen(searching);
    m_search->setText(text);
}

void AgentWindow::onSearchStateChanged()
{
    if (m_search->state() == CustomerSearch::State::Results && m_search->model()->rowCount() > 0)
        m_searchResults->setCurrentIndex(m_search->model()->index(0));
    updateSearchStatus();
}

void AgentWindow::updateSearchStatus()
{
    const CustomerSearchModel *model = m_search->model();
    QString status;
    switch (m_search->state()) {
    case CustomerSearch::State::Idle:
        break;
    case CustomerSearch::State::Waiting:
    case CustomerSearch::State::Searching:
        status = tr("Searching…");
        break;
    case CustomerSearch::State::Failed:
        status = DisplayText::error(m_search->error(), m_session.serverAddress);
        break;
    case CustomerSearch::State::Results:
        if (model->rowCount() == 0)
            status = tr("No customer matches %1. Check the spelling, or search by number or case number.")
                         .arg(bidi::isolateAuto(m_search->query()));
        else
            status = tr("%Ln customer(s) found. Enter opens the selected one.", nullptr, model->rowCount());
        if (m_search->isLocal())
            status += u'\n'
                + tr("The server cannot be reached: these are the customers saved on this desktop, which may "
                     "be out of date.");
        break;
    }
    m_searchStatus->setText(status);
    m_searchResults->setAccessibleDescription(status);
}

void AgentWindow::openSearchResult(const QModelIndex &index)
{
    if (!index.isValid() || index.row() >= m_search->model()->rowCount())
        return;
    const QString id = index.data(CustomerSearchModel::CustomerIdRole).toString();
    m_screenPop->openCustomer(id);
    m_searchEdit->clear();
    m_historyView->setFocus(Qt::OtherFocusReason);
}

void AgentWindow::focusSearch()
{
    m_searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_searchEdit->selectAll();
}

void AgentWindow::focusHistory()
{
    m_historyView->setFocus(Qt::ShortcutFocusReason);
    if (!m_historyView->currentIndex().isValid() && m_screenPop->historyModel()->rowCount() > 0)
        m_historyView->setCurrentIndex(m_screenPop->historyModel()->index(0, 0));
}

void AgentWindow::focusCases()
{
    m_caseView->setFocus(Qt::ShortcutFocusReason);
    if (!m_caseView->currentIndex().isValid() && m_screenPop->caseModel()->rowCount() > 0)
        m_caseView->setCurrentIndex(m_screenPop->caseModel()->index(0, 0));
}

void AgentWindow::showShortcuts()
{
    QStringList lines;
    for (QAction *a : { m_availableAction, m_breakAction, m_acceptAction, m_endAction, m_searchAction, m_casesAction,
                        m_historyAction, m_quitAction }) {
        lines << tr("%1: %2").arg(bidi::isolateLtr(a->shortcut().toString(QKeySequence::NativeText)), a->text());
    }
    QMessageBox::information(this, tr("Keyboard shortcuts"), lines.join(u'\n'));
}

void AgentWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message, 30000);
}

} // namespace sanad::ui
