#pragma once
// A small streaming XML writer: elements and attributes go straight to the stream, so a graph
// of millions of nodes needs no document tree in memory.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// Escapes &, <, >, " and ', writes tab, LF and CR as character references (so they survive
// attribute-value normalisation), and replaces characters XML 1.0 forbids (other C0 controls,
// U+FFFE/U+FFFF, malformed UTF-8) with U+FFFD.
void write_xml_escaped(std::ostream& out, std::string_view text);
std::string xml_escaped(std::string_view text);

class XmlWriter {
public:
    explicit XmlWriter(std::ostream& out) : m_out(out) {}
    void declaration();
    // Opens <name, then attributes may be added until the next content.
    XmlWriter& open(std::string_view name);
    XmlWriter& attr(std::string_view name, std::string_view value);
    XmlWriter& text(std::string_view content);
    // Closes the innermost element: "/>" when it got no content.
    XmlWriter& close();
    // <name attrs...>text</name> in one call.
    XmlWriter& leaf(std::string_view name, std::string_view text_content);
    void newline() {
        finish_start_tag();
        m_out << '\n';
    }

private:
    void finish_start_tag();
    std::ostream& m_out;
    std::vector<std::string> m_stack;
    bool m_in_start_tag = false;
    bool m_has_children = false;
}; // class XmlWriter

} // namespace storyline
