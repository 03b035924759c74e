#pragma once
// Files compiled into the binary (see cmake/embed.cmake).
#include <string_view>
#include <vector>

namespace antq::embedded {

struct File {
  std::string_view name;
  std::string_view content;
};

const std::vector<File>& migrations();
const std::vector<File>& catalogs();
const std::vector<File>& templates();  // citizen pages (src/portal/templates)
// The demo province's rows of refdata/vn-units-2025 (units.csv, formed-from.csv,
// provinces-formed-from.csv) and basis.csv: what `antq demo` imports.
const std::vector<File>& demo_units();
// Its boundaries, in the order the demo imports them: the communes (simplified to about
// 20 m), xã Tân Trào at full detail (replacing its simplified one), the province outline.
const std::vector<File>& demo_boundaries();
// The demo's records of xã Tân Trào (refdata/demo): its cameras and households (sheets in
// the import formats) and its hand-drawn roads.
const std::vector<File>& demo_records();

}  // namespace antq::embedded
