// alsa-lib, loaded at run time: dlopen("libasound.so.2") and a table of the functions MIDI Scope
// calls, each resolved on its own. The binary has no link-time dependency on ALSA, so it runs
// where alsa-lib is missing (the transport then says so), and a library too old for UMP
// (< 1.2.10) still gives MIDI 1.0: the UMP functions are simply absent from the table.
// The few alsa-lib structures that are passed by value (sequencer events) are declared here
// from the kernel's stable ABI (uapi/sound/asequencer.h), so no ALSA headers are needed to build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace midiscope::alsa {

struct SeqAddr {
  std::uint8_t client;
  std::uint8_t port;
};

// snd_seq_event_t: 28 bytes; snd_seq_ump_event_t: the same header with 16 bytes of data.
#pragma pack(push, 1)
struct SeqExternalData {
  std::uint32_t length;
  void* pointer;
};
#pragma pack(pop)

union SeqEventData {
  struct {
    std::uint8_t channel, note, velocity, offVelocity;
    std::uint32_t duration;
  } note;
  struct {
    std::uint8_t channel, unused[3];
    std::uint32_t param;
    std::int32_t value;
  } control;
  std::uint8_t raw8[12];
  std::uint32_t raw32[3];
  SeqExternalData ext;
  SeqAddr addr;
};

struct SeqEvent {
  std::uint8_t type;
  std::uint8_t flags;
  std::int8_t tag;
  std::uint8_t queue;
  std::uint32_t time[2];
  SeqAddr source;
  SeqAddr dest;
  SeqEventData data;
};

struct SeqUmpEvent {
  std::uint8_t type;
  std::uint8_t flags;
  std::int8_t tag;
  std::uint8_t queue;
  std::uint32_t time[2];
  SeqAddr source;
  SeqAddr dest;
  union {
    SeqEventData data;
    std::uint32_t ump[4];
  };
};

static_assert(sizeof(SeqEvent) == 28, "snd_seq_event_t is 28 bytes");
static_assert(sizeof(SeqUmpEvent) == 32, "snd_seq_ump_event_t is 32 bytes");

// Constants from alsa/seq.h and alsa/seq_event.h (stable ABI).
namespace seq {
constexpr int kOpenDuplex = 3;  // SND_SEQ_OPEN_DUPLEX
constexpr int kNonBlock = 1;    // SND_SEQ_NONBLOCK
constexpr std::uint8_t kQueueDirect = 253;
constexpr int kAddressSubscribers = 254;
constexpr int kAddressUnknown = 253;
constexpr int kClientSystem = 0;
constexpr int kPortSystemAnnounce = 1;
constexpr std::uint8_t kFlagLengthVariable = 1 << 2;
constexpr std::uint8_t kFlagLengthMask = 3 << 2;
constexpr std::uint8_t kFlagUmp = 1 << 5;
constexpr unsigned kCapRead = 1 << 0, kCapWrite = 1 << 1, kCapDuplex = 1 << 4, kCapSubsRead = 1 << 5,
                   kCapSubsWrite = 1 << 6, kCapNoExport = 1 << 7, kCapInactive = 1 << 8,
                   kCapUmpEndpoint = 1 << 9;
constexpr unsigned kTypeMidiGeneric = 1 << 1, kTypeMidiUmp = 1 << 7, kTypeHardware = 1 << 16,
                   kTypeSoftware = 1 << 17, kTypeApplication = 1 << 20;
constexpr int kKernelClient = 2;  // SND_SEQ_KERNEL_CLIENT
enum EventType : std::uint8_t {
  kClientStart = 60, kClientExit = 61, kClientChange = 62,
  kPortStart = 63, kPortExit = 64, kPortChange = 65,
  kPortSubscribed = 66, kPortUnsubscribed = 67,
  kSysEx = 130, kNone = 255,
};
}  // namespace seq

struct SeqHandle;   // snd_seq_t
struct ClientInfo;  // snd_seq_client_info_t
struct PortInfo;    // snd_seq_port_info_t
struct MidiEvent;   // snd_midi_event_t
struct UmpEndpointInfo;
struct UmpBlockInfo;

// The table. Required members are non-null once load() succeeded; UMP members may be null.
struct Library {
  // versions and errors
  const char* (*asoundlibVersion)() = nullptr;
  const char* (*strerror)(int) = nullptr;
  // sequencer handle
  int (*seqOpen)(SeqHandle**, const char*, int, int) = nullptr;
  int (*seqClose)(SeqHandle*) = nullptr;
  int (*seqSetClientName)(SeqHandle*, const char*) = nullptr;
  int (*seqClientId)(SeqHandle*) = nullptr;
  int (*seqNonblock)(SeqHandle*, int) = nullptr;
  int (*seqPollDescriptorsCount)(SeqHandle*, short) = nullptr;
  int (*seqPollDescriptors)(SeqHandle*, void*, unsigned, short) = nullptr;
  int (*seqSetOutputBufferSize)(SeqHandle*, std::size_t) = nullptr;
  int (*seqSetInputBufferSize)(SeqHandle*, std::size_t) = nullptr;
  int (*seqSetClientPoolOutput)(SeqHandle*, std::size_t) = nullptr;
  int (*seqSetClientPoolInput)(SeqHandle*, std::size_t) = nullptr;
  int (*seqCreateSimplePort)(SeqHandle*, const char*, unsigned, unsigned) = nullptr;
  int (*seqDeleteSimplePort)(SeqHandle*, int) = nullptr;
  int (*seqConnectFrom)(SeqHandle*, int, int, int) = nullptr;
  int (*seqConnectTo)(SeqHandle*, int, int, int) = nullptr;
  int (*seqDisconnectFrom)(SeqHandle*, int, int, int) = nullptr;
  int (*seqDisconnectTo)(SeqHandle*, int, int, int) = nullptr;
  int (*seqEventInput)(SeqHandle*, SeqEvent**) = nullptr;
  int (*seqEventOutputDirect)(SeqHandle*, SeqEvent*) = nullptr;
  int (*seqEventOutput)(SeqHandle*, SeqEvent*) = nullptr;
  int (*seqDrainOutput)(SeqHandle*) = nullptr;
  int (*seqEventInputPending)(SeqHandle*, int) = nullptr;
  // Optional: without them every event is written on its own (output_direct).
  int (*seqEventOutputPending)(SeqHandle*) = nullptr;
  int (*seqDropOutput)(SeqHandle*) = nullptr;
  // clients and ports
  int (*clientInfoMalloc)(ClientInfo**) = nullptr;
  void (*clientInfoFree)(ClientInfo*) = nullptr;
  void (*clientInfoSetClient)(ClientInfo*, int) = nullptr;
  int (*clientInfoGetClient)(const ClientInfo*) = nullptr;
  const char* (*clientInfoGetName)(ClientInfo*) = nullptr;
  int (*clientInfoGetType)(const ClientInfo*) = nullptr;
  int (*seqGetAnyClientInfo)(SeqHandle*, int, ClientInfo*) = nullptr;
  int (*seqQueryNextClient)(SeqHandle*, ClientInfo*) = nullptr;
  int (*portInfoMalloc)(PortInfo**) = nullptr;
  void (*portInfoFree)(PortInfo*) = nullptr;
  void (*portInfoSetClient)(PortInfo*, int) = nullptr;
  void (*portInfoSetPort)(PortInfo*, int) = nullptr;
  int (*portInfoGetPort)(const PortInfo*) = nullptr;
  const char* (*portInfoGetName)(const PortInfo*) = nullptr;
  unsigned (*portInfoGetCapability)(const PortInfo*) = nullptr;
  unsigned (*portInfoGetType)(const PortInfo*) = nullptr;
  int (*seqGetAnyPortInfo)(SeqHandle*, int, int, PortInfo*) = nullptr;
  int (*seqQueryNextPort)(SeqHandle*, PortInfo*) = nullptr;
  // MIDI 1.0 bytes <-> sequencer events
  int (*midiEventNew)(std::size_t, MidiEvent**) = nullptr;
  void (*midiEventFree)(MidiEvent*) = nullptr;
  long (*midiEventEncode)(MidiEvent*, const unsigned char*, long, SeqEvent*) = nullptr;
  long (*midiEventDecode)(MidiEvent*, unsigned char*, long, const SeqEvent*) = nullptr;
  void (*midiEventNoStatus)(MidiEvent*, int) = nullptr;
  void (*midiEventResetEncode)(MidiEvent*) = nullptr;

  // Optional (older alsa-lib lacks them).
  int (*clientInfoGetCard)(const ClientInfo*) = nullptr;
  // UMP (alsa-lib >= 1.2.10)
  int (*seqSetClientMidiVersion)(SeqHandle*, int) = nullptr;
  int (*clientInfoGetMidiVersion)(const ClientInfo*) = nullptr;
  int (*seqUmpEventInput)(SeqHandle*, SeqUmpEvent**) = nullptr;
  int (*seqUmpEventOutputDirect)(SeqHandle*, SeqUmpEvent*) = nullptr;
  int (*seqUmpEventOutput)(SeqHandle*, SeqUmpEvent*) = nullptr;
  int (*portInfoGetDirection)(const PortInfo*) = nullptr;
  int (*portInfoGetUmpGroup)(const PortInfo*) = nullptr;
  int (*seqGetUmpEndpointInfo)(SeqHandle*, int, void*) = nullptr;
  int (*seqGetUmpBlockInfo)(SeqHandle*, int, int, void*) = nullptr;
  int (*umpEndpointInfoMalloc)(UmpEndpointInfo**) = nullptr;
  void (*umpEndpointInfoFree)(UmpEndpointInfo*) = nullptr;
  const unsigned char* (*umpEndpointInfoGetName)(const UmpEndpointInfo*) = nullptr;
  const unsigned char* (*umpEndpointInfoGetProductId)(const UmpEndpointInfo*) = nullptr;
  unsigned (*umpEndpointInfoGetNumBlocks)(const UmpEndpointInfo*) = nullptr;
  unsigned (*umpEndpointInfoGetFlags)(const UmpEndpointInfo*) = nullptr;
  unsigned (*umpEndpointInfoGetProtocolCaps)(const UmpEndpointInfo*) = nullptr;
  unsigned (*umpEndpointInfoGetVersion)(const UmpEndpointInfo*) = nullptr;
  unsigned (*umpEndpointInfoGetManufacturerId)(const UmpEndpointInfo*) = nullptr;
  unsigned (*umpEndpointInfoGetFamilyId)(const UmpEndpointInfo*) = nullptr;
  unsigned (*umpEndpointInfoGetModelId)(const UmpEndpointInfo*) = nullptr;
  const unsigned char* (*umpEndpointInfoGetSwRevision)(const UmpEndpointInfo*) = nullptr;
  int (*umpBlockInfoMalloc)(UmpBlockInfo**) = nullptr;
  void (*umpBlockInfoFree)(UmpBlockInfo*) = nullptr;
  const unsigned char* (*umpBlockInfoGetName)(const UmpBlockInfo*) = nullptr;
  unsigned (*umpBlockInfoGetBlockId)(const UmpBlockInfo*) = nullptr;
  unsigned (*umpBlockInfoGetActive)(const UmpBlockInfo*) = nullptr;
  unsigned (*umpBlockInfoGetFlags)(const UmpBlockInfo*) = nullptr;
  unsigned (*umpBlockInfoGetDirection)(const UmpBlockInfo*) = nullptr;
  unsigned (*umpBlockInfoGetFirstGroup)(const UmpBlockInfo*) = nullptr;
  unsigned (*umpBlockInfoGetNumGroups)(const UmpBlockInfo*) = nullptr;
  unsigned (*umpBlockInfoGetMidiCiVersion)(const UmpBlockInfo*) = nullptr;
  unsigned (*umpBlockInfoGetSysex8Streams)(const UmpBlockInfo*) = nullptr;
  unsigned (*umpBlockInfoGetUiHint)(const UmpBlockInfo*) = nullptr;
  // Publishing a UMP client's own endpoint info and function blocks (alsa-lib >= 1.2.10).
  int (*seqSetUmpEndpointInfo)(SeqHandle*, const void*) = nullptr;
  int (*seqSetUmpBlockInfo)(SeqHandle*, int, const void*) = nullptr;
  void (*umpEndpointInfoSetName)(UmpEndpointInfo*, const char*) = nullptr;
  void (*umpEndpointInfoSetProductId)(UmpEndpointInfo*, const char*) = nullptr;
  void (*umpEndpointInfoSetProtocolCaps)(UmpEndpointInfo*, unsigned) = nullptr;
  void (*umpEndpointInfoSetProtocol)(UmpEndpointInfo*, unsigned) = nullptr;
  void (*umpEndpointInfoSetNumBlocks)(UmpEndpointInfo*, unsigned) = nullptr;
  void (*umpEndpointInfoSetVersion)(UmpEndpointInfo*, unsigned) = nullptr;
  void (*umpEndpointInfoSetFlags)(UmpEndpointInfo*, unsigned) = nullptr;
  void (*umpEndpointInfoSetManufacturerId)(UmpEndpointInfo*, unsigned) = nullptr;
  void (*umpEndpointInfoSetFamilyId)(UmpEndpointInfo*, unsigned) = nullptr;
  void (*umpEndpointInfoSetModelId)(UmpEndpointInfo*, unsigned) = nullptr;
  void (*umpEndpointInfoSetSwRevision)(UmpEndpointInfo*, const unsigned char*) = nullptr;
  void (*umpBlockInfoSetBlockId)(UmpBlockInfo*, unsigned) = nullptr;
  void (*umpBlockInfoSetName)(UmpBlockInfo*, const char*) = nullptr;
  void (*umpBlockInfoSetActive)(UmpBlockInfo*, unsigned) = nullptr;
  void (*umpBlockInfoSetDirection)(UmpBlockInfo*, unsigned) = nullptr;
  void (*umpBlockInfoSetFirstGroup)(UmpBlockInfo*, unsigned) = nullptr;
  void (*umpBlockInfoSetNumGroups)(UmpBlockInfo*, unsigned) = nullptr;
  void (*umpBlockInfoSetFlags)(UmpBlockInfo*, unsigned) = nullptr;
  void (*umpBlockInfoSetUiHint)(UmpBlockInfo*, unsigned) = nullptr;
  void (*umpBlockInfoSetMidiCiVersion)(UmpBlockInfo*, unsigned) = nullptr;
  void (*umpBlockInfoSetSysex8Streams)(UmpBlockInfo*, unsigned) = nullptr;

  // The sequencer can carry UMP: every UMP function above was found.
  bool hasUmp() const { return umpFunctions_; }
  bool hasUmpEndpointInfo() const { return umpInfoFunctions_; }
  // A UMP client can declare its own endpoint info and function blocks: the set functions, the
  // setters of name, product instance id, protocol and block count, and the block setters of
  // id, name, activity, direction and groups were found (the other setters may be null).
  bool canPublishUmpInfo() const { return umpPublishFunctions_; }
  const std::string& version() const { return version_; }
  // Empty when loaded; otherwise why not ("libasound.so.2 not found: <dlerror>", "missing
  // snd_seq_open").
  const std::string& error() const { return error_; }
  bool loaded() const { return error_.empty() && handle_ != nullptr; }

  // Loads `soname` (libasound.so.2 unless a test says otherwise). Call once.
  void load(const char* soname = "libasound.so.2");
  ~Library();

 private:
  void* handle_ = nullptr;
  bool umpFunctions_ = false;
  bool umpInfoFunctions_ = false;
  bool umpPublishFunctions_ = false;
  std::string version_;
  std::string error_ = "not loaded";
};

// The process-wide table, loaded on first use (dlopen once; never unloaded while in use).
const Library& library();

// "1.2.14" >= "1.2.10"
bool versionAtLeast(const std::string& version, int major, int minor, int micro);

}  // namespace midiscope::alsa
