// .docx in the Decree 30/2020 layout: the package, its XML, and what LibreOffice reads.
#include "platform/office/docx.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../support/files.hpp"
#include "../support/temp_dir.hpp"
#include "../support/zip.hpp"

namespace antq::office {
namespace {

Document sample_record() {
  Document doc({.parent_body = "CÔNG AN TỈNH TUYÊN QUANG",
                .issuing_body = "CÔNG AN XÃ TÂN TRÀO",
                .number = "Số: 12/BB-CAX",
                .place_date = "Tân Trào, ngày 14 tháng 6 năm 2026",
                .doc_type = "BIÊN BẢN",
                .subject = "Mở hòm thư góp ý và tố giác tội phạm"});
  doc.paragraph("Hôm nay, vào hồi 08 giờ 30 phút, tại trụ sở Công an xã Tân Trào, chúng tôi gồm:");
  doc.heading("I. THÀNH PHẦN");
  doc.labelled("Đại diện Công an xã", "Đồng chí Nguyễn Văn Hùng, Trưởng Công an xã");
  doc.table({"STT", "Nội dung thư", "Ghi chú"},
            {{"1", "Phản ánh tiếng ồn & <karaoke> ban đêm", ""}, {"2", "Tố giác đánh bạc ở thôn Động Đình"}});
  doc.paragraph("Biên bản kết thúc vào hồi 09 giờ 15 phút cùng ngày.");
  doc.signatures({{"TRƯỞNG CÔNG AN XÃ", "Nguyễn Văn Hùng"}, {"ĐẠI DIỆN MTTQ XÃ", "Lê Thị Hoa"}});
  doc.recipients({"- Công an tỉnh (để báo cáo);", "- Lưu: VT, hồ sơ."});
  return doc;
}

std::unique_ptr<pugi::xml_document> parse_entry(const std::string& archive_bytes, const char* name) {
  auto xml = std::make_unique<pugi::xml_document>();
  std::string text = testing::zip_entry(archive_bytes, name);
  auto result = xml->load_buffer(text.data(), text.size());
  EXPECT_TRUE(result) << name << ": " << result.description();
  return xml;
}

// The text of each paragraph in document order (table cells included), one per line.
std::string paragraph_texts(const pugi::xml_document& xml) {
  std::string out;
  for (const auto& paragraph : xml.select_nodes("//w:p")) {
    for (const auto& text : paragraph.node().select_nodes(".//w:t")) out += text.node().text().get();
    out += '\n';
  }
  return out;
}

// Whether `needles` appear in `haystack` in this order; names the first one out of place.
::testing::AssertionResult appear_in_order(const std::string& haystack, const std::vector<std::string>& needles) {
  std::size_t from = 0;
  for (const auto& needle : needles) {
    auto at = haystack.find(needle, from);
    if (at == std::string::npos) return ::testing::AssertionFailure() << "not found (in order): " << needle;
    from = at + needle.size();
  }
  return ::testing::AssertionSuccess();
}

TEST(DocxPackage, HoldsTheMinimalParts) {
  auto bytes = sample_record().docx();
  ASSERT_EQ(bytes.substr(0, 2), "PK");
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                           "word/settings.xml", "word/header1.xml", "word/_rels/document.xml.rels"}) {
    EXPECT_FALSE(testing::zip_entry(bytes, name).empty()) << name;
  }
}

TEST(DocxPackage, KeepsTheTextsInLayoutOrder) {
  auto xml = parse_entry(sample_record().docx(), "word/document.xml");
  EXPECT_TRUE(appear_in_order(paragraph_texts(*xml), {
                                                         "CÔNG AN TỈNH TUYÊN QUANG",
                                                         "CÔNG AN XÃ TÂN TRÀO",
                                                         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                         "Độc lập - Tự do - Hạnh phúc",
                                                         "Số: 12/BB-CAX",
                                                         "Tân Trào, ngày 14 tháng 6 năm 2026",
                                                         "BIÊN BẢN",
                                                         "Mở hòm thư góp ý và tố giác tội phạm",
                                                         "Hôm nay, vào hồi 08 giờ 30 phút",
                                                         "I. THÀNH PHẦN",
                                                         "Đại diện Công an xã: Đồng chí Nguyễn Văn Hùng",
                                                         "Nội dung thư",
                                                         "Phản ánh tiếng ồn & <karaoke> ban đêm",
                                                         "Tố giác đánh bạc ở thôn Động Đình",
                                                         "Biên bản kết thúc",
                                                         "TRƯỞNG CÔNG AN XÃ",
                                                         "Nguyễn Văn Hùng",
                                                         "ĐẠI DIỆN MTTQ XÃ",
                                                         "Lê Thị Hoa",
                                                         "Nơi nhận:",
                                                         "- Lưu: VT, hồ sơ.",
                                                     }));
}

TEST(DocxPackage, SetsA4PageAndMargins) {
  auto xml = parse_entry(sample_record().docx(), "word/document.xml");
  auto section = xml->select_node("/w:document/w:body/w:sectPr").node();
  ASSERT_TRUE(section);
  EXPECT_EQ(section.child("w:pgSz").attribute("w:w").as_int(), 11906);
  EXPECT_EQ(section.child("w:pgSz").attribute("w:h").as_int(), 16838);
  auto margins = section.child("w:pgMar");
  EXPECT_EQ(margins.attribute("w:top").as_int(), 1134);     // 20 mm
  EXPECT_EQ(margins.attribute("w:bottom").as_int(), 1134);  // 20 mm
  EXPECT_EQ(margins.attribute("w:left").as_int(), 1701);    // 30 mm
  EXPECT_EQ(margins.attribute("w:right").as_int(), 850);    // 15 mm
  EXPECT_TRUE(section.child("w:titlePg"));
  EXPECT_TRUE(section.find_child_by_attribute("w:headerReference", "w:type", "default"));
  EXPECT_TRUE(section.find_child_by_attribute("w:headerReference", "w:type", "first"));
}

TEST(DocxPackage, UsesTimesNewRomanInVietnamese) {
  auto bytes = sample_record().docx();
  auto styles = parse_entry(bytes, "word/styles.xml");
  auto defaults = styles->select_node("//w:docDefaults/w:rPrDefault/w:rPr").node();
  EXPECT_STREQ(defaults.child("w:rFonts").attribute("w:ascii").as_string(), "Times New Roman");
  EXPECT_STREQ(defaults.child("w:rFonts").attribute("w:hAnsi").as_string(), "Times New Roman");
  EXPECT_EQ(defaults.child("w:sz").attribute("w:val").as_int(), 28);
  EXPECT_STREQ(defaults.child("w:lang").attribute("w:val").as_string(), "vi-VN");
  auto document = parse_entry(bytes, "word/document.xml");
  EXPECT_FALSE(document->select_node("//w:rFonts[@w:ascii!='Times New Roman']")) << "no other font";
}

TEST(DocxPackage, NumbersPagesButNotTheFirst) {
  auto bytes = sample_record().docx();
  auto relationships = parse_entry(bytes, "word/_rels/document.xml.rels");
  auto document = parse_entry(bytes, "word/document.xml");
  auto section = document->select_node("//w:sectPr").node();
  auto header_part = [&](const char* type) {
    auto id = section.find_child_by_attribute("w:headerReference", "w:type", type).attribute("r:id").as_string();
    auto target = relationships->first_child().find_child_by_attribute("Relationship", "Id", id);
    return "word/" + std::string(target.attribute("Target").as_string());
  };
  auto numbered = parse_entry(bytes, header_part("default").c_str());
  EXPECT_NE(std::string(numbered->select_node("//w:instrText").node().text().get()).find("PAGE"), std::string::npos);
  auto first = parse_entry(bytes, header_part("first").c_str());
  EXPECT_FALSE(first->select_node("//w:instrText"));
  EXPECT_TRUE(paragraph_texts(*first).find_first_not_of('\n') == std::string::npos) << "empty";
}

TEST(DocxPackage, PutsRecipientsBesideALoneSigner) {
  Document doc({.issuing_body = "CÔNG AN XÃ TÂN TRÀO", .doc_type = "BÁO CÁO"});
  doc.paragraph("Nội dung.");
  doc.signatures({{"KT. TRƯỞNG CÔNG AN XÃ\nPHÓ TRƯỞNG CÔNG AN XÃ", "Trần Văn Nam"}});
  doc.recipients({"- Lưu: VT."});
  auto xml = parse_entry(doc.docx(), "word/document.xml");
  auto row = xml->select_node("//w:tbl[last()]/w:tr").node();
  std::vector<std::string> cells;
  for (auto cell : row.children("w:tc")) {
    std::string text;
    for (const auto& t : cell.select_nodes(".//w:t")) text += t.node().text().get();
    cells.push_back(text);
  }
  ASSERT_EQ(cells.size(), 2u);
  EXPECT_EQ(cells[0], "Nơi nhận:- Lưu: VT.");
  EXPECT_EQ(cells[1], "KT. TRƯỞNG CÔNG AN XÃPHÓ TRƯỞNG CÔNG AN XÃTrần Văn Nam");
}

TEST(DocxLibreOffice, ReadsTheDocument) {
  if (!std::filesystem::exists("/usr/bin/soffice")) GTEST_SKIP() << "LibreOffice (/usr/bin/soffice) is not installed";
  antq::testing::TempDir dir;
  std::ofstream(dir.file("record.docx"), std::ios::binary) << sample_record().docx();
  std::string command = "/usr/bin/soffice --headless -env:UserInstallation=file://" + dir.file("profile") +
                        " --convert-to 'txt:Text (encoded):UTF8' --outdir " + dir.path().string() + " " +
                        dir.file("record.docx") + " >" + dir.file("soffice.log") + " 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << testing::read_file(dir.file("soffice.log"));
  std::string text = testing::read_file(dir.file("record.txt"));
  ASSERT_FALSE(text.empty()) << testing::read_file(dir.file("soffice.log"));
  for (const char* expected : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CÔNG AN XÃ TÂN TRÀO", "BIÊN BẢN",
                               "Hôm nay, vào hồi 08 giờ 30 phút", "Phản ánh tiếng ồn & <karaoke> ban đêm"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in:\n" << text;
  }
}

}  // namespace
}  // namespace antq::office
