#include "ExportActions.h"

#include "core/db/database_source.h"

#include "ChartTabs.h"
#include "ui/AnalysisSession.h"
#include "ui/ErrorText.h"
#include "ui/NumberFormat.h"
#include "ui/ExportDialogs.h"
#include "ui/report/Report.h"
#include "core/io/results_writer.h"
#include "core/io/xlsx_writer.h"
#include "core/analytics/over_time.h"
#include "core/io/over_time_output.h"
#include "core/io/pseudonyms.h"
#include "core/io/table_writer.h"

#include <QClipboard>
#include <QCoroFuture>
#include <QCoroTask>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
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
    try { // no exception leaves the worker; a half-written file is removed by the writer
        return xlsx ? vs::writeResultsXlsx(*results, path) : vs::writeResultsCsv(*results, path);
    } catch (const std::bad_alloc &) {
        return vs::makeError(vs::ErrorKind::Io, vs::Msg::WriteOutOfMemory, {}, path);
    }
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

void ExportActions::exportEarlyWarnings()
{
    const auto results = m_session->results();
    if (!results || !results->overTime || !results->overTime->migration) {
        QMessageBox::information(m_window, tr("Export Call List"),
                                 tr("The call list needs two snapshot dates: switch on “Compare the segments on two dates” "
                                    "in the parameters (Over time)."));
        return;
    }
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("exportDir"), QDir::homePath()).toString();
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Call List"), QDir(dir).filePath(QStringLiteral("call-list.xlsx")),
                                                      tr("Excel workbook (*.xlsx);;CSV file (*.csv)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("exportDir"), QFileInfo(path).absolutePath());
    const vs::OutputTable t = vs::earlyWarningTable(*results);
    if (const vs::Status st = vs::writeTable(t, path.toStdString(), "Early warnings"); !st)
        QMessageBox::warning(m_window, tr("Export Call List"), localizedError(st.error()));
    else
        emit statusMessage((t.rows == 1 ? tr("1 customer to call saved to %1") : tr("%1 customers to call saved to %2").arg(numbers::count(qulonglong(t.rows))))
                               .arg(QDir::toNativeSeparators(path)),
                           5000);
}

QCoro::Task<void> ExportActions::exportPseudonymised()
{
    const auto results = m_session->results();
    if (!results)
        co_return;
    bool ok = false;
    const QString key = QInputDialog::getText(
        m_window, tr("Export with Pseudonyms"),
        tr("Customer ids are replaced by keyed pseudonyms (HMAC-SHA256), and columns that look like names, e-mail "
           "addresses, phone numbers or addresses are left out. The same id always gets the same pseudonym under the "
           "same key, so whoever holds the key can match the list back in the CRM.\n\nThis is pseudonymisation, not "
           "anonymisation: with the key, or with enough of the other columns, people can be found again.\n\n"
           "Key (keep it within the team; it is not saved):"),
        QLineEdit::Password, QString(), &ok);
    if (!ok || key.isEmpty())
        co_return;
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("exportDir"), QDir::homePath()).toString();
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export with Pseudonyms"),
                                                      QDir(dir).filePath(QStringLiteral("customers-pseudonymised.xlsx")),
                                                      tr("Excel workbook (*.xlsx);;CSV file (*.csv)"));
    if (path.isEmpty())
        co_return;
    settings.setValue(QStringLiteral("exportDir"), QFileInfo(path).absolutePath());
    emit statusMessage(tr("Writing %1…").arg(QDir::toNativeSeparators(path)), 0);
    QPointer<ExportActions> self(this);
    QFuture<vs::Status> future = QtConcurrent::run(
        [](std::shared_ptr<const vs::AnalysisResults> r, std::string k, std::string p) {
            return vs::writeTable(vs::pseudonymised(vs::resultsTable(*r), 0, std::move(k)), p, "Customers");
        },
        results, key.toStdString(), path.toStdString());
    const vs::Status st = co_await future;
    if (!self)
        co_return;
    if (!st)
        QMessageBox::warning(m_window, tr("Export with Pseudonyms"), localizedError(st.error()));
    else
        emit statusMessage(tr("Pseudonymised customers saved to %1").arg(QDir::toNativeSeparators(path)), 5000);
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
