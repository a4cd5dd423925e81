// Carries the engine's notifications (ring readable, connection closed underneath, endpoints
// changed) to the JS thread through one thread-safe function per addon instance.
//
// Any thread may notify; notifications are queued here and one TSFN call is outstanding at a
// time, so a burst of wake-ups costs one hop to the JS thread. After close() notifications are
// dropped, which is what makes it safe for the scheduler thread to notify while the environment
// is being torn down.
//
// Event loop: the TSFN is unref'd, so messages scheduled for later never keep a process alive.
// But a notification already queued should reach JS: after each call from JS that may have
// queued one, keepAliveWhileQueued() refs the TSFN until callJs has delivered it.
#pragma once

#include <atomic>
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

  // JS thread: holds the event loop open while a notification is queued (see above).
  void keepAliveWhileQueued(Napi::Env env);

  // Releases the TSFN; later notifications are dropped. Idempotent. JS thread.
  void close();

 private:
  static void callJs(Napi::Env env, Napi::Function unused, AddonInstance* instance, void* data);
  static void throwToJsQuietly(Napi::Env env, const char* message) noexcept;
  // Queues under mutex_ and posts one TSFN call if none is outstanding. Requires mutex_.
  void postLocked();

  using Tsfn = Napi::TypedThreadSafeFunction<AddonInstance, void, &JsNotifier::callJs>;
  // Guards everything below. posted_ is written under it (by any thread) but also read without
  // it by keepAliveWhileQueued's fast path: a stale `false` there can only hide a post made by
  // another thread (the scheduler's), never one the JS thread itself just made.
  std::mutex mutex_;
  Tsfn tsfn_;
  bool closed_ = false;
  std::atomic<bool> posted_{false};  // a TSFN call is outstanding
  // The TSFN is ref'd. Only the JS thread touches it (keepAliveWhileQueued, callJs, close); it
  // is written under mutex_ so that it changes together with posted_ and closed_.
  bool refed_ = false;
  std::vector<ConnectionId> readable_;
  std::vector<EndpointChange> changes_;
};

}  // namespace midiscope::addon
