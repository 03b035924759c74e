#pragma once
// What an uploaded file really is (libmagic, from its content, never from its name), and
// photos without their metadata (libexiv2: EXIF with the GPS position, XMP, IPTC,
// comments), so that a tip's photo does not give away where or by whom it was taken.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace antq::media {

// How many first bytes sniff() needs to decide.
constexpr std::size_t kSniffBytes = std::size_t{16} * 1024;

// The MIME type of a file from its first bytes ("image/jpeg", "application/x-dosexec" …).
std::string sniff(std::string_view head);

enum class Family { image, pdf, audio, video };

// The accepted family of a sniffed type; nullopt when such files are refused.
// Images are accepted only in the formats whose metadata can be removed.
std::optional<Family> accepted(std::string_view mime);

// The image again, without EXIF (GPS included), XMP, IPTC and comments. Throws
// std::runtime_error when the image cannot be read or rewritten.
std::string strip_metadata(std::string_view image);

// True when the image still carries EXIF, XMP or IPTC data (for tests and checks).
bool has_metadata(std::string_view image);

// A file name extension for a sniffed type (".jpg"), "" when unknown.
std::string extension(std::string_view mime);

}  // namespace antq::media
