// What the engine warns about reaches a Chinese user in Chinese: real warnings, from a messy file
// and from the two samples, each matched by ui/WarningText and translated, numbers and names kept.
#include "core/headless/run.h"
#include "ui/WarningText.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

class TstWarnings : public QObject {
    Q_OBJECT
private slots:
    void engineWarningsAreTranslated();
};

namespace {
std::vector<std::string> warningsOf(const QString &project)
{
    double ms = 0;
    auto loaded = vs::loadAnalysis(project.toStdString(), &ms);
    if (!loaded)
        return {"LOAD FAILED: " + loaded.error().describe()};
    auto r = vs::computeAnalysis(loaded->data, loaded->project);
    if (!r)
        return {"COMPUTE FAILED: " + r.error().describe()};
    std::vector<std::string> out = loaded->readReport.warnings;
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

    std::vector<std::string> warnings = warningsOf(project.fileName());
    QVERIFY2(warnings.size() >= 8, std::to_string(warnings.size()).c_str()); // short and long rows, ids, cost, lifetime, value, indicators
    for (const QString sample : {QStringLiteral("sample.valuescope.json"), QStringLiteral("cdnow.valuescope.json")})
        for (const std::string &w : warningsOf(QStringLiteral(VS_RESOURCES "/sample/") + sample))
            warnings.push_back(w);

    // without a translation: the engine's own words
    for (const std::string &w : warnings)
        QCOMPARE(localizedWarning(w), QString::fromStdString(w));

    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")));
    QCoreApplication::installTranslator(&zh);
    const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    const QRegularExpression number(QStringLiteral("\\d+"));
    for (const std::string &w : warnings) {
        const QString english = QString::fromStdString(w);
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

QTEST_MAIN(TstWarnings)
#include "tst_warnings.moc"
