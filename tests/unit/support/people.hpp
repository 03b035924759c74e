#pragma once
// What service tests share: a person with an account and a scope (a users row, so that
// audit entries and foreign keys hold), and the field errors a call throws.
#include <cstdint>
#include <string>

#include "modules/access.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace antq::testing {

// Ids are chosen by the test, far from any the database hands out.
inline Actor person(db::Database& db, std::int64_t id, Role role, std::int64_t scope_id,
                    const std::string& scope_path) {
  db.write([&](db::Tx& tx) {
    tx.exec(db::Query{"test.user",
                      "INSERT INTO users (id, username, full_name, full_name_folded, role, unit_id, password_hash, "
                      "created_at, updated_at) VALUES ($1, $2, $2, $2, $3, $4, '-', 0, 0)"},
            id, "user" + std::to_string(id), std::string(role_code(role)), scope_id);
  });
  Actor a;
  a.user_id = id;
  a.username = "user" + std::to_string(id);
  a.role = role;
  a.scope_unit_id = scope_id;
  a.scope_path = scope_path;
  return a;
}

// The field errors `f` throws ("field:code" each, space separated), "error" for an error
// without fields, or "" when it throws none.
template <typename F>
std::string errors_of(F f) {
  try {
    f();
  } catch (const Error& e) {
    std::string out;
    for (const auto& fe : e.fields()) out += (out.empty() ? "" : " ") + fe.field + ":" + fe.code;
    return out.empty() ? "error" : out;
  }
  return "";
}

// The kind of error `f` throws ("conflict", "forbidden", "not_found", "validation"…;
// "other" for a kind not named here), or "" when it throws none: for the tests that must
// tell a 409 from a 403.
template <typename F>
std::string kind_of(F f) {
  try {
    f();
  } catch (const Error& e) {
    switch (e.kind()) {
      case Error::Kind::conflict:
        return "conflict";
      case Error::Kind::forbidden:
        return "forbidden";
      case Error::Kind::not_found:
        return "not_found";
      case Error::Kind::validation:
        return "validation";
      default:
        return "other";
    }
  }
  return "";
}

}  // namespace antq::testing
