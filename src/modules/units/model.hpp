#pragma once
// Units (đơn vị): the tree of administrative units and other bodies, with validity
// periods and merges (sáp nhập).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/page.hpp"

namespace antq::units {

enum class Kind {
  country,           // quốc gia
  province,          // tỉnh / thành phố trực thuộc trung ương
  district,          // huyện / quận / thị xã (historic since 1/7/2025)
  commune,           // xã
  ward,              // phường
  special_zone,      // đặc khu
  residential_area,  // khu dân cư: thôn, làng, bản, ấp, tổ dân phố, khu phố
  agency,            // cơ quan
  enterprise,        // doanh nghiệp
  school,            // nhà trường
};

std::string_view kind_code(Kind kind);
std::optional<Kind> kind_from_code(std::string_view code);
// Every kind, from the country down.
std::vector<Kind> all_kinds();
// Commune-level kinds (cấp xã): commune, ward, special zone.
bool is_commune_level(Kind kind);
// Kinds that commune officers may create and edit inside their own scope.
bool officer_may_manage(Kind kind);

struct Unit {
  std::int64_t id = 0;
  std::string code;     // official code (mã đơn vị hành chính); unique
  std::string name;     // Vietnamese name, NFC
  std::string name_en;  // English name ("Tan Trao Commune"), from the official list
  Kind kind = Kind::residential_area;
  std::string designation;  // "xã", "thôn", "tổ dân phố" …
  std::optional<std::int64_t> parent_id;
  std::string path;  // "/1/4/9/"
  int depth = 0;
  std::optional<std::string> valid_from;  // 'YYYY-MM-DD'
  std::optional<std::string> valid_to;    // last day of validity, inclusive
  bool remote = false;                    // vùng sâu, vùng xa: longer legal deadlines
  std::optional<std::int64_t> merged_into;
  bool demo = false;  // demo data, not a real unit
  std::string note;
  std::string hotline;  // đường dây nóng, shown to residents
  // Identity in the official list (official_import.cpp); unset for units made by hand.
  std::optional<std::string> official_key;

  // Active on `date` ('YYYY-MM-DD').
  bool active_on(std::string_view date) const;
};

struct Ancestor {
  std::int64_t id = 0;
  std::string name;
  Kind kind = Kind::country;
};

// A unit as the country-wide directory finds it, with the names of the units it lies in
// (nearest first, the country left out): "Thôn 1" of "Xã Kim Quan", "Tuyên Quang".
struct DirectoryUnit {
  Unit unit;
  std::vector<std::string> within;
};

struct HistoryEvent {
  std::string event;  // "merged" | "moved" | "renamed"
  std::string date;
  std::optional<std::int64_t> from_parent_id;
  std::optional<std::int64_t> to_parent_id;
  std::string basis;
  std::string from_parent_name;  // filled when read back
  std::string to_parent_name;
  std::string old_name;  // "renamed": the name before
};

// One end of a merge: a unit merged into another (formed_from) or the one it went into
// (successors). A unit split among several has several successors; `main` is the one
// its records roll up to (its merged_into).
struct MergeLink {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  Kind kind = Kind::commune;
  std::string designation;
  std::string date;  // the first day of the new unit
  bool main = true;
  std::string part;  // "" for the whole unit, else what went there
  std::string basis;
  std::string path;     // the linked unit's, for the scope test
  bool linked = false;  // the caller may open it (in scope or above it); set by Service::get
};

struct Detail {
  Unit unit;
  std::vector<Ancestor> ancestors;  // root first, excluding the unit
  std::vector<HistoryEvent> history;
  std::vector<MergeLink> formed_from;  // the units merged into this one
  std::vector<MergeLink> successors;   // where this one went, main first
  // What the caller may do with it (the role rule of Service::may_manage): change it,
  // and the kinds of unit it may add under it.
  bool manageable = false;
  std::vector<Kind> child_kinds;
};

struct TreeNode {
  Unit unit;
  std::vector<TreeNode> children;
};

// Fields for a new unit. Validated by the service.
struct NewUnit {
  std::string code;
  std::string name;
  std::string kind;
  std::string designation;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> valid_from;
  bool remote = false;
  std::string note;
  bool demo = false;
  std::optional<std::string> valid_to{};  // a unit that has already ended (CSV of history)
};

// A partial update: only present fields change.
struct UnitPatch {
  std::optional<std::string> code;
  std::optional<std::string> name;
  std::optional<std::string> designation;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> valid_from;  // the CSV import only; the API keeps the first day
  std::optional<std::string> valid_to;
  bool clear_valid_to = false;
  std::optional<bool> remote;
  std::optional<std::string> note;
  std::optional<std::string> hotline;
};

struct Merge {
  std::vector<std::int64_t> source_ids;
  std::int64_t target_id = 0;
  std::string effective_date;  // first day of the new unit's jurisdiction
  std::string basis;           // legal basis, e.g. "Nghị quyết 1684/NQ-UBTVQH15"
};

struct ListFilter {
  std::optional<std::string> query;  // diacritic-insensitive, on name and code
  std::optional<std::string> kind;
  std::vector<std::string> kinds;  // any of these kind codes, when not empty
  std::optional<std::int64_t> parent_id;
  bool include_history = false;
  int page = 1;
  int page_size = 50;
};

struct ImportResult {
  int created = 0;
  int updated = 0;
  bool dry_run = false;  // checked and counted, nothing written
  std::string encoding;  // "UTF-8" or "windows-1258", as the file came
};

struct ImportOptions {
  bool dry_run = false;  // check every row and count, then write nothing
  // Called after each row with the rows done and the rows in all (the import's thread).
  std::function<void(std::size_t done, std::size_t total)> progress{};
};

}  // namespace antq::units
