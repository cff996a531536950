#pragma once
// Every refusal of a content bundle in the same two sentences: what is wrong (naming the
// file and the field where there is one) for logs and the command line, and the same in
// Vietnamese for the staff, who also read that the content in use stays as it was.
#include <string>

#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

// "bundle refused: <english>." / "Gói nội dung bị từ chối: <vietnamese>. Kiosk vẫn dùng nội dung cũ."
Error BundleRefusal(const std::string& english, const std::string& vietnamese);

// A refusal that already is a sentence of another part (the content loader's), kept whole.
Error BundleRefusal(const Error& cause);

}  // namespace kiosk::bundle
