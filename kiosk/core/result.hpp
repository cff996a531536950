#pragma once
// Result<T>: a value or an error a caller cannot ignore. Errors carry a sentence for
// logs (English) and, where a person at the kiosk will read it, one in Vietnamese.
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace kiosk {

struct Error {
    std::string message;             // English, for logs and the command line
    std::string message_vietnamese;  // for citizens and staff; empty when only IT reads it

    const std::string& ForPeople() const { return message_vietnamese.empty() ? message : message_vietnamese; }
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(state_); }
    const T& value() const { return std::get<T>(state_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    const Error& error() const { return std::get<Error>(state_); }

private:
    std::variant<T, Error> state_;
};

// For operations that return nothing but may fail.
struct Done {};
using Status = Result<Done>;
inline Status Success() { return Done{}; }

}  // namespace kiosk
