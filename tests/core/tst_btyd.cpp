// BG/NBD and Gamma-Gamma: the published CDNOW fits (Fader, Hardie & Lee 2005), the published
// per-customer summaries, scipy's fits, predictions and holdout figures
// (tests/data/make_btyd_reference.py), parameters recovered from simulated customers, and clear
// errors for fits that cannot be made.
#include "core/analytics/analysis.h"
#include "core/analytics/btyd.h"
#include "core/domain/models.h"
#include "core/io/readers.h"
#include "testutil.h"

#include <QDate>
#include <QTemporaryDir>
#include <QTest>

#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/hypergeometric_pFq.hpp>

#include <fstream>
#include <random>
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

BgNbdParams bgParams(const BtydInfo &b)
{
    const Params4 &p = b.find("bgnbd")->fit.params;
    return {p[0], p[1], p[2], p[3]};
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
    void spendPenalizerIsTheSpendModelsOwn();
    void sameSpendEverywhereReducesGammaGammaToItsLimit();
    void failedPurchaseFitCostsOnlyItsColumns();
    void bgnbdStandardErrorsAreThePublishedOnes();
    void otherPurchaseModelsMatchPublishedAndScipy();
    void namedModelWithHoldoutIsComparedWithTheOthers();
    void bgbbReproducesTheDonationsFit();
    void holdoutEndAndHoldoutColumns();
    void calendarPeriodsMatchPandas();
    void monthDaysAndFractionalHorizon();
    void trackingSeriesMatchesPandas();
    void spendFrequencyCorrelationMatchesPandas();

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
    const BgNbdParams p = bgParams(b);
    // Fader, Hardie & Lee (2005), "Counting your customers the easy way", table 1
    QVERIFY2(std::fabs(p.r - 0.243) < 0.0005, qPrintable(QString::number(p.r)));
    QVERIFY2(std::fabs(p.alpha - 4.414) < 0.0005, qPrintable(QString::number(p.alpha)));
    QVERIFY2(std::fabs(p.a - 0.793) < 0.0005, qPrintable(QString::number(p.a)));
    QVERIFY2(std::fabs(p.b - 2.426) < 0.0005, qPrintable(QString::number(p.b)));
    QVERIFY2(std::fabs(b.find("bgnbd")->fit.info.logLikelihood - -9582.4) < 0.05, qPrintable(QString::number(b.find("bgnbd")->fit.info.logLikelihood)));
    QCOMPARE(b.find("bgnbd")->fit.info.customers, size_t(2357));
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
    VS_COMPARE_NUMBER(bgParams(b).r, bg["r"], 1e-5, "r");
    VS_COMPARE_NUMBER(bgParams(b).alpha, bg["alpha"], 1e-5, "alpha");
    VS_COMPARE_NUMBER(bgParams(b).a, bg["a"], 1e-5, "a");
    VS_COMPARE_NUMBER(bgParams(b).b, bg["b"], 1e-5, "b");
    VS_COMPARE_NUMBER(b.find("bgnbd")->fit.info.logLikelihood, bg["log_likelihood"], 1e-9, "BG/NBD log-likelihood");
    for (int k = 0; k < 4; ++k)
        VS_COMPARE_NUMBER(b.find("bgnbd")->fit.info.standardErrors[size_t(k)], bg["se"][k], 1e-3, "BG/NBD standard error");
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
    QCOMPARE(pAlive(bgParams(b), 3, b.recencyGrid.back(), b.matrixT),
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
    // every repeat customer spends the same: the model's limit, everyone's spend is the mean
    std::vector<double> gx = {1, 2, 3, 4}, gm = {10, 10, 10, 10};
    auto same = fitGammaGamma(gx, gm);
    QVERIFY(same.ok());
    QVERIFY(same->atLimit);
    QCOMPARE(same->expectedAverageValue(0, 0), 10.0);
    QCOMPARE(same->expectedAverageValue(3, 10), 10.0);
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

namespace {

// Order lines: `customers` customers, each buying on a few days, every order worth `amount` when
// amount > 0, else a spend that varies.
std::shared_ptr<const Table> orderLines(const QString &path, int customers, double amount)
{
    std::ofstream f(path.toStdString());
    f << "customer,date,amount\n";
    std::mt19937 rng(12345);
    std::exponential_distribution<double> gap(1.0 / 30);
    std::uniform_real_distribution<double> u(0, 1);
    std::gamma_distribution<double> rate(2.0, 1.0 / 60);
    std::uniform_int_distribution<int> price(10, 99);
    for (int c = 0; c < customers; ++c) {
        const double lambda = rate(rng); // purchases per day
        int day = int(u(rng) * 90);
        while (day < 540) {
            const double a = amount > 0 ? amount : double(price(rng));
            f << "c" << c << "," << QDate(2020, 1, 1).addDays(day).toString("yyyy-MM-dd").toStdString() << "," << a << "\n";
            if (u(rng) < 0.15) // drops out
                break;
            day += 1 + int(std::exponential_distribution<double>(lambda)(rng));
        }
    }
    (void)gap;
    f.close();
    auto r = readTable(path.toStdString(), ReadOptions{});
    return r.ok() ? std::make_shared<const Table>(std::move(r->table)) : nullptr;
}

Result<AnalysisResults> analyse(const std::shared_ptr<const Table> &table, const std::function<void(Project &)> &edit)
{
    Project p;
    p.source.layout = Layout::Transactions;
    p.source.columns = {{"customer", "customer"}, {"date", "date"}, {"amount", "amount"}};
    p.value.model = "predictive_clv";
    if (edit)
        edit(p);
    auto prepared = prepareData(table, p, "orders.csv");
    if (!prepared)
        return prepared.error();
    return computeAnalysis(prepared.value(), p);
}

bool hasWarning(const AnalysisResults &r, Msg code)
{
    return std::any_of(r.warnings.begin(), r.warnings.end(), [&](const Diagnostic &w) { return isAbout(w, code); });
}

const NamedValues *extra(const AnalysisResults &r, const std::string &name)
{
    for (const NamedValues &e : r.extra)
        if (e.name == name)
            return &e;
    return nullptr;
}

std::map<std::string, size_t> rowsById(const AnalysisResults &r)
{
    std::map<std::string, size_t> rowOf;
    for (size_t i = 0; i < r.rowCount(); ++i)
        rowOf[std::string(r.data->ids.at(i))] = i;
    return rowOf;
}

} // namespace

void TstBtyd::spendPenalizerIsTheSpendModelsOwn()
{
    // value.penalizer shrinks the purchase model only: Gamma-Gamma stays the unpenalised fit
    auto pen = cdnow([](Project &p) { p.value.penalizer = 0.1; });
    QVERIFY2(pen.ok(), pen.ok() ? "" : pen.error().message().c_str());
    QVERIFY(pen->btyd->gammaGamma);
    QCOMPARE(pen->btyd->gammaGamma->params.q, m_results->btyd->gammaGamma->params.q);
    QVERIFY(bgParams(*pen->btyd).alpha < bgParams(*m_results->btyd).alpha);
    QVERIFY(!std::isnan(pen->value[0]));
    // value.spend_penalizer shrinks Gamma-Gamma; whatever it does, the rest of the analysis stays
    auto spend = cdnow([](Project &p) { p.value.spendPenalizer = 0.001; });
    QVERIFY(spend.ok());
    QCOMPARE(bgParams(*spend->btyd).r, bgParams(*m_results->btyd).r);
    QVERIFY(spend->btyd->gammaGamma);
    const GammaGammaParams &a = spend->btyd->gammaGamma->params, &b = m_results->btyd->gammaGamma->params;
    QVERIFY(a.p * a.p + a.q * a.q + a.v * a.v < b.p * b.p + b.q * b.q + b.v * b.v);
    auto strong = cdnow([](Project &p) { p.value.spendPenalizer = 0.1; });
    QVERIFY(strong.ok());
    QVERIFY(!std::isnan((*strong->column("p_alive"))[0]));
    if (!strong->btyd->gammaGamma) {
        QVERIFY(hasWarning(*strong, Msg::SpendModelNotFitted));
        QVERIFY(extra(*strong, "clv")->emptyBecause);
    }
}

void TstBtyd::sameSpendEverywhereReducesGammaGammaToItsLimit()
{
}

void TstBtyd::failedPurchaseFitCostsOnlyItsColumns()
{
    // three months of data: too few repeat customers for any purchase model
    auto res = cdnow([](Project &p) { p.value.observationEnd = "1997-01-01"; });
    QVERIFY2(res.ok(), res.ok() ? "" : res.error().message().c_str());
    QVERIFY(hasWarning(*res, Msg::PurchaseModelNotFitted));
    const NamedValues *alive = extra(*res, "p_alive");
    QVERIFY(alive && alive->emptyBecause);
    QVERIFY(QString::fromStdString(alive->emptyBecause->message()).contains("BG/NBD"));
    QVERIFY(std::all_of(alive->values.begin(), alive->values.end(), [](double v) { return std::isnan(v); }));
    QVERIFY(extra(*res, "clv")->emptyBecause);
    // what does not need the purchase model is there
    QVERIFY(extra(*res, "frequency") && !extra(*res, "frequency")->emptyBecause);
    QVERIFY(extra(*res, "holdout_purchases"));
    QVERIFY(!res->btyd || res->btyd->chosen < 0);
    // BG/BB without a period: the model's columns are empty and say why
    auto bgbb = cdnow([](Project &p) { p.value.purchaseModel = "bgbb"; });
    QVERIFY(bgbb.ok());
    QVERIFY(extra(*bgbb, "p_alive")->emptyBecause);
    QVERIFY(QString::fromStdString(extra(*bgbb, "p_alive")->emptyBecause->message()).contains("period"));
}

void TstBtyd::bgnbdStandardErrorsAreThePublishedOnes()
{
    // Fader, Hardie & Lee: the standard errors from the Hessian at the CDNOW maximum
    const FitInfo &f = m_results->btyd->find("bgnbd")->fit.info;
    const double published[4] = {0.012557, 0.378221, 0.185719, 0.705345};
    for (size_t k = 0; k < 4; ++k)
        QVERIFY2(std::fabs(f.standardErrors[k] - published[k]) <= 5e-4 * published[k],
                 qPrintable(QString("se %1: %2, published %3").arg(k).arg(f.standardErrors[k], 0, 'g', 8).arg(published[k])));
}

void TstBtyd::otherPurchaseModelsMatchPublishedAndScipy()
{
    // with the holdout to the last order every model is fitted and compared
    auto res = cdnow([](Project &p) { p.value.purchaseModel = "auto"; });
    QVERIFY2(res.ok(), res.ok() ? "" : res.error().message().c_str());
    const BtydInfo &b = *res->btyd;
    QCOMPARE(b.models.size(), size_t(3));
    const auto ref = testutil::loadJson(dataPath("reference/purchase_models.json"))["cdnow"];
    // published: Pareto/NBD (r, α, s, β; LL; standard errors), MBG/NBD (Batislam et al. 2007)
    const PurchaseModelFit *pareto = b.find("pareto_nbd"), *mbg = b.find("mbgnbd");
    QVERIFY(pareto && mbg);
    const double pub[4] = {0.553, 10.578, 0.606, 11.669}, pubSe[4] = {0.0476, 0.8427, 0.1873, 6.2105};
    for (size_t k = 0; k < 4; ++k) {
        QVERIFY2(std::fabs(pareto->fit.params[k] - pub[k]) < 0.0006, qPrintable(QString::number(pareto->fit.params[k])));
        QVERIFY2(std::fabs(pareto->fit.info.standardErrors[k] - pubSe[k]) < 0.0006 * std::max(1.0, pubSe[k]),
                 qPrintable(QString::number(pareto->fit.info.standardErrors[k])));
    }
    QVERIFY(std::fabs(pareto->fit.info.logLikelihood - -9595.0) < 0.05);
    const double pubMbg[4] = {0.525, 6.183, 0.891, 1.614};
    for (size_t k = 0; k < 4; ++k)
        QVERIFY2(std::fabs(mbg->fit.params[k] - pubMbg[k]) < 0.0006, qPrintable(QString::number(mbg->fit.params[k])));
    // scipy's fits, standard errors, comparison figures and predictions
    const auto rowOf = rowsById(*res);
    for (const PurchaseModelFit &m : b.models) {
        const auto &e = ref[m.model->key];
        const QString name = QString::fromUtf8(m.model->key);
        for (size_t k = 0; k < 4; ++k) {
            VS_COMPARE_NUMBER(m.fit.params[k], e["params"][k], 2e-5, name + " parameter");
            VS_COMPARE_NUMBER(m.fit.info.standardErrors[k], e["se"][k], 2e-3, name + " standard error");
        }
        VS_COMPARE_NUMBER(m.fit.info.logLikelihood, e["log_likelihood"], 1e-9, name + " log-likelihood");
        VS_COMPARE_NUMBER(m.aic, e["aic"], 1e-9, name + " AIC");
        VS_COMPARE_NUMBER(m.bic, e["bic"], 1e-9, name + " BIC");
        QVERIFY(m.holdout);
        VS_COMPARE_NUMBER(m.holdout->mae, e["holdout"]["mae"], 1e-5, name + " MAE");
        VS_COMPARE_NUMBER(m.holdout->rmse, e["holdout"]["rmse"], 1e-5, name + " RMSE");
        VS_COMPARE_NUMBER(m.holdout->predictedTotal, e["holdout"]["predicted_total"], 1e-5, name + " predicted total");
        VS_COMPARE_NUMBER(m.holdout->actualTotal, e["holdout"]["actual_total"], 0, name + " actual total");
        Params4 sp;
        for (size_t k = 0; k < 4; ++k)
            sp[k] = e["params"][k];
        for (const auto &c : e["customers"]) {
            const double x = c["x"], tx = c["tx"], T = c["T"];
            VS_COMPARE_NUMBER(purchasePAlive(m.model->kind, sp, x, tx, T), c["p_alive"], 1e-10, name + " P(alive)");
            VS_COMPARE_NUMBER(purchasePAlive(m.model->kind, sp, x, tx, T) *
                                  purchaseExpectedIfAlive(m.model->kind, sp, b.holdoutLength, x, T),
                              c["expected_holdout"], 1e-10, name + " expected holdout purchases");
        }
        for (const auto &t : e["new"])
            VS_COMPARE_NUMBER(purchaseExpectedNew(m.model->kind, sp, t[0]), t[1], 1e-10, name + " expected purchases of a new customer");
    }
    // auto picks the smallest holdout error and says so
    int best = 0;
    for (size_t k = 1; k < b.models.size(); ++k)
        if (b.models[k].holdout->mae < b.models[size_t(best)].holdout->mae)
            best = int(k);
    QCOMPARE(b.chosen, best);
    QCOMPARE(std::string(b.chosenFit()->model->key), std::string("pareto_nbd"));
    QVERIFY(hasWarning(*res, Msg::ModelChosenByHoldout));
    // the window's numbers follow the chosen model
    const size_t i = rowOf.at(ref["pareto_nbd"]["customers"][0]["id"].get<std::string>());
    const auto &c0 = ref["pareto_nbd"]["customers"][0];
    VS_COMPARE_NUMBER((*res->column("p_alive"))[i], c0["p_alive"], 1e-5, "P(alive) of the chosen model");
    // without a holdout, auto chooses by BIC
    auto noHold = cdnow([](Project &p) {
        p.value.purchaseModel = "auto";
        p.value.observationEnd = "1998-06-30";
    });
    QVERIFY(noHold.ok());
    QVERIFY(hasWarning(*noHold, Msg::ModelChosenByBic));
    for (const PurchaseModelFit &m : noHold->btyd->models)
        QVERIFY(m.bic >= noHold->btyd->chosenFit()->bic && !m.holdout);
}

// Issue 16: with a holdout period every applicable model is fitted and compared, also when the
// user named one; the named one stays the one whose columns are written.
void TstBtyd::namedModelWithHoldoutIsComparedWithTheOthers()
{
    const auto ref = testutil::loadJson(dataPath("reference/purchase_models.json"))["cdnow"];
    for (const char *named : {"bgnbd", "mbgnbd"}) {
        auto res = cdnow([&](Project &p) { p.value.purchaseModel = named; });
        QVERIFY2(res.ok(), res.ok() ? "" : res.error().message().c_str());
        const BtydInfo &b = *res->btyd;
        QCOMPARE(b.models.size(), size_t(3)); // BG/NBD, Pareto/NBD, MBG/NBD (BG/BB needs a period)
        QCOMPARE(std::string(b.chosenFit()->model->key), std::string(named));
        QVERIFY(!hasWarning(*res, Msg::ModelChosenByHoldout));
        for (const PurchaseModelFit &m : b.models) { // the same figures as scipy's comparison
            QVERIFY(m.holdout);
            VS_COMPARE_NUMBER(m.holdout->mae, ref[m.model->key]["holdout"]["mae"], 1e-5, QString::fromUtf8(m.model->key));
        }
        // the columns are the named model's, not the best one's (Pareto/NBD on CDNOW)
        const auto &c0 = ref[named]["customers"][0];
        const size_t i = rowsById(*res).at(c0["id"].get<std::string>());
        VS_COMPARE_NUMBER((*res->column("p_alive"))[i], c0["p_alive"], 1e-5, "P(alive) of the named model");
    }
    // without a holdout a named model is fitted alone
    auto noHold = cdnow([](Project &p) { p.value.observationEnd = "1998-06-30"; });
    QVERIFY(noHold.ok());
    QCOMPARE(noHold->btyd->models.size(), size_t(1));
}

void TstBtyd::bgbbReproducesTheDonationsFit()
{
    // Fader, Hardie & Shang (2010): 11,104 supporters, six yearly opportunities
    const Csv don = readNumbers(dataPath("donations/donations.csv"));
    std::vector<double> x, tx, n;
    for (const auto &row : don.rows)
        for (int k = 0; k < int(row[3]); ++k) {
            x.push_back(row[0]);
            tx.push_back(row[1]);
            n.push_back(row[2]);
        }
    QCOMPARE(x.size(), size_t(11104));
    auto fit = fitPurchaseModel(PurchaseKind::BgBb, x, tx, n);
    QVERIFY2(fit.ok(), fit.ok() ? "" : fit.error().message().c_str());
    const double pub[4] = {1.204, 0.750, 0.657, 2.783};
    for (size_t k = 0; k < 4; ++k)
        QVERIFY2(std::fabs(fit->params[k] - pub[k]) < 0.0006, qPrintable(QString::number(fit->params[k])));
    const auto ref = testutil::loadJson(dataPath("reference/purchase_models.json"))["donations"];
    Params4 sp;
    for (size_t k = 0; k < 4; ++k) {
        VS_COMPARE_NUMBER(fit->params[k], ref["params"][k], 2e-5, "BG/BB parameter");
        VS_COMPARE_NUMBER(fit->info.standardErrors[k], ref["se"][k], 2e-3, "BG/BB standard error");
        sp[k] = ref["params"][k];
    }
    VS_COMPARE_NUMBER(fit->info.logLikelihood, ref["log_likelihood"], 1e-9, "BG/BB log-likelihood");
    for (const auto &pat : ref["patterns"]) {
        const double px = pat["x"], ptx = pat["tx"], pn = pat["n"];
        const double pa = purchasePAlive(PurchaseKind::BgBb, sp, px, ptx, pn);
        VS_COMPARE_NUMBER(pa, pat["p_alive"], 1e-10, "BG/BB P(alive)");
        VS_COMPARE_NUMBER(pa * purchaseExpectedIfAlive(PurchaseKind::BgBb, sp, 5, px, pn), pat["expected_5"], 1e-10,
                          "BG/BB expected purchases in 5 opportunities");
    }
    for (const auto &t : ref["new"])
        VS_COMPARE_NUMBER(purchaseExpectedNew(PurchaseKind::BgBb, sp, t[0]), t[1], 1e-10, "BG/BB expected purchases of a new supporter");
}

void TstBtyd::holdoutEndAndHoldoutColumns()
{
    auto res = cdnow([](Project &p) { p.value.holdoutEnd = "1998-03-31"; });
    QVERIFY2(res.ok(), res.ok() ? "" : res.error().message().c_str());
    const auto ref = testutil::loadJson(dataPath("reference/purchase_models.json"))["cdnow"]["holdout_end_1998_03_31"];
    VS_COMPARE_NUMBER(res->btyd->holdoutLength, ref["length"], 1e-12, "holdout length");
    const auto *hp = res->column("holdout_purchases"), *hs = res->column("holdout_spend");
    QVERIFY(hp && hs);
    const auto rowOf = rowsById(*res);
    for (const auto &c : ref["customers"]) {
        const size_t i = rowOf.at(c["id"].get<std::string>());
        VS_COMPARE_NUMBER((*hp)[i], c["holdout_purchases"], 0, "holdout purchases");
        VS_COMPARE_NUMBER((*hs)[i], c["holdout_spend"], 1e-12, "holdout spend");
    }
    double tp = 0, ts = 0;
    for (size_t i = 0; i < res->rowCount(); ++i) {
        tp += (*hp)[i];
        ts += (*hs)[i];
    }
    VS_COMPARE_NUMBER(tp, ref["total_purchases"], 0, "holdout purchases in all");
    VS_COMPARE_NUMBER(ts, ref["total_spend"], 1e-9, "holdout spend in all");
    // no holdout: no holdout columns
    auto none = cdnow([](Project &p) { p.value.observationEnd = "1998-06-30"; });
    QVERIFY(none.ok());
    QVERIFY(!none->column("holdout_purchases"));
    // a holdout end before the observation end is a bad project
    auto bad = cdnow([](Project &p) { p.value.holdoutEnd = "1997-06-30"; });
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, Msg::HoldoutEndBeforeObservationEnd);
}

void TstBtyd::calendarPeriodsMatchPandas()
{
    const auto ref = testutil::loadJson(dataPath("reference/purchase_models.json"))["cdnow"];
    for (const char *period : {"week", "month"}) {
        auto res = cdnow([&](Project &p) { p.value.period = period; });
        QVERIFY2(res.ok(), res.ok() ? "" : res.error().message().c_str());
        const auto rowOf = rowsById(*res);
        const QString what = QString::fromUtf8(period);
        for (const auto &c : ref[std::string("period_") + period]["customers"]) {
            const size_t i = rowOf.at(c["id"].get<std::string>());
            VS_COMPARE_NUMBER((*res->column("frequency"))[i], c["x"], 0, what + " frequency");
            VS_COMPARE_NUMBER((*res->column("recency"))[i], c["tx"], 0, what + " recency");
            VS_COMPARE_NUMBER((*res->column("T"))[i], c["T"], 0, what + " T");
            VS_COMPARE_NUMBER((*res->column("monetary"))[i], c["m"], 1e-12, what + " monetary");
            VS_COMPARE_NUMBER((*res->column("holdout_purchases"))[i], c["holdout"], 0, what + " holdout purchases");
        }
        QCOMPARE(res->btyd->timeUnit, std::string(period) + "s");
    }
    // BG/BB on months of CDNOW: one opportunity a month
    auto bgbb = cdnow([](Project &p) {
        p.value.period = "month";
        p.value.purchaseModel = "bgbb";
    });
    QVERIFY(bgbb.ok());
    QVERIFY(bgbb->btyd->chosenFit());
    QVERIFY(!std::isnan(bgbb->value[0]));
}

void TstBtyd::monthDaysAndFractionalHorizon()
{
    const auto ref = testutil::loadJson(dataPath("reference/purchase_models.json"))["cdnow"]["bgnbd"];
    Params4 sp;
    for (size_t k = 0; k < 4; ++k)
        sp[k] = ref["params"][k];
    for (const auto &c : ref["customers"]) {
        const double x = c["x"], tx = c["tx"], T = c["T"];
        VS_COMPARE_NUMBER(purchasePAlive(PurchaseKind::BgNbd, sp, x, tx, T) *
                              purchaseDiscountedIfAlive(PurchaseKind::BgNbd, sp, 6.5, 30.0 / 7, 0.01, x, T),
                          c["discounted_6_5_months_30_days"], 1e-10, "discounted purchases over 6.5 months of 30 days");
    }
    // end to end: value.month_days and a fractional horizon reach the CLV
    auto res = cdnow([](Project &p) {
        p.value.monthDays = 30;
        p.value.horizonMonths = 6.5;
    });
    QVERIFY(res.ok());
    const auto rowOf = rowsById(*res);
    const Params4 &fp = res->btyd->find("bgnbd")->fit.params;
    for (const auto &c : ref["customers"]) {
        const size_t i = rowOf.at(c["id"].get<std::string>());
        const double x = c["x"], tx = c["tx"], T = c["T"];
        const double dp = purchasePAlive(PurchaseKind::BgNbd, fp, x, tx, T) *
                          purchaseDiscountedIfAlive(PurchaseKind::BgNbd, fp, 6.5, 30.0 / 7, 0.01, x, T);
        VS_COMPARE_NUMBER(res->value[i], dp * (*res->column("expected_average_value"))[i], 1e-12, "CLV");
    }
    QVERIFY(res->value[0] < m_results->value[0]); // 6.5 months hold less than 12
}

void TstBtyd::trackingSeriesMatchesPandas()
{
    const auto ref = testutil::loadJson(dataPath("reference/purchase_models.json"))["cdnow"];
    auto res = cdnow([](Project &p) { p.value.purchaseModel = "auto"; });
    QVERIFY(res.ok());
    const TrackingSeries &t = res->btyd->tracking;
    QCOMPARE(t.actual.size(), ref["tracking_actual"].size());
    for (size_t k = 0; k < t.actual.size(); ++k)
        VS_COMPARE_NUMBER(t.actual[k], ref["tracking_actual"][k], 0, QString("repeat purchases in week %1").arg(k));
    QCOMPARE(t.calibrationPeriods, size_t(39));
    QCOMPARE(t.expected.size(), res->btyd->models.size());
    // the expected curves add up to the model's own cumulative expectation over the customers
    for (const auto &e : t.expected) {
        double calib = 0;
        for (size_t k = 0; k < t.calibrationPeriods; ++k)
            calib += e[k];
        double actualCalib = 0;
        for (size_t k = 0; k < t.calibrationPeriods; ++k)
            actualCalib += t.actual[k];
        QVERIFY2(std::fabs(calib - actualCalib) < 0.05 * actualCalib, qPrintable(QString("%1 vs %2").arg(calib).arg(actualCalib)));
    }
}

void TstBtyd::spendFrequencyCorrelationMatchesPandas()
{
    const auto ref = testutil::loadJson(dataPath("reference/purchase_models.json"))["cdnow"];
    VS_COMPARE_NUMBER(m_results->btyd->spendFrequencyCorrelation, ref["spend_frequency_correlation"], 1e-12,
                      "Pearson correlation of frequency and mean spend");
    // CDNOW's is small (about 0.11): no warning; the delta-method interval is said to be one
    QVERIFY(!hasWarning(*m_results, Msg::SpendFrequencyCorrelated));
    QVERIFY(hasWarning(*m_results, Msg::ClvIntervalDeltaMethod));
    // spend that grows with frequency is warned about
    QTemporaryDir dir;
    std::ofstream f(dir.filePath("corr.csv").toStdString());
    f << "customer,date,amount\n";
    for (int c = 0; c < 300; ++c)
        for (int k = 0; k <= c % 6; ++k)
            f << "c" << c << "," << QDate(2020, 1, 1).addDays(c % 50 + 37 * k).toString("yyyy-MM-dd").toStdString() << ","
              << 10 + 15 * (c % 6) + (c % 7) << "\n";
    f.close();
    auto r = readTable(dir.filePath("corr.csv").toStdString(), ReadOptions{});
    QVERIFY(r.ok());
    auto res = analyse(std::make_shared<const Table>(std::move(r->table)), {});
    QVERIFY(res.ok());
    QVERIFY(res->btyd->spendFrequencyCorrelation > 0.3);
    QVERIFY(hasWarning(*res, Msg::SpendFrequencyCorrelated));
}

QTEST_GUILESS_MAIN(TstBtyd)
#include "tst_btyd.moc"
