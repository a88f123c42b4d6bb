#pragma once
// A small streaming XML writer: elements and attributes go to a 64 KiB buffer flushed to the
// stream as it fills, so a graph of millions of nodes needs no document tree in memory and
// no per-token stream call.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// Escapes &, <, >, " and ', writes tab, LF and CR as character references (so they survive
// attribute-value normalisation), and replaces characters XML 1.0 forbids (other C0 controls,
// U+FFFE/U+FFFF, malformed UTF-8) with U+FFFD.
void append_xml_escaped(std::string& out, std::string_view text);
void write_xml_escaped(std::ostream& out, std::string_view text);
std::string xml_escaped(std::string_view text);

class XmlWriter {
public:
    explicit XmlWriter(std::ostream& out) : m_out(out) { m_buf.reserve(flush_at + 4096); }
    XmlWriter(const XmlWriter&) = delete;
    XmlWriter& operator=(const XmlWriter&) = delete;
    ~XmlWriter() { flush(); }
    void declaration();
    // Opens <name, then attributes may be added until the next content. `name` must outlive the
    // element (element names are string literals).
    XmlWriter& open(std::string_view name);
    XmlWriter& attr(std::string_view name, std::string_view value);
    XmlWriter& text(std::string_view content);
    // Closes the innermost element: "/>" when it got no content.
    XmlWriter& close();
    // <name attrs...>text</name> in one call.
    XmlWriter& leaf(std::string_view name, std::string_view text_content);
    // Markup the caller built and escaped itself, appended as it is: the constant tags of a hot
    // loop ("<data key=\"label\">") cost one append instead of an open/attr/close sequence.
    // It must be balanced (the element stack does not see it); use text() for the values.
    XmlWriter& raw(std::string_view markup) {
        finish_start_tag();
        m_buf += markup;
        maybe_flush();
        return *this;
    }
    void newline() {
        finish_start_tag();
        m_buf += '\n';
        maybe_flush();
    }
    // Writes what is buffered to the stream (also done by the destructor).
    void flush();

private:
    static constexpr std::size_t flush_at = 1 << 16;
    void finish_start_tag();
    void maybe_flush() {
        if (m_buf.size() >= flush_at) flush();
    }
    std::ostream& m_out;
    std::string m_buf;
    std::vector<std::string_view> m_stack;   // element names: literals or caller-owned, see open()
    bool m_in_start_tag = false;
}; // class XmlWriter

} // namespace storyline
