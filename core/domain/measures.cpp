#include "measures.h"

#include "core/domain/translatable.h"

namespace vs {

namespace {

struct Entry {
    std::string_view key;
    Meaning meaning;
    const char *label = nullptr; // the column's title in the window and the report (English)
};

using enum Meaning;

// The columns the models add to the results (results_writer's order is the models' own).
constexpr Entry kModelColumns[] = {
    // rfm
    {"recency", Duration, QT_TRANSLATE_NOOP("measures", "Recency")},
    {"frequency", Count, QT_TRANSLATE_NOOP("measures", "Frequency")},
    {"monetary", Money, QT_TRANSLATE_NOOP("measures", "Monetary")},
    {"r_score", Grade, QT_TRANSLATE_NOOP("measures", "R score")},
    {"f_score", Grade, QT_TRANSLATE_NOOP("measures", "F score")},
    {"m_score", Grade, QT_TRANSLATE_NOOP("measures", "M score")},
    {"rfm_cell", Code, QT_TRANSLATE_NOOP("measures", "RFM cell")},
    // predictive_clv (recency and T are in the model's time unit, frequency counts repeat purchases)
    {"T", Duration, QT_TRANSLATE_NOOP("measures", "Customer age (T)")},
    {"p_alive", Probability, QT_TRANSLATE_NOOP("measures", "P(alive)")},
    {"expected_purchases", Number, QT_TRANSLATE_NOOP("measures", "Expected purchases")},
    {"expected_average_value", Money, QT_TRANSLATE_NOOP("measures", "Expected spend per purchase")},
    {"clv", Money, QT_TRANSLATE_NOOP("measures", "CLV")},
    {"clv_low", Money, QT_TRANSLATE_NOOP("measures", "CLV, low")},
    {"clv_high", Money, QT_TRANSLATE_NOOP("measures", "CLV, high")},
    {"holdout_purchases", Count, QT_TRANSLATE_NOOP("measures", "Holdout purchases")},
    {"holdout_spend", Money, QT_TRANSLATE_NOOP("measures", "Holdout spend")},
    // what every order summary tells
    {"orders", Count, QT_TRANSLATE_NOOP("measures", "Orders")},
    {"total_spend", Money, QT_TRANSLATE_NOOP("measures", "Total spend")},
    {"first_purchase", Date, QT_TRANSLATE_NOOP("measures", "First purchase")},
    {"last_purchase", Date, QT_TRANSLATE_NOOP("measures", "Last purchase")},
    // discounted_revenue
    {"cvs_score", Score, QT_TRANSLATE_NOOP("measures", "CVS score")},
    {"cvb", Number, QT_TRANSLATE_NOOP("measures", "CVB")},
    // campaigns
    {"sales", Money, QT_TRANSLATE_NOOP("measures", "Sales")},
    {"cost", Money, QT_TRANSLATE_NOOP("measures", "Cost")},
    {"roi", Ratio, QT_TRANSLATE_NOOP("measures", "ROI")},
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

const char *modelColumnLabel(std::string_view column)
{
    for (const Entry &e : kModelColumns)
        if (e.key == column)
            return e.label;
    return nullptr;
}

Meaning roleMeaning(std::string_view role) { return find(kRoles, role, Number); }

Meaning valueMeaning(std::string_view model) { return model == "weighted_score" ? Score : Money; }

bool isMeasure(Meaning meaning) { return meaning != Identifier && meaning != Code && meaning != Date; }

} // namespace vs
