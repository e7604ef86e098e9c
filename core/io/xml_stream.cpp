#include "xml_stream.h"

#include "core/io/fast_xml.h"

#include <expat.h>
#include <string>

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
    // Reparse deferral (expat does it itself from 2.6; Debian 12 has 2.5): expat parses an
    // unfinished token again from its start with every piece it is given, so a 100 MB attribute
    // fed 256 KB at a time took 21 s. While a call gives no event, the input is kept here until
    // it has doubled, and so is parsed a few times instead of hundreds; a token longer than
    // fastxml::kMaxToken is refused, as by the worksheet scanner.
    uint64_t events = 0;        // handler calls so far
    std::string pending;        // input not yet given to expat
    uint64_t sinceEvent = 0;    // bytes given to expat since the last call that gave an event
    size_t threshold = 0;       // pending is given to expat once it holds this much
};

XmlStream::XmlStream() : d(new Impl{XML_ParserCreate(nullptr)})
{
    XML_SetUserData(d->parser, this);
    XML_SetElementHandler(
        d->parser,
        [](void *self, const XML_Char *name, const XML_Char **attrs) {
            auto *x = static_cast<XmlStream *>(self);
            ++x->d->events;
            if (x->onStart)
                x->onStart(localName(name), attrs);
        },
        [](void *self, const XML_Char *name) {
            auto *x = static_cast<XmlStream *>(self);
            ++x->d->events;
            if (x->onEnd)
                x->onEnd(localName(name));
        });
    XML_SetCharacterDataHandler(d->parser, [](void *self, const XML_Char *s, int len) {
        auto *x = static_cast<XmlStream *>(self);
        ++x->d->events;
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
    d->pending.append(data, size);
    if (!last && d->pending.size() < d->threshold)
        return true; // inside one long token: more first
    const uint64_t eventsBefore = d->events;
    const size_t given = d->pending.size();
    const XML_Status status = XML_Parse(d->parser, d->pending.data(), int(given), last ? 1 : 0);
    d->pending.clear();
    if (status == XML_STATUS_ERROR) {
        if (!m_error) // expat's own reason, in English
            m_error = Message{Msg::XmlMalformed, {XML_ErrorString(XML_GetErrorCode(d->parser)),
                                                  std::to_string(XML_GetCurrentLineNumber(d->parser))}};
        return false;
    }
    if (d->events == eventsBefore) {
        d->sinceEvent += given;
        d->threshold = size_t(2 * d->sinceEvent);
        if (d->sinceEvent > fastxml::kMaxToken)
            stop({Msg::XmlTokenTooLong, {std::to_string(fastxml::kMaxToken >> 20)}});
    } else {
        d->sinceEvent = 0;
        d->threshold = 0;
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
