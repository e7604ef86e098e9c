// The registry of what the engine says (core/messages.h): one entry per code with a stable key,
// templates whose place holders agree, the English singular or plural by the count, arguments
// set in at once, and errors worded from code, arguments, where and context as the command line
// prints them. (tst_warnings requires a zh_CN translation of every template.)
#include "core/error.h"
#include "core/project/project.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace vs;

class TstMessages : public QObject {
    Q_OBJECT
private slots:
    void registryIsComplete();
    void pluralFollowsTheCount();
    void argumentsAreSetInAtOnce();
    void errorsAreWordedAsBefore();
    void baselineErrorsAreData();
    void tryMacros();
};

namespace {
QSet<QString> placeHolders(const char *text)
{
    static const QRegularExpression ph(QStringLiteral("%(\\d+)"));
    QSet<QString> out;
    for (auto it = ph.globalMatch(QString::fromUtf8(text)); it.hasNext();)
        out << it.next().captured();
    return out;
}
} // namespace

void TstMessages::registryIsComplete()
{
    QCOMPARE(allMessages().size(), size_t(Msg::Count));
    QSet<QString> keys, texts;
    static const QRegularExpression keyForm(QStringLiteral("^[a-z]+\\.[a-z0-9_]+$"));
    for (size_t i = 0; i < allMessages().size(); ++i) {
        const MessageInfo &m = allMessages()[i];
        QCOMPARE(m.code, Msg(i));
        QCOMPARE(&messageInfo(m.code), &m);
        const QString key = QString::fromUtf8(m.key);
        QVERIFY2(keyForm.match(key).hasMatch(), m.key);
        QVERIFY2(!keys.contains(key), m.key);
        keys << key;
        QVERIFY2(m.text && *m.text, m.key);
        QVERIFY2(!texts.contains(QString::fromUtf8(m.text)), m.text); // one translation each
        texts << QString::fromUtf8(m.text);
        // the English says what the translated template says: the same place holders
        if (m.english)
            QVERIFY2(placeHolders(m.english) == placeHolders(m.text), m.key);
        if (m.plural)
            QVERIFY2(m.english && placeHolders(m.plural) == placeHolders(m.text), m.key);
        if (m.countArg)
            QVERIFY2(m.plural && placeHolders(m.text).contains(QStringLiteral("%%1").arg(m.countArg)), m.key);
        if (m.keyFirst)
            QVERIFY2(QString::fromUtf8(m.text).startsWith(QLatin1String("'%1' ")), m.key);
    }
}

void TstMessages::pluralFollowsTheCount()
{
    QCOMPARE(englishMessage(Msg::RowsWithoutId, {"1", "4"}), std::string("1 row has no customer id (first: row 4); left out"));
    QCOMPARE(englishMessage(Msg::RowsWithoutId, {"3", "4"}), std::string("3 rows have no customer id (first: row 4); left out"));
    QCOMPARE(englishMessage(Msg::RowsWithoutId, {"0", "4"}), std::string("0 rows have no customer id (first: row 4); left out"));
    QVERIFY(englishMessage(Msg::ReturnLines, {"1"}).starts_with("1 order line is a return or cancellation ("));
    QVERIFY(englishMessage(Msg::ReturnLines, {"2"}).starts_with("2 order lines are returns or cancellations ("));
    // counted in the English itself: one form
    QCOMPARE(englishMessage(Msg::LinesAboveHeader, {"1"}), std::string("1 line(s) above the header row were skipped"));
    // the window words the RFM warning with its menu, the command line with the key
    QVERIFY(englishMessage(Msg::RfmTies, {"Recency", "33%", "9.5", "2, 5"}).find("value.rfm_scoring = \"rank\"") != std::string::npos);
    QVERIFY(std::string(messageInfo(Msg::RfmTies).text).find("RFM scores ▸ Quintiles of the ranks") != std::string::npos);
}

void TstMessages::argumentsAreSetInAtOnce()
{
    QCOMPARE(fillTemplate("'%1' names the column '%2', which the data do not have", {"a%2b", "%1"}),
             std::string("'a%2b' names the column '%1', which the data do not have"));
    QCOMPARE(fillTemplate("%2 before %1", {"one", "two"}), std::string("two before one"));
    QCOMPARE(fillTemplate("%1 and %3", {"x"}), std::string("x and %3")); // no argument: kept
    QCOMPARE(fillTemplate("100% of %1", {"all"}), std::string("100% of all"));
    std::vector<std::string> many;
    for (int i = 1; i <= 12; ++i)
        many.push_back("a" + std::to_string(i));
    QCOMPARE(fillTemplate("%1 %10 %12", many), std::string("a1 a10 a12"));
}

void TstMessages::errorsAreWordedAsBefore()
{
    Error e = makeError(ErrorKind::Value, Msg::NotANumberCount, {"abc", "2"}, "dirty.csv", 3, "revenue");
    QCOMPARE(e.describe(), std::string("dirty.csv: row 3, column 'revenue': 'abc' is not a number (2 cells in this column are not numbers)"));
    QCOMPARE(e.message(), std::string("'abc' is not a number (2 cells in this column are not numbers)"));
    QCOMPARE(makeError(ErrorKind::Format, Msg::UnclosedQuote, {}, {}, 3).describe(),
             std::string("row 3: a quoted field starts here and is never closed (a \" is missing)"));
    QCOMPARE(makeError(ErrorKind::Value, Msg::DatesNotNumbers, {}, "a.csv", -1, "day").describe(),
             std::string("a.csv: column 'day': this column holds dates, but a number is needed here"));
    QCOMPARE(makeError(ErrorKind::Model, Msg::NoRowsToAnalyse).describe(), std::string("the data have no rows to analyse"));
    // a library's reason stays an argument; the sentence it is part of is context
    const Error xml = within(makeError(ErrorKind::Format, Message{Msg::XmlMalformed, {"syntax error", "1"}}, "b.xlsx"),
                             Msg::SheetCannotBeReadBecause, {"Sheet1"});
    QCOMPARE(xml.describe(), std::string("b.xlsx: the sheet 'Sheet1' cannot be read: the XML is malformed (syntax error at line 1)"));
    const Error base = within(makeError(ErrorKind::Model, Msg::SegmentByUnknown, {"zz"}), Msg::BaselineCannotBeComputed);
    QCOMPARE(base.describe(), std::string("the baseline cannot be computed: segments are made by 'zz', which is neither 'value' nor a score's name"));
    QCOMPARE(within(makeError(ErrorKind::Project, Msg::ProjectVersion, {}, "p.json"), Msg::InSection, {"baseline"}).describe(),
             std::string("p.json: in 'baseline': 'valuescope' must be 1; this file is from another version"));
    QCOMPARE(Diagnostic().describe(), std::string()); // never given a code: nothing, and no crash
    // warnings: the sentence alone
    QCOMPARE(describeAll({Diagnostic(Msg::NegativeCost, {"2"})}),
             std::vector<std::string>{"2 customers have a negative cost; it is used as given (it raises their value)"});
}

void TstMessages::baselineErrorsAreData()
{
    auto p = parseProject(R"({"valuescope": 1, "source": {"path": "x.csv"}, "baseline": {"value": {"rate": -5}}})", "p.json");
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code, Msg::KeyAboveMinusOne);
    QCOMPARE(p.error().args, std::vector<std::string>{"baseline.value.rate"});
    QCOMPARE(p.error().describe(), std::string("p.json: 'baseline.value.rate' must be greater than -1"));
    auto q = parseProject(R"({"valuescope": 1, "source": {"path": "x.csv"}, "baseline": {"value": {"model": "magic"}}})", "p.json");
    QVERIFY(!q.ok());
    QCOMPARE(q.error().args, (std::vector<std::string>{"baseline.value.model", "magic"}));
    QCOMPARE(q.error().describe(), std::string("p.json: 'baseline.value.model' is not a known model ('magic')"));
}

namespace {
Result<int> half(int n)
{
    if (n % 2)
        return makeError(ErrorKind::Model, Msg::NotANumber, {std::to_string(n)});
    return n / 2;
}
Result<int> quarter(int n)
{
    VS_TRY_ASSIGN(const int h, half(n));
    VS_TRY_ASSIGN(int q, half(h));
    return q;
}
Status even(int n)
{
    VS_TRY(half(n));
    return Ok{};
}
} // namespace

void TstMessages::tryMacros()
{
    QCOMPARE(quarter(8).value(), 2);
    QCOMPARE(quarter(6).error().args, std::vector<std::string>{"3"});
    QVERIFY(even(4).ok());
    QCOMPARE(even(5).error().code, Msg::NotANumber);
}

QTEST_APPLESS_MAIN(TstMessages)
#include "tst_messages.moc"
