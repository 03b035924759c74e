#pragma once
// Receipts (mã tiếp nhận) and codes like them: 16 random digits shown once to a person
// without an account, the only key to what they open. The database keeps only a value
// derived from the digits with Argon2id under an installation salt, so a stolen copy does
// not give the codes back and guessing one offline costs ~10^16 derivations. The mailbox's
// receipts and the camera owners' management codes are both made this way, each with its
// own salt in its own table.
#include <functional>
#include <optional>
#include <string>

#include "platform/crypto/box.hpp"

namespace antq::crypto {

struct Receipt {
  std::string digits;     // 16 digits
  std::string formatted;  // "1234-5678-9012-3456"
};

// 16 random digits.
Receipt new_receipt();
// Digits only, from what a person typed ("1234 5678-9012 3456"); nullopt unless 16 digits.
std::optional<std::string> receipt_digits(const std::string& typed);

// Argon2id limits of receipt derivations for new installations (two passes over 16 MiB,
// ~23 ms on one core here; near OWASP's 19 MiB x 2). Two of them fit in a shared 32 MiB
// cache, so cores derive side by side. Each installation records its limits, and older
// ones keep the limits their receipts were made with.
constexpr KdfLimits kReceiptLimits{2, 16u << 20};

struct ReceiptKdf {
  std::string salt;
  KdfLimits limits;
};

// A table of installation secrets (name → bytes) as its owner's repo reaches it.
struct SecretTable {
  std::function<std::optional<std::string>(const std::string& name)> get;
  std::function<void(const std::string& name, const std::string& value)> put;  // write transactions only
};

// The salt and limits recorded in `table` ("receipt_salt", "receipt_kdf_limits"), if a
// receipt was ever made; `unrecorded` when the salt predates the limits' record. A damaged
// or weak record (under one pass over 8 MiB) throws: receipts are never derived with
// weaker limits than were meant.
std::optional<ReceiptKdf> recorded_receipt_kdf(const SecretTable& table, const KdfLimits& unrecorded = kInteractiveKdf);
// The same, made (kReceiptLimits) on first use.
ReceiptKdf receipt_kdf(const SecretTable& table);

}  // namespace antq::crypto
