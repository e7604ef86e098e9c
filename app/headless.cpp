#include "headless.h"

#include "core/headless/run.h"
#include "core/io/inspect.h"
#ifdef VALUESCOPE_GUI
#include "ui/charts/Charts.h"
#include "ui/report/Report.h"
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>
#include <iostream>

namespace {

int fail(const std::string &message)
{
    std::cerr << "valuescope: " << message << std::endl;
    return 2;
}

// Sets up the parser of one command; parse() then says whether to go on (or the exit code).
struct Command {
    QCommandLineParser parser;
    Command(const char *description, const char *name, const char *arg, const char *argHelp)
    {
        parser.setApplicationDescription(QString::fromUtf8(description));
        parser.addHelpOption();
        parser.addPositionalArgument(QString::fromUtf8(name), QStringLiteral("the command"));
        parser.addPositionalArgument(QString::fromUtf8(arg), QString::fromUtf8(argHelp));
    }
    // -1: go on; otherwise the exit code
    int parse(const QStringList &args, const char *usage)
    {
        if (!parser.parse(args))
            return fail(parser.errorText().toStdString());
        if (parser.isSet(QStringLiteral("help"))) {
            std::cout << parser.helpText().toStdString();
            return 0;
        }
        if (parser.positionalArguments().size() != 2)
            return fail(usage);
        return -1;
    }
};

} // namespace

int runInspect(const QStringList &args)
{
    Command cmd("Describe a data file: format, encoding, delimiter, columns and rows.", "inspect", "DATAFILE",
                "a CSV, TSV or text file, or an .xlsx, .xls or .ods workbook");
    QCommandLineParser &p = cmd.parser;
    QCommandLineOption sheet(QStringLiteral("sheet"), QStringLiteral("the sheet of a workbook"), QStringLiteral("S"));
    QCommandLineOption encoding(QStringLiteral("encoding"), QStringLiteral("read the text in this encoding"), QStringLiteral("E"));
    QCommandLineOption delimiter(QStringLiteral("delimiter"), QStringLiteral("the field delimiter (, ; tab |)"), QStringLiteral("D"));
    p.addOptions({sheet, encoding, delimiter});
    if (int code = cmd.parse(args, "usage: valuescope inspect DATAFILE [--sheet S]"); code >= 0)
        return code;
    const QStringList pos = p.positionalArguments();
    vs::ReadOptions opt;
    opt.sheet = p.value(sheet).toStdString();
    if (p.isSet(encoding))
        opt.encoding.set(p.value(encoding).toStdString());
    if (p.isSet(delimiter)) {
        const QString d = p.value(delimiter);
        opt.delimiter.set(d == QLatin1String("tab") ? '\t' : (d.isEmpty() ? ',' : d.toLatin1().at(0)));
    }
    auto json = vs::inspectJson(pos[1].toStdString(), opt);
    if (!json)
        return fail(json.error().describe());
    std::cout << json.value();
    return 0;
}

int runProjectCommand(const QStringList &args)
{
    Command cmd("Run a ValueScope project without a window.", "run", "PROJECT", "a project file (.json)");
    QCommandLineParser &p = cmd.parser;
    QCommandLineOption out(QStringLiteral("out"), QStringLiteral("write one row per customer (.csv or .xlsx)"), QStringLiteral("FILE"));
    QCommandLineOption summary(QStringLiteral("summary"), QStringLiteral("write the summary (.json)"), QStringLiteral("FILE"));
    QCommandLineOption chart(QStringLiteral("chart"), QStringLiteral("write a chart: KIND=PATH"), QStringLiteral("KIND=PATH"));
    QCommandLineOption report(QStringLiteral("report"), QStringLiteral("write a PDF report"), QStringLiteral("FILE"));
    QCommandLineOption pseudonymised(QStringLiteral("out-pseudonymised"),
                                     QStringLiteral("write --out with customer ids as keyed pseudonyms (HMAC-SHA256 with the key in "
                                                    "this environment variable) and without name- or e-mail-like columns; this is "
                                                    "pseudonymisation, not anonymisation"),
                                     QStringLiteral("KEY_ENV"));
    QCommandLineOption warnings(QStringLiteral("early-warnings"),
                                QStringLiteral("write the early-warning call list of the project's snapshots (.csv or .xlsx)"),
                                QStringLiteral("FILE"));
    QCommandLineOption writeTable(QStringLiteral("write-table"),
                                  QStringLiteral("write one row per customer into this table of the project's database (replaced at once)"),
                                  QStringLiteral("NAME"));
    p.addOptions({out, summary, chart, report, pseudonymised, warnings, writeTable});
    if (int code = cmd.parse(args, "usage: valuescope run PROJECT.json [--out customers.csv|.xlsx [--out-pseudonymised KEY_ENV]] [--summary summary.json] [--chart KIND=PATH] [--report report.pdf] [--early-warnings calls.csv|.xlsx] [--write-table NAME]"); code >= 0)
        return code;
    const QStringList pos = p.positionalArguments();
    vs::RunRequest req;
    req.projectPath = pos[1].toStdString();
    req.outPath = p.value(out).toStdString();
    req.summaryPath = p.value(summary).toStdString();
    req.reportPath = p.value(report).toStdString();
    req.pseudonymKeyEnv = p.value(pseudonymised).toStdString();
    req.earlyWarningsPath = p.value(warnings).toStdString();
    if (p.isSet(pseudonymised) && req.outPath.empty())
        return fail("--out-pseudonymised needs --out FILE");
    req.writeTable = p.value(writeTable).toStdString();
    for (const QString &c : p.values(chart)) {
        const qsizetype eq = c.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail("--chart needs KIND=PATH, e.g. --chart segments=segments.png");
        req.charts.emplace_back(c.left(eq).toStdString(), c.mid(eq + 1).toStdString());
#ifdef VALUESCOPE_GUI
        if (!charts::kinds().contains(c.left(eq))) // before anything is written
            return fail(vs::englishMessage(vs::Msg::ChartNotAKind, {c.left(eq).toStdString(),
                                                                      charts::kinds().join(QStringLiteral(", ")).toStdString()}));
#endif
    }
    vs::RunHooks hooks;
#ifdef VALUESCOPE_GUI
    hooks.canChart = [](const vs::RunOutputs &outputs, const std::string &kind, const std::string &path) {
        return charts::check(outputs, kind, path);
    };
    hooks.chart = [](const vs::RunOutputs &outputs, const std::string &kind, const std::string &path) {
        return charts::write(outputs, kind, path);
    };
    hooks.report = [&req](const vs::RunOutputs &outputs, const std::string &path) {
        const charts::Input in = charts::inputOf(outputs);
        report::Options o;
        o.charts = report::availableCharts(in);
        o.dataPath = QString::fromStdString(outputs.dataPath);
        o.projectPath = QFileInfo(QString::fromStdString(req.projectPath)).absoluteFilePath();
        return report::write(in, outputs.project, o, QString::fromStdString(path));
    };
#endif
    vs::AnalysisResults results;
    if (vs::Status s = vs::runHeadless(req, hooks, &results); !s)
        return fail(s.error().describe());
    for (const vs::Diagnostic &w : results.warnings)
        std::cerr << "valuescope: warning: " << w.describe() << "\n";
    return 0;
}
