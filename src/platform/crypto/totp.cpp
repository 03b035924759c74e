#include "platform/crypto/totp.hpp"

#include <fmt/format.h>
#include <liboath/oath.h>
#include <qrencode.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "platform/crypto/crypto.hpp"

namespace antq::crypto {
namespace {

constexpr unsigned kStep = 30;
constexpr unsigned kDigits = 6;

void oath_ready() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (oath_init() != OATH_OK) throw std::runtime_error("liboath failed to initialise");
  });
}

std::string decode_secret(std::string_view base32) {
  oath_ready();
  char* raw = nullptr;
  size_t len = 0;
  std::string in(base32);
  if (oath_base32_decode(in.c_str(), in.size(), &raw, &len) != OATH_OK) return {};
  std::string out(raw, len);
  free(raw);
  return out;
}

std::string url_escape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() {
  oath_ready();
  std::string raw = random_bytes(20);
  char* encoded = nullptr;
  size_t len = 0;
  if (oath_base32_encode(raw.data(), raw.size(), &encoded, &len) != OATH_OK) {
    throw std::runtime_error("base32 encoding failed");
  }
  std::string out(encoded, len);
  free(encoded);
  while (!out.empty() && out.back() == '=') out.pop_back();
  return out;
}

std::optional<std::int64_t> totp_step(std::string_view base32_secret, std::string_view code,
                                      std::int64_t unix_seconds) {
  if (code.size() != kDigits) return std::nullopt;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  std::string secret = decode_secret(base32_secret);
  if (secret.empty()) return std::nullopt;
  std::string otp(code);
  int offset = 0;  // steps from the current one, negative for past steps
  int rc = oath_totp_validate2(secret.data(), secret.size(), static_cast<time_t>(unix_seconds), kStep, 0, 1, &offset,
                               otp.c_str());
  if (rc < 0) return std::nullopt;  // negative means no match
  return unix_seconds / kStep + offset;
}

bool verify_totp(std::string_view base32_secret, std::string_view code, std::int64_t unix_seconds) {
  return totp_step(base32_secret, code, unix_seconds).has_value();
}

std::string totp_code(std::string_view base32_secret, std::int64_t unix_seconds) {
  std::string secret = decode_secret(base32_secret);
  char out[kDigits + 1] = {};
  if (oath_totp_generate(secret.data(), secret.size(), static_cast<time_t>(unix_seconds), kStep, 0, kDigits, out) !=
      OATH_OK) {
    throw std::runtime_error("TOTP generation failed");
  }
  return out;
}

std::string otpauth_uri(std::string_view account, std::string_view base32_secret) {
  return fmt::format("otpauth://totp/antq:{}?secret={}&issuer=antq&algorithm=SHA1&digits=6&period=30",
                     url_escape(account), base32_secret);
}

std::string qr_svg(std::string_view text) {
  std::string in(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(QRcode_encodeString(in.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                     &QRcode_free);
  if (!qr) throw std::runtime_error("QR encoding failed");
  const int quiet = 4;
  const int size = qr->width + 2 * quiet;
  std::string path;
  for (int y = 0; y < qr->width; ++y) {
    for (int x = 0; x < qr->width; ++x) {
      if (qr->data[y * qr->width + x] & 1) path += fmt::format("M{},{}h1v1h-1z", x + quiet, y + quiet);
    }
  }
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" width=\"{1}\" height=\"{1}\" "
      "shape-rendering=\"crispEdges\"><rect width=\"{0}\" height=\"{0}\" fill=\"#fff\"/>"
      "<path fill=\"#000\" d=\"{2}\"/></svg>",
      size, size * 6, path);
}

}  // namespace antq::crypto
