#pragma once
// The PDF report: title, date, data source, model and parameters, the segment/strategy table,
// the descriptive statistics and the charts asked for, laid out on A4 and paginated (tables
// break between rows and repeat their header; a chart never splits). Charts stay vector
// drawings, so the report's text, the charts' included, can be searched and extracted.
#include "core/error.h"
#include "ui/charts/Charts.h"

#include "core/project/project.h"

#include <QCoroTask>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace report {

struct Options {
    QString title;       // empty: defaultTitle(dataPath)
    QStringList charts;  // chart kinds, in order; kinds the results cannot feed are left out
    QString dataPath;    // the data source (the report names the file, not its folder)
    QString projectPath; // named when not empty
};

// "Customer value — online_retail": the title a report of this data file gets unless told otherwise.
QString defaultTitle(const QString &dataPath);
// The size a chart is laid out at in the report (it is drawn at that size on the page: its text
// keeps the report style's 9 points).
QSize chartLayoutSize();

// The charts a report holds unless told otherwise: every kind these results can feed.
QStringList availableCharts(const charts::Input &input);

// Written to a temporary file and renamed: a failure leaves no partial file.
vs::Status write(const charts::Input &input, const vs::Project &project, const Options &options, const QString &path);

// The same, a page at a time on the UI thread's event loop, so that the window stays responsive:
// progress(page, pages) is told before each page and at the end (page == pages); when it returns
// false the report is abandoned, nothing is written and the status is Cancelled.
QCoro::Task<vs::Status> writeInSteps(charts::Input input, vs::Project project, Options options, QString path,
                                     std::function<bool(int, int)> progress);

// The report's pages as text would read them (for tests and for the preview in the window).
int pageCount(const charts::Input &input, const vs::Project &project, const Options &options);

// Where the report's tables fall on its pages (0-based), for tests.
struct TableLayout {
    QString firstCell;          // the text of the table's first cell (its first heading)
    QString lastHeader;         // the text of the first row's last cell
    int introPage = -1;         // the page of the heading or paragraph that introduces it, if any
    int headerRows = 0;
    std::vector<int> rowPages;  // the page of each row, the header's first
    int mostLines = 0;          // the most lines any one cell takes
};
std::vector<TableLayout> tableLayout(const charts::Input &input, const vs::Project &project, const Options &options);

// Where each heading falls (0-based pages) and where the first line of what follows it falls.
struct HeadingLayout {
    QString text;
    int page = -1;
    int nextPage = -1; // the page of the first line after the heading (-1: nothing follows)
};
struct Layout {
    std::vector<TableLayout> tables;
    std::vector<HeadingLayout> headings;
};
// Both, from one layout of the report.
Layout layout(const charts::Input &input, const vs::Project &project, const Options &options);

} // namespace report
