#include "platform/crypto/receipt.hpp"

#include <charconv>

#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"

namespace antq::crypto {
namespace {

constexpr const char* kSaltName = "receipt_salt";
constexpr const char* kLimitsName = "receipt_kdf_limits";

std::string limits_text(const KdfLimits& l) { return std::to_string(l.passes) + ":" + std::to_string(l.memory); }

// "passes:bytes", at least one pass over 8 MiB.
KdfLimits parse_limits(const std::string& text) {
  unsigned long long passes = 0;
  std::size_t memory = 0;
  auto colon = text.find(':');
  const char* end = text.data() + text.size();
  bool ok = colon != std::string::npos &&
            std::from_chars(text.data(), text.data() + colon, passes).ptr == text.data() + colon &&
            std::from_chars(text.data() + colon + 1, end, memory).ptr == end && passes >= 1 && memory >= (8u << 20);
  if (!ok) throw Error::internal("receipt_kdf_limits is not passes:bytes (>= 1:8388608)");
  return KdfLimits{passes, memory};
}

}  // namespace

Receipt new_receipt() {
  Receipt r;
  for (int i = 0; i < 16; ++i) r.digits.push_back(static_cast<char>('0' + random_below(10)));
  for (int i = 0; i < 16; i += 4) r.formatted += (i ? "-" : "") + r.digits.substr(static_cast<std::size_t>(i), 4);
  return r;
}

std::optional<std::string> receipt_digits(const std::string& typed) {
  std::string digits;
  for (char c : typed) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != ' ' && c != '-' && c != '.') {
      return std::nullopt;
    }
  }
  if (digits.size() != 16) return std::nullopt;
  return digits;
}

std::optional<ReceiptKdf> recorded_receipt_kdf(const SecretTable& table, const KdfLimits& unrecorded) {
  auto salt = table.get(kSaltName);
  if (!salt) return std::nullopt;
  auto limits = table.get(kLimitsName);
  return ReceiptKdf{*salt, limits ? parse_limits(*limits) : unrecorded};
}

ReceiptKdf receipt_kdf(const SecretTable& table) {
  if (auto kdf = recorded_receipt_kdf(table)) return *kdf;
  std::string salt = random_bytes(kSaltBytes);
  table.put(kSaltName, salt);
  table.put(kLimitsName, limits_text(kReceiptLimits));
  return ReceiptKdf{salt, kReceiptLimits};
}

}  // namespace antq::crypto
