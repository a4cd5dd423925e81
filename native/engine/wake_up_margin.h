// How long before a message's timestamp the scheduler thread stops sleeping and starts spinning.
//
// A timed wait returns late by however long the OS takes to wake the thread: tens of µs on
// bare metal, more in a virtual machine whose idle vCPU its host must wake (measured on a 2-vCPU
// KVM guest: 18 to 53 µs at p50 and 45 to 100 µs at p99, changing minute to minute, plus rare
// stalls of milliseconds). The margin follows the thread's own wake-ups: `headroom` times the
// `quantile`-th quantile of the last kSamples overshoots, within [minTicks, maxTicks]. What the
// quantile is depends on the precision (scheduler_precision.h):
// - precise: the 98th percentile with 25 % headroom, 50 to 500 µs. Almost every wake-up comes
//   before the timestamp, and the thread spins the rest; the rare stalls above that quantile are
//   left out (no reasonable amount of spinning avoids them).
// - balanced: no margin. The thread sleeps until the timestamp with precise timers and sends
//   when the OS wakes it: one wake-up per message, which is what a message costs at least
//   (measured on a 2-vCPU KVM guest, a bare thread waking 1,000 times a second took 1.9 % of a
//   core; spinning even 25 µs per message adds more than that again).
// - lowPower: no margin either; the scheduler also wakes at most once a millisecond (see
//   scheduler.h), with the OS's default timer slack.
//
// Not thread-safe: the scheduler thread owns it.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>

#include "engine/clock.h"
#include "engine/scheduler_precision.h"

namespace midiscope {

class WakeUpMargin {
 public:
  struct Policy {
    double quantile;
    double headroom;
    Timestamp minTicks;
    Timestamp maxTicks;
  };
  static constexpr Policy kPrecise{0.98, 1.25, 500, 5000};  // 50 to 500 µs
  static constexpr Policy kBalanced{0.0, 0.0, 0, 0};
  static constexpr Policy kLowPower{0.0, 0.0, 0, 0};
  static constexpr std::size_t kSamples = 256;
  // The margin is recomputed every kRecomputeEvery samples (an nth_element over kSamples).
  static constexpr std::size_t kRecomputeEvery = 16;

  static constexpr const Policy& policyOf(SchedulerPrecision precision) {
    return precision == SchedulerPrecision::kPrecise    ? kPrecise
           : precision == SchedulerPrecision::kLowPower ? kLowPower
                                                        : kBalanced;
  }

  explicit WakeUpMargin(SchedulerPrecision precision = SchedulerPrecision::kBalanced)
      : precision_(precision), margin_(policyOf(precision).minTicks) {}

  Timestamp ticks() const { return margin_; }
  SchedulerPrecision precision() const { return precision_; }

  // Switches policy; the samples seen so far set the new margin at once.
  void setPrecision(SchedulerPrecision precision) {
    if (precision == precision_) return;
    precision_ = precision;
    recompute();
  }

  // A timed wait that asked to wake at some time woke `overshoot` ticks after it.
  void noteWakeUp(Timestamp overshoot) {
    samples_[next_] = std::max(overshoot, Timestamp{0});
    next_ = (next_ + 1) % kSamples;
    if (count_ < kSamples) ++count_;
    if (++sinceRecompute_ < kRecomputeEvery) return;
    sinceRecompute_ = 0;
    recompute();
  }

 private:
  void recompute() {
    const Policy& policy = policyOf(precision_);
    if (count_ == 0) {
      margin_ = policy.minTicks;
      return;
    }
    std::array<Timestamp, kSamples> sorted = samples_;
    const auto rank = static_cast<std::ptrdiff_t>(policy.quantile * static_cast<double>(count_ - 1));
    std::nth_element(sorted.begin(), sorted.begin() + rank, sorted.begin() + count_);
    margin_ = std::clamp(sorted[static_cast<std::size_t>(rank)] * policy.headroom, policy.minTicks,
                         policy.maxTicks);
  }

  SchedulerPrecision precision_;
  std::array<Timestamp, kSamples> samples_{};
  std::size_t next_ = 0;
  std::size_t count_ = 0;
  std::size_t sinceRecompute_ = 0;
  Timestamp margin_;
};

}  // namespace midiscope
