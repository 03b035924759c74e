#pragma once
// Households (hộ gia đình) and their yearly registration to build a safe residential area
// (đăng ký xây dựng khu dân cư an toàn về ANTT), whose share per village is a legal
// criterion (100%).
//
// Who (docs/architecture.md, "Community"): commune officers and administrators keep the
// households of their scope; a village team member keeps those of their own village;
// registrations and consent withdrawals are recorded by officers and teams only;
// reviewers read them without phones; auditors see none (403). Outside the caller's
// scope a household does not exist (404). The phone is sealed and read by officers only,
// with a reason; every change and every phone read is audited with field names only.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/access.hpp"
#include "modules/audit/service.hpp"
#include "modules/community/model.hpp"
#include "modules/community/offline.hpp"
#include "modules/units/service.hpp"
#include "platform/crypto/sealer.hpp"
#include "platform/db/database.hpp"
#include "platform/importkit/importkit.hpp"
#include "platform/page.hpp"
#include "platform/time/time.hpp"

namespace antq::community {

// A household as a form or a sheet gives it, checked by the service (field errors name
// each bad field). On a change, `phone` unset keeps the stored phone and "" removes it.
struct HouseholdInput {
  std::optional<std::int64_t> village_id;
  std::string head_name;
  std::string address;
  int members = 1;
  std::optional<std::string> phone;  // as typed ("0912 345 678"); needs a consent
  std::optional<Consent> consent;    // unset on a change: kept
  std::optional<std::string> since_on;
  std::optional<std::string> left_on;
  std::string note;
  bool demo = false;
  std::int64_t version = 0;  // a change: the version the user saw
};

struct HouseholdFilter {
  std::optional<std::int64_t> unit_id;  // a commune or village in scope; default the scope
  std::string q;                        // words of the code, head or address, accents ignored
  int year = 0;                         // the registration year; default this year
  std::optional<bool> registered;       // in `year`
  bool include_left = false;
  int page = 1;
  int page_size = 50;
};

// A household as lists and pages show it: no phone, only whether there is one.
struct HouseholdView {
  Household household;  // phone_sealed and phone_lookup cleared
  std::string village_name;
  std::string village_path;
  bool has_phone = false;
  int registration_year = 0;                 // the year `registration` is about
  std::optional<Registration> registration;  // in the filter's year (list) or this year (get)
};

struct HouseholdDetail {
  HouseholdView view;
  std::vector<Registration> registrations;  // newest year first
};

// A registration tick as a form or an offline phone sends it.
struct RegistrationInput {
  std::string registered_on;  // yyyy-mm-dd, within the registration year, not in the future
  bool signed_form = false;
  std::string note;
  std::int64_t base_version = 0;            // 0: new; else the version the sender last saw
  std::optional<time::Millis> device_at{};  // the phone's clock when recorded offline
};

struct RegistrationWrite {
  Registration registration;            // as stored now
  Outcome outcome = Outcome::inserted;  // never conflict: that is Error::conflict (409)
};

// One village's figure for a year: households present on the report day, how many
// registered, and those still missing (by code).
struct VillageRegistration {
  std::int64_t village_id = 0;
  std::string village_name;
  bool historic = false;  // a dissolved village, shown under its own name
  std::int64_t households = 0;
  std::int64_t registered = 0;
  std::optional<double> share;  // registered ÷ households; none without households
  std::vector<HouseholdView> missing;
};

struct RegistrationReport {
  int year = 0;
  std::string day;  // households present on this day count
  std::vector<VillageRegistration> villages;
  bool missing_truncated = false;  // more missing households than listed (500 in all)
  std::int64_t households = 0;
  std::int64_t registered = 0;
  std::optional<double> share;
};

struct HouseholdImportOptions {
  std::optional<std::int64_t> unit_id;  // the commune the sheet is about
  bool dry_run = false;                 // check every row and count, write nothing
  bool demo = false;                    // the new households are demo data
  // Called after each row checked with the rows done and the rows in all.
  std::function<void(std::size_t done, std::size_t total)> progress{};
};

struct HouseholdImportResult {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  int registrations = 0;  // registrations written (new or changed)
  bool dry_run = false;
  std::string encoding;  // "UTF-8", "windows-1258" or "xlsx", as the file came
};

// Members default to empty, so designated initializers may leave any of them out.
struct HouseholdExportOptions {
  std::optional<std::int64_t> unit_id{};
  bool xlsx = false;
  int year = 0;          // the registration year written; default this year
  bool phones = false;   // officers only, with a reason (audited)
  std::string reason{};  // required with phones
};

class Households {
 public:
  Households(db::Database& db, const audit::Service& audit, const units::Service& units, const time::Clock& clock,
             const crypto::FieldSealer& personal_key)
      : db_(db), audit_(audit), units_(units), clock_(clock), personal_key_(personal_key) {}

  Page<HouseholdView> list(const Actor& actor, const HouseholdFilter& filter) const;
  HouseholdDetail get(const Actor& actor, std::int64_t id) const;
  HouseholdView create(const Actor& actor, const HouseholdInput& input) const;
  // 409 when the household changed since `input.version`.
  HouseholdView update(const Actor& actor, std::int64_t id, const HouseholdInput& input) const;
  // The phone in E.164 ("+84912345678"), for officers only, with a reason; "" when none.
  std::string phone(const Actor& actor, std::int64_t id, std::string_view reason) const;
  // The household withdraws its consent: the phone is erased, the household stays.
  HouseholdView withdraw_consent(const Actor& actor, std::int64_t id) const;

  // The registration of a household for a year, written by the offline rule (offline.hpp):
  // the same content sent twice is stored once; a stale base version throws
  // Error::conflict (409) and writes nothing.
  RegistrationWrite register_year(const Actor& actor, std::int64_t household_id, int year,
                                  const RegistrationInput& input) const;
  // Per village under `unit_id` (default the scope): the share registered in `year`
  // among the households present on the report day (today, or 31/10 of a past year).
  RegistrationReport registrations(const Actor& actor, std::optional<std::int64_t> unit_id, int year) const;

  // A commune's household sheet (CSV or .xlsx, the columns of household_sheet.cpp): a row
  // is the household of its code, else of the same village, head and address, else a new
  // one; a ticked registration is recorded for its year. Every bad row is named by its
  // line and nothing is written (Error::csv).
  HouseholdImportResult import_sheet(const Actor& actor, std::string_view bytes,
                                     const HouseholdImportOptions& options) const;
  // The households present under a unit as the same sheet (an export imports back
  // unchanged), audited.
  std::string export_sheet(const Actor& actor, const HouseholdExportOptions& options) const;

  std::string today() const;

 private:
  struct Planned;
  std::vector<Planned> plan_import(db::Tx& tx, const Actor& actor, const importkit::Sheet& sheet,
                                   const units::Unit& commune, const HouseholdImportOptions& options,
                                   std::vector<FieldError>& errors) const;
  void apply_import(db::Tx& tx, const Actor& actor, std::vector<Planned>& plan, const HouseholdImportOptions& options,
                    HouseholdImportResult& result) const;
  // A registration's fields checked (errors into `errors`), its content hash made.
  Registration checked_registration(FieldErrors& errors, std::int64_t household_id, int year,
                                    const RegistrationInput& in) const;
  HouseholdView load(db::Tx& tx, const Actor& actor, std::int64_t id) const;
  Household checked(db::Tx& tx, const Actor& actor, const HouseholdInput& input, Household base) const;
  // A current village in the actor's scope, else the field error village_id: not_found.
  units::Unit village_in_scope(db::Tx& tx, const Actor& actor, std::int64_t village_id) const;
  std::shared_ptr<const units::Service::UnitSet> villages_of(db::Tx& tx, const Actor& actor,
                                                             std::optional<std::int64_t> unit_id) const;
  HouseholdView view_of(Household h, const units::Unit& village, int year,
                        std::optional<Registration> registration) const;

  db::Database& db_;
  const audit::Service& audit_;
  const units::Service& units_;
  const time::Clock& clock_;
  const crypto::FieldSealer& personal_key_;
};

}  // namespace antq::community
