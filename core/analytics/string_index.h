#pragma once
// Open addressing over string views: numbers strings in order of first sight without allocating
// per string (a million ids in a few milliseconds). The viewed characters must outlive the index.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace vs {

class StringIndex {
public:
    explicit StringIndex(size_t expected = 16) { rehash(expected * 2); }
    // The number of s: its existing one, or the next one when s is new (then inserted = true).
    uint32_t insert(std::string_view s, bool &inserted)
    {
        return insert(s, inserted, [](std::string_view v) { return v; });
    }
    // The same; a new string is indexed as keep(s) (a copy where s's characters do not last).
    template <class Keep>
    uint32_t insert(std::string_view s, bool &inserted, Keep &&keep)
    {
        if ((m_count + 1) * 2 > m_slots.size())
            rehash(m_slots.size() * 2);
        const uint32_t tag = uint32_t(std::hash<std::string_view>{}(s));
        size_t h = tag & m_mask;
        while (m_slots[h].key.data()) {
            if (m_slots[h].tag == tag && m_slots[h].key == s) {
                inserted = false;
                return m_slots[h].index;
            }
            h = (h + 1) & m_mask;
        }
        m_slots[h] = {s.empty() ? std::string_view("", 0) : keep(s), uint32_t(m_count), tag};
        inserted = true;
        return uint32_t(m_count++);
    }
    size_t size() const { return m_count; }
    // Empty again, keeping its room (a reader that numbers strings chunk after chunk).
    void clear()
    {
        std::fill(m_slots.begin(), m_slots.end(), Slot{});
        m_count = 0;
    }

private:
    struct Slot {
        std::string_view key;
        uint32_t index = 0;
        uint32_t tag = 0; // the key's hash (its low 32 bits): the place when the table grows; most
                          // other keys fail on it without their text being read
    };
    void rehash(size_t want)
    {
        size_t cap = 16;
        while (cap < want)
            cap <<= 1;
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(cap, {});
        m_mask = cap - 1;
        for (const Slot &s : old)
            if (s.key.data()) {
                size_t h = s.tag & m_mask;
                while (m_slots[h].key.data())
                    h = (h + 1) & m_mask;
                m_slots[h] = s;
            }
    }
    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    size_t m_count = 0;
};

} // namespace vs
