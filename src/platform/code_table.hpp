#pragma once
// Enumerations stored and sent as text codes: one table of (value, code) pairs per enum,
// read both ways.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace antq {

template <typename E, std::size_t N>
using CodeTable = std::array<std::pair<E, std::string_view>, N>;

// The code of `value` (REQUIRES: the table has every value; else the first code).
template <typename E, std::size_t N>
std::string_view code_in(const CodeTable<E, N>& table, E value) {
  for (const auto& [e, c] : table) {
    if (e == value) return c;
  }
  return table.front().second;
}

// The value whose code is `code`, or nullopt.
template <typename E, std::size_t N>
std::optional<E> value_in(const CodeTable<E, N>& table, std::string_view code) {
  for (const auto& [e, c] : table) {
    if (c == code) return e;
  }
  return std::nullopt;
}

}  // namespace antq
