#include "annotators/entities/data_lines.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace storyline::entities {

std::string read_data_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};
    std::string content;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec) {
        content.resize(static_cast<std::size_t>(size));
        in.read(content.data(), static_cast<std::streamsize>(size));
        content.resize(static_cast<std::size_t>(in.gcount()));
    } else {
        std::ostringstream whole;   // not a regular file: read it as a stream
        whole << in.rdbuf();
        content = whole.str();
    }
    if (in.bad()) throw std::runtime_error(file.string() + ": read error");
    return content;
}

} // namespace storyline::entities
