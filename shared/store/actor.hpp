#pragma once
/// Who does a business action.

#include <string>

namespace bl {

/// The device whose journal records an action, and the staff member doing it, if any.
struct Actor {
    std::string device_id;
    std::string staff_id; ///< empty for actions no person is logged in for (setup, demo load)
};

} // namespace bl
