#pragma once
// Personal data sealed at rest under the installation's key (a file outside the database,
// `[privacy] key_file`): a stolen database or backup shows no name, phone or address,
// and a deleted record leaves no readable trace in free pages or the write-ahead log.
// Thread-safe after crypto::init().
#include <string>
#include <string_view>

namespace antq::crypto {

class FieldSealer {
 public:
  static constexpr std::size_t kKeyBytes = 32;

  // REQUIRES: `key` holds kKeyBytes bytes.
  explicit FieldSealer(std::string_view key);

  // Authenticated encryption (secretbox, a random nonce first): the same text seals
  // differently each time.
  std::string seal(std::string_view plaintext) const;
  // Throws std::runtime_error when the value was sealed under another key or altered.
  std::string open(std::string_view sealed) const;
  // A keyed hash for finding a value without opening every record (a phone number): the
  // same text gives the same 16 bytes; without the key it tells nothing.
  std::string lookup(std::string_view text) const;
  // Names the key without revealing it (hex), to tell whether the data was sealed under it.
  std::string fingerprint() const;

 private:
  std::string seal_key_;
  std::string lookup_key_;
  std::string fingerprint_;
};

}  // namespace antq::crypto
