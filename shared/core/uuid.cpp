#include "shared/core/uuid.hpp"

namespace bl {

namespace {

std::int64_t system_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::uint64_t os_seed() {
    std::random_device rd;
    return (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
}

} // namespace

UuidGenerator::UuidGenerator() : UuidGenerator(os_seed(), system_ms) {}

UuidGenerator::UuidGenerator(std::uint64_t seed, Clock clock)
    : m_clock(std::move(clock)), m_rng(seed) {}

std::string UuidGenerator::next() {
    std::int64_t ms = m_clock();
    // Never go backwards: a clock step back keeps the last millisecond and counts on.
    if (ms <= m_last_ms) {
        ms = m_last_ms;
        if (++m_counter > 0xFFF) {
            ++ms;
            m_counter = 0;
        }
    } else {
        m_counter = static_cast<std::uint32_t>(m_rng() & 0x3FF); // leave room to count up
    }
    m_last_ms = ms;

    std::array<std::uint8_t, 16> b{};
    const auto ums = static_cast<std::uint64_t>(ms);
    for (int i = 0; i < 6; ++i)
        b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(ums >> (40 - 8 * i));
    b[6] = static_cast<std::uint8_t>(0x70 | ((m_counter >> 8) & 0x0F));
    b[7] = static_cast<std::uint8_t>(m_counter & 0xFF);
    const std::uint64_t r = m_rng();
    for (int i = 0; i < 8; ++i)
        b[static_cast<std::size_t>(8 + i)] = static_cast<std::uint8_t>(r >> (8 * i));
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);

    static constexpr char hex[] = "0123456789abcdef";
    std::string s;
    s.reserve(36);
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            s += '-';
        s += hex[b[i] >> 4];
        s += hex[b[i] & 0x0F];
    }
    return s;
}

bool is_uuid(std::string_view s) {
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < 36; ++i) {
        const char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

std::int64_t uuid7_millis(std::string_view s) {
    if (!is_uuid(s) || s[14] != '7')
        return -1;
    std::int64_t ms = 0;
    for (std::size_t i = 0; i < 13; ++i) {
        if (s[i] == '-')
            continue;
        const char c = s[i];
        ms = ms * 16 + (c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return ms;
}

} // namespace bl
