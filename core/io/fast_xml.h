#pragma once
// A small, fast streaming scanner for large, regular XML such as an XLSX worksheet: tags,
// attributes and text with the five XML entities and character references decoded. It refuses
// document type declarations (and so entity bombs) and can stop after a given element.
// Smaller, irregular parts go through expat (xml_stream.h). The handlers are template
// parameters so that a million cells cost no indirect calls.
#include "core/messages.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vs {

struct XmlAttr {
    std::string_view name; // without its prefix
    std::string_view value;
};

namespace fastxml {
std::string_view localName(std::string_view n);
inline bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// Decodes &amp; &lt; &gt; &quot; &apos; &#N; &#xH; (anything else is kept as written).
void decodeInto(std::string_view raw, std::string &out);
std::string_view attr(std::span<const XmlAttr> attrs, std::string_view name);
} // namespace fastxml

template <class OnStart, class OnEnd, class OnText>
class FastXmlScanner {
public:
    FastXmlScanner(OnStart s, OnEnd e, OnText t, std::string stopAfter = {})
        : m_start(std::move(s)), m_end(std::move(e)), m_text(std::move(t)), m_stopAfter(std::move(stopAfter)) {}

    bool done() const { return m_done; }
    const std::optional<Message> &error() const { return m_error; }

    bool feed(const char *data, size_t size, bool last = false)
    {
        if (m_error)
            return false;
        if (m_done)
            return true;
        if (m_pos > 0) {
            m_buf.erase(0, m_pos);
            m_pos = 0;
        }
        m_buf.append(data, size);
        while (!m_done) {
            const size_t lt = m_buf.find('<', m_pos);
            if (lt == std::string::npos) {
                if (last) {
                    text(std::string_view(m_buf).substr(m_pos));
                    m_pos = m_buf.size();
                }
                break;
            }
            if (lt > m_pos)
                text(std::string_view(m_buf).substr(m_pos, lt - m_pos));
            m_pos = lt;
            const std::string_view rest(m_buf.data() + lt, m_buf.size() - lt);
            if (rest.size() >= 2 && rest[1] == '!') {
                if (rest.size() < 9) {
                    if (last)
                        m_error = Message{Msg::XmlEndsInDeclaration, {}};
                    break;
                }
                if (rest.substr(0, 4) == "<!--") {
                    const size_t e = rest.find("-->");
                    if (e == std::string_view::npos)
                        break;
                    m_pos = lt + e + 3;
                    continue;
                }
                if (rest.substr(0, 9) == "<![CDATA[") {
                    const size_t e = rest.find("]]>");
                    if (e == std::string_view::npos)
                        break;
                    m_text(rest.substr(9, e - 9));
                    m_pos = lt + e + 3;
                    continue;
                }
                m_error = Message{Msg::XmlDoctype, {}};
                return false;
            }
            if (rest.size() >= 2 && rest[1] == '?') {
                const size_t e = rest.find("?>");
                if (e == std::string_view::npos)
                    break;
                m_pos = lt + e + 2;
                continue;
            }
            // the closing '>' outside quoted attribute values
            size_t i = 1;
            char quote = 0;
            while (i < rest.size()) {
                const char c = rest[i];
                if (quote) {
                    if (c == quote)
                        quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    break;
                }
                ++i;
            }
            if (i >= rest.size())
                break; // the tag goes on in the next piece
            tag(std::string_view(m_buf.data() + lt + 1, i - 1));
            m_pos = lt + i + 1;
        }
        if (last && !m_done && !m_error && m_pos < m_buf.size() &&
            std::string_view(m_buf).substr(m_pos).find('<') != std::string_view::npos)
            m_error = Message{Msg::XmlEndsInTag, {}};
        return !m_error;
    }

private:
    void text(std::string_view raw)
    {
        if (raw.empty())
            return;
        if (raw.find('&') == std::string_view::npos) {
            m_text(raw);
            return;
        }
        m_decoded.clear();
        fastxml::decodeInto(raw, m_decoded);
        m_text(std::string_view(m_decoded));
    }

    void tag(std::string_view t)
    {
        using fastxml::isSpace;
        if (t.empty())
            return;
        if (t[0] == '/') {
            std::string_view name = t.substr(1);
            while (!name.empty() && isSpace(name.back()))
                name.remove_suffix(1);
            name = fastxml::localName(name);
            m_end(name);
            if (!m_stopAfter.empty() && name == m_stopAfter)
                m_done = true;
            return;
        }
        const bool selfClosing = t.back() == '/';
        if (selfClosing)
            t.remove_suffix(1);
        size_t i = 0;
        while (i < t.size() && !isSpace(t[i]))
            ++i;
        const std::string_view name = fastxml::localName(t.substr(0, i));
        m_attrs.clear();
        size_t decoded = 0;
        while (i < t.size()) {
            while (i < t.size() && isSpace(t[i]))
                ++i;
            const size_t nameStart = i;
            while (i < t.size() && t[i] != '=' && !isSpace(t[i]))
                ++i;
            const std::string_view an = t.substr(nameStart, i - nameStart);
            while (i < t.size() && (isSpace(t[i]) || t[i] == '='))
                ++i;
            if (i >= t.size() || (t[i] != '"' && t[i] != '\''))
                break;
            const char q = t[i++];
            const size_t vs = i;
            while (i < t.size() && t[i] != q)
                ++i;
            std::string_view value = t.substr(vs, i - vs);
            ++i;
            if (value.find('&') != std::string_view::npos) {
                if (m_attrStore.size() <= decoded)
                    m_attrStore.resize(decoded + 1);
                m_attrStore[decoded].clear();
                fastxml::decodeInto(value, m_attrStore[decoded]);
                value = m_attrStore[decoded++];
            }
            if (!an.empty())
                m_attrs.push_back({fastxml::localName(an), value});
        }
        m_start(name, std::span<const XmlAttr>(m_attrs));
        if (selfClosing) {
            m_end(name);
            if (!m_stopAfter.empty() && name == m_stopAfter)
                m_done = true;
        }
    }

    OnStart m_start;
    OnEnd m_end;
    OnText m_text;
    std::string m_stopAfter;
    std::string m_buf;
    size_t m_pos = 0;
    bool m_done = false;
    std::optional<Message> m_error;
    std::vector<XmlAttr> m_attrs;
    std::string m_decoded;
    std::vector<std::string> m_attrStore; // sized once: strings inside never move while in use
};

} // namespace vs
