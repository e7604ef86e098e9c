#pragma once
// The choices before a chart or a report is written: a chart's picture size and resolution, a
// report's title and charts. Both remember the last choice (QSettings).
#include <QDialog>
#include <QSize>
#include <QStringList>

class QLineEdit;
class QListWidget;
class QSpinBox;
class QComboBox;

class ChartExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ChartExportDialog(QWidget *parent = nullptr);
    QSize pixelSize() const;
    int dpi() const;
    void remember() const;

private:
    QComboBox *m_preset;
    QSpinBox *m_width, *m_height, *m_dpi;
};

class ReportDialog : public QDialog {
    Q_OBJECT
public:
    // available: the chart kinds the results can feed, in the order they appear
    ReportDialog(const QStringList &available, const QString &defaultTitle, QWidget *parent = nullptr);
    QString reportTitle() const;
    QStringList charts() const; // the ticked kinds, in order
    void remember() const;

private:
    QLineEdit *m_title;
    QListWidget *m_charts;
};
