#pragma once
// Reading back the documents antq writes (.docx, .xlsx are zip archives of XML parts).
#include <gtest/gtest.h>
#include <zip.h>

#include <string>

namespace antq::testing {

// One entry of a zip archive held in memory; fails the test (and gives "") when the
// archive is not one or the entry is missing.
inline std::string zip_entry(const std::string& archive_bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(archive_bytes.data(), archive_bytes.size(), 0, &error);
  zip_t* archive = source != nullptr ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  zip_error_fini(&error);
  if (archive == nullptr) {
    if (source != nullptr) zip_source_free(source);
    ADD_FAILURE() << "not a zip archive";
    return {};
  }
  std::string content;
  zip_stat_t stat;
  zip_file_t* file = zip_stat(archive, name, 0, &stat) == 0 ? zip_fopen(archive, name, 0) : nullptr;
  if (file != nullptr) {
    content.resize(stat.size);
    EXPECT_EQ(zip_fread(file, content.data(), stat.size), static_cast<zip_int64_t>(stat.size));
    zip_fclose(file);
  } else {
    ADD_FAILURE() << "missing entry " << name;
  }
  zip_discard(archive);
  return content;
}

}  // namespace antq::testing
