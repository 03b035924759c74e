#pragma once
// Files the tests read whole: reference data (refdata/) and documents they wrote.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace antq::testing {

// The file's bytes; "" when it cannot be read (the test's assertions then fail by name).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A file of refdata/vn-units-2025 in the source tree.
inline std::string refdata_file(const std::string& name) {
  return read_file(std::filesystem::path(ANTQ_SOURCE_DIR) / "refdata" / "vn-units-2025" / name);
}

}  // namespace antq::testing
