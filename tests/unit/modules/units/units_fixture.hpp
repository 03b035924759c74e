#pragma once
// A units service on a fresh, migrated SQLite database, with a manual clock and the
// country to hang units under: what the units tests share.
#include <memory>

#include "../../support/temp_dir.hpp"
#include "modules/audit/service.hpp"
#include "modules/units/service.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/migrations.hpp"

namespace antq::units {

struct UnitsFixture {
  static constexpr time::Millis kStart = 1764547200000LL;  // 2025-12-01 07:00 local

  testing::TempDir dir;
  std::unique_ptr<db::Database> db = [this] {
    crypto::init();
    auto d = db::open("sqlite://" + dir.file("units.db"), {});
    db::migrate(*d);
    return d;
  }();
  time::ManualClock clock{kStart};
  audit::Service audit{*db, clock};
  Service units{*db, audit, clock};
  Actor admin = system_actor();
  Unit country =
      units.create(admin, NewUnit{"VN", "Việt Nam", "country", "", std::nullopt, std::nullopt, false, "", false});
};

}  // namespace antq::units
