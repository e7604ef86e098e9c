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
    explicit StringIndex(size_t expected = 16)
    {
        rehash(expected * 2);
        m_keys.reserve(expected);
    }
    // The number of s: its existing one, or the next one when s is new (then inserted = true).
    uint32_t insert(std::string_view s, bool &inserted)
    {
        return insert(s, inserted, [](std::string_view v) { return v; });
    }
    // The same; a new string is indexed as keep(s) (a copy where s's characters do not last).
    template <class Keep>
    uint32_t insert(std::string_view s, bool &inserted, Keep &&keep)
    {
        return insertTagged(s, tagOf(s), inserted, keep);
    }
    // The hash insert() places s by (a caller may take it ahead, on other cores).
    static uint32_t tagOf(std::string_view s) { return uint32_t(std::hash<std::string_view>{}(s)); }
    template <class Keep>
    uint32_t insertTagged(std::string_view s, uint32_t tag, bool &inserted, Keep &&keep)
    {
        if ((m_keys.size() + 1) * 2 > m_slots.size())
            rehash(m_slots.size() * 2);
        size_t h = tag & m_mask;
        while (m_slots[h].number) {
            if (m_slots[h].tag == tag && m_keys[m_slots[h].number - 1] == s) {
                inserted = false;
                return m_slots[h].number - 1;
            }
            h = (h + 1) & m_mask;
        }
        m_keys.push_back(s.empty() ? std::string_view("", 0) : keep(s));
        m_slots[h] = {uint32_t(m_keys.size()), tag};
        inserted = true;
        return uint32_t(m_keys.size() - 1);
    }
    // The slot a string of this tag is looked for first, fetched into the cache ahead of its use.
    void prefetch(uint32_t tag) const { __builtin_prefetch(&m_slots[tag & m_mask]); }
    size_t size() const { return m_keys.size(); }
    // The strings in order of their numbers (views of what keep() gave).
    const std::vector<std::string_view> &keys() const { return m_keys; }
    // Room for this many strings without growing.
    void reserve(size_t n)
    {
        if (n * 2 > m_slots.size())
            rehash(n * 2);
        m_keys.reserve(n);
    }
    // Empty again, keeping its room (a reader that numbers strings chunk after chunk). The keys'
    // characters must still be there: a few keys are found again to empty their slots.
    void clear()
    {
        if (m_keys.size() * 8 < m_slots.size()) { // few keys: empty their own slots only
            for (std::string_view k : m_keys) {
                size_t h = uint32_t(std::hash<std::string_view>{}(k)) & m_mask;
                while (m_slots[h].number)
                    m_slots[h] = {}, h = (h + 1) & m_mask;
            }
        } else {
            std::fill(m_slots.begin(), m_slots.end(), Slot{});
        }
        m_keys.clear();
    }

private:
    // 8 bytes a slot (the key's text is read through its number): a million ids rehash in a few
    // milliseconds, and the table touches a third of the memory it took with the views in it.
    struct Slot {
        uint32_t number = 0; // the key's number + 1; 0: empty
        uint32_t tag = 0;    // the key's hash (its low 32 bits): the place when the table grows;
                             // most other keys fail on it without their text being read
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
            if (s.number) {
                size_t h = s.tag & m_mask;
                while (m_slots[h].number)
                    h = (h + 1) & m_mask;
                m_slots[h] = s;
            }
    }
    std::vector<Slot> m_slots;
    std::vector<std::string_view> m_keys;
    size_t m_mask = 0;
};

} // namespace vs
