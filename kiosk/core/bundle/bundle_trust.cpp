#include "kiosk/core/bundle/bundle_trust.hpp"

namespace kiosk::bundle {

Result<BundleTrust> BundleTrust::FromConfig(const ContentConfig& config) {
    BundleTrust trust;
    for (size_t index = 0; index < config.trusted_keys.size(); ++index) {
        auto key = PublicKey::Parse(config.trusted_keys[index]);
        if (!key)
            return Error{"configuration: \"content.trusted_keys[" + std::to_string(index) + "]\" " + key.error().message,
                         "Cấu hình sai: \"content.trusted_keys[" + std::to_string(index) + "]\" " +
                             key.error().message_vietnamese + "."};
        trust.trusted_keys.push_back(std::move(*key));
    }
    trust.unsigned_bundles = config.allow_unsigned ? UnsignedBundles::AllowForDevelopment : UnsignedBundles::Refuse;
    return trust;
}

const PublicKey* BundleTrust::Find(std::string_view key_text) const {
    auto wanted = PublicKey::Parse(key_text);
    if (!wanted) return nullptr;
    for (const auto& key : trusted_keys)
        if (key.SameKey(*wanted)) return &key;
    return nullptr;
}

}  // namespace kiosk::bundle
