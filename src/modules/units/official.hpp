#pragma once
// The official 2025 unit list (refdata/vn-units-2025): the 34 provinces and 3,321
// commune-level units in force since 1 July 2025, and the pre-reform units each was
// formed from, read from the three CSV files as published. Pure: no database.
//
// The merger map is free text ("Xã Kim Quan, Xã Trung Yên, Xã Tân Trào"; "giữ nguyên"
// for a unit that continues unchanged; an old district in brackets; "(phần còn lại sau
// khi sáp nhập vào phường X)" when part of an old unit went elsewhere), so each old unit
// gets an identity (`key`) from its province, designation, name and district, blind to
// where a tone mark sits (text::name_key), and a stable code made from it
// ("08-X-KIM-QUAN"), since the old units have no official code in the data.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace antq::units::official {

// A unit of the 2025 list.
struct ListedUnit {
  std::size_t line = 0;  // in units.csv
  std::string code;      // 2 digits (province) or 5 (commune-level)
  std::string parent_code;
  std::string kind;         // units::Kind code: province, commune, ward, special_zone
  std::string designation;  // tỉnh, thành phố, xã, phường, đặc khu
  std::string name;         // "Tân Trào"
  std::string name_en;
  std::string effective;               // "2025-07-01"
  bool unchanged = false;              // "giữ nguyên": it continues, nothing merged into it
  std::string basis;                   // the legal basis of its forming (apply_basis)
  std::vector<std::string> not_units;  // merger-map entries that are no unit ("Trường bắn TB1")
};

// Where an old unit went: the new unit's code and, when only part of it went there,
// the words that say so.
struct Successor {
  std::string code;
  std::string part;  // "" for the whole unit
};

// A pre-reform unit, merged into one or (split) several new ones.
struct Predecessor {
  std::string key;                    // its identity across files and imports
  std::string code;                   // "08-X-KIM-QUAN": deterministic, at most 32 characters
  std::string kind;                   // units::Kind code: commune, ward, district, province
  std::string designation;            // xã, phường, thị trấn, huyện, tỉnh, thành phố
  std::string name;                   // "Kim Quan"
  std::string note;                   // the old district and any other words in brackets
  std::vector<Successor> successors;  // in the order met; at least one
  std::size_t main = 0;               // the successor its records roll up to (index into successors)
};

struct List {
  std::vector<ListedUnit> provinces;
  std::vector<ListedUnit> communes;
  std::vector<Predecessor> predecessors;  // old communes (and districts), then old provinces
};

// Reads the three files' contents. Throws Error::csv with every bad line and column
// (file names in the field: "units.csv:code") and writes nothing anywhere.
List read(std::string_view units_csv, std::string_view formed_from_csv, std::string_view provinces_formed_from_csv);

// What `antq units import-official` does (units::Service::import_official).
struct ImportOptions {
  std::string province;  // only this province's code; "" for all
  bool dry_run = false;  // everything is checked and counted, nothing written
  // Called after each province with the units done and the units in all.
  std::function<void(std::size_t done, std::size_t total)> progress{};
};

struct ImportReport {
  int provinces = 0;   // provinces with something written
  int created = 0;     // units added (current and historical)
  int updated = 0;     // units changed (name, English name, designation, dates, identity)
  int renamed = 0;     // of them, with a new name (a `renamed` history row)
  int merged = 0;      // units that existed and were active, merged now (their villages moved)
  int successors = 0;  // successor links added to units that already existed
  int unchanged = 0;   // units found as they are in the list
  // Current, non-demo units of an imported province that the list does not name: never
  // deleted, reported ("02999 Xã Ví Dụ").
  std::vector<std::string> missing;
  // Units the list names that have ended since (merged by an administrator after the
  // list): kept as they are, never reopened ("02999 xã Ví Dụ (2026-03-31)").
  std::vector<std::string> kept;
  // Merger-map entries that are no unit ("07537: Trường bắn TB1").
  std::vector<std::string> not_units;
  bool dry_run = false;
};

// Sets every listed unit's legal basis from basis.csv (province_code, level, basis: an
// empty province code with level "province" for the provinces; a province code with level
// "commune" for its communes). A unit without a line gets the words that name the kind of
// act without inventing its number. Throws Error::csv naming bad lines; changes nothing then.
void apply_basis(List& list, std::string_view basis_csv);

}  // namespace antq::units::official
