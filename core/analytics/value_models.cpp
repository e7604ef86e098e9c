#include "value_models.h"

#include "core/analytics/stats.h"

#include <cmath>

namespace vs {

namespace {

Error modelError(Msg code, std::vector<std::string> args = {}) { return makeError(ErrorKind::Model, code, std::move(args)); }

std::string role(const Project &p, const char *r)
{
    auto it = p.source.columns.find(r);
    return it == p.source.columns.end() ? std::string() : it->second;
}

} // namespace

Result<NumberColumn> ModelContext::need(const char *roleName, Msg what)
{
    const std::string col = role(p, roleName);
    if (col.empty())
        return modelError(what, {p.value.model, roleName});
    return d.numbers(col);
}

void ModelContext::warnMissing(const std::vector<double> &v, Msg what)
{
    size_t miss = 0;
    for (double x : v)
        miss += std::isnan(x);
    if (miss)
        r.warnings.push_back({what, {std::to_string(miss)}});
}

namespace {

Result<std::vector<double>> periodSums(ModelContext &c, bool withCost)
{
    const Project &p = c.p;
    auto rev = p.source.periodColumns.find("revenue_periods");
    if (rev == p.source.periodColumns.end() || rev->second.empty())
        return modelError(Msg::ModelNeedsRevenuePeriods, {p.value.model});
    std::vector<std::string> costCols;
    if (withCost) {
        auto cost = p.source.periodColumns.find("cost_periods");
        if (cost != p.source.periodColumns.end())
            costCols = cost->second;
        if (!costCols.empty() && costCols.size() != rev->second.size())
            return modelError(Msg::PeriodCountMismatch, {std::to_string(costCols.size()), std::to_string(rev->second.size())});
        if (costCols.empty())
            c.r.warnings.push_back({Msg::NoCostPeriods});
    }
    const double r = p.value.rate;
    std::vector<double> total(c.d.rowCount(), 0.0);
    for (size_t t = 0; t < rev->second.size(); ++t) {
        auto P = c.d.numbers(rev->second[t]);
        if (!P)
            return P.error();
        NumberColumn C;
        if (!costCols.empty()) {
            auto Cr = c.d.numbers(costCols[t]);
            if (!Cr)
                return Cr.error();
            C = std::move(Cr.value());
        }
        const double denom = std::pow(1.0 + r, double(t + 1));
        for (size_t i = 0; i < total.size(); ++i) {
            const double cash = C.size() == 0 ? P.value()[i] : P.value()[i] - C[i];
            total[i] += cash / denom;
        }
    }
    return total;
}

// profit (S1) and profit per lifetime (S12)
Status profit(ModelContext &c, bool perLifetime)
{
    const size_t n = c.d.rowCount();
    std::vector<double> &v = c.r.value;
    auto rev = c.need("revenue", Msg::ModelNeedsRevenue);
    if (!rev) return rev.error();
    auto cost = c.need("cost", Msg::ModelNeedsCustomerCost);
    if (!cost) return cost.error();
    size_t negative = 0;
    for (double x : cost.value())
        negative += x < 0;
    if (negative)
        c.r.warnings.push_back({Msg::NegativeCost, {std::to_string(negative)}});
    v.resize(n);
    for (size_t i = 0; i < n; ++i)
        v[i] = rev.value()[i] - cost.value()[i];
    if (perLifetime) {
        auto life = c.need("lifetime", Msg::ModelNeedsLifetime);
        if (!life) return life.error();
        size_t bad = 0;
        for (size_t i = 0; i < n; ++i) {
            const double L = life.value()[i];
            if (L > 0) {
                v[i] /= L;
            } else {
                bad += !std::isnan(L);
                v[i] = kMissing;
            }
        }
        if (bad)
            c.r.warnings.push_back({Msg::LifetimeNotPositive, {std::to_string(bad)}});
    }
    c.warnMissing(v, Msg::NoValueProfit);
    return Ok{};
}

// discounted CLV (S5) and the value score CVS with its ratio CVB (S6, S7)
Status discounted(ModelContext &c, bool revenueOnly)
{
    const size_t n = c.d.rowCount();
    std::vector<double> &v = c.r.value;
    auto sums = periodSums(c, !revenueOnly);
    if (!sums) return sums.error();
    v = std::move(sums.value());
    c.warnMissing(v, Msg::NoValuePeriods);
    if (revenueOnly) {
        // CVS as a 0-100 score (min-max over the data) and CVB against a reference (S6, S7)
        double mn = INFINITY, mx = -INFINITY, sum = 0;
        size_t cnt = 0;
        for (double x : v)
            if (!std::isnan(x)) { mn = std::min(mn, x); mx = std::max(mx, x); sum += x; ++cnt; }
        std::vector<double> score(n, kMissing), cvb(n, kMissing);
        const double range = mx - mn;
        if (cnt && !(range > 0))
            c.r.warnings.push_back({Msg::SameValueScore});
        for (size_t i = 0; i < n; ++i)
            if (!std::isnan(v[i]))
                score[i] = range > 0 ? 100.0 * (v[i] - mn) / range : 0.0;
        double ref = kMissing;
        const std::string &refName = c.p.value.cvbReference;
        if (refName.empty() || refName == "mean") {
            ref = cnt ? accurateSum(v) / double(cnt) : kMissing;
        } else {
            for (size_t i = 0; i < n; ++i)
                if (c.d.ids.at(i) == refName)
                    ref = v[i];
            if (std::isnan(ref))
                return modelError(Msg::CvbReferenceMissing, {refName});
        }
        if (ref == 0)
            c.r.warnings.push_back({Msg::CvbReferenceZero});
        for (size_t i = 0; i < n; ++i)
            cvb[i] = ref != 0 ? v[i] / ref : kMissing;
        c.r.extra.push_back({"cvs_score", std::move(score)});
        c.r.extra.push_back({"cvb", std::move(cvb)});
    }
    return Ok{};
}

} // namespace

Status computeProfit(ModelContext &c)
{
    return profit(c, false);
}

Status computeProfitPerLifetime(ModelContext &c)
{
    return profit(c, true);
}

// orders x average spend (S4, S10)
Status computeFrequencyTimesSpend(ModelContext &c)
{
    const size_t n = c.d.rowCount();
    std::vector<double> &v = c.r.value;
    auto orders = c.need("orders", Msg::ModelNeedsOrders);
    if (!orders) return orders.error();
    const char *spendRole = role(c.p, "average_spend").empty() && !role(c.p, "amount").empty() ? "amount"
                                                                                               : "average_spend";
    auto spend = c.need(spendRole, Msg::ModelNeedsAverageSpend);
    if (!spend) return spend.error();
    v.resize(n);
    for (size_t i = 0; i < n; ++i)
        v[i] = orders.value()[i] * spend.value()[i];
    c.warnMissing(v, Msg::NoValueFrequencySpend);
    return Ok{};
}

Status computeDiscountedClv(ModelContext &c)
{
    return discounted(c, false);
}

Status computeDiscountedRevenue(ModelContext &c)
{
    return discounted(c, true);
}

// the value is a score's (its name in value.score)
Status computeWeightedScore(ModelContext &c)
{
    std::vector<double> &v = c.r.value;
    const std::string &name = c.p.value.score;
    for (const NamedValues &s : c.r.scores)
        if (s.name == name) {
            v = s.values;
            return Ok{};
        }
    return modelError(Msg::WeightedScoreUnknown, {name});
}

} // namespace vs
