#include "platform/crypto/sealer.hpp"

#include <stdexcept>

#include "platform/crypto/box.hpp"
#include "platform/crypto/crypto.hpp"

namespace antq::crypto {
namespace {

// Separate keys for separate uses, each derived from the installation's key.
std::string subkey(std::string_view key, std::string_view use) {
  if (key.size() != FieldSealer::kKeyBytes) throw std::invalid_argument("the personal-data key must be 32 bytes");
  return keyed_hash(key, use);
}

std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char ch : bytes) {
    out.push_back(kDigits[ch >> 4U]);
    out.push_back(kDigits[ch & 15U]);
  }
  return out;
}

}  // namespace

FieldSealer::FieldSealer(std::string_view key)
    : seal_key_(subkey(key, "antq personal data: seal v1")),
      lookup_key_(subkey(key, "antq personal data: lookup v1")),
      fingerprint_(hex(subkey(key, "antq personal data: fingerprint v1")).substr(0, 32)) {}

std::string FieldSealer::seal(std::string_view plaintext) const { return secretbox(seal_key_, plaintext); }

std::string FieldSealer::open(std::string_view sealed) const {
  auto plain = open_secretbox(seal_key_, sealed);
  if (!plain) throw std::runtime_error("personal data sealed under another key, or altered");
  return *plain;
}

std::string FieldSealer::lookup(std::string_view text) const { return keyed_hash(lookup_key_, text).substr(0, 16); }

std::string FieldSealer::fingerprint() const { return fingerprint_; }

}  // namespace antq::crypto
