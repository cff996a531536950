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

const std::vector<content::Synonym>& CitizenSynonyms() {
    // Left: what people say at the desk or type on the kiosk. Right: the words the
    // procedure names use. Matching is on folded text, so "so do" finds "sổ đỏ".
    static const std::vector<content::Synonym> synonyms{
        // Land
        {"sổ đỏ", {"giấy chứng nhận quyền sử dụng đất"}},
        {"sổ hồng", {"giấy chứng nhận quyền sử dụng đất"}},
        {"bìa đỏ", {"giấy chứng nhận quyền sử dụng đất"}},
        {"cấp sổ đỏ lần đầu", {"đăng ký đất đai cấp giấy chứng nhận quyền sử dụng đất lần đầu"}},
        {"sửa sổ đỏ", {"đính chính giấy chứng nhận"}},
        {"tranh chấp đất", {"tranh chấp đất đai"}},
        {"chuyển đất ruộng", {"chuyển mục đích sử dụng đất"}},
        {"thế chấp sổ đỏ", {"đăng ký biện pháp bảo đảm bằng quyền sử dụng đất"}},
        {"thế chấp", {"biện pháp bảo đảm"}},
        // Residence (the household book was abolished in 2023)
        {"nhập hộ khẩu", {"đăng ký thường trú"}},
        {"chuyển hộ khẩu", {"đăng ký thường trú"}},
        {"hộ khẩu", {"đăng ký thường trú"}},
        {"cắt hộ khẩu", {"xóa đăng ký thường trú"}},
        {"xóa hộ khẩu", {"xóa đăng ký thường trú"}},
        {"tách hộ khẩu", {"tách hộ"}},
        {"sổ tạm trú", {"đăng ký tạm trú"}},
        {"kt3", {"đăng ký tạm trú"}},
        {"xác nhận cư trú", {"xác nhận thông tin về cư trú"}},
        {"giấy xác nhận cư trú", {"xác nhận thông tin về cư trú"}},
        {"báo tạm vắng", {"khai báo tạm vắng"}},
        // Identity cards and electronic identity
        {"cccd", {"thẻ căn cước"}},
        {"căn cước công dân", {"thẻ căn cước"}},
        {"cmnd", {"thẻ căn cước", "xác nhận số chứng minh nhân dân"}},
        {"chứng minh nhân dân", {"thẻ căn cước", "xác nhận số chứng minh nhân dân"}},
        {"chứng minh thư", {"thẻ căn cước", "xác nhận số chứng minh nhân dân"}},
        {"cmt", {"thẻ căn cước"}},
        {"làm cccd", {"cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên"}},
        {"làm căn cước", {"cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên"}},
        {"làm thẻ căn cước", {"cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên"}},
        {"mất căn cước", {"cấp lại thẻ căn cước"}},
        {"mất cccd", {"cấp lại thẻ căn cước"}},
        {"làm lại căn cước", {"cấp lại thẻ căn cước"}},
        {"đổi căn cước", {"cấp đổi thẻ căn cước"}},
        {"căn cước cho con", {"cấp thẻ căn cước cho người dưới 14 tuổi"}},
        {"căn cước cho trẻ", {"cấp thẻ căn cước cho người dưới 14 tuổi"}},
        {"vneid", {"tài khoản định danh điện tử"}},
        {"định danh điện tử", {"tài khoản định danh điện tử"}},
        {"định danh mức 2", {"tài khoản định danh điện tử mức độ 02"}},
        {"định danh mức độ 2", {"tài khoản định danh điện tử mức độ 02"}},
        {"kích hoạt vneid", {"cấp tài khoản định danh điện tử mức độ 02 cho công dân việt nam"}},
        {"tài khoản vneid", {"tài khoản định danh điện tử"}},
        {"mã định danh", {"số định danh cá nhân"}},
        // Civil status
        {"khai sinh cho con", {"đăng ký khai sinh"}},
        {"giấy khai sinh", {"đăng ký khai sinh"}},
        {"làm lại khai sinh", {"đăng ký lại khai sinh"}},
        {"mất giấy khai sinh", {"cấp bản sao giấy khai sinh", "đăng ký lại khai sinh"}},
        {"bản sao khai sinh", {"cấp bản sao trích lục hộ tịch bản sao giấy khai sinh"}},
        {"trích lục khai sinh", {"cấp bản sao trích lục hộ tịch bản sao giấy khai sinh"}},
        {"trích lục", {"trích lục hộ tịch"}},
        {"báo tử", {"đăng ký khai tử"}},
        {"khai báo tử", {"đăng ký khai tử"}},
        {"giấy chứng tử", {"đăng ký khai tử"}},
        {"người chết", {"đăng ký khai tử"}},
        {"người mất", {"đăng ký khai tử"}},
        {"cưới", {"đăng ký kết hôn"}},
        {"đám cưới", {"đăng ký kết hôn"}},
        {"lấy vợ", {"đăng ký kết hôn"}},
        {"lấy chồng", {"đăng ký kết hôn"}},
        {"giấy đăng ký kết hôn", {"đăng ký kết hôn"}},
        {"lấy chồng nước ngoài", {"đăng ký kết hôn có yếu tố nước ngoài"}},
        {"lấy vợ nước ngoài", {"đăng ký kết hôn có yếu tố nước ngoài"}},
        {"độc thân", {"xác nhận tình trạng hôn nhân"}},
        {"xác nhận độc thân", {"xác nhận tình trạng hôn nhân"}},
        {"tình trạng hôn nhân", {"xác nhận tình trạng hôn nhân"}},
        {"ly dị", {"ly hôn"}},
        {"nhận con", {"nhận cha, mẹ, con"}},
        {"nhận cha cho con", {"nhận cha, mẹ, con"}},
        {"nhận bố", {"nhận cha, mẹ, con"}},
        {"nhận nuôi", {"nuôi con nuôi"}},
        {"xin con nuôi", {"đăng ký việc nuôi con nuôi"}},
        {"đổi tên", {"thay đổi, cải chính, bổ sung thông tin hộ tịch"}},
        {"sửa tên", {"thay đổi, cải chính, bổ sung thông tin hộ tịch"}},
        {"sửa ngày sinh", {"thay đổi, cải chính, bổ sung thông tin hộ tịch"}},
        {"sửa năm sinh", {"thay đổi, cải chính, bổ sung thông tin hộ tịch"}},
        {"đổi họ", {"thay đổi, cải chính, bổ sung thông tin hộ tịch"}},
        {"cải chính", {"thay đổi, cải chính, bổ sung thông tin hộ tịch"}},
        {"đổi dân tộc", {"xác định lại dân tộc"}},
        // Certification
        {"sao y", {"chứng thực bản sao từ bản chính"}},
        {"sao y bản chính", {"chứng thực bản sao từ bản chính"}},
        {"photo công chứng", {"chứng thực bản sao từ bản chính"}},
        {"công chứng", {"chứng thực"}},
        {"chứng thực giấy tờ", {"chứng thực bản sao từ bản chính"}},
        {"chứng thực chữ ký", {"chứng thực chữ ký trong các giấy tờ văn bản"}},
        {"thừa kế", {"phân chia di sản", "từ chối nhận di sản"}},
        {"chia thừa kế", {"phân chia di sản"}},
        {"hợp đồng mua bán đất", {"chứng thực giao dịch liên quan đến tài sản quyền sử dụng đất"}},
        {"bản sao sổ gốc", {"cấp bản sao từ sổ gốc"}},
        // Insurance
        {"bhyt", {"bảo hiểm y tế"}},
        {"bảo hiểm y tế", {"bhyt"}},
        {"bhxh", {"bảo hiểm xã hội"}},
        {"bảo hiểm xã hội", {"bhxh"}},
        {"thẻ bảo hiểm", {"thẻ bhyt"}},
        {"mua bhyt", {"đăng ký đóng, cấp thẻ bhyt đối với người chỉ tham gia bhyt"}},
        {"mua bảo hiểm y tế", {"đăng ký đóng, cấp thẻ bhyt đối với người chỉ tham gia bhyt"}},
        {"mua thẻ bhyt", {"đăng ký đóng, cấp thẻ bhyt đối với người chỉ tham gia bhyt"}},
        {"1 lần", {"một lần"}},
        {"bảo hiểm cho trẻ", {"thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi"}},
        {"rút bảo hiểm một lần", {"hưởng bảo hiểm xã hội một lần"}},
        {"rút bhxh", {"hưởng bảo hiểm xã hội một lần"}},
        {"rút sổ bảo hiểm", {"hưởng bảo hiểm xã hội một lần"}},
        {"sinh con", {"chế độ thai sản"}},
        {"đẻ", {"thai sản"}},
        {"nghỉ ốm", {"chế độ ốm đau"}},
        {"tai nạn lao động", {"tnlđ"}},
        {"bệnh nghề nghiệp", {"bnn"}},
        {"mai táng phí", {"chế độ tử tuất"}},
        {"tiền tuất", {"chế độ tử tuất"}},
        {"sổ bảo hiểm", {"sổ bhxh"}},
        // Vehicles
        {"xe máy", {"xe"}},
        {"xe gắn máy", {"xe"}},
        {"mô tô", {"xe"}},
        {"ô tô", {"xe"}},
        {"cà vẹt", {"chứng nhận đăng ký xe"}},
        {"giấy đăng ký xe", {"chứng nhận đăng ký xe"}},
        {"mất cà vẹt", {"cấp lại chứng nhận đăng ký xe"}},
        {"biển số", {"biển số xe"}},
        {"bấm biển", {"đăng ký xe lần đầu biển số"}},
        {"sang tên xe", {"thay đổi chủ xe đăng ký sang tên xe"}},
        {"mua xe cũ", {"thay đổi chủ xe đăng ký sang tên xe"}},
        {"bán xe", {"thu hồi chứng nhận đăng ký xe biển số xe"}},
        // Building, housing, business, social
        {"xây nhà", {"cấp giấy phép xây dựng"}},
        {"phép xây nhà", {"cấp giấy phép xây dựng"}},
        {"sửa nhà", {"giấy phép xây dựng sửa chữa, cải tạo"}},
        {"chặt cây", {"giấy phép chặt hạ, dịch chuyển cây xanh"}},
        {"mở quán", {"đăng ký thành lập hộ kinh doanh"}},
        {"đăng ký kinh doanh", {"đăng ký thành lập hộ kinh doanh"}},
        {"đăng ký hộ kinh doanh", {"đăng ký thành lập hộ kinh doanh"}},
        {"giấy phép kinh doanh", {"đăng ký thành lập hộ kinh doanh"}},
        {"đóng cửa hàng", {"chấm dứt hoạt động hộ kinh doanh"}},
        {"nghỉ bán", {"tạm ngừng kinh doanh"}},
        {"sổ hộ nghèo", {"công nhận hộ nghèo"}},
        {"giấy hộ nghèo", {"công nhận hộ nghèo"}},
        {"nhà xã hội", {"nhà ở xã hội"}},
        {"khiếu kiện", {"khiếu nại"}},
        {"tố giác", {"tố cáo"}},
        {"cai nghiện", {"cai nghiện ma túy"}},
        {"khởi kiện", {"gửi, nhận đơn khởi kiện"}},
    };
    return synonyms;
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
