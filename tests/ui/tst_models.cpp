// The item models under QAbstractItemModelTester, fed by the session from the bundled sample.
#include "ui/AnalysisSession.h"
#include "ui/MainWindow.h"
#include "ui/commands/ProjectCommands.h"
#include "ui/models/CustomerTableModel.h"
#include "ui/models/SegmentTableModel.h"

#include <QAbstractItemModelTester>
#include <QCoroTask>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <malloc.h>
#include <sys/resource.h>

#include <fstream>
#include <numeric>
#include <random>

class TstModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void customerModel();
    void sortWithoutMemoryKeepsTheOrder();
    void segmentModel();
    void failedOpenIsReported();
    void windowShowsTheSample();
    void crashLeavesARecoverableAnalysis();

private:
    AnalysisSession m_session;
};

void TstModels::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the autosave and settings of the tests only
    QCoreApplication::setOrganizationName(QStringLiteral("ValueScopeTests"));
    const bool ok = QCoro::waitFor(m_session.openProject(QStringLiteral(VS_RESOURCES "/sample/sample.valuescope.json")));
    QVERIFY(ok);
    QVERIFY(m_session.results());
}

void TstModels::customerModel()
{
    CustomerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setResults(m_session.results());
    QCOMPARE(model.rowCount(), 3000);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Customer"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("C00001"));
    // sorting by value: descending puts the largest first
    model.sort(1, Qt::DescendingOrder);
    const double top = model.index(0, 1).data(Qt::EditRole).toDouble();
    const double next = model.index(1, 1).data(Qt::EditRole).toDouble();
    QVERIFY(top >= next);
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("Very High"));
    model.sort(1, Qt::AscendingOrder);
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("Low"));
    model.setResults(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

namespace {
// Set before main() starts any thread: one heap for every thread, and every block of 128 KiB or
// more a new mapping, so that an address-space limit makes exactly a big allocation fail (a
// thread's own heap would grow inside the space it reserved when it was made).
const bool kPlainHeap = [] {
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    return true;
}();

size_t addressSpaceInUse() // bytes, from /proc/self/statm (pages)
{
    std::ifstream statm("/proc/self/statm");
    size_t pages = 0;
    statm >> pages;
    return pages * size_t(sysconf(_SC_PAGESIZE));
}
} // namespace

// Issue 20: a bad_alloc while a big table is sorted (on a worker) is a message, and the order shown
// stays: the sorting function returns nothing instead of letting the exception leave the worker
// thread (that would end the program). The model's own sorting is tested in customerModel.
void TstModels::sortWithoutMemoryKeepsTheOrder()
{
    QVERIFY(kPlainHeap);
    const size_t n = 300'000;
    auto t = std::make_shared<vs::Table>();
    std::vector<double> revenue(n), cost(n);
    vs::TextData ids;
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(1, 1000);
    for (size_t i = 0; i < n; ++i) {
        revenue[i] = u(rng);
        cost[i] = revenue[i] / 2;
        ids.push_back("C" + std::to_string(i));
    }
    t->columns.push_back(vs::Column::textColumn("customer_id", std::move(ids)));
    t->columns.push_back(vs::Column::numberColumn("revenue", std::move(revenue)));
    t->columns.push_back(vs::Column::numberColumn("cost", std::move(cost)));
    vs::Project project;
    project.source.columns = {{"customer", "customer_id"}, {"revenue", "revenue"}, {"cost", "cost"}};
    auto data = vs::prepareData(t, project, "test");
    QVERIFY(data.ok());
    auto computed = vs::computeAnalysis(data.value(), project);
    QVERIFY(computed.ok());
    const auto results = std::make_shared<const vs::AnalysisResults>(std::move(computed.value()));
    std::vector<uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);

    std::vector<uint32_t> handedOver = order; // the worker gets its own copy, made before it runs
    rlimit before{};
    getrlimit(RLIMIT_AS, &before);
    rlimit tight = before; // room for nothing like the 4.8 MB of sort keys
    tight.rlim_cur = rlim_t(addressSpaceInUse() + 1024 * 1024);
    QCOMPARE(setrlimit(RLIMIT_AS, &tight), 0);
    const std::optional<std::vector<uint32_t>> starved = CustomerTableModel::sortedRows(results, "value", true, std::move(handedOver), false);
    setrlimit(RLIMIT_AS, &before);
    QVERIFY(!starved);
    // with memory, the same call sorts: the largest value first
    const std::optional<std::vector<uint32_t>> sorted = CustomerTableModel::sortedRows(results, "value", true, order, false);
    QVERIFY(sorted && sorted->size() == n);
    const std::vector<double> &value = results->value;
    QVERIFY(std::is_sorted(sorted->begin(), sorted->end(), [&](uint32_t a, uint32_t b) { return value[a] > value[b]; }));
}

void TstModels::segmentModel()
{
    SegmentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setResults(m_session.results());
    QCOMPARE(model.rowCount(), 4);
    int total = 0;
    for (int r = 0; r < 4; ++r) {
        total += model.index(r, SegmentTableModel::Count).data(Qt::EditRole).toInt();
        QCOMPARE(model.index(r, SegmentTableModel::Count).data(Qt::EditRole).toInt(), 750); // 3000 distinct values
    }
    QCOMPARE(total, 3000);
    QCOMPARE(model.index(0, SegmentTableModel::Strategy).data().toString(), QStringLiteral("Develop"));
    double share = 0;
    for (int r = 0; r < 4; ++r)
        share += model.index(r, SegmentTableModel::Share).data(Qt::EditRole).toDouble();
    QVERIFY(qAbs(share - 1.0) < 1e-12);
}

void TstModels::failedOpenIsReported()
{
    AnalysisSession s;
    QSignalSpy failed(&s, &AnalysisSession::failed);
    const bool ok = QCoro::waitFor(s.openProject(QStringLiteral("/nonexistent/project.json")));
    QVERIFY(!ok);
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("/nonexistent/project.json")));
    QVERIFY(!s.results());
}

void TstModels::windowShowsTheSample()
{
    AnalysisSession session;
    MainWindow w(&session);
    w.show();
    QSignalSpy changed(w.session(), &AnalysisSession::resultsChanged);
    w.openProject(QStringLiteral(VS_RESOURCES "/sample/sample.valuescope.json"));
    QVERIFY(changed.wait(30000));
    QVERIFY(w.windowTitle().contains(QLatin1String("ValueScope")));
    QVERIFY(w.windowTitle().contains(QLatin1String("sample.valuescope.json")));
}

// A window that dies without closing (a crash) leaves its autosave; the next start offers it,
// and accepting brings back the edited analysis, still unsaved and named after its project.
void TstModels::crashLeavesARecoverableAnalysis()
{
    const QString project = QStringLiteral(VS_RESOURCES "/sample/sample.valuescope.json");
    const QString autosave = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave/recovery.json");
    QFile::remove(autosave);
    AnalysisSession before;
    auto *crashing = new MainWindow(&before);
    QVERIFY(QCoro::waitFor(before.openProject(project)));
    crashing->setAutosaveInterval(20);
    before.undoStack()->push(new SetWeightCommand(&before, 0, 0, 0.9));
    QVERIFY(QCoro::waitFor(before.waitForResults()));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(autosave), 5000);
    const std::vector<size_t> editedCounts = [&] {
        std::vector<size_t> c;
        for (const auto &s : before.results()->segments)
            c.push_back(s.count);
        return c;
    }();
    delete crashing; // no close event: as if the process had died
    QVERIFY(QFileInfo::exists(autosave));

    AnalysisSession after;
    MainWindow restarted(&after);
    QTimer::singleShot(0, [] { // answer "Recover" in the question that comes up
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
    });
    restarted.offerRecovery();
    QTRY_VERIFY_WITH_TIMEOUT(after.results() != nullptr && !after.isBusy(), 10000);
    QCOMPARE(after.project().scores[0].items[0].weight, 0.9); // the edit is back
    std::vector<size_t> counts;
    for (const auto &s : after.results()->segments)
        counts.push_back(s.count);
    QCOMPARE(counts, editedCounts);
    QTRY_VERIFY(after.isModified()); // not saved yet: Save writes to the original project
    QCOMPARE(QFileInfo(after.projectPath()).canonicalFilePath(), QFileInfo(project).canonicalFilePath());
    QVERIFY(restarted.windowTitle().contains(QFileInfo(project).fileName()));
    after.undoStack()->setClean();
}

QTEST_MAIN(TstModels)
#include "tst_models.moc"
