#include "ImportWizard.h"

#include "core/db/database_source.h"
#include "ui/import/ConnectionPage.h"

#include "core/analytics/analysis.h"
#include "core/headless/run.h"
#include "core/io/readers.h"
#include "core/io/typing.h"
#include "core/domain/models.h"
#include "core/domain/roles.h"
#include "ui/KeyboardPolicy.h"
#include "ui/Wording.h"
#include "core/project/edits.h"
#include "ui/AnalysisSession.h"
#include "ui/ErrorText.h"
#include "ui/WarningText.h"
#include "ui/models/TablePreviewModel.h"
#include "ui/NumberFormat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoroFuture>
#include <QCoroTask>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalBlocker>
#include <QPlainTextEdit>
#include <QPointer>

#include <set>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {

using ReadShared = std::shared_ptr<vs::Result<vs::ReadResult>>;

// keepAlive holds the cancel flag (options.cancel points into it) for as long as the read runs
ReadShared readInBackground(std::string path, vs::ReadOptions options, std::shared_ptr<std::atomic<bool>> keepAlive)
{
    (void)keepAlive;
    return std::make_shared<vs::Result<vs::ReadResult>>(vs::readTable(path, options));
}

QString roleTitle(const std::string &role)
{
    const vs::RoleInfo *r = vs::findRole(role);
    return r ? QCoreApplication::translate("roles", r->label) : QString::fromStdString(role);
}

QString delimiterText(char d)
{
    switch (d) {
    case ',': return ImportWizard::tr("comma ( , )");
    case ';': return ImportWizard::tr("semicolon ( ; )");
    case '\t': return ImportWizard::tr("tab");
    case '|': return ImportWizard::tr("bar ( | )");
    case ' ': return ImportWizard::tr("spaces");
    }
    return QString(QLatin1Char(d));
}

// ---------------------------------------------------------------- 1. file
class FilePageW : public QWizardPage {
public:
    explicit FilePageW(const QString &path)
    {
        setTitle(ImportWizard::tr("Choose a data file"));
        setSubTitle(ImportWizard::tr("A spreadsheet with one row per customer, per order line, or per marketing "
                                     "campaign: CSV, TSV, Excel (.xlsx, .xls) or OpenDocument (.ods)."));
        auto *edit = new QLineEdit(path);
        auto *browse = new QPushButton(ImportWizard::tr("&Browse…"));
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        auto *l = new QVBoxLayout(this);
        l->addLayout(row);
        m_info = new QLabel;
        m_info->setWordWrap(true);
        l->addWidget(m_info);
        // or the data where they live: a PostgreSQL or ClickHouse server (the connection page)
        m_database = new QCheckBox(ImportWizard::tr("Read from a &database server instead (PostgreSQL, ClickHouse)"));
        m_database->setObjectName(QStringLiteral("fromDatabase"));
        l->addSpacing(12);
        l->addWidget(m_database);
        l->addStretch();
        registerField(QStringLiteral("path"), edit);
        registerField(QStringLiteral("fromDatabase"), m_database);
        connect(m_database, &QCheckBox::toggled, this, [this, edit, browse](bool on) {
            edit->setEnabled(!on);
            browse->setEnabled(!on);
            emit completeChanged();
        });
        connect(browse, &QPushButton::clicked, this, [this, edit] {
            const QString p = QFileDialog::getOpenFileName(
                this, ImportWizard::tr("Import Data"), QSettings().value(QStringLiteral("lastDir")).toString(),
                ImportWizard::tr("Data files (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)"));
            if (!p.isEmpty())
                edit->setText(p);
        });
        connect(edit, &QLineEdit::textChanged, this, [this](const QString &p) {
            const QFileInfo fi(p);
            m_info->setText(fi.isFile() ? ImportWizard::tr("%1, %2 KB").arg(fi.fileName(), numbers::count(qulonglong(fi.size() / 1024)))
                                        : (p.isEmpty() ? QString() : ImportWizard::tr("There is no file here.")));
            emit completeChanged();
        });
    }
    bool isComplete() const override
    {
        return m_database->isChecked() || QFileInfo(field(QStringLiteral("path")).toString()).isFile();
    }
    int nextId() const override { return m_database->isChecked() ? ImportWizard::DatabasePage : ImportWizard::FormatPage; }
    bool validatePage() override
    {
        QSettings().setValue(QStringLiteral("lastDir"), QFileInfo(field(QStringLiteral("path")).toString()).absolutePath());
        return true;
    }

private:
    QLabel *m_info;
    QCheckBox *m_database;
};

// ---------------------------------------------------------------- 2. format
class FormatPageW : public QWizardPage {
public:
    explicit FormatPageW(ImportWizard *w) : m_w(w)
    {
        setTitle(ImportWizard::tr("How the file reads"));
        setSubTitle(ImportWizard::tr("Everything below was detected; change anything that looks wrong and the preview follows."));
        auto *form = new QGridLayout;
        auto addRow = [&](int row, const QString &label, QWidget *widget, QLabel *&detected) {
            auto *l = new QLabel(label);
            l->setBuddy(widget);
            form->addWidget(l, row, 0);
            form->addWidget(widget, row, 1);
            detected = new QLabel;
            detected->setStyleSheet(QStringLiteral("color: #555"));
            form->addWidget(detected, row, 2);
        };
        m_sheet = new QComboBox;
        m_encoding = new QComboBox;
        m_encoding->addItem(ImportWizard::tr("Detect"), QString());
        for (const char *e : {"UTF-8", "GB18030", "UTF-16LE", "UTF-16BE", "WINDOWS-1252", "BIG5", "SHIFT_JIS"})
            m_encoding->addItem(QString::fromLatin1(e), QString::fromLatin1(e));
        m_delimiter = new QComboBox;
        m_delimiter->addItem(ImportWizard::tr("Detect"), 0);
        for (char d : {',', ';', '\t', '|', ' '})
            m_delimiter->addItem(delimiterText(d), int(d));
        m_decimal = new QComboBox;
        m_decimal->addItem(ImportWizard::tr("Detect"), 0);
        m_decimal->addItem(ImportWizard::tr("point: 1,234.5"), int('.'));
        m_decimal->addItem(ImportWizard::tr("comma: 1.234,5"), int(','));
        m_header = new QSpinBox;
        m_header->setRange(-1, 1000);
        m_header->setSpecialValueText(ImportWizard::tr("Detect"));
        m_header->setToolTip(ImportWizard::tr("The row that holds the column names; 0 if there is none"));
        m_sheet->setObjectName(QStringLiteral("sheet"));
        m_encoding->setObjectName(QStringLiteral("encoding"));
        m_delimiter->setObjectName(QStringLiteral("delimiter"));
        m_decimal->setObjectName(QStringLiteral("decimal"));
        m_header->setObjectName(QStringLiteral("header"));
        addRow(0, ImportWizard::tr("&Sheet:"), m_sheet, m_sheetDetected);
        addRow(1, ImportWizard::tr("&Encoding:"), m_encoding, m_encodingDetected);
        addRow(2, ImportWizard::tr("&Delimiter:"), m_delimiter, m_delimiterDetected);
        addRow(3, ImportWizard::tr("Decimal &separator:"), m_decimal, m_decimalDetected);
        addRow(4, ImportWizard::tr("&Header row:"), m_header, m_headerDetected);
        form->setColumnStretch(2, 1);
        m_status = new QLabel;
        m_status->setWordWrap(true);
        m_model = new TablePreviewModel(this);
        auto *view = new QTableView;
        view->setAccessibleName(ImportWizard::tr("Preview of the data"));
        view->setObjectName(QStringLiteral("preview"));
        view->setModel(m_model);
        view->horizontalHeader()->setDefaultSectionSize(110);
        m_status->setObjectName(QStringLiteral("status"));
        auto *l = new QVBoxLayout(this);
        l->addLayout(form);
        l->addWidget(m_status);
        l->addWidget(view, 1);
        for (QComboBox *c : {m_sheet, m_encoding, m_delimiter, m_decimal})
            connect(c, &QComboBox::activated, this, [this] { optionsChanged(); });
        connect(m_header, &QSpinBox::editingFinished, this, [this] { optionsChanged(); });
    }

    void initializePage() override
    {
        m_w->options() = vs::ReadOptions{};
        for (QComboBox *c : {m_encoding, m_delimiter, m_decimal})
            c->setCurrentIndex(0);
        m_header->setValue(-1);
        m_sheet->clear();
        reload();
    }
    bool isComplete() const override { return m_ok; }

private:
    void optionsChanged()
    {
        vs::ReadOptions &o = m_w->options();
        o = vs::ReadOptions{};
        if (m_sheet->isEnabled() && m_sheet->currentIndex() >= 0)
            o.sheet = m_sheet->currentData().toString().toStdString();
        if (!m_encoding->currentData().toString().isEmpty())
            o.encoding.set(m_encoding->currentData().toString().toStdString());
        if (m_delimiter->currentData().toInt())
            o.delimiter.set(char(m_delimiter->currentData().toInt()));
        if (m_decimal->currentData().toInt())
            o.decimal.set(char(m_decimal->currentData().toInt()));
        if (m_header->value() >= 0)
            o.headerRow.set(m_header->value());
        reload();
    }

    QCoro::Task<void> reload()
    {
        const quint64 generation = ++m_generation;
        m_ok = false;
        emit completeChanged();
        m_status->setText(ImportWizard::tr("Reading…"));
        vs::ReadOptions o = m_w->options();
        o.maxRows = 200;
        o.cancel = nullptr;
        o.progress = nullptr;
        QPointer<FormatPageW> self(this);
        QFuture<ReadShared> f = QtConcurrent::run(&readInBackground, m_w->path().toStdString(), o, std::shared_ptr<std::atomic<bool>>());
        ReadShared r = co_await f;
        if (!self || generation != m_generation)
            co_return;
        if (!*r) {
            m_model->setTable(nullptr);
            // nothing was detected in a file that cannot be read: no labels of the file before
            for (QLabel *d : {m_sheetDetected, m_encodingDetected, m_delimiterDetected, m_decimalDetected, m_headerDetected})
                d->clear();
            m_status->setText(QStringLiteral("<span style='color:#a00'>%1</span>").arg(localizedError(r->error()).toHtmlEscaped()));
            co_return;
        }
        auto table = std::make_shared<const vs::Table>(std::move(r->value().table));
        const vs::ReadReport &rep = r->value().report;
        m_w->setPreview(table, rep);
        m_model->setTable(table);
        const bool workbook = rep.format != "csv";
        if (m_sheet->count() == 0 && workbook) {
            for (const std::string &s : rep.sheets) {
                const bool hidden = std::find(rep.hiddenSheets.begin(), rep.hiddenSheets.end(), s) != rep.hiddenSheets.end();
                m_sheet->addItem(hidden ? ImportWizard::tr("%1 (hidden)").arg(QString::fromStdString(s)) : QString::fromStdString(s),
                                 QString::fromStdString(s));
            }
        }
        m_sheet->setCurrentIndex(m_sheet->findData(QString::fromStdString(rep.sheet)));
        m_sheet->setEnabled(workbook);
        m_encoding->setEnabled(!workbook);
        m_delimiter->setEnabled(!workbook);
        m_decimal->setEnabled(!workbook);
        const QString det = ImportWizard::tr("detected: %1");
        m_sheetDetected->setText(!workbook ? QString()
                                 : rep.sheets.size() == 1 ? ImportWizard::tr("1 sheet in the workbook")
                                                          : ImportWizard::tr("%1 sheets in the workbook").arg(numbers::count(qulonglong(rep.sheets.size()))));
        m_encodingDetected->setText(workbook ? QString() : det.arg(QString::fromStdString(rep.encoding)));
        m_delimiterDetected->setText(workbook ? QString() : det.arg(delimiterText(rep.delimiter)));
        m_decimalDetected->setText(workbook ? QString() : det.arg(QString(QLatin1Char(rep.decimal))));
        m_headerDetected->setText(rep.headerRow > 0 ? det.arg(ImportWizard::tr("row %1").arg(rep.headerRow)) : det.arg(ImportWizard::tr("none")));
        QString status = (table->columns.size() == 1 ? ImportWizard::tr("%1 format, 1 column; the preview shows the first rows.")
                                                     : ImportWizard::tr("%1 format, %2 columns; the preview shows the first rows.")
                                                           .arg(QStringLiteral("%1"), numbers::count(qulonglong(table->columns.size()))))
                             .arg(QString::fromStdString(rep.format).toUpper());
        for (const vs::Diagnostic &warn : rep.warnings)
            status += QStringLiteral("<br>⚠ ") + localizedWarning(warn).toHtmlEscaped();
        m_status->setText(status);
        m_ok = !table->columns.empty();
        emit completeChanged();
    }

    ImportWizard *m_w;
    QComboBox *m_sheet, *m_encoding, *m_delimiter, *m_decimal;
    QSpinBox *m_header;
    QLabel *m_sheetDetected, *m_encodingDetected, *m_delimiterDetected, *m_decimalDetected, *m_headerDetected, *m_status;
    TablePreviewModel *m_model;
    quint64 m_generation = 0;
    bool m_ok = false;
};

// ---------------------------------------------------------------- 3. layout
class LayoutPageW : public QWizardPage {
public:
    explicit LayoutPageW(ImportWizard *w) : m_w(w)
    {
        setTitle(ImportWizard::tr("What the rows are"));
        m_customers = new QRadioButton(ImportWizard::tr("&Customers: one row per customer (revenue, cost, orders, scores…)"));
        m_campaigns = new QRadioButton(ImportWizard::tr("C&ampaigns: one row per marketing campaign (sales and cost)"));
        m_transactions = new QRadioButton(ImportWizard::tr("&Orders: one row per order line (customer, date, amount) — "
                                                            "for RFM and predictive CLV"));
        m_transactions->setObjectName(QStringLiteral("transactions"));
        m_customers->setChecked(true);
        m_campaigns->setObjectName(QStringLiteral("campaigns"));
        auto *l = new QVBoxLayout(this);
        l->addWidget(m_customers);
        l->addWidget(m_campaigns);
        l->addWidget(m_transactions);
        l->addStretch();
    }
    void initializePage() override
    {
        // a file whose columns name campaigns is most likely one
        const auto guess = vs::guessRoles(headers(), vs::Layout::Campaigns);
        if (guess.count("campaign") && !vs::guessRoles(headers(), vs::Layout::Customers).count("customer"))
            m_campaigns->setChecked(true);
        // order lines: a date per row and what the line is worth
        const auto lines = vs::guessRoles(headers(), vs::Layout::Transactions);
        if (lines.count("customer") && lines.count("date") &&
            (lines.count("amount") || (lines.count("quantity") && lines.count("unit_price"))))
            m_transactions->setChecked(true);
        // a file without a header whose data are an id, a date and an amount (CDNOW)
        if (m_w->previewReport().headerRow == 0 && m_w->preview() && !vs::guessOrderLineRoles(*m_w->preview()).empty())
            m_transactions->setChecked(true);
    }
    bool validatePage() override
    {
        m_w->setLayout(m_campaigns->isChecked()      ? vs::Layout::Campaigns
                       : m_transactions->isChecked() ? vs::Layout::Transactions
                                                     : vs::Layout::Customers);
        return true;
    }

private:
    std::vector<std::string> headers() const
    {
        std::vector<std::string> h;
        if (m_w->preview())
            for (const auto &c : m_w->preview()->columns)
                h.push_back(c.name);
        return h;
    }
    ImportWizard *m_w;
    QRadioButton *m_customers, *m_campaigns, *m_transactions;
};

// ---------------------------------------------------------------- 4. mapping
class MappingPageW : public QWizardPage {
public:
    explicit MappingPageW(ImportWizard *w) : m_w(w)
    {
        setTitle(ImportWizard::tr("Which column is what"));
        setSubTitle(ImportWizard::tr("Guessed from the column names; each role that needs numbers is checked against the data."));
        auto *l = new QVBoxLayout(this);
        m_grid = new QGridLayout;
        l->addLayout(m_grid);
        // order lines: what their value is, from the models' registry (RFM or predictive CLV;
        // changed later under Parameters as well)
        auto *modelRow = new QHBoxLayout;
        m_valueModelLabel = new QLabel(ImportWizard::tr("Customer &value:"));
        m_valueModel = new QComboBox;
        m_valueModel->setObjectName(QStringLiteral("valueModel"));
        // as the Parameters panel says it
        m_valueModel->setAccessibleName(QCoreApplication::translate("ParametersPanel", "Customer value"));
        m_valueModel->setToolTip(QCoreApplication::translate("ParametersPanel", "How each customer's value is computed"));
        for (const vs::ValueModelInfo *m : vs::valueModelsFor(vs::Layout::Transactions))
            m_valueModel->addItem(QCoreApplication::translate("models", m->label), QString::fromLatin1(m->key));
        m_valueModelLabel->setBuddy(m_valueModel);
        modelRow->addWidget(m_valueModelLabel);
        modelRow->addWidget(m_valueModel);
        modelRow->addStretch(1);
        l->addLayout(modelRow);
        m_periodsBox = new QWidget;
        auto *pl = new QGridLayout(m_periodsBox);
        pl->setContentsMargins(0, 0, 0, 0);
        pl->addWidget(new QLabel(ImportWizard::tr("Revenue per period (for discounted CLV and CVS), in time order:")), 0, 0);
        pl->addWidget(new QLabel(ImportWizard::tr("Cost per period:")), 0, 1);
        m_revenuePeriods = new QListWidget;
        m_costPeriods = new QListWidget;
        m_revenuePeriods->setAccessibleName(QCoreApplication::translate("roles", vs::findRole("revenue_periods")->label));
        m_costPeriods->setAccessibleName(QCoreApplication::translate("roles", vs::findRole("cost_periods")->label));
        pl->addWidget(m_revenuePeriods, 1, 0);
        pl->addWidget(m_costPeriods, 1, 1);
        // indicator columns added up into a score (equal weights, changed later in Parameters)
        auto *indicatorsLabel = new QLabel(ImportWizard::tr("Indicators for a &score (optional):"));
        indicatorsLabel->setToolTip(ImportWizard::tr("Tick survey or rating columns to add them up into a score with equal "
                                                     "weights; the weights can be changed later under Parameters ▸ Scores."));
        pl->addWidget(indicatorsLabel, 0, 2);
        m_indicators = new QListWidget;
        m_indicators->setObjectName(QStringLiteral("scoreIndicators"));
        m_indicators->setAccessibleName(ImportWizard::tr("Indicators for a score"));
        m_indicators->setAccessibleDescription(indicatorsLabel->toolTip());
        indicatorsLabel->setBuddy(m_indicators);
        pl->addWidget(m_indicators, 1, 2);
        auto *nameRow = new QHBoxLayout;
        auto *nameLabel = new QLabel(ImportWizard::tr("Score na&me:"));
        m_scoreName = new QLineEdit(ImportWizard::tr("satisfaction"));
        m_scoreName->setObjectName(QStringLiteral("scoreName"));
        m_scoreName->setAccessibleName(ImportWizard::tr("Score name"));
        nameLabel->setBuddy(m_scoreName);
        nameRow->addWidget(nameLabel);
        nameRow->addWidget(m_scoreName, 1);
        pl->addLayout(nameRow, 2, 2);
        connect(m_indicators, &QListWidget::itemChanged, this, [this] { check(); });
        connect(m_scoreName, &QLineEdit::textChanged, this, [this] { check(); });
        for (QListWidget *list : {m_revenuePeriods, m_costPeriods}) // ticking a period re-checks the mapping
            connect(list, &QListWidget::itemChanged, this, [this] { check(); });
        l->addWidget(m_periodsBox, 3);
        m_hint = new QLabel;
        m_hint->setWordWrap(true);
        l->addWidget(m_hint);
        // the data themselves, each mapped column marked with its role
        m_previewModel = new TablePreviewModel(this);
        auto *view = new QTableView;
        view->setObjectName(QStringLiteral("mappingPreview"));
        view->setModel(m_previewModel);
        view->setAccessibleName(ImportWizard::tr("Preview of the data with the roles chosen above"));
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->horizontalHeader()->setDefaultSectionSize(110);
        l->addWidget(view, 2);
    }

    void initializePage() override
    {
        while (QLayoutItem *item = m_grid->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        m_combos.clear();
        m_checks.clear();
        const auto table = m_w->preview();
        std::vector<std::string> headers;
        for (const auto &c : table->columns)
            headers.push_back(c.name);
        auto guessed = vs::guessRoles(headers, m_w->layout());
        if (m_w->layout() == vs::Layout::Transactions && m_w->previewReport().headerRow == 0)
            guessed.merge(vs::guessOrderLineRoles(*table)); // no names to go by: what the data show
        int row = 0;
        for (const std::string &role : vs::rolesFor(m_w->layout())) {
            auto *combo = new QComboBox;
            combo->setObjectName(QString::fromStdString("role_" + role));
            combo->addItem(ImportWizard::tr("(none)"), QString());
            for (const auto &h : headers)
                combo->addItem(QString::fromStdString(h), QString::fromStdString(h));
            if (auto it = guessed.find(role); it != guessed.end())
                combo->setCurrentIndex(combo->findData(QString::fromStdString(it->second)));
            auto *label = new QLabel(roleTitle(role) + QLatin1Char(':'));
            label->setBuddy(combo);
            auto *status = new QLabel;
            status->setObjectName(QString::fromStdString("check_" + role));
            m_grid->addWidget(label, row, 0);
            m_grid->addWidget(combo, row, 1);
            m_grid->addWidget(status, row, 2);
            m_combos[role] = combo;
            m_checks[role] = status;
            connect(combo, &QComboBox::currentIndexChanged, this, [this] { check(); });
            ++row;
        }
        m_grid->setColumnStretch(2, 1);
        m_previewModel->setTable(table);
        m_valueModelLabel->setVisible(m_w->layout() == vs::Layout::Transactions);
        m_valueModel->setVisible(m_w->layout() == vs::Layout::Transactions);
        m_periodsBox->setVisible(m_w->layout() == vs::Layout::Customers);
        for (QListWidget *list : {m_revenuePeriods, m_costPeriods}) {
            const QSignalBlocker quiet(list); // one check() below, not one per item
            list->clear();
            for (const auto &c : table->columns) {
                if (c.type != vs::ColumnType::Number)
                    continue;
                auto *item = new QListWidgetItem(QString::fromStdString(c.name), list);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                const QString n = item->text().toLower();
                const bool periodLike = n.contains(QRegularExpression(QStringLiteral("(19|20)\\d\\d|q[1-4]|p\\d|\\d$")));
                const bool want = list == m_revenuePeriods ? (n.contains(QLatin1String("rev")) || n.contains(QStringLiteral("收入")) || n.startsWith(QLatin1Char('p')))
                                                           : (n.contains(QLatin1String("cost")) || n.contains(QStringLiteral("成本")) || n.startsWith(QLatin1Char('c')));
                item->setCheckState(periodLike && want ? Qt::Checked : Qt::Unchecked);
            }
        }
        {
            // survey-like columns (q_service, satisfaction_delivery, 满意度…) come ticked
            const QSignalBlocker quiet(m_indicators);
            m_indicators->clear();
            static const QRegularExpression surveyLike(QStringLiteral("^q\\d*_|satisf|满意"),
                                                       QRegularExpression::CaseInsensitiveOption);
            for (const auto &c : table->columns) {
                if (c.type != vs::ColumnType::Number)
                    continue;
                auto *item = new QListWidgetItem(QString::fromStdString(c.name), m_indicators);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(surveyLike.match(item->text()).hasMatch() ? Qt::Checked : Qt::Unchecked);
            }
        }
        check();
    }

    bool isComplete() const override { return m_complete; }

    bool validatePage() override
    {
        std::map<std::string, std::string> columns;
        for (const auto &[role, combo] : m_combos)
            if (!combo->currentData().toString().isEmpty())
                columns[role] = combo->currentData().toString().toStdString();
        auto checked = [](QListWidget *list) {
            std::vector<std::string> out;
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->checkState() == Qt::Checked)
                    out.push_back(list->item(i)->text().toStdString());
            return out;
        };
        std::map<std::string, std::vector<std::string>> periods;
        if (m_w->layout() == vs::Layout::Customers) {
            if (auto r = checked(m_revenuePeriods); !r.empty())
                periods["revenue_periods"] = r;
            if (auto c = checked(m_costPeriods); !c.empty())
                periods["cost_periods"] = c;
        }
        vs::Project &p = m_w->project();
        p = vs::defaultProject(m_w->layout(), std::move(columns), std::move(periods), interfaceWords());
        if (m_w->layout() == vs::Layout::Transactions)
            vs::setValueModel(p, m_valueModel->currentData().toString().toStdString());
        if (m_w->layout() == vs::Layout::Customers) {
            if (const auto indicators = checked(m_indicators); !indicators.empty()) {
                vs::ScoreSpec score;
                score.name = m_scoreName->text().trimmed().toStdString();
                if (score.name.empty())
                    score.name = ImportWizard::tr("satisfaction").toStdString();
                for (const std::string &column : indicators)
                    score.items.push_back({column, 1.0});
                p.scores.push_back(std::move(score));
            }
        }
        const vs::ReadOptions &o = m_w->options();
        p.source.sheet = o.sheet;
        if (o.encoding.userSet)
            p.source.encoding = o.encoding.value;
        if (o.delimiter.userSet)
            p.source.delimiter = o.delimiter.value;
        if (o.decimal.userSet)
            p.source.decimal = o.decimal.value;
        if (o.headerRow.userSet)
            p.source.headerRow = o.headerRow.value;
        if (m_w->fromDatabase()) {
            p.source = vs::SourceSpec{.database = m_w->database(), .layout = p.source.layout, .columns = p.source.columns,
                                      .periodColumns = p.source.periodColumns};
        }
        return true;
    }

private:
    void check()
    {
        const auto table = m_w->preview();
        QMap<QString, QString> marks;
        for (const auto &[role, combo] : m_combos)
            if (const QString col = combo->currentData().toString(); !col.isEmpty())
                marks[col] = marks.contains(col) ? marks[col] + QStringLiteral(", ") + roleTitle(role) : roleTitle(role);
        if (m_w->layout() == vs::Layout::Customers) // the indicators ticked for the score
            for (int i = 0; i < m_indicators->count(); ++i)
                if (const QListWidgetItem *item = m_indicators->item(i); item->checkState() == Qt::Checked) {
                    const QString mark = ImportWizard::tr("Score: %1").arg(m_scoreName->text().trimmed());
                    marks[item->text()] = marks.contains(item->text()) ? marks[item->text()] + QStringLiteral(", ") + mark : mark;
                }
        m_previewModel->setMarks(marks);
        for (const auto &[role, combo] : m_combos) {
            QLabel *label = m_checks[role];
            const QString col = combo->currentData().toString();
            if (col.isEmpty()) {
                label->clear();
                continue;
            }
            if (role == "date") {
                auto d = vs::dateValues(*table, col.toStdString(), QFileInfo(m_w->path()).fileName().toStdString());
                label->setText(d.ok() ? QStringLiteral("<span style='color:#070'>✓ %1</span>").arg(ImportWizard::tr("dates"))
                                      : QStringLiteral("<span style='color:#a00'>✗ %1</span>")
                                            .arg(localizedError(d.error()).toHtmlEscaped()));
                continue;
            }
            if (!vs::roleNeedsNumbers(role)) {
                label->setText(QStringLiteral("<span style='color:#070'>✓</span>"));
                continue;
            }
            auto v = vs::numericValues(*table, col.toStdString(), QFileInfo(m_w->path()).fileName().toStdString());
            label->setText(v.ok() ? QStringLiteral("<span style='color:#070'>✓ %1</span>").arg(ImportWizard::tr("numbers"))
                                  : QStringLiteral("<span style='color:#a00'>✗ %1</span>")
                                        .arg(localizedError(v.error()).toHtmlEscaped()));
        }
        auto has = [&](const char *r) { return m_combos.count(r) && !m_combos[r]->currentData().toString().isEmpty(); };
        bool periods = false;
        for (int i = 0; i < m_revenuePeriods->count(); ++i)
            periods |= m_revenuePeriods->item(i)->checkState() == Qt::Checked;
        if (m_w->layout() == vs::Layout::Transactions) {
            m_complete = has("customer") && has("date") && (has("amount") || (has("quantity") && has("unit_price")));
            m_hint->setText(m_complete ? QString()
                                       : ImportWizard::tr("Order lines need the customer, the date, and the amount "
                                                          "(or quantity and unit price) of each line."));
        } else if (m_w->layout() == vs::Layout::Campaigns) {
            m_complete = has("campaign") && has("sales") && has("cost");
            m_hint->setText(m_complete ? QString() : ImportWizard::tr("A campaign table needs the campaign, its sales and its cost."));
        } else {
            m_complete = (has("revenue") && has("cost")) || (has("orders") && has("average_spend")) || periods;
            m_hint->setText(m_complete ? QString()
                                       : ImportWizard::tr("Map revenue and cost, or purchases and average spend, or revenue per "
                                                          "period, so that a customer's value can be computed."));
        }
        emit completeChanged();
    }

    ImportWizard *m_w;
    QGridLayout *m_grid;
    QLabel *m_valueModelLabel;
    QComboBox *m_valueModel;
    QWidget *m_periodsBox;
    QListWidget *m_revenuePeriods, *m_costPeriods, *m_indicators;
    QLineEdit *m_scoreName;
    QLabel *m_hint;
    TablePreviewModel *m_previewModel;
    std::map<std::string, QComboBox *> m_combos;
    std::map<std::string, QLabel *> m_checks;
    bool m_complete = false;
};

// The whole check of the last page, off the UI thread; keepAlive holds the cancel flag that
// options.cancel points into for as long as the read runs.
std::shared_ptr<vs::FileAnalysis> checkInBackground(std::string path, vs::ReadOptions options, vs::Project project,
                                                    std::shared_ptr<std::atomic<bool>> keepAlive)
{
    (void)keepAlive;
    return std::make_shared<vs::FileAnalysis>(vs::analyseFile(path, options, project));
}

// ---------------------------------------------------------------- 5. validation
class ValidationPageW : public QWizardPage {
public:
    explicit ValidationPageW(ImportWizard *w) : m_w(w)
    {
        setTitle(ImportWizard::tr("Check and start"));
        setSubTitle(ImportWizard::tr("The whole file is read now; rows with problems are listed with what will happen to them."));
        m_progress = new QProgressBar;
        m_progress->setRange(0, 1000);
        m_cancel = new QPushButton(ImportWizard::tr("Stop &reading"));
        auto *row = new QHBoxLayout;
        row->addWidget(m_progress, 1);
        row->addWidget(m_cancel);
        m_report = new QPlainTextEdit;
        m_report->setObjectName(QStringLiteral("report"));
        m_report->setReadOnly(true);
        // offered when a cell stops the analysis: read such cells as missing instead, counted
        m_lenient = new QCheckBox(ImportWizard::tr("Treat &unreadable cells as missing (they are counted and listed)"));
        m_lenient->setObjectName(QStringLiteral("unreadableAsMissing"));
        m_lenient->hide();
        auto *l = new QVBoxLayout(this);
        l->addLayout(row);
        l->addWidget(m_report, 1);
        l->addWidget(m_lenient);
        connect(m_cancel, &QPushButton::clicked, this, [this] { m_w->cancelFlag() = true; });
        connect(m_lenient, &QCheckBox::toggled, this, [this](bool on) {
            m_w->project().source.unreadableAsMissing = on;
            run();
        });
    }
    void initializePage() override
    {
        const QSignalBlocker block(m_lenient);
        m_lenient->setChecked(m_w->project().source.unreadableAsMissing);
        m_lenient->setVisible(m_w->project().source.unreadableAsMissing);
        run();
    }
    void cleanupPage() override
    {
        m_w->cancelFlag() = true;
        ++m_generation;
    }
    bool isComplete() const override { return m_ok; }

private:
    QCoro::Task<void> run()
    {
        const quint64 generation = ++m_generation;
        m_ok = false;
        emit completeChanged();
        m_w->cancelFlag() = false;
        m_report->setPlainText(ImportWizard::tr("Reading %1…").arg(QFileInfo(m_w->path()).fileName()));
        m_progress->setValue(0);
        m_cancel->setEnabled(true);
        vs::ReadOptions o = m_w->options();
        std::shared_ptr<std::atomic<bool>> cancel = m_w->cancelShared();
        o.cancel = cancel.get();
        QPointer<QProgressBar> bar(m_progress);
        o.progress = [bar](double p) {
            QMetaObject::invokeMethod(bar, [bar, p] {
                if (bar)
                    bar->setValue(int(p * 1000));
            }, Qt::QueuedConnection);
        };
        QPointer<ValidationPageW> self(this);
        QFuture<std::shared_ptr<vs::FileAnalysis>> f =
            m_w->fromDatabase()
                ? QtConcurrent::run([project = m_w->project(), password = m_w->password(), cancel] {
                      // the engine works; the bar only says that it does (a query has no progress to show)
                      return std::make_shared<vs::FileAnalysis>(vs::analyseDatabase(project, password, cancel.get()));
                  })
                : QtConcurrent::run(&checkInBackground, m_w->path().toStdString(), o, m_w->project(), cancel);
        if (m_w->fromDatabase())
            m_progress->setRange(0, 0);
        std::shared_ptr<vs::FileAnalysis> c = co_await f;
        if (!self || generation != m_generation)
            co_return;
        m_cancel->setEnabled(false);
        m_progress->setRange(0, 1000);
        if (c->readError) {
            m_report->setPlainText(localizedError(*c->readError));
            co_return;
        }
        m_progress->setValue(1000);
        // say what happens to problem rows in the analysis the wizard will start
        QStringList lines;
        lines << (c->rows == 1 ? ImportWizard::tr("1 data row read.")
                               : ImportWizard::tr("%1 data rows read.").arg(numbers::count(qulonglong(c->rows))));
        if (c->results && c->results->data && c->results->data->database) {
            const vs::DatabaseStats &d = *c->results->data->database;
            // what came back: order lines summed per customer (and the tracking chart's repeat
            // purchases per week), or per customer and day (the over-time views and coarser
            // periods need the days, vs::databaseRowsFor), or a customer table's rows
            const QString text = m_w->layout() != vs::Layout::Transactions
                                     ? ImportWizard::tr("The database read %1 rows and sent %2 in %3 s.")
                                 : d.perCustomer && d.weekRows
                                     ? ImportWizard::tr("The database read %1 order lines and sent %2 rows, one per customer and "
                                                        "one per week of the tracking chart, in %3 s.")
                                 : d.perCustomer
                                     ? ImportWizard::tr("The database read %1 order lines and sent %2 rows, one per customer, in %3 s.")
                                     : ImportWizard::tr("The database read %1 order lines and sent %2 rows, one per customer and "
                                                        "purchase day, in %3 s.");
            lines << text.arg(numbers::count(qulonglong(d.rowsScanned)), numbers::count(qulonglong(d.rowsTransferred)),
                              QLocale().toString(d.queryMs / 1000, 'f', 2));
        }
        if (c->analysisError) {
            lines << QString() << ImportWizard::tr("The analysis cannot start:") << localizedError(*c->analysisError);
            if (c->analysisError->kind == vs::ErrorKind::Value) // a cell that is not a number
                m_lenient->show();
            m_report->setPlainText(lines.join(QLatin1Char('\n')));
            co_return;
        }
        const size_t n = c->results->rowCount();
        const QString count = numbers::count(qulonglong(n));
        switch (m_w->layout()) {
        case vs::Layout::Customers:
            lines << (n == 1 ? ImportWizard::tr("1 customer to analyse.") : ImportWizard::tr("%1 customers to analyse.").arg(count));
            break;
        case vs::Layout::Transactions:
            lines << (n == 1 ? ImportWizard::tr("1 customer to analyse from their order lines.")
                             : ImportWizard::tr("%1 customers to analyse from their order lines.").arg(count));
            break;
        case vs::Layout::Campaigns:
            lines << (n == 1 ? ImportWizard::tr("1 campaign to analyse.") : ImportWizard::tr("%1 campaigns to analyse.").arg(count));
            break;
        }
        // what happens to rows that cannot be used as they are, apart from what the analysis notes
        QStringList rows, analysis;
        for (const vs::Diagnostic &s : c->report.warnings)
            rows << QStringLiteral("• ") + localizedWarning(s);
        using vs::Msg;
        const std::set<Msg> aboutRows = {Msg::RowsWithoutId, Msg::RowsRepeatId, Msg::LinesWithoutId,
                                         Msg::LinesWithoutDate, Msg::LinesWithoutAmount, Msg::ReturnLines};
        for (const vs::Diagnostic &s : c->results->warnings)
            (aboutRows.count(s.code) ? rows : analysis) << QStringLiteral("• ") + localizedWarning(s);
        if (rows.isEmpty() && analysis.isEmpty())
            lines << ImportWizard::tr("No problems found.");
        if (!rows.isEmpty())
            lines << QString() << ImportWizard::tr("What will happen to rows with problems:") << rows;
        if (!analysis.isEmpty())
            lines << QString() << ImportWizard::tr("Notes on the analysis:") << analysis;
        m_report->setPlainText(lines.join(QLatin1Char('\n')));
        m_w->setChecked(c->results, c->report);
        m_ok = true;
        emit completeChanged();
    }

    ImportWizard *m_w;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPlainTextEdit *m_report;
    QCheckBox *m_lenient;
    quint64 m_generation = 0;
    bool m_ok = false;
};

} // namespace

ImportWizard::ImportWizard(AnalysisSession *session, const QString &path, QWidget *parent)
    : QWizard(parent), m_session(session)
{
    keyboard::install();
    setWindowTitle(tr("Import Data"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(FilePage, new FilePageW(path));
    setPage(FormatPage, new FormatPageW(this));
    setPage(LayoutPage, new LayoutPageW(this));
    setPage(MappingPage, new MappingPageW(this));
    setPage(ValidationPage, new ValidationPageW(this));
    setPage(DatabasePage, new ConnectionPage(this));
    if (!path.isEmpty() && QFileInfo(path).isFile())
        setStartId(FormatPage);
    resize(960, 700); // room for the mapping page's lists and preview
}

ImportWizard::~ImportWizard()
{
    *m_cancel = true;
}

QString ImportWizard::path() const
{
    if (fromDatabase())
        return QString::fromStdString(vs::databaseSourceName(m_database));
    return field(QStringLiteral("path")).toString();
}

bool ImportWizard::fromDatabase() const
{
    return field(QStringLiteral("fromDatabase")).toBool();
}

void ImportWizard::accept()
{
    if (m_checked)
        m_session->adoptAnalysis(m_project, path(), m_fullReport, m_checked,
                                 fromDatabase() ? std::optional<QString>(m_password) : std::nullopt);
    QWizard::accept();
}

void ImportWizard::reject()
{
    *m_cancel = true;
    QWizard::reject();
}
