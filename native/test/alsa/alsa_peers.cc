#include "alsa/alsa_peers.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sound/asound.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

namespace alsatest {

int shell(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

ChildLines::ChildLines(const std::string& command) {
  int fds[2];
  if (pipe(fds) != 0) return;
  pid_ = fork();
  if (pid_ == 0) {
    dup2(fds[1], 1);
    dup2(fds[1], 2);
    close(fds[0]);
    close(fds[1]);
    setpgid(0, 0);
    execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  fd_ = fds[0];
  reader_ = std::thread([this] {
    char buffer[4096];
    for (;;) {
      const ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n <= 0) return;
      std::lock_guard<std::mutex> lock(mutex_);
      text_.append(buffer, static_cast<std::size_t>(n));
    }
  });
}

ChildLines::~ChildLines() {
  kill();
  if (reader_.joinable()) reader_.join();
  if (fd_ >= 0) close(fd_);
}

void ChildLines::kill() {
  if (pid_ <= 0) return;
  ::kill(-pid_, SIGTERM);
  ::kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

void ChildLines::signal(int number) {
  if (pid_ > 0) ::kill(pid_, number);
}

std::size_t ChildLines::count(const std::string& text) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::size_t n = 0;
  for (auto at = text_.find(text); at != std::string::npos; at = text_.find(text, at + text.size())) ++n;
  return n;
}

bool ChildLines::contains(const std::string& text) {
  std::lock_guard<std::mutex> lock(mutex_);
  return text_.find(text) != std::string::npos;
}

std::string ChildLines::all() {
  std::lock_guard<std::mutex> lock(mutex_);
  return text_;
}

RawMidi::RawMidi(const std::string& path) {
  fd_ = open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
  // The kernel starts an input stream on its first poll/read; bytes that arrive before are not
  // kept for it. Start it now, before the test sends anything.
  if (fd_ >= 0) {
    // A reader with room for a whole 64 KiB SysEx: snd-virmidi hands bytes to the rawmidi
    // reader without flow control and drops what does not fit (the default buffer is 4 KiB).
    snd_rawmidi_params params{};
    params.stream = SNDRV_RAWMIDI_STREAM_INPUT;
    params.buffer_size = 256 * 1024;
    params.avail_min = 1;
    ioctl(fd_, SNDRV_RAWMIDI_IOCTL_PARAMS, &params);
    pollfd p{fd_, POLLIN, 0};
    poll(&p, 1, 0);
  }
}

RawMidi::~RawMidi() {
  if (fd_ >= 0) close(fd_);
}

void RawMidi::write(const std::vector<std::uint8_t>& bytes) {
  std::size_t at = 0;
  while (at < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + at, bytes.size() - at);
    if (n > 0) {
      at += static_cast<std::size_t>(n);
      continue;
    }
    pollfd p{fd_, POLLOUT, 0};
    poll(&p, 1, 1000);
  }
}

std::vector<std::uint8_t> RawMidi::read(std::size_t count) {
  std::vector<std::uint8_t> bytes;
  std::uint8_t buffer[4096];
  int idle = 0;
  while (bytes.size() < count && idle < 20) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, 1000) <= 0) {
      ++idle;
      continue;
    }
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n > 0) {
      bytes.insert(bytes.end(), buffer, buffer + n);
      idle = 0;
    }
  }
  return bytes;
}

std::vector<std::uint8_t> RawMidi::readSome() {
  std::uint8_t buffer[4096];
  pollfd p{fd_, POLLIN, 0};
  if (poll(&p, 1, 100) <= 0) return {};
  const ssize_t n = ::read(fd_, buffer, sizeof buffer);
  return n > 0 ? std::vector<std::uint8_t>(buffer, buffer + n) : std::vector<std::uint8_t>();
}

}  // namespace alsatest
