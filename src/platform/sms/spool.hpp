#pragma once
// Text messages handed to gammu-smsd through its files backend: a file in its outbox
// folder (OutboxPath), which the daemon sends through the USB modem and moves to its
// sent folder. No internet is needed, only the modem's SIM.
// The name is OUT<priority><yyyymmdd>_<hhmmss>_<serial>_<number>_<note>.txt (local
// time), and the content UTF-16LE with a byte-order mark, which gammu reads as Unicode
// text, so that Vietnamese keeps its diacritics. The file is written under a name gammu
// ignores (no "OUT" in front), flushed to disk, then renamed: the daemon never sees half
// a message.
#include <filesystem>
#include <string>
#include <string_view>

#include "platform/time/time.hpp"

namespace antq::sms {

struct SpoolMessage {
  std::string e164;  // "+84912345678"
  std::string text;  // UTF-8
  std::string note;  // letters and digits only, in the name: "antq42"
  time::Millis at = 0;
};

// The file name gammu-smsd reads for `m` (priority A, serial 00).
std::string spool_name(const SpoolMessage& m);
// `utf8` as UTF-16LE with a BOM; throws std::invalid_argument on bytes that are not UTF-8.
std::string utf16le_with_bom(std::string_view utf8);
// Writes `m` into `outbox` and returns the file's name; throws std::runtime_error naming
// the folder when it cannot (missing, not writable, disk full), leaving no file behind.
std::string spool(const std::filesystem::path& outbox, const SpoolMessage& m);

}  // namespace antq::sms
