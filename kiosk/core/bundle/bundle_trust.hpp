#pragma once
// BundleTrust: whose bundles this kiosk installs — the public keys of content.trusted_keys,
// and whether the development setting content.allow_unsigned lets unsigned bundles in.
// A bundle signed by a key not listed here, or with a signature that does not match, is
// refused whatever allow_unsigned says: only a bundle with no signature at all is "unsigned".
#include <string_view>
#include <vector>

#include "kiosk/core/bundle/public_key.hpp"
#include "kiosk/core/config.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

enum class UnsignedBundles { Refuse, AllowForDevelopment };

// What the command line and the kiosk log whenever unsigned bundles are allowed.
inline constexpr const char* kUnsignedBundlesWarning =
    "WARNING: content.allow_unsigned is true: this kiosk installs content bundles that nobody signed. "
    "Use it for a demo only, never on a kiosk citizens use.";

struct BundleTrust {
    std::vector<PublicKey> trusted_keys;
    UnsignedBundles unsigned_bundles = UnsignedBundles::Refuse;
    // Where the keys come from, as the refusals name it: the kiosk's config key, or the
    // reference server's --trusted-keys file.
    std::string keys_named = "content.trusted_keys";

    // From the config's "content" keys (they were checked when the config was read).
    static Result<BundleTrust> FromConfig(const ContentConfig& config);
    // The trusted key whose KeyText() is key_text, or nullptr.
    const PublicKey* Find(std::string_view key_text) const;
};

}  // namespace kiosk::bundle
