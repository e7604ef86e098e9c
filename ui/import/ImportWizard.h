#pragma once
// File ▸ Import: choose a file, check how it reads (every detection shown and overridable, with
// a live preview), say what it holds, map columns to roles, see what will happen to problem
// rows, and start the analysis. Reading runs off the UI thread, with progress and Cancel.
#include "core/analytics/analysis.h"
#include "core/io/read_options.h"
#include "core/project/project.h"
#include "core/table/table.h"

#include <QWizard>

#include <atomic>
#include <memory>

class AnalysisSession;

class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum Page { FilePage, FormatPage, LayoutPage, MappingPage, ValidationPage, DatabasePage };
    ImportWizard(AnalysisSession *session, const QString &path, QWidget *parent = nullptr);
    ~ImportWizard() override;

    AnalysisSession *session() const { return m_session; }
    // the data file, or for a database source where it is (postgresql://host:port/db/table)
    QString path() const;
    // a database server instead of a file (the connection page); the password only in memory
    bool fromDatabase() const;
    vs::DatabaseSpec database() const { return m_database; }
    std::string password() const { return m_password.toStdString(); }
    void setDatabase(const vs::DatabaseSpec &spec, const QString &password)
    {
        m_database = spec;
        m_password = password;
    }
    vs::ReadOptions &options() { return m_options; }
    vs::Layout layout() const { return m_layout; }
    void setLayout(vs::Layout l) { m_layout = l; }
    std::shared_ptr<const vs::Table> preview() const { return m_preview; }
    void setPreview(std::shared_ptr<const vs::Table> t, const vs::ReadReport &r) { m_preview = std::move(t); m_previewReport = r; }
    const vs::ReadReport &previewReport() const { return m_previewReport; }
    vs::Project &project() { return m_project; }
    // The whole file read and analysed (ready for Finish).
    void setChecked(std::shared_ptr<const vs::AnalysisResults> results, const vs::ReadReport &r)
    {
        m_checked = std::move(results);
        m_fullReport = r;
    }
    std::atomic<bool> &cancelFlag() { return *m_cancel; }
    // shared with the reading thread, which may outlive the wizard by a moment
    std::shared_ptr<std::atomic<bool>> cancelShared() const { return m_cancel; }

    void accept() override;
    void reject() override;

private:
    AnalysisSession *m_session;
    vs::ReadOptions m_options;
    vs::Layout m_layout = vs::Layout::Customers;
    std::shared_ptr<const vs::Table> m_preview;
    std::shared_ptr<const vs::AnalysisResults> m_checked;
    vs::ReadReport m_previewReport, m_fullReport;
    vs::Project m_project;
    vs::DatabaseSpec m_database;
    QString m_password;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
};
