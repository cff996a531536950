// SearchIndex on small real procedure names: folding, filler words, synonyms, one typo,
// prefixes while typing, and the ranking order.
#include <doctest/doctest.h>

#include <algorithm>

#include "kiosk/core/search/edit_distance.hpp"
#include "kiosk/core/search/filler_words.hpp"
#include "kiosk/core/search/search_index.hpp"
#include "kiosk/core/text.hpp"

using namespace kiosk;
using search::SearchIndex;

namespace {

// Real names from the portal data (procedures_all.jsonl), with their commune flag.
SearchIndex RealIndex(std::vector<content::Synonym> synonyms = {}) {
    return SearchIndex::Build(
        {
            {"1.001193", "Thủ tục đăng ký khai sinh", true},
            {"1.004884", "Thủ tục đăng ký lại khai sinh", true},
            {"1.000689", "Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con", true},
            {"2.000528", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", false},
            {"1.000894", "Thủ tục đăng ký kết hôn", true},
            {"1.000656", "Thủ tục đăng ký khai tử", true},
            {"1.004222", "Đăng ký thường trú", true},
            {"1.004194", "Đăng ký tạm trú", true},
            {"1.004873", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", true},
            {"2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp", true},
            {"1.014064", "Cấp lại thẻ căn cước", true},
            {"1.013978", "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất lần đầu", true},
            {"1.013442", "Khai báo vũ khí thô sơ là hiện vật trưng bày, triển lãm, làm đồ gia bảo", true},
            {"1.012566", "Xác nhận số chứng minh nhân dân 09 số, số định danh cá nhân (thực hiện tại cấp xã)", true},
            {"1.004859", "Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc", true},
            {"9.000001", "Số hóa hồ sơ", false},
            {"9.000002", "Sổ hộ tịch", false},
        },
        synonyms);
}

std::vector<std::string> Codes(const std::vector<search::SearchHit>& hits) {
    std::vector<std::string> codes;
    for (const auto& hit : hits) codes.push_back(hit.code);
    return codes;
}

bool InTop(const std::vector<search::SearchHit>& hits, const std::string& code, size_t top) {
    for (size_t index = 0; index < hits.size() && index < top; ++index)
        if (hits[index].code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("search: typing without diacritics finds the same procedure") {
    auto index = RealIndex();
    CHECK(index.Search("dang ky khai sinh", 1).at(0).code == "1.001193");
    CHECK(index.Search("Đăng ký khai sinh", 1).at(0).code == "1.001193");
    CHECK(index.Search("ĐĂNG KÝ KẾT HÔN", 1).at(0).code == "1.000894");
    CHECK(index.Search("dang ky ket hon", 1).at(0).code == "1.000894");
}

TEST_CASE("search: exact diacritics rank above other words that fold the same") {
    auto index = RealIndex();
    // "sổ" and "số" both fold to "so": the one typed with its marks wins.
    auto hits = index.Search("sổ hộ tịch", 2);
    REQUIRE(!hits.empty());
    CHECK(hits[0].code == "9.000002");
    auto typed = index.Search("số hóa", 2);
    REQUIRE(!typed.empty());
    CHECK(typed[0].code == "9.000001");
}

TEST_CASE("search: filler words are ignored") {
    auto index = RealIndex();
    auto plain = index.Search("khai sinh", 3);
    auto filled = index.Search("xin làm giấy khai sinh cho con", 3);
    REQUIRE_FALSE(filled.empty());
    CHECK(Codes(plain) == Codes(filled));
    CHECK(filled[0].code == "1.001193");
    CHECK(index.Search("thu tuc dang ky ket hon nhu the nao", 1).at(0).code == "1.000894");
    // Only filler typed: still searched, not emptied.
    auto positions = search::KeptWordPositions({"giay"});
    CHECK(positions.size() == 1);
    CHECK(search::KeptWordPositions({"lam", "can", "cuoc"}) == std::vector<size_t>{1, 2});  // "căn" is not filler
}

TEST_CASE("search: synonyms from the content map citizens' words to the official ones") {
    auto without = RealIndex();
    auto with = RealIndex({{"sổ đỏ", {"giấy chứng nhận quyền sử dụng đất"}},
                           {"độc thân", {"xác nhận tình trạng hôn nhân"}},
                           {"cccd", {"thẻ căn cước"}},
                           {"báo tử", {"khai tử"}}});
    CHECK_FALSE(InTop(without.Search("so do", 3), "1.013978", 1));
    CHECK(with.Search("so do", 1).at(0).code == "1.013978");
    CHECK(with.Search("sổ đỏ", 1).at(0).code == "1.013978");
    CHECK(with.Search("xac nhan doc than", 1).at(0).code == "1.004873");
    CHECK(with.Search("cap lai cccd", 1).at(0).code == "1.014064");
    CHECK(with.Search("bao tu", 1).at(0).code == "1.000656");
}

TEST_CASE("search: one typo is tolerated in words of four letters or more") {
    auto index = RealIndex();
    CHECK(index.Search("dang ky khai sihn", 1).at(0).code == "1.001193");  // swapped letters
    CHECK(index.Search("dang ky thuong tu", 1).at(0).code == "1.004222");  // a letter left out
    CHECK(index.Search("dang ky tamm tru", 1).at(0).code == "1.004194");   // a letter too many
    CHECK(index.Search("dang ky ket hin", 1).at(0).code == "1.000894");    // a wrong letter
    // Two typos in one word are too many: "sinh" is not found from "sjnk".
    CHECK_FALSE(InTop(index.Search("sjnk", 5), "1.001193", 5));
    CHECK(search::WithinOneEdit("sinh", "sihn"));
    CHECK(search::WithinOneEdit("thuong", "thuon"));
    CHECK_FALSE(search::WithinOneEdit("sinh", "snhi"));
}

TEST_CASE("search: the word being typed matches as a prefix") {
    auto index = RealIndex();
    CHECK(index.Search("ket ho", 1).at(0).code == "1.000894");
    CHECK(index.Search("dang ky tam t", 1).at(0).code == "1.004194");
    // A finished word (space typed after it) must match whole: "thuo" is no word, so
    // "Đăng ký thường trú" scores less, or not at all.
    auto typing = index.Search("dang ky thuo", 1);
    REQUIRE_FALSE(typing.empty());
    CHECK(typing[0].code == "1.004222");
    for (const auto& hit : index.Search("dang ky thuo ", 10))
        if (hit.code == "1.004222") CHECK(hit.score < typing[0].score);
}

TEST_CASE("search: ranking prefers commune level, then shorter names") {
    auto index = RealIndex();
    auto hits = index.Search("dang ky khai sinh", 10);
    auto codes = Codes(hits);
    auto position = [&](const std::string& code) {
        return std::find(codes.begin(), codes.end(), code) - codes.begin();
    };
    CHECK(position("1.001193") == 0);
    CHECK(position("1.001193") < position("1.000689"));  // both hold the phrase: the shorter first
    CHECK(position("1.000689") < position("2.000528"));  // commune level first
    CHECK(position("1.004884") < position("2.000528"));
    for (size_t index_ = 1; index_ < hits.size(); ++index_) CHECK(hits[index_ - 1].score >= hits[index_].score);
}

TEST_CASE("search: whole words rank above prefixes and typos") {
    auto index = RealIndex();
    auto hits = index.Search("tam tru", 2);
    REQUIRE(hits.size() >= 1);
    CHECK(hits[0].code == "1.004194");
}

TEST_CASE("search: a procedure code finds its procedure — nonsense finds nothing") {
    auto index = RealIndex();
    CHECK(index.Search("1.004873", 1).at(0).code == "1.004873");
    CHECK(index.Search("", 5).empty());
    CHECK(index.Search("   ", 5).empty());
    CHECK(index.Search("?!", 5).empty());
    CHECK(index.Search("qwrtzx plmkjn", 5).empty());
    CHECK(index.Search("khai sinh", 0).empty());
}

TEST_CASE("text: words are split on punctuation, numbers keep their dots") {
    CHECK(text::SplitWords("Đăng ký (cấp xã), khai-sinh") == std::vector<std::string>{"Đăng", "ký", "cấp", "xã", "khai", "sinh"});
    CHECK(text::SplitWords("mã 1.000894.") == std::vector<std::string>{"mã", "1.000894"});
    CHECK(text::SplitWords("").empty());
}
