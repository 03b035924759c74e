#pragma once
// HMAC-SHA-256 (RFC 2104 over SHA-256, RFC 4231's test vectors): the signature on the
// notifications antq posts to a webhook, so that the receiver knows they are antq's.
#include <string>
#include <string_view>

namespace antq::crypto {

// The 32-byte MAC of `message` under `key` (a key of any length).
std::string hmac_sha256(std::string_view key, std::string_view message);
// The same, lower-case hex encoded (64 characters).
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

}  // namespace antq::crypto
