#include "transports/alsa/alsa_library.h"

#include <dlfcn.h>

#include <cstdio>

namespace midiscope::alsa {

namespace {

template <typename Function>
bool resolve(void* handle, const char* name, Function& slot) {
  slot = reinterpret_cast<Function>(dlsym(handle, name));
  return slot != nullptr;
}

}  // namespace

void Library::load(const char* soname) {
  handle_ = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle_ == nullptr) {
    const char* why = dlerror();
    error_ = std::string("alsa-lib (") + soname + ") is not installed: " + (why ? why : "not found");
    return;
  }
  std::string missing;
  auto required = [&](const char* name, auto& slot) {
    if (!resolve(handle_, name, slot)) missing += (missing.empty() ? "" : ", ") + std::string(name);
  };
  required("snd_asoundlib_version", asoundlibVersion);
  required("snd_strerror", strerror);
  required("snd_seq_open", seqOpen);
  required("snd_seq_close", seqClose);
  required("snd_seq_set_client_name", seqSetClientName);
  required("snd_seq_client_id", seqClientId);
  required("snd_seq_nonblock", seqNonblock);
  required("snd_seq_poll_descriptors_count", seqPollDescriptorsCount);
  required("snd_seq_poll_descriptors", seqPollDescriptors);
  required("snd_seq_set_output_buffer_size", seqSetOutputBufferSize);
  required("snd_seq_set_input_buffer_size", seqSetInputBufferSize);
  required("snd_seq_set_client_pool_output", seqSetClientPoolOutput);
  required("snd_seq_set_client_pool_input", seqSetClientPoolInput);
  required("snd_seq_create_simple_port", seqCreateSimplePort);
  required("snd_seq_delete_simple_port", seqDeleteSimplePort);
  required("snd_seq_connect_from", seqConnectFrom);
  required("snd_seq_connect_to", seqConnectTo);
  required("snd_seq_disconnect_from", seqDisconnectFrom);
  required("snd_seq_disconnect_to", seqDisconnectTo);
  required("snd_seq_event_input", seqEventInput);
  required("snd_seq_event_output_direct", seqEventOutputDirect);
  required("snd_seq_event_output", seqEventOutput);
  required("snd_seq_drain_output", seqDrainOutput);
  required("snd_seq_event_input_pending", seqEventInputPending);
  required("snd_seq_client_info_malloc", clientInfoMalloc);
  required("snd_seq_client_info_free", clientInfoFree);
  required("snd_seq_client_info_set_client", clientInfoSetClient);
  required("snd_seq_client_info_get_client", clientInfoGetClient);
  required("snd_seq_client_info_get_name", clientInfoGetName);
  required("snd_seq_client_info_get_type", clientInfoGetType);
  required("snd_seq_get_any_client_info", seqGetAnyClientInfo);
  required("snd_seq_query_next_client", seqQueryNextClient);
  required("snd_seq_port_info_malloc", portInfoMalloc);
  required("snd_seq_port_info_free", portInfoFree);
  required("snd_seq_port_info_set_client", portInfoSetClient);
  required("snd_seq_port_info_set_port", portInfoSetPort);
  required("snd_seq_port_info_get_port", portInfoGetPort);
  required("snd_seq_port_info_get_name", portInfoGetName);
  required("snd_seq_port_info_get_capability", portInfoGetCapability);
  required("snd_seq_port_info_get_type", portInfoGetType);
  required("snd_seq_get_any_port_info", seqGetAnyPortInfo);
  required("snd_seq_query_next_port", seqQueryNextPort);
  required("snd_midi_event_new", midiEventNew);
  required("snd_midi_event_free", midiEventFree);
  required("snd_midi_event_encode", midiEventEncode);
  required("snd_midi_event_decode", midiEventDecode);
  required("snd_midi_event_no_status", midiEventNoStatus);
  required("snd_midi_event_reset_encode", midiEventResetEncode);
  if (!missing.empty()) {
    error_ = "alsa-lib lacks " + missing;
    return;
  }
  version_ = asoundlibVersion();
  resolve(handle_, "snd_seq_client_info_get_card", clientInfoGetCard);
  resolve(handle_, "snd_seq_event_output_pending", seqEventOutputPending);
  resolve(handle_, "snd_seq_drop_output", seqDropOutput);

  bool ump = true;
  ump &= resolve(handle_, "snd_seq_set_client_midi_version", seqSetClientMidiVersion);
  ump &= resolve(handle_, "snd_seq_client_info_get_midi_version", clientInfoGetMidiVersion);
  ump &= resolve(handle_, "snd_seq_ump_event_input", seqUmpEventInput);
  ump &= resolve(handle_, "snd_seq_ump_event_output_direct", seqUmpEventOutputDirect);
  ump &= resolve(handle_, "snd_seq_ump_event_output", seqUmpEventOutput);
  resolve(handle_, "snd_seq_port_info_get_direction", portInfoGetDirection);
  resolve(handle_, "snd_seq_port_info_get_ump_group", portInfoGetUmpGroup);
  umpFunctions_ = ump;

  bool info = ump;
  info &= resolve(handle_, "snd_seq_get_ump_endpoint_info", seqGetUmpEndpointInfo);
  info &= resolve(handle_, "snd_seq_get_ump_block_info", seqGetUmpBlockInfo);
  info &= resolve(handle_, "snd_ump_endpoint_info_malloc", umpEndpointInfoMalloc);
  info &= resolve(handle_, "snd_ump_endpoint_info_free", umpEndpointInfoFree);
  info &= resolve(handle_, "snd_ump_endpoint_info_get_name", umpEndpointInfoGetName);
  info &= resolve(handle_, "snd_ump_endpoint_info_get_num_blocks", umpEndpointInfoGetNumBlocks);
  info &= resolve(handle_, "snd_ump_block_info_malloc", umpBlockInfoMalloc);
  info &= resolve(handle_, "snd_ump_block_info_free", umpBlockInfoFree);
  info &= resolve(handle_, "snd_ump_block_info_get_name", umpBlockInfoGetName);
  info &= resolve(handle_, "snd_ump_block_info_get_first_group", umpBlockInfoGetFirstGroup);
  info &= resolve(handle_, "snd_ump_block_info_get_num_groups", umpBlockInfoGetNumGroups);
  umpInfoFunctions_ = info;
  // Details that enrich what is shown; each one may be missing on its own.
  resolve(handle_, "snd_ump_endpoint_info_get_product_id", umpEndpointInfoGetProductId);
  resolve(handle_, "snd_ump_endpoint_info_get_flags", umpEndpointInfoGetFlags);
  resolve(handle_, "snd_ump_endpoint_info_get_protocol_caps", umpEndpointInfoGetProtocolCaps);
  resolve(handle_, "snd_ump_endpoint_info_get_version", umpEndpointInfoGetVersion);
  resolve(handle_, "snd_ump_endpoint_info_get_manufacturer_id", umpEndpointInfoGetManufacturerId);
  resolve(handle_, "snd_ump_endpoint_info_get_family_id", umpEndpointInfoGetFamilyId);
  resolve(handle_, "snd_ump_endpoint_info_get_model_id", umpEndpointInfoGetModelId);
  resolve(handle_, "snd_ump_endpoint_info_get_sw_revision", umpEndpointInfoGetSwRevision);
  resolve(handle_, "snd_ump_block_info_get_block_id", umpBlockInfoGetBlockId);
  resolve(handle_, "snd_ump_block_info_get_active", umpBlockInfoGetActive);
  resolve(handle_, "snd_ump_block_info_get_flags", umpBlockInfoGetFlags);
  resolve(handle_, "snd_ump_block_info_get_direction", umpBlockInfoGetDirection);
  resolve(handle_, "snd_ump_block_info_get_midi_ci_version", umpBlockInfoGetMidiCiVersion);
  resolve(handle_, "snd_ump_block_info_get_sysex8_streams", umpBlockInfoGetSysex8Streams);
  resolve(handle_, "snd_ump_block_info_get_ui_hint", umpBlockInfoGetUiHint);

  bool publish = info;
  publish &= resolve(handle_, "snd_seq_set_ump_endpoint_info", seqSetUmpEndpointInfo);
  publish &= resolve(handle_, "snd_seq_set_ump_block_info", seqSetUmpBlockInfo);
  publish &= resolve(handle_, "snd_ump_endpoint_info_set_name", umpEndpointInfoSetName);
  publish &= resolve(handle_, "snd_ump_endpoint_info_set_product_id", umpEndpointInfoSetProductId);
  publish &= resolve(handle_, "snd_ump_endpoint_info_set_protocol_caps", umpEndpointInfoSetProtocolCaps);
  publish &= resolve(handle_, "snd_ump_endpoint_info_set_protocol", umpEndpointInfoSetProtocol);
  publish &= resolve(handle_, "snd_ump_endpoint_info_set_num_blocks", umpEndpointInfoSetNumBlocks);
  publish &= resolve(handle_, "snd_ump_block_info_set_block_id", umpBlockInfoSetBlockId);
  publish &= resolve(handle_, "snd_ump_block_info_set_name", umpBlockInfoSetName);
  publish &= resolve(handle_, "snd_ump_block_info_set_active", umpBlockInfoSetActive);
  publish &= resolve(handle_, "snd_ump_block_info_set_direction", umpBlockInfoSetDirection);
  publish &= resolve(handle_, "snd_ump_block_info_set_first_group", umpBlockInfoSetFirstGroup);
  publish &= resolve(handle_, "snd_ump_block_info_set_num_groups", umpBlockInfoSetNumGroups);
  umpPublishFunctions_ = publish;
  resolve(handle_, "snd_ump_endpoint_info_set_version", umpEndpointInfoSetVersion);
  resolve(handle_, "snd_ump_endpoint_info_set_flags", umpEndpointInfoSetFlags);
  resolve(handle_, "snd_ump_endpoint_info_set_manufacturer_id", umpEndpointInfoSetManufacturerId);
  resolve(handle_, "snd_ump_endpoint_info_set_family_id", umpEndpointInfoSetFamilyId);
  resolve(handle_, "snd_ump_endpoint_info_set_model_id", umpEndpointInfoSetModelId);
  resolve(handle_, "snd_ump_endpoint_info_set_sw_revision", umpEndpointInfoSetSwRevision);
  resolve(handle_, "snd_ump_block_info_set_flags", umpBlockInfoSetFlags);
  resolve(handle_, "snd_ump_block_info_set_ui_hint", umpBlockInfoSetUiHint);
  resolve(handle_, "snd_ump_block_info_set_midi_ci_version", umpBlockInfoSetMidiCiVersion);
  resolve(handle_, "snd_ump_block_info_set_sysex8_streams", umpBlockInfoSetSysex8Streams);
  error_.clear();
}

Library::~Library() {
  // Never dlclose: alsa-lib registers atexit handlers and other threads may still be unwinding.
}

const Library& library() {
  static Library* instance = [] {
    auto* loaded = new Library();
    loaded->load();
    return loaded;
  }();
  return *instance;
}

bool versionAtLeast(const std::string& version, int major, int minor, int micro) {
  int a = 0, b = 0, c = 0;
  if (std::sscanf(version.c_str(), "%d.%d.%d", &a, &b, &c) < 2) return false;
  if (a != major) return a > major;
  if (b != minor) return b > minor;
  return c >= micro;
}

}  // namespace midiscope::alsa
