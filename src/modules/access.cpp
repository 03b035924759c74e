#include "modules/access.hpp"

namespace antq {

std::string_view role_code(Role role) {
  switch (role) {
    case Role::admin:
      return "admin";
    case Role::officer:
      return "officer";
    case Role::team_member:
      return "team_member";
    case Role::reviewer:
      return "reviewer";
    case Role::auditor:
      return "auditor";
  }
  return "team_member";
}

std::optional<Role> role_from_code(std::string_view code) {
  for (Role r : {Role::admin, Role::officer, Role::team_member, Role::reviewer, Role::auditor}) {
    if (role_code(r) == code) return r;
  }
  return std::nullopt;
}

Actor system_actor() {
  Actor a;
  a.username = "system";
  a.role = Role::admin;
  a.scope_path = "/";
  a.system = true;
  return a;
}

}  // namespace antq
