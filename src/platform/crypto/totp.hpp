#pragma once
// Time-based one-time passwords (RFC 6238, 30 s, 6 digits) for staff second factor.
#include <cstdint>
#include <string>
#include <string_view>

namespace antq::crypto {

// A new random secret, base32 encoded (160 bits).
std::string new_totp_secret();
// True when `code` is valid at `unix_seconds` for the secret, allowing one step of drift.
bool verify_totp(std::string_view base32_secret, std::string_view code, std::int64_t unix_seconds);
// The code for a given time (tests and enrolment checks).
std::string totp_code(std::string_view base32_secret, std::int64_t unix_seconds);
// otpauth://totp/antq:<account>?secret=...&issuer=antq
std::string otpauth_uri(std::string_view account, std::string_view base32_secret);
// A QR code of `text` as a standalone SVG document.
std::string qr_svg(std::string_view text);

}  // namespace antq::crypto
