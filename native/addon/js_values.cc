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


const char* protocolName(MidiProtocol protocol) {
  switch (protocol) {
    case MidiProtocol::Midi1: return "midi1";
    case MidiProtocol::Midi2: return "midi2";
    case MidiProtocol::Unknown: return "unknown";
  }
  return "unknown";
}

Napi::Object umpEndpointToJs(Napi::Env env, const UmpEndpointDetails& ump) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("umpVersionMajor", ump.umpVersionMajor);
  object.Set("umpVersionMinor", ump.umpVersionMinor);
  object.Set("functionBlockCount", ump.functionBlockCount);
  object.Set("staticFunctionBlocks", ump.staticFunctionBlocks);
  object.Set("supportsMidi1", ump.supportsMidi1);
  object.Set("supportsMidi2", ump.supportsMidi2);
  object.Set("receivesJr", ump.receivesJr);
  object.Set("transmitsJr", ump.transmitsJr);
  object.Set("productInstanceId", ump.productInstanceId);
  object.Set("manufacturerId", ump.manufacturerId);
  object.Set("family", ump.family);
  object.Set("model", ump.model);
  object.Set("softwareRevision", ump.softwareRevision);
  return object;
}

Napi::Object functionBlockToJs(Napi::Env env, const FunctionBlockDetails& block) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("number", block.number);
  object.Set("name", block.name);
  object.Set("active", block.active);
  object.Set("direction", block.direction);
  object.Set("firstGroup", block.firstGroup);
  object.Set("groupCount", block.groupCount);
  object.Set("uiHint", block.uiHint);
  object.Set("midi1", block.midi1);
  object.Set("midiCiVersion", block.midiCiVersion);
  object.Set("maxSysEx8Streams", block.maxSysEx8Streams);
  return object;
}

}  // namespace

Napi::Object endpointToJs(Napi::Env env, const EndpointInfo& endpoint) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("endpointDeviceId", endpoint.endpointDeviceId);
  object.Set("transport", endpoint.transportId);
  object.Set("name", endpoint.name);
  object.Set("description", endpoint.description);
  object.Set("uniqueId", endpoint.uniqueId);
  object.Set("protocol", protocolName(endpoint.protocol));
  Napi::Array details = Napi::Array::New(env, endpoint.details.size());
  for (std::size_t i = 0; i < endpoint.details.size(); ++i) {
    Napi::Array pair = Napi::Array::New(env, 2);
    pair.Set(0u, endpoint.details[i].first);
    pair.Set(1u, endpoint.details[i].second);
    details.Set(static_cast<std::uint32_t>(i), pair);
  }
  object.Set("details", details);
  if (endpoint.umpEndpoint) object.Set("umpEndpoint", umpEndpointToJs(env, *endpoint.umpEndpoint));
  Napi::Array blocks = Napi::Array::New(env, endpoint.functionBlocks.size());
  for (std::size_t i = 0; i < endpoint.functionBlocks.size(); ++i) {
    blocks.Set(static_cast<std::uint32_t>(i), functionBlockToJs(env, endpoint.functionBlocks[i]));
  }
  object.Set("functionBlocks", blocks);
  if (endpoint.transportId == "loopback" || endpoint.transportId == "diagnostics") {
    Napi::Object loopback = Napi::Object::New(env);
    loopback.Set("side", endpoint.side == PairSide::A ? "A" : "B");
    loopback.Set("associationId", endpoint.associationId);
    loopback.Set("peerEndpointDeviceId", endpoint.peerEndpointDeviceId);
    object.Set("loopback", loopback);
  }
  // Only when a publishing transport could not show the endpoint to the OS as it is.
  if (!endpoint.publicationProblems.empty()) {
    Napi::Array problems = Napi::Array::New(env, endpoint.publicationProblems.size());
    for (std::size_t i = 0; i < endpoint.publicationProblems.size(); ++i) {
      const PublicationProblem& problem = endpoint.publicationProblems[i];
      Napi::Object item = Napi::Object::New(env);
      item.Set("transport", problem.transportId);
      item.Set("problem", problem.problem);
      item.Set("note", problem.note);
      problems.Set(static_cast<std::uint32_t>(i), item);
    }
    object.Set("publicationProblems", problems);
  }
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

Napi::Object transportToJs(Napi::Env env, const TransportSummary& transport) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("id", transport.id);
  object.Set("available", transport.status.available);
  object.Set("message", transport.status.message);
  return object;
}

Napi::Object statsToJs(Napi::Env env, const ConnectionStats& stats) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("received", count(env, stats.received));
  object.Set("dropped", count(env, stats.dropped));
  object.Set("pendingScheduled", count(env, stats.pendingScheduled));
  object.Set("sentScheduled", count(env, stats.sentScheduled));
  object.Set("failedScheduled", count(env, stats.failedScheduled));
  object.Set("lastScheduledFailure", Napi::Number::New(env, stats.lastScheduledFailure));
  return object;
}

}  // namespace midiscope::addon
