// Charts as files and in the window, for order lines (the CDNOW sample project): PNG at the asked
// size, SVG that parses and carries the chart's words as text, PDF whose text can be extracted;
// charts the results cannot feed say why; RFM edits in the window go through undo.
#include "testutil.h"
#include "ui/AnalysisSession.h"
#include "ui/MainWindow.h"
#include "ui/models/HoldoutTableModel.h"
#include "ui/models/CustomerTableModel.h"
#include "ui/window/ChartTabs.h"
#include "ui/ParametersPanel.h"
#include "ui/ExportDialogs.h"
#include "ui/charts/Charts.h"
#include "ui/charts/PlainChart.h"
#include "ui/charts/SegmentChart.h"
#include "ui/charts/ValueCharts.h"
#include "ui/report/Report.h"
#include "ui/charts/ScatterChart.h"
#include "ui/commands/ProjectCommands.h"
#include "ui/models/RfmRulesModel.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QScatterSeries>
#include <QValueAxis>
#include <QXYSeries>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QMimeData>
#include <QCoroTask>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QSpinBox>
#include <QProcess>
#include <QTabWidget>
#include <QToolButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QHelpEvent>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QTranslator>
#include <QScopeGuard>
#include <QUndoStack>
#include <QXmlStreamReader>

class TstCharts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyKindWritesAPngOfTheAskedSize();
    void svgCarriesTheLabelsAsText();
    void pdfTextCanBeExtracted();
    void chartsTheResultsCannotFeedSayWhy();
    void commandLineWritesChartsAndRefusesUnknownKinds();
    void rfmScoringAndRulesAreUndoable();
    void windowShowsTheOrderCharts();
    void bootstrapShowsProgressAndStops();
    void paretoAndHistogramShowTheConcentration();
    void scatterSamplesManyCustomersByTheirSegments();
    void reportHoldsTheSegmentsStrategiesAndCharts();
    void exportDialogsRememberTheChoice();
    void hoveringABarOrTheCurveTellsItsNumbers();
    void reportIsFitToShow();
    void reportKeepsHeadingsWithTheirText_data();
    void reportKeepsHeadingsWithTheirText();

private:
    void settle() { QVERIFY(QCoro::waitFor(m_session->waitForResults())); }
    charts::Input input() const { return {m_session->results(), m_session->comparison()}; }
    QString svgText(const QString &path, bool *ok);
    std::unique_ptr<AnalysisSession> m_session;
    QTemporaryDir m_dir;
};

void TstCharts::initTestCase()
{
    // settings of its own, never the user's
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ValueScopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_charts"));
    QVERIFY(m_dir.isValid());
    m_session = std::make_unique<AnalysisSession>();
    QVERIFY(QCoro::waitFor(m_session->openProject(QStringLiteral(VS_RESOURCES "/sample/cdnow.valuescope.json"))));
    settle();
    QVERIFY(m_session->results());
    QVERIFY(m_session->results()->btyd);
    QVERIFY(m_session->results()->rfm);
}

void TstCharts::everyKindWritesAPngOfTheAskedSize()
{
    m_session->setBaseline(); // the migration chart needs one
    // the charts over time need two snapshot dates and cohorts (issue 19)
    m_session->undoStack()->push(new SetSnapshotsCommand(m_session.get(), vs::SnapshotSpec{"1997-06-30", "1997-09-30"}));
    m_session->undoStack()->push(new SetCohortsCommand(m_session.get(), vs::CohortSpec{}));
    settle();
    for (const QString &kind : charts::kinds()) {
        const QString path = m_dir.filePath(kind + QStringLiteral(".png"));
        const vs::Status st = charts::write(input(), kind.toStdString(), path.toStdString());
        QVERIFY2(st.ok(), st.ok() ? "" : st.error().message().c_str());
        QImage img(path);
        QCOMPARE(img.size(), QSize(1200, 800));
        // something was drawn: not one flat colour
        QSet<QRgb> colours;
        for (int y = 0; y < img.height(); y += 20)
            for (int x = 0; x < img.width(); x += 20)
                colours.insert(img.pixel(x, y));
        QVERIFY2(colours.size() > 5, qPrintable(kind));
    }
    m_session->undoStack()->undo();
    m_session->undoStack()->undo();
    settle();
    std::unique_ptr<QWidget> chart(charts::create(QStringLiteral("p_alive")));
    QVERIFY(charts::show(chart.get(), QStringLiteral("p_alive"), input()).isEmpty());
    const QString big = m_dir.filePath(QStringLiteral("big.png"));
    QVERIFY(charts::save(chart.get(), big, QSize(2400, 1600), 300).ok());
    QImage img(big);
    QCOMPARE(img.size(), QSize(2400, 1600));
    QCOMPARE(img.dotsPerMeterX(), int(std::lround(300 / 0.0254)));
}

QString TstCharts::svgText(const QString &path, bool *ok)
{
    QFile f(path);
    *ok = f.open(QIODevice::ReadOnly);
    QXmlStreamReader xml(&f);
    QString text;
    bool inText = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement())
            inText = xml.name() == QLatin1String("text");
        else if (xml.isCharacters() && inText)
            text += xml.text().toString() + QLatin1Char(' ');
    }
    *ok = *ok && !xml.hasError();
    return text;
}

void TstCharts::svgCarriesTheLabelsAsText()
{
    const QString seg = m_dir.filePath(QStringLiteral("segments.svg"));
    QVERIFY(charts::write(input(), "segments", seg.toStdString()).ok());
    bool ok = false;
    QString text = svgText(seg, &ok);
    QVERIFY2(ok, "the SVG does not parse");
    QVERIFY2(text.contains(QLatin1String("Champions")), qPrintable(text.left(400)));
    QVERIFY(text.contains(QLatin1String("Lost")));
    const QString heat = m_dir.filePath(QStringLiteral("rfm.svg"));
    QVERIFY(charts::write(input(), "rfm_heatmap", heat.toStdString()).ok());
    text = svgText(heat, &ok);
    QVERIFY(ok);
    QVERIFY(text.contains(QLatin1String("recency score R")));
    // the cell of the most recent, most frequent buyers shows its mean spend
    const auto &rfm = *m_session->results()->rfm;
    QVERIFY2(text.contains(QLocale().toString(rfm.cellMeanMonetary[4][4], 'f', 2)), qPrintable(text.left(600)));
}

void TstCharts::pdfTextCanBeExtracted()
{
    const QString pdf = m_dir.filePath(QStringLiteral("holdout.pdf"));
    QVERIFY(charts::write(input(), "holdout", pdf.toStdString()).ok());
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(text.contains(QLatin1String("holdout period")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("predicted")));
}

void TstCharts::chartsTheResultsCannotFeedSayWhy()
{
    AnalysisSession customers;
    QVERIFY(QCoro::waitFor(customers.openProject(QStringLiteral(VS_RESOURCES "/sample/sample.valuescope.json"))));
    QVERIFY(QCoro::waitFor(customers.waitForResults()));
    for (const char *kind : {"rfm_heatmap", "frequency_recency", "p_alive", "holdout"}) {
        const QString path = m_dir.filePath(QStringLiteral("none.png"));
        const vs::Status st = charts::write(charts::Input{customers.results(), {}}, kind, path.toStdString());
        QVERIFY2(!st.ok(), kind);
        QVERIFY(QString::fromStdString(st.error().message()).contains(QLatin1String("cannot be drawn")));
        QVERIFY(!QFile::exists(path));
    }
    const vs::Status bad = charts::write(charts::Input{customers.results(), {}}, "segments", m_dir.filePath("x.gif").toStdString());
    QVERIFY(!bad.ok());
}

void TstCharts::commandLineWritesChartsAndRefusesUnknownKinds()
{
    const QString svg = m_dir.filePath(QStringLiteral("cli-p_alive.svg"));
    QProcess run;
    run.start(QStringLiteral(VS_BINARY), {QStringLiteral("run"), QStringLiteral(VS_RESOURCES "/sample/cdnow.valuescope.json"),
                                          QStringLiteral("--chart"), QStringLiteral("p_alive=") + svg});
    QVERIFY(run.waitForFinished(60000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    bool ok = false;
    QVERIFY(svgText(svg, &ok).contains(QLatin1String("P(alive)")));
    QVERIFY(ok);
    const QString none = m_dir.filePath(QStringLiteral("cli-none.png"));
    run.start(QStringLiteral(VS_BINARY), {QStringLiteral("run"), QStringLiteral(VS_RESOURCES "/sample/cdnow.valuescope.json"),
                                          QStringLiteral("--chart"), QStringLiteral("pie=") + none});
    QVERIFY(run.waitForFinished(60000));
    QCOMPARE(run.exitCode(), 2);
    const QByteArray err = run.readAllStandardError();
    QVERIFY2(err.contains("'pie' is not a chart kind"), err.constData());
    QCOMPARE(err.count('\n'), 1);
    QVERIFY(!QFile::exists(none));
}

void TstCharts::rfmScoringAndRulesAreUndoable()
{
    QUndoStack *stack = m_session->undoStack();
    const auto before = m_session->results();
    const size_t championsBefore = before->segments.front().count;
    // rank-based scoring spreads the ties of frequency over all five scores
    stack->push(new SetValueParameterCommand(m_session.get(), *vs::findValueParameter("rfm_scoring"), QStringLiteral("rank")));
    settle();
    QCOMPARE(m_session->results()->rfm->scoring, std::string("rank"));
    QCOMPARE(m_session->results()->rfm->binScores[1].size(), size_t(5));
    // a stricter first rule: fewer Champions
    RfmRulesModel rules(m_session.get());
    QAbstractItemModelTester tester(&rules);
    QCOMPARE(rules.rowCount(), 10);
    const size_t championsRank = m_session->results()->segments.front().count;
    QVERIFY(!rules.setData(rules.index(0, RfmRulesModel::MTo), 5)); // already 5: no change, no undo step
    QVERIFY(!rules.setData(rules.index(0, RfmRulesModel::RFrom), 9));  // scores are 1-5
    QVERIFY(rules.setData(rules.index(0, RfmRulesModel::Name), QStringLiteral("Best")));
    settle();
    QCOMPARE(m_session->results()->segments.front().label, std::string("Best"));
    QCOMPARE(m_session->results()->segments.front().count, championsRank);
    rules.addRule();
    settle();
    QCOMPARE(rules.rowCount(), 11);
    QCOMPARE(m_session->results()->segments.size(), size_t(12));
    stack->undo(); // the added rule
    stack->undo(); // the name
    stack->undo(); // the scoring
    settle();
    QCOMPARE(rules.rowCount(), 10);
    QCOMPARE(m_session->results()->segments.front().label, std::string("Champions"));
    QCOMPARE(m_session->results()->segments.front().count, championsBefore);
    QCOMPARE(m_session->results()->rfm->scoring, std::string("quantile"));
}

// The CLV interval says what it covers in the column headers; the bootstrap shows its progress
// in the status bar and its Stop button stops it (the delta method's interval, with a warning).
void TstCharts::bootstrapShowsProgressAndStops()
{
    AnalysisSession session;
    MainWindow w(&session);
    QVERIFY(QCoro::waitFor(session.openProject(QStringLiteral(VS_RESOURCES "/sample/cdnow.valuescope.json"))));
    QVERIFY(QCoro::waitFor(session.waitForResults()));
    CustomerTableModel *table = w.customerModel();
    auto headerTip = [&](const char *name) {
        for (int c = 0; c < table->columnCount(); ++c)
            if (table->headerData(c, Qt::Horizontal, Qt::UserRole).toString() == QLatin1String(name))
                return table->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
        return QString();
    };
    QVERIFY2(headerTip("clv_low").contains(QLatin1String("delta method")) &&
                 headerTip("clv_low").contains(QLatin1String("uncertainty of the model parameters only")),
             qPrintable(headerTip("clv_low")));
    QVERIFY(headerTip("clv_high").contains(QLatin1String("delta method")));
    // the bootstrap's resamples and seed are greyed out until the bootstrap is chosen
    QWidget *samplesEditor = w.parametersPanel()->parameterEditor("bootstrap_samples");
    QWidget *seedEditor = w.parametersPanel()->parameterEditor("bootstrap_seed");
    QVERIFY(samplesEditor && seedEditor);
    QVERIFY(!samplesEditor->isEnabled() && !seedEditor->isEnabled());
    // the bootstrap: the bar counts the resamples, the Stop button appears and stops it
    QToolButton *stop = w.findChild<QToolButton *>(QStringLiteral("stopLongStep"));
    QVERIFY(stop && stop->text() == QLatin1String("Stop"));
    QList<double> seen;
    bool clickOnce = true;
    connect(&session, &AnalysisSession::longStepProgress, &w, [&](double f) {
        seen << f;
        if (seen.size() == 2 && clickOnce) {
            clickOnce = false;
            QVERIFY(!stop->isHidden());
            stop->click();
        }
    });
    session.undoStack()->push(new SetValueParameterCommand(&session, *vs::findValueParameter("clv_interval"), QStringLiteral("bootstrap")));
    QVERIFY(samplesEditor->isEnabled() && seedEditor->isEnabled());
    QVERIFY(QCoro::waitFor(session.waitForResults()));
    QVERIFY(seen.size() >= 2 && seen.size() < 200);
    QVERIFY(stop->isHidden()); // gone with the computation
    bool stopped = false;
    for (const vs::Diagnostic &d : session.results()->warnings)
        stopped |= d.code == vs::Msg::BootstrapStopped;
    QVERIFY(stopped);
    QVERIFY(headerTip("clv_low").contains(QLatin1String("delta method")));
    // run to the end: the header names the bootstrap
    seen.clear();
    session.undoStack()->push(new SetValueParameterCommand(&session, *vs::findValueParameter("bootstrap_samples"), QStringLiteral("30")));
    QVERIFY(QCoro::waitFor(session.waitForResults()));
    QCOMPARE(seen.size(), 30);
    QCOMPARE(seen.last(), 1.0);
    QVERIFY2(headerTip("clv_low").contains(QLatin1String("percentile bootstrap interval from 30 resamples")), qPrintable(headerTip("clv_low")));
}

void TstCharts::windowShowsTheOrderCharts()
{
    AnalysisSession session;
    MainWindow w(&session);
    QVERIFY(QCoro::waitFor(w.session()->openProject(QStringLiteral(VS_RESOURCES "/sample/cdnow.valuescope.json"))));
    QVERIFY(QCoro::waitFor(w.session()->waitForResults()));
    QTabWidget *tabs = w.chartTabs();
    QCOMPARE(tabs->count(), int(charts::kinds().size()));
    const int migration = int(charts::kinds().indexOf(QStringLiteral("migration")));
    // every chart but the migration against a baseline and the two over time (issue 19), which
    // need their settings
    const QStringList later = {QStringLiteral("migration"), QStringLiteral("period_migration"), QStringLiteral("cohorts")};
    for (int i = 0; i < tabs->count(); ++i)
        QVERIFY2(tabs->isTabVisible(i) == !later.contains(charts::kinds()[i]), qPrintable(tabs->tabText(i)));
    // the migration chart appears with a baseline
    w.session()->setBaseline();
    QVERIFY(tabs->isTabVisible(migration));
    // Edit > Copy Chart puts the chart on screen on the clipboard, as a picture and as SVG
    tabs->setCurrentIndex(0);
    w.copyCurrentChart();
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime && mime->hasImage());
    QCOMPARE(qvariant_cast<QImage>(mime->imageData()).size(), QSize(1200, 800));
    QVERIFY(mime->data(QStringLiteral("image/svg+xml")).contains("Champions"));
    // the holdout check is also a table, with the summary's numbers
    HoldoutTableModel *holdout = w.chartTabs()->holdoutModel();
    QAbstractItemModelTester tester(holdout, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(w.chartTabs()->holdoutTable()->model(), static_cast<QAbstractItemModel *>(holdout));
    const auto &rows = w.session()->results()->btyd->holdout;
    QCOMPARE(holdout->rowCount(), int(rows.size()));
    QCOMPARE(holdout->index(0, 1).data().toString(), QLocale().toString(qulonglong(rows[0].customers)));
    QCOMPARE(holdout->index(7, 0).data().toString(), QStringLiteral("7+"));
    QCOMPARE(holdout->index(3, 3).data().toString(), QLocale().toString(rows[3].predicted, 'f', 3));
    // the quintile edges are there for the user to read
    auto *panel = w.findChild<ParametersPanel *>();
    QVERIFY(panel);
    QVERIFY(panel->rfmThresholds()->text().contains(QLatin1String("Recency")));
    // the RFM-scores choice offers the R package's scoring in a marketer's words; choosing it rescores
    QComboBox *scoring = panel->rfmScoringCombo();
    QVERIFY(scoring);
    QCOMPARE(scoring->count(), 3);
    QCOMPARE(scoring->itemText(2), QStringLiteral("As the R package rfm scores (the same scores as in R)"));
    scoring->setCurrentIndex(2);
    QVERIFY(QCoro::waitFor(w.session()->waitForResults()));
    QCOMPARE(w.session()->project().value.rfmScoring, std::string("rfm"));
    QCOMPARE(w.session()->results()->rfm->scoring, std::string("rfm"));
    // a customer table project has no order charts
    QVERIFY(QCoro::waitFor(w.session()->openProject(QStringLiteral(VS_RESOURCES "/sample/sample.valuescope.json"))));
    QVERIFY(QCoro::waitFor(w.session()->waitForResults()));
    const QStringList always = {QStringLiteral("segments"), QStringLiteral("histogram"), QStringLiteral("pareto"),
                                QStringLiteral("scatter"), QStringLiteral("statistics")};
    for (int i = 0; i < tabs->count(); ++i) {
        const QString kind = w.chartTabs()->kindAt(i);
        QCOMPARE(tabs->isTabVisible(i), always.contains(kind));
    }
}

void TstCharts::paretoAndHistogramShowTheConcentration()
{
    AnalysisSession customers;
    QVERIFY(QCoro::waitFor(customers.openProject(QStringLiteral(VS_RESOURCES "/sample/sample.valuescope.json"))));
    QVERIFY(QCoro::waitFor(customers.waitForResults()));
    const auto r = customers.results();
    QVERIFY(r->concentration);
    // the figures the user reads are written on the chart
    const QString svg = m_dir.filePath(QStringLiteral("pareto.svg"));
    QVERIFY(charts::write(charts::Input{r, {}}, "pareto", svg.toStdString()).ok());
    bool ok = false;
    const QString text = svgText(svg, &ok);
    QVERIFY(ok);
    QVERIFY2(text.contains(QLocale().toString(100 * r->concentration->top20Share, 'f', 1)), qPrintable(text.left(300)));
    QVERIFY(text.contains(QLocale().toString(r->concentration->gini, 'f', 3)));
    const QString png = m_dir.filePath(QStringLiteral("histogram.png"));
    QVERIFY(charts::write(charts::Input{r, {}}, "histogram", png.toStdString()).ok());
    QCOMPARE(QImage(png).size(), QSize(1200, 800));

    // some customers of the sample are worth less than nothing: the curve still keeps within
    // 0-100 %, on an axis from 0 to 100 %, and the note says what happened to them
    QVERIFY(r->concentration->hasNegative);
    std::unique_ptr<QWidget> owner(charts::create(QStringLiteral("pareto")));
    auto *pareto = qobject_cast<PlainChart *>(owner.get());
    QVERIFY(pareto && charts::show(pareto, QStringLiteral("pareto"), {r, {}}).isEmpty());
    auto *axis = qobject_cast<QValueAxis *>(pareto->chart()->axes(Qt::Vertical).front());
    QVERIFY(axis);
    QCOMPARE(axis->min(), 0.0);
    QCOMPARE(axis->max(), 100.0);
    for (QAbstractSeries *series : pareto->chart()->series())
        for (const QPointF &pt : static_cast<QXYSeries *>(series)->points())
            QVERIFY2(pt.y() >= 0 && pt.y() <= 100, qPrintable(QString::number(pt.y())));
    QVERIFY2(pareto->note().contains(QLocale().toString(qulonglong(r->concentration->negativeCount))), qPrintable(pareto->note()));
    QVERIFY(pareto->note().contains(QLocale().toString(100 * r->concentration->top20Share, 'f', 1))); // of the net total
    QVERIFY(pareto->title().contains(QLocale().toString(100 * r->concentration->top20PositiveShare, 'f', 1)));

    // predictive CLV is skewed: the distribution is drawn on a log scale, and says so
    std::unique_ptr<QWidget> histogram(charts::create(QStringLiteral("histogram")));
    QVERIFY(charts::show(histogram.get(), QStringLiteral("histogram"), input()).isEmpty());
    QVERIFY(static_cast<HistogramChart *>(histogram.get())->logScale());
    QVERIFY(static_cast<PlainChart *>(histogram.get())->note().contains(QLatin1String("Log scale")));
}

void TstCharts::scatterSamplesManyCustomersByTheirSegments()
{
    // 200,000 customers: value = 2 * score + segment (so every point tells its own row)
    auto r = std::make_shared<vs::AnalysisResults>();
    const size_t n = 200000;
    auto data = std::make_shared<vs::PreparedData>();
    vs::NamedValues score{"loyalty", {}, false};
    for (size_t i = 0; i < n; ++i) {
        data->ids.push_back("C" + std::to_string(i));
        score.values.push_back(double(i));
        r->segment.push_back(int(i % 3));
        r->value.push_back(2.0 * double(i) + double(i % 3));
    }
    r->value[7] = NAN; // customers without a value are not drawn
    r->data = data;
    r->scores.push_back(score);
    for (const char *label : {"Bronze", "Silver", "Gold"})
        r->segments.push_back(vs::SegmentRow{label, "", n / 3, 0, 0, 0});
    auto *chart = qobject_cast<ScatterChart *>(charts::create(QStringLiteral("scatter")));
    std::unique_ptr<QWidget> owner(chart);
    QVERIFY(chart);
    QVERIFY(charts::show(chart, QStringLiteral("scatter"), {r, {}}).isEmpty());
    QCOMPARE(chart->xMeasure(), QStringLiteral("loyalty"));
    QCOMPARE(chart->yMeasure(), QStringLiteral("value"));
    QChart *c = chart->view()->chart();
    const QString title = static_cast<PlainChart *>(chart->view())->title();
    QVERIFY2(title.contains(QLatin1String("sample")), qPrintable(title));
    QVERIFY(title.contains(QLocale().toString(qulonglong(n - 1))));
    // the legend: one entry per segment, in the segments' colours
    QStringList names;
    for (QAbstractSeries *s : c->series())
        names << s->name();
    QCOMPARE(names, (QStringList{QStringLiteral("Bronze"), QStringLiteral("Silver"), QStringLiteral("Gold")}));
    QSet<qint64> rows;
    for (const ScatterChart::Point &pt : chart->points()) {
        const qint64 row = qint64(pt.at.x());
        QCOMPARE(qint64(pt.row), row);
        QCOMPARE(pt.at.y(), 2.0 * double(row) + double(row % 3)); // the customer's own value
        QCOMPARE(names.at(pt.series), QString::fromStdString(r->segments[size_t(row % 3)].label)); // its segment's colour
        QVERIFY(row != 7);
        rows.insert(row);
    }
    QCOMPARE(chart->points().size(), ScatterChart::kMaxPoints);
    QCOMPARE(size_t(rows.size()), ScatterChart::kMaxPoints); // no customer twice
    // spread over the whole range, not the first rows of the file
    QVERIFY(*std::max_element(rows.begin(), rows.end()) > qint64(n * 9 / 10));
    QVERIFY(*std::min_element(rows.begin(), rows.end()) < qint64(n / 10));
    // the same results give the same picture
    std::vector<size_t> first;
    for (const ScatterChart::Point &pt : chart->points())
        first.push_back(pt.row);
    QVERIFY(charts::show(chart, QStringLiteral("scatter"), {r, {}}).isEmpty());
    std::vector<size_t> again;
    for (const ScatterChart::Point &pt : chart->points())
        again.push_back(pt.row);
    QCOMPARE(again, first);
    // and they are on the picture, where the axes put them, in their segment's colour
    chart->resize(900, 600);
    chart->show();
    QVERIFY(QTest::qWaitForWindowExposed(chart));
    const QImage shot = chart->view()->grab().toImage();
    int checked = 0;
    for (const ScatterChart::Point &pt : chart->points()) {
        if (pt.row % 97) // a few hundred of them
            continue;
        const QPointF inChart = c->mapToPosition(pt.at, c->series().at(pt.series));
        const QPoint px = chart->view()->mapFromScene(c->mapToScene(inChart));
        const QColor seen = shot.pixelColor(px * shot.devicePixelRatio());
        QVERIFY2(seen != Qt::white, qPrintable(QStringLiteral("row %1 at %2,%3").arg(pt.row).arg(px.x()).arg(px.y())));
        ++checked;
    }
    QVERIFY(checked > 20);
    // two scores: the axes follow the choice
    chart->setAxes(QStringLiteral("value"), QStringLiteral("loyalty"));
    QCOMPARE(chart->view()->chart()->axes(Qt::Horizontal).front()->titleText(), QStringLiteral("Value"));
}

void TstCharts::reportHoldsTheSegmentsStrategiesAndCharts()
{
    // the sample with Chinese labels and strategies, and a baseline, written by the command line
    QFile src(QStringLiteral(VS_RESOURCES "/sample/sample.valuescope.json"));
    QVERIFY(src.open(QIODevice::ReadOnly));
    nlohmann::json j = nlohmann::json::parse(src.readAll().toStdString());
    j["source"]["path"] = VS_RESOURCES "/sample/customers.csv";
    j["segments"]["labels"] = {"低价值", "中价值", "高价值", "重要价值"};
    j["segments"]["strategies"] = {{"低价值", "发展"}, {"中价值", "保持"}, {"高价值", "维持关系"}, {"重要价值", "重点维护"}};
    j["baseline"] = {{"segments", {{"by", "satisfaction"}, {"bins", 3}, {"labels", {"Unhappy", "Neutral", "Happy"}}}}};
    const QString project = m_dir.filePath(QStringLiteral("report-project.json"));
    QFile out(project);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QByteArray::fromStdString(j.dump()));
    out.close();
    const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
    QProcess run;
    run.start(QStringLiteral(VS_BINARY), {QStringLiteral("run"), project, QStringLiteral("--report"), pdf,
                                          QStringLiteral("--summary"), m_dir.filePath(QStringLiteral("report-summary.json"))});
    QVERIFY(run.waitForFinished(60000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());

    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {pdf});
    QVERIFY(info.waitForFinished(30000));
    const QString meta = QString::fromUtf8(info.readAllStandardOutput());
    QVERIFY2(meta.contains(QLatin1String("(A4)")), qPrintable(meta));
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    const QString all = QString::fromUtf8(text.readAllStandardOutput());
    const QStringList pages = all.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    QVERIFY2(pages.size() >= 3, qPrintable(meta));
    // every segment with its count as the summary has it, and with its strategy
    const nlohmann::json summary = testutil::loadJson(m_dir.filePath(QStringLiteral("report-summary.json")).toStdString());
    const QStringList lines = all.split(QLatin1Char('\n'));
    for (const auto &[label, strategy] : j["segments"]["strategies"].items()) {
        const QString l = QString::fromStdString(label), s = QString::fromStdString(strategy.get<std::string>());
        const QString count = QLocale().toString(summary["segments"][label]["count"].get<qulonglong>());
        bool counted = false, planned = false;
        for (const QString &line : lines) {
            counted = counted || (line.contains(l) && line.contains(count));
            planned = planned || (line.contains(l) && line.contains(s));
        }
        QVERIFY2(counted, qPrintable(l + QStringLiteral(" with ") + count));
        QVERIFY2(planned, qPrintable(l + QStringLiteral(" with ") + s));
    }
    // the model, the parameters, the statistics and the charts (as text: they are vector drawings)
    for (const QString &needle : {QStringLiteral("Profit: revenue − cost"), QStringLiteral("q_product"), QStringLiteral("Descriptive statistics"),
                                  QStringLiteral("Customers and value by segment"), QStringLiteral("Gini"),
                                  QStringLiteral("Happy"), QStringLiteral("customers.csv")})
        QVERIFY2(all.contains(needle), qPrintable(needle));
    // pages are numbered, and every page keeps within A4
    QVERIFY(all.contains(QStringLiteral("Page %1 of %1").arg(pages.size())));

    // a report is a PDF: anything else is refused before anything is written
    QProcess bad;
    bad.start(QStringLiteral(VS_BINARY), {QStringLiteral("run"), project, QStringLiteral("--report"), m_dir.filePath(QStringLiteral("r.docx"))});
    QVERIFY(bad.waitForFinished(60000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("r.docx"))));
}

void TstCharts::exportDialogsRememberTheChoice()
{
    QSettings().remove(QStringLiteral("report"));
    QSettings().remove(QStringLiteral("chartExport"));
    const QStringList available = {QStringLiteral("segments"), QStringLiteral("pareto"), QStringLiteral("scatter")};
    {
        ReportDialog d(available, QStringLiteral("Q3"));
        QCOMPARE(d.charts(), available); // all ticked at first
        auto *list = d.findChild<QListWidget *>(QStringLiteral("reportCharts"));
        QVERIFY(list);
        QCOMPARE(list->item(1)->text(), charts::title(QStringLiteral("pareto")));
        list->item(1)->setCheckState(Qt::Unchecked);
        QCOMPARE(d.charts(), (QStringList{QStringLiteral("segments"), QStringLiteral("scatter")}));
        QCOMPARE(d.reportTitle(), QStringLiteral("Q3"));
        d.remember();
    }
    {
        // next time: pareto stays unticked; a kind not offered before is ticked
        ReportDialog d(available + QStringList{QStringLiteral("migration")}, QString());
        QCOMPARE(d.charts(), (QStringList{QStringLiteral("segments"), QStringLiteral("scatter"), QStringLiteral("migration")}));
    }
    {
        ChartExportDialog d;
        QCOMPARE(d.pixelSize(), QSize(1200, 800));
        QCOMPARE(d.dpi(), 150);
        auto *preset = d.findChild<QComboBox *>();
        preset->setCurrentIndex(1); // a 16:9 slide
        QCOMPARE(d.pixelSize(), QSize(1920, 1080));
        d.findChild<QSpinBox *>(QStringLiteral("dpi"))->setValue(200);
        QCOMPARE(preset->currentIndex(), preset->count() - 1); // "Custom"
        d.remember();
    }
    ChartExportDialog again;
    QCOMPARE(again.pixelSize(), QSize(1920, 1080));
    QCOMPARE(again.dpi(), 200);
    QSettings().remove(QStringLiteral("report"));
    QSettings().remove(QStringLiteral("chartExport"));
}

namespace {
// the pointer moved to a point of a widget, no button pressed, through the window system (so
// that a widget which does not track the mouse hears nothing)
void movePointer(QWidget *w, QPoint at)
{
    QTest::mouseMove(w, at);
    QCoreApplication::processEvents();
}
} // namespace

void TstCharts::hoveringABarOrTheCurveTellsItsNumbers()
{
    const auto r = m_session->results();
    // a segment's row: its name, customers and value
    auto *segments = qobject_cast<SegmentChart *>(charts::create(QStringLiteral("segments")));
    std::unique_ptr<QWidget> own1(segments);
    QVERIFY(segments);
    charts::show(segments, QStringLiteral("segments"), input());
    segments->resize(654, 298);
    segments->show();
    QVERIFY(QTest::qWaitForWindowExposed(segments));
    QPoint onSecond;
    for (int y = 0; y < segments->height() && onSecond.isNull(); ++y)
        if (segments->rowAt(segments->rect(), QPointF(segments->width() / 2.0, y)) == 1)
            onSecond = QPoint(segments->width() / 2, y + 3);
    QVERIFY(!onSecond.isNull());
    movePointer(segments, onSecond);
    QVERIFY(QToolTip::isVisible());
    const vs::SegmentRow &second = r->segments[1];
    QVERIFY2(QToolTip::text().contains(QString::fromStdString(second.label)), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(QLocale().toString(qulonglong(second.count))));
    QVERIFY(QToolTip::text().contains(QLocale().toString(second.totalValue, 'f', 2)));
    QSignalSpy clicked(segments, &SegmentChart::segmentClicked);
    QTest::mouseClick(segments, Qt::LeftButton, Qt::NoModifier, onSecond);
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.front().front().toInt(), 1);
    own1.reset();

    // anywhere over the Pareto curve's plot: the share of value of the top customers up to there
    auto *pareto = qobject_cast<PlainChart *>(charts::create(QStringLiteral("pareto")));
    std::unique_ptr<QWidget> own2(pareto);
    QVERIFY(pareto);
    charts::show(pareto, QStringLiteral("pareto"), input());
    pareto->resize(654, 298);
    pareto->show();
    QVERIFY(QTest::qWaitForWindowExposed(pareto));
    QChart *c = pareto->chart();
    const QPointF inChart = c->mapToPosition(QPointF(50, 10), c->series().front()); // far under the curve
    const QPoint at = pareto->mapFromScene(c->mapToScene(inChart));
    movePointer(pareto->viewport(), at);
    // the pointer rests there: Qt asks for the tooltip (the chart's scene used to hide it then)
    QHelpEvent rest(QEvent::ToolTip, at, pareto->viewport()->mapToGlobal(at));
    QApplication::sendEvent(pareto->viewport(), &rest);
    QVERIFY2(rest.isAccepted(), "the chart's scene answered the tooltip request with nothing: the tooltip goes");
    QVERIFY(QToolTip::isVisible());
    const vs::Concentration &k = *r->concentration;
    const auto it = std::lower_bound(k.customerShare.begin(), k.customerShare.end(), c->mapToValue(inChart, c->series().front()).x() / 100);
    const size_t i = size_t(it - k.customerShare.begin());
    QVERIFY2(QToolTip::text().contains(QLocale().toString(100 * k.valueShare[i], 'f', 1)), qPrintable(QToolTip::text()));
    QToolTip::hideText();
}

void TstCharts::reportIsFitToShow()
{
    // the CDNOW sample (11 RFM segments) against a baseline of value quartiles
    QFile src(QStringLiteral(VS_RESOURCES "/sample/cdnow.valuescope.json"));
    QVERIFY(src.open(QIODevice::ReadOnly));
    nlohmann::json j = nlohmann::json::parse(src.readAll().toStdString());
    j["source"]["path"] = VS_RESOURCES "/sample/cdnow_sample.txt";
    j["baseline"] = {{"segments", {{"by", "value"}, {"method", "quantile"}, {"bins", 4}, {"labels", {"Low", "Medium", "High", "Top"}}}}};
    const QString project = m_dir.filePath(QStringLiteral("cdnow-baseline.valuescope.json"));
    QFile out(project);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QByteArray::fromStdString(j.dump()));
    out.close();

    // however many charts are ticked: a heading is on the page of its table's first row, a
    // header never ends a page, a table never leaves one row alone at the bottom of a page, and
    // no cell (a strategy) takes more than four lines
    AnalysisSession session;
    QVERIFY(QCoro::waitFor(session.openProject(project)));
    QVERIFY(QCoro::waitFor(session.waitForResults()));
    const charts::Input in{session.results(), session.comparison()};
    QVERIFY(in.comparison);
    const QStringList available = report::availableCharts(in);
    bool spansPages = false;
    for (int n : {0, 2, int(available.size())}) { // with two, the statistics' last row was left alone
        report::Options o;
        o.dataPath = QStringLiteral(VS_RESOURCES "/sample/cdnow_sample.txt");
        o.charts = available.mid(0, n);
        const std::vector<report::TableLayout> tables = report::tableLayout(in, session.project(), o);
        QVERIFY(tables.size() >= 7); // data, model, segments, strategies, shifts, matrix, statistics
        for (const report::TableLayout &t : tables) {
            const QString where = QStringLiteral("%1 charts, table \"%2\"").arg(n).arg(t.firstCell);
            const int first = t.headerRows;
            if (int(t.rowPages.size()) <= first)
                continue;
            QVERIFY2(t.introPage < 0 || t.introPage == t.rowPages[size_t(first)], qPrintable(where + QStringLiteral(": its heading ends a page")));
            QVERIFY2(t.rowPages.front() == t.rowPages[size_t(first)], qPrintable(where + QStringLiteral(": its header ends a page")));
            if (int(t.rowPages.size()) > first + 1)
                QVERIFY2(t.rowPages[size_t(first)] == t.rowPages[size_t(first) + 1], qPrintable(where + QStringLiteral(": one row alone")));
            QVERIFY2(t.mostLines <= 4, qPrintable(where + QStringLiteral(": a cell of %1 lines").arg(t.mostLines)));
            spansPages = spansPages || t.rowPages.front() != t.rowPages.back();
        }
    }
    QVERIFY(spansPages); // some table runs over a page break: the rules above were put to work

    // the PDF the command line writes
    const QString pdf = m_dir.filePath(QStringLiteral("cdnow-report.pdf"));
    const QString summaryPath = m_dir.filePath(QStringLiteral("cdnow-summary.json"));
    QProcess run;
    run.start(QStringLiteral(VS_BINARY), {QStringLiteral("run"), project, QStringLiteral("--report"), pdf, QStringLiteral("--summary"), summaryPath});
    QVERIFY(run.waitForFinished(60000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    const QString all = QString::fromUtf8(text.readAllStandardOutput());
    // the title comes from the data; files by their names, never their folders
    QVERIFY2(all.contains(QStringLiteral("Customer value — cdnow_sample")), qPrintable(all.left(300)));
    QVERIFY(all.contains(QStringLiteral("cdnow_sample.txt")) && all.contains(QStringLiteral("cdnow-baseline.valuescope.json")));
    QVERIFY2(!all.contains(QStringLiteral(VS_RESOURCES)) && !all.contains(m_dir.path()), "an absolute path");
    // the migration matrix, with the summary's numbers: a row per baseline segment
    const nlohmann::json summary = testutil::loadJson(summaryPath.toStdString());
    const nlohmann::json &m = summary["migration"];
    QVERIFY(all.contains(QStringLiteral("Baseline → now")));
    const QStringList lines = all.split(QLatin1Char('\n'));
    for (size_t i = 0; i < m["baseline_segments"].size(); ++i) {
        const QString label = QString::fromStdString(m["baseline_segments"][i].get<std::string>());
        QStringList expected;
        for (size_t c = 0; c < m["current_segments"].size(); ++c) {
            const size_t moved = m["moved"][i][c].get<size_t>();
            expected << (moved ? QLocale().toString(qulonglong(moved)) : QStringLiteral("·"));
        }
        bool found = false;
        for (const QString &line : lines)
            if (line.trimmed().startsWith(QStringLiteral("■ ") + label + QLatin1Char(' ')) || line.trimmed() == QStringLiteral("■ ") + label)
                found = found || line.simplified().endsWith(expected.join(QLatin1Char(' ')));
        QVERIFY2(found, qPrintable(label + QStringLiteral(": ") + expected.join(QLatin1Char(' '))));
    }
    // no text under 9 points but the page numbers: every word as high as a 9-point table cell
    QProcess boxes;
    boxes.start(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
    QVERIFY(boxes.waitForFinished(30000));
    const QString html = QString::fromUtf8(boxes.readAllStandardOutput());
    static const QRegularExpression word(QStringLiteral("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>"));
    double nine = 0, smallest = INFINITY;
    QString smallestWord;
    int words = 0;
    for (auto it = word.globalMatch(html); it.hasNext();) {
        const auto w = it.next();
        const double top = w.captured(2).toDouble(), height = w.captured(4).toDouble() - top;
        if (top > 842 - 70) // the footer: the report's title and "Page n of m"
            continue;
        if (!nine && w.captured(5) == QLatin1String("Champions"))
            nine = height; // in the segments table: 9 points
        if (height < smallest)
            smallest = height, smallestWord = w.captured(5);
        ++words;
    }
    QVERIFY(words > 500 && nine > 0);
    QVERIFY2(smallest >= nine * 0.99, qPrintable(QStringLiteral("\"%1\" is %2 high, a 9-point word %3").arg(smallestWord).arg(smallest).arg(nine)));
}

void TstCharts::reportKeepsHeadingsWithTheirText_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<bool>("chinese");
    for (const char *p : {"sample", "cdnow", "cdnow_over_time"})
        for (bool zh : {false, true})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(p), zh ? QStringLiteral("zh") : QStringLiteral("en"))))
                << QString::fromLatin1(p) << zh;
}

// Laid out as the PDF is: no heading is the last thing on a page (its first line of text, table or
// chart follows it on the same page), a table's header has two rows under it, and a strategy
// takes at most two lines with the 11 RFM segments — in English and in Chinese.
void TstCharts::reportKeepsHeadingsWithTheirText()
{
    QFETCH(QString, project);
    QFETCH(bool, chinese);
    QTranslator zh;
    if (chinese) {
        QVERIFY(zh.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")));
        QCoreApplication::installTranslator(&zh);
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    }
    const auto restore = qScopeGuard([&] {
        QCoreApplication::removeTranslator(&zh);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    });
    AnalysisSession session;
    QVERIFY(QCoro::waitFor(session.openProject(QStringLiteral(VS_RESOURCES "/sample/%1.valuescope.json").arg(project))));
    QVERIFY(QCoro::waitFor(session.waitForResults()));
    QVERIFY(session.results());
    const charts::Input in{session.results(), session.comparison()};
    const QStringList available = report::availableCharts(in);
    const QString strategy = QApplication::translate("report", "Strategy");
    bool strategies = false;
    for (int n : {0, 3, int(available.size())}) { // with 3, "Warnings" ended a page
        if (n > int(available.size()))
            continue;
        report::Options o;
        o.dataPath = QStringLiteral("data.csv");
        o.charts = available.mid(0, n);
        const report::Layout layout = report::layout(in, session.project(), o);
        QVERIFY(layout.headings.size() >= 4);
        for (const report::HeadingLayout &h : layout.headings)
            QVERIFY2(h.nextPage < 0 || h.nextPage == h.page,
                     qPrintable(QStringLiteral("%1 charts: \"%2\" ends page %3").arg(n).arg(h.text).arg(h.page + 1)));
        for (const report::TableLayout &t : layout.tables) {
            const QString where = QStringLiteral("%1 charts, table \"%2\"").arg(n).arg(t.firstCell);
            const size_t first = size_t(t.headerRows);
            if (t.rowPages.size() <= first)
                continue;
            QVERIFY2(t.introPage < 0 || t.introPage == t.rowPages[first], qPrintable(where + QStringLiteral(": its heading ends a page")));
            QVERIFY2(t.rowPages.front() == t.rowPages[first], qPrintable(where + QStringLiteral(": its header ends a page")));
            if (t.rowPages.size() > first + 1 && first > 0)
                QVERIFY2(t.rowPages[first] == t.rowPages[first + 1], qPrintable(where + QStringLiteral(": one row under its header")));
            if (t.lastHeader == strategy) {
                strategies = true;
                QVERIFY2(t.mostLines <= 2, qPrintable(where + QStringLiteral(": a strategy of %1 lines").arg(t.mostLines)));
            }
        }
    }
    QVERIFY(strategies);
}

QTEST_MAIN(TstCharts)
#include "tst_charts.moc"
