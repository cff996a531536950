#include "kiosk/core/config.hpp"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "kiosk/core/bundle/public_key.hpp"
#include "kiosk/core/file_reading.hpp"
#include "kiosk/core/json_type_name.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/core/shipped_files.hpp"
#include "kiosk/core/server_url.hpp"
#include "kiosk/core/staff/staff_pin.hpp"
#include "kiosk/core/strict_json.hpp"
#include "kiosk/core/votes/vote.hpp"

namespace kiosk {
namespace {

using nlohmann::json;

struct ConfigError {
    std::string message;
};

// Reads the keys of one JSON object, remembers which it used, and refuses the rest.
class ObjectReader {
public:
    ObjectReader(const json& object, std::string path) : object_(object), path_(std::move(path)) {
        if (!object_.is_object())
            throw ConfigError{"\"" + (path_.empty() ? std::string("(top level)") : path_) +
                              "\" must be an object {...}, found " + JsonTypeName(object_)};
    }

    void Text(std::string_view key, std::string& out) {
        if (const json* value = Find(key)) {
            if (!value->is_string()) Fail(key, "text", *value);
            out = value->get<std::string>();
        }
    }

    void Path(std::string_view key, std::filesystem::path& out, const std::filesystem::path& base) {
        std::string text;
        Text(key, text);
        if (text.empty()) return;
        std::filesystem::path path(text);
        out = path.is_absolute() ? path : base / path;
    }

    void Integer(std::string_view key, int& out, int minimum, int maximum) {
        if (const json* value = Find(key)) {
            if (!value->is_number_integer()) Fail(key, "a whole number", *value);
            // The number as written: 18446744073709551615 read as a signed value would say -1.
            bool in_range = value->is_number_unsigned()
                                ? value->get<std::uint64_t>() <= static_cast<std::uint64_t>(maximum) &&
                                      static_cast<std::int64_t>(value->get<std::uint64_t>()) >= minimum
                                : value->get<std::int64_t>() >= minimum && value->get<std::int64_t>() <= maximum;
            if (!in_range)
                throw ConfigError{"\"" + Qualified(key) + "\" must be between " + std::to_string(minimum) +
                                  " and " + std::to_string(maximum) + ", found " + value->dump()};
            out = static_cast<int>(value->get<std::int64_t>());
        }
    }

    void Boolean(std::string_view key, bool& out) {
        if (const json* value = Find(key)) {
            if (!value->is_boolean()) Fail(key, "true or false", *value);
            out = value->get<bool>();
        }
    }

    void TextList(std::string_view key, std::vector<std::string>& out) {
        if (const json* value = Find(key)) {
            if (!value->is_array()) Fail(key, "a list of text [\"…\"]", *value);
            out.clear();
            for (size_t index = 0; index < value->size(); ++index) {
                const json& item = (*value)[index];
                if (!item.is_string())
                    throw ConfigError{"\"" + Qualified(key) + "[" + std::to_string(index) + "]\" must be text, found " +
                                      JsonTypeName(item)};
                out.push_back(item.get<std::string>());
            }
        }
    }

    // A list of paths; relative ones are resolved against base. Present, it replaces the default.
    void PathList(std::string_view key, std::vector<std::filesystem::path>& out, const std::filesystem::path& base) {
        bool present = Find(key) != nullptr;
        std::vector<std::string> texts;
        TextList(key, texts);
        if (!present) return;
        out.clear();
        for (size_t index = 0; index < texts.size(); ++index) {
            if (texts[index].empty())
                throw ConfigError{"\"" + Qualified(key) + "[" + std::to_string(index) + "]\" must not be empty"};
            std::filesystem::path path(texts[index]);
            out.push_back((path.is_absolute() ? path : base / path).lexically_normal());
        }
    }

    template <typename Enum>
    void Choice(std::string_view key, Enum& out, std::initializer_list<std::pair<const char*, Enum>> choices) {
        std::string text;
        bool present = Find(key) != nullptr;
        Text(key, text);
        if (!present) return;
        std::string allowed;
        for (const auto& [name, value] : choices) {
            if (text == name) {
                out = value;
                return;
            }
            allowed += (allowed.empty() ? "\"" : ", \"") + std::string(name) + "\"";
        }
        throw ConfigError{"\"" + Qualified(key) + "\" must be one of " + allowed + ", found \"" + text + "\""};
    }

    // Reads a nested object (absent: nothing to read).
    template <typename Reader>
    void Object(std::string_view key, Reader&& read) {
        if (const json* value = Find(key)) {
            ObjectReader nested(*value, Qualified(key));
            read(nested);
            nested.RefuseUnknownKeys();
        }
    }

    void RefuseUnknownKeys() const {
        for (const auto& item : object_.items())
            if (!used_.contains(item.key()))
                throw ConfigError{"unknown key \"" + Qualified(item.key()) + "\" (see the configuration keys in README.md)"};
    }

private:
    const json* Find(std::string_view key) {
        used_.insert(std::string(key));
        auto it = object_.find(key);
        return it == object_.end() ? nullptr : &*it;
    }

    std::string Qualified(std::string_view key) const {
        return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
    }

    [[noreturn]] void Fail(std::string_view key, const char* expected, const json& found) const {
        throw ConfigError{"\"" + Qualified(key) + "\" must be " + expected + ", found " + JsonTypeName(found)};
    }

    const json& object_;
    std::string path_;
    std::set<std::string, std::less<>> used_;
};

// A secret kept in a file of its own (0640 root:kiosk in the package), so that kiosk.json can
// be readable by everyone and the secret only by the kiosk's user: one line, spaces trimmed.
std::string ReadSecretFile(const std::filesystem::path& file, const std::string& key) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) throw ConfigError{"\"" + key + "\": cannot read " + file.string()};
    constexpr std::streamsize kLongestSecret = 4096;
    std::string text(kLongestSecret + 1, '\0');
    stream.read(text.data(), kLongestSecret + 1);
    text.resize(static_cast<size_t>(stream.gcount()));
    if (text.size() > static_cast<size_t>(kLongestSecret))
        throw ConfigError{"\"" + key + "\": " + file.string() + " is longer than a secret can be (4 KiB)"};
    auto first = text.find_first_not_of(" \t\r\n");
    auto last = text.find_last_not_of(" \t\r\n");
    if (first == std::string::npos) throw ConfigError{"\"" + key + "\": " + file.string() + " is empty"};
    text = text.substr(first, last - first + 1);
    if (text.find_first_of("\r\n") != std::string::npos)
        throw ConfigError{"\"" + key + "\": " + file.string() + " must hold one line"};
    std::error_code error;
    auto permissions = std::filesystem::status(file, error).permissions();
    if (!error && (permissions & std::filesystem::perms::others_read) != std::filesystem::perms::none)
        log::Warning("configuration: " + file.string() + " (\"" + key +
                     "\") can be read by every user of this machine; make it chown root:kiosk, chmod 0640");
    return text;
}

// Reads KEY_file into out when it is given; KEY and KEY_file together are refused.
void SecretFromFile(ObjectReader& reader, std::string_view section, std::string_view key, std::string& out,
                    const std::filesystem::path& base) {
    std::filesystem::path file;
    std::string file_key = std::string(key) + "_file";
    reader.Path(file_key, file, base);
    if (file.empty()) return;
    std::string qualified = std::string(section) + "." + file_key;
    if (!out.empty())
        throw ConfigError{"give either \"" + std::string(section) + "." + std::string(key) + "\" or \"" + qualified +
                          "\", not both"};
    out = ReadSecretFile(file, qualified);
}

// server.url and server.ca_file at start, not at the first vote: a typo there would let the
// kiosk run for days with every vote failing.
Status CheckServer(const ServerConfig& server) {
    if (!server.url.empty()) {
        auto url = ParseServerUrl(server.url);
        if (!url) return Error{"configuration: " + url.error().message, url.error().message_vietnamese};
        if (url->plain_http() && !url->loopback() && !server.allow_plain_http)
            return Error{"configuration: \"server.url\" is plain http:// to another machine (" + url->host +
                             "), so the kiosk's token would travel in clear; use https://, or set "
                             "\"server.allow_plain_http\": true (a WARNING at every start)",
                         "Cấu hình sai: máy chủ phải dùng https:// để mã truy cập không bị lộ."};
    }
    if (!server.ca_file.empty()) {
        auto bundle = ReadWholeFile(server.ca_file);
        if (!bundle)
            return Error{"configuration: \"server.ca_file\": " + bundle.error().message,
                         "Cấu hình sai: không đọc được tệp chứng chỉ \"server.ca_file\"."};
        if (bundle->find("-----BEGIN CERTIFICATE-----") == std::string::npos)
            return Error{"configuration: \"server.ca_file\" " + server.ca_file +
                             " holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                         "Cấu hình sai: tệp \"server.ca_file\" không chứa chứng chỉ."};
    }
    return Success();
}

}  // namespace

std::vector<std::string> ConfigWarnings(const Config& config) {
    std::vector<std::string> warnings;
    if (auto url = ParseServerUrl(config.server.url); url && url->plain_http() && !url->loopback())
        warnings.push_back("server.allow_plain_http is set: votes and this kiosk's token go to " +
                           RedactUrl(config.server.url) + " unencrypted, readable by anyone on the way");
    return warnings;
}

Result<Config> ParseConfig(std::string_view json_text, const std::filesystem::path& base_directory) {
    auto parsed = ParseStrictJson(json_text, /*allow_comments=*/true);
    if (!parsed)
        return Error{"the configuration " + parsed.error().message, "Tệp cấu hình không đúng định dạng JSON."};
    json document = std::move(*parsed);
    Config config;
    try {
        ObjectReader root(document, "");
        root.Text("kiosk_id", config.kiosk_id);
        root.Path("content_dir", config.content_dir, base_directory);
        root.Path("data_dir", config.data_dir, base_directory);
        root.Choice("language", config.language, {{"vi", Language::Vietnamese}, {"en", Language::English}});
        root.Integer("idle_timeout_s", config.idle_timeout_s, 15, 3600);
        root.Integer("attract_after_s", config.attract_after_s, 30, 86400);
        root.Integer("content_max_age_days", config.content_max_age_days, 1, 3650);
        root.Text("desk_id", config.desk_id);
        root.Choice("text_size", config.text_size,
                    {{"normal", TextSize::Normal}, {"large", TextSize::Large}, {"extra_large", TextSize::ExtraLarge}});
        root.Choice("theme", config.theme, {{"standard", Theme::Standard}, {"high_contrast", Theme::HighContrast}});
        root.Object("server", [&](ObjectReader& server) {
            server.Text("url", config.server.url);
            server.Text("token", config.server.token);
            SecretFromFile(server, "server", "token", config.server.token, base_directory);
            std::filesystem::path ca_file;
            server.Path("ca_file", ca_file, base_directory);
            config.server.ca_file = ca_file.string();
            server.Integer("heartbeat_interval_s", config.server.heartbeat_interval_s, 0, 86400);
            server.Boolean("allow_plain_http", config.server.allow_plain_http);
        });
        root.Object("votes", [&](ObjectReader& votes) {
            votes.Integer("scale", config.votes.scale, 3, 5);
            votes.Integer("cooldown_s", config.votes.cooldown_s, 0, 3600);
            votes.Boolean("desk_mode", config.votes.desk_mode);
        });
        root.Object("staff", [&](ObjectReader& staff) {
            staff.Integer("hold_s", config.staff.hold_s, 3, 30);
            staff.Text("pin_hash", config.staff.pin_hash);
            SecretFromFile(staff, "staff", "pin_hash", config.staff.pin_hash, base_directory);
        });
        root.Object("display", [&](ObjectReader& display) {
            int degrees = 0;
            display.Integer("rotation", degrees, 0, 270);
            if (!RotationFromDegrees(degrees, config.display.rotation))
                throw ConfigError{"\"display.rotation\" must be 0, 90, 180 or 270 (degrees clockwise), found " +
                                  std::to_string(degrees)};
            std::string hours;
            display.Text("screen_hours", hours);
            auto parsed = ParseScreenHours(hours);
            if (!parsed) throw ConfigError{parsed.error().message};
            config.display.screen_hours = *parsed;
        });
        root.Object("content", [&](ObjectReader& content) {
            content.TextList("trusted_keys", config.content.trusted_keys);
            content.Boolean("allow_unsigned", config.content.allow_unsigned);
            content.PathList("usb_mount_roots", config.content.usb_mount_roots, base_directory);
        });
        // Every mount point is below "/": the system disk's own filesystems would pass for sticks.
        for (size_t index = 0; index < config.content.usb_mount_roots.size(); ++index)
            if (config.content.usb_mount_roots[index] == config.content.usb_mount_roots[index].root_path())
                throw ConfigError{"\"content.usb_mount_roots[" + std::to_string(index) +
                                  "]\" must not be \"/\": every mounted filesystem would count as a USB stick"};
        root.RefuseUnknownKeys();
        // A key that does not parse would silently trust nothing: refuse it at start.
        for (size_t index = 0; index < config.content.trusted_keys.size(); ++index)
            if (auto key = bundle::PublicKey::Parse(config.content.trusted_keys[index]); !key)
                throw ConfigError{"\"content.trusted_keys[" + std::to_string(index) + "]\" " + key.error().message};
    } catch (const ConfigError& error) {
        return Error{"configuration: " + error.message, "Cấu hình sai: " + error.message};
    }
    // The rule every vote is checked by (kiosk/core/votes/vote.hpp): an id it refuses would let
    // the kiosk start and then fail every vote.
    for (const auto& [key, value] : {std::pair<const char*, const std::string&>{"kiosk_id", config.kiosk_id},
                                     std::pair<const char*, const std::string&>{"desk_id", config.desk_id}})
        if (!IsVoteCode(value))
            return Error{"configuration: \"" + std::string(key) + "\" must be 1 to " +
                             std::to_string(kMaximumVoteCodeLength) +
                             " of the letters A-Z a-z, digits and . _ - / (no spaces, no Vietnamese letters), found \"" +
                             value + "\"",
                         "Cấu hình sai: \"" + std::string(key) + "\" chỉ được gồm chữ không dấu, chữ số và . _ - /."};
    if (auto server = CheckServer(config.server); !server) return server.error();
    if (!config.staff.pin_hash.empty() && !staff::IsPinHash(config.staff.pin_hash))
        return Error{"configuration: \"staff.pin_hash\" is not a PIN hash (make one with: kiosk staff hash-pin)",
                     "Cấu hình sai: \"staff.pin_hash\" không phải mã băm của mã PIN."};
    if (config.attract_after_s < config.idle_timeout_s) config.attract_after_s = config.idle_timeout_s;
    ResolveDefaultPaths(config);
    return config;
}

Result<Config> LoadConfig(const std::filesystem::path& file) {
    FileReadFailure failure;
    auto text = ReadWholeFile(file, &failure);
    if (!text)
        return Error{"the configuration file " + file.string() + " " + failure.cause,
                     (failure.absent ? "Không tìm thấy tệp cấu hình " : "Không đọc được tệp cấu hình ") + file.string() + "."};
    std::error_code error;
    auto base = std::filesystem::absolute(file, error).parent_path();
    auto config = ParseConfig(*text, base);
    if (!config) return Error{file.string() + ": " + config.error().message, config.error().message_vietnamese};
    return config;
}

void ResolveDefaultPaths(Config& config) {
    if (config.content_dir.empty()) {
        config.content_dir = ShippedFilesDirectory("content");
    }
    if (config.data_dir.empty()) {
        if (const char* state = std::getenv("STATE_DIRECTORY"); state && *state)
            config.data_dir = state;  // set by systemd's StateDirectory=
        else if (const char* home = std::getenv("HOME"); home && *home)
            config.data_dir = std::filesystem::path(home) / ".local/state/kiosk-mot-cua";
        else
            config.data_dir = "kiosk-data";
    }
}

Config DefaultConfig() {
    Config config;
    ResolveDefaultPaths(config);
    return config;
}

std::string_view LanguageCode(Language language) {
    return language == Language::English ? "en" : "vi";
}

}  // namespace kiosk
