#include "MainWindow.h"

#include "AnalysisSession.h"
#include "ErrorText.h"
#include "ParametersPanel.h"
#include "UserGuide.h"
#include "WhatIfPanel.h"
#include "ExportDialogs.h"
#include "report/Report.h"
#include "charts/Charts.h"
#include "core/io/results_writer.h"
#include "core/io/xlsx_writer.h"
#include "charts/SegmentChart.h"
#include "import/ImportWizard.h"
#include "models/CustomerTableModel.h"
#include "models/ScenarioModels.h"
#include "models/SegmentTableModel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoroTask>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
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
#include <QTableWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
constexpr int kMaxRecent = 8;
// Projects are saved as NAME.valuescope.json (the desktop's MIME type for double-click); any
// .json project opens.
QString projectFilter() { return QObject::tr("ValueScope projects (*.valuescope.json *.json)"); }
} // namespace

MainWindow::MainWindow(AnalysisSession *session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_customers(new CustomerTableModel(this)),
      m_segments(new SegmentTableModel(this))
{
    setAcceptDrops(true);
    m_segments->setSession(session);

    // centre: segment summary + chart above, customers and statistics below
    m_segmentView = new QTableView;
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
    m_chartTabs = new QTabWidget;
    m_chartTabs->setObjectName(QStringLiteral("charts"));
    m_chartTabs->setDocumentMode(true);
    for (const QString &kind : charts::kinds()) {
        QWidget *w = kind == QLatin1String("segments") ? m_chart : charts::create(kind);
        w->setProperty("chartKind", kind);
        if (kind == QLatin1String("holdout")) {
            // the holdout check as a chart and, below it, as a table of the same numbers
            auto *split = new QSplitter(Qt::Vertical);
            m_holdoutTable = new QTableWidget(0, 4);
            m_holdoutTable->setObjectName(QStringLiteral("holdoutTable"));
            m_holdoutTable->setHorizontalHeaderLabels({tr("Repeat purchases"), tr("Customers"), tr("Actual (mean)"),
                                                       tr("Predicted (mean)")});
            m_holdoutTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
            m_holdoutTable->verticalHeader()->hide();
            m_holdoutTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
            split->addWidget(w);
            split->addWidget(m_holdoutTable);
            split->setStretchFactor(0, 3);
            split->setStretchFactor(1, 1);
            split->setProperty("chartKind", kind);
            split->setProperty("chart", QVariant::fromValue(static_cast<QObject *>(w)));
            w = split;
        }
        m_chartTabs->addTab(w, charts::title(kind));
    }
    connect(m_chartTabs, &QTabWidget::currentChanged, this, &MainWindow::showChart);
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
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_warningsButton);
    connect(m_warningsButton, &QToolButton::clicked, this, &MainWindow::showWarnings);

    createActions();

    connect(m_session, &AnalysisSession::resultsChanged, this, &MainWindow::showResults);
    connect(m_session, &AnalysisSession::failed, this, &MainWindow::showError);
    connect(m_session, &AnalysisSession::busyChanged, this, [this](bool busy) { m_busy->setVisible(busy); });
    connect(m_session, &AnalysisSession::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_session, &AnalysisSession::pathChanged, this, &MainWindow::updateTitle);
    connect(m_session, &AnalysisSession::loaded, this, [this] {
        if (!m_session->projectPath().isEmpty() && m_session->projectPath() != QFileInfo(autosavePath()).absoluteFilePath())
            addRecent(m_session->projectPath());
    });
    connect(m_chart, &SegmentChart::segmentClicked, this, [this](int s) { m_segmentFilter->setCurrentIndex(s + 1); });
    auto applyFilter = [this] { m_customers->setFilter(m_segmentFilter->currentIndex() - 1, m_search->text()); };
    connect(m_segmentFilter, &QComboBox::currentIndexChanged, this, applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, applyFilter);

    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(60 * 1000);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    m_autosaveTimer->start();

    QSettings settings;
    m_preferredChart = settings.value(QStringLiteral("window/chart")).toString(); // shown once results allow it
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1360, 860);
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        QTimer::singleShot(0, this, [this] {
            const auto docks = findChildren<QDockWidget *>();
            if (docks.size() == 2)
                resizeDocks({docks[0], docks[1]}, {340, 320}, Qt::Horizontal);
        });
    updateRecentMenu();
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
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction *import = file->addAction(tr("&Import Data…"), this, [this] { importFile(); });
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    file->addSeparator();
    QAction *save = file->addAction(tr("&Save"), this, [this] { saveProject(); });
    save->setShortcut(QKeySequence::Save);
    QAction *saveAs = file->addAction(tr("Save &As…"), this, [this] { saveProjectAs(); });
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *exportData = file->addAction(tr("Export &Customers…"), this, [this] { exportCustomers(); });
    exportData->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    QAction *exportChart = file->addAction(tr("&Export Chart…"), this, [this] { exportCurrentChart(); });
    exportChart->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction *exportReportAction = file->addAction(tr("Export &Report (PDF)…"), this, [this] { exportReport(); });
    exportReportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_session->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_session->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *copyChart = edit->addAction(tr("Copy &Chart"), this, [this] { copyCurrentChart(); });
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
    m_session->openProject(path);
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
    removeAutosave();
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
    removeAutosave();
    addRecent(path);
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
        removeAutosave();
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
    settings.setValue(QStringLiteral("window/chart"), chartOfTab(m_chartTabs->currentIndex())->property("chartKind"));
    removeAutosave();
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

void MainWindow::showResults()
{
    statusBar()->clearMessage();
    auto results = m_session->results();
    const int filter = m_segmentFilter->currentIndex();
    {
        const QSignalBlocker block(m_segmentFilter);
        m_segmentFilter->clear();
        m_segmentFilter->addItem(tr("All segments"));
        if (results)
            for (const auto &s : results->segments)
                m_segmentFilter->addItem(QString::fromStdString(s.label));
        m_segmentFilter->setCurrentIndex(filter >= 0 && filter < m_segmentFilter->count() ? filter : 0);
    }
    if (m_customers->segmentFilter() != m_segmentFilter->currentIndex() - 1)
        m_customers->setFilter(m_segmentFilter->currentIndex() - 1, m_search->text());
    m_customers->setResults(results); // keeps the filter and the sort order
    m_segments->setResults(results);
    refreshCharts();
    m_holdoutTable->setRowCount(0);
    if (results && results->btyd) {
        const QLocale l;
        for (const vs::HoldoutRow &h : results->btyd->holdout) {
            const int row = m_holdoutTable->rowCount();
            m_holdoutTable->insertRow(row);
            const QString cells[4] = {h.orMore ? QStringLiteral("%1+").arg(h.frequency) : QString::number(h.frequency),
                                      l.toString(qulonglong(h.customers)), l.toString(h.actual, 'f', 3),
                                      l.toString(h.predicted, 'f', 3)};
            for (int c = 0; c < 4; ++c) {
                auto *item = new QTableWidgetItem(cells[c]);
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_holdoutTable->setItem(row, c, item);
            }
        }
    }
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
    m_warningsButton->setText(tr("⚠ %n warning(s)", nullptr, int(warnings.size())));
    m_warningsButton->setToolTip(warnings.join(QLatin1Char('\n')));
    updateTitle();
}

void MainWindow::showWarnings()
{
    QMessageBox box(QMessageBox::Information, tr("Warnings"), tr("What ValueScope noticed in the data:"), QMessageBox::Ok, this);
    box.setDetailedText(m_session->warnings().join(QLatin1Char('\n')));
    box.setInformativeText(m_session->warnings().mid(0, 5).join(QLatin1Char('\n')));
    box.exec();
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

void MainWindow::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentProjects")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentProjects"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openProject(path);
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

QString MainWindow::autosavePath() const
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
    return dir + QStringLiteral("/recovery.json");
}

void MainWindow::autosave()
{
    if (!m_session->hasData() || !m_session->isModified())
        return;
    QDir().mkpath(QFileInfo(autosavePath()).absolutePath());
    vs::Project p = m_session->projectWithBaseline();
    p.source.path = m_session->dataPath().toStdString(); // absolute: the recovery file lives elsewhere
    if (vs::saveProject(p, autosavePath().toStdString()).ok()) {
        QSettings settings;
        settings.setValue(QStringLiteral("recovery/project"), m_session->projectPath());
        settings.setValue(QStringLiteral("recovery/time"), QDateTime::currentDateTime());
    }
}

void MainWindow::setAutosaveInterval(int ms)
{
    m_autosaveTimer->start(ms);
}

void MainWindow::removeAutosave()
{
    QFile::remove(autosavePath());
    QSettings().remove(QStringLiteral("recovery"));
}

void MainWindow::offerRecovery()
{
    if (!QFileInfo::exists(autosavePath()))
        return;
    const QDateTime when = QSettings().value(QStringLiteral("recovery/time")).toDateTime();
    const auto answer = QMessageBox::question(
        this, tr("Recover Analysis"),
        tr("ValueScope did not close properly last time. Recover the unsaved analysis from %1?")
            .arg(QLocale().toString(when, QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        removeAutosave();
        return;
    }
    const QString original = QSettings().value(QStringLiteral("recovery/project")).toString();
    connect(m_session, &AnalysisSession::loaded, this, [this, original] { m_session->markRecovered(original); },
            Qt::SingleShotConnection);
    openProject(autosavePath());
}

QWidget *MainWindow::currentChart() const
{
    if (!m_session->results() || m_chartTabs->currentIndex() < 0)
        return nullptr;
    QWidget *chart = chartOfTab(m_chartTabs->currentIndex());
    if (charts::unavailable(chart->property("chartKind").toString(), {m_session->results(), m_session->comparison()}).isEmpty())
        return chart;
    return nullptr;
}

void MainWindow::exportCurrentChart()
{
    QWidget *chart = currentChart();
    if (!chart)
        return;
    const QString kind = chart->property("chartKind").toString();
    ChartExportDialog options(this);
    if (options.exec() != QDialog::Accepted)
        return;
    options.remember();
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("exportDir"), QDir::homePath()).toString();
    const QString ext = settings.value(QStringLiteral("chartExport/format"), QStringLiteral("png")).toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), QDir(dir).filePath(kind + QLatin1Char('.') + ext),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("exportDir"), QFileInfo(path).absolutePath());
    settings.setValue(QStringLiteral("chartExport/format"), QFileInfo(path).suffix().toLower());
    if (vs::Status st = charts::save(chart, path, options.pixelSize(), options.dpi()); !st)
        QMessageBox::warning(this, tr("Export Chart"), localizedError(st.error()));
    else
        statusBar()->showMessage(tr("Chart saved to %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::copyCurrentChart()
{
    QWidget *chart = currentChart();
    if (!chart)
        return;
    // a picture for any program, and the vector drawing for those that take SVG
    auto *mime = new QMimeData;
    const QImage img = charts::image(chart, QSize(1200, 800), 150);
    mime->setImageData(img);
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("chart.svg"));
    if (dir.isValid() && charts::save(chart, svg).ok()) {
        QFile f(svg);
        if (f.open(QIODevice::ReadOnly))
            mime->setData(QStringLiteral("image/svg+xml"), f.readAll());
    }
    QGuiApplication::clipboard()->setMimeData(mime);
    statusBar()->showMessage(tr("Chart copied: paste it into a slide or a document"), 5000);
}

void MainWindow::exportReport()
{
    const auto results = m_session->results();
    if (!results)
        return;
    const charts::Input input{results, m_session->comparison()};
    const QString name = m_session->projectPath().isEmpty() ? QFileInfo(m_session->dataPath()).completeBaseName()
                                                            : QFileInfo(m_session->projectPath()).completeBaseName();
    ReportDialog options(report::availableCharts(input), report::defaultTitle(m_session->dataPath()), this);
    if (options.exec() != QDialog::Accepted)
        return;
    options.remember();
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("exportDir"), QDir::homePath()).toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Report"), QDir(dir).filePath(name + QStringLiteral("-report.pdf")),
                                                      tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("exportDir"), QFileInfo(path).absolutePath());
    report::Options o;
    o.title = options.reportTitle();
    o.charts = options.charts();
    o.dataPath = m_session->dataPath();
    o.projectPath = m_session->projectPath();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const vs::Status st = report::write(input, m_session->project(), o, path);
    QApplication::restoreOverrideCursor();
    if (!st)
        QMessageBox::warning(this, tr("Export Report"), localizedError(st.error()));
    else
        statusBar()->showMessage(tr("Report saved to %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::exportCustomers()
{
    const auto results = m_session->results();
    if (!results)
        return;
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("exportDir"), QDir::homePath()).toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Customers"), QDir(dir).filePath(QStringLiteral("customers.xlsx")),
                                                      tr("Excel workbook (*.xlsx);;CSV file (*.csv)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("exportDir"), QFileInfo(path).absolutePath());
    const bool xlsx = QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0;
    statusBar()->showMessage(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    // written off the UI thread; the results object is immutable and shared
    auto *watcher = new QFutureWatcher<vs::Status>(this);
    connect(watcher, &QFutureWatcher<vs::Status>::finished, this, [this, watcher, path] {
        const vs::Status st = watcher->result();
        watcher->deleteLater();
        if (!st)
            QMessageBox::warning(this, tr("Export Customers"), localizedError(st.error()));
        else
            statusBar()->showMessage(tr("Customers saved to %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    watcher->setFuture(QtConcurrent::run([results, xlsx, p = path.toStdString()] {
        return xlsx ? vs::writeResultsXlsx(*results, p) : vs::writeResultsCsv(*results, p);
    }));
}

void MainWindow::refreshCharts()
{
    // only the chart on screen is drawn now; the others when their tab is opened
    const charts::Input input{m_session->results(), m_session->comparison()};
    for (int i = 0; i < m_chartTabs->count(); ++i) {
        QWidget *w = chartOfTab(i);
        const QString kind = w->property("chartKind").toString();
        const bool available = charts::unavailable(kind, input).isEmpty();
        m_chartTabs->setTabVisible(i, available || i == 0);
        w->setProperty("stale", true);
    }
    if (input.results && !m_preferredChart.isEmpty()) {
        // the chart last looked at, when these results can show it
        const int i = int(charts::kinds().indexOf(m_preferredChart));
        if (i >= 0 && m_chartTabs->isTabVisible(i))
            m_chartTabs->setCurrentIndex(i);
        m_preferredChart.clear();
    }
    showChart(m_chartTabs->currentIndex());
}

void MainWindow::showChart(int index)
{
    if (index < 0 || index >= m_chartTabs->count())
        return;
    QWidget *w = chartOfTab(index);
    if (!w->property("stale").toBool())
        return;
    w->setProperty("stale", false);
    charts::show(w, w->property("chartKind").toString(), {m_session->results(), m_session->comparison()});
}

QWidget *MainWindow::chartOfTab(int index) const
{
    QWidget *tab = m_chartTabs->widget(index);
    if (auto *chart = qobject_cast<QWidget *>(tab->property("chart").value<QObject *>()))
        return chart;
    return tab;
}
