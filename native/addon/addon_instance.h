// Per-environment state of the addon (napi_set_instance_data): one engine, one notifier and the
// JS callbacks, so worker threads and repeated loads each get their own engine.
#pragma once

#include <memory>
#include <unordered_map>
#include <vector>

#include <napi.h>

#include "addon/js_notifier.h"
#include "engine/engine.h"

namespace midiscope::addon {

struct AddonInstance {
  explicit AddonInstance(Napi::Env env);

  // Stops the engine (joins its threads) and the notifier. Idempotent. JS thread; also the
  // environment's cleanup hook, so a process that never called shutdown() still exits.
  void shutdown();

  // JS thread: runs the callbacks of notifications the notifier queued.
  void deliverNotifications(Napi::Env env, const std::vector<ConnectionId>& readable,
                            const std::vector<EndpointChange>& changes);

  std::shared_ptr<JsNotifier> notifier;
  std::unique_ptr<Engine> engine;
  std::unordered_map<ConnectionId, Napi::FunctionReference> wakeCallbacks;
  Napi::FunctionReference endpointWatcher;
};

}  // namespace midiscope::addon
