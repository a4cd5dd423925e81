#include "addon/js_values.h"

namespace midiscope::addon {

namespace {

const char* changeName(EndpointChangeKind kind) {
  switch (kind) {
    case EndpointChangeKind::Added: return "added";
    case EndpointChangeKind::Removed: return "removed";
    case EndpointChangeKind::Updated: return "updated";
  }
  return "updated";
}

Napi::Number count(Napi::Env env, std::uint64_t value) {
  return Napi::Number::New(env, static_cast<double>(value));
}

}  // namespace

Napi::Object endpointToJs(Napi::Env env, const EndpointInfo& endpoint) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("endpointDeviceId", endpoint.endpointDeviceId);
  object.Set("name", endpoint.name);
  object.Set("description", endpoint.description);
  object.Set("uniqueId", endpoint.uniqueId);
  object.Set("transport", endpoint.transport == Transport::Diagnostics ? "diagnostics" : "loopback");
  object.Set("kind", endpoint.side == PairSide::A ? "loopbackA" : "loopbackB");
  object.Set("associationId", endpoint.associationId);
  object.Set("peerEndpointDeviceId", endpoint.peerEndpointDeviceId);
  return object;
}

Napi::Object endpointChangeToJs(Napi::Env env, const EndpointChange& change) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("change", changeName(change.kind));
  object.Set("endpoint", endpointToJs(env, change.endpoint));
  return object;
}

Napi::Object pairCreationToJs(Napi::Env env, const PairCreationResult& result) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("success", result.success);
  object.Set("endpointDeviceIdA", result.endpointDeviceIdA);
  object.Set("endpointDeviceIdB", result.endpointDeviceIdB);
  object.Set("errorInformation", result.errorInformation);
  return object;
}

Napi::Object multipleSendToJs(Napi::Env env, const MultipleSendResult& result) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("result", count(env, result.result));
  object.Set("messagesSent", count(env, result.messagesSent));
  object.Set("wordsSent", count(env, result.wordsSent));
  return object;
}

Napi::Object drainToJs(Napi::Env env, const ReceiveRing::DrainOutcome& outcome) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("wordCount", count(env, outcome.words));
  object.Set("messageCount", count(env, outcome.messages));
  object.Set("more", outcome.more);
  return object;
}

Napi::Object statsToJs(Napi::Env env, const ConnectionStats& stats) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("received", count(env, stats.received));
  object.Set("dropped", count(env, stats.dropped));
  object.Set("pendingScheduled", count(env, stats.pendingScheduled));
  return object;
}

}  // namespace midiscope::addon
