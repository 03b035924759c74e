#include "modules/community/offline.hpp"

#include "platform/crypto/crypto.hpp"

namespace antq::community {

std::string_view code_of(Outcome outcome) {
  switch (outcome) {
    case Outcome::inserted:
      return "inserted";
    case Outcome::replayed:
      return "replayed";
    case Outcome::updated:
      return "updated";
    case Outcome::conflict:
      return "conflict";
  }
  return "conflict";
}

Outcome decide(const std::optional<Stored>& stored, std::int64_t base_version, const std::string& content_hash) {
  if (!stored) return base_version == 0 ? Outcome::inserted : Outcome::conflict;
  if (stored->content_hash == content_hash) return Outcome::replayed;
  return base_version == stored->version ? Outcome::updated : Outcome::conflict;
}

bool valid_record_id(std::string_view id) {
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    char ch = id[i];
    if (dash ? ch != '-' : !((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  }
  return true;
}

ContentHash& ContentHash::add(std::string_view name, std::string_view value) {
  text_.append(name).append("=");
  // Escape the separators, so that no two different records give the same text.
  for (char ch : value) {
    if (ch == '\\' || ch == '\n') text_.push_back('\\');
    text_.push_back(ch);
  }
  text_.push_back('\n');
  return *this;
}

ContentHash& ContentHash::add(std::string_view name, std::int64_t value) { return add(name, std::to_string(value)); }

std::string ContentHash::hex() const { return crypto::blake2b_hex(text_); }

}  // namespace antq::community
