#pragma once
// Time: instants are UTC milliseconds since the epoch; calendar dates are local
// (Asia/Ho_Chi_Minh, UTC+7, no daylight saving) and written 'YYYY-MM-DD'.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace antq::time {

using Millis = std::int64_t;

// A seam so that tests can drive deadlines and expiry without waiting.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Millis now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Millis now() const override;
};

// The process's clock: the system clock, or, when told to follow an offset file, the
// system clock moved forward by the milliseconds written in that file (read at every
// call; a missing or empty file is 0). Only test builds let it follow a file
// (ANTQ_TEST_CLOCK_FILE), so that tests age forms and run out deadlines without sleeping.
class ProcessClock final : public Clock {
 public:
  Millis now() const override;
  void follow_offset_file(std::string path) { offset_file_ = std::move(path); }
  bool following() const { return !offset_file_.empty(); }

 private:
  std::string offset_file_;
};

// A clock that only moves when told to. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Millis start) : now_(start) {}
  Millis now() const override { return now_.load(); }
  void advance(Millis delta) { now_ += delta; }

 private:
  std::atomic<Millis> now_;
};

// '2026-11-28T07:05:03.120Z'
std::string format_iso_utc(Millis instant);
// The local (UTC+7) calendar date of an instant: '2026-11-28'.
std::string local_date(Millis instant);
// The local (UTC+7) time of day of an instant: '07:05'.
std::string local_time(Millis instant);
// A local date and time 'YYYY-MM-DDTHH:MM' (as an HTML datetime-local field sends it) as an
// instant; nullopt when it is not a real date and time.
std::optional<Millis> parse_local_datetime(std::string_view text);
// Parses 'YYYY-MM-DD' (a real calendar date); nullopt otherwise.
std::optional<std::string> parse_date(std::string_view text);
// Start of a local calendar day as a UTC instant. REQUIRES: `date` valid per parse_date.
Millis local_day_start(std::string_view date);
// The day before a valid date: '2025-07-01' -> '2025-06-30'.
std::string previous_day(std::string_view date);

}  // namespace antq::time
