// Carries the engine's notifications (ring readable, connection closed underneath, endpoints
// changed) to the JS thread through one thread-safe function per addon instance.
//
// Any thread may notify; notifications are queued here and one TSFN call is outstanding at a
// time, so a burst of wake-ups costs one hop to the JS thread. The TSFN is unref'd: pending
// messages never keep a process alive. After close() notifications are dropped, which is what
// makes it safe for the scheduler thread to notify while the environment is being torn down.
#pragma once

#include <mutex>
#include <vector>

#include <napi.h>

#include "engine/engine_listener.h"

namespace midiscope::addon {

struct AddonInstance;

class JsNotifier final : public EngineListener {
 public:
  // Creates the TSFN; `instance` receives the queued notifications on the JS thread.
  JsNotifier(Napi::Env env, AddonInstance* instance);

  void connectionNeedsAttention(ConnectionId id) override;
  void endpointsChanged(const std::vector<EndpointChange>& changes) override;

  // Releases the TSFN; later notifications are dropped. Idempotent. JS thread.
  void close();

 private:
  static void callJs(Napi::Env env, Napi::Function unused, AddonInstance* instance, void* data);
  // Queues under mutex_ and posts one TSFN call if none is outstanding. Requires mutex_.
  void postLocked();

  using Tsfn = Napi::TypedThreadSafeFunction<AddonInstance, void, &JsNotifier::callJs>;
  std::mutex mutex_;  // guards everything below
  Tsfn tsfn_;
  bool closed_ = false;
  bool posted_ = false;
  std::vector<ConnectionId> readable_;
  std::vector<EndpointChange> changes_;
};

}  // namespace midiscope::addon
