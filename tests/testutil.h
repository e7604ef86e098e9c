#pragma once
// Helpers shared by the test suites: reference files, and number comparison with a stated tolerance.
#include <QString>
#include <QTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace testutil {

inline std::string dataPath(const std::string &rel) { return std::string(VS_TEST_DATA) + "/" + rel; }

inline nlohmann::json loadJson(const std::string &path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str());
}

// The NAME=value lines of a file, such as the state tests/db/servers.sh writes for the database
// tests (its ports and directories).
inline std::map<std::string, std::string> readKeyValues(const std::string &path)
{
    std::map<std::string, std::string> m;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (auto eq = line.find('='); eq != std::string::npos)
            m[line.substr(0, eq)] = line.substr(eq + 1);
    return m;
}

inline std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Expected may be null (= missing). relTol 0 means bit-for-bit equal.
inline bool sameNumber(double actual, const nlohmann::json &expected, double relTol = 0)
{
    if (expected.is_null())
        return std::isnan(actual);
    const double e = expected.get<double>();
    if (std::isnan(actual))
        return false;
    if (relTol == 0)
        return actual == e;
    return std::fabs(actual - e) <= relTol * std::max(1.0, std::fabs(e));
}

inline QString show(double actual, const nlohmann::json &expected)
{
    return QStringLiteral("actual %1, expected %2")
        .arg(actual, 0, 'g', 17)
        .arg(QString::fromStdString(expected.dump()));
}

} // namespace testutil

#define VS_COMPARE_NUMBER(actual, expected, tol, what)                                                         \
    do {                                                                                                       \
        const double a_ = (actual);                                                                            \
        if (!testutil::sameNumber(a_, (expected), (tol)))                                                      \
            QFAIL(qPrintable(QStringLiteral("%1: %2").arg(QString(what), testutil::show(a_, (expected)))));    \
    } while (0)
