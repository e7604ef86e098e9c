#include "roles.h"

#include "core/domain/registry.h"

#include "core/domain/translatable.h"
#include "core/table/cell_parse.h"
#include "core/table/table.h"

#include <cmath>

#include <algorithm>
#include <cctype>
#include <set>

namespace vs {

namespace {

// lower case, without spaces, underscores, hyphens and dots
std::string normalise(const std::string &s)
{
    std::string out;
    for (unsigned char c : s) {
        if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '(' || c == ')')
            continue;
        out.push_back(char(std::tolower(c)));
    }
    return out;
}

using enum RoleType;
constexpr Layout C = Layout::Customers, T = Layout::Transactions, K = Layout::Campaigns;

// The table's order is the guessing order (an exact name first for every role, then "contains"),
// and within each layout the order the wizard asks in.
const std::vector<RoleInfo> kRoles = {
    {"customer", QT_TRANSLATE_NOOP("roles", "Customer id"), Id, {C, T}, false,
     {"customerid", "customer", "custid", "customerno", "customernumber", "clientid", "client", "memberid", "userid",
      "id", "客户编号", "客户id", "客户号", "客户代码", "会员id", "会员编号", "会员号", "用户id", "客户"},
     {"customer", "客户", "会员"}},
    {"campaign", QT_TRANSLATE_NOOP("roles", "Campaign"), Id, {K}, false,
     {"campaign", "campaignname", "campaignid", "活动", "营销活动", "活动名称"}, {"campaign", "活动"}},
    {"revenue", QT_TRANSLATE_NOOP("roles", "Revenue (PV)"), Number, {C}, false,
     {"revenue", "pv", "income", "turnover", "totalrevenue", "revenuetotal", "monetary", "totalsales", "收入", "营收",
      "营业收入", "营业额", "总收入", "消费金额", "销售收入", "sales", "销售额", "销售"},
     {"revenue", "收入", "营收"}},
    {"sales", QT_TRANSLATE_NOOP("roles", "Sales"), Number, {K}, false,
     {"sales", "salesamount", "销售额", "销售", "销量金额"}, {"sales", "销售"}},
    {"cost", QT_TRANSLATE_NOOP("roles", "Cost (C)"), Number, {C, K}, false,
     {"cost", "costs", "c", "totalcost", "expense", "expenses", "成本", "费用", "总成本", "客户成本"},
     {"cost", "成本", "费用"}},
    {"lifetime", QT_TRANSLATE_NOOP("roles", "Lifetime (L)"), Number, {C}, false,
     {"lifetime", "tenure", "lifetimeyears", "l", "生命周期", "客户生命周期", "年限", "客户年限"},
     {"lifetime", "tenure", "生命周期"}},
    {"orders", QT_TRANSLATE_NOOP("roles", "Number of purchases"), Number, {C}, false,
     {"orders", "ordercount", "numberoforders", "purchases", "purchasecount", "frequency", "订单数", "订单数量",
      "购买次数", "消费次数", "频次", "购买频次"},
     {"ordercount", "purchasecount", "订单数", "次数"}},
    {"average_spend", QT_TRANSLATE_NOOP("roles", "Average spend"), Number, {C}, false,
     {"averagespend", "avgspend", "aov", "averageordervalue", "avgordervalue", "平均消费", "客单价", "平均订单金额",
      "平均消费金额"},
     {"average", "avg", "平均"}},
    {"date", QT_TRANSLATE_NOOP("roles", "Date"), Date, {T}, false,
     {"date", "orderdate", "invoicedate", "purchasedate", "日期", "订单日期", "交易日期", "购买日期"}, {"date", "日期"}},
    {"amount", QT_TRANSLATE_NOOP("roles", "Amount"), Number, {T}, false,
     {"amount", "orderamount", "金额", "订单金额", "交易金额"}, {"amount", "金额"}},
    {"quantity", QT_TRANSLATE_NOOP("roles", "Quantity"), Number, {T}, false, {"quantity", "qty", "数量"},
     {"quantity", "数量"}},
    {"unit_price", QT_TRANSLATE_NOOP("roles", "Unit price"), Number, {T}, false, {"unitprice", "price", "单价"},
     {"price", "单价"}},
    {"invoice", QT_TRANSLATE_NOOP("roles", "Invoice"), Id, {T}, false,
     {"invoice", "invoiceno", "orderid", "orderno", "订单号", "订单编号"}, {"invoice", "订单号"}},
    {"revenue_periods", QT_TRANSLATE_NOOP("roles", "Revenue per period"), Number, {C}, true, {}, {}},
    {"cost_periods", QT_TRANSLATE_NOOP("roles", "Cost per period"), Number, {C}, true, {}, {}},
};

bool usedBy(const RoleInfo &r, Layout layout)
{
    return std::find(r.layouts.begin(), r.layouts.end(), layout) != r.layouts.end();
}

} // namespace

std::span<const RoleInfo> roles()
{
    return kRoles;
}

const RoleInfo *findRole(std::string_view key) { return findByKey(kRoles, key); }

std::vector<std::string> rolesFor(Layout layout)
{
    std::vector<std::string> out;
    for (const RoleInfo &r : kRoles)
        if (!r.periods && usedBy(r, layout))
            out.push_back(r.key);
    return out;
}

bool roleNeedsNumbers(const std::string &role)
{
    const RoleInfo *r = findRole(role);
    return !r || r->type == RoleType::Number;
}

std::map<std::string, std::string> guessOrderLineRoles(const Table &table)
{
    const size_t probe = std::min<size_t>(table.rowCount(), 500);
    auto numbers = [&](const Column &c) { return c.type == ColumnType::Number && probe > 0; };
    auto wholeNumbers = [&](const Column &c) {
        if (!numbers(c))
            return false;
        for (size_t i = 0; i < probe; ++i)
            if (const double v = c.numbers()[i]; !std::isnan(v) && v != std::floor(v))
                return false;
        return true;
    };
    auto yyyymmdd = [&](const Column &c) {
        if (c.type == ColumnType::Date)
            return true;
        if (!wholeNumbers(c))
            return false;
        for (size_t i = 0; i < probe; ++i) {
            const double v = c.numbers()[i];
            double days = 0;
            if (std::isnan(v) || v < 19000101 || v > 21001231 ||
                !civilDays(int(v / 10000), unsigned(int64_t(v) / 100 % 100), unsigned(int64_t(v) % 100), days))
                return false;
        }
        return true;
    };
    std::map<std::string, std::string> out;
    int date = -1, amount = -1;
    for (size_t i = 0; i < table.columns.size(); ++i)
        if (date < 0 && yyyymmdd(table.columns[i]))
            date = int(i);
    for (size_t i = table.columns.size(); i-- > 0;)
        if (amount < 0 && int(i) != date && numbers(table.columns[i]) && !wholeNumbers(table.columns[i]))
            amount = int(i);
    if (date < 0 || amount < 0)
        return out;
    for (size_t i = 0; i < table.columns.size(); ++i) {
        const Column &c = table.columns[i];
        if (int(i) != date && int(i) < amount && (c.type == ColumnType::Text || wholeNumbers(c))) {
            out["customer"] = c.name;
            break;
        }
    }
    if (!out.count("customer"))
        return {};
    out["date"] = table.columns[size_t(date)].name;
    out["amount"] = table.columns[size_t(amount)].name;
    return out;
}

std::map<std::string, std::string> guessRoles(const std::vector<std::string> &headers, Layout layout)
{
    std::map<std::string, std::string> out;
    std::set<size_t> used;
    std::vector<std::string> norm;
    for (const std::string &h : headers)
        norm.push_back(normalise(h));
    // exact names first for every role, then "contains"
    for (int pass = 0; pass < 2; ++pass) {
        for (const RoleInfo &rn : kRoles) {
            if (rn.periods || !usedBy(rn, layout) || out.count(rn.key))
                continue;
            const auto &names = pass == 0 ? rn.exact : rn.contains;
            for (const std::string &name : names) {
                bool found = false;
                for (size_t i = 0; i < norm.size() && !found; ++i) {
                    if (used.count(i))
                        continue;
                    const bool match = pass == 0 ? norm[i] == name : norm[i].find(name) != std::string::npos;
                    if (match) {
                        out[rn.key] = headers[i];
                        used.insert(i);
                        found = true;
                    }
                }
                if (found)
                    break;
            }
        }
    }
    return out;
}

} // namespace vs
