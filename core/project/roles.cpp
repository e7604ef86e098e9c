#include "roles.h"

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

struct RoleNames {
    const char *role;
    std::vector<std::string> exact;    // whole-name matches, best first
    std::vector<std::string> contains; // weaker: the name contains this
};

const std::vector<RoleNames> &dictionary()
{
    static const std::vector<RoleNames> d = {
        {"customer",
         {"customerid", "customer", "custid", "customerno", "customernumber", "clientid", "client", "memberid", "userid",
          "id", "客户编号", "客户id", "客户号", "客户代码", "会员id", "会员编号", "会员号", "用户id", "客户"},
         {"customer", "客户", "会员"}},
        {"campaign", {"campaign", "campaignname", "campaignid", "活动", "营销活动", "活动名称"}, {"campaign", "活动"}},
        {"revenue",
         {"revenue", "pv", "income", "turnover", "totalrevenue", "revenuetotal", "monetary", "totalsales", "收入",
          "营收", "营业收入", "营业额", "总收入", "消费金额", "销售收入", "sales", "销售额", "销售"},
         {"revenue", "收入", "营收"}},
        {"sales", {"sales", "salesamount", "销售额", "销售", "销量金额"}, {"sales", "销售"}},
        {"cost", {"cost", "costs", "c", "totalcost", "expense", "expenses", "成本", "费用", "总成本", "客户成本"},
         {"cost", "成本", "费用"}},
        {"lifetime", {"lifetime", "tenure", "lifetimeyears", "l", "生命周期", "客户生命周期", "年限", "客户年限"},
         {"lifetime", "tenure", "生命周期"}},
        {"orders",
         {"orders", "ordercount", "numberoforders", "purchases", "purchasecount", "frequency", "订单数", "订单数量",
          "购买次数", "消费次数", "频次", "购买频次"},
         {"ordercount", "purchasecount", "订单数", "次数"}},
        {"average_spend",
         {"averagespend", "avgspend", "aov", "averageordervalue", "avgordervalue", "平均消费", "客单价", "平均订单金额",
          "平均消费金额"},
         {"average", "avg", "平均"}},
        {"amount", {"amount", "orderamount", "金额", "订单金额", "交易金额"}, {"amount", "金额"}},
        {"date", {"date", "orderdate", "invoicedate", "purchasedate", "日期", "订单日期", "交易日期", "购买日期"},
         {"date", "日期"}},
        {"quantity", {"quantity", "qty", "数量"}, {"quantity", "数量"}},
        {"unit_price", {"unitprice", "price", "单价"}, {"price", "单价"}},
        {"invoice", {"invoice", "invoiceno", "orderid", "orderno", "订单号", "订单编号"}, {"invoice", "订单号"}},
    };
    return d;
}

} // namespace

std::vector<std::string> rolesFor(Layout layout)
{
    switch (layout) {
    case Layout::Customers: return {"customer", "revenue", "cost", "lifetime", "orders", "average_spend"};
    case Layout::Campaigns: return {"campaign", "sales", "cost"};
    case Layout::Transactions: return {"customer", "date", "amount", "quantity", "unit_price", "invoice"};
    }
    return {};
}

bool roleNeedsNumbers(const std::string &role)
{
    return role != "customer" && role != "campaign" && role != "date" && role != "invoice";
}

std::map<std::string, std::string> guessRoles(const std::vector<std::string> &headers, Layout layout)
{
    std::map<std::string, std::string> out;
    std::set<size_t> used;
    const std::vector<std::string> roles = rolesFor(layout);
    std::vector<std::string> norm;
    for (const std::string &h : headers)
        norm.push_back(normalise(h));
    // exact names first for every role, then "contains"
    for (int pass = 0; pass < 2; ++pass) {
        for (const RoleNames &rn : dictionary()) {
            if (std::find(roles.begin(), roles.end(), rn.role) == roles.end() || out.count(rn.role))
                continue;
            const auto &names = pass == 0 ? rn.exact : rn.contains;
            for (const std::string &name : names) {
                bool found = false;
                for (size_t i = 0; i < norm.size() && !found; ++i) {
                    if (used.count(i))
                        continue;
                    const bool match = pass == 0 ? norm[i] == name : norm[i].find(name) != std::string::npos;
                    if (match) {
                        out[rn.role] = headers[i];
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
