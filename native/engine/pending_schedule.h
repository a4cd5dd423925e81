// How many messages a connection has waiting in the scheduler, and which "epoch" they belong
// to. cancel() starts a new epoch: messages of an older epoch are dead and the scheduler skips
// (and later frees) them, so cancelling a million messages is O(1) for the caller.
//
// One 64-bit atomic packs epoch (high 32 bits) and count (low 32 bits) so that reserving,
// claiming and cancelling are each a single atomic step and can never disagree.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>

namespace midiscope {

class PendingSchedule {
 public:
  static constexpr std::uint64_t kMaxPending = 0xFFFF'FFFF;

  // Counts `n` more pending messages; returns the epoch to stamp them with, or nothing if the
  // count would overflow.
  std::optional<std::uint32_t> reserve(std::uint64_t n) {
    std::uint64_t state = state_.load(std::memory_order_relaxed);
    do {
      if (countOf(state) + n > kMaxPending) return std::nullopt;
    } while (!state_.compare_exchange_weak(state, state + n, std::memory_order_relaxed));
    return epochOf(state);
  }

  // Takes back `n` messages of `epoch` that are leaving the scheduler to be sent. False if that
  // epoch was cancelled (the messages are dead and must not be sent).
  bool claim(std::uint32_t epoch, std::uint64_t n) {
    std::uint64_t state = state_.load(std::memory_order_relaxed);
    do {
      if (epochOf(state) != epoch) return false;
    } while (!state_.compare_exchange_weak(state, state - n, std::memory_order_relaxed));
    return true;
  }

  // Returns how many were pending; every message reserved so far is dead from now on.
  std::uint64_t cancel() {
    std::uint64_t state = state_.load(std::memory_order_relaxed);
    std::uint64_t next;
    do {
      next = static_cast<std::uint64_t>(epochOf(state) + 1) << 32;
    } while (!state_.compare_exchange_weak(state, next, std::memory_order_relaxed));
    return countOf(state);
  }

  std::uint64_t count() const { return countOf(state_.load(std::memory_order_relaxed)); }
  std::uint32_t epoch() const { return epochOf(state_.load(std::memory_order_relaxed)); }

 private:
  static std::uint32_t epochOf(std::uint64_t state) { return static_cast<std::uint32_t>(state >> 32); }
  static std::uint64_t countOf(std::uint64_t state) { return state & kMaxPending; }

  std::atomic<std::uint64_t> state_{0};
};

}  // namespace midiscope
