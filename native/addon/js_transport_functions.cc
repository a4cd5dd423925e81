// Transports written in JS (src/engine/jsTransport.ts): register one, declare its endpoints,
// deliver what it receives, and drain what connections sent to its endpoints.
#include "addon/arguments.h"
#include "addon/functions.h"
#include "addon/js_values.h"
#include "engine/ump_size.h"
#include "transports/js/js_transport.h"

namespace midiscope::addon {

namespace {

std::uint32_t numberProperty(const Arguments& args, const Napi::Object& object,
                             const char* objectName, const char* key, double max) {
  const Napi::Value value = object.Get(key);
  if (value.IsUndefined()) return 0;
  if (!value.IsNumber()) args.throwTypeError(std::string(objectName) + "." + key, "a number");
  const double number = value.As<Napi::Number>().DoubleValue();
  if (!(number >= 0 && number <= max)) args.throwTypeError(std::string(objectName) + "." + key, "a number in range");
  return static_cast<std::uint32_t>(number);
}

bool booleanProperty(const Napi::Object& object, const char* key) {
  return object.Get(key).ToBoolean().Value();
}

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
  const Napi::Value ump = object.Get("umpEndpoint");
  if (ump.IsObject()) {
    const Napi::Object u = ump.As<Napi::Object>();
    const char* un = "endpoint.umpEndpoint";
    UmpEndpointDetails details;
    details.umpVersionMajor = static_cast<std::uint8_t>(numberProperty(args, u, un, "umpVersionMajor", 255));
    details.umpVersionMinor = static_cast<std::uint8_t>(numberProperty(args, u, un, "umpVersionMinor", 255));
    details.functionBlockCount = static_cast<std::uint8_t>(numberProperty(args, u, un, "functionBlockCount", 32));
    details.staticFunctionBlocks = booleanProperty(u, "staticFunctionBlocks");
    details.supportsMidi1 = booleanProperty(u, "supportsMidi1");
    details.supportsMidi2 = booleanProperty(u, "supportsMidi2");
    details.receivesJr = booleanProperty(u, "receivesJr");
    details.transmitsJr = booleanProperty(u, "transmitsJr");
    details.productInstanceId = args.stringProperty(u, un, "productInstanceId", true);
    details.manufacturerId = numberProperty(args, u, un, "manufacturerId", 0xFFFFFF);
    details.family = static_cast<std::uint16_t>(numberProperty(args, u, un, "family", 0xFFFF));
    details.model = static_cast<std::uint16_t>(numberProperty(args, u, un, "model", 0xFFFF));
    details.softwareRevision = numberProperty(args, u, un, "softwareRevision", 0xFFFFFFFF);
    info.umpEndpoint = details;
  }
  const Napi::Value blocks = object.Get("functionBlocks");
  if (blocks.IsArray()) {
    const Napi::Array array = blocks.As<Napi::Array>();
    for (std::uint32_t i = 0; i < array.Length(); ++i) {
      if (!array.Get(i).IsObject()) args.throwTypeError("endpoint.functionBlocks[" + std::to_string(i) + "]", "an object");
      const Napi::Object b = array.Get(i).As<Napi::Object>();
      const char* bn = "endpoint.functionBlocks[]";
      FunctionBlockDetails block;
      block.number = static_cast<std::uint8_t>(numberProperty(args, b, bn, "number", 31));
      block.name = args.stringProperty(b, bn, "name", true);
      block.active = b.Get("active").IsUndefined() || booleanProperty(b, "active");
      block.direction = static_cast<std::uint8_t>(numberProperty(args, b, bn, "direction", 3));
      block.firstGroup = static_cast<std::uint8_t>(numberProperty(args, b, bn, "firstGroup", 15));
      block.groupCount = static_cast<std::uint8_t>(numberProperty(args, b, bn, "groupCount", 16));
      block.uiHint = static_cast<std::uint8_t>(numberProperty(args, b, bn, "uiHint", 3));
      block.midi1 = static_cast<std::uint8_t>(numberProperty(args, b, bn, "midi1", 2));
      block.midiCiVersion = static_cast<std::uint8_t>(numberProperty(args, b, bn, "midiCiVersion", 255));
      block.maxSysEx8Streams = static_cast<std::uint8_t>(numberProperty(args, b, bn, "maxSysEx8Streams", 255));
      info.functionBlocks.push_back(block);
    }
  }
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
