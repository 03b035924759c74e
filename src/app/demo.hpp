#pragma once
#include <string>

#include "app/context.hpp"

namespace antq::app {

struct DemoAccount {
  std::string username;
  std::string role_label;  // Vietnamese
  std::string unit;
};

// Loads the demo data (Tuyên Quang, the 2025 merge of Kim Quan, Trung Yên and Tân Trào
// into the new xã Tân Trào, one more commune, one user per role). Does nothing and
// returns false when the database already has units.
bool load_demo(Context& ctx, const std::string& password);
std::vector<DemoAccount> demo_accounts();

}  // namespace antq::app
