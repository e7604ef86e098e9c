#include "measures.h"

namespace vs {

namespace {

struct Entry {
    std::string_view key;
    Meaning meaning;
};

using enum Meaning;

// The columns the models add to the results (results_writer's order is the models' own).
constexpr Entry kModelColumns[] = {
    // rfm
    {"recency", Duration}, {"frequency", Count}, {"monetary", Money},
    {"r_score", Grade}, {"f_score", Grade}, {"m_score", Grade}, {"rfm_cell", Code},
    // predictive_clv (recency and T are in the model's time unit, frequency counts repeat purchases)
    {"T", Duration}, {"p_alive", Probability}, {"expected_purchases", Number},
    {"expected_average_value", Money}, {"clv", Money}, {"clv_low", Money}, {"clv_high", Money},
    {"holdout_purchases", Count}, {"holdout_spend", Money},
    // what every order summary tells
    {"orders", Count}, {"total_spend", Money}, {"first_purchase", Date}, {"last_purchase", Date},
    // discounted_revenue
    {"cvs_score", Score}, {"cvb", Number},
    // campaigns
    {"sales", Money}, {"cost", Money}, {"roi", Ratio},
};

constexpr Entry kRoles[] = {
    {"customer", Identifier}, {"campaign", Identifier}, {"invoice", Identifier},
    {"revenue", Money}, {"sales", Money}, {"cost", Money}, {"average_spend", Money},
    {"amount", Money}, {"unit_price", Money}, {"revenue_periods", Money}, {"cost_periods", Money},
    {"orders", Count}, {"quantity", Count}, {"lifetime", Duration}, {"date", Date},
};

template <size_t N>
Meaning find(const Entry (&table)[N], std::string_view key, Meaning otherwise)
{
    for (const Entry &e : table)
        if (e.key == key)
            return e.meaning;
    return otherwise;
}

} // namespace

Meaning modelColumnMeaning(std::string_view column) { return find(kModelColumns, column, Number); }

Meaning roleMeaning(std::string_view role) { return find(kRoles, role, Number); }

Meaning valueMeaning(std::string_view model) { return model == "weighted_score" ? Score : Money; }

bool isMeasure(Meaning meaning) { return meaning != Identifier && meaning != Code && meaning != Date; }

} // namespace vs
