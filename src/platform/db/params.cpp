#include "platform/db/params.hpp"

#include <cctype>
#include <map>
#include <mutex>

#include "platform/text/text.hpp"

namespace antq::db {

std::string like_term(std::string_view query) {
  std::string out;
  for (char c : text::fold(query)) {
    if (c != '%' && c != '_' && c != '\\') out.push_back(c);  // PostgreSQL's LIKE escapes with a backslash
  }
  return out;
}

std::string ids_json(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(ids[i]);
  }
  return out + "]";
}

std::string in_ids(Dialect dialect, std::string_view column, std::string_view placeholder) {
  std::string c(column);
  std::string p(placeholder);
  if (dialect == Dialect::postgres)
    return c + " = ANY (CAST(string_to_array(btrim(CAST(" + p + " AS text), '[]'), ',') AS bigint[]))";
  return c + " IN (SELECT value FROM json_each(" + p + "))";
}

namespace {

// `row` with each $N as $(N + shift).
std::string shifted(std::string_view row, int shift) {
  std::string out;
  for (std::size_t i = 0; i < row.size(); ++i) {
    out.push_back(row[i]);
    if (row[i] != '$') continue;
    std::size_t end = i + 1;
    while (end < row.size() && std::isdigit(static_cast<unsigned char>(row[end]))) ++end;
    if (end == i + 1) continue;
    out += std::to_string(std::stoi(std::string(row.substr(i + 1, end - i - 1))) + shift);
    i = end - 1;
  }
  return out;
}

}  // namespace

std::string_view rows_sql(std::string_view head, std::string_view row, int per_row, int rows, std::string_view tail) {
  static std::mutex mutex;
  static std::map<std::string, std::string> made;  // nodes stay put: the texts are kept
  std::string key = std::string(head) + '\n' + std::string(row) + '\n' + std::string(tail) + '\n' +
                    std::to_string(per_row) + 'x' + std::to_string(rows);
  std::lock_guard lock(mutex);
  auto it = made.find(key);
  if (it != made.end()) return it->second;
  std::string sql(head);
  for (int r = 0; r < rows; ++r) {
    if (r > 0) sql += ", ";
    sql += shifted(row, r * per_row);
  }
  sql += tail;
  return made.emplace(std::move(key), std::move(sql)).first->second;
}

}  // namespace antq::db
