#include "MainWindow.h"

#include "AnalysisSession.h"
#include "models/CustomerTableModel.h"
#include "models/SegmentTableModel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCoroTask>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new AnalysisSession(this)), m_customers(new CustomerTableModel(this)),
      m_segments(new SegmentTableModel(this))
{
    m_segmentView = new QTableView;
    m_segmentView->setModel(m_segments);
    m_segmentView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_segmentView->verticalHeader()->hide();
    m_segmentView->setSelectionBehavior(QAbstractItemView::SelectRows);

    m_customerView = new QTableView;
    m_customerView->setModel(m_customers);
    m_customerView->setSortingEnabled(true);
    m_customerView->sortByColumn(-1, Qt::AscendingOrder);
    m_customerView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_customerView->horizontalHeader()->setDefaultSectionSize(120);
    m_customerView->verticalHeader()->setDefaultSectionSize(m_customerView->fontMetrics().height() + 6);
    m_customerView->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *segBox = new QWidget;
    auto *segLayout = new QVBoxLayout(segBox);
    segLayout->setContentsMargins(0, 0, 0, 0);
    segLayout->addWidget(new QLabel(tr("<b>Segments</b>")));
    segLayout->addWidget(m_segmentView);
    auto *custBox = new QWidget;
    auto *custLayout = new QVBoxLayout(custBox);
    custLayout->setContentsMargins(0, 0, 0, 0);
    custLayout->addWidget(new QLabel(tr("<b>Customers</b>")));
    custLayout->addWidget(m_customerView);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(segBox);
    splitter->addWidget(custBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setContentsMargins(8, 8, 8, 8);
    setCentralWidget(splitter);

    m_rowsLabel = new QLabel;
    m_warningsLabel = new QLabel;
    statusBar()->addWidget(m_rowsLabel);
    statusBar()->addPermanentWidget(m_warningsLabel);

    createActions();
    connect(m_session, &AnalysisSession::resultsChanged, this, &MainWindow::showResults);
    connect(m_session, &AnalysisSession::failed, this, &MainWindow::showError);
    connect(m_session, &AnalysisSession::busyChanged, this, [this](bool busy) {
        if (busy)
            statusBar()->showMessage(tr("Computing…"));
        else
            statusBar()->clearMessage();
    });

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1100, 720);
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Project…"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                          tr("ValueScope projects (*.json)"));
        if (!path.isEmpty())
            openProject(path);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::openProject(const QString &path)
{
    statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    m_session->openProject(path);
}

void MainWindow::showResults()
{
    auto results = m_session->results();
    m_customers->setResults(results);
    m_segments->setResults(results);
    if (results) {
        const QLocale loc;
        m_rowsLabel->setText(tr("%1 customers, %2 with a value, total value %3")
                                 .arg(loc.toString(qulonglong(results->rowCount())),
                                      loc.toString(qulonglong(results->valuedCount)),
                                      loc.toString(results->totalValue, 'f', 2)));
    }
    const QStringList warnings = m_session->warnings();
    m_warningsLabel->setText(warnings.isEmpty() ? QString() : tr("%n warning(s)", nullptr, int(warnings.size())));
    m_warningsLabel->setToolTip(warnings.join(QLatin1Char('\n')));
    updateTitle();
}

void MainWindow::showError(const QString &message)
{
    statusBar()->clearMessage();
    QMessageBox::warning(this, tr("ValueScope"), message);
}

void MainWindow::updateTitle()
{
    const QString path = m_session->projectPath();
    setWindowTitle(path.isEmpty() ? tr("ValueScope") : tr("%1 — ValueScope").arg(QFileInfo(path).fileName()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}
