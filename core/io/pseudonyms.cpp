#include "pseudonyms.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace vs {

std::string pseudonym(std::string_view key, std::string_view id)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), int(key.size()), reinterpret_cast<const unsigned char *>(id.data()), id.size(), mac,
         &len);
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < 8 && i < len; ++i) { // 8 bytes: 16 hex characters
        out.push_back(hex[mac[i] >> 4]);
        out.push_back(hex[mac[i] & 15]);
    }
    return out;
}

bool looksPersonal(std::string_view column)
{
    std::string c;
    for (char ch : column)
        c.push_back(char(std::tolower(static_cast<unsigned char>(ch))));
    // words written in column names of CRM exports; "_name" and "name_" catch first_name, name_2…
    static const char *const kWords[] = {"name", "e-mail", "email", "mail", "phone", "mobile", "telephone",
                                         "address", "street", "postcode", "zip", "surname", "firstname",
                                         "lastname", "contact", "姓名", "名字", "邮箱", "电子邮件", "电话",
                                         "手机", "地址", "联系人"};
    for (const char *w : kWords)
        if (c.find(w) != std::string::npos)
            return true;
    return false;
}

OutputTable pseudonymised(OutputTable t, size_t idColumn, std::string key)
{
    std::vector<size_t> keep;
    for (size_t c = 0; c < t.header.size(); ++c)
        if (c == idColumn || !looksPersonal(t.header[c]))
            keep.push_back(c);
    OutputTable out;
    out.rows = t.rows;
    for (size_t c : keep) {
        out.header.push_back(t.header[c]);
        out.numeric.push_back(t.numeric[c]);
    }
    auto text = std::move(t.text);
    out.text = [text, keep, idColumn, key = std::move(key)](size_t row, size_t col) {
        const size_t c = keep[col];
        std::string s = text(row, c);
        return c == idColumn && !s.empty() ? pseudonym(key, s) : s;
    };
    return out;
}

Result<std::string> pseudonymKeyFrom(const std::string &variable)
{
    const char *v = variable.empty() ? nullptr : std::getenv(variable.c_str());
    if (!v || !*v)
        return makeError(ErrorKind::Project, Msg::PseudonymKeyMissing, {variable});
    return std::string(v);
}

} // namespace vs
