#pragma once
// What camera owners do on the portal without an account (chủ camera tự đăng ký): register
// a camera with their consent, then see, change or withdraw it with the 16-digit
// management code (mã quản lý) shown once. Forms give text; the cameras service checks it
// and names every bad field. The choices below are the ones the portal offers.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/cameras/model.hpp"
#include "platform/crypto/receipt.hpp"

namespace antq::cameras {

// The wording of the consent the portal shows (i18n "portal.camera_owner.consent"): a new
// wording needs a new version, so that each consent names the text it agreed to.
inline constexpr std::string_view kConsentTextVersion = "camera-portal-1";

// Where a camera looks, as an owner says it: a compass point, or all round (no bearing).
struct Direction {
  std::string_view code;
  std::optional<int> bearing_deg;
};
inline constexpr std::array<Direction, 9> kDirections{{{"n", 0},
                                                       {"ne", 45},
                                                       {"e", 90},
                                                       {"se", 135},
                                                       {"s", 180},
                                                       {"sw", 225},
                                                       {"w", 270},
                                                       {"nw", 315},
                                                       {"all", std::nullopt}}};
// The compass point nearest a bearing ("all" without one).
std::string_view direction_of(std::optional<int> bearing_deg);

// Sensible values for the fields an owner rarely knows exactly; any value in the staff
// ranges is accepted.
inline constexpr std::array<int, 4> kFovPresets{60, 90, 120, 180};
inline constexpr std::array<int, 5> kRangePresets{10, 20, 30, 50, 100};
inline constexpr std::array<int, 6> kRetentionPresets{3, 7, 15, 30, 60, 90};
// Owners register their own cameras; public ones are the commune's.
std::vector<std::string_view> owner_portal_kinds();

// The fields an owner fills in, registering or changing a camera, as the form sends them.
struct OwnerCameraFields {
  std::string place;
  std::string point;      // as typed: "21.8123, 105.2456", DMS…
  std::string direction;  // a kDirections code
  std::string fov_deg;    // ignored when all round
  std::string range_m;
  std::string retention_days;
  std::string storage;
  std::string sharing;
  OwnerContact owner;  // name and phone required; address optional
  // The point is outside Vietnam or the commune and the owner has seen the warning.
  bool confirm_location = false;
};

struct OwnerRegistration {
  std::optional<std::int64_t> unit_id;  // the commune
  std::optional<std::int64_t> village_id;
  std::string owner_kind;  // one of owner_portal_kinds()
  OwnerCameraFields camera;
  bool consent = false;  // required
};

// What the owner gets once: the camera's code and the management code.
struct Registered {
  std::string camera_code;
  crypto::Receipt management_code;
};

// What the holder of a management code sees (their own contact included).
struct OwnerView {
  std::string camera_code;
  std::string commune;  // "xã Tân Trào"
  std::string village;
  std::string owner_kind;
  OwnerCameraFields fields;  // as stored, to fill the change form
  bool confirmed = false;
  time::Millis consent_given_at = 0;
};

}  // namespace antq::cameras
