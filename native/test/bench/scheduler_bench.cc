// Scheduler benchmark (make -C native/test bench): insert rate for a million messages, and
// dispatch lateness (arrival - scheduled) with a million pending. Prints figures; asserts nothing.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <ctime>

#include <sys/resource.h>

#include "engine/endpoint_id.h"
#include "engine/engine.h"
#include "engine/precise_sleep.h"
#include "engine/scheduler.h"

using namespace midiscope;

namespace {

class SilentListener final : public EngineListener {
 public:
  void connectionNeedsAttention(ConnectionId) override {}
  void endpointsChanged(const std::vector<EndpointChange>&) override {}
};

constexpr std::size_t kMillion = 1'000'000;
constexpr Timestamp kMillisecond = 10'000;
constexpr Timestamp kHour = 3600 * 10'000'000.0;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Loopback {
  Engine engine{std::make_shared<SilentListener>()};
  ConnectionId out = engine.openConnection(kDiagnosticsLoopbackAId, 64).id;
  ConnectionId in;
  explicit Loopback(std::size_t ringWords)
      : in(engine.openConnection(kDiagnosticsLoopbackBId, static_cast<double>(ringWords)).id) {}
};

// Cancelling a million random-order messages: how long until the scheduler thread has freed
// them (compaction holds its lock), and how long a million more take to insert meanwhile.
void cancelAndCompact() {
  std::vector<std::uint32_t> words(kMillion, 0x2000'0000);
  std::vector<Timestamp> timestamps(kMillion);
  std::mt19937_64 random(3);
  std::uniform_real_distribution<double> spread(kHour, 2 * kHour);
  const Timestamp now = clockNow();
  for (auto& timestamp : timestamps) timestamp = std::floor(now + spread(random));
  Loopback loopback(64);
  const WordArgument all{words.data(), kMillion, 0, double(kMillion)};
  loopback.engine.sendTimestampedMessages(loopback.out, timestamps.data(), kMillion, all);
  auto start = std::chrono::steady_clock::now();
  loopback.engine.cancelScheduled(loopback.out);
  while (loopback.engine.scheduledQueueSize() > 0) std::this_thread::yield();
  std::printf("cancel 1M random, until compacted:            %.3f s\n", secondsSince(start));
  loopback.engine.sendTimestampedMessages(loopback.out, timestamps.data(), kMillion, all);
  loopback.engine.cancelScheduled(loopback.out);
  start = std::chrono::steady_clock::now();
  loopback.engine.sendTimestampedMessages(loopback.out, timestamps.data(), kMillion, all);
  std::printf("insert 1M random right after cancelling 1M:  %.3f s\n", secondsSince(start));
}

// 1M timestamps 1 to 2 hours ahead: ascending, or in random order (as bench/engine/scheduler).
std::vector<Timestamp> insertTimestamps(bool ascending) {
  std::vector<Timestamp> timestamps(kMillion);
  const Timestamp base = clockNow() + kHour;
  std::mt19937_64 random(0x1234'5678);
  std::uniform_real_distribution<double> spread(0, kHour);
  for (std::size_t i = 0; i < kMillion; ++i) {
    timestamps[i] = ascending ? base + Timestamp(i) : std::floor(base + spread(random));
  }
  return timestamps;
}

void insertRates(bool ascending) {
  const char* order = ascending ? "ascending" : "random   ";
  std::vector<std::uint32_t> words(kMillion, 0x2000'0000);
  const std::vector<Timestamp> timestamps = insertTimestamps(ascending);
  {
    Loopback loopback(64);
    const auto start = std::chrono::steady_clock::now();
    loopback.engine.sendTimestampedMessages(loopback.out, timestamps.data(), kMillion,
                                            {words.data(), kMillion, 0, double(kMillion)});
    const double seconds = secondsSince(start);
    std::printf("insert 1M %s, one sendTimestampedMessages call: %.3f s (%.1f M/s)\n", order,
                seconds, kMillion / seconds / 1e6);
  }
  {
    Loopback loopback(64);
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < kMillion; ++i) {
      loopback.engine.sendMessage(loopback.out, timestamps[i], {words.data(), 1, 0, 1});
    }
    const double seconds = secondsSince(start);
    std::printf("insert 1M %s, one sendMessage call each:        %.3f s (%.1f M/s)\n", order,
                seconds, kMillion / seconds / 1e6);
  }
}

void printLateness(const char* what, std::vector<double>& microseconds) {
  std::sort(microseconds.begin(), microseconds.end());
  auto at = [&](double q) { return microseconds[std::size_t(q * (microseconds.size() - 1))]; };
  std::printf("%s: n=%zu p50 %.1f us, p99 %.1f us, max %.1f us, min %.1f us\n", what,
              microseconds.size(), at(0.5), at(0.99), microseconds.back(), microseconds.front());
}

// Schedules `probes` messages 1 ms apart from 100 ms on, each carrying its index; returns when
// each is due.
std::vector<Timestamp> scheduleProbes(Loopback& loopback, std::size_t probes) {
  const Timestamp first = clockNow() + 100 * kMillisecond;
  std::vector<std::uint32_t> words(probes);
  std::vector<Timestamp> due(probes);
  for (std::size_t i = 0; i < probes; ++i) {
    words[i] = 0x2000'0000u | std::uint32_t(i);
    due[i] = first + Timestamp(i) * kMillisecond;
  }
  loopback.engine.sendTimestampedMessages(loopback.out, due.data(), probes,
                                          {words.data(), probes, 0, double(probes)});
  return due;
}

// Waits for every probe and returns how late each arrived, in us.
std::vector<double> receiveProbes(Loopback& loopback, const std::vector<Timestamp>& due) {
  const std::size_t probes = due.size();
  std::vector<double> lateness;
  std::uint32_t received[256];
  Timestamp arrivals[256];
  while (lateness.size() < probes) {
    const auto drained = loopback.engine.drain(loopback.in, received, 256, arrivals, 256);
    for (std::size_t m = 0; m < drained.messages; ++m) {
      lateness.push_back((arrivals[m] - due[received[m] & 0xFFFFF]) / 10.0);
    }
    if (drained.messages == 0) std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  return lateness;
}

// Probes 1 ms apart come due while `pending` other messages wait behind them.
void latenessWithPending(std::size_t pending, std::size_t probes) {
  Loopback loopback(1 << 16);
  std::vector<std::uint32_t> filler(pending, 0x2000'0000);
  loopback.engine.sendMessages(loopback.out, clockNow() + kHour,
                               {filler.data(), pending, 0, double(pending)});
  const std::vector<Timestamp> due = scheduleProbes(loopback, probes);
  std::vector<double> lateness = receiveProbes(loopback, due);
  char label[128];
  std::snprintf(label, sizeof label,
                "lateness, probes 1 ms apart, %zu pending (spin margin now %.0f us)", pending,
                loopback.engine.schedulerSpinMarginTicks() / 10);
  printLateness(label, lateness);
}

// Probes 1 ms apart while another thread keeps inserting far-future messages in random time
// order (lists of 10,000): how long inserts hold the scheduler's lock shows up as lateness.
void latenessWhileInserting(std::size_t probes, bool intoTheEngine) {
  Loopback loopback(1 << 16);
  const std::vector<Timestamp> due = scheduleProbes(loopback, probes);
  std::atomic<bool> done{false};
  std::size_t inserted = 0;
  std::thread inserter([&] {
    constexpr std::size_t kList = 10'000;
    std::vector<std::uint32_t> filler(kList, 0x2000'0000);
    std::vector<Timestamp> stamps(kList);
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> spread(kHour, 2 * kHour);
    std::vector<Timestamp> privateHeap;
    while (!done.load() && inserted < 20 * kMillion) {
      const Timestamp now = clockNow();
      for (auto& stamp : stamps) stamp = std::floor(now + spread(random));
      if (intoTheEngine) {
        loopback.engine.sendTimestampedMessages(loopback.out, stamps.data(), kList,
                                                {filler.data(), kList, 0, double(kList)});
      } else {  // the same CPU load without the engine: a private heap of the timestamps
        for (const Timestamp stamp : stamps) {
          privateHeap.push_back(stamp);
          std::push_heap(privateHeap.begin(), privateHeap.end(), std::greater<Timestamp>());
        }
      }
      inserted += kList;
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  });
  std::vector<double> lateness = receiveProbes(loopback, due);
  done = true;
  inserter.join();
  char label[96];
  std::snprintf(label, sizeof label, "lateness, probes 1 ms apart, %.1fM inserted meanwhile %s",
                inserted / 1e6, intoTheEngine ? "into the engine" : "into a private heap");
  printLateness(label, lateness);
}

// A million messages due 5 us apart: the scheduler has to keep up with a dense stream.
void latenessDenseStream() {
  Loopback loopback(1 << 21);
  std::vector<std::uint32_t> words(kMillion);
  std::vector<Timestamp> due(kMillion);
  const Timestamp first = clockNow() + 500 * kMillisecond;
  for (std::size_t i = 0; i < kMillion; ++i) {
    words[i] = 0x2000'0000u | std::uint32_t(i & 0xFFFFF);
    due[i] = first + Timestamp(i) * 50;
  }
  loopback.engine.sendTimestampedMessages(loopback.out, due.data(), kMillion,
                                          {words.data(), kMillion, 0, double(kMillion)});
  std::vector<double> lateness;
  lateness.reserve(kMillion);
  std::vector<std::uint32_t> received(1 << 16);
  std::vector<Timestamp> arrivals(1 << 16);
  while (lateness.size() < kMillion) {
    const auto drained = loopback.engine.drain(loopback.in, received.data(), received.size(),
                                               arrivals.data(), arrivals.size());
    for (std::size_t m = 0; m < drained.messages; ++m) {
      lateness.push_back((arrivals[m] - due[lateness.size()]) / 10.0);
    }
    if (drained.messages == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  printLateness("lateness, 1M messages due 5 us apart", lateness);
}

// CPU time of the whole process (user + system), in us.
double processCpuMicroseconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6 + usage.ru_utime.tv_usec +
         usage.ru_stime.tv_usec;
}

// `rate` messages a second for 2 s, the main thread asleep meanwhile: the share of a core the
// process used, and how late the messages arrived. The floor beside it: a bare thread that
// sleeps until each of the same times (absolute clock_nanosleep, 1 ns timer slack) and does
// nothing else, which is the least any scheduler that wakes once per message can cost.
void cpuAtRate(double rate) {
  const std::size_t count = static_cast<std::size_t>(rate * 2);
  const Timestamp spacing = kTicksPerSecond / rate;
  for (const auto precision :
       {SchedulerPrecision::kBalanced, SchedulerPrecision::kPrecise, SchedulerPrecision::kLowPower}) {
    Scheduler::setPrecision(precision);
    Loopback loopback(1 << 17);
    std::vector<std::uint32_t> words(count);
    std::vector<Timestamp> due(count);
    const Timestamp first = clockNow() + 100 * kMillisecond;
    for (std::size_t i = 0; i < count; ++i) {
      words[i] = 0x2000'0000u | std::uint32_t(i);
      due[i] = first + Timestamp(i) * spacing;
    }
    loopback.engine.sendTimestampedMessages(loopback.out, due.data(), count,
                                            {words.data(), count, 0, double(count)});
    std::this_thread::sleep_until(timePointOf(first));
    const double cpuBefore = processCpuMicroseconds();
    const auto wallBefore = std::chrono::steady_clock::now();
    std::this_thread::sleep_until(timePointOf(due.back() + kMillisecond));
    const double share = (processCpuMicroseconds() - cpuBefore) / (secondsSince(wallBefore) * 1e6);
    std::vector<double> lateness = receiveProbes(loopback, due);
    char label[128];
    std::snprintf(label, sizeof label, "%6.0f msg/s, %-8s: process CPU %5.2f %% of a core; lateness",
                  rate, schedulerPrecisionName(precision), share * 100);
    printLateness(label, lateness);
  }
  Scheduler::setPrecision(SchedulerPrecision::kBalanced);
  const Timestamp first = clockNow() + 100 * kMillisecond;
  std::vector<double> lateness(count);
  const double cpuBefore = processCpuMicroseconds();
  std::thread floor([&] {
    usePreciseTimers(true);
    for (std::size_t i = 0; i < count; ++i) {
      const auto target = timePointOf(first + Timestamp(i) * spacing).time_since_epoch();
      const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(target);
      timespec at{static_cast<time_t>(seconds.count()),
                  static_cast<long>(std::chrono::duration_cast<std::chrono::nanoseconds>(target - seconds).count())};
      clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, nullptr);
      lateness[i] = (clockNow() - (first + Timestamp(i) * spacing)) / 10.0;
    }
  });
  floor.join();
  // Over the stretch in which the times come due (the thread slept through the lead for free).
  const double share = (processCpuMicroseconds() - cpuBefore) / (double(count) * spacing / 10.0);
  char label[128];
  std::snprintf(label, sizeof label, "%6.0f msg/s, bare clock_nanosleep floor: CPU %5.2f %% of a core; lateness",
                rate, share * 100);
  printLateness(label, lateness);
}

}  // namespace

// With an argument, runs only the sections whose name contains it ("insert", "lateness").
int main(int argc, char** argv) {
  const std::string only = argc > 1 ? argv[1] : "";
  const auto wanted = [&](const char* section) {
    return only.empty() || std::string(section).find(only) != std::string::npos;
  };
  if (wanted("insert")) {
    insertRates(true);
    insertRates(false);
  }
  if (wanted("cancel")) cancelAndCompact();
  if (wanted("lateness")) {
    latenessWithPending(0, 2000);
    latenessWithPending(kMillion, 2000);
    latenessDenseStream();
  }
  if (wanted("cpu")) {
    for (const double rate : {100.0, 1000.0, 10000.0}) cpuAtRate(rate);
  }
  if (wanted("contention")) {
    latenessWhileInserting(2000, true);
    latenessWhileInserting(2000, false);  // the peer: the machine under the same load
  }
  return 0;
}
