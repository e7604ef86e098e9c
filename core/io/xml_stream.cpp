#include "xml_stream.h"

#include <expat.h>

namespace vs {

namespace {
std::string_view localName(const char *name)
{
    std::string_view n(name);
    const size_t colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}
} // namespace

struct XmlStream::Impl {
    XML_Parser parser;
};

XmlStream::XmlStream() : d(new Impl{XML_ParserCreate(nullptr)})
{
    XML_SetUserData(d->parser, this);
    XML_SetElementHandler(
        d->parser,
        [](void *self, const XML_Char *name, const XML_Char **attrs) {
            auto *x = static_cast<XmlStream *>(self);
            if (x->onStart)
                x->onStart(localName(name), attrs);
        },
        [](void *self, const XML_Char *name) {
            auto *x = static_cast<XmlStream *>(self);
            if (x->onEnd)
                x->onEnd(localName(name));
        });
    XML_SetCharacterDataHandler(d->parser, [](void *self, const XML_Char *s, int len) {
        auto *x = static_cast<XmlStream *>(self);
        if (x->onText)
            x->onText(std::string_view(s, size_t(len)));
    });
    XML_SetStartDoctypeDeclHandler(d->parser, [](void *self, const XML_Char *, const XML_Char *, const XML_Char *, int) {
        static_cast<XmlStream *>(self)->stop({Msg::XmlDoctype, {}});
    });
}

XmlStream::~XmlStream()
{
    XML_ParserFree(d->parser);
    delete d;
}

void XmlStream::stop(Message why)
{
    if (!m_error)
        m_error = std::move(why);
    XML_StopParser(d->parser, XML_FALSE);
}

bool XmlStream::feed(const char *data, size_t size, bool last)
{
    if (m_error)
        return false;
    if (XML_Parse(d->parser, data, int(size), last ? 1 : 0) == XML_STATUS_ERROR) {
        if (!m_error) // expat's own reason, in English
            m_error = Message{Msg::XmlMalformed, {XML_ErrorString(XML_GetErrorCode(d->parser)),
                                                  std::to_string(XML_GetCurrentLineNumber(d->parser))}};
        return false;
    }
    return !m_error;
}

const char *XmlStream::attr(Attrs attrs, std::string_view name)
{
    for (int i = 0; attrs && attrs[i]; i += 2)
        if (localName(attrs[i]) == name)
            return attrs[i + 1];
    return nullptr;
}

} // namespace vs
