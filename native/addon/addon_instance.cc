#include "addon/addon_instance.h"

#include <optional>
#include <unordered_set>

#include "addon/js_values.h"
#ifdef __linux__
#include "transports/alsa/alsa_transport.h"
#endif

namespace midiscope::addon {

namespace {

// The OS's MIDI stack. alsa-lib is loaded at run time: without it, or without a sequencer
// (/dev/snd/seq), the transport is listed as unavailable with the reason and everything else works.
std::vector<std::shared_ptr<Transport>> platformTransports() {
#ifdef __linux__
  return {std::make_shared<alsa::AlsaTransport>()};
#else
  return {};
#endif
}

}  // namespace

AddonInstance::AddonInstance(Napi::Env env)
    : notifier(std::make_shared<JsNotifier>(env, this)),
      engine(std::make_unique<Engine>(notifier, platformTransports())) {}

void AddonInstance::shutdown() {
  engine->shutdown();  // joins the scheduler: no other thread notifies after this
  notifier->close();
}

void AddonInstance::deliverNotifications(Napi::Env env, const std::vector<ConnectionId>& readable,
                                         const std::vector<EndpointChange>& changes) {
  // A throwing callback must not starve the others; the first error is rethrown at the end so
  // Node reports it as an uncaught exception from a Node-API callback. No C++ exception may
  // leave this function: it runs from a libuv callback.
  std::optional<Napi::Error> firstError;
  // Callbacks may close connections or replace the watcher, destroying the reference they were
  // called through; so each is called through a local handle.
  auto call = [&](const Napi::FunctionReference& callback, std::initializer_list<napi_value> args) {
    try {
      const Napi::Function function = callback.Value();
      function.Call(args);
    } catch (const Napi::Error& error) {
      if (!firstError) firstError = error;
    }
  };

  std::unordered_set<ConnectionId> woken;
  for (const ConnectionId id : readable) {
    if (!woken.insert(id).second) continue;
    // An earlier callback may have closed this connection: look it up afresh.
    const auto it = wakeCallbacks.find(id);
    if (it != wakeCallbacks.end()) call(it->second, {});
  }
  if (!changes.empty() && !endpointWatcher.IsEmpty()) {
    Napi::Array array = Napi::Array::New(env, changes.size());
    for (std::size_t i = 0; i < changes.size(); ++i) {
      array.Set(static_cast<std::uint32_t>(i), endpointChangeToJs(env, changes[i]));
    }
    call(endpointWatcher, {array});
  }
  if (!firstError) return;
  try {
    firstError->ThrowAsJavaScriptException();
  } catch (const Napi::Error&) {
    // JS cannot run any more (the environment is being torn down): nobody is left to tell.
  }
}

}  // namespace midiscope::addon
