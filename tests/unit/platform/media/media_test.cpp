// Real types from content, and photos without their metadata.
#include "platform/media/media.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace antq::media {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(ANTQ_SOURCE_DIR) + "/tests/fixtures/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The start of a Windows program: "MZ", then a PE header.
std::string windows_program() {
  std::string exe(1024, '\0');
  exe[0] = 'M';
  exe[1] = 'Z';
  exe[0x3c] = static_cast<char>(0x80);
  exe.replace(0x80, 4, std::string("PE\0\0", 4));
  exe[0x84] = static_cast<char>(0x4c);
  exe[0x85] = static_cast<char>(0x01);
  return exe;
}

TEST(Media, TypesComeFromTheContent) {
  EXPECT_EQ(sniff(fixture("photo-gps.jpg")), "image/jpeg");
  EXPECT_EQ(sniff(fixture("photo-gps.png")), "image/png");
  EXPECT_EQ(sniff("%PDF-1.4\n1 0 obj\n<< >>\nendobj\n"), "application/pdf");
  EXPECT_EQ(accepted("image/jpeg"), Family::image);
  EXPECT_EQ(accepted("application/pdf"), Family::pdf);
  EXPECT_EQ(accepted("video/mp4"), Family::video);
}

TEST(Media, AProgramNamedLikeAPhotoIsRefused) {
  auto type = sniff(windows_program());
  EXPECT_EQ(type.find("image/"), std::string::npos) << type;
  EXPECT_FALSE(accepted(type).has_value()) << type;
  EXPECT_FALSE(accepted(sniff("#!/bin/sh\nrm -rf /\n")).has_value());
  EXPECT_FALSE(accepted(sniff("<html><script>alert(1)</script></html>")).has_value());
  EXPECT_FALSE(accepted("image/svg+xml").has_value()) << "SVG carries scripts";
}

TEST(Media, StrippingRemovesExifGpsXmpIptcAndComments) {
  for (const char* name : {"photo-gps.jpg", "photo-gps.png"}) {
    auto photo = fixture(name);
    ASSERT_TRUE(has_metadata(photo)) << name;
    auto clean = strip_metadata(photo);
    EXPECT_FALSE(has_metadata(clean)) << name;
    EXPECT_EQ(clean.find("ANTQMARKER"), std::string::npos) << name;
    EXPECT_EQ(sniff(clean), sniff(photo)) << "still the same kind of image";
  }
}

TEST(Media, ABrokenImageCannotBeStripped) {
  auto photo = fixture("photo-gps.jpg");
  EXPECT_THROW(strip_metadata(photo.substr(0, 20)), std::runtime_error);
}

}  // namespace
}  // namespace antq::media
