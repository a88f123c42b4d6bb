#include "exporters/xml_writer.hpp"

#include "core/text/utf8.hpp"

#include <sstream>

namespace storyline {

void write_xml_escaped(std::ostream& out, std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            switch (c) {
            case '&': out << "&amp;"; break;
            case '<': out << "&lt;"; break;
            case '>': out << "&gt;"; break;
            case '"': out << "&quot;"; break;
            case '\'': out << "&apos;"; break;
            default:
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out << "\xEF\xBF\xBD";
                else out << static_cast<char>(c);
            }
            ++i;
            continue;
        }
        const std::size_t at = i;
        const char32_t cp = next_code_point(s, i);
        if (cp == 0xFFFE || cp == 0xFFFF || (cp == 0xFFFD && i - at != 3)) out << "\xEF\xBF\xBD";
        else out << s.substr(at, i - at);
    }
}

std::string xml_escaped(std::string_view text) {
    std::ostringstream out;
    write_xml_escaped(out, text);
    return out.str();
}

void XmlWriter::declaration() { m_out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlWriter::finish_start_tag() {
    if (m_in_start_tag) {
        m_out << '>';
        m_in_start_tag = false;
    }
}

XmlWriter& XmlWriter::open(std::string_view name) {
    finish_start_tag();
    m_out << '<' << name;
    m_stack.emplace_back(name);
    m_in_start_tag = true;
    m_has_children = false;
    return *this;
}

XmlWriter& XmlWriter::attr(std::string_view name, std::string_view value) {
    m_out << ' ' << name << "=\"";
    write_xml_escaped(m_out, value);
    m_out << '"';
    return *this;
}

XmlWriter& XmlWriter::text(std::string_view content) {
    finish_start_tag();
    write_xml_escaped(m_out, content);
    m_has_children = true;
    return *this;
}

XmlWriter& XmlWriter::close() {
    if (m_in_start_tag) {
        m_out << "/>";
        m_in_start_tag = false;
    } else {
        m_out << "</" << m_stack.back() << '>';
    }
    m_stack.pop_back();
    m_has_children = true;
    return *this;
}

XmlWriter& XmlWriter::leaf(std::string_view name, std::string_view text_content) {
    open(name);
    text(text_content);
    return close();
}

} // namespace storyline
