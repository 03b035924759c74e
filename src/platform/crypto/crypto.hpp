#pragma once
// Cryptography for the whole program, on libsodium. Thread-safe after init().
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace antq::crypto {

// Initialises libsodium. Call once at start; throws if the library cannot start.
void init();

std::string random_bytes(std::size_t count);
// A random URL-safe token carrying `bytes` bytes of entropy (base64url, no padding).
std::string random_token(std::size_t bytes = 32);
// A uniformly random integer in [0, upper).
std::uint32_t random_below(std::uint32_t upper);

std::string to_hex(std::string_view bytes);
std::string base64url(std::string_view bytes);
std::string base64(std::string_view bytes);
// RFC 4648 base32 without padding (A–Z, 2–7); from_base32 ignores case, spaces and dashes
// and returns nullopt on any other character.
std::string to_base32(std::string_view bytes);
std::optional<std::string> from_base32(std::string_view text);

// BLAKE2b with a 32-byte output (raw bytes).
std::string blake2b(std::string_view message);
// BLAKE2b-256, hex encoded.
std::string blake2b_hex(std::string_view message);
// SHA-256, hex encoded: for files people compare with other tools (sha256sum).
std::string sha256_hex(std::string_view message);

bool constant_time_equal(std::string_view a, std::string_view b);

// Argon2id password hashing ("$argon2id$..." string, interactive limits: ~70 ms, 64 MiB).
// Slow on purpose: never call on a network thread.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view encoded_hash, std::string_view password);

}  // namespace antq::crypto
