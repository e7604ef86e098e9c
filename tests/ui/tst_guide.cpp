// The user guide inside the program: both languages load, every screenshot they show is there,
// every link between sections lands on its heading, and Help ▸ User Guide opens it.
#include "ui/AnalysisSession.h"
#include "ui/MainWindow.h"
#include "ui/UserGuide.h"

#include <QAction>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>

class TstGuide : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pagesShowTheirScreenshotsAndLinks_data();
    void pagesShowTheirScreenshotsAndLinks();
    void helpMenuOpensTheGuideInTheInterfaceLanguage();
};

void TstGuide::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ValueScopeTests"));
}

void TstGuide::pagesShowTheirScreenshotsAndLinks_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("mustSay"); // the topics, in the page's language
    QTest::newRow("en") << "en_GB" << "Import a spreadsheet|Map the columns|Choose a value model|Edit weights|set a baseline|migration matrix|Export Chart|Export Report|valuescope run";
    QTest::newRow("zh_CN") << "zh_CN" << "导入表格|映射列|选择价值模型|编辑权重|设为基准|迁移矩阵|导出图表|导出报告|valuescope run";
}

void TstGuide::pagesShowTheirScreenshotsAndLinks()
{
    QFETCH(QString, locale);
    QFETCH(QString, mustSay);
    QLocale::setDefault(QLocale(locale));
    UserGuide guide;
    GuideBrowser *b = guide.browser();
    QCOMPARE(b->source(), UserGuide::home(QLocale(locale)));
    const QString text = b->document()->toPlainText();
    for (const QString &topic : mustSay.split(QLatin1Char('|')))
        QVERIFY2(text.contains(topic, Qt::CaseInsensitive), qPrintable(topic));
    // every screenshot resolves to a real picture
    int images = 0;
    QStringList links;
    for (QTextBlock block = b->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isImageFormat()) {
                const QUrl url = b->source().resolved(QUrl(f.toImageFormat().name()));
                const QImage image = b->loadResource(QTextDocument::ImageResource, url).value<QImage>();
                QVERIFY2(!image.isNull(), qPrintable(url.toString()));
                QVERIFY(image.width() <= 860); // fitted to the page
                ++images;
            }
            if (f.isAnchor())
                links << f.anchorHref();
        }
    }
    QVERIFY2(images >= 12, qPrintable(QString::number(images)));
    // the contents: each entry lands on its section
    int sections = 0;
    for (const QString &href : links) {
        if (!href.startsWith(QLatin1Char('#')))
            continue;
        QVERIFY2(b->scrollToHeading(href.mid(1)), qPrintable(href));
        ++sections;
    }
    QVERIFY(sections >= 10);
    // and the other language is one link away
    const QString other = locale.startsWith(QLatin1String("zh")) ? QStringLiteral("../en/guide.md") : QStringLiteral("../zh_CN/guide.md");
    QVERIFY(links.contains(other));
    guide.follow(QUrl(other));
    QVERIFY(b->source().toString().endsWith(other.mid(2)));
    QVERIFY(b->document()->toPlainText() != text);
    guide.browser()->backward();
    QCOMPARE(b->source(), UserGuide::home(QLocale(locale)));
}

void TstGuide::helpMenuOpensTheGuideInTheInterfaceLanguage()
{
    QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
    AnalysisSession session;
    MainWindow window(&session);
    QAction *open = nullptr;
    for (QAction *a : window.findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(QKeySequence::HelpContents))
            open = a;
    QVERIFY(open);
    open->trigger();
    QVERIFY(window.userGuide());
    QVERIFY(window.userGuide()->isVisible());
    QVERIFY(window.userGuide()->browser()->source().toString().contains(QLatin1String("/zh_CN/")));
    open->trigger(); // again: the same window
    QCOMPARE(window.findChildren<UserGuide *>().size(), 1);
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(TstGuide)
#include "tst_guide.moc"
