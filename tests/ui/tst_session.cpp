// The session with its undo stack: every edit recomputes, undo and redo restore exactly, repeated
// edits of one cell merge, and a weight edited as a user does it gives the segment counts pandas gives.
#include "testutil.h"
#include "ui/AnalysisSession.h"
#include "ui/ResourcePaths.h"
#include "ui/commands/ProjectCommands.h"
#include "ui/models/ScenarioModels.h"
#include "ui/models/WeightTableModel.h"

#include <QAbstractItemModelTester>
#include <QCoroTask>
#include <QSignalSpy>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

class TstSession : public QObject {
    Q_OBJECT
private slots:
    void init();
    void weightEditMatchesPandas();
    void undoRedoRestores();
    void repeatedEditsMerge();
    void strategyAndLabels();
    void whatIfBaseline();
    void badParametersKeepLastResults();
    void saveAndReopen();
    void baselineIsSavedWithTheProject();
    void chineseSampleSameFigures();

private:
    std::vector<size_t> counts() const;
    void settle();
    std::unique_ptr<AnalysisSession> m_session;
};

void TstSession::init()
{
    m_session = std::make_unique<AnalysisSession>();
    QVERIFY(QCoro::waitFor(m_session->openProject(QStringLiteral(VS_RESOURCES "/sample/sample.valuescope.json"))));
    // segment by the satisfaction score, so that its weights move customers
    m_session->undoStack()->push(new SetSegmentByCommand(m_session.get(), QStringLiteral("satisfaction")));
    settle();
}

void TstSession::settle()
{
    QVERIFY(QCoro::waitFor(m_session->waitForResults()));
}

std::vector<size_t> TstSession::counts() const
{
    std::vector<size_t> c;
    for (const auto &s : m_session->results()->segments)
        if (s.count)
            c.push_back(s.count);
    return c;
}

void TstSession::weightEditMatchesPandas()
{
    const nlohmann::json ref = testutil::loadJson(testutil::dataPath("reference/sample_weight_edit.json"));
    QCOMPARE(counts(), ref["before"].get<std::vector<size_t>>());
    // as a user does it: type 0.8 into the weight cell of q_product
    WeightTableModel model(m_session.get(), 0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.index(0, WeightTableModel::Indicator).data().toString(), QStringLiteral("q_product"));
    QVERIFY(model.setData(model.index(0, WeightTableModel::Weight), 0.8));
    settle();
    QCOMPARE(counts(), ref["after"].get<std::vector<size_t>>());
    // the effective weight follows the seed formula w / n
    QCOMPARE(model.index(0, WeightTableModel::Effective).data(Qt::EditRole).toDouble(), 0.8 / 3);
}

void TstSession::undoRedoRestores()
{
    const nlohmann::json ref = testutil::loadJson(testutil::dataPath("reference/sample_weight_edit.json"));
    QUndoStack *undo = m_session->undoStack();
    const int before = undo->count();
    undo->push(new SetWeightCommand(m_session.get(), 0, 0, 0.8));
    settle();
    QCOMPARE(counts(), ref["after"].get<std::vector<size_t>>());
    undo->undo();
    settle();
    QCOMPARE(m_session->project().scores[0].items[0].weight, 0.5);
    QCOMPARE(counts(), ref["before"].get<std::vector<size_t>>());
    undo->redo();
    settle();
    QCOMPARE(m_session->project().scores[0].items[0].weight, 0.8);
    QCOMPARE(counts(), ref["after"].get<std::vector<size_t>>());
    QCOMPARE(undo->count(), before + 1);
    QVERIFY(m_session->isModified());
}

void TstSession::repeatedEditsMerge()
{
    QUndoStack *undo = m_session->undoStack();
    const int before = undo->count();
    for (double w : {0.6, 0.7, 0.8, 0.9})
        undo->push(new SetWeightCommand(m_session.get(), 0, 0, w));
    undo->push(new SetWeightCommand(m_session.get(), 0, 1, 0.1)); // another cell: its own step
    settle();
    QCOMPARE(undo->count(), before + 2);
    undo->undo();
    undo->undo();
    settle();
    QCOMPARE(m_session->project().scores[0].items[0].weight, 0.5); // all four typed values undone at once
    QCOMPARE(m_session->project().scores[0].items[1].weight, 0.3);
}

void TstSession::strategyAndLabels()
{
    QUndoStack *undo = m_session->undoStack();
    undo->push(new SetStrategyCommand(m_session.get(), QStringLiteral("Low"), QStringLiteral("Win back")));
    settle();
    QCOMPARE(m_session->results()->segments[0].strategy, std::string("Win back"));
    undo->push(new SetLabelsCommand(m_session.get(), {QStringLiteral("Bronze"), QStringLiteral("Silver"),
                                                      QStringLiteral("Gold"), QStringLiteral("Platinum")}));
    settle();
    QCOMPARE(m_session->results()->segments[0].label, std::string("Bronze"));
    QCOMPARE(m_session->results()->segments[0].strategy, std::string("Win back")); // renamed in place
    undo->push(new SetBinsCommand(m_session.get(), 5));
    settle();
    QCOMPARE(m_session->results()->segments.size(), size_t(5));
    undo->undo();
    undo->undo();
    undo->undo();
    settle();
    QCOMPARE(m_session->results()->segments[0].label, std::string("Low"));
    QCOMPARE(m_session->results()->segments[0].strategy, std::string("Develop"));
}

void TstSession::whatIfBaseline()
{
    MigrationModel migration(m_session.get());
    ShiftModel shift(m_session.get());
    QAbstractItemModelTester t1(&migration, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(&shift, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(migration.rowCount(), 0);
    m_session->setBaseline();
    QCOMPARE(migration.rowCount(), 5); // four segments and "(none)"
    QCOMPARE(m_session->comparison()->changed, size_t(0));
    m_session->undoStack()->push(new SetWeightCommand(m_session.get(), 0, 0, 0.8));
    settle();
    const auto &c = *m_session->comparison();
    size_t total = 0, offDiagonal = 0;
    for (size_t i = 0; i < c.moved.size(); ++i)
        for (size_t j = 0; j < c.moved[i].size(); ++j) {
            total += c.moved[i][j];
            offDiagonal += i == j ? 0 : c.moved[i][j];
        }
    QCOMPARE(total, size_t(3000));
    QCOMPARE(offDiagonal, c.changed);
    QVERIFY(c.changed > 0);
    // the shift table's changes add up to zero customers
    long long sum = 0;
    for (int r = 0; r < shift.rowCount(); ++r)
        sum += shift.index(r, ShiftModel::CountChange).data(Qt::EditRole).toLongLong();
    QCOMPARE(sum, 0LL);
    // revert to baseline: the weights come back and nobody has moved
    m_session->undoStack()->push(new RevertToBaselineCommand(m_session.get(), *m_session->baselineProject()));
    settle();
    QCOMPARE(m_session->project().scores[0].items[0].weight, 0.5);
    QCOMPARE(m_session->comparison()->changed, size_t(0));
}

void TstSession::badParametersKeepLastResults()
{
    QSignalSpy failed(m_session.get(), &AnalysisSession::computeFailed);
    m_session->undoStack()->push(new SetValueParameterCommand(m_session.get(), *vs::findValueParameter("cvb_reference"), QStringLiteral("nobody")));
    settle(); // the profit model ignores the reference: good results
    const auto before = m_session->results();
    m_session->undoStack()->push(new SetValueModelCommand(m_session.get(), QStringLiteral("discounted_revenue")));
    QVERIFY(!QCoro::waitFor(m_session->waitForResults()));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("'nobody'")));
    QCOMPARE(m_session->results(), before); // the views keep showing the last good results
}

void TstSession::saveAndReopen()
{
    QTemporaryDir dir;
    m_session->undoStack()->push(new SetWeightCommand(m_session.get(), 0, 0, 0.8));
    settle();
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    QString error;
    QVERIFY2(m_session->saveProject(path, &error), qPrintable(error));
    QVERIFY(!m_session->isModified());
    const auto counts1 = counts();
    AnalysisSession other;
    QVERIFY(QCoro::waitFor(other.openProject(path)));
    QCOMPARE(other.project().scores[0].items[0].weight, 0.8);
    std::vector<size_t> counts2;
    for (const auto &s : other.results()->segments)
        if (s.count)
            counts2.push_back(s.count);
    QCOMPARE(counts2, counts1);
    // the data file is referred to relative to the project
    QVERIFY(!QDir::isAbsolutePath(QString::fromStdString(other.project().source.path)));
}

void TstSession::baselineIsSavedWithTheProject()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("what-if.json"));
    QString error;
    QVERIFY(m_session->saveProject(path, &error));
    QVERIFY(!m_session->isModified());
    m_session->setBaseline();
    QVERIFY(m_session->isModified()); // a baseline is part of the project
    m_session->undoStack()->push(new SetWeightCommand(m_session.get(), 0, 0, 0.8));
    settle();
    const auto moved = m_session->comparison()->moved;
    QVERIFY(m_session->comparison()->changed > 0);
    QVERIFY(m_session->saveProject(path, &error));
    QVERIFY(!m_session->isModified());

    AnalysisSession other;
    QVERIFY(QCoro::waitFor(other.openProject(path)));
    QVERIFY(other.baseline());
    QCOMPARE(other.baselineProject()->scores[0].items[0].weight, 0.5);
    QCOMPARE(other.project().scores[0].items[0].weight, 0.8);
    QVERIFY(!other.project().baseline); // the baseline lives beside the project, not inside its undo history
    QCOMPARE(other.comparison()->moved, moved);
    QVERIFY(!other.isModified());
    // clearing it is a change to save, and the saved file then has none
    other.clearBaseline();
    QVERIFY(other.isModified());
    QVERIFY(other.saveProject(path, &error));
    AnalysisSession third;
    QVERIFY(QCoro::waitFor(third.openProject(path)));
    QVERIFY(!third.baseline());
    QVERIFY(!third.comparison());
}


// In Chinese the window opens the sample with Chinese segment names, strategies and score names;
// the figures are those of the English sample, customer by customer.
void TstSession::chineseSampleSameFigures()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    const QString chinese = sampleProjectPath();
    QLocale::setDefault(QLocale(QLocale::English));
    const QString english = sampleProjectPath();
    QLocale::setDefault(before);
    QVERIFY2(chinese.endsWith(QLatin1String("sample.zh_CN.valuescope.json")), qPrintable(chinese));
    QVERIFY2(english.endsWith(QLatin1String("/sample.valuescope.json")), qPrintable(english));

    AnalysisSession zh, en;
    QVERIFY(QCoro::waitFor(zh.openProject(chinese)));
    QVERIFY(QCoro::waitFor(en.openProject(english)));
    QTRY_VERIFY(zh.results() && en.results() && !zh.isBusy() && !en.isBusy());
    QCOMPARE(zh.project().segments.labels, (std::vector<std::string>{"低", "中", "高", "很高"}));
    QCOMPARE(zh.project().segments.strategyFor("低"), std::string("培育"));
    QCOMPARE(zh.project().scores.front().name, std::string("满意度"));
    QCOMPARE(zh.results()->value, en.results()->value);
    QCOMPARE(zh.results()->segment, en.results()->segment);
    QCOMPARE(zh.results()->scores.size(), en.results()->scores.size());
    for (size_t i = 0; i < zh.results()->scores.size(); ++i)
        QCOMPARE(zh.results()->scores[i].values, en.results()->scores[i].values);
}

QTEST_MAIN(TstSession)
#include "tst_session.moc"
