// Shared helpers of the engine tests: a listener that records what the engine reports, and a
// small client that opens connections and drains them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "engine/engine.h"
#include "harness/test_harness.h"

namespace testing {

class RecordingListener final : public midiscope::EngineListener {
 public:
  void connectionNeedsAttention(midiscope::ConnectionId id) override {
    std::lock_guard<std::mutex> lock(mutex_);
    ++wakes_[id];
  }
  void endpointsChanged(const std::vector<midiscope::EndpointChange>& changes) override {
    std::lock_guard<std::mutex> lock(mutex_);
    changes_.insert(changes_.end(), changes.begin(), changes.end());
  }
  int wakes(midiscope::ConnectionId id) {
    std::lock_guard<std::mutex> lock(mutex_);
    return wakes_[id];
  }
  std::vector<midiscope::EndpointChange> changes() {
    std::lock_guard<std::mutex> lock(mutex_);
    return changes_;
  }

 private:
  std::mutex mutex_;
  std::map<midiscope::ConnectionId, int> wakes_;
  std::vector<midiscope::EndpointChange> changes_;
};

// A thread whose failed CHECKs are reported by join() instead of terminating the process.
class CheckedThread {
 public:
  template <typename Function>
  explicit CheckedThread(Function function)
      : thread_([this, function = std::move(function)]() mutable {
          try {
            function();
          } catch (const std::exception& error) {
            error_ = error.what();
          }
        }) {}
  CheckedThread(const CheckedThread&) = delete;
  CheckedThread& operator=(const CheckedThread&) = delete;
  ~CheckedThread() {
    if (thread_.joinable()) thread_.join();
  }
  void join() {
    thread_.join();
    if (!error_.empty()) throw TestFailure("in a thread: " + error_);
  }

 private:
  std::string error_;  // written by the thread, read after join()
  std::thread thread_;
};

struct Received {
  std::vector<std::uint32_t> words;
  std::vector<double> timestamps;
};

// Drains everything currently in a connection's ring.
inline Received drainAll(midiscope::Engine& engine, midiscope::ConnectionId id) {
  Received received;
  std::uint32_t words[256];
  double timestamps[256];
  for (;;) {
    const auto outcome = engine.drain(id, words, 256, timestamps, 256);
    received.words.insert(received.words.end(), words, words + outcome.words);
    received.timestamps.insert(received.timestamps.end(), timestamps,
                               timestamps + outcome.messages);
    if (!outcome.more) return received;
  }
}

inline midiscope::ConnectionId openOrFail(midiscope::Engine& engine, const std::string& endpoint,
                                          double ringWords = 1024) {
  const midiscope::OpenResult opened = engine.openConnection(endpoint, ringWords);
  CHECK_MESSAGE(opened.error == midiscope::OpenResult::Error::None, opened.message);
  return opened.id;
}

inline midiscope::WordArgument wordsOf(const std::vector<std::uint32_t>& words) {
  return {words.data(), words.size(), 0, static_cast<double>(words.size())};
}

// An engine with a recording listener and the classic sample pair from Windows MIDI Services.
struct LoopbackFixture {
  std::shared_ptr<RecordingListener> listener = std::make_shared<RecordingListener>();
  midiscope::Engine engine{listener};
  midiscope::PairCreationResult pair = engine.createLoopbackPair(
      "sample-association", {"Sample App Loopback A", "", "8675309-OU812-5150"},
      {"Sample App Loopback B", "", "3263827-OU812-5150"});
};

}  // namespace testing
