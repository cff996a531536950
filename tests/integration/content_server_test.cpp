// Content from the commune server: the real kiosk-server on 127.0.0.1 publishes bundles
// (verifying them first), offers the newest with an ETag, serves it with HTTP Range, and
// records which kiosk has which version; the kiosk's client and updater pull, resume a
// download the network cut half-way (a relay between them that drops the connection), get
// 304s, refuse a forged bundle, and say so when the server is down — the installed content
// untouched each time something goes wrong.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <random>
#include <thread>

#include "kiosk/core/bundle/content_store.hpp"
#include "kiosk/core/bundle/sha256_digest.hpp"
#include "kiosk/core/bundle/server_content.hpp"
#include "kiosk/core/bundle/server_content_updater.hpp"
#include "kiosk/core/run_queue.hpp"
#include "kiosk/core/sqlite/sqlite_database.hpp"
#include "tests/integration/bundle_processes.hpp"
#include "tests/integration/server_harness.hpp"

using namespace kiosk;
using namespace kiosk::testing;
using namespace std::chrono_literals;

namespace {

// A TCP relay in front of the server: the network between kiosk and server. With cut_after
// set, the first connection that carries more than that many bytes towards the kiosk is
// dropped there (both sides closed), as a flaky link would.
class CuttingRelay {
public:
    explicit CuttingRelay(int server_port) : server_port_(server_port) {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::listen(listener_, 16);
        socklen_t length = sizeof address;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this] { Accept(); });
    }
    ~CuttingRelay() {
        stopping_ = true;
        ::shutdown(listener_, SHUT_RDWR);
        ::close(listener_);
        thread_.join();
        for (auto& relay : relays_) relay.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    void CutOnceAfter(std::size_t bytes) { cut_after_ = bytes; }
    int cuts() const { return cuts_; }

private:
    void Accept() {
        while (!stopping_) {
            int client = ::accept(listener_, nullptr, nullptr);
            if (client < 0) return;
            relays_.emplace_back([this, client] { Relay(client); });
        }
    }
    void Relay(int client) {
        int server = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<uint16_t>(server_port_));
        if (::connect(server, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            ::close(client);
            ::close(server);
            return;
        }
        std::size_t towards_kiosk = 0;
        char buffer[16384];
        while (!stopping_) {
            pollfd both[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
            if (::poll(both, 2, 200) < 0) break;
            bool closed = false;
            for (int side = 0; side < 2 && !closed; ++side) {
                if (!(both[side].revents & (POLLIN | POLLHUP | POLLERR))) continue;
                ssize_t got = ::read(both[side].fd, buffer, sizeof buffer);
                if (got <= 0) {
                    closed = true;
                    break;
                }
                std::size_t send = static_cast<std::size_t>(got);
                if (side == 1) {
                    std::size_t limit = cut_after_.load();
                    if (limit > 0 && towards_kiosk + send > limit) {
                        send = limit - towards_kiosk;  // the bytes up to the cut still arrive
                        (void)::write(client, buffer, send);
                        cut_after_ = 0;
                        ++cuts_;
                        closed = true;
                        break;
                    }
                    towards_kiosk += send;
                }
                if (::write(side == 0 ? server : client, buffer, send) < 0) closed = true;
            }
            if (closed) break;
        }
        ::close(client);
        ::close(server);
    }

    int server_port_;
    int listener_ = -1;
    int port_ = 0;
    std::thread thread_;
    std::vector<std::thread> relays_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> cut_after_{0};
    std::atomic<int> cuts_{0};
};

struct ServerFixture {
    TemporaryDirectory directory;
    bundle::SigningKey key = NewKey("so-thu");
    const std::string token = "tok-content-0123456789abcdef";
    std::unique_ptr<HardenedServer> server;

    ServerFixture() {
        KeepLoopbackOffProxies();
        WriteFile(directory / "tokens", "kiosk-a " + token + "\n");
        WriteFile(directory / "trusted.pub", "# the commune's signer\n" + key.public_key().Line() + "\n");
        WriteSmallContent(directory / "factory", 1);
        server = std::make_unique<HardenedServer>(directory / "server.sqlite", directory / "tokens");
        REQUIRE(server->started());
    }
    // Content version `version` with a picture of incompressible bytes (a bundle big enough
    // to cut in the middle), packed and signed by `signer`.
    fs::path Bundle(long long version, const bundle::SigningKey& signer) {
        auto source = directory / ("source-" + std::to_string(version));
        fs::remove_all(source);
        WriteSmallContent(source, version);
        std::mt19937 random(static_cast<unsigned>(version));
        std::string noise(400 * 1024, '\0');
        for (auto& byte : noise) byte = static_cast<char>(random());
        WriteFile(source / "media" / "anh-lon.png", noise);
        auto out = directory / ("v" + std::to_string(version) + "-" + signer.public_key().name() + ".zip");
        PackOrFail(source, out, signer);
        return out;
    }
    CommandResult Server(std::vector<std::string> arguments) {
        arguments.insert(arguments.begin(), ServerBinary().string());
        return RunWithErrors(arguments);
    }
    CommandResult Publish(const fs::path& bundle) {
        return Server({"content", "publish", bundle.string(), "--db", (directory / "server.sqlite").string(),
                       "--trusted-keys", (directory / "trusted.pub").string()});
    }
    nlohmann::json Status() {
        auto status = Server({"content", "status", "--db", (directory / "server.sqlite").string(), "--json"});
        REQUIRE_MESSAGE(status.exit_code == 0, status.output);
        return nlohmann::json::parse(status.output);
    }
    bundle::ServerContentSettings Settings(const std::string& url) {
        bundle::ServerContentSettings settings;
        settings.server_url = url;
        settings.token = token;
        settings.data_dir = directory / "data";
        settings.first_retry_delay = 50ms;
        settings.connect_timeout = 2s;
        return settings;
    }
    bundle::InstallOptions Options() {
        bundle::InstallOptions options;
        options.trust = TrustOnly(key);
        options.factory_content_dir = directory / "factory";
        return options;
    }
};

bool WaitFor(const std::function<bool()>& done) {
    auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

}  // namespace

TEST_CASE("content server: publish verifies first, the manifest has an ETag, 304 when unchanged, status per kiosk") {
    ServerFixture fixture;
    bundle::ContentServerClient client(fixture.Settings(fixture.server->url()));
    auto nothing = client.FetchManifest("", "xa-thu", 1);
    REQUIRE_MESSAGE(nothing, nothing.error().message);
    CHECK(nothing->kind == bundle::ManifestCheck::Kind::NothingPublished);

    auto stranger = NewKey("ke-gia-mao");
    auto forged = fixture.Publish(fixture.Bundle(2, stranger));
    CHECK(forged.exit_code == 1);
    CHECK_MESSAGE(forged.output.find("untrusted signer") != std::string::npos, forged.output);
    // The server's keys are its --trusted-keys file, not a kiosk's config key.
    CHECK_MESSAGE(forged.output.find("not in the --trusted-keys file") != std::string::npos, forged.output);
    CHECK(forged.output.find("content.trusted_keys") == std::string::npos);
    auto published = fixture.Publish(fixture.Bundle(2, fixture.key));
    REQUIRE_MESSAGE(published.exit_code == 0, published.output);
    CHECK(published.output.find("Published content \"xa-thu\" version 2") != std::string::npos);
    auto again = fixture.Publish(fixture.directory / "v2-so-thu.zip");
    CHECK(again.exit_code == 1);
    CHECK_MESSAGE(again.output.find("not newer than the published version 2") != std::string::npos, again.output);

    auto offered = client.FetchManifest("", "xa-thu", 1);
    REQUIRE_MESSAGE(offered, offered.error().message);
    REQUIRE(offered->kind == bundle::ManifestCheck::Kind::Offered);
    CHECK(offered->offer->version == 2);
    CHECK(offered->offer->size == fs::file_size(fixture.directory / "v2-so-thu.zip"));
    CHECK(offered->offer->bundle_url.rfind(fixture.server->url() + "/api/v1/content/bundle?sha256=", 0) == 0);
    CHECK(offered->etag == "\"" + offered->offer->sha256 + "\"");
    auto unchanged = client.FetchManifest(offered->etag, "xa-thu", 1);
    REQUIRE(unchanged);
    CHECK(unchanged->kind == bundle::ManifestCheck::Kind::Unchanged);

    auto status = fixture.Status();
    CHECK(status["published"]["version"] == 2);
    REQUIRE(status["kiosks"].size() == 1);
    CHECK(status["kiosks"][0]["kiosk_id"] == "kiosk-a");
    CHECK(status["kiosks"][0]["version"] == 1);
    CHECK(status["kiosks"][0]["up_to_date"] == false);

    // Kiosks only, each with its own token.
    bundle::ServerContentSettings wrong = fixture.Settings(fixture.server->url());
    wrong.token = "not-a-token";
    auto refused = bundle::ContentServerClient(wrong).FetchManifest("", "", 0);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("refused this kiosk's token") != std::string::npos);
}

TEST_CASE("content server: a download cut half-way resumes with Range and fetches only the rest") {
    ServerFixture fixture;
    REQUIRE(fixture.Publish(fixture.Bundle(2, fixture.key)).exit_code == 0);
    CuttingRelay relay(fixture.server->port());
    bundle::ContentServerClient client(fixture.Settings(relay.url()));
    auto offered = client.FetchManifest("", "xa-thu", 1);
    REQUIRE_MESSAGE(offered, offered.error().message);
    const std::uint64_t size = offered->offer->size;
    REQUIRE(size > 300 * 1024);
    relay.CutOnceAfter(static_cast<std::size_t>(size / 2));
    std::uint64_t last_progress = 0;
    auto downloaded = client.Download(*offered->offer, [&](std::uint64_t done, std::uint64_t) { last_progress = done; });
    REQUIRE_MESSAGE(downloaded, downloaded.error().message);
    CHECK(relay.cuts() == 1);
    CHECK(client.last_attempts() == 2);
    // The second attempt asked for the rest only: no byte fetched twice.
    CHECK(client.last_bytes_fetched() == size);
    CHECK(last_progress == size);
    CHECK(ReadFile(*downloaded) == ReadFile(fixture.directory / "v2-so-thu.zip"));

    // And it installs like any bundle.
    auto store = bundle::ContentStore::Open(fixture.directory / "data");
    auto installed = store.Install(*downloaded, fixture.Options());
    REQUIRE_MESSAGE(installed, installed.error().message);
    CHECK(installed->version == 2);
}

TEST_CASE("content server: the updater pulls and installs on its worker, a forged bundle and a server down change nothing") {
    ServerFixture fixture;
    REQUIRE(fixture.Publish(fixture.Bundle(2, fixture.key)).exit_code == 0);
    RunQueue queue;
    auto settings = fixture.Settings(fixture.server->url());
    bundle::ServerContentUpdater updater(settings, fixture.Options(), queue);
    updater.Start();
    REQUIRE(WaitFor([&] { return updater.state().installed.has_value(); }));
    auto store = bundle::ContentStore::Open(settings.data_dir);
    REQUIRE(store.Current());
    CHECK(store.Current()->version == 2);
    CHECK(updater.state().last_error.message.empty());
    // Right after the install the server knows, without waiting for the next check.
    CHECK(WaitFor([&] { return fixture.Status()["kiosks"][0]["version"] == 2; }));

    // The next check says the kiosk has version 2 now; the server has nothing newer: a 304.
    const int checks = updater.state().checks;
    updater.CheckNow();
    REQUIRE(WaitFor([&] { return updater.state().checks > checks && updater.state().phase == bundle::ServerUpdateState::Phase::Idle; }));
    CHECK(updater.state().unchanged_answers >= 1);
    CHECK_FALSE(updater.state().offer_is_newer);
    auto status = fixture.Status();
    CHECK(status["kiosks"][0]["version"] == 2);
    CHECK(status["kiosks"][0]["up_to_date"] == true);

    // An attacker on the server swaps the published v3 for one signed by another key, and
    // fixes the manifest's digest and size to match: the download checks out, the
    // signature does not, and nothing changes.
    REQUIRE(fixture.Publish(fixture.Bundle(3, fixture.key)).exit_code == 0);
    auto stranger = NewKey("ke-gia-mao");
    auto forged = fixture.Bundle(3, stranger);
    {
        auto database = SqliteDatabase::Open(fixture.directory / "server.sqlite", SqliteDatabase::Mode::Create);
        REQUIRE(database);
        auto select = (*database)->Prepare("SELECT sha256 FROM content_bundles WHERE version = 3");
        REQUIRE(select);
        REQUIRE(*select->Step());
        const std::string genuine = select->Text(0);
        const std::string forged_sha = bundle::Sha256Digest::Of(ReadFile(forged));
        fs::path bundles = fixture.directory / "server.sqlite.bundles";
        fs::copy_file(forged, bundles / (forged_sha + ".zip"));
        auto update = (*database)->Prepare("UPDATE content_bundles SET sha256 = ?1, size = ?2 WHERE sha256 = ?3");
        REQUIRE(update);
        update->Bind(1, forged_sha).Bind(2, static_cast<std::int64_t>(fs::file_size(forged))).Bind(3, genuine);
        REQUIRE(update->Run());
    }
    const std::string before = TreeFingerprint(store.root() / "releases");
    updater.CheckNow();
    REQUIRE(WaitFor([&] {
        auto state = updater.state();
        return !state.last_error.message.empty() && state.phase == bundle::ServerUpdateState::Phase::Idle;
    }));
    CHECK_MESSAGE(updater.state().last_error.message.find("untrusted signer") != std::string::npos,
                  updater.state().last_error.message);
    CHECK(store.Current()->version == 2);
    CHECK(TreeFingerprint(store.root() / "releases") == before);

    // The server goes down: a sentence, and the kiosk keeps its content.
    fixture.server->process().Kill(SIGKILL);
    const int checks_before_down = updater.state().checks;
    updater.CheckNow();
    REQUIRE(WaitFor([&] {
        auto state = updater.state();
        return state.phase == bundle::ServerUpdateState::Phase::Idle &&
               state.last_error.message.find("cannot learn what content is offered") != std::string::npos;
    }));
    CHECK(updater.state().checks == checks_before_down);
    CHECK_FALSE(updater.state().last_error.message_vietnamese.empty());
    CHECK(store.Current()->version == 2);
    updater.Stop();
}
