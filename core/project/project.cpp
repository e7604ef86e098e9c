#include "project.h"

#include "core/domain/sources.h"

#include "core/domain/defaults.h"
#include "core/domain/models.h"
#include "core/domain/roles.h"
#include "core/domain/segment_methods.h"
#include "core/project/edits.h"
#include "core/io/atomic_file.h"
#include "core/table/cell_parse.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vs {

using json = nlohmann::ordered_json;

namespace {

// A project nests objects and lists a few levels deep (a baseline one more); copying or writing a
// JSON value recurses once per level, so a hand-edited file nesting thousands of lists would
// overflow the stack. Refused before it is parsed.
constexpr int kMaxProjectDepth = 64;

bool nestsTooDeep(std::string_view text)
{
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxProjectDepth)
                return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

struct Reader {
    const std::string &file;
    std::optional<Error> error;

    // what: "'%1' must be …", %1 being the key; `more` are %2…
    bool fail(const std::string &key, Msg what, std::vector<std::string> more = {})
    {
        if (!error) {
            more.insert(more.begin(), key);
            error = makeError(ErrorKind::Project, what, std::move(more), file);
        }
        return false;
    }
    bool str(const json &j, const char *k, const std::string &key, std::string &out)
    {
        if (!j.contains(k))
            return true;
        if (!j[k].is_string())
            return fail(key, Msg::KeyText);
        out = j[k].get<std::string>();
        return true;
    }
    bool num(const json &j, const char *k, const std::string &key, double &out)
    {
        if (!j.contains(k))
            return true;
        if (!j[k].is_number())
            return fail(key, Msg::KeyNumber);
        out = j[k].get<double>();
        return true;
    }
    bool chr(const json &j, const char *k, const std::string &key, char &out)
    {
        std::string s;
        if (!str(j, k, key, s))
            return false;
        if (s == "tab" || s == "\\t")
            s = "\t";
        if (s.size() > 1)
            return fail(key, Msg::KeyCharacter);
        if (!s.empty())
            out = s[0];
        return true;
    }
};

} // namespace

const char *layoutName(Layout l)
{
    switch (l) {
    case Layout::Customers: return "customers";
    case Layout::Transactions: return "transactions";
    case Layout::Campaigns: return "campaigns";
    }
    return "customers";
}

std::vector<std::string> defaultLabels(int bins)
{
    if (bins == 4)
        return {"Low", "Medium", "High", "Very High"};
    std::vector<std::string> l;
    for (int i = 1; i <= bins; ++i)
        l.push_back("Q" + std::to_string(i));
    return l;
}

std::vector<std::pair<std::string, std::string>> defaultStrategies(const std::vector<std::string> &labels)
{
    if (labels != defaultLabels(4))
        return {};
    return {{"Low", "Develop"}, {"Medium", "Retain"}, {"High", "Maintain"}, {"Very High", "Maintain"}};
}

std::string SegmentSpec::strategyFor(const std::string &label) const
{
    for (const auto &[l, s] : strategies)
        if (l == label)
            return s;
    return {};
}

std::vector<std::string> rfmRuleLabels(const std::vector<RfmRule> &rules, const Translate &tr)
{
    std::vector<std::string> labels;
    for (const RfmRule &r : rules)
        labels.push_back(r.name);
    labels.push_back(rfmOthersLabel(tr));
    return labels;
}

const ScoreSpec *Project::findScore(const std::string &name) const
{
    for (const ScoreSpec &s : scores)
        if (s.name == name)
            return &s;
    return nullptr;
}

Result<Project> parseProject(const std::string &text, const std::string &file, const Translate &tr)
{
    if (nestsTooDeep(text))
        return makeError(ErrorKind::Project, Msg::ProjectTooDeep, {std::to_string(kMaxProjectDepth)}, file);
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded())
        return makeError(ErrorKind::Project, Msg::ProjectNotJson, {}, file);
    if (!j.is_object())
        return makeError(ErrorKind::Project, Msg::ProjectNotObject, {}, file);
    if (!j.contains("valuescope"))
        return makeError(ErrorKind::Project, Msg::NotAProject, {}, file);
    if (!j["valuescope"].is_number_integer() || j["valuescope"].get<int>() != 1)
        return makeError(ErrorKind::Project, Msg::ProjectVersion, {}, file);

    Project p;
    Reader r{file, {}};
    if (!j.contains("source") || !j["source"].is_object())
        return makeError(ErrorKind::Project, Msg::KeyMissingDataFile, {"source"}, file);
    const json &s = j["source"];
    if (s.contains("database")) {
        const json &d = s["database"];
        if (!d.is_object()) {
            r.fail("source.database", Msg::KeyObject);
        } else {
            DatabaseSpec db;
            r.str(d, "engine", "source.database.engine", db.engine);
            const SourceKindInfo *kind = findSourceKind(db.engine);
            if (!kind || !kind->isDatabase)
                r.fail("source.database.engine", Msg::KeyDatabaseEngine, {db.engine});
            r.str(d, "host", "source.database.host", db.host);
            if (d.contains("port")) {
                if (!d["port"].is_number_integer() || d["port"].get<int64_t>() < 1 || d["port"].get<int64_t>() > 65535)
                    r.fail("source.database.port", Msg::KeyDatabasePort);
                else
                    db.port = d["port"].get<int>();
            }
            r.str(d, "database", "source.database.database", db.database);
            r.str(d, "user", "source.database.user", db.user);
            r.str(d, "table", "source.database.table", db.table);
            r.str(d, "query", "source.database.query", db.query);
            r.str(d, "password_env", "source.database.password_env", db.passwordEnv);
            if (d.contains("password"))
                r.fail("source.database.password", Msg::KeyDatabasePassword);
            if (d.contains("tls")) {
                if (!d["tls"].is_boolean())
                    r.fail("source.database.tls", Msg::KeyBoolean);
                else
                    db.tls = d["tls"].get<bool>();
            }
            if (db.table.empty() == db.query.empty())
                r.fail("source.database", Msg::KeyDatabaseTableOrQuery);
            p.source.database = std::move(db);
        }
    } else {
        r.str(s, "path", "source.path", p.source.path);
        if (p.source.path.empty())
            r.fail("source.path", Msg::KeyMissingDataFile);
    }
    r.str(s, "sheet", "source.sheet", p.source.sheet);
    std::string layout = "customers";
    r.str(s, "layout", "source.layout", layout);
    if (layout == "customers") p.source.layout = Layout::Customers;
    else if (layout == "transactions") p.source.layout = Layout::Transactions;
    else if (layout == "campaigns") p.source.layout = Layout::Campaigns;
    else r.fail("source.layout", Msg::KeyLayout, {layout});
    r.str(s, "encoding", "source.encoding", p.source.encoding);
    r.chr(s, "delimiter", "source.delimiter", p.source.delimiter);
    r.chr(s, "decimal", "source.decimal", p.source.decimal);
    if (s.contains("unreadable_cells")) {
        std::string how;
        r.str(s, "unreadable_cells", "source.unreadable_cells", how);
        if (how == "missing")
            p.source.unreadableAsMissing = true;
        else if (how != "error")
            r.fail("source.unreadable_cells", Msg::KeyUnreadableCells);
    }
    if (s.contains("header_row")) {
        if (!s["header_row"].is_number_integer() || s["header_row"].get<int>() < 0)
            r.fail("source.header_row", Msg::KeyRowNumber);
        else
            p.source.headerRow = s["header_row"].get<int>();
    }
    if (s.contains("columns")) {
        if (!s["columns"].is_object())
            r.fail("source.columns", Msg::KeyRoleMap);
        else
            for (auto &[role, v] : s["columns"].items()) {
                const std::string key = "source.columns." + role;
                const RoleInfo *info = findRole(role);
                if (info && info->periods) {
                    if (!v.is_array())
                        r.fail(key, Msg::KeyPeriodColumns);
                    else
                        for (const json &c : v) {
                            if (!c.is_string()) { r.fail(key, Msg::KeyColumnNames); break; }
                            p.source.periodColumns[role].push_back(c.get<std::string>());
                        }
                    continue;
                }
                if (!info) {
                    r.fail(key, Msg::KeyUnknownRole);
                    continue;
                }
                if (!v.is_string())
                    r.fail(key, Msg::KeyColumnName);
                else
                    p.source.columns[role] = v.get<std::string>();
            }
    }

    if (j.contains("value")) {
        const json &v = j["value"];
        if (!v.is_object())
            r.fail("value", Msg::KeyObject);
        else {
            r.str(v, "model", "value.model", p.value.model);
            if (!findValueModel(p.value.model))
                r.fail("value.model", Msg::KeyUnknownModel, {p.value.model});
            for (const ParameterInfo &param : valueParameters()) {
                const std::string key = std::string("value.") + param.key;
                if (param.number) {
                    r.num(v, param.key, key, p.value.*(param.number));
                } else if (param.numberAsText && v.contains(param.key) && v[param.key].is_number()) {
                    p.value.*(param.text) = json(v[param.key]).dump();
                } else {
                    r.str(v, param.key, key, p.value.*(param.text));
                }
                if (!parameterValid(p.value, param)) {
                    std::vector<std::string> args;
                    if (param.namesWrongChoice)
                        args.push_back(p.value.*(param.text));
                    if (param.ruleNamesKey)
                        r.fail(key, param.rule, std::move(args));
                    else if (!r.error)
                        r.error = makeError(ErrorKind::Project, param.rule, std::move(args), file);
                }
            }
        }
    }

    if (j.contains("scores")) {
        if (!j["scores"].is_array())
            r.fail("scores", Msg::KeyList);
        else
            for (size_t i = 0; i < j["scores"].size(); ++i) {
                const json &sj = j["scores"][i];
                const std::string key = "scores[" + std::to_string(i) + "]";
                ScoreSpec sc;
                if (!sj.is_object()) { r.fail(key, Msg::KeyObject); continue; }
                r.str(sj, "name", key + ".name", sc.name);
                if (sc.name.empty())
                    r.fail(key + ".name", Msg::KeyMissing);
                std::string norm = "count";
                r.str(sj, "normalize", key + ".normalize", norm);
                if (norm == "count") sc.normalize = Normalize::Count;
                else if (norm == "weights") sc.normalize = Normalize::Weights;
                else r.fail(key + ".normalize", Msg::KeyNormalize);
                if (sj.contains("minmax")) {
                    if (!sj["minmax"].is_boolean()) r.fail(key + ".minmax", Msg::KeyBoolean);
                    else sc.minMaxScale = sj["minmax"].get<bool>();
                }
                if (!sj.contains("items") || !sj["items"].is_array() || sj["items"].empty())
                    r.fail(key + ".items", Msg::KeyIndicators);
                else
                    for (size_t k = 0; k < sj["items"].size(); ++k) {
                        const json &it = sj["items"][k];
                        const std::string ik = key + ".items[" + std::to_string(k) + "]";
                        ScoreItem item;
                        if (!it.is_object()) { r.fail(ik, Msg::KeyObject); continue; }
                        r.str(it, "column", ik + ".column", item.column);
                        if (item.column.empty())
                            r.fail(ik + ".column", Msg::KeyMissing);
                        r.num(it, "weight", ik + ".weight", item.weight);
                        sc.items.push_back(item);
                    }
                if (p.findScore(sc.name))
                    r.fail(key + ".name", Msg::KeyScoreNameTwice, {sc.name});
                p.scores.push_back(std::move(sc));
            }
    }

    if (j.contains("rates")) {
        if (!j["rates"].is_array())
            r.fail("rates", Msg::KeyList);
        else
            for (size_t i = 0; i < j["rates"].size(); ++i) {
                const json &rj = j["rates"][i];
                const std::string key = "rates[" + std::to_string(i) + "]";
                RateSpec rs;
                if (!rj.is_object()) { r.fail(key, Msg::KeyObject); continue; }
                r.str(rj, "name", key + ".name", rs.name);
                r.str(rj, "column", key + ".column", rs.column);
                if (rj.contains("positive") && (rj["positive"].is_number() || rj["positive"].is_boolean()))
                    rs.positive = rj["positive"].dump();
                else
                    r.str(rj, "positive", key + ".positive", rs.positive);
                if (rs.column.empty())
                    r.fail(key + ".column", Msg::KeyMissing);
                if (rs.name.empty())
                    rs.name = rs.column;
                p.rates.push_back(rs);
            }
    }

    if (j.contains("segments")) {
        const json &g = j["segments"];
        SegmentSpec &seg = p.segments;
        if (!g.is_object())
            r.fail("segments", Msg::KeyObject);
        else {
            r.str(g, "by", "segments.by", seg.by);
            r.str(g, "method", "segments.method", seg.method);
            if (!findSegmentMethod(seg.method))
                r.fail("segments.method", Msg::KeySegmentMethod);
            if (g.contains("bins")) {
                if (!g["bins"].is_number_integer() || g["bins"].get<int>() < kMinSegments ||
                    g["bins"].get<int>() > kMaxSegments)
                    r.fail("segments.bins", Msg::KeyBins);
                else
                    seg.bins = g["bins"].get<int>();
            }
            if (g.contains("labels")) {
                seg.labels.clear();
                if (!g["labels"].is_array())
                    r.fail("segments.labels", Msg::KeyNames);
                else
                    for (const json &l : g["labels"]) {
                        if (!l.is_string()) { r.fail("segments.labels", Msg::KeyNames); break; }
                        seg.labels.push_back(l.get<std::string>());
                    }
            } else if (seg.method == "quantile") {
                seg.labels = defaultLabels(seg.bins);
            }
            if (g.contains("edges")) {
                if (!g["edges"].is_array())
                    r.fail("segments.edges", Msg::KeyNumbers);
                else
                    for (const json &e : g["edges"]) {
                        if (!e.is_number()) { r.fail("segments.edges", Msg::KeyNumbers); break; }
                        seg.edges.push_back(e.get<double>());
                    }
            }
            if (g.contains("rules")) {
                if (!g["rules"].is_array())
                    r.fail("segments.rules", Msg::KeyRules);
                else
                    for (size_t i = 0; i < g["rules"].size(); ++i) {
                        const json &rj = g["rules"][i];
                        const std::string key = "segments.rules[" + std::to_string(i) + "]";
                        RfmRule rule;
                        if (!rj.is_object() || !rj.contains("name") || !rj["name"].is_string()) {
                            r.fail(key, Msg::KeyRuleObject);
                            continue;
                        }
                        rule.name = rj["name"].get<std::string>();
                        for (auto [k, range] : {std::pair{"r", rule.r}, std::pair{"f", rule.f}, std::pair{"m", rule.m}}) {
                            if (!rj.contains(k))
                                continue;
                            const json &a = rj[k];
                            if (!a.is_array() || a.size() != 2 || !a[0].is_number_integer() || !a[1].is_number_integer() ||
                                a[0].get<int>() < 1 || a[1].get<int>() > 5 || a[0].get<int>() > a[1].get<int>()) {
                                r.fail(key + "." + k, Msg::KeyScoreRange);
                                continue;
                            }
                            range[0] = a[0].get<int>();
                            range[1] = a[1].get<int>();
                        }
                        seg.rules.push_back(rule);
                    }
            }
            if (seg.by == "rfm" && !g.contains("method"))
                seg.method = "rfm_rules";
            if (seg.method == "rfm_rules") {
                seg.by = "rfm";
                if (seg.rules.empty())
                    seg.rules = defaultRfmRules(tr);
                seg.labels = rfmRuleLabels(seg.rules, tr);
            }
            if (g.contains("strategies")) {
                seg.strategies.clear();
                if (!g["strategies"].is_object())
                    r.fail("segments.strategies", Msg::KeyStrategies);
                else {
                    // keep the labels' order, then any others
                    for (const std::string &l : seg.labels)
                        if (g["strategies"].contains(l) && g["strategies"][l].is_string())
                            seg.strategies.emplace_back(l, g["strategies"][l].get<std::string>());
                    for (auto &[l, v] : g["strategies"].items()) {
                        if (!v.is_string()) { r.fail("segments.strategies." + l, Msg::KeyText); continue; }
                        if (seg.strategyFor(l).empty() &&
                            std::find(seg.labels.begin(), seg.labels.end(), l) == seg.labels.end())
                            seg.strategies.emplace_back(l, v.get<std::string>());
                    }
                }
            } else if (seg.method == "rfm_rules") {
                seg.strategies.clear();
                setRfmRules(seg, seg.rules, tr);
            } else {
                seg.strategies = defaultStrategies(seg.labels);
            }
        }
    }
    if (j.contains("snapshots")) {
        const json &g = j["snapshots"];
        SnapshotSpec sp;
        if (!g.is_object()) {
            r.fail("snapshots", Msg::KeyObject);
        } else {
            for (auto [k, out] : {std::pair{"from", &sp.from}, std::pair{"to", &sp.to}}) {
                const std::string key = std::string("snapshots.") + k;
                if (!g.contains(k)) {
                    r.fail(key, Msg::KeyMissing);
                    continue;
                }
                double day = 0;
                if (r.str(g, k, key, *out) && parseDate(*out, DateOrder::Unknown, true, day) != CellParse::Ok)
                    r.fail(key, Msg::KeyDate, {*out});
            }
            if (r.num(g, "alive_below", "snapshots.alive_below", sp.aliveBelow) &&
                !(sp.aliveBelow >= 0 && sp.aliveBelow <= 1))
                r.fail("snapshots.alive_below", Msg::KeyShare);
        }
        p.snapshots = sp;
    }
    if (j.contains("cohorts")) {
        const json &g = j["cohorts"];
        CohortSpec c;
        if (!g.is_object()) {
            r.fail("cohorts", Msg::KeyObject);
        } else {
            if (r.str(g, "period", "cohorts.period", c.period) && c.period != "month" && c.period != "quarter")
                r.fail("cohorts.period", Msg::KeyCohortPeriod, {c.period});
            if (r.str(g, "measure", "cohorts.measure", c.measure) && c.measure != "customers" && c.measure != "revenue")
                r.fail("cohorts.measure", Msg::KeyCohortMeasure, {c.measure});
        }
        p.cohorts = c;
    }
    if (j.contains("baseline") && !r.error) {
        const json &b = j["baseline"];
        if (!b.is_object())
            r.fail("baseline", Msg::KeyBaselineObject);
        else {
            // the baseline is read as a project of its own on the same source; the keys it
            // leaves out (value, scores, rates, segments) are the project's own
            json whole = j;
            whole.erase("baseline");
            for (const auto &[key, v] : b.items())
                if (key != "valuescope" && key != "source" && key != "baseline" && key != "snapshots" &&
                    key != "cohorts")
                    whole[key] = v;
            auto base = parseProject(whole.dump(), file, tr);
            if (!base) {
                // the key of the baseline's own error lies under "baseline."; any other is in it
                Error e = base.error();
                if (messageInfo(e.code).keyFirst && e.context.empty() && !e.args.empty())
                    e.args.front().insert(0, "baseline.");
                else
                    e = within(std::move(e), Msg::InSection, {"baseline"});
                return e;
            }
            base->snapshots.reset(); // over time belongs to the project, not to a what-if baseline
            base->cohorts.reset();
            p.baseline = std::make_shared<const Project>(std::move(base.value()));
        }
    }
    if (r.error)
        return *r.error;
    return p;
}

Result<Project> loadProject(const std::string &path, const Translate &tr)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorKind::Io, Msg::ProjectCannotBeOpened, {}, path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (text.size() > 64 * 1024 * 1024)
        return makeError(ErrorKind::Project, Msg::ProjectTooLarge, {}, path);
    return parseProject(text, path, tr);
}

namespace {
json toJson(const Project &p)
{
    json j;
    j["valuescope"] = 1;
    json s;
    if (const auto &db = p.source.database) {
        // never a password: only the name of the variable that holds it
        json d = {{"engine", db->engine}, {"host", db->host}, {"database", db->database}, {"user", db->user},
                  {"password_env", db->passwordEnv}, {"tls", db->tls}};
        if (db->port)
            d["port"] = db->port;
        if (!db->query.empty())
            d["query"] = db->query;
        else
            d["table"] = db->table;
        s["database"] = d;
    } else {
        s["path"] = p.source.path;
        s["sheet"] = p.source.sheet;
    }
    s["layout"] = layoutName(p.source.layout);
    json cols = json::object();
    for (const auto &[role, col] : p.source.columns)
        cols[role] = col;
    for (const auto &[role, list] : p.source.periodColumns)
        cols[role] = list;
    s["columns"] = cols;
    if (!p.source.encoding.empty())
        s["encoding"] = p.source.encoding;
    if (p.source.delimiter)
        s["delimiter"] = p.source.delimiter == '\t' ? std::string("tab") : std::string(1, p.source.delimiter);
    if (p.source.decimal)
        s["decimal"] = std::string(1, p.source.decimal);
    if (p.source.headerRow >= 0)
        s["header_row"] = p.source.headerRow;
    if (p.source.unreadableAsMissing)
        s["unreadable_cells"] = "missing";
    j["source"] = s;

    json v;
    v["model"] = p.value.model;
    v["rate"] = p.value.rate;
    if (!p.value.score.empty())
        v["score"] = p.value.score;
    v["cvb_reference"] = p.value.cvbReference;
    if (!p.value.observationEnd.empty())
        v["observation_end"] = p.value.observationEnd;
    v["time_unit"] = p.value.timeUnit;
    v["horizon_months"] = p.value.horizonMonths;
    v["monthly_discount"] = p.value.monthlyDiscount;
    if (p.value.penalizer != 0)
        v["penalizer"] = p.value.penalizer;
    if (p.value.intervalLevel != 0.9)
        v["interval_level"] = p.value.intervalLevel;
    if (p.value.rfmScoring != "quantile")
        v["rfm_scoring"] = p.value.rfmScoring;
    if (p.value.purchaseModel != "bgnbd")
        v["purchase_model"] = p.value.purchaseModel;
    if (p.value.spendPenalizer != 0)
        v["spend_penalizer"] = p.value.spendPenalizer;
    if (p.value.period != "day")
        v["period"] = p.value.period;
    if (p.value.monthDays != 30.4375)
        v["month_days"] = p.value.monthDays;
    if (!p.value.holdoutEnd.empty())
        v["holdout_end"] = p.value.holdoutEnd;
    if (p.value.clvInterval != "delta")
        v["clv_interval"] = p.value.clvInterval;
    if (p.value.bootstrapSamples != 200)
        v["bootstrap_samples"] = p.value.bootstrapSamples;
    if (p.value.bootstrapSeed != 1)
        v["bootstrap_seed"] = p.value.bootstrapSeed;
    j["value"] = v;

    json scores = json::array();
    for (const ScoreSpec &sc : p.scores) {
        json sj;
        sj["name"] = sc.name;
        sj["normalize"] = sc.normalize == Normalize::Count ? "count" : "weights";
        sj["minmax"] = sc.minMaxScale;
        json items = json::array();
        for (const ScoreItem &it : sc.items)
            items.push_back({{"column", it.column}, {"weight", it.weight}});
        sj["items"] = items;
        scores.push_back(sj);
    }
    j["scores"] = scores;

    if (!p.rates.empty()) {
        json rates = json::array();
        for (const RateSpec &r : p.rates)
            rates.push_back({{"name", r.name}, {"column", r.column}, {"positive", r.positive}});
        j["rates"] = rates;
    }

    json g;
    g["by"] = p.segments.by;
    g["method"] = p.segments.method;
    g["bins"] = p.segments.bins;
    g["labels"] = p.segments.labels;
    if (!p.segments.edges.empty())
        g["edges"] = p.segments.edges;
    if (p.segments.method == "rfm_rules") {
        json rules = json::array();
        for (const RfmRule &rule : p.segments.rules)
            rules.push_back({{"name", rule.name}, {"r", {rule.r[0], rule.r[1]}}, {"f", {rule.f[0], rule.f[1]}},
                             {"m", {rule.m[0], rule.m[1]}}});
        g["rules"] = rules;
    }
    json strat = json::object();
    for (const auto &[l, st] : p.segments.strategies)
        strat[l] = st;
    g["strategies"] = strat;
    j["segments"] = g;
    if (p.snapshots) {
        json sn = {{"from", p.snapshots->from}, {"to", p.snapshots->to}};
        if (p.snapshots->aliveBelow != SnapshotSpec{}.aliveBelow)
            sn["alive_below"] = p.snapshots->aliveBelow;
        j["snapshots"] = sn;
    }
    if (p.cohorts)
        j["cohorts"] = {{"period", p.cohorts->period}, {"measure", p.cohorts->measure}};
    return j;
}
} // namespace

std::string projectToJson(const Project &p)
{
    json j = toJson(p);
    if (p.baseline) {
        json b = toJson(*p.baseline);
        b.erase("valuescope");
        b.erase("source");
        b.erase("snapshots");
        b.erase("cohorts");
        j["baseline"] = b;
    }
    return j.dump(2) + "\n";
}

Status saveProject(const Project &p, const std::string &path)
{
    return writeFileAtomically(path, projectToJson(p));
}

std::string resolveSourcePath(const Project &p, const std::string &projectPath)
{
    namespace fs = std::filesystem;
    fs::path src(p.source.path);
    if (src.is_absolute())
        return src.string();
    return (fs::path(projectPath).parent_path() / src).lexically_normal().string();
}

} // namespace vs
