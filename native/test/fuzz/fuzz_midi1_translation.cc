// libFuzzer target: device bytes are hostile. Any byte stream, fed in any split, must give only
// well-formed UMP (types 1, 2, 3 in the right group; SysEx packets in start/continue/end order),
// count every byte it could not translate, and survive the way back to MIDI 1.0 without a
// broken SysEx. Hostile UMP (any words) must translate back or be counted, never crash.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdlib>
#include <cstdio>
#include <utility>
#include <vector>

#include "engine/midi1_to_ump.h"
#include "engine/ump_size.h"
#include "engine/ump_to_midi1.h"

using namespace midiscope;

namespace {

[[noreturn]] void failWith(const char* what, std::uint32_t word) {
  std::fprintf(stderr, "fuzz_midi1_translation: %s (word 0x%08X)\n", what, word);
  std::abort();
}

void checkStream(const std::vector<std::uint32_t>& words, std::uint8_t group) {
  bool inSysEx = false;
  for (std::size_t i = 0; i < words.size();) {
    const std::uint32_t w = words[i];
    const std::uint8_t type = w >> 28;
    if (type != 1 && type != 2 && type != 3) failWith("unexpected message type", w);
    if (((w >> 24) & 0xF) != group) failWith("wrong group", w);
    const std::size_t n = messageWordCount(w);
    if (i + n > words.size()) failWith("message cut short", w);
    if (type == 3) {
      const std::uint8_t kind = (w >> 20) & 0xF;
      if (((w >> 16) & 0xF) > 6) failWith("SysEx packet over 6 bytes", w);
      const bool starts = kind == 0 || kind == 1;
      if (starts == inSysEx) failWith("SysEx packet out of order", w);
      inSysEx = kind == 1 || kind == 2;
    }
    i += n;
  }
}

using Split = std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>;
Split splitRealTime(const std::vector<std::uint32_t>& words) {
  Split split;
  for (std::size_t i = 0; i < words.size();) {
    const std::size_t n = messageWordCount(words[i]);
    const bool realTime = (words[i] >> 28) == 1 && ((words[i] >> 16) & 0xFF) >= 0xF8;
    auto& into = realTime ? split.first : split.second;
    into.insert(into.end(), words.begin() + static_cast<std::ptrdiff_t>(i),
                words.begin() + static_cast<std::ptrdiff_t>(i + n));
    i += n;
  }
  return split;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  const std::uint8_t group = input.ConsumeIntegral<std::uint8_t>() & 0x0F;
  const bool asWords = input.ConsumeBool();
  if (asWords) {
    UmpToMidi1 back;
    std::vector<std::uint8_t> bytes;
    while (input.remaining_bytes() >= 4) {
      std::uint32_t message[4] = {};
      message[0] = input.ConsumeIntegral<std::uint32_t>();
      const std::size_t n = input.ConsumeIntegralInRange<std::size_t>(0, 4);
      for (std::size_t i = 1; i < n; ++i) message[i] = input.ConsumeIntegral<std::uint32_t>();
      const std::uint64_t before = back.counts().total();
      const std::size_t sizeBefore = bytes.size();
      const bool ok = back.translate(message, n, bytes);
      if (!ok && back.counts().total() == before) failWith("a rejected message was not counted", message[0]);
      for (std::size_t i = sizeBefore; i < bytes.size(); ++i) {
        if (bytes[i] == 0xF4 || bytes[i] == 0xF5 || bytes[i] == 0xF9 || bytes[i] == 0xFD) {
          failWith("undefined status byte sent", message[0]);
        }
      }
    }
    return 0;
  }

  Midi1ToUmp translator(group);
  std::vector<std::uint32_t> words;
  std::size_t messages = 0;
  const std::vector<std::uint8_t> bytes = input.ConsumeRemainingBytes<std::uint8_t>();
  // Split the stream into chunks whose sizes come from the bytes themselves.
  std::size_t at = 0;
  while (at < bytes.size()) {
    const std::size_t chunk = 1 + (bytes[at] % 7);
    const std::size_t n = std::min(chunk, bytes.size() - at);
    messages += translator.feed(&bytes[at], n, words);
    at += n;
  }
  checkStream(words, group);
  std::size_t counted = 0;
  for (std::size_t i = 0; i < words.size(); i += messageWordCount(words[i])) ++counted;
  if (counted != messages) failWith("message count differs from the words", 0);

  UmpToMidi1 back;
  std::vector<std::uint8_t> again;
  for (std::size_t i = 0; i < words.size();) {
    const std::size_t n = messageWordCount(words[i]);
    if (!back.translate(&words[i], n, again)) failWith("own UMP did not translate back", words[i]);
    i += n;
  }
  // Translating the result again is a fixed point: nothing more is lost the second time. (A
  // real-time byte inside a SysEx may move ahead of the up to 6 bytes held for the next packet:
  // compare the real-time messages and the rest separately.)
  Midi1ToUmp second(group);
  std::vector<std::uint32_t> wordsAgain;
  second.feed(again.data(), again.size(), wordsAgain);
  if (!back.inSysEx() && splitRealTime(wordsAgain) != splitRealTime(words)) {
    failWith("the round trip is not a fixed point", 0);
  }
  return 0;
}
