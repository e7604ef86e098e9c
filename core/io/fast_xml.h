#pragma once
// A small, fast streaming scanner for large, regular XML such as an XLSX worksheet: tags,
// attributes and text with the five XML entities and character references decoded. It refuses
// document type declarations (and so entity bombs) and can stop after a given element.
// Smaller, irregular parts go through expat (xml_stream.h). The handlers are template
// parameters so that a million cells cost no indirect calls.
#include "core/io/encoding.h"
#include "core/messages.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
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
// Decodes &amp; &lt; &gt; &quot; &apos; &#N; &#xH; (any other name is kept as written). False,
// with the reference in *bad, for a character reference to no character (&#xD800;, &#0;,
// &#x110000;, &#xZZ;): its text would not be valid UTF-8.
bool decodeInto(std::string_view raw, std::string &out, std::string *bad = nullptr);
std::string_view attr(std::span<const XmlAttr> attrs, std::string_view name);
// The longest tag, comment or run of text a part may hold: far more than any cell (Excel's
// hold at most 32,767 characters), and a bound on what one token keeps in memory.
inline constexpr size_t kMaxToken = size_t(32) << 20;
} // namespace fastxml

// The scanner reads each byte once however the part is split into pieces: an unfinished tag or
// text run is resumed where the last piece ended, not re-read from its start.
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
            m_erased += m_pos;
            m_pos = 0;
        }
        m_buf.append(data, size);
        // where the last byte past ASCII is (one pass, from the end: all of a piece of ASCII)
        for (size_t i = size; i > 0;) {
            if (i >= 8) {
                uint64_t w;
                std::memcpy(&w, data + i - 8, 8);
                if (!(w & 0x8080808080808080ULL)) {
                    i -= 8;
                    continue;
                }
            }
            if (static_cast<unsigned char>(data[i - 1]) >= 0x80) {
                m_lastHigh = m_erased + (m_buf.size() - size) + i;
                break;
            }
            --i;
        }
        while (!m_done && !m_error) {
            if (!m_inMarkup) {
                const size_t lt = m_buf.find('<', m_pos + m_scan);
                if (lt == std::string::npos) {
                    if (last) {
                        text(std::string_view(m_buf).substr(m_pos));
                        m_pos = m_buf.size();
                        m_scan = 0;
                    } else {
                        m_scan = m_buf.size() - m_pos; // the text goes on in the next piece
                    }
                    break;
                }
                if (lt > m_pos)
                    text(std::string_view(m_buf).substr(m_pos, lt - m_pos));
                m_pos = lt;
                m_scan = 1;
                m_quote = 0;
                m_inMarkup = true;
                continue;
            }
            const std::string_view rest(m_buf.data() + m_pos, m_buf.size() - m_pos);
            if (rest.size() >= 2 && rest[1] == '!') {
                if (rest.size() < 9) {
                    if (last)
                        m_error = Message{Msg::XmlEndsInDeclaration, {}};
                    break;
                }
                if (rest.substr(0, 4) == "<!--") {
                    if (!closeMarkup(rest, "-->", 4))
                        break;
                    continue;
                }
                if (rest.substr(0, 9) == "<![CDATA[") {
                    const size_t e = rest.find("]]>", std::max<size_t>(9, m_scan > 2 ? m_scan - 2 : 0));
                    if (e == std::string_view::npos) {
                        m_scan = rest.size();
                        break;
                    }
                    if (utf8(rest.substr(9, e - 9)))
                        m_text(rest.substr(9, e - 9));
                    m_pos += e + 3;
                    m_inMarkup = false;
                    m_scan = 0;
                    continue;
                }
                m_error = Message{Msg::XmlDoctype, {}};
                return false;
            }
            if (rest.size() >= 2 && rest[1] == '?') {
                if (!closeMarkup(rest, "?>", 2))
                    break;
                continue;
            }
            // the closing '>' outside quoted attribute values, from where the last piece ended
            size_t i = m_scan;
            char quote = m_quote;
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
            if (i >= rest.size()) {
                m_scan = i; // the tag goes on in the next piece
                m_quote = quote;
                break;
            }
            tag(std::string_view(m_buf.data() + m_pos + 1, i - 1));
            m_pos += i + 1;
            m_inMarkup = false;
            m_scan = 0;
        }
        if (!m_done && !m_error && m_buf.size() - m_pos > fastxml::kMaxToken)
            m_error = Message{Msg::XmlTokenTooLong, {std::to_string(fastxml::kMaxToken >> 20)}};
        if (last && !m_done && !m_error && m_inMarkup)
            m_error = Message{Msg::XmlEndsInTag, {}};
        return !m_error;
    }

private:
    // Skips a comment or processing instruction at the start of rest if its end is there.
    bool closeMarkup(std::string_view rest, std::string_view close, size_t from)
    {
        const size_t e = rest.find(close, std::max(from, m_scan >= close.size() ? m_scan - (close.size() - 1) : 0));
        if (e == std::string_view::npos) {
            m_scan = rest.size();
            return false;
        }
        m_pos += e + close.size();
        m_inMarkup = false;
        m_scan = 0;
        return true;
    }

    // Every tag and text the scanner gives is UTF-8 (XLSX parts are): nothing else reaches the
    // table. Checked as each is read, so that what follows the element scanning stops after is
    // not looked at, however the part is cut into pieces.
    bool utf8(std::string_view s)
    {
        // a token wholly after the last byte past ASCII the part has had so far is ASCII: most
        // are, and are not looked at again
        const uint64_t start = m_erased + uint64_t(s.data() - m_buf.data());
        if (start >= m_lastHigh)
            return true;
        const size_t bad = firstInvalidUtf8(s);
        if (bad == std::string_view::npos)
            return true;
        m_error = Message{Msg::XmlNotUtf8, {std::to_string(m_erased + size_t(s.data() - m_buf.data()) + bad)}};
        return false;
    }

    void text(std::string_view raw)
    {
        if (raw.empty() || !utf8(raw))
            return;
        if (raw.find('&') == std::string_view::npos) {
            m_text(raw);
            return;
        }
        m_decoded.clear();
        std::string bad;
        if (!fastxml::decodeInto(raw, m_decoded, &bad)) {
            m_error = Message{Msg::XmlBadCharacterRef, {bad}};
            return;
        }
        m_text(std::string_view(m_decoded));
    }

    void tag(std::string_view t)
    {
        using fastxml::isSpace;
        if (t.empty() || !utf8(t))
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
                    m_attrStore.emplace_back(); // a deque: the values decoded before it stay where they are
                m_attrStore[decoded].clear();
                std::string bad;
                if (!fastxml::decodeInto(value, m_attrStore[decoded], &bad)) {
                    m_error = Message{Msg::XmlBadCharacterRef, {bad}};
                    return;
                }
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
    size_t m_pos = 0;          // where the next text or markup starts in m_buf
    size_t m_scan = 0;         // how far past m_pos the unfinished text or markup was searched
    char m_quote = 0;          // inside a quoted attribute value there
    bool m_inMarkup = false;   // m_pos is at a '<'
    uint64_t m_erased = 0;     // bytes of the part before m_buf
    uint64_t m_lastHigh = 0;   // 1 + where (in the part) the last byte past ASCII so far is; 0: none
    bool m_done = false;
    std::optional<Message> m_error;
    std::vector<XmlAttr> m_attrs;
    std::string m_decoded;
    // Decoded attribute values, reused tag after tag. A deque, not a vector: growing it while a
    // tag's attributes are decoded must not move the strings (short ones hold their text inside)
    // that the attributes already point into (issue 20: found by fuzz_xml, a use after free).
    std::deque<std::string> m_attrStore;
};

} // namespace vs
