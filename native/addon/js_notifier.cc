#include "addon/js_notifier.h"

#include <exception>

#include "addon/addon_instance.h"

namespace midiscope::addon {

JsNotifier::JsNotifier(Napi::Env env, AddonInstance* instance)
    : tsfn_(Tsfn::New(env, "midi-scope notifications", 0, 1, instance)) {
  tsfn_.Unref(env);
}

void JsNotifier::connectionNeedsAttention(ConnectionId id) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (closed_) return;
  readable_.push_back(id);
  postLocked();
}

void JsNotifier::endpointsChanged(const std::vector<EndpointChange>& changes) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (closed_) return;
  changes_.insert(changes_.end(), changes.begin(), changes.end());
  postLocked();
}

void JsNotifier::postLocked() {
  if (posted_.load(std::memory_order_relaxed)) return;
  // napi_closing means the environment is going away: nothing will run callbacks any more.
  if (tsfn_.NonBlockingCall() == napi_ok) posted_.store(true, std::memory_order_relaxed);
}

void JsNotifier::keepAliveWhileQueued(Napi::Env env) {
  // The common case (nothing queued, or already ref'd) costs one relaxed load.
  if (refed_ || !posted_.load(std::memory_order_relaxed)) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (closed_ || !posted_.load(std::memory_order_relaxed)) return;
  tsfn_.Ref(env);
  refed_ = true;
}

void JsNotifier::close() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (closed_) return;
  closed_ = true;
  refed_ = false;
  tsfn_.Release();
  readable_.clear();
  changes_.clear();
}

void JsNotifier::callJs(Napi::Env env, Napi::Function, AddonInstance* instance, void*) {
  if (env == nullptr) return;  // the TSFN is being torn down
  JsNotifier& self = *instance->notifier;
  std::vector<ConnectionId> readable;
  std::vector<EndpointChange> changes;
  {
    std::lock_guard<std::mutex> lock(self.mutex_);
    self.posted_.store(false, std::memory_order_relaxed);
    readable.swap(self.readable_);
    changes.swap(self.changes_);
    // After close() the TSFN may already be finalized: only a live one is unref'd.
    if (self.refed_ && !self.closed_) self.tsfn_.Unref(env);
    self.refed_ = false;
  }
  // This runs from a libuv callback: no C++ exception may leave it. deliverNotifications turns
  // callback errors into a pending JS exception itself; what is left (an allocation failure, a
  // Node-API call failing while the environment goes away) is reported to JS if JS still runs.
  try {
    instance->deliverNotifications(env, readable, changes);
  } catch (const Napi::Error& error) {
    throwToJsQuietly(env, error.Message().c_str());
  } catch (const std::exception& error) {
    throwToJsQuietly(env, error.what());
  } catch (...) {
    throwToJsQuietly(env, "midi-scope: unknown native exception while delivering notifications");
  }
}

void JsNotifier::throwToJsQuietly(Napi::Env env, const char* message) noexcept {
  try {
    Napi::Error::New(env, message).ThrowAsJavaScriptException();
  } catch (...) {
    // JS cannot run any more (the environment is being torn down): nobody is left to tell.
  }
}

}  // namespace midiscope::addon
