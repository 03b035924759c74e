#include "platform/crypto/box.hpp"

#include <sodium.h>

#include <stdexcept>

namespace antq::crypto {
namespace {

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

void require_size(std::string_view s, std::size_t n, const char* what) {
  if (s.size() != n) throw std::invalid_argument(std::string(what) + " has the wrong size");
}

static_assert(sizeof(crypto_secretstream_xchacha20poly1305_state) <= 52, "secretstream state size changed");
static_assert(crypto_secretstream_xchacha20poly1305_HEADERBYTES == StreamEncryptor::kHeaderBytes);

}  // namespace

KeyPair new_key_pair() {
  KeyPair k{std::string(crypto_box_PUBLICKEYBYTES, '\0'), std::string(crypto_box_SECRETKEYBYTES, '\0')};
  crypto_box_keypair(bytes(k.public_key), bytes(k.secret_key));
  return k;
}

KeyPair key_pair_from_seed(std::string_view seed) {
  require_size(seed, crypto_box_SEEDBYTES, "seed");
  KeyPair k{std::string(crypto_box_PUBLICKEYBYTES, '\0'), std::string(crypto_box_SECRETKEYBYTES, '\0')};
  crypto_box_seed_keypair(bytes(k.public_key), bytes(k.secret_key), bytes(seed));
  return k;
}

std::string seal(std::string_view public_key, std::string_view plaintext) {
  require_size(public_key, crypto_box_PUBLICKEYBYTES, "public key");
  std::string out(plaintext.size() + crypto_box_SEALBYTES, '\0');
  crypto_box_seal(bytes(out), bytes(plaintext), plaintext.size(), bytes(public_key));
  return out;
}

std::optional<std::string> open_sealed(const KeyPair& keys, std::string_view ciphertext) {
  if (ciphertext.size() < crypto_box_SEALBYTES || keys.public_key.size() != crypto_box_PUBLICKEYBYTES ||
      keys.secret_key.size() != crypto_box_SECRETKEYBYTES) {
    return std::nullopt;
  }
  std::string out(ciphertext.size() - crypto_box_SEALBYTES, '\0');
  if (crypto_box_seal_open(bytes(out), bytes(ciphertext), ciphertext.size(), bytes(keys.public_key),
                           bytes(keys.secret_key)) != 0) {
    return std::nullopt;
  }
  return out;
}

std::string secretbox(std::string_view key, std::string_view plaintext) {
  require_size(key, crypto_secretbox_KEYBYTES, "key");
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(bytes(out) + crypto_secretbox_NONCEBYTES, bytes(plaintext), plaintext.size(), bytes(out),
                        bytes(key));
  return out;
}

std::optional<std::string> open_secretbox(std::string_view key, std::string_view boxed) {
  if (key.size() != crypto_secretbox_KEYBYTES ||
      boxed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return std::nullopt;
  }
  std::string out(boxed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(bytes(out), bytes(boxed) + crypto_secretbox_NONCEBYTES,
                                 boxed.size() - crypto_secretbox_NONCEBYTES, bytes(boxed), bytes(key)) != 0) {
    return std::nullopt;
  }
  return out;
}

std::string derive_key(std::string_view secret, std::string_view salt) {
  static_assert(kInteractiveKdf.passes == crypto_pwhash_OPSLIMIT_INTERACTIVE);
  static_assert(kInteractiveKdf.memory == crypto_pwhash_MEMLIMIT_INTERACTIVE);
  return derive_key(secret, salt, kInteractiveKdf);
}

std::string derive_key(std::string_view secret, std::string_view salt, const KdfLimits& limits) {
  require_size(salt, crypto_pwhash_SALTBYTES, "salt");
  std::string key(kKeyBytes, '\0');
  if (crypto_pwhash(bytes(key), key.size(), secret.data(), secret.size(), bytes(salt), limits.passes, limits.memory,
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while deriving a key");
  }
  return key;
}

std::string keyed_hash(std::string_view key, std::string_view message) {
  require_size(key, crypto_generichash_KEYBYTES, "hash key");
  std::string out(crypto_generichash_BYTES, '\0');
  crypto_generichash(bytes(out), out.size(), bytes(message), message.size(), bytes(key), key.size());
  return out;
}

void wipe(std::string& secret) {
  if (!secret.empty()) sodium_memzero(secret.data(), secret.size());
  secret.clear();
}

StreamEncryptor::StreamEncryptor(std::string_view key)
    : header_(crypto_secretstream_xchacha20poly1305_HEADERBYTES, '\0') {
  require_size(key, crypto_secretstream_xchacha20poly1305_KEYBYTES, "stream key");
  crypto_secretstream_xchacha20poly1305_init_push(
      reinterpret_cast<crypto_secretstream_xchacha20poly1305_state*>(state_), bytes(header_), bytes(key));
}

std::string StreamEncryptor::push(std::string_view chunk, bool last) {
  std::string out(chunk.size() + crypto_secretstream_xchacha20poly1305_ABYTES, '\0');
  crypto_secretstream_xchacha20poly1305_push(
      reinterpret_cast<crypto_secretstream_xchacha20poly1305_state*>(state_), bytes(out), nullptr, bytes(chunk),
      chunk.size(), nullptr, 0,
      last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
  return out;
}

StreamDecryptor::StreamDecryptor(std::string_view key, std::string_view header) {
  require_size(key, crypto_secretstream_xchacha20poly1305_KEYBYTES, "stream key");
  require_size(header, crypto_secretstream_xchacha20poly1305_HEADERBYTES, "stream header");
  if (crypto_secretstream_xchacha20poly1305_init_pull(
          reinterpret_cast<crypto_secretstream_xchacha20poly1305_state*>(state_), bytes(header), bytes(key)) != 0) {
    throw std::invalid_argument("invalid stream header");
  }
}

std::optional<std::string> StreamDecryptor::pull(std::string_view chunk) {
  if (finished_ || chunk.size() < crypto_secretstream_xchacha20poly1305_ABYTES) return std::nullopt;
  std::string out(chunk.size() - crypto_secretstream_xchacha20poly1305_ABYTES, '\0');
  unsigned char tag = 0;
  if (crypto_secretstream_xchacha20poly1305_pull(reinterpret_cast<crypto_secretstream_xchacha20poly1305_state*>(state_),
                                                 bytes(out), nullptr, &tag, bytes(chunk), chunk.size(), nullptr,
                                                 0) != 0) {
    return std::nullopt;
  }
  finished_ = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  return out;
}

}  // namespace antq::crypto
