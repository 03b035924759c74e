// CSV import and export of units (part of units::Service).
#include <boost/json.hpp>

#include <map>

#include "modules/units/repo.hpp"
#include "modules/units/service.hpp"
#include "platform/csv/csv.hpp"
#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::units {
namespace {

const std::vector<std::string> kColumns{"code",       "name",     "kind",   "designation", "parent_code",
                                        "valid_from", "valid_to", "remote", "note"};

FieldError line_error(std::size_t line, std::string field, std::string code, std::string hint = {}) {
  return FieldError{std::move(field), std::move(code), static_cast<std::int64_t>(line), std::move(hint)};
}

// Maps header names to positions; reports unknown and missing columns on line 1.
std::map<std::string, std::size_t> read_header(const csv::Record& header, std::vector<FieldError>& errors) {
  std::map<std::string, std::size_t> pos;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string name = text::fold(header.fields[i]);
    if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end()) {
      errors.push_back(line_error(header.line, header.fields[i], "unknown_column"));
    } else {
      pos[name] = i;
    }
  }
  for (const auto& c : {"code", "name", "kind", "parent_code"}) {
    if (!pos.count(c)) errors.push_back(line_error(header.line, c, "missing_column"));
  }
  return pos;
}

bool parse_bool(const std::string& s, bool& out) {
  std::string f = text::fold(s);
  if (f.empty() || f == "0" || f == "false" || f == "khong") {
    out = false;
    return true;
  }
  if (f == "1" || f == "true" || f == "co") {
    out = true;
    return true;
  }
  return false;
}

}  // namespace

ImportResult Service::import_csv(const Actor& actor, std::string_view document) const {
  if (!actor.is(Role::admin) && !actor.is(Role::officer)) throw Error::forbidden("import needs admin or officer");
  std::vector<csv::Record> records;
  try {
    records = csv::parse(document);
  } catch (const std::invalid_argument& e) {
    throw Error::csv({FieldError{"file", "invalid_format", 1, e.what()}});
  }
  if (records.empty()) throw Error::csv({FieldError{"file", "required", 1, {}}});
  std::vector<FieldError> errors;
  auto pos = read_header(records.front(), errors);
  if (!errors.empty()) throw Error::csv(errors);

  ImportResult result;
  db_.write([&](db::Tx& tx) {
    auto now = clock_.now();
    for (std::size_t r = 1; r < records.size(); ++r) {
      const auto& rec = records[r];
      auto cell = [&](const char* name) -> std::string {
        auto it = pos.find(name);
        if (it == pos.end() || it->second >= rec.fields.size()) return {};
        return text::clean(rec.fields[it->second]);
      };
      if (rec.fields.size() == 1 && cell("code").empty()) continue;  // blank line
      if (rec.fields.size() != records.front().fields.size()) {
        errors.push_back(line_error(rec.line, "row", "invalid_format", std::to_string(rec.fields.size())));
        continue;
      }
      NewUnit in{cell("code"), cell("name"), cell("kind"), cell("designation"), std::nullopt, std::nullopt,
                 false,        cell("note"), false};
      if (!cell("valid_from").empty()) in.valid_from = cell("valid_from");
      if (!parse_bool(cell("remote"), in.remote)) errors.push_back(line_error(rec.line, "remote", "invalid_format"));
      std::string parent_code = cell("parent_code");
      std::optional<Unit> parent;
      if (!parent_code.empty()) {
        parent = repo::by_code(tx, parent_code);  // earlier rows of this file are already written
        if (!parent) errors.push_back(line_error(rec.line, "parent_code", "not_found", parent_code));
      }
      FieldErrors row_errors;
      Unit u;
      try {
        auto kind = kind_from_code(in.kind);
        if (in.code.empty()) row_errors.add("code", "required");
        if (in.name.empty()) row_errors.add("name", "required");
        if (!kind) row_errors.add("kind", in.kind.empty() ? "required" : "unknown_value");
        if (in.valid_from && !time::parse_date(*in.valid_from)) row_errors.add("valid_from", "invalid_date");
        std::optional<std::string> valid_to;
        if (!cell("valid_to").empty()) {
          valid_to = time::parse_date(cell("valid_to"));
          if (!valid_to) row_errors.add("valid_to", "invalid_date");
        }
        if (kind && *kind != Kind::country && parent_code.empty() && !repo::by_code(tx, in.code)) {
          row_errors.add("parent_code", "required");  // an existing unit keeps its parent
        }
        row_errors.throw_if_any();
        if (parent && !actor.covers(parent->path)) throw Error::field("parent_code", "out_of_scope");
        bool may = actor.is(Role::admin) || officer_may_manage(*kind);
        if (!may) throw Error::field("kind", "out_of_scope");
        auto existing = repo::by_code(tx, in.code);
        if (!existing && *kind == Kind::country && actor.scope_path != "/") throw Error::field("kind", "out_of_scope");
        if (existing) {
          if (!actor.covers(existing->path)) throw Error::field("code", "out_of_scope");
          existing->name = in.name;
          existing->designation = in.designation;
          existing->note = in.note;
          existing->remote = in.remote;
          existing->valid_from = in.valid_from ? time::parse_date(*in.valid_from) : existing->valid_from;
          existing->valid_to = valid_to;
          repo::update_fields(tx, *existing, now);
          if (parent && existing->parent_id != parent->id) {
            if (parent->path.rfind(existing->path, 0) == 0) throw Error::field("parent_code", "cycle");
            repo::move(tx, *existing, *parent, now);
          }
          audit_.record(tx, actor, "unit.update", "unit", std::to_string(existing->id),
                        boost::json::serialize(boost::json::object{{"code", in.code}, {"source", "csv"}}));
          ++result.updated;
        } else {
          u.code = in.code;
          u.name = in.name;
          u.kind = *kind;
          u.designation = in.designation;
          u.note = in.note;
          u.remote = in.remote;
          u.valid_from = in.valid_from ? time::parse_date(*in.valid_from) : std::nullopt;
          u.valid_to = valid_to;
          if (parent) u.parent_id = parent->id;
          auto id = repo::insert(tx, u, parent ? parent->path : std::string(), now);
          audit_.record(tx, actor, "unit.create", "unit", std::to_string(id),
                        boost::json::serialize(boost::json::object{{"code", in.code}, {"source", "csv"}}));
          ++result.created;
        }
      } catch (const Error& e) {
        for (const auto& f : e.fields()) errors.push_back(line_error(rec.line, f.field, f.code, f.value_hint));
      }
    }
    if (!errors.empty()) throw Error::csv(errors);  // rolls the whole import back
  });
  return result;
}

std::string Service::export_csv(const Actor& actor) const {
  std::vector<Unit> units;
  db_.read([&](db::Tx& tx) { units = repo::subtree(tx, actor.scope_path); });
  std::map<std::int64_t, std::string> codes;
  for (const auto& u : units) codes[u.id] = u.code;
  std::string out = "\xEF\xBB\xBF";  // Excel reads UTF-8 only with a BOM
  out += csv::format_record(kColumns);
  for (const auto& u : units) {
    std::string parent_code = u.parent_id && codes.count(*u.parent_id) ? codes[*u.parent_id] : "";
    out += csv::format_record({u.code, u.name, std::string(kind_code(u.kind)), u.designation, parent_code,
                               u.valid_from.value_or(""), u.valid_to.value_or(""), u.remote ? "1" : "0", u.note});
  }
  return out;
}

}  // namespace antq::units
