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
  const SendResult result = instanceOf(info).engine->sendMessage(id, timestamp, words);
  return Napi::Number::New(info.Env(), result);
}

Napi::Value sendMessages(const Napi::CallbackInfo& info) {
  const Arguments args(info, "sendMessages");
  const ConnectionId id = args.handle(0);
  const double timestamp = args.number(1, "timestamp");
  const WordArgument words = args.words(2);
  return multipleSendToJs(info.Env(), instanceOf(info).engine->sendMessages(id, timestamp, words));
}

Napi::Value sendTimestampedMessages(const Napi::CallbackInfo& info) {
  const Arguments args(info, "sendTimestampedMessages");
  const ConnectionId id = args.handle(0);
  const Napi::Float64Array timestamps = args.float64Array(1, "timestamps");
  const WordArgument words = args.words(2);
  return multipleSendToJs(info.Env(),
                          instanceOf(info).engine->sendTimestampedMessages(
                              id, timestamps.Data(), timestamps.ElementLength(), words));
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
