#pragma once
// Everything the engine can say to a user, errors and warnings alike, as codes. core/ returns a
// code and its arguments (numbers and names, formatted as the English shows them); the English
// sentence is made from the code's template here, and the window translates the same template
// with Qt's translation system (ui/ErrorText.cpp). The table is in messages.cpp; lupdate reads
// its templates from there (ui/CMakeLists.txt), so a new code is a new string to translate, and
// tst_warnings fails until it has its zh_CN translation.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vs {

enum class Msg : uint16_t {
    // where a message is about (Error::describe)
    AtRow,
    AtColumn,
    AtRowColumn,
    Located,

    // reading a data file
    FileCannotBeOpenedExists,
    FileCannotBeOpenedMayRead,
    FileDoesNotExist,
    FileCannotBeOpened,
    FileCannotBeReadToEnd,
    FileCannotBeRead,
    FileChangedWhileRead,
    FileEmptyNoRows,
    FileEmpty,
    NamedLikeWorkbook,
    TextNamedLikeWorkbook,
    UnclosedQuote,
    WorkbookNotText,
    BinaryNotText,
    BinaryZeroBytes,
    HeaderRowPastEnd,
    ImportCancelled,
    InvalidUtf8,
    EncodingNotSupported,
    EndsInCharacter,
    InvalidByteSequence,
    MemoryBudgetExceeded,
    OutOfMemory,
    CellTextTooLong,

    // workbooks
    NoSuchSheet,
    SheetEmpty,
    SheetTooLarge,
    SheetMissing,
    ChartSheet,
    SheetCannotBeReadBecause, // the reason is the sentence inside (Error::context)
    SheetCannotBeRead,
    XlsDamaged,
    XlsPasswordProtected,
    WorkbookNoSheets,
    SpreadsheetNoSheets,
    ZipNotWorkbook,
    ZipNotXlsx,
    ZipNotOds,
    ZipDamaged,
    PartMissing,
    PartWouldInflate,
    PartCompressionRatio,
    PartInflatesBeyond,
    PartCannotBeRead,
    PartCannotBeInflated,
    PartTooLarge,
    PartCannotBeReadBecause, // the reason is the sentence inside
    SharedStringsTooLarge,
    XlsReaderMissing,
    XlsReaderFailed,
    XlsReaderTimeLimit,
    XlsReaderMemoryLimit,
    XlsReaderGarbage,
    OdsContentCannotBeRead,  // the reason is the sentence inside
    XmlDoctype,
    XmlEndsInDeclaration,
    XmlEndsInTag,
    XmlMalformed,
    XmlTokenTooLong,
    XmlNotUtf8,
    XmlBadCharacterRef,

    // writing
    CannotWriteHere,
    WritingFailed,
    WriteOutOfMemory,
    CannotReplaceFile,
    WorkbookCannotBeCreated,
    WorkbookCannotBeWritten,
    WorksheetTooManyRows,
    OutputNotCsvOrXlsx,
    ChartsNotInThisVersion,
    ReportsNotInThisVersion,
    ChartFormat,
    ChartCannotBeWritten,
    ChartNotAKind,
    ChartCannotBeDrawn,
    ReportNoResults,
    ReportCancelled,
    ReportNotPdf,
    ReportCannotBeWritten,

    // cells and columns
    NoSuchColumn,
    DatesNotNumbers,
    NotANumberCount,
    NotANumber,
    NotADate,

    // the analysis
    RoleColumnMissing,
    PeriodColumnMissing,
    ScoreColumnMissing,
    RateColumnMissing,
    NoRowsToAnalyse,
    ModelNeedsRevenue,
    ModelNeedsCustomerCost,
    ModelNeedsLifetime,
    ModelNeedsOrders,
    ModelNeedsAverageSpend,
    ModelNeedsCampaignSales,
    ModelNeedsCampaignCost,
    ModelNeedsRevenuePeriods,
    PeriodCountMismatch,
    ScoreWeightsSumZero,
    CvbReferenceMissing,
    WeightedScoreUnknown,
    ModelNeedsOrderLines,
    SegmentByUnknown,
    QuantileNameCount,
    ThresholdEdgeCount,
    ThresholdsNotIncreasing,
    SegmentMethodUnknown,
    ComputationSuperseded,
    RfmRulesNeedOrderLines,
    BaselineCannotBeComputed, // the reason is the sentence inside

    // order lines and the purchase models
    TimeUnitUnknown,
    OrderLinesNeedCustomer,
    OrderLinesNeedDate,
    OrderLinesNeedAmount,
    OrderLinesNoCustomer,
    ModelNeedsCustomerRows,
    ScoresNeedCustomerRows,
    ObservationEndNotDate,
    ObservationEndTooEarly,
    FitNotConvergedAtBound,
    FitNotConverged,
    BgNbdBadInput,
    BgNbdTooFewCustomers,
    BgNbdNoRepeat,
    BgNbdTooFewRepeat,
    AgesAllZero,
    GammaGammaNeedsSpend,
    GammaGammaTooFew,
    GammaGammaSameSpend,
    GammaGammaQ,
    BgBbNeedsPeriods,
    HoldoutEndNotDate,
    HoldoutEndBeforeObservationEnd,

    // project files (%1 of the Key… codes is the key, e.g. 'value.rate')
    ProjectCannotBeOpened,
    ProjectNotJson,
    ProjectNotObject,
    NotAProject,
    ProjectVersion,
    ProjectTooLarge,
    ProjectTooDeep,
    InSection, // "in 'baseline': …": the sentence inside is the last argument
    KeyMissingDataFile,
    KeyMissing,
    KeyUnknownModel,
    KeyUnknownRole,
    KeyNotNegative,
    KeyColumnName,
    KeyPeriodColumns,
    KeyColumnNames,
    KeyNames,
    KeyNumbers,
    KeyRules,
    KeyList,
    KeyNumber,
    KeyRowNumber,
    KeyScoreRange,
    KeyCharacter,
    KeyBins,
    KeyHorizon,
    KeyRuleObject,
    KeyBaselineObject,
    KeyObject,
    KeyNormalize,
    KeyLayout,
    KeyTimeUnit,
    KeyAboveMinusOne,
    KeyRfmScoring,
    KeySegmentMethod,
    KeyText,
    KeyUnreadableCells,
    KeyBoolean,
    KeyIntervalLevel,
    KeyIndicators,
    KeyPurchaseModel,
    KeyPeriod,
    KeyPositive,
    KeyHorizonMonths,
    KeyRoleMap,
    KeyStrategies,
    KeyScoreNameTwice,

    // warnings: reading
    LinesAboveHeader,
    UnnamedColumns,
    RepeatedColumnNames,
    ShortRows,
    LongRows,
    ColumnsBeyondLimit,
    ExcelErrorCells,
    MissingSharedStrings,

    // warnings: the analysis
    RowsWithoutId,
    RowsRepeatId,
    NoValueProfit,
    NoValueFrequencySpend,
    NoValuePeriods,
    NoEffect,
    NoCostPeriods,
    IndicatorConstant,
    ScoreIndicatorMissing,
    NegativeCost,
    LifetimeNotPositive,
    SameValueScore,
    CvbReferenceZero,
    CampaignZeroCost,
    RateNoAnswers,
    NoValueToSegment,
    QuantileEdgesCoincide,
    OutsideThresholds,
    CellsReadAsMissing,

    // warnings: order lines and the purchase models
    RfmAllSame,
    RfmTies,
    LinesWithoutId,
    LinesWithoutDate,
    LinesWithoutAmount,
    ReturnLines,
    BgNbdNoDropout,
    GammaGammaExcluded,
    NoStandardErrors,
    BoughtAfterEnd,
    OnlyReturns,
    PurchaseModelNotFitted,
    SpendModelNotFitted,
    GammaGammaAtLimit,
    ModelChosenByHoldout,
    ModelChosenByBic,
    SpendFrequencyCorrelated,
    ClvIntervalDeltaMethod,

    // over time (issue 19)
    KeyDate,
    KeyShare,
    KeyCohortPeriod,
    KeyCohortMeasure,
    OverTimeNeedsOrderLines,
    SnapshotsInWrongOrder,
    SnapshotBeforeFirstOrder,
    SnapshotNotComputed,
    PseudonymKeyMissing,
    // database sources (issue 18)
    KeyDatabaseEngine,
    KeyDatabasePort,
    KeyDatabasePassword,
    KeyDatabaseTableOrQuery,
    DbPasswordNotSet,
    DbCannotConnect,
    DbTableMissing,
    DbQueryFailed,
    DbColumnNotDate,
    DbColumnNotNumber,
    DbLinesLeftOut,
    DbWriteFailed,
    DbWriteNeedsDatabase,
    DbNotAvailable,
    // the CLV interval (issue 16)
    KeyClvInterval,
    KeyBootstrapSamples,
    KeyBootstrapSeed,
    ClvIntervalBootstrap,
    BootstrapStopped,
    BootstrapFitsFailed,
    BootstrapTooFewFits,
    DbRowsPerCustomerOtherSettings,
    DbConnectionLost,

    Count // not a message
};

// One entry of the registry.
struct MessageInfo {
    Msg code;
    const char *key;   // stable name, never reused: "read.file_missing"
    const char *text;  // the template translators translate; %1, %2… are the arguments
    const char *english = nullptr; // what the English says when it is not `text` (the singular, when
                                   // the count argument is 1)
    const char *plural = nullptr;  // the English when the count argument is not 1
    uint8_t countArg = 0;          // 1-based: the argument that picks english or plural; 0: none
    bool keyFirst = false;         // %1 is a key of the project file ('value.rate')
};

// One sentence as data: what is said, and the words that vary (numbers and names, formatted as
// the English shows them).
struct Message {
    Msg code = Msg::Count;
    std::vector<std::string> args;
};

// The translation context of every template (QCoreApplication::translate(kMessageContext, text)).
inline constexpr const char *kMessageContext = "messages";

const MessageInfo &messageInfo(Msg code);
std::span<const MessageInfo> allMessages(); // in the order of Msg

// The English template for these arguments: `plural` when the count argument is not 1.
const char *englishTemplate(Msg code, const std::vector<std::string> &args);

// %1…%99 replaced by args[0]… in one pass, so that an argument holding "%2" stays as it is; a
// place holder without an argument is kept as written.
std::string fillTemplate(std::string_view tmpl, const std::vector<std::string> &args);

// The English sentence of a code and its arguments.
std::string englishMessage(Msg code, const std::vector<std::string> &args);

} // namespace vs
