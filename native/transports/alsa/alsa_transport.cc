#include "transports/alsa/alsa_transport.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

#include "engine/endpoint.h"
#include "engine/midi1_to_ump.h"
#include "engine/ump_size.h"
#include "engine/ump_to_midi1.h"
#include "transports/alsa/alsa_endpoints.h"
#include "transports/alsa/alsa_library.h"
#include "transports/alsa/alsa_published_ports.h"
#include "transports/alsa/alsa_shared_state.h"

namespace midiscope::alsa {

namespace {

// SysEx goes out in events of this many bytes (MIDI 1.0 ports take SysEx in pieces; one huge
// variable-length event would not fit the client's output buffer).
constexpr std::size_t kSysExChunk = 256;
// Each client's output buffer (snd_seq_set_output_buffer_size).
constexpr std::size_t kOutputBufferBytes = 64 * 1024;

std::string kernelRelease() {
  utsname name{};
  return uname(&name) == 0 ? std::string(name.release) : std::string("unknown");
}

bool kernelAtLeast(const std::string& release, int major, int minor) {
  int a = 0, b = 0;
  if (std::sscanf(release.c_str(), "%d.%d", &a, &b) < 2) return false;
  return a != major ? a > major : b >= minor;
}

}  // namespace

// A connection's way out: one per open connection on an ALSA endpoint.
struct PortLink final : TransportPort {
  std::shared_ptr<SharedState> state;
  std::string endpointId;
  SeqAddr dest{};
  bool ump = false;
  bool closed = false;  // the endpoint went away (guarded by state->mutex)
  std::mutex mutex;     // this port's translator and encoder
  UmpToMidi1 toMidi1;
  MidiEvent* encoder = nullptr;
  std::vector<std::uint8_t> bytes;
  // Per message of the list being sent: bytes buffered and words done at its end.
  std::vector<std::pair<std::size_t, std::size_t>> messageEnds;

  ~PortLink() override;
  SendResult send(const std::uint32_t* words, std::size_t wordCount, std::size_t messageCount) override {
    return sendCounting(words, wordCount, messageCount).result;
  }
  PortSendOutcome sendCounting(const std::uint32_t* words, std::size_t wordCount,
                               std::size_t messageCount) override;
};

namespace {

// A send that failed with alsa-lib's `error` after `sent` messages (`sentWords` words).
PortSendOutcome failedWith(int error, std::size_t sent, std::size_t sentWords) {
  SendResult result = send_result::kFailed;
  if (error == -ENOENT || error == -ENXIO || error == -ENODEV || error == -EPIPE || error == -EINVAL) {
    // The destination is gone (unplugged, client exited): the closed flag, as the seam says.
    result |= send_result::kEndpointConnectionClosedOrInvalid;
  } else if (error == -EAGAIN || error == -ENOMEM) {
    // The kernel could not put the event into the destination's input pool (seq_fifo.c: the
    // pool is full, the application does not read): the destination is full. A direct
    // delivery takes no cell from our own pool, so it is never ours that is full.
    result |= send_result::kDestinationFull;
  } else {
    result |= send_result::kOther;
  }
  if (sent > 0) result |= send_result::kMessageListPartiallyProcessed;
  return {result, sent, sentWords};
}

}  // namespace

PortSendOutcome PortLink::sendCounting(const std::uint32_t* words, std::size_t wordCount,
                                       std::size_t messageCount) {
  (void)messageCount;
  std::lock_guard<std::mutex> own(mutex);
  SeqHandle* handle = nullptr;
  int sourcePort = -1;
  {
    std::lock_guard<std::mutex> lock(state->mutex);
    if (closed || state->stopped) {
      return {send_result::kFailed | send_result::kEndpointConnectionClosedOrInvalid, 0, 0};
    }
    handle = ump ? state->ump : state->legacy;
    sourcePort = ump ? state->umpPort : state->legacyPort;
  }
  const Library& lib = state->lib;
  // The whole list goes into the handle's output buffer and out in as few writes as fit (one
  // for up to 2,048 UMP events), instead of one write per message. The buffer holds only this
  // list's events (sendMutex, and every list ends drained or dropped), so what the kernel did
  // not take is what is still pending: messages up to there were sent.
  const bool buffered = lib.seqEventOutputPending != nullptr && lib.seqDropOutput != nullptr;
  std::lock_guard<std::mutex> out(state->sendMutex);
  std::size_t sent = 0;        // messages whole in the buffer or out
  std::size_t queuedBytes = 0; // bytes put into the buffer by this list
  messageEnds.clear();         // per message: queuedBytes at its end
  // Writes what is buffered; on failure the outcome (counted up to what the kernel took) and the
  // rest dropped.
  auto flush = [&]() -> std::optional<PortSendOutcome> {
    const int rc = lib.seqDrainOutput(handle);
    const int left = lib.seqEventOutputPending(handle);
    if (rc >= 0 && left <= 0) return std::nullopt;
    lib.seqDropOutput(handle);
    // alsa-lib < 1.2.10 returns errors as positive numbers; newer ones return the bytes left
    // when the kernel took part of it (it then refused the rest: a full destination).
    const int error = rc < 0 ? rc : rc > 0 && rc != left ? -rc : -EAGAIN;
    const std::size_t taken = queuedBytes - static_cast<std::size_t>(std::max(left, 0));
    std::size_t whole = 0;
    while (whole < messageEnds.size() && messageEnds[whole].first <= taken) ++whole;
    return failedWith(error, whole, whole == 0 ? 0 : messageEnds[whole - 1].second);
  };
  // One event into the buffer (flushing first when it would not fit), or out directly.
  auto output = [&](auto& event, std::size_t size, bool isUmp) -> std::optional<PortSendOutcome> {
    if (!buffered) {
      const int rc = isUmp ? lib.seqUmpEventOutputDirect(handle, reinterpret_cast<SeqUmpEvent*>(&event))
                           : lib.seqEventOutputDirect(handle, reinterpret_cast<SeqEvent*>(&event));
      if (rc < 0) return failedWith(rc, sent, messageEnds.empty() ? 0 : messageEnds.back().second);
      return std::nullopt;
    }
    if (kOutputBufferBytes - static_cast<std::size_t>(lib.seqEventOutputPending(handle)) < size) {
      if (auto failed = flush()) return failed;
    }
    const int rc = isUmp ? lib.seqUmpEventOutput(handle, reinterpret_cast<SeqUmpEvent*>(&event))
                         : lib.seqEventOutput(handle, reinterpret_cast<SeqEvent*>(&event));
    if (rc < 0) {
      // Not taken into the buffer (it had room): what is there still goes out, then this fails.
      if (auto failed = flush()) return failed;
      return failedWith(rc, sent, messageEnds.empty() ? 0 : messageEnds.back().second);
    }
    queuedBytes += size;
    return std::nullopt;
  };
  for (std::size_t at = 0; at < wordCount;) {
    const std::size_t n = messageWordCount(words[at]);
    if (ump) {
      SeqUmpEvent event{};
      event.flags = seq::kFlagUmp;
      event.queue = seq::kQueueDirect;
      event.source.port = static_cast<std::uint8_t>(sourcePort);
      event.dest = dest;
      for (std::size_t i = 0; i < n; ++i) event.ump[i] = words[at + i];
      if (auto failed = output(event, sizeof(SeqUmpEvent), true)) return *failed;
    } else {
      bytes.clear();
      if (!toMidi1.translate(&words[at], n, bytes)) {
        // No MIDI 1.0 form (counted by the translator): say so instead of dropping it. What came
        // before still goes out.
        if (buffered) {
          if (auto failed = flush()) return *failed;
        }
        return {send_result::kFailed | send_result::kInvalidMessageOther |
                    (sent > 0 ? send_result::kMessageListPartiallyProcessed : 0),
                sent, at};
      }
      const unsigned char* data = bytes.data();
      long left = static_cast<long>(bytes.size());
      while (left > 0) {
        SeqEvent event{};
        const long used = lib.midiEventEncode(encoder, data, left, &event);
        if (used <= 0) {
          lib.midiEventResetEncode(encoder);
          if (buffered) {
            if (auto failed = flush()) return *failed;
          }
          return {send_result::kFailed | send_result::kOther |
                      (sent > 0 ? send_result::kMessageListPartiallyProcessed : 0),
                  sent, at};
        }
        data += used;
        left -= used;
        if (event.type == seq::kNone) continue;  // needs more bytes (SysEx piece not full yet)
        event.queue = seq::kQueueDirect;
        event.source.port = static_cast<std::uint8_t>(sourcePort);
        event.dest = dest;
        const bool variable = (event.flags & seq::kFlagLengthMask) == seq::kFlagLengthVariable;
        const std::size_t size = sizeof(SeqEvent) + (variable ? event.data.ext.length : 0u);
        if (auto failed = output(event, size, false)) return *failed;
      }
    }
    at += n;
    ++sent;
    messageEnds.emplace_back(queuedBytes, at);
  }
  if (buffered) {
    if (auto failed = flush()) return *failed;
  }
  return {send_result::kSucceeded, sent, wordCount};
}

PortLink::~PortLink() {
  std::lock_guard<std::mutex> lock(state->mutex);
  if (encoder != nullptr) state->lib.midiEventFree(encoder);
  if (state->stopped) return;
  auto found = state->known.find(endpointId);
  if (found == state->known.end() || closed) return;
  SharedState::Known& known = found->second;
  if (--known.openCount > 0) return;
  SeqHandle* handle = ump ? state->ump : state->legacy;
  const int ourPort = ump ? state->umpPort : state->legacyPort;
  if (known.facts.readable) state->lib.seqDisconnectFrom(handle, ourPort, dest.client, dest.port);
  if (known.facts.writable) state->lib.seqDisconnectTo(handle, ourPort, dest.client, dest.port);
}

namespace {

SeqHandle* openClient(const Library& lib, const char* name, int& client, int& port, std::string& error) {
  // Checked first so that a machine without the sequencer gets one clear reason instead of
  // alsa-lib printing its own error to the extension host's stderr.
  if (::access("/dev/snd/seq", R_OK | W_OK) != 0) {
    error = std::string("no ALSA sequencer on this machine: /dev/snd/seq: ") + std::strerror(errno) +
            " (is the snd-seq kernel module loaded, and may this user open it?)";
    return nullptr;
  }
  SeqHandle* handle = nullptr;
  const int rc = lib.seqOpen(&handle, "default", seq::kOpenDuplex, 0);
  if (rc < 0) {
    error = std::string("cannot open the ALSA sequencer: ") + lib.strerror(rc);
    return nullptr;
  }
  lib.seqSetClientName(handle, name);
  lib.seqSetOutputBufferSize(handle, kOutputBufferBytes);
  lib.seqSetInputBufferSize(handle, 64 * 1024);
  // The kernel drops what arrives while a client's input pool is full: take the most it allows.
  lib.seqSetClientPoolOutput(handle, 1000);
  lib.seqSetClientPoolInput(handle, 2000);
  client = lib.seqClientId(handle);
  // Private: others do not route to it; it reaches devices by subscribing itself.
  port = lib.seqCreateSimplePort(handle, name,
                                 seq::kCapRead | seq::kCapWrite | seq::kCapNoExport,
                                 seq::kTypeMidiGeneric | seq::kTypeApplication);
  if (port < 0) {
    error = std::string("cannot create a sequencer port: ") + lib.strerror(port);
    lib.seqClose(handle);
    return nullptr;
  }
  return handle;
}

// Known first, then announced: a connection may open on the endpoint as soon as the engine
// lists it, and openPort() must find it then.
void addKnown(SharedState& s, PortFacts facts) {
  const std::string id = facts.info.endpointDeviceId;
  EndpointInfo info = facts.info;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    if (s.known.count(id) != 0) return;
    s.known[id].facts = std::move(facts);
  }
  std::shared_ptr<Endpoint> endpoint = s.host->addEndpoint(std::move(info));
  std::lock_guard<std::mutex> lock(s.mutex);
  auto found = s.known.find(id);
  if (found == s.known.end()) return;  // gone again meanwhile
  if (endpoint == nullptr) {
    s.known.erase(found);
  } else if (found->second.endpoint == nullptr) {
    found->second.endpoint = std::move(endpoint);
  }
}

}  // namespace

AlsaTransport::AlsaTransport() : state_(std::make_shared<SharedState>()) {
  const Library& lib = state_->lib;
  if (!lib.loaded()) {
    state_->status = {false, lib.error()};
  } else if (!lib.hasUmp() || !versionAtLeast(lib.version(), 1, 2, 10)) {
    state_->status = {true, "alsa-lib " + lib.version() + ": MIDI 1.0 only (UMP needs alsa-lib >= 1.2.10)"};
  } else {
    state_->status = {true, "alsa-lib " + lib.version() + ", kernel " + kernelRelease()};
  }
}

AlsaTransport::~AlsaTransport() { stop(); }

TransportStatus AlsaTransport::status() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  TransportStatus status = state_->status;
  // Counted where the transport is shown: how many of MIDI Scope's endpoints other applications
  // cannot see (fully) now, and how many publications failed since it started.
  std::size_t failing = 0;
  for (const auto& entry : state_->problems) {
    if (!entry.second.note) ++failing;
  }
  if (failing > 0) {
    status.message += "; " + std::to_string(failing) + (failing == 1 ? " own endpoint" : " own endpoints") +
                      " not fully published (" + std::to_string(state_->publicationFailures) +
                      " failed publications since start)";
  }
  return status;
}

void AlsaTransport::start(TransportHost& host) {
  SharedState& s = *state_;
  const Library& lib = s.lib;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    if (!s.status.available || s.legacy != nullptr) return;
    s.host = &host;
    std::string error;
    s.legacy = openClient(lib, "MIDI Scope", s.legacyClient, s.legacyPort, error);
    if (s.legacy == nullptr) {
      s.status = {false, error};
      return;
    }
    if (lib.hasUmp() && versionAtLeast(lib.version(), 1, 2, 10)) {
      std::string umpError;
      s.ump = openClient(lib, "MIDI Scope UMP", s.umpClient, s.umpPort, umpError);
      const int rc = s.ump == nullptr ? -1 : lib.seqSetClientMidiVersion(s.ump, 2);
      if (rc < 0) {
        if (s.ump != nullptr) lib.seqClose(s.ump);
        s.ump = nullptr;
        const std::string release = kernelRelease();
        s.status.message = "alsa-lib " + lib.version() + ", kernel " + release +
                           ": MIDI 1.0 only (" +
                           (kernelAtLeast(release, 6, 5) ? "this kernel was built without CONFIG_SND_SEQ_UMP"
                                                         : "UMP needs kernel >= 6.5") +
                           ")";
      } else {
        s.umpActive = true;
        s.status.message += ": MIDI 1.0 and UMP";
      }
    }
    lib.seqConnectFrom(s.legacy, s.legacyPort, seq::kClientSystem, seq::kPortSystemAnnounce);
  }
  // Everything there now, then what the announce port says.
  std::vector<int> skip = {s.legacyClient, s.umpClient};
  for (PortFacts& facts : queryAllPorts(lib, s.legacy, skip, s.umpActive)) addKnown(s, std::move(facts));
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    s.wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  }
  thread_ = std::thread([this] { run(); });
}

void AlsaTransport::stop() {
  if (thread_.joinable()) {
    int fd;
    {
      std::lock_guard<std::mutex> lock(state_->mutex);
      state_->stopRequested = true;
      fd = state_->wakeFd;
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = write(fd, &one, sizeof one);
    thread_.join();
  }
  std::lock_guard<std::mutex> out(state_->sendMutex);  // no tap or port is writing
  std::lock_guard<std::mutex> lock(state_->mutex);
  if (state_->wakeFd >= 0) {
    close(state_->wakeFd);
    state_->wakeFd = -1;
  }
  if (state_->stopped) return;
  state_->stopped = true;
  state_->host = nullptr;
  closeAllPublishedLocked(*state_);
  for (auto& entry : state_->known) entry.second.links.clear();
  state_->known.clear();
  if (state_->ump != nullptr) state_->lib.seqClose(state_->ump);
  if (state_->legacy != nullptr) state_->lib.seqClose(state_->legacy);
  state_->ump = nullptr;
  state_->legacy = nullptr;
}

void AlsaTransport::publish(const std::shared_ptr<Endpoint>& endpoint) {
  publishEndpoint(state_, endpoint);
}

void AlsaTransport::republish(const std::shared_ptr<Endpoint>& endpoint) {
  republishEndpoint(state_, endpoint);
}

std::vector<PublicationProblem> AlsaTransport::publicationProblems() const {
  return alsa::publicationProblems(*state_);
}

void AlsaTransport::unpublish(const std::string& endpointDeviceId) {
  unpublishEndpoint(*state_, endpointDeviceId);
}

Transport::PortOpening AlsaTransport::openPort(const std::shared_ptr<Endpoint>& endpoint) {
  SharedState& s = *state_;
  const Library& lib = s.lib;
  std::lock_guard<std::mutex> lock(s.mutex);
  auto found = s.known.find(endpoint->id());
  if (s.stopped || found == s.known.end()) {
    return {nullptr, "ALSA endpoint " + endpoint->id() + " is gone"};
  }
  SharedState::Known& known = found->second;
  if (known.endpoint == nullptr) known.endpoint = endpoint;
  const bool ump = known.facts.ump && s.umpActive;
  SeqHandle* handle = ump ? s.ump : s.legacy;
  const int ourPort = ump ? s.umpPort : s.legacyPort;
  const int client = known.facts.client;
  const int port = known.facts.port;
  MidiEvent* encoder = nullptr;
  if (!ump && (lib.midiEventNew(kSysExChunk, &encoder) < 0 || encoder == nullptr)) {
    return {nullptr, "alsa-lib could not make a MIDI event encoder for " + known.facts.info.name};
  }
  if (known.openCount == 0) {
    if (known.facts.readable) {
      const int rc = lib.seqConnectFrom(handle, ourPort, client, port);
      if (rc < 0) {
        if (encoder != nullptr) lib.midiEventFree(encoder);
        return {nullptr, "cannot subscribe to " + known.facts.info.name + " (" + std::to_string(client) + ":" +
                             std::to_string(port) + "): " + lib.strerror(rc)};
      }
    }
    if (known.facts.writable) {
      const int rc = lib.seqConnectTo(handle, ourPort, client, port);
      if (rc < 0) {
        if (known.facts.readable) lib.seqDisconnectFrom(handle, ourPort, client, port);
        if (encoder != nullptr) lib.midiEventFree(encoder);
        return {nullptr, "cannot connect to " + known.facts.info.name + " (" + std::to_string(client) + ":" +
                             std::to_string(port) + "): " + lib.strerror(rc)};
      }
    }
    if (!ump && known.receiver == nullptr) known.receiver = std::make_unique<Midi1ToUmp>();
  }
  ++known.openCount;
  // Built last: a link's destructor takes s.mutex, so none may die inside this function.
  auto link = std::make_shared<PortLink>();
  link->state = state_;
  link->endpointId = endpoint->id();
  link->dest = {static_cast<std::uint8_t>(client), static_cast<std::uint8_t>(port)};
  link->ump = ump;
  link->encoder = encoder;
  known.links.push_back(link);
  return {link, ""};
}

void AlsaTransport::run() {
  SharedState& s = *state_;
  const Library& lib = s.lib;
  // What is polled: the wake-up, our two clients, and every published endpoint's client. The
  // published clients are held here until the next rebuild, so none closes while polled.
  std::vector<pollfd> fds;
  std::vector<int> owners;  // per fd: kLegacy, kUmp or the index into `polled`
  constexpr int kWake = -3, kLegacy = -2, kUmp = -1;
  std::vector<std::shared_ptr<PublishedClient>> polled;
  auto addFds = [&](SeqHandle* handle, int owner) {
    const int count = lib.seqPollDescriptorsCount(handle, POLLIN);
    if (count <= 0) return;
    const std::size_t at = fds.size();
    fds.resize(at + static_cast<std::size_t>(count));
    lib.seqPollDescriptors(handle, &fds[at], static_cast<unsigned>(count), POLLIN);
    owners.resize(fds.size(), owner);
  };
  // False once stop() asked.
  auto rebuild = [&]() {
    std::lock_guard<std::mutex> lock(s.mutex);
    if (s.stopRequested) return false;
    fds.assign(1, pollfd{s.wakeFd, POLLIN, 0});
    owners.assign(1, kWake);
    polled.clear();
    if (s.legacy != nullptr) addFds(s.legacy, kLegacy);
    if (s.ump != nullptr) addFds(s.ump, kUmp);
    for (const auto& entry : s.published) {
      polled.push_back(entry.second.client);
      addFds(entry.second.client->handle, static_cast<int>(polled.size() - 1));
    }
    return true;
  };
  std::vector<std::uint8_t> bytes(4096);
  std::vector<std::uint32_t> words;
  MidiEvent* decoder = nullptr;
  lib.midiEventNew(16, &decoder);
  lib.midiEventNoStatus(decoder, 1);

  // hotplug: (re)query a port and tell the engine
  auto refreshPort = [&](int client, int port) {
    std::optional<PortFacts> facts = queryPort(lib, s.legacy, client, port, s.umpActive);
    const std::string id = endpointIdFor(client, port);
    if (!facts) return;
    std::unique_lock<std::mutex> lock(s.mutex);
    auto found = s.known.find(id);
    if (found == s.known.end()) {
      lock.unlock();
      addKnown(s, std::move(*facts));
    } else {
      found->second.facts.info = facts->info;
      EndpointInfo info = facts->info;
      lock.unlock();
      s.host->updateEndpoint(std::move(info));
    }
  };
  auto removePort = [&](const std::string& id) {
    {
      std::lock_guard<std::mutex> lock(s.mutex);
      auto found = s.known.find(id);
      if (found == s.known.end()) return;
      for (auto& weak : found->second.links) {
        if (auto link = weak.lock()) link->closed = true;
      }
      s.known.erase(found);
    }
    s.host->removeEndpoint(id);
  };
  auto removeClient = [&](int client) {
    std::vector<std::string> ids;
    {
      std::lock_guard<std::mutex> lock(s.mutex);
      for (auto& entry : s.known) {
        if (entry.second.facts.client == client) ids.push_back(entry.first);
      }
    }
    for (const std::string& id : ids) removePort(id);
  };
  auto refreshClient = [&](int client) {
    std::vector<int> ports;
    {
      std::lock_guard<std::mutex> lock(s.mutex);
      for (auto& entry : s.known) {
        if (entry.second.facts.client == client) ports.push_back(entry.second.facts.port);
      }
    }
    for (int port : ports) refreshPort(client, port);
  };
  auto announce = [&](std::uint8_t type, SeqAddr addr) {
    {
      std::lock_guard<std::mutex> lock(s.mutex);
      if (s.isOwnClientLocked(addr.client)) return;
    }
    switch (type) {
      case seq::kPortStart:
      case seq::kPortChange:
        refreshPort(addr.client, addr.port);
        // A UMP client's function blocks change its ports' names: refresh its other ports too.
        if (type == seq::kPortChange) refreshClient(addr.client);
        break;
      case seq::kPortExit:
        removePort(endpointIdFor(addr.client, addr.port));
        break;
      case seq::kClientExit:
        removeClient(addr.client);
        break;
      case seq::kClientChange:
        refreshClient(addr.client);
        break;
      default:
        break;
    }
  };
  // A kernel UMP client sends from the port of the message's group, to the subscribers of that
  // port and of port 0 (the whole endpoint): deliver to whichever of the two we opened.
  auto deliver = [&](SeqAddr source, const std::uint32_t* data, std::size_t count, std::size_t messages) {
    std::shared_ptr<Endpoint> endpoint;
    {
      std::lock_guard<std::mutex> lock(s.mutex);
      auto found = s.known.find(endpointIdFor(source.client, source.port));
      if ((found == s.known.end() || found->second.openCount == 0) && source.port != 0) {
        auto whole = s.known.find(endpointIdFor(source.client, 0));
        if (whole != s.known.end() && whole->second.facts.ump && whole->second.openCount > 0) found = whole;
      }
      if (found == s.known.end() || found->second.endpoint == nullptr) return;
      endpoint = found->second.endpoint;
    }
    endpoint->deliver(data, count, messages);
  };

  // What alsa-lib has buffered from one source goes into the engine in one delivery (one lock
  // per inbox and one wake-up of its reader), not one per message; a change of source, an
  // announcement and the end of what was read close the batch.
  constexpr std::size_t kBatchWords = 4096;
  SeqAddr batchSource{};
  std::vector<std::uint32_t> batchWords;
  batchWords.reserve(kBatchWords + 4);
  std::size_t batchMessages = 0;
  auto flushBatch = [&]() {
    if (batchMessages > 0) deliver(batchSource, batchWords.data(), batchWords.size(), batchMessages);
    batchWords.clear();
    batchMessages = 0;
  };
  auto addToBatch = [&](SeqAddr source, const std::uint32_t* data, std::size_t count, std::size_t messages) {
    if (batchMessages > 0 && (source.client != batchSource.client || source.port != batchSource.port ||
                              batchWords.size() + count > kBatchWords)) {
      flushBatch();
    }
    batchSource = source;
    batchWords.insert(batchWords.end(), data, data + count);
    batchMessages += messages;
  };

  // What an application sent to a published endpoint's client.
  auto readPublished = [&](PublishedClient& client) {
    if (client.ump) {
      do {
        SeqUmpEvent* event = nullptr;
        if (lib.seqUmpEventInput(client.handle, &event) < 0 || event == nullptr) break;
        if ((event->flags & seq::kFlagUmp) == 0) continue;  // a notice, not a message
        receivedUmpAtPublished(s, client.client, event->ump, messageWordCount(event->ump[0]));
      } while (lib.seqEventInputPending(client.handle, 0) > 0);
      return;
    }
    do {
      SeqEvent* event = nullptr;
      if (lib.seqEventInput(client.handle, &event) < 0 || event == nullptr) break;
      const std::size_t need = (event->flags & seq::kFlagLengthMask) == seq::kFlagLengthVariable
                                   ? event->data.ext.length + 16u
                                   : 16u;
      if (bytes.size() < need) bytes.resize(need);
      const long n = lib.midiEventDecode(decoder, bytes.data(), static_cast<long>(bytes.size()), event);
      if (n <= 0) continue;  // not a MIDI message (e.g. a subscription notice)
      receivedBytesAtPublished(s, client.client, bytes.data(), static_cast<std::size_t>(n));
    } while (lib.seqEventInputPending(client.handle, 0) > 0);
  };

  if (!rebuild()) {
    lib.midiEventFree(decoder);
    return;
  }
  for (;;) {
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if ((fds[0].revents & POLLIN) != 0) {
      std::uint64_t count = 0;
      [[maybe_unused]] const auto got = read(fds[0].fd, &count, sizeof count);
      if (!rebuild()) break;  // stop() asked; otherwise the published clients changed
      continue;
    }
    bool legacyReady = false, umpReady = false;
    std::vector<bool> publishedReady(polled.size(), false);
    for (std::size_t i = 1; i < fds.size(); ++i) {
      if ((fds[i].revents & POLLIN) == 0) continue;
      if (owners[i] == kLegacy) {
        legacyReady = true;
      } else if (owners[i] == kUmp) {
        umpReady = true;
      } else {
        publishedReady[static_cast<std::size_t>(owners[i])] = true;
      }
    }
    for (std::size_t i = 0; i < polled.size(); ++i) {
      if (publishedReady[i]) readPublished(*polled[i]);
    }
    if (legacyReady) {
      do {
        SeqEvent* event = nullptr;
        if (lib.seqEventInput(s.legacy, &event) < 0 || event == nullptr) break;
        if (event->source.client == seq::kClientSystem) {
          flushBatch();  // what came before a port went goes in first
          announce(event->type, event->data.addr);
          continue;
        }
        const std::size_t need = (event->flags & seq::kFlagLengthMask) == seq::kFlagLengthVariable
                                     ? event->data.ext.length + 16u
                                     : 16u;
        if (bytes.size() < need) bytes.resize(need);
        const long n = lib.midiEventDecode(decoder, bytes.data(), static_cast<long>(bytes.size()), event);
        if (n <= 0) continue;  // not a MIDI message (e.g. a subscription notice)
        words.clear();
        std::size_t messages = 0;
        {
          std::lock_guard<std::mutex> lock(s.mutex);
          auto found = s.known.find(endpointIdFor(event->source.client, event->source.port));
          if (found == s.known.end()) continue;
          if (found->second.receiver == nullptr) found->second.receiver = std::make_unique<Midi1ToUmp>();
          messages = found->second.receiver->feed(bytes.data(), static_cast<std::size_t>(n), words);
        }
        if (messages > 0) addToBatch(event->source, words.data(), words.size(), messages);
      } while (lib.seqEventInputPending(s.legacy, 0) > 0);
      flushBatch();
    }
    if (umpReady) {
      do {
        SeqUmpEvent* event = nullptr;
        if (lib.seqUmpEventInput(s.ump, &event) < 0 || event == nullptr) break;
        if ((event->flags & seq::kFlagUmp) == 0) continue;  // system notices: the legacy client has them
        const std::size_t n = messageWordCount(event->ump[0]);
        addToBatch(event->source, event->ump, n, 1);
      } while (lib.seqEventInputPending(s.ump, 0) > 0);
      flushBatch();
    }
  }
  lib.midiEventFree(decoder);
}

}  // namespace midiscope::alsa
