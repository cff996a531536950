// Vietnamese interface strings: plain, polite, the words a citizen uses.
// Official terms appear beside them where the word on the form matters.
#include "kiosk/core/i18n/strings.hpp"

namespace kiosk::i18n {

std::vector<Entry> VietnameseTable() {
    return {
        {"app.name", "Kiosk Một Cửa"},
        {"frame.back", "Quay lại"},
        {"frame.home", "Trang chủ"},
        {"frame.hotline", "Đường dây nóng"},
        {"frame.rate", "Đánh giá"},
        {"frame.switch_language", "English"},
        {"frame.text_size", "Cỡ chữ"},
        {"frame.text_size.normal", "A"},
        {"frame.text_size.large", "A+"},
        {"frame.text_size.extra_large", "A++"},
        {"frame.demo_content", "Dữ liệu minh họa"},

        {"home.greeting", "Xin chào! Bạn cần làm gì hôm nay?"},
        {"home.tile.procedures", "Thủ tục hành chính"},
        {"home.tile.procedures.hint", "Giấy tờ cần mang, thời gian, lệ phí"},
        {"home.tile.search", "Tìm thủ tục"},
        {"home.tile.search.hint", "Gõ vài chữ, không cần dấu"},
        {"home.tile.online", "Dịch vụ công trực tuyến"},
        {"home.tile.online.hint", "Làm hồ sơ trên điện thoại, tại nhà"},
        {"home.tile.hotline", "Đường dây nóng & phản ánh"},
        {"home.tile.hotline.hint", "Gọi điện, góp ý, phản ánh"},
        {"home.tile.vote", "Đánh giá mức độ hài lòng"},
        {"home.tile.vote.hint", "Chạm một lần để đánh giá"},
        {"home.tile.results", "Kết quả cải cách hành chính"},
        {"home.tile.results.hint", "Chỉ số, mức hài lòng, gương điển hình"},

        {"idle.title", "Bạn còn đang xem không?"},
        {"idle.body", "Màn hình sẽ trở về trang chủ sau {0} giây."},
        {"idle.continue", "Tiếp tục"},
        {"attract.touch", "Chạm vào màn hình để bắt đầu"},

        {"content.missing.title", "Chưa có dữ liệu thủ tục"},
        {"content.missing.body", "Máy chưa nạp được bộ dữ liệu thủ tục. Xin bạn hỏi cán bộ tại quầy."},
    };
}

}  // namespace kiosk::i18n
