#include "platform/json/json.hpp"

#include "platform/text/text.hpp"

namespace antq::json {

boost::json::object parse_object(std::string_view body) {
  if (body.empty()) return {};
  if (!text::is_valid_utf8(body)) throw Error::of(Error::Kind::invalid_utf8, "body is not UTF-8");
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(body, ec);
  if (ec) throw Error::of(Error::Kind::malformed_json, ec.message());
  if (!v.is_object()) throw Error::of(Error::Kind::malformed_json, "body is not a JSON object");
  return std::move(v.as_object());
}

std::optional<std::string> Reader::text(std::string_view key, std::size_t max_chars) {
  auto it = object_.find(key);
  if (it == object_.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_string()) {
    errors_.add(std::string(key), "wrong_type");
    return std::nullopt;
  }
  const auto& s = it->value().get_string();
  std::string value = text::clean(std::string_view(s.data(), s.size()));
  if (text::length(value) > max_chars) {
    errors_.add(std::string(key), "too_long");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> Reader::required_text(std::string_view key, std::size_t max_chars) {
  bool present = object_.contains(key) && !object_.at(key).is_null();
  auto value = text(key, max_chars);
  if (!present || (value && value->empty())) {
    errors_.add(std::string(key), "required");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> Reader::secret(std::string_view key, std::size_t max_bytes) {
  auto it = object_.find(key);
  if (it == object_.end() || it->value().is_null()) {
    errors_.add(std::string(key), "required");
    return std::nullopt;
  }
  if (!it->value().is_string()) {
    errors_.add(std::string(key), "wrong_type");
    return std::nullopt;
  }
  const auto& s = it->value().get_string();
  if (s.empty()) {
    errors_.add(std::string(key), "required");
    return std::nullopt;
  }
  if (s.size() > max_bytes) {
    errors_.add(std::string(key), "too_long");
    return std::nullopt;
  }
  return std::string(s.data(), s.size());
}

std::optional<std::int64_t> Reader::integer(std::string_view key) {
  auto it = object_.find(key);
  if (it == object_.end() || it->value().is_null()) return std::nullopt;
  const auto& v = it->value();
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(v.get_uint64());
  }
  errors_.add(std::string(key), "wrong_type");
  return std::nullopt;
}

std::optional<std::int64_t> Reader::required_integer(std::string_view key) {
  bool present = object_.contains(key) && !object_.at(key).is_null();
  auto value = integer(key);
  if (!present) errors_.add(std::string(key), "required");
  return value;
}

std::optional<bool> Reader::boolean(std::string_view key) {
  auto it = object_.find(key);
  if (it == object_.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_bool()) {
    errors_.add(std::string(key), "wrong_type");
    return std::nullopt;
  }
  return it->value().get_bool();
}

std::optional<std::vector<std::int64_t>> Reader::integers(std::string_view key) {
  auto it = object_.find(key);
  if (it == object_.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_array()) {
    errors_.add(std::string(key), "wrong_type");
    return std::nullopt;
  }
  std::vector<std::int64_t> out;
  for (const auto& item : it->value().get_array()) {
    if (!item.is_int64()) {
      errors_.add(std::string(key), "wrong_type");
      return std::nullopt;
    }
    out.push_back(item.get_int64());
  }
  return out;
}

std::string serialize(const boost::json::value& value) { return boost::json::serialize(value); }

}  // namespace antq::json
