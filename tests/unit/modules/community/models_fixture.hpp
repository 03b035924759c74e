#pragma once
// Model types and sites over the households' fixture (Tân Trào, Khuôn Điển, Làng Hản,
// Hùng Lợi and their people), with an administrator.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "households_fixture.hpp"
#include "modules/community/models.hpp"

namespace antq::community {

class ModelsTest : public HouseholdsTest {
 protected:
  void SetUp() override {
    HouseholdsTest::SetUp();
    if (IsSkipped()) return;
    models_ = std::make_unique<Models>(*db_, *audit_, *units_, clock_);
    admin_ = testing::person(*db_, 1007, Role::admin, tan_trao_.id, tan_trao_.path);
  }

  const ModelType& type(const std::string& code) {
    types_ = models_->types(officer_);
    auto it = std::find_if(types_.begin(), types_.end(), [&](const ModelType& t) { return t.code == code; });
    EXPECT_NE(it, types_.end()) << code;
    return *it;
  }

  ModelSiteInput site(const std::string& type_code, std::int64_t unit, const std::string& name) {
    ModelSiteInput in;
    in.type_id = type(type_code).id;
    in.unit_id = unit;
    in.name = name;
    in.launched_on = "2024-03-26";
    return in;
  }

  std::unique_ptr<Models> models_;
  std::vector<ModelType> types_;
  Actor admin_;
};

}  // namespace antq::community
