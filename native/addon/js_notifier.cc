#include "addon/js_notifier.h"

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
  if (posted_) return;
  // napi_closing means the environment is going away: nothing will run callbacks any more.
  if (tsfn_.NonBlockingCall() == napi_ok) posted_ = true;
}

void JsNotifier::close() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (closed_) return;
  closed_ = true;
  tsfn_.Release();
  readable_.clear();
  changes_.clear();
}

void JsNotifier::callJs(Napi::Env env, Napi::Function, AddonInstance* instance, void*) {
  if (env == nullptr) return;  // the TSFN is being torn down
  std::vector<ConnectionId> readable;
  std::vector<EndpointChange> changes;
  {
    JsNotifier& self = *instance->notifier;
    std::lock_guard<std::mutex> lock(self.mutex_);
    self.posted_ = false;
    readable.swap(self.readable_);
    changes.swap(self.changes_);
  }
  instance->deliverNotifications(env, readable, changes);
}

}  // namespace midiscope::addon
