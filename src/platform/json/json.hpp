#pragma once
// Reading request JSON into plain values, collecting per-field errors
// ("required", "wrong_type", "too_long") instead of throwing on the first one.
#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/error.hpp"

namespace antq::json {

// Parses a request body. Throws Error malformed_json / invalid_utf8.
// An empty body reads as an empty object.
boost::json::object parse_object(std::string_view body);

// Field readers: absent or null -> nullopt. A present value of the wrong type adds
// "wrong_type" to `errors`. Strings are trimmed and NFC-normalised; `max_chars`
// is counted in code points ("too_long").
class Reader {
 public:
  explicit Reader(const boost::json::object& object) : object_(object) {}

  std::optional<std::string> text(std::string_view key, std::size_t max_chars = 1000);
  std::optional<std::string> required_text(std::string_view key, std::size_t max_chars = 1000);
  // Exactly as sent (no trimming, no normalisation): passwords. Required, non-empty.
  std::optional<std::string> secret(std::string_view key, std::size_t max_bytes = 1024);
  std::optional<std::int64_t> integer(std::string_view key);
  std::optional<std::int64_t> required_integer(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  std::optional<std::vector<std::int64_t>> integers(std::string_view key);
  bool has(std::string_view key) const { return object_.contains(key); }

  FieldErrors& errors() { return errors_; }
  void finish() const { errors_.throw_if_any(); }

 private:
  const boost::json::object& object_;
  FieldErrors errors_;
};

std::string serialize(const boost::json::value& value);

}  // namespace antq::json
