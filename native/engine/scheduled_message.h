// One message waiting in the scheduler, and the interface of whoever sent it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/clock.h"
#include "engine/pending_schedule.h"

namespace midiscope {

class ScheduleSource;

struct ScheduledMessage {
  Timestamp timestamp = 0;
  std::uint64_t sequence = 0;  // insertion order: FIFO among equal timestamps
  ScheduleSource* source = nullptr;  // kept alive by the scheduler while messages refer to it
  std::uint32_t epoch = 0;           // the source's PendingSchedule epoch at insertion
  std::uint32_t words[4] = {0, 0, 0, 0};
};

// Strict weak order of the scheduler: timestamp, then insertion order.
inline bool scheduledBefore(const ScheduledMessage& a, const ScheduledMessage& b) {
  return a.timestamp < b.timestamp || (a.timestamp == b.timestamp && a.sequence < b.sequence);
}

class ScheduleSource {
 public:
  virtual ~ScheduleSource() = default;
  PendingSchedule& pending() { return pending_; }
  // Called on the scheduler thread with messages that came due, in order, back to back.
  virtual void sendScheduled(const std::uint32_t* words, std::size_t wordCount,
                             std::size_t messageCount) = 0;

 private:
  PendingSchedule pending_;
};

}  // namespace midiscope
