// Staff mode's rules without a window: the PIN hash, the lockout that survives a restart,
// the audit log, and the log's memory of recent errors.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "kiosk/core/config.hpp"
#include "kiosk/core/heartbeat/heartbeat_collector.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/core/staff/audit_log.hpp"
#include "kiosk/core/staff/pin_lockout.hpp"
#include "kiosk/core/staff/staff_pin.hpp"
#include "kiosk/core/staff/staff_wording.hpp"
#include <nlohmann/json.hpp>

#include "kiosk/core/votes/vote.hpp"
#include "kiosk/core/version.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
using namespace kiosk::staff;

TEST_CASE("staff pin: only 4 to 8 digits are a PIN, and the hash checks the PIN it was made from") {
    CHECK_FALSE(CheckPinFormat("123"));
    CHECK_FALSE(CheckPinFormat("123456789"));
    CHECK_FALSE(CheckPinFormat("12a4"));
    CHECK_FALSE(CheckPinFormat(" 1234"));
    CHECK(CheckPinFormat("0000"));
    CHECK(CheckPinFormat("87654321"));
    CHECK_FALSE(HashPin("12"));

    auto hash = HashPin("2468");
    REQUIRE(hash.ok());
    CHECK(hash->find("2468") == std::string::npos);
    CHECK(IsPinHash(*hash));
    CHECK(PinMatches(*hash, "2468"));
    CHECK_FALSE(PinMatches(*hash, "2469"));
    CHECK_FALSE(PinMatches(*hash, "24680"));
    CHECK_FALSE(PinMatches("not a hash", "2468"));
    CHECK_FALSE(IsPinHash("2468"));
}

TEST_CASE("staff pin: the configuration refuses a pin_hash that is not a hash, and has no PIN by default") {
    CHECK(DefaultConfig().staff.pin_hash.empty());
    CHECK_FALSE(ParseConfig(R"({"staff": {"pin_hash": "1234"}})", "/"));
    auto hash = HashPin("1357");
    REQUIRE(hash.ok());
    auto config = ParseConfig(R"({"staff": {"pin_hash": ")" + *hash + R"(", "hold_s": 8}})", "/");
    REQUIRE(config.ok());
    CHECK(config->staff.hold_s == 8);
    CHECK_FALSE(ParseConfig(R"({"staff": {"hold_s": 2}})", "/"));
    CHECK_FALSE(ParseConfig(R"({"staff": {"hold_s": 31}})", "/"));
}

TEST_CASE("staff lockout: five wrong PINs lock for 5 minutes, then 10, and a restart does not reset it") {
    kiosk::testing::TemporaryDirectory state;
    auto file = state / "staff-lockout.json";
    std::time_t now = 1'800'000'000;
    auto lockout = PinLockout::Load(file, now);
    CHECK_FALSE(lockout.LockedAt(now));
    for (int attempt = 0; attempt < 4; ++attempt) REQUIRE(lockout.RecordFailure(now + attempt));
    CHECK(lockout.attempts_left() == 1);
    CHECK_FALSE(lockout.LockedAt(now + 4));

    // A restart between the fourth and the fifth wrong PIN.
    lockout = PinLockout::Load(file, now + 4);
    CHECK(lockout.attempts_left() == 1);
    REQUIRE(lockout.RecordFailure(now + 5));
    CHECK(lockout.LockedAt(now + 5));
    CHECK(lockout.locked_until() == now + 5 + 5 * 60);

    lockout = PinLockout::Load(file, now + 60);  // and another restart while locked
    CHECK(lockout.LockedAt(now + 60));
    CHECK_FALSE(lockout.LockedAt(now + 5 + 5 * 60));
    struct stat info{};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 077) == 0);  // only the kiosk's user reads it

    // The next round of five locks twice as long.
    std::time_t later = now + 1000;
    for (int attempt = 0; attempt < 5; ++attempt) REQUIRE(lockout.RecordFailure(later));
    CHECK(lockout.locked_until() == later + 10 * 60);

    // Success (once unlocked) starts the count and the doubling again.
    REQUIRE(lockout.RecordSuccess());
    lockout = PinLockout::Load(file, later + 20 * 60);
    CHECK(lockout.attempts_left() == 5);
    CHECK(lockout.rounds_locked() == 0);
}

TEST_CASE("staff lockout: a damaged state file locks the pad instead of resetting the count") {
    kiosk::testing::TemporaryDirectory state;
    auto file = state / "staff-lockout.json";
    kiosk::testing::WriteFile(file, "{garbage");
    auto lockout = PinLockout::Load(file, 1000);
    CHECK(lockout.LockedAt(1000));
    CHECK(lockout.locked_until() == 1000 + 5 * 60);
}

TEST_CASE("staff audit log: entries come back newest first, survive reopening, and the file stays bounded") {
    kiosk::testing::TemporaryDirectory state;
    AuditLog log(state / "staff-audit.jsonl");
    REQUIRE(log.Append({100, "staff_mode_opened", "ok", "Cán bộ mở chế độ cán bộ.", 3, 3}));
    REQUIRE(log.Append({200, "install_usb", "refused", "Gói nội dung bị từ chối: chữ ký không hợp lệ.", 3, 3}));
    auto recent = AuditLog(state / "staff-audit.jsonl").Recent(10);
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].action == "install_usb");
    CHECK(recent[0].result == "refused");
    CHECK(recent[1].time == 100);
    // Years of actions: the next append trims the file to the newest entries.
    std::string years;
    for (int index = 0; index < 1500; ++index)
        years += R"({"time":)" + std::to_string(300 + index) + R"(,"action":"check_server","result":"ok","detail":")" +
                 std::string(150, 'x') + R"(","version_before":3,"version_after":3})" + "\n";
    kiosk::testing::WriteFile(state / "staff-audit.jsonl", years);
    REQUIRE(log.Append({5000, "rollback", "ok", "Đã quay lại phiên bản 2.", 3, 2}));
    auto all = log.Recent(100000);
    CHECK(all.size() <= 2 * AuditLog::kKeptEntries);
    CHECK(all.size() >= AuditLog::kKeptEntries);
    CHECK(all.front().time == 5000);
}

TEST_CASE("log: errors and warnings are remembered newest first, at most twenty, with their sentence for staff") {
    log::ForgetRecentErrors();
    log::Info("an info line is not an error");
    log::Failure("the content was refused", "Nội dung bị từ chối.");
    for (int index = 0; index < 25; ++index) log::Warning("warning " + std::to_string(index));
    auto errors = log::RecentErrors();
    CHECK(errors.size() == log::kKeptErrors);
    CHECK(errors.front().message == "warning 24");
    log::ForgetRecentErrors();
    log::Failure("the content was refused", "Nội dung bị từ chối.");
    errors = log::RecentErrors();
    REQUIRE(errors.size() == 1);
    CHECK(errors.front().message_vietnamese == "Nội dung bị từ chối.");
}

TEST_CASE("version: the software says its version, and dotted versions compare number by number") {
    CHECK(kiosk::SoftwareVersion() == KIOSK_EXPECTED_VERSION);
    CHECK(kiosk::CompareVersions("0.10.0", "0.9.1") > 0);
    CHECK(kiosk::CompareVersions("1.2", "1.2.0") == 0);
    CHECK(kiosk::CompareVersions("1.2.0", "1.3") < 0);
    CHECK(kiosk::CompareVersions("2", "10") < 0);
}

TEST_CASE("staff wording: dates, sizes, durations and counts the way people read them") {
    CHECK(kiosk::staff::VietnameseDate("2026-12-03") == "03/12/2026");
    CHECK(kiosk::staff::VietnameseDate("2026-12-03T09:15:00Z") == "03/12/2026");
    CHECK(kiosk::staff::VietnameseDate("yesterday").empty());
    constexpr std::time_t kFirstDecember2026 = 1796083200;
    CHECK(kiosk::staff::DaysSince("2026-12-01", kFirstDecember2026 - 86400) == 0);  // a date to come counts as today
    CHECK(kiosk::staff::DaysSince("2026-12-01T08:00:00Z", kFirstDecember2026 + 3 * 86400 + 60) == 3);
    CHECK(kiosk::staff::VietnameseDateTimeOfIso("2026-12-03") == "03/12/2026");
    CHECK(kiosk::staff::VietnameseDateTimeOfIso("2026-12-03T09:15:00Z") ==
          kiosk::staff::VietnameseDateTime(kFirstDecember2026 + 2 * 86400 + 9 * 3600 + 15 * 60));
    CHECK(kiosk::staff::VietnameseDateTimeOfIso("soon").empty());
    CHECK(kiosk::staff::VietnameseBytes(1'500'000'000ull) == "1,5 GB");
    CHECK(kiosk::staff::VietnameseBytes(850'000'000ull) == "850 MB");
    CHECK(kiosk::staff::VietnameseDuration(45) == "45 giây");
    CHECK(kiosk::staff::VietnameseDuration(2 * 3600 + 15 * 60) == "2 giờ 15 phút");
    CHECK(kiosk::staff::VietnameseDuration(3 * 86400 + 2 * 3600 + 5) == "3 ngày 2 giờ");
    CHECK(kiosk::staff::VietnameseCount(2642) == "2.642");
    CHECK(kiosk::staff::VietnameseCount(999) == "999");
    CHECK(kiosk::staff::AuditActionWords("rollback") == "Quay lại phiên bản trước");
}

TEST_CASE("staff wording: a bundle under 1 MB is not \"0 MB\": sizes in the unit a person reads") {
    using kiosk::staff::VietnameseBytes;
    CHECK(VietnameseBytes(0) == "0 byte");
    CHECK(VietnameseBytes(512) == "512 byte");
    CHECK(VietnameseBytes(4'321) == "4,3 KB");
    CHECK(VietnameseBytes(350'000) == "350 KB");
    CHECK(VietnameseBytes(999'499) == "999 KB");
    CHECK(VietnameseBytes(999'600) == "1 MB");  // not "1000 KB"
    CHECK(VietnameseBytes(1'200'000) == "1,2 MB");
    CHECK(VietnameseBytes(2'000'000) == "2 MB");  // no ",0"
    CHECK(VietnameseBytes(9'960'000) == "10 MB");
    CHECK(VietnameseBytes(12'345'678) == "12 MB");
    CHECK(VietnameseBytes(3'200'000'000'000ull) == "3,2 TB");
}

TEST_CASE("staff test votes: the suppression \"staff_test\" travels on the wire and back") {
    CHECK(SuppressionName(Suppression::StaffTest) == "staff_test");
    CHECK(ParseSuppression("staff_test") == Suppression::StaffTest);
    Vote vote;
    vote.uuid = NewVoteUuid();
    vote.kiosk_id = "kiosk-1";
    vote.desk_id = "quay-1";
    vote.rating = 3;
    vote.scale = 3;
    vote.recorded_at_ms = 1796083200000;
    vote.sequence = 1;
    vote.suppression = Suppression::StaffTest;
    auto back = VoteFromJson(VoteToJson(vote));
    REQUIRE(back.ok());
    CHECK(back->suppression == Suppression::StaffTest);
    CHECK(back->suppressed());
}

TEST_CASE("staff audit: entries are numbered, and the heartbeat carries those not yet reported, once") {
    testing::TemporaryDirectory state;
    AuditLog audit(state / "staff-audit.jsonl");
    for (const char* action : {"staff_mode_opened", "install_usb", "rollback"}) {
        AuditEntry entry;
        entry.time = 1796083200;
        entry.action = action;
        entry.result = "ok";
        entry.detail = std::string("Đã làm: ") + action;
        entry.version_before = 7;
        entry.version_after = 8;
        REQUIRE(audit.Append(entry).ok());
    }
    CHECK(audit.LastSequence() == 3);
    CHECK(audit.After(1, 10).size() == 2);
    CHECK(audit.After(1, 10).front().action == "install_usb");

    HeartbeatSources sources{"kiosk-1", state / "no-outbox.sqlite", state.path(), nullptr};
    sources.audit_log_file = audit.file();
    sources.audit_reported_through = 1;  // the first was reported by an earlier heartbeat
    Heartbeat heartbeat = CollectHeartbeat(sources);
    REQUIRE(heartbeat.staff_actions.size() == 2);
    CHECK(heartbeat.staff_actions[0].sequence == 2);
    CHECK(heartbeat.staff_actions[0].action == "install_usb");
    CHECK(heartbeat.staff_actions[0].at_ms == 1796083200000);
    CHECK(heartbeat.staff_actions[1].version_after == 8);

    auto back = HeartbeatFromJson(HeartbeatToJson(heartbeat));  // as the server reads it
    REQUIRE(back.ok());
    REQUIRE(back->staff_actions.size() == 2);
    CHECK(back->staff_actions[1].detail == "Đã làm: rollback");
    // A heartbeat from a kiosk without staff mode has no such key and is still a heartbeat.
    auto older = HeartbeatToJson(heartbeat);
    older.erase("staff_actions");
    auto read = HeartbeatFromJson(older);
    REQUIRE(read.ok());
    CHECK(read->staff_actions.empty());
    auto broken = HeartbeatToJson(heartbeat);
    broken["staff_actions"][0].erase("sequence");
    CHECK_FALSE(HeartbeatFromJson(broken).ok());
}
