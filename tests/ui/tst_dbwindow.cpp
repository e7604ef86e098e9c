// The window with a database source, against the test servers (ctest fixture dbservers):
// - opening a project whose password variable is not set asks for the password; it is kept in
//   memory only, never in the project, the autosave or the settings;
// - File ▸ Write Results to Database puts the customers' results into a table of the database,
//   replaced at once when it exists;
// - order lines come one row per customer when nothing needs the days; an edit of the observation
//   end, or one that needs the days (cohorts), reads again, and the results equal the file's;
// - predictive CLV gets the tracking chart's weeks from the engine besides the customers' rows:
//   the chart equals the file's, also after an edit of the holdout end;
// - a connection dropped while the data are read (the server ends it) loses nothing already on
//   screen: the previous analysis stays, and the message names the engine's reason.
#include "core/db/database_source.h"
#include "core/analytics/over_time.h"
#include "core/domain/models.h"
#include "core/headless/run.h"
#include "core/io/results_writer.h"
#include "core/project/project.h"
#include "ui/AnalysisSession.h"
#include "testutil.h"
#include "ui/MainWindow.h"
#include "ui/commands/ProjectCommands.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <thread>

using json = nlohmann::json;

namespace {
std::map<std::string, std::string> readState() { return testutil::readKeyValues(VS_DB_STATE); }

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Answers the modal dialogs as they come: each answer fills the next input dialog (its text) or
// closes the next message box; what the dialogs said is kept for the test to check. A message
// box nobody expected is closed too (and kept), so that a failure shows instead of a hang.
class DialogAnswers : public QObject {
public:
    explicit DialogAnswers(QStringList answers) : m_answers(std::move(answers))
    {
        connect(&m_timer, &QTimer::timeout, this, &DialogAnswers::poll);
        m_timer.start(20);
    }
    QStringList asked;      // each dialog's label or message
    QStringList unexpected; // message boxes after the answers ran out
    bool done() const { return m_answers.isEmpty(); }
    void stop() { m_timer.stop(); }

private:
    void poll()
    {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        if (m_answers.isEmpty()) {
            if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                unexpected << box->text();
                box->accept();
            }
            return;
        }
        if (auto *input = qobject_cast<QInputDialog *>(modal)) {
            asked << input->labelText();
            input->setTextValue(m_answers.takeFirst());
            input->accept();
        } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            asked << box->text();
            m_answers.takeFirst();
            box->accept();
        }
    }
    QStringList m_answers;
    QTimer m_timer;
};
} // namespace

// Whether the spy's signal came, or comes within ms. QSignalSpy::wait() alone counts only a
// signal that comes while it waits, and the window may have finished already: when the worker
// thread is done before the coroutine that started it reaches co_await, the coroutine goes on at
// once, inside the call that opened the project (its message box answered there too).
bool received(QSignalSpy &spy, int ms) { return !spy.isEmpty() || spy.wait(ms); }

class TstDbWindow : public QObject {
    Q_OBJECT
    std::map<std::string, std::string> m_state;
    QTemporaryDir m_dir;
    std::string m_password;

    // the CDNOW order lines in a database, with a password variable nobody sets
    QString projectFile(const std::string &engine, const std::string &name, const std::string &query = {})
    {
        json db = {{"engine", engine}, {"host", "127.0.0.1"}, {"database", "shop"}, {"user", "vs"},
                   {"password_env", "VS_DBWINDOW_UNSET_PASSWORD"}, {"tls", false}};
        db["port"] = std::stoi(engine == "postgresql" ? m_state["VS_PG_PORT"] : m_state["VS_CH_HTTP1"]);
        if (query.empty())
            db["table"] = "cdnow_lines";
        else
            db["query"] = query;
        json p = {{"valuescope", 1},
                  {"source", {{"layout", "transactions"}, {"database", db},
                              {"columns", {{"customer", "customer"}, {"date", "order_date"}, {"amount", "amount"}}}}},
                  {"value", {{"model", "rfm"}, {"time_unit", "days"}}},
                  {"segments", {{"by", "value"}, {"method", "quantile"}, {"count", 4}}}};
        const QString path = m_dir.filePath(QString::fromStdString(name));
        std::ofstream(path.toStdString()) << p.dump(2);
        return path;
    }

    vs::DatabaseSpec spec(const std::string &engine, const std::string &table = "cdnow_lines")
    {
        return vs::DatabaseSpec{engine, "127.0.0.1", std::stoi(engine == "postgresql" ? m_state["VS_PG_PORT"] : m_state["VS_CH_HTTP1"]),
                                "shop", "vs", table, "", "", false};
    }

    // rows of a table, or -1 when it does not exist
    long long countRows(const std::string &engine, const std::string &table)
    {
        auto db = vs::connectDatabase(spec(engine), m_password);
        if (!db)
            return -2;
        long long n = -1;
        vs::Status s = db.value()->select("SELECT count(*) FROM " + db.value()->quoteIdentifier(table), {},
                                          [&](const vs::DbRow &r) {
                                              n = std::stoll(std::string(*r[0]));
                                              return true;
                                          });
        return s ? n : -1;
    }

    // opens the project in the window, answering the password question
    bool openInWindow(MainWindow &w, AnalysisSession &session, const QString &path, QStringList *asked = nullptr)
    {
        QSignalSpy loaded(&session, &AnalysisSession::loaded);
        DialogAnswers answers({QString::fromStdString(m_password)});
        w.openProject(path);
        if (!received(loaded, 60000)) {
            qWarning() << "not loaded; dialogs:" << answers.asked << answers.unexpected;
            return false;
        }
        if (asked)
            *asked = answers.asked;
        return answers.done();
    }

private slots:
    void initTestCase()
    {
        m_state = readState();
        QVERIFY2(!m_state["VS_PG_PORT"].empty(), "the servers are not running (ctest fixture dbservers)");
        m_password = m_state["VS_TEST_PASSWORD"];
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ValueScopeDbWindowTests"));
        QSettings().clear();
        qunsetenv("VS_DBWINDOW_UNSET_PASSWORD");
    }

    void passwordAskedAndKeptInMemory_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("postgresql") << "postgresql";
        QTest::newRow("clickhouse") << "clickhouse";
    }
    void passwordAskedAndKeptInMemory()
    {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        AnalysisSession session;
        MainWindow w(&session);
        w.show();
        QStringList asked;
        QVERIFY(openInWindow(w, session, projectFile(e, e + "_pw.valuescope.json"), &asked));
        // the password was asked for, naming the user and the server
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked[0].contains(QStringLiteral("vs")) && asked[0].contains(engine + QStringLiteral("://127.0.0.1")),
                 qPrintable(asked[0]));
        QVERIFY(session.results());
        QCOMPARE(session.results()->rowCount(), size_t(2357));
        // RFM needs nothing per day: the engine sums the order lines per customer
        QVERIFY(session.results()->data->database);
        QVERIFY(session.results()->data->database->perCustomer);
        QVERIFY(qEnvironmentVariableIsEmpty("VS_DBWINDOW_UNSET_PASSWORD"));
        // an edit, so that the autosave writes
        const QString label = QString::fromStdString(session.results()->segments.front().label);
        session.undoStack()->push(new SetStrategyCommand(&session, label, QStringLiteral("Call them")));
        const QString autosave =
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave/recovery.json");
        QFile::remove(autosave);
        w.setAutosaveInterval(10);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(autosave), 30000);
        const QString saved = m_dir.filePath(engine + QStringLiteral("_saved.valuescope.json"));
        QVERIFY(session.saveProject(saved, nullptr));
        QSettings().sync();
        const QString password = QString::fromStdString(m_password);
        for (const QString &file : {autosave, saved, QSettings().fileName()}) {
            const QString text = readAll(file);
            QVERIFY2(!text.isEmpty() || file == QSettings().fileName(), qPrintable(file));
            QVERIFY2(!text.contains(password), qPrintable(file));
        }
        QVERIFY(readAll(saved).contains(QStringLiteral("VS_DBWINDOW_UNSET_PASSWORD")));
        w.setAutosaveInterval(60000);
        session.undoStack()->clear();
        QFile::remove(autosave);
    }

    void writeResultsAction_data() { passwordAskedAndKeptInMemory_data(); }
    void writeResultsAction()
    {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        const std::string table = "vs_window_results";
        AnalysisSession session;
        MainWindow w(&session);
        w.show();
        QVERIFY(openInWindow(w, session, projectFile(e, e + "_write.valuescope.json")));
        QAction *write = w.findChild<QAction *>(QStringLiteral("writeToDatabase"));
        QVERIFY(write);
        QVERIFY(write->isEnabled());
        for (int round = 0; round < 2; ++round) { // created, then replaced
            if (round == 1) { // the table holds something else until the new one is swapped in
                auto db = vs::connectDatabase(spec(e), m_password);
                QVERIFY(db);
                QVERIFY(countRows(e, table) == 2357);
            }
            DialogAnswers answers({QString::fromStdString(table), QString::fromStdString(m_password)});
            write->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(answers.done(), 30000);
            QCOMPARE(answers.asked.size(), 2); // the table's name, then the password (kept nowhere)
            QTRY_COMPARE_WITH_TIMEOUT(w.statusBar()->currentMessage(), QStringLiteral("Results written to the table %1")
                                                                           .arg(QString::fromStdString(table)), 60000);
            QCOMPARE(countRows(e, table), 2357LL);
            // nothing left of the swap
            QCOMPARE(countRows(e, table + "_vs_new"), -1LL);
            QCOMPARE(countRows(e, table + "_vs_old"), -1LL);
        }
        // the table holds the window's results: the customers' segments as shown
        auto db = vs::connectDatabase(spec(e), m_password);
        QVERIFY(db);
        std::map<std::string, std::string> segmentOf;
        QVERIFY(db.value()->select("SELECT customer, segment FROM " + db.value()->quoteIdentifier(table), {},
                                   [&](const vs::DbRow &r) {
                                       segmentOf[std::string(*r[0])] = std::string(*r[1]);
                                       return true;
                                   }));
        const auto &res = *session.results();
        QCOMPARE(segmentOf.size(), res.rowCount());
        for (size_t i = 0; i < res.rowCount(); ++i)
            QCOMPARE(segmentOf[std::string(res.data->ids.at(i))], res.segments[size_t(res.segment[i])].label);
    }

    // the same analysis from the CDNOW file (the lines the database tables hold) with the window
    // project's model and segments and an observation end
    std::shared_ptr<const vs::AnalysisResults> fileResults(const std::string &observationEnd, bool cohorts)
    {
        json p = {{"valuescope", 1},
                  {"source", {{"layout", "transactions"}, {"path", std::string(VS_RESOURCES) + "/sample/cdnow_sample.txt"},
                              {"columns", {{"customer", "column 2"}, {"date", "column 3"}, {"amount", "column 5"}}}}},
                  {"value", {{"model", "rfm"}, {"time_unit", "days"}}},
                  {"segments", {{"by", "value"}, {"method", "quantile"}, {"count", 4}}}};
        if (!observationEnd.empty())
            p["value"]["observation_end"] = observationEnd;
        if (cohorts)
            p["cohorts"] = {{"period", "quarter"}, {"measure", "customers"}};
        const std::string path = m_dir.filePath(QStringLiteral("file_%1.json").arg(QString::fromStdString(observationEnd))).toStdString();
        std::ofstream(path) << p.dump(2);
        auto la = vs::loadAnalysis(path, nullptr);
        if (!la)
            return nullptr;
        auto r = vs::computeAnalysis(la->data, la->project);
        return r ? std::make_shared<const vs::AnalysisResults>(std::move(r.value())) : nullptr;
    }

    // per customer: value, segment, recency, frequency, monetary equal (to 1e-9 relative: the
    // engine sums money as exact decimals, the file as doubles)
    static bool sameResults(const vs::AnalysisResults &a, const vs::AnalysisResults &b, QString *why)
    {
        if (a.rowCount() != b.rowCount()) {
            *why = QStringLiteral("%1 customers against %2").arg(a.rowCount()).arg(b.rowCount());
            return false;
        }
        std::map<std::string, size_t> rowOf;
        for (size_t i = 0; i < b.rowCount(); ++i)
            rowOf[std::string(b.data->ids.at(i))] = i;
        auto same = [](double x, double y) { return x == y || std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(y)); };
        for (size_t i = 0; i < a.rowCount(); ++i) {
            const std::string id(a.data->ids.at(i));
            const auto it = rowOf.find(id);
            if (it == rowOf.end()) {
                *why = QStringLiteral("customer %1 is not in the file's results").arg(QString::fromStdString(id));
                return false;
            }
            const size_t j = it->second;
            bool ok = same(a.value[i], b.value[j]) && a.segments[size_t(a.segment[i])].label == b.segments[size_t(b.segment[j])].label;
            for (const char *col : {"recency", "frequency", "monetary"})
                ok = ok && a.column(col) && b.column(col) && same((*a.column(col))[i], (*b.column(col))[j]);
            if (!ok) {
                *why = QStringLiteral("customer %1 differs").arg(QString::fromStdString(id));
                return false;
            }
        }
        return true;
    }

    // RFM in the window: the engine sends a row per customer; an edit of the observation end reads
    // again (per customer, for the new end), one that needs the days (cohorts) reads the days.
    // Each time the results equal the file run with the same settings.
    void perCustomerRowsReadAgainOnEdits_data() { passwordAskedAndKeptInMemory_data(); }
    void perCustomerRowsReadAgainOnEdits()
    {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        AnalysisSession session;
        MainWindow w(&session);
        w.show();
        QVERIFY(openInWindow(w, session, projectFile(e, e + "_percustomer.valuescope.json")));
        auto transferred = [&] {
            const json summary = json::parse(vs::summaryJson(*session.results(), session.project()));
            return summary["database"]["rows_transferred"].get<size_t>();
        };
        QString why;
        {
            const auto r = session.results();
            QVERIFY(r && r->data->database && r->data->database->perCustomer);
            QCOMPARE(transferred(), r->rowCount());
            QCOMPARE(r->rowCount(), size_t(2357));
            const auto file = fileResults("", false);
            QVERIFY(file);
            QVERIFY2(sameResults(*r, *file, &why), qPrintable(why));
        }
        // another observation end: the engine sums the lines again, for the new end
        const auto before = session.results();
        QSignalSpy reading(&session, &AnalysisSession::databaseReading);
        session.undoStack()->push(new SetValueParameterCommand(&session, *vs::findValueParameter("observation_end"),
                                                               QStringLiteral("1997-12-31")));
        QTRY_VERIFY_WITH_TIMEOUT(session.results() != before && !session.isBusy(), 60000);
        QVERIFY2(session.lastError().isEmpty(), qPrintable(session.lastError()));
        QVERIFY(!reading.isEmpty() && reading.front().front().toBool()); // the Stop button showed
        QVERIFY(!session.isReadingDatabase());
        {
            const auto r = session.results();
            QVERIFY(r->data != before->data);
            QVERIFY(r->data->database->perCustomer);
            QCOMPARE(transferred(), r->rowCount());
            const auto file = fileResults("1997-12-31", false);
            QVERIFY(file);
            QVERIFY2(sameResults(*r, *file, &why), qPrintable(why));
            QVERIFY(!sameResults(*before, *file, &why)); // the edit changed what is shown
        }
        // cohorts need the days: the engine sends a row per customer and day
        const auto perCustomer = session.results();
        session.undoStack()->push(new SetCohortsCommand(&session, vs::CohortSpec{"quarter", "customers"}));
        QTRY_VERIFY_WITH_TIMEOUT(session.results() != perCustomer && !session.isBusy(), 60000);
        QVERIFY2(session.lastError().isEmpty(), qPrintable(session.lastError()));
        {
            const auto r = session.results();
            QVERIFY(!r->data->database->perCustomer);
            QVERIFY(transferred() > r->rowCount());
            QVERIFY(r->overTime && r->overTime->cohorts);
            const auto file = fileResults("1997-12-31", true);
            QVERIFY(file);
            QVERIFY2(sameResults(*r, *file, &why), qPrintable(why));
        }
        // the days serve any other end without reading again
        const auto days = session.results()->data;
        session.undoStack()->undo(); // cohorts off
        QTRY_VERIFY_WITH_TIMEOUT(!session.isBusy() && !session.results()->overTime, 60000);
        session.undoStack()->undo(); // the first observation end
        QTRY_VERIFY_WITH_TIMEOUT(!session.isBusy() && session.project().value.observationEnd.empty(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!session.isBusy(), 60000);
        QCOMPARE(session.results()->data, days);
        const auto file = fileResults("", false);
        QVERIFY2(sameResults(*session.results(), *file, &why), qPrintable(why));
    }

    // Predictive CLV in the window (which always offers the tracking chart): the engine sends a
    // row per customer and the chart's repeat purchases per week, never the customer-days; the
    // chart's actual and expected series equal the file run's, week for week, exactly. An edit of
    // the holdout end reads again (per customer, with the weeks for the new end): equal again.
    void predictiveTrackingPerCustomer_data() { passwordAskedAndKeptInMemory_data(); }
    void predictiveTrackingPerCustomer()
    {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        const QString path = projectFile(e, e + "_tracking.valuescope.json");
        {
            json p = json::parse(readAll(path).toStdString());
            p["value"] = {{"model", "predictive_clv"}, {"observation_end", "1997-09-30"}, {"holdout_end", "1998-03-31"},
                          {"time_unit", "weeks"}, {"horizon_months", 12}, {"monthly_discount", 0.01}};
            std::ofstream(path.toStdString()) << p.dump(2);
        }
        AnalysisSession session;
        MainWindow w(&session);
        w.show();
        QVERIFY(openInWindow(w, session, path));
        auto check = [&](const std::string &holdoutEnd) {
            const auto r = session.results();
            QVERIFY(r && r->data->database && r->data->database->perCustomer);
            QVERIFY(r->data->figures && !r->data->days);
            QCOMPARE(r->rowCount(), size_t(2357));
            const auto file = predictiveFileResults(holdoutEnd);
            QVERIFY(file && file->btyd && r->btyd);
            const vs::TrackingSeries &a = r->btyd->tracking, &b = file->btyd->tracking;
            QVERIFY(!b.actual.empty() && !b.expected.empty());
            QCOMPARE(a.periodStart, b.periodStart);
            QCOMPARE(a.calibrationPeriods, b.calibrationPeriods);
            QCOMPARE(a.actual, b.actual);
            QCOMPARE(a.expected, b.expected);
            // a row per customer, and one per week with a repeat purchase
            const auto weeks = size_t(std::count_if(b.actual.begin(), b.actual.end(), [](double n) { return n > 0; }));
            QCOMPARE(r->data->database->weekRows, uint64_t(weeks));
            QCOMPARE(r->data->database->rowsTransferred, uint64_t(r->rowCount() + weeks));
        };
        check("1998-03-31");
        if (QTest::currentTestFailed())
            return;
        const auto before = session.results();
        session.undoStack()->push(new SetValueParameterCommand(&session, *vs::findValueParameter("holdout_end"),
                                                               QStringLiteral("1998-06-30")));
        QTRY_VERIFY_WITH_TIMEOUT(session.results() != before && !session.isBusy(), 60000);
        QVERIFY2(session.lastError().isEmpty(), qPrintable(session.lastError()));
        QVERIFY(session.results()->data != before->data); // read again
        check("1998-06-30");
        QVERIFY(session.results()->btyd->tracking.actual.size() > before->btyd->tracking.actual.size());
    }

    // the window's predictive project from the CDNOW file
    std::shared_ptr<const vs::AnalysisResults> predictiveFileResults(const std::string &holdoutEnd)
    {
        json p = {{"valuescope", 1},
                  {"source", {{"layout", "transactions"}, {"path", std::string(VS_RESOURCES) + "/sample/cdnow_sample.txt"},
                              {"columns", {{"customer", "column 2"}, {"date", "column 3"}, {"amount", "column 5"}}}}},
                  {"value", {{"model", "predictive_clv"}, {"observation_end", "1997-09-30"}, {"holdout_end", holdoutEnd},
                             {"time_unit", "weeks"}, {"horizon_months", 12}, {"monthly_discount", 0.01}}},
                  {"segments", {{"by", "value"}, {"method", "quantile"}, {"count", 4}}}};
        const std::string path = m_dir.filePath(QStringLiteral("file_predictive_%1.json").arg(QString::fromStdString(holdoutEnd))).toStdString();
        std::ofstream(path) << p.dump(2);
        auto la = vs::loadAnalysis(path, nullptr, {}, std::nullopt, true);
        if (!la)
            return nullptr;
        auto r = vs::computeAnalysis(la->data, la->project);
        return r ? std::make_shared<const vs::AnalysisResults>(std::move(r.value())) : nullptr;
    }

    // Stop while the engine is asked again after an edit (PostgreSQL; the table held locked by
    // another session, so that the query waits): the reading ends, the analysis shown stays and
    // the banner says it is for the settings before.
    void stopWhileReadingAgain()
    {
        AnalysisSession session;
        MainWindow w(&session);
        w.show();
        QVERIFY(openInWindow(w, session, projectFile("postgresql", "pg_stop_again.valuescope.json")));
        const auto shown = session.results();
        QVERIFY(shown && shown->data->database->perCustomer);
        auto db = vs::connectDatabase(spec("postgresql"), m_password);
        QVERIFY(db);
        auto count = [&](const std::string &sql) {
            long long n = -1;
            (void)db.value()->select(sql, {}, [&](const vs::DbRow &r) {
                n = std::stoll(std::string(*r[0]));
                return true;
            });
            return n;
        };
        // another session takes the table and keeps it (psql; the password through the environment)
        qputenv("PGPASSWORD", QByteArray::fromStdString(m_password));
        const std::string lock = "psql -X -q -h " + m_state["VS_PG_SOCKET"] + " -p " + m_state["VS_PG_PORT"] +
                                 " -U vs -d shop -c 'BEGIN; LOCK TABLE cdnow_lines IN ACCESS EXCLUSIVE MODE; "
                                 "SELECT pg_sleep(120); COMMIT' >/dev/null 2>&1";
        std::thread locker([&] { (void)std::system(lock.c_str()); });
        QTRY_VERIFY_WITH_TIMEOUT(count("SELECT count(*) FROM pg_locks WHERE mode = 'AccessExclusiveLock' AND "
                                       "relation = 'cdnow_lines'::regclass") == 1, 30000);
        // another observation end: the engine is asked again, and waits for the table
        session.undoStack()->push(new SetValueParameterCommand(&session, *vs::findValueParameter("observation_end"),
                                                               QStringLiteral("1997-12-31")));
        QVERIFY(session.isReadingDatabase());
        auto *stop = w.findChild<QToolButton *>(QStringLiteral("stopReading"));
        QVERIFY(stop);
        QTRY_VERIFY_WITH_TIMEOUT(count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'") >= 1, 30000);
        QVERIFY(stop->isVisible() && stop->isEnabled());
        stop->click();
        QTRY_VERIFY_WITH_TIMEOUT(!session.isBusy(), 30000);
        (void)count("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event = 'PgSleep') AS t");
        locker.join();
        qunsetenv("PGPASSWORD");
        QVERIFY(!session.isReadingDatabase());
        QVERIFY(!stop->isVisible());
        QCOMPARE(session.results(), shown); // nothing shown is lost
        QVERIFY2(session.lastError().contains(QStringLiteral("stopped")), qPrintable(session.lastError()));
        // undone: the rows it has serve the first settings again, without the engine
        session.undoStack()->undo();
        QTRY_VERIFY_WITH_TIMEOUT(!session.isBusy() && session.lastError().isEmpty(), 30000);
        QCOMPARE(session.results()->data, shown->data);
    }

    // The server ends the connection while the data are read: the analysis on screen stays, and
    // the message names the engine's reason.
    void droppedConnectionKeepsTheAnalysis_data() { passwordAskedAndKeptInMemory_data(); }
    void droppedConnectionKeepsTheAnalysis()
    {
        QFETCH(QString, engine);
        const std::string e = engine.toStdString();
        AnalysisSession session;
        MainWindow w(&session);
        w.show();
        const QString first = projectFile(e, e + "_first.valuescope.json");
        QVERIFY(openInWindow(w, session, first));
        const auto shown = session.results();
        QVERIFY(shown);
        // a query the engine works on until it is ended
        const std::string marker = "vs_dropped_marker";
        const std::string query =
            e == "postgresql"
                ? "SELECT customer, order_date, amount FROM cdnow_lines CROSS JOIN (SELECT pg_sleep(600) AS " + marker + ") AS s"
                : "SELECT l.customer AS customer, l.order_date AS order_date, l.amount AS amount FROM cdnow_lines AS l CROSS JOIN "
                  "(SELECT count() AS " + marker + " FROM system.numbers WHERE sipHash64(number) = 0) AS s";
        const QString second = projectFile(e, e + "_dropped.valuescope.json", query);
        // the server's administrator ends it from another connection once it runs (until the
        // window has reported the failure)
        std::atomic<bool> ended{false};
        std::thread admin([&] {
            auto db = vs::connectDatabase(spec(e), m_password);
            if (!db)
                return;
            const std::string find =
                // PostgreSQL keeps only a query's first kilobyte there (track_activity_query_size):
                // the push-down's query holds the user's query, and its marker, further on, so the
                // sleeping backend is found by what it waits for
                e == "postgresql" ? "SELECT pid FROM pg_stat_activity WHERE state = 'active' AND (query LIKE '%" + marker +
                                        "%' OR wait_event = 'PgSleep') AND pid <> pg_backend_pid()"
                                  : "SELECT query_id FROM system.processes WHERE query LIKE '%" + marker +
                                        "%' AND query NOT LIKE '%system.processes%'";
            while (!ended) { // until the window has failed: a query found may have ended on its own
                std::string id;
                (void)db.value()->select(find, {}, [&](const vs::DbRow &r) {
                    id = std::string(*r[0]);
                    return true;
                });
                if (!id.empty()) {
                    if (e == "postgresql") {
                        (void)db.value()->select("SELECT pg_terminate_backend(" + id + ")", {}, [](const vs::DbRow &) { return true; });
                    } else {
                        // KILL QUERY is not a read: it cannot go through the program's read-only
                        // connection, so the administrator posts it with Python's urllib
                        qputenv("VS_DBWINDOW_KILL", QByteArray::fromStdString("KILL QUERY WHERE query_id = '" + id + "' ASYNC"));
                        qputenv("VS_DBWINDOW_AUTH", QByteArray::fromStdString("vs:" + m_password).toBase64());
                        const std::string cmd =
                            "/usr/bin/python3 -c \"import os, urllib.request as u; r = u.Request('http://127.0.0.1:" +
                            m_state["VS_CH_HTTP1"] + "/', data=os.environ['VS_DBWINDOW_KILL'].encode()); "
                            "r.add_header('Authorization', 'Basic ' + os.environ['VS_DBWINDOW_AUTH']); u.urlopen(r, timeout=60).read()\"";
                        (void)std::system(cmd.c_str());
                    }
                }
                std::this_thread::yield();
            }
        });
        QSignalSpy failed(&session, &AnalysisSession::failed);
        DialogAnswers answers({QString::fromStdString(m_password), QStringLiteral("close the message")});
        w.openProject(second);
        const bool gotFailure = received(failed, 60000);
        ended = true;
        admin.join();
        QVERIFY(gotFailure);
        QTRY_VERIFY_WITH_TIMEOUT(answers.done(), 30000);
        // the message box said what the engine said
        QCOMPARE(answers.asked.size(), 2);
        const QString message = failed.front().front().toString();
        QCOMPARE(answers.asked[1], message);
        // PostgreSQL: the connection was ended; ClickHouse: the query was killed (engine's words)
        // (libpq gives the server's FATAL message, or its own when the socket closed first or
        // was already gone at the next call: which one depends on timing)
        // The known texts are listed; any other must still carry a reason after the sentence.
        const QString reason = message.section(QStringLiteral("nothing of this reading is used: "), 1).trimmed();
        QVERIFY2(e == "postgresql" ? message.contains(QStringLiteral("was lost while reading")) &&
                                         (message.contains(QStringLiteral("terminating connection due to administrator command")) ||
                                          message.contains(QStringLiteral("server closed the connection unexpectedly")) ||
                                          message.contains(QStringLiteral("no connection to the server")) || !reason.isEmpty())
                                   : message.contains(QStringLiteral("could not run the query")) &&
                                         message.contains(QStringLiteral("cancelled"), Qt::CaseInsensitive),
                 qPrintable(message));
        // nothing already shown is lost
        QCOMPARE(session.results(), shown);
        QCOMPARE(session.projectPath(), QFileInfo(first).absoluteFilePath());
        QCOMPARE(session.results()->rowCount(), size_t(2357));
        // the same reason in Chinese, through the translated message, right after the ended query
        answers.stop();
        QTranslator zh;
        QVERIFY(zh.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")));
        QCoreApplication::installTranslator(&zh);
        QSignalSpy failedZh(&session, &AnalysisSession::failed);
        DialogAnswers answersZh({QString::fromStdString(m_password), QStringLiteral("close")});
        w.openProject(projectFile(e, e + "_missing.valuescope.json", "SELECT customer, order_date, amount FROM no_such_table_x"));
        QVERIFY(received(failedZh, 60000));
        QTRY_VERIFY_WITH_TIMEOUT(answersZh.done(), 30000);
        QCoreApplication::removeTranslator(&zh);
        const QString zhMessage = failedZh.front().front().toString();
        QVERIFY2(zhMessage.contains(QStringLiteral("no_such_table_x")), qPrintable(zhMessage));
        QVERIFY2(!zhMessage.contains(QStringLiteral("could not run the query")), qPrintable(zhMessage));
        QCOMPARE(session.results(), shown);
    }
};

QTEST_MAIN(TstDbWindow)
#include "tst_dbwindow.moc"
