#pragma once
/// Staff PINs: 4 to 8 digits, stored only as Argon2id hashes (libsodium's crypto_pwhash_str,
/// which embeds salt and cost parameters in the string).

#include <string>
#include <string_view>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl {

/// Checks that a new PIN is 4–8 digits and not trivially guessable (all the same digit, or a
/// straight run such as 1234 or 9876).
Result<std::string, Message> check_new_pin(std::string_view pin);

/// Hashes a PIN with Argon2id at libsodium's interactive cost. Throws on allocation failure.
std::string hash_pin(std::string_view pin);

/// True when the PIN matches the stored hash. Runs in the time Argon2id takes whatever the
/// input, so a wrong PIN is not faster to reject than a right one.
bool verify_pin(std::string_view pin, const std::string& stored_hash);

} // namespace bl
