#pragma once
// What a number column means, so that every view shows it the way people write such numbers
// (a count as a whole number, money with two decimals, a code as written) and the statistics
// leave out what has no mean (identifiers, codes). One table for the model columns and one for
// the roles; the analysis gives every column of its results a meaning from them
// (AnalysisResults::meaningOf), and nothing guesses from a name elsewhere.
#include <string_view>

namespace vs {

enum class Meaning {
    Number,      // a quantity without a more precise meaning (an unmapped input column)
    Money,       // an amount: value, revenue, spend, CLV
    Count,       // a whole number of things: orders, purchases, units
    Grade,       // a whole-number score on a short scale (the RFM scores 1-5)
    Score,       // a score with decimals (a weighted score, the CVS score)
    Ratio,       // a fraction shown as a percentage (ROI)
    Probability, // 0-1 (P(alive))
    Duration,    // a time in days or the model's time unit (recency, T)
    Date,        // days since 1970-01-01
    Code,        // digits that name a group (the RFM cell 555): no sum, no mean
    Identifier,  // a number that names a customer, campaign or invoice: no mean
};

// The meaning of a model column (r_score, rfm_cell, orders, clv, roi, …), Number if unknown.
Meaning modelColumnMeaning(std::string_view column);
// The English title of a model column ("total_spend" -> "Total spend"; context "measures" for
// its translation), nullptr for a column that is not a model's.
const char *modelColumnLabel(std::string_view column);
// The meaning of a column mapped to a role (customer -> Identifier, revenue -> Money, …).
Meaning roleMeaning(std::string_view role);
// The meaning of a value model's value (weighted_score -> Score, the others Money).
Meaning valueMeaning(std::string_view model);
// Whether mean, median and spread say something about such a column (not an id, a code or a date).
bool isMeasure(Meaning meaning);

} // namespace vs
