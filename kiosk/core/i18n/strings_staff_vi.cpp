// Staff screen strings, Vietnamese only: the desk officer reads them, whatever language the
// last citizen chose. Plain words, no jargon ("Phiên bản nội dung 12", not "content_version").
#include "kiosk/core/i18n/strings.hpp"

namespace kiosk::i18n {

std::vector<Entry> StaffTable() {
    return {
        {"staff.banner", "CHẾ ĐỘ CÁN BỘ"},
        {"staff.back", "Quay lại"},
        {"staff.leave", "Về màn hình người dân"},
        {"staff.closed.idle", "Hết 2 phút không chạm: kiosk tự về màn hình người dân."},
        {"staff.closed.button", "Cán bộ bấm \"Về màn hình người dân\"."},

        {"staff.pin.title", "Nhập mã PIN của cán bộ"},
        {"staff.pin.hint", "Mã PIN có từ 4 đến 8 chữ số. Bấm \"Mở\" khi nhập xong."},
        {"staff.pin.locked", "Nhập sai quá nhiều lần. Tạm khóa đến {0}."},
        {"staff.pin.format", "Mã PIN có từ 4 đến 8 chữ số. Xin nhập lại."},
        {"staff.pin.checking", "Đang kiểm tra mã PIN…"},
        {"staff.pin.wrong", "Mã PIN không đúng. Còn {0} lần thử trước khi tạm khóa."},
        {"staff.pin.erase", "Xóa"},
        {"staff.pin.open", "Mở"},

        {"staff.status.title", "Tình trạng kiosk"},
        {"staff.status.kiosk", "Kiosk"},
        {"staff.status.kiosk_id", "Mã kiosk"},
        {"staff.status.software", "Phiên bản phần mềm"},
        {"staff.status.uptime", "Đã chạy liên tục"},
        {"staff.status.free_disk", "Dung lượng còn trống"},
        {"staff.status.unknown", "không đọc được"},
        {"staff.status.disk_low", "Sắp hết dung lượng: báo cán bộ tin học của xã."},
        {"staff.status.content", "Nội dung thủ tục"},
        {"staff.status.content_version", "Phiên bản nội dung {0} ({1})"},
        {"staff.status.procedures", "Số thủ tục"},
        {"staff.status.created", "Nội dung lập ngày {0}, cách đây {1} ngày"},
        {"staff.status.content_old", "Nội dung đã cũ hơn {0} ngày: nên cập nhật."},
        {"staff.status.installed_at", "Cài đặt ngày"},
        {"staff.status.signer", "Người ký"},
        {"staff.status.factory", "Nội dung cài sẵn theo máy, chưa cập nhật lần nào."},
        {"staff.status.previous", "Có thể quay lại phiên bản {0}."},
        {"staff.status.votes", "Phiếu đánh giá"},
        {"staff.status.votes_broken", "Không đọc được kho phiếu đánh giá: báo cán bộ tin học của xã."},
        {"staff.status.pending", "Đang chờ gửi"},
        {"staff.status.delivered_today", "Đã gửi hôm nay"},
        {"staff.status.last_delivery", "Lần gửi gần nhất"},
        {"staff.status.never", "chưa có"},
        {"staff.status.server", "Máy chủ của xã"},
        {"staff.status.no_server", "Chưa cấu hình máy chủ: phiếu được giữ trong kiosk."},
        {"staff.status.not_tried", "Chưa liên lạc với máy chủ kể từ khi kiosk khởi động."},
        {"staff.status.reachable", "Kết nối được, từ {0}."},
        {"staff.status.unreachable", "Không kết nối được, từ {0}. Phiếu vẫn được giữ và sẽ gửi lại."},
        {"staff.status.token_refused", "Máy chủ từ chối mã kiosk, từ {0}: báo cán bộ tin học của xã."},
        {"staff.status.errors", "Lỗi gần đây (tối đa 20)"},
        {"staff.status.no_errors", "Không có lỗi nào kể từ khi kiosk khởi động."},
        {"staff.status.audit", "Thao tác gần đây của cán bộ"},
        {"staff.status.no_audit", "Chưa có thao tác nào."},

        {"staff.action.screen_test", "Thử màn hình"},

        {"staff.test.title", "Thử màn hình"},
        {"staff.test.touch_hint", "Vẽ lên ô này bằng ngón tay: nét vẽ phải theo sát ngón tay, không đứt đoạn."},
        {"staff.test.clear", "Xóa hình vẽ"},
        {"staff.test.vote", "Gửi phiếu thử"},
        {"staff.test.vote_hint", "Phiếu thử được gửi lên máy chủ như phiếu thật, được đánh dấu là phiếu thử và không bao giờ được tính."},
        {"staff.test.vote_sent", "Đã ghi phiếu thử lúc {0}. Máy chủ nhận phiếu này nhưng không tính."},
        {"staff.test.vote_unavailable", "Không ghi được phiếu thử: kho phiếu đánh giá không mở được."},
        {"staff.test.brightness", "Độ sáng và độ tương phản"},
        {"staff.test.brightness_hint", "Phải phân biệt được cả 11 ô, từ đen đến trắng. Nếu không, chỉnh lại độ sáng màn hình."},
        {"staff.test.portrait", "Màn hình dọc, {0} điểm ảnh. Mũi tên phải chỉ lên cạnh trên của màn hình."},
        {"staff.test.landscape", "Màn hình ngang, {0} điểm ảnh. Mũi tên phải chỉ lên cạnh trên của màn hình."},
    };
}

}  // namespace kiosk::i18n
