// Issue 19 in the window: the Over time settings are undoable edits (core/project/edits rules
// through ui/commands), a click on a cell of the migration between two dates shows exactly that
// cell's customers, and the two chart kinds draw for --chart and the report.
#include "core/analytics/over_time.h"
#include "core/project/edits.h"
#include "core/table/table.h"
#include "ui/AnalysisSession.h"
#include "ui/MainWindow.h"
#include "ui/OverTimeBox.h"
#include "ui/ParametersPanel.h"
#include "ui/charts/Charts.h"
#include "ui/charts/PeriodMigrationChart.h"
#include "ui/models/CustomerTableModel.h"
#include "ui/report/Report.h"
#include "ui/window/ChartTabs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoroTask>
#include <QDateEdit>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

class TstOverTimeUi : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void settingsAreUndoable();
    void snapshotRuleOrdersTheDates();
    void clickingACellFiltersTheCustomers();
    void chartsAreDrawnAndInTheReport();
    void lapsedColumnAndValuesAreShownAndClickable();

private:
    void settle() { QVERIFY(QCoro::waitFor(m_session->waitForResults())); }
    std::unique_ptr<AnalysisSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TstOverTimeUi::init()
{
    m_session = std::make_unique<AnalysisSession>();
    m_window = std::make_unique<MainWindow>(m_session.get());
    QVERIFY(QCoro::waitFor(m_session->openProject(QStringLiteral(VS_TEST_DATA "/over_time/orders.valuescope.json"))));
    settle();
    QVERIFY(m_session->results() && m_session->results()->overTime);
}

void TstOverTimeUi::cleanup()
{
    m_window.reset();
    m_session.reset();
}

void TstOverTimeUi::settingsAreUndoable()
{
    auto *box = m_window->parametersPanel()->findChild<OverTimeBox *>();
    QVERIFY(box);
    QVERIFY(!box->isHidden()); // order lines
    QVERIFY(box->compareCheck()->isChecked());
    QCOMPARE(box->fromEdit()->date(), QDate(2024, 3, 31));
    QCOMPARE(box->periodCombo()->currentData().toString(), QStringLiteral("quarter"));

    box->periodCombo()->setCurrentIndex(box->periodCombo()->findData(QStringLiteral("month")));
    settle();
    QCOMPARE(m_session->project().cohorts->period, std::string("month"));
    QCOMPARE(m_session->results()->overTime->cohorts->rows.front().cohort, std::string("2023-01"));
    box->compareCheck()->setChecked(false);
    settle();
    QVERIFY(!m_session->project().snapshots);
    QVERIFY(!m_session->results()->overTime->migration);
    QVERIFY(charts::unavailable(QStringLiteral("period_migration"), {m_session->results(), nullptr}).size() > 0);

    m_session->undoStack()->undo();
    settle();
    QVERIFY(m_session->project().snapshots);
    QCOMPARE(m_session->project().snapshots->from, std::string("2024-03-31"));
    QVERIFY(box->compareCheck()->isChecked());
    m_session->undoStack()->undo();
    settle();
    QCOMPARE(m_session->project().cohorts->period, std::string("quarter"));
    QCOMPARE(box->periodCombo()->currentData().toString(), QStringLiteral("quarter"));

    // a new date, through the editor as a user types it
    box->toEdit()->setDate(QDate(2024, 6, 30));
    emit box->toEdit()->editingFinished();
    settle();
    QCOMPARE(m_session->project().snapshots->to, std::string("2024-06-30"));
    QCOMPARE(m_session->results()->overTime->migration->to, std::string("2024-06-30"));
    m_session->undoStack()->undo();
    settle();
    QCOMPARE(m_session->project().snapshots->to, std::string("2024-09-30"));
}

void TstOverTimeUi::snapshotRuleOrdersTheDates()
{
    vs::Project p;
    vs::setSnapshots(p, vs::SnapshotSpec{"2024-09-30", "2024-03-31"});
    QCOMPARE(p.snapshots->from, std::string("2024-03-31"));
    QCOMPARE(p.snapshots->to, std::string("2024-09-30"));
    const vs::SnapshotSpec d = vs::defaultSnapshots(19358, 19723); // 2023-01-01 .. 2023-12-31 (+1)
    QCOMPARE(d.to, vs::formatDate(19723));
    QCOMPARE(d.from, vs::formatDate(19723 - 182));
    QCOMPARE(vs::defaultSnapshots(19700, 19723).from, vs::formatDate(19700)); // not before the first order
}

void TstOverTimeUi::clickingACellFiltersTheCustomers()
{
    PeriodMigrationChart *chart = nullptr;
    ChartTabs *tabs = m_window->chartTabs();
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->kindAt(i) == QLatin1String("period_migration"))
            chart = qobject_cast<PeriodMigrationChart *>(tabs->chartAt(i));
    QVERIFY(chart);
    const vs::PeriodMigration &m = *m_session->results()->overTime->migration;
    // the largest move between two different segments
    int bi = 0, bj = 0;
    for (size_t i = 0; i < m.fromSegments.size(); ++i)
        for (size_t j = 0; j < m.toSegments.size(); ++j)
            if (m.fromSegments[i] != m.toSegments[j] && m.moved[i][j] > m.moved[size_t(bi)][size_t(bj)]) {
                bi = int(i);
                bj = int(j);
            }
    emit chart->cellClicked(bi, bj);
    CustomerTableModel *customers = m_window->customerModel();
    QCOMPARE(size_t(customers->rowCount()), m.moved[size_t(bi)][size_t(bj)]);
    QVERIFY(m_window->segmentFilter()->currentText().contains(QString::fromStdString(m.toSegments[size_t(bj)])));
    // every customer shown is in that cell
    const auto rows = vs::customersInCell(m, bi, bj);
    for (int r = 0; r < customers->rowCount(); ++r) {
        const QString id = customers->data(customers->index(r, 0)).toString();
        bool found = false;
        for (uint32_t c : rows)
            found |= QString::fromUtf8(m_session->results()->data->ids.at(c).data(),
                                       qsizetype(m_session->results()->data->ids.at(c).size())) == id;
        QVERIFY2(found, qPrintable(id));
    }
    // the early warnings are a choice of their own: exactly the valuable customers who fell
    const int warnings = m_window->segmentFilter()->findData(QStringLiteral("warnings"));
    QVERIFY(warnings > 0);
    m_window->segmentFilter()->setCurrentIndex(warnings);
    QCOMPARE(size_t(customers->rowCount()), m_session->results()->overTime->earlyWarnings.size());
    QCOMPARE(m_window->segmentFilter()->findData(QStringLiteral("moved")), -1);
    // choosing "All segments" again shows everyone
    m_window->segmentFilter()->setCurrentIndex(0);
    QCOMPARE(size_t(customers->rowCount()), m_session->results()->rowCount());
    QCOMPARE(m_window->segmentFilter()->findData(QStringLiteral("moved")), -1);
}

void TstOverTimeUi::chartsAreDrawnAndInTheReport()
{
    const charts::Input in{m_session->results(), nullptr};
    QTemporaryDir dir;
    for (const QString kind : {QStringLiteral("period_migration"), QStringLiteral("cohorts")}) {
        QVERIFY2(charts::unavailable(kind, in).isEmpty(), qPrintable(kind));
        const QString path = dir.filePath(kind + QStringLiteral(".png"));
        const vs::Status st = charts::write(in, kind.toStdString(), path.toStdString());
        QVERIFY2(st.ok(), st.ok() ? "" : st.error().describe().c_str());
        QImage img(path);
        QVERIFY(!img.isNull());
        // something is drawn beyond the white page: many distinct colours
        QSet<QRgb> colours;
        for (int y = 0; y < img.height(); y += 7)
            for (int x = 0; x < img.width(); x += 7)
                colours.insert(img.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(kind));
    }
    const QStringList inReport = report::availableCharts(in);
    QVERIFY(inReport.contains(QStringLiteral("period_migration")));
    QVERIFY(inReport.contains(QStringLiteral("cohorts")));
}

// The lapsed customers have a column of their own beside the matrix: a click on it shows the row's
// customers who bought nothing between the dates; the cells show customers or value (a toggle).
void TstOverTimeUi::lapsedColumnAndValuesAreShownAndClickable()
{
    ChartTabs *tabs = m_window->chartTabs();
    int tab = -1;
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->kindAt(i) == QLatin1String("period_migration"))
            tab = i;
    QVERIFY(tab >= 0);
    auto *chart = qobject_cast<PeriodMigrationChart *>(tabs->chartAt(tab));
    m_window->resize(1400, 900);
    m_window->show();
    tabs->setCurrentIndex(tab);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const vs::PeriodMigration &m = *m_session->results()->overTime->migration;
    const int lapsed = vs::lapsedColumn(m);
    // the row with the most lapsed customers
    int row = 0;
    for (size_t i = 0; i < m.lapsedCount.size(); ++i)
        if (m.lapsedCount[i] > m.lapsedCount[size_t(row)])
            row = int(i);
    QVERIFY(m.lapsedCount[size_t(row)] > 10);
    const QPointF at = chart->cellCentre(row, lapsed);
    QCOMPARE(chart->cellAt(at), std::make_pair(row, lapsed));
    // the lapsed column is set apart: right of the last segment's column, not touching it
    QVERIFY(at.x() > chart->cellCentre(row, lapsed - 1).x() + 1.2 * (chart->cellCentre(row, 1).x() - chart->cellCentre(row, 0).x()));
    QCOMPARE(chart->cellText(row, lapsed), QLocale().toString(qulonglong(m.lapsedCount[size_t(row)])));
    // at this size every cell with customers says how many
    for (int i = 0; i < int(m.fromSegments.size()); ++i)
        for (int j = 0; j <= lapsed; ++j) {
            const size_t n = j == lapsed ? m.lapsedCount[size_t(i)] : m.moved[size_t(i)][size_t(j)];
            QCOMPARE(chart->cellText(i, j), n ? QLocale().toString(qulonglong(n)) : QString());
        }
    QTest::mouseClick(chart, Qt::LeftButton, {}, at.toPoint());
    CustomerTableModel *customers = m_window->customerModel();
    QCOMPARE(size_t(customers->rowCount()), m.lapsedCount[size_t(row)]);
    QVERIFY(m_window->segmentFilter()->currentText().contains(QString::fromStdString(m.fromSegments[size_t(row)])));
    // every one shown: in that row on the first date, and no purchase after it
    const auto &ids = m_session->results()->data->ids;
    QSet<QString> expected;
    for (uint32_t c : vs::customersInCell(m, row, lapsed)) {
        QVERIFY(m.lapsed[c] && m.fromIndex[c] == row);
        expected.insert(QString::fromUtf8(ids.at(c).data(), qsizetype(ids.at(c).size())));
    }
    for (int r = 0; r < customers->rowCount(); ++r)
        QVERIFY(expected.contains(customers->data(customers->index(r, 0)).toString()));

    // customers or value: the toggle above the chart
    QComboBox *measure = tabs->migrationMeasure();
    QVERIFY(measure);
    QVERIFY(!chart->showsValue());
    measure->setCurrentIndex(1);
    QVERIFY(chart->showsValue());
    const QString shown = chart->cellText(row, lapsed);
    QVERIFY2(shown == QLocale().toString(qlonglong(std::llround(m.lapsedValue[size_t(row)]))) || shown.endsWith(QLatin1Char('k')),
             qPrintable(shown));
    // a diagonal cell with customers shows their value
    for (size_t i = 0; i + 1 < m.fromSegments.size(); ++i)
        if (m.moved[i][i] && !chart->cellText(int(i), int(i)).isEmpty()) {
            const QString v = chart->cellText(int(i), int(i));
            QVERIFY2(v == QLocale().toString(qlonglong(std::llround(m.movedValue[i][i]))) || v.endsWith(QLatin1Char('k')), qPrintable(v));
            break;
        }
    measure->setCurrentIndex(0);
    QVERIFY(!chart->showsValue());
}

QTEST_MAIN(TstOverTimeUi)
#include "tst_over_time_ui.moc"
