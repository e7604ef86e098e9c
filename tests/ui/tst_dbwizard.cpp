// The import wizard's connection page against the test servers (ctest fixture dbservers): a
// user connects, tests the connection, searches the table list, picks the order lines, maps
// them on the same page as a file's, and gets the same customers as the command line. The
// password typed stays in memory: a saved project does not contain it. With VS_DB_SHOTS set, the
// connection page is saved as PNG in English and Chinese (the README's screenshots).
#include "ui/AnalysisSession.h"
#include "testutil.h"
#include "ui/import/ImportWizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QScopeGuard>

#include <fstream>
#include <map>

namespace {
std::map<std::string, std::string> readState() { return testutil::readKeyValues(VS_DB_STATE); }
} // namespace

class TstDbWizard : public QObject {
    Q_OBJECT
    std::map<std::string, std::string> m_state;

    QWizardPage *connect(ImportWizard &w, const QString &engine, const QString &port)
    {
        w.show();
        w.currentPage()->findChild<QCheckBox *>(QStringLiteral("fromDatabase"))->setChecked(true);
        w.next();
        QWizardPage *page = w.currentPage();
        auto *e = page->findChild<QComboBox *>(QStringLiteral("engine"));
        e->setCurrentIndex(e->findData(engine));
        page->findChild<QLineEdit *>(QStringLiteral("host"))->setText(QStringLiteral("127.0.0.1"));
        page->findChild<QSpinBox *>(QStringLiteral("port"))->setValue(port.toInt());
        page->findChild<QLineEdit *>(QStringLiteral("database"))->setText(QStringLiteral("shop"));
        page->findChild<QLineEdit *>(QStringLiteral("user"))->setText(QStringLiteral("vs"));
        page->findChild<QLineEdit *>(QStringLiteral("password"))->setText(QString::fromStdString(m_state["VS_TEST_PASSWORD"]));
        return page;
    }

private slots:
    void initTestCase()
    {
        m_state = readState();
        QVERIFY2(!m_state["VS_PG_PORT"].empty(), "the servers are not running (ctest fixture dbservers)");
    }

    void connectMapAndAnalyse_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("port");
        QTest::newRow("postgresql") << "postgresql" << QString::fromStdString(readState()["VS_PG_PORT"]);
        QTest::newRow("clickhouse") << "clickhouse" << QString::fromStdString(readState()["VS_CH_HTTP1"]);
    }
    void connectMapAndAnalyse()
    {
        QFETCH(QString, engine);
        QFETCH(QString, port);
        AnalysisSession session;
        ImportWizard w(&session, QString());
        QWizardPage *page = connect(w, engine, port);
        QCOMPARE(w.currentId(), int(ImportWizard::DatabasePage));
        QVERIFY(!page->isComplete()); // no table yet

        // a wrong password: the engine's reason, and no table list
        auto *password = page->findChild<QLineEdit *>(QStringLiteral("password"));
        password->setText(QStringLiteral("wrong"));
        page->findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
        auto *status = page->findChild<QLabel *>(QStringLiteral("connectionStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("✗")), 20000);
        QVERIFY2(status->text().contains(QStringLiteral("password"), Qt::CaseInsensitive), qPrintable(status->text()));
        password->setText(QString::fromStdString(m_state["VS_TEST_PASSWORD"]));

        page->findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
        auto *tables = page->findChild<QListWidget *>(QStringLiteral("tables"));
        QTRY_VERIFY_WITH_TIMEOUT(tables->count() >= 3, 20000);
        QVERIFY(status->text().contains(QStringLiteral("✓")));
        page->findChild<QLineEdit *>(QStringLiteral("tableSearch"))->setText(QStringLiteral("CDNOW"));
        int visible = 0, row = -1;
        for (int i = 0; i < tables->count(); ++i)
            if (!tables->item(i)->isHidden()) {
                ++visible;
                if (tables->item(i)->text() == QLatin1String("cdnow_lines"))
                    row = i;
            }
        QVERIFY(row >= 0);
        QVERIFY(visible < tables->count()); // the search hides the others
        tables->setCurrentRow(row);
        QVERIFY(page->isComplete());
        if (qEnvironmentVariableIsSet("VS_DB_SHOTS"))
            w.grab().save(qEnvironmentVariable("VS_DB_SHOTS") + QStringLiteral("/connection_%1_en.png")
                                                                   .arg(engine));

        w.next(); // reads the first rows, then moves on by itself
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(ImportWizard::LayoutPage), 20000);
        QTRY_VERIFY(w.currentPage()->findChild<QWidget *>(QStringLiteral("transactions"))->property("checked").toBool());
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::MappingPage));
        QWizardPage *mapping = w.currentPage();
        QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_customer"))->currentData().toString(), QStringLiteral("customer"));
        QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_date"))->currentData().toString(), QStringLiteral("order_date"));
        QCOMPARE(mapping->findChild<QComboBox *>(QStringLiteral("role_amount"))->currentData().toString(), QStringLiteral("amount"));
        QTRY_VERIFY(mapping->isComplete());
        w.next();
        QWizardPage *validation = w.currentPage();
        QTRY_VERIFY_WITH_TIMEOUT(validation->isComplete(), 30000);
        const QString report = validation->findChild<QPlainTextEdit *>(QStringLiteral("report"))->toPlainText();
        QVERIFY2(report.contains(QStringLiteral("2,357")) || report.contains(QStringLiteral("2357")), qPrintable(report));
        // the engine summed per customer (with predictive CLV also the tracking chart's weeks): no customer-days came
        QVERIFY2(report.contains(QStringLiteral("one per customer")) && !report.contains(QStringLiteral("purchase day")),
                 qPrintable(report));
        w.accept();
        QTRY_VERIFY_WITH_TIMEOUT(session.results() != nullptr, 30000);
        QCOMPARE(session.results()->rowCount(), size_t(2357));
        QVERIFY(session.project().source.database);
        QCOMPARE(session.project().source.database->table, std::string("cdnow_lines"));

        // saved: the connection, the variable's name, never the password typed
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("db.valuescope.json"));
        QString error;
        QVERIFY2(session.saveProject(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray saved = f.readAll();
        QVERIFY(!saved.contains(QByteArray::fromStdString(m_state["VS_TEST_PASSWORD"])));
        QVERIFY(saved.contains("\"password_env\""));
        QVERIFY(saved.contains("\"cdnow_lines\""));
        QVERIFY(!saved.contains("\"path\""));
    }

    // Predictive CLV chosen on the mapping page: the validation page says that the engine sent
    // one row per customer and one per week of the tracking chart (and how many); RFM chosen
    // instead, one row per customer and no weeks. In English and in Chinese.
    void predictiveClvSentence_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("port");
        QTest::addColumn<bool>("chinese");
        QTest::newRow("postgresql") << "postgresql" << QString::fromStdString(readState()["VS_PG_PORT"]) << false;
        QTest::newRow("clickhouse") << "clickhouse" << QString::fromStdString(readState()["VS_CH_HTTP1"]) << false;
        QTest::newRow("clickhouse zh_CN") << "clickhouse" << QString::fromStdString(readState()["VS_CH_HTTP1"]) << true;
    }
    void predictiveClvSentence()
    {
        QFETCH(QString, engine);
        QFETCH(QString, port);
        QFETCH(bool, chinese);
        QTranslator tr;
        if (chinese) {
            QVERIFY(tr.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")));
            QCoreApplication::installTranslator(&tr);
        }
        const auto untranslate = qScopeGuard([&] { QCoreApplication::removeTranslator(&tr); });
        AnalysisSession session;
        ImportWizard w(&session, QString());
        QWizardPage *page = connect(w, engine, port);
        page->findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
        auto *tables = page->findChild<QListWidget *>(QStringLiteral("tables"));
        QTRY_VERIFY_WITH_TIMEOUT(tables->count() >= 3, 20000);
        tables->setCurrentItem(tables->findItems(QStringLiteral("cdnow_lines"), Qt::MatchExactly).value(0));
        QVERIFY(page->isComplete());
        w.next();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(ImportWizard::LayoutPage), 20000);
        QTRY_VERIFY(w.currentPage()->findChild<QWidget *>(QStringLiteral("transactions"))->property("checked").toBool());
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::MappingPage));
        // the choice: order lines start as RFM; predictive CLV is the other entry of the registry
        auto *model = w.currentPage()->findChild<QComboBox *>(QStringLiteral("valueModel"));
        QVERIFY(model && model->isVisible());
        QCOMPARE(model->currentData().toString(), QStringLiteral("rfm"));
        model->setCurrentIndex(model->findData(QStringLiteral("predictive_clv")));
        QVERIFY(model->currentText().contains(chinese ? QStringLiteral("预测") : QStringLiteral("Predictive CLV")));
        QTRY_VERIFY(w.currentPage()->isComplete());
        if (qEnvironmentVariableIsSet("VS_DB_SHOTS"))
            w.grab().save(qEnvironmentVariable("VS_DB_SHOTS") + QStringLiteral("/mapping_predictive_%1.png").arg(QTest::currentDataTag()).replace(' ', '_'));
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::ValidationPage));
        auto *report = w.currentPage()->findChild<QPlainTextEdit *>(QStringLiteral("report"));
        QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 60000);
        // CDNOW: 6,919 lines of 2,357 customers, 1997-01-01 to 1998-06-30; the engine sends the
        // tracking chart's weeks that have repeat purchase days: 77 of the 78 (none in the first
        // week; pandas: the customers' purchase days after their first, by (day - 1997-01-01) // 7)
        const QString predictive = report->toPlainText();
        const QString expected = chinese ? QStringLiteral("数据库读取了 6,919 条订单明细，返回 2,434 行（每位客户一行，另有追踪图每周一行）")
                                         : QStringLiteral("The database read 6,919 order lines and sent 2,434 rows, one per customer "
                                                          "and one per week of the tracking chart, in ");
        QVERIFY2(predictive.contains(expected), qPrintable(predictive));
        if (qEnvironmentVariableIsSet("VS_DB_SHOTS"))
            w.grab().save(qEnvironmentVariable("VS_DB_SHOTS") + QStringLiteral("/validation_predictive_%1.png").arg(QTest::currentDataTag()).replace(' ', '_'));
        // RFM instead: the same engine sends one row per customer, no weeks
        w.back();
        QCOMPARE(w.currentId(), int(ImportWizard::MappingPage));
        model = w.currentPage()->findChild<QComboBox *>(QStringLiteral("valueModel"));
        QCOMPARE(model->currentData().toString(), QStringLiteral("predictive_clv")); // the choice is kept
        model->setCurrentIndex(model->findData(QStringLiteral("rfm")));
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 60000);
        const QString rfm = report->toPlainText();
        const QString expectedRfm = chinese ? QStringLiteral("数据库读取了 6,919 条订单明细，返回 2,357 行")
                                            : QStringLiteral("The database read 6,919 order lines and sent 2,357 rows, one per customer, in ");
        QVERIFY2(rfm.contains(expectedRfm), qPrintable(rfm));
        QVERIFY2(!rfm.contains(chinese ? QStringLiteral("每周") : QStringLiteral("week")), qPrintable(rfm));
        // Finish: the analysis is the one chosen last
        w.accept();
        QTRY_VERIFY_WITH_TIMEOUT(session.results() != nullptr, 30000);
        QCOMPARE(session.project().value.model, std::string("rfm"));
        QCOMPARE(session.results()->rowCount(), size_t(2357));
    }

    // a query instead of a table, and the Chinese page for the screenshots
    void queryInChinese()
    {
        QTranslator tr;
        QVERIFY(tr.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")));
        QCoreApplication::installTranslator(&tr);
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        AnalysisSession session;
        ImportWizard w(&session, QString());
        QWizardPage *page = connect(w, QStringLiteral("postgresql"), QString::fromStdString(m_state["VS_PG_PORT"]));
        page->findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(page->findChild<QListWidget *>(QStringLiteral("tables"))->count() >= 3, 20000);
        page->findChild<QPlainTextEdit *>(QStringLiteral("query"))
            ->setPlainText(QStringLiteral("SELECT customer, order_date, amount\nFROM cdnow_lines\nWHERE amount >= 0"));
        QVERIFY(page->findChild<QRadioButton *>(QStringLiteral("useQuery"))->isChecked());
        QVERIFY(page->isComplete());
        QVERIFY(page->findChild<QPushButton *>(QStringLiteral("testConnection"))->text().contains(QStringLiteral("测试")));
        if (qEnvironmentVariableIsSet("VS_DB_SHOTS"))
            w.grab().save(qEnvironmentVariable("VS_DB_SHOTS") + QStringLiteral("/connection_query_zh_CN.png"));
        w.next();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(ImportWizard::LayoutPage), 20000);
        w.next();
        QTRY_VERIFY(w.currentPage()->isComplete());
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 30000);
        w.accept();
        QTRY_VERIFY_WITH_TIMEOUT(session.results() != nullptr, 30000);
        QCOMPARE(session.results()->rowCount(), size_t(2357));
        QCoreApplication::removeTranslator(&tr);
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_MAIN(TstDbWizard)
#include "tst_dbwizard.moc"
