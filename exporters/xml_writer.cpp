#include "exporters/xml_writer.hpp"

#include "core/text/utf8.hpp"

#include <array>

namespace storyline {

namespace {

// Bytes that are written as they are: printable ASCII other than & < > " '.
constexpr auto plain_bytes = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c) plain[static_cast<std::size_t>(c)] = true;
    for (char c : {'&', '<', '>', '"', '\''}) plain[static_cast<unsigned char>(c)] = false;
    return plain;
}();

} // namespace

void append_xml_escaped(std::string& out, std::string_view s) {
    // Runs of plain characters are appended in one piece.
    std::size_t run = 0;
    std::size_t i = 0;
    auto flush_run = [&](std::size_t upto) {
        if (upto > run) out.append(s.data() + run, upto - run);
    };
    while (i < s.size()) {
        while (i < s.size() && plain_bytes[static_cast<unsigned char>(s[i])]) ++i;   // the common case
        if (i == s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            const char* entity = nullptr;
            if (c <= '>') {   // everything above '>' in ASCII is plain (DEL is allowed in XML 1.0)
                switch (c) {
                case '&': entity = "&amp;"; break;
                case '<': entity = "&lt;"; break;
                case '>': entity = "&gt;"; break;
                case '"': entity = "&quot;"; break;
                case '\'': entity = "&apos;"; break;
                // Character references survive attribute-value and line-end normalisation.
                case '\t': entity = "&#9;"; break;
                case '\n': entity = "&#10;"; break;
                case '\r': entity = "&#13;"; break;
                default:
                    if (c < 0x20) entity = "\xEF\xBF\xBD";
                }
            }
            if (entity) {
                flush_run(i);
                out += entity;
                run = i + 1;
            }
            ++i;
            continue;
        }
        const std::size_t at = i;
        const char32_t cp = next_code_point(s, i);
        if (cp == 0xFFFE || cp == 0xFFFF || (cp == 0xFFFD && i - at != 3)) {
            flush_run(at);
            out += "\xEF\xBF\xBD";
            run = i;
        }
    }
    flush_run(s.size());
}

void write_xml_escaped(std::ostream& out, std::string_view text) {
    std::string s;
    append_xml_escaped(s, text);
    out << s;
}

std::string xml_escaped(std::string_view text) {
    std::string s;
    s.reserve(text.size());
    append_xml_escaped(s, text);
    return s;
}

void XmlWriter::declaration() { m_buf += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlWriter::flush() {
    if (m_buf.empty()) return;
    m_out.write(m_buf.data(), static_cast<std::streamsize>(m_buf.size()));
    m_buf.clear();
}

void XmlWriter::finish_start_tag() {
    if (m_in_start_tag) {
        m_buf += '>';
        m_in_start_tag = false;
    }
}

XmlWriter& XmlWriter::open(std::string_view name) {
    finish_start_tag();
    m_buf += '<';
    m_buf += name;
    m_stack.push_back(name);
    m_in_start_tag = true;
    return *this;
}

XmlWriter& XmlWriter::attr(std::string_view name, std::string_view value) {
    m_buf += ' ';
    m_buf += name;
    m_buf += "=\"";
    append_xml_escaped(m_buf, value);
    m_buf += '"';
    return *this;
}

XmlWriter& XmlWriter::text(std::string_view content) {
    finish_start_tag();
    append_xml_escaped(m_buf, content);
    return *this;
}

XmlWriter& XmlWriter::close() {
    if (m_in_start_tag) {
        m_buf += "/>";
        m_in_start_tag = false;
    } else {
        m_buf += "</";
        m_buf += m_stack.back();
        m_buf += '>';
    }
    m_stack.pop_back();
    maybe_flush();
    return *this;
}

XmlWriter& XmlWriter::leaf(std::string_view name, std::string_view text_content) {
    open(name);
    text(text_content);
    return close();
}

} // namespace storyline
