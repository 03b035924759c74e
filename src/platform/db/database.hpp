#pragma once
// One SQL layer, two drivers (SQLite embedded, PostgreSQL server). Repos write portable
// SQL with numbered parameters ($1, $2 …) and name every query, so that logs and
// metrics can refer to it. Services never include this header's drivers: they get a
// Database& from the application context.
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace antq::db {

struct Blob {
  std::string bytes;
};

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, Blob>;

// A named, portable SQL statement. Use string literals: the driver caches by the text.
struct Query {
  std::string_view name;
  std::string_view sql;
  // PostgreSQL sends the results in binary (no hex for large blobs). Only for queries
  // whose columns are bytea, bigint, integer, boolean or text.
  bool binary_results = false;
};

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  bool is_null(std::size_t i) const;
  std::int64_t i64(std::size_t i) const;  // REQUIRES: not null
  std::string text(std::size_t i) const;  // null reads as ""
  std::string blob(std::size_t i) const;  // raw bytes; null reads as ""
  bool boolean(std::size_t i) const { return i64(i) != 0; }
  double real(std::size_t i) const;  // REQUIRES: not null; PostgreSQL sends float8 as text
  std::optional<std::int64_t> opt_i64(std::size_t i) const;
  std::optional<std::string> opt_text(std::size_t i) const;
  std::size_t size() const { return values_.size(); }

 private:
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;

// What a driver reports when the database refuses a statement.
class DbError : public std::runtime_error {
 public:
  enum class Kind { unique_violation, foreign_key_violation, busy, other };
  DbError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

enum class Dialect { sqlite, postgres };

// A connection inside a transaction. Not thread-safe; valid only inside read()/write().
class Tx {
 public:
  virtual ~Tx() = default;
  virtual Rows query(const Query& q, const std::vector<Value>& params) = 0;
  // Returns the number of rows changed.
  virtual std::int64_t execute(const Query& q, const std::vector<Value>& params) = 0;
  // Runs several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  virtual Dialect dialect() const = 0;
  // In a read transaction, a count of this Database's changes made before the snapshot was
  // taken (each of them is in it): on SQLite the transactions its writer committed, on
  // PostgreSQL the change notices its connections received. nullopt in a write
  // transaction. See db::Recheck.
  virtual std::optional<std::uint64_t> own_commits_before() const { return std::nullopt; }
  // Promises that the next statement is the transaction's last. On PostgreSQL the
  // transaction then ends with it, in its round trip: one that has sent nothing runs it
  // alone (a snapshot of its own, committed at once), without BEGIN and COMMIT; one that
  // began sends its COMMIT with it. So when that statement returns, its work is committed
  // (a read's is over): nothing the function does after it can roll it back, and there a
  // statement after it throws std::logic_error.
  virtual void next_is_last() {}

  template <typename... Args>
  Rows rows(const Query& q, Args&&... args) {
    return query(q, std::vector<Value>{to_value(std::forward<Args>(args))...});
  }
  template <typename... Args>
  std::optional<Row> row(const Query& q, Args&&... args) {
    auto r = rows(q, std::forward<Args>(args)...);
    if (r.empty()) return std::nullopt;
    return std::move(r.front());
  }
  template <typename... Args>
  std::int64_t exec(const Query& q, Args&&... args) {
    return execute(q, std::vector<Value>{to_value(std::forward<Args>(args))...});
  }

  static Value to_value(std::nullptr_t) { return nullptr; }
  static Value to_value(bool b) { return static_cast<std::int64_t>(b ? 1 : 0); }
  static Value to_value(int i) { return static_cast<std::int64_t>(i); }
  static Value to_value(long i) { return static_cast<std::int64_t>(i); }
  static Value to_value(long long i) { return static_cast<std::int64_t>(i); }
  static Value to_value(double d) { return d; }
  static Value to_value(const char* s) { return std::string(s); }
  static Value to_value(std::string s) { return s; }
  static Value to_value(std::string_view s) { return std::string(s); }
  static Value to_value(Blob b) { return b; }
  static Value to_value(Value v) { return v; }
  template <typename T>
  static Value to_value(const std::optional<T>& o) {
    if (!o) return nullptr;
    return to_value(*o);
  }
};

struct PoolStats {
  int size = 0;
  int in_use = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  // Runs `fn` in a read-only transaction (a consistent snapshot). Thread-safe.
  virtual void read(const std::function<void(Tx&)>& fn) = 0;
  // Runs `fn` in one read-write transaction: committed durably when fn returns, rolled
  // back (and the exception rethrown) when it throws. Thread-safe.
  // REQUIRES: not called from inside another read() or write() on the same thread.
  virtual void write(const std::function<void(Tx&)>& fn) = 0;
  // The same write without waiting for it: `done` is called once, with nullptr when the
  // transaction is durable, or with the exception it failed with (nothing written). The
  // caller's thread is free meanwhile: SQLite queues it for the writer's next group
  // commit, PostgreSQL for a thread of its own that runs such writes in order; `done` is
  // called from that thread.
  // REQUIRES: `done` does not throw and does not call read() or write().
  virtual void write_then(std::function<void(Tx&)> fn, std::function<void(std::exception_ptr)> done) = 0;
  // A read() without waiting for it, on a thread that runs such jobs in order (on
  // PostgreSQL the write_then()s' thread, so the two take turns and neither waits for a
  // thread to wake): `done` is called from there once, with nullptr or the exception
  // `fn` threw.
  // REQUIRES: `done` does not throw and does not call read() or write().
  virtual void read_then(std::function<void(Tx&)> fn, std::function<void(std::exception_ptr)> done) = 0;
  virtual Dialect dialect() const = 0;
  virtual PoolStats pool_stats() const = 0;
  // A consistent copy of the whole database to `path` while others keep working.
  virtual void backup_to(const std::string& path) = 0;
};

struct Options {
  int pool_size = 4;  // read connections (SQLite) or connections (PostgreSQL)
};

// "sqlite:///abs/path/antq.db" or "postgresql://user@host:port/db". Throws on failure.
std::unique_ptr<Database> open(const std::string& url, const Options& options);

// Hides the password of a postgresql:// URL for logs.
std::string redact_url(const std::string& url);

}  // namespace antq::db
