#include "transports/alsa/alsa_published_ports.h"

#include <unistd.h>

#include <algorithm>
#include <vector>

#include "engine/ump_size.h"
#include "engine/ump_to_midi1.h"

namespace midiscope::alsa {

namespace {

// SysEx goes out in events of this many bytes, as for devices (alsa_transport.cc).
constexpr std::size_t kSysExChunk = 256;
// ALSA client and port names hold 63 bytes and a terminator.
constexpr std::size_t kNameBytes = 63;

// At most `bytes` bytes of `text`, never cutting a UTF-8 sequence in two.
std::string truncatedUtf8(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

template <typename T>
struct Freed {
  T* pointer = nullptr;
  void (*release)(T*) = nullptr;
  ~Freed() {
    if (pointer != nullptr && release != nullptr) release(pointer);
  }
};

void wake(const SharedState& s) {
  if (s.wakeFd < 0) return;
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = write(s.wakeFd, &one, sizeof one);
}

}  // namespace

// Passes what arrives at a published endpoint to the port's subscribers, one drain per delivery.
struct PublishedTap final : EndpointTap {
  std::shared_ptr<SharedState> state;
  std::shared_ptr<PublishedClient> client;
  bool closed = false;  // unpublished or stopped (guarded by state->mutex)
  std::mutex mutex;     // this tap's translator, encoder and buffer
  UmpToMidi1 toMidi1;
  MidiEvent* encoder = nullptr;
  std::vector<std::uint8_t> bytes;

  ~PublishedTap() override {
    if (encoder != nullptr) state->lib.midiEventFree(encoder);
  }

  std::size_t delivered(const std::uint32_t* words, std::size_t wordCount,
                        std::size_t messageCount) override {
    std::lock_guard<std::mutex> own(mutex);
    std::lock_guard<std::mutex> out(state->sendMutex);
    {
      std::lock_guard<std::mutex> lock(state->mutex);
      if (closed || state->stopped) return 0;  // nobody outside can be listening any more
    }
    const Library& lib = state->lib;
    SeqHandle* handle = client->handle;
    std::size_t failed = 0;
    for (std::size_t at = 0; at < wordCount;) {
      const std::size_t n = messageWordCount(words[at]);
      if (client->ump) {
        SeqUmpEvent event{};
        event.flags = seq::kFlagUmp;
        event.queue = seq::kQueueDirect;
        event.source.port = static_cast<std::uint8_t>(client->port);
        event.dest = {static_cast<std::uint8_t>(seq::kAddressSubscribers),
                      static_cast<std::uint8_t>(seq::kAddressUnknown)};
        for (std::size_t i = 0; i < n; ++i) event.ump[i] = words[at + i];
        if (lib.seqUmpEventOutput(handle, &event) < 0) ++failed;
      } else if (!outputAsMidi1(handle, &words[at], n)) {
        ++failed;
      }
      at += n;
    }
    if (lib.seqDrainOutput(handle) < 0) return messageCount;
    return failed;
  }

  // Without kernel UMP: the spec's default translation to MIDI 1.0 (counted when impossible).
  bool outputAsMidi1(SeqHandle* handle, const std::uint32_t* message, std::size_t n) {
    const Library& lib = state->lib;
    bytes.clear();
    if (!toMidi1.translate(message, n, bytes)) return false;
    const unsigned char* data = bytes.data();
    long left = static_cast<long>(bytes.size());
    while (left > 0) {
      SeqEvent event{};
      const long used = lib.midiEventEncode(encoder, data, left, &event);
      if (used <= 0) {
        lib.midiEventResetEncode(encoder);
        return false;
      }
      data += used;
      left -= used;
      if (event.type == seq::kNone) continue;  // a SysEx piece not full yet
      event.queue = seq::kQueueDirect;
      event.source.port = static_cast<std::uint8_t>(client->port);
      event.dest = {static_cast<std::uint8_t>(seq::kAddressSubscribers),
                    static_cast<std::uint8_t>(seq::kAddressUnknown)};
      if (lib.seqEventOutput(handle, &event) < 0) return false;
    }
    return true;
  }
};

std::string declareUmpInfo(const Library& lib, SeqHandle* handle, const EndpointInfo& info,
                           std::size_t& blockSlots) {
  if (!lib.canPublishUmpInfo()) {
    return "alsa-lib " + lib.version() + " cannot declare UMP endpoint info (needs >= 1.2.10)";
  }
  std::vector<FunctionBlockDetails> blocks = info.functionBlocks;
  if (!info.umpEndpoint && blocks.empty()) {
    // A loopback side that declares nothing: one block over all 16 groups, both ways (see the
    // header). An endpoint with endpoint info declares its blocks itself, none included.
    FunctionBlockDetails all;
    all.number = 0;
    all.name = info.name;
    all.direction = 3;
    all.firstGroup = 0;
    all.groupCount = 16;
    all.uiHint = 3;
    blocks.push_back(all);
  }
  if (blocks.size() > 32) blocks.resize(32);

  Freed<UmpEndpointInfo> endpoint{nullptr, lib.umpEndpointInfoFree};
  if (lib.umpEndpointInfoMalloc(&endpoint.pointer) < 0) return "out of memory";
  const UmpEndpointDetails declared = info.umpEndpoint.value_or(UmpEndpointDetails{});
  lib.umpEndpointInfoSetName(endpoint.pointer, info.name.c_str());
  const std::string product = info.umpEndpoint && !declared.productInstanceId.empty()
                                  ? declared.productInstanceId
                                  : info.uniqueId;
  lib.umpEndpointInfoSetProductId(endpoint.pointer, product.c_str());
  // Which protocols: what the endpoint declares; a loopback carries both.
  unsigned caps = 0;
  if (!info.umpEndpoint || declared.supportsMidi2) caps |= 0x0200;
  if (!info.umpEndpoint || declared.supportsMidi1) caps |= 0x0100;
  if (info.umpEndpoint && declared.transmitsJr) caps |= 0x0001;
  if (info.umpEndpoint && declared.receivesJr) caps |= 0x0002;
  lib.umpEndpointInfoSetProtocolCaps(endpoint.pointer, caps);
  // The client speaks MIDI 2.0 (snd_seq_set_client_midi_version(2)).
  lib.umpEndpointInfoSetProtocol(endpoint.pointer, 0x0200);
  lib.umpEndpointInfoSetNumBlocks(endpoint.pointer, static_cast<unsigned>(blocks.size()));
  if (lib.umpEndpointInfoSetVersion != nullptr) {
    lib.umpEndpointInfoSetVersion(endpoint.pointer,
                                  (unsigned{declared.umpVersionMajor} << 8) | declared.umpVersionMinor);
  }
  // A loopback's one block never changes; a declared endpoint says whether its blocks do.
  const bool staticBlocks = !info.umpEndpoint || declared.staticFunctionBlocks;
  if (lib.umpEndpointInfoSetFlags != nullptr) lib.umpEndpointInfoSetFlags(endpoint.pointer, staticBlocks ? 1u : 0u);
  if (info.umpEndpoint) {
    if (lib.umpEndpointInfoSetManufacturerId != nullptr) {
      lib.umpEndpointInfoSetManufacturerId(endpoint.pointer, declared.manufacturerId);
    }
    if (lib.umpEndpointInfoSetFamilyId != nullptr) lib.umpEndpointInfoSetFamilyId(endpoint.pointer, declared.family);
    if (lib.umpEndpointInfoSetModelId != nullptr) lib.umpEndpointInfoSetModelId(endpoint.pointer, declared.model);
    if (lib.umpEndpointInfoSetSwRevision != nullptr) {
      const unsigned char revision[4] = {static_cast<unsigned char>(declared.softwareRevision >> 24),
                                         static_cast<unsigned char>(declared.softwareRevision >> 16),
                                         static_cast<unsigned char>(declared.softwareRevision >> 8),
                                         static_cast<unsigned char>(declared.softwareRevision)};
      lib.umpEndpointInfoSetSwRevision(endpoint.pointer, revision);
    }
  }
  int rc = lib.seqSetUmpEndpointInfo(handle, endpoint.pointer);
  if (rc < 0) return std::string("snd_seq_set_ump_endpoint_info: ") + lib.strerror(rc);

  Freed<UmpBlockInfo> block{nullptr, lib.umpBlockInfoFree};
  if (lib.umpBlockInfoMalloc(&block.pointer) < 0) return "out of memory";
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const FunctionBlockDetails& fb = blocks[i];
    lib.umpBlockInfoSetBlockId(block.pointer, static_cast<unsigned>(i));
    lib.umpBlockInfoSetName(block.pointer, fb.name.c_str());
    lib.umpBlockInfoSetActive(block.pointer, fb.active ? 1u : 0u);
    lib.umpBlockInfoSetDirection(block.pointer, fb.direction & 3u);
    lib.umpBlockInfoSetFirstGroup(block.pointer, fb.firstGroup);
    lib.umpBlockInfoSetNumGroups(block.pointer, fb.groupCount);
    if (lib.umpBlockInfoSetFlags != nullptr) {
      lib.umpBlockInfoSetFlags(block.pointer, fb.midi1 == 2 ? 0x03u : fb.midi1 == 1 ? 0x01u : 0u);
    }
    if (lib.umpBlockInfoSetUiHint != nullptr) lib.umpBlockInfoSetUiHint(block.pointer, fb.uiHint & 3u);
    if (lib.umpBlockInfoSetMidiCiVersion != nullptr) {
      lib.umpBlockInfoSetMidiCiVersion(block.pointer, fb.midiCiVersion);
    }
    if (lib.umpBlockInfoSetSysex8Streams != nullptr) {
      lib.umpBlockInfoSetSysex8Streams(block.pointer, fb.maxSysEx8Streams);
    }
    rc = lib.seqSetUmpBlockInfo(handle, static_cast<int>(i), block.pointer);
    if (rc < 0) return std::string("snd_seq_set_ump_block_info: ") + lib.strerror(rc);
    blockSlots = std::max(blockSlots, i + 1);
  }
  // A declaration with fewer blocks than the last one: the kernel keeps every slot it was given
  // (and /proc lists those with a name), so the slots beyond the new count are emptied.
  if (blockSlots > blocks.size()) {
    lib.umpBlockInfoSetName(block.pointer, "");
    lib.umpBlockInfoSetActive(block.pointer, 0);
    lib.umpBlockInfoSetFirstGroup(block.pointer, 0);
    lib.umpBlockInfoSetNumGroups(block.pointer, 0);
    for (std::size_t i = blocks.size(); i < blockSlots; ++i) {
      lib.umpBlockInfoSetBlockId(block.pointer, static_cast<unsigned>(i));
      rc = lib.seqSetUmpBlockInfo(handle, static_cast<int>(i), block.pointer);
      if (rc < 0) return std::string("snd_seq_set_ump_block_info: ") + lib.strerror(rc);
    }
  }
  blockSlots = blocks.size();
  return "";
}

namespace {

constexpr const char* kNotPublished = "not published: ";
constexpr const char* kWithoutUmpInfo = "published without its UMP endpoint info: ";

// Whether `info` declares UMP endpoint info or function blocks of its own (a virtual device's
// side), which a MIDI 1.0 client has no place for.
bool declaresUmpInfo(const EndpointInfo& info) {
  return info.umpEndpoint.has_value() || !info.functionBlocks.empty();
}

std::string midi1ClientNote() {
  return "published as a MIDI 1.0 client (this kernel has no MIDI 2.0 / UMP sequencer): other "
         "applications see the port, not its declared UMP endpoint info and function blocks";
}

// Records (or, with an empty `problem`, clears) the endpoint's publication problem. With mutex.
void recordLocked(SharedState& s, const std::string& endpointId, const std::string& problem, bool note) {
  if (problem.empty()) {
    s.problems.erase(endpointId);
    return;
  }
  if (!note) ++s.publicationFailures;
  s.problems[endpointId] = PublicationProblem{"alsa", endpointId, problem, note};
}

// The endpoint's own client and its one port, or null (the endpoint still works inside MIDI
// Scope; only the OS cannot see it) with `problem` saying which call failed and why. A client
// that works but could not declare its UMP endpoint info is returned with `problem` set too.
std::shared_ptr<PublishedClient> openPublishedClient(const Library& lib, const EndpointInfo& info, bool ump,
                                                     std::string& problem) {
  auto published = std::make_shared<PublishedClient>(lib);
  const int opened = lib.seqOpen(&published->handle, "default", seq::kOpenDuplex, 0);
  if (opened < 0) {
    published->handle = nullptr;
    problem = std::string(kNotPublished) + "snd_seq_open: " + lib.strerror(opened);
    return nullptr;
  }
  SeqHandle* handle = published->handle;
  const std::string name = truncatedUtf8(info.name, kNameBytes);
  lib.seqSetClientName(handle, name.c_str());
  lib.seqSetOutputBufferSize(handle, 64 * 1024);
  lib.seqSetInputBufferSize(handle, 64 * 1024);
  lib.seqSetClientPoolOutput(handle, 1000);
  lib.seqSetClientPoolInput(handle, 2000);
  published->client = lib.seqClientId(handle);
  std::string withoutInfo;
  if (ump) {
    const int rc = lib.seqSetClientMidiVersion(handle, 2);
    if (rc < 0) {
      problem = std::string(kNotPublished) + "snd_seq_set_client_midi_version: " + lib.strerror(rc);
      return nullptr;
    }
    published->ump = true;
    // Without them the client still carries UMP; applications then see no endpoint info.
    const std::string why = declareUmpInfo(lib, handle, info, published->umpBlockSlots);
    if (!why.empty()) withoutInfo = kWithoutUmpInfo + why;
  }
  published->port = lib.seqCreateSimplePort(
      handle, name.c_str(),
      seq::kCapRead | seq::kCapWrite | seq::kCapSubsRead | seq::kCapSubsWrite | seq::kCapDuplex,
      seq::kTypeMidiGeneric | seq::kTypeSoftware | seq::kTypeApplication | (ump ? seq::kTypeMidiUmp : 0u));
  if (published->port < 0) {
    problem = std::string(kNotPublished) + "snd_seq_create_simple_port: " + lib.strerror(published->port);
    return nullptr;
  }
  problem = withoutInfo;
  return published;
}

}  // namespace

void publishEndpoint(const std::shared_ptr<SharedState>& state,
                     const std::shared_ptr<Endpoint>& endpoint) {
  SharedState& s = *state;
  const Library& lib = s.lib;
  auto tap = std::make_shared<PublishedTap>();
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    if (s.stopped || s.legacy == nullptr) return;
    for (const auto& entry : s.published) {
      if (entry.second.endpointId == endpoint->id()) return;
    }
    const bool ump = s.umpActive;
    const EndpointInfo info = endpoint->info();
    std::string problem;
    std::shared_ptr<PublishedClient> client = openPublishedClient(lib, info, ump, problem);
    if (client == nullptr) {
      recordLocked(s, endpoint->id(), problem, false);
      return;
    }
    if (!ump && (lib.midiEventNew(kSysExChunk, &tap->encoder) < 0 || tap->encoder == nullptr)) {
      recordLocked(s, endpoint->id(), std::string(kNotPublished) + "snd_midi_event_new: out of memory", false);
      return;
    }
    if (problem.empty() && !ump && declaresUmpInfo(info)) {
      recordLocked(s, endpoint->id(), midi1ClientNote(), true);
    } else {
      recordLocked(s, endpoint->id(), problem, false);
    }
    tap->state = state;
    tap->client = client;
    SharedState::Published& published = s.published[client->client];
    published.endpointId = endpoint->id();
    published.endpoint = endpoint;
    published.tap = tap;
    published.client = client;
    if (!ump) published.receiver = std::make_unique<Midi1ToUmp>();
  }
  endpoint->addTap(tap);
  wake(s);  // the receive thread polls the new client
}

void republishEndpoint(const std::shared_ptr<SharedState>& state, const std::shared_ptr<Endpoint>& endpoint) {
  SharedState& s = *state;
  const EndpointInfo info = endpoint->info();
  {
    // sendMutex: the handle is not written to meanwhile (taps, sends); mutex: the entry stays.
    std::lock_guard<std::mutex> out(s.sendMutex);
    std::lock_guard<std::mutex> lock(s.mutex);
    if (s.stopped) return;
    for (auto& entry : s.published) {
      if (entry.second.endpointId != endpoint->id()) continue;
      PublishedClient& client = *entry.second.client;
      if (client.ump) {
        const std::string why = declareUmpInfo(s.lib, client.handle, info, client.umpBlockSlots);
        recordLocked(s, endpoint->id(), why.empty() ? why : kWithoutUmpInfo + why, false);
      } else {
        recordLocked(s, endpoint->id(), declaresUmpInfo(info) ? midi1ClientNote() : "", true);
      }
      return;
    }
    // Not published: only an endpoint whose publication failed is tried again.
    const auto failed = s.problems.find(endpoint->id());
    if (failed == s.problems.end()) return;
  }
  publishEndpoint(state, endpoint);
}

void unpublishEndpoint(SharedState& s, const std::string& endpointId) {
  std::shared_ptr<Endpoint> endpoint;
  std::shared_ptr<PublishedTap> tap;
  {
    std::lock_guard<std::mutex> out(s.sendMutex);
    std::lock_guard<std::mutex> lock(s.mutex);
    for (auto it = s.published.begin(); it != s.published.end(); ++it) {
      if (it->second.endpointId != endpointId) continue;
      endpoint = it->second.endpoint;
      tap = it->second.tap;
      tap->closed = true;
      // Gone for other applications now; the client itself closes once nobody holds it.
      if (!s.stopped) s.lib.seqDeleteSimplePort(it->second.client->handle, it->second.client->port);
      s.published.erase(it);
      break;
    }
    s.problems.erase(endpointId);  // not asked to be shown any more
  }
  if (!endpoint) return;
  endpoint->removeTap(tap.get());
  wake(s);
}

void closeAllPublishedLocked(SharedState& s) {
  for (auto& entry : s.published) {
    entry.second.tap->closed = true;
    entry.second.endpoint->removeTap(entry.second.tap.get());
  }
  s.published.clear();
  s.problems.clear();
}

std::vector<PublicationProblem> publicationProblems(SharedState& s) {
  std::lock_guard<std::mutex> lock(s.mutex);
  std::vector<PublicationProblem> problems;
  problems.reserve(s.problems.size());
  for (const auto& entry : s.problems) problems.push_back(entry.second);
  return problems;
}

void receivedUmpAtPublished(SharedState& s, int client, const std::uint32_t* words, std::size_t wordCount) {
  std::string id;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    const auto found = s.published.find(client);
    if (found == s.published.end() || s.host == nullptr) return;
    id = found->second.endpointId;
  }
  // The host outlives stop(), and stop() joins this (the receive) thread first.
  s.host->sendOnEndpoint(id, words, wordCount, 1);
}

void receivedBytesAtPublished(SharedState& s, int client, const std::uint8_t* bytes, std::size_t byteCount) {
  std::vector<std::uint32_t> words;
  std::size_t messages = 0;
  std::string id;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    const auto found = s.published.find(client);
    if (found == s.published.end() || s.host == nullptr) return;
    id = found->second.endpointId;
    if (found->second.receiver) messages = found->second.receiver->feed(bytes, byteCount, words);
  }
  if (messages > 0) s.host->sendOnEndpoint(id, words.data(), words.size(), messages);
}

}  // namespace midiscope::alsa
