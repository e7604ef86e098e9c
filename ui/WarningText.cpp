#include "WarningText.h"

#include "SentenceTable.h"

#include <QCoreApplication>

namespace {

// Kept in step with the sentences in core/ (tst_warnings checks that real ones are matched).
// "(?:s)?" and "(?:has|have)" follow the engine's singular and plural wording.
const SentencePattern kPatterns[] = {
    {R"re(^(\d+) line\(s\) above the header row were skipped$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 line(s) above the header row were skipped")},
    {R"re(^(\d+) column\(s\) have no name in the header; they are called "column N"$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 column(s) have no name in the header; they are called \"column N\"")},
    {R"re(^(\d+) column name\(s\) repeat; later ones got a number, e\.g\. "name \(2\)"$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 column name(s) repeat; later ones got a number, e.g. \"name (2)\"")},
    {R"re(^(\d+) row\(s\) have fewer fields than the header \(first: row (\d+)\); the missing cells are empty$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 row(s) have fewer fields than the header (first: row %2); the missing cells are empty")},
    {R"re(^(\d+) row\(s\) have more fields than the header \(first: row (\d+)\); the extra fields were ignored$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 row(s) have more fields than the header (first: row %2); the extra fields were ignored")},
    {R"re(^(\d+) cell\(s\) hold Excel errors \(first: (.*)\); they are read as missing$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 cell(s) hold Excel errors (first: %2); they are read as missing")},
    {R"re(^(\d+) cell\(s\) point at text the workbook does not have; read as empty$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 cell(s) point at text the workbook does not have; read as empty")},
    {R"re(^(\d+) rows? (?:has|have) no customer id \(first: row (\d+)\); left out$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 row(s) have no customer id (first: row %2); left out")},
    {R"re(^(\d+) rows? repeats? a customer id seen before \(first: row (\d+), id '(.*)'\); only the first row of each customer is used$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 row(s) repeat a customer id seen before (first: row %2, id '%3'); only the first row of each customer is used")},
    {R"re(^(\d+) customers? (?:has|have) no value \(revenue, cost or lifetime is missing\); they get no segment$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 customer(s) have no value (revenue, cost or lifetime is missing); they get no segment")},
    {R"re(^(\d+) customers? (?:has|have) no value \(orders or spend is missing\); they get no segment$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 customer(s) have no value (orders or spend is missing); they get no segment")},
    {R"re(^(\d+) customers? (?:has|have) no value \(a period's revenue or cost is missing\); they get no segment$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 customer(s) have no value (a period's revenue or cost is missing); they get no segment")},
    {R"re(^(\d+) customers? (?:has|have) no effect \(sales or cost is missing\); they get no segment$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 campaign(s) have no effect (sales or cost is missing)")},
    {R"re(^no cost per period is mapped \('cost_periods'\); costs are taken as 0$)re",
     QT_TRANSLATE_NOOP("warnings", "no cost per period is mapped ('cost_periods'); costs are taken as 0")},
    {R"re(^the indicator '(.*)' of the score '(.*)' has one value for everyone; scaled to 0$)re",
     QT_TRANSLATE_NOOP("warnings", "the indicator '%1' of the score '%2' has one value for everyone; scaled to 0")},
    {R"re(^(\d+) customers? lacks? an indicator of the score '(.*)'; their score is missing$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 customer(s) lack an indicator of the score '%2'; their score is missing")},
    {R"re(^(\d+) customers? (?:has|have) a negative cost; it is used as given \(it raises their value\)$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 customer(s) have a negative cost; it is used as given (it raises their value)")},
    {R"re(^(\d+) customers? (?:has|have) a lifetime of zero or less; their value per lifetime is missing$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 customer(s) have a lifetime of zero or less; their value per lifetime is missing")},
    {R"re(^every customer has the same value score; the 0-100 score is 0 for all$)re",
     QT_TRANSLATE_NOOP("warnings", "every customer has the same value score; the 0-100 score is 0 for all")},
    {R"re(^the reference value for CVB is 0; the ratios are missing$)re",
     QT_TRANSLATE_NOOP("warnings", "the reference value for CVB is 0; the ratios are missing")},
    {R"re(^(\d+) campaigns? (?:has|have) a cost of 0; its ROI is missing$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 campaign(s) have a cost of 0; their ROI is missing")},
    {R"re(^the rate '(.*)' has no answers in the column '(.*)'$)re",
     QT_TRANSLATE_NOOP("warnings", "the rate '%1' has no answers in the column '%2'")},
    {R"re(^no customer has a value to segment by$)re", QT_TRANSLATE_NOOP("warnings", "no customer has a value to segment by")},
    {R"re(^many customers share the same (.*), so some quantile edges coincide: (\d+) segments became (\d+) \((.*)\)$)re",
     QT_TRANSLATE_NOOP("warnings", "many customers share the same %1, so some quantile edges coincide: %2 segments became %3 (%4)")},
    {R"re(^(\d+) customers? lies? outside the threshold edges; they get no segment$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 customer(s) lie outside the threshold edges; they get no segment")},
    {R"re(^(Recency|Frequency|Monetary): every customer has the same value; all get the score 3$)re",
     QT_TRANSLATE_NOOP("warnings", "%1: every customer has the same value; all get the score 3")},
    {R"re(^(Recency|Frequency|Monetary): (.*) of customers share the value (.*), so quintile edges coincide and only the scores (.*) are used; rank-based scoring \(value\.rfm_scoring = "rank"\) spreads ties over 1-5$)re",
     QT_TRANSLATE_NOOP("warnings", "%1: %2 of customers share the value %3, so quintile edges coincide and only the scores %4 are used; rank-based scoring (RFM scores ▸ Quintiles of the ranks) spreads ties over 1-5")},
    {R"re(^(\d+) order lines? (?:has|have) no customer id \(first: row (\d+)\); left out$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 order line(s) have no customer id (first: row %2); left out")},
    {R"re(^(\d+) order lines? (?:has|have) no date \(first: row (\d+)\); left out$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 order line(s) have no date (first: row %2); left out")},
    {R"re(^(\d+) order lines? (?:has|have) no amount \(first: row (\d+)\); left out$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 order line(s) have no amount (first: row %2); left out")},
    {R"re(^(\d+) order lines? (?:is a return or cancellation|are returns or cancellations) \(a negative quantity or amount, or an invoice starting with 'C'\); netted out of the customers' spend, not counted as purchases$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 order line(s) are returns or cancellations (a negative quantity or amount, or an invoice starting with 'C'); netted out of the customers' spend, not counted as purchases")},
    {R"re(^BG/NBD: a and b run towards 0 .*$)re",
     QT_TRANSLATE_NOOP("warnings", "BG/NBD: a and b run towards 0 — the data show no sign of customers dropping out (is the observation period long enough?), so the fit is the NBD model without drop-out and P(alive) is about 1 for everyone")},
    {R"re(^(\d+) repeat customers? (?:has|have) a mean repeat spend of zero or less \(returns\); left out of the Gamma-Gamma fit$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 repeat customer(s) have a mean repeat spend of zero or less (returns); left out of the Gamma-Gamma fit")},
    {R"re(^the fits' standard errors cannot be estimated .*$)re",
     QT_TRANSLATE_NOOP("warnings", "the fits' standard errors cannot be estimated (the likelihood is flat in some direction); the CLV has no interval")},
    {R"re(^(\d+) customers? first bought after the observation end \((.*)\); they count only in the holdout period and get no value$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 customer(s) first bought after the observation end (%2); they count only in the holdout period and get no value")},
    {R"re(^(\d+) customers? (?:has|have) only returns or cancellations in the data, no purchase; they get no value$)re",
     QT_TRANSLATE_NOOP("warnings", "%1 customer(s) have only returns or cancellations in the data, no purchase; they get no value")},
};

} // namespace

QString localizedWarning(const std::string &english)
{
    static const SentenceTable table("warnings", kPatterns);
    return table.translate(QString::fromStdString(english));
}

QStringList localizedWarnings(const std::vector<std::string> &english)
{
    QStringList out;
    for (const std::string &s : english)
        out << localizedWarning(s);
    return out;
}
