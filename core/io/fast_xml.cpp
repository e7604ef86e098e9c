#include "fast_xml.h"

#include <charconv>
#include <cstdint>

namespace vs::fastxml {

namespace {
void appendUtf8(std::string &out, uint32_t cp)
{
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp <= 0x10FFFF) {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

} // namespace

std::string_view localName(std::string_view n)
{
    const size_t colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}


bool decodeInto(std::string_view raw, std::string &out, std::string *bad)
{
    size_t i = 0;
    while (i < raw.size()) {
        const size_t amp = raw.find('&', i);
        if (amp == std::string_view::npos) {
            out.append(raw.substr(i));
            return true;
        }
        out.append(raw.substr(i, amp - i));
        // the ';' within the longest name or reference we decode (&#x10FFFF; and a little):
        // not searched to the end of the text for every '&'
        const size_t semi = raw.substr(amp, 13).find(';');
        if (semi == std::string_view::npos) {
            out.push_back('&');
            i = amp + 1;
            continue;
        }
        const std::string_view ent = raw.substr(amp + 1, semi - 1);
        if (ent == "amp") out.push_back('&');
        else if (ent == "lt") out.push_back('<');
        else if (ent == "gt") out.push_back('>');
        else if (ent == "quot") out.push_back('"');
        else if (ent == "apos") out.push_back('\'');
        else if (ent.size() > 1 && ent[0] == '#') {
            uint32_t cp = 0;
            const bool hex = ent[1] == 'x' || ent[1] == 'X';
            const char *b = ent.data() + (hex ? 2 : 1), *e = ent.data() + ent.size();
            const auto [stop, ec] = std::from_chars(b, e, cp, hex ? 16 : 10);
            // a character XML allows (and UTF-8 can hold): not 0, a surrogate, U+FFFE/U+FFFF or past U+10FFFF
            if (b == e || ec != std::errc() || stop != e || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) ||
                cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF) {
                if (bad)
                    *bad = std::string(raw.substr(amp, semi + 1));
                return false;
            }
            appendUtf8(out, cp);
        } else {
            out.append(raw.substr(amp, semi + 1));
        }
        i = amp + semi + 1;
    }
    return true;
}

std::string_view attr(std::span<const XmlAttr> attrs, std::string_view name)
{
    for (const XmlAttr &a : attrs)
        if (a.name == name)
            return a.value;
    return {};
}

} // namespace vs::fastxml
