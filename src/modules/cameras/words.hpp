#pragma once
// The words officers write in their camera sheets, and the codes they mean: "Hỏng" is
// faulty, "Xã hội hóa" socialised, "Thẻ nhớ" memory_card. Compared folded (accents and
// case away), codes accepted as they are. The one place these words live: the import
// reads them, the export writes the first word of each code.
#include <string>
#include <string_view>

namespace antq::cameras::words {

enum class Column { owner_kind, status, sharing, storage, funding };

// The code `cell` means in `column`; the cell itself when it means nothing (the service
// then names it as an unknown value), "" for an empty cell.
std::string code_for(Column column, std::string_view cell);
// The Vietnamese words a sheet shows for a code ("faulty" -> "Hỏng").
std::string_view words_for(Column column, std::string_view code);

}  // namespace antq::cameras::words
