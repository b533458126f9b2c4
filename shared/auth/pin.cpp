#include "shared/auth/pin.hpp"

#include <stdexcept>

#include <sodium.h>

namespace bl {

namespace {

void ensure_sodium() {
    static const int ready = sodium_init();
    if (ready < 0)
        throw std::runtime_error("libsodium could not be initialised");
}

} // namespace

Result<std::string, Message> check_new_pin(std::string_view pin) {
    if (pin.size() < 4 || pin.size() > 8)
        return err(Message(BL_N_("A PIN has 4 to 8 digits.")));
    for (char c : pin)
        if (c < '0' || c > '9')
            return err(Message(BL_N_("A PIN has digits only.")));
    bool same = true, up = true, down = true;
    for (std::size_t i = 1; i < pin.size(); ++i) {
        same = same && pin[i] == pin[0];
        up = up && pin[i] == pin[i - 1] + 1;
        down = down && pin[i] == pin[i - 1] - 1;
    }
    if (same || up || down)
        return err(Message(BL_N_("That PIN is too easy to guess. Choose digits that are not "
                                 "all the same or in a row.")));
    return std::string(pin);
}

std::string hash_pin(std::string_view pin) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("Argon2id hashing ran out of memory");
    return out;
}

bool verify_pin(std::string_view pin, const std::string& stored_hash) {
    ensure_sodium();
    if (stored_hash.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(stored_hash.c_str(), pin.data(), pin.size()) == 0;
}

} // namespace bl
