#include "transaction_models.h"

#include "core/analytics/value_models.h"

#include "core/analytics/rfm.h"
#include "core/analytics/transactions.h"
#include "core/domain/models.h"
#include "core/table/cell_parse.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>
#include <cmath>
#include <numeric>
#include <exception>
#include <thread>

namespace vs {

const PurchaseModelFit *BtydInfo::find(std::string_view key) const
{
    for (const PurchaseModelFit &m : models)
        if (key == m.model->key)
            return &m;
    return nullptr;
}

namespace {

// |Pearson correlation| of frequency and mean spend from which Gamma-Gamma's independence
// assumption is called into question (a moderate correlation by the usual rule of thumb).
constexpr double kMaterialCorrelation = 0.3;

Error modelError(Msg code, std::vector<std::string> args = {}) { return makeError(ErrorKind::Model, code, std::move(args)); }

void addRfm(const TransactionSummary &s, const Project &p, double unitDays, AnalysisResults &r)
{
    const RfmScoringInfo *scoring = findRfmScoring(p.value.rfmScoring);
    if (!scoring)
        scoring = &rfmScorings().front();
    RfmScores sc;
    if (scoring->kind == RfmScoringKind::RPackage) {
        // rfm counts recency in days (analysis date - the last order's date); the edges shown
        // are in the time unit, as the other scorings' are
        std::vector<double> days(s.lastPurchase.size(), kMissing);
        for (size_t i = 0; i < days.size(); ++i)
            if (!std::isnan(s.lastPurchase[i]))
                days[i] = s.observationEnd - s.lastPurchase[i];
        sc = scoreRfm(days, s.orders, s.spend, scoring->kind);
        for (double &e : sc.edges[0])
            e /= unitDays;
    } else {
        sc = scoreRfm(s.sinceLast, s.orders, s.spend, scoring->kind);
    }
    for (Diagnostic &w : sc.warnings)
        r.warnings.push_back(std::move(w));
    RfmInfo info;
    info.edges = sc.edges;
    info.binScores = sc.binScores;
    info.scoring = scoring->key;
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

// Days in one unit of the purchase models' time: the time unit, or the period.
double periodDays(const Project &p, double unitDays)
{
    const std::string &per = p.value.period;
    if (per == "week")
        return 7;
    if (per == "month")
        return p.value.monthDays;
    if (per == "quarter")
        return 3 * p.value.monthDays;
    if (per == "year")
        return 12 * p.value.monthDays;
    return unitDays;
}

std::string modelTimeUnit(const Project &p)
{
    const std::string &per = p.value.period;
    if (per == "day" || per.empty())
        return p.value.timeUnit;
    return per + "s";
}

std::string fmt(double v, int digits)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

// Repeat purchases per period (7-day weeks from the first order for the period "day"), actual
// and expected by each model from each customer's first purchase on. The actual ones counted from
// the days, or (figures from a database, period "day") as the engine counted them per week.
void addTracking(BtydInfo &info, const CustomerDays *days, const CustomerFigures *figures, const TransactionSummary &s,
                 const Project &p, int32_t holdoutEnd, double unitDays)
{
    TrackingSeries &t = info.tracking;
    const std::string &per = p.value.period;
    const bool byDay = per == "day" || per.empty();
    if (!days && !(figures && figures->repeatsPerWeek && byDay))
        return;
    const int32_t first = days ? days->firstDay : figures->firstDay;
    const int64_t p0 = byDay ? 0 : periodOf(first, per);
    auto binOf = [&](int32_t day) { return byDay ? int64_t((day - first) / 7) : periodOf(day, per) - p0; };
    const int64_t bins = binOf(holdoutEnd) + 1;
    if (bins <= 0 || bins > 100000)
        return;
    t.periodDays = byDay ? 7 : periodDays(p, unitDays);
    t.calibrationPeriods = size_t(binOf(int32_t(s.observationEnd)) + 1);
    t.actual.assign(size_t(bins), 0.0);
    for (int64_t k = 0; k < bins; ++k) {
        if (byDay) {
            t.periodStart.push_back(first + 7.0 * double(k));
        } else { // the first day of the period: search forward from the previous start
            int32_t d = k == 0 ? first : int32_t(t.periodStart.back()) + 1;
            while (binOf(d) < k)
                ++d;
            if (k == 0)
                while (binOf(d - 1) == 0)
                    --d;
            t.periodStart.push_back(d);
        }
    }
    if (!days) { // the engine's weeks, for the same first day and holdout end
        const std::vector<double> &weeks = *figures->repeatsPerWeek;
        if (weeks.size() != t.actual.size()) { // summed for other dates: no chart rather than a wrong one
            t = TrackingSeries{};
            return;
        }
        t.actual = weeks;
    }
    // first purchase (day, or period index) -> customers
    std::map<int64_t, double> cohort;
    for (size_t c = 0; c < s.calibrated.size(); ++c) {
        if (!s.calibrated[c])
            continue;
        const int32_t f = int32_t(s.firstPurchase[c]);
        cohort[byDay ? f : periodOf(f, per)] += 1;
        if (!days)
            continue;
        int64_t lastUnit = byDay ? f : periodOf(f, per);
        for (uint32_t k = days->offset[c]; k < days->offset[c + 1]; ++k) {
            if (days->orders[k] == 0 || days->day[k] <= f || days->day[k] > holdoutEnd)
                continue;
            const int64_t u = byDay ? days->day[k] : periodOf(days->day[k], per);
            if (u == lastUnit)
                continue;
            lastUnit = u;
            t.actual[size_t(binOf(days->day[k]))] += 1;
        }
    }
    for (const PurchaseModelFit &m : info.models) {
        std::vector<double> e(size_t(bins), 0.0);
        for (const auto &[start, count] : cohort) {
            double prev = 0;
            for (int64_t k = 0; k < bins; ++k) {
                // time from the first purchase to the end of bin k, in the model's unit
                double until;
                if (byDay)
                    until = (first + 7.0 * double(k + 1) - 0.5 - double(start)) / unitDays;
                else
                    until = double(k + p0 - start);
                const double cum = until > 0 ? purchaseExpectedNew(m.model->kind, m.fit.params, until) : 0.0;
                e[size_t(k)] += count * (cum - prev);
                prev = cum;
            }
        }
        t.expected.push_back(std::move(e));
    }
}

// Fits the purchase models on every calibrated customer and Gamma-Gamma on the repeat customers
// with a positive mean spend; compares the models on the holdout; adds the holdout check, the
// tracking series and the frequency/recency matrices of the chosen model. A model that cannot be
// fitted is a warning.
std::shared_ptr<const BtydInfo> fitModels(const CustomerDays *days, const CustomerFigures *figures, const TransactionSummary &s,
                                          const Project &p, double unitDays, int32_t holdoutEnd)
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
    auto info = std::make_shared<BtydInfo>();
    info->timeUnit = modelTimeUnit(p);
    info->period = p.value.period;
    info->unitDays = unitDays;
    info->observationEnd = s.observationEnd;
    info->holdoutLength = s.holdoutLength;
    info->ggExcluded = excluded;
    const bool periods = !(p.value.period == "day" || p.value.period.empty());
    // "auto", and any model with a holdout period, fits every applicable model and compares them
    // in one table (the named one stays the one whose predictions are written); a named model
    // without a holdout is fitted alone (on a million customers Pareto/NBD alone takes seconds).
    const bool compare = p.value.purchaseModel == "auto" || s.holdoutLength > 0;

    // the purchase models
    for (const PurchaseModelInfo &m : purchaseModels()) {
        const bool wanted = m.key == p.value.purchaseModel || compare;
        if (!wanted)
            continue;
        if (m.needsPeriods && !periods) {
            if (m.key == p.value.purchaseModel)
                info->warnings.push_back(within(makeError(ErrorKind::Model, Msg::BgBbNeedsPeriods),
                                                Msg::PurchaseModelNotFitted, {m.name}));
            continue;
        }
        auto fit = fitPurchaseModel(m.kind, x, tx, T, p.value.penalizer);
        if (!fit) {
            info->warnings.push_back(within(fit.error(), Msg::PurchaseModelNotFitted, {m.name}));
            continue;
        }
        PurchaseModelFit f;
        f.model = &m;
        f.fit = std::move(fit.value());
        const double ll = f.fit.info.logLikelihood, n = double(x.size());
        f.aic = 2 * 4 - 2 * ll;
        f.bic = 4 * std::log(n) - 2 * ll;
        if (s.holdoutLength > 0) {
            HoldoutError h;
            double se = 0;
            for (size_t k = 0; k < x.size(); ++k) {
                const double pred = purchasePAlive(m.kind, f.fit.params, x[k], tx[k], T[k]) *
                                    purchaseExpectedIfAlive(m.kind, f.fit.params, s.holdoutLength, x[k], T[k]);
                const double act = s.holdoutPurchases[who[k]];
                h.predictedTotal += pred;
                h.actualTotal += act;
                h.mae += std::fabs(pred - act);
                se += (pred - act) * (pred - act);
            }
            h.mae /= n;
            h.rmse = std::sqrt(se / n);
            f.holdout = h;
        }
        info->models.push_back(std::move(f));
    }
    if (p.value.purchaseModel == "auto") {
        const bool byHoldout = s.holdoutLength > 0;
        auto score = [&](const PurchaseModelFit &f) { return byHoldout ? f.holdout->mae : f.bic; };
        for (size_t k = 0; k < info->models.size(); ++k)
            if (info->chosen < 0 || score(info->models[k]) < score(info->models[size_t(info->chosen)]))
                info->chosen = int(k);
        if (info->chosen >= 0) {
            const PurchaseModelFit &c = info->models[size_t(info->chosen)];
            std::string others;
            for (const PurchaseModelFit &f : info->models)
                if (&f != &c)
                    others += (others.empty() ? "" : ", ") + std::string(f.model->name) + " " + fmt(score(f), byHoldout ? 4 : 1);
            info->warnings.push_back({byHoldout ? Msg::ModelChosenByHoldout : Msg::ModelChosenByBic,
                                      {c.model->name, fmt(score(c), byHoldout ? 4 : 1), others}});
        }
    } else {
        for (size_t k = 0; k < info->models.size(); ++k)
            if (p.value.purchaseModel == info->models[k].model->key)
                info->chosen = int(k);
    }

    // the spend model
    auto gg = fitGammaGamma(gx, gm, p.value.spendPenalizer);
    if (!gg) {
        info->warnings.push_back(within(gg.error(), Msg::SpendModelNotFitted));
    } else {
        info->gammaGamma = gg.value();
        if (gg->atLimit)
            info->warnings.push_back({Msg::GammaGammaAtLimit, {fmt(gg->limitMean, 2)}});
    }
    if (gx.size() >= 3) { // Gamma-Gamma assumes spend and frequency independent
        double mx = 0, mm = 0;
        for (size_t k = 0; k < gx.size(); ++k) {
            mx += gx[k];
            mm += gm[k];
        }
        mx /= double(gx.size());
        mm /= double(gx.size());
        double sxy = 0, sxx = 0, syy = 0;
        for (size_t k = 0; k < gx.size(); ++k) {
            sxy += (gx[k] - mx) * (gm[k] - mm);
            sxx += (gx[k] - mx) * (gx[k] - mx);
            syy += (gm[k] - mm) * (gm[k] - mm);
        }
        if (sxx > 0 && syy > 0)
            info->spendFrequencyCorrelation = sxy / std::sqrt(sxx * syy);
        if (std::fabs(info->spendFrequencyCorrelation) >= kMaterialCorrelation)
            info->warnings.push_back({Msg::SpendFrequencyCorrelated,
                                      {fmt(info->spendFrequencyCorrelation, 2), std::to_string(gx.size())}});
    }

    addTracking(*info, days, figures, s, p, holdoutEnd, unitDays);
    const PurchaseModelFit *chosen = info->chosenFit();
    if (!chosen)
        return info;
    const PurchaseKind kind = chosen->model->kind;
    const Params4 &bp = chosen->fit.params;
    if (kind == PurchaseKind::BgNbd && (bp[2] < 1e-4 || bp[3] < 1e-4))
        info->warnings.push_back({Msg::BgNbdNoDropout});

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
            row.predicted += purchasePAlive(kind, bp, x[k], tx[k], T[k]) *
                             purchaseExpectedIfAlive(kind, bp, s.holdoutLength, x[k], T[k]);
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
    if (kind == PurchaseKind::BgBb) // x <= T
        maxX = std::min(maxX, maxT);
    info->maxFrequency = int(std::min(maxX, 50.0));
    info->matrixT = maxT;
    const int columns = int(std::min(std::floor(maxT), 60.0)) + 1;
    for (int c = 0; c < columns; ++c) {
        double rec = columns > 1 ? maxT * c / (columns - 1) : 0.0;
        if (kind == PurchaseKind::BgBb)
            rec = std::round(rec);
        info->recencyGrid.push_back(rec);
    }
    for (int f = 0; f <= info->maxFrequency; ++f)
        for (double rec : info->recencyGrid) {
            const bool possible = f == 0 ? rec == 0 || kind != PurchaseKind::BgBb : rec >= f || kind != PurchaseKind::BgBb;
            const double pa = possible ? purchasePAlive(kind, bp, f, f == 0 && kind == PurchaseKind::BgBb ? 0 : rec, maxT) : NAN;
            info->expectedMatrix.push_back(possible ? pa * purchaseExpectedIfAlive(kind, bp, 1.0, f, maxT) : NAN);
            info->aliveMatrix.push_back(pa);
        }
    return std::shared_ptr<const BtydInfo>(std::move(info));
}

// Each customer's CLV under every refit, and the percentile interval of those: the purchase
// quantities once per (x, T) and (x, tx, T) group (order and groupStart as addPredictive sorts
// the customers), the expected spend per customer. Returns false, with low and high as they
// were, when `stop` or `stopLong` is set before it is done (it looks every 256 groups).
bool bootstrapIntervals(const BootstrapFits &boot, PurchaseKind kind, const TransactionSummary &s, double months,
                        double unitsPerMonth, double d0, double level, const std::vector<uint32_t> &order,
                        const std::vector<size_t> &groupStart, std::vector<double> &low, std::vector<double> &high,
                        const std::atomic<bool> *stop, const std::atomic<bool> *stopLong)
{
    const size_t B = boot.refits.size();
    std::vector<double> dpAlive(B), dp(B), clv(B), newLow(low.size(), NAN), newHigh(high.size(), NAN);
    double lastX = NAN, lastT = NAN;
    auto wanted = [](const std::atomic<bool> *flag) { return flag && flag->load(std::memory_order_relaxed); };
    for (size_t g = 0; g + 1 < groupStart.size(); ++g) {
        if (g % 256 == 0 && (wanted(stop) || wanted(stopLong)))
            return false;
        const uint32_t first = order[groupStart[g]];
        const double x = s.frequency[first], tx = s.recency[first], T = s.T[first];
        if (x != lastX || T != lastT) {
            lastX = x;
            lastT = T;
            for (size_t b = 0; b < B; ++b)
                dpAlive[b] = purchaseDiscountedIfAlive(kind, boot.refits[b].purchase, months, unitsPerMonth, d0, x, T);
        }
        for (size_t b = 0; b < B; ++b)
            dp[b] = purchasePAlive(kind, boot.refits[b].purchase, x, tx, T) * dpAlive[b];
        for (size_t k = groupStart[g]; k < groupStart[g + 1]; ++k) {
            const uint32_t i = order[k];
            for (size_t b = 0; b < B; ++b)
                clv[b] = boot.refits[b].spend.expectedAverageValue(x, s.monetary[i]) * dp[b];
            std::tie(newLow[i], newHigh[i]) = percentiles(clv, (1 - level) / 2, (1 + level) / 2);
        }
    }
    low = std::move(newLow);
    high = std::move(newHigh);
    return true;
}

// The bootstrap's refits of the chosen purchase model and Gamma-Gamma, from the cache when the
// fits, the resamples and the seed are the same; null when superseded (a newer edit came).
std::shared_ptr<const BootstrapFits> bootstrapFits(const ModelContext &c, const TransactionSummary &s,
                                                   const PurchaseModelFit &chosen, const std::string &fitKey)
{
    const Project &p = c.p;
    const std::string key = fitKey + "|" + fmt(p.value.bootstrapSamples, 0) + "|" + fmt(p.value.bootstrapSeed, 0);
    {
        std::lock_guard lock(c.d.fitCache->mutex);
        if (c.d.fitCache->bootstrapKey == key && c.d.fitCache->bootstrap)
            return c.d.fitCache->bootstrap;
    }
    std::vector<double> x, tx, T, m;
    for (size_t i = 0; i < s.calibrated.size(); ++i)
        if (s.calibrated[i]) {
            x.push_back(s.frequency[i]);
            tx.push_back(s.recency[i]);
            T.push_back(s.T[i]);
            m.push_back(s.monetary[i]);
        }
    BootstrapInput in;
    in.kind = chosen.model->kind;
    in.x = x, in.tx = tx, in.T = T, in.monetary = m;
    in.penalizer = p.value.penalizer;
    in.spendPenalizer = p.value.spendPenalizer;
    in.samples = int(p.value.bootstrapSamples);
    in.seed = uint64_t(p.value.bootstrapSeed);
    auto fits = std::make_shared<const BootstrapFits>(bootstrapRefits(in, c.progress, c.stop, c.stopLongStep));
    if (c.stopped())
        return nullptr;
    if (!fits->stopped) { // a run the user stopped is not kept: the next edit tries again
        std::lock_guard lock(c.d.fitCache->mutex);
        c.d.fitCache->bootstrapKey = key;
        c.d.fitCache->bootstrap = fits;
    }
    return fits;
}

Status addPredictive(const ModelContext &c, const TransactionSummary &s, double unitDays, int32_t holdoutEnd)
{
    const PreparedData &d = c.d;
    const Project &p = c.p;
    AnalysisResults &r = c.r;
    // the fits, from the cache when their input has not changed
    std::shared_ptr<const BtydInfo> info;
    const std::string fitKey = std::to_string(s.observationEnd) + "|" + std::to_string(holdoutEnd) + "|" +
                               p.value.timeUnit + "|" + p.value.period + "|" + std::to_string(unitDays) + "|" +
                               p.value.purchaseModel + "|" + std::to_string(p.value.penalizer) + "|" +
                               std::to_string(p.value.spendPenalizer);
    {
        const std::string &key = fitKey;
        std::lock_guard lock(d.fitCache->mutex);
        if (d.fitCache->key != key) {
            d.fitCache->info = fitModels(d.days.get(), d.figures.get(), s, p, unitDays, holdoutEnd);
            d.fitCache->key = key;
            d.fitCache->error.reset();
        }
        info = d.fitCache->info;
    }
    r.btyd = info;
    for (const Diagnostic &w : info->warnings)
        r.warnings.push_back(w);
    if (info->ggExcluded)
        r.warnings.push_back({Msg::GammaGammaExcluded, {std::to_string(info->ggExcluded)}});

    const PurchaseModelFit *chosen = info->chosenFit();
    const std::optional<GammaGammaFit> &gg = info->gammaGamma;
    // why a column is empty: the first warning about the model it needs
    std::optional<Diagnostic> noPurchase, noSpend;
    for (const Diagnostic &w : info->warnings) {
        if (!chosen && !noPurchase && isAbout(w, Msg::PurchaseModelNotFitted))
            noPurchase = w;
        if (!gg && !noSpend && isAbout(w, Msg::SpendModelNotFitted))
            noSpend = w;
    }
    if (!chosen && !noPurchase)
        noPurchase = Diagnostic{Msg::PurchaseModelNotFitted, {p.value.purchaseModel, ""}};

    const double unitsPerMonth = p.value.monthDays / unitDays;
    const double months = p.value.horizonMonths;
    const double d0 = p.value.monthlyDiscount;
    const size_t n = s.calibrated.size();
    std::vector<double> alive(n, kMissing), expected(n, kMissing), aov(n, kMissing), clv(n, kMissing),
        low(n, kMissing), high(n, kMissing);

    if (gg)
        for (size_t i = 0; i < n; ++i)
            if (s.calibrated[i])
                aov[i] = gg->expectedAverageValue(s.frequency[i], s.monetary[i]);

    bool interval = false, bootstrapped = false;
    std::optional<Diagnostic> intervalNote; // what clv_low and clv_high are
    if (chosen) {
        const PurchaseKind kind = chosen->model->kind;
        const Params4 &bp = chosen->fit.params;
        // Customers with the same (x, tx, T) share every purchase-model quantity: compute once per group.
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

        // The CLV interval by the delta method on the log scale: log CLV = log DP(purchases) + log AOV(gg),
        // with the gradients by finite differences in the log parameters and the fits' covariances.
        // At Gamma-Gamma's boundary the spend is the shared mean and carries no parameter uncertainty.
        const std::vector<double> &covBg = chosen->fit.info.logCovariance;
        const std::vector<double> noCov;
        const std::vector<double> &covGg = gg && !gg->atLimit ? gg->info.logCovariance : noCov;
        interval = gg && covBg.size() == 16 && (covGg.size() == 9 || gg->atLimit);
        const double z = boost::math::quantile(boost::math::normal(), 0.5 + p.value.intervalLevel / 2);
        const double h = 1e-5;
        std::array<Params4, 4> bgPlus;
        for (size_t k = 0; k < 4; ++k) {
            bgPlus[k] = bp;
            bgPlus[k][k] *= std::exp(h);
        }
        std::array<GammaGammaParams, 3> ggPlus;
        if (gg && !gg->atLimit)
            for (int k = 0; k < 3; ++k) {
                GammaGammaParams q = gg->params;
                double *v[3] = {&q.p, &q.q, &q.v};
                *v[k] *= std::exp(h);
                ggPlus[size_t(k)] = q;
            }
        const double horizon = months * unitsPerMonth;

        auto work = [&](size_t g0, size_t g1) {
            double lastX = NAN, lastT = NAN, exAlive = 0, dpAlive = 0, logDpPlus[4] = {0, 0, 0, 0};
            for (size_t g = g0; g < g1; ++g) {
                const uint32_t first = order[groupStart[g]];
                const double x = s.frequency[first], tx = s.recency[first], T = s.T[first];
                if (x != lastX || T != lastT) {
                    lastX = x;
                    lastT = T;
                    exAlive = purchaseExpectedIfAlive(kind, bp, horizon, x, T);
                    dpAlive = purchaseDiscountedIfAlive(kind, bp, months, unitsPerMonth, d0, x, T);
                    if (interval)
                        for (size_t k = 0; k < 4; ++k)
                            logDpPlus[k] = std::log(purchaseDiscountedIfAlive(kind, bgPlus[k], months, unitsPerMonth, d0, x, T));
                }
                const double pa = purchasePAlive(kind, bp, x, tx, T);
                const double ex = pa * exAlive;
                const double dp = pa * dpAlive;
                double varBg = 0;
                if (interval && dp > 0) {
                    double grad[4];
                    for (size_t k = 0; k < 4; ++k)
                        grad[k] = (logDpPlus[k] + std::log(purchasePAlive(kind, bgPlus[k], x, tx, T)) - std::log(dp)) / h;
                    for (size_t a = 0; a < 4; ++a)
                        for (size_t b = 0; b < 4; ++b)
                            varBg += grad[a] * covBg[a * 4 + b] * grad[b];
                }
                for (size_t k = groupStart[g]; k < groupStart[g + 1]; ++k) {
                    const uint32_t i = order[k];
                    alive[i] = pa;
                    expected[i] = ex;
                    if (!gg)
                        continue;
                    const double m = s.monetary[i];
                    const double v = aov[i];
                    clv[i] = v * dp;
                    if (interval && dp > 0 && v > 0) {
                        double var = varBg;
                        if (!gg->atLimit) {
                            double grad[3];
                            for (size_t j = 0; j < 3; ++j)
                                grad[j] = (std::log(expectedAverageValue(ggPlus[j], x, m)) - std::log(v)) / h;
                            for (size_t a = 0; a < 3; ++a)
                                for (size_t b = 0; b < 3; ++b)
                                    var += grad[a] * covGg[a * 3 + b] * grad[b];
                        }
                        const double sd = std::sqrt(std::max(var, 0.0));
                        low[i] = clv[i] * std::exp(-z * sd);
                        high[i] = clv[i] * std::exp(z * sd);
                    }
                }
            }
        };
        const size_t groups = groupStart.size() - 1;
        if (groups > 20000) {
            std::exception_ptr failed; // no exception leaves the helper thread: it is rethrown here
            std::thread helper([&] {
                try {
                    work(groups / 2, groups);
                } catch (...) {
                    failed = std::current_exception();
                }
            });
            try {
                work(0, groups / 2);
            } catch (...) {
                helper.join();
                throw;
            }
            helper.join();
            if (failed)
                std::rethrow_exception(failed);
        } else {
            work(0, groups);
        }
        if (gg && p.value.clvInterval == "bootstrap") {
            auto boot = bootstrapFits(c, s, *chosen, fitKey);
            if (!boot)
                return makeError(ErrorKind::Cancelled, Msg::ComputationSuperseded);
            const std::string samples = fmt(p.value.bootstrapSamples, 0);
            if (boot->stopped) {
                r.warnings.push_back({Msg::BootstrapStopped, {std::to_string(boot->done), samples}});
            } else if (boot->refits.size() < 10) {
                r.warnings.push_back({Msg::BootstrapTooFewFits, {std::to_string(boot->refits.size()), samples}});
            } else if (!bootstrapIntervals(*boot, kind, s, months, unitsPerMonth, d0, p.value.intervalLevel, order,
                                           groupStart, low, high, c.stop, c.stopLongStep)) {
                if (c.stopped()) // a newer edit: this computation is not wanted
                    return makeError(ErrorKind::Cancelled, Msg::ComputationSuperseded);
                // the user's Stop after the last refit: the delta method's interval, as for a Stop before
                r.warnings.push_back({Msg::BootstrapStopped, {std::to_string(boot->done), samples}});
            } else {
                bootstrapped = true;
                if (boot->failed)
                    r.warnings.push_back({Msg::BootstrapFitsFailed, {std::to_string(boot->failed), samples,
                                                                     std::to_string(boot->refits.size())}});
                intervalNote = Diagnostic{Msg::ClvIntervalBootstrap, {fmt(p.value.intervalLevel * 100, 0),
                                                                      std::to_string(boot->refits.size()),
                                                                      fmt(p.value.bootstrapSeed, 0)}};
            }
        }
        if (gg && !interval && !bootstrapped)
            r.warnings.push_back({Msg::NoStandardErrors});
        if (interval && !bootstrapped)
            intervalNote = Diagnostic{Msg::ClvIntervalDeltaMethod, {fmt(p.value.intervalLevel * 100, 0)}};
        if (intervalNote)
            r.warnings.push_back(*intervalNote);
    }

    r.value = clv;
    r.extra.push_back({"frequency", s.frequency});
    r.extra.push_back({"recency", s.recency});
    r.extra.push_back({"T", s.T});
    r.extra.push_back({"monetary", s.monetary});
    const size_t firstModelColumn = r.extra.size();
    r.extra.push_back({"p_alive", std::move(alive)});
    r.extra.push_back({"expected_purchases", std::move(expected)});
    r.extra.push_back({"expected_average_value", std::move(aov)});
    r.extra.push_back({"clv", std::move(clv)});
    r.extra.push_back({"clv_low", std::move(low)});
    r.extra.back().note = intervalNote;
    r.extra.push_back({"clv_high", std::move(high)});
    r.extra.back().note = intervalNote;
    auto empty = [&](size_t k, const std::optional<Diagnostic> &why) {
        if (why)
            r.extra[firstModelColumn + k].emptyBecause = why;
    };
    if (!chosen) {
        for (size_t k : {0, 1, 3, 4, 5})
            empty(k, noPurchase);
    }
    if (!gg) {
        for (size_t k : {2, 3, 4, 5})
            empty(k, noSpend);
    }
    if (chosen && gg && !interval && !bootstrapped) // the delta method needs the fits' standard errors
        for (size_t k : {4, 5})
            empty(k, Diagnostic{Msg::NoStandardErrors});
    if (s.holdoutLength > 0) {
        r.extra.push_back({"holdout_purchases", s.holdoutPurchases});
        r.extra.push_back({"holdout_spend", s.holdoutSpend});
    }
    return Ok{};
}

} // namespace

namespace {

Status computeTransactionModel(const ModelContext &c, bool predictive)
{
    const PreparedData &d = c.d;
    const Project &p = c.p;
    AnalysisResults &r = c.r;
    const std::atomic<bool> *stop = c.stop;
    if (!p.scores.empty())
        return modelError(Msg::ScoresNeedCustomerRows);
    auto unit = daysPerUnit(p.value.timeUnit);
    if (!unit)
        return unit.error();
    const CustomerDays *days = d.days.get();
    const CustomerFigures *figures = d.figures.get();
    if (!days && !figures)
        return modelError(Msg::OrderLinesNoCustomer);
    const int32_t firstDay = days ? days->firstDay : figures->firstDay, lastDay = days ? days->lastDay : figures->lastDay;
    int32_t obsEnd = lastDay;
    if (!p.value.observationEnd.empty()) {
        double v = 0;
        if (parseDate(p.value.observationEnd, DateOrder::Unknown, true, v) != CellParse::Ok)
            return modelError(Msg::ObservationEndNotDate, {p.value.observationEnd});
        obsEnd = int32_t(std::floor(v));
        if (obsEnd < firstDay)
            return modelError(Msg::ObservationEndTooEarly, {formatDate(obsEnd), formatDate(firstDay)});
    }
    SummaryOptions options;
    options.period = predictive ? p.value.period : std::string("day");
    if (predictive && !p.value.holdoutEnd.empty()) {
        double v = 0;
        if (parseDate(p.value.holdoutEnd, DateOrder::Unknown, true, v) != CellParse::Ok)
            return modelError(Msg::HoldoutEndNotDate, {p.value.holdoutEnd});
        options.holdoutEnd = int32_t(std::floor(v));
        if (options.holdoutEnd < obsEnd)
            return modelError(Msg::HoldoutEndBeforeObservationEnd, {formatDate(options.holdoutEnd), formatDate(obsEnd)});
    }
    const int32_t holdoutEnd = std::max(obsEnd, std::min(options.holdoutEnd, lastDay));
    TransactionSummary s;
    if (days) {
        s = summariseTransactions(*days, obsEnd, unit.value(), options);
    } else {
        // the engine summed per customer for one observation end and holdout end, per day
        const bool byDay = options.period.empty() || options.period == "day";
        if (figures->observationEnd != obsEnd || (predictive && figures->holdoutEnd != options.holdoutEnd) || !byDay)
            return modelError(Msg::DbRowsPerCustomerOtherSettings, {formatDate(figures->observationEnd)});
        s = summariseFigures(*figures, unit.value());
    }
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
        addRfm(s, p, unit.value(), r);
        addTotals(false); // frequency and monetary are the orders and the spend already
        return Ok{};
    }
    if (stop && stop->load())
        return makeError(ErrorKind::Cancelled, Msg::ComputationSuperseded);
    if (auto st = addPredictive(c, s, periodDays(p, unit.value()), holdoutEnd); !st)
        return st;
    if (p.segments.method == "rfm_rules")
        addRfm(s, p, unit.value(), r);
    addTotals(true);
    return Ok{};
}

} // namespace

Status computeRfmModel(ModelContext &c)
{
    return computeTransactionModel(c, false);
}

Status computePredictiveClv(ModelContext &c)
{
    return computeTransactionModel(c, true);
}

} // namespace vs
