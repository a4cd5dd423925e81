// Transports written in JS (src/engine/jsTransport.ts): register one, declare its endpoints,
// deliver what it receives, and drain what connections sent to its endpoints.
#include "addon/arguments.h"
#include "addon/functions.h"
#include "addon/js_ump_declaration.h"
#include "addon/js_values.h"
#include "engine/ump_size.h"
#include "transports/js/js_transport.h"

namespace midiscope::addon {

namespace {

EndpointInfo endpointFromJs(const Arguments& args, const Napi::Object& object) {
  const char* name = "endpoint";
  EndpointInfo info;
  info.name = args.stringProperty(object, name, "name", false);
  info.description = args.stringProperty(object, name, "description", true);
  info.uniqueId = args.stringProperty(object, name, "uniqueId", false);
  const std::string protocol = args.stringProperty(object, name, "protocol", true);
  info.protocol = protocol == "midi1"   ? MidiProtocol::Midi1
                  : protocol == "midi2" ? MidiProtocol::Midi2
                                        : MidiProtocol::Unknown;
  const Napi::Value details = object.Get("details");
  if (details.IsArray()) {
    const Napi::Array array = details.As<Napi::Array>();
    for (std::uint32_t i = 0; i < array.Length(); ++i) {
      const Napi::Value pair = array.Get(i);
      if (!pair.IsArray() || pair.As<Napi::Array>().Length() != 2) {
        args.throwTypeError("endpoint.details[" + std::to_string(i) + "]", "a [name, value] pair of strings");
      }
      info.details.emplace_back(pair.As<Napi::Array>().Get(0u).ToString().Utf8Value(),
                                pair.As<Napi::Array>().Get(1u).ToString().Utf8Value());
    }
  }
  info.umpEndpoint = umpEndpointFromJs(args, object, name);
  info.functionBlocks = functionBlocksFromJs(args, object, name);
  return info;
}

std::shared_ptr<JsTransport> transportNamed(const Arguments& args, const std::string& id) {
  auto transport = instanceOf(args.info()).engine->jsTransport(id);
  if (!transport) {
    throw Napi::Error::New(args.env(), std::string(args.functionName()) + ": \"" + id +
                                           "\" is a native transport's id, or the engine has shut down");
  }
  return transport;
}

Napi::Value registerJsTransport(const Napi::CallbackInfo& info) {
  const Arguments args(info, "registerJsTransport");
  transportNamed(args, args.string(0, "transportId"));
  return info.Env().Undefined();
}

Napi::Value unregisterJsTransport(const Napi::CallbackInfo& info) {
  const Arguments args(info, "unregisterJsTransport");
  AddonInstance& instance = instanceOf(info);
  const bool removed = instance.engine->removeJsTransport(args.string(0, "transportId"));
  instance.notifier->keepAliveWhileQueued(info.Env());
  return Napi::Boolean::New(info.Env(), removed);
}

Napi::Value jsTransportAddEndpoint(const Napi::CallbackInfo& info) {
  const Arguments args(info, "jsTransportAddEndpoint");
  const auto transport = transportNamed(args, args.string(0, "transportId"));
  const Napi::Object object = args.object(1, "endpoint");
  const std::string localId = args.stringProperty(object, "endpoint", "localId", false);
  EndpointInfo endpoint = endpointFromJs(args, object);
  const Napi::Function onOutbox = args.function(2, "onOutbox");
  AddonInstance& instance = instanceOf(info);
  const JsTransport::Added added = transport->addEndpoint(localId, std::move(endpoint));
  instance.notifier->keepAliveWhileQueued(info.Env());
  if (added.endpointDeviceId.empty()) {
    throw Napi::Error::New(info.Env(), "jsTransportAddEndpoint: " + added.error);
  }
  instance.wakeCallbacks[added.outboxId] = Napi::Persistent(onOutbox);
  Napi::Object result = Napi::Object::New(info.Env());
  result.Set("endpointDeviceId", added.endpointDeviceId);
  result.Set("outbox", static_cast<double>(added.outboxId));
  return result;
}

Napi::Value jsTransportUpdateEndpoint(const Napi::CallbackInfo& info) {
  const Arguments args(info, "jsTransportUpdateEndpoint");
  const auto transport = transportNamed(args, args.string(0, "transportId"));
  EndpointInfo endpoint = endpointFromJs(args, args.object(2, "endpoint"));
  endpoint.endpointDeviceId = args.string(1, "endpointDeviceId");
  AddonInstance& instance = instanceOf(info);
  const bool updated = transport->updateEndpoint(std::move(endpoint));
  instance.notifier->keepAliveWhileQueued(info.Env());
  return Napi::Boolean::New(info.Env(), updated);
}

Napi::Value jsTransportRemoveEndpoint(const Napi::CallbackInfo& info) {
  const Arguments args(info, "jsTransportRemoveEndpoint");
  const auto transport = transportNamed(args, args.string(0, "transportId"));
  AddonInstance& instance = instanceOf(info);
  const bool removed = transport->removeEndpoint(args.string(1, "endpointDeviceId"));
  instance.notifier->keepAliveWhileQueued(info.Env());
  return Napi::Boolean::New(info.Env(), removed);
}

Napi::Value jsTransportForgetOutbox(const Napi::CallbackInfo& info) {
  const Arguments args(info, "jsTransportForgetOutbox");
  instanceOf(info).wakeCallbacks.erase(args.handle(0));
  return info.Env().Undefined();
}

Napi::Value jsTransportDeliver(const Napi::CallbackInfo& info) {
  const Arguments args(info, "jsTransportDeliver");
  const auto transport = transportNamed(args, args.string(0, "transportId"));
  const std::string endpointDeviceId = args.string(1, "endpointDeviceId");
  const WordArgument words = args.words(2);
  WordSpan span;
  Napi::Object result = Napi::Object::New(info.Env());
  if (!wordSpanInBounds(words.words, words.length, words.start, words.count, span)) {
    result.Set("result", static_cast<double>(send_result::kFailed | send_result::kDataIndexOutOfRange));
    result.Set("messagesDelivered", 0);
    return result;
  }
  const JsTransport::Delivery delivery = transport->deliver(endpointDeviceId, span.words, span.count);
  instanceOf(info).notifier->keepAliveWhileQueued(info.Env());
  result.Set("result", static_cast<double>(delivery.result));
  result.Set("messagesDelivered", static_cast<double>(delivery.messagesDelivered));
  return result;
}

Napi::Value jsTransportDrainOutbox(const Napi::CallbackInfo& info) {
  const Arguments args(info, "jsTransportDrainOutbox");
  const ConnectionId outbox = args.handle(0);
  auto [words, timestamps] = args.drainBuffers(1);
  const auto transport = instanceOf(info).engine->jsTransportOwningOutbox(outbox);
  ReceiveRing::DrainOutcome outcome;
  if (transport) {
    outcome = transport->drainOutbox(outbox, words.Data(), words.ElementLength(),
                                     timestamps.Data(), timestamps.ElementLength());
  }
  return drainToJs(info.Env(), outcome);
}

Napi::Value jsTransportOutboxDropped(const Napi::CallbackInfo& info) {
  const Arguments args(info, "jsTransportOutboxDropped");
  const ConnectionId outbox = args.handle(0);
  const auto transport = instanceOf(info).engine->jsTransportOwningOutbox(outbox);
  return Napi::Number::New(info.Env(),
                           transport ? static_cast<double>(transport->outboxDropped(outbox)) : 0);
}

Napi::Value listTransports(const Napi::CallbackInfo& info) {
  const std::vector<TransportSummary> transports = instanceOf(info).engine->transports();
  Napi::Array array = Napi::Array::New(info.Env(), transports.size());
  for (std::size_t i = 0; i < transports.size(); ++i) {
    array.Set(static_cast<std::uint32_t>(i), transportToJs(info.Env(), transports[i]));
  }
  return array;
}

// setPublishing(enabled: boolean): shows or hides the engine's own endpoints to the OS.
Napi::Value setPublishing(const Napi::CallbackInfo& info) {
  if (info.Length() < 1 || !info[0].IsBoolean()) {
    throw Napi::TypeError::New(info.Env(), "setPublishing: enabled must be a boolean");
  }
  instanceOf(info).engine->setPublishing(info[0].As<Napi::Boolean>().Value());
  return info.Env().Undefined();
}

Napi::Value isPublishing(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), instanceOf(info).engine->publishing());
}

}  // namespace

void exportTransports(Napi::Env env, Napi::Object exports, AddonInstance* instance) {
  const std::pair<const char*, Napi::Function::Callback> functions[] = {
      {"listTransports", listTransports},
      {"setPublishing", setPublishing},
      {"isPublishing", isPublishing},
      {"registerJsTransport", registerJsTransport},
      {"unregisterJsTransport", unregisterJsTransport},
      {"jsTransportAddEndpoint", jsTransportAddEndpoint},
      {"jsTransportUpdateEndpoint", jsTransportUpdateEndpoint},
      {"jsTransportRemoveEndpoint", jsTransportRemoveEndpoint},
      {"jsTransportForgetOutbox", jsTransportForgetOutbox},
      {"jsTransportDeliver", jsTransportDeliver},
      {"jsTransportDrainOutbox", jsTransportDrainOutbox},
      {"jsTransportOutboxDropped", jsTransportOutboxDropped},
  };
  for (const auto& [name, callback] : functions) {
    exports.Set(name, Napi::Function::New(env, callback, name, instance));
  }
}

}  // namespace midiscope::addon
