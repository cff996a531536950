#pragma once
// Contacts: the commune's hotline, address, hours, and the channels for feedback
// (national hotline, nguoidan.chinhphu.vn, the portal's PAKN, …).
#include <string>
#include <vector>

namespace kiosk::content {

struct FeedbackChannel {
    std::string name;
    std::string description;
    std::string url;    // one of url / phone is set
    std::string phone;
};

struct Contacts {
    std::string hotline;
    std::string address;
    std::string opening_hours;
    std::string email;
    std::vector<FeedbackChannel> feedback_channels;
};

}  // namespace kiosk::content
