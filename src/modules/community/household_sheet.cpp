// A commune's household sheet as officers keep it in Excel: the one column list the import
// reads and the export writes (so that an export imports back unchanged). Every row goes
// through the same checks as the API; nothing is written unless every row is good.
#include <fmt/format.h>

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "modules/community/households.hpp"
#include "modules/community/households_repo.hpp"
#include "modules/community/internal.hpp"
#include "modules/community/rules.hpp"
#include "platform/error.hpp"
#include "platform/importkit/xlsx.hpp"
#include "platform/office/xlsx.hpp"
#include "platform/privacy/personal_key.hpp"
#include "platform/text/phone.hpp"
#include "platform/text/text.hpp"

namespace antq::community {

struct Households::Planned {
  std::size_t line = 0;
  Household household;
  std::optional<Household> existing;
  std::optional<Registration> registration;  // to write: new, or changed
};

namespace {

using namespace internal;
using office::CellKind;

struct Column {
  importkit::ColumnSpec spec;
  CellKind kind = CellKind::text;
  double width = 12;
  bool phone = false;  // written only when phones are asked for, by officers
};

const std::vector<Column>& layout() {
  static const std::vector<Column> columns{
      {{"no", {"STT", "số thứ tự", "tt"}}, CellKind::integer, 5},
      {{"code", {"Mã hộ", "mã", "mã hộ gia đình"}}, CellKind::text, 16},
      {{"village", {"Thôn/Tổ dân phố", "thôn", "tổ dân phố", "thôn, tổ dân phố", "thôn/tổ", "thôn/xóm"}, true},
       CellKind::text,
       16},
      {{"head_name", {"Họ tên chủ hộ", "chủ hộ", "họ và tên chủ hộ", "tên chủ hộ"}, true}, CellKind::text, 24},
      {{"address", {"Địa chỉ", "nơi ở", "địa chỉ nơi ở"}}, CellKind::text, 28},
      {{"members", {"Số nhân khẩu", "nhân khẩu", "số người", "số khẩu"}}, CellKind::integer, 9},
      {{"phone", {"Số điện thoại", "điện thoại", "sđt"}}, CellKind::text, 14, true},
      {{"consent_on", {"Ngày đồng ý", "đồng ý ngày", "ngày đồng ý cung cấp"}}, CellKind::date, 11},
      {{"registered", {"Đăng ký xây dựng KDC an toàn", "đăng ký", "đã đăng ký", "đăng ký kdc an toàn"}},
       CellKind::text,
       12},
      {{"registered_on", {"Ngày đăng ký"}}, CellKind::date, 11},
      {{"signed", {"Đã ký cam kết", "ký cam kết", "đã ký"}}, CellKind::text, 10},
      {{"year", {"Năm", "năm đăng ký"}}, CellKind::integer, 6},
      {{"note", {"Ghi chú"}}, CellKind::text, 30},
  };
  return columns;
}

const std::vector<importkit::ColumnSpec>& specs() {
  static const std::vector<importkit::ColumnSpec> out = [] {
    std::vector<importkit::ColumnSpec> v;
    for (const auto& c : layout()) v.push_back(c.spec);
    return v;
  }();
  return out;
}

// A whole number cell ("4", "4.0" from some sheets); nullopt and `bad` when it is not one.
std::optional<int> whole(const std::string& cell, bool& bad) {
  std::string digits = cell;
  if (digits.size() > 2 && digits.ends_with(".0")) digits.resize(digits.size() - 2);
  if (digits.empty()) return std::nullopt;
  if (digits.size() > 4 || digits.find_first_not_of("0123456789") != std::string::npos) {
    bad = true;
    return std::nullopt;
  }
  return std::stoi(digits);
}

std::string date_cell(const std::string& cell) {
  if (cell.empty()) return "";
  return importkit::parse_date(cell).value_or(cell);  // as typed when not a date: invalid_date
}

std::optional<std::int64_t> village_named(const std::vector<units::Unit>& villages, const std::string& cell) {
  auto folded = text::fold(cell);
  for (const auto& v : villages) {
    if (text::fold(v.name) == folded || v.code == cell) return v.id;
  }
  return std::nullopt;
}

// The key of a household without a code: its village, head and address, folded.
std::string identity(std::int64_t village_id, const std::string& head, const std::string& address) {
  return std::to_string(village_id) + "|" + text::fold(head) + "|" + text::fold(address);
}

void add_errors(std::vector<FieldError>& out, std::size_t line, const Error& e) {
  if (e.fields().empty()) {
    out.push_back(
        importkit::line_error(line, "row", e.kind() == Error::Kind::conflict ? "conflict" : "invalid_format"));
    return;
  }
  for (const auto& f : e.fields()) out.push_back(importkit::line_error(line, f.field, f.code, f.value_hint));
}

}  // namespace

std::vector<Households::Planned> Households::plan_import(db::Tx& tx, const Actor& actor, const importkit::Sheet& sheet,
                                                         const units::Unit& commune,
                                                         const HouseholdImportOptions& options,
                                                         std::vector<FieldError>& errors) const {
  std::vector<FieldError> header_errors;
  importkit::Columns cols(specs(), sheet, header_errors);
  if (!header_errors.empty()) throw Error::csv(header_errors);
  auto day = today();
  std::vector<Planned> plan;
  {
    auto villages = units_.units_under(tx, commune.id, {units::Kind::residential_area});
    std::vector<units::Unit> current;
    for (const auto& v : villages->units) {
      if (v.active_on(day)) current.push_back(v);
    }
    // The commune's households by code and by identity, read once.
    std::map<std::string, Household> by_code;
    std::map<std::string, std::string> code_of_identity;
    for (auto& h : households_repo::present(tx, villages->ids_json, day)) {
      code_of_identity[identity(h.village_id, h.head_name, h.address)] = h.code;
      by_code.emplace(h.code, std::move(h));
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
      const auto& row = sheet.rows[i];
      auto cell = [&](std::string_view key) { return cols.cell(row, key); };
      auto bad = [&](const char* field, const char* code, std::string hint = {}) {
        errors.push_back(importkit::line_error(row.line, field, code, std::move(hint)));
      };
      if (options.progress) options.progress(i + 1, sheet.rows.size());
      if (row.fields.size() != cols.width()) {
        bad("row", "invalid_format");
        continue;
      }
      auto before = errors.size();
      HouseholdInput in;
      in.head_name = cell("head_name");
      in.address = cell("address");
      in.note = cell("note");
      if (auto v = cell("village"); !v.empty()) {
        in.village_id = village_named(current, v);
        if (!in.village_id) bad("village", "not_found", v);
      }
      bool bad_number = false;
      auto members = whole(cell("members"), bad_number);
      if (bad_number) bad("members", "invalid_format");
      if (auto phone = cell("phone"); !phone.empty()) {
        // Not even compared with what is stored: a dry run would tell a guess right.
        if (!may_read_phones(actor)) throw Error::forbidden("households' phones are for commune officers");
        in.phone = phone;  // empty: keep
      }
      if (auto on = cell("consent_on"); !on.empty()) in.consent = Consent{date_cell(on), "paper", ""};
      auto registered = importkit::parse_flag(cell("registered"));
      auto signed_form = importkit::parse_flag(cell("signed"));
      if (!registered) bad("registered", "invalid_format");
      if (!signed_form) bad("signed", "invalid_format");
      bad_number = false;
      auto year = whole(cell("year"), bad_number);
      if (bad_number) bad("year", "invalid_format");
      Planned p{row.line, {}, std::nullopt, std::nullopt};
      auto code = cell("code");
      if (!code.empty()) {
        auto it = by_code.find(code);
        if (it == by_code.end()) {
          bad("code", "not_found", code);
        } else {
          p.existing = it->second;
        }
      } else if (in.village_id) {
        auto it = code_of_identity.find(identity(*in.village_id, text::clean(in.head_name), text::clean(in.address)));
        if (it != code_of_identity.end()) p.existing = by_code.at(it->second);
      }
      auto key = p.existing ? p.existing->code
                            : identity(in.village_id.value_or(0), text::clean(in.head_name), text::clean(in.address));
      if (!seen.insert(key).second) bad("row", "duplicate", code);
      if (errors.size() != before) continue;
      // What the sheet leaves empty or says the same way keeps what is stored: the
      // members, the consent's channel and wording, a registration's note.
      in.members = members.value_or(p.existing ? p.existing->members : 1);
      if (p.existing && p.existing->consent && in.consent && in.consent->on == p.existing->consent->on) {
        in.consent = p.existing->consent;
      }
      try {
        p.household = checked(tx, actor, in, p.existing.value_or(Household{}));
        RegistrationInput tick{date_cell(cell("registered_on")), *signed_form, "", 0};
        auto on = time::parse_date(tick.registered_on);
        int y = year.value_or(on ? rules::registration_year_of(*on) : rules::registration_year_of(day));
        auto stored = p.existing ? households_repo::registration(tx, p.existing->id, y) : std::nullopt;
        // A registration is a signed record: a sheet does not take it back.
        if (!*registered && stored && !cell("registered").empty()) {  // an empty cell says nothing
          throw Error::validation(
              {FieldError{"registered", "registered_already", std::nullopt, stored->registered_on}});
        }
        if (*registered) {
          if (!may_witness(actor))
            throw Error::forbidden("registrations are recorded by commune officers and village teams");
          if (stored) tick.note = stored->note;
          FieldErrors row_errors;
          auto r = checked_registration(row_errors, p.existing ? p.existing->id : 0, y, tick);
          if (!rules::present_on(p.household.since_on, p.household.left_on, r.registered_on)) {
            row_errors.add("registered_on", "not_present");
          }
          row_errors.throw_if_any();
          if (!stored || stored->content_hash != r.content_hash) {
            r.version = stored ? stored->version + 1 : 1;
            p.registration = r;
          }
        }
      } catch (const Error& e) {
        if (e.kind() == Error::Kind::forbidden) throw;  // the whole sheet, not a line
        add_errors(errors, row.line, e);
        continue;
      }
      plan.push_back(std::move(p));
    }
  }
  return plan;
}

void Households::apply_import(db::Tx& tx, const Actor& actor, std::vector<Planned>& plan,
                              const HouseholdImportOptions& options, HouseholdImportResult& result) const {
  auto now = clock_.now();
  bool phones = std::any_of(plan.begin(), plan.end(), [](const Planned& p) { return p.household.phone_sealed; });
  if (phones) privacy::check_key(tx, personal_key_, now);  // sealed under the key on record
  std::optional<units::Unit> commune;
  for (auto& p : plan) {
    auto& h = p.household;
    if (!p.existing) {
      if (!commune) commune = *units_.find(tx, *units_.find(tx, h.village_id)->parent_id);
      h.code = fmt::format("{}-HO-{:05d}", commune->code, households_repo::next_number(tx, commune->id, "HO"));
      h.demo = options.demo;
      h.id = households_repo::insert(tx, h, now);
      ++result.created;
    } else if (!changed_fields(*p.existing, h).empty()) {
      if (!households_repo::update(tx, h, now)) throw Error::conflict("a household changed during the import");
      ++result.updated;
    } else if (!p.registration) {
      ++result.unchanged;
    } else {
      ++result.updated;
    }
    if (p.registration) {
      auto& r = *p.registration;
      r.household_id = h.id;
      r.recorded_by = user_of(actor);
      r.received_at = now;
      if (!households_repo::put_registration(tx, r, r.version > 1 ? std::optional(r.version - 1) : std::nullopt)) {
        throw Error::conflict("a registration changed during the import");
      }
      ++result.registrations;
    }
  }
}

HouseholdImportResult Households::import_sheet(const Actor& actor, std::string_view bytes,
                                               const HouseholdImportOptions& options) const {
  require(may_use_sheets(actor), "household sheets are for commune officers and administrators");
  auto sheet = importkit::read_table(bytes);
  importkit::find_header(sheet, specs());
  HouseholdImportResult result;
  result.dry_run = options.dry_run;
  result.encoding = sheet.encoding;
  // Planned and written in one transaction: a second upload of the same sheet finds the
  // first one's households and creates none twice.
  auto run = [&](db::Tx& tx) {
    auto unit = options.unit_id ? units_.find(tx, *options.unit_id) : std::nullopt;
    if (!unit || !units::is_commune_level(unit->kind) || !unit->active_on(today()) || !actor.covers(unit->path)) {
      throw Error::field("unit_id", options.unit_id ? "not_found" : "required");
    }
    std::vector<FieldError> errors;
    auto plan = plan_import(tx, actor, sheet, *unit, options, errors);
    if (!errors.empty()) throw Error::csv(errors);
    if (options.dry_run) {
      for (const auto& p : plan) {
        bool edits = p.existing && (!changed_fields(*p.existing, p.household).empty() || p.registration);
        ++(!p.existing ? result.created : edits ? result.updated : result.unchanged);
        if (p.registration) ++result.registrations;
      }
      return;
    }
    apply_import(tx, actor, plan, options, result);
    audit_.record(tx, actor, "household.import", "unit", std::to_string(unit->id),
                  boost::json::serialize(boost::json::object{{"created", result.created},
                                                             {"updated", result.updated},
                                                             {"unchanged", result.unchanged},
                                                             {"registrations", result.registrations},
                                                             {"encoding", result.encoding}}));
  };
  if (options.dry_run) {
    db_.read(run);
  } else {
    db_.write(run);
  }
  return result;
}

std::string Households::export_sheet(const Actor& actor, const HouseholdExportOptions& options) const {
  require(may_use_sheets(actor), "household sheets are for commune officers and administrators");
  if (options.phones && !may_read_phones(actor)) throw Error::forbidden("households' phones are for commune officers");
  auto why = text::clean(options.reason);
  if (options.phones && why.empty()) throw Error::field("reason", "required");
  if (text::length(why) > 500) throw Error::field("reason", "too_long");
  int year = rules::registration_year_or_current(options.year, today());
  if (!rules::year_ok(year)) throw Error::field("year", "out_of_range");
  office::XlsxSheet sheet;
  sheet.name = "Hộ gia đình";
  std::vector<const Column*> columns;
  for (const auto& c : layout()) {
    if (options.phones || !c.phone) columns.push_back(&c);
  }
  for (const auto* c : columns) sheet.columns.push_back({c->spec.headers.front(), c->kind, c->width});
  std::int64_t count = 0;
  db_.read([&](db::Tx& tx) {
    auto villages = villages_of(tx, actor, options.unit_id);
    std::map<std::int64_t, const units::Unit*> by_id;
    for (const auto& v : villages->units) by_id[v.id] = &v;
    households_repo::ListFilter f;
    f.year = year;
    f.present_on = today();
    f.page_size = 1000000;
    for (const auto& [h, r] : households_repo::list(tx, villages->ids_json, f).items) {
      std::string phone;
      if (options.phones && h.phone_sealed) {
        auto e164 = personal_key_.open(*h.phone_sealed);
        auto parsed = text::normalise_phone(e164);
        phone = parsed.phone ? text::national_phone(*parsed.phone) : e164;
      }
      std::map<std::string, std::string> cells{{"no", std::to_string(++count)},
                                               {"code", h.code},
                                               {"village", by_id.at(h.village_id)->name},
                                               {"head_name", h.head_name},
                                               {"address", h.address},
                                               {"members", std::to_string(h.members)},
                                               {"phone", phone},
                                               {"consent_on", h.consent ? h.consent->on : ""},
                                               {"registered", r ? "Có" : "Không"},
                                               {"registered_on", r ? r->registered_on : ""},
                                               {"signed", r && r->signed_form ? "Có" : "Không"},
                                               {"year", std::to_string(f.year)},
                                               {"note", h.note}};
      std::vector<std::string> record;
      record.reserve(columns.size());
      for (const auto* c : columns) record.push_back(cells.at(c->spec.key));
      sheet.rows.push_back(std::move(record));
    }
  });
  // Audited once read, in a short write: the export does not hold the writer meanwhile.
  db_.write([&](db::Tx& tx) {
    audit_.record(tx, actor, "household.export", "unit", std::to_string(options.unit_id.value_or(actor.scope_unit_id)),
                  boost::json::serialize(boost::json::object{
                      {"households", count}, {"phones", options.phones}, {"format", options.xlsx ? "xlsx" : "csv"}}),
                  why);
  });
  return options.xlsx ? office::write_xlsx(sheet, office::scratch_dir()) : office::write_csv(sheet);
}

}  // namespace antq::community
