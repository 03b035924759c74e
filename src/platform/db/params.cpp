#include "platform/db/params.hpp"

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

}  // namespace antq::db
