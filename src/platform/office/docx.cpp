#include "platform/office/docx.hpp"

#include <zip.h>

#include <algorithm>
#include <initializer_list>
#include <pugixml.hpp>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace antq::office {
namespace {

// Lengths are in twips (1/1440 inch), font sizes in half-points, spacing in twips.
constexpr int kPageWidth = 11906;  // A4 portrait
constexpr int kPageHeight = 16838;
constexpr int kMarginTop = 1134;  // 20 mm
constexpr int kMarginBottom = 1134;
constexpr int kMarginLeft = 1701;     // 30 mm
constexpr int kMarginRight = 850;     // 15 mm
constexpr int kHeaderDistance = 567;  // page numbers 10 mm from the top edge
constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;

// The head table reaches 5 mm into each side margin so that a usual parent body and the
// national title each fit on one line.
constexpr int kHeadWidth = kTextWidth + 567;
constexpr int kHeadLeftWidth = 4082;  // 7.2 cm
constexpr int kHeadRightWidth = kHeadWidth - kHeadLeftWidth;
constexpr int kIssuingRuleWidth = 1247;  // about a third of the issuing body name
constexpr int kMottoRuleWidth = 3430;    // as long as "Độc lập - Tự do - Hạnh phúc" in bold 14
constexpr int kSubjectRuleWidth = 2268;  // 4 cm
constexpr int kLoneSignerLeftWidth = 4395;

constexpr int kSize11 = 22;
constexpr int kSize12 = 24;
constexpr int kSize13 = 26;
constexpr int kSize14 = 28;
constexpr int kBodySize = kSize14;
constexpr int kTableSize = kSize13;

constexpr int kFirstLineIndent = 720;  // 1.27 cm
constexpr int kSixPoints = 120;
constexpr int kTwelvePoints = 240;
constexpr int kSignatureSpace = 1440;  // 2.54 cm to sign and stamp

constexpr const char* kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kRelNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kFont = "Times New Roman";

struct RunStyle {
  bool bold = false;
  bool italic = false;
  int size = kBodySize;
};

struct ParagraphStyle {
  const char* align = "both";  // w:jc: left, center, right, both
  int first_line = 0;
  int before = 0;
  int after = 0;
  bool keep_next = false;
};

const ParagraphStyle kBody{.align = "both", .first_line = kFirstLineIndent, .after = kSixPoints};
const ParagraphStyle kCentred{.align = "center"};
const ParagraphStyle kLeft{.align = "left"};

// ---- XML building -------------------------------------------------------------------

void set_val(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_child(name).append_attribute("w:val") = value.c_str();
}

void set_val(pugi::xml_node node, const char* name, int value) { set_val(node, name, std::to_string(value)); }

pugi::xml_node add_paragraph(pugi::xml_node parent, const ParagraphStyle& style) {
  auto paragraph = parent.append_child("w:p");
  auto props = paragraph.append_child("w:pPr");  // children in schema order
  if (style.keep_next) props.append_child("w:keepNext");
  auto spacing = props.append_child("w:spacing");
  spacing.append_attribute("w:before") = style.before;
  spacing.append_attribute("w:after") = style.after;
  if (style.first_line > 0) props.append_child("w:ind").append_attribute("w:firstLine") = style.first_line;
  set_val(props, "w:jc", style.align);
  return paragraph;
}

void add_run_properties(pugi::xml_node run, const RunStyle& style) {
  auto props = run.append_child("w:rPr");
  if (style.bold) {
    props.append_child("w:b");
    props.append_child("w:bCs");
  }
  if (style.italic) {
    props.append_child("w:i");
    props.append_child("w:iCs");
  }
  set_val(props, "w:sz", style.size);
  set_val(props, "w:szCs", style.size);
}

void add_text(pugi::xml_node run, const std::string& text) {
  auto node = run.append_child("w:t");
  node.append_attribute("xml:space") = "preserve";
  node.text().set(text.c_str());
}

// One run; '\n' becomes a line break, '\t' a tab, other control characters (not allowed
// in XML 1.0) are dropped.
void add_run(pugi::xml_node paragraph, std::string_view text, const RunStyle& style) {
  auto run = paragraph.append_child("w:r");
  add_run_properties(run, style);
  std::string pending;
  auto flush = [&] {
    if (!pending.empty()) add_text(run, pending);
    pending.clear();
  };
  for (char c : text) {
    if (c == '\n' || c == '\t') {
      flush();
      run.append_child(c == '\n' ? "w:br" : "w:tab");
    } else if (static_cast<unsigned char>(c) >= 0x20 || c == '\r') {
      if (c != '\r') pending += c;
    }
  }
  flush();
}

void add_text_paragraph(pugi::xml_node parent, std::string_view text, const ParagraphStyle& paragraph,
                        const RunStyle& run) {
  add_run(add_paragraph(parent, paragraph), text, run);
}

// An empty paragraph exactly `height` high, its mark shrunk to 1 pt.
pugi::xml_node add_thin_paragraph(pugi::xml_node parent, int height) {
  auto paragraph = parent.append_child("w:p");
  auto props = paragraph.append_child("w:pPr");
  auto spacing = props.append_child("w:spacing");
  spacing.append_attribute("w:before") = 0;
  spacing.append_attribute("w:after") = 0;
  spacing.append_attribute("w:line") = height;
  spacing.append_attribute("w:lineRule") = "exact";
  auto mark = props.append_child("w:rPr");
  set_val(mark, "w:sz", 2);
  set_val(mark, "w:szCs", 2);
  return paragraph;
}

// A short centred horizontal rule, `width` long, 4 pt under the line above: a thin
// paragraph with a bottom border, indented to the rule's length.
void add_rule(pugi::xml_node parent, int available_width, int width) {
  auto props = add_thin_paragraph(parent, 80).child("w:pPr");
  auto bottom = props.prepend_child("w:pBdr").append_child("w:bottom");  // pBdr goes before spacing
  bottom.append_attribute("w:val") = "single";
  bottom.append_attribute("w:sz") = 6;  // eighths of a point
  bottom.append_attribute("w:space") = 1;
  bottom.append_attribute("w:color") = "000000";
  int side = std::max(0, (available_width - width) / 2);
  auto indent = props.insert_child_before("w:ind", props.child("w:rPr"));
  indent.append_attribute("w:left") = side;
  indent.append_attribute("w:right") = side;
}

void add_borders(pugi::xml_node table_props, const char* value) {
  auto borders = table_props.append_child("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    auto border = borders.append_child(side);
    border.append_attribute("w:val") = value;
    if (std::string_view(value) != "nil") {
      border.append_attribute("w:sz") = 4;
      border.append_attribute("w:space") = 0;
      border.append_attribute("w:color") = "000000";
    }
  }
}

void add_cell_margins(pugi::xml_node table_props, int side) {
  auto margins = table_props.append_child("w:tblCellMar");
  for (const char* name : {"w:left", "w:right"}) {
    auto margin = margins.append_child(name);
    margin.append_attribute("w:w") = side;
    margin.append_attribute("w:type") = "dxa";
  }
}

// A fixed-layout table with the given column widths, bordered or not.
pugi::xml_node add_table(pugi::xml_node parent, const std::vector<int>& widths, bool bordered) {
  auto table = parent.append_child("w:tbl");
  auto props = table.append_child("w:tblPr");
  int total = 0;
  for (int w : widths) total += w;
  auto width = props.append_child("w:tblW");
  width.append_attribute("w:w") = total;
  width.append_attribute("w:type") = "dxa";
  set_val(props, "w:jc", "center");
  add_borders(props, bordered ? "single" : "nil");
  props.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
  add_cell_margins(props, bordered ? 85 : 0);
  auto grid = table.append_child("w:tblGrid");
  for (int w : widths) grid.append_child("w:gridCol").append_attribute("w:w") = w;
  return table;
}

pugi::xml_node add_row(pugi::xml_node table, bool repeated_header) {
  auto row = table.append_child("w:tr");
  auto props = row.append_child("w:trPr");
  props.append_child("w:cantSplit");
  if (repeated_header) props.append_child("w:tblHeader");
  return row;
}

// A cell; the caller adds its paragraphs (a cell needs at least one).
pugi::xml_node add_cell(pugi::xml_node row, int width) {
  auto cell = row.append_child("w:tc");
  auto size = cell.append_child("w:tcPr").append_child("w:tcW");
  size.append_attribute("w:w") = width;
  size.append_attribute("w:type") = "dxa";
  return cell;
}

std::vector<int> equal_widths(std::size_t columns, int total) {
  std::vector<int> widths(columns, total / static_cast<int>(columns));
  widths.back() += total - widths.front() * static_cast<int>(columns);
  return widths;
}

// ---- Document parts -----------------------------------------------------------------

pugi::xml_node add_declaration(pugi::xml_document& xml) {
  auto declaration = xml.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  declaration.append_attribute("standalone") = "yes";
  return declaration;
}

pugi::xml_node add_word_root(pugi::xml_document& xml, const char* name) {
  add_declaration(xml);
  auto root = xml.append_child(name);
  root.append_attribute("xmlns:w") = kWordNamespace;
  root.append_attribute("xmlns:r") = kRelNamespace;
  return root;
}

void add_head_left(pugi::xml_node cell, const DocumentHead& head) {
  add_text_paragraph(cell, head.parent_body, kCentred, {.size = kSize13});
  add_text_paragraph(cell, head.issuing_body, kCentred, {.bold = true, .size = kSize13});
  add_rule(cell, kHeadLeftWidth, kIssuingRuleWidth);
}

void add_head_right(pugi::xml_node cell) {
  add_text_paragraph(cell, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", kCentred, {.bold = true, .size = kSize13});
  add_text_paragraph(cell, "Độc lập - Tự do - Hạnh phúc", kCentred, {.bold = true, .size = kSize14});
  add_rule(cell, kHeadRightWidth, kMottoRuleWidth);
}

// The borderless head table: bodies | national title and motto, then number | place and
// date on one line, as the Decree wants them level.
void add_head_table(pugi::xml_node body, const DocumentHead& head) {
  auto table = add_table(body, {kHeadLeftWidth, kHeadRightWidth}, false);
  auto titles = add_row(table, false);
  add_head_left(add_cell(titles, kHeadLeftWidth), head);
  add_head_right(add_cell(titles, kHeadRightWidth));
  auto dates = add_row(table, false);
  const ParagraphStyle spaced_centred{.align = "center", .before = kSixPoints};
  add_text_paragraph(add_cell(dates, kHeadLeftWidth), head.number, spaced_centred, {.size = kSize13});
  add_text_paragraph(add_cell(dates, kHeadRightWidth), head.place_date, spaced_centred,
                     {.italic = true, .size = kSize14});
}

void add_title(pugi::xml_node body, const DocumentHead& head) {
  if (!head.doc_type.empty()) {
    add_text_paragraph(body, head.doc_type, {.align = "center", .before = 2 * kTwelvePoints, .keep_next = true},
                       {.bold = true, .size = kSize14});
  }
  if (!head.subject.empty()) {
    add_text_paragraph(body, head.subject, {.align = "center", .keep_next = true}, {.bold = true, .size = kSize14});
    add_rule(body, kTextWidth, kSubjectRuleWidth);
  }
  // Space between the title block and the body.
  add_paragraph(body, {.align = "center", .after = kSixPoints});
}

void add_signer(pugi::xml_node cell, const Signer& signer) {
  add_text_paragraph(cell, signer.capacity, kCentred, {.bold = true});
  add_text_paragraph(cell, signer.name, {.align = "center", .before = kSignatureSpace}, {.bold = true});
}

void add_recipient_lines(pugi::xml_node parent, const std::vector<std::string>& lines, int before) {
  add_text_paragraph(parent, "Nơi nhận:", {.align = "left", .before = before},
                     {.bold = true, .italic = true, .size = kSize12});
  for (const auto& line : lines) add_text_paragraph(parent, line, kLeft, {.size = kSize11});
}

void add_section_properties(pugi::xml_node body) {
  auto section = body.append_child("w:sectPr");
  for (auto [type, id] : {std::pair{"default", "rIdHeaderDefault"}, std::pair{"first", "rIdHeaderFirst"}}) {
    auto reference = section.append_child("w:headerReference");
    reference.append_attribute("w:type") = type;
    reference.append_attribute("r:id") = id;
  }
  auto size = section.append_child("w:pgSz");
  size.append_attribute("w:w") = kPageWidth;
  size.append_attribute("w:h") = kPageHeight;
  auto margins = section.append_child("w:pgMar");
  margins.append_attribute("w:top") = kMarginTop;
  margins.append_attribute("w:right") = kMarginRight;
  margins.append_attribute("w:bottom") = kMarginBottom;
  margins.append_attribute("w:left") = kMarginLeft;
  margins.append_attribute("w:header") = kHeaderDistance;
  margins.append_attribute("w:footer") = kHeaderDistance;
  margins.append_attribute("w:gutter") = 0;
  section.append_child("w:titlePg");  // the first page uses the (empty) first-page header
}

// Word wants the body to end with a paragraph, not a table.
void end_with_paragraph(pugi::xml_node body) {
  if (std::string_view(body.last_child().name()) == "w:tbl") add_paragraph(body, kLeft);
}

std::string serialize(const pugi::xml_document& xml) {
  struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
  } writer;
  xml.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
  return std::move(writer.out);
}

std::string header_xml(bool with_page_number) {
  pugi::xml_document xml;
  auto paragraph = add_paragraph(add_word_root(xml, "w:hdr"), kCentred);
  if (with_page_number) {
    paragraph.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") = "begin";
    auto instruction = paragraph.append_child("w:r").append_child("w:instrText");
    instruction.append_attribute("xml:space") = "preserve";
    instruction.text().set(" PAGE ");
    paragraph.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") = "separate";
    add_text(paragraph.append_child("w:r"), "2");
    paragraph.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") = "end";
  }
  return serialize(xml);
}

void add_default_run_properties(pugi::xml_node defaults) {
  auto props = defaults.append_child("w:rPrDefault").append_child("w:rPr");
  auto fonts = props.append_child("w:rFonts");
  for (const char* slot : {"w:ascii", "w:eastAsia", "w:hAnsi", "w:cs"}) fonts.append_attribute(slot) = kFont;
  set_val(props, "w:color", "000000");
  set_val(props, "w:sz", kBodySize);
  set_val(props, "w:szCs", kBodySize);
  auto language = props.append_child("w:lang");
  language.append_attribute("w:val") = "vi-VN";
  language.append_attribute("w:eastAsia") = "vi-VN";
  language.append_attribute("w:bidi") = "ar-SA";
}

void add_default_paragraph_properties(pugi::xml_node defaults) {
  auto spacing = defaults.append_child("w:pPrDefault").append_child("w:pPr").append_child("w:spacing");
  spacing.append_attribute("w:after") = 0;
  spacing.append_attribute("w:line") = 240;
  spacing.append_attribute("w:lineRule") = "auto";
}

pugi::xml_node add_style(pugi::xml_node styles, const char* type, const char* id, const char* name) {
  auto style = styles.append_child("w:style");
  style.append_attribute("w:type") = type;
  style.append_attribute("w:default") = 1;
  style.append_attribute("w:styleId") = id;
  set_val(style, "w:name", name);
  return style;
}

std::string styles_xml() {
  pugi::xml_document xml;
  auto styles = add_word_root(xml, "w:styles");
  auto defaults = styles.append_child("w:docDefaults");
  add_default_run_properties(defaults);
  add_default_paragraph_properties(defaults);
  add_style(styles, "paragraph", "Normal", "Normal").append_child("w:qFormat");
  auto table = add_style(styles, "table", "TableNormal", "Normal Table");
  add_cell_margins(table.append_child("w:tblPr"), 108);
  return serialize(xml);
}

std::string settings_xml() {
  pugi::xml_document xml;
  auto settings = add_word_root(xml, "w:settings");
  set_val(settings, "w:defaultTabStop", kFirstLineIndent);
  set_val(settings, "w:characterSpacingControl", "doNotCompress");
  auto compat = settings.append_child("w:compat").append_child("w:compatSetting");
  compat.append_attribute("w:name") = "compatibilityMode";
  compat.append_attribute("w:uri") = "http://schemas.microsoft.com/office/word";
  compat.append_attribute("w:val") = 15;
  set_val(settings, "w:themeFontLang", "vi-VN");
  return serialize(xml);
}

std::string content_types_xml() {
  pugi::xml_document xml;
  add_declaration(xml);
  auto types = xml.append_child("Types");
  types.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
  auto add_default = [&](const char* extension, const char* type) {
    auto node = types.append_child("Default");
    node.append_attribute("Extension") = extension;
    node.append_attribute("ContentType") = type;
  };
  auto add_override = [&](const char* part, const char* type) {
    auto node = types.append_child("Override");
    node.append_attribute("PartName") = part;
    node.append_attribute("ContentType") = type;
  };
  add_default("rels", "application/vnd.openxmlformats-package.relationships+xml");
  add_default("xml", "application/xml");
  const std::string word = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  add_override("/word/document.xml", (word + "document.main+xml").c_str());
  add_override("/word/styles.xml", (word + "styles+xml").c_str());
  add_override("/word/settings.xml", (word + "settings+xml").c_str());
  add_override("/word/header1.xml", (word + "header+xml").c_str());
  add_override("/word/header2.xml", (word + "header+xml").c_str());
  return serialize(xml);
}

struct Relationship {
  const char* id;
  const char* type;  // the last segment of the relationship type URI
  const char* target;
};

std::string relationships_xml(std::initializer_list<Relationship> relationships) {
  pugi::xml_document xml;
  add_declaration(xml);
  auto root = xml.append_child("Relationships");
  root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/relationships";
  for (const auto& r : relationships) {
    auto node = root.append_child("Relationship");
    node.append_attribute("Id") = r.id;
    node.append_attribute("Type") =
        (std::string("http://schemas.openxmlformats.org/officeDocument/2006/relationships/") + r.type).c_str();
    node.append_attribute("Target") = r.target;
  }
  return serialize(xml);
}

pugi::xml_node body_of(pugi::xml_document& xml) { return xml.child("w:document").child("w:body"); }

// ---- Zip ----------------------------------------------------------------------------

struct Part {
  const char* name;
  std::string content;
};

[[noreturn]] void throw_zip_error(const char* what, zip_error_t* error) {
  throw std::runtime_error(std::string("docx: ") + what + ": " + zip_error_strerror(error));
}

struct SourceReference {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
struct ArchiveDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceReference>;
using ArchivePtr = std::unique_ptr<zip_t, ArchiveDiscard>;

void add_part(zip_t* archive, const Part& part) {
  zip_source_t* source = zip_source_buffer(archive, part.content.data(), part.content.size(), 0);
  if (source == nullptr) throw_zip_error("cannot buffer a part", zip_get_error(archive));
  if (zip_file_add(archive, part.name, source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
    zip_source_free(source);
    throw_zip_error(part.name, zip_get_error(archive));
  }
}

// Writes the parts into a zip archive held in `buffer`. The parts must outlive this call.
void write_archive(zip_source_t* buffer, const std::vector<Part>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_keep(buffer);  // the archive's reference; ours stays with the caller
  ArchivePtr archive(zip_open_from_source(buffer, ZIP_TRUNCATE, &error));
  if (!archive) {
    zip_source_free(buffer);  // the archive did not take its reference
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw std::runtime_error("docx: cannot open the archive: " + message);
  }
  zip_error_fini(&error);
  for (const auto& part : parts) add_part(archive.get(), part);
  if (zip_close(archive.get()) < 0) throw_zip_error("cannot write the archive", zip_get_error(archive.get()));
  archive.release();  // zip_close freed it
}

std::string read_source(zip_source_t* source) {
  if (zip_source_open(source) < 0) throw_zip_error("cannot read the archive", zip_source_error(source));
  std::string bytes;
  char chunk[65536];
  zip_int64_t count = 0;
  while ((count = zip_source_read(source, chunk, sizeof chunk)) > 0) bytes.append(chunk, static_cast<size_t>(count));
  zip_source_close(source);
  if (count < 0) throw_zip_error("cannot read the archive", zip_source_error(source));
  return bytes;
}

std::string zip_in_memory(const std::vector<Part>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) throw_zip_error("cannot create a buffer", &error);
  write_archive(buffer.get(), parts);
  return read_source(buffer.get());
}

}  // namespace

// ---- Document -----------------------------------------------------------------------

Document::Document(DocumentHead head) : xml_(std::make_unique<pugi::xml_document>()) {
  auto body = add_word_root(*xml_, "w:document").append_child("w:body");
  add_head_table(body, head);
  add_title(body, head);
}

Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

void Document::paragraph(std::string text) {
  beside_lone_signer_ = false;
  add_text_paragraph(body_of(*xml_), text, kBody, {});
}

void Document::labelled(std::string label, std::string value) {
  beside_lone_signer_ = false;
  auto paragraph = add_paragraph(body_of(*xml_), kBody);
  add_run(paragraph, label + ":", {.bold = true});
  add_run(paragraph, " " + value, {});
}

void Document::heading(std::string text) {
  beside_lone_signer_ = false;
  ParagraphStyle style = kBody;
  style.keep_next = true;
  add_text_paragraph(body_of(*xml_), text, style, {.bold = true});
}

void Document::table(std::vector<std::string> header, std::vector<std::vector<std::string>> rows) {
  beside_lone_signer_ = false;
  std::size_t columns = header.size();
  for (const auto& row : rows) columns = std::max(columns, row.size());
  if (columns == 0) return;
  auto widths = equal_widths(columns, kTextWidth);
  auto table = add_table(body_of(*xml_), widths, true);
  auto add_cells = [&](const std::vector<std::string>& texts, bool is_header) {
    auto row = add_row(table, is_header);
    for (std::size_t i = 0; i < columns; ++i) {
      auto cell = add_cell(row, widths[i]);
      add_text_paragraph(cell, i < texts.size() ? texts[i] : "", is_header ? kCentred : kLeft,
                         {.bold = is_header, .size = kTableSize});
    }
  };
  if (!header.empty()) add_cells(header, true);
  for (const auto& row : rows) add_cells(row, false);
  add_thin_paragraph(body_of(*xml_), kSixPoints);  // air before the next block
}

void Document::signatures(std::vector<Signer> signers) {
  beside_lone_signer_ = false;
  if (signers.empty()) return;
  auto body = body_of(*xml_);
  add_paragraph(body, kLeft);  // a blank line; also keeps the table apart from one above
  if (signers.size() == 1) {
    auto row = add_row(add_table(body, {kLoneSignerLeftWidth, kTextWidth - kLoneSignerLeftWidth}, false), false);
    add_paragraph(add_cell(row, kLoneSignerLeftWidth), kLeft);  // room for recipients()
    add_signer(add_cell(row, kTextWidth - kLoneSignerLeftWidth), signers.front());
    beside_lone_signer_ = true;
    return;
  }
  auto widths = equal_widths(signers.size(), kTextWidth);
  auto row = add_row(add_table(body, widths, false), false);
  for (std::size_t i = 0; i < signers.size(); ++i) add_signer(add_cell(row, widths[i]), signers[i]);
}

void Document::recipients(std::vector<std::string> lines) {
  auto body = body_of(*xml_);
  if (beside_lone_signer_) {
    auto cell = body.last_child().child("w:tr").child("w:tc");
    cell.remove_child(cell.child("w:p"));
    add_recipient_lines(cell, lines, 0);
  } else {
    add_recipient_lines(body, lines, kTwelvePoints);
  }
  beside_lone_signer_ = false;
}

std::string Document::docx() const {
  pugi::xml_document document;
  document.reset(*xml_);
  auto body = body_of(document);
  end_with_paragraph(body);
  add_section_properties(body);

  std::vector<Part> parts;
  parts.push_back({"[Content_Types].xml", content_types_xml()});
  parts.push_back({"_rels/.rels", relationships_xml({{"rId1", "officeDocument", "word/document.xml"}})});
  parts.push_back({"word/document.xml", serialize(document)});
  parts.push_back({"word/_rels/document.xml.rels", relationships_xml({{"rIdStyles", "styles", "styles.xml"},
                                                                      {"rIdSettings", "settings", "settings.xml"},
                                                                      {"rIdHeaderDefault", "header", "header1.xml"},
                                                                      {"rIdHeaderFirst", "header", "header2.xml"}})});
  parts.push_back({"word/styles.xml", styles_xml()});
  parts.push_back({"word/settings.xml", settings_xml()});
  parts.push_back({"word/header1.xml", header_xml(true)});
  parts.push_back({"word/header2.xml", header_xml(false)});
  return zip_in_memory(parts);
}

}  // namespace antq::office
