#pragma once
// The first rows of a list and the count of all its rows, read by one statement whose
// first column is `count(*) OVER ()`: the database counts the rows before its LIMIT. Made
// for lists it sorts whole anyway (an ORDER BY no index gives), where the count costs
// nothing more than the rows and saves the second round trip db::page would make.
//
//   SELECT count(*) OVER (), g.id, g.code … FROM fire_groups g WHERE … ORDER BY g.code LIMIT $3
#include <cstdint>
#include <utility>

#include "platform/db/read.hpp"

namespace antq::db {

template <RowReader Fn, typename... Args>
Page<ReadType<Fn>> top(Tx& tx, const Query& query, Fn&& read, Args&&... args) {
  Page<ReadType<Fn>> out;
  out.items = all(
      tx, query,
      [&](Reader& r) {
        out.total = r.i64();
        return read(r);
      },
      std::forward<Args>(args)...);
  return out;
}

}  // namespace antq::db
