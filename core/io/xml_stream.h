#pragma once
// A streaming XML parser (expat) for workbook parts. A document type declaration is refused
// outright: workbooks never have one, and entity bombs need one.
#include "core/error.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace vs {

class XmlStream {
public:
    using Attrs = const char **; // name, value, name, value, ..., nullptr
    std::function<void(std::string_view name, Attrs attrs)> onStart; // names without their prefix
    std::function<void(std::string_view name)> onEnd;
    std::function<void(std::string_view text)> onText;

    XmlStream();
    ~XmlStream();
    XmlStream(const XmlStream &) = delete;
    XmlStream &operator=(const XmlStream &) = delete;

    // Feeds a piece; false once the XML is malformed (error() says why).
    bool feed(const char *data, size_t size, bool last = false);
    const std::optional<Message> &error() const { return m_error; }
    void stop(Message why);

    static const char *attr(Attrs attrs, std::string_view name); // by local name; nullptr if absent

private:
    struct Impl;
    Impl *d;
    std::optional<Message> m_error;
};

} // namespace vs
