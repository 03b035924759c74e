#pragma once
// Who is calling, as every service sees it: a role and a unit subtree (the scope).
// Services check both on every call; api/ builds the Actor from the session.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace antq {

enum class Role {
  admin,        // Quản trị viên
  officer,      // Cán bộ Công an xã
  team_member,  // Thành viên Tổ bảo vệ ANTT
  reviewer,     // Cán bộ thẩm định cấp tỉnh
  auditor,      // Kiểm toán viên
};

std::string_view role_code(Role role);
std::optional<Role> role_from_code(std::string_view code);

// True when the unit with materialized path `unit_path` lies in the subtree at `scope_path`.
inline bool path_covers(std::string_view scope_path, std::string_view unit_path) {
  return unit_path.substr(0, scope_path.size()) == scope_path;
}

struct Actor {
  std::int64_t user_id = 0;
  std::string username;
  Role role = Role::team_member;
  std::int64_t scope_unit_id = 0;
  std::string scope_path;  // materialized path of the scope unit, e.g. "/1/2/"
  bool system = false;     // the machine's operator at the command line, never a web user

  // True when the unit with materialized path `unit_path` lies in the actor's subtree.
  bool covers(std::string_view unit_path) const { return path_covers(scope_path, unit_path); }
  bool is(Role r) const { return role == r; }
};

// The actor of command-line tools run by the machine's operator.
Actor system_actor();

}  // namespace antq
