#include "platform/media/media.hpp"

#include <magic.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>
#pragma GCC diagnostic pop

#include <array>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace antq::media {
namespace {

// libmagic handles are not thread-safe: one per thread, loaded once.
magic_t magic_handle() {
  struct Handle {
    magic_t m = magic_open(MAGIC_MIME_TYPE);
    Handle() {
      if (!m || magic_load(m, nullptr) != 0) throw std::runtime_error("libmagic: cannot load its database");
    }
    ~Handle() {
      if (m) magic_close(m);
    }
  };
  thread_local Handle handle;
  return handle.m;
}

void init_exiv2() {
  static std::once_flag once;
  std::call_once(once, [] {
    Exiv2::XmpParser::initialize();
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
  });
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
std::unique_ptr<Exiv2::Image> open_image(std::string_view bytes) {
  init_exiv2();
  return std::unique_ptr<Exiv2::Image>(
      Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()), static_cast<long>(bytes.size()))
          .release());
}
#pragma GCC diagnostic pop

struct Accepted {
  std::string_view mime;
  Family family;
  std::string_view extension;
};

constexpr std::array<Accepted, 18> kAccepted{{
    {"image/jpeg", Family::image, ".jpg"},
    {"image/png", Family::image, ".png"},
    {"image/webp", Family::image, ".webp"},
    {"application/pdf", Family::pdf, ".pdf"},
    {"audio/mpeg", Family::audio, ".mp3"},
    {"audio/ogg", Family::audio, ".ogg"},
    {"audio/x-wav", Family::audio, ".wav"},
    {"audio/wav", Family::audio, ".wav"},
    {"audio/x-m4a", Family::audio, ".m4a"},
    {"audio/aac", Family::audio, ".aac"},
    {"audio/amr", Family::audio, ".amr"},
    {"audio/webm", Family::audio, ".weba"},
    {"video/mp4", Family::video, ".mp4"},
    {"video/quicktime", Family::video, ".mov"},
    {"video/webm", Family::video, ".webm"},
    {"video/3gpp", Family::video, ".3gp"},
    {"video/x-matroska", Family::video, ".mkv"},
    {"video/x-msvideo", Family::video, ".avi"},
}};

const Accepted* find(std::string_view mime) {
  for (const auto& a : kAccepted) {
    if (a.mime == mime) return &a;
  }
  return nullptr;
}

}  // namespace

std::string sniff(std::string_view head) {
  const char* type = magic_buffer(magic_handle(), head.data(), head.size());
  return type ? std::string(type) : "application/octet-stream";
}

std::optional<Family> accepted(std::string_view mime) {
  if (const auto* a = find(mime)) return a->family;
  return std::nullopt;
}

std::string extension(std::string_view mime) {
  const auto* a = find(mime);
  return a ? std::string(a->extension) : "";
}

std::string strip_metadata(std::string_view bytes) {
  try {
    auto image = open_image(bytes);
    image->readMetadata();
    image->clearMetadata();
    image->writeMetadata();
    auto& io = image->io();
    io.seek(0, Exiv2::BasicIo::beg);
    Exiv2::DataBuf buf = io.read(static_cast<long>(io.size()));
    return std::string(reinterpret_cast<const char*>(buf.pData_), static_cast<std::size_t>(buf.size_));
  } catch (const Exiv2::AnyError& e) {
    throw std::runtime_error(std::string("image metadata: ") + e.what());
  }
}

bool has_metadata(std::string_view bytes) {
  try {
    auto image = open_image(bytes);
    image->readMetadata();
    return !image->exifData().empty() || !image->xmpData().empty() || !image->iptcData().empty();
  } catch (const Exiv2::AnyError& e) {
    throw std::runtime_error(std::string("image metadata: ") + e.what());
  }
}

}  // namespace antq::media
