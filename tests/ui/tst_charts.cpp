// Charts as files and in the window, for order lines (the CDNOW sample project): PNG at the asked
// size, SVG that parses and carries the chart's words as text, PDF whose text can be extracted;
// charts the results cannot feed say why; RFM edits in the window go through undo.
#include "testutil.h"
#include "ui/AnalysisSession.h"
#include "ui/MainWindow.h"
#include "ui/ParametersPanel.h"
#include "ui/charts/Charts.h"
#include "ui/commands/ProjectCommands.h"
#include "ui/models/RfmRulesModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QCoroTask>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QProcess>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
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
    void paretoAndHistogramShowTheConcentration();

private:
    void settle() { QVERIFY(QCoro::waitFor(m_session->waitForResults())); }
    QString svgText(const QString &path, bool *ok);
    std::unique_ptr<AnalysisSession> m_session;
    QTemporaryDir m_dir;
};

void TstCharts::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_session = std::make_unique<AnalysisSession>();
    QVERIFY(QCoro::waitFor(m_session->openProject(QStringLiteral(VS_RESOURCES "/sample/cdnow-project.json"))));
    settle();
    QVERIFY(m_session->results());
    QVERIFY(m_session->results()->btyd);
    QVERIFY(m_session->results()->rfm);
}

void TstCharts::everyKindWritesAPngOfTheAskedSize()
{
    for (const QString &kind : charts::kinds()) {
        const QString path = m_dir.filePath(kind + QStringLiteral(".png"));
        const vs::Status st = charts::write(*m_session->results(), kind.toStdString(), path.toStdString());
        QVERIFY2(st.ok(), st.ok() ? "" : st.error().message.c_str());
        QImage img(path);
        QCOMPARE(img.size(), QSize(1200, 800));
        // something was drawn: not one flat colour
        QSet<QRgb> colours;
        for (int y = 0; y < img.height(); y += 20)
            for (int x = 0; x < img.width(); x += 20)
                colours.insert(img.pixel(x, y));
        QVERIFY2(colours.size() > 5, qPrintable(kind));
    }
    std::unique_ptr<QWidget> chart(charts::create(QStringLiteral("p_alive")));
    QVERIFY(charts::show(chart.get(), QStringLiteral("p_alive"), m_session->results()).isEmpty());
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
    QVERIFY(charts::write(*m_session->results(), "segments", seg.toStdString()).ok());
    bool ok = false;
    QString text = svgText(seg, &ok);
    QVERIFY2(ok, "the SVG does not parse");
    QVERIFY2(text.contains(QLatin1String("Champions")), qPrintable(text.left(400)));
    QVERIFY(text.contains(QLatin1String("Lost")));
    const QString heat = m_dir.filePath(QStringLiteral("rfm.svg"));
    QVERIFY(charts::write(*m_session->results(), "rfm_heatmap", heat.toStdString()).ok());
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
    QVERIFY(charts::write(*m_session->results(), "holdout", pdf.toStdString()).ok());
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
    QVERIFY(QCoro::waitFor(customers.openProject(QStringLiteral(VS_RESOURCES "/sample/sample-project.json"))));
    QVERIFY(QCoro::waitFor(customers.waitForResults()));
    for (const char *kind : {"rfm_heatmap", "frequency_recency", "p_alive", "holdout"}) {
        const QString path = m_dir.filePath(QStringLiteral("none.png"));
        const vs::Status st = charts::write(*customers.results(), kind, path.toStdString());
        QVERIFY2(!st.ok(), kind);
        QVERIFY(QString::fromStdString(st.error().message).contains(QLatin1String("cannot be drawn")));
        QVERIFY(!QFile::exists(path));
    }
    const vs::Status bad = charts::write(*customers.results(), "segments", m_dir.filePath("x.gif").toStdString());
    QVERIFY(!bad.ok());
}

void TstCharts::commandLineWritesChartsAndRefusesUnknownKinds()
{
    const QString svg = m_dir.filePath(QStringLiteral("cli-p_alive.svg"));
    QProcess run;
    run.start(QStringLiteral(VS_BINARY), {QStringLiteral("run"), QStringLiteral(VS_RESOURCES "/sample/cdnow-project.json"),
                                          QStringLiteral("--chart"), QStringLiteral("p_alive=") + svg});
    QVERIFY(run.waitForFinished(60000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    bool ok = false;
    QVERIFY(svgText(svg, &ok).contains(QLatin1String("P(alive)")));
    QVERIFY(ok);
    const QString none = m_dir.filePath(QStringLiteral("cli-none.png"));
    run.start(QStringLiteral(VS_BINARY), {QStringLiteral("run"), QStringLiteral(VS_RESOURCES "/sample/cdnow-project.json"),
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
    stack->push(new SetValueParameterCommand(m_session.get(), SetValueParameterCommand::RfmScoring, QStringLiteral("rank")));
    settle();
    QVERIFY(m_session->results()->rfm->rankBased);
    QCOMPARE(m_session->results()->rfm->binScores[1].size(), size_t(5));
    // a stricter first rule: fewer Champions
    RfmRulesModel rules(m_session.get());
    QAbstractItemModelTester tester(&rules);
    QCOMPARE(rules.rowCount(), 10);
    const size_t championsRank = m_session->results()->segments.front().count;
    QVERIFY(!rules.setData(rules.index(0, RfmRulesModel::MFrom), 5)); // already 5: no change, no undo step
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
    QVERIFY(!m_session->results()->rfm->rankBased);
}

void TstCharts::windowShowsTheOrderCharts()
{
    AnalysisSession session;
    MainWindow w(&session);
    QVERIFY(QCoro::waitFor(w.session()->openProject(QStringLiteral(VS_RESOURCES "/sample/cdnow-project.json"))));
    QVERIFY(QCoro::waitFor(w.session()->waitForResults()));
    QTabWidget *tabs = w.chartTabs();
    QCOMPARE(tabs->count(), int(charts::kinds().size()));
    for (int i = 0; i < tabs->count(); ++i)
        QVERIFY2(tabs->isTabVisible(i), qPrintable(tabs->tabText(i)));
    // the holdout check is also a table, with the summary's numbers
    QTableWidget *holdout = w.holdoutTable();
    const auto &rows = w.session()->results()->btyd->holdout;
    QCOMPARE(holdout->rowCount(), int(rows.size()));
    QCOMPARE(holdout->item(0, 1)->text(), QLocale().toString(qulonglong(rows[0].customers)));
    QCOMPARE(holdout->item(7, 0)->text(), QStringLiteral("7+"));
    QCOMPARE(holdout->item(3, 3)->text(), QLocale().toString(rows[3].predicted, 'f', 3));
    // the quintile edges are there for the user to read
    auto *panel = w.findChild<ParametersPanel *>();
    QVERIFY(panel);
    QVERIFY(panel->rfmThresholds()->text().contains(QLatin1String("Recency")));
    // a customer table project has no order charts
    QVERIFY(QCoro::waitFor(w.session()->openProject(QStringLiteral(VS_RESOURCES "/sample/sample-project.json"))));
    QVERIFY(QCoro::waitFor(w.session()->waitForResults()));
    const QStringList always = {QStringLiteral("segments"), QStringLiteral("histogram"), QStringLiteral("pareto")};
    for (int i = 0; i < tabs->count(); ++i) {
        const QString kind = tabs->widget(i)->property("chartKind").toString();
        QCOMPARE(tabs->isTabVisible(i), always.contains(kind));
    }
}

void TstCharts::paretoAndHistogramShowTheConcentration()
{
    AnalysisSession customers;
    QVERIFY(QCoro::waitFor(customers.openProject(QStringLiteral(VS_RESOURCES "/sample/sample-project.json"))));
    QVERIFY(QCoro::waitFor(customers.waitForResults()));
    const auto r = customers.results();
    QVERIFY(r->concentration);
    // the figures the user reads are written on the chart
    const QString svg = m_dir.filePath(QStringLiteral("pareto.svg"));
    QVERIFY(charts::write(*r, "pareto", svg.toStdString()).ok());
    bool ok = false;
    const QString text = svgText(svg, &ok);
    QVERIFY(ok);
    QVERIFY2(text.contains(QLocale().toString(100 * r->concentration->top20Share, 'f', 1)), qPrintable(text.left(300)));
    QVERIFY(text.contains(QLocale().toString(r->concentration->gini, 'f', 3)));
    const QString png = m_dir.filePath(QStringLiteral("histogram.png"));
    QVERIFY(charts::write(*r, "histogram", png.toStdString()).ok());
    QCOMPARE(QImage(png).size(), QSize(1200, 800));
}

QTEST_MAIN(TstCharts)
#include "tst_charts.moc"
