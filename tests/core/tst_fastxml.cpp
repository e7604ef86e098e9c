// The worksheet scanner: the same events however the bytes are split, entities decoded, and a
// document type declaration refused.
#include "core/io/fast_xml.h"

#include <QTest>

using namespace vs;

class TstFastXml : public QObject {
    Q_OBJECT
private slots:
    void sameEventsForAnySplit();
    void refusesDoctype();
    void cutShortIsAnError();
    void manyDecodedAttributesInOneTag();
};

namespace {
const std::string kSheet =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<x:worksheet xmlns:x=\"urn:x\"><!-- a comment with <tags> --><x:sheetData>"
    "<x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>Tom &amp; Jerry &lt;3 &#x4E2D;&#25991;</x:t></x:is></x:c>"
    "<x:c r=\"B1\" s=\"2\"><x:v>12.5</x:v></x:c><x:c r=\"C1\" t='str' note=\"a&gt;b\"><x:f>A1&amp;\"x\"</x:f><x:v><![CDATA[raw & <kept>]]></x:v></x:c></x:row>"
    "<x:row r=\"3\"/></x:sheetData><x:extLst><broken</x:extLst></x:worksheet>";

std::string events(size_t pieceSize, bool *ok)
{
    std::string log;
    auto start = [&](std::string_view n, std::span<const XmlAttr> a) {
        log += "<" + std::string(n);
        for (const XmlAttr &at : a)
            log += " " + std::string(at.name) + "=" + std::string(at.value);
        log += ">";
    };
    auto end = [&](std::string_view n) { log += "</" + std::string(n) + ">"; };
    auto text = [&](std::string_view t) { log += "[" + std::string(t) + "]"; };
    FastXmlScanner x(start, end, text, "sheetData");
    *ok = true;
    for (size_t i = 0; i < kSheet.size() && *ok && !x.done(); i += pieceSize)
        *ok = x.feed(kSheet.data() + i, std::min(pieceSize, kSheet.size() - i));
    if (*ok && !x.done())
        *ok = x.feed(nullptr, 0, true);
    return log;
}
} // namespace

void TstFastXml::sameEventsForAnySplit()
{
    bool ok = false;
    const std::string whole = events(kSheet.size(), &ok);
    QVERIFY(ok);
    QVERIFY2(whole.find("[Tom & Jerry <3 中文]") != std::string::npos, whole.c_str());
    QVERIFY2(whole.find("<c r=C1 t=str note=a>b>") != std::string::npos, whole.c_str());
    QVERIFY2(whole.find("[raw & <kept>]") != std::string::npos, whole.c_str());
    QVERIFY2(whole.find("<row r=3></row>") != std::string::npos, whole.c_str());
    QVERIFY2(whole.find("extLst") == std::string::npos, "scanning stops after sheetData");
    // text may arrive in more pieces when split, so compare with the pieces joined
    auto joined = [](std::string s) {
        std::string out;
        for (size_t i = 0; i < s.size(); ++i) {
            if (s[i] == ']' && i + 1 < s.size() && s[i + 1] == '[') {
                ++i;
                continue;
            }
            out.push_back(s[i]);
        }
        return out;
    };
    for (size_t piece : {1, 2, 3, 7, 64}) {
        const std::string split = events(piece, &ok);
        QVERIFY(ok);
        QCOMPARE(joined(split), joined(whole));
    }
}

void TstFastXml::refusesDoctype()
{
    const std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]><sheetData>&lol;</sheetData>";
    auto nop = [](auto...) {};
    FastXmlScanner x(nop, nop, nop);
    QVERIFY(!x.feed(bomb.data(), bomb.size(), true));
    QVERIFY(x.error() && x.error()->code == vs::Msg::XmlDoctype);
}

void TstFastXml::cutShortIsAnError()
{
    const std::string cut = "<sheetData><row><c r=\"A1\"><v>1</v></c><row";
    auto nop = [](auto...) {};
    FastXmlScanner x(nop, nop, nop, "sheetData");
    QVERIFY(x.feed(cut.data(), cut.size()));
    QVERIFY(!x.feed(nullptr, 0, true));
    QVERIFY(x.error() && x.error()->code == vs::Msg::XmlEndsInTag);
}

// The first tag with entities in many attributes: decoding a value must not move the values decoded
// before it (they were left pointing into freed memory; found by fuzz_xml under AddressSanitizer).
void TstFastXml::manyDecodedAttributesInOneTag()
{
    std::string tag = "<sheetData><c";
    for (int i = 0; i < 40; ++i)
        tag += " a" + std::to_string(i) + "=\"" + std::to_string(i) + "&amp;" + std::string(size_t(i % 30), 'x') + "\"";
    tag += "/></sheetData>";
    std::vector<std::string> values;
    auto start = [&](std::string_view n, std::span<const XmlAttr> a) {
        if (n == "c")
            for (const XmlAttr &at : a)
                values.emplace_back(at.value);
    };
    auto nop = [](std::string_view) {};
    FastXmlScanner x(start, nop, nop, "sheetData");
    QVERIFY(x.feed(tag.data(), tag.size(), true));
    QCOMPARE(values.size(), size_t(40));
    for (int i = 0; i < 40; ++i)
        QCOMPARE(values[size_t(i)], std::to_string(i) + "&" + std::string(size_t(i % 30), 'x'));
}

QTEST_APPLESS_MAIN(TstFastXml)
#include "tst_fastxml.moc"
