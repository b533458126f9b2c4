#pragma once
// Where a crash child kills itself: shared by crash_child.cpp (which dies there) and
// crash_test.cpp (which plans the trials and knows from the point alone what the database
// must hold afterwards). See crash_test.cpp for how the points are chosen.

#include <array>
#include <string_view>

namespace crash {

/// The business action the child is in (or has just finished) when it dies.
enum class Stage {
    keep, ///< keep_carts for the next sale
    sale, ///< record_sale
    z,    ///< close_shift (Z report)
};

/// How far that action's commit got.
enum class How {
    /// Before the N-th write or sync of the commit, and never later than the write of the
    /// commit frame's page (the frame whose header marks the commit in the WAL): not committed.
    write,
    /// The commit frame's header is written, its page is not: a torn commit frame that WAL
    /// recovery must throw away, so not committed.
    torn,
    /// Every frame of the commit is written (in the OS's cache, which a killed process does not
    /// lose), the WAL not yet synced: committed, never reported.
    synced,
    /// The action returned, the child had not yet gone on (or reported): committed, never
    /// reported.
    returned,
};

struct Point {
    std::string_view name;
    Stage stage;
    How how;
    bool committed() const { return how == How::synced || how == How::returned; }
};

/// keep-returned is the cart kept and the sale not begun; sale-returned is the sale committed
/// and not reported. Z reports are not killed after they return: nothing happens between a
/// Z's commit and its report line that a sale's point does not already cover.
inline constexpr std::array<Point, 11> points{{
    {"keep-write", Stage::keep, How::write},
    {"keep-torn", Stage::keep, How::torn},
    {"keep-synced", Stage::keep, How::synced},
    {"keep-returned", Stage::keep, How::returned},
    {"sale-write", Stage::sale, How::write},
    {"sale-torn", Stage::sale, How::torn},
    {"sale-synced", Stage::sale, How::synced},
    {"sale-returned", Stage::sale, How::returned},
    {"z-write", Stage::z, How::write},
    {"z-torn", Stage::z, How::torn},
    {"z-synced", Stage::z, How::synced},
}};

inline const Point* find_point(std::string_view name) {
    for (const auto& p : points)
        if (p.name == name)
            return &p;
    return nullptr;
}

/// Step i of a child's run that does not die is a Z report when i % z_every == z_every - 1 and a
/// sale otherwise, so a run that gets far enough reports Z lines too.
inline constexpr int z_every = 5;
inline bool is_z_step(int i) {
    return i % z_every == z_every - 1;
}

} // namespace crash
