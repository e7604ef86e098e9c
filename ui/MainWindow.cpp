#include "MainWindow.h"

#include "AnalysisSession.h"
#include "ErrorText.h"
#include "ParametersPanel.h"
#include "KeyboardPolicy.h"
#include "UserGuide.h"
#include "WhatIfPanel.h"
#include "NumberFormat.h"
#include "Wording.h"
#include "charts/Charts.h"
#include "charts/SegmentChart.h"
#include "import/ImportWizard.h"
#include "core/db/database_source.h"
#include "models/CustomerTableModel.h"
#include "charts/PeriodMigrationChart.h"
#include "core/analytics/over_time.h"
#include "models/ScenarioModels.h"
#include "models/SegmentTableModel.h"
#include "window/Autosave.h"
#include "window/ChartTabs.h"
#include "window/ExportActions.h"
#include "window/RecentProjects.h"

#include <QAction>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QListWidget>
#include <QPushButton>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoroTask>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
// Projects are saved as NAME.valuescope.json (the desktop's MIME type for double-click); any
// .json project opens.
QString projectFilter() { return QObject::tr("ValueScope projects (*.valuescope.json *.json)"); }
} // namespace

MainWindow::MainWindow(AnalysisSession *session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_customers(new CustomerTableModel(this)),
      m_segments(new SegmentTableModel(this))
{
    keyboard::install();
    setAcceptDrops(true);
    m_segments->setSession(session);

    // centre: segment summary + chart above, customers and statistics below
    m_segmentView = new QTableView;
    m_segmentView->setAccessibleName(tr("Segments and strategies"));
    m_segmentView->setModel(m_segments);
    m_segmentView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_segmentView->verticalHeader()->hide();
    m_segmentView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_segmentView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_chart = new SegmentChart;

    auto *segBox = new QWidget;
    auto *segLayout = new QVBoxLayout(segBox);
    segLayout->setContentsMargins(0, 0, 0, 0);
    segLayout->addWidget(new QLabel(tr("<b>Segments and strategies</b> (double-click a strategy to edit it)")));
    segLayout->addWidget(m_segmentView);
    m_segmentView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_segmentView->horizontalHeader()->setSectionResizeMode(SegmentTableModel::Strategy, QHeaderView::Stretch);
    m_segmentView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_customerView = new QTableView;
    m_customerView->setAccessibleName(tr("Customers"));
    m_customerView->setModel(m_customers);
    m_customerView->setSortingEnabled(true);
    m_customerView->sortByColumn(-1, Qt::AscendingOrder);
    m_customerView->horizontalHeader()->setDefaultSectionSize(120);
    m_customerView->verticalHeader()->setDefaultSectionSize(m_customerView->fontMetrics().height() + 6);
    m_customerView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_customerView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_customerView->setAlternatingRowColors(true);
    m_segmentFilter = new QComboBox;
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Find a customer id… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Find a customer id"));
    auto *filterBar = new QHBoxLayout;
    filterBar->addWidget(new QLabel(tr("Show:")));
    filterBar->addWidget(m_segmentFilter);
    filterBar->addWidget(m_search, 1);
    auto *customersTab = new QWidget;
    auto *ct = new QVBoxLayout(customersTab);
    ct->setContentsMargins(0, 4, 0, 0);
    ct->addLayout(filterBar);
    ct->addWidget(m_customerView);
    auto *statsView = new QTableView;
    statsView->setAccessibleName(tr("Descriptive statistics"));
    statsView->setModel(new StatsModel(session, statsView));
    statsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents); // names and headings in full
    statsView->horizontalHeader()->setStretchLastSection(true);
    statsView->verticalHeader()->hide();
    auto *bottom = new QTabWidget;
    bottom->addTab(customersTab, tr("Customers"));
    bottom->addTab(statsView, tr("Statistics"));

    auto *centre = new QSplitter(Qt::Vertical);
    centre->addWidget(segBox);
    // the charts: segments first, the others as tabs that appear when the results have them
    m_chartTabs = new ChartTabs(session, m_chart);
    m_exports = new ExportActions(session, m_chartTabs, this);
    connect(m_exports, &ExportActions::statusMessage, this, [this](const QString &text, int ms) {
        statusBar()->showMessage(text, ms);
    });
    connect(m_customers, &CustomerTableModel::sortFailed, this, [this](const QString &text) {
        statusBar()->showMessage(text, 8000);
    });
    centre->addWidget(m_chartTabs);
    centre->addWidget(bottom);
    centre->setStretchFactor(0, 0);
    centre->setStretchFactor(1, 2);
    centre->setStretchFactor(2, 3);
    centre->setSizes({170, 260, 400});
    centre->setContentsMargins(6, 6, 6, 6);
    setCentralWidget(centre);

    m_parameters = new ParametersPanel(session);
    m_whatIf = new WhatIfPanel(session);
    createDocks();

    m_rowsLabel = new QLabel;
    m_warningsButton = new QToolButton;
    m_warningsButton->setAutoRaise(true);
    m_busy = new QProgressBar;
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->hide();
    statusBar()->addWidget(m_rowsLabel, 1);
    m_stopLongStep = new QToolButton;
    m_stopLongStep->setObjectName(QStringLiteral("stopLongStep"));
    m_stopLongStep->setText(tr("Stop"));
    m_stopLongStep->setToolTip(tr("Stop the bootstrap: the CLV interval falls back to the one from the fits' standard errors"));
    m_stopLongStep->hide();
    connect(m_stopLongStep, &QToolButton::clicked, this, [this] {
        m_stopLongStep->setEnabled(false);
        m_session->stopLongStep();
    });
    m_stopReading = new QToolButton;
    m_stopReading->setObjectName(QStringLiteral("stopReading"));
    m_stopReading->setText(tr("Stop"));
    m_stopReading->setToolTip(tr("Stop reading from the database: the analysis shown stays"));
    m_stopReading->hide();
    connect(m_stopReading, &QToolButton::clicked, this, [this] {
        m_stopReading->setEnabled(false);
        m_session->stopReading();
    });
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_stopLongStep);
    statusBar()->addPermanentWidget(m_stopReading);
    statusBar()->addPermanentWidget(m_warningsButton);
    connect(m_warningsButton, &QToolButton::clicked, this, &MainWindow::showWarnings);

    createActions();

    connect(m_session, &AnalysisSession::resultsChanged, this, &MainWindow::showResults);
    connect(m_session, &AnalysisSession::failed, this, &MainWindow::showError);
    connect(m_session, &AnalysisSession::busyChanged, this, [this](bool busy) {
        m_busy->setVisible(busy);
        if (!busy) { // the next computation starts without a known length
            m_busy->setRange(0, 0);
            m_stopLongStep->hide();
        }
    });
    // a long step (the bootstrap) shows how far it is and can be stopped
    connect(m_session, &AnalysisSession::longStepProgress, this, [this](double fraction) {
        if (!m_session->isBusy())
            return;
        m_busy->setRange(0, 1000);
        m_busy->setValue(int(fraction * 1000));
        m_busy->setToolTip(tr("Bootstrap: %1 % of the resamples refitted").arg(int(fraction * 100)));
        // enabled again for a newer computation even when Stop was pressed on the one before
        m_stopLongStep->setEnabled(!m_session->longStepStopped());
        if (!m_stopLongStep->isVisible())
            m_stopLongStep->show();
    });
    // a database source being read: the engine works, then its rows come; Stop ends it
    connect(m_session, &AnalysisSession::databaseReading, this, [this](bool reading) {
        m_stopReading->setEnabled(true);
        m_stopReading->setVisible(reading);
        if (reading) {
            m_busy->setRange(0, 0);
            m_busy->setToolTip(tr("The database is working on the query"));
            statusBar()->showMessage(tr("Reading from the database…"));
        } else {
            m_busy->setToolTip(QString());
            statusBar()->clearMessage();
        }
    });
    connect(m_session, &AnalysisSession::databaseRowsRead, this, [this](qulonglong rows) {
        if (rows)
            statusBar()->showMessage(tr("Reading from the database: %1 rows received").arg(numbers::count(rows)));
    });
    connect(m_session, &AnalysisSession::readingStopped, this, [this] {
        statusBar()->showMessage(tr("Reading stopped; the analysis shown stays."), 10000);
    });
    connect(m_session, &AnalysisSession::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_session, &AnalysisSession::pathChanged, this, &MainWindow::updateTitle);
    connect(m_session, &AnalysisSession::loaded, this, [this] {
        if (!m_session->projectPath().isEmpty() &&
            m_session->projectPath() != QFileInfo(m_autosave->path()).absoluteFilePath())
            m_recent->add(m_session->projectPath());
    });
    connect(m_chart, &SegmentChart::segmentClicked, this, [this](int s) { m_segmentFilter->setCurrentIndex(s + 1); });
    for (int i = 0; i < m_chartTabs->count(); ++i)
        if (auto *moves = qobject_cast<PeriodMigrationChart *>(m_chartTabs->chartAt(i)))
            connect(moves, &PeriodMigrationChart::cellClicked, this, &MainWindow::showMovedCustomers);
    auto applyFilter = [this] {
        const QString what = m_segmentFilter->currentData().toString();
        const bool moved = what == QLatin1String("moved"), warned = what == QLatin1String("warnings");
        if (!moved && m_customers->hasSubset()) { // another choice: the cell's customers go
            m_customers->setSubset(std::nullopt);
            const QSignalBlocker block(m_segmentFilter);
            m_segmentFilter->removeItem(m_segmentFilter->findData(QStringLiteral("moved")));
        }
        m_customers->setFilter(moved || warned ? -1 : m_segmentFilter->currentIndex() - 1, m_search->text());
        if (warned)
            showEarlyWarnings();
    };
    connect(m_segmentFilter, &QComboBox::currentIndexChanged, this, applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, applyFilter);

    m_autosave = new Autosave(session, this);
    connect(m_autosave, &Autosave::recoverRequested, this, [this](const QString &path, const QString &original) {
        connect(m_session, &AnalysisSession::loaded, this, [this, original] { m_session->markRecovered(original); },
                Qt::SingleShotConnection);
        openProject(path);
    });

    QSettings settings;
    m_chartTabs->preferKind(settings.value(QStringLiteral("window/chart")).toString()); // shown once results allow it
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1360, 860);
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        QTimer::singleShot(0, this, [this] {
            const auto docks = findChildren<QDockWidget *>();
            if (docks.size() == 2)
                resizeDocks({docks[0], docks[1]}, {340, 320}, Qt::Horizontal);
        });
    showResults();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    auto *params = new QDockWidget(tr("Parameters"), this);
    params->setObjectName(QStringLiteral("parameters"));
    params->setWidget(m_parameters);
    params->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, params);
    auto *whatIf = new QDockWidget(tr("What-if"), this);
    whatIf->setObjectName(QStringLiteral("whatif"));
    whatIf->setWidget(m_whatIf);
    whatIf->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, whatIf);
    resizeDocks({params, whatIf}, {360, 330}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAct = file->addAction(tr("&New"), this, [this] {
        if (maybeSave())
            m_session->clear();
    });
    newAct->setShortcut(QKeySequence::New);
    QAction *open = file->addAction(tr("&Open Project…"), this, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QSettings().value(QStringLiteral("lastDir")).toString(),
                                                          projectFilter());
        if (!path.isEmpty())
            openProject(path);
    });
    open->setShortcut(QKeySequence::Open);
    m_recent = new RecentProjects(file->addMenu(tr("Open &Recent")), this);
    connect(m_recent, &RecentProjects::openRequested, this, [this](const QString &path) {
        if (maybeSave())
            openProject(path);
    });
    QAction *import = file->addAction(tr("&Import Data…"), this, [this] { importFile(); });
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    file->addSeparator();
    QAction *save = file->addAction(tr("&Save"), this, [this] { saveProject(); });
    save->setShortcut(QKeySequence::Save);
    QAction *saveAs = file->addAction(tr("Save &As…"), this, [this] { saveProjectAs(); });
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *exportData = file->addAction(tr("Export &Customers…"), this, [this] { m_exports->exportCustomers(); });
    file->addAction(tr("Export Customers with &Pseudonyms…"), this, [this] { m_exports->exportPseudonymised(); });
    file->addAction(tr("Export Ca&ll List (Early Warnings)…"), this, [this] { m_exports->exportEarlyWarnings(); });
    exportData->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    // a database source: the results back into the database, for a CRM or BI tool
    QAction *writeDb = file->addAction(tr("Write Results to &Database…"), this, [this] { m_exports->writeToDatabase(); });
    writeDb->setObjectName(QStringLiteral("writeToDatabase"));
    auto updateWriteDb = [this, writeDb] {
        writeDb->setEnabled(m_session->results() && m_session->project().source.database.has_value());
    };
    connect(m_session, &AnalysisSession::resultsChanged, this, updateWriteDb);
    connect(m_session, &AnalysisSession::projectChanged, this, updateWriteDb);
    updateWriteDb();
    QAction *exportChart = file->addAction(tr("&Export Chart…"), this, [this] { m_exports->exportCurrentChart(); });
    exportChart->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction *exportReportAction = file->addAction(tr("Export &Report (PDF)…"), this, [this] { m_exports->exportReport(); });
    exportReportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_session->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_session->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(keyboard::unique({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                                         QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(QKeySequence::Redo)}));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *copyChart = edit->addAction(tr("Copy &Chart"), this, [this] { m_exports->copyCurrentChart(); });
    copyChart->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *find = edit->addAction(tr("&Find Customer"), this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);

    QMenu *analysis = menuBar()->addMenu(tr("&Analysis"));
    QAction *baseline = analysis->addAction(tr("Set as &Baseline"), m_session, &AnalysisSession::setBaseline);
    baseline->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    analysis->addAction(tr("&Clear Baseline"), m_session, &AnalysisSession::clearBaseline);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *d : findChildren<QDockWidget *>())
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    QMenu *language = view->addMenu(tr("&Language"));
    auto *group = new QActionGroup(language);
    const QString current = QSettings().value(QStringLiteral("language")).toString();
    const std::pair<QString, QString> languages[] = {
        {QString(), tr("System default")}, {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto &[code, name] : languages) {
        QAction *a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { emit languageRequested(code); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("&User Guide"), this, &MainWindow::showUserGuide);
    guide->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    help->addAction(tr("&About ValueScope"), this, [this] {
        QMessageBox::about(this, tr("About ValueScope"),
                           tr("<h3>ValueScope %1</h3><p>Customer value, segments and strategies for marketing and "
                              "CRM teams.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

UserGuide *MainWindow::userGuide() const
{
    return m_guide;
}

void MainWindow::showUserGuide()
{
    if (!m_guide) // one window, kept until closed
        m_guide = new UserGuide(this);
    m_guide->show();
    m_guide->raise();
    m_guide->activateWindow();
}

void MainWindow::openProject(const QString &path)
{
    QSettings().setValue(QStringLiteral("lastDir"), QFileInfo(path).absolutePath());
    statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    // a database source: the password is asked for (unless its variable is set) and kept nowhere
    std::optional<QString> password;
    if (auto p = vs::loadProject(path.toStdString()); p && p->source.database) {
        const vs::DatabaseSpec &db = *p->source.database;
        if (db.passwordEnv.empty() || !qEnvironmentVariableIsSet(db.passwordEnv.c_str())) {
            bool ok = false;
            const QString pw = QInputDialog::getText(
                this, tr("Database Password"),
                tr("Password of %1 on %2:").arg(QString::fromStdString(db.user), QString::fromStdString(vs::databaseSourceName(db))),
                QLineEdit::Password, QString(), &ok);
            if (!ok) {
                statusBar()->clearMessage();
                return;
            }
            password = pw;
        }
    }
    m_session->openProject(path, password);
}

void MainWindow::importFile(const QString &path)
{
    if (!maybeSave())
        return;
    auto *wizard = new ImportWizard(m_session, path, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
}

bool MainWindow::saveProject()
{
    if (m_session->projectPath().isEmpty())
        return saveProjectAs();
    QString error;
    if (!m_session->saveProject(m_session->projectPath(), &error)) {
        QMessageBox::warning(this, tr("Save Project"), error);
        return false;
    }
    m_autosave->remove();
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(m_session->projectPath()).fileName()), 4000);
    return true;
}

bool MainWindow::saveProjectAs()
{
    if (!m_session->hasData())
        return false;
    QString suggestion = m_session->projectPath();
    if (suggestion.isEmpty())
        suggestion = QFileInfo(m_session->dataPath()).absolutePath() + QLatin1Char('/') +
                     QFileInfo(m_session->dataPath()).completeBaseName() + QStringLiteral(".valuescope.json");
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), suggestion, projectFilter());
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        path += QStringLiteral(".valuescope.json");
    QString error;
    if (!m_session->saveProject(path, &error)) {
        QMessageBox::warning(this, tr("Save Project"), error);
        return false;
    }
    m_autosave->remove();
    m_recent->add(path);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_session->isModified() || !m_session->hasData())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"), tr("The analysis has unsaved changes. Save them first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return saveProject();
    if (answer == QMessageBox::Discard)
        m_autosave->remove();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/chart"), m_chartTabs->currentKind());
    m_autosave->remove();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().size() == 1 && event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = event->mimeData()->urls().first().toLocalFile();
    event->acceptProposedAction();
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        if (maybeSave())
            openProject(path);
    } else {
        importFile(path);
    }
}

void MainWindow::showEarlyWarnings()
{
    const auto results = m_session->results();
    std::vector<uint32_t> rows;
    if (results && results->overTime)
        for (const vs::EarlyWarning &w : results->overTime->earlyWarnings)
            rows.push_back(w.customer);
    m_customers->setSubset(std::move(rows));
}

void MainWindow::showMovedCustomers(int fromIndex, int toIndex)
{
    const auto results = m_session->results();
    if (!results || !results->overTime || !results->overTime->migration)
        return;
    const vs::PeriodMigration &m = *results->overTime->migration;
    std::vector<uint32_t> rows = vs::customersInCell(m, fromIndex, toIndex);
    const auto name = migrationRowName;
    const QString text = toIndex == vs::lapsedColumn(m)
                             ? tr("Lapsed: %1, no order between the dates (%2)")
                                   .arg(name(m.fromSegments[size_t(fromIndex)]), QLocale().toString(qulonglong(rows.size())))
                             : tr("Moved: %1 → %2 (%3)")
                                   .arg(name(m.fromSegments[size_t(fromIndex)]), name(m.toSegments[size_t(toIndex)]),
                                        QLocale().toString(qulonglong(rows.size())));
    {
        const QSignalBlocker block(m_segmentFilter);
        int k = m_segmentFilter->findData(QStringLiteral("moved"));
        if (k < 0) {
            m_segmentFilter->addItem(text, QStringLiteral("moved"));
            k = m_segmentFilter->count() - 1;
        }
        m_segmentFilter->setItemText(k, text);
        m_segmentFilter->setCurrentIndex(k);
    }
    m_customers->setFilter(-1, m_search->text());
    m_customers->setSubset(std::move(rows));
    statusBar()->showMessage(text, 5000);
}

void MainWindow::showResults()
{
    statusBar()->clearMessage();
    auto results = m_session->results();
    const int filter = m_segmentFilter->currentIndex();
    const bool wasWarnings = m_segmentFilter->currentData().toString() == QLatin1String("warnings");
    {
        const QSignalBlocker block(m_segmentFilter);
        m_segmentFilter->clear();
        m_segmentFilter->addItem(tr("All segments"));
        if (results)
            for (const auto &s : results->segments)
                m_segmentFilter->addItem(QString::fromStdString(s.label));
        const int segmentsEnd = m_segmentFilter->count();
        // the valuable customers who fell between the two snapshot dates (issue 19)
        if (results && results->overTime && !results->overTime->earlyWarnings.empty())
            m_segmentFilter->addItem(tr("Early warnings (%1)").arg(QLocale().toString(qulonglong(results->overTime->earlyWarnings.size()))),
                                     QStringLiteral("warnings"));
        const int warnings = m_segmentFilter->findData(QStringLiteral("warnings"));
        m_segmentFilter->setCurrentIndex(wasWarnings && warnings >= 0 ? warnings : filter >= 0 && filter < segmentsEnd ? filter : 0);
    }
    const bool warned = m_segmentFilter->currentData().toString() == QLatin1String("warnings");
    if (m_customers->segmentFilter() != (warned ? -1 : m_segmentFilter->currentIndex() - 1))
        m_customers->setFilter(warned ? -1 : m_segmentFilter->currentIndex() - 1, m_search->text());
    m_customers->setResults(results); // keeps the filter and the sort order
    if (warned)
        showEarlyWarnings();
    m_segments->setResults(results);
    m_chartTabs->refresh();
    const QLocale loc;
    if (results) {
        m_rowsLabel->setText(tr("%1 customers (%2 shown), %3 with a value, total value %4")
                                 .arg(loc.toString(qulonglong(results->rowCount())), loc.toString(m_customers->rowCount()),
                                      loc.toString(qulonglong(results->valuedCount)), loc.toString(results->totalValue, 'f', 2)));
    } else {
        m_rowsLabel->setText(tr("No data. Import a spreadsheet (Ctrl+I) or open a project (Ctrl+O)."));
    }
    const QStringList warnings = m_session->warnings();
    m_warningsButton->setVisible(!warnings.isEmpty());
    m_warningsButton->setText(warnings.size() == 1 ? tr("⚠ 1 warning") : tr("⚠ %1 warnings").arg(QLocale().toString(qlonglong(warnings.size()))));
    m_warningsButton->setToolTip(warnings.join(QLatin1Char('\n')));
    updateTitle();
}

void MainWindow::showWarnings()
{
    std::unique_ptr<QDialog> dialog = warningsDialog();
    dialog->exec();
}

std::unique_ptr<QDialog> MainWindow::warningsDialog()
{
    // every warning the status bar counts, each on its own line, to read and to copy
    const QStringList warnings = m_session->warnings();
    auto owned = std::make_unique<QDialog>(this);
    QDialog &dialog = *owned;
    dialog.setWindowTitle(tr("Warnings"));
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(warnings.size() == 1 ? tr("What ValueScope noticed in the data (1 warning):")
                                                       : tr("What ValueScope noticed in the data (%1 warnings):").arg(QLocale().toString(qlonglong(warnings.size())))));
    auto *list = new QListWidget;
    list->setObjectName(QStringLiteral("warningsList"));
    list->setAccessibleName(tr("Warnings"));
    list->setWordWrap(true);
    list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    list->addItems(warnings);
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *copy = buttons->addButton(tr("&Copy All"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, &dialog, [warnings] { QGuiApplication::clipboard()->setText(warnings.join(QLatin1Char('\n'))); });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(640, 360);
    return owned;
}

void MainWindow::showError(const QString &message)
{
    statusBar()->clearMessage();
    QMessageBox::warning(this, tr("ValueScope"), message);
}

void MainWindow::updateTitle()
{
    const QString path = m_session->projectPath();
    QString name = path.isEmpty() ? (m_session->hasData() ? tr("Untitled") : QString()) : QFileInfo(path).fileName();
    if (name.isEmpty()) {
        setWindowTitle(tr("ValueScope"));
        return;
    }
    setWindowTitle(tr("%1[*] — ValueScope").arg(name));
    setWindowModified(m_session->isModified());
}

void MainWindow::offerRecovery()
{
    m_autosave->offerRecovery(this);
}

void MainWindow::setAutosaveInterval(int ms)
{
    m_autosave->setInterval(ms);
}

void MainWindow::exportCurrentChart()
{
    m_exports->exportCurrentChart();
}

void MainWindow::copyCurrentChart()
{
    m_exports->copyCurrentChart();
}

void MainWindow::exportReport()
{
    m_exports->exportReport();
}

void MainWindow::exportCustomers()
{
    m_exports->exportCustomers();
}

QWidget *MainWindow::chartOfTab(int index) const
{
    return m_chartTabs->chartAt(index);
}
