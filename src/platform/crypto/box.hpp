#pragma once
// Encryption at rest (libsodium): key pairs and sealed boxes for data sent to a unit,
// secret boxes for wrapping keys, Argon2id key derivation, and chunked secret streams
// for files. Byte strings are std::string. Thread-safe after crypto::init().
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace antq::crypto {

struct KeyPair {
  std::string public_key;  // 32 bytes (X25519)
  std::string secret_key;  // 32 bytes; wipe with wipe() when done
};

KeyPair new_key_pair();
// The same seed always gives the same key pair. REQUIRES: seed is 32 bytes.
KeyPair key_pair_from_seed(std::string_view seed);

// Anonymous encryption to a public key: only the secret key opens it.
std::string seal(std::string_view public_key, std::string_view plaintext);
// nullopt when the ciphertext was not sealed to this key pair or was altered.
std::optional<std::string> open_sealed(const KeyPair& keys, std::string_view ciphertext);

// Authenticated symmetric encryption with a 32-byte key; a random nonce is prepended.
std::string secretbox(std::string_view key, std::string_view plaintext);
std::optional<std::string> open_secretbox(std::string_view key, std::string_view boxed);

// A 32-byte key from a password or receipt and a 16-byte salt (Argon2id, interactive
// limits: ~70 ms, 64 MiB). Slow on purpose: never on a network thread.
std::string derive_key(std::string_view secret, std::string_view salt);
// The same with explicit Argon2id limits (passes, bytes of memory).
struct KdfLimits {
  unsigned long long passes = 2;
  std::size_t memory = 64u << 20;
};
constexpr KdfLimits kInteractiveKdf{2, 64u << 20};
std::string derive_key(std::string_view secret, std::string_view salt, const KdfLimits& limits);
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;

// BLAKE2b-256 keyed with a 32-byte key (domain-separated identifiers, MACs).
std::string keyed_hash(std::string_view key, std::string_view message);

// Overwrites a string's bytes with zeros before it is freed.
void wipe(std::string& secret);

// Encrypts a file in chunks (XChaCha20-Poly1305 secretstream): the first call returns the
// header, then one ciphertext per push(); the last chunk must be pushed with `last`.
class StreamEncryptor {
 public:
  explicit StreamEncryptor(std::string_view key);
  const std::string& header() const { return header_; }
  std::string push(std::string_view chunk, bool last);
  static constexpr std::size_t kOverhead = 17;     // bytes added to each chunk
  static constexpr std::size_t kHeaderBytes = 24;  // the header's size

 private:
  alignas(16) unsigned char state_[52];
  std::string header_;
};

class StreamDecryptor {
 public:
  // Throws std::invalid_argument when the header does not belong to the key.
  StreamDecryptor(std::string_view key, std::string_view header);
  // nullopt when a chunk was altered, reordered, or follows the last one.
  std::optional<std::string> pull(std::string_view chunk);
  bool finished() const { return finished_; }

 private:
  alignas(16) unsigned char state_[52];
  bool finished_ = false;
};

}  // namespace antq::crypto
