#include "platform/db/params.hpp"

#include "platform/text/text.hpp"

namespace antq::db {

std::string like_term(std::string_view query) {
  std::string out;
  for (char c : text::fold(query)) {
    if (c != '%' && c != '_') out.push_back(c);
  }
  return out;
}

}  // namespace antq::db
