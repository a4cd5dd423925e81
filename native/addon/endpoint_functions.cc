#include "addon/arguments.h"
#include "addon/functions.h"
#include "addon/js_ump_declaration.h"
#include "addon/js_values.h"

namespace midiscope::addon {

namespace {

Napi::Value listEndpoints(const Napi::CallbackInfo& info) {
  const std::vector<EndpointInfo> endpoints = instanceOf(info).engine->listEndpoints();
  Napi::Array array = Napi::Array::New(info.Env(), endpoints.size());
  for (std::size_t i = 0; i < endpoints.size(); ++i) {
    array.Set(static_cast<std::uint32_t>(i), endpointToJs(info.Env(), endpoints[i]));
  }
  return array;
}

// A side, with a virtual device's declaration when it has umpEndpoint or functionBlocks.
LoopbackSideDefinition sideDefinition(const Arguments& args, std::size_t index, const char* name) {
  const Napi::Object object = args.object(index, name);
  LoopbackSideDefinition side{args.stringProperty(object, name, "name", false),
                              args.stringProperty(object, name, "description", true),
                              args.stringProperty(object, name, "uniqueId", false)};
  if (!object.Get("umpEndpoint").IsUndefined() || !object.Get("functionBlocks").IsUndefined()) {
    side.declaration = declarationFromJs(args, object, name);
  }
  return side;
}

Napi::Value createLoopbackPair(const Napi::CallbackInfo& info) {
  const Arguments args(info, "createLoopbackPair");
  const std::string associationId = args.string(0, "associationId");
  const LoopbackSideDefinition a = sideDefinition(args, 1, "endpointA");
  const LoopbackSideDefinition b = sideDefinition(args, 2, "endpointB");
  AddonInstance& instance = instanceOf(info);
  const PairCreationResult result = instance.engine->createLoopbackPair(associationId, a, b);
  instance.notifier->keepAliveWhileQueued(info.Env());
  return pairCreationToJs(info.Env(), result);
}

Napi::Value removeLoopbackPair(const Napi::CallbackInfo& info) {
  const Arguments args(info, "removeLoopbackPair");
  const std::string associationId = args.string(0, "associationId");
  AddonInstance& instance = instanceOf(info);
  const bool removed = instance.engine->removeLoopbackPair(associationId);
  instance.notifier->keepAliveWhileQueued(info.Env());
  return Napi::Boolean::New(info.Env(), removed);
}

// declareLoopbackEndpoint(endpointDeviceId, { umpEndpoint, functionBlocks } | null): what a
// user loopback side declares of itself (a virtual device), or null for nothing.
Napi::Value declareLoopbackEndpoint(const Napi::CallbackInfo& info) {
  const Arguments args(info, "declareLoopbackEndpoint");
  const std::string endpointDeviceId = args.string(0, "endpointDeviceId");
  std::optional<UmpDeclaration> declaration;
  if (!info[1].IsNull()) declaration = declarationFromJs(args, args.object(1, "declaration"), "declaration");
  AddonInstance& instance = instanceOf(info);
  const std::string error = instance.engine->declareEndpoint(endpointDeviceId, declaration);
  instance.notifier->keepAliveWhileQueued(info.Env());
  Napi::Object result = Napi::Object::New(info.Env());
  result.Set("success", error.empty());
  result.Set("errorInformation", error);
  return result;
}

Napi::Value setEndpointWatcher(const Napi::CallbackInfo& info) {
  AddonInstance& instance = instanceOf(info);
  if (info[0].IsNull() || info[0].IsUndefined()) {
    instance.endpointWatcher.Reset();
  } else {
    const Arguments args(info, "setEndpointWatcher");
    instance.endpointWatcher = Napi::Persistent(args.function(0, "callback"));
  }
  return info.Env().Undefined();
}

}  // namespace

void exportEndpoints(Napi::Env env, Napi::Object exports, AddonInstance* instance) {
  exports.Set("listEndpoints", Napi::Function::New(env, listEndpoints, "listEndpoints", instance));
  exports.Set("createLoopbackPair",
              Napi::Function::New(env, createLoopbackPair, "createLoopbackPair", instance));
  exports.Set("removeLoopbackPair",
              Napi::Function::New(env, removeLoopbackPair, "removeLoopbackPair", instance));
  exports.Set("declareLoopbackEndpoint",
              Napi::Function::New(env, declareLoopbackEndpoint, "declareLoopbackEndpoint", instance));
  exports.Set("setEndpointWatcher",
              Napi::Function::New(env, setEndpointWatcher, "setEndpointWatcher", instance));
}

}  // namespace midiscope::addon
