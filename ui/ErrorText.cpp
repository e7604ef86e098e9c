#include "ErrorText.h"

#include "SentenceTable.h"

#include <QCoreApplication>

namespace {

// Kept in step with the sentences in core/ (tst_warnings checks that real ones are matched).
// Longer sentences come before the shorter ones they begin with.
const SentencePattern kPatterns[] = {
    // reading a data file
    {R"re(^the file cannot be opened \(does it exist, and may you read it\?\)$)re",
      QT_TRANSLATE_NOOP("errors", "the file cannot be opened (does it exist, and may you read it?)")},
    {R"re(^the file cannot be opened \(may you read it\?\)$)re",
      QT_TRANSLATE_NOOP("errors", "the file cannot be opened (may you read it?)")},
    {R"re(^the file does not exist$)re", QT_TRANSLATE_NOOP("errors", "the file does not exist")},
    {R"re(^the file cannot be opened$)re", QT_TRANSLATE_NOOP("errors", "the file cannot be opened")},
    {R"re(^the file cannot be read to its end$)re", QT_TRANSLATE_NOOP("errors", "the file cannot be read to its end")},
    {R"re(^the file cannot be read$)re", QT_TRANSLATE_NOOP("errors", "the file cannot be read")},
    {R"re(^the file is empty: it has no rows of data$)re", QT_TRANSLATE_NOOP("errors", "the file is empty: it has no rows of data")},
    {R"re(^the file is empty$)re", QT_TRANSLATE_NOOP("errors", "the file is empty")},
    {R"re(^the file is named like a workbook but is not one \(it may be damaged\)$)re",
      QT_TRANSLATE_NOOP("errors", "the file is named like a workbook but is not one (it may be damaged)")},
    {R"re(^a quoted field starts here and is never closed \(a " is missing\)$)re",
      QT_TRANSLATE_NOOP("errors", "a quoted field starts here and is never closed (a \" is missing)")},
    {R"re(^this is a spreadsheet workbook, not a text \(CSV\) file; open it as a workbook$)re",
      QT_TRANSLATE_NOOP("errors", "this is a spreadsheet workbook, not a text (CSV) file; open it as a workbook")},
    {R"re(^the file holds binary data, not text; is it really a CSV file\?$)re",
      QT_TRANSLATE_NOOP("errors", "the file holds binary data, not text; is it really a CSV file?")},
    {R"re(^the file holds binary data \(zero bytes\), not text in (.*); is it really a CSV file\?$)re",
      QT_TRANSLATE_NOOP("errors", "the file holds binary data (zero bytes), not text in %1; is it really a CSV file?")},
    {R"re(^the header row (\d+) is past the end of the file$)re", QT_TRANSLATE_NOOP("errors", "the header row %1 is past the end of the file")},
    {R"re(^the import was cancelled$)re", QT_TRANSLATE_NOOP("errors", "the import was cancelled")},
    {R"re(^the text is not valid UTF-8 near byte (\d+); choose the file's encoding \(for example GB18030 or Windows-1252\)$)re",
      QT_TRANSLATE_NOOP("errors", "the text is not valid UTF-8 near byte %1; choose the file's encoding (for example GB18030 or Windows-1252)")},
    {R"re(^the encoding '(.*)' is not supported$)re", QT_TRANSLATE_NOOP("errors", "the encoding '%1' is not supported")},
    {R"re(^the file ends in the middle of a character \(byte (\d+)\)$)re",
      QT_TRANSLATE_NOOP("errors", "the file ends in the middle of a character (byte %1)")},
    {R"re(^a byte sequence is not valid (.*) \(byte (\d+)\)$)re", QT_TRANSLATE_NOOP("errors", "a byte sequence is not valid %1 (byte %2)")},
    // workbooks
    {R"re(^the workbook has no sheet named '(.*)' \(it has (.*)\)$)re",
      QT_TRANSLATE_NOOP("errors", "the workbook has no sheet named '%1' (it has %2)")},
    {R"re(^the sheet '(.*)' is empty$)re", QT_TRANSLATE_NOOP("errors", "the sheet '%1' is empty")},
    {R"re(^the sheet '(.*)' has more cells than this program can hold \((\d+) columns and more than (\d+) rows\)$)re",
      QT_TRANSLATE_NOOP("errors", "the sheet '%1' has more cells than this program can hold (%2 columns and more than %3 rows)")},
    {R"re(^the sheet '(.*)' is missing from the workbook$)re", QT_TRANSLATE_NOOP("errors", "the sheet '%1' is missing from the workbook")},
    {R"re(^the sheet '(.*)' is a chart sheet: it has no cells to read$)re",
      QT_TRANSLATE_NOOP("errors", "the sheet '%1' is a chart sheet: it has no cells to read")},
    {R"re(^the sheet '(.*)' cannot be read: (.*)$)re", QT_TRANSLATE_NOOP("errors", "the sheet '%1' cannot be read: %2")},
    {R"re(^the sheet '(.*)' cannot be read$)re", QT_TRANSLATE_NOOP("errors", "the sheet '%1' cannot be read")},
    {R"re(^the Excel 97-2003 workbook is damaged, password-protected or not a workbook \(freexl error (-?\d+)\)$)re",
      QT_TRANSLATE_NOOP("errors", "the Excel 97-2003 workbook is damaged, password-protected or not a workbook (freexl error %1)")},
    {R"re(^the workbook is password-protected; save it without a password first$)re",
      QT_TRANSLATE_NOOP("errors", "the workbook is password-protected; save it without a password first")},
    {R"re(^the workbook has no sheets$)re", QT_TRANSLATE_NOOP("errors", "the workbook has no sheets")},
    {R"re(^the spreadsheet has no sheets$)re", QT_TRANSLATE_NOOP("errors", "the spreadsheet has no sheets")},
    {R"re(^this is a zip file, but not an Excel \(\.xlsx\) or OpenDocument \(\.ods\) workbook$)re",
      QT_TRANSLATE_NOOP("errors", "this is a zip file, but not an Excel (.xlsx) or OpenDocument (.ods) workbook")},
    {R"re(^this zip file is not an Excel workbook \(it has no xl/workbook\.xml\)$)re",
      QT_TRANSLATE_NOOP("errors", "this zip file is not an Excel workbook (it has no xl/workbook.xml)")},
    {R"re(^this zip file is not an OpenDocument spreadsheet \(it has no content\.xml\)$)re",
      QT_TRANSLATE_NOOP("errors", "this zip file is not an OpenDocument spreadsheet (it has no content.xml)")},
    {R"re(^the workbook is damaged or incomplete \(its zip container cannot be read\); was the download or copy cut short\?$)re",
      QT_TRANSLATE_NOOP("errors", "the workbook is damaged or incomplete (its zip container cannot be read); was the download or copy cut short?")},
    {R"re(^the workbook lacks its part '(.*)'$)re", QT_TRANSLATE_NOOP("errors", "the workbook lacks its part '%1'")},
    {R"re(^the part '(.*)' would inflate to (\d+) MiB, more than a workbook can sensibly hold; refusing it \(a zip bomb\?\)$)re",
      QT_TRANSLATE_NOOP("errors", "the part '%1' would inflate to %2 MiB, more than a workbook can sensibly hold; refusing it (a zip bomb?)")},
    {R"re(^the part '(.*)' is compressed (\d+) to 1, far more than real data; refusing it \(a zip bomb\?\)$)re",
      QT_TRANSLATE_NOOP("errors", "the part '%1' is compressed %2 to 1, far more than real data; refusing it (a zip bomb?)")},
    {R"re(^the part '(.*)' inflates to more than its directory says; refusing it \(a zip bomb\?\)$)re",
      QT_TRANSLATE_NOOP("errors", "the part '%1' inflates to more than its directory says; refusing it (a zip bomb?)")},
    {R"re(^the part '(.*)' of the workbook cannot be read$)re", QT_TRANSLATE_NOOP("errors", "the part '%1' of the workbook cannot be read")},
    {R"re(^the workbook is damaged: its part '(.*)' cannot be inflated \((.*)\)$)re",
      QT_TRANSLATE_NOOP("errors", "the workbook is damaged: its part '%1' cannot be inflated (%2)")},
    {R"re(^the part '(.*)' is too large$)re", QT_TRANSLATE_NOOP("errors", "the part '%1' is too large")},
    {R"re(^the workbook part '(.*)' cannot be read: (.*)$)re", QT_TRANSLATE_NOOP("errors", "the workbook part '%1' cannot be read: %2")},
    {R"re(^the workbook's shared strings are more text than it can hold$)re",
      QT_TRANSLATE_NOOP("errors", "the workbook's shared strings are more text than it can hold")},
    {R"re(^the spreadsheet's content\.xml cannot be read: (.*)$)re", QT_TRANSLATE_NOOP("errors", "the spreadsheet's content.xml cannot be read: %1")},
    // writing
    {R"re(^cannot write here \(is the folder missing or read-only\?\)$)re",
      QT_TRANSLATE_NOOP("errors", "cannot write here (is the folder missing or read-only?)")},
    {R"re(^writing failed \(is the disk full\?\)$)re", QT_TRANSLATE_NOOP("errors", "writing failed (is the disk full?)")},
    {R"re(^cannot replace the file: (.*)$)re", QT_TRANSLATE_NOOP("errors", "cannot replace the file: %1")},
    {R"re(^the workbook cannot be created \(is the folder writable\?\)$)re",
      QT_TRANSLATE_NOOP("errors", "the workbook cannot be created (is the folder writable?)")},
    {R"re(^the workbook cannot be written: (.*)$)re", QT_TRANSLATE_NOOP("errors", "the workbook cannot be written: %1")},
    {R"re(^a worksheet holds at most 1,048,575 rows; write \.csv for (\d+) customers$)re",
      QT_TRANSLATE_NOOP("errors", "a worksheet holds at most 1,048,575 rows; write .csv for %1 customers")},
    // cells and columns
    {R"re(^the data have no column named '(.*)'$)re", QT_TRANSLATE_NOOP("errors", "the data have no column named '%1'")},
    {R"re(^this column holds dates, but a number is needed here$)re", QT_TRANSLATE_NOOP("errors", "this column holds dates, but a number is needed here")},
    {R"re(^'(.*)' is not a number \((\d+) cells in this column are not numbers\)$)re",
      QT_TRANSLATE_NOOP("errors", "'%1' is not a number (%2 cells in this column are not numbers)")},
    {R"re(^'(.*)' is not a number$)re", QT_TRANSLATE_NOOP("errors", "'%1' is not a number")},
    {R"re(^'(.*)' is not a date \(expected e\.g\. 2024-03-31\)$)re", QT_TRANSLATE_NOOP("errors", "'%1' is not a date (expected e.g. 2024-03-31)")},
    // the analysis
    {R"re(^the role '(.*)' is mapped to the column '(.*)', which the data do not have$)re",
      QT_TRANSLATE_NOOP("errors", "the role '%1' is mapped to the column '%2', which the data do not have")},
    {R"re(^the score '(.*)' uses the column '(.*)', which the data do not have$)re",
      QT_TRANSLATE_NOOP("errors", "the score '%1' uses the column '%2', which the data do not have")},
    {R"re(^the rate '(.*)' uses the column '(.*)', which the data do not have$)re",
      QT_TRANSLATE_NOOP("errors", "the rate '%1' uses the column '%2', which the data do not have")},
    {R"re(^'(.*)' names the column '(.*)', which the data do not have$)re",
      QT_TRANSLATE_NOOP("errors", "'%1' names the column '%2', which the data do not have")},
    {R"re(^the data have no rows to analyse$)re", QT_TRANSLATE_NOOP("errors", "the data have no rows to analyse")},
    {R"re(^the value model '(.*)' needs revenue \(PV\): map a column to the role '(.*)'$)re",
      QT_TRANSLATE_NOOP("errors", "the value model '%1' needs revenue (PV): map a column to the role '%2'")},
    {R"re(^the value model '(.*)' needs the cost of each customer \(C\): map a column to the role '(.*)'$)re",
      QT_TRANSLATE_NOOP("errors", "the value model '%1' needs the cost of each customer (C): map a column to the role '%2'")},
    {R"re(^the value model '(.*)' needs the lifetime of each customer \(L\): map a column to the role '(.*)'$)re",
      QT_TRANSLATE_NOOP("errors", "the value model '%1' needs the lifetime of each customer (L): map a column to the role '%2'")},
    {R"re(^the value model '(.*)' needs the number of purchases \(orders\): map a column to the role '(.*)'$)re",
      QT_TRANSLATE_NOOP("errors", "the value model '%1' needs the number of purchases (orders): map a column to the role '%2'")},
    {R"re(^the value model '(.*)' needs the sales of each campaign: map a column to the role '(.*)'$)re",
      QT_TRANSLATE_NOOP("errors", "the value model '%1' needs the sales of each campaign: map a column to the role '%2'")},
    {R"re(^the value model '(.*)' needs the cost of each campaign: map a column to the role '(.*)'$)re",
      QT_TRANSLATE_NOOP("errors", "the value model '%1' needs the cost of each campaign: map a column to the role '%2'")},
    {R"re(^the value model '(.*)' needs the revenue of each period: list the columns as 'revenue_periods'$)re",
      QT_TRANSLATE_NOOP("errors", "the value model '%1' needs the revenue of each period: list the columns as 'revenue_periods'")},
    {R"re(^'cost_periods' lists (\d+) columns but 'revenue_periods' (\d+); each period needs both$)re",
      QT_TRANSLATE_NOOP("errors", "'cost_periods' lists %1 columns but 'revenue_periods' %2; each period needs both")},
    {R"re(^the score '(.*)' is divided by the sum of its weights, which is 0$)re",
      QT_TRANSLATE_NOOP("errors", "the score '%1' is divided by the sum of its weights, which is 0")},
    {R"re(^the reference customer '(.*)' for the value ratio \(CVB\) is not in the data$)re",
      QT_TRANSLATE_NOOP("errors", "the reference customer '%1' for the value ratio (CVB) is not in the data")},
    {R"re(^the value model 'weighted_score' uses the score '(.*)', which the project does not define \(set value\.score to a score's name\)$)re",
      QT_TRANSLATE_NOOP("errors", "the value model 'weighted_score' uses the score '%1', which the project does not define (set value.score to a score's name)")},
    {R"re(^the value model '(.*)' needs order lines \(the transactions layout\); it is not available in this version yet$)re",
      QT_TRANSLATE_NOOP("errors", "the value model '%1' needs order lines (the transactions layout); it is not available in this version yet")},
    {R"re(^segments are made by '(.*)', which is neither 'value' nor a score's name$)re",
      QT_TRANSLATE_NOOP("errors", "segments are made by '%1', which is neither 'value' nor a score's name")},
    {R"re(^there are (\d+) quantile segments but (\d+) segment names; give one name per segment$)re",
      QT_TRANSLATE_NOOP("errors", "there are %1 quantile segments but %2 segment names; give one name per segment")},
    {R"re(^threshold segments need one more edge than names \(or one fewer: inner cut points\); got (\d+) edges for (\d+) names$)re",
      QT_TRANSLATE_NOOP("errors", "threshold segments need one more edge than names (or one fewer: inner cut points); got %1 edges for %2 names")},
    {R"re(^the threshold edges must increase from left to right$)re", QT_TRANSLATE_NOOP("errors", "the threshold edges must increase from left to right")},
    {R"re(^the segment method '(.*)' is not known \(quantile, thresholds or rfm_rules\)$)re",
      QT_TRANSLATE_NOOP("errors", "the segment method '%1' is not known (quantile, thresholds or rfm_rules)")},
    {R"re(^segments by RFM rules need order lines \(the transactions layout\) and the 'rfm' or 'predictive_clv' value model$)re",
      QT_TRANSLATE_NOOP("errors", "segments by RFM rules need order lines (the transactions layout) and the 'rfm' or 'predictive_clv' value model")},
    // order lines and the purchase models
    {R"re(^value\.time_unit must be days, weeks or months, not '(.*)'$)re",
      QT_TRANSLATE_NOOP("errors", "value.time_unit must be days, weeks or months, not '%1'")},
    {R"re(^order lines need the customer of each line: map a column to 'customer'$)re",
      QT_TRANSLATE_NOOP("errors", "order lines need the customer of each line: map a column to 'customer'")},
    {R"re(^order lines need the date of each line: map a column to 'date'$)re",
      QT_TRANSLATE_NOOP("errors", "order lines need the date of each line: map a column to 'date'")},
    {R"re(^order lines need what each line is worth: map 'amount', or both 'quantity' and 'unit_price'$)re",
      QT_TRANSLATE_NOOP("errors", "order lines need what each line is worth: map 'amount', or both 'quantity' and 'unit_price'")},
    {R"re(^the order lines name no customer$)re", QT_TRANSLATE_NOOP("errors", "the order lines name no customer")},
    {R"re(^the value model '(.*)' needs one row per customer; for order lines \(the transactions layout\) choose 'rfm' or 'predictive_clv'$)re",
      QT_TRANSLATE_NOOP("errors", "the value model '%1' needs one row per customer; for order lines (the transactions layout) choose 'rfm' or 'predictive_clv'")},
    {R"re(^scores need one row per customer; order lines \(the transactions layout\) cannot carry them — remove the scores or import a customer table$)re",
      QT_TRANSLATE_NOOP("errors", "scores need one row per customer; order lines (the transactions layout) cannot carry them — remove the scores or import a customer table")},
    {R"re(^the observation end '(.*)' is not a date \(expected e\.g\. 1997-09-30\)$)re",
      QT_TRANSLATE_NOOP("errors", "the observation end '%1' is not a date (expected e.g. 1997-09-30)")},
    {R"re(^the observation end (\S+) lies before the first order \((.*)\)$)re",
      QT_TRANSLATE_NOOP("errors", "the observation end %1 lies before the first order (%2)")},
    {R"re(^the (BG/NBD|Gamma-Gamma) fit did not converge \(a parameter ran off towards 0 or infinity\); the data may not follow the model \(too few repeat customers\?\)$)re",
      QT_TRANSLATE_NOOP("errors", "the %1 fit did not converge (a parameter ran off towards 0 or infinity); the data may not follow the model (too few repeat customers?)")},
    {R"re(^the (BG/NBD|Gamma-Gamma) fit did not converge; the data may not follow the model \(too few repeat customers\?\)$)re",
      QT_TRANSLATE_NOOP("errors", "the %1 fit did not converge; the data may not follow the model (too few repeat customers?)")},
    {R"re(^BG/NBD needs frequency >= 0 and 0 <= recency <= T for every customer$)re",
      QT_TRANSLATE_NOOP("errors", "BG/NBD needs frequency >= 0 and 0 <= recency <= T for every customer")},
    {R"re(^only (\d+) customers bought before the observation end; BG/NBD needs at least 10$)re",
      QT_TRANSLATE_NOOP("errors", "only %1 customers bought before the observation end; BG/NBD needs at least 10")},
    {R"re(^no customer bought on more than one day, so how often customers come back cannot be estimated \(BG/NBD needs repeat purchases\)$)re",
      QT_TRANSLATE_NOOP("errors", "no customer bought on more than one day, so how often customers come back cannot be estimated (BG/NBD needs repeat purchases)")},
    {R"re(^only (\d+) customers bought again; BG/NBD needs more repeat customers to be fitted$)re",
      QT_TRANSLATE_NOOP("errors", "only %1 customers bought again; BG/NBD needs more repeat customers to be fitted")},
    {R"re(^all purchases fall on the observation end; customers' ages are all 0$)re",
      QT_TRANSLATE_NOOP("errors", "all purchases fall on the observation end; customers' ages are all 0")},
    {R"re(^Gamma-Gamma needs repeat customers with a positive mean spend$)re",
      QT_TRANSLATE_NOOP("errors", "Gamma-Gamma needs repeat customers with a positive mean spend")},
    {R"re(^only (\d+) repeat customers have a positive spend; Gamma-Gamma needs more to be fitted$)re",
      QT_TRANSLATE_NOOP("errors", "only %1 repeat customers have a positive spend; Gamma-Gamma needs more to be fitted")},
    {R"re(^every repeat customer spends the same; Gamma-Gamma has nothing to fit$)re",
      QT_TRANSLATE_NOOP("errors", "every repeat customer spends the same; Gamma-Gamma has nothing to fit")},
    {R"re(^the Gamma-Gamma fit gives q <= 1: the spread of spend is so wide that the expected spend per purchase is not finite$)re",
      QT_TRANSLATE_NOOP("errors", "the Gamma-Gamma fit gives q <= 1: the spread of spend is so wide that the expected spend per purchase is not finite")},
    // project files (the window writes them right; these meet a hand-edited one)
    {R"re(^the project file cannot be opened$)re", QT_TRANSLATE_NOOP("errors", "the project file cannot be opened")},
    {R"re(^the project file is not valid JSON$)re", QT_TRANSLATE_NOOP("errors", "the project file is not valid JSON")},
    {R"re(^the project file must hold a JSON object$)re", QT_TRANSLATE_NOOP("errors", "the project file must hold a JSON object")},
    {R"re(^this is not a ValueScope project \(the key 'valuescope' is missing\)$)re",
      QT_TRANSLATE_NOOP("errors", "this is not a ValueScope project (the key 'valuescope' is missing)")},
    {R"re(^'valuescope' must be 1; this file is from another version$)re",
      QT_TRANSLATE_NOOP("errors", "'valuescope' must be 1; this file is from another version")},
    {R"re(^'source' is missing: the project must name its data file$)re",
      QT_TRANSLATE_NOOP("errors", "'source' is missing: the project must name its data file")},
    {R"re(^the project file is too large to be a project$)re", QT_TRANSLATE_NOOP("errors", "the project file is too large to be a project")},
};

} // namespace

QString localizedErrorMessage(const std::string &english)
{
    static const SentenceTable table("errors", kPatterns);
    return table.translate(QString::fromStdString(english));
}

QString localizedError(const vs::Error &e)
{
    // as Error::describe(): "FILE: row N, column 'X': what"
    QString where;
    if (e.row >= 0)
        where = QCoreApplication::translate("errors", "row %1").arg(e.row);
    if (!e.column.empty()) {
        const QString column = QString::fromStdString(e.column);
        where = where.isEmpty() ? QCoreApplication::translate("errors", "column '%1'").arg(column)
                                : QCoreApplication::translate("errors", "%1, column '%2'").arg(where, column);
    }
    QString out = QString::fromStdString(e.file);
    if (!where.isEmpty())
        out = out.isEmpty() ? where : QCoreApplication::translate("errors", "%1: %2").arg(out, where);
    const QString what = localizedErrorMessage(e.message);
    return out.isEmpty() ? what : QCoreApplication::translate("errors", "%1: %2").arg(out, what);
}
