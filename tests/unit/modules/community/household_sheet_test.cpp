// The household sheet on both databases: a sheet as officers keep it (title rows, ';',
// Windows-1258, d/m/yyyy, "có"), each bad row named by its line with nothing written, a
// row matched by its code or by its village, head and address, and an export that
// imports back unchanged.
#include <gtest/gtest.h>

#include <string>

#include "../../support/files.hpp"
#include "households_fixture.hpp"
#include "platform/importkit/importkit.hpp"

namespace antq::community {
namespace {

class HouseholdSheetTest : public HouseholdsTest {
 protected:
  HouseholdImportResult import(const std::string& bytes, bool dry_run = false) {
    HouseholdImportOptions options;
    options.unit_id = tan_trao_.id;
    options.dry_run = dry_run;
    return service_->import_sheet(officer_, bytes, options);
  }
  // "line:field:code" of each error a dry run finds.
  std::vector<std::string> import_errors(const std::string& bytes) {
    std::vector<std::string> out;
    try {
      import(bytes, true);
    } catch (const Error& e) {
      for (const auto& f : e.fields()) out.push_back(std::to_string(f.line.value_or(0)) + ":" + f.field + ":" + f.code);
    }
    return out;
  }
};

TEST_P(HouseholdSheetTest, NamesEveryBadRowByItsLineAndWritesNothing) {
  auto bytes = testing::read_file(std::filesystem::path(ANTQ_SOURCE_DIR) / "tests/data/community/households-bad.csv");
  ASSERT_FALSE(bytes.empty());
  EXPECT_THROW(import(bytes), Error);
  EXPECT_EQ(import_errors(bytes), (std::vector<std::string>{"5:village:not_found", "6:members:out_of_range",
                                                            "7:phone:invalid_length", "8:registered_on:outside_year"}));
  EXPECT_EQ(count("SELECT count(*) FROM households"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM household_registrations"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'household.import'"), 0);
}

TEST_P(HouseholdSheetTest, ReadsAWindows1258SheetWithTitleRowsAndRegistersTheTickedHouseholds) {
  // A title row, "Thôn/Tổ dân phố;Họ tên chủ hộ;Số nhân khẩu;Đăng ký;Ngày đăng ký" and
  // two rows, as a Vietnamese Excel saves them (tone marks as separate characters, the
  // title row padded with separators).
  const std::string bytes =
      "DANH S\xC1"
      "CH H\xD4\xF2 GIA \xD0I\xCCNH;;;;\r\n"
      "Th\xF4n/T\xF4\xD2 d\xE2n ph\xF4\xEC;Ho\xF2 t\xEAn chu\xD2 h\xF4\xF2;S\xF4\xEC nh\xE2n kh\xE2\xD2u;\xD0\xE3ng "
      "ky\xEC;Ng\xE0y \xF0\xE3ng ky\xEC\r\n"
      "Khu\xF4n \xD0i\xEA\xD2n;Nguy\xEA\xDEn V\xE3n An;4;c\xF3;20/11/2025\r\n"
      "L\xE0ng Ha\xD2n;Tr\xE2\xCCn Thi\xF2 Bi\xCCnh;3;kh\xF4ng;\r\n";
  EXPECT_EQ(import_errors(bytes), std::vector<std::string>{});
  auto dry = import(bytes, true);
  EXPECT_EQ(dry.encoding, "windows-1258");
  EXPECT_EQ(dry.created, 2);
  EXPECT_EQ(dry.registrations, 1);
  EXPECT_EQ(count("SELECT count(*) FROM households"), 0) << "a dry run writes nothing";
  auto done = import(bytes);
  EXPECT_EQ(done.created, 2);
  EXPECT_EQ(done.registrations, 1);
  HouseholdFilter f;
  f.q = "nguyen van an";
  auto found = service_->list(officer_, f);
  ASSERT_EQ(found.total, 1);
  EXPECT_EQ(found.items[0].village_name, "Khuôn Điển");
  ASSERT_TRUE(found.items[0].registration);
  EXPECT_EQ(found.items[0].registration->registered_on, "2025-11-20");
  EXPECT_EQ(found.items[0].registration->year, 2026);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'household.import'"), 1);
  // The same sheet again: every row is matched by village, head and address.
  auto again = import(bytes);
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.unchanged, 2);
}

TEST_P(HouseholdSheetTest, AnExportImportsBackUnchanged) {
  auto in = input(khuon_dien_);
  in.phone = "0912 345 678";
  in.consent = Consent{"2025-11-20", "officer", "v1"};
  auto a = service_->create(officer_, in).household;
  service_->create(officer_, input(lang_han_, "Trần Thị Bình"));
  RegistrationInput tick;
  tick.registered_on = "2025-11-21";
  tick.signed_form = true;
  tick.note = "ký tại nhà văn hóa";
  service_->register_year(officer_, a.id, 2026, tick);
  for (bool xlsx : {false, true}) {
    for (bool phones : {false, true}) {
      auto sheet =
          service_->export_sheet(officer_, {tan_trao_.id, xlsx, 0, phones, phones ? "Đối chiếu danh sách" : ""});
      auto back = import(sheet);
      EXPECT_EQ(back.created, 0) << xlsx << phones;
      EXPECT_EQ(back.updated, 0) << xlsx << phones;
      EXPECT_EQ(back.unchanged, 2) << xlsx << phones;
    }
  }
  EXPECT_EQ(service_->phone(officer_, a.id, "kiểm tra"), "+84912345678");
  EXPECT_EQ(service_->get(officer_, a.id).registrations.at(0).note, "ký tại nhà văn hóa");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'household.export' AND reason = "
                  "'Đối chiếu danh sách'"),
            2);
}

TEST_P(HouseholdSheetTest, PhonesAreForOfficersAndATeamMemberUsesNoSheet) {
  auto with_phone =
      "Thôn/Tổ dân phố,Họ tên chủ hộ,Số điện thoại,Ngày đồng ý\nKhuôn Điển,Nguyễn Văn An,0912345678,"
      "20/11/2025\n";
  auto admin = testing::person(*db_, 1010, Role::admin, tan_trao_.id, tan_trao_.path);
  HouseholdImportOptions options;
  options.unit_id = tan_trao_.id;
  EXPECT_THROW(service_->import_sheet(admin, with_phone, options), Error);
  EXPECT_THROW(service_->import_sheet(team_member_, with_phone, options), Error);
  EXPECT_THROW(service_->export_sheet(admin, {tan_trao_.id, false, 0, true, "xem"}), Error);
  EXPECT_EQ(testing::errors_of([&] {
              service_->export_sheet(officer_, {tan_trao_.id, false, 0, true, ""});
            }),
            "reason:required");
  EXPECT_EQ(import(with_phone).created, 1) << "an officer may";
  EXPECT_EQ(count("SELECT count(*) FROM households WHERE phone_sealed IS NOT NULL"), 1);
}

TEST_P(HouseholdSheetTest, AnAdministratorNeitherGuessesPhonesNorTicksRegistrations) {
  auto in = input(khuon_dien_);
  in.phone = "0912 345 678";
  in.consent = Consent{"2025-11-20", "officer", "v1"};
  auto a = service_->create(officer_, in).household;
  auto admin = testing::person(*db_, 1010, Role::admin, tan_trao_.id, tan_trao_.path);
  HouseholdImportOptions options;
  options.unit_id = tan_trao_.id;
  options.dry_run = true;
  auto kind_of = [&](const std::string& bytes) {
    try {
      service_->import_sheet(admin, bytes, options);
    } catch (const Error& e) {
      return e.kind();
    }
    return Error::Kind::internal;  // accepted
  };
  // The right number and a wrong one answer alike: a dry run tells no guess right.
  for (const char* guess : {"0912345678", "0912345679"}) {
    auto bytes = "Mã hộ,Thôn/Tổ dân phố,Họ tên chủ hộ,Địa chỉ,Số điện thoại,Ngày đồng ý\n" + a.code +
                 ",Khuôn Điển,Nguyễn Văn An,Xóm Đình," + guess + ",20/11/2025\n";
    EXPECT_EQ(kind_of(bytes), Error::Kind::forbidden) << guess;
  }
  auto tick = "Mã hộ,Thôn/Tổ dân phố,Họ tên chủ hộ,Địa chỉ,Đăng ký,Ngày đăng ký\n" + a.code +
              ",Khuôn Điển,Nguyễn Văn An,Xóm Đình,có,21/11/2025\n";
  EXPECT_EQ(kind_of(tick), Error::Kind::forbidden) << "registrations are witnessed by officers and teams";
  options.dry_run = false;
  EXPECT_EQ(kind_of(tick), Error::Kind::forbidden);
  EXPECT_EQ(count("SELECT count(*) FROM household_registrations"), 0);
}

TEST_P(HouseholdSheetTest, ASheetSayingNoDoesNotTakeBackASignedRegistration) {
  auto a = service_->create(officer_, input(khuon_dien_)).household;
  service_->register_year(officer_, a.id, 2026, tick("2025-11-21"));
  auto bytes = "Mã hộ,Thôn/Tổ dân phố,Họ tên chủ hộ,Địa chỉ,Đăng ký,Năm\n" + a.code +
               ",Khuôn Điển,Nguyễn Văn An,Xóm Đình,không,2026\n";
  EXPECT_EQ(import_errors(bytes), std::vector<std::string>{"2:registered:registered_already"});
  EXPECT_EQ(count("SELECT count(*) FROM household_registrations"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, HouseholdSheetTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         [](const auto& info) { return info.param == db::Dialect::sqlite ? "SQLite" : "PostgreSQL"; });

}  // namespace
}  // namespace antq::community
