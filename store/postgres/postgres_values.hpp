#pragma once
// How values travel to and from PostgreSQL as text, exactly: doubles in their shortest
// round-trip form (so a confidence reads back bit for bit, as from SQLite), integer and text
// arrays as array literals, and many rows in one INSERT.
#include <pqxx/pqxx>

#include <string>
#include <string_view>
#include <vector>

namespace storyline::pg {

std::string double_text(double v);
double parse_double(std::string_view s);     // throws std::invalid_argument on junk
std::string int_array_text(const std::vector<int>& v);
std::vector<int> parse_int_array(std::string_view s);   // "{1,2}" -> {1, 2}
std::string text_array_text(const std::vector<std::string>& v);

// Collects rows for one table and sends them as multi-row INSERTs, as few statements as the
// protocol's parameter limit allows. `casts` gives each column's SQL type ("text", "bigint", …).
class RowBatch {
public:
    RowBatch(std::string table, std::vector<std::string> columns, std::vector<std::string> casts);
    void add(std::vector<std::string> row);
    void flush(pqxx::transaction_base& tx);
    [[nodiscard]] bool empty() const { return m_values.empty(); }

private:
    std::string m_head;
    std::vector<std::string> m_casts;
    std::vector<std::string> m_values;   // row after row
}; // class RowBatch

} // namespace storyline::pg
