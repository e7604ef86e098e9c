#include "ConnectionPage.h"

#include "core/db/database_source.h"
#include "core/domain/sources.h"
#include "ui/ErrorText.h"
#include "ui/import/ImportWizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoroFuture>
#include <QCoroTask>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {

using Tables = vs::Result<std::vector<std::string>>;
using Preview = vs::Result<std::shared_ptr<const vs::Table>>;

QString failText(const vs::Error &e)
{
    return QStringLiteral("<span style='color:#a00'>✗ %1</span>").arg(localizedError(e).toHtmlEscaped());
}

} // namespace

ConnectionPage::ConnectionPage(ImportWizard *w) : m_w(w)
{
    setTitle(ImportWizard::tr("Connect to a database"));
    setSubTitle(ImportWizard::tr("The analysis runs in the database: only a row per customer (and purchase day) "
                                 "comes back. The password stays in memory and is never saved."));
    m_engine = new QComboBox;
    m_engine->setObjectName(QStringLiteral("engine"));
    for (const vs::SourceKindInfo &k : vs::sourceKinds())
        if (k.isDatabase)
            m_engine->addItem(QCoreApplication::translate("sources", k.label), QString::fromLatin1(k.key));
    m_host = new QLineEdit(QStringLiteral("localhost"));
    m_host->setObjectName(QStringLiteral("host"));
    m_port = new QSpinBox;
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_database = new QLineEdit;
    m_database->setObjectName(QStringLiteral("database"));
    m_user = new QLineEdit;
    m_user->setObjectName(QStringLiteral("user"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordEnv = new QLineEdit(QStringLiteral("VALUESCOPE_DB_PASSWORD"));
    m_passwordEnv->setObjectName(QStringLiteral("passwordEnv"));
    m_passwordEnv->setToolTip(ImportWizard::tr("The command line (valuescope run) reads the password from this "
                                               "environment variable; the project keeps only its name."));
    m_tls = new QCheckBox;
    m_tls->setObjectName(QStringLiteral("tls"));
    m_test = new QPushButton(ImportWizard::tr("&Test connection"));
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("connectionStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(ImportWizard::tr("&Engine:"), m_engine);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    auto *portLabel = new QLabel(ImportWizard::tr("&Port:"));
    portLabel->setBuddy(m_port);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    auto *hostLabel = new QLabel(ImportWizard::tr("&Host:"));
    hostLabel->setBuddy(m_host);
    form->addRow(hostLabel, hostRow);
    form->addRow(ImportWizard::tr("&Database:"), m_database);
    form->addRow(ImportWizard::tr("&User:"), m_user);
    form->addRow(ImportWizard::tr("Pass&word:"), m_password);
    form->addRow(ImportWizard::tr("Password &variable:"), m_passwordEnv);
    form->addRow(QString(), m_tls);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_status, 1);
    form->addRow(QString(), testRow);

    m_useTable = new QRadioButton(ImportWizard::tr("A t&able:"));
    m_useTable->setObjectName(QStringLiteral("useTable"));
    m_useTable->setChecked(true);
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("tableSearch"));
    m_search->setPlaceholderText(ImportWizard::tr("Search tables"));
    m_search->setClearButtonEnabled(true);
    m_tables = new QListWidget;
    m_tables->setObjectName(QStringLiteral("tables"));
    m_useQuery = new QRadioButton(ImportWizard::tr("A &query (run read-only):"));
    m_useQuery->setObjectName(QStringLiteral("useQuery"));
    m_query = new QPlainTextEdit;
    m_query->setObjectName(QStringLiteral("query"));
    m_query->setPlaceholderText(QStringLiteral("SELECT customer, order_date, amount FROM orders WHERE …"));
    m_query->setTabChangesFocus(true);

    auto *source = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(m_useTable);
    left->addWidget(m_search);
    left->addWidget(m_tables, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_useQuery);
    right->addWidget(m_query, 1);
    source->addLayout(left, 1);
    source->addLayout(right, 1);

    auto *l = new QVBoxLayout(this);
    l->addLayout(form);
    l->addLayout(source, 1);

    connect(m_engine, &QComboBox::currentIndexChanged, this, [this] { engineChanged(); });
    connect(m_tls, &QCheckBox::toggled, this, [this] { engineChanged(); });
    connect(m_test, &QPushButton::clicked, this, [this] { testConnection(); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) { filterTables(t); });
    for (QLineEdit *e : {m_host, m_database, m_user})
        connect(e, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    connect(m_tables, &QListWidget::currentRowChanged, this, [this] {
        m_useTable->setChecked(true);
        emit completeChanged();
    });
    connect(m_query, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_query->toPlainText().trimmed().isEmpty())
            m_useQuery->setChecked(true);
        emit completeChanged();
    });
    connect(m_useTable, &QRadioButton::toggled, this, &QWizardPage::completeChanged);
    engineChanged();
}

void ConnectionPage::engineChanged()
{
    const vs::SourceKindInfo *k = vs::findSourceKind(m_engine->currentData().toString().toStdString());
    if (!k)
        return;
    m_tls->setText(QCoreApplication::translate("sources", k->tlsLabel));
    // the default port follows the engine and TLS unless the user set another
    const int other = m_tls->isChecked() ? k->defaultPort : k->defaultTlsPort;
    bool known = false;
    for (const vs::SourceKindInfo &s : vs::sourceKinds())
        known |= m_port->value() == s.defaultPort || m_port->value() == s.defaultTlsPort || m_port->value() == other;
    if (known || m_port->value() <= 1)
        m_port->setValue(m_tls->isChecked() ? k->defaultTlsPort : k->defaultPort);
}

vs::DatabaseSpec ConnectionPage::spec() const
{
    vs::DatabaseSpec s;
    s.engine = m_engine->currentData().toString().toStdString();
    s.host = m_host->text().trimmed().toStdString();
    s.port = m_port->value();
    s.database = m_database->text().trimmed().toStdString();
    s.user = m_user->text().trimmed().toStdString();
    s.passwordEnv = m_passwordEnv->text().trimmed().toStdString();
    s.tls = m_tls->isChecked();
    if (m_useQuery->isChecked())
        s.query = m_query->toPlainText().trimmed().toStdString();
    else if (m_tables->currentItem())
        s.table = m_tables->currentItem()->text().toStdString();
    return s;
}

void ConnectionPage::filterTables(const QString &text)
{
    for (int i = 0; i < m_tables->count(); ++i)
        m_tables->item(i)->setHidden(!m_tables->item(i)->text().contains(text, Qt::CaseInsensitive));
}

void ConnectionPage::testConnection()
{
    m_test->setEnabled(false);
    m_status->setText(ImportWizard::tr("Connecting…"));
    const vs::DatabaseSpec s = spec();
    const std::string password = m_password->text().toStdString();
    QPointer<ConnectionPage> self(this);
    [](QPointer<ConnectionPage> self, vs::DatabaseSpec s, std::string password) -> QCoro::Task<void> {
        QFuture<Tables> f = QtConcurrent::run([s, password] { return vs::listDatabaseTables(s, password); });
        Tables tables = co_await f;
        if (!self)
            co_return;
        self->m_test->setEnabled(true);
        if (!tables) {
            self->m_status->setText(failText(tables.error()));
            co_return;
        }
        const QString current = self->m_tables->currentItem() ? self->m_tables->currentItem()->text() : QString();
        self->m_tables->clear();
        for (const std::string &t : tables.value())
            self->m_tables->addItem(QString::fromStdString(t));
        for (int i = 0; i < self->m_tables->count(); ++i)
            if (self->m_tables->item(i)->text() == current)
                self->m_tables->setCurrentRow(i);
        self->filterTables(self->m_search->text());
        self->m_status->setText(QStringLiteral("<span style='color:#070'>✓ %1</span>")
                                    .arg(tables->size() == 1 ? ImportWizard::tr("Connected: 1 table.")
                                                             : ImportWizard::tr("Connected: %1 tables.").arg(tables->size())));
    }(self, s, password);
}

bool ConnectionPage::isComplete() const
{
    if (m_busy || m_host->text().trimmed().isEmpty())
        return false;
    return m_useQuery->isChecked() ? !m_query->toPlainText().trimmed().isEmpty() : m_tables->currentItem() != nullptr;
}

bool ConnectionPage::validatePage()
{
    // the first rows, for the mapping page: read off the UI thread, the page waits (Next again
    // once they are there)
    const vs::DatabaseSpec s = spec();
    const std::string password = m_password->text().toStdString();
    if (m_w->preview() && m_w->database() == s)
        return true;
    m_busy = true;
    emit completeChanged();
    m_status->setText(ImportWizard::tr("Reading the first rows…"));
    QPointer<ConnectionPage> self(this);
    [](QPointer<ConnectionPage> self, vs::DatabaseSpec s, std::string password) -> QCoro::Task<void> {
        QFuture<Preview> f = QtConcurrent::run([s, password] { return vs::previewDatabase(s, password, 500); });
        Preview preview = co_await f;
        if (!self)
            co_return;
        self->m_busy = false;
        emit self->completeChanged();
        if (!preview) {
            self->m_status->setText(failText(preview.error()));
            co_return;
        }
        self->m_status->clear();
        self->m_w->setDatabase(s, QString::fromStdString(password));
        self->m_w->setPreview(preview.value(), vs::ReadReport{});
        self->m_w->next();
    }(self, s, password);
    return false;
}

int ConnectionPage::nextId() const { return ImportWizard::LayoutPage; }
