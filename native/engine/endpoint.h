// An endpoint, whichever transport it lives on, and the connections open on it. Everything that
// arrives at the endpoint (from its transport's receive thread, from the other side of a
// loopback, from a JS transport) goes through deliver() into every attached connection's inbox.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/endpoint_info.h"

namespace midiscope {

class ConnectionInbox;

// Something besides the connections that sees every delivery: a transport that publishes the
// endpoint to the OS (an ALSA sequencer port showing a loopback side to other applications).
// Called on the delivering thread, after the inboxes; it must not call back into the endpoint.
class EndpointTap {
 public:
  virtual ~EndpointTap() = default;
  // Returns how many of the messages it could not pass on (counted as drops of the delivery).
  virtual std::size_t delivered(const std::uint32_t* words, std::size_t wordCount,
                                std::size_t messageCount) = 0;
};

class Endpoint {
 public:
  explicit Endpoint(EndpointInfo info);
  Endpoint(const Endpoint&) = delete;
  Endpoint& operator=(const Endpoint&) = delete;

  const std::string& id() const { return id_; }
  const std::string& transportId() const { return transportId_; }
  // A copy: a transport may update the info at any time from its own thread.
  EndpointInfo info() const;
  void setInfo(EndpointInfo info);

  void attach(std::shared_ptr<ConnectionInbox> inbox);
  void detach(const ConnectionInbox* inbox);
  void addTap(std::shared_ptr<EndpointTap> tap);
  void removeTap(const EndpointTap* tap);

  // Any thread: copies validated messages (back to back) into every attached inbox, one inbox
  // at a time (see ConnectionInbox), then hands them to the taps. Returns how many message
  // copies were dropped because an inbox was full (counted there too) or a tap refused them.
  std::size_t deliver(const std::uint32_t* words, std::size_t wordCount, std::size_t messageCount);

 private:
  using Receivers = std::vector<std::shared_ptr<ConnectionInbox>>;
  using Taps = std::vector<std::shared_ptr<EndpointTap>>;

  const std::string id_;
  const std::string transportId_;
  mutable std::mutex mutex_;  // guards info_, receivers_ and taps_ (the pointers, not the inboxes)
  EndpointInfo info_;
  // Replaced whole on attach/detach, so a delivery works on a snapshot without holding mutex_.
  std::shared_ptr<const Receivers> receivers_;
  std::shared_ptr<const Taps> taps_;  // the same, for taps
};

}  // namespace midiscope
