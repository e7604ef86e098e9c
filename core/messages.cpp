#include "messages.h"

#include <iterator>

// lupdate extracts the templates from this file (ui/CMakeLists.txt); core has no Qt, so the
// marker is defined here as what it is in Qt: the text itself.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace vs {

namespace {

// a sentence without a count
constexpr MessageInfo says(Msg code, const char *key, const char *text)
{
    MessageInfo m;
    m.code = code;
    m.key = key;
    m.text = text;
    return m;
}

// a sentence the count argument (1-based) puts in the singular or plural; the template
// translated is worded for both ("row(s)"), as a language without plurals needs one form only
constexpr MessageInfo counts(Msg code, const char *key, const char *text, uint8_t countArg, const char *one,
                             const char *many)
{
    MessageInfo m = says(code, key, text);
    m.english = one;
    m.plural = many;
    m.countArg = countArg;
    return m;
}

// a sentence about a key of the project file, which is %1
constexpr MessageInfo keyed(Msg code, const char *key, const char *text)
{
    MessageInfo m = says(code, key, text);
    m.keyFirst = true;
    return m;
}

// a sentence the window words differently from the command line (it names a menu, not a key)
constexpr MessageInfo worded(Msg code, const char *key, const char *text, const char *english)
{
    MessageInfo m = says(code, key, text);
    m.english = english;
    return m;
}

// the context is kMessageContext, written out for lupdate
constexpr MessageInfo kMessages[] = {
    // where
    says(Msg::AtRow, "where.row", QT_TRANSLATE_NOOP("messages", "row %1")),
    says(Msg::AtColumn, "where.column", QT_TRANSLATE_NOOP("messages", "column '%1'")),
    says(Msg::AtRowColumn, "where.row_column", QT_TRANSLATE_NOOP("messages", "row %1, column '%2'")),
    says(Msg::Located, "where.located", QT_TRANSLATE_NOOP("messages", "%1: %2")),

    // reading a data file
    says(Msg::FileCannotBeOpenedExists, "read.cannot_open_exists", QT_TRANSLATE_NOOP("messages", "the file cannot be opened (does it exist, and may you read it?)")),
    says(Msg::FileCannotBeOpenedMayRead, "read.cannot_open_permission", QT_TRANSLATE_NOOP("messages", "the file cannot be opened (may you read it?)")),
    says(Msg::FileDoesNotExist, "read.file_missing", QT_TRANSLATE_NOOP("messages", "the file does not exist")),
    says(Msg::FileCannotBeOpened, "read.cannot_open", QT_TRANSLATE_NOOP("messages", "the file cannot be opened")),
    says(Msg::FileCannotBeReadToEnd, "read.cannot_read_to_end", QT_TRANSLATE_NOOP("messages", "the file cannot be read to its end")),
    says(Msg::FileCannotBeRead, "read.cannot_read", QT_TRANSLATE_NOOP("messages", "the file cannot be read")),
    says(Msg::FileChangedWhileRead, "read.changed_while_read", QT_TRANSLATE_NOOP("messages", "the file changed while it was read (another program shortened it); open it again when that program is done")),
    says(Msg::FileEmptyNoRows, "read.empty_no_rows", QT_TRANSLATE_NOOP("messages", "the file is empty: it has no rows of data")),
    says(Msg::FileEmpty, "read.empty", QT_TRANSLATE_NOOP("messages", "the file is empty")),
    says(Msg::NamedLikeWorkbook, "read.named_like_workbook", QT_TRANSLATE_NOOP("messages", "the file is named like a workbook but is not one (it may be damaged)")),
    says(Msg::TextNamedLikeWorkbook, "read.text_named_like_workbook", QT_TRANSLATE_NOOP("messages", "the file is named like a workbook (%1) but holds text; it was read as a delimited text (CSV) file")),
    says(Msg::UnclosedQuote, "read.unclosed_quote", QT_TRANSLATE_NOOP("messages", "a quoted field starts here and is never closed (a \" is missing)")),
    says(Msg::WorkbookNotText, "read.workbook_not_text", QT_TRANSLATE_NOOP("messages", "this is a spreadsheet workbook, not a text (CSV) file; open it as a workbook")),
    says(Msg::BinaryNotText, "read.binary", QT_TRANSLATE_NOOP("messages", "the file holds binary data, not text; is it really a CSV file?")),
    says(Msg::BinaryZeroBytes, "read.binary_zero_bytes", QT_TRANSLATE_NOOP("messages", "the file holds binary data (zero bytes), not text in %1; is it really a CSV file?")),
    says(Msg::HeaderRowPastEnd, "read.header_past_end", QT_TRANSLATE_NOOP("messages", "the header row %1 is past the end of the file")),
    says(Msg::ImportCancelled, "read.cancelled", QT_TRANSLATE_NOOP("messages", "the import was cancelled")),
    says(Msg::InvalidUtf8, "read.invalid_utf8", QT_TRANSLATE_NOOP("messages", "the text is not valid UTF-8 near byte %1; choose the file's encoding (for example GB18030 or Windows-1252)")),
    says(Msg::EncodingNotSupported, "read.encoding_unsupported", QT_TRANSLATE_NOOP("messages", "the encoding '%1' is not supported")),
    says(Msg::EndsInCharacter, "read.ends_in_character", QT_TRANSLATE_NOOP("messages", "the file ends in the middle of a character (byte %1)")),
    says(Msg::InvalidByteSequence, "read.invalid_bytes", QT_TRANSLATE_NOOP("messages", "a byte sequence is not valid %1 (byte %2)")),
    says(Msg::MemoryBudgetExceeded, "read.memory_budget", QT_TRANSLATE_NOOP("messages", "the file would need more than %1 MiB of memory for %2 KiB of data, far more than any table needs: it is damaged, or made to exhaust memory")),
    says(Msg::OutOfMemory, "read.out_of_memory", QT_TRANSLATE_NOOP("messages", "the data do not fit in this computer's memory: the file is too large for it, or damaged")),
    says(Msg::CellTextTooLong, "read.cell_text_too_long", QT_TRANSLATE_NOOP("messages", "a cell holds more than %1 MiB of text, more than any table needs: the file is damaged, or made to exhaust memory")),

    // workbooks
    says(Msg::NoSuchSheet, "workbook.no_such_sheet", QT_TRANSLATE_NOOP("messages", "the workbook has no sheet named '%1' (it has %2)")),
    says(Msg::SheetEmpty, "workbook.sheet_empty", QT_TRANSLATE_NOOP("messages", "the sheet '%1' is empty")),
    says(Msg::SheetTooLarge, "workbook.sheet_too_large", QT_TRANSLATE_NOOP("messages", "the sheet '%1' has more cells than this program can hold (%2 columns and more than %3 rows)")),
    says(Msg::SheetMissing, "workbook.sheet_missing", QT_TRANSLATE_NOOP("messages", "the sheet '%1' is missing from the workbook")),
    says(Msg::ChartSheet, "workbook.chart_sheet", QT_TRANSLATE_NOOP("messages", "the sheet '%1' is a chart sheet: it has no cells to read")),
    says(Msg::SheetCannotBeReadBecause, "workbook.sheet_unreadable_because", QT_TRANSLATE_NOOP("messages", "the sheet '%1' cannot be read: %2")),
    says(Msg::SheetCannotBeRead, "workbook.sheet_unreadable", QT_TRANSLATE_NOOP("messages", "the sheet '%1' cannot be read")),
    says(Msg::XlsDamaged, "workbook.xls_damaged", QT_TRANSLATE_NOOP("messages", "the Excel 97-2003 workbook is damaged, password-protected or not a workbook (freexl error %1)")),
    says(Msg::XlsPasswordProtected, "workbook.password", QT_TRANSLATE_NOOP("messages", "the workbook is password-protected; save it without a password first")),
    says(Msg::WorkbookNoSheets, "workbook.no_sheets", QT_TRANSLATE_NOOP("messages", "the workbook has no sheets")),
    says(Msg::SpreadsheetNoSheets, "workbook.ods_no_sheets", QT_TRANSLATE_NOOP("messages", "the spreadsheet has no sheets")),
    says(Msg::ZipNotWorkbook, "workbook.zip_not_workbook", QT_TRANSLATE_NOOP("messages", "this is a zip file, but not an Excel (.xlsx) or OpenDocument (.ods) workbook")),
    says(Msg::ZipNotXlsx, "workbook.zip_not_xlsx", QT_TRANSLATE_NOOP("messages", "this zip file is not an Excel workbook (it has no xl/workbook.xml)")),
    says(Msg::ZipNotOds, "workbook.zip_not_ods", QT_TRANSLATE_NOOP("messages", "this zip file is not an OpenDocument spreadsheet (it has no content.xml)")),
    says(Msg::ZipDamaged, "workbook.zip_damaged", QT_TRANSLATE_NOOP("messages", "the workbook is damaged or incomplete (its zip container cannot be read); was the download or copy cut short?")),
    says(Msg::PartMissing, "workbook.part_missing", QT_TRANSLATE_NOOP("messages", "the workbook lacks its part '%1'")),
    says(Msg::PartWouldInflate, "workbook.part_would_inflate", QT_TRANSLATE_NOOP("messages", "the part '%1' would inflate to %2 MiB, more than a workbook can sensibly hold; refusing it (a zip bomb?)")),
    says(Msg::PartCompressionRatio, "workbook.part_ratio", QT_TRANSLATE_NOOP("messages", "the part '%1' is compressed %2 to 1, far more than real data; refusing it (a zip bomb?)")),
    says(Msg::PartInflatesBeyond, "workbook.part_inflates_beyond", QT_TRANSLATE_NOOP("messages", "the part '%1' inflates to more than its directory says; refusing it (a zip bomb?)")),
    says(Msg::PartCannotBeRead, "workbook.part_unreadable", QT_TRANSLATE_NOOP("messages", "the part '%1' of the workbook cannot be read")),
    says(Msg::PartCannotBeInflated, "workbook.part_not_inflated", QT_TRANSLATE_NOOP("messages", "the workbook is damaged: its part '%1' cannot be inflated (%2)")),
    says(Msg::PartTooLarge, "workbook.part_too_large", QT_TRANSLATE_NOOP("messages", "the part '%1' is too large")),
    says(Msg::PartCannotBeReadBecause, "workbook.part_unreadable_because", QT_TRANSLATE_NOOP("messages", "the workbook part '%1' cannot be read: %2")),
    says(Msg::SharedStringsTooLarge, "workbook.shared_strings_too_large", QT_TRANSLATE_NOOP("messages", "the workbook's shared strings are more text than it can hold")),
    says(Msg::XlsReaderMissing, "workbook.xls_reader_missing", QT_TRANSLATE_NOOP("messages", "the Excel 97-2003 reader cannot be started (%1)")),
    says(Msg::XlsReaderFailed, "workbook.xls_reader_failed", QT_TRANSLATE_NOOP("messages", "this .xls file is damaged: the Excel 97-2003 reader failed on it (%1)")),
    says(Msg::XlsReaderTimeLimit, "workbook.xls_reader_time", QT_TRANSLATE_NOOP("messages", "this .xls file is damaged: reading it took more than %1 seconds")),
    says(Msg::XlsReaderMemoryLimit, "workbook.xls_reader_memory", QT_TRANSLATE_NOOP("messages", "this .xls file is damaged or too large: reading it needs more than %1 MiB of memory")),
    says(Msg::XlsReaderGarbage, "workbook.xls_reader_garbage", QT_TRANSLATE_NOOP("messages", "this .xls file is damaged: what the Excel 97-2003 reader made of it cannot be read")),
    says(Msg::OdsContentCannotBeRead, "workbook.ods_content_unreadable", QT_TRANSLATE_NOOP("messages", "the spreadsheet's content.xml cannot be read: %1")),
    says(Msg::XmlDoctype, "xml.doctype", QT_TRANSLATE_NOOP("messages", "it declares a document type (DTD), which no workbook does; refused, as it could be an XML entity bomb")),
    says(Msg::XmlEndsInDeclaration, "xml.ends_in_declaration", QT_TRANSLATE_NOOP("messages", "the XML ends inside a declaration")),
    says(Msg::XmlEndsInTag, "xml.ends_in_tag", QT_TRANSLATE_NOOP("messages", "the XML ends in the middle of a tag (the file is cut short)")),
    says(Msg::XmlMalformed, "xml.malformed", QT_TRANSLATE_NOOP("messages", "the XML is malformed (%1 at line %2)")),
    says(Msg::XmlTokenTooLong, "xml.token_too_long", QT_TRANSLATE_NOOP("messages", "it holds a tag or text longer than %1 MiB, more than any workbook needs: the file is damaged, or made to exhaust memory")),
    says(Msg::XmlNotUtf8, "xml.not_utf8", QT_TRANSLATE_NOOP("messages", "its text is not valid UTF-8 (byte %1)")),
    says(Msg::XmlBadCharacterRef, "xml.bad_character_reference", QT_TRANSLATE_NOOP("messages", "it refers to a character that does not exist (%1)")),

    // writing
    says(Msg::CannotWriteHere, "write.cannot_write_here", QT_TRANSLATE_NOOP("messages", "cannot write here (is the folder missing or read-only?)")),
    says(Msg::WritingFailed, "write.failed", QT_TRANSLATE_NOOP("messages", "writing failed (is the disk full?)")),
    says(Msg::WriteOutOfMemory, "write.out_of_memory", QT_TRANSLATE_NOOP("messages", "there is not enough memory to write the file; nothing was written")),
    says(Msg::CannotReplaceFile, "write.cannot_replace", QT_TRANSLATE_NOOP("messages", "cannot replace the file: %1")),
    says(Msg::WorkbookCannotBeCreated, "write.workbook_not_created", QT_TRANSLATE_NOOP("messages", "the workbook cannot be created (is the folder writable?)")),
    says(Msg::WorkbookCannotBeWritten, "write.workbook_not_written", QT_TRANSLATE_NOOP("messages", "the workbook cannot be written: %1")),
    says(Msg::WorksheetTooManyRows, "write.worksheet_rows", QT_TRANSLATE_NOOP("messages", "a worksheet holds at most 1,048,575 rows; write .csv for %1 customers")),
    says(Msg::OutputNotCsvOrXlsx, "write.output_format", QT_TRANSLATE_NOOP("messages", "the output must be a .csv or .xlsx file")),
    says(Msg::ChartsNotInThisVersion, "write.no_charts", QT_TRANSLATE_NOOP("messages", "charts cannot be written by this version yet")),
    says(Msg::ReportsNotInThisVersion, "write.no_reports", QT_TRANSLATE_NOOP("messages", "reports cannot be written by this version yet")),
    says(Msg::ChartFormat, "write.chart_format", QT_TRANSLATE_NOOP("messages", "a chart is written as .png, .svg or .pdf, not '.%1'")),
    says(Msg::ChartCannotBeWritten, "write.chart_not_written", QT_TRANSLATE_NOOP("messages", "the chart cannot be written: %1")),
    says(Msg::ChartNotAKind, "write.chart_kind", QT_TRANSLATE_NOOP("messages", "'%1' is not a chart kind; use one of %2")),
    says(Msg::ChartCannotBeDrawn, "write.chart_not_drawn", QT_TRANSLATE_NOOP("messages", "the chart '%1' cannot be drawn: %2")),
    says(Msg::ReportNoResults, "write.report_no_results", QT_TRANSLATE_NOOP("messages", "there are no results to report")),
    says(Msg::ReportCancelled, "write.report_cancelled", QT_TRANSLATE_NOOP("messages", "the report was cancelled")),
    says(Msg::ReportNotPdf, "write.report_format", QT_TRANSLATE_NOOP("messages", "a report is written as a .pdf file")),
    says(Msg::ReportCannotBeWritten, "write.report_not_written", QT_TRANSLATE_NOOP("messages", "the report cannot be written: %1")),

    // cells and columns
    says(Msg::NoSuchColumn, "cell.no_such_column", QT_TRANSLATE_NOOP("messages", "the data have no column named '%1'")),
    says(Msg::DatesNotNumbers, "cell.dates_not_numbers", QT_TRANSLATE_NOOP("messages", "this column holds dates, but a number is needed here")),
    says(Msg::NotANumberCount, "cell.not_a_number_count", QT_TRANSLATE_NOOP("messages", "'%1' is not a number (%2 cells in this column are not numbers)")),
    says(Msg::NotANumber, "cell.not_a_number", QT_TRANSLATE_NOOP("messages", "'%1' is not a number")),
    says(Msg::NotADate, "cell.not_a_date", QT_TRANSLATE_NOOP("messages", "'%1' is not a date (expected e.g. 2024-03-31)")),

    // the analysis
    says(Msg::RoleColumnMissing, "analysis.role_column_missing", QT_TRANSLATE_NOOP("messages", "the role '%1' is mapped to the column '%2', which the data do not have")),
    says(Msg::PeriodColumnMissing, "analysis.period_column_missing", QT_TRANSLATE_NOOP("messages", "'%1' names the column '%2', which the data do not have")),
    says(Msg::ScoreColumnMissing, "analysis.score_column_missing", QT_TRANSLATE_NOOP("messages", "the score '%1' uses the column '%2', which the data do not have")),
    says(Msg::RateColumnMissing, "analysis.rate_column_missing", QT_TRANSLATE_NOOP("messages", "the rate '%1' uses the column '%2', which the data do not have")),
    says(Msg::NoRowsToAnalyse, "analysis.no_rows", QT_TRANSLATE_NOOP("messages", "the data have no rows to analyse")),
    says(Msg::ModelNeedsRevenue, "analysis.needs_revenue", QT_TRANSLATE_NOOP("messages", "the value model '%1' needs revenue (PV): map a column to the role '%2'")),
    says(Msg::ModelNeedsCustomerCost, "analysis.needs_cost", QT_TRANSLATE_NOOP("messages", "the value model '%1' needs the cost of each customer (C): map a column to the role '%2'")),
    says(Msg::ModelNeedsLifetime, "analysis.needs_lifetime", QT_TRANSLATE_NOOP("messages", "the value model '%1' needs the lifetime of each customer (L): map a column to the role '%2'")),
    says(Msg::ModelNeedsOrders, "analysis.needs_orders", QT_TRANSLATE_NOOP("messages", "the value model '%1' needs the number of purchases (orders): map a column to the role '%2'")),
    says(Msg::ModelNeedsAverageSpend, "analysis.needs_average_spend", QT_TRANSLATE_NOOP("messages", "the value model '%1' needs the average spend per purchase: map a column to the role '%2'")),
    says(Msg::ModelNeedsCampaignSales, "analysis.needs_campaign_sales", QT_TRANSLATE_NOOP("messages", "the value model '%1' needs the sales of each campaign: map a column to the role '%2'")),
    says(Msg::ModelNeedsCampaignCost, "analysis.needs_campaign_cost", QT_TRANSLATE_NOOP("messages", "the value model '%1' needs the cost of each campaign: map a column to the role '%2'")),
    says(Msg::ModelNeedsRevenuePeriods, "analysis.needs_revenue_periods", QT_TRANSLATE_NOOP("messages", "the value model '%1' needs the revenue of each period: list the columns as 'revenue_periods'")),
    says(Msg::PeriodCountMismatch, "analysis.period_count_mismatch", QT_TRANSLATE_NOOP("messages", "'cost_periods' lists %1 columns but 'revenue_periods' %2; each period needs both")),
    says(Msg::ScoreWeightsSumZero, "analysis.score_weights_zero", QT_TRANSLATE_NOOP("messages", "the score '%1' is divided by the sum of its weights, which is 0")),
    says(Msg::CvbReferenceMissing, "analysis.cvb_reference_missing", QT_TRANSLATE_NOOP("messages", "the reference customer '%1' for the value ratio (CVB) is not in the data")),
    says(Msg::WeightedScoreUnknown, "analysis.weighted_score_unknown", QT_TRANSLATE_NOOP("messages", "the value model 'weighted_score' uses the score '%1', which the project does not define (set value.score to a score's name)")),
    says(Msg::ModelNeedsOrderLines, "analysis.needs_order_lines", QT_TRANSLATE_NOOP("messages", "the value model '%1' needs order lines (the transactions layout); it is not available in this version yet")),
    says(Msg::SegmentByUnknown, "analysis.segment_by_unknown", QT_TRANSLATE_NOOP("messages", "segments are made by '%1', which is neither 'value' nor a score's name")),
    says(Msg::QuantileNameCount, "analysis.quantile_name_count", QT_TRANSLATE_NOOP("messages", "there are %1 quantile segments but %2 segment names; give one name per segment")),
    says(Msg::ThresholdEdgeCount, "analysis.threshold_edge_count", QT_TRANSLATE_NOOP("messages", "threshold segments need one more edge than names (or one fewer: inner cut points); got %1 edges for %2 names")),
    says(Msg::ThresholdsNotIncreasing, "analysis.thresholds_not_increasing", QT_TRANSLATE_NOOP("messages", "the threshold edges must increase from left to right")),
    says(Msg::SegmentMethodUnknown, "analysis.segment_method_unknown", QT_TRANSLATE_NOOP("messages", "the segment method '%1' is not known (quantile, thresholds or rfm_rules)")),
    says(Msg::ComputationSuperseded, "analysis.superseded", QT_TRANSLATE_NOOP("messages", "the computation was stopped: newer settings came")),
    says(Msg::RfmRulesNeedOrderLines, "analysis.rfm_rules_need_order_lines", QT_TRANSLATE_NOOP("messages", "segments by RFM rules need order lines (the transactions layout) and the 'rfm' or 'predictive_clv' value model")),
    says(Msg::BaselineCannotBeComputed, "analysis.baseline_failed", QT_TRANSLATE_NOOP("messages", "the baseline cannot be computed: %1")),

    // order lines and the purchase models
    says(Msg::TimeUnitUnknown, "orders.time_unit_unknown", QT_TRANSLATE_NOOP("messages", "value.time_unit must be days, weeks or months, not '%1'")),
    says(Msg::OrderLinesNeedCustomer, "orders.need_customer", QT_TRANSLATE_NOOP("messages", "order lines need the customer of each line: map a column to 'customer'")),
    says(Msg::OrderLinesNeedDate, "orders.need_date", QT_TRANSLATE_NOOP("messages", "order lines need the date of each line: map a column to 'date'")),
    says(Msg::OrderLinesNeedAmount, "orders.need_amount", QT_TRANSLATE_NOOP("messages", "order lines need what each line is worth: map 'amount', or both 'quantity' and 'unit_price'")),
    says(Msg::OrderLinesNoCustomer, "orders.no_customer", QT_TRANSLATE_NOOP("messages", "the order lines name no customer")),
    says(Msg::ModelNeedsCustomerRows, "orders.model_needs_customer_rows", QT_TRANSLATE_NOOP("messages", "the value model '%1' needs one row per customer; for order lines (the transactions layout) choose 'rfm' or 'predictive_clv'")),
    says(Msg::ScoresNeedCustomerRows, "orders.scores_need_customer_rows", QT_TRANSLATE_NOOP("messages", "scores need one row per customer; order lines (the transactions layout) cannot carry them — remove the scores or import a customer table")),
    says(Msg::ObservationEndNotDate, "orders.observation_end_not_date", QT_TRANSLATE_NOOP("messages", "the observation end '%1' is not a date (expected e.g. 1997-09-30)")),
    says(Msg::ObservationEndTooEarly, "orders.observation_end_too_early", QT_TRANSLATE_NOOP("messages", "the observation end %1 lies before the first order (%2)")),
    says(Msg::FitNotConvergedAtBound, "fit.not_converged_at_bound", QT_TRANSLATE_NOOP("messages", "the %1 fit did not converge (a parameter ran off towards 0 or infinity); the data may not follow the model (too few repeat customers?)")),
    says(Msg::FitNotConverged, "fit.not_converged", QT_TRANSLATE_NOOP("messages", "the %1 fit did not converge; the data may not follow the model (too few repeat customers?)")),
    says(Msg::BgNbdBadInput, "fit.bgnbd_bad_input", QT_TRANSLATE_NOOP("messages", "a purchase model needs frequency >= 0 and 0 <= recency <= T for every customer (BG/BB also frequency <= T)")),
    says(Msg::BgNbdTooFewCustomers, "fit.bgnbd_too_few_customers", QT_TRANSLATE_NOOP("messages", "only %1 customers bought before the observation end; a purchase model needs at least 10")),
    says(Msg::BgNbdNoRepeat, "fit.bgnbd_no_repeat", QT_TRANSLATE_NOOP("messages", "no customer bought on more than one day (or in more than one period), so how often customers come back cannot be estimated (a purchase model needs repeat purchases)")),
    says(Msg::BgNbdTooFewRepeat, "fit.bgnbd_too_few_repeat", QT_TRANSLATE_NOOP("messages", "only %1 customers bought again; a purchase model needs more repeat customers to be fitted")),
    says(Msg::AgesAllZero, "fit.ages_all_zero", QT_TRANSLATE_NOOP("messages", "all purchases fall on the observation end; customers' ages are all 0")),
    says(Msg::GammaGammaNeedsSpend, "fit.gg_needs_spend", QT_TRANSLATE_NOOP("messages", "Gamma-Gamma needs repeat customers with a positive mean spend")),
    says(Msg::GammaGammaTooFew, "fit.gg_too_few", QT_TRANSLATE_NOOP("messages", "only %1 repeat customers have a positive spend; Gamma-Gamma needs more to be fitted")),
    says(Msg::GammaGammaSameSpend, "fit.gg_same_spend", QT_TRANSLATE_NOOP("messages", "every repeat customer spends the same; Gamma-Gamma has nothing to fit")),
    says(Msg::GammaGammaQ, "fit.gg_q", QT_TRANSLATE_NOOP("messages", "the Gamma-Gamma fit gives q <= 1: the spread of spend is so wide that the expected spend per purchase is not finite")),
    says(Msg::BgBbNeedsPeriods, "fit.bgbb_needs_periods", QT_TRANSLATE_NOOP("messages", "BG/BB counts purchase opportunities: it needs the period week, month, quarter or year, not day")),
    says(Msg::HoldoutEndNotDate, "orders.holdout_end_not_date", QT_TRANSLATE_NOOP("messages", "the holdout end '%1' is not a date (expected e.g. 1998-06-30)")),
    says(Msg::HoldoutEndBeforeObservationEnd, "orders.holdout_end_before_observation_end", QT_TRANSLATE_NOOP("messages", "the holdout end %1 lies before the observation end %2")),

    // project files
    says(Msg::ProjectCannotBeOpened, "project.cannot_open", QT_TRANSLATE_NOOP("messages", "the project file cannot be opened")),
    says(Msg::ProjectNotJson, "project.not_json", QT_TRANSLATE_NOOP("messages", "the project file is not valid JSON")),
    says(Msg::ProjectNotObject, "project.not_object", QT_TRANSLATE_NOOP("messages", "the project file must hold a JSON object")),
    says(Msg::NotAProject, "project.not_a_project", QT_TRANSLATE_NOOP("messages", "this is not a ValueScope project (the key 'valuescope' is missing)")),
    says(Msg::ProjectVersion, "project.version", QT_TRANSLATE_NOOP("messages", "'valuescope' must be 1; this file is from another version")),
    says(Msg::ProjectTooLarge, "project.too_large", QT_TRANSLATE_NOOP("messages", "the project file is too large to be a project")),
    says(Msg::ProjectTooDeep, "project.too_deep", QT_TRANSLATE_NOOP("messages", "the project file nests lists or objects more than %1 deep; no project does")),
    says(Msg::InSection, "project.in_section", QT_TRANSLATE_NOOP("messages", "in '%1': %2")),
    keyed(Msg::KeyMissingDataFile, "key.missing_data_file", QT_TRANSLATE_NOOP("messages", "'%1' is missing: the project must name its data file")),
    keyed(Msg::KeyMissing, "key.missing", QT_TRANSLATE_NOOP("messages", "'%1' is missing")),
    keyed(Msg::KeyUnknownModel, "key.unknown_model", QT_TRANSLATE_NOOP("messages", "'%1' is not a known model ('%2')")),
    keyed(Msg::KeyUnknownRole, "key.unknown_role", QT_TRANSLATE_NOOP("messages", "'%1' is not a known role")),
    keyed(Msg::KeyNotNegative, "key.not_negative", QT_TRANSLATE_NOOP("messages", "'%1' must be 0 or more")),
    keyed(Msg::KeyColumnName, "key.column_name", QT_TRANSLATE_NOOP("messages", "'%1' must be a column name")),
    keyed(Msg::KeyPeriodColumns, "key.period_columns", QT_TRANSLATE_NOOP("messages", "'%1' must be a list of column names in period order")),
    keyed(Msg::KeyColumnNames, "key.column_names", QT_TRANSLATE_NOOP("messages", "'%1' must be a list of column names")),
    keyed(Msg::KeyNames, "key.names", QT_TRANSLATE_NOOP("messages", "'%1' must be a list of names")),
    keyed(Msg::KeyNumbers, "key.numbers", QT_TRANSLATE_NOOP("messages", "'%1' must be a list of numbers")),
    keyed(Msg::KeyRules, "key.rules", QT_TRANSLATE_NOOP("messages", "'%1' must be a list of {name, r, f, m}")),
    keyed(Msg::KeyList, "key.list", QT_TRANSLATE_NOOP("messages", "'%1' must be a list")),
    keyed(Msg::KeyNumber, "key.number", QT_TRANSLATE_NOOP("messages", "'%1' must be a number")),
    keyed(Msg::KeyRowNumber, "key.row_number", QT_TRANSLATE_NOOP("messages", "'%1' must be a row number (0 for no header)")),
    keyed(Msg::KeyScoreRange, "key.score_range", QT_TRANSLATE_NOOP("messages", "'%1' must be a score range [low, high] within 1-5")),
    keyed(Msg::KeyCharacter, "key.character", QT_TRANSLATE_NOOP("messages", "'%1' must be a single character")),
    keyed(Msg::KeyBins, "key.bins", QT_TRANSLATE_NOOP("messages", "'%1' must be a whole number from 1 to 100")),
    keyed(Msg::KeyHorizon, "key.horizon", QT_TRANSLATE_NOOP("messages", "'%1' must be a whole number of months from 1 to 600")),
    keyed(Msg::KeyRuleObject, "key.rule_object", QT_TRANSLATE_NOOP("messages", "'%1' must be an object with a name and r, f, m ranges")),
    keyed(Msg::KeyBaselineObject, "key.baseline_object", QT_TRANSLATE_NOOP("messages", "'%1' must be an object with the baseline's value, scores and segments")),
    keyed(Msg::KeyObject, "key.object", QT_TRANSLATE_NOOP("messages", "'%1' must be an object")),
    keyed(Msg::KeyNormalize, "key.normalize", QT_TRANSLATE_NOOP("messages", "'%1' must be count or weights")),
    keyed(Msg::KeyLayout, "key.layout", QT_TRANSLATE_NOOP("messages", "'%1' must be customers, transactions or campaigns, not '%2'")),
    keyed(Msg::KeyTimeUnit, "key.time_unit", QT_TRANSLATE_NOOP("messages", "'%1' must be days, weeks or months, not '%2'")),
    keyed(Msg::KeyAboveMinusOne, "key.above_minus_one", QT_TRANSLATE_NOOP("messages", "'%1' must be greater than -1")),
    keyed(Msg::KeyRfmScoring, "key.rfm_scoring", QT_TRANSLATE_NOOP("messages", "'%1' must be quantile, rank or rfm")),
    keyed(Msg::KeySegmentMethod, "key.segment_method", QT_TRANSLATE_NOOP("messages", "'%1' must be quantile, thresholds or rfm_rules")),
    keyed(Msg::KeyText, "key.text", QT_TRANSLATE_NOOP("messages", "'%1' must be text")),
    keyed(Msg::KeyUnreadableCells, "key.unreadable_cells", QT_TRANSLATE_NOOP("messages", "'%1' must be error or missing")),
    keyed(Msg::KeyBoolean, "key.boolean", QT_TRANSLATE_NOOP("messages", "'%1' must be true or false")),
    keyed(Msg::KeyIntervalLevel, "key.interval_level", QT_TRANSLATE_NOOP("messages", "'%1' must lie between 0 and 1 (e.g. 0.9)")),
    keyed(Msg::KeyIndicators, "key.indicators", QT_TRANSLATE_NOOP("messages", "'%1' must list at least one indicator")),
    keyed(Msg::KeyPurchaseModel, "key.purchase_model", QT_TRANSLATE_NOOP("messages", "'%1' must be bgnbd, pareto_nbd, mbgnbd, bgbb or auto, not '%2'")),
    keyed(Msg::KeyPeriod, "key.period", QT_TRANSLATE_NOOP("messages", "'%1' must be day, week, month, quarter or year, not '%2'")),
    keyed(Msg::KeyPositive, "key.positive", QT_TRANSLATE_NOOP("messages", "'%1' must be greater than 0")),
    keyed(Msg::KeyHorizonMonths, "key.horizon_months", QT_TRANSLATE_NOOP("messages", "'%1' must be a number of months greater than 0 and at most 600")),
    keyed(Msg::KeyRoleMap, "key.role_map", QT_TRANSLATE_NOOP("messages", "'%1' must map roles to column names")),
    keyed(Msg::KeyStrategies, "key.strategies", QT_TRANSLATE_NOOP("messages", "'%1' must map segment names to strategies")),
    keyed(Msg::KeyScoreNameTwice, "key.score_name_twice", QT_TRANSLATE_NOOP("messages", "'%1' '%2' is used by two scores")),

    // warnings: reading
    says(Msg::LinesAboveHeader, "read.lines_above_header", QT_TRANSLATE_NOOP("messages", "%1 line(s) above the header row were skipped")),
    says(Msg::UnnamedColumns, "read.unnamed_columns", QT_TRANSLATE_NOOP("messages", "%1 column(s) have no name in the header; they are called \"column N\"")),
    says(Msg::RepeatedColumnNames, "read.repeated_column_names", QT_TRANSLATE_NOOP("messages", "%1 column name(s) repeat; later ones got a number, e.g. \"name (2)\"")),
    says(Msg::ShortRows, "read.short_rows", QT_TRANSLATE_NOOP("messages", "%1 row(s) have fewer fields than the header (first: row %2); the missing cells are empty")),
    says(Msg::LongRows, "read.long_rows", QT_TRANSLATE_NOOP("messages", "%1 row(s) have more fields than the header (first: row %2); the extra fields were ignored")),
    says(Msg::ColumnsBeyondLimit, "read.columns_beyond_limit", QT_TRANSLATE_NOOP("messages", "%1 row(s) have more than %2 fields (first: row %3); the fields past column %2 were left out")),
    says(Msg::ExcelErrorCells, "workbook.error_cells", QT_TRANSLATE_NOOP("messages", "%1 cell(s) hold Excel errors (first: %2); they are read as missing")),
    says(Msg::MissingSharedStrings, "workbook.missing_shared_strings", QT_TRANSLATE_NOOP("messages", "%1 cell(s) point at text the workbook does not have; read as empty")),

    // warnings: the analysis
    counts(Msg::RowsWithoutId, "analysis.rows_without_id", QT_TRANSLATE_NOOP("messages", "%1 row(s) have no customer id (first: row %2); left out"), 1,
           "%1 row has no customer id (first: row %2); left out",
           "%1 rows have no customer id (first: row %2); left out"),
    counts(Msg::RowsRepeatId, "analysis.rows_repeat_id", QT_TRANSLATE_NOOP("messages", "%1 row(s) repeat a customer id seen before (first: row %2, id '%3'); only the first row of each customer is used"), 1,
           "%1 row repeats a customer id seen before (first: row %2, id '%3'); only the first row of each customer is used",
           "%1 rows repeat a customer id seen before (first: row %2, id '%3'); only the first row of each customer is used"),
    counts(Msg::NoValueProfit, "analysis.no_value_profit", QT_TRANSLATE_NOOP("messages", "%1 customer(s) have no value (revenue, cost or lifetime is missing); they get no segment"), 1,
           "%1 customer has no value (revenue, cost or lifetime is missing); they get no segment",
           "%1 customers have no value (revenue, cost or lifetime is missing); they get no segment"),
    counts(Msg::NoValueFrequencySpend, "analysis.no_value_frequency_spend", QT_TRANSLATE_NOOP("messages", "%1 customer(s) have no value (orders or spend is missing); they get no segment"), 1,
           "%1 customer has no value (orders or spend is missing); they get no segment",
           "%1 customers have no value (orders or spend is missing); they get no segment"),
    counts(Msg::NoValuePeriods, "analysis.no_value_periods", QT_TRANSLATE_NOOP("messages", "%1 customer(s) have no value (a period's revenue or cost is missing); they get no segment"), 1,
           "%1 customer has no value (a period's revenue or cost is missing); they get no segment",
           "%1 customers have no value (a period's revenue or cost is missing); they get no segment"),
    counts(Msg::NoEffect, "analysis.no_effect", QT_TRANSLATE_NOOP("messages", "%1 campaign(s) have no effect (sales or cost is missing)"), 1,
           "%1 customer has no effect (sales or cost is missing); they get no segment",
           "%1 customers have no effect (sales or cost is missing); they get no segment"),
    says(Msg::NoCostPeriods, "analysis.no_cost_periods", QT_TRANSLATE_NOOP("messages", "no cost per period is mapped ('cost_periods'); costs are taken as 0")),
    says(Msg::IndicatorConstant, "analysis.indicator_constant", QT_TRANSLATE_NOOP("messages", "the indicator '%1' of the score '%2' has one value for everyone; scaled to 0")),
    counts(Msg::ScoreIndicatorMissing, "analysis.score_indicator_missing", QT_TRANSLATE_NOOP("messages", "%1 customer(s) lack an indicator of the score '%2'; their score is missing"), 1,
           "%1 customer lacks an indicator of the score '%2'; their score is missing",
           "%1 customers lack an indicator of the score '%2'; their score is missing"),
    counts(Msg::NegativeCost, "analysis.negative_cost", QT_TRANSLATE_NOOP("messages", "%1 customer(s) have a negative cost; it is used as given (it raises their value)"), 1,
           "%1 customer has a negative cost; it is used as given (it raises their value)",
           "%1 customers have a negative cost; it is used as given (it raises their value)"),
    counts(Msg::LifetimeNotPositive, "analysis.lifetime_not_positive", QT_TRANSLATE_NOOP("messages", "%1 customer(s) have a lifetime of zero or less; their value per lifetime is missing"), 1,
           "%1 customer has a lifetime of zero or less; their value per lifetime is missing",
           "%1 customers have a lifetime of zero or less; their value per lifetime is missing"),
    says(Msg::SameValueScore, "analysis.same_value_score", QT_TRANSLATE_NOOP("messages", "every customer has the same value score; the 0-100 score is 0 for all")),
    says(Msg::CvbReferenceZero, "analysis.cvb_reference_zero", QT_TRANSLATE_NOOP("messages", "the reference value for CVB is 0; the ratios are missing")),
    counts(Msg::CampaignZeroCost, "analysis.campaign_zero_cost", QT_TRANSLATE_NOOP("messages", "%1 campaign(s) have a cost of 0; their ROI is missing"), 1,
           "%1 campaign has a cost of 0; its ROI is missing",
           "%1 campaigns have a cost of 0; its ROI is missing"),
    says(Msg::RateNoAnswers, "analysis.rate_no_answers", QT_TRANSLATE_NOOP("messages", "the rate '%1' has no answers in the column '%2'")),
    says(Msg::NoValueToSegment, "analysis.no_value_to_segment", QT_TRANSLATE_NOOP("messages", "no customer has a value to segment by")),
    says(Msg::QuantileEdgesCoincide, "analysis.quantile_edges_coincide", QT_TRANSLATE_NOOP("messages", "many customers share the same %1, so some quantile edges coincide: %2 segments became %3 (%4)")),
    counts(Msg::OutsideThresholds, "analysis.outside_thresholds", QT_TRANSLATE_NOOP("messages", "%1 customer(s) lie outside the threshold edges; they get no segment"), 1,
           "%1 customer lies outside the threshold edges; they get no segment",
           "%1 customers lie outside the threshold edges; they get no segment"),
    counts(Msg::CellsReadAsMissing, "analysis.cells_read_as_missing", QT_TRANSLATE_NOOP("messages", "%1 cell(s) of the column '%2' are not numbers (first: row %3, '%4'); they count as missing"), 1,
           "%1 cell of the column '%2' is not a number (first: row %3, '%4'); it counts as missing",
           "%1 cells of the column '%2' are not numbers (first: row %3, '%4'); they count as missing"),

    // warnings: order lines and the purchase models
    says(Msg::RfmAllSame, "orders.rfm_all_same", QT_TRANSLATE_NOOP("messages", "%1: every customer has the same value; all get the score 3")),
    worded(Msg::RfmTies, "orders.rfm_ties", QT_TRANSLATE_NOOP("messages", "%1: %2 of customers share the value %3, so quintile edges coincide and only the scores %4 are used; rank-based scoring (RFM scores ▸ Quintiles of the ranks) spreads ties over 1-5"),
           "%1: %2 of customers share the value %3, so quintile edges coincide and only the scores %4 are used; rank-based scoring (value.rfm_scoring = \"rank\") spreads ties over 1-5"),
    counts(Msg::LinesWithoutId, "orders.lines_without_id", QT_TRANSLATE_NOOP("messages", "%1 order line(s) have no customer id (first: row %2); left out"), 1,
           "%1 order line has no customer id (first: row %2); left out",
           "%1 order lines have no customer id (first: row %2); left out"),
    counts(Msg::LinesWithoutDate, "orders.lines_without_date", QT_TRANSLATE_NOOP("messages", "%1 order line(s) have no date (first: row %2); left out"), 1,
           "%1 order line has no date (first: row %2); left out",
           "%1 order lines have no date (first: row %2); left out"),
    counts(Msg::LinesWithoutAmount, "orders.lines_without_amount", QT_TRANSLATE_NOOP("messages", "%1 order line(s) have no amount (first: row %2); left out"), 1,
           "%1 order line has no amount (first: row %2); left out",
           "%1 order lines have no amount (first: row %2); left out"),
    counts(Msg::ReturnLines, "orders.return_lines", QT_TRANSLATE_NOOP("messages", "%1 order line(s) are returns or cancellations (a negative quantity or amount, or an invoice starting with 'C'); netted out of the customers' spend, not counted as purchases"), 1,
           "%1 order line is a return or cancellation (a negative quantity or amount, or an invoice starting with 'C'); netted out of the customers' spend, not counted as purchases",
           "%1 order lines are returns or cancellations (a negative quantity or amount, or an invoice starting with 'C'); netted out of the customers' spend, not counted as purchases"),
    says(Msg::BgNbdNoDropout, "fit.bgnbd_no_dropout", QT_TRANSLATE_NOOP("messages", "BG/NBD: a and b run towards 0 — the data show no sign of customers dropping out (is the observation period long enough?), so the fit is the NBD model without drop-out and P(alive) is about 1 for everyone")),
    counts(Msg::GammaGammaExcluded, "fit.gg_excluded", QT_TRANSLATE_NOOP("messages", "%1 repeat customer(s) have a mean repeat spend of zero or less (returns); left out of the Gamma-Gamma fit"), 1,
           "%1 repeat customer has a mean repeat spend of zero or less (returns); left out of the Gamma-Gamma fit",
           "%1 repeat customers have a mean repeat spend of zero or less (returns); left out of the Gamma-Gamma fit"),
    says(Msg::NoStandardErrors, "fit.no_standard_errors", QT_TRANSLATE_NOOP("messages", "the fits' standard errors cannot be estimated (the likelihood is flat in some direction); the CLV has no interval")),
    counts(Msg::BoughtAfterEnd, "orders.bought_after_end", QT_TRANSLATE_NOOP("messages", "%1 customer(s) first bought after the observation end (%2); they count only in the holdout period and get no value"), 1,
           "%1 customer first bought after the observation end (%2); they count only in the holdout period and get no value",
           "%1 customers first bought after the observation end (%2); they count only in the holdout period and get no value"),
    counts(Msg::OnlyReturns, "orders.only_returns", QT_TRANSLATE_NOOP("messages", "%1 customer(s) have only returns or cancellations in the data, no purchase; they get no value"), 1,
           "%1 customer has only returns or cancellations in the data, no purchase; they get no value",
           "%1 customers have only returns or cancellations in the data, no purchase; they get no value"),
    says(Msg::PurchaseModelNotFitted, "fit.purchase_model_not_fitted", QT_TRANSLATE_NOOP("messages", "%1 cannot be fitted, so its predictions are left empty: %2")),
    says(Msg::SpendModelNotFitted, "fit.spend_model_not_fitted", QT_TRANSLATE_NOOP("messages", "Gamma-Gamma cannot be fitted, so the expected spend and the CLV are left empty: %1")),
    says(Msg::GammaGammaAtLimit, "fit.gg_at_limit", QT_TRANSLATE_NOOP("messages", "Gamma-Gamma reaches its boundary (q and v run to infinity): spend per purchase does not differ between customers, so every customer's expected spend is the shared mean %1 (complete shrinkage); the CLV interval covers the purchase model's uncertainty only")),
    says(Msg::ModelChosenByHoldout, "fit.model_chosen_by_holdout", QT_TRANSLATE_NOOP("messages", "purchase model 'auto': %1 chosen, it predicts the holdout period best (mean absolute error %2 purchases per customer; %3)")),
    says(Msg::ModelChosenByBic, "fit.model_chosen_by_bic", QT_TRANSLATE_NOOP("messages", "purchase model 'auto': %1 chosen, it has the lowest BIC (%2; %3); with a holdout period (a later holdout end than observation end) the choice would rest on predictions instead")),
    says(Msg::SpendFrequencyCorrelated, "fit.spend_frequency_correlated", QT_TRANSLATE_NOOP("messages", "Gamma-Gamma assumes spend per purchase does not depend on how often a customer buys, but among repeat customers the two correlate (Pearson %1, %2 customers); expected spend may be biased")),
    says(Msg::ClvIntervalDeltaMethod, "fit.clv_interval_delta_method", QT_TRANSLATE_NOOP("messages", "clv_low and clv_high: a %1 % interval by the delta method from the fits' standard errors; it covers the uncertainty of the model parameters only, not whether a customer buys more or less than expected")),
    keyed(Msg::KeyDate, "key.date", QT_TRANSLATE_NOOP("messages", "'%1' must be a date such as 2024-03-31, not '%2'")),
    keyed(Msg::KeyShare, "key.share", QT_TRANSLATE_NOOP("messages", "'%1' must be a number from 0 to 1")),
    keyed(Msg::KeyCohortPeriod, "key.cohort_period", QT_TRANSLATE_NOOP("messages", "'%1' must be month or quarter, not '%2'")),
    keyed(Msg::KeyCohortMeasure, "key.cohort_measure", QT_TRANSLATE_NOOP("messages", "'%1' must be customers or revenue, not '%2'")),
    says(Msg::OverTimeNeedsOrderLines, "overtime.needs_order_lines", QT_TRANSLATE_NOOP("messages", "segment migration between dates and cohorts need order lines (layout 'transactions'); they are left out")),
    says(Msg::SnapshotsInWrongOrder, "overtime.snapshots_wrong_order", QT_TRANSLATE_NOOP("messages", "the first snapshot date (%1) must lie before the second (%2); no migration between them is shown")),
    says(Msg::SnapshotBeforeFirstOrder, "overtime.snapshot_before_first_order", QT_TRANSLATE_NOOP("messages", "the snapshot date %1 lies before the first order (%2); no migration between the dates is shown")),
    says(Msg::SnapshotNotComputed, "overtime.snapshot_not_computed", QT_TRANSLATE_NOOP("messages", "the segments as of %1 could not be computed (%2); no migration between the dates is shown")),
    says(Msg::PseudonymKeyMissing, "export.pseudonym_key_missing", QT_TRANSLATE_NOOP("messages", "the environment variable %1 holds no key for the pseudonyms; set it to a secret only your team keeps")),

    // database sources
    keyed(Msg::KeyDatabaseEngine, "key.database_engine", QT_TRANSLATE_NOOP("messages", "'%1' must be postgresql or clickhouse, not '%2'")),
    keyed(Msg::KeyDatabasePort, "key.database_port", QT_TRANSLATE_NOOP("messages", "'%1' must be a port number from 1 to 65535")),
    keyed(Msg::KeyDatabasePassword, "key.database_password", QT_TRANSLATE_NOOP("messages", "'%1' is not allowed: a project never holds a password; name an environment variable in password_env instead")),
    keyed(Msg::KeyDatabaseTableOrQuery, "key.database_table_or_query", QT_TRANSLATE_NOOP("messages", "'%1' needs either a table or a query (one of the two)")),
    says(Msg::DbPasswordNotSet, "db.password_not_set", QT_TRANSLATE_NOOP("messages", "the database password is read from the environment variable %1, which is not set")),
    says(Msg::DbCannotConnect, "db.cannot_connect", QT_TRANSLATE_NOOP("messages", "cannot connect to the %1 server at %2: %3")),
    says(Msg::DbTableMissing, "db.table_missing", QT_TRANSLATE_NOOP("messages", "the table '%1' does not exist in the database '%2' (%3)")),
    says(Msg::DbQueryFailed, "db.query_failed", QT_TRANSLATE_NOOP("messages", "the %1 server could not run the query: %2")),
    says(Msg::DbColumnNotDate, "db.column_not_date", QT_TRANSLATE_NOOP("messages", "the column '%1' is of the type %2 in the database; the role '%3' needs a date or timestamp column")),
    says(Msg::DbColumnNotNumber, "db.column_not_number", QT_TRANSLATE_NOOP("messages", "the column '%1' is of the type %2 in the database; the role '%3' needs a number column")),
    counts(Msg::DbLinesLeftOut, "db.lines_left_out", QT_TRANSLATE_NOOP("messages", "%1 order line(s) in the database have no %2; left out"), 1,
           "%1 order line in the database has no %2; left out",
           "%1 order lines in the database have no %2; left out"),
    says(Msg::DbWriteFailed, "db.write_failed", QT_TRANSLATE_NOOP("messages", "cannot write the table '%1' into the database: %2; the database is unchanged")),
    says(Msg::DbWriteNeedsDatabase, "db.write_needs_database", QT_TRANSLATE_NOOP("messages", "--write-table needs a project whose data come from a database (source.database)")),
    says(Msg::DbNotAvailable, "db.not_available", QT_TRANSLATE_NOOP("messages", "this build of ValueScope cannot read from %1 servers")),

    // the CLV interval
    keyed(Msg::KeyClvInterval, "key.clv_interval", QT_TRANSLATE_NOOP("messages", "'%1' must be delta or bootstrap, not '%2'")),
    keyed(Msg::KeyBootstrapSamples, "key.bootstrap_samples", QT_TRANSLATE_NOOP("messages", "'%1' must be a whole number from 20 to 10000")),
    keyed(Msg::KeyBootstrapSeed, "key.bootstrap_seed", QT_TRANSLATE_NOOP("messages", "'%1' must be a whole number from 0 to 999999999")),
    says(Msg::ClvIntervalBootstrap, "fit.clv_interval_bootstrap", QT_TRANSLATE_NOOP("messages", "clv_low and clv_high: a %1 % percentile bootstrap interval from %2 resamples of the customers, both models refitted on each (seed %3); it covers the uncertainty of the model parameters only, not whether a customer buys more or less than expected")),
    says(Msg::BootstrapStopped, "fit.bootstrap_stopped", QT_TRANSLATE_NOOP("messages", "the bootstrap was stopped after %1 of %2 resamples; clv_low and clv_high are the delta method's")),
    says(Msg::BootstrapFitsFailed, "fit.bootstrap_fits_failed", QT_TRANSLATE_NOOP("messages", "%1 of %2 bootstrap resamples could not be refitted; the interval rests on the other %3")),
    says(Msg::BootstrapTooFewFits, "fit.bootstrap_too_few_fits", QT_TRANSLATE_NOOP("messages", "only %1 of %2 bootstrap resamples could be refitted, too few for an interval; clv_low and clv_high are the delta method's")),
    says(Msg::DbRowsPerCustomerOtherSettings, "db.rows_per_customer_other_settings", QT_TRANSLATE_NOOP("messages", "the database summed the order lines per customer for the observation end %1 and purchases per day; read the data again for other dates or periods")),
    says(Msg::DbConnectionLost, "db.connection_lost", QT_TRANSLATE_NOOP("messages", "the connection to the %1 server at %2 was lost while reading; nothing of this reading is used: %3")),
};


constexpr bool inEnumOrder()
{
    if (std::size(kMessages) != size_t(Msg::Count))
        return false;
    for (size_t i = 0; i < std::size(kMessages); ++i)
        if (kMessages[i].code != Msg(i))
            return false;
    return true;
}
static_assert(inEnumOrder(), "kMessages has one entry per Msg, in the order of the enum");

} // namespace

const MessageInfo &messageInfo(Msg code)
{
    static constexpr MessageInfo none = says(Msg::Count, "none.none", ""); // a Diagnostic never given a code
    return size_t(code) < std::size(kMessages) ? kMessages[size_t(code)] : none;
}

std::span<const MessageInfo> allMessages()
{
    return kMessages;
}

const char *englishTemplate(Msg code, const std::vector<std::string> &args)
{
    const MessageInfo &m = messageInfo(code);
    if (m.countArg && m.countArg <= args.size() && args[m.countArg - 1] != "1" && m.plural)
        return m.plural;
    return m.english ? m.english : m.text;
}

std::string fillTemplate(std::string_view tmpl, const std::vector<std::string> &args)
{
    std::string out;
    out.reserve(tmpl.size() + 16 * args.size());
    for (size_t i = 0; i < tmpl.size(); ++i) {
        const char c = tmpl[i];
        if (c == '%' && i + 1 < tmpl.size() && tmpl[i + 1] >= '1' && tmpl[i + 1] <= '9') {
            size_t n = size_t(tmpl[i + 1] - '0');
            size_t len = 2;
            if (i + 2 < tmpl.size() && tmpl[i + 2] >= '0' && tmpl[i + 2] <= '9') { // %10…%99
                n = n * 10 + size_t(tmpl[i + 2] - '0');
                len = 3;
            }
            if (n <= args.size()) {
                out += args[n - 1];
                i += len - 1;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::string englishMessage(Msg code, const std::vector<std::string> &args)
{
    return fillTemplate(englishTemplate(code, args), args);
}

} // namespace vs
