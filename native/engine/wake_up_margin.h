// How long before a message's timestamp the scheduler thread stops sleeping and starts spinning.
//
// A timed wait returns late by however long the OS takes to wake the thread: tens of µs on
// bare metal, more in a virtual machine whose idle vCPU its host must wake (measured on a 2-vCPU
// KVM guest: 27 to 53 µs at p50 and 45 to 100 µs at p99, changing minute to minute, plus rare
// stalls of milliseconds). A margin below the wake-up time makes messages late by the
// difference; one far above it spins for nothing. So the margin follows the thread's own
// wake-ups: kHeadroom times the kQuantile-th quantile of the last kSamples overshoots, within
// [kMinTicks, kMaxTicks]. The rare stalls above that quantile are left out: no reasonable amount
// of spinning avoids them, and chasing them would spin for milliseconds before every message.
//
// Not thread-safe: the scheduler thread owns it.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>

#include "engine/clock.h"

namespace midiscope {

class WakeUpMargin {
 public:
  static constexpr Timestamp kMinTicks = 500;   // 50 µs: the margin before any wake-up was seen
  static constexpr Timestamp kMaxTicks = 5000;  // 500 µs
  static constexpr std::size_t kSamples = 256;
  static constexpr double kQuantile = 0.98;     // the 6th largest of 256
  static constexpr double kHeadroom = 1.25;
  // The margin is recomputed every kRecomputeEvery samples (an nth_element over kSamples).
  static constexpr std::size_t kRecomputeEvery = 16;

  Timestamp ticks() const { return margin_; }

  // A timed wait that asked to wake at some time woke `overshoot` ticks after it.
  void noteWakeUp(Timestamp overshoot) {
    samples_[next_] = std::max(overshoot, Timestamp{0});
    next_ = (next_ + 1) % kSamples;
    if (count_ < kSamples) ++count_;
    if (++sinceRecompute_ < kRecomputeEvery) return;
    sinceRecompute_ = 0;
    std::array<Timestamp, kSamples> sorted = samples_;
    const auto rank = static_cast<std::ptrdiff_t>(kQuantile * static_cast<double>(count_ - 1));
    std::nth_element(sorted.begin(), sorted.begin() + rank, sorted.begin() + count_);
    margin_ = std::clamp(sorted[static_cast<std::size_t>(rank)] * kHeadroom, kMinTicks, kMaxTicks);
  }

 private:
  std::array<Timestamp, kSamples> samples_{};
  std::size_t next_ = 0;
  std::size_t count_ = 0;
  std::size_t sinceRecompute_ = 0;
  Timestamp margin_ = kMinTicks;
};

}  // namespace midiscope
