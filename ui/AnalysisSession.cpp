#include "AnalysisSession.h"

#include "ErrorText.h"
#include "WarningText.h"
#include "Wording.h"

#include "core/db/database_source.h"
#include "core/headless/run.h"
#include "core/project/edits.h"

#include <QCoroFuture>
#include <QCoroSignal>
#include <QCoroTask>
#include <QCoroTimer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUndoStack>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace {
using LoadResult = std::shared_ptr<vs::Result<vs::LoadedAnalysis>>;
struct Computed {
    vs::Result<vs::AnalysisResults> results;
    std::shared_ptr<const vs::ScenarioComparison> comparison; // against the baseline, when there is one
};
using ComputeResult = std::shared_ptr<Computed>;

// the window draws the tracking chart: a database sends its repeat purchases per week when the
// model has one (vs::databaseRowsFor)
LoadResult loadInBackground(std::string path, std::optional<std::string> password, std::shared_ptr<std::atomic<bool>> stop,
                            std::shared_ptr<std::atomic<uint64_t>> rows)
{
    double ms = 0;
    return std::make_shared<vs::Result<vs::LoadedAnalysis>>(
        vs::loadAnalysis(path, &ms, interfaceWords(), password, true, stop.get(), rows.get()));
}

using ReadResult = std::shared_ptr<vs::Result<std::shared_ptr<const vs::PreparedData>>>;

// previous: the results shown now, whose statistics are reused where the numbers did not change;
// baseline: the what-if baseline the new results are compared with; stop: set when a newer edit
// makes these results stale
ComputeResult computeInBackground(std::shared_ptr<const vs::PreparedData> data, vs::Project project,
                                  std::shared_ptr<const vs::AnalysisResults> previous,
                                  std::shared_ptr<const vs::AnalysisResults> baseline,
                                  std::shared_ptr<const std::atomic<bool>> stop,
                                  std::shared_ptr<const std::atomic<bool>> stopLongStep,
                                  std::function<void(double)> progress)
{
    vs::ComputeOptions options;
    options.previous = previous.get();
    options.stop = stop.get();
    options.stopLongStep = stopLongStep.get();
    options.progress = std::move(progress);
    try {
        auto out = std::make_shared<Computed>(Computed{vs::computeAnalysis(std::move(data), project, options), nullptr});
        if (out->results.ok() && baseline && !(stop && stop->load()))
            out->comparison = std::make_shared<const vs::ScenarioComparison>(vs::compareScenarios(*baseline, out->results.value()));
        return out;
    } catch (const std::bad_alloc &) { // no exception leaves a worker thread: it is the message
        return std::make_shared<Computed>(Computed{vs::makeError(vs::ErrorKind::Model, vs::Msg::OutOfMemory), nullptr});
    }
}

bool sameSource(const vs::SourceSpec &a, const vs::SourceSpec &b)
{
    return a.path == b.path && a.sheet == b.sheet && a.layout == b.layout && a.columns == b.columns &&
           a.periodColumns == b.periodColumns && a.encoding == b.encoding && a.delimiter == b.delimiter &&
           a.decimal == b.decimal && a.headerRow == b.headerRow;
}
} // namespace

namespace {
// The project before any data: its segment names and strategies in the interface's language
vs::Project blankProject()
{
    vs::Project p;
    vs::setSegmentCount(p.segments, p.segments.bins, interfaceWords());
    return p;
}
} // namespace

AnalysisSession::AnalysisSession(QObject *parent) : QObject(parent), m_project(blankProject()), m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

AnalysisSession::~AnalysisSession()
{
    // a computation still running (a bootstrap may take minutes) is not wanted any more: the
    // thread pool would otherwise keep the program from ending until it is done
    stopStaleCompute();
}

bool AnalysisSession::isModified() const
{
    return !m_undo->isClean() || m_recovered || m_baselineEdited || (m_projectPath.isEmpty() && m_data);
}

void AnalysisSession::markRecovered(const QString &originalPath)
{
    m_projectPath = originalPath;
    m_recovered = true;
    emit pathChanged();
    emit modifiedChanged(true);
}

QStringList AnalysisSession::warnings() const
{
    QStringList w = localizedWarnings(m_readReport.warnings);
    if (m_results)
        w += localizedWarnings(m_results->warnings);
    return w;
}

QStringList AnalysisSession::numericColumns() const
{
    QStringList out;
    if (m_data)
        for (const vs::Column &c : m_data->table->columns)
            if (c.type == vs::ColumnType::Number)
                out << QString::fromStdString(c.name);
    return out;
}

QStringList AnalysisSession::allColumns() const
{
    QStringList out;
    if (m_data)
        for (const vs::Column &c : m_data->table->columns)
            out << QString::fromStdString(c.name);
    return out;
}

void AnalysisSession::setBusy(bool busy)
{
    if (m_busy != busy) {
        m_busy = busy;
        emit busyChanged(busy);
    }
}

void AnalysisSession::publish(std::shared_ptr<const vs::AnalysisResults> results,
                              std::shared_ptr<const vs::ScenarioComparison> comparison)
{
    m_results = std::move(results);
    m_comparison = m_baseline && m_results ? std::move(comparison) : nullptr;
    m_lastError.clear();
    ++m_published;
    emit resultsChanged();
}

QCoro::Task<bool> AnalysisSession::openProject(QString path, std::optional<QString> password)
{
    const quint64 generation = ++m_generation;
    stopStaleCompute();
    endReading();
    setBusy(true);
    QPointer<AnalysisSession> self(this); // the window may close while this reads
    std::optional<std::string> pw;
    if (password)
        pw = password->toStdString();
    // a database source is read with Stop and the rows counted as they come
    auto stopRead = std::make_shared<std::atomic<bool>>(false);
    auto rowsRead = std::make_shared<std::atomic<uint64_t>>(0);
    if (auto p = vs::loadProject(path.toStdString()); p && p->source.database)
        startReading(stopRead, rowsRead);
    QFuture<LoadResult> future = QtConcurrent::run(&loadInBackground, path.toStdString(), pw, stopRead, rowsRead);
    LoadResult loadResult = co_await future;
    if (!self || generation != m_generation)
        co_return false;
    endReading();
    if (!*loadResult) {
        setBusy(false);
        if (loadResult->error().kind == vs::ErrorKind::Cancelled && stopRead->load())
            emit readingStopped(); // Stop: nothing to say but that the analysis shown stays
        else
            emit failed(localizedError(loadResult->error()));
        co_return false;
    }
    vs::LoadedAnalysis &la = loadResult->value();
    // the baseline saved with the project, on the same data
    std::shared_ptr<const vs::Project> baseProject = la.project.baseline;
    la.project.baseline.reset();
    ComputeResult baseComputed;
    if (baseProject) {
        vs::Project bp = *baseProject;
        bp.source = la.project.source;
        bp.baseline.reset();
        baseProject = std::make_shared<const vs::Project>(std::move(bp));
        QFuture<ComputeResult> base = QtConcurrent::run(&computeInBackground, la.data, *baseProject, nullptr, nullptr, nullptr,
                                                        nullptr, std::function<void(double)>());
        baseComputed = co_await base;
        if (!self || generation != m_generation)
            co_return false;
    }
    std::shared_ptr<const vs::AnalysisResults> baseline;
    if (baseComputed && baseComputed->results.ok())
        baseline = std::make_shared<const vs::AnalysisResults>(std::move(baseComputed->results.value()));
    auto stop = std::make_shared<std::atomic<bool>>(false);
    m_stop = stop;
    auto stopLong = std::make_shared<std::atomic<bool>>(false);
    m_stopLongStep = stopLong;
    QFuture<ComputeResult> compute = QtConcurrent::run(&computeInBackground, la.data, la.project, nullptr, baseline,
                                                       std::shared_ptr<const std::atomic<bool>>(stop),
                                                       std::shared_ptr<const std::atomic<bool>>(stopLong),
                                                       progressReporter(generation));
    ComputeResult computed = co_await compute;
    if (!self || generation != m_generation)
        co_return false;
    setBusy(false);
    if (!computed->results.ok()) {
        emit failed(localizedError(computed->results.error()));
        co_return false;
    }
    m_project = la.project;
    m_password = la.project.source.database ? pw : std::nullopt;
    m_recovered = false;
    m_projectPath = QFileInfo(path).absoluteFilePath();
    m_dataPath = QString::fromStdString(la.dataPath);
    m_data = la.data;
    m_readReport = la.readReport;
    m_baseline = baseline;
    m_baselineProject.reset();
    if (baseline)
        m_baselineProject = *baseProject;
    m_baselineEdited = false;
    m_undo->clear();
    emit pathChanged();
    emit projectChanged();
    emit baselineChanged();
    // The parameters laid out and drawn for the new project in one turn of the event loop, the
    // results' views in the next: drawn at once for a large analysis, the two held the window
    // still for longer than a user should feel (bench_ui --open).
    co_await QCoro::sleepFor(std::chrono::milliseconds(0));
    if (!self || generation != m_generation)
        co_return false;
    publish(std::make_shared<const vs::AnalysisResults>(std::move(computed->results.value())), computed->comparison);
    emit loaded();
    if (baseComputed && !baseComputed->results.ok())
        emit computeFailed(tr("The baseline saved with this project cannot be computed, so it was left out: %1")
                               .arg(localizedError(baseComputed->results.error())));
    co_return true;
}

void AnalysisSession::adoptAnalysis(vs::Project project, const QString &dataPath, vs::ReadReport report,
                                    std::shared_ptr<const vs::AnalysisResults> results, std::optional<QString> password)
{
    ++m_generation; // anything still computing belongs to the analysis being replaced
    stopStaleCompute();
    endReading();
    setBusy(false);
    m_project = std::move(project);
    m_password.reset();
    if (password && m_project.source.database)
        m_password = password->toStdString();
    m_recovered = false;
    m_projectPath.clear();
    m_dataPath = QFileInfo(dataPath).absoluteFilePath();
    m_project.source.path = m_dataPath.toStdString();
    m_data = results->data;
    m_readReport = std::move(report);
    m_baseline.reset();
    m_baselineProject.reset();
    m_baselineEdited = false;
    m_undo->clear(); // a new analysis without a file counts as modified (see isModified)
    emit pathChanged();
    emit modifiedChanged(true);
    emit projectChanged();
    emit baselineChanged();
    // the results' views in the next turn of the event loop, as when a project is opened
    // (openProject): the parameters for the new project are laid out and drawn first
    auto *next = new QTimer(this);
    next->setSingleShot(true);
    connect(next, &QTimer::timeout, this, [this, next, generation = m_generation, results = std::move(results)]() mutable {
        next->deleteLater();
        if (generation != m_generation) // something newer (an edit, another project) publishes its own
            return;
        publish(std::move(results), nullptr);
        emit loaded();
    });
    next->start(0);
}

vs::Project AnalysisSession::projectWithBaseline() const
{
    vs::Project p = m_project;
    p.baseline.reset();
    if (m_baselineProject)
        p.baseline = std::make_shared<const vs::Project>(*m_baselineProject);
    return p;
}

bool AnalysisSession::saveProject(const QString &path, QString *error)
{
    vs::Project p = projectWithBaseline();
    const QString absData = m_dataPath;
    if (!absData.isEmpty() && !p.source.database) // a database source is where it is, not a file
        p.source.path = QDir(QFileInfo(path).absolutePath()).relativeFilePath(absData).toStdString();
    vs::Status s = vs::saveProject(p, path.toStdString());
    if (!s) {
        if (error)
            *error = localizedError(s.error());
        return false;
    }
    m_project.source.path = p.source.path;
    m_projectPath = QFileInfo(path).absoluteFilePath();
    m_undo->setClean();
    m_recovered = false;
    m_baselineEdited = false;
    emit pathChanged();
    emit modifiedChanged(false);
    return true;
}

void AnalysisSession::clear()
{
    ++m_generation;
    stopStaleCompute();
    endReading();
    m_project = blankProject();
    m_password.reset();
    m_projectPath.clear();
    m_dataPath.clear();
    m_data.reset();
    m_results.reset();
    m_baseline.reset();
    m_baselineProject.reset();
    m_baselineEdited = false;
    m_comparison.reset();
    m_readReport = vs::ReadReport{};
    m_undo->clear();
    setBusy(false);
    emit pathChanged();
    emit projectChanged();
    emit baselineChanged();
    emit resultsChanged();
}

void AnalysisSession::applyProject(const vs::Project &project)
{
    const bool sourceChanged = !sameSource(project.source, m_project.source);
    m_project = project;
    emit projectChanged();
    if (sourceChanged)
        qWarning("AnalysisSession: a command changed the data source; only parameters are recomputed");
    recompute();
}

std::function<void(double)> AnalysisSession::progressReporter(quint64 generation)
{
    // called on the computing thread: the fraction reaches the window through the event loop
    QPointer<AnalysisSession> self(this);
    return [self, generation](double fraction) {
        // posted to the application, which outlives the session: the session may go meanwhile
        if (self)
            QMetaObject::invokeMethod(QCoreApplication::instance(), [self, generation, fraction] {
                if (self && generation == self->m_generation)
                    emit self->longStepProgress(fraction);
            }, Qt::QueuedConnection);
    };
}

void AnalysisSession::stopLongStep()
{
    if (m_stopLongStep)
        m_stopLongStep->store(true);
}

void AnalysisSession::stopReading()
{
    if (m_stopRead)
        m_stopRead->store(true);
}

void AnalysisSession::startReading(std::shared_ptr<std::atomic<bool>> stop, std::shared_ptr<std::atomic<uint64_t>> rows)
{
    m_stopRead = std::move(stop);
    m_rowsRead = std::move(rows);
    if (!m_readTimer) {
        m_readTimer = new QTimer(this);
        m_readTimer->setInterval(250);
        connect(m_readTimer, &QTimer::timeout, this, [this] {
            if (m_rowsRead)
                emit databaseRowsRead(qulonglong(m_rowsRead->load()));
        });
    }
    m_readTimer->start();
    emit databaseReading(true);
}

void AnalysisSession::endReading()
{
    if (!m_stopRead)
        return;
    m_stopRead.reset();
    m_rowsRead.reset();
    m_readTimer->stop();
    emit databaseReading(false);
}

void AnalysisSession::stopStaleCompute()
{
    if (m_stopRead) // a reading for settings no longer wanted
        m_stopRead->store(true);
    if (m_stop)
        m_stop->store(true);
    m_stop.reset();
    if (m_stopLongStep) // and its long step (the bootstrap), which checks only this flag
        m_stopLongStep->store(true);
    m_stopLongStep.reset();
}

bool AnalysisSession::longStepStopped() const { return m_stopLongStep && m_stopLongStep->load(); }

QCoro::Task<void> AnalysisSession::readDatabaseAgain(quint64 generation)
{
    // the rows the engine sent cannot compute the new settings (another observation end, or the
    // days needed): the engine is asked again; the analysis shown stays until the rows arrive
    auto stop = std::make_shared<std::atomic<bool>>(false);
    auto rows = std::make_shared<std::atomic<uint64_t>>(0);
    endReading();
    startReading(stop, rows);
    setBusy(true);
    QPointer<AnalysisSession> self(this);
    QFuture<ReadResult> future = QtConcurrent::run([project = m_project, password = m_password, stop, rows] {
        return std::make_shared<vs::Result<std::shared_ptr<const vs::PreparedData>>>(
            vs::readDatabaseForWindow(project, password, stop.get(), rows.get()));
    });
    ReadResult read = co_await future;
    if (!self || generation != m_generation)
        co_return; // a newer edit (which stopped this reading) or another analysis
    endReading();
    if (!*read) {
        setBusy(false);
        const bool stopped = read->error().kind == vs::ErrorKind::Cancelled;
        m_lastError = stopped ? tr("Reading from the database was stopped: the results shown are for the settings before "
                                   "the last change.")
                              : localizedError(read->error());
        emit computeFailed(m_lastError);
        if (!stopped)
            emit failed(m_lastError); // as when the database cannot be read on opening
        ++m_published;
        emit resultsChanged(); // views keep the last good results; the banner says why
        co_return;
    }
    m_data = read->value();
    co_await recompute();
}

QCoro::Task<void> AnalysisSession::recompute()
{
    if (!m_data)
        co_return;
    const quint64 generation = ++m_generation;
    stopStaleCompute(); // the results of the previous edit are not wanted any more
    endReading();
    if (m_project.source.database && !vs::databaseDataServes(*m_data, m_project, true)) {
        co_await readDatabaseAgain(generation);
        co_return;
    }
    auto stop = std::make_shared<std::atomic<bool>>(false);
    m_stop = stop;
    auto stopLong = std::make_shared<std::atomic<bool>>(false);
    m_stopLongStep = stopLong;
    setBusy(true);
    QPointer<AnalysisSession> self(this); // the window may close while this computes
    const std::shared_ptr<const vs::AnalysisResults> baseline = m_baseline;
    QFuture<ComputeResult> compute = QtConcurrent::run(&computeInBackground, m_data, m_project, m_results, baseline,
                                                       std::shared_ptr<const std::atomic<bool>>(stop),
                                                       std::shared_ptr<const std::atomic<bool>>(stopLong),
                                                       progressReporter(generation));
    ComputeResult computed = co_await compute;
    if (!self || generation != m_generation)
        co_return; // gone, or a newer edit is on its way: these results are stale
    m_stop.reset();
    if (m_baseline != baseline && m_baseline && computed->results.ok()) // set while this computed
        computed->comparison = std::make_shared<const vs::ScenarioComparison>(
            vs::compareScenarios(*m_baseline, computed->results.value()));
    setBusy(false);
    if (!computed->results.ok()) {
        m_lastError = localizedError(computed->results.error());
        emit computeFailed(m_lastError);
        ++m_published;
        emit resultsChanged(); // views keep the last good results; the banner says why
        co_return;
    }
    publish(std::make_shared<const vs::AnalysisResults>(std::move(computed->results.value())), computed->comparison);
}

QCoro::Task<bool> AnalysisSession::waitForResults()
{
    while (m_busy)
        co_await qCoro(this, &AnalysisSession::busyChanged);
    co_return m_lastError.isEmpty();
}

void AnalysisSession::setBaseline()
{
    if (!m_results)
        return;
    m_baseline = m_results;
    m_baselineProject = m_project;
    // the results against themselves: nobody moved (quick: it counts segments, not customers)
    m_comparison = std::make_shared<const vs::ScenarioComparison>(vs::compareScenarios(*m_baseline, *m_baseline));
    m_baselineEdited = true;
    emit baselineChanged();
    emit resultsChanged();
    emit modifiedChanged(true);
}

void AnalysisSession::clearBaseline()
{
    if (!m_baseline)
        return;
    m_baseline.reset();
    m_baselineProject.reset();
    m_comparison.reset();
    m_baselineEdited = true;
    emit baselineChanged();
    emit resultsChanged();
    emit modifiedChanged(isModified());
}
