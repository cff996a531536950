// kiosk staff hash-pin: makes the `staff.pin_hash` value for the configuration. The PIN is
// read from the terminal twice with echo off, or as one line from standard input when
// that is not a terminal (for scripts); never from the command line, where `ps` and the
// shell's history would keep it.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/staff/staff_pin.hpp"

namespace kiosk::app {
namespace {

std::string ReadHidden(const char* prompt) {
    std::cerr << prompt << std::flush;
    termios saved{};
    bool terminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << "\n";
    }
    return line;
}

int HashPinCommand() {
    std::string pin;
    if (::isatty(STDIN_FILENO)) {
        pin = ReadHidden("New staff PIN (4-8 digits): ");
        std::string again = ReadHidden("The same PIN again: ");
        if (pin != again) {
            std::cerr << "kiosk staff hash-pin: the two PINs differ; nothing was made\n";
            return 1;
        }
    } else if (!std::getline(std::cin, pin)) {
        std::cerr << "kiosk staff hash-pin: no PIN on standard input\n";
        return 1;
    }
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    auto hash = staff::HashPin(pin);
    std::fill(pin.begin(), pin.end(), '\0');
    if (!hash) {
        std::cerr << "kiosk staff hash-pin: " << hash.error().message << "\n";
        return 1;
    }
    std::cout << *hash << "\n";
    std::cerr << "Put this in the configuration as \"staff\": {\"pin_hash\": \"…\"}\n";
    return 0;
}

}  // namespace

void AddStaffCommands(CLI::App& app, GlobalOptions& options) {
    CLI::App* staff = app.add_subcommand("staff", "staff mode: make the PIN hash for the configuration");
    staff->require_subcommand(1);
    CLI::App* hash_pin = staff->add_subcommand(
        "hash-pin", "read a 4-8 digit PIN (twice, hidden, from the terminal; or one line from standard input) and "
                    "print its hash for \"staff.pin_hash\"");
    hash_pin->callback([&options] { options.exit_code = HashPinCommand(); });
}

}  // namespace kiosk::app
