// What the engine says reaches a Chinese user in Chinese. Every message code of core/messages.h
// has a finished zh_CN translation with the same place holders, in the .qm the program loads; and
// real warnings, from a messy file and from the two samples, and real errors (bad files, wrong
// cells, impossible settings, a bad baseline) come out translated, numbers and names kept.
#include "core/headless/run.h"
#include "core/io/atomic_file.h"
#include "core/io/readers.h"
#include "core/io/typing.h"
#include "testutil.h"
#include "ui/ErrorText.h"
#include "ui/WarningText.h"

#include <QDir>

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

class TstWarnings : public QObject {
    Q_OBJECT
private slots:
    void everyMessageHasItsTranslation();
    void engineWarningsAreTranslated();
    void engineErrorsAreTranslated();
};

namespace {
// %1, %2… of a template
QSet<QString> placeHolders(const QString &text)
{
    static const QRegularExpression ph(QStringLiteral("%(\\d+)"));
    QSet<QString> out;
    for (auto it = ph.globalMatch(text); it.hasNext();)
        out << it.next().captured();
    return out;
}
} // namespace

void TstWarnings::everyMessageHasItsTranslation()
{
    // as ui/gui_main.cpp loads it; only finished translations are compiled into it (ui/CMakeLists.txt)
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")));
    QVERIFY(!vs::allMessages().empty());
    for (const vs::MessageInfo &m : vs::allMessages()) {
        const QString source = QString::fromUtf8(m.text);
        const QString chinese = zh.translate(vs::kMessageContext, m.text);
        QVERIFY2(!chinese.isEmpty() && chinese != source, qPrintable(QStringLiteral("no translation: %1 \"%2\"").arg(QString::fromUtf8(m.key), source)));
        QVERIFY2(placeHolders(chinese) == placeHolders(source), qPrintable(source + QStringLiteral(" → ") + chinese));
    }
}

namespace {
std::vector<vs::Diagnostic> warningsOf(const QString &project, std::string &failure)
{
    double ms = 0;
    auto loaded = vs::loadAnalysis(project.toStdString(), &ms);
    if (!loaded) {
        failure = "load failed: " + loaded.error().describe();
        return {};
    }
    auto r = vs::computeAnalysis(loaded->data, loaded->project);
    if (!r) {
        failure = "compute failed: " + r.error().describe();
        return {};
    }
    std::vector<vs::Diagnostic> out = loaded->readReport.warnings;
    out.insert(out.end(), r->warnings.begin(), r->warnings.end());
    return out;
}
} // namespace

void TstWarnings::engineWarningsAreTranslated()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile csv(dir.filePath(QStringLiteral("messy.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("customer,revenue,cost,lifetime,q1,q2\n"
              "A,100,50,2,5,1\n"
              "B,200,-10,0,5,\n"
              ",50,10,1,5,2\n"
              "A,30,10,1,5,3\n"
              "C,,10,1,5,4\n"
              "D,80,20\n"
              "E,90,20,3,5,5,extra\n");
    csv.close();
    QFile project(dir.filePath(QStringLiteral("messy.valuescope.json")));
    QVERIFY(project.open(QIODevice::WriteOnly));
    project.write(R"({"valuescope": 1,
      "source": {"path": "messy.csv", "columns": {"customer": "customer", "revenue": "revenue", "cost": "cost", "lifetime": "lifetime"}},
      "value": {"model": "profit_per_lifetime"},
      "scores": [{"name": "satisfaction", "normalize": "count", "minmax": true,
                  "items": [{"column": "q1", "weight": 1}, {"column": "q2", "weight": 1}]}]})");
    project.close();

    std::string failure;
    std::vector<vs::Diagnostic> warnings = warningsOf(project.fileName(), failure);
    QVERIFY2(failure.empty(), failure.c_str());
    QVERIFY2(warnings.size() >= 8, std::to_string(warnings.size()).c_str()); // short and long rows, ids, cost, lifetime, value, indicators
    for (const QString sample : {QStringLiteral("sample.valuescope.json"), QStringLiteral("cdnow.valuescope.json")}) {
        for (const vs::Diagnostic &w : warningsOf(QStringLiteral(VS_RESOURCES "/sample/") + sample, failure))
            warnings.push_back(w);
        QVERIFY2(failure.empty(), failure.c_str());
    }

    // without a translation: the engine's own words, as the command line prints them — except
    // where the command line names a project-file key and the window names the control instead
    for (const vs::Diagnostic &w : warnings) {
        const vs::MessageInfo &info = vs::messageInfo(w.code);
        if (info.english && !info.countArg) {
            const QString window = localizedWarning(w);
            QVERIFY2(!window.contains(QLatin1String("value.")), qPrintable(window));
            QCOMPARE(window, QString::fromStdString(vs::fillTemplate(info.text, w.args)));
        } else {
            QCOMPARE(localizedWarning(w), QString::fromStdString(w.describe()));
        }
    }

    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")));
    QCoreApplication::installTranslator(&zh);
    const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    const QRegularExpression number(QStringLiteral("\\d+"));
    for (const vs::Diagnostic &w : warnings) {
        const QString english = QString::fromStdString(w.describe());
        const QString chinese = localizedWarning(w);
        QVERIFY2(chinese.contains(han), qPrintable(QStringLiteral("not translated: ") + english));
        // every number of the English sentence is still there
        for (auto it = number.globalMatch(english); it.hasNext();) {
            const QString n = it.next().captured();
            QVERIFY2(chinese.contains(n), qPrintable(english + QStringLiteral(" → ") + chinese));
        }
    }
    QCoreApplication::removeTranslator(&zh);
}

namespace {
// false when r is no error
template <class T>
bool addError(std::vector<vs::Error> &out, const vs::Result<T> &r)
{
    if (r)
        return false;
    out.push_back(r.error());
    return true;
}
} // namespace

void TstWarnings::engineErrorsAreTranslated()
{
    using testutil::dataPath;
    std::vector<vs::Error> errors;
    // every bad data file of the reader tests
    const nlohmann::json bad = testutil::loadJson(dataPath("workbooks/expectations.json"))["__bad__"];
    for (auto &[name, why] : bad.items())
        QVERIFY2(addError(errors, vs::readTable(dataPath("workbooks/" + name), {})), name.c_str());
    for (const QString &f : QDir(QString::fromStdString(dataPath("csv"))).entryList({QStringLiteral("bad_*")}))
        QVERIFY2(addError(errors, vs::readTable(dataPath("csv/" + f.toStdString()), {})), qPrintable(f));
    QVERIFY(addError(errors, vs::readTable(dataPath("csv/does_not_exist.csv"), {})));
    vs::ReadOptions sheet;
    sheet.sheet = "Sales";
    QVERIFY(addError(errors, vs::readTable(dataPath("workbooks/openpyxl.xlsx"), sheet)));
    sheet.sheet = "图表";
    QVERIFY(addError(errors, vs::readTable(dataPath("workbooks/chart_first.xlsx"), sheet)));
    // cells that are not what a role needs
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string csv = dir.filePath(QStringLiteral("orders.csv")).toStdString();
    QVERIFY(vs::writeFileAtomically(csv, "id,revenue,day,spend\nA,12,2024-01-31,5\nB,n/a?,2024-02-01,6\nC,x,2024-02-02,7\n"));
    auto table = vs::readTable(csv, {});
    QVERIFY(table.ok());
    QVERIFY(addError(errors, vs::numericValues(table->table, "revenue", csv)));
    QVERIFY(addError(errors, vs::numericValues(table->table, "day", csv)));
    QVERIFY(addError(errors, vs::numericValues(table->table, "profit", csv)));
    QVERIFY(addError(errors, vs::dateValues(table->table, "id", csv)));
    QVERIFY(addError(errors, vs::writeFileAtomically(dir.filePath(QStringLiteral("no/such/folder/out.csv")).toStdString(), "x")));
    // issue 20: a file that would take far more memory than its data (16,000 names over rows of one field)
    std::string wide;
    for (int c = 0; c < 16000; ++c)
        wide += (c ? ",c" : "c") + std::to_string(c);
    for (int r = 0; r < 3000; ++r)
        wide += "\n1";
    const std::string widePath = dir.filePath(QStringLiteral("wide.csv")).toStdString();
    QVERIFY(vs::writeFileAtomically(widePath, wide));
    QVERIFY(addError(errors, vs::readTable(widePath, {})));
    QCOMPARE(errors.back().code, vs::Msg::MemoryBudgetExceeded);
    // settings the analysis cannot work with
    const char *projects[] = {
        R"({"valuescope": 1, "source": {"path": "orders.csv", "columns": {"customer": "id", "revenue": "revenue"}},
            "value": {"model": "profit"}})",
        R"({"valuescope": 1, "source": {"path": "orders.csv", "columns": {"customer": "id", "revenue": "turnover", "cost": "spend"}},
            "value": {"model": "profit"}})",
        R"({"valuescope": 1, "source": {"path": "orders.csv", "columns": {"customer": "id", "revenue": "revenue", "cost": "spend"}},
            "value": {"model": "profit"}})",
        R"({"valuescope": 1, "source": {"path": "orders.csv", "columns": {"customer": "id", "revenue": "spend", "cost": "spend"}},
            "value": {"model": "profit"}, "segments": {"by": "value", "method": "quantile", "bins": 3, "labels": ["a", "b"]}})",
        R"({"valuescope": 1})",
        R"({"valuescope": 1, "source": {"path": "orders.csv"}, "value": {"model": "magic"}})",
        R"({"valuescope": 1, "source": {"path": "orders.csv"}, "value": {"model": "profit", "rate": -2}})",
        R"({"valuescope": 1, "source": {"path": "orders.csv"}, "value": {"model": "profit"}, "baseline": {"value": {"rate": -2}}})",
        "{ not json",
        // issue 20: a hand-edited project nesting lists deeper than any project
        R"({"valuescope": 1, "source": {"path": "orders.csv"}, "notes": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]})",
    };
    for (const char *text : projects) {
        const std::string path = dir.filePath(QStringLiteral("p.valuescope.json")).toStdString();
        QVERIFY(vs::writeFileAtomically(path, text));
        double ms = 0;
        auto loaded = vs::loadAnalysis(path, &ms);
        if (!loaded) {
            errors.push_back(loaded.error());
            continue;
        }
        QVERIFY2(addError(errors, vs::computeAnalysis(loaded->data, loaded->project)), text);
    }
    // a baseline that cannot be computed, as `valuescope run` meets it
    const std::string project = dir.filePath(QStringLiteral("b.valuescope.json")).toStdString();
    QVERIFY(vs::writeFileAtomically(project, R"({"valuescope": 1, "source": {"path": "orders.csv", "columns": {"customer": "id", "revenue": "spend", "cost": "spend"}},
        "value": {"model": "profit"}, "baseline": {"value": {"model": "weighted_score", "score": "nothing"}}})"));
    vs::RunRequest run;
    run.projectPath = project;
    QVERIFY(addError(errors, vs::runHeadless(run, {})));
    QVERIFY(!errors.back().context.empty());

    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")));
    QCoreApplication::installTranslator(&zh);
    const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    const QRegularExpression numberOrName(QStringLiteral("\\d+|'[^']*'"));
    for (const vs::Error &e : errors) {
        const QString english = QString::fromStdString(e.message());
        const QString chinese = localizedMessage(e);
        QVERIFY2(chinese.contains(han), qPrintable(QStringLiteral("not translated: ") + english));
        // numbers and names are kept (names in Chinese quotes)
        for (auto it = numberOrName.globalMatch(english); it.hasNext();) {
            QString part = it.next().captured();
            if (part.startsWith(QLatin1Char('\'')))
                part = part.mid(1, part.size() - 2);
            QVERIFY2(chinese.contains(part), qPrintable(english + QStringLiteral(" → ") + chinese));
        }
        // where it happened, in Chinese too
        const QString whole = localizedError(e);
        QVERIFY2(whole.startsWith(QString::fromStdString(e.file)), qPrintable(whole));
        if (e.row >= 0)
            QVERIFY2(whole.contains(QStringLiteral("第 %1 行").arg(e.row)), qPrintable(whole));
    }
    QCoreApplication::removeTranslator(&zh);
    // without a translation: the engine's own words
    for (const vs::Error &e : errors)
        QCOMPARE(localizedError(e), QString::fromStdString(e.describe()));
}

QTEST_MAIN(TstWarnings)
#include "tst_warnings.moc"
