#pragma once
// The households fixture with a fire-safety groups service (and the boundaries it asks).
#include <memory>

#include "households_fixture.hpp"
#include "modules/community/fire_groups.hpp"
#include "modules/units/boundaries.hpp"

namespace antq::community {

class FireGroupsFixture : public HouseholdsTest {
 protected:
  void SetUp() override {
    HouseholdsTest::SetUp();
    if (IsSkipped()) return;
    boundaries_ = std::make_unique<units::Boundaries>(*db_, *audit_, clock_);
    groups_ = std::make_unique<FireGroups>(*db_, *audit_, *units_, *boundaries_, clock_);
  }

  std::unique_ptr<units::Boundaries> boundaries_;
  std::unique_ptr<FireGroups> groups_;
};

}  // namespace antq::community
