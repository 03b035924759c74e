#include "modules/reminders/service.hpp"

#include <map>
#include <set>

#include "modules/community/rules.hpp"
#include "modules/notify/model.hpp"
#include "platform/db/read.hpp"
#include "platform/log/log.hpp"
#include "platform/text/phone.hpp"
#include "platform/text/text.hpp"

namespace antq::reminders {
namespace {

constexpr std::size_t kSmsCharacters = 134;  // two UCS-2 segments of 67
const char* const kKinds[] = {"expired", "expiring", "no_drill", "grading", "reconfirm"};

struct Recipient {
  std::int64_t id = 0;
  Role role = Role::team_member;
  std::int64_t unit_id = 0;
  std::int64_t commune_id = 0;
  i18n::Locale locale = i18n::Locale::vi;
  std::string phone;
  bool sms_opt_in = false;
};

std::string say(i18n::Locale locale, std::string_view key) {
  return i18n::Catalog::embedded().get(locale, "reminder." + std::string(key));
}

// "2026-12-05" as people read it: "05/12/2026".
std::string day_of(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

template <typename... Args>
std::string line(i18n::Locale locale, std::string_view key, Args&&... args) {
  return fmt::format(fmt::runtime(say(locale, key)), std::forward<Args>(args)...);
}

template <typename... Args>
Item item(std::string key, std::string kind, std::int64_t village_id, std::string_view text_key, Args... args) {
  return Item{std::move(key), std::move(kind), village_id, line(i18n::Locale::vi, text_key, args...),
              line(i18n::Locale::en, text_key, args...)};
}

// Officers of a commune and team members of its villages, with a phone and a language.
std::vector<Recipient> recipients(db::Tx& tx) {
  static constexpr db::Query q{
      "reminders.recipients",
      "SELECT u.id, u.role, u.unit_id, un.kind, un.parent_id, u.locale, u.phone, u.sms_opt_in FROM users u "
      "JOIN units un ON un.id = u.unit_id WHERE u.disabled = 0 AND u.role IN ('officer', 'team_member') "
      "ORDER BY u.id"};
  std::vector<Recipient> out;
  for (auto& row : db::all(tx, q, [](db::Reader& r) {
         Recipient p;
         p.id = r.i64();
         p.role = role_from_code(r.text()).value_or(Role::team_member);
         p.unit_id = r.i64();
         auto kind = units::kind_from_code(r.text());
         auto parent = r.opt_i64();
         p.locale = i18n::locale_from_code(r.text());
         p.phone = r.text();
         p.sms_opt_in = r.boolean();
         bool commune = kind && units::is_commune_level(*kind);
         bool village = kind && *kind == units::Kind::residential_area;
         if (p.role == Role::officer && commune) p.commune_id = p.unit_id;
         if (p.role == Role::team_member && village && parent) p.commune_id = *parent;
         return p;
       })) {
    if (row.commune_id != 0) out.push_back(std::move(row));
  }
  return out;
}

std::set<std::string> told(db::Tx& tx, std::int64_t user_id) {
  static constexpr db::Query q{"reminder_deliveries.of", "SELECT item_key FROM reminder_deliveries WHERE user_id = $1"};
  auto keys = db::all(
      tx, q, [](db::Reader& r) { return r.text(); }, user_id);
  return {keys.begin(), keys.end()};
}

void record(db::Tx& tx, std::int64_t user_id, const std::vector<Item>& items, time::Millis now) {
  static constexpr db::Query q{"reminder_deliveries.insert",
                               "INSERT INTO reminder_deliveries (item_key, user_id, told_at) VALUES ($1, $2, $3) "
                               "ON CONFLICT (item_key, user_id) DO NOTHING"};
  for (const auto& i : items) tx.exec(q, i.key, user_id, now);
}

bool has_mobile(const std::string& e164) {
  auto check = text::normalise_phone(e164);
  return check.phone && check.phone->kind == text::PhoneKind::mobile;
}

// At most `max` characters (code points), ending in "…" when cut.
std::string shortened(const std::string& text, std::size_t max) {
  if (text::length(text) <= max) return text;
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size() && count + 1 < max; ++count) {
    std::size_t n = 1;
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xF0)
      n = 4;
    else if (c >= 0xE0)
      n = 3;
    else if (c >= 0xC0)
      n = 2;
    out.append(text, i, n);
    i += n;
  }
  return out + "…";
}

}  // namespace

Service::Service(db::Database& db, const units::Service& units, const community::FireGroups& fire,
                 const community::Teams& teams, const cameras::Service& cameras, const notify::Service& notify,
                 const time::Clock& clock)
    : db_(db), units_(units), fire_(fire), teams_(teams), cameras_(cameras), notify_(notify), clock_(clock) {}

std::vector<Item> Service::due(std::int64_t commune_id) const {
  auto actor = system_actor();
  auto today = time::local_date(clock_.now());
  int year = std::stoi(today.substr(0, 4));
  std::vector<Item> out;
  auto fire = fire_.due(actor, commune_id);
  for (const auto& d : fire.expired.items) {
    const auto& e = d.extinguisher;
    out.push_back(item("ext-expired:" + std::to_string(e.id) + ":" + e.expires_on, "expired", e.village_id,
                       "line.expired", fmt::arg("household", d.household_code),
                       fmt::arg("date", day_of(e.expires_on))));
  }
  for (const auto& d : fire.expiring.items) {
    const auto& e = d.extinguisher;
    out.push_back(item("ext-expiring:" + std::to_string(e.id) + ":" + e.expires_on, "expiring", e.village_id,
                       "line.expiring", fmt::arg("household", d.household_code),
                       fmt::arg("date", day_of(e.expires_on))));
  }
  for (const auto& g : fire.without_drill.items) {
    out.push_back(item("no-drill:" + std::to_string(g.id) + ":" + std::to_string(year), "no_drill", g.village_id,
                       "line.no_drill", fmt::arg("group", g.code + " " + g.name), fmt::arg("year", year)));
  }
  int grading_year = community::rules::grading_year_or_current(0, today);
  auto sheet = teams_.grading(actor, commune_id, grading_year);
  if (sheet.window_open && sheet.status != "final" && !sheet.members.empty()) {
    out.push_back(item("grading:" + std::to_string(commune_id) + ":" + std::to_string(grading_year), "grading", 0,
                       "line.grading", fmt::arg("year", grading_year), fmt::arg("date", day_of(sheet.window_to))));
  }
  cameras::ListFilter filter;
  filter.unit_id = commune_id;
  filter.due = "reconfirm";
  filter.page_size = community::FireDue::kDueListed;
  for (const auto& v : cameras_.list(actor, filter).items) {
    const auto& c = v.camera;
    auto due = c.reconfirm_due.value_or(today);
    out.push_back(item("reconfirm:" + std::to_string(c.id) + ":" + due, "reconfirm", 0, "line.reconfirm",
                       fmt::arg("camera", c.code), fmt::arg("place", c.place), fmt::arg("date", day_of(due))));
  }
  return out;
}

std::string Service::summary(const std::vector<Item>& items, const std::string& commune, int year,
                             i18n::Locale locale) {
  std::map<std::string, int> counts;
  for (const auto& i : items) ++counts[i.kind];
  std::vector<std::string> parts;
  for (const char* kind : kKinds) {
    auto it = counts.find(kind);
    if (it == counts.end()) continue;
    parts.push_back(line(locale, std::string("count.") + kind, fmt::arg("count", it->second), fmt::arg("year", year)));
  }
  // As many counts as fit in two segments with the commune's name, the rest as "…".
  for (std::size_t kept = parts.size(); kept > 0; --kept) {
    std::string joined;
    for (std::size_t i = 0; i < kept; ++i) joined += (i == 0 ? "" : ", ") + parts[i];
    if (kept < parts.size()) joined += ", …";
    auto whole = line(locale, "summary", fmt::arg("items", joined), fmt::arg("commune", commune));
    if (text::length(whole) <= kSmsCharacters) return whole;
  }
  auto first = parts.empty() ? std::string() : parts.front();
  return shortened(line(locale, "summary", fmt::arg("items", first), fmt::arg("commune", commune)), kSmsCharacters);
}

RunResult Service::run() const {
  RunResult result;
  auto now = clock_.now();
  auto today = time::local_date(now);
  int year = std::stoi(today.substr(0, 4));
  std::vector<Recipient> people;
  db_.read([&](db::Tx& tx) { people = recipients(tx); });
  std::map<std::int64_t, std::vector<Item>> due_in;
  for (const auto& p : people) {
    if (due_in.contains(p.commune_id)) continue;
    try {
      due_in[p.commune_id] = due(p.commune_id);
    } catch (const std::exception& e) {
      spdlog::error("reminders: commune {} not read: {}", p.commune_id, e.what());
      due_in[p.commune_id] = {};
    }
  }
  result.communes = static_cast<int>(due_in.size());
  for (const auto& p : people) {
    auto commune = units_.find(p.commune_id);
    db_.write([&](db::Tx& tx) {
      auto seen = told(tx, p.id);
      std::vector<Item> fresh;
      for (const auto& i : due_in[p.commune_id]) {
        bool theirs = p.role == Role::officer || (i.village_id != 0 && i.village_id == p.unit_id);
        if (theirs && !seen.contains(i.key)) fresh.push_back(i);
      }
      if (fresh.empty()) return;
      auto name = commune ? commune->name : std::string();
      auto head = summary(fresh, name, year, p.locale);
      std::string body = head;
      for (const auto& i : fresh) body += "\n- " + (p.locale == i18n::Locale::en ? i.line_en : i.line_vi);
      auto subject = line(p.locale, "subject", fmt::arg("date", day_of(today)));
      int queued = 0;
      auto queue = [&](notify::Channel channel, const std::string& address, const std::string& text) {
        if (!notify_.offers(channel)) return;
        notify::NewNotification n{
            "reminder:" + today + ":" + std::to_string(p.id) + ":" + std::string(notify::code_of(channel)),
            channel,
            p.id,
            address,
            subject,
            text};
        if (notify_.enqueue(tx, n)) ++queued;
      };
      queue(notify::Channel::log, "", body);
      queue(notify::Channel::webhook, "", body);
      if (p.sms_opt_in && has_mobile(p.phone)) queue(notify::Channel::sms, p.phone, head);
      if (queued == 0) return;  // today's digest went already: the new items go tomorrow
      record(tx, p.id, fresh, now);
      ++result.users;
      result.notifications += queued;
    });
  }
  return result;
}

}  // namespace antq::reminders
