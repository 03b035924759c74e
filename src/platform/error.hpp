#pragma once
// Errors are values with named constructors. They are mapped to HTTP statuses in exactly
// one place (http/problem.cpp) and to exit codes in the CLI. `internal_message` is for
// our logs only; users see the catalog text for `slug`.
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <vector>

namespace antq {

// One invalid input field: `code` is a key of the "field_error" catalog section.
struct FieldError {
  FieldError() = default;
  FieldError(std::string field_name, std::string error_code, std::optional<std::int64_t> csv_line = std::nullopt,
             std::string hint = {}, std::optional<std::int64_t> row = std::nullopt)
      : field(std::move(field_name)),
        code(std::move(error_code)),
        line(csv_line),
        value_hint(std::move(hint)),
        index(row) {}

  std::string field;
  std::string code;
  std::optional<std::int64_t> line;   // CSV line number, when the input was a file
  std::string value_hint;             // extra words appended to the message (never secret)
  std::optional<std::int64_t> index;  // the row of a list field ("members.full_name"), from 0
};

class Error : public std::exception {
 public:
  enum class Kind {
    validation,
    malformed_json,
    malformed_body,  // a form or multipart body that cannot be read
    invalid_utf8,
    payload_too_large,
    not_found,
    method_not_allowed,
    unauthenticated,
    invalid_credentials,
    totp_required,
    invalid_totp,
    forbidden,
    csrf_failed,
    too_many_attempts,
    overloaded,
    conflict,
    unsupported_media_type,
    bad_path,
    csv_invalid,
    service_unavailable,
    internal
  };

  static Error validation(std::vector<FieldError> fields) {
    return Error(Kind::validation, "validation failed", std::move(fields));
  }
  static Error field(std::string field, std::string code) {
    return validation({FieldError{std::move(field), std::move(code), std::nullopt, {}}});
  }
  static Error csv(std::vector<FieldError> fields) {
    return Error(Kind::csv_invalid, "csv invalid", std::move(fields));
  }
  static Error not_found(std::string what = "not found") { return Error(Kind::not_found, std::move(what)); }
  static Error forbidden(std::string why = "forbidden") { return Error(Kind::forbidden, std::move(why)); }
  static Error unauthenticated() { return Error(Kind::unauthenticated, "no valid session"); }
  static Error conflict(std::string why) { return Error(Kind::conflict, std::move(why)); }
  static Error internal(std::string why) { return Error(Kind::internal, std::move(why)); }
  static Error unavailable(std::string why) { return Error(Kind::service_unavailable, std::move(why)); }
  static Error too_many_attempts(int retry_after_seconds) {
    Error e(Kind::too_many_attempts, "throttled");
    e.retry_after_ = retry_after_seconds;
    return e;
  }
  static Error of(Kind kind, std::string why = {}) { return Error(kind, std::move(why)); }

  Kind kind() const noexcept { return kind_; }
  const std::vector<FieldError>& fields() const noexcept { return fields_; }
  const std::string& internal_message() const noexcept { return message_; }
  int retry_after() const noexcept { return retry_after_; }
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  Error(Kind kind, std::string message, std::vector<FieldError> fields = {})
      : kind_(kind), message_(std::move(message)), fields_(std::move(fields)) {}
  Kind kind_;
  std::string message_;
  std::vector<FieldError> fields_;
  int retry_after_ = 0;
};

// Collects field errors during validation; throws them all at once.
class FieldErrors {
 public:
  void add(std::string field, std::string code) { errors_.push_back(FieldError{std::move(field), std::move(code)}); }
  // The errors found in one row of a list ("members.full_name"), each marked with the
  // row's index (from 0) so that a form shows it on that row.
  void add_row(const FieldErrors& row, std::size_t index) {
    for (auto e : row.errors_) {
      e.index = static_cast<std::int64_t>(index);
      errors_.push_back(std::move(e));
    }
  }
  bool empty() const { return errors_.empty(); }
  void throw_if_any() const {
    if (!errors_.empty()) throw Error::validation(errors_);
  }

 private:
  std::vector<FieldError> errors_;
};

}  // namespace antq
