// BG/NBD and Gamma-Gamma: the published CDNOW fits (Fader, Hardie & Lee 2005), the published
// per-customer summaries, scipy's fits, predictions and holdout figures
// (tests/data/make_btyd_reference.py), parameters recovered from simulated customers, and clear
// errors for fits that cannot be made.
#include "core/analytics/analysis.h"
#include "core/analytics/btyd.h"
#include "core/io/readers.h"
#include "testutil.h"

#include <QTest>

#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/hypergeometric_pFq.hpp>

#include <fstream>
#include <map>
#include <sstream>

using namespace vs;
using testutil::dataPath;

namespace {

struct Csv {
    std::vector<std::string> header;
    std::vector<std::vector<double>> rows;
};

Csv readNumbers(const std::string &path)
{
    Csv c;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    std::stringstream hs(line);
    for (std::string f; std::getline(hs, f, ',');)
        c.header.push_back(f);
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::vector<double> v;
        for (std::string f; std::getline(ss, f, ',');)
            v.push_back(std::stod(f));
        c.rows.push_back(v);
    }
    return c;
}

std::vector<double> columnOf(const Csv &c, size_t k)
{
    std::vector<double> v;
    for (const auto &r : c.rows)
        v.push_back(r[k]);
    return v;
}

} // namespace

class TstBtyd : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cdnowReproducesThePublishedFits();
    void cdnowFitsMatchScipy();
    void summaryMatchesThePublishedOne();
    void predictionsMatchScipy();
    void clvIntervalCoversTheParameterUncertainty();
    void holdoutCheckMatches();
    void simulatedParametersAreRecovered();
    void hypergeometricSeriesMatchesBoost();
    void degenerateFitsSaySo();
    void penalizerShrinksTheParameters();

private:
    Result<AnalysisResults> cdnow(const std::function<void(Project &)> &edit = {});
    nlohmann::json m_ref;
    std::shared_ptr<const Table> m_table;
    std::optional<AnalysisResults> m_results;
};

Result<AnalysisResults> TstBtyd::cdnow(const std::function<void(Project &)> &edit)
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
    return computeAnalysis(prepared.value(), p);
}

void TstBtyd::initTestCase()
{
    m_ref = testutil::loadJson(dataPath("reference/btyd.json"));
    auto r = readTable(std::string(VS_RESOURCES) + "/sample/cdnow_sample.txt", ReadOptions{});
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
    m_table = std::make_shared<const Table>(std::move(r->table));
    auto res = cdnow();
    QVERIFY2(res.ok(), res.ok() ? "" : res.error().describe().c_str());
    m_results = std::move(res.value());
}

void TstBtyd::cdnowReproducesThePublishedFits()
{
    QVERIFY(m_results->btyd);
    const BtydInfo &b = *m_results->btyd;
    const BgNbdParams &p = b.bgnbd.params;
    // Fader, Hardie & Lee (2005), "Counting your customers the easy way", table 1
    QVERIFY2(std::fabs(p.r - 0.243) < 0.0005, qPrintable(QString::number(p.r)));
    QVERIFY2(std::fabs(p.alpha - 4.414) < 0.0005, qPrintable(QString::number(p.alpha)));
    QVERIFY2(std::fabs(p.a - 0.793) < 0.0005, qPrintable(QString::number(p.a)));
    QVERIFY2(std::fabs(p.b - 2.426) < 0.0005, qPrintable(QString::number(p.b)));
    QVERIFY2(std::fabs(b.bgnbd.info.logLikelihood - -9582.4) < 0.05, qPrintable(QString::number(b.bgnbd.info.logLikelihood)));
    QCOMPARE(b.bgnbd.info.customers, size_t(2357));
    // Fader, Hardie & Lee (2005b), "The Gamma-Gamma model of monetary value"
    QVERIFY(b.gammaGamma);
    const GammaGammaParams &g = b.gammaGamma->params;
    QVERIFY2(std::fabs(g.p - 6.25) < 0.005, qPrintable(QString::number(g.p)));
    QVERIFY2(std::fabs(g.q - 3.74) < 0.005, qPrintable(QString::number(g.q)));
    QVERIFY2(std::fabs(g.v - 15.44) < 0.01, qPrintable(QString::number(g.v)));
    QCOMPARE(b.gammaGamma->info.customers, size_t(946));
}

void TstBtyd::cdnowFitsMatchScipy()
{
    const BtydInfo &b = *m_results->btyd;
    const auto &bg = m_ref["cdnow"]["bgnbd"];
    VS_COMPARE_NUMBER(b.bgnbd.params.r, bg["r"], 1e-5, "r");
    VS_COMPARE_NUMBER(b.bgnbd.params.alpha, bg["alpha"], 1e-5, "alpha");
    VS_COMPARE_NUMBER(b.bgnbd.params.a, bg["a"], 1e-5, "a");
    VS_COMPARE_NUMBER(b.bgnbd.params.b, bg["b"], 1e-5, "b");
    VS_COMPARE_NUMBER(b.bgnbd.info.logLikelihood, bg["log_likelihood"], 1e-9, "BG/NBD log-likelihood");
    for (int k = 0; k < 4; ++k)
        VS_COMPARE_NUMBER(b.bgnbd.info.standardErrors[size_t(k)], bg["se"][k], 1e-3, "BG/NBD standard error");
    const auto &gg = m_ref["cdnow"]["gamma_gamma"];
    VS_COMPARE_NUMBER(b.gammaGamma->params.p, gg["p"], 1e-5, "p");
    VS_COMPARE_NUMBER(b.gammaGamma->params.q, gg["q"], 1e-5, "q");
    VS_COMPARE_NUMBER(b.gammaGamma->params.v, gg["v"], 1e-5, "v");
    VS_COMPARE_NUMBER(b.gammaGamma->info.logLikelihood, gg["log_likelihood"], 1e-9, "Gamma-Gamma log-likelihood");
    for (int k = 0; k < 3; ++k)
        VS_COMPARE_NUMBER(b.gammaGamma->info.standardErrors[size_t(k)], gg["se"][k], 1e-3, "Gamma-Gamma standard error");
}

void TstBtyd::summaryMatchesThePublishedOne()
{
    // the published summary (ID,x,t_x,T,zbar; rounded to 2 decimals) and pandas' exact one
    const Csv pub = readNumbers(testutil::dataPath("cdnow/cdnow_customers_summary_with_transactions.csv"));
    const AnalysisResults &r = *m_results;
    QCOMPARE(r.rowCount(), pub.rows.size());
    const auto *x = r.column("frequency"), *tx = r.column("recency"), *T = r.column("T"), *m = r.column("monetary");
    QVERIFY(x && tx && T && m);
    std::map<int, size_t> rowOf;
    for (size_t i = 0; i < r.rowCount(); ++i)
        rowOf[std::stoi(std::string(r.data->ids.at(i)))] = i;
    for (const auto &row : pub.rows) {
        const size_t i = rowOf.at(int(row[0]));
        QCOMPARE((*x)[i], row[1]);
        QVERIFY2(std::fabs((*tx)[i] - row[2]) <= 0.005 + 1e-9, qPrintable(QString("recency of %1").arg(row[0])));
        QVERIFY2(std::fabs((*T)[i] - row[3]) <= 0.005 + 1e-9, qPrintable(QString("T of %1").arg(row[0])));
        QVERIFY2(std::fabs((*m)[i] - row[4]) <= 0.005 + 1e-9, qPrintable(QString("monetary of %1").arg(row[0])));
    }
    const auto &s = m_ref["cdnow"]["summary"];
    for (size_t k = 0; k < s["id"].size(); ++k) {
        const size_t i = rowOf.at(std::stoi(s["id"][k].get<std::string>()));
        VS_COMPARE_NUMBER((*x)[i], s["x"][k], 0, "frequency");
        VS_COMPARE_NUMBER((*tx)[i], s["tx"][k], 1e-14, "recency");
        VS_COMPARE_NUMBER((*T)[i], s["T"][k], 1e-14, "T");
        VS_COMPARE_NUMBER((*m)[i], s["m"][k], 1e-12, "monetary");
    }
}

void TstBtyd::predictionsMatchScipy()
{
    const AnalysisResults &r = *m_results;
    std::map<std::string, size_t> rowOf;
    for (size_t i = 0; i < r.rowCount(); ++i)
        rowOf[std::string(r.data->ids.at(i))] = i;
    const auto &rb = m_ref["cdnow"]["bgnbd"], &rg = m_ref["cdnow"]["gamma_gamma"];
    const BgNbdParams bp{rb["r"], rb["alpha"], rb["a"], rb["b"]};
    const GammaGammaParams gp{rg["p"], rg["q"], rg["v"]};
    const double unitsPerMonth = 365.25 / 12 / 7;
    for (const auto &c : m_ref["cdnow"]["customers"]) {
        const size_t i = rowOf.at(c["id"].get<std::string>());
        const QString who = QString::fromStdString(c["id"].get<std::string>());
        // the formulas at scipy's parameters (scipy's own 2F1): as exact as double arithmetic allows
        const double x = c["x"], tx = c["tx"], T = c["T"], m = c["m"];
        VS_COMPARE_NUMBER(pAlive(bp, x, tx, T), c["p_alive"], 1e-12, "P(alive) of " + who);
        VS_COMPARE_NUMBER(expectedPurchases(bp, 12 * unitsPerMonth, x, tx, T), c["expected_purchases"], 1e-10,
                          "expected purchases of " + who);
        VS_COMPARE_NUMBER(expectedAverageValue(gp, x, m), c["expected_average_value"], 1e-12, "average value of " + who);
        VS_COMPARE_NUMBER(expectedAverageValue(gp, x, m) * discountedPurchases(bp, 12, unitsPerMonth, 0.01, x, tx, T),
                          c["clv"], 1e-10, "CLV of " + who);
        // end to end, with our own fit (which agrees with scipy's to about 1e-8)
        VS_COMPARE_NUMBER((*r.column("p_alive"))[i], c["p_alive"], 1e-6, "P(alive) of " + who);
        VS_COMPARE_NUMBER((*r.column("expected_purchases"))[i], c["expected_purchases"], 1e-6, "expected purchases of " + who);
        VS_COMPARE_NUMBER((*r.column("expected_average_value"))[i], c["expected_average_value"], 1e-6, "average value of " + who);
        VS_COMPARE_NUMBER(r.value[i], c["clv"], 1e-6, "value (= CLV) of " + who);
    }
}

void TstBtyd::clvIntervalCoversTheParameterUncertainty()
{
    // the delta-method interval against 4,000 parameter draws from the fits' normal approximation
    const AnalysisResults &r = *m_results;
    std::map<std::string, size_t> rowOf;
    for (size_t i = 0; i < r.rowCount(); ++i)
        rowOf[std::string(r.data->ids.at(i))] = i;
    int checked = 0;
    for (const auto &c : m_ref["cdnow"]["customers"]) {
        if (!c.contains("clv_q05"))
            continue;
        const size_t i = rowOf.at(c["id"].get<std::string>());
        const double lo = (*r.column("clv_low"))[i], hi = (*r.column("clv_high"))[i], v = (*r.column("clv"))[i];
        QVERIFY(lo < v && v < hi);
        VS_COMPARE_NUMBER(lo, c["clv_q05"], 0.03, "lower CLV bound");
        VS_COMPARE_NUMBER(hi, c["clv_q95"], 0.03, "upper CLV bound");
        ++checked;
    }
    QCOMPARE(checked, 5);
}

void TstBtyd::holdoutCheckMatches()
{
    const BtydInfo &b = *m_results->btyd;
    VS_COMPARE_NUMBER(b.holdoutLength, m_ref["cdnow"]["holdout_length"], 1e-12, "holdout length");
    QCOMPARE(b.holdout.size(), m_ref["cdnow"]["holdout"].size());
    for (size_t k = 0; k < b.holdout.size(); ++k) {
        const auto &e = m_ref["cdnow"]["holdout"][k];
        QCOMPARE(b.holdout[k].frequency, e["frequency"].get<int>());
        QCOMPARE(b.holdout[k].customers, e["customers"].get<size_t>());
        VS_COMPARE_NUMBER(b.holdout[k].actual, e["actual"], 1e-12, "actual holdout purchases");
        VS_COMPARE_NUMBER(b.holdout[k].predicted, e["predicted"], 1e-6, "predicted holdout purchases");
    }
    QVERIFY(b.holdout.back().orMore);
    // the matrices the frequency/recency and P(alive) charts draw
    QCOMPARE(b.expectedMatrix.size(), size_t(b.maxFrequency + 1) * b.recencyGrid.size());
    QCOMPARE(b.aliveMatrix.size(), b.expectedMatrix.size());
    const size_t cols = b.recencyGrid.size();
    // a customer who bought often and recently is expected to buy more than one who stopped long ago
    QVERIFY(b.expectedMatrix[size_t(b.maxFrequency) * cols + cols - 1] > b.expectedMatrix[size_t(b.maxFrequency) * cols]);
    QCOMPARE(pAlive(b.bgnbd.params, 3, b.recencyGrid.back(), b.matrixT),
             b.aliveMatrix[3 * cols + cols - 1]);
}

void TstBtyd::simulatedParametersAreRecovered()
{
    const Csv sim = readNumbers(dataPath("reference/btyd_simulated.csv"));
    const std::vector<double> x = columnOf(sim, 0), tx = columnOf(sim, 1), T = columnOf(sim, 2), m = columnOf(sim, 3);
    auto bg = fitBgNbd(x, tx, T);
    QVERIFY2(bg.ok(), bg.ok() ? "" : bg.error().message().c_str());
    const auto &truth = m_ref["simulated"];
    const double est[4] = {bg->params.r, bg->params.alpha, bg->params.a, bg->params.b};
    const char *names[4] = {"r", "alpha", "a", "b"};
    for (int k = 0; k < 4; ++k) {
        const double t = truth["bgnbd"][names[k]], se = bg->info.standardErrors[size_t(k)];
        QVERIFY2(std::fabs(est[k] - t) < 3 * se,
                 qPrintable(QString("%1: %2 (se %3), true %4").arg(names[k]).arg(est[k]).arg(se).arg(t)));
    }
    std::vector<double> gx, gm;
    for (size_t i = 0; i < x.size(); ++i)
        if (x[i] > 0) {
            gx.push_back(x[i]);
            gm.push_back(m[i]);
        }
    auto gg = fitGammaGamma(gx, gm);
    QVERIFY2(gg.ok(), gg.ok() ? "" : gg.error().message().c_str());
    const double gest[3] = {gg->params.p, gg->params.q, gg->params.v};
    const char *gnames[3] = {"p", "q", "v"};
    for (int k = 0; k < 3; ++k) {
        const double t = truth["gamma_gamma"][gnames[k]], se = gg->info.standardErrors[size_t(k)];
        QVERIFY2(std::fabs(gest[k] - t) < 3 * se,
                 qPrintable(QString("%1: %2 (se %3), true %4").arg(gnames[k]).arg(gest[k]).arg(se).arg(t)));
    }
}

void TstBtyd::hypergeometricSeriesMatchesBoost()
{
    for (double a : {-0.8, 0.3, 2.5})
        for (double b : {-0.2, 0.7, 4.0})
            for (double c : {0.6, 3.2, 40.0})
                for (double z : {0.0, 0.1, 0.5, 0.9}) {
                    const double mine = hyp2f1(a, b, c, z);
                    const double ref = boost::math::hypergeometric_pFq({a, b}, {c}, z);
                    QVERIFY2(std::fabs(mine - ref) <= 1e-12 * std::max(1.0, std::fabs(ref)),
                             qPrintable(QString("2F1(%1,%2;%3;%4) = %5, Boost %6").arg(a).arg(b).arg(c).arg(z).arg(mine, 0, 'g', 17).arg(ref, 0, 'g', 17)));
                }
}

void TstBtyd::degenerateFitsSaySo()
{
    // everyone bought on one day only
    std::vector<double> zero(50, 0.0), T(50, 30.0);
    auto once = fitBgNbd(zero, zero, T);
    QVERIFY(!once.ok());
    QVERIFY2(QString::fromStdString(once.error().message()).contains("more than one day"), once.error().message().c_str());
    // too few customers
    std::vector<double> x = {1, 2, 0, 3}, tx = {3, 5, 0, 8}, T4 = {10, 10, 10, 10};
    auto few = fitBgNbd(x, tx, T4);
    QVERIFY(!few.ok());
    QVERIFY(QString::fromStdString(few.error().message()).contains("at least 10"));
    // every repeat customer spends the same: nothing to fit
    std::vector<double> gx = {1, 2, 3, 4}, gm = {10, 10, 10, 10};
    auto same = fitGammaGamma(gx, gm);
    QVERIFY(!same.ok());
    QVERIFY(QString::fromStdString(same.error().message()).contains("same"));
    // the same through the whole analysis: an error, never numbers
    auto res = cdnow([](Project &p) { p.value.observationEnd = "1997-01-01"; });
    QVERIFY(!res.ok());
    QVERIFY2(QString::fromStdString(res.error().message()).contains("BG/NBD"), res.error().message().c_str());
    auto bad = cdnow([](Project &p) { p.value.observationEnd = "not a date"; });
    QVERIFY(!bad.ok());
    QVERIFY(QString::fromStdString(bad.error().message()).contains("not a date"));
}

void TstBtyd::penalizerShrinksTheParameters()
{
    const Csv pub = readNumbers(testutil::dataPath("cdnow/cdnow_customers_summary.csv"));
    const std::vector<double> x = columnOf(pub, 1), tx = columnOf(pub, 2), T = columnOf(pub, 3);
    auto plain = fitBgNbd(x, tx, T, 0);
    auto pen = fitBgNbd(x, tx, T, 0.01);
    QVERIFY(plain.ok() && pen.ok());
    const double s0 = plain->params.r * plain->params.r + plain->params.alpha * plain->params.alpha +
                      plain->params.a * plain->params.a + plain->params.b * plain->params.b;
    const double s1 = pen->params.r * pen->params.r + pen->params.alpha * pen->params.alpha + pen->params.a * pen->params.a +
                      pen->params.b * pen->params.b;
    QVERIFY(s1 < s0);
    // the penalised optimum has a lower likelihood than the unpenalised one, and both are finite
    QVERIFY(pen->info.logLikelihood < plain->info.logLikelihood);
    QCOMPARE(bgNbdLogLikelihood(plain->params, x, tx, T), plain->info.logLikelihood);
}

QTEST_GUILESS_MAIN(TstBtyd)
#include "tst_btyd.moc"
