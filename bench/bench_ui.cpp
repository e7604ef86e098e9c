// The window stays responsive: an import of a large CSV and a weight edit on it, with a 5 ms
// timer on the UI thread recording the longest gap between its ticks (what a user would feel).
// Usage: bench_ui DATA.csv   (QT_QPA_PLATFORM=offscreen is fine)
//        bench_ui ORDER_LINES.csv --order-lines: an order log (customer,date,amount) to RFM segments,
//        then the same import stopped ("Stop reading") after a quarter of its time (VS_BENCH_MODEL=
//        predictive_clv: that model instead of RFM)
//        bench_ui PROJECT.valuescope.json --open: the project opened in the window (a database
//        source: its password from the variable password_env names) until its results show, then
//        opened again and stopped (the status bar's Stop) halfway through the engine's query
#include "core/domain/defaults.h"
#include "core/headless/run.h"
#include "core/process.h"
#include "ui/AnalysisSession.h"
#include "ui/MainWindow.h"
#include "ui/window/ChartTabs.h"
#include "ui/commands/ProjectCommands.h"
#include "ui/models/CustomerTableModel.h"

#include <QApplication>
#include <QCoroFuture>
#include <QCoroSignal>
#include <QCoroTask>
#include <QCoroTimer>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <sys/resource.h>

#include <atomic>
#include <cstdio>
#include <string_view>

namespace {
// VS_BENCH_SLOW_EVENTS=MS: every event the UI thread took at least MS ms to handle, with its
// receiver and nesting depth, on stderr (where a pause goes)
class TracingApplication : public QApplication {
public:
    using QApplication::QApplication;
    int threshold = qEnvironmentVariableIntValue("VS_BENCH_SLOW_EVENTS");
    int depth = 0;
    QElapsedTimer since = [] { QElapsedTimer t; t.start(); return t; }();
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (threshold <= 0)
            return QApplication::notify(receiver, event);
        QElapsedTimer t;
        t.start();
        const int type = event->type();
        const char *className = receiver->metaObject()->className(); // the receiver may be gone after
        const QString name = receiver->objectName();
        ++depth;
        const bool r = QApplication::notify(receiver, event);
        --depth;
        const qint64 ns = t.nsecsElapsed();
        static const QList<QByteArray> types = qgetenv("VS_BENCH_TRACE_TYPES").split(',');
        if (ns >= qint64(threshold) * 1000000 || types.contains(QByteArray::number(type)))
            std::fprintf(stderr, "%6lld %*sevent %d to %s '%s': %.1f ms\n", (long long)since.elapsed(), depth * 2, "", type, className,
                         qPrintable(name), ns / 1e6);
        return r;
    }
};

struct GapMeter {
    QTimer timer;
    QElapsedTimer clock;
    qint64 last = 0, worst = 0;
    void start()
    {
        worst = 0;
        clock.start();
        last = 0;
        timer.setInterval(5);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            const qint64 now = clock.elapsed();
            if (now - last > 30 && qEnvironmentVariableIntValue("VS_BENCH_SLOW_EVENTS") > 0)
                std::fprintf(stderr, "pause of %lld ms ending at %lld ms on the meter\n", (long long)(now - last), (long long)now);
            worst = std::max(worst, now - last);
            last = now;
        });
        timer.start();
    }
    qint64 stop()
    {
        timer.stop();
        timer.disconnect();
        return worst;
    }
};

// As the import wizard's last page: read, prepare and compute off the UI thread.
std::shared_ptr<vs::FileAnalysis> importIt(std::string path, vs::Project project)
{
    return std::make_shared<vs::FileAnalysis>(vs::analyseFile(path, {}, project));
}

// The same with the wizard's progress and Stop reading.
std::shared_ptr<vs::FileAnalysis> importWatched(std::string path, vs::Project project, const std::atomic<bool> *cancel,
                                                std::atomic<int> *progress)
{
    vs::ReadOptions o;
    o.cancel = cancel;
    o.progress = [progress](double f) { progress->store(int(f * 1000)); };
    return std::make_shared<vs::FileAnalysis>(vs::analyseFile(path, o, project));
}

// An order log to RFM segments: the import's longest UI pause, then Stop reading.
QCoro::Task<int> runOrderLines(QString path, MainWindow *window)
{
    AnalysisSession *session = window->session();
    GapMeter meter;
    QElapsedTimer total;
    co_await QCoro::sleepFor(std::chrono::milliseconds(500)); // the window on screen and idle first
    vs::Project p;
    p.source.layout = vs::Layout::Transactions;
    p.source.columns = {{"customer", "customer"}, {"date", "date"}, {"amount", "amount"}};
    p.value.model = qEnvironmentVariableIsSet("VS_BENCH_MODEL") ? qEnvironmentVariable("VS_BENCH_MODEL").toStdString() : "rfm";
    p.value.observationEnd = "2021-12-31";
    p.value.timeUnit = "days";
    p.segments.method = "rfm_rules";
    p.segments.by = "rfm";
    p.segments.rules = vs::defaultRfmRules();
    std::atomic<bool> cancel{false};
    std::atomic<int> progress{0};
    int updates = 0, last = -1;
    QTimer poll; // as the wizard's progress bar: polled on the UI thread
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (progress.load() != last) {
            last = progress.load();
            ++updates;
        }
    });
    poll.start();
    meter.start();
    total.start();
    QFuture<std::shared_ptr<vs::FileAnalysis>> f = QtConcurrent::run(&importWatched, path.toStdString(), p, &cancel, &progress);
    std::shared_ptr<vs::FileAnalysis> imported = co_await f;
    if (!imported->results) {
        const vs::Error &e = imported->readError ? *imported->readError : *imported->analysisError;
        std::fprintf(stderr, "%s\n", e.describe().c_str());
        co_return 2;
    }
    session->adoptAnalysis(p, path, imported->report, imported->results);
    co_await qCoro(session, &AnalysisSession::loaded); // the results published
    QApplication::processEvents();
    const qint64 ms = total.elapsed(), gap = meter.stop();
    std::printf("import of %zu order lines -> %zu customers: %lld ms in all, longest UI pause %lld ms, %d progress steps\n",
                imported->rows, imported->results->rowCount(), (long long)ms, (long long)gap, updates);
    // Stop reading after a quarter of the time the import took
    progress = 0;
    meter.start();
    QElapsedTimer stop;
    QTimer::singleShot(int(ms / 4), [&] {
        stop.start();
        cancel = true;
    });
    QFuture<std::shared_ptr<vs::FileAnalysis>> g = QtConcurrent::run(&importWatched, path.toStdString(), p, &cancel, &progress);
    std::shared_ptr<vs::FileAnalysis> stopped = co_await g;
    const bool cancelled = stopped->readError && stopped->readError->kind == vs::ErrorKind::Cancelled;
    std::printf("Stop reading at %d%%: %s %lld ms after the click, longest UI pause %lld ms\n", progress.load() / 10,
                cancelled ? "stopped" : "NOT stopped", (long long)stop.elapsed(), (long long)meter.stop());
    co_return cancelled ? 0 : 3;
}

// A project opened as File > Open does (a database source read with the work pushed down): time to
// the results on screen, the longest UI pause meanwhile, the peak memory so far; then the same
// opening stopped halfway through the engine's query, and the analysis shown kept.
QCoro::Task<int> runOpen(QString path, MainWindow *window)
{
    AnalysisSession *session = window->session();
    GapMeter meter;
    QElapsedTimer total;
    // the window on screen and idle first, as when a user chooses File > Open (its own first
    // drawing when the program starts is not part of opening a project)
    co_await QCoro::sleepFor(std::chrono::milliseconds(500));
    meter.start();
    total.start();
    window->openProject(path);
    co_await qCoro(session, &AnalysisSession::loaded);
    QApplication::processEvents(); // the views drawn
    const qint64 ms = total.elapsed();
    // what the window does after the results show (drawing, laying out) counts as well
    co_await QCoro::sleepFor(std::chrono::milliseconds(500));
    const qint64 gap = meter.stop();
    const auto shown = session->results();
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const auto &db = shown->data->database;
    std::printf("opened: %zu customers in %lld ms, longest UI pause %lld ms, peak memory %ld MB%s\n", shown->rowCount(),
                (long long)ms, (long long)gap, ru.ru_maxrss / 1024,
                db ? QStringLiteral(" (engine: %1 lines scanned, %2 rows sent, %3 per customer, query %4 ms)")
                         .arg(db->rowsScanned).arg(db->rowsTransferred).arg(db->perCustomer ? "one" : "not one")
                         .arg(qlonglong(db->queryMs)).toLocal8Bit().constData()
                   : "");
    if (!db) // a file: nothing to stop
        co_return 0;
    // Stop halfway through the engine's query: the reading ends, the analysis on screen stays
    meter.start();
    QElapsedTimer stop;
    bool stopped = false, failed = false;
    QObject::connect(session, &AnalysisSession::readingStopped, [&] { stopped = true; });
    QObject::connect(session, &AnalysisSession::failed, [&] { failed = true; });
    const int stopAt = std::max(50, int(db->queryMs / 2));
    QTimer::singleShot(stopAt, [&] {
        stop.start();
        session->stopReading();
    });
    window->openProject(path);
    QTimer tick;
    tick.start(50);
    while (!stopped && !failed && !(stop.isValid() && stop.elapsed() > 120000))
        co_await qCoro(&tick, &QTimer::timeout);
    std::printf("Stop at %lld ms: %s %lld ms after the click, longest UI pause %lld ms, analysis shown %s\n",
                (long long)stopAt, stopped ? "stopped" : "NOT stopped", (long long)stop.elapsed(), (long long)meter.stop(),
                session->results() == shown ? "kept" : "NOT kept");
    co_return stopped && session->results() == shown ? 0 : 3;
}

// Five weight edits, each timed from the push to the redrawn views.
QCoro::Task<void> timeEdits(AnalysisSession *session, GapMeter &meter, double firstWeight, const char *what)
{
    qint64 worstLatency = 0, worstGap = 0;
    for (int i = 0; i < 5; ++i) {
        meter.start();
        QElapsedTimer edit;
        edit.start();
        session->undoStack()->push(new SetWeightCommand(session, 0, 0, firstWeight + 0.1 * (i + 1)));
        co_await session->waitForResults();
        QApplication::processEvents();
        worstLatency = std::max(worstLatency, edit.elapsed());
        worstGap = std::max(worstGap, meter.stop());
    }
    std::printf("%s: worst %lld ms over 5 edits, longest UI pause %lld ms\n", what, (long long)worstLatency,
                (long long)worstGap);
}

// path by value: a coroutine outlives the caller's temporaries
QCoro::Task<int> run(QString path, MainWindow *window)
{
    AnalysisSession *session = window->session();
    GapMeter meter;
    QElapsedTimer total;
    co_await QCoro::sleepFor(std::chrono::milliseconds(500)); // the window on screen and idle first
    // 1. import as the wizard does: read off the UI thread, then start the analysis
    meter.start();
    total.start();
    vs::Project p;
    p.source.columns = {{"customer", "customer_id"}, {"revenue", "revenue"}, {"cost", "cost"}};
    p.scores = {{"satisfaction", vs::Normalize::Count, false, {{"q_product", 0.5}, {"q_service", 0.3}, {"q_delivery", 0.2}}}};
    p.segments.by = "satisfaction";
    QFuture<std::shared_ptr<vs::FileAnalysis>> f = QtConcurrent::run(&importIt, path.toStdString(), p);
    std::shared_ptr<vs::FileAnalysis> imported = co_await f;
    if (!imported->results) {
        const vs::Error &e = imported->readError ? *imported->readError : *imported->analysisError;
        std::fprintf(stderr, "%s\n", e.describe().c_str());
        co_return 2;
    }
    session->adoptAnalysis(p, path, imported->report, imported->results);
    co_await qCoro(session, &AnalysisSession::loaded); // the results published
    QApplication::processEvents(); // let the views redraw
    const qint64 importGap = meter.stop();
    std::printf("import of %zu rows: %lld ms in all, longest UI pause %lld ms\n", imported->results->rowCount(),
                (long long)total.elapsed(), (long long)importGap);

    // 2. weight edits: from the edit to the redrawn views
    co_await timeEdits(session, meter, 0.5, "weight edit to redrawn segments and table");
    // 3. the same with the scatter chart on screen (its 5,000-customer sample redrawn each time)
    QTabWidget *tabs = window->chartTabs();
    for (int i = 0; i < tabs->count(); ++i)
        if (window->chartTabs()->kindAt(i) == QLatin1String("scatter"))
            tabs->setCurrentIndex(i);
    QApplication::processEvents();
    co_await timeEdits(session, meter, 0.9, "weight edit to redrawn views with the scatter chart shown");
    // 4. sorting the customer table by value, as a click on the header does
    meter.start();
    QElapsedTimer sortClock;
    sortClock.start();
    CustomerTableModel *model = window->customerModel();
    bool sorted = false; // small tables sort at once, inside sort()
    const QMetaObject::Connection c = QObject::connect(model, &QAbstractItemModel::layoutChanged, [&sorted] { sorted = true; });
    model->sort(1, Qt::DescendingOrder);
    if (!sorted)
        co_await qCoro(model, &QAbstractItemModel::layoutChanged);
    QObject::disconnect(c);
    std::printf("sorting the customer table by value: shown after %lld ms, longest UI pause %lld ms\n",
                (long long)sortClock.elapsed(), (long long)meter.stop());
    co_return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    vs::restartWithTunedAllocator(argv); // as the program itself runs
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    TracingApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_ui DATA.csv\n");
        return 2;
    }
    AnalysisSession session;
    MainWindow window(&session);
    window.resize(1400, 900);
    window.show();
    int code = 0;
    QTimer::singleShot(0, [&] {
        const std::string_view mode = argc > 2 ? argv[2] : "";
        auto task = mode == "--order-lines" ? runOrderLines(QString::fromLocal8Bit(argv[1]), &window)
                    : mode == "--open"      ? runOpen(QString::fromLocal8Bit(argv[1]), &window)
                                            : run(QString::fromLocal8Bit(argv[1]), &window);
        QCoro::connect(std::move(task), &app, [&](int c) {
            code = c;
            QCoreApplication::exit(c); // not quit(): that closes the window, which asks to save
        });
    });
    app.exec();
    return code;
}
