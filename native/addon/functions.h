// The exported functions of the addon, grouped by subject. Each group adds its functions to
// `exports`, bound to the environment's AddonInstance.
#pragma once

#include <napi.h>

#include "addon/addon_instance.h"

namespace midiscope::addon {

void exportClock(Napi::Env env, Napi::Object exports);
void exportEndpoints(Napi::Env env, Napi::Object exports, AddonInstance* instance);
void exportConnections(Napi::Env env, Napi::Object exports, AddonInstance* instance);
void exportSends(Napi::Env env, Napi::Object exports, AddonInstance* instance);
void exportScheduler(Napi::Env env, Napi::Object exports);
void exportTransports(Napi::Env env, Napi::Object exports, AddonInstance* instance);

// The AddonInstance a function was bound to.
inline AddonInstance& instanceOf(const Napi::CallbackInfo& info) {
  return *static_cast<AddonInstance*>(info.Data());
}

}  // namespace midiscope::addon
