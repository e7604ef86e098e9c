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


void decodeInto(std::string_view raw, std::string &out)
{
    size_t i = 0;
    while (i < raw.size()) {
        const size_t amp = raw.find('&', i);
        if (amp == std::string_view::npos) {
            out.append(raw.substr(i));
            return;
        }
        out.append(raw.substr(i, amp - i));
        const size_t semi = raw.find(';', amp);
        if (semi == std::string_view::npos || semi - amp > 12) {
            out.push_back('&');
            i = amp + 1;
            continue;
        }
        const std::string_view ent = raw.substr(amp + 1, semi - amp - 1);
        if (ent == "amp") out.push_back('&');
        else if (ent == "lt") out.push_back('<');
        else if (ent == "gt") out.push_back('>');
        else if (ent == "quot") out.push_back('"');
        else if (ent == "apos") out.push_back('\'');
        else if (ent.size() > 1 && ent[0] == '#') {
            uint32_t cp = 0;
            const bool hex = ent[1] == 'x' || ent[1] == 'X';
            const char *b = ent.data() + (hex ? 2 : 1);
            std::from_chars(b, ent.data() + ent.size(), cp, hex ? 16 : 10);
            appendUtf8(out, cp);
        } else {
            out.append(raw.substr(amp, semi - amp + 1));
        }
        i = semi + 1;
    }
}


std::string_view attr(std::span<const XmlAttr> attrs, std::string_view name)
{
    for (const XmlAttr &a : attrs)
        if (a.name == name)
            return a.value;
    return {};
}

} // namespace vs::fastxml
