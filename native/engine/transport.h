// The seam between the engine and whatever carries MIDI: loopback pairs, the OS's MIDI stack
// (ALSA today; CoreMIDI and Windows MIDI Services later), transports written in JS (Network
// MIDI 2.0). A transport lives in a folder of its own under native/transports/ and touches the
// engine only through these three interfaces.
//
//   transport ──host.addEndpoint(info)──▶ engine: an Endpoint (owned by the engine)
//   transport ──endpoint->deliver(words)─▶ every open connection's receive ring on it
//   engine    ──transport.openPort(ep)──▶ a TransportPort per open connection (ALSA subscribes)
//   connection.send / scheduler ──port->send(words)──▶ transport ──▶ device
//   engine    ──transport.publish(own endpoint)──▶ the OS sees it (ALSA port), via an EndpointTap
//   transport ──host.sendOnEndpoint(id, words)──▶ what an outside application sent on it
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/endpoint_info.h"
#include "engine/send_result.h"

namespace midiscope {

class Endpoint;

// A connection's way out to its endpoint's device. Sends are whole, validated UMP messages back
// to back. The JS thread and the scheduler thread may call send() at the same time: a port
// serializes what it must. A port is destroyed on whichever thread drops the last reference,
// after which its transport must not touch it.
// What a send did: its flags and, when it failed part-way, how many of its messages (and
// words) went out before the failure.
struct PortSendOutcome {
  SendResult result = send_result::kSucceeded;
  std::size_t messagesSent = 0;
  std::size_t wordsSent = 0;
};

class TransportPort {
 public:
  virtual ~TransportPort() = default;
  // kSucceeded, kSucceeded | kBufferFull (something on the way dropped messages, counted),
  // kFailed | kEndpointConnectionClosedOrInvalid (the device is gone), kFailed |
  // kDestinationFull (an OS destination had no room: it does not read), or kFailed | kOther.
  virtual SendResult send(const std::uint32_t* words, std::size_t wordCount,
                          std::size_t messageCount) = 0;
  // The same with counts. A port whose sends go out whole or not at all keeps this default; one
  // that can fail part-way (ALSA: the destination filled up) says how far it got.
  virtual PortSendOutcome sendCounting(const std::uint32_t* words, std::size_t wordCount,
                                       std::size_t messageCount) {
    const SendResult result = send(words, wordCount, messageCount);
    if (sendSucceeded(result)) return {result, messageCount, wordCount};
    return {result, 0, 0};
  }
};

// How a transport reports its endpoints to the engine. Thread-safe; a transport calls it from
// its own threads (hotplug) or from the JS thread.
class TransportHost {
 public:
  virtual ~TransportHost() = default;
  // Registers an endpoint (info.transportId must be the transport's id) and returns the object
  // its received messages are delivered into: endpoint->deliver(words, wordCount, messageCount)
  // with whole, validated messages. Null if an endpoint with that id exists already.
  virtual std::shared_ptr<Endpoint> addEndpoint(EndpointInfo info) = 0;
  // Replaces what is known about an existing endpoint (name, function blocks, ...): watchers
  // see an Updated change. False if no endpoint has that id.
  virtual bool updateEndpoint(EndpointInfo info) = 0;
  // The endpoint is gone (unplugged, session ended): its connections close (sends then fail with
  // the closed flag and their owners are told), watchers see Removed. False if unknown.
  virtual bool removeEndpoint(const std::string& endpointDeviceId) = 0;
  // An application outside the engine sent these messages out on an endpoint this transport
  // publishes (see Transport::publish): they go where a connection's send on that endpoint goes
  // (for a loopback side: in at the other side). Whole, validated messages; any thread that is
  // not holding the transport's own locks. kFailed | kEndpointConnectionClosedOrInvalid once the
  // endpoint is gone.
  virtual SendResult sendOnEndpoint(const std::string& endpointDeviceId,
                                    const std::uint32_t* words, std::size_t wordCount,
                                    std::size_t messageCount) = 0;
};

// Whether a transport can run here, and if not, why (shown in the tree).
struct TransportStatus {
  bool available = false;
  std::string message;  // "alsa-lib 1.2.8: MIDI 1.0 only (UMP needs alsa-lib >= 1.2.10)", ...
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual std::string id() const = 0;
  virtual TransportStatus status() const = 0;
  // Called once by the engine: the transport reports its endpoints through `host` from now on
  // (it may add them before start() returns). `host` outlives the transport's stop().
  virtual void start(TransportHost& host) = 0;
  // Joins the transport's threads; afterwards it makes no host call. Idempotent.
  virtual void stop() = 0;

  struct PortOpening {
    std::shared_ptr<TransportPort> port;  // null on failure
    std::string error;                    // why, naming the endpoint
  };
  // A connection opens on one of this transport's endpoints: open the way out (and in, for
  // devices that send only to subscribers). Called on the JS thread without engine locks held.
  virtual PortOpening openPort(const std::shared_ptr<Endpoint>& endpoint) = 0;

  // Publishing: the engine's own endpoints (loopback sides, the diagnostics pair) shown to the
  // OS's other applications, as Windows MIDI Services shows its loopbacks. A transport that can
  // (ALSA: a sequencer port per endpoint) overrides both. The engine calls publish() for each
  // such endpoint that exists or appears (possibly while the endpoint's own transport holds its
  // lock: no call back into it from here), and unpublish() when it goes. What other
  // applications send arrives through host.sendOnEndpoint(); what arrives at the endpoint
  // reaches them through an EndpointTap the transport adds to it.
  virtual void publish(const std::shared_ptr<Endpoint>& endpoint) { (void)endpoint; }
  virtual void unpublish(const std::string& endpointDeviceId) { (void)endpointDeviceId; }
  // What a published endpoint declares changed (Engine::declareEndpoint: a virtual device's
  // endpoint info and function blocks): show the OS the endpoint's info() now. Nothing if it is
  // not published here. Called as publish() is.
  virtual void republish(const std::shared_ptr<Endpoint>& endpoint) { (void)endpoint; }
  // What this transport could not show of the endpoints it was asked to publish, one entry per
  // endpoint that has a problem now (none when all is well; transportId may stay empty, the
  // engine fills it in). Kept current by publish(), republish() and unpublish(): the engine
  // reads it after each of those calls (under the same serialization) and tells its listener
  // about endpoints whose problems changed, so a transport needs no callback of its own.
  virtual std::vector<PublicationProblem> publicationProblems() const { return {}; }
};

}  // namespace midiscope
