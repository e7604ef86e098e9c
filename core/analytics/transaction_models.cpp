#include "transaction_models.h"

#include "core/analytics/value_models.h"

#include "core/analytics/rfm.h"
#include "core/analytics/transactions.h"
#include "core/table/cell_parse.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <thread>

namespace vs {

namespace {

Error modelError(Msg code, std::vector<std::string> args = {}) { return makeError(ErrorKind::Model, code, std::move(args)); }

void addRfm(const TransactionSummary &s, const Project &p, AnalysisResults &r)
{
    RfmScores sc = scoreRfm(s.sinceLast, s.orders, s.spend, p.value.rfmScoring == "rank");
    for (Diagnostic &w : sc.warnings)
        r.warnings.push_back(std::move(w));
    RfmInfo info;
    info.edges = sc.edges;
    info.binScores = sc.binScores;
    info.rankBased = sc.rankBased;
    const size_t n = sc.r.size();
    std::array<std::array<double, 5>, 5> sum{};
    std::vector<double> rs(n, kMissing), fs(n, kMissing), ms(n, kMissing), cell(n, kMissing);
    for (size_t i = 0; i < n; ++i) {
        if (sc.r[i] <= 0 || sc.f[i] <= 0 || sc.m[i] <= 0)
            continue;
        rs[i] = sc.r[i];
        fs[i] = sc.f[i];
        ms[i] = sc.m[i];
        cell[i] = sc.r[i] * 100 + sc.f[i] * 10 + sc.m[i];
        info.cellCount[size_t(sc.r[i] - 1)][size_t(sc.f[i] - 1)]++;
        sum[size_t(sc.r[i] - 1)][size_t(sc.f[i] - 1)] += s.spend[i];
    }
    for (size_t a = 0; a < 5; ++a)
        for (size_t b = 0; b < 5; ++b)
            info.cellMeanMonetary[a][b] = info.cellCount[a][b] ? sum[a][b] / double(info.cellCount[a][b]) : kMissing;
    r.extra.push_back({"r_score", std::move(rs)});
    r.extra.push_back({"f_score", std::move(fs)});
    r.extra.push_back({"m_score", std::move(ms)});
    r.extra.push_back({"rfm_cell", std::move(cell)});
    r.rfm = std::move(info);
}

// Fits BG/NBD on every calibrated customer and Gamma-Gamma on the repeat customers with a positive
// mean spend; adds the holdout check and the frequency/recency matrices.
Result<std::shared_ptr<const BtydInfo>> fitModels(const TransactionSummary &s, const Project &p, double unitDays)
{
    std::vector<double> x, tx, T, gx, gm;
    std::vector<uint32_t> who;
    size_t excluded = 0;
    for (size_t i = 0; i < s.calibrated.size(); ++i) {
        if (!s.calibrated[i])
            continue;
        x.push_back(s.frequency[i]);
        tx.push_back(s.recency[i]);
        T.push_back(s.T[i]);
        who.push_back(uint32_t(i));
        if (s.frequency[i] > 0) {
            if (s.monetary[i] > 0) {
                gx.push_back(s.frequency[i]);
                gm.push_back(s.monetary[i]);
            } else {
                ++excluded;
            }
        }
    }
    auto bg = fitBgNbd(x, tx, T, p.value.penalizer);
    if (!bg)
        return bg.error();
    auto gg = fitGammaGamma(gx, gm, p.value.penalizer);
    if (!gg)
        return gg.error();
    auto info = std::make_shared<BtydInfo>();
    info->bgnbd = bg.value();
    info->gammaGamma = gg.value();
    info->timeUnit = p.value.timeUnit;
    info->unitDays = unitDays;
    info->observationEnd = s.observationEnd;
    info->holdoutLength = s.holdoutLength;
    info->ggExcluded = excluded;
    const BgNbdParams &bp = info->bgnbd.params;

    if (s.holdoutLength > 0) {
        constexpr int kGroups = 7; // 0..6 repeat purchases, then "7 or more"
        info->holdout.resize(kGroups + 1);
        for (int g = 0; g <= kGroups; ++g) {
            info->holdout[size_t(g)].frequency = g;
            info->holdout[size_t(g)].orMore = g == kGroups;
        }
        for (size_t k = 0; k < x.size(); ++k) {
            HoldoutRow &row = info->holdout[size_t(std::min<double>(x[k], kGroups))];
            row.customers++;
            row.actual += s.holdoutPurchases[who[k]];
            row.predicted += expectedPurchases(bp, s.holdoutLength, x[k], tx[k], T[k]);
        }
        for (HoldoutRow &row : info->holdout)
            if (row.customers) {
                row.actual /= double(row.customers);
                row.predicted /= double(row.customers);
            }
    }

    double maxX = 0, maxT = 0;
    for (size_t k = 0; k < x.size(); ++k) {
        maxX = std::max(maxX, x[k]);
        maxT = std::max(maxT, T[k]);
    }
    info->maxFrequency = int(std::min(maxX, 50.0));
    info->matrixT = maxT;
    const int columns = int(std::min(std::floor(maxT), 60.0)) + 1;
    for (int c = 0; c < columns; ++c)
        info->recencyGrid.push_back(columns > 1 ? maxT * c / (columns - 1) : 0.0);
    for (int f = 0; f <= info->maxFrequency; ++f)
        for (double rec : info->recencyGrid) {
            info->expectedMatrix.push_back(expectedPurchases(bp, 1.0, f, rec, maxT));
            info->aliveMatrix.push_back(pAlive(bp, f, rec, maxT));
        }
    return std::shared_ptr<const BtydInfo>(std::move(info));
}

Status addPredictive(const PreparedData &d, const TransactionSummary &s, const Project &p, double unitDays,
                     AnalysisResults &r)
{
    // the fits, from the cache when their input has not changed
    std::shared_ptr<const BtydInfo> info;
    {
        const std::string key = std::to_string(s.observationEnd) + "|" + p.value.timeUnit + "|" +
                                std::to_string(p.value.penalizer);
        std::lock_guard lock(d.fitCache->mutex);
        if (d.fitCache->key != key) {
            auto fitted = fitModels(s, p, unitDays);
            d.fitCache->key = key;
            d.fitCache->info = fitted ? fitted.value() : nullptr;
            d.fitCache->error.reset();
            if (!fitted)
                d.fitCache->error = fitted.error();
        }
        if (d.fitCache->error)
            return *d.fitCache->error;
        info = d.fitCache->info;
    }
    r.btyd = info;
    const BgNbdParams &fitted = info->bgnbd.params;
    if (fitted.a < 1e-4 || fitted.b < 1e-4)
        r.warnings.push_back({Msg::BgNbdNoDropout});
    if (info->ggExcluded)
        r.warnings.push_back({Msg::GammaGammaExcluded, {std::to_string(info->ggExcluded)}});

    const BgNbdParams &bp = info->bgnbd.params;
    const GammaGammaParams &gp = info->gammaGamma->params;
    const int months = int(p.value.horizonMonths);
    const double unitsPerMonth = (365.25 / 12) / unitDays;
    const double d0 = p.value.monthlyDiscount;
    const size_t n = s.calibrated.size();
    std::vector<double> alive(n, kMissing), expected(n, kMissing), aov(n, kMissing), clv(n, kMissing),
        low(n, kMissing), high(n, kMissing);

    // Customers with the same (x, tx, T) share every BG/NBD quantity: compute once per group.
    std::vector<uint32_t> order;
    order.reserve(n);
    for (size_t i = 0; i < n; ++i)
        if (s.calibrated[i])
            order.push_back(uint32_t(i));
    // sorted by (x, T, tx): the costly part (a series per month) depends on (x, T) only
    auto less = [&](uint32_t a, uint32_t b) {
        return s.frequency[a] != s.frequency[b] ? s.frequency[a] < s.frequency[b]
               : s.T[a] != s.T[b]               ? s.T[a] < s.T[b]
                                                : s.recency[a] < s.recency[b];
    };
    std::sort(order.begin(), order.end(), less);
    std::vector<size_t> groupStart;
    for (size_t k = 0; k < order.size(); ++k)
        if (k == 0 || less(order[k - 1], order[k]))
            groupStart.push_back(k);
    groupStart.push_back(order.size());

    // The CLV interval by the delta method on the log scale: log CLV = log DP(bg) + log AOV(gg),
    // with the gradients by finite differences in the log parameters and the fits' covariances.
    const std::vector<double> &covBg = info->bgnbd.info.logCovariance;
    const std::vector<double> &covGg = info->gammaGamma->info.logCovariance;
    const bool interval = covBg.size() == 16 && covGg.size() == 9;
    const double z = boost::math::quantile(boost::math::normal(), 0.5 + p.value.intervalLevel / 2);
    const double h = 1e-5;
    auto bgAt = [&](int k) {
        BgNbdParams q = bp;
        double *v[4] = {&q.r, &q.alpha, &q.a, &q.b};
        *v[k] *= std::exp(h);
        return q;
    };
    const BgNbdParams bgPlus[4] = {bgAt(0), bgAt(1), bgAt(2), bgAt(3)};
    auto ggAt = [&](int k) {
        GammaGammaParams q = gp;
        double *v[3] = {&q.p, &q.q, &q.v};
        *v[k] *= std::exp(h);
        return q;
    };
    const GammaGammaParams ggPlus[3] = {ggAt(0), ggAt(1), ggAt(2)};
    const double horizon = months * unitsPerMonth;

    auto work = [&](size_t g0, size_t g1) {
        double lastX = NAN, lastT = NAN, exAlive = 0, dpAlive = 0, logDpPlus[4] = {0, 0, 0, 0};
        for (size_t g = g0; g < g1; ++g) {
            const uint32_t first = order[groupStart[g]];
            const double x = s.frequency[first], tx = s.recency[first], T = s.T[first];
            if (x != lastX || T != lastT) {
                lastX = x;
                lastT = T;
                exAlive = expectedPurchasesIfAlive(bp, horizon, x, T);
                dpAlive = discountedPurchasesIfAlive(bp, months, unitsPerMonth, d0, x, T);
                if (interval)
                    for (int k = 0; k < 4; ++k)
                        logDpPlus[k] = std::log(discountedPurchasesIfAlive(bgPlus[k], months, unitsPerMonth, d0, x, T));
            }
            const double pa = pAlive(bp, x, tx, T);
            const double ex = pa * exAlive;
            const double dp = pa * dpAlive;
            double varBg = 0;
            if (interval && dp > 0) {
                double grad[4];
                for (int k = 0; k < 4; ++k)
                    grad[k] = (logDpPlus[k] + std::log(pAlive(bgPlus[k], x, tx, T)) - std::log(dp)) / h;
                for (int a = 0; a < 4; ++a)
                    for (int b = 0; b < 4; ++b)
                        varBg += grad[a] * covBg[size_t(a * 4 + b)] * grad[b];
            }
            for (size_t k = groupStart[g]; k < groupStart[g + 1]; ++k) {
                const uint32_t i = order[k];
                const double m = s.monetary[i];
                const double v = expectedAverageValue(gp, x, m);
                alive[i] = pa;
                expected[i] = ex;
                aov[i] = v;
                clv[i] = v * dp;
                if (interval && dp > 0 && v > 0) {
                    double grad[3], var = varBg;
                    for (int j = 0; j < 3; ++j)
                        grad[j] = (std::log(expectedAverageValue(ggPlus[j], x, m)) - std::log(v)) / h;
                    for (int a = 0; a < 3; ++a)
                        for (int b = 0; b < 3; ++b)
                            var += grad[a] * covGg[size_t(a * 3 + b)] * grad[b];
                    const double sd = std::sqrt(std::max(var, 0.0));
                    low[i] = clv[i] * std::exp(-z * sd);
                    high[i] = clv[i] * std::exp(z * sd);
                }
            }
        }
    };
    const size_t groups = groupStart.size() - 1;
    if (groups > 20000) {
        std::thread helper(work, groups / 2, groups);
        work(0, groups / 2);
        helper.join();
    } else {
        work(0, groups);
    }
    if (!interval)
        r.warnings.push_back({Msg::NoStandardErrors});

    r.value = clv;
    r.extra.push_back({"frequency", s.frequency});
    r.extra.push_back({"recency", s.recency});
    r.extra.push_back({"T", s.T});
    r.extra.push_back({"monetary", s.monetary});
    r.extra.push_back({"p_alive", std::move(alive)});
    r.extra.push_back({"expected_purchases", std::move(expected)});
    r.extra.push_back({"expected_average_value", std::move(aov)});
    r.extra.push_back({"clv", std::move(clv)});
    r.extra.push_back({"clv_low", std::move(low)});
    r.extra.push_back({"clv_high", std::move(high)});
    if (!interval) // the interval needs the fits' standard errors
        for (size_t k = r.extra.size() - 2; k < r.extra.size(); ++k)
            r.extra[k].emptyBecause = Diagnostic{Msg::NoStandardErrors};
    return Ok{};
}

} // namespace

namespace {

Status computeTransactionModel(const PreparedData &d, const Project &p, AnalysisResults &r, bool predictive,
                               const std::atomic<bool> *stop)
{
    if (!p.scores.empty())
        return modelError(Msg::ScoresNeedCustomerRows);
    auto unit = daysPerUnit(p.value.timeUnit);
    if (!unit)
        return unit.error();
    const CustomerDays &days = *d.days;
    int32_t obsEnd = days.lastDay;
    if (!p.value.observationEnd.empty()) {
        double v = 0;
        if (parseDate(p.value.observationEnd, DateOrder::Unknown, true, v) != CellParse::Ok)
            return modelError(Msg::ObservationEndNotDate, {p.value.observationEnd});
        obsEnd = int32_t(std::floor(v));
        if (obsEnd < days.firstDay)
            return modelError(Msg::ObservationEndTooEarly, {formatDate(obsEnd), formatDate(days.firstDay)});
    }
    const TransactionSummary s = summariseTransactions(days, obsEnd, unit.value());
    if (s.boughtLater)
        r.warnings.push_back({Msg::BoughtAfterEnd, {std::to_string(s.boughtLater), formatDate(obsEnd)}});
    if (s.onlyReturns)
        r.warnings.push_back({Msg::OnlyReturns, {std::to_string(s.onlyReturns)}});
    // after the model's own columns: what every order summary tells
    auto addTotals = [&](bool withSpend) {
        if (withSpend) {
            r.extra.push_back({"orders", s.orders});
            r.extra.push_back({"total_spend", s.spend});
        }
        r.extra.push_back({"first_purchase", s.firstPurchase, true});
        r.extra.push_back({"last_purchase", s.lastPurchase, true});
    };
    if (!predictive) {
        r.value = s.spend;
        r.extra.push_back({"recency", s.sinceLast});
        r.extra.push_back({"frequency", s.orders});
        r.extra.push_back({"monetary", s.spend});
        addRfm(s, p, r);
        addTotals(false); // frequency and monetary are the orders and the spend already
        return Ok{};
    }
    if (stop && stop->load())
        return makeError(ErrorKind::Cancelled, Msg::ComputationSuperseded);
    if (auto st = addPredictive(d, s, p, unit.value(), r); !st)
        return st;
    if (p.segments.method == "rfm_rules")
        addRfm(s, p, r);
    addTotals(true);
    return Ok{};
}

} // namespace

Status computeRfmModel(ModelContext &c)
{
    return computeTransactionModel(c.d, c.p, c.r, false, c.stop);
}

Status computePredictiveClv(ModelContext &c)
{
    return computeTransactionModel(c.d, c.p, c.r, true, c.stop);
}

} // namespace vs
