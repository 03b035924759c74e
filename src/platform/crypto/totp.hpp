#pragma once
// Time-based one-time passwords (RFC 6238, 30 s, 6 digits) for staff second factor.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace antq::crypto {

// A new random secret, base32 encoded (160 bits).
std::string new_totp_secret();
// The time step (unix_seconds / 30) that `code` belongs to when it is valid at
// `unix_seconds`, allowing one step of drift either way; nullopt when it is not valid.
// Callers refuse a step at or before the last one they accepted (RFC 6238 §5.2).
std::optional<std::int64_t> totp_step(std::string_view base32_secret, std::string_view code, std::int64_t unix_seconds);
// True when `code` is valid at `unix_seconds` (totp_step() has a value).
bool verify_totp(std::string_view base32_secret, std::string_view code, std::int64_t unix_seconds);
// The code for a given time (tests and enrolment checks).
std::string totp_code(std::string_view base32_secret, std::int64_t unix_seconds);
// otpauth://totp/antq:<account>?secret=...&issuer=antq
std::string otpauth_uri(std::string_view account, std::string_view base32_secret);
// A QR code of `text` as a standalone SVG document.
std::string qr_svg(std::string_view text);

}  // namespace antq::crypto
