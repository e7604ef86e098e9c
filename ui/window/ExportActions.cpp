#include "ExportActions.h"

#include "core/db/database_source.h"

#include "ChartTabs.h"
#include "ui/AnalysisSession.h"
#include "ui/ErrorText.h"
#include "ui/ExportDialogs.h"
#include "ui/report/Report.h"
#include "core/io/results_writer.h"
#include "core/io/xlsx_writer.h"

#include <QClipboard>
#include <QCoroFuture>
#include <QCoroTask>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressDialog>
#include <QSettings>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>

namespace {
vs::Status writeCustomers(std::shared_ptr<const vs::AnalysisResults> results, bool xlsx, std::string path)
{
    return xlsx ? vs::writeResultsXlsx(*results, path) : vs::writeResultsCsv(*results, path);
}
} // namespace

ExportActions::ExportActions(AnalysisSession *session, ChartTabs *charts, QWidget *window)
    : QObject(window), m_session(session), m_charts(charts), m_window(window)
{
}

void ExportActions::exportCurrentChart()
{
    QWidget *chart = m_charts->currentChart();
    if (!chart)
        return;
    const QString kind = m_charts->currentKind();
    ChartExportDialog options(m_window);
    if (options.exec() != QDialog::Accepted)
        return;
    options.remember();
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("exportDir"), QDir::homePath()).toString();
    const QString ext = settings.value(QStringLiteral("chartExport/format"), QStringLiteral("png")).toString();
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Chart"), QDir(dir).filePath(kind + QLatin1Char('.') + ext),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("exportDir"), QFileInfo(path).absolutePath());
    settings.setValue(QStringLiteral("chartExport/format"), QFileInfo(path).suffix().toLower());
    if (vs::Status st = charts::save(chart, path, options.pixelSize(), options.dpi()); !st)
        QMessageBox::warning(m_window, tr("Export Chart"), localizedError(st.error()));
    else
        emit statusMessage(tr("Chart saved to %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void ExportActions::copyCurrentChart()
{
    QWidget *chart = m_charts->currentChart();
    if (!chart)
        return;
    // a picture for any program, and the vector drawing for those that take SVG
    auto *mime = new QMimeData;
    mime->setImageData(charts::image(chart, QSize(1200, 800), 150));
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("chart.svg"));
    if (dir.isValid() && charts::save(chart, svg).ok()) {
        QFile f(svg);
        if (f.open(QIODevice::ReadOnly))
            mime->setData(QStringLiteral("image/svg+xml"), f.readAll());
    }
    QGuiApplication::clipboard()->setMimeData(mime);
    emit statusMessage(tr("Chart copied: paste it into a slide or a document"), 5000);
}

QCoro::Task<void> ExportActions::exportReport()
{
    const auto results = m_session->results();
    if (!results)
        co_return;
    const charts::Input input{results, m_session->comparison()};
    const QString name = m_session->projectPath().isEmpty() ? QFileInfo(m_session->dataPath()).completeBaseName()
                                                            : QFileInfo(m_session->projectPath()).completeBaseName();
    QString path;
    report::Options o;
    {
        ReportDialog options(report::availableCharts(input), report::defaultTitle(m_session->dataPath()), m_window);
        if (options.exec() != QDialog::Accepted)
            co_return;
        options.remember();
        QSettings settings;
        const QString dir = settings.value(QStringLiteral("exportDir"), QDir::homePath()).toString();
        path = QFileDialog::getSaveFileName(m_window, tr("Export Report"), QDir(dir).filePath(name + QStringLiteral("-report.pdf")),
                                            tr("PDF document (*.pdf)"));
        if (path.isEmpty())
            co_return;
        settings.setValue(QStringLiteral("exportDir"), QFileInfo(path).absolutePath());
        o.title = options.reportTitle();
        o.charts = options.charts();
    }
    o.dataPath = m_session->dataPath();
    o.projectPath = m_session->projectPath();
    QPointer<ExportActions> self(this); // the window may close while the report is written
    QPointer<QProgressDialog> progress = new QProgressDialog(tr("Writing the report…"), tr("Cancel"), 0, 1, m_window);
    progress->setWindowTitle(tr("Export Report"));
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    std::function<bool(int, int)> step = [progress](int page, int pages) {
        if (!progress)
            return false;
        progress->setMaximum(pages);
        progress->setValue(page);
        return !progress->wasCanceled();
    };
    // the task in a named local: GCC 12 destroys a lambda written inside co_await twice (TOOLCHAIN.md)
    QCoro::Task<vs::Status> writing = report::writeInSteps(input, m_session->project(), o, path, std::move(step));
    const vs::Status st = co_await std::move(writing);
    if (progress)
        progress->close();
    if (!self)
        co_return;
    if (st)
        emit statusMessage(tr("Report saved to %1").arg(QDir::toNativeSeparators(path)), 5000);
    else if (st.error().kind == vs::ErrorKind::Cancelled)
        emit statusMessage(tr("The report was not written."), 5000);
    else
        QMessageBox::warning(m_window, tr("Export Report"), localizedError(st.error()));
}

QCoro::Task<void> ExportActions::exportCustomers()
{
    const auto results = m_session->results();
    if (!results)
        co_return;
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("exportDir"), QDir::homePath()).toString();
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Customers"), QDir(dir).filePath(QStringLiteral("customers.xlsx")),
                                                      tr("Excel workbook (*.xlsx);;CSV file (*.csv)"));
    if (path.isEmpty())
        co_return;
    settings.setValue(QStringLiteral("exportDir"), QFileInfo(path).absolutePath());
    const bool xlsx = QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0;
    emit statusMessage(tr("Writing %1…").arg(QDir::toNativeSeparators(path)), 0);
    // written off the UI thread; the results object is immutable and shared
    QPointer<ExportActions> self(this);
    QFuture<vs::Status> future = QtConcurrent::run(&writeCustomers, results, xlsx, path.toStdString());
    const vs::Status st = co_await future;
    if (!self)
        co_return;
    if (!st)
        QMessageBox::warning(m_window, tr("Export Customers"), localizedError(st.error()));
    else
        emit statusMessage(tr("Customers saved to %1").arg(QDir::toNativeSeparators(path)), 5000);
}

QCoro::Task<void> ExportActions::writeToDatabase()
{
    const auto results = m_session->results();
    if (!results || !m_session->project().source.database)
        co_return;
    const vs::DatabaseSpec spec = *m_session->project().source.database;
    bool ok = false;
    const QString table = QInputDialog::getText(m_window, tr("Write Results to Database"),
                                                tr("Table for the customers' results (replaced if it exists):"),
                                                QLineEdit::Normal, QStringLiteral("valuescope_customers"), &ok)
                              .trimmed();
    if (!ok || table.isEmpty())
        co_return;
    // the password: the variable's when it is set, otherwise asked for; kept nowhere
    std::string password;
    if (!spec.passwordEnv.empty() && qEnvironmentVariableIsSet(spec.passwordEnv.c_str())) {
        password = qEnvironmentVariable(spec.passwordEnv.c_str()).toStdString();
    } else {
        const QString pw = QInputDialog::getText(m_window, tr("Database Password"),
                                                 tr("Password of %1 on %2:")
                                                     .arg(QString::fromStdString(spec.user),
                                                          QString::fromStdString(vs::databaseSourceName(spec))),
                                                 QLineEdit::Password, QString(), &ok);
        if (!ok)
            co_return;
        password = pw.toStdString();
    }
    emit statusMessage(tr("Writing %1…").arg(table), 0);
    QPointer<ExportActions> self(this);
    QFuture<vs::Status> future = QtConcurrent::run([results, spec, password, name = table.toStdString()] {
        return vs::writeResultsTable(*results, spec, password, name);
    });
    const vs::Status st = co_await future;
    if (!self)
        co_return;
    if (!st)
        QMessageBox::warning(m_window, tr("Write Results to Database"), localizedError(st.error()));
    else
        emit statusMessage(tr("Results written to the table %1").arg(table), 5000);
}
