// The staff pages for people (issue 14): the quarterly satisfaction report with its SVG
// trend, print style and CSV of the same period, and the optional staff password — against
// the real kiosk-server on 127.0.0.1, with votes sent through its real API. The report and
// the fleet page are rendered by a real browser (Debian's Chromium, headless), whose DOM
// is checked and whose screenshots land in build/screenshots (copied to docs/screenshots).
#include <doctest/doctest.h>

#include <ctime>

#include <nlohmann/json.hpp>

#include "kiosk/core/bundle/base64_text.hpp"
#include "kiosk/core/heartbeat/heartbeat.hpp"
#include "kiosk/core/votes/vote.hpp"
#include "tests/integration/server_harness.hpp"
#include "tests/integration/votes_http.hpp"

using namespace kiosk;
using namespace kiosk::testing;
using nlohmann::json;

namespace {

constexpr const char* kHallToken = "tok-report-hall-0123456789abcdef";
constexpr const char* kPostToken = "tok-report-post-0123456789abcdef";

std::int64_t LocalMs(int year, int month, int day, int hour = 10) {
    std::tm local{};
    local.tm_year = year - 1900;
    local.tm_mon = month - 1;
    local.tm_mday = day;
    local.tm_hour = hour;
    local.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&local)) * 1000;
}

json VoteAt(const std::string& kiosk_id, std::int64_t at_ms, int rating, const std::string& desk,
            const std::string& field, const std::string& reason = "") {
    static int sequence = 0;
    Vote vote;
    vote.uuid = NewVoteUuid();
    vote.kiosk_id = kiosk_id;
    vote.desk_id = desk;
    vote.rating = rating;
    vote.scale = 3;
    vote.field_id = field;
    vote.reason_code = reason;
    vote.recorded_at_ms = at_ms;
    vote.clock_synchronised = true;
    vote.sequence = ++sequence;
    return VoteToJson(vote);
}

struct ReportFixture {
    TemporaryDirectory directory;
    std::unique_ptr<HardenedServer> server;

    explicit ReportFixture(const std::vector<std::string>& extra = {}) {
        KeepLoopbackOffProxies();
        WriteFile(directory / "tokens",
                  std::string("kiosk-hall ") + kHallToken + "\nkiosk-post-office " + kPostToken + "\n");
        server = std::make_unique<HardenedServer>(directory / "server.sqlite", directory / "tokens", extra);
        REQUIRE(server->started());
    }
    void Send(const std::vector<json>& votes, const char* token = kHallToken) {
        auto reply = HttpCall("POST", server->url() + "/api/v1/votes", json{{"votes", votes}}.dump(),
                              std::string("Bearer ") + token);
        REQUIRE(reply.status == 200);
        for (const auto& result : json::parse(reply.body)["results"]) REQUIRE(result["status"] == "accepted");
    }
    // A quarter a commune reports on: Q4/2025, with September before it for the trend.
    void SendQuarter() {
        std::vector<json> hall = {
            VoteAt("kiosk-hall", LocalMs(2025, 9, 20), 3, "quay-1", "ho-tich"),
            VoteAt("kiosk-hall", LocalMs(2025, 9, 21), 1, "quay-1", "ho-tich", "cho-doi-lau"),
            // October: 4 counted, 3 satisfied.
            VoteAt("kiosk-hall", LocalMs(2025, 10, 5), 3, "quay-1", "ho-tich"),
            VoteAt("kiosk-hall", LocalMs(2025, 10, 6), 2, "quay-1", "ho-tich"),
            VoteAt("kiosk-hall", LocalMs(2025, 10, 7), 3, "quay-2", "dat-dai"),
            VoteAt("kiosk-hall", LocalMs(2025, 10, 8), 1, "quay-2", "dat-dai", "cho-doi-lau"),
            // November: 2 counted, 1 satisfied; one more tap within the cooldown, not counted.
            VoteAt("kiosk-hall", LocalMs(2025, 11, 10), 3, "quay-1", "ho-tich"),
            VoteAt("kiosk-hall", LocalMs(2025, 11, 11), 1, "quay-2", "dat-dai", "can-bo-huong-dan-chua-ro"),
        };
        json repeat = VoteAt("kiosk-hall", LocalMs(2025, 11, 11), 1, "quay-2", "dat-dai");
        repeat["suppressed"] = true;
        repeat["suppression"] = "cooldown";
        hall.push_back(repeat);
        Send(hall);
        // December, at the post office: 2 counted, both satisfied; a second vote for one
        // dossier is stored but not counted.
        json first = VoteAt("kiosk-post-office", LocalMs(2025, 12, 2), 3, "quay-buu-dien", "ho-tich");
        first["dossier_code"] = "H19.22-251202-0001";
        json again = VoteAt("kiosk-post-office", LocalMs(2025, 12, 3), 1, "quay-buu-dien", "ho-tich");
        again["dossier_code"] = "H19.22-251202-0001";
        Send({first, again, VoteAt("kiosk-post-office", LocalMs(2025, 12, 4), 2, "quay-buu-dien", "ho-tich")},
             kPostToken);
    }
    HttpReply Get(const std::string& path, const std::string& authorization = "") {
        return HttpCall("GET", server->url() + path, "", authorization);
    }
};

std::string Between(const std::string& text, const std::string& from, const std::string& to) {
    auto start = text.find(from);
    if (start == std::string::npos) return "";
    auto end = text.find(to, start + from.size());
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::size_t Count(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
    return count;
}

// Debian's Chromium, headless, as root in CI (hence no sandbox), with a profile of its own
// and none of its calls home (a commune LAN has no internet, nor has CI).
std::vector<std::string> Chromium(const TemporaryDirectory& profile, std::vector<std::string> arguments) {
    std::vector<std::string> command{"/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                     "--no-first-run", "--disable-background-networking", "--disable-component-update",
                                     "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile.path().string()};
    command.insert(command.end(), arguments.begin(), arguments.end());
    return command;
}

void RequireChromium() {
    REQUIRE_MESSAGE(std::filesystem::exists("/usr/bin/chromium"),
                    "Debian's chromium is needed to render the staff pages (.ci/setup installs it: apt install chromium)");
}

}  // namespace

TEST_CASE("report: the quarter's rate per month, quarter, desk and field, reasons, repeats apart, no script") {
    ReportFixture fixture;
    fixture.SendQuarter();
    auto page = fixture.Get("/report?period=2025-Q4");
    REQUIRE(page.status == 200);
    const std::string& html = page.body;
    CHECK(html.find("Quý IV năm 2025 (01/10/2025 – 31/12/2025)") != std::string::npos);
    // 8 counted in the quarter (4 + 2 + 2), 6 satisfied: 75,0 %.
    std::string summary = Between(html, "<table class=\"summary\">", "</table>");
    CHECK(summary.find("<b>8</b>") != std::string::npos);
    CHECK(summary.find("75,0 %") != std::string::npos);
    CHECK(summary.find("Phiếu bấm lặp, không tính</th><td class=\"number\">2<") != std::string::npos);
    // Per month: October 75 %, November 50 %, December 100 %; September is outside the quarter.
    std::string months = Between(html, "<h2>Theo tháng</h2>", "</table>");
    CHECK(months.find("Tháng 10/2025</td><td class=\"number\">4</td><td class=\"number\">3</td>") != std::string::npos);
    CHECK(months.find("Tháng 11/2025</td><td class=\"number\">2</td><td class=\"number\">1</td>") != std::string::npos);
    CHECK(months.find("100,0 %") != std::string::npos);
    CHECK(months.find("09/2025") == std::string::npos);
    // Per quarter of the year: Q3 holds September's 2 votes, one satisfied.
    std::string quarters = Between(html, "<h2>Theo quý năm 2025</h2>", "</table>");
    CHECK(quarters.find("Quý III</td><td class=\"number\">2</td><td class=\"number\">1</td>") != std::string::npos);
    CHECK(quarters.find("Quý IV</td><td class=\"number\">8</td><td class=\"number\">6</td>") != std::string::npos);
    // Per desk and per field.
    std::string desks = Between(html, "<h2>Theo ki-ốt và quầy</h2>", "</table>");
    CHECK(desks.find("kiosk-hall / quay-2</td><td class=\"number\">3</td><td class=\"number\">1</td>") !=
          std::string::npos);
    CHECK(desks.find("kiosk-post-office / quay-buu-dien") != std::string::npos);
    std::string fields = Between(html, "<h2>Theo lĩnh vực</h2>", "</table>");
    CHECK(fields.find("ho-tich</td><td class=\"number\">5</td><td class=\"number\">5</td>") != std::string::npos);
    CHECK(fields.find("dat-dai</td><td class=\"number\">3</td><td class=\"number\">1</td>") != std::string::npos);
    // The reasons the two dissatisfied gave.
    std::string reasons = Between(html, "<h2>Lý do chưa hài lòng</h2>", "</table>");
    CHECK(reasons.find("cho doi lau</td><td class=\"number\">1</td><td class=\"number\">50,0 %") != std::string::npos);
    CHECK(reasons.find("can bo huong dan chua ro") != std::string::npos);
    // Suppressed by kind.
    std::string suppressed = Between(html, "<h2>Phiếu không tính vào tỷ lệ</h2>", "</table>");
    CHECK(suppressed.find("Bấm lặp trong thời gian chờ") != std::string::npos);
    CHECK(suppressed.find("Hồ sơ đã được đánh giá trước đó") != std::string::npos);
    // The trend: twelve months drawn on the server, the quarter's three in full colour.
    std::string chart = Between(html, "<svg", "</svg>");
    CHECK(Count(chart, "<rect class=\"month\"") == 4);  // September to December have votes
    CHECK(Count(chart, "fill-opacity=\"1\"") == 3);
    CHECK(chart.find("Mục tiêu 90 %") != std::string::npos);
    CHECK(chart.find("12/2024") == std::string::npos);  // twelve months: 12/2024 would be the thirteenth
    CHECK(chart.find("01/2025") != std::string::npos);
    // Made for a LAN and for paper.
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http") == std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("href=\"/report.csv?period=2025-Q4\"") != std::string::npos);
    CHECK(html.find("href=\"/report?period=2025-Q3\"") != std::string::npos);

    // Without a period: the quarter of the latest vote.
    CHECK(fixture.Get("/report").body.find("Quý IV năm 2025") != std::string::npos);
    // A month, a year.
    auto november = fixture.Get("/report?period=2025-11").body;
    CHECK(Between(november, "<table class=\"summary\">", "</table>").find("<b>2</b>") != std::string::npos);
    auto year = fixture.Get("/report?period=2025").body;
    CHECK(Between(year, "<table class=\"summary\">", "</table>").find("<b>10</b>") != std::string::npos);
    // A period that is none: a sentence, not a page of zeros.
    auto wrong = fixture.Get("/report?period=2025-Q5");
    CHECK(wrong.status == 400);
    CHECK(wrong.body.find("không phải một kỳ báo cáo") != std::string::npos);
}

TEST_CASE("report: the CSV holds exactly the period's votes") {
    ReportFixture fixture;
    fixture.SendQuarter();
    auto csv = fixture.Get("/report.csv?period=2025-Q4");
    REQUIRE(csv.status == 200);
    CHECK(csv.content_type.find("text/csv") == 0);
    // A header and the quarter's 10 votes (8 counted, 2 repeats); September's 2 are not in it.
    CHECK(Count(csv.body, "\r\n") == 1 + 10);
    CHECK(csv.body.rfind("uuid,kiosk_id,desk_id,rating", 0) == 0);
    CHECK(csv.body.find("2025-09-") == std::string::npos);
    CHECK(Count(fixture.Get("/report.csv?period=2025-09").body, "\r\n") == 1 + 2);
    CHECK(fixture.Get("/report.csv?period=nope").status == 400);
}

TEST_CASE("report: with --staff-password-file the staff pages ask for the password, kiosks still vote") {
    TemporaryDirectory secrets;
    auto hashed = RunCommand({"/bin/sh", "-c", "printf 'mat-khau-can-bo-2026\\n' | \"$0\" hash-password",
                              ServerBinary().string()});
    REQUIRE(hashed.exit_code == 0);
    REQUIRE(hashed.output.rfind("$argon2id$", 0) == 0);
    WriteFile(secrets / "staff-password", hashed.output);
    ReportFixture fixture({"--staff-password-file", (secrets / "staff-password").string()});
    fixture.SendQuarter();  // the vote API keeps its own tokens

    auto good = "Basic " + bundle::EncodeBase64("can-bo:mat-khau-can-bo-2026");
    auto bad = "Basic " + bundle::EncodeBase64("can-bo:mat-khau-sai-2026");
    for (const char* path : {"/report", "/report?period=2025-Q4", "/report.csv", "/fleet", "/api/v1/fleet",
                             "/api/v1/votes/summary", "/"}) {
        CAPTURE(path);
        auto none = fixture.Get(path);
        CHECK(none.status == 401);
        CHECK(none.body.find("Cần mật khẩu cán bộ") != std::string::npos);
        CHECK(none.body.find("Theo tháng") == std::string::npos);
        CHECK(fixture.Get(path, bad).status == 401);
        CHECK(fixture.Get(path, good).status == 200);
    }
    // The hash file must be a hash: a password written in it by mistake is refused at start.
    WriteFile(secrets / "plain", "mat-khau-can-bo-2026\n");
    auto refused = RunWithErrors({ServerBinary().string(), "--listen", "127.0.0.1:0", "--db",
                                  (secrets / "db.sqlite").string(), "--tokens", (fixture.directory / "tokens").string(),
                                  "--staff-password-file", (secrets / "plain").string()});
    CHECK(refused.exit_code == 2);
    CHECK(refused.output.find("not a password hash") != std::string::npos);
    // Too short a password is refused by hash-password.
    auto short_one = RunWithErrors({"/bin/sh", "-c", "printf 'ngan\\n' | \"$0\" hash-password", ServerBinary().string()});
    CHECK(short_one.exit_code == 1);
    CHECK(short_one.output.find("at least 10 characters") != std::string::npos);
}

TEST_CASE("report and fleet: Chromium renders both pages, their words and chart are there, screenshots kept") {
    RequireChromium();
    ReportFixture fixture;
    fixture.SendQuarter();
    // Two kiosks on the fleet page: one reporting now, one silent for a day.
    auto beat = [&](const char* kiosk_id, const char* token, std::int64_t sent_at_ms) {
        Heartbeat heartbeat;
        heartbeat.kiosk_id = kiosk_id;
        heartbeat.sent_at_ms = sent_at_ms;
        heartbeat.clock_synchronised = true;
        heartbeat.software_version = "0.2.0";
        heartbeat.content_version = "xa-minh-hoa v12";
        heartbeat.uptime_s = 86400;
        heartbeat.votes_pending = 0;
        heartbeat.free_disk_bytes = 12'000'000'000LL;
        return HttpCall("POST", fixture.server->url() + "/api/v1/heartbeat", HeartbeatToJson(heartbeat).dump(),
                        std::string("Bearer ") + token);
    };
    auto now_ms = static_cast<std::int64_t>(std::time(nullptr)) * 1000;
    REQUIRE(beat("kiosk-hall", kHallToken, now_ms).status == 200);

    TemporaryDirectory profile;
    auto screenshots = BinaryDirectory() / "screenshots";
    std::filesystem::create_directories(screenshots);

    auto dom = RunCommand(Chromium(profile, {"--dump-dom", fixture.server->url() + "/report?period=2025-Q4"}),
                          std::chrono::seconds(120));
    REQUIRE(dom.exit_code == 0);
    // What the browser built from the page: the title, the rate, every section, the chart's bars.
    CHECK(dom.output.find("Kết quả đánh giá mức độ hài lòng của người dân, tổ chức") != std::string::npos);
    CHECK(dom.output.find("Quý IV năm 2025") != std::string::npos);
    CHECK(dom.output.find("75,0 %") != std::string::npos);
    for (const char* section : {"Xu hướng 12 tháng", "Theo tháng", "Theo quý năm 2025", "Theo ki-ốt và quầy",
                                "Theo lĩnh vực", "Lý do chưa hài lòng", "Phiếu không tính vào tỷ lệ"})
        CHECK_MESSAGE(dom.output.find(section) != std::string::npos, section);
    CHECK(Count(dom.output, "class=\"month\"") == 4);

    auto report_png = screenshots / "report-2025-Q4.png";
    std::filesystem::remove(report_png);
    auto shot = RunCommand(Chromium(profile, {"--window-size=1280,2600", "--screenshot=" + report_png.string(),
                                              fixture.server->url() + "/report?period=2025-Q4"}),
                           std::chrono::seconds(120));
    CHECK(shot.exit_code == 0);
    REQUIRE(std::filesystem::exists(report_png));
    CHECK(std::filesystem::file_size(report_png) > 50'000);  // a page of text and a chart, not a blank

    // Printed (the print style: no navigation, A4), Chromium lays it out on paper.
    auto pdf = screenshots / "report-2025-Q4.pdf";
    auto printed = RunCommand(Chromium(profile, {"--no-pdf-header-footer", "--print-to-pdf=" + pdf.string(),
                                                 fixture.server->url() + "/report?period=2025-Q4"}),
                              std::chrono::seconds(120));
    CHECK(printed.exit_code == 0);
    CHECK(std::filesystem::exists(pdf));
    CHECK(ReadFile(pdf).rfind("%PDF", 0) == 0);

    auto fleet_dom = RunCommand(Chromium(profile, {"--dump-dom", fixture.server->url() + "/fleet"}),
                                std::chrono::seconds(120));
    REQUIRE(fleet_dom.exit_code == 0);
    CHECK(fleet_dom.output.find("Tình trạng các ki-ốt") != std::string::npos);
    CHECK(fleet_dom.output.find("kiosk-hall") != std::string::npos);
    CHECK(fleet_dom.output.find("xa-minh-hoa v12") != std::string::npos);
    auto fleet_png = screenshots / "fleet.png";
    std::filesystem::remove(fleet_png);
    auto fleet_shot = RunCommand(Chromium(profile, {"--window-size=1280,900", "--screenshot=" + fleet_png.string(),
                                                    fixture.server->url() + "/fleet"}),
                                 std::chrono::seconds(120));
    CHECK(fleet_shot.exit_code == 0);
    CHECK(std::filesystem::exists(fleet_png));
}
