#include "modules/units/official.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"
#include "platform/importkit/importkit.hpp"
#include "platform/text/text.hpp"

namespace antq::units::official {
namespace {

constexpr std::size_t kMaxCode = 32;

// How the merger map names a kind of old unit, and what antq makes of it.
struct KindWord {
  std::string_view word;         // as written, first word(s) of an entry
  std::string_view kind;         // units::Kind code
  std::string_view designation;  // stored on the unit
  std::string_view letter;       // in its code
};
constexpr KindWord kThiTran{"thị trấn", "commune", "thị trấn", "TT"};
constexpr KindWord kPhuong{"phường", "ward", "phường", "P"};
constexpr KindWord kHuyen{"huyện", "district", "huyện", "H"};
constexpr KindWord kXa{"xã", "commune", "xã", "X"};
constexpr KindWord kKindWords[] = {kThiTran, kPhuong, kHuyen, kXa};

// Old provinces, in provinces-formed-from.csv.
constexpr KindWord kTinh{"tỉnh", "province", "tỉnh", "TINH"};
constexpr KindWord kThanhPho{"thành phố", "province", "thành phố", "TP"};

std::string lower_folded(std::string_view s) { return text::fold(s); }
bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string join(const std::vector<std::string>& words, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < words.size(); ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

// `entry` without the kind word it starts with, and that kind; nullopt without one.
std::optional<std::pair<KindWord, std::string>> split_kind(const std::string& entry,
                                                           std::initializer_list<KindWord> kinds) {
  auto words = words_of(entry);
  for (const auto& k : kinds) {
    auto n = words_of(k.word).size();
    std::vector<std::string> head(words.begin(),
                                  words.begin() + static_cast<std::ptrdiff_t>(std::min(n, words.size())));
    if (words.size() > n && text::name_key(join(head, 0)) == text::name_key(k.word)) {
      return std::make_pair(k, join(words, n));
    }
  }
  return std::nullopt;
}

// The comma-separated entries of a merger-map cell, commas inside brackets kept;
// nullopt when the brackets do not balance.
std::optional<std::vector<std::string>> split_entries(std::string_view cell) {
  std::vector<std::string> out;
  std::string current;
  int depth = 0;
  for (char c : cell) {
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return std::nullopt;
    if (c == ',' && depth == 0) {
      out.push_back(text::clean(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (depth != 0) return std::nullopt;
  out.push_back(text::clean(current));
  std::erase_if(out, [](const std::string& s) { return s.empty(); });
  return out;
}

// An entry's name and what its brackets say.
struct Entry {
  std::string text;      // without the brackets at its end
  std::string district;  // "huyện Yên Sơn"
  std::string part;      // "phần còn lại sau khi sáp nhập vào …"
  std::string notes;     // anything else in brackets
};

Entry peel_brackets(std::string text) {
  Entry e;
  std::vector<std::string> groups;
  while (!text.empty() && text.back() == ')') {
    int depth = 0;
    std::size_t open = std::string::npos;
    for (std::size_t i = text.size(); i-- > 0;) {
      if (text[i] == ')') ++depth;
      if (text[i] == '(' && --depth == 0) {
        open = i;
        break;
      }
    }
    if (open == std::string::npos) break;
    groups.insert(groups.begin(), text::clean(text.substr(open + 1, text.size() - open - 2)));
    text = text::clean(text.substr(0, open));
  }
  e.text = text;
  for (const auto& g : groups) {
    auto f = lower_folded(g);
    if (starts_with(f, "phan con lai")) {
      e.part = g;
    } else if (starts_with(f, "mot phan") || starts_with(f, "bao gom") || f.find("quan ly") != std::string::npos) {
      e.notes += (e.notes.empty() ? "" : "; ") + g;
    } else {
      e.district = starts_with(f, "thuoc ") ? text::clean(g.substr(g.find(' ') + 1)) : g;
    }
  }
  return e;
}

// "huyện Yên Sơn" -> "Yên Sơn": the district's name for a code.
std::string district_name(const std::string& district) {
  auto f = lower_folded(district);
  for (std::string_view word : {"huyen ", "quan ", "thi xa ", "thanh pho ", "tinh "}) {
    if (starts_with(f, word)) return join(words_of(district), words_of(word).size());
  }
  return district;
}

bool is_not_unit(const std::string& text) {
  auto f = lower_folded(text);
  return starts_with(f, "truong ban") || starts_with(f, "khu vuc");
}

std::string hash4(const std::string& key) {
  auto h = crypto::blake2b_hex(key).substr(0, 4);
  std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return std::toupper(c); });
  return h;
}

// Accumulates old units by identity, in the order met.
class Predecessors {
 public:
  void add(Predecessor p, Successor to) {
    auto [it, inserted] = index_.try_emplace(p.key, list_.size());
    if (inserted) list_.push_back(std::move(p));
    auto& found = list_[it->second];
    auto same = [&](const Successor& s) { return s.code == to.code; };
    if (std::none_of(found.successors.begin(), found.successors.end(), same)) found.successors.push_back(std::move(to));
  }
  std::vector<Predecessor> take() { return std::move(list_); }

 private:
  std::map<std::string, std::size_t> index_;
  std::vector<Predecessor> list_;
};

Predecessor make_predecessor(const std::string& province, const KindWord& kind, const std::string& name, const Entry& e,
                             const std::string& extra) {
  Predecessor p;
  p.kind = std::string(kind.kind);
  p.designation = std::string(kind.designation);
  p.name = name;
  p.note = e.district;
  if (!e.notes.empty()) p.note += (p.note.empty() ? "" : "; ") + e.notes;
  p.key = province + "|" + p.designation + "|" + text::name_key(name) + "|" + text::name_key(e.district) + "|" + extra;
  p.code = province + "-" + std::string(kind.letter) + "-" + text::ascii_slug(name);
  if (!e.district.empty()) p.code += "-" + text::ascii_slug(district_name(e.district));
  if (!extra.empty()) p.code += "-" + extra;
  return p;
}

// Codes made unique: where two identities make one code, each gets a hash of its key;
// a code too long is cut and gets one too.
void settle_codes(std::vector<Predecessor>& list) {
  std::map<std::string, std::set<std::string>> keys_by_code;
  for (const auto& p : list) keys_by_code[p.code].insert(p.key);
  for (auto& p : list) {
    if (keys_by_code[p.code].size() > 1) p.code += "-" + hash4(p.key);
    if (p.code.size() > kMaxCode) p.code = p.code.substr(0, kMaxCode - 5) + "-" + hash4(p.key);
  }
  std::set<std::string> seen;
  for (const auto& p : list) {
    if (!seen.insert(p.code).second) throw Error::internal("two old units coded " + p.code);
  }
}

// The successor an old unit's records roll up to: the new unit of the same name, else
// the one that got what remained of it, else the lowest code.
void choose_main(Predecessor& p, const std::map<std::string, const ListedUnit*>& units) {
  auto lowest = [&](auto&& pick) -> std::optional<std::size_t> {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < p.successors.size(); ++i) {
      if (pick(p.successors[i]) && (!best || p.successors[i].code < p.successors[*best].code)) best = i;
    }
    return best;
  };
  auto key = text::name_key(p.name);
  auto same_name = lowest([&](const Successor& s) {
    auto it = units.find(s.code);
    return it != units.end() && text::name_key(it->second->name) == key;
  });
  auto remainder = lowest([](const Successor& s) { return !s.part.empty(); });
  p.main = same_name ? *same_name : remainder ? *remainder : *lowest([](const Successor&) { return true; });
}

const std::vector<importkit::ColumnSpec> kUnitColumns = {
    {"code", {}, true}, {"parent_code", {}, true}, {"level", {}, true},   {"kind", {}, true},
    {"name", {}, true}, {"full_name", {}, false},  {"name_en", {}, true},
};
const std::vector<importkit::ColumnSpec> kFormedFromColumns = {
    {"province_code", {}, true}, {"commune_code", {}, true}, {"commune", {}, false},
    {"formed_from", {}, true},   {"effective", {}, true},
};
const std::vector<importkit::ColumnSpec> kProvincesColumns = {
    {"province_code", {}, true}, {"province", {}, false}, {"formed_from", {}, true}, {"effective", {}, true}};

// A file's rows with the columns checked; errors named "<file>:<column>".
struct Table {
  importkit::Sheet sheet;
  std::optional<importkit::Columns> cols;
};

Table table(std::string_view bytes, const std::vector<importkit::ColumnSpec>& specs, const std::string& file,
            std::vector<FieldError>& errors) {
  Table t{importkit::read_csv(bytes), std::nullopt};
  std::vector<FieldError> own;
  t.cols.emplace(specs, t.sheet, own);
  for (auto& e : own) {
    e.field = file + ":" + e.field;
    errors.push_back(std::move(e));
  }
  return t;
}

void fail(std::vector<FieldError>& errors, const csv::Record& row, const std::string& field, const std::string& code,
          const std::string& hint = {}) {
  errors.push_back(importkit::line_error(row.line, field, code, hint));
}

std::optional<ListedUnit> listed_unit(const importkit::Columns& c, const csv::Record& row,
                                      std::vector<FieldError>& errors) {
  ListedUnit u;
  u.line = row.line;
  u.code = c.cell(row, "code");
  u.parent_code = c.cell(row, "parent_code");
  u.name = c.cell(row, "name");
  u.name_en = c.cell(row, "name_en");
  auto level = c.cell(row, "level");
  auto kind = lower_folded(c.cell(row, "kind"));
  std::size_t before = errors.size();
  if (level == "province") {
    if (u.code.size() != 2 || !all_digits(u.code)) fail(errors, row, "units.csv:code", "invalid_format", u.code);
    if (kind == "tinh") u.designation = "tỉnh";
    if (kind == "thanh pho") u.designation = "thành phố";
    u.kind = "province";
  } else if (level == "commune") {
    if (u.code.size() != 5 || !all_digits(u.code)) fail(errors, row, "units.csv:code", "invalid_format", u.code);
    if (kind == "xa") u.kind = "commune", u.designation = "xã";
    if (kind == "phuong") u.kind = "ward", u.designation = "phường";
    if (kind == "dac khu") u.kind = "special_zone", u.designation = "đặc khu";
  } else {
    fail(errors, row, "units.csv:level", "unknown_value", level);
  }
  if (u.designation.empty() && (level == "province" || level == "commune"))
    fail(errors, row, "units.csv:kind", "unknown_value", c.cell(row, "kind"));
  if (u.name.empty()) fail(errors, row, "units.csv:name", "required");
  if (errors.size() != before) return std::nullopt;
  return u;
}

// The old units a commune was formed from, one merger-map row.
void read_commune_row(const std::vector<std::string>& entries, const ListedUnit& commune, Predecessors& out,
                      ListedUnit& listed) {
  std::vector<Entry> parsed;
  std::vector<std::optional<KindWord>> kinds;
  for (const auto& raw : entries) {
    auto e = peel_brackets(raw);
    auto split = split_kind(e.text, {kThiTran, kPhuong, kHuyen, kXa});
    if (split) e.text = split->second;
    kinds.push_back(split ? std::optional<KindWord>(split->first) : std::nullopt);
    parsed.push_back(std::move(e));
  }
  const KindWord own = commune.kind == "ward" ? kPhuong : commune.kind == "special_zone" ? kHuyen : kXa;
  std::optional<KindWord> previous;
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    auto& e = parsed[i];
    if (!kinds[i] && is_not_unit(e.text)) {
      listed.not_units.push_back(entries[i]);
      continue;
    }
    KindWord kind = kinds[i] ? *kinds[i] : previous ? *previous : own;
    previous = kind;
    std::string extra;
    if (all_digits(e.text) && e.district.empty()) {
      // "Phường 5, Phường 7, Phường 9 (Quận 5)": the district is written once, last.
      for (std::size_t j = i + 1; j < parsed.size() && e.district.empty(); ++j) {
        if (all_digits(parsed[j].text) && !parsed[j].district.empty()) e.district = parsed[j].district;
      }
      if (e.district.empty()) extra = commune.code;
    }
    out.add(make_predecessor(commune.parent_code, kind, e.text, e, extra), Successor{commune.code, e.part});
  }
}

void read_province_row(const std::string& cell, const ListedUnit& province, Predecessors& out) {
  std::string normalised = cell;
  for (std::size_t at = normalised.find(" và "); at != std::string::npos; at = normalised.find(" và ", at)) {
    normalised.replace(at, 5, ", ");
  }
  auto entries = split_entries(normalised).value_or(std::vector<std::string>{});
  for (const auto& raw : entries) {
    std::string entry = lower_folded(raw) == "tphcm" ? "thành phố Hồ Chí Minh" : raw;
    auto split = split_kind(entry, {kThanhPho, kTinh});
    KindWord kind = split ? split->first : kTinh;
    std::string name = split ? split->second : entry;
    Entry e;
    e.text = name;
    auto p = make_predecessor(province.code, kind, name, e, "");
    p.key = "province|" + p.key.substr(p.key.find('|') + 1);  // an old province is one whole unit
    out.add(std::move(p), Successor{province.code, ""});
  }
}

}  // namespace

List read(std::string_view units_csv, std::string_view formed_from_csv, std::string_view provinces_formed_from_csv) {
  std::vector<FieldError> errors;
  List list;
  auto units = table(units_csv, kUnitColumns, "units.csv", errors);
  auto formed = table(formed_from_csv, kFormedFromColumns, "formed-from.csv", errors);
  auto provinces = table(provinces_formed_from_csv, kProvincesColumns, "provinces-formed-from.csv", errors);
  if (!errors.empty()) throw Error::csv(std::move(errors));

  std::map<std::string, std::size_t> province_at;
  std::map<std::string, std::size_t> commune_at;
  for (const auto& row : units.sheet.rows) {
    auto u = listed_unit(*units.cols, row, errors);
    if (!u) continue;
    auto& target = u->kind == "province" ? list.provinces : list.communes;
    auto& at = u->kind == "province" ? province_at : commune_at;
    if (!at.emplace(u->code, target.size()).second) {
      fail(errors, row, "units.csv:code", "duplicate", u->code);
      continue;
    }
    target.push_back(std::move(*u));
  }
  for (const auto& c : list.communes) {
    if (!province_at.contains(c.parent_code)) {
      errors.push_back(importkit::line_error(c.line, "units.csv:parent_code", "not_found", c.parent_code));
    }
  }

  Predecessors old;
  std::set<std::string> seen;
  for (const auto& row : formed.sheet.rows) {
    const auto& c = *formed.cols;
    auto code = c.cell(row, "commune_code");
    auto it = commune_at.find(code);
    if (it == commune_at.end()) {
      fail(errors, row, "formed-from.csv:commune_code", "not_found", code);
      continue;
    }
    auto& commune = list.communes[it->second];
    if (c.cell(row, "province_code") != commune.parent_code)
      fail(errors, row, "formed-from.csv:province_code", "unknown_value", c.cell(row, "province_code"));
    commune.effective = importkit::parse_date(c.cell(row, "effective")).value_or("");
    if (commune.effective.empty()) fail(errors, row, "formed-from.csv:effective", "invalid_date");
    if (!seen.insert(code).second) fail(errors, row, "formed-from.csv:commune_code", "duplicate", code);
    auto cell = c.cell(row, "formed_from");
    auto entries = split_entries(cell);
    if (!entries) {
      fail(errors, row, "formed-from.csv:formed_from", "invalid_format", "()");
    } else if (entries->empty()) {
      fail(errors, row, "formed-from.csv:formed_from", "required");
    } else if (entries->size() == 1 && lower_folded(entries->front()) == "giu nguyen") {
      commune.unchanged = true;
    } else {
      read_commune_row(*entries, commune, old, commune);
    }
  }
  for (const auto& c : list.communes) {
    if (!seen.contains(c.code))
      errors.push_back(importkit::line_error(c.line, "formed-from.csv:commune_code", "required", c.code));
  }

  for (const auto& row : provinces.sheet.rows) {
    const auto& c = *provinces.cols;
    auto code = c.cell(row, "province_code");
    auto it = province_at.find(code);
    if (it == province_at.end()) {
      fail(errors, row, "provinces-formed-from.csv:province_code", "not_found", code);
      continue;
    }
    auto& province = list.provinces[it->second];
    province.effective = importkit::parse_date(c.cell(row, "effective")).value_or("");
    if (province.effective.empty()) fail(errors, row, "provinces-formed-from.csv:effective", "invalid_date");
    auto cell = c.cell(row, "formed_from");
    if (lower_folded(cell) == "giu nguyen") {
      province.unchanged = true;
    } else if (!split_entries(cell) || cell.empty()) {
      fail(errors, row, "provinces-formed-from.csv:formed_from", cell.empty() ? "required" : "invalid_format");
    } else {
      read_province_row(cell, province, old);
    }
  }
  if (!errors.empty()) throw Error::csv(std::move(errors));

  list.predecessors = old.take();
  std::map<std::string, const ListedUnit*> by_code;
  for (const auto& u : list.provinces) by_code[u.code] = &u;
  for (const auto& u : list.communes) by_code[u.code] = &u;
  for (auto& p : list.predecessors) choose_main(p, by_code);
  settle_codes(list.predecessors);
  return list;
}

namespace {

const std::vector<importkit::ColumnSpec> kBasisColumns = {
    {"province_code", {}, false}, {"level", {}, true}, {"basis", {}, true}};

std::string generic_basis(const ListedUnit& u, const std::map<std::string, const ListedUnit*>& provinces) {
  if (u.kind == "province") return "Nghị quyết của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh năm 2025";
  auto it = provinces.find(u.parent_code);
  std::string province = it == provinces.end() ? u.parent_code : it->second->designation + " " + it->second->name;
  return "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp các đơn vị hành chính cấp xã của " + province +
         " năm 2025";
}

}  // namespace

void apply_basis(List& list, std::string_view basis_csv) {
  std::vector<FieldError> errors;
  auto t = table(basis_csv, kBasisColumns, "basis.csv", errors);
  if (!errors.empty()) throw Error::csv(std::move(errors));
  std::map<std::string, const ListedUnit*> provinces;
  for (const auto& p : list.provinces) provinces[p.code] = &p;
  std::map<std::string, std::string> province_basis;  // "" for the provinces themselves
  for (const auto& row : t.sheet.rows) {
    const auto& c = *t.cols;
    auto code = c.cell(row, "province_code");
    auto level = c.cell(row, "level");
    auto basis = text::clean(c.cell(row, "basis"));
    if (level == "province" && code.empty()) {
      province_basis[""] = basis;
    } else if (level == "commune" && provinces.contains(code)) {
      province_basis[code] = basis;
    } else if (level == "commune") {
      fail(errors, row, "basis.csv:province_code", "not_found", code);
    } else {
      fail(errors, row, "basis.csv:level", "unknown_value", level);
    }
    if (basis.empty()) fail(errors, row, "basis.csv:basis", "required");
  }
  if (!errors.empty()) throw Error::csv(std::move(errors));
  auto set = [&](ListedUnit& u, const std::string& key) {
    auto it = province_basis.find(key);
    u.basis = it != province_basis.end() ? it->second : generic_basis(u, provinces);
  };
  for (auto& p : list.provinces) set(p, "");
  for (auto& c : list.communes) set(c, c.parent_code);
}

}  // namespace antq::units::official
