#pragma once
// The kiosk's one configuration file (JSON). Every key is documented in README.md;
// unknown keys and wrong types are refused at start with a sentence naming the key.
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/core/display_rotation.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/core/screen_hours.hpp"

namespace kiosk {

enum class Language { Vietnamese, English };
enum class TextSize { Normal, Large, ExtraLarge };
enum class Theme { Standard, HighContrast };

struct ServerConfig {
    std::string url;      // commune server base URL, e.g. https://motcua.example.gov.vn; empty: no delivery
    std::string token;    // this kiosk's bearer token (from "token", or read from the file "token_file" names)
    std::string ca_file;  // extra CA bundle for the commune server's certificate; empty: system CAs
    int heartbeat_interval_s = 300;  // health report to {url}/api/v1/heartbeat; 0: none
    // Plain http:// to another machine sends the token in clear: refused unless this is set,
    // and then a WARNING at every start (ConfigWarnings).
    bool allow_plain_http = false;
};

struct VotesConfig {
    int scale = 3;          // 3, 4 or 5 faces
    int cooldown_s = 10;    // taps closer than this are kept but marked suppressed; 0 turns it off
    bool desk_mode = false; // the vote screen is the home screen (a tablet at the desk)
};

struct StaffConfig {
    int hold_s = 6;          // seconds a finger rests on the commune's name to open the PIN pad (3–30)
    std::string pin_hash;    // crypto_pwhash_str of the PIN (`kiosk staff hash-pin`), or read from "pin_hash_file"; empty: staff mode off
};

// Content bundles (kiosk/core/bundle/, docs/content-format.md "Bundles").
struct ContentConfig {
    // Public keys whose signed bundles this kiosk installs, each one line as
    // `kiosk content keygen` wrote it in NAME.pub ("ed25519:<base64> <name>").
    std::vector<std::string> trusted_keys;
    // Development only (the demo): accept bundles without a signature. Logged loudly.
    bool allow_unsigned = false;
    // Where removable media are mounted (kiosk/core/usb/usb_sticks.hpp): each mount point
    // strictly below one of these is a USB stick whose bundles staff may install. An empty
    // list turns the USB update off.
    std::vector<std::filesystem::path> usb_mount_roots = {"/media", "/run/media"};
};

struct DisplayConfig {
    Rotation rotation = Rotation::None;  // "display.rotation": 0, 90, 180 or 270 degrees clockwise
    ScreenHours screen_hours;             // "display.screen_hours": "07:00-17:30"; absent: always lit
};

struct Config {
    std::string kiosk_id = "kiosk-demo";
    std::filesystem::path content_dir;  // empty: the demo content shipped with the kiosk
    std::filesystem::path data_dir;     // empty: $STATE_DIRECTORY or ~/.local/state/kiosk-mot-cua
    Language language = Language::Vietnamese;
    int idle_timeout_s = 90;            // no touch for this long: the "continue?" countdown
    int attract_after_s = 300;          // no touch for this long: posters and slogans
    int content_max_age_days = 180;     // older content is flagged to staff
    std::string desk_id = "quay-1";
    TextSize text_size = TextSize::Normal;
    Theme theme = Theme::Standard;
    ServerConfig server;
    VotesConfig votes;
    StaffConfig staff;
    ContentConfig content;  // "content": {...}; content_dir above stays the factory content
    DisplayConfig display;
};

// Parses a config document. Relative paths are resolved against base_directory.
Result<Config> ParseConfig(std::string_view json_text, const std::filesystem::path& base_directory);

// Reads and parses the file; a missing file is an error naming it.
Result<Config> LoadConfig(const std::filesystem::path& file);

// Settings that weaken the kiosk on purpose, each as a sentence to log as a WARNING at every
// start of every command (server.allow_plain_http in use, content.allow_unsigned).
std::vector<std::string> ConfigWarnings(const Config& config);

// The defaults with the demo paths filled in: what the kiosk runs with when no --config is given.
Config DefaultConfig();

// Fills empty content_dir / data_dir with their defaults.
void ResolveDefaultPaths(Config& config);

std::string_view LanguageCode(Language language);

}  // namespace kiosk
