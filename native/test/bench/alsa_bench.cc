// Figures for the ALSA transport, run inside the test guest (scripts/alsa-guest/bench.sh). Prints,
// never asserts. Under qemu's TCG only ratios between rows of the same run mean anything.
//   ours   MIDI Scope's engine + ALSA transport: sendMessages on a connection, received back on
//          the same connection (it is subscribed both ways), through
//          - Midi Through made a UMP MIDI 2.0 client (snd-seq-dummy ump=2), and
//          - a MIDI 1.0 virmidi port, whose rawmidi device a relay thread echoes back byte by byte
//   outside  aseqsend -> aseqdump (alsa-utils) through Midi Through, N messages in one aseqsend
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include "alsa/alsa_peers.h"
#include "engine/engine.h"
#include "test_support.h"
#include "transports/alsa/alsa_transport.h"

using namespace midiscope;
using Clock = std::chrono::steady_clock;

namespace {

std::string detail(const EndpointInfo& info, const std::string& key) {
  for (const auto& [name, value] : info.details) {
    if (name == key) return value;
  }
  return "";
}

std::string findEndpoint(Engine& engine, const std::string& clientName) {
  for (int tries = 0; tries < 100; ++tries) {
    for (const EndpointInfo& info : engine.listEndpoints()) {
      if (info.transportId == "alsa" && detail(info, "client name") == clientName && detail(info, "port") == "0") {
        return info.endpointDeviceId;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return "";
}

// Sends `total` copies of `message` in batches of `batch`, each batch waiting for its echo;
// returns messages per second.
double throughput(Engine& engine, ConnectionId id, const std::vector<std::uint32_t>& message, std::size_t total,
                  std::size_t batch) {
  std::vector<std::uint32_t> words;
  for (std::size_t i = 0; i < batch; ++i) words.insert(words.end(), message.begin(), message.end());
  std::vector<std::uint32_t> buffer(1 << 16);
  std::vector<double> stamps(1 << 15);
  const auto start = Clock::now();
  std::size_t received = 0;
  for (std::size_t sent = 0; sent < total; sent += batch) {
    engine.sendMessages(id, 0, {words.data(), words.size(), 0, static_cast<double>(words.size())});
    const auto deadline = Clock::now() + std::chrono::seconds(20);
    while (received < sent + batch && Clock::now() < deadline) {
      const auto outcome = engine.drain(id, buffer.data(), buffer.size(), stamps.data(), stamps.size());
      received += outcome.messages;
      // Sleep, not spin: the guest has one CPU, which the transport's receive thread needs.
      if (outcome.messages == 0) std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (received < total) std::printf("    (only %zu of %zu messages came back)\n", received, total);
  return static_cast<double>(received) / seconds;
}

// One message at a time: engine clock at the send to the engine's arrival timestamp.
std::vector<double> latencies(Engine& engine, ConnectionId id, const std::vector<std::uint32_t>& message,
                              std::size_t count) {
  std::vector<double> microseconds;
  std::uint32_t buffer[64];
  double stamps[16];
  for (std::size_t i = 0; i < count; ++i) {
    const Timestamp sentAt = clockNow();
    engine.sendMessage(id, 0, {message.data(), message.size(), 0, static_cast<double>(message.size())});
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    while (Clock::now() < deadline) {
      const auto outcome = engine.drain(id, buffer, 64, stamps, 16);
      if (outcome.messages > 0) {
        microseconds.push_back((stamps[0] - static_cast<double>(sentAt)) / 10.0);  // 10 MHz ticks
        break;
      }
      std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
  }
  std::sort(microseconds.begin(), microseconds.end());
  return microseconds;
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * static_cast<double>(sorted.size())))];
}

void row(const char* what, const char* whose, double rate, const std::vector<double>& sorted) {
  std::printf("  %-52s %-8s %12.0f msg/s   p50 %8.1f us   p99 %8.1f us\n", what, whose, rate, percentile(sorted, 0.5),
              percentile(sorted, 0.99));
}

}  // namespace

int main() {
  const std::size_t total = 20000;
  const std::size_t batch = 500;
  const std::size_t probes = 1000;
  std::printf("ALSA transport figures (qemu TCG: compare rows, not absolute numbers)\n");
  {
    Engine engine(std::make_shared<testing::RecordingListener>());
    engine.addTransport(std::make_shared<alsa::AlsaTransport>());
    const std::string through = findEndpoint(engine, "Midi Through");
    const OpenResult open = engine.openConnection(through, 1 << 20);
    const std::vector<std::uint32_t> noteOn2 = {0x40903C00, 0x80000000};
    const double rate = throughput(engine, open.id, noteOn2, total, batch);
    row("UMP through snd-seq-dummy ump=2 (MIDI 2.0 note on)", "ours", rate, latencies(engine, open.id, noteOn2, probes));
    engine.shutdown();
  }
  {
    Engine engine(std::make_shared<testing::RecordingListener>());
    engine.addTransport(std::make_shared<alsa::AlsaTransport>());
    const std::string virmidi = findEndpoint(engine, "Virtual Raw MIDI 0-3");
    alsatest::RawMidi device("/dev/snd/midiC0D3");
    std::atomic<bool> stop{false};
    // The device's side: echoes every byte it receives.
    std::thread relay([&] {
      while (!stop) {
        const std::vector<std::uint8_t> bytes = device.readSome();
        if (!bytes.empty()) device.write(bytes);
      }
    });
    const OpenResult open = engine.openConnection(virmidi, 1 << 20);
    const std::vector<std::uint32_t> noteOn1 = {0x20903C64};
    const double rate = throughput(engine, open.id, noteOn1, total, batch);
    row("MIDI 1.0 through a virmidi port (echoed by its rawmidi)", "ours", rate, latencies(engine, open.id, noteOn1, probes));
    stop = true;
    relay.join();
    engine.shutdown();
  }
  {
    // aseqsend -> Midi Through -> aseqdump: the time until aseqdump printed the last of N lines.
    const std::size_t n = 32;  // aseqsend takes one command line of hex
    std::string hex;
    for (std::size_t i = 0; i < n; ++i) hex += "40903C00 80000000 ";
    alsatest::ChildLines dump("stdbuf -oL aseqdump -u 2 -p 14:0");
    for (int i = 0; i < 100 && !dump.contains("Waiting"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto start = Clock::now();
    alsatest::shell("aseqsend -u 2 -p 14:0 '" + hex + "'");
    auto lines = [&] {
      const std::string text = dump.all();
      return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    };
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    while (lines() < n + 2 && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("  %-52s %-8s %12.0f msg/s   (%zu of %zu printed; one process per send, not per message)\n",
                "aseqsend -> aseqdump through snd-seq-dummy ump=2", "outside",
                static_cast<double>(lines() > 2 ? lines() - 2 : 0) / seconds, lines() > 2 ? lines() - 2 : 0, n);
  }
  return 0;
}
