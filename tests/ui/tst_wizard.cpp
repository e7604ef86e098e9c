// The import wizard driven as a user would, offscreen: detections shown, an override applied to
// the preview, roles guessed from Chinese headers with their type checks, the whole file checked,
// and Finish starting the analysis. Also a workbook with a notes sheet and a hidden sheet.
#include "ui/AnalysisSession.h"
#include "ui/import/ImportWizard.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QFile>
#include <QCheckBox>
#include <QTest>

class TstWizard : public QObject {
    Q_OBJECT
private slots:
    void chineseCsvEndToEnd();
    void workbookSheets();
    void campaignsLayout();
    void orderLinesInChinese();
    void headerlessOrderLines();
    void unreadableCellsCanBeMissing();
    void indicatorsIntoAScore();
};

namespace {
void choose(QComboBox *combo, int index)
{
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}
QString labelTexts(QWidget *page)
{
    QStringList texts;
    for (QLabel *l : page->findChildren<QLabel *>())
        texts << l->text();
    return texts.join(QLatin1Char('\n'));
}
} // namespace

void TstWizard::chineseCsvEndToEnd()
{
    AnalysisSession session;
    ImportWizard w(&session, QStringLiteral(VS_TEST_DATA "/csv/gbk.csv"));
    w.show();
    QCOMPARE(w.currentId(), int(ImportWizard::FormatPage));
    QWizardPage *format = w.currentPage();
    QTRY_VERIFY_WITH_TIMEOUT(format->isComplete(), 10000);
    auto *preview = format->findChild<QTableView *>(QStringLiteral("preview"));
    QCOMPARE(preview->model()->columnCount(), 5);
    QCOMPARE(preview->model()->rowCount(), 8);
    QCOMPARE(preview->model()->index(0, 1).data().toString(), QString::fromUtf8("张三"));
    const QString shown = labelTexts(format);
    QVERIFY2(shown.contains(QLatin1String("GB18030")), qPrintable(shown)); // the detected encoding is shown
    QVERIFY2(shown.contains(QLatin1String("row 1")), qPrintable(shown));   // and the header row

    // override: a semicolon delimiter makes one column; back to "Detect" makes five again
    auto *delimiter = format->findChild<QComboBox *>(QStringLiteral("delimiter"));
    choose(delimiter, delimiter->findData(int(';')));
    QTRY_COMPARE_WITH_TIMEOUT(preview->model()->columnCount(), 1, 10000);
    choose(delimiter, 0);
    QTRY_COMPARE_WITH_TIMEOUT(preview->model()->columnCount(), 5, 10000);
    QTRY_VERIFY(format->isComplete());

    w.next(); // layout
    QCOMPARE(w.currentId(), int(ImportWizard::LayoutPage));
    w.next(); // mapping
    QWizardPage *mapping = w.currentPage();
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_customer"))->currentData().toString(), QString::fromUtf8("客户编号"));
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_revenue"))->currentData().toString(), QString::fromUtf8("收入"));
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_cost"))->currentData().toString(), QString::fromUtf8("成本"));
    QVERIFY(mapping->findChild<QLabel *>(QStringLiteral("check_revenue"))->text().contains(QStringLiteral("✓")));
    QVERIFY(mapping->isComplete());
    // mapping a text column to a number role is flagged with its row and column
    auto *lifetime = mapping->findChild<QComboBox *>(QStringLiteral("role_lifetime"));
    lifetime->setCurrentIndex(lifetime->findData(QString::fromUtf8("满意度")));
    const QString check = mapping->findChild<QLabel *>(QStringLiteral("check_lifetime"))->text();
    QVERIFY2(check.contains(QStringLiteral("✗")) && check.contains(QLatin1String("row 2")), qPrintable(check));
    lifetime->setCurrentIndex(0);

    w.next(); // validation: the whole file
    QWizardPage *validation = w.currentPage();
    QTRY_VERIFY_WITH_TIMEOUT(validation->isComplete(), 10000);
    const QString report = validation->findChild<QPlainTextEdit *>(QStringLiteral("report"))->toPlainText();
    QVERIFY2(report.contains(QLatin1String("8 data row")), qPrintable(report));

    w.accept();
    QTRY_VERIFY_WITH_TIMEOUT(session.results() != nullptr, 10000);
    QCOMPARE(session.results()->rowCount(), size_t(8));
    QCOMPARE(session.project().value.model, std::string("profit"));
    size_t segmented = 0;
    for (const auto &s : session.results()->segments)
        segmented += s.count;
    QCOMPARE(segmented, size_t(8));
    QVERIFY(session.isModified()); // a new analysis is not saved yet
}

void TstWizard::workbookSheets()
{
    AnalysisSession session;
    ImportWizard w(&session, QStringLiteral(VS_TEST_DATA "/workbooks/openpyxl.xlsx"));
    w.show();
    QWizardPage *format = w.currentPage();
    auto *sheet = format->findChild<QComboBox *>(QStringLiteral("sheet"));
    QTRY_COMPARE_WITH_TIMEOUT(sheet->count(), 3, 10000);
    QVERIFY(sheet->itemText(1).contains(QLatin1String("Calc")));
    QVERIFY(sheet->itemText(1).contains(QLatin1String("hidden")) || sheet->itemText(1).contains(QStringLiteral("隐藏")));
    QCOMPARE(sheet->currentData().toString(), QStringLiteral("Notes")); // the first visible sheet
    choose(sheet, 2);
    auto *preview = format->findChild<QTableView *>(QStringLiteral("preview"));
    QTRY_COMPARE_WITH_TIMEOUT(preview->model()->rowCount(), 5, 10000);
    QCOMPARE(preview->model()->index(0, 0).data().toString(), QStringLiteral("C001"));
    QCOMPARE(w.options().sheet, QString::fromUtf8("客户").toStdString());
}

void TstWizard::campaignsLayout()
{
    AnalysisSession session;
    ImportWizard w(&session, QStringLiteral(VS_TEST_DATA "/reference/campaigns.csv"));
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 10000);
    w.next();
    QCOMPARE(w.currentId(), int(ImportWizard::LayoutPage));
    QTRY_VERIFY(w.currentPage()->findChild<QWidget *>(QStringLiteral("campaigns"))->property("checked").toBool());
    w.next();
    QWizardPage *mapping = w.currentPage();
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_campaign"))->currentData().toString(), QStringLiteral("campaign"));
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_sales"))->currentData().toString(), QStringLiteral("sales"));
    QVERIFY(mapping->isComplete());
    w.next();
    QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 10000);
    w.accept();
    QTRY_VERIFY_WITH_TIMEOUT(session.results() != nullptr, 10000);
    QVERIFY(session.results()->campaigns.has_value());
    QCOMPARE(session.results()->rowCount(), size_t(25));
}

void TstWizard::orderLinesInChinese()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("订单.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("订单号,客户ID,订单日期,数量,单价\n"
            "A1,张三,2024-01-02,2,10\n"
            "A2,张三,2024-02-10,1,30\n"
            "C3,张三,2024-02-11,-1,30\n"
            "A4,李四,2024-01-20,5,4\n"
            "A5,王五,2024-03-01,1,99\n"
            "A6,王五,2024-03-05,1,1\n");
    f.close();
    AnalysisSession session;
    ImportWizard w(&session, path);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 10000);
    w.next();
    QCOMPARE(w.currentId(), int(ImportWizard::LayoutPage));
    // a date per row and quantity x price: order lines
    QTRY_VERIFY(w.currentPage()->findChild<QWidget *>(QStringLiteral("transactions"))->property("checked").toBool());
    w.next();
    QWizardPage *mapping = w.currentPage();
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_customer"))->currentData().toString(), QStringLiteral("客户ID"));
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_date"))->currentData().toString(), QStringLiteral("订单日期"));
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_quantity"))->currentData().toString(), QStringLiteral("数量"));
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_unit_price"))->currentData().toString(), QStringLiteral("单价"));
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_invoice"))->currentData().toString(), QStringLiteral("订单号"));
    QVERIFY(mapping->findChild<QLabel *>(QStringLiteral("check_date"))->text().contains(QStringLiteral("✓ ")));
    QVERIFY(mapping->isComplete());
    // without a date it is not complete
    choose(mapping->findChild<QComboBox *>(QStringLiteral("role_date")), 0);
    QVERIFY(!mapping->isComplete());
    choose(mapping->findChild<QComboBox *>(QStringLiteral("role_date")),
           mapping->findChild<QComboBox *>(QStringLiteral("role_date"))->findData(QStringLiteral("订单日期")));
    w.next();
    QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 10000);
    w.accept();
    QTRY_VERIFY_WITH_TIMEOUT(session.results() != nullptr, 10000);
    const auto r = session.results();
    QCOMPARE(session.project().source.layout, vs::Layout::Transactions);
    QCOMPARE(r->model, std::string("rfm"));
    QCOMPARE(r->rowCount(), size_t(3));
    // 张三: 20 + 30 - 30 (the cancellation) = 20
    QCOMPARE(r->value[0], 20.0);
    QCOMPARE(r->segmentBy, std::string("rfm"));
    QCOMPARE(r->segments.back().label, std::string("Others"));
}

// CDNOW as it comes: no header. The wizard takes it for order lines and maps the customer, the
// date and the amount from what the columns hold, so the user need not remember "column 1…5".
void TstWizard::headerlessOrderLines()
{
    AnalysisSession session;
    ImportWizard w(&session, QStringLiteral(VS_RESOURCES "/sample/cdnow_sample.txt"));
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 10000);
    w.next();
    QCOMPARE(w.currentId(), int(ImportWizard::LayoutPage));
    QTRY_VERIFY(w.currentPage()->findChild<QWidget *>(QStringLiteral("transactions"))->property("checked").toBool());
    w.next();
    QWizardPage *mapping = w.currentPage();
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_date"))->currentData().toString(), QStringLiteral("column 3"));
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_amount"))->currentData().toString(), QStringLiteral("column 5"));
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_customer"))->currentData().toString(), QStringLiteral("column 1"));
    QVERIFY(mapping->isComplete());
    // the data are on the page, each mapped column marked with its role; an unmapped one is not
    auto *preview = mapping->findChild<QTableView *>(QStringLiteral("mappingPreview"));
    QVERIFY(preview && preview->model()->rowCount() > 0);
    const auto header = [&](int column) { return preview->model()->headerData(column, Qt::Horizontal).toString(); };
    QVERIFY2(header(0).contains(QStringLiteral("▸ Customer")), qPrintable(header(0)));
    QVERIFY2(header(2).contains(QStringLiteral("▸ Date")), qPrintable(header(2)));
    QVERIFY2(!header(1).contains(QStringLiteral("▸")), qPrintable(header(1)));
    // choosing another column moves the mark
    auto *customer = mapping->findChild<QComboBox *>(QStringLiteral("role_customer"));
    customer->setCurrentIndex(customer->findData(QStringLiteral("column 2")));
    QVERIFY(!header(0).contains(QStringLiteral("▸")));
    QVERIFY2(header(1).contains(QStringLiteral("▸ Customer")), qPrintable(header(1)));
}

// Two cells that are not numbers stop the import, naming the first; the page offers to read them
// as missing, and then says how many and where, and the analysis starts.
void TstWizard::unreadableCellsCanBeMissing()
{
    AnalysisSession session;
    ImportWizard w(&session, QStringLiteral(VS_TEST_DATA "/csv/text_in_numbers.csv"));
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 10000);
    w.next(); // layout
    w.next(); // mapping
    QWizardPage *mapping = w.currentPage();
    QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_revenue"))->currentData().toString(), QStringLiteral("revenue"));
    QVERIFY(mapping->isComplete());
    w.next(); // validation
    QWizardPage *check = w.currentPage();
    auto *lenient = check->findChild<QCheckBox *>(QStringLiteral("unreadableAsMissing"));
    QVERIFY(lenient);
    QTRY_VERIFY_WITH_TIMEOUT(lenient->isVisible(), 10000);
    QVERIFY(!check->isComplete());
    QVERIFY(check->findChild<QPlainTextEdit *>(QStringLiteral("report"))->toPlainText().contains(QLatin1String("'abc'")));
    lenient->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(check->isComplete(), 10000);
    const QString report = check->findChild<QPlainTextEdit *>(QStringLiteral("report"))->toPlainText();
    QVERIFY2(report.contains(QLatin1String("2 cells of the column 'revenue' are not numbers (first: row 3, 'abc')")), qPrintable(report));
    w.accept();
    QTRY_VERIFY_WITH_TIMEOUT(session.results() != nullptr, 10000);
    QVERIFY(session.project().source.unreadableAsMissing);
    QCOMPARE(session.results()->valuedCount, size_t(2));
}

QTEST_MAIN(TstWizard)
#include "tst_wizard.moc"

// The customers layout: survey columns are offered for a score, the q_… ones come ticked; the
// user unticks one and renames the score, and the analysis has that score with equal weights.
void TstWizard::indicatorsIntoAScore()
{
    AnalysisSession session;
    ImportWizard w(&session, QStringLiteral(VS_RESOURCES "/sample/customers.csv"));
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 10000);
    w.next(); // layout: customers
    QCOMPARE(w.layout(), vs::Layout::Customers);
    w.next(); // mapping
    QWizardPage *mapping = w.currentPage();
    auto *indicators = mapping->findChild<QListWidget *>(QStringLiteral("scoreIndicators"));
    QVERIFY(indicators && indicators->isVisibleTo(mapping));
    QStringList ticked;
    for (int i = 0; i < indicators->count(); ++i)
        if (indicators->item(i)->checkState() == Qt::Checked)
            ticked << indicators->item(i)->text();
    QCOMPARE(ticked, (QStringList{QStringLiteral("q_product"), QStringLiteral("q_service"), QStringLiteral("q_delivery")}));
    indicators->findItems(QStringLiteral("q_delivery"), Qt::MatchExactly).front()->setCheckState(Qt::Unchecked);
    mapping->findChild<QLineEdit *>(QStringLiteral("scoreName"))->setText(QStringLiteral("service"));
    // the preview marks the score's columns, and no longer the unticked one
    QAbstractItemModel *preview = mapping->findChild<QTableView *>(QStringLiteral("mappingPreview"))->model();
    auto header = [&](const QString &column) {
        for (int c = 0; c < preview->columnCount(); ++c)
            if (preview->headerData(c, Qt::Horizontal).toString().startsWith(column + QLatin1Char('\n')))
                return preview->headerData(c, Qt::Horizontal).toString();
        return QString();
    };
    QVERIFY2(header(QStringLiteral("q_service")).contains(QLatin1String("Score: service")), qPrintable(header(QStringLiteral("q_service"))));
    QVERIFY(!header(QStringLiteral("q_delivery")).contains(QLatin1String("Score")));
    w.next(); // validation
    QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 20000);
    w.accept();
    QTRY_VERIFY_WITH_TIMEOUT(session.results() != nullptr, 20000);
    QCOMPARE(session.project().scores.size(), size_t(1));
    const vs::ScoreSpec &score = session.project().scores.front();
    QCOMPARE(score.name, std::string("service"));
    QCOMPARE(score.items.size(), size_t(2));
    QCOMPARE(score.items[0].column, std::string("q_product"));
    QCOMPARE(score.items[1].column, std::string("q_service"));
    QCOMPARE(score.items[1].weight, 1.0);
    // the score column is the mean of the two indicators (seed formula, equal weights)
    const std::vector<double> *values = session.results()->column("service");
    QVERIFY(values);
    const vs::PreparedData &data = *session.results()->data;
    const auto *product = data.table->find("q_product");
    const auto *service = data.table->find("q_service");
    QVERIFY(product && service);
    for (size_t r = 0; r < 5; ++r) {
        const size_t row = data.rows.empty() ? r : data.rows[r];
        QCOMPARE((*values)[r], (product->numbers()[row] + service->numbers()[row]) / 2);
    }
}
