#pragma once
// Official documents as .docx, laid out as Decree 30/2020/NĐ-CP asks: A4 portrait,
// Times New Roman, the two-column head (issuing body | national title and motto), the
// document type and subject, a justified body, signatures and "Nơi nhận".
//
//   office::Document doc({.parent_body = "CÔNG AN TỈNH TUYÊN QUANG", ...});
//   doc.paragraph("Hôm nay, ...");
//   doc.signatures({{"TRƯỞNG CÔNG AN XÃ", "Nguyễn Văn A"}});
//   doc.recipients({"- Như trên;", "- Lưu: VT."});
//   std::string bytes = doc.docx();
//
// Text is UTF-8 and written as given: pass capitals where the layout wants capitals.
// A '\n' inside a text starts a new line of the same paragraph.
#include <memory>
#include <string>
#include <vector>

namespace pugi {
class xml_document;
}

namespace antq::office {

// Members default to empty, so designated initializers may leave any of them out.
struct DocumentHead {
  std::string parent_body{};   // "CÔNG AN TỈNH TUYÊN QUANG": top left, capitals 13
  std::string issuing_body{};  // "CÔNG AN XÃ TÂN TRÀO": top left, bold capitals 13, short rule under it
  std::string number{};        // "Số: 12/BB-CAX": 13, on the line of place_date; may be empty
  std::string place_date{};    // "Tân Trào, ngày 14 tháng 6 năm 2026": under the motto, italic 14
  std::string doc_type{};      // "BIÊN BẢN": centred, bold capitals 14
  std::string subject{};       // "Mở hòm thư góp ý và tố giác tội phạm": centred, bold 14, short rule
};

struct Signer {
  std::string capacity{};  // "TRƯỞNG CÔNG AN XÃ" (bold); "KT. TRƯỞNG CÔNG AN XÃ\nPHÓ TRƯỞNG CÔNG AN XÃ"
  std::string name{};      // bold, under the space to sign
};

// Blocks are added top to bottom; docx() may be called at any time, more than once.
// Move-only; a moved-from Document may only be assigned to or destroyed.
class Document {
 public:
  explicit Document(DocumentHead head);
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;

  // Body text: 14, justified, first-line indent 1.27 cm, 6 pt after.
  void paragraph(std::string text);
  // "label: value" in the body style, the label bold.
  void labelled(std::string label, std::string value);
  // A bold line in the body size ("I. THÀNH PHẦN").
  void heading(std::string text);
  // A bordered full-width table in 13, its header row bold (repeated on each page); short
  // rows are padded with empty cells.
  void table(std::vector<std::string> header, std::vector<std::vector<std::string>> rows);
  // Signers side by side in one row; a single signer goes to the bottom right.
  void signatures(std::vector<Signer> signers);
  // "Nơi nhận:" (bold italic 12) and the list (11) at the bottom left. Right after a
  // single signer they share its row, on the left, as the Decree shows.
  void recipients(std::vector<std::string> lines);

  // The finished .docx file. Throws std::runtime_error when libzip fails.
  std::string docx() const;

 private:
  std::unique_ptr<pugi::xml_document> xml_;  // word/document.xml without its section properties
  bool beside_lone_signer_ = false;          // the last block is one signer with a free left cell
};

}  // namespace antq::office
