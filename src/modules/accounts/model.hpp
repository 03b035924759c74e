#pragma once
// Staff accounts (tài khoản cán bộ), sessions and second factor.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/access.hpp"
#include "platform/page.hpp"

namespace antq::accounts {

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string full_name;
  Role role = Role::team_member;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string unit_path;
  std::string locale = "vi";
  bool disabled = false;
  bool totp_enabled = false;
  // May see the identity of confidential tipsters (quyền xem danh tính người tố giác),
  // each time with a reason that is audited.
  bool identity_permission = false;
  std::string phone;        // E.164 ("+84912345678"), or "" for none
  bool sms_opt_in = false;  // reminders by SMS too (a mobile phone only)
  std::int64_t created_at = 0;
};

struct NewUser {
  std::string username;
  std::string full_name;
  std::string role;
  std::optional<std::int64_t> unit_id;
  std::string password;
  std::string locale = "vi";
};

struct UserPatch {
  std::optional<std::string> full_name;
  std::optional<std::string> role;
  std::optional<std::int64_t> unit_id;
  std::optional<bool> disabled;
  std::optional<std::string> password;
  std::optional<std::string> locale;
  std::optional<bool> identity_permission;
  std::optional<std::string> phone;  // as typed; "" removes it (and the SMS opt-in)
  std::optional<bool> sms_opt_in;
};

struct UserFilter {
  std::optional<std::string> query;  // diacritic-insensitive on username and full name
  std::optional<std::string> role;
  int page = 1;
  int page_size = 50;
};

struct Credentials {
  std::string username;
  std::string password;
  std::optional<std::string> totp;  // a 6-digit code or a recovery code
  std::string client;               // throttling key for the client (address); never stored
};

// A live session: the cookie token is given to the client once and only its hash is kept.
struct Session {
  std::string token;  // only set right after login
  std::string csrf_token;
  std::int64_t expires_at = 0;
  User user;
  // The user's own secret box key, unwrapped for this request only (empty for sessions
  // that have none). Never serialised, never logged.
  std::string box_secret_key;
};

struct TotpSetup {
  std::string secret;
  std::string otpauth_uri;
  std::string qr_svg;
};

constexpr std::size_t kMinPasswordLength = 10;

}  // namespace antq::accounts
