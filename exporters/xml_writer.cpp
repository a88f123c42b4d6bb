#include "exporters/xml_writer.hpp"

#include "core/text/utf8.hpp"

#include <sstream>

namespace storyline {

void write_xml_escaped(std::ostream& out, std::string_view s) {
    // Runs of plain characters go out in one write: per-character stream calls would dominate
    // the time of a multi-gigabyte export.
    std::size_t run = 0;
    std::size_t i = 0;
    auto flush = [&](std::size_t upto) {
        if (upto > run) out.write(s.data() + run, static_cast<std::streamsize>(upto - run));
    };
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            const char* entity = nullptr;
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
            if (entity) {
                flush(i);
                out << entity;
                run = i + 1;
            }
            ++i;
            continue;
        }
        const std::size_t at = i;
        const char32_t cp = next_code_point(s, i);
        if (cp == 0xFFFE || cp == 0xFFFF || (cp == 0xFFFD && i - at != 3)) {
            flush(at);
            out << "\xEF\xBF\xBD";
            run = i;
        }
    }
    flush(s.size());
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
