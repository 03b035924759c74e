// The rendered unit tree is cached by the units service, keyed by what decides the tree.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "modules/units/service.hpp"
#include "units_fixture.hpp"

namespace antq::units {
namespace {

struct Fixture : UnitsFixture {
  Unit commune =
      units.create(admin, NewUnit{"02545", "Tân Trào", "commune", "xã", country.id, std::nullopt, false, "", false});
  Unit other =
      units.create(admin, NewUnit{"02548", "Minh Thanh", "commune", "xã", country.id, std::nullopt, false, "", false});
  int renders = 0;

  Actor officer_of(const Unit& unit) {
    Actor a;
    a.user_id = 7;
    a.role = Role::officer;
    a.scope_unit_id = unit.id;
    a.scope_path = unit.path;
    return a;
  }
  // The names in the tree (children in Vietnamese order), as the renderer sees them.
  Service::RenderedTree render(const Actor& actor, bool history = false) {
    return units.rendered_tree(actor, history, [this](const std::vector<TreeNode>& roots, const std::string& today) {
      ++renders;
      std::string out = today;
      std::function<void(const TreeNode&)> walk = [&](const TreeNode& n) {
        out += "|" + n.unit.name;
        for (const auto& c : n.children) walk(c);
      };
      for (const auto& r : roots) walk(r);
      return out;
    });
  }
};

TEST(UnitTreeCache, ServesTheSameBodyWhileNothingChanges) {
  Fixture f;
  auto first = f.render(f.admin);
  auto second = f.render(f.admin);
  EXPECT_EQ(f.renders, 1);
  EXPECT_EQ(first.body, second.body);
  EXPECT_EQ(first.tag, second.tag);
  EXPECT_EQ(*first.body, "2025-12-01|Việt Nam|Minh Thanh|Tân Trào");
}

TEST(UnitTreeCache, NeverGivesOneScopesTreeToAnother) {
  Fixture f;
  f.render(f.admin);
  auto tan_trao = f.render(f.officer_of(f.commune));
  auto minh_thanh = f.render(f.officer_of(f.other));
  EXPECT_EQ(*tan_trao.body, "2025-12-01|Tân Trào");
  EXPECT_EQ(*minh_thanh.body, "2025-12-01|Minh Thanh");
  EXPECT_NE(tan_trao.tag, minh_thanh.tag);
}

TEST(UnitTreeCache, HistoryAndTheDayAreInTheKey) {
  Fixture f;
  auto active = f.render(f.admin);
  auto with_history = f.render(f.admin, true);
  EXPECT_NE(active.tag, with_history.tag);
  f.clock.advance(24 * 3600 * 1000LL);
  auto tomorrow = f.render(f.admin);
  EXPECT_EQ(*tomorrow.body, "2025-12-02|Việt Nam|Minh Thanh|Tân Trào");
  EXPECT_EQ(f.renders, 3);
}

TEST(UnitTreeCache, ARenameIsSeenAtOnce) {
  Fixture f;
  auto before = f.render(f.admin);
  UnitPatch p;
  p.name = "Tân Trào mới";
  f.units.update(f.admin, f.commune.id, p);
  auto after = f.render(f.admin);
  EXPECT_NE(before.tag, after.tag);
  EXPECT_EQ(*after.body, "2025-12-01|Việt Nam|Minh Thanh|Tân Trào mới");
}

}  // namespace
}  // namespace antq::units
