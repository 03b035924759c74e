#pragma once
// A households service on each backend with a manual clock: Tuyên Quang with Tân Trào
// (02545: Khuôn Điển and Làng Hản) and Hùng Lợi (02455: Thôn 1), and the people who ask:
// each commune's officer, Khuôn Điển's team member, a reviewer of the province, an auditor.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "../../support/backends.hpp"
#include "../../support/people.hpp"
#include "modules/community/households.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/read.hpp"

namespace antq::community {

class HouseholdsTest : public ::testing::TestWithParam<db::Dialect> {
 protected:
  static constexpr time::Millis kStart = 1764547200000LL;  // 2025-12-01 07:00 local
  static constexpr time::Millis kDay = 24LL * 3600 * 1000;

  void SetUp() override {
    crypto::init();
    if (!backend_.available()) GTEST_SKIP() << "ANTQ_TEST_PG_URL is not set";
    db_ = backend_.open();
    audit_ = std::make_unique<audit::Service>(*db_, clock_);
    units_ = std::make_unique<units::Service>(*db_, *audit_, clock_);
    service_ = std::make_unique<Households>(*db_, *audit_, *units_, clock_, key_);
    auto country = add("VN", "Việt Nam", "country", std::nullopt);
    auto province = add("08", "Tuyên Quang", "province", country.id);
    tan_trao_ = add("02545", "Tân Trào", "commune", province.id);
    hung_loi_ = add("02455", "Hùng Lợi", "commune", province.id);
    khuon_dien_ = add("02545-KD", "Khuôn Điển", "residential_area", tan_trao_.id);
    lang_han_ = add("02545-LH", "Làng Hản", "residential_area", tan_trao_.id);
    hung_village_ = add("02455-T1", "Thôn 1", "residential_area", hung_loi_.id);
    officer_ = testing::person(*db_, 1001, Role::officer, tan_trao_.id, tan_trao_.path);
    other_officer_ = testing::person(*db_, 1002, Role::officer, hung_loi_.id, hung_loi_.path);
    team_member_ = testing::person(*db_, 1003, Role::team_member, khuon_dien_.id, khuon_dien_.path);
    reviewer_ = testing::person(*db_, 1005, Role::reviewer, province.id, province.path);
    auditor_ = testing::person(*db_, 1006, Role::auditor, country.id, country.path);
  }

  units::Unit add(const std::string& code, const std::string& name, const std::string& kind,
                  std::optional<std::int64_t> parent) {
    return units_->create(system_actor(), units::NewUnit{code, name, kind, "", parent, std::nullopt, false, "", false});
  }

  HouseholdInput input(const units::Unit& village, const std::string& head = "Nguyễn Văn An") const {
    HouseholdInput in;
    in.village_id = village.id;
    in.head_name = head;
    in.address = "Xóm Đình";
    in.members = 4;
    return in;
  }

  std::int64_t count(const std::string& sql) { return testing::count_of(*db_, sql); }

  RegistrationInput tick(const std::string& on, std::int64_t base = 0, bool signed_form = true) const {
    RegistrationInput r;
    r.registered_on = on;
    r.signed_form = signed_form;
    r.base_version = base;
    return r;
  }

  testing::BackendDatabase backend_{GetParam()};
  std::unique_ptr<db::Database> db_;
  time::ManualClock clock_{kStart};
  std::unique_ptr<audit::Service> audit_;
  std::unique_ptr<units::Service> units_;
  crypto::FieldSealer key_{std::string(crypto::FieldSealer::kKeyBytes, 'k')};
  std::unique_ptr<Households> service_;
  units::Unit tan_trao_, hung_loi_, khuon_dien_, lang_han_, hung_village_;
  Actor officer_, other_officer_, team_member_, reviewer_, auditor_;
};

}  // namespace antq::community
