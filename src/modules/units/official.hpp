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

}  // namespace antq::units::official
