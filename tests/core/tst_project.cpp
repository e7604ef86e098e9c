// The project file of DESIGN.md section 4: reads, writes back identically, resolves relative
// paths, and names the key when something is wrong.
#include "core/project/project.h"
#include "testutil.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace vs;

class TstProject : public QObject {
    Q_OBJECT
private slots:
    void sampleProjectLoads();
    void roundTrip();
    void relativePaths();
    void badProjects_data();
    void badProjects();
    void saveIsAtomic();
};

void TstProject::sampleProjectLoads()
{
    auto p = loadProject(std::string(VS_RESOURCES) + "/sample/sample.valuescope.json");
    QVERIFY2(p.ok(), p.ok() ? "" : p.error().describe().c_str());
    QCOMPARE(p->source.columns.at("customer"), std::string("customer_id"));
    QCOMPARE(p->source.periodColumns.at("revenue_periods").size(), size_t(3));
    QCOMPARE(p->scores.size(), size_t(2));
    QCOMPARE(p->scores[1].normalize, Normalize::Weights);
    QVERIFY(p->scores[1].minMaxScale);
    QCOMPARE(p->segments.strategyFor("Very High"), std::string("Maintain"));
    QCOMPARE(p->rates.size(), size_t(3));
}

void TstProject::roundTrip()
{
    auto p = loadProject(std::string(VS_RESOURCES) + "/sample/sample.valuescope.json");
    QVERIFY(p.ok());
    const std::string once = projectToJson(p.value());
    auto again = parseProject(once, "again.json");
    QVERIFY(again.ok());
    QCOMPARE(projectToJson(again.value()), once);
    // the contract's keys are there
    const auto j = nlohmann::json::parse(once);
    QCOMPARE(j["valuescope"].get<int>(), 1);
    QCOMPARE(j["source"]["layout"].get<std::string>(), std::string("customers"));
    QCOMPARE(j["segments"]["strategies"]["Low"].get<std::string>(), std::string("Develop"));
    QCOMPARE(j["scores"][0]["items"][0]["weight"].get<double>(), 0.5);

    // a what-if baseline rides along under "baseline" and comes back the same
    Project withBase = p.value();
    Project base = p.value();
    base.scores[0].items[0].weight = 0.9;
    base.segments.bins = 3;
    base.segments.labels = {"C", "B", "A"};
    withBase.baseline = std::make_shared<const Project>(base);
    const std::string saved = projectToJson(withBase);
    auto back = parseProject(saved, "b.json");
    QVERIFY(back.ok());
    QVERIFY(back->baseline);
    QCOMPARE(back->baseline->scores[0].items[0].weight, 0.9);
    QCOMPARE(back->baseline->segments.labels, (std::vector<std::string>{"C", "B", "A"}));
    QCOMPARE(back->scores[0].items[0].weight, 0.5);
    QCOMPARE(projectToJson(back.value()), saved);
    const auto jb = nlohmann::json::parse(saved);
    QVERIFY(!jb["baseline"].contains("source")); // the baseline is on the project's own data
}

void TstProject::relativePaths()
{
    Project p;
    p.source.path = "data/customers.csv";
    QCOMPARE(resolveSourcePath(p, "/home/ana/projects/q3.json"), std::string("/home/ana/projects/data/customers.csv"));
    p.source.path = "../shared.csv";
    QCOMPARE(resolveSourcePath(p, "/home/ana/projects/q3.json"), std::string("/home/ana/shared.csv"));
    p.source.path = "/abs/file.csv";
    QCOMPARE(resolveSourcePath(p, "/home/ana/projects/q3.json"), std::string("/abs/file.csv"));
}

void TstProject::badProjects_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("mentions");
    const QString src = QStringLiteral(R"("source": {"path": "c.csv"})");
    QTest::newRow("not json") << "{ nope" << "not valid JSON";
    QTest::newRow("not ours") << "{}" << "'valuescope'";
    QTest::newRow("other version") << R"({"valuescope": 2, "source": {"path": "c.csv"}})" << "'valuescope' must be 1";
    QTest::newRow("no source") << R"({"valuescope": 1})" << "'source'";
    QTest::newRow("no path") << R"({"valuescope": 1, "source": {}})" << "'source.path'";
    QTest::newRow("bad layout") << QStringLiteral(R"({"valuescope": 1, "source": {"path": "c.csv", "layout": "orders"}})")
                                << "'source.layout'";
    QTest::newRow("unknown role") << QStringLiteral(R"({"valuescope": 1, "source": {"path": "c.csv", "columns": {"price": "x"}}})")
                                  << "'source.columns.price'";
    QTest::newRow("unknown model") << QStringLiteral(R"({"valuescope": 1, %1, "value": {"model": "magic"}})").arg(src)
                                   << "'value.model'";
    QTest::newRow("rate not a number") << QStringLiteral(R"({"valuescope": 1, %1, "value": {"rate": "ten"}})").arg(src)
                                       << "'value.rate'";
    QTest::newRow("bins zero") << QStringLiteral(R"({"valuescope": 1, %1, "segments": {"bins": 0}})").arg(src)
                               << "'segments.bins'";
    QTest::newRow("score without items") << QStringLiteral(R"({"valuescope": 1, %1, "scores": [{"name": "s", "items": []}]})").arg(src)
                                         << "'scores[0].items'";
    QTest::newRow("weight not a number")
        << QStringLiteral(R"({"valuescope": 1, %1, "scores": [{"name": "s", "items": [{"column": "a", "weight": "x"}]}]})").arg(src)
        << "'scores[0].items[0].weight'";
    QTest::newRow("bad normalize")
        << QStringLiteral(R"({"valuescope": 1, %1, "scores": [{"name": "s", "normalize": "max", "items": [{"column": "a"}]}]})").arg(src)
        << "'scores[0].normalize'";
    QTest::newRow("baseline not an object") << QStringLiteral(R"({"valuescope": 1, %1, "baseline": 3})").arg(src) << "'baseline'";
    QTest::newRow("bad baseline model")
        << QStringLiteral(R"({"valuescope": 1, %1, "baseline": {"value": {"model": "magic"}}})").arg(src) << "'baseline.value.model'";
}

void TstProject::badProjects()
{
    QFETCH(QString, json);
    QFETCH(QString, mentions);
    auto p = parseProject(json.toStdString(), "bad.json");
    QVERIFY(!p.ok());
    const std::string msg = p.error().describe();
    QVERIFY2(msg.find("bad.json") == 0, msg.c_str());
    QVERIFY2(msg.find(mentions.toStdString()) != std::string::npos, msg.c_str());
}

void TstProject::saveIsAtomic()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("p.json")).toStdString();
    Project p;
    p.source.path = "c.csv";
    QVERIFY(saveProject(p, path).ok());
    auto back = loadProject(path);
    QVERIFY(back.ok());
    QCOMPARE(back->source.path, std::string("c.csv"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left behind
    auto failed = saveProject(p, dir.filePath(QStringLiteral("missing/dir/p.json")).toStdString());
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().kind, ErrorKind::Io);
}

QTEST_APPLESS_MAIN(TstProject)
#include "tst_project.moc"
