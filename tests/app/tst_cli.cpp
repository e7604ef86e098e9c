// The command line as automation uses it: exit codes, one clear message, never a partial file.
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TstCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void runWritesCustomersAndSummary();
    void inspectDescribesTheFile();
    void badInputExitsWithTwo_data();
    void badInputExitsWithTwo();
    void failedRunLeavesNoFile();
    void previousOutputSurvivesAFailure();
    void chartThatCannotBeDrawnStopsBeforeAnyFile();
    void csvInjectionIsEscaped();
    void xlsxOutputReadsBackInOpenpyxl();
    void versionAndHelp();
    void baselineInTheProjectGivesTheMigration();

private:
    struct Out { int code; QByteArray out, err; };
    Out vs(const QStringList &args);
    QString writeProject(const QString &name, const QString &json);
    QTemporaryDir m_dir;
};

TstCli::Out TstCli::vs(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(VS_BINARY), args);
    if (!p.waitForFinished(120000))
        return {-1, {}, "timed out"};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString TstCli::writeProject(const QString &name, const QString &json)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(json.toUtf8());
    return path;
}

void TstCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // a data file beside the projects, so that relative paths are exercised
    QFile::copy(QStringLiteral(VS_TEST_DATA "/reference/customers.csv"), m_dir.filePath(QStringLiteral("customers.csv")));
    QFile::copy(QStringLiteral(VS_TEST_DATA "/csv/text_in_numbers.csv"), m_dir.filePath(QStringLiteral("dirty.csv")));
}

void TstCli::runWritesCustomersAndSummary()
{
    const QString project = writeProject(QStringLiteral("p.json"), QStringLiteral(R"({
      "valuescope": 1,
      "source": {"path": "customers.csv", "layout": "customers",
                 "columns": {"customer": "customer", "revenue": "revenue", "cost": "cost"}},
      "value": {"model": "profit"},
      "scores": [{"name": "satisfaction", "normalize": "count",
                  "items": [{"column": "q_product", "weight": 0.5}, {"column": "q_service", "weight": 0.3}]}],
      "rates": [{"name": "need", "column": "need", "positive": "satisfied"}],
      "segments": {"by": "value", "method": "quantile", "bins": 4,
                   "labels": ["Low", "Medium", "High", "Very High"],
                   "strategies": {"Low": "Develop", "Medium": "Retain", "High": "Maintain", "Very High": "Maintain"}}
    })"));
    const QString out = m_dir.filePath(QStringLiteral("out.csv"));
    const QString summary = m_dir.filePath(QStringLiteral("summary.json"));
    Out r = vs({QStringLiteral("run"), project, QStringLiteral("--out"), out, QStringLiteral("--summary"), summary});
    QVERIFY2(r.code == 0, r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines[0], QByteArray("customer,value,segment,strategy,satisfaction"));
    QCOMPARE(lines.size(), 402); // header + 400 customers + final newline
    const nlohmann::json ref = testutil::loadJson(testutil::dataPath("reference/customers.json"));
    const QList<QByteArray> first = lines[1].split(',');
    QCOMPARE(first[0].toStdString(), ref["customers"][0].get<std::string>());
    QCOMPARE(first[1].toDouble(), ref["models"]["profit"]["value"][0].get<double>()); // exact text round trip
    QCOMPARE(first[2].toStdString(), ref["models"]["profit"]["segment"][0].get<std::string>());

    QFile sf(summary);
    QVERIFY(sf.open(QIODevice::ReadOnly));
    const QJsonObject s = QJsonDocument::fromJson(sf.readAll()).object();
    for (const char *label : {"Low", "Medium", "High", "Very High"}) {
        const QJsonObject seg = s[QStringLiteral("segments")].toObject()[QLatin1String(label)].toObject();
        QCOMPARE(seg[QStringLiteral("count")].toInt(),
                 ref["models"]["profit"]["segments"][label]["count"].get<int>());
        for (const char *key : {"total_value", "mean_value", "share_of_value"})
            QVERIFY(seg.contains(QLatin1String(key)));
    }
    for (const char *t : {"import", "compute", "segment"})
        QVERIFY(s[QStringLiteral("timings_ms")].toObject().contains(QLatin1String(t)));
    const QJsonObject stats = s[QStringLiteral("stats")].toObject();
    for (const char *col : {"revenue", "cost", "value", "satisfaction"}) {
        const QJsonObject st = stats[QLatin1String(col)].toObject();
        for (const char *k : {"count", "mean", "median", "variance", "std", "min", "max"})
            QVERIFY2(st.contains(QLatin1String(k)), col);
    }
    QVERIFY(s[QStringLiteral("rates")].toObject().contains(QStringLiteral("need")));
    QVERIFY(!s[QStringLiteral("warnings")].toArray().isEmpty()); // the duplicate id, negative cost...
}

void TstCli::inspectDescribesTheFile()
{
    Out r = vs({QStringLiteral("inspect"), QStringLiteral(VS_TEST_DATA "/csv/gbk.csv")});
    QCOMPARE(r.code, 0);
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j[QStringLiteral("format")].toString(), QStringLiteral("csv"));
    QCOMPARE(j[QStringLiteral("encoding")].toString(), QStringLiteral("GB18030"));
    QCOMPARE(j[QStringLiteral("delimiter")].toString(), QStringLiteral(","));
    QCOMPARE(j[QStringLiteral("decimal")].toString(), QStringLiteral("."));
    QCOMPARE(j[QStringLiteral("header_row")].toInt(), 1);
    QCOMPARE(j[QStringLiteral("rows")].toInt(), 8);
    QVERIFY(j[QStringLiteral("sheets")].isArray());
    const QJsonArray cols = j[QStringLiteral("columns")].toArray();
    QCOMPARE(cols[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("客户编号"));
    QCOMPARE(cols[2].toObject()[QStringLiteral("type")].toString(), QStringLiteral("number"));
}

void TstCli::badInputExitsWithTwo_data()
{
    QTest::addColumn<QString>("projectJson"); // empty: use args as given
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no such project") << QString() << QStringList{QStringLiteral("run"), QStringLiteral("/nonexistent/p.json")}
                                     << "/nonexistent/p.json";
    QTest::newRow("no such data file") << QString() << QStringList{QStringLiteral("inspect"), QStringLiteral("/nonexistent/d.csv")}
                                       << "does not exist";
    QTest::newRow("text in a numeric column")
        << R"({"valuescope": 1, "source": {"path": "dirty.csv", "columns": {"customer": "id", "revenue": "revenue", "cost": "cost"}}})"
        << QStringList() << "dirty.csv: row 3, column 'revenue': 'abc' is not a number";
    QTest::newRow("missing column")
        << R"({"valuescope": 1, "source": {"path": "customers.csv", "columns": {"revenue": "Umsatz", "cost": "cost"}}})"
        << QStringList() << "'Umsatz'";
    QTest::newRow("missing data file")
        << R"({"valuescope": 1, "source": {"path": "gone.csv"}})" << QStringList() << "gone.csv";
    QTest::newRow("bad key") << R"({"valuescope": 1, "source": {"path": "customers.csv"}, "segments": {"method": "magic"}})"
                             << QStringList() << "'segments.method'";
    QTest::newRow("labels do not fit bins")
        << R"({"valuescope": 1, "source": {"path": "customers.csv", "columns": {"revenue": "revenue", "cost": "cost"}},
             "segments": {"bins": 3, "labels": ["a", "b"]}})"
        << QStringList() << "one name per segment";
    QTest::newRow("unknown option") << QString() << QStringList{QStringLiteral("run"), QStringLiteral("x.json"), QStringLiteral("--bogus")}
                                    << "bogus";
}

void TstCli::badInputExitsWithTwo()
{
    QFETCH(QString, projectJson);
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    if (!projectJson.isEmpty()) {
        const QString p = writeProject(QStringLiteral("bad.json"), projectJson);
        args = {QStringLiteral("run"), p, QStringLiteral("--out"), m_dir.filePath(QStringLiteral("bad-out.csv"))};
    }
    Out r = vs(args);
    QCOMPARE(r.code, 2);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(mentions), qPrintable(err));
    QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0); // one message
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad-out.csv"))));
}

void TstCli::failedRunLeavesNoFile()
{
    const QString p = writeProject(QStringLiteral("dirty.json"),
        QStringLiteral(R"({"valuescope": 1, "source": {"path": "dirty.csv", "columns": {"revenue": "revenue", "cost": "cost"}}})"));
    const QString out = m_dir.filePath(QStringLiteral("never.csv"));
    const QString summary = m_dir.filePath(QStringLiteral("never.json"));
    Out r = vs({QStringLiteral("run"), p, QStringLiteral("--out"), out, QStringLiteral("--summary"), summary});
    QCOMPARE(r.code, 2);
    QVERIFY(!QFile::exists(out));
    QVERIFY(!QFile::exists(summary));
    // and nothing temporary is left beside it
    for (const QString &f : QDir(m_dir.path()).entryList(QDir::Files))
        QVERIFY2(!f.contains(QLatin1String(".tmp-")), qPrintable(f));
}

void TstCli::previousOutputSurvivesAFailure()
{
    const QString out = m_dir.filePath(QStringLiteral("keep.csv"));
    QFile f(out);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("yesterday's results\n");
    f.close();
    const QString p = writeProject(QStringLiteral("dirty2.json"),
        QStringLiteral(R"({"valuescope": 1, "source": {"path": "dirty.csv", "columns": {"revenue": "revenue", "cost": "cost"}}})"));
    QCOMPARE(vs({QStringLiteral("run"), p, QStringLiteral("--out"), out}).code, 2);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("yesterday's results\n"));
}

// A migration chart without a baseline, or a .jpg, fails the run before the customers, the
// summary or the other charts are written: no half-done set of files.
void TstCli::chartThatCannotBeDrawnStopsBeforeAnyFile()
{
    const QString p = writeProject(QStringLiteral("nobase.json"),
        QStringLiteral(R"({"valuescope": 1, "source": {"path": "customers.csv", "columns": {"customer": "customer", "revenue": "revenue", "cost": "cost"}}})"));
    const QString out = m_dir.filePath(QStringLiteral("nobase.csv"));
    const QString summary = m_dir.filePath(QStringLiteral("nobase-summary.json"));
    const QString segments = m_dir.filePath(QStringLiteral("nobase-segments.png"));
    for (const QString &bad : {QStringLiteral("migration=") + m_dir.filePath(QStringLiteral("m.png")),
                               QStringLiteral("pareto=") + m_dir.filePath(QStringLiteral("p.jpg"))}) {
        Out r = vs({QStringLiteral("run"), p, QStringLiteral("--out"), out, QStringLiteral("--summary"), summary,
                    QStringLiteral("--chart"), QStringLiteral("segments=") + segments, QStringLiteral("--chart"), bad});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(bad.startsWith(QLatin1String("migration")) ? "baseline" : ".jpg"), r.err.constData());
        for (const QString &f : {out, summary, segments})
            QVERIFY2(!QFile::exists(f), qPrintable(f));
    }
}

void TstCli::csvInjectionIsEscaped()
{
    QFile data(m_dir.filePath(QStringLiteral("evil.csv")));
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write("id,revenue,cost\n=HYPERLINK(\"http://x\"),10,1\n+1+1,20,2\n-2+3,30,3\n@SUM(A1),40,4\nplain,50,5\n");
    data.close();
    const QString p = writeProject(QStringLiteral("evil.json"),
        QStringLiteral(R"({"valuescope": 1, "source": {"path": "evil.csv", "columns": {"customer": "id", "revenue": "revenue", "cost": "cost"}}})"));
    const QString out = m_dir.filePath(QStringLiteral("evil-out.csv"));
    Out r = vs({QStringLiteral("run"), p, QStringLiteral("--out"), out});
    QVERIFY2(r.code == 0, r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray all = f.readAll();
    QVERIFY(all.contains("\"'=HYPERLINK(\"\"http://x\"\")\","));
    QVERIFY(all.contains("\n'+1+1,"));
    QVERIFY(all.contains("\n'-2+3,"));
    QVERIFY(all.contains("\n'@SUM(A1),"));
    QVERIFY(all.contains("\nplain,"));
}

void TstCli::xlsxOutputReadsBackInOpenpyxl()
{
    // the same formula-like ids as the CSV test, now into a workbook
    const QString p = m_dir.filePath(QStringLiteral("evil.json"));
    QVERIFY(QFile::exists(p));
    const QString out = m_dir.filePath(QStringLiteral("evil-out.xlsx"));
    Out r = vs({QStringLiteral("run"), p, QStringLiteral("--out"), out});
    QVERIFY2(r.code == 0, r.err.constData());
    // read by an independent reader: header, rows, formats, frozen header, autofilter, segment sheet
    QProcess py;
    py.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral(R"(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Customers']
print(wb.sheetnames)
print([c.value for c in ws[1]])
print(ws.max_row - 1, ws.freeze_panes, ws.auto_filter.ref)
print('|'.join(sorted(str(ws.cell(row=i, column=1).value) for i in range(2, ws.max_row + 1))))
print(ws['B2'].value, ws['B2'].number_format)
seg = wb['Segments']
print([c.value for c in seg[1]], sum(seg.cell(row=i, column=2).value for i in range(2, seg.max_row + 1)))
)"), out});
    QVERIFY(py.waitForFinished(60000));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    const QStringList lines = QString::fromUtf8(py.readAllStandardOutput()).split(QLatin1Char('\n'));
    QCOMPARE(lines[0], QStringLiteral("['Customers', 'Segments']"));
    QCOMPARE(lines[1], QStringLiteral("['customer', 'value', 'segment', 'strategy']"));
    QCOMPARE(lines[2], QStringLiteral("5 A2 A1:D6"));
    QCOMPARE(lines[3], QStringLiteral("'+1+1|'-2+3|'=HYPERLINK(\"http://x\")|'@SUM(A1)|plain"));
    QCOMPARE(lines[4], QStringLiteral("9 #,##0.00"));
    QCOMPARE(lines[5], QStringLiteral("['segment', 'customers', 'total_value', 'mean_value', 'share_of_value', 'strategy'] 5"));
}

void TstCli::versionAndHelp()
{
    Out v = vs({QStringLiteral("--version")});
    QCOMPARE(v.code, 0);
    QVERIFY(v.out.startsWith("valuescope "));
    Out h = vs({QStringLiteral("--help")});
    QCOMPARE(h.code, 0);
    QVERIFY(h.out.contains("valuescope run PROJECT.json"));
}

void TstCli::baselineInTheProjectGivesTheMigration()
{
    // now: profit by fixed thresholds; baseline: profit by quartiles (both segmentations by pandas)
    const QString project = writeProject(QStringLiteral("baseline.json"), QStringLiteral(R"({
      "valuescope": 1,
      "source": {"path": "customers.csv", "layout": "customers",
                 "columns": {"customer": "customer", "revenue": "revenue", "cost": "cost"}},
      "value": {"model": "profit"},
      "segments": {"by": "value", "method": "thresholds", "edges": [-1000, 0, 100, 300, 100000],
                   "labels": ["Loss", "Small", "Medium", "Large"]},
      "baseline": {
        "value": {"model": "profit"},
        "segments": {"by": "value", "method": "quantile", "bins": 4, "labels": ["Low", "Medium", "High", "Very High"]}
      }
    })"));
    const QString summary = m_dir.filePath(QStringLiteral("baseline-summary.json"));
    const QString svg = m_dir.filePath(QStringLiteral("migration.svg"));
    Out r = vs({QStringLiteral("run"), project, QStringLiteral("--summary"), summary, QStringLiteral("--chart"),
                QStringLiteral("migration=") + svg});
    QVERIFY2(r.code == 0, r.err.constData());
    const nlohmann::json ref = testutil::loadJson(testutil::dataPath("reference/customers.json"));
    const auto &before = ref["models"]["profit"]["segment"];
    const auto &now = ref["thresholds"]["segment"];
    const nlohmann::json s = testutil::loadJson(summary.toStdString());
    const nlohmann::json &m = s["migration"];
    const auto rows = m["baseline_segments"].get<std::vector<std::string>>();
    const auto cols = m["current_segments"].get<std::vector<std::string>>();
    QCOMPARE(rows, (std::vector<std::string>{"Low", "Medium", "High", "Very High"}));
    QCOMPARE(cols, (std::vector<std::string>{"Loss", "Small", "Medium", "Large"}));
    // the crosstab of the two pandas segmentations; customers without a segment are the last row/column
    size_t changed = 0, total = 0;
    for (size_t i = 0; i <= rows.size(); ++i)
        for (size_t j = 0; j <= cols.size(); ++j) {
            size_t expected = 0;
            for (size_t k = 0; k < before.size(); ++k) {
                const bool inRow = i < rows.size() ? !before[k].is_null() && before[k] == rows[i] : before[k].is_null();
                const bool inCol = j < cols.size() ? !now[k].is_null() && now[k] == cols[j] : now[k].is_null();
                expected += inRow && inCol;
            }
            QCOMPARE(m["moved"][i][j].get<size_t>(), expected);
            total += expected;
        }
    for (size_t k = 0; k < before.size(); ++k)
        changed += before[k] != now[k];
    QCOMPARE(total, before.size());
    QCOMPARE(m["changed"].get<size_t>(), changed);
    // the chart names both segmentations' labels, and its columns the baseline and now
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    for (const char *label : {"Loss", "Large", "Very High", "Baseline", "Now"})
        QVERIFY2(text.contains(label), label);

    // a wrong baseline is named as such
    const QString bad = writeProject(QStringLiteral("bad-baseline.json"), QStringLiteral(R"({
      "valuescope": 1,
      "source": {"path": "customers.csv", "columns": {"customer": "customer", "revenue": "revenue", "cost": "cost"}},
      "baseline": {"segments": {"bins": 0}}
    })"));
    Out e = vs({QStringLiteral("run"), bad});
    QCOMPARE(e.code, 2);
    QVERIFY2(e.err.contains("'baseline.segments.bins'"), e.err.constData());
}

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"
