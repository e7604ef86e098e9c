#include "ExportDialogs.h"

#include "charts/ChartStyle.h"
#include "charts/Charts.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>


namespace {
// OK reads "Choose File…": the file dialog comes next
QDialogButtonBox *chooseFileButtons(QDialog *dialog)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(QCoreApplication::translate("ChartExportDialog", "Choose File…"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}
} // namespace

ChartExportDialog::ChartExportDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Export Chart"));
    // the presets and the text size each gives the chart: ui/charts/ChartStyle.cpp
    const auto kPresets = charts::exportPresets();
    m_preset = new QComboBox;
    for (const charts::ExportPreset &p : kPresets)
        m_preset->addItem(tr(p.name));
    m_preset->addItem(tr("Custom"));
    m_width = new QSpinBox;
    m_height = new QSpinBox;
    m_dpi = new QSpinBox;
    m_width->setRange(300, 8000);
    m_height->setRange(200, 8000);
    m_dpi->setRange(48, 600);
    m_width->setSuffix(tr(" px"));
    m_height->setSuffix(tr(" px"));
    m_dpi->setSuffix(tr(" dpi"));
    m_width->setObjectName(QStringLiteral("width"));
    m_height->setObjectName(QStringLiteral("height"));
    m_dpi->setObjectName(QStringLiteral("dpi"));
    QSettings s;
    m_width->setValue(s.value(QStringLiteral("chartExport/width"), 1200).toInt());
    m_height->setValue(s.value(QStringLiteral("chartExport/height"), 800).toInt());
    m_dpi->setValue(s.value(QStringLiteral("chartExport/dpi"), 150).toInt());
    auto matchPreset = [this, kPresets] {
        int k = int(kPresets.size());
        for (int i = 0; i < int(kPresets.size()); ++i)
            if (kPresets[size_t(i)].size == QSize(m_width->value(), m_height->value()) && kPresets[size_t(i)].dpi == m_dpi->value())
                k = i;
        const QSignalBlocker b(m_preset);
        m_preset->setCurrentIndex(k);
    };
    matchPreset();
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this, kPresets](int i) {
        if (i < 0 || i >= int(kPresets.size()))
            return;
        m_width->setValue(kPresets[size_t(i)].size.width());
        m_height->setValue(kPresets[size_t(i)].size.height());
        m_dpi->setValue(kPresets[size_t(i)].dpi);
    });
    for (QSpinBox *box : {m_width, m_height, m_dpi})
        connect(box, &QSpinBox::valueChanged, this, matchPreset);
    auto *form = new QFormLayout;
    form->addRow(tr("&Preset:"), m_preset);
    form->addRow(tr("&Width:"), m_width);
    form->addRow(tr("&Height:"), m_height);
    form->addRow(tr("&Resolution:"), m_dpi);
    auto *note = new QLabel(tr("Width, height and resolution apply to PNG pictures; SVG and PDF are drawn as vectors "
                               "with the same proportions. A higher resolution gives larger text."));
    note->setWordWrap(true);
    QDialogButtonBox *buttons = chooseFileButtons(this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QSize ChartExportDialog::pixelSize() const { return QSize(m_width->value(), m_height->value()); }
int ChartExportDialog::dpi() const { return m_dpi->value(); }

void ChartExportDialog::remember() const
{
    QSettings s;
    s.setValue(QStringLiteral("chartExport/width"), m_width->value());
    s.setValue(QStringLiteral("chartExport/height"), m_height->value());
    s.setValue(QStringLiteral("chartExport/dpi"), m_dpi->value());
}

ReportDialog::ReportDialog(const QStringList &available, const QString &defaultTitle, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Export Report"));
    QSettings s;
    m_title = new QLineEdit(defaultTitle);
    m_title->setObjectName(QStringLiteral("reportTitle"));
    m_charts = new QListWidget;
    m_charts->setObjectName(QStringLiteral("reportCharts"));
    // the charts ticked last time stay ticked; new kinds are ticked
    const QStringList unticked = s.value(QStringLiteral("report/unticked")).toStringList();
    for (const QString &kind : available) {
        auto *item = new QListWidgetItem(charts::title(kind), m_charts);
        item->setData(Qt::UserRole, kind);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(unticked.contains(kind) ? Qt::Unchecked : Qt::Checked);
    }
    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    auto *chartsLabel = new QLabel(tr("&Charts in the report:"));
    chartsLabel->setBuddy(m_charts);
    auto *note = new QLabel(tr("The report also holds the data source, the model and its parameters, the segments with "
                               "their strategies and the descriptive statistics, on A4 pages."));
    note->setWordWrap(true);
    QDialogButtonBox *buttons = chooseFileButtons(this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(chartsLabel);
    layout->addWidget(m_charts, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(440, 460);
}

QString ReportDialog::reportTitle() const { return m_title->text().trimmed(); }

QStringList ReportDialog::charts() const
{
    QStringList out;
    for (int i = 0; i < m_charts->count(); ++i)
        if (m_charts->item(i)->checkState() == Qt::Checked)
            out << m_charts->item(i)->data(Qt::UserRole).toString();
    return out;
}

void ReportDialog::remember() const
{
    QSettings s;
    QStringList unticked = s.value(QStringLiteral("report/unticked")).toStringList();
    for (int i = 0; i < m_charts->count(); ++i) {
        const QString kind = m_charts->item(i)->data(Qt::UserRole).toString();
        unticked.removeAll(kind);
        if (m_charts->item(i)->checkState() != Qt::Checked)
            unticked << kind;
    }
    s.setValue(QStringLiteral("report/unticked"), unticked);
}
