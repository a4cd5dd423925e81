#include "transports/alsa/alsa_published_ports.h"

#include <vector>

#include "engine/ump_size.h"
#include "engine/ump_to_midi1.h"

namespace midiscope::alsa {

namespace {

// SysEx goes out in events of this many bytes, as for devices (alsa_transport.cc).
constexpr std::size_t kSysExChunk = 256;
// ALSA port names hold 63 bytes and a terminator.
constexpr std::size_t kPortNameBytes = 63;

}  // namespace

// Passes what arrives at a published endpoint to the port's subscribers, one drain per delivery.
struct PublishedTap final : EndpointTap {
  std::shared_ptr<SharedState> state;
  int port = -1;
  bool ump = false;
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
    SeqHandle* handle = nullptr;
    {
      std::lock_guard<std::mutex> lock(state->mutex);
      if (closed || state->stopped) return 0;  // nobody outside can be listening any more
      handle = state->publishing();
    }
    const Library& lib = state->lib;
    std::size_t failed = 0;
    for (std::size_t at = 0; at < wordCount;) {
      const std::size_t n = messageWordCount(words[at]);
      if (ump) {
        SeqUmpEvent event{};
        event.flags = seq::kFlagUmp;
        event.queue = seq::kQueueDirect;
        event.source.port = static_cast<std::uint8_t>(port);
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
      event.source.port = static_cast<std::uint8_t>(port);
      event.dest = {static_cast<std::uint8_t>(seq::kAddressSubscribers),
                    static_cast<std::uint8_t>(seq::kAddressUnknown)};
      if (lib.seqEventOutput(handle, &event) < 0) return false;
    }
    return true;
  }
};

void publishEndpoint(const std::shared_ptr<SharedState>& state,
                     const std::shared_ptr<Endpoint>& endpoint) {
  SharedState& s = *state;
  const Library& lib = s.lib;
  auto tap = std::make_shared<PublishedTap>();
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    if (s.stopped || s.publishing() == nullptr) return;
    for (const auto& entry : s.published) {
      if (entry.second.endpointId == endpoint->id()) return;
    }
    const std::string name = endpoint->info().name.substr(0, kPortNameBytes);
    const bool ump = s.umpActive;
    const int port = lib.seqCreateSimplePort(
        s.publishing(), name.c_str(),
        seq::kCapRead | seq::kCapWrite | seq::kCapSubsRead | seq::kCapSubsWrite | seq::kCapDuplex,
        seq::kTypeMidiGeneric | seq::kTypeSoftware | seq::kTypeApplication |
            (ump ? seq::kTypeMidiUmp : 0u));
    if (port < 0) return;  // the endpoint still works inside MIDI Scope; only the OS cannot see it
    if (!ump && (lib.midiEventNew(kSysExChunk, &tap->encoder) < 0 || tap->encoder == nullptr)) {
      lib.seqDeleteSimplePort(s.publishing(), port);
      return;
    }
    tap->state = state;
    tap->port = port;
    tap->ump = ump;
    SharedState::Published& published = s.published[port];
    published.endpointId = endpoint->id();
    published.endpoint = endpoint;
    published.tap = tap;
    if (!ump) published.receiver = std::make_unique<Midi1ToUmp>();
  }
  endpoint->addTap(tap);
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
      if (!s.stopped && s.publishing() != nullptr) s.lib.seqDeleteSimplePort(s.publishing(), it->first);
      s.published.erase(it);
      break;
    }
  }
  if (endpoint) endpoint->removeTap(tap.get());
}

void closeAllPublishedLocked(SharedState& s) {
  for (auto& entry : s.published) {
    entry.second.tap->closed = true;
    entry.second.endpoint->removeTap(entry.second.tap.get());
  }
  s.published.clear();
}

namespace {

// The endpoint a published port shows, or empty.
std::string publishedEndpoint(SharedState& s, int port) {
  std::lock_guard<std::mutex> lock(s.mutex);
  const auto found = s.published.find(port);
  return found == s.published.end() || s.host == nullptr ? std::string() : found->second.endpointId;
}

}  // namespace

bool receivedUmpAtPublished(SharedState& s, int port, const std::uint32_t* words,
                            std::size_t wordCount) {
  const std::string id = publishedEndpoint(s, port);
  if (id.empty()) return false;
  // The host outlives stop(), and stop() joins this (the receive) thread first.
  s.host->sendOnEndpoint(id, words, wordCount, 1);
  return true;
}

bool receivedBytesAtPublished(SharedState& s, int port, const std::uint8_t* bytes,
                              std::size_t byteCount) {
  std::vector<std::uint32_t> words;
  std::size_t messages = 0;
  std::string id;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    const auto found = s.published.find(port);
    if (found == s.published.end() || s.host == nullptr) return false;
    id = found->second.endpointId;
    if (found->second.receiver) messages = found->second.receiver->feed(bytes, byteCount, words);
  }
  if (messages > 0) s.host->sendOnEndpoint(id, words.data(), words.size(), messages);
  return true;
}

}  // namespace midiscope::alsa
