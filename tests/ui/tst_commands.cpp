// The undo commands that carry a rule of editing (core/project/edits.h) do what a user sees:
// the results follow, and undo brings everything back. Also: every text of core's vocabularies
// (roles, models, parameters, segment methods, chart kinds) has its Simplified Chinese, and the
// statistics and preview models pass QAbstractItemModelTester.
#include "core/domain/charts.h"
#include "core/domain/models.h"
#include "core/domain/roles.h"
#include "core/domain/segment_methods.h"
#include "core/io/readers.h"
#include "ui/AnalysisSession.h"
#include "ui/MainWindow.h"
#include "ui/ParametersPanel.h"
#include "ui/WhatIfPanel.h"
#include <QPushButton>
#include "ui/models/CustomerTableModel.h"
#include "core/messages.h"
#include "ui/commands/ProjectCommands.h"
#include "ui/models/ScenarioModels.h"
#include "ui/models/TablePreviewModel.h"
#include "ui/report/Report.h"

#include <QAbstractItemModelTester>
#include <QCoroTask>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUndoStack>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>

class TstCommands : public QObject {
    Q_OBJECT
private slots:
    void init();
    void removeScore();
    void renameScore();
    void addIndicator();
    void setNormalisation();
    void segmentMethodThresholdsMoveNobody();
    void statisticsAndPreviewModels();
    void everyVocabularyTextIsTranslated();
    void reportIsWrittenPageByPageAndCanBeCancelled();
    void defaultsInTheInterfaceLanguage();
    void segmentCountSaysWhatHappened();
    void warningsDialogListsEveryWarning();
    void emptyColumnsSayWhy();
    void whatIfSaysWhyNobodyMovedAndFixesIt();
    void emptyScoresSayHowToAddOne();

private:
    void settle() { QVERIFY(QCoro::waitFor(m_session->waitForResults())); }
    void push(QUndoCommand *c)
    {
        m_session->undoStack()->push(c);
        settle();
    }
    void undo()
    {
        m_session->undoStack()->undo();
        settle();
    }
    // the first customer's cells, straight from the sample file
    static QStringList firstCustomer(QStringList *header);
    std::unique_ptr<AnalysisSession> m_session;
};

void TstCommands::init()
{
    m_session = std::make_unique<AnalysisSession>();
    QVERIFY(QCoro::waitFor(m_session->openProject(QStringLiteral(VS_RESOURCES "/sample/sample.valuescope.json"))));
}

QStringList TstCommands::firstCustomer(QStringList *header)
{
    QFile f(QStringLiteral(VS_RESOURCES "/sample/customers.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    *header = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(','));
    return QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(','));
}

void TstCommands::removeScore()
{
    push(new SetSegmentByCommand(m_session.get(), QStringLiteral("loyalty")));
    push(new SetValueModelCommand(m_session.get(), QStringLiteral("weighted_score"), QStringLiteral("loyalty")));
    QCOMPARE(m_session->results()->segmentBy, std::string("loyalty"));
    push(new RemoveScoreCommand(m_session.get(), 1));
    const auto &p = m_session->project();
    QCOMPARE(p.scores.size(), size_t(1));
    QCOMPARE(p.segments.by, std::string("value"));
    QCOMPARE(p.value.model, std::string("profit"));
    QVERIFY(!m_session->results()->column("loyalty"));
    QCOMPARE(m_session->results()->segmentBy, std::string("value"));
    QVERIFY(m_session->lastError().isEmpty());
    undo();
    QCOMPARE(m_session->project().scores.size(), size_t(2));
    QCOMPARE(m_session->results()->segmentBy, std::string("loyalty"));
    QVERIFY(m_session->results()->column("loyalty"));
}

void TstCommands::renameScore()
{
    push(new SetSegmentByCommand(m_session.get(), QStringLiteral("satisfaction")));
    const std::vector<double> before = *m_session->results()->column("satisfaction");
    push(new RenameScoreCommand(m_session.get(), 0, QStringLiteral("满意度")));
    QCOMPARE(m_session->project().segments.by, std::string("满意度"));
    QCOMPARE(m_session->results()->segmentBy, std::string("满意度"));
    QVERIFY(!m_session->results()->column("satisfaction"));
    QCOMPARE(*m_session->results()->column("满意度"), before);
    undo();
    QCOMPARE(*m_session->results()->column("satisfaction"), before);
}

void TstCommands::addIndicator()
{
    // satisfaction = (0.5 q_product + 0.3 q_service + 0.2 q_delivery + 1.0 referrals) / 4 after the edit
    QStringList header;
    const QStringList row = firstCustomer(&header);
    auto cell = [&](const char *name) { return row[header.indexOf(QLatin1String(name))].toDouble(); };
    push(new AddIndicatorCommand(m_session.get(), 0, QStringLiteral("referrals"), 1.0));
    QCOMPARE(m_session->project().scores[0].items.size(), size_t(4));
    const double expected =
        (0.5 * cell("q_product") + 0.3 * cell("q_service") + 0.2 * cell("q_delivery") + 1.0 * cell("referrals")) / 4;
    QCOMPARE(m_session->results()->column("satisfaction")->front(), expected);
    undo();
    const double three = (0.5 * cell("q_product") + 0.3 * cell("q_service") + 0.2 * cell("q_delivery")) / 3;
    QCOMPARE(m_session->results()->column("satisfaction")->front(), three);
}

void TstCommands::setNormalisation()
{
    QStringList header;
    const QStringList row = firstCustomer(&header);
    auto cell = [&](const char *name) { return row[header.indexOf(QLatin1String(name))].toDouble(); };
    push(new SetNormalizationCommand(m_session.get(), 0, vs::Normalize::Weights, false));
    const double byWeights = (0.5 * cell("q_product") + 0.3 * cell("q_service") + 0.2 * cell("q_delivery")) / 1.0;
    QCOMPARE(m_session->results()->column("satisfaction")->front(), byWeights);
    QCOMPARE(m_session->project().scores[0].normalize, vs::Normalize::Weights);
    undo();
    QCOMPARE(m_session->project().scores[0].normalize, vs::Normalize::Count);
    QCOMPARE(m_session->results()->column("satisfaction")->front(), byWeights / 3);
}

void TstCommands::segmentMethodThresholdsMoveNobody()
{
    std::vector<size_t> before;
    for (const auto &s : m_session->results()->segments)
        before.push_back(s.count);
    const std::vector<double> quantileEdges = m_session->results()->edges;
    push(new SetSegmentMethodCommand(m_session.get(), QStringLiteral("thresholds")));
    const auto &seg = m_session->project().segments;
    QCOMPARE(seg.method, std::string("thresholds"));
    // the inner edges are the quantile edges the segments had: nobody moved
    QCOMPARE(seg.edges, std::vector<double>(quantileEdges.begin() + 1, quantileEdges.end() - 1));
    std::vector<size_t> after;
    for (const auto &s : m_session->results()->segments)
        after.push_back(s.count);
    QCOMPARE(after, before);
    QVERIFY(m_session->lastError().isEmpty());
    undo();
    QCOMPARE(m_session->project().segments.method, std::string("quantile"));
    QVERIFY(m_session->project().segments.edges.empty());
}

void TstCommands::statisticsAndPreviewModels()
{
    StatsModel stats(m_session.get());
    QAbstractItemModelTester statsTester(&stats, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(stats.rowCount() > 10);
    push(new SetWeightCommand(m_session.get(), 0, 0, 0.9)); // a refresh under the tester
    QCOMPARE(stats.rowCount(), int(m_session->results()->stats.size()));

    TablePreviewModel preview;
    QAbstractItemModelTester previewTester(&preview, QAbstractItemModelTester::FailureReportingMode::Fatal);
    vs::ReadOptions o;
    o.maxRows = 20;
    auto table = vs::readTable(VS_RESOURCES "/sample/customers.csv", o);
    QVERIFY(table.ok());
    preview.setTable(std::make_shared<const vs::Table>(std::move(table->table)));
    QCOMPARE(preview.rowCount(), 20);
    QVERIFY(preview.headerData(0, Qt::Horizontal).toString().startsWith(QLatin1String("customer_id")));
    preview.setTable(nullptr);
    QCOMPARE(preview.rowCount(), 0);
}

void TstCommands::everyVocabularyTextIsTranslated()
{
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")));
    QStringList missing;
    auto check = [&](const char *context, const char *text) {
        if (text && *text && zh.translate(context, text).isEmpty())
            missing << QStringLiteral("%1: %2").arg(QLatin1String(context), QString::fromUtf8(text));
    };
    for (const vs::RoleInfo &r : vs::roles())
        check("roles", r.label);
    for (const vs::ValueModelInfo &m : vs::valueModels())
        check("models", m.label);
    for (const vs::ParameterInfo &p : vs::valueParameters()) {
        for (const char *t : {p.label, p.help, p.suffix, p.placeholder})
            check("parameters", t);
        for (const char *t : p.choiceLabels)
            check("parameters", t);
    }
    for (const vs::SegmentMethodInfo &m : vs::segmentMethods())
        check("segment_methods", m.label);
    for (const vs::ChartKindInfo &k : vs::chartKinds()) {
        check("charts", k.title);
        check("charts", k.unavailable);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
}

namespace {
// QCoro::waitFor needs a result it can default-construct; a Status cannot be one
QCoro::Task<std::optional<vs::Status>> optional(QCoro::Task<vs::Status> task)
{
    co_return co_await std::move(task);
}
vs::Status wait(QCoro::Task<vs::Status> task)
{
    return *QCoro::waitFor(optional(std::move(task)));
}
} // namespace

// The window writes the report a page at a time (the event loop runs between pages); Cancel
// leaves no file behind, and a finished report is a whole PDF.
void TstCommands::reportIsWrittenPageByPageAndCanBeCancelled()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    const charts::Input input{m_session->results(), m_session->comparison()};
    report::Options o;
    o.charts = report::availableCharts(input);
    std::vector<std::pair<int, int>> steps;
    auto stopAtTwo = [&steps](int page, int pages) {
        steps.emplace_back(page, pages);
        return page < 2;
    };
    const vs::Status cancelled = wait(report::writeInSteps(input, m_session->project(), o, path, stopAtTwo));
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().kind, vs::ErrorKind::Cancelled);
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(steps.back().first, 2);

    steps.clear();
    auto all = [&steps](int page, int pages) {
        steps.emplace_back(page, pages);
        return true;
    };
    const vs::Status written = wait(report::writeInSteps(input, m_session->project(), o, path, all));
    QVERIFY2(written.ok(), written.ok() ? "" : written.error().describe().c_str());
    const int pages = report::pageCount(input, m_session->project(), o);
    QVERIFY(pages >= 3);
    QCOMPARE(int(steps.size()), pages + 1); // before each page, and at the end
    QCOMPARE(steps.back(), std::make_pair(pages, pages));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QVERIFY(bytes.trimmed().endsWith("%%EOF"));
}

// The program's own names are created in the interface's language: the CDNOW sample leaves its
// RFM segments out, so in Chinese they come in Chinese, with their strategies; a saved project
// keeps what it says.
void TstCommands::defaultsInTheInterfaceLanguage()
{
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")));
    QCoreApplication::installTranslator(&zh);
    AnalysisSession chinese;
    const bool opened = QCoro::waitFor(chinese.openProject(QStringLiteral(VS_RESOURCES "/sample/cdnow.valuescope.json")));
    QCoreApplication::removeTranslator(&zh);
    QVERIFY(opened);
    const vs::SegmentSpec &seg = chinese.project().segments;
    QCOMPARE(QString::fromStdString(seg.labels.front()), QStringLiteral("冠军客户"));
    QCOMPARE(QString::fromStdString(seg.labels.back()), QStringLiteral("其他"));
    QCOMPARE(QString::fromStdString(seg.strategyFor(seg.labels.back())), QStringLiteral("逐一评估"));
    QCOMPARE(QString::fromStdString(chinese.results()->segments.back().label), QStringLiteral("其他"));
    size_t counted = 0;
    for (const auto &s : chinese.results()->segments)
        counted += s.count;
    QCOMPARE(counted, chinese.results()->rowCount()); // every customer in a named segment
    // the sample project (with its names) stays as written
    QCOMPARE(m_session->project().segments.labels.front(), std::string("Low"));
}

// Five segments instead of four: a ladder of five names, strategies kept for the names that stay,
// and the panel says so.
void TstCommands::segmentCountSaysWhatHappened()
{
    ParametersPanel panel(m_session.get());
    panel.binsSpin()->setValue(5);
    settle();
    const auto &seg = m_session->project().segments;
    QCOMPARE(seg.labels, (std::vector<std::string>{"Very Low", "Low", "Medium", "High", "Very High"}));
    QCOMPARE(seg.strategyFor("Very High"), std::string("Maintain"));
    QCOMPARE(seg.strategyFor("Very Low"), std::string("Develop"));
    QCOMPARE(m_session->results()->segments.size(), size_t(5));
    QVERIFY(!panel.notice()->isHidden());
    QVERIFY2(panel.notice()->text().contains(QLatin1String("New: Very Low")), qPrintable(panel.notice()->text()));
    undo();
    QCOMPARE(m_session->project().segments.labels, vs::defaultLabels(4));
}

void TstCommands::warningsDialogListsEveryWarning()
{
    AnalysisSession session;
    MainWindow w(&session);
    QVERIFY(QCoro::waitFor(session.openProject(QStringLiteral(VS_RESOURCES "/sample/cdnow.valuescope.json"))));
    const QStringList warnings = session.warnings();
    QVERIFY(!warnings.isEmpty());
    auto dialog = w.warningsDialog();
    auto *list = dialog->findChild<QListWidget *>(QStringLiteral("warningsList"));
    QVERIFY(list);
    QCOMPARE(list->count(), int(warnings.size()));
    for (int i = 0; i < list->count(); ++i)
        QCOMPARE(list->item(i)->text(), warnings[i]);
}

// clv_low and clv_high are empty when the fits have no standard errors; the header says why.
void TstCommands::emptyColumnsSayWhy()
{
    auto results = std::make_shared<vs::AnalysisResults>(*m_session->results());
    results->extra.push_back({"clv_low", std::vector<double>(results->rowCount(), vs::kMissing)});
    results->extra.back().emptyBecause = vs::Diagnostic{vs::Msg::NoStandardErrors};
    CustomerTableModel model;
    model.setResults(results);
    int column = -1;
    for (int c = 0; c < model.columnCount(); ++c)
        if (model.headerData(c, Qt::Horizontal, Qt::UserRole).toString() == QLatin1String("clv_low"))
            column = c;
    QVERIFY(column >= 0);
    // shown by its title, exported by its name
    QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), QStringLiteral("CLV, low"));
    const QString tip = model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QString::fromStdString(vs::Diagnostic{vs::Msg::NoStandardErrors}.message())), qPrintable(tip));
    // the customer column is not empty: its tip only names it as exports do
    QCOMPARE(model.headerData(0, Qt::Horizontal, Qt::ToolTipRole).toString(), QStringLiteral("Column \"customer\" in exported files"));
}

// The guide's what-if on the sample: a baseline, a heavier service weight. Segments are by value,
// so nobody moves: the panel says why and its button segments by the score; then the same weight
// edit moves customers.
void TstCommands::whatIfSaysWhyNobodyMovedAndFixesIt()
{
    WhatIfPanel panel(m_session.get());
    m_session->setBaseline();
    push(new SetWeightCommand(m_session.get(), 0, 1, 0.9));
    QCOMPARE(m_session->comparison()->changed, size_t(0));
    QVERIFY(!panel.hint()->isHidden());
    QVERIFY2(panel.hint()->text().contains(QLatin1String("satisfaction")), qPrintable(panel.hint()->text()));
    QVERIFY(!panel.fixButton()->isHidden());
    panel.fixButton()->click();
    settle();
    QCOMPARE(m_session->project().segments.by, std::string("satisfaction"));
    QVERIFY(panel.hint()->isHidden());
    m_session->setBaseline();
    push(new SetWeightCommand(m_session.get(), 0, 1, 0.3));
    QVERIFY(m_session->comparison()->changed > 0); // now the weight moves people
    QVERIFY(panel.hint()->isHidden());
}

void TstCommands::emptyScoresSayHowToAddOne()
{
    ParametersPanel panel(m_session.get());
    auto *hint = panel.findChild<QLabel *>(QStringLiteral("noScores"));
    QVERIFY(hint && hint->isHidden());
    push(new RemoveScoreCommand(m_session.get(), 1));
    push(new RemoveScoreCommand(m_session.get(), 0));
    QVERIFY(!hint->isHidden());
    QVERIFY(hint->text().contains(QLatin1String("Add score")));
    undo();
    QVERIFY(hint->isHidden());
}

QTEST_MAIN(TstCommands)
#include "tst_commands.moc"
