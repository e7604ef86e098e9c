// The item models under QAbstractItemModelTester, fed by the session from the bundled sample.
#include "ui/AnalysisSession.h"
#include "ui/MainWindow.h"
#include "ui/models/CustomerTableModel.h"
#include "ui/models/SegmentTableModel.h"

#include <QAbstractItemModelTester>
#include <QCoroTask>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

class TstModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void customerModel();
    void segmentModel();
    void failedOpenIsReported();
    void windowShowsTheSample();

private:
    AnalysisSession m_session;
};

void TstModels::initTestCase()
{
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

QTEST_MAIN(TstModels)
#include "tst_models.moc"
