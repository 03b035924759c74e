#pragma once
// Numbered parameters for SQL assembled from optional filters: each value added gets the
// next placeholder ($1, $2 …), so that clauses and values cannot drift apart.
#include <string>
#include <string_view>
#include <vector>

#include "platform/db/database.hpp"

namespace antq::db {

class Params {
 public:
  Params() = default;
  explicit Params(std::vector<Value> initial) : values_(std::move(initial)) {}

  // Adds a value; returns its placeholder.
  std::string add(Value v) {
    values_.push_back(std::move(v));
    return "$" + std::to_string(values_.size());
  }
  const std::vector<Value>& values() const { return values_; }

 private:
  std::vector<Value> values_;
};

// A search term for `column LIKE '%' || term || '%'` on folded text: folded like the
// column (lower case, no diacritics, đ → d) and without LIKE's wildcards or the
// backslash (PostgreSQL's LIKE escape, none on SQLite: the same term matches the same).
std::string like_term(std::string_view query);

// A list of ids as one parameter: `ids_json` makes the value ("[3,7,42]") and `in_ids`
// the condition "`column` is one of them" in the dialect, for
// "WHERE " + in_ids(dialect, "h.village_id", "$1"). One parameter whatever the count, so a
// commune's 20 villages and a province's 2,500 share one prepared statement. SQLite
// unpacks the JSON (`IN (SELECT value FROM json_each($1))`); PostgreSQL compares with an
// array (`= ANY (…::bigint[])`), which its planner serves from the column's index (an IN
// over json_array_elements_text read all 500,000 households of the bench instead). The
// array is made by immutable functions only (`string_to_array`, then each text read as a
// bigint), so a plan made for the value holds it as a constant and hashes it where a table
// is scanned: made by `CAST(… AS bigint[])` from text (a stable function), every row of a
// scan compared itself with every id in turn (model sites × a province's 2,952 units, 0.85
// s; docs/performance.md, "Community").
std::string ids_json(const std::vector<std::int64_t>& ids);
std::string in_ids(Dialect dialect, std::string_view column, std::string_view placeholder);

// The text of a statement that writes `rows` rows at once, for a Query: `head` ("INSERT
// INTO t (a, b, c) VALUES "), then `row` ("($1, $2, $2)", numbered as for the first row,
// `per_row` parameters each) once a row, each row's numbers moved on by `per_row`, then
// `tail` (" RETURNING id"). Made once per shape and kept for the process's life, as
// Query's text must be; the parameters go row after row.
std::string_view rows_sql(std::string_view head, std::string_view row, int per_row, int rows,
                          std::string_view tail = {});

}  // namespace antq::db
