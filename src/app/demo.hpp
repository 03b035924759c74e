#pragma once
#include <optional>
#include <string>

#include "app/modules.hpp"

namespace antq::app {

struct DemoAccount {
  std::string username;
  std::string role_label;  // Vietnamese
  std::string unit;
};

// Loads the demo data (Tuyên Quang, the 2025 merge of Kim Quan, Trung Yên and Tân Trào
// into the new xã Tân Trào, one more commune, one user per role), opens Tân Trào's
// mailbox with its key given to officer.tantrao, and returns Tân Trào's recovery key.
// Does nothing and returns nullopt when the database already has units.
std::optional<std::string> load_demo(Context& ctx, const std::string& password);
std::vector<DemoAccount> demo_accounts();

}  // namespace antq::app
