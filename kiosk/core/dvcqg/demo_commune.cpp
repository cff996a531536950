#include "kiosk/core/dvcqg/demo_commune.hpp"

namespace kiosk::dvcqg {

content::Manifest DemoManifest() {
    content::Manifest manifest;
    manifest.content_id = "demo-xa-minh-khai";
    manifest.version = 1;
    manifest.created = "2026-11-23";
    manifest.demo = true;
    // Every commune value below is made up for the demo and says so on screen.
    manifest.commune.name = "Xã Minh Khai (minh họa)";
    manifest.commune.province = "Tỉnh Hưng Yên (minh họa)";
    manifest.commune.hotline = "0221 3000 000 (số minh họa)";
    manifest.commune.address = "Trung tâm phục vụ hành chính công xã Minh Khai, thôn Đông, xã Minh Khai (địa chỉ minh họa)";
    manifest.commune.opening_hours =
        "Thứ Hai – Thứ Sáu: 7 giờ 30 – 11 giờ 30 và 13 giờ 30 – 17 giờ; sáng thứ Bảy: 7 giờ 30 – 11 giờ 30 (giờ minh họa)";
    manifest.commune.portal_province_code = "33";
    manifest.commune.portal_ward_code = "12160";
    manifest.source =
        "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), dữ liệu thu thập giữa năm 2026; các thủ tục do UBND cấp xã "
        "hoặc Công an cấp xã giải quyết.";
    manifest.vote_reasons = {"Chờ lâu", "Hướng dẫn chưa rõ", "Thái độ chưa tốt", "Phải đi lại nhiều lần",
                             "Hồ sơ bị trả lại không rõ lý do", "Khác"};
    return manifest;
}

const std::vector<std::string>& PreferredFieldOrder() {
    // What brings most citizens to a commune desk comes first.
    static const std::vector<std::string> order{
        "Hộ tịch",
        "Chứng thực",
        "Đăng ký, quản lý cư trú",
        "Cấp, quản lý căn cước",
        "Định danh và xác thực điện tử",
        "Đất đai",
        "Thực hiện chính sách BHXH",
        "Thu BHXH, BHYT, BHTN, BH tai nạn lao động, BNN",
        "Cấp sổ BHXH, thẻ BHYT",
        "Thực hiện chính sách BHYT",
        "Chi trả các chế độ BHXH",
        "Giảm nghèo",
        "Người có công",
        "Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)",
        "Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng",
        "Hoạt động xây dựng",
        "Nhà ở và công sở",
        "Nuôi con nuôi",
        "Hòa giải ở cơ sở",
        "Khiếu nại, tố cáo",
        "Nông nghiệp",
    };
    return order;
}

}  // namespace kiosk::dvcqg
