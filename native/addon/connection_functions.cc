#include "addon/arguments.h"
#include "addon/functions.h"
#include "addon/js_values.h"

namespace midiscope::addon {

namespace {

Napi::Value openConnection(const Napi::CallbackInfo& info) {
  const Arguments args(info, "openConnection");
  const std::string endpointDeviceId = args.string(0, "endpointDeviceId");
  const double ringCapacityWords = args.number(1, "ringCapacityWords");
  const Napi::Function onWake = args.function(2, "onWake");
  AddonInstance& instance = instanceOf(info);
  const OpenResult opened = instance.engine->openConnection(endpointDeviceId, ringCapacityWords);
  switch (opened.error) {
    case OpenResult::Error::None: break;
    case OpenResult::Error::BadCapacity:
      throw Napi::RangeError::New(info.Env(), "openConnection: " + opened.message);
    case OpenResult::Error::UnknownEndpoint:
    case OpenResult::Error::ShutDown:
    case OpenResult::Error::PortFailed:
      throw Napi::Error::New(info.Env(), "openConnection: " + opened.message);
  }
  // Wake-ups reach JS asynchronously, so none can arrive before this callback is stored.
  instance.wakeCallbacks[opened.id] = Napi::Persistent(onWake);
  return Napi::Number::New(info.Env(), static_cast<double>(opened.id));
}

Napi::Value closeConnection(const Napi::CallbackInfo& info) {
  const Arguments args(info, "closeConnection");
  const ConnectionId id = args.handle(0);
  AddonInstance& instance = instanceOf(info);
  instance.engine->closeConnection(id);
  instance.wakeCallbacks.erase(id);
  return info.Env().Undefined();
}

Napi::Value isConnectionOpen(const Napi::CallbackInfo& info) {
  const Arguments args(info, "isConnectionOpen");
  return Napi::Boolean::New(info.Env(), instanceOf(info).engine->isConnectionOpen(args.handle(0)));
}

Napi::Value drain(const Napi::CallbackInfo& info) {
  const Arguments args(info, "drain");
  const ConnectionId id = args.handle(0);
  auto [words, timestamps] = args.drainBuffers(1);
  // An optional 4th argument `true`: the caller polls, leave the wake-up disarmed.
  const AfterDrain after = args.optionalBoolean(3, "stayDisarmed") ? AfterDrain::kStayDisarmed
                                                                   : AfterDrain::kRearm;
  const ReceiveRing::DrainOutcome outcome =
      instanceOf(info).engine->drain(id, words.Data(), words.ElementLength(), timestamps.Data(),
                                     timestamps.ElementLength(), after);
  return drainToJs(info.Env(), outcome);
}

Napi::Value stats(const Napi::CallbackInfo& info) {
  const Arguments args(info, "stats");
  return statsToJs(info.Env(), instanceOf(info).engine->stats(args.handle(0)));
}

Napi::Value cancelScheduled(const Napi::CallbackInfo& info) {
  const Arguments args(info, "cancelScheduled");
  const std::uint64_t cancelled = instanceOf(info).engine->cancelScheduled(args.handle(0));
  return Napi::Number::New(info.Env(), static_cast<double>(cancelled));
}

}  // namespace

void exportConnections(Napi::Env env, Napi::Object exports, AddonInstance* instance) {
  exports.Set("openConnection", Napi::Function::New(env, openConnection, "openConnection", instance));
  exports.Set("closeConnection",
              Napi::Function::New(env, closeConnection, "closeConnection", instance));
  exports.Set("isConnectionOpen",
              Napi::Function::New(env, isConnectionOpen, "isConnectionOpen", instance));
  exports.Set("drain", Napi::Function::New(env, drain, "drain", instance));
  exports.Set("stats", Napi::Function::New(env, stats, "stats", instance));
  exports.Set("cancelScheduled",
              Napi::Function::New(env, cancelScheduled, "cancelScheduled", instance));
}

}  // namespace midiscope::addon
