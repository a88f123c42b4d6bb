#include "store/postgres/postgres_values.hpp"

#include <charconv>
#include <stdexcept>
#include <system_error>

namespace storyline::pg {
namespace {

// The frontend/backend protocol counts parameters in 16 bits.
constexpr std::size_t max_parameters = 65535;

} // namespace

std::string double_text(double v) {
    // SQLite stores an integral REAL as an integer and so reads -0.0 back as 0.0; do the same.
    if (v == 0) v = 0;
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (ec != std::errc()) throw std::invalid_argument("cannot format a double");
    return std::string(buf, end);
}

double parse_double(std::string_view s) {
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) throw std::invalid_argument("not a number: " + std::string(s));
    return v;
}

std::string int_array_text(const std::vector<int>& v) {
    std::string s = "{";
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) s += ',';
        s += std::to_string(v[i]);
    }
    return s + '}';
}

std::vector<int> parse_int_array(std::string_view s) {
    std::vector<int> out;
    if (s.size() < 2 || s.front() != '{' || s.back() != '}') throw std::invalid_argument("not an integer array: " + std::string(s));
    const char* p = s.data() + 1;
    const char* end = s.data() + s.size() - 1;
    while (p < end) {
        int v = 0;
        const auto [next, ec] = std::from_chars(p, end, v);
        if (ec != std::errc()) throw std::invalid_argument("not an integer array: " + std::string(s));
        out.push_back(v);
        p = next;
        if (p < end && *p == ',') ++p;
    }
    return out;
}

std::string text_array_text(const std::vector<std::string>& v) {
    std::string s = "{";
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) s += ',';
        s += '"';
        for (char c : v[i]) {
            if (c == '"' || c == '\\') s += '\\';
            s += c;
        }
        s += '"';
    }
    return s + '}';
}

RowBatch::RowBatch(std::string table, std::vector<std::string> columns, std::vector<std::string> casts)
    : m_casts(std::move(casts)) {
    m_head = "INSERT INTO " + table + " (";
    for (std::size_t i = 0; i < columns.size(); ++i) m_head += (i ? ", " : "") + columns[i];
    m_head += ") VALUES ";
}

void RowBatch::add(std::vector<std::string> row) {
    if (row.size() != m_casts.size()) throw std::logic_error("RowBatch: wrong column count");
    for (auto& v : row) m_values.push_back(std::move(v));
}

void RowBatch::flush(pqxx::transaction_base& tx) {
    const std::size_t width = m_casts.size();
    const std::size_t rows_per_statement = max_parameters / width;
    std::size_t row = 0;
    const std::size_t rows = m_values.size() / width;
    while (row < rows) {
        const std::size_t n = std::min(rows_per_statement, rows - row);
        std::string sql = m_head;
        std::size_t param = 1;
        for (std::size_t r = 0; r < n; ++r) {
            sql += r ? ",(" : "(";
            for (std::size_t c = 0; c < width; ++c) {
                if (c) sql += ',';
                sql += '$' + std::to_string(param++) + "::" + m_casts[c];
            }
            sql += ')';
        }
        const auto first = m_values.begin() + static_cast<std::ptrdiff_t>(row * width);
        tx.exec_params(sql, pqxx::prepare::make_dynamic_params(first, first + static_cast<std::ptrdiff_t>(n * width)));
        row += n;
    }
    m_values.clear();
}

} // namespace storyline::pg
