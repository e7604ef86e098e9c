// Column roles guessed from headers, in English and Chinese.
#include "core/domain/roles.h"
#include "core/io/readers.h"

#include <QTest>

using namespace vs;

class TstRoles : public QObject {
    Q_OBJECT
private slots:
    void guesses_data();
    void guesses();
    void headerlessOrderLines();
};

void TstRoles::guesses_data()
{
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QStringList>("expected"); // role=column pairs, in any order
    QTest::newRow("seed columns") << QStringList{"Customer_ID", "PV", "C"} << QStringList{"customer=Customer_ID", "revenue=PV", "cost=C"};
    QTest::newRow("sample") << QStringList{"customer_id", "region", "revenue", "cost", "orders", "average_spend", "lifetime_years"}
                            << QStringList{"customer=customer_id", "revenue=revenue", "cost=cost", "orders=orders",
                                           "average_spend=average_spend", "lifetime=lifetime_years"};
    QTest::newRow("chinese") << QStringList{QString::fromUtf8("客户编号"), QString::fromUtf8("客户名称"), QString::fromUtf8("销售额"),
                                            QString::fromUtf8("成本"), QString::fromUtf8("订单数"), QString::fromUtf8("客单价")}
                             << QStringList{QString::fromUtf8("customer=客户编号"), QString::fromUtf8("revenue=销售额"),
                                            QString::fromUtf8("cost=成本"), QString::fromUtf8("orders=订单数"),
                                            QString::fromUtf8("average_spend=客单价")};
    QTest::newRow("chinese id and income") << QStringList{QString::fromUtf8("客户ID"), QString::fromUtf8("收入"), QString::fromUtf8("总成本")}
                                           << QStringList{QString::fromUtf8("customer=客户ID"), QString::fromUtf8("revenue=收入"),
                                                          QString::fromUtf8("cost=总成本")};
    QTest::newRow("nothing known") << QStringList{"a", "b"} << QStringList{};
}

void TstRoles::guesses()
{
    QFETCH(QStringList, headers);
    QFETCH(QStringList, expected);
    std::vector<std::string> h;
    for (const QString &x : headers)
        h.push_back(x.toStdString());
    const auto guessed = guessRoles(h, Layout::Customers);
    QStringList got;
    for (const auto &[role, col] : guessed)
        got << QString::fromStdString(role + "=" + col);
    got.sort();
    expected.sort();
    QCOMPARE(got, expected);
}

// CDNOW's file has no header: an id, a date written 19970101, a quantity and an amount. Its
// data say it is order lines and which column is which; a customer table says nothing of the kind.
void TstRoles::headerlessOrderLines()
{
    auto cdnow = readTable(std::string(VS_RESOURCES) + "/sample/cdnow_sample.txt", ReadOptions{});
    QVERIFY(cdnow.ok());
    QCOMPARE(cdnow->report.headerRow, 0);
    const auto roles = guessOrderLineRoles(cdnow->table);
    QCOMPARE(roles.at("date"), std::string("column 3"));
    QCOMPARE(roles.at("amount"), std::string("column 5"));
    QCOMPARE(roles.at("customer"), std::string("column 1"));
    auto customers = readTable(std::string(VS_RESOURCES) + "/sample/customers.csv", ReadOptions{});
    QVERIFY(customers.ok());
    QVERIFY(guessOrderLineRoles(customers->table).empty());
}

QTEST_APPLESS_MAIN(TstRoles)
#include "tst_roles.moc"
