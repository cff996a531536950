#include "kiosk/core/bundle/bundle_refusal.hpp"

namespace kiosk::bundle {

Error BundleRefusal(const std::string& english, const std::string& vietnamese) {
    return Error{"bundle refused: " + english + ".",
                 "Gói nội dung bị từ chối: " + vietnamese + ". Kiosk vẫn dùng nội dung cũ."};
}

Error BundleRefusal(const Error& cause) {
    // The loader's sentences already say "content refused: …" and that the old content stays.
    return Error{"bundle refused: " + cause.message, cause.message_vietnamese};
}

}  // namespace kiosk::bundle
