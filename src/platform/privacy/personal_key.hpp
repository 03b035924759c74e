#pragma once
// The installation's personal-data key: a 32-byte file outside the database
// ([privacy] key_file, mode 0600), so that a stolen database or backup reveals no name,
// phone or address. The database remembers the fingerprint of the key that first sealed
// data into it, so a server started with another key (a lost file replaced, an instance
// configured with the wrong one) refuses instead of mixing keys.
#include <filesystem>

#include "platform/crypto/sealer.hpp"
#include "platform/db/database.hpp"
#include "platform/time/time.hpp"

namespace antq::privacy {

// Reads the key file; makes one (0600) when it does not exist and no data was sealed yet.
// Throws std::runtime_error, naming the file and what to do, when the file is missing but
// sealed data exists, when it is not a key, or when it is not the key the data was
// sealed with.
crypto::FieldSealer open_key(const std::filesystem::path& file, db::Database& db);

// In every transaction that seals personal data: the first records the key's
// fingerprint, a later one with another key is refused (Error::internal).
void check_key(db::Tx& tx, const crypto::FieldSealer& sealer, time::Millis now);

}  // namespace antq::privacy
