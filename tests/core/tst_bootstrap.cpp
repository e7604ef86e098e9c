// The bootstrap CLV interval (value.clv_interval = "bootstrap"): the resamples are the ones the
// seed defines (tests/data/make_bootstrap_reference.py draws them in Python), refits on them agree
// with scipy's, a seed repeats a run bit for bit, the interval behaves as an interval, and the
// user can stop it (the delta method's interval then, with a warning).
#include "core/analytics/analysis.h"
#include "core/analytics/bootstrap.h"
#include "core/io/readers.h"
#include "testutil.h"

#include <QTest>

#include <QDir>
#include <QFile>

#include <atomic>
#include <fstream>

using namespace vs;
using testutil::dataPath;

class TstBootstrap : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void drawsAreThePythonOnes();
    void refitsMatchScipyOnTheSameResamples();
    void sameSeedSameIntervals();
    void intervalBehavesAsAnInterval();
    void stoppingFallsBackToTheDeltaMethod();
    void projectKeys();

private:
    Result<AnalysisResults> cdnow(const std::function<void(Project &)> &edit, const ComputeOptions &options = {});
    std::shared_ptr<const Table> m_table;
    nlohmann::json m_ref;
};

namespace {

bool hasWarning(const AnalysisResults &r, Msg code)
{
    return std::any_of(r.warnings.begin(), r.warnings.end(), [&](const Diagnostic &w) { return isAbout(w, code); });
}

void bootstrap(Project &p, int samples, int seed)
{
    p.value.clvInterval = "bootstrap";
    p.value.bootstrapSamples = samples;
    p.value.bootstrapSeed = seed;
}

} // namespace

void TstBootstrap::initTestCase()
{
    m_ref = testutil::loadJson(dataPath("reference/bootstrap.json"));
    auto r = readTable(std::string(VS_RESOURCES) + "/sample/cdnow_sample.txt", ReadOptions{});
    QVERIFY(r.ok());
    m_table = std::make_shared<const Table>(std::move(r->table));
}

// a fresh preparation each time: no fits cached from an earlier run
Result<AnalysisResults> TstBootstrap::cdnow(const std::function<void(Project &)> &edit, const ComputeOptions &options)
{
    Project p;
    p.source.layout = Layout::Transactions;
    p.source.columns = {{"customer", "column 2"}, {"date", "column 3"}, {"amount", "column 5"}};
    p.value.model = "predictive_clv";
    p.value.observationEnd = "1997-09-30";
    p.value.timeUnit = "weeks";
    p.value.horizonMonths = 12;
    p.value.monthlyDiscount = 0.01;
    if (edit)
        edit(p);
    auto prepared = prepareData(m_table, p, "CDNOW_sample.txt");
    if (!prepared)
        return prepared.error();
    return computeAnalysis(prepared.value(), p, options);
}

void TstBootstrap::drawsAreThePythonOnes()
{
    const size_t n = m_ref["x"].size();
    for (size_t k = 0; k < m_ref["first_draws"].size(); ++k)
        QCOMPARE(bootstrapDraw(m_ref["seed"].get<uint64_t>(), 0, n, k), m_ref["first_draws"][k].get<uint32_t>());
}

void TstBootstrap::refitsMatchScipyOnTheSameResamples()
{
    const std::vector<double> x = m_ref["x"], tx = m_ref["tx"], T = m_ref["T"], m = m_ref["m"];
    BootstrapInput in;
    in.x = x, in.tx = tx, in.T = T, in.monetary = m;
    in.samples = 3;
    in.seed = m_ref["seed"];
    std::vector<double> seen;
    const BootstrapFits fits = bootstrapRefits(in, [&](double f) { seen.push_back(f); }, nullptr, nullptr);
    QCOMPARE(fits.done, size_t(3));
    QCOMPARE(fits.refits.size(), size_t(3));
    QCOMPARE(seen, (std::vector<double>{1.0 / 3, 2.0 / 3, 1.0}));
    for (size_t b = 0; b < 3; ++b) {
        const auto &e = m_ref["resamples"][b];
        for (size_t k = 0; k < 4; ++k) {
            const double ours = fits.refits[b].purchase[k], scipy = e["bgnbd"][k];
            QVERIFY2(std::fabs(ours - scipy) < 2e-4 * scipy, qPrintable(QStringLiteral("resample %1 BG/NBD %2: %3 vs %4").arg(b).arg(k).arg(ours).arg(scipy)));
        }
        // Gamma-Gamma: the same optimum (the log-likelihood on that resample's repeat customers)
        std::vector<double> gx, gm;
        for (size_t k = 0; k < x.size(); ++k) {
            const uint32_t i = bootstrapDraw(in.seed, b, x.size(), k);
            if (x[i] > 0 && m[i] > 0) {
                gx.push_back(x[i]);
                gm.push_back(m[i]);
            }
        }
        const GammaGammaFit &g = fits.refits[b].spend;
        const double ll = gammaGammaLogLikelihood(g.params, gx, gm), scipyLl = e["gamma_gamma_ll"];
        QVERIFY2(ll >= scipyLl - 1e-6 * std::fabs(scipyLl), qPrintable(QStringLiteral("resample %1 GG: %2 vs %3").arg(b).arg(ll, 0, 'g', 12).arg(scipyLl, 0, 'g', 12)));
        if (e["gamma_gamma"][0].get<double>() < 1000) // scipy's optimum is inside: the same parameters
            for (size_t k = 0; k < 3; ++k) {
                const double ours = (&g.params.p)[k], scipy = e["gamma_gamma"][k];
                QVERIFY2(std::fabs(ours - scipy) < 1e-3 * scipy, qPrintable(QStringLiteral("resample %1 GG %2: %3 vs %4").arg(b).arg(k).arg(ours).arg(scipy)));
            }
    }
}

void TstBootstrap::sameSeedSameIntervals()
{
    auto a = cdnow([](Project &p) { bootstrap(p, 40, 7); });
    auto b = cdnow([](Project &p) { bootstrap(p, 40, 7); });
    auto c = cdnow([](Project &p) { bootstrap(p, 40, 8); });
    QVERIFY2(a.ok() && b.ok() && c.ok(), a.ok() ? "" : a.error().message().c_str());
    const auto &la = *a->column("clv_low"), &lb = *b->column("clv_low"), &lc = *c->column("clv_low");
    const auto &ha = *a->column("clv_high"), &hb = *b->column("clv_high");
    size_t differs = 0, valued = 0;
    for (size_t i = 0; i < la.size(); ++i) {
        if (std::isnan(la[i]))
            continue;
        ++valued;
        QCOMPARE(la[i], lb[i]); // bit for bit
        QCOMPARE(ha[i], hb[i]);
        differs += la[i] != lc[i];
    }
    QCOMPARE(valued, size_t(2357));
    QVERIFY(differs > valued / 2); // another seed, other resamples
    QVERIFY(hasWarning(*a, Msg::ClvIntervalBootstrap));
    QVERIFY(!hasWarning(*a, Msg::ClvIntervalDeltaMethod));
}

void TstBootstrap::intervalBehavesAsAnInterval()
{
    auto wide = cdnow([](Project &p) { bootstrap(p, 60, 3); });
    auto narrow = cdnow([](Project &p) {
        bootstrap(p, 60, 3);
        p.value.intervalLevel = 0.5;
    });
    auto delta = cdnow({});
    QVERIFY(wide.ok() && narrow.ok() && delta.ok());
    const auto &clv = *wide->column("clv");
    const auto &lo = *wide->column("clv_low"), &hi = *wide->column("clv_high");
    const auto &lo50 = *narrow->column("clv_low"), &hi50 = *narrow->column("clv_high");
    const auto &dlo = *delta->column("clv_low"), &dhi = *delta->column("clv_high");
    size_t contains = 0, n = 0;
    double widthBoot = 0, widthDelta = 0;
    for (size_t i = 0; i < clv.size(); ++i) {
        if (std::isnan(clv[i]))
            continue;
        ++n;
        QVERIFY(lo[i] <= hi[i]);
        QVERIFY(lo[i] <= lo50[i] && hi50[i] <= hi[i]); // the same resamples: 50 % inside 90 %
        QCOMPARE(clv[i], (*delta->column("clv"))[i]); // the point estimate is the fit's, either way
        contains += lo[i] <= clv[i] && clv[i] <= hi[i];
        widthBoot += (hi[i] - lo[i]) / clv[i];
        widthDelta += (dhi[i] - dlo[i]) / clv[i];
    }
    // the point estimate lies inside each customer's 90 % interval
    QCOMPARE(contains, n);
    // both intervals measure the same parameter uncertainty: of the same order (within a factor 2)
    QVERIFY2(widthBoot > widthDelta / 2 && widthBoot < widthDelta * 2,
             qPrintable(QStringLiteral("%1 vs %2").arg(widthBoot / double(n)).arg(widthDelta / double(n))));
    // the columns say what they are
    for (const NamedValues &e : wide->extra)
        if (e.name == "clv_low" || e.name == "clv_high")
            QVERIFY(e.note && e.note->code == Msg::ClvIntervalBootstrap);
    for (const NamedValues &e : delta->extra)
        if (e.name == "clv_low")
            QVERIFY(e.note && e.note->code == Msg::ClvIntervalDeltaMethod);
}

void TstBootstrap::stoppingFallsBackToTheDeltaMethod()
{
    auto delta = cdnow({});
    QVERIFY(delta.ok());
    // `samples` resamples, and the user's Stop at the progress report `at`: the delta method's
    // interval, and a warning saying how many resamples were done; a newer edit at the same
    // moment supersedes the computation, which says it was cancelled
    auto stopAt = [&](int samples, int at, const std::vector<std::string> &said) {
        std::atomic<bool> stopLong{false};
        int calls = 0;
        ComputeOptions o;
        o.stopLongStep = &stopLong;
        o.progress = [&](double) {
            if (++calls == at)
                stopLong = true;
        };
        auto stopped = cdnow([&](Project &p) { bootstrap(p, samples, 1); }, o);
        QVERIFY(stopped.ok());
        QCOMPARE(calls, at); // no resample after the stop
        std::vector<std::vector<std::string>> warned;
        for (const Diagnostic &w : stopped->warnings)
            if (w.code == Msg::BootstrapStopped)
                warned.push_back(w.args);
        QCOMPARE(warned, std::vector<std::vector<std::string>>{said});
        QCOMPARE(*stopped->column("clv_low"), *delta->column("clv_low"));
        QCOMPARE(*stopped->column("clv_high"), *delta->column("clv_high"));
        std::atomic<bool> stop{false};
        calls = 0;
        ComputeOptions s;
        s.stop = &stop;
        s.progress = [&](double) {
            if (++calls == at)
                stop = true;
        };
        auto superseded = cdnow([&](Project &p) { bootstrap(p, samples, 1); }, s);
        QVERIFY(!superseded.ok());
        QCOMPARE(superseded.error().kind, ErrorKind::Cancelled);
    };
    stopAt(200, 3, {"3", "200"});
    // after the last refit, while each customer's interval is taken from the refits: the same
    // fallback (the refits all done), not a wait for the intervals
    stopAt(20, 20, {"20", "20"});
}

void TstBootstrap::projectKeys()
{
    const QString dir = QDir::tempPath() + QStringLiteral("/tst_bootstrap_project.json");
    auto write = [&](const std::string &value) {
        std::ofstream(dir.toStdString()) << R"({"valuescope": 1, "source": {"path": "x.csv", "layout": "transactions",
            "columns": {"customer": "c", "date": "d", "amount": "a"}}, "value": {"model": "predictive_clv", )"
                                         << value << "}}";
        return loadProject(dir.toStdString());
    };
    auto ok = write(R"("clv_interval": "bootstrap", "bootstrap_samples": 500, "bootstrap_seed": 42)");
    QVERIFY2(ok.ok(), ok.ok() ? "" : ok.error().describe().c_str());
    QCOMPARE(ok->value.clvInterval, std::string("bootstrap"));
    QCOMPARE(ok->value.bootstrapSamples, 500.0);
    QCOMPARE(ok->value.bootstrapSeed, 42.0);
    const Project defaults = write(R"("rate": 0.1)").value();
    QCOMPARE(defaults.value.clvInterval, std::string("delta"));
    QCOMPARE(defaults.value.bootstrapSamples, 200.0);
    QCOMPARE(defaults.value.bootstrapSeed, 1.0);
    auto bad = write(R"("clv_interval": "jackknife")");
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().describe().find("'value.clv_interval' must be delta or bootstrap, not 'jackknife'") != std::string::npos,
             bad.error().describe().c_str());
    auto few = write(R"("bootstrap_samples": 5)");
    QVERIFY(!few.ok());
    QVERIFY(few.error().describe().find("'value.bootstrap_samples' must be a whole number from 20 to 10000") != std::string::npos);
    QFile::remove(dir);
}

QTEST_GUILESS_MAIN(TstBootstrap)
#include "tst_bootstrap.moc"
