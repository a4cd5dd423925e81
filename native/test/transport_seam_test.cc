// The transport seam: a transport reports endpoints, delivers what its device sends, receives
// what connections send through ports, and takes endpoints away under open connections.
// DeviceTransport below is a test transport written against the public interface only, as
// a real one (ALSA, a JS transport) is.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/endpoint.h"
#include "engine/endpoint_id.h"
#include "test_support.h"
#include "transports/js/js_transport.h"

using namespace midiscope;
using namespace testing;

namespace {

class DeviceTransport final : public Transport {
 public:
  struct Port final : TransportPort {
    explicit Port(DeviceTransport& owner) : owner(owner) {}
    SendResult send(const std::uint32_t* words, std::size_t wordCount, std::size_t) override {
      std::lock_guard<std::mutex> lock(owner.mutex);
      owner.sent.insert(owner.sent.end(), words, words + wordCount);
      return send_result::kSucceeded;
    }
    DeviceTransport& owner;
  };

  std::string id() const override { return "device"; }
  TransportStatus status() const override { return {true, ""}; }
  void start(TransportHost& startedHost) override { host = &startedHost; }
  void stop() override { stopped = true; }
  PortOpening openPort(const std::shared_ptr<Endpoint>& endpoint) override {
    if (endpoint->info().name == "refuses") return {nullptr, "the device refused"};
    ++portsOpened;
    return {std::make_shared<Port>(*this), ""};
  }

  std::shared_ptr<Endpoint> plugIn(const std::string& name) {
    EndpointInfo info;
    info.endpointDeviceId = "midiscope://device/" + name;
    info.transportId = "device";
    info.name = name;
    info.protocol = MidiProtocol::Midi1;
    info.details = {{"client", "20"}, {"port", "0"}};
    return host->addEndpoint(info);
  }

  TransportHost* host = nullptr;
  std::mutex mutex;
  std::vector<std::uint32_t> sent;
  int portsOpened = 0;
  bool stopped = false;
};

// A transport that publishes the engine's own endpoints, as ALSA does with sequencer ports: it
// records what is published, taps what arrives there, and plays an outside application.
class PublishingTransport final : public Transport {
 public:
  struct Tap final : EndpointTap {
    std::size_t delivered(const std::uint32_t* words, std::size_t wordCount, std::size_t messages) override {
      seen.insert(seen.end(), words, words + wordCount);
      return refuse ? messages : 0;
    }
    std::vector<std::uint32_t> seen;
    bool refuse = false;
  };

  std::string id() const override { return idOverride; }
  TransportStatus status() const override { return {true, ""}; }
  void start(TransportHost& startedHost) override { host = &startedHost; }
  void stop() override {}
  PortOpening openPort(const std::shared_ptr<Endpoint>&) override { return {nullptr, "nothing to open"}; }
  void publish(const std::shared_ptr<Endpoint>& endpoint) override {
    // An OS that refuses (ALSA: no sequencer client left): the endpoint is not shown, and says so.
    if (refuseNames.count(endpoint->info().name) != 0) {
      problems[endpoint->id()] = {"", endpoint->id(), "not published: the OS refused " + endpoint->info().name, false};
      return;
    }
    problems.erase(endpoint->id());
    auto tap = std::make_shared<Tap>();
    endpoint->addTap(tap);
    published[endpoint->id()] = {endpoint, tap};
    shown[endpoint->id()].push_back(endpoint->info());
  }
  void republish(const std::shared_ptr<Endpoint>& endpoint) override {
    if (published.count(endpoint->id()) != 0) {
      shown[endpoint->id()].push_back(endpoint->info());
    } else if (problems.count(endpoint->id()) != 0) {
      publish(endpoint);  // tried again, as ALSA does
    }
  }
  std::vector<PublicationProblem> publicationProblems() const override {
    std::vector<PublicationProblem> all;
    for (const auto& entry : problems) all.push_back(entry.second);
    return all;
  }
  void unpublish(const std::string& id) override {
    problems.erase(id);
    auto found = published.find(id);
    if (found == published.end()) return;
    found->second.first->removeTap(found->second.second.get());
    published.erase(found);
  }

  std::string idOverride = "publisher";
  TransportHost* host = nullptr;
  std::map<std::string, std::pair<std::shared_ptr<Endpoint>, std::shared_ptr<Tap>>> published;
  // What the OS was shown of each endpoint, at publish() and at each republish().
  std::map<std::string, std::vector<EndpointInfo>> shown;
  // Endpoints with these names are refused; their problems are recorded here.
  std::set<std::string> refuseNames;
  std::map<std::string, PublicationProblem> problems;
};

FunctionBlockDetails block(std::uint8_t number, const std::string& name, std::uint8_t direction,
                           std::uint8_t firstGroup, std::uint8_t groupCount) {
  FunctionBlockDetails fb;
  fb.number = number;
  fb.name = name;
  fb.direction = direction;
  fb.firstGroup = firstGroup;
  fb.groupCount = groupCount;
  return fb;
}

// A virtual device's declaration: "Keys" on groups 1-2 both ways, "Pads" on group 5 out.
UmpDeclaration synthDeclaration() {
  UmpDeclaration declaration;
  declaration.endpoint.productInstanceId = "SYNTH-7";
  declaration.endpoint.supportsMidi2 = true;
  declaration.endpoint.staticFunctionBlocks = true;
  declaration.endpoint.functionBlockCount = 2;
  declaration.functionBlocks = {block(0, "Keys", 3, 0, 2), block(1, "Pads", 2, 4, 1)};
  return declaration;
}

std::optional<EndpointInfo> listed(const Engine& engine, const std::string& id) {
  for (const EndpointInfo& info : engine.listEndpoints()) {
    if (info.endpointDeviceId == id) return info;
  }
  return std::nullopt;
}

// "Keys 1-2/3, Pads 5-5/2": each block's name, groups (1-based) and direction.
std::string blocksOf(const EndpointInfo& info) {
  std::string text;
  for (const FunctionBlockDetails& fb : info.functionBlocks) {
    if (!text.empty()) text += ", ";
    text += fb.name + " " + std::to_string(fb.firstGroup + 1) + "-" +
            std::to_string(fb.firstGroup + fb.groupCount) + "/" + std::to_string(fb.direction);
  }
  return text;
}

}  // namespace

TEST(ownEndpointsArePublishedAndAnOutsideApplicationUsesThemLikeAConnection) {
  Engine engine(std::make_shared<RecordingListener>());
  auto publisher = std::make_shared<PublishingTransport>();
  CHECK(engine.addTransport(publisher));
  // What existed before the transport (the diagnostics pair) and what comes later (a user pair)
  // is published; devices of other transports are not.
  CHECK_EQ(publisher->published.count(kDiagnosticsLoopbackAId), 1u);
  CHECK_EQ(publisher->published.count(kDiagnosticsLoopbackBId), 1u);
  const PairCreationResult pair =
      engine.createLoopbackPair("pair", {"Pair A", "", "pair-a"}, {"Pair B", "", "pair-b"});
  CHECK(pair.success);
  CHECK_EQ(publisher->published.count(pair.endpointDeviceIdA), 1u);
  auto device = std::make_shared<DeviceTransport>();
  engine.addTransport(device);
  device->plugIn("Synth");
  CHECK_EQ(publisher->published.count("midiscope://device/Synth"), 0u);

  // An outside application sends out on A: B's connection receives it, A's tap does not see it.
  const ConnectionId onB = openOrFail(engine, pair.endpointDeviceIdB);
  const std::vector<std::uint32_t> fromOutside = {0x40903C00, 0x80000000};
  CHECK_EQ(publisher->host->sendOnEndpoint(pair.endpointDeviceIdA, fromOutside.data(), 2, 1),
           send_result::kSucceeded);
  CHECK(drainAll(engine, onB).words == fromOutside);
  auto& tapA = *publisher->published[pair.endpointDeviceIdA].second;
  auto& tapB = *publisher->published[pair.endpointDeviceIdB].second;
  CHECK(tapA.seen.empty());
  CHECK(tapB.seen == fromOutside);  // B's subscribers see what arrives at B

  // A connection sends out on B, now and scheduled: A's tap passes both on to the outside.
  const ConnectionId onA = openOrFail(engine, pair.endpointDeviceIdA);
  CHECK_EQ(engine.sendMessage(onB, 0, wordsOf({0x20903C64})), send_result::kSucceeded);
  CHECK(tapA.seen == std::vector<std::uint32_t>({0x20903C64}));
  CHECK(drainAll(engine, onA).words == std::vector<std::uint32_t>({0x20903C64}));
  // A tap that cannot pass a message on counts as a drop of the delivery, as a full ring does.
  tapA.refuse = true;
  CHECK_EQ(engine.sendMessage(onB, 0, wordsOf({0x20803C00})), send_result::kBufferFull);
  tapA.refuse = false;

  // The pair goes: its endpoints are unpublished, and sends on them from outside fail as closed.
  CHECK(engine.removeLoopbackPair("pair"));
  CHECK_EQ(publisher->published.count(pair.endpointDeviceIdA), 0u);
  CHECK_EQ(publisher->published.count(pair.endpointDeviceIdB), 0u);
  CHECK_EQ(publisher->host->sendOnEndpoint(pair.endpointDeviceIdA, fromOutside.data(), 2, 1),
           send_result::kFailed | send_result::kEndpointConnectionClosedOrInvalid);
  // Only the engine's own endpoints take sends from outside.
  CHECK_EQ(publisher->host->sendOnEndpoint("midiscope://device/Synth", fromOutside.data(), 2, 1),
           send_result::kFailed | send_result::kEndpointConnectionClosedOrInvalid);
}

TEST(publishingTurnedOffUnpublishesOwnEndpointsAndKeepsLaterOnesHidden) {
  Engine engine(std::make_shared<RecordingListener>());
  auto publisher = std::make_shared<PublishingTransport>();
  CHECK(engine.addTransport(publisher));
  CHECK(engine.publishing());
  CHECK_EQ(publisher->published.size(), 2u);  // the diagnostics pair
  engine.setPublishing(false);
  CHECK(!engine.publishing());
  CHECK(publisher->published.empty());
  // A pair made and a transport added while off: nothing is published, the pair still works.
  const PairCreationResult pair =
      engine.createLoopbackPair("pair", {"Pair A", "", "pair-a"}, {"Pair B", "", "pair-b"});
  CHECK(pair.success);
  auto late = std::make_shared<PublishingTransport>();
  late->idOverride = "late";
  CHECK(engine.addTransport(late));
  CHECK(publisher->published.empty());
  CHECK(late->published.empty());
  const ConnectionId onA = openOrFail(engine, pair.endpointDeviceIdA);
  const ConnectionId onB = openOrFail(engine, pair.endpointDeviceIdB);
  CHECK_EQ(engine.sendMessage(onA, 0, wordsOf({0x20903C64})), send_result::kSucceeded);
  CHECK(drainAll(engine, onB).words == std::vector<std::uint32_t>({0x20903C64}));
  // On again: every own endpoint on every publishing transport, taps live again.
  engine.setPublishing(true);
  CHECK_EQ(publisher->published.size(), 4u);
  CHECK_EQ(late->published.size(), 4u);
  CHECK_EQ(engine.sendMessage(onA, 0, wordsOf({0x20803C00})), send_result::kSucceeded);
  CHECK(publisher->published[pair.endpointDeviceIdB].second->seen ==
        std::vector<std::uint32_t>({0x20803C00}));
  engine.setPublishing(true);  // no change: nothing published twice
  CHECK_EQ(publisher->published[pair.endpointDeviceIdB].second->seen.size(), 1u);
}

namespace {

// "publisher: not published: ..." for each of the endpoint's publication problems, as listed.
std::string problemsOf(const EndpointInfo& info) {
  std::string text;
  for (const PublicationProblem& problem : info.publicationProblems) {
    if (!text.empty()) text += " | ";
    text += problem.transportId + ": " + problem.problem + (problem.note ? " (note)" : "");
    if (problem.endpointDeviceId != info.endpointDeviceId) text += " [for " + problem.endpointDeviceId + "]";
  }
  return text;
}

// The last change the listener heard about `id`, if any.
std::optional<EndpointChange> lastChangeOf(RecordingListener& listener, const std::string& id) {
  std::optional<EndpointChange> last;
  for (const EndpointChange& change : listener.changes()) {
    if (change.endpoint.endpointDeviceId == id) last = change;
  }
  return last;
}

}  // namespace

TEST(anEndpointAPublishingTransportCannotShowCarriesItsProblemUntilItClears) {
  auto listener = std::make_shared<RecordingListener>();
  Engine engine(listener);
  auto publisher = std::make_shared<PublishingTransport>();
  publisher->refuseNames = {"Refused A"};
  CHECK(engine.addTransport(publisher));
  // Healthy endpoints carry no problem.
  CHECK_EQ(problemsOf(*listed(engine, kDiagnosticsLoopbackAId)), std::string());

  const PairCreationResult pair =
      engine.createLoopbackPair("refused", {"Refused A", "", "refused-a"}, {"Fine B", "", "fine-b"});
  CHECK(pair.success);
  CHECK_EQ(publisher->published.count(pair.endpointDeviceIdA), 0u);
  const std::string expected = "publisher: not published: the OS refused Refused A";
  // In the list, and in the change that announced the endpoint: JS learns it without polling.
  CHECK_EQ(problemsOf(*listed(engine, pair.endpointDeviceIdA)), expected);
  CHECK_EQ(problemsOf(*listed(engine, pair.endpointDeviceIdB)), std::string());
  std::optional<EndpointChange> change = lastChangeOf(*listener, pair.endpointDeviceIdA);
  CHECK(change.has_value() && change->kind == EndpointChangeKind::Added);
  if (change) CHECK_EQ(problemsOf(change->endpoint), expected);

  // The OS takes it now; a republish (a virtual device's declaration) shows it and the problem
  // goes, announced as an Updated change.
  publisher->refuseNames.clear();
  CHECK_EQ(engine.declareEndpoint(pair.endpointDeviceIdA, synthDeclaration()), std::string());
  CHECK_EQ(publisher->published.count(pair.endpointDeviceIdA), 1u);
  CHECK_EQ(problemsOf(*listed(engine, pair.endpointDeviceIdA)), std::string());
  change = lastChangeOf(*listener, pair.endpointDeviceIdA);
  CHECK(change.has_value() && change->kind == EndpointChangeKind::Updated);
  if (change) CHECK_EQ(problemsOf(change->endpoint), std::string());

  // Refused again when publishing is switched off and on: one Updated change for it, carrying
  // the problem, and none for the endpoints whose problems did not change.
  publisher->refuseNames = {"Refused A"};
  engine.setPublishing(false);
  const std::size_t before = listener->changes().size();
  engine.setPublishing(true);
  const std::vector<EndpointChange> after = listener->changes();
  CHECK_EQ(after.size(), before + 1);
  if (after.size() == before + 1) {
    CHECK(after.back().kind == EndpointChangeKind::Updated);
    CHECK_EQ(after.back().endpoint.endpointDeviceId, pair.endpointDeviceIdA);
    CHECK_EQ(problemsOf(after.back().endpoint), expected);
  }
  // Still listed with it.
  CHECK_EQ(problemsOf(*listed(engine, pair.endpointDeviceIdA)), expected);

  // Gone with the endpoint.
  CHECK(engine.removeLoopbackPair("refused"));
  CHECK(publisher->problems.empty());
  CHECK(!listed(engine, pair.endpointDeviceIdA).has_value());
}

TEST(aVirtualDevicesDeclaredEndpointInfoAndBlocksAreItsSidesAndArePublishedAndRepublished) {
  auto listener = std::make_shared<RecordingListener>();
  Engine engine(listener);
  auto publisher = std::make_shared<PublishingTransport>();
  CHECK(engine.addTransport(publisher));
  LoopbackSideDefinition deviceSide{"Synth (device side)", "", "synth-device"};
  LoopbackSideDefinition hostSide{"Synth", "", "synth-host"};
  hostSide.declaration = synthDeclaration();
  const PairCreationResult pair = engine.createLoopbackPair("synth", deviceSide, hostSide);
  CHECK_MESSAGE(pair.success, pair.errorInformation);

  // The engine's list: the declared side carries the endpoint info and blocks, the other none.
  const std::optional<EndpointInfo> host = listed(engine, pair.endpointDeviceIdB);
  CHECK(host.has_value() && host->umpEndpoint.has_value());
  if (host && host->umpEndpoint) {
    CHECK_EQ(host->umpEndpoint->productInstanceId, std::string("SYNTH-7"));
    CHECK_EQ(static_cast<int>(host->umpEndpoint->functionBlockCount), 2);
    CHECK_EQ(blocksOf(*host), std::string("Keys 1-2/3, Pads 5-5/2"));
  }
  const std::optional<EndpointInfo> device = listed(engine, pair.endpointDeviceIdA);
  CHECK(device.has_value() && !device->umpEndpoint.has_value() && device->functionBlocks.empty());
  // Published with them from the start: the OS never saw the side without its blocks.
  CHECK_EQ(publisher->shown[pair.endpointDeviceIdB].size(), 1u);
  CHECK_EQ(blocksOf(publisher->shown[pair.endpointDeviceIdB].front()), std::string("Keys 1-2/3, Pads 5-5/2"));
  CHECK(!publisher->shown[pair.endpointDeviceIdA].front().umpEndpoint.has_value());

  // The declaration changes: one block now. The list, the watchers and the OS see it.
  UmpDeclaration changed = synthDeclaration();
  changed.functionBlocks = {block(0, "Everything", 3, 0, 16)};
  changed.endpoint.functionBlockCount = 1;
  const std::size_t changesBefore = listener->changes().size();
  CHECK_EQ(engine.declareEndpoint(pair.endpointDeviceIdB, changed), std::string());
  CHECK_EQ(blocksOf(*listed(engine, pair.endpointDeviceIdB)), std::string("Everything 1-16/3"));
  const auto changes = listener->changes();
  CHECK_EQ(changes.size(), changesBefore + 1);
  if (changes.size() == changesBefore + 1) {
    CHECK(changes.back().kind == EndpointChangeKind::Updated);
    CHECK_EQ(changes.back().endpoint.endpointDeviceId, pair.endpointDeviceIdB);
    CHECK_EQ(blocksOf(changes.back().endpoint), std::string("Everything 1-16/3"));
  }
  CHECK_EQ(publisher->shown[pair.endpointDeviceIdB].size(), 2u);
  CHECK_EQ(blocksOf(publisher->shown[pair.endpointDeviceIdB].back()), std::string("Everything 1-16/3"));
  // Nothing declared any more: a plain loopback side again.
  CHECK_EQ(engine.declareEndpoint(pair.endpointDeviceIdB, std::nullopt), std::string());
  CHECK(!listed(engine, pair.endpointDeviceIdB)->umpEndpoint.has_value());
  CHECK(publisher->shown[pair.endpointDeviceIdB].back().functionBlocks.empty());
  // While publishing is off the OS is not told; switched on, it is shown the current one.
  engine.setPublishing(false);
  CHECK_EQ(engine.declareEndpoint(pair.endpointDeviceIdB, synthDeclaration()), std::string());
  CHECK_EQ(publisher->shown[pair.endpointDeviceIdB].size(), 3u);
  engine.setPublishing(true);
  CHECK_EQ(blocksOf(publisher->shown[pair.endpointDeviceIdB].back()), std::string("Keys 1-2/3, Pads 5-5/2"));
}

TEST(aDeclarationThatCannotBeShownAsDeclaredIsRefusedSayingWhichField) {
  Engine engine(std::make_shared<RecordingListener>());
  const PairCreationResult pair =
      engine.createLoopbackPair("pair", {"Pair A", "", "pair-a"}, {"Pair B", "", "pair-b"});
  CHECK(pair.success);
  const auto refused = [&](const UmpDeclaration& declaration, const std::string& says) {
    const std::string error = engine.declareEndpoint(pair.endpointDeviceIdB, declaration);
    CHECK_MESSAGE(error.find(says) != std::string::npos, error + " (expected: " + says + ")");
  };
  UmpDeclaration overflow = synthDeclaration();
  overflow.functionBlocks[1].firstGroup = 12;
  overflow.functionBlocks[1].groupCount = 5;
  refused(overflow, "functionBlocks[1].groupCount is 5 from firstGroup 12");
  UmpDeclaration miscounted = synthDeclaration();
  miscounted.endpoint.functionBlockCount = 3;
  refused(miscounted, "umpEndpoint.functionBlockCount is 3 but functionBlocks has 2 blocks");
  UmpDeclaration renumbered = synthDeclaration();
  renumbered.functionBlocks[0].number = 1;
  refused(renumbered, "functionBlocks[0].number is 1");
  UmpDeclaration noDirection = synthDeclaration();
  noDirection.functionBlocks[0].direction = 0;
  refused(noDirection, "functionBlocks[0].direction is 0");
  UmpDeclaration noProtocol = synthDeclaration();
  noProtocol.endpoint.supportsMidi2 = false;
  refused(noProtocol, "supports neither MIDI 1.0 nor MIDI 2.0");
  // Refused declarations change nothing.
  CHECK(!listed(engine, pair.endpointDeviceIdB)->umpEndpoint.has_value());

  // Only a user pair's side takes one; an unknown id is said.
  CHECK_MESSAGE(engine.declareEndpoint(kDiagnosticsLoopbackAId, synthDeclaration()).find("diagnostics transport") !=
                    std::string::npos,
                engine.declareEndpoint(kDiagnosticsLoopbackAId, synthDeclaration()));
  CHECK(engine.declareEndpoint("midiscope://loopback/none", synthDeclaration()).find("no MIDI endpoint") !=
        std::string::npos);
  // A pair whose side's declaration is wrong is not created at all, and says which side.
  LoopbackSideDefinition bad{"Bad B", "", "bad-b"};
  bad.declaration = overflow;
  const PairCreationResult badPair = engine.createLoopbackPair("bad", {"Bad A", "", "bad-a"}, bad);
  CHECK(!badPair.success);
  CHECK_MESSAGE(badPair.errorInformation.find("endpointB.functionBlocks[1].groupCount") != std::string::npos,
                badPair.errorInformation);
  CHECK(!listed(engine, loopbackEndpointId("bad-a")).has_value());
}

TEST(aTransportsEndpointsAreListedAndWatched) {
  auto listener = std::make_shared<RecordingListener>();
  Engine engine(listener);
  auto device = std::make_shared<DeviceTransport>();
  CHECK(engine.addTransport(device));
  CHECK(!engine.addTransport(std::make_shared<DeviceTransport>()));  // the id is taken
  CHECK(device->plugIn("Synth") != nullptr);
  CHECK(device->plugIn("Synth") == nullptr);  // the same id twice
  const auto endpoints = engine.listEndpoints();
  CHECK_EQ(endpoints.size(), 3u);
  CHECK_EQ(endpoints[2].transportId, std::string("device"));
  CHECK(endpoints[2].protocol == MidiProtocol::Midi1);
  CHECK_EQ(endpoints[2].details[0].second, std::string("20"));
  const auto changes = listener->changes();
  CHECK(changes.back().kind == EndpointChangeKind::Added);
  CHECK_EQ(changes.back().endpoint.name, std::string("Synth"));

  EndpointInfo renamed = endpoints[2];
  renamed.name = "Synth (renamed)";
  renamed.functionBlocks.push_back({});
  CHECK(device->host->updateEndpoint(renamed));
  CHECK_EQ(engine.listEndpoints()[2].name, std::string("Synth (renamed)"));
  CHECK(listener->changes().back().kind == EndpointChangeKind::Updated);
  const auto summaries = engine.transports();
  CHECK_EQ(summaries.size(), 3u);
  CHECK_EQ(summaries[2].id, std::string("device"));
  engine.shutdown();
  CHECK(device->stopped);
}

TEST(connectionsSendThroughTheTransportAndReceiveWhatItDelivers) {
  Engine engine(std::make_shared<RecordingListener>());
  auto device = std::make_shared<DeviceTransport>();
  engine.addTransport(device);
  auto endpoint = device->plugIn("Synth");
  const ConnectionId a = openOrFail(engine, "midiscope://device/Synth");
  const ConnectionId b = openOrFail(engine, "midiscope://device/Synth");
  CHECK_EQ(device->portsOpened, 2);
  CHECK(sendSucceeded(engine.sendMessage(a, 0, wordsOf({0x20903C64}))));
  CHECK_EQ(device->sent.size(), 1u);
  CHECK_EQ(device->sent[0], 0x20903C64u);
  const std::vector<std::uint32_t> incoming = {0x20803C00, 0x40903C00, 0xC0000000};
  CHECK_EQ(endpoint->deliver(incoming.data(), 3, 2), 0u);
  CHECK(drainAll(engine, a).words == incoming);
  CHECK(drainAll(engine, b).words == incoming);
}

TEST(aPortThatCannotOpenFailsTheConnectionWithItsReason) {
  Engine engine(std::make_shared<RecordingListener>());
  auto device = std::make_shared<DeviceTransport>();
  engine.addTransport(device);
  device->plugIn("refuses");
  const OpenResult opened = engine.openConnection("midiscope://device/refuses", 1024);
  CHECK(opened.error == OpenResult::Error::PortFailed);
  CHECK_EQ(opened.message, std::string("the device refused"));
}

TEST(anEndpointUnpluggedUnderAnOpenConnectionClosesIt) {
  auto listener = std::make_shared<RecordingListener>();
  Engine engine(listener);
  auto device = std::make_shared<DeviceTransport>();
  engine.addTransport(device);
  auto endpoint = device->plugIn("Synth");
  const ConnectionId id = openOrFail(engine, "midiscope://device/Synth");
  const std::vector<std::uint32_t> before = {0x20903C64};
  endpoint->deliver(before.data(), 1, 1);
  CHECK(device->host->removeEndpoint("midiscope://device/Synth"));
  CHECK(!engine.isConnectionOpen(id));
  CHECK(listener->wakes(id) >= 2);  // readable, then closed underneath
  CHECK(engine.sendMessage(id, 0, wordsOf({0x20903C64})) ==
        (send_result::kFailed | send_result::kEndpointConnectionClosedOrInvalid));
  CHECK(drainAll(engine, id).words == before);  // what arrived before is still there
  endpoint->deliver(before.data(), 1, 1);     // a late delivery reaches nobody
  CHECK(drainAll(engine, id).words.empty());
  CHECK(listener->changes().back().kind == EndpointChangeKind::Removed);
  CHECK(engine.openConnection("midiscope://device/Synth", 1024).error ==
        OpenResult::Error::UnknownEndpoint);
}

TEST(aClosedConnectionFreesItsRingWhileItsScheduledMessagesWait) {
  LoopbackFixture fixture;
  const std::size_t before = ReceiveRing::allocatedBytesInProcess();
  const ConnectionId id = openOrFail(fixture.engine, fixture.pair.endpointDeviceIdA, 1 << 20);
  CHECK(ReceiveRing::allocatedBytesInProcess() >= before + (std::size_t{1} << 20) * 12);
  const Timestamp anHourAhead = clockNow() + 36'000'000'000.0;
  CHECK(sendSucceeded(fixture.engine.sendMessage(id, anHourAhead, wordsOf({0x20903C64}))));
  fixture.engine.closeConnection(id);
  CHECK_EQ(ReceiveRing::allocatedBytesInProcess(), before);
  CHECK_EQ(fixture.engine.scheduledQueueSize(), 1u);  // still queued, but dead
}

TEST(aJsTransportDeliversIntoRingsAndCollectsSendsInAnOutbox) {
  auto listener = std::make_shared<RecordingListener>();
  Engine engine(listener);
  auto js = engine.jsTransport("network");
  CHECK(js != nullptr);
  CHECK(engine.jsTransport("loopback") == nullptr);  // a native transport's id
  EndpointInfo info;
  info.name = "Remote Synth";
  info.uniqueId = "remote-1";
  const auto added = js->addEndpoint("host 1/session:2", info);
  CHECK_EQ(added.endpointDeviceId, std::string("midiscope://network/host%201%2Fsession%3A2"));
  CHECK(js->addEndpoint("host 1/session:2", info).endpointDeviceId.empty());
  const ConnectionId id = openOrFail(engine, added.endpointDeviceId);

  // Sends from the connection, now and scheduled, reach the outbox and wake its owner.
  CHECK(sendSucceeded(engine.sendMessage(id, 0, wordsOf({0x20903C64}))));
  CHECK(sendSucceeded(engine.sendMessage(id, clockNow() + 10'000, wordsOf({0x20803C00}))));
  CHECK(listener->wakes(added.outboxId) >= 1);
  std::vector<std::uint32_t> outgoing;
  for (int spins = 0; outgoing.size() < 2 && spins < 20'000'000; ++spins) {
    std::uint32_t words[16];
    double stamps[16];
    const auto outcome = js->drainOutbox(added.outboxId, words, 16, stamps, 16);
    outgoing.insert(outgoing.end(), words, words + outcome.words);
  }
  CHECK(outgoing == (std::vector<std::uint32_t>{0x20903C64, 0x20803C00}));

  // What JS receives is validated and delivered; a truncated last message is reported.
  const std::vector<std::uint32_t> incoming = {0x20903C64, 0x40903C00, 0xC0000000, 0x40903C00};
  const auto delivery = js->deliver(added.endpointDeviceId, incoming.data(), incoming.size());
  CHECK_EQ(delivery.messagesDelivered, 2u);
  CHECK(!sendSucceeded(delivery.result));
  CHECK(drainAll(engine, id).words ==
        (std::vector<std::uint32_t>{0x20903C64, 0x40903C00, 0xC0000000}));

  CHECK(engine.removeJsTransport("network"));
  CHECK(!engine.isConnectionOpen(id));
  CHECK_EQ(engine.listEndpoints().size(), 4u - 2u);
}
