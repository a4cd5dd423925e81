// The engine as its host sees it: transports and their endpoints, connections by integer
// handle, sends, receive rings and the scheduler. Every method is safe to call from any thread; unknown or closed
// handles are answered with kEndpointConnectionClosedOrInvalid (sends) or nothing at all.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/connection.h"
#include "engine/endpoint_registry.h"
#include "engine/engine_listener.h"
#include "engine/scheduler.h"
#include "engine/transport.h"

namespace midiscope {

// The caller's word array and the [start, start + count) range it wants sent.
struct WordArgument {
  const std::uint32_t* words = nullptr;
  std::size_t length = 0;
  double start = 0;
  double count = 0;
};

struct MultipleSendResult {
  SendResult result = send_result::kSucceeded;
  std::size_t messagesSent = 0;
  std::size_t wordsSent = 0;
};

struct PairCreationResult {
  bool success = false;
  std::string endpointDeviceIdA;
  std::string endpointDeviceIdB;
  std::string errorInformation;
};

struct OpenResult {
  enum class Error { None, UnknownEndpoint, BadCapacity, ShutDown, PortFailed };
  ConnectionId id = 0;
  Error error = Error::None;
  std::string message;
};

struct TransportSummary {
  std::string id;
  TransportStatus status;
};

class LoopbackTransport;
class JsTransport;

class Engine final : public TransportHost {
 public:
  // Starts the diagnostics and loopback transports, then `platformTransports` (the OS's MIDI
  // stack). Endpoints they report while the engine is being built are its initial state, not
  // changes: the listener hears only what happens after the constructor returns.
  explicit Engine(std::shared_ptr<EngineListener> listener,
                  std::vector<std::shared_ptr<Transport>> platformTransports = {});
  ~Engine() override;
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Starts a transport and keeps it until shutdown(). False (and the transport is dropped) if
  // one with the same id exists or the engine has shut down.
  bool addTransport(std::shared_ptr<Transport> transport);
  std::vector<TransportSummary> transports() const;
  // The JS transport with that id, created on first use; null if a native transport has that id
  // or the engine has shut down.
  std::shared_ptr<JsTransport> jsTransport(const std::string& id);
  // Removes the JS transport and its endpoints (their connections close). False if unknown.
  bool removeJsTransport(const std::string& id);
  // The JS transport whose endpoint outbox has that wake-up id, or null.
  std::shared_ptr<JsTransport> jsTransportOwningOutbox(ConnectionId outboxId) const;

  // TransportHost: what transports call.
  std::shared_ptr<Endpoint> addEndpoint(EndpointInfo info) override;
  bool updateEndpoint(EndpointInfo info) override;
  bool removeEndpoint(const std::string& endpointDeviceId) override;
  // Whether the engine's own endpoints are shown to the OS (default on; the setting
  // midiScope.alsa.publishLoopbacks). Off unpublishes them from every transport, on publishes
  // them again; endpoints added later follow the current choice.
  void setPublishing(bool enabled);
  bool publishing() const;
  SendResult sendOnEndpoint(const std::string& endpointDeviceId, const std::uint32_t* words,
                            std::size_t wordCount, std::size_t messageCount) override;

  // Every endpoint, the engine's own with their publicationProblems (what publishing transports
  // could not show the OS; see Transport::publicationProblems).
  std::vector<EndpointInfo> listEndpoints() const;
  PairCreationResult createLoopbackPair(const std::string& associationId,
                                        const LoopbackSideDefinition& a,
                                        const LoopbackSideDefinition& b);
  // Closes the pair's open connections (their owners are told through the listener).
  bool removeLoopbackPair(const std::string& associationId);
  // Sets (or, with nullopt, clears) what a user loopback side declares of itself as a UMP
  // endpoint: a virtual device's endpoint info and function blocks. Its EndpointInfo then
  // carries them (watchers see an Updated change) and publishing transports show them to the OS
  // (Transport::republish). Empty on success; otherwise why not (an unknown endpoint, one that
  // is not a user loopback side, or what whyInvalidDeclaration says).
  std::string declareEndpoint(const std::string& endpointDeviceId,
                              const std::optional<UmpDeclaration>& declaration);

  OpenResult openConnection(const std::string& endpointDeviceId, double ringCapacityWords);
  void closeConnection(ConnectionId id);
  bool isConnectionOpen(ConnectionId id) const;

  SendResult sendMessage(ConnectionId id, Timestamp timestamp, const WordArgument& words);
  MultipleSendResult sendMessages(ConnectionId id, Timestamp timestamp,
                                  const WordArgument& words);
  // timestamps[i] belongs to the i-th message of the list.
  MultipleSendResult sendTimestampedMessages(ConnectionId id, const Timestamp* timestamps,
                                             std::size_t timestampCount,
                                             const WordArgument& words);

  // kStayDisarmed: the caller polls (a paced receiver) and will drain again without a wake-up.
  ReceiveRing::DrainOutcome drain(ConnectionId id, std::uint32_t* words, std::size_t wordCapacity,
                                  Timestamp* timestamps, std::size_t timestampCapacity,
                                  AfterDrain after = AfterDrain::kRearm);
  ConnectionStats stats(ConnectionId id) const;
  std::uint64_t cancelScheduled(ConnectionId id);

  // Joins the scheduler thread and every transport's, closes and frees every connection. Idempotent; afterwards
  // every call fails as if its handle or endpoint did not exist.
  void shutdown();

  // Messages in the scheduler's queue (dead ones included), for tests.
  std::size_t scheduledQueueSize() const { return scheduler_.queuedCount(); }
  // How long before a timestamp the scheduler starts spinning (see wake_up_margin.h).
  Timestamp schedulerSpinMarginTicks() const { return scheduler_.spinMarginTicks(); }

 private:
  std::shared_ptr<Connection> find(ConnectionId id) const;
  // Delivers now or hands to the scheduler, depending on `timestamp` and `now`.
  MultipleSendResult sendOrSchedule(const std::shared_ptr<Connection>& connection,
                                    Timestamp timestamp, Timestamp now,
                                    const std::uint32_t* words, std::size_t wordCount,
                                    std::size_t messageCount);
  // Hands `count` messages to the scheduler (filling in their epoch).
  SendResult schedule(const std::shared_ptr<Connection>& connection, ScheduledMessage* messages,
                      std::size_t count);

  ConnectionId allocateId();
  // The engine's own endpoints (loopback sides, the diagnostics pair) are shown to the OS by
  // every transport that publishes (Transport::publish).
  static bool isPublished(const std::string& transportId);
  // Publishes `endpoint` on every transport if publishing is on (under publishMutex_); returns
  // what collectPublicationProblems returns.
  std::vector<EndpointInfo> publishIfEnabled(const std::shared_ptr<Endpoint>& endpoint);
  // With publishMutex_ held (so no publish call changes them meanwhile): reads every transport's
  // publication problems into publicationProblems_ and returns the endpoints whose problems
  // changed, as they are now (problems included), for an Updated change.
  std::vector<EndpointInfo> collectPublicationProblems();
  // `info` with the publication problems the engine knows for it. With mutex_ held.
  EndpointInfo withProblemsLocked(EndpointInfo info) const;
  // Updated changes for `changed` but `except` (announced otherwise), if announcing.
  void announceUpdated(const std::vector<EndpointInfo>& changed, const std::string& except = "");
  std::vector<std::shared_ptr<Transport>> transportsSnapshot() const;
  // setPublishing with publishMutex_ held; returns what collectPublicationProblems returns.
  std::vector<EndpointInfo> setPublishingLocked(bool enabled);

  const std::shared_ptr<EngineListener> listener_;
  // Guards registry_, transports_, jsTransports_, connections_, nextId_, shutDown_. Never held
  // while calling into a transport or the listener.
  mutable std::mutex mutex_;
  EndpointRegistry registry_;
  std::vector<std::shared_ptr<Transport>> transports_;
  std::unordered_map<std::string, std::shared_ptr<JsTransport>> jsTransports_;
  std::shared_ptr<LoopbackTransport> loopbacks_;
  std::unordered_map<ConnectionId, std::shared_ptr<Connection>> connections_;
  // sendOnEndpoint's way out per published endpoint, opened on first use like a connection's.
  std::unordered_map<std::string, std::shared_ptr<TransportPort>> publishedPorts_;
  // Per endpoint id, what publishing transports could not show of it (collectPublicationProblems).
  std::unordered_map<std::string, std::vector<PublicationProblem>> publicationProblems_;
  ConnectionId nextId_ = 1;
  bool shutDown_ = false;
  bool announcing_ = false;
  // Serializes publish/unpublish calls with setPublishing, so that an endpoint added while
  // publishing is switched off is not published after the switch. Held while calling into
  // transports' publish/unpublish (which never call back into the engine's publishing).
  mutable std::mutex publishMutex_;
  bool publishing_ = true;  // guarded by publishMutex_  // false while the constructor starts the first transports
  Scheduler scheduler_;
};

// A timestamp the engine accepts: 0 (now) or a whole or fractional tick count in [0, 2^53].
bool isValidTimestamp(Timestamp timestamp);

}  // namespace midiscope
