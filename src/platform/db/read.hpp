#pragma once
// Rows into structs. A repo writes one reader function per struct, `T read(db::Reader&)`,
// that takes the columns in the order of its SELECT list; `one` and `all` run a query
// and read its rows with it. After each row they check that the reader took exactly the
// row's columns, so a column added to the SELECT and not to the reader (or the reverse)
// throws Error::internal naming the query on the first row any test reads.
//
//   Unit read_unit(db::Reader& r) { return Unit{r.i64(), r.text(), …}; }
//   std::optional<Unit> u = db::one(tx, kGet, read_unit, id);
//   std::vector<Unit> us = db::all(tx, kList, read_unit, path);
//   std::vector<Unit> page = db::all(tx, db::Query{"units.list", sql}, params.values(), read_unit);
//
// Braced initializers evaluate left to right, so `T{r.i64(), r.text()}` reads in order;
// function arguments do not (`f(r.i64(), r.text())` may read them in any order).
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/db/params.hpp"
#include "platform/page.hpp"

namespace antq::db {

class Reader {
 public:
  // `query` names the query in the errors; both must outlive the reader.
  Reader(const Row& row, std::string_view query) : row_(row), query_(query) {}

  std::int64_t i64() { return row_.i64(next()); }  // REQUIRES: not null
  int integer() { return static_cast<int>(i64()); }
  bool boolean() { return row_.boolean(next()); }
  double real() { return row_.real(next()); }       // REQUIRES: not null
  std::string text() { return row_.text(next()); }  // null reads as ""
  std::string blob() { return row_.blob(next()); }  // raw bytes; null reads as ""
  std::optional<std::int64_t> opt_i64() { return row_.opt_i64(next()); }
  std::optional<std::string> opt_text() { return row_.opt_text(next()); }
  std::optional<std::string> opt_blob();
  std::optional<double> opt_real();

  // Throws Error::internal unless every column of the row has been read.
  void finish() const;

 private:
  // The index of the next column; throws Error::internal past the last one.
  std::size_t next();

  const Row& row_;
  std::string_view query_;
  std::size_t next_ = 0;
};

template <typename Fn>
concept RowReader = std::invocable<Fn&, Reader&>;

template <RowReader Fn>
using ReadType = std::remove_cvref_t<std::invoke_result_t<Fn&, Reader&>>;

// One row of `query` read by `read`, checked to have read every column.
template <RowReader Fn>
ReadType<Fn> read_row(const Row& row, const Query& query, Fn&& read) {
  Reader reader(row, query.name);
  ReadType<Fn> out = read(reader);
  reader.finish();
  return out;
}

template <RowReader Fn>
std::vector<ReadType<Fn>> read_rows(const Rows& rows, const Query& query, Fn&& read) {
  std::vector<ReadType<Fn>> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(read_row(row, query, read));
  return out;
}

// The first row of the query, read; nullopt when it returns none.
template <RowReader Fn, typename... Args>
std::optional<ReadType<Fn>> one(Tx& tx, const Query& query, Fn&& read, Args&&... args) {
  auto row = tx.row(query, std::forward<Args>(args)...);
  if (!row) return std::nullopt;
  return read_row(*row, query, read);
}

template <RowReader Fn>
std::optional<ReadType<Fn>> one(Tx& tx, const Query& query, const std::vector<Value>& params, Fn&& read) {
  auto rows = tx.query(query, params);
  if (rows.empty()) return std::nullopt;
  return read_row(rows.front(), query, read);
}

// Every row of the query, read in order.
template <RowReader Fn, typename... Args>
std::vector<ReadType<Fn>> all(Tx& tx, const Query& query, Fn&& read, Args&&... args) {
  return read_rows(tx.rows(query, std::forward<Args>(args)...), query, read);
}

template <RowReader Fn>
std::vector<ReadType<Fn>> all(Tx& tx, const Query& query, const std::vector<Value>& params, Fn&& read) {
  return read_rows(tx.query(query, params), query, read);
}

// The single integer a query returns (count(*), RETURNING id); Error::internal when it
// returns no row or a row of more than one column.
// REQUIRES: the integer is not null.
std::int64_t scalar(Tx& tx, const Query& query, const std::vector<Value>& params = {});

template <typename... Args>
requires(sizeof...(Args) > 0 && (!std::same_as<std::remove_cvref_t<Args>, std::vector<Value>> && ...)) std::int64_t
    scalar(Tx& tx, const Query& query, Args&&... args) {
  return scalar(tx, query, std::vector<Value>{Tx::to_value(std::forward<Args>(args))...});
}

// Page `page` (from 1) of `page_size` rows of a filtered listing, and the total, by the
// queries "<name>.list": "SELECT " + columns + from_where + order_by + " LIMIT … OFFSET …",
// then "<name>.count": "SELECT count(*)" + from_where, only when the page cannot tell the
// total itself (a page that is full, or empty past the first): most lists fit on their
// first page and cost one query. `from_where` is " FROM … WHERE …" with its values in
// `params`; `order_by` is " ORDER BY …".
template <RowReader Fn>
Page<ReadType<Fn>> page(Tx& tx, std::string_view name, std::string_view columns, const std::string& from_where,
                        std::string_view order_by, Params params, int page, int page_size, Fn&& read) {
  Page<ReadType<Fn>> out;
  auto skipped = static_cast<std::int64_t>(page - 1) * page_size;
  auto counted = params.values();
  std::string limit = params.add(static_cast<std::int64_t>(page_size));
  std::string offset = params.add(skipped);
  std::string list_name = std::string(name) + ".list";
  std::string sql =
      "SELECT " + std::string(columns) + from_where + std::string(order_by) + " LIMIT " + limit + " OFFSET " + offset;
  out.items = all(tx, Query{list_name, sql}, params.values(), read);
  auto got = static_cast<std::int64_t>(out.items.size());
  if (got < page_size && (got > 0 || page == 1)) {
    out.total = skipped + got;  // the page ends the list
  } else {
    std::string count_name = std::string(name) + ".count";
    out.total = scalar(tx, Query{count_name, "SELECT count(*)" + from_where}, counted);
  }
  return out;
}

}  // namespace antq::db
