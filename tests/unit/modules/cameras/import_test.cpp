// A commune's camera sheet as officers keep it, on both databases: Vietnamese headers and
// words, `;` and decimal commas, d/m/yyyy; every bad row named by its line with nothing
// written; a second import of the same sheet changes nothing.
#include <algorithm>

#include <fmt/format.h>

#include "cameras_fixture.hpp"
#include "modules/cameras/internal.hpp"
#include "platform/importkit/xlsx.hpp"

namespace antq::cameras {
namespace {

class ImportTest : public CamerasTest {
 protected:
  static constexpr const char* kHeader =
      "STT;Mã camera;Thôn/Tổ dân phố;Loại chủ sở hữu;Chủ sở hữu;Số điện thoại;Địa chỉ;Vĩ độ;Kinh độ;Hướng (độ);"
      "Góc nhìn (độ);Tầm xa (m);Hồng ngoại;Số ngày lưu;Thiết bị lưu;Nguồn kinh phí;Kinh phí (đồng);Ngày lắp đặt;"
      "Mức chia sẻ;Ngày ký cam kết;Tình trạng;Ghi chú\n";

  ImportResult import(const std::string& rows, bool dry_run = false) {
    ImportOptions options;
    options.unit_id = tan_trao_.id;
    options.dry_run = dry_run;
    return service_->import_sheet(officer_, std::string(kHeader) + rows, options);
  }

  std::vector<std::string> errors_of_import(const std::string& rows) {
    std::vector<std::string> out;
    try {
      import(rows);
    } catch (const Error& e) {
      for (const auto& f : e.fields()) out.push_back(std::to_string(f.line.value_or(0)) + " " + f.field + ":" + f.code);
    }
    return out;
  }
};

const std::string kGood =
    "1;;Khuôn Điển;Hộ gia đình;Nguyễn Văn A;0912 345 678;Nhà ông A;21,85;105,45;355;90;30;Có;7;Thẻ nhớ;Xã hội "
    "hóa;3.500.000;15/3/2024;Theo yêu cầu;20/03/2024;Hỏng;Camera cổng\n"
    "2;02545-CAM-0099;;Công cộng;;;Ngã ba chợ;21,851;105,451;;360;60;không;30;Đầu ghi;Ngân sách xã;;01/01/2025;Trực "
    "tiếp;;Hoạt động;\n";

TEST_P(ImportTest, ASheetAsOfficersKeepItIsReadWordsDatesAndAll) {
  auto dry = import(kGood, true);
  EXPECT_EQ(dry.created, 2);
  EXPECT_EQ(count("SELECT count(*) FROM cameras"), 0) << "a dry run writes nothing";
  auto r = import(kGood);
  EXPECT_EQ(r.created, 2);
  auto list = service_->list(officer_, {});
  ASSERT_EQ(list.total, 2);
  const auto& home = list.items[0].camera.code == "02545-CAM-0099" ? list.items[1] : list.items[0];
  const auto& market = list.items[0].camera.code == "02545-CAM-0099" ? list.items[0] : list.items[1];
  EXPECT_EQ(home.camera.code, "02545-CAM-0001");
  EXPECT_EQ(home.village_name, "Khuôn Điển");
  EXPECT_EQ(home.camera.owner_kind, OwnerKind::household);
  EXPECT_EQ(home.camera.point.lat, 21.85);
  EXPECT_EQ(home.camera.mounting.bearing_deg, 355);
  EXPECT_EQ(home.camera.storage, Storage::memory_card);
  EXPECT_EQ(home.camera.funding, Funding::socialised);
  EXPECT_EQ(home.camera.cost_vnd, 3500000);
  EXPECT_EQ(home.camera.installed_on, "2024-03-15");
  EXPECT_EQ(home.camera.commitment_signed_on, "2024-03-20");
  EXPECT_EQ(home.camera.status, Status::faulty);
  EXPECT_TRUE(home.camera.night_vision);
  EXPECT_EQ(service_->owner(officer_, home.camera.id, "kiểm tra").phone, "0912 345 678");
  EXPECT_EQ(market.camera.mounting.fov_deg, 360);
  EXPECT_FALSE(market.camera.mounting.bearing_deg);
  EXPECT_EQ(market.camera.sharing, Sharing::live);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.import'"), 1);
}

TEST_P(ImportTest, ImportingTheSameSheetAgainChangesNothing) {
  import(kGood);
  auto again = import(
      "1;02545-CAM-0001;Khuôn Điển;Hộ gia đình;;;Nhà ông A;21,85;105,45;355;90;30;Có;7;Thẻ nhớ;Xã hội "
      "hóa;3.500.000;15/3/2024;Theo yêu cầu;20/03/2024;Hỏng;Camera cổng\n");
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.unchanged, 1);
  clock_.advance(kHour);
  auto turned = import(
      "1;02545-CAM-0001;Khuôn Điển;Hộ gia đình;;;Nhà ông A;21,85;105,45;10;90;30;Có;7;Thẻ nhớ;Xã hội "
      "hóa;3.500.000;15/3/2024;Theo yêu cầu;20/03/2024;Hoạt động;Camera cổng\n");
  EXPECT_EQ(turned.updated, 1);
  auto detail = service_->get(officer_, service_->list(officer_, {}).items[0].camera.id);
  EXPECT_EQ(detail.view.camera.mounting.bearing_deg, 10);
  EXPECT_EQ(detail.view.camera.status, Status::working);
}

TEST(SheetPhone, ExcelsLostLeadingZeroComesBackAndNothingElseChanges) {
  struct Case {
    const char* cell;
    const char* phone;
  };
  for (const auto& c :
       std::vector<Case>{{"912345678", "0912345678"},     // a mobile typed as a number
                         {"345678901", "0345678901"},     // Viettel's 03x
                         {"842345678", "0842345678"},     // Vinaphone's 084, not the country code
                         {"2073822123", "02073822123"},   // a landline: 0207 (Tuyên Quang) and 7 digits
                         {"0912345678", "0912345678"},    // kept its 0 (a text cell)
                         {"84912345678", "84912345678"},  // with the country code
                         {"+84912345678", "+84912345678"},
                         {"0912 345 678", "0912 345 678"},
                         {"912 345 678", "912 345 678"},  // not all digits: as typed
                         {"1234567890", "1234567890"},    // 10 digits not starting with 2: no Vietnamese number
                         {"91234567", "91234567"},        // 8 digits: as typed
                         {"", ""}}) {
    EXPECT_EQ(internal::sheet_phone(c.cell), c.phone) << c.cell;
  }
}

TEST_P(ImportTest, APhoneExcelTurnedIntoANumberIsStoredWithItsZero) {
  import("1;;;Hộ gia đình;Trần Thị B;912345678;;21,85;105,45;0;90;30;;7;;;;;Theo yêu cầu;;;\n");
  auto id = service_->list(officer_, {}).items.at(0).camera.id;
  EXPECT_EQ(service_->owner(officer_, id, "kiểm tra").phone, "0912345678");
}

TEST_P(ImportTest, ARowChangingOnlyTheOwnersContactIsAnUpdate) {
  const std::string row = "1;02545-CAM-0001;;Hộ gia đình;{name};{phone};;21,85;105,45;0;90;30;;7;;;;;Theo yêu cầu;;;\n";
  auto with = [&](const std::string& name, const std::string& phone) {
    auto out = row;
    out.replace(out.find("{name}"), 6, name);
    out.replace(out.find("{phone}"), 7, phone);
    return out;
  };
  import(with("Trần Thị B", "0912345678"));
  auto id = service_->list(officer_, {}).items.at(0).camera.id;
  auto same = import(with("Trần Thị B", "912345678"), true);  // Excel's number: the same phone
  EXPECT_EQ(same.unchanged, 1);
  EXPECT_EQ(same.updated, 0);
  auto dry = import(with("Trần Thị B", "0987654321"), true);
  EXPECT_EQ(dry.updated, 1) << "the dry run counts it";
  EXPECT_EQ(dry.unchanged, 0);
  EXPECT_EQ(service_->owner(officer_, id, "kiểm tra").phone, "0912345678") << "a dry run writes nothing";
  auto real = import(with("Trần Văn C", "0987654321"));
  EXPECT_EQ(real.updated, 1);
  auto contact = service_->owner(officer_, id, "kiểm tra");
  EXPECT_EQ(contact.name, "Trần Văn C");
  EXPECT_EQ(contact.phone, "0987654321");
  EXPECT_EQ(import(with("Trần Văn C", "0987654321")).unchanged, 1) << "and then it is the one on record";
}

TEST_P(ImportTest, AFaultyCameraWithNoInstallDateIsFaultyFromTheImport) {
  import("1;;;Hộ gia đình;;;Nhà I;21,85;105,45;0;90;30;;7;;;;;Theo yêu cầu;;Hỏng;\n");
  auto detail = service_->get(officer_, service_->list(officer_, {}).items[0].camera.id);
  ASSERT_EQ(detail.history.size(), 1U);
  EXPECT_EQ(detail.history[0].status, Status::faulty);
  EXPECT_EQ(detail.history[0].since, kStart);
}

TEST_P(ImportTest, EveryBadRowIsNamedByItsLineAndNothingIsWritten) {
  auto errors = errors_of_import(
      "1;;;Hộ gia đình;;;Nhà A;21,85;105,45;400;90;30;;7;;;;;Theo yêu cầu;;;\n"
      "2;;Thôn Không Có;Hộ gia đình;;;Nhà B;21,85;105,45;0;90;30;;7;;;;;Theo yêu cầu;;;\n"
      "3;;;Hộ gia đình;;;Nhà C;21,85;105,45;0;90;30;;7;;;;;Theo yêu cầu;;Cháy;\n"
      "4;;;Hộ gia đình;;;Nhà D;21,85;105,45;0;90;30;;7;;;;31/02/2025;Theo yêu cầu;;;\n"
      "5;;;Hộ gia đình;;;Nhà E;105,45;21,85;0;90;30;;7;;;;;Theo yêu cầu;;;\n"
      "6;;;Hộ gia đình;;;Nhà F;21,85;105,55;0;90;30;;7;;;;;Theo yêu cầu;;;\n"
      "7;;;Hộ gia đình;;;Nhà G;21,85;105,45;0;90;nhiều;chưa rõ;7;;;;;Theo yêu cầu;;;\n"
      "8;;;Hộ gia đình;;;Nhà H;21,85;105,45;0;90;30;;7;;;;;Theo yêu cầu;;;\n");
  EXPECT_EQ(errors,
            (std::vector<std::string>{"2 bearing:out_of_range", "3 village:not_found", "4 status:unknown_value",
                                      "5 installed_on:invalid_date", "6 point:swapped", "7 point:outside_commune",
                                      "8 range_m:invalid_format", "8 night_vision:invalid_format"}));
  EXPECT_EQ(count("SELECT count(*) FROM cameras"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.import'"), 0);
}

TEST_P(ImportTest, AnAdministratorImportsNoContactsAndAnotherCommuneIsRefused) {
  ImportOptions options;
  options.unit_id = tan_trao_.id;
  EXPECT_THROW(service_->import_sheet(admin_, std::string(kHeader) + kGood, options), Error);
  options.unit_id = tan_trao_.id;
  EXPECT_EQ(errors_of([&] { service_->import_sheet(other_officer_, std::string(kHeader) + kGood, options); }),
            "unit_id:not_found");
  EXPECT_EQ(count("SELECT count(*) FROM cameras"), 0);
}

TEST_P(ImportTest, AnExportImportsBackUnchangedAndCarriesContactsForOfficersOnly) {
  import(kGood);
  auto sheet = service_->export_sheet(officer_, {tan_trao_.id});
  EXPECT_EQ(sheet.rfind("\xEF\xBB\xBF", 0), 0U) << "a BOM for Excel";
  EXPECT_NE(sheet.find("Mã camera"), std::string::npos);
  EXPECT_NE(sheet.find("\"21.8500000, 105.4500000\""), std::string::npos) << "the point in one cell";
  EXPECT_NE(sheet.find("15/03/2024"), std::string::npos);
  EXPECT_NE(sheet.find("Thẻ nhớ"), std::string::npos);
  EXPECT_EQ(sheet.find("0912 345 678"), std::string::npos) << "no contact unless asked";
  ImportOptions options;
  options.unit_id = tan_trao_.id;
  options.dry_run = true;
  auto checked = service_->import_sheet(officer_, sheet, options);
  EXPECT_EQ(checked.unchanged, 2) << "a dry run tells unchanged rows from updates";
  EXPECT_EQ(checked.updated, 0);
  options.dry_run = false;
  auto again = service_->import_sheet(officer_, sheet, options);
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 2);
  EXPECT_EQ(errors_of([&] { service_->export_sheet(officer_, {.contacts = true}); }), "reason:required");
  auto with_contacts = service_->export_sheet(officer_, {.contacts = true, .reason = "Rà soát danh sách chủ camera"});
  EXPECT_NE(with_contacts.find("0912 345 678"), std::string::npos);
  EXPECT_THROW(service_->export_sheet(admin_, {.contacts = true, .reason = "x"}), Error);
  EXPECT_THROW(service_->export_sheet(team_member_, {}), Error);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.export' AND reason = 'Rà soát danh sách chủ "
                  "camera' AND detail LIKE '%02545-CAM-0001%'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.export'"), 2);
}

TEST_P(ImportTest, TitleRowsAboveTheTableAreSkippedAndLinesStayTheFiles) {
  std::string titles =
      "CÔNG AN XÃ TÂN TRÀO" + std::string(21, ';') + "\nDANH SÁCH CAMERA AN NINH" + std::string(21, ';') + "\n";
  ImportOptions options;
  options.unit_id = tan_trao_.id;
  auto bad = kGood;
  bad.replace(bad.find(";355;"), 5, ";400;");  // the first camera's bearing
  try {
    service_->import_sheet(officer_, titles + kHeader + bad, options);
    ADD_FAILURE() << "a bad bearing was imported";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 1U);
    EXPECT_EQ(e.fields()[0].line, std::optional<std::int64_t>(4)) << "the file's own line";
  }
  auto r = service_->import_sheet(officer_, titles + kHeader + kGood, options);
  EXPECT_EQ(r.created, 2);
}

TEST_P(ImportTest, AGeneratedCodeNeverTakesOneTypedFurtherDownTheSheet) {
  // Row 2 gets the commune's first free code; row 3 typed that very code by hand.
  auto r = import(
      "1;;;Công cộng;;;Cổng chợ;21,85;105,45;;360;60;;7;;;;;Trực tiếp;;Hoạt động;\n"
      "2;02545-CAM-0001;;Công cộng;;;Ngã ba chợ;21,851;105,451;;360;60;;7;;;;;Trực tiếp;;Hoạt động;\n");
  EXPECT_EQ(r.created, 2);
  std::vector<std::string> codes;
  for (const auto& v : service_->list(officer_, {}).items) codes.push_back(v.camera.code + " " + v.camera.place);
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(codes, (std::vector<std::string>{"02545-CAM-0001 Ngã ba chợ", "02545-CAM-0002 Cổng chợ"}));
}

TEST_P(ImportTest, ALongSheetIsWrittenManyRowsAtATimeEachCameraWithItsCodeAndHistory) {
  // A generated code (0001, the counter at 1) and one typed ahead of the counter (0003):
  // the sheet's generated codes go round the typed one.
  import(
      "1;;;Công cộng;;;Cổng xã;21,85;105,45;;360;60;;7;;;;;Trực tiếp;;Hoạt động;\n"
      "2;02545-CAM-0003;;Công cộng;;;Chợ;21,85;105,45;;360;60;;7;;;;;Trực tiếp;;Hoạt động;\n");
  clock_.advance(kHour);
  std::string rows;
  constexpr int kRows = 450;  // more than two statements' worth
  for (int i = 1; i <= kRows; ++i) {
    rows += fmt::format("{};;;Hộ gia đình;;;Nhà số {};21,85;105,45;0;90;30;;7;;;;{};Theo yêu cầu;;{};\n", i, i,
                        i % 2 == 0 ? "01/03/2024" : "", i % 3 == 0 ? "Hỏng" : "Hoạt động");
  }
  EXPECT_EQ(import(rows).created, kRows);
  EXPECT_EQ(count("SELECT count(*) FROM cameras"), kRows + 2);
  // Row 1 has 0002, row i from 2 on has i + 2 (0003 was taken).
  EXPECT_EQ(count("SELECT count(*) FROM cameras WHERE place = 'Nhà số 1' AND code = '02545-CAM-0002'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM cameras WHERE place = 'Nhà số 2' AND code = '02545-CAM-0004'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM cameras WHERE place = 'Nhà số 450' AND code = '02545-CAM-0452'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM cameras WHERE status = 'faulty'"), kRows / 3);
  // Installed (even rows): working since then, and faulty from the import on every third;
  // no install date: the sheet's status from the import.
  auto camera_of = [&](int row) { return count(fmt::format("SELECT id FROM cameras WHERE place = 'Nhà số {}'", row)); };
  auto history = [&](int row) { return service_->get(officer_, camera_of(row)).history; };
  auto six = history(6);
  ASSERT_EQ(six.size(), 2U);
  EXPECT_EQ(six[0].status, Status::working);
  EXPECT_EQ(six[0].until, kStart + kHour);
  EXPECT_EQ(six[1].status, Status::faulty);
  EXPECT_EQ(six[1].since, kStart + kHour);
  EXPECT_FALSE(six[1].until);
  auto four = history(4);
  ASSERT_EQ(four.size(), 1U);
  EXPECT_EQ(four[0].status, Status::working);
  EXPECT_LT(four[0].since, kStart);
  auto nine = history(9);
  ASSERT_EQ(nine.size(), 1U);
  EXPECT_EQ(nine[0].status, Status::faulty);
  EXPECT_EQ(nine[0].since, kStart + kHour);
  EXPECT_EQ(count("SELECT count(*) FROM camera_status_history WHERE until IS NULL"), kRows + 2);
}

TEST_P(ImportTest, AnExcelExportHasRealDatesAndNumbersAndImportsBackUnchanged) {
  import(kGood);
  auto bytes = service_->export_sheet(officer_, {.unit_id = tan_trao_.id, .format = SheetFormat::xlsx});
  ASSERT_EQ(bytes.rfind("PK\x03\x04", 0), 0U) << "a zip: .xlsx";
  auto sheet = importkit::read_xlsx(bytes);
  ASSERT_EQ(sheet.rows.size(), 2U);
  EXPECT_EQ(sheet.header.fields[1], "Mã camera");
  // The install date comes back from a real Excel date; the point stays one text cell.
  auto row = std::find_if(sheet.rows.begin(), sheet.rows.end(), [](const csv::Record& r) {
    return std::find(r.fields.begin(), r.fields.end(), "2024-03-15") != r.fields.end();
  });
  ASSERT_NE(row, sheet.rows.end());
  EXPECT_NE(std::find(row->fields.begin(), row->fields.end(), "21.8500000, 105.4500000"), row->fields.end());
  ImportOptions options;
  options.unit_id = tan_trao_.id;
  auto again = service_->import_sheet(officer_, bytes, options);
  EXPECT_EQ(again.encoding, "xlsx");
  EXPECT_EQ(again.unchanged, 2);
  EXPECT_EQ(again.created + again.updated, 0);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.export' AND detail LIKE '%xlsx%'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::cameras
