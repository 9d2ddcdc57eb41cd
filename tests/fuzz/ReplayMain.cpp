// Runs a fuzz harness's LLVMFuzzerTestOneInput over saved inputs, without libFuzzer: every file
// named on the command line and every file below every folder named (recursively, in path order).
// ctest runs it over the seed corpora in every build (g++ cannot build libFuzzer binaries), and
// AFL++ can drive the same program (README.md).
//
// Regression inputs must stay cheap, not merely stop crashing, so each input has a budget: one that
// takes over 1 s is reported with its time, and one still running after 5 s ends the process from
// a watchdog thread (a parser stuck in a loop never comes back to look at a clock). Peak resident
// memory is reported at the end and must stay under 1 GiB, except under AddressSanitizer, whose
// shadow memory and quarantine make the number meaningless (and RLIMIT_AS unusable).
//
// Exit status: 0 every input within budget; 2 bad arguments (a missing path, no inputs at all);
// 3 an input over the time budget; 4 over the memory budget. A crash keeps its signal, after a line
// naming the input (under ASan a crash is ASan's report, which names nothing but, with the asan
// preset's abort_on_error=1, ends in an abort that does).

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kUnderAddressSanitizer = true;
#else
constexpr bool kUnderAddressSanitizer = false;
#endif
#else
constexpr bool kUnderAddressSanitizer = false;
#endif

using Clock = std::chrono::steady_clock;

constexpr auto kReportAfter = std::chrono::seconds(1);
constexpr auto kTimeBudget = std::chrono::seconds(5);
constexpr long kMemoryBudgetKiB = 1024L * 1024L; // ru_maxrss counts KiB on Linux

constexpr int kExitUsage = 2;
constexpr int kExitTooSlow = 3;
constexpr int kExitTooLarge = 4;

// Ends the process, naming the input, once one input has run for longer than kTimeBudget.
class Watchdog
{
public:
    Watchdog() : m_thread([this] { run(); }) {}
    ~Watchdog()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_changed.notify_one();
        m_thread.join();
    }
    Watchdog(const Watchdog &) = delete;
    Watchdog &operator=(const Watchdog &) = delete;

    void begin(const std::string &input)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_input = input;
            m_deadline = Clock::now() + kTimeBudget;
            m_busy = true;
        }
        m_changed.notify_one();
    }

    void end()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_busy = false;
        }
        m_changed.notify_one();
    }

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            if (m_busy && Clock::now() >= m_deadline) {
                // stderr is unbuffered: this line survives _exit(), which skips atexit handlers and
                // leak checks that would only report the half-finished input's allocations.
                std::fprintf(stderr, "%s: still running after %lld s, over the time budget\n", m_input.c_str(),
                             static_cast<long long>(kTimeBudget.count()));
                _exit(kExitTooSlow);
            }
            if (m_busy)
                m_changed.wait_until(lock, m_deadline);
            else
                m_changed.wait(lock);
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::string m_input;
    Clock::time_point m_deadline;
    bool m_busy = false;
    bool m_stopping = false;
    std::thread m_thread; // last: starts once the members above exist
};

// The input being replayed, for the crash handler: a plain pointer is all a signal handler may read.
const char *volatile currentInput = nullptr;

void nameCrashedInput(int signal)
{
    if (const char *input = currentInput) {
        const auto say = [](const char *text) {
            if (write(STDERR_FILENO, text, std::strlen(text)) < 0)
                return; // nothing left to tell anyone
        };
        say("crashed while replaying ");
        say(input);
        say("\n");
    }
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

void installCrashHandlers()
{
    std::signal(SIGABRT, nameCrashedInput);
    // ASan reports these itself and must keep its handlers.
    if (!kUnderAddressSanitizer) {
        for (const int signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL})
            std::signal(signal, nameCrashedInput);
    }
}

long peakResidentKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// A fresh buffer of exactly the file's size for every input, so that AddressSanitizer catches a
// read one byte past the end (a reused, larger buffer would hide it).
std::optional<std::vector<uint8_t>> readFile(const std::filesystem::path &path)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    std::ifstream stream(path, std::ios::binary);
    if (error || !stream)
        return std::nullopt;
    std::vector<uint8_t> bytes(size);
    if (!stream.read(reinterpret_cast<char *>(bytes.data()), std::streamsize(size)))
        return std::nullopt;
    return bytes;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<std::filesystem::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path argument(argv[i]);
        std::error_code error;
        if (std::filesystem::is_directory(argument, error)) {
            std::vector<std::filesystem::path> found;
            for (const auto &entry : std::filesystem::recursive_directory_iterator(argument, error)) {
                if (entry.is_regular_file())
                    found.push_back(entry.path());
            }
            std::sort(found.begin(), found.end());
            inputs.insert(inputs.end(), found.begin(), found.end());
        } else if (std::filesystem::is_regular_file(argument, error)) {
            inputs.push_back(argument);
        } else {
            std::fprintf(stderr, "%s: no such file or folder\n", argv[i]);
            return kExitUsage;
        }
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "usage: %s FILE-OR-FOLDER... (replays every file found; none found)\n", argv[0]);
        return kExitUsage;
    }

    installCrashHandlers();
    std::string overMemoryBudget; // the input during which the peak first went over
    {
        Watchdog watchdog;
        for (const auto &input : inputs) {
            const std::optional<std::vector<uint8_t>> bytes = readFile(input);
            if (!bytes) {
                std::fprintf(stderr, "%s: cannot read\n", input.c_str());
                return kExitUsage;
            }
            const std::string name = input.string();
            watchdog.begin(name);
            currentInput = name.c_str();
            const auto started = Clock::now();
            LLVMFuzzerTestOneInput(bytes->data(), bytes->size());
            const auto elapsed = Clock::now() - started;
            currentInput = nullptr;
            watchdog.end();

            if (elapsed > kReportAfter) {
                std::printf("%s: %.2f s\n", input.c_str(), std::chrono::duration<double>(elapsed).count());
                std::fflush(stdout);
            }
            if (overMemoryBudget.empty() && peakResidentKiB() > kMemoryBudgetKiB)
                overMemoryBudget = name;
        }
    }

    const long peakKiB = peakResidentKiB();
    std::printf("%zu inputs replayed\n", inputs.size());
    if (kUnderAddressSanitizer) {
        std::printf("peak RSS: %ld MiB (not checked under AddressSanitizer)\n", peakKiB / 1024);
        return 0;
    }
    std::printf("peak RSS: %ld MiB (budget %ld MiB)\n", peakKiB / 1024, kMemoryBudgetKiB / 1024);
    if (!overMemoryBudget.empty()) {
        std::fprintf(stderr, "%s: peak RSS went over the memory budget while replaying it\n", overMemoryBudget.c_str());
        return kExitTooLarge;
    }
    return 0;
}
