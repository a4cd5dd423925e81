// Module entry: one AddonInstance per environment (main thread, each worker, each load).
#include <napi.h>

#include "addon/functions.h"

namespace midiscope::addon {

namespace {

Napi::Value shutdown(const Napi::CallbackInfo& info) {
  instanceOf(info).shutdown();
  return info.Env().Undefined();
}

}  // namespace

Napi::Object init(Napi::Env env, Napi::Object exports) {
  auto* instance = new AddonInstance(env);
  env.SetInstanceData(instance);  // deleted by Node when the environment goes away
  // Registered after the notifier's thread-safe function, so it runs before that function's own
  // teardown: the scheduler thread is joined while notifications can still be dropped safely.
  env.AddCleanupHook([instance] { instance->shutdown(); });

  exportClock(env, exports);
  exportEndpoints(env, exports, instance);
  exportConnections(env, exports, instance);
  exportSends(env, exports, instance);
  exportScheduler(env, exports);
  exportTransports(env, exports, instance);
  exports.Set("shutdown", Napi::Function::New(env, shutdown, "shutdown", instance));
  return exports;
}

}  // namespace midiscope::addon

// NODE_API_MODULE wants an unqualified function name.
static Napi::Object InitMidiScope(Napi::Env env, Napi::Object exports) {
  return midiscope::addon::init(env, exports);
}

NODE_API_MODULE(midi_scope, InitMidiScope)
