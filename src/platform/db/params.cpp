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

}  // namespace antq::db
