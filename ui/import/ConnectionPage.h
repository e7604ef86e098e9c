#pragma once
// The import wizard's page for a database server: engine, host, port, database, user, a password
// kept only in memory, TLS, Test connection, and a table (with a search box) or a query. On Next
// the first rows are read for the mapping page, off the UI thread.
#include "core/project/project.h"

#include <QWizardPage>

class ImportWizard;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;
class QPushButton;

class ConnectionPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ConnectionPage(ImportWizard *wizard);
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    vs::DatabaseSpec spec() const;

private:
    void engineChanged();
    void testConnection();
    void filterTables(const QString &text);

    ImportWizard *m_w;
    QComboBox *m_engine;
    QLineEdit *m_host, *m_database, *m_user, *m_password, *m_passwordEnv, *m_search;
    QSpinBox *m_port;
    QCheckBox *m_tls;
    QPushButton *m_test;
    QLabel *m_status;
    QRadioButton *m_useTable, *m_useQuery;
    QListWidget *m_tables;
    QPlainTextEdit *m_query;
    bool m_busy = false;
};
