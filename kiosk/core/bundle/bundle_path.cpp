#include "kiosk/core/bundle/bundle_path.hpp"

#include "kiosk/core/bundle/bundle_index.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::bundle {

std::optional<Error> BundlePathProblem(std::string_view path) {
    if (path.empty()) return Error{"is an empty name", "có tên rỗng"};
    if (!text::IsValidUtf8(path)) return Error{"is not valid UTF-8", "không phải chữ UTF-8 hợp lệ"};
    if (path.size() > kMaxPathBytes)
        return Error{"is longer than " + std::to_string(kMaxPathBytes) + " bytes",
                     "dài quá " + std::to_string(kMaxPathBytes) + " byte"};
    if (path.front() == '/') return Error{"is an absolute path", "là đường dẫn tuyệt đối"};
    if (path.size() >= 2 && path[1] == ':') return Error{"starts with a drive letter", "bắt đầu bằng tên ổ đĩa"};
    for (unsigned char c : path) {
        if (c < 0x20 || c == 0x7f) return Error{"contains a control character", "chứa ký tự điều khiển"};
        if (c == '\\') return Error{"contains a backslash", "chứa dấu \\"};
    }
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        std::string_view part = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (part == "..") return Error{"climbs out of the bundle with \"..\"", "dùng \"..\" để ra ngoài gói"};
        if (part.empty()) return Error{"has an empty part (\"//\" or a trailing \"/\")", "có phần tên rỗng (\"//\")"};
        if (part == ".") return Error{"has a \".\" part", "có phần tên \".\""};
        if (part.size() > kMaxPathPartBytes)
            return Error{"has a part longer than " + std::to_string(kMaxPathPartBytes) + " bytes",
                         "có phần tên dài quá " + std::to_string(kMaxPathPartBytes) + " byte"};
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    if (path == kBundleIndexEntry || path == kBundleSignatureEntry)
        return Error{"is the bundle's own index or signature, which no content file may be called",
                     "trùng tên tệp chỉ mục hoặc chữ ký của gói"};
    return std::nullopt;
}

}  // namespace kiosk::bundle
