#include "addon/functions.h"
#include "engine/clock.h"

namespace midiscope::addon {

void exportClock(Napi::Env env, Napi::Object exports) {
  exports.Set("clockNow", Napi::Function::New(
                              env,
                              [](const Napi::CallbackInfo& info) -> Napi::Value {
                                return Napi::Number::New(info.Env(), clockNow());
                              },
                              "clockNow"));
  exports.Set("clockFrequency", Napi::Number::New(env, kTicksPerSecond));
}

}  // namespace midiscope::addon
