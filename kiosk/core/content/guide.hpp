#pragma once
// Guide: a step-by-step guide to an online service (activate VNeID, pay online, …).
#include <string>
#include <vector>

namespace kiosk::content {

struct GuideStep {
    std::string title;
    std::string text;
    std::string picture;  // asset path relative to the content directory; may be empty
    std::string url;      // may be empty
};

struct Guide {
    std::string id;
    std::string title;
    std::string summary;
    std::vector<GuideStep> steps;
    std::string qr_url;  // where the QR on the guide screen leads; may be empty
};

}  // namespace kiosk::content
