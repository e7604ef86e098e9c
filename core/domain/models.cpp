#include "models.h"

#include "core/domain/registry.h"

#include "core/analytics/value_models.h"
#include "core/domain/translatable.h"
#include "core/table/cell_parse.h"
#include "core/table/table.h"

#include <algorithm>
#include <charconv>

namespace vs {

namespace {

using enum ParamKind;
constexpr Layout C = Layout::Customers, T = Layout::Transactions;

const RfmScoringInfo kRfmScorings[] = {
    {"quantile", QT_TRANSLATE_NOOP("parameters", "Quintiles of the values"), RfmScoringKind::Quantile},
    {"rank", QT_TRANSLATE_NOOP("parameters", "Quintiles of the ranks (ties spread over 1–5)"), RfmScoringKind::Rank},
    {"rfm", QT_TRANSLATE_NOOP("parameters", "As the R package rfm scores (the same scores as in R)"),
     RfmScoringKind::RPackage},
};

// The parameters, in the order the project reader checks them and the panel shows them.
const std::vector<ParameterInfo> kParameters = [] {
    std::vector<ParameterInfo> p;
    {
        ParameterInfo rate{"rate", Number, QT_TRANSLATE_NOOP("parameters", "Discount &rate r:"),
                           QT_TRANSLATE_NOOP("parameters", "Discount rate per period: 0.1 = 10 %"),
                           Msg::KeyAboveMinusOne};
        rate.min = -1, rate.minExcluded = true, rate.decimals = 3, rate.step = 0.01;
        rate.number = &ValueSpec::rate;
        p.push_back(rate);
    }
    {
        ParameterInfo score{"score", Score, QT_TRANSLATE_NOOP("parameters", "&Score:"),
                            QT_TRANSLATE_NOOP("parameters", "The score whose value is each customer's value"), Msg::KeyText};
        score.text = &ValueSpec::score;
        p.push_back(score);
    }
    {
        ParameterInfo ref{"cvb_reference", Text, QT_TRANSLATE_NOOP("parameters", "CVB &reference:"),
                          QT_TRANSLATE_NOOP("parameters", "The value ratio CVB divides by the mean value, or by one customer's value"),
                          Msg::KeyText};
        ref.placeholder = QT_TRANSLATE_NOOP("parameters", "mean, or a customer id");
        ref.numberAsText = true;
        ref.text = &ValueSpec::cvbReference;
        p.push_back(ref);
    }
    {
        ParameterInfo end{"observation_end", Date, QT_TRANSLATE_NOOP("parameters", "Observation &end:"),
                          QT_TRANSLATE_NOOP("parameters", "yyyy-mm-dd. Orders after it are the holdout period that checks the predictions."),
                          Msg::KeyText};
        end.placeholder = QT_TRANSLATE_NOOP("parameters", "the last order's date");
        end.rule = Msg::ObservationEndNotDate; // "the observation end '%1' is not a date (…)"
        end.ruleNamesKey = false;
        end.namesWrongChoice = true;
        end.text = &ValueSpec::observationEnd;
        p.push_back(end);
    }
    {
        ParameterInfo unit{"time_unit", Choice, QT_TRANSLATE_NOOP("parameters", "Time &unit:"),
                           QT_TRANSLATE_NOOP("parameters", "The unit of recency, T and the BG/NBD fit"),
                           Msg::KeyTimeUnit};
        unit.choices = {"days", "weeks", "months"};
        unit.choiceLabels = {QT_TRANSLATE_NOOP("parameters", "days"), QT_TRANSLATE_NOOP("parameters", "weeks"),
                             QT_TRANSLATE_NOOP("parameters", "months")};
        unit.namesWrongChoice = true;
        unit.text = &ValueSpec::timeUnit;
        p.push_back(unit);
    }
    {
        ParameterInfo horizon{"horizon_months", Number, QT_TRANSLATE_NOOP("parameters", "CLV &horizon:"),
                              QT_TRANSLATE_NOOP("parameters", "How far ahead the CLV counts purchases"),
                              Msg::KeyHorizon};
        horizon.min = 0, horizon.minExcluded = true, horizon.max = 600, horizon.decimals = 2;
        horizon.rule = Msg::KeyHorizonMonths;
        horizon.suffix = QT_TRANSLATE_NOOP("parameters", " months");
        horizon.number = &ValueSpec::horizonMonths;
        p.push_back(horizon);
    }
    {
        ParameterInfo discount{"monthly_discount", Number, QT_TRANSLATE_NOOP("parameters", "Monthly &discount:"),
                               QT_TRANSLATE_NOOP("parameters", "Discount rate per month for the CLV: 0.01 = 1 %"),
                               Msg::KeyAboveMinusOne};
        discount.min = -1, discount.minExcluded = true, discount.decimals = 4, discount.step = 0.005;
        discount.number = &ValueSpec::monthlyDiscount;
        p.push_back(discount);
    }
    {
        ParameterInfo pen{"penalizer", Number, QT_TRANSLATE_NOOP("parameters", "Fit &penalty:"),
                          QT_TRANSLATE_NOOP("parameters", "L2 penalty on the purchase model's parameters; 0 = plain maximum likelihood"),
                          Msg::KeyNotNegative};
        pen.min = 0, pen.decimals = 4, pen.step = 0.001;
        pen.number = &ValueSpec::penalizer;
        p.push_back(pen);
    }
    {
        ParameterInfo pen{"spend_penalizer", Number, QT_TRANSLATE_NOOP("parameters", "S&pend fit penalty:"),
                          QT_TRANSLATE_NOOP("parameters", "L2 penalty on the Gamma-Gamma parameters; 0 = plain maximum likelihood"),
                          Msg::KeyNotNegative};
        pen.min = 0, pen.decimals = 4, pen.step = 0.001;
        pen.number = &ValueSpec::spendPenalizer;
        p.push_back(pen);
    }
    {
        ParameterInfo model{"purchase_model", Choice, QT_TRANSLATE_NOOP("parameters", "P&urchase model:"),
                            QT_TRANSLATE_NOOP("parameters", "The model of how often customers buy and whether they are still customers"),
                            Msg::KeyPurchaseModel};
        model.choices = {"bgnbd", "pareto_nbd", "mbgnbd", "bgbb", "auto"};
        model.choiceLabels = {QT_TRANSLATE_NOOP("parameters", "BG/NBD"), QT_TRANSLATE_NOOP("parameters", "Pareto/NBD"),
                              QT_TRANSLATE_NOOP("parameters", "MBG/NBD"),
                              QT_TRANSLATE_NOOP("parameters", "BG/BB (purchase opportunities: needs a period)"),
                              QT_TRANSLATE_NOOP("parameters", "The best on the holdout period (auto)")};
        model.namesWrongChoice = true;
        model.text = &ValueSpec::purchaseModel;
        p.push_back(model);
    }
    {
        ParameterInfo period{"period", Choice, QT_TRANSLATE_NOOP("parameters", "Pu&rchase period:"),
                             QT_TRANSLATE_NOOP("parameters", "Purchases on one day, or in one calendar week, month… count as one purchase; with a period, recency and T are whole periods"),
                             Msg::KeyPeriod};
        period.choices = {"day", "week", "month", "quarter", "year"};
        period.choiceLabels = {QT_TRANSLATE_NOOP("parameters", "day"), QT_TRANSLATE_NOOP("parameters", "calendar week"),
                               QT_TRANSLATE_NOOP("parameters", "calendar month"), QT_TRANSLATE_NOOP("parameters", "quarter"),
                               QT_TRANSLATE_NOOP("parameters", "year")};
        period.namesWrongChoice = true;
        period.text = &ValueSpec::period;
        p.push_back(period);
    }
    {
        ParameterInfo days{"month_days", Number, QT_TRANSLATE_NOOP("parameters", "Days per &month:"),
                           QT_TRANSLATE_NOOP("parameters", "Days in a month for the CLV horizon and discounting (30.4375 = 365.25 ÷ 12; lifetimes uses 30)"),
                           Msg::KeyPositive};
        days.min = 0, days.minExcluded = true, days.max = 366, days.decimals = 4, days.step = 0.5;
        days.number = &ValueSpec::monthDays;
        p.push_back(days);
    }
    {
        ParameterInfo end{"holdout_end", Date, QT_TRANSLATE_NOOP("parameters", "&Holdout end:"),
                          QT_TRANSLATE_NOOP("parameters", "yyyy-mm-dd. Orders after it are left out; the holdout period runs from the observation end to it."),
                          Msg::KeyText};
        end.placeholder = QT_TRANSLATE_NOOP("parameters", "the last order's date");
        end.rule = Msg::HoldoutEndNotDate;
        end.ruleNamesKey = false;
        end.namesWrongChoice = true;
        end.text = &ValueSpec::holdoutEnd;
        p.push_back(end);
    }
    {
        ParameterInfo level{"interval_level", Number, QT_TRANSLATE_NOOP("parameters", "CLV &interval:"),
                            QT_TRANSLATE_NOOP("parameters", "Coverage of the CLV interval (0.9 = 90 %)"),
                            Msg::KeyIntervalLevel};
        level.min = 0, level.max = 1, level.minExcluded = level.maxExcluded = true, level.decimals = 2, level.step = 0.05;
        level.number = &ValueSpec::intervalLevel;
        p.push_back(level);
    }
    {
        ParameterInfo method{"clv_interval", Choice, QT_TRANSLATE_NOOP("parameters", "Interval me&thod:"),
                             QT_TRANSLATE_NOOP("parameters", "How the CLV interval is found. Either way it covers the uncertainty of the fitted models only, not whether a customer buys more or less than expected."),
                             Msg::KeyClvInterval};
        method.choices = {"delta", "bootstrap"};
        method.choiceLabels = {QT_TRANSLATE_NOOP("parameters", "Standard errors (quick)"),
                               QT_TRANSLATE_NOOP("parameters", "Bootstrap: refit on resampled customers (slower)")};
        method.namesWrongChoice = true;
        method.text = &ValueSpec::clvInterval;
        p.push_back(method);
    }
    {
        ParameterInfo samples{"bootstrap_samples", Number, QT_TRANSLATE_NOOP("parameters", "&Bootstrap resamples:"),
                              QT_TRANSLATE_NOOP("parameters", "How often the customers are resampled and both models refitted; more is steadier and slower"),
                              Msg::KeyBootstrapSamples};
        samples.min = 20, samples.max = 10000, samples.integer = true, samples.step = 50;
        samples.number = &ValueSpec::bootstrapSamples;
        samples.matters = [](const ValueSpec &v) { return v.clvInterval == "bootstrap"; };
        p.push_back(samples);
    }
    {
        ParameterInfo seed{"bootstrap_seed", Number, QT_TRANSLATE_NOOP("parameters", "B&ootstrap seed:"),
                           QT_TRANSLATE_NOOP("parameters", "The same seed gives the same resamples, so a run repeats exactly"),
                           Msg::KeyBootstrapSeed};
        seed.min = 0, seed.max = 999999999, seed.integer = true;
        seed.number = &ValueSpec::bootstrapSeed;
        seed.matters = [](const ValueSpec &v) { return v.clvInterval == "bootstrap"; };
        p.push_back(seed);
    }
    {
        ParameterInfo scoring{"rfm_scoring", Choice, QT_TRANSLATE_NOOP("parameters", "RFM &scores:"),
                              QT_TRANSLATE_NOOP("parameters", "How recency, frequency and spend become scores from 1 to 5"),
                              Msg::KeyRfmScoring};
        for (const RfmScoringInfo &k : kRfmScorings) {
            scoring.choices.push_back(k.key);
            scoring.choiceLabels.push_back(k.label);
        }
        scoring.text = &ValueSpec::rfmScoring;
        p.push_back(scoring);
    }
    return p;
}();

// The value models, in the order the panel lists them; each layout's first is its default.
const std::vector<ValueModelInfo> kModels = {
    {"profit", C, QT_TRANSLATE_NOOP("models", "Profit: revenue − cost"), {{"revenue"}, {"cost"}}, false, {},
     computeProfit},
    {"profit_per_lifetime", C, QT_TRANSLATE_NOOP("models", "Profit per lifetime: (revenue − cost) ÷ lifetime"),
     {{"revenue"}, {"cost"}, {"lifetime"}}, false, {}, computeProfitPerLifetime},
    {"frequency_x_spend", C, QT_TRANSLATE_NOOP("models", "Purchases × average spend"),
     {{"orders"}, {"average_spend", "amount"}}, false, {}, computeFrequencyTimesSpend},
    {"discounted_clv", C, QT_TRANSLATE_NOOP("models", "Discounted CLV: Σ (revenue − cost) ÷ (1+r)^t"),
     {{"revenue_periods"}, {"cost_periods"}}, false, {"rate"}, computeDiscountedClv},
    {"discounted_revenue", C, QT_TRANSLATE_NOOP("models", "Value score CVS: Σ revenue ÷ (1+r)^t"),
     {{"revenue_periods"}}, false, {"rate", "cvb_reference"}, computeDiscountedRevenue},
    {"weighted_score", C, QT_TRANSLATE_NOOP("models", "A weighted score"), {}, true, {"score"}, computeWeightedScore},
    {"rfm", T, QT_TRANSLATE_NOOP("models", "RFM: recency, frequency, monetary (value = spend)"),
     {{"customer"}, {"date"}, {"amount", "quantity"}}, false, {"observation_end", "time_unit", "rfm_scoring"},
     computeRfmModel},
    {"predictive_clv", T, QT_TRANSLATE_NOOP("models", "Predictive CLV: BG/NBD + Gamma-Gamma"),
     {{"customer"}, {"date"}, {"amount", "quantity"}}, false,
     {"purchase_model", "observation_end", "holdout_end", "time_unit", "period", "horizon_months", "month_days",
      "monthly_discount", "penalizer", "spend_penalizer", "interval_level", "clv_interval", "bootstrap_samples",
      "bootstrap_seed", "rfm_scoring"},
     computePredictiveClv},
};

const PurchaseModelInfo kPurchaseModels[] = {
    {"bgnbd", "BG/NBD", PurchaseKind::BgNbd, {"r", "alpha", "a", "b"}, false},
    {"pareto_nbd", "Pareto/NBD", PurchaseKind::ParetoNbd, {"r", "alpha", "s", "beta"}, false},
    {"mbgnbd", "MBG/NBD", PurchaseKind::MbgNbd, {"r", "alpha", "a", "b"}, false},
    {"bgbb", "BG/BB", PurchaseKind::BgBb, {"alpha", "beta", "gamma", "delta"}, true},
};

} // namespace

std::span<const PurchaseModelInfo> purchaseModels()
{
    return kPurchaseModels;
}

const PurchaseModelInfo *findPurchaseModel(std::string_view key) { return findByKey(kPurchaseModels, key); }

std::span<const RfmScoringInfo> rfmScorings()
{
    return kRfmScorings;
}

const RfmScoringInfo *findRfmScoring(std::string_view key) { return findByKey(kRfmScorings, key); }

bool ParameterInfo::accepts(double v) const
{
    if (std::isnan(v))
        return false;
    if (minExcluded ? !(v > min) : !(v >= min))
        return false;
    if (maxExcluded ? !(v < max) : !(v <= max))
        return false;
    return !integer || v == std::floor(v);
}

std::span<const ValueModelInfo> valueModels()
{
    return kModels;
}

const ValueModelInfo *findValueModel(std::string_view key) { return findByKey(kModels, key); }

std::vector<const ValueModelInfo *> valueModelsFor(Layout layout)
{
    std::vector<const ValueModelInfo *> out;
    for (const ValueModelInfo &m : kModels)
        if (m.layout == layout)
            out.push_back(&m);
    return out;
}

bool modelHasParameter(const ValueModelInfo &model, std::string_view parameter)
{
    return std::any_of(model.parameters.begin(), model.parameters.end(),
                       [&](const char *k) { return parameter == k; });
}

std::span<const ParameterInfo> valueParameters()
{
    return kParameters;
}

const ParameterInfo *findValueParameter(std::string_view key) { return findByKey(kParameters, key); }

const ValueModelInfo &defaultValueModel(Layout layout, const std::map<std::string, std::string> &columns,
                                        const std::map<std::string, std::vector<std::string>> &periodColumns)
{
    auto mapped = [&](const char *role) {
        if (auto it = periodColumns.find(role); it != periodColumns.end() && !it->second.empty())
            return true;
        return columns.count(role) > 0;
    };
    const std::vector<const ValueModelInfo *> models = valueModelsFor(layout == Layout::Transactions ? T : C);
    for (const ValueModelInfo *m : models) {
        if (m->needsScore)
            continue;
        const bool all = std::all_of(m->needs.begin(), m->needs.end(), [&](const std::vector<const char *> &oneOf) {
            return std::any_of(oneOf.begin(), oneOf.end(), mapped);
        });
        if (all)
            return *m;
    }
    return *models.front();
}

std::string parameterText(const ValueSpec &v, const ParameterInfo &p)
{
    if (p.number)
        return formatNumber(v.*(p.number));
    return v.*(p.text);
}

bool parameterValid(const ValueSpec &v, const ParameterInfo &p)
{
    if (p.number)
        return p.accepts(v.*(p.number));
    if (p.kind == Choice)
        return std::any_of(p.choices.begin(), p.choices.end(), [&](const char *c) { return v.*(p.text) == c; });
    if (p.kind == Date) { // empty: the default (the last order's date)
        double day = 0;
        const std::string &text = v.*(p.text);
        return text.empty() || parseDate(text, DateOrder::Unknown, true, day) == CellParse::Ok;
    }
    return true;
}

bool setParameter(ValueSpec &v, const ParameterInfo &p, const std::string &text)
{
    ValueSpec changed = v;
    if (p.number) {
        double x = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
        if (ec != std::errc() || end != text.data() + text.size())
            return false;
        changed.*(p.number) = x;
    } else {
        changed.*(p.text) = text;
    }
    if (!parameterValid(changed, p))
        return false;
    v = std::move(changed);
    return true;
}

} // namespace vs
