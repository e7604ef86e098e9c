// The keyboard and assistive technology: no shortcut is given twice (Qt ignores an ambiguous
// one), Redo answers Ctrl+Shift+Z and Ctrl+Y, Tab walks the window's and the wizard's controls
// without being trapped in a table, and every control it reaches has a name a screen reader
// can say, in English and in Chinese.
#include "ui/AnalysisSession.h"
#include "ui/MainWindow.h"
#include "ui/ParametersPanel.h"
#include "ui/commands/ProjectCommands.h"
#include "ui/import/ImportWizard.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCoroTask>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QUndoStack>

class TstKeyboard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void noShortcutIsAmbiguous();
    void redoFromTheKeyboard();
    void tabWalksTheWindow_data();
    void tabWalksTheWindow();
    void tabWalksTheWizard();

private:
    // the widgets Tab reaches from `start`, in order, until it comes back (or a limit)
    static QList<QWidget *> focusWalk(QWidget *window, int limit = 400);
    static QString nameOf(QWidget *w);
};

void TstKeyboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ValueScopeTests"));
}

void TstKeyboard::noShortcutIsAmbiguous()
{
    AnalysisSession session;
    MainWindow w(&session);
    QHash<QKeySequence, QString> seen;
    QStringList clashes;
    for (QAction *a : w.findChildren<QAction *>())
        for (const QKeySequence &k : a->shortcuts()) {
            const QString name = a->text().remove(QLatin1Char('&'));
            if (seen.contains(k) && seen[k] != name)
                clashes << QStringLiteral("%1: %2 and %3").arg(k.toString(), seen[k], name);
            else if (seen.contains(k))
                clashes << QStringLiteral("%1 twice on %2").arg(k.toString(), name);
            seen.insert(k, name);
        }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void TstKeyboard::redoFromTheKeyboard()
{
    AnalysisSession session;
    MainWindow w(&session);
    QVERIFY(QCoro::waitFor(session.openProject(QStringLiteral(VS_RESOURCES "/sample/sample.valuescope.json"))));
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    const double before = session.project().scores[0].items[0].weight;
    for (const QKeySequence &redo : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        session.undoStack()->push(new SetWeightCommand(&session, 0, 0, before + 0.25));
        QVERIFY(QCoro::waitFor(session.waitForResults()));
        QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::Key_Z));
        QCOMPARE(session.project().scores[0].items[0].weight, before);
        QTest::keySequence(&w, redo);
        QCOMPARE(session.project().scores[0].items[0].weight, before + 0.25);
        session.undoStack()->undo();
        session.undoStack()->clear();
    }
}

QList<QWidget *> TstKeyboard::focusWalk(QWidget *window, int limit)
{
    // Tab from the focused control until a control comes round again; a control that keeps the
    // focus after Tab (a table walking its own cells) ends the walk early and is reported
    QList<QWidget *> seen;
    for (int i = 0; i < limit; ++i) {
        QWidget *now = QApplication::focusWidget();
        if (!now || seen.contains(now))
            break;
        seen << now;
        QTest::keyClick(now, Qt::Key_Tab);
        if (QApplication::focusWidget() == now) {
            qWarning() << "Tab stays in" << now->metaObject()->className() << now->objectName();
            return {};
        }
    }
    Q_UNUSED(window);
    return seen;
}

QString TstKeyboard::nameOf(QWidget *w)
{
    QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
    return a ? a->text(QAccessible::Name).trimmed() : QString();
}

void TstKeyboard::tabWalksTheWindow_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QString();
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
}

void TstKeyboard::tabWalksTheWindow()
{
    QFETCH(QString, language);
    QTranslator zh;
    if (!language.isEmpty()) {
        QVERIFY(zh.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")));
        QCoreApplication::installTranslator(&zh);
    }
    {
        AnalysisSession session;
        MainWindow w(&session);
        QVERIFY(QCoro::waitFor(session.openProject(QStringLiteral(VS_RESOURCES "/sample/cdnow.valuescope.json"))));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.parametersPanel()->setFocus();
        QWidget *start = w.parametersPanel()->nextInFocusChain();
        while (start && !(start->focusPolicy() & Qt::TabFocus && start->isVisible() && start->isEnabled()))
            start = start->nextInFocusChain();
        QVERIFY(start);
        start->setFocus(Qt::TabFocusReason);
        const QList<QWidget *> walk = focusWalk(&w);
        QVERIFY2(walk.size() > 10, "Tab is trapped (see the warning above)");
        QStringList nameless;
        bool reachedTabs = false, reachedTable = false;
        for (QWidget *x : walk) {
            reachedTabs |= x->inherits("QTabBar");
            reachedTable |= x->inherits("QTableView");
            if (nameOf(x).isEmpty())
                nameless << QStringLiteral("%1 (%2)").arg(QString::fromLatin1(x->metaObject()->className()), x->objectName());
        }
        QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QLatin1Char('\n'))));
        QVERIFY(reachedTabs);  // the chart tabs can be reached
        QVERIFY(reachedTable); // and the tables, which Tab leaves again
        for (QWidget *x : walk)
            if (auto *view = qobject_cast<QAbstractItemView *>(x))
                QVERIFY2(!view->tabKeyNavigation(), qPrintable(nameOf(view)));
    }
    QCoreApplication::removeTranslator(&zh);
}

void TstKeyboard::tabWalksTheWizard()
{
    AnalysisSession session;
    ImportWizard wizard(&session, QStringLiteral(VS_RESOURCES "/sample/customers.csv"));
    wizard.show();
    QVERIFY(QTest::qWaitForWindowActive(&wizard));
    for (int page = 0; page < 3; ++page) {
        QTRY_VERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QWidget *start = wizard.button(QWizard::NextButton);
        start->setFocus(Qt::TabFocusReason);
        const QList<QWidget *> walk = focusWalk(&wizard);
        QVERIFY2(walk.size() > 3, "Tab is trapped in the wizard (see the warning above)");
        QStringList nameless;
        for (QWidget *x : walk)
            if (nameOf(x).isEmpty())
                nameless << QStringLiteral("%1 (%2)").arg(QString::fromLatin1(x->metaObject()->className()), x->objectName());
        QVERIFY2(nameless.isEmpty(), qPrintable(QStringLiteral("page %1:\n").arg(page) + nameless.join(QLatin1Char('\n'))));
        wizard.next();
    }
}

QTEST_MAIN(TstKeyboard)
#include "tst_keyboard.moc"
