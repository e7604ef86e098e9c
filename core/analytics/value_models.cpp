#include "value_models.h"

#include "core/analytics/stats.h"

#include <cmath>

namespace vs {

namespace {

Error modelError(const std::string &msg) { return makeError(ErrorKind::Model, msg); }

std::string plural(size_t n, const char *one, const char *many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string role(const Project &p, const char *r)
{
    auto it = p.source.columns.find(r);
    return it == p.source.columns.end() ? std::string() : it->second;
}

} // namespace

Result<NumberColumn> ModelContext::need(const char *roleName, const std::string &what)
{
    const std::string col = role(p, roleName);
    if (col.empty())
        return modelError("the value model '" + p.value.model + "' needs " + what +
                          ": map a column to the role '" + roleName + "'");
    return d.numbers(col);
}

void ModelContext::warnMissing(const std::vector<double> &v, const std::string &what)
{
    size_t miss = 0;
    for (double x : v)
        miss += std::isnan(x);
    if (miss)
        r.warnings.push_back(plural(miss, "customer has", "customers have") + " no " + what + "; they get no segment");
}

namespace {

Result<std::vector<double>> periodSums(ModelContext &c, bool withCost)
{
    const Project &p = c.p;
    auto rev = p.source.periodColumns.find("revenue_periods");
    if (rev == p.source.periodColumns.end() || rev->second.empty())
        return modelError("the value model '" + p.value.model +
                          "' needs the revenue of each period: list the columns as 'revenue_periods'");
    std::vector<std::string> costCols;
    if (withCost) {
        auto cost = p.source.periodColumns.find("cost_periods");
        if (cost != p.source.periodColumns.end())
            costCols = cost->second;
        if (!costCols.empty() && costCols.size() != rev->second.size())
            return modelError("'cost_periods' lists " + std::to_string(costCols.size()) + " columns but 'revenue_periods' " +
                              std::to_string(rev->second.size()) + "; each period needs both");
        if (costCols.empty())
            c.r.warnings.push_back("no cost per period is mapped ('cost_periods'); costs are taken as 0");
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
    auto rev = c.need("revenue", "revenue (PV)");
    if (!rev) return rev.error();
    auto cost = c.need("cost", "the cost of each customer (C)");
    if (!cost) return cost.error();
    size_t negative = 0;
    for (double x : cost.value())
        negative += x < 0;
    if (negative)
        c.r.warnings.push_back(plural(negative, "customer has", "customers have") +
                               " a negative cost; it is used as given (it raises their value)");
    v.resize(n);
    for (size_t i = 0; i < n; ++i)
        v[i] = rev.value()[i] - cost.value()[i];
    if (perLifetime) {
        auto life = c.need("lifetime", "the lifetime of each customer (L)");
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
            c.r.warnings.push_back(plural(bad, "customer has", "customers have") +
                                   " a lifetime of zero or less; their value per lifetime is missing");
    }
    c.warnMissing(v, "value (revenue, cost or lifetime is missing)");
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
    c.warnMissing(v, "value (a period's revenue or cost is missing)");
    if (revenueOnly) {
        // CVS as a 0-100 score (min-max over the data) and CVB against a reference (S6, S7)
        double mn = INFINITY, mx = -INFINITY, sum = 0;
        size_t cnt = 0;
        for (double x : v)
            if (!std::isnan(x)) { mn = std::min(mn, x); mx = std::max(mx, x); sum += x; ++cnt; }
        std::vector<double> score(n, kMissing), cvb(n, kMissing);
        const double range = mx - mn;
        if (cnt && !(range > 0))
            c.r.warnings.push_back("every customer has the same value score; the 0-100 score is 0 for all");
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
                return modelError("the reference customer '" + refName + "' for the value ratio (CVB) is not in the data");
        }
        if (ref == 0)
            c.r.warnings.push_back("the reference value for CVB is 0; the ratios are missing");
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
    auto orders = c.need("orders", "the number of purchases (orders)");
    if (!orders) return orders.error();
    const char *spendRole = role(c.p, "average_spend").empty() && !role(c.p, "amount").empty() ? "amount"
                                                                                               : "average_spend";
    auto spend = c.need(spendRole, "the average spend per purchase");
    if (!spend) return spend.error();
    v.resize(n);
    for (size_t i = 0; i < n; ++i)
        v[i] = orders.value()[i] * spend.value()[i];
    c.warnMissing(v, "value (orders or spend is missing)");
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
    return modelError("the value model 'weighted_score' uses the score '" + name +
                      "', which the project does not define (set value.score to a score's name)");
}

} // namespace vs
