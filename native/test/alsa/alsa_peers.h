// Independent peers for the ALSA tests, run inside the test guest: alsa-utils' aseqdump as a
// child process whose lines are collected, a kernel rawmidi device (snd-virmidi) read and
// written byte by byte, and shell commands (modprobe, the USB gadget script).
#pragma once

#include <string>
#include <vector>
#include <mutex>
#include <thread>
#include <cstdint>

namespace alsatest {

// Runs `command` with /bin/sh; returns its exit status.
int shell(const std::string& command);

// A child process whose stdout lines are collected by a thread.
class ChildLines {
 public:
  explicit ChildLines(const std::string& command);
  ~ChildLines();
  bool contains(const std::string& text);
  // How many times `text` occurs in what the child printed.
  std::size_t count(const std::string& text);
  std::string all();
  void kill();
  // SIGSTOP: the child stops reading (its sequencer input fills up); SIGCONT: it goes on.
  void signal(int number);

 private:
  int pid_ = -1;
  int fd_ = -1;
  std::mutex mutex_;
  std::string text_;
  std::thread reader_;
};

// /dev/snd/midiC<card>D<device>, non-blocking.
class RawMidi {
 public:
  explicit RawMidi(const std::string& path);
  ~RawMidi();
  bool ok() const { return fd_ >= 0; }
  void write(const std::vector<std::uint8_t>& bytes);
  // Reads until `count` bytes arrived or ~20 s passed without progress.
  std::vector<std::uint8_t> read(std::size_t count);
  // Whatever is there within 100 ms (possibly nothing).
  std::vector<std::uint8_t> readSome();

 private:
  int fd_ = -1;
};

}  // namespace alsatest
