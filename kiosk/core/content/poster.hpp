#pragma once
// Poster: a slogan or poster for the attract screen.
#include <string>

namespace kiosk::content {

struct Poster {
    std::string text;
    std::string picture;  // asset path relative to the content directory; may be empty
};

}  // namespace kiosk::content
