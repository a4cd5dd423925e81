#include "addon/arguments.h"
#include "addon/functions.h"
#include "addon/js_values.h"

namespace midiscope::addon {

namespace {

Napi::Value sendMessage(const Napi::CallbackInfo& info) {
  const Arguments args(info, "sendMessage");
  const ConnectionId id = args.handle(0);
  const double timestamp = args.number(1, "timestamp");
  const WordArgument words = args.words(2);
  AddonInstance& instance = instanceOf(info);
  const SendResult result = instance.engine->sendMessage(id, timestamp, words);
  instance.notifier->keepAliveWhileQueued(info.Env());
  return Napi::Number::New(info.Env(), result);
}

Napi::Value sendMessages(const Napi::CallbackInfo& info) {
  const Arguments args(info, "sendMessages");
  const ConnectionId id = args.handle(0);
  const double timestamp = args.number(1, "timestamp");
  const WordArgument words = args.words(2);
  AddonInstance& instance = instanceOf(info);
  const MultipleSendResult result = instance.engine->sendMessages(id, timestamp, words);
  instance.notifier->keepAliveWhileQueued(info.Env());
  return multipleSendToJs(info.Env(), result);
}

Napi::Value sendTimestampedMessages(const Napi::CallbackInfo& info) {
  const Arguments args(info, "sendTimestampedMessages");
  const ConnectionId id = args.handle(0);
  const Napi::Float64Array timestamps = args.float64Array(1, "timestamps");
  const WordArgument words = args.words(2);
  AddonInstance& instance = instanceOf(info);
  const MultipleSendResult result = instance.engine->sendTimestampedMessages(
      id, timestamps.Data(), timestamps.ElementLength(), words);
  instance.notifier->keepAliveWhileQueued(info.Env());
  return multipleSendToJs(info.Env(), result);
}

}  // namespace

void exportSends(Napi::Env env, Napi::Object exports, AddonInstance* instance) {
  exports.Set("sendMessage", Napi::Function::New(env, sendMessage, "sendMessage", instance));
  exports.Set("sendMessages", Napi::Function::New(env, sendMessages, "sendMessages", instance));
  exports.Set("sendTimestampedMessages",
              Napi::Function::New(env, sendTimestampedMessages, "sendTimestampedMessages",
                                  instance));
}

}  // namespace midiscope::addon
