#pragma once
// Where a crash child kills itself: shared by crash_child.cpp (which dies there) and
// crash_test.cpp (which plans the trials and knows from the point alone what the database
// must hold afterwards). See crash_test.cpp for how the points are chosen.

#include <array>
#include <string_view>

namespace crash {

/// The business action the child is in (or has just finished) when it dies.
enum class Stage {
    keep,    ///< keep_carts: the cart of the next sale
    part,    ///< keep_carts: the open cart with a part payment taken
    sale,    ///< record_sale (a cash sale)
    refund,  ///< record_sale (a refund of one unit of an earlier sale)
    undo,    ///< record_event part_payment_undone
    x,       ///< record_event x_report
    batch,   ///< add_batch, at the workshop station
    deliver, ///< deliver_batches: one unit of each of two batches to the shop, one transaction
    z,       ///< close_shift (Z report)
    backup,  ///< after a Z that committed and was reported: the check and the backup
    migrate, ///< opening a database one schema step behind: the step's commit
};

/// How far that action got.
enum class How {
    /// Before the N-th write or sync of the action, and (for a commit) never later than the
    /// write of the commit frame's page (the frame whose header marks the commit in the WAL):
    /// not committed. For the backup: before its N-th write or sync, wherever that is.
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

inline constexpr std::array<Point, 41> points{{
    {"keep-write", Stage::keep, How::write},
    {"keep-torn", Stage::keep, How::torn},
    {"keep-synced", Stage::keep, How::synced},
    {"keep-returned", Stage::keep, How::returned},
    {"part-write", Stage::part, How::write},
    {"part-torn", Stage::part, How::torn},
    {"part-synced", Stage::part, How::synced},
    {"part-returned", Stage::part, How::returned},
    {"sale-write", Stage::sale, How::write},
    {"sale-torn", Stage::sale, How::torn},
    {"sale-synced", Stage::sale, How::synced},
    {"sale-returned", Stage::sale, How::returned},
    {"refund-write", Stage::refund, How::write},
    {"refund-torn", Stage::refund, How::torn},
    {"refund-synced", Stage::refund, How::synced},
    {"refund-returned", Stage::refund, How::returned},
    {"undo-write", Stage::undo, How::write},
    {"undo-torn", Stage::undo, How::torn},
    {"undo-synced", Stage::undo, How::synced},
    {"undo-returned", Stage::undo, How::returned},
    {"x-write", Stage::x, How::write},
    {"x-torn", Stage::x, How::torn},
    {"x-synced", Stage::x, How::synced},
    {"x-returned", Stage::x, How::returned},
    {"batch-write", Stage::batch, How::write},
    {"batch-torn", Stage::batch, How::torn},
    {"batch-synced", Stage::batch, How::synced},
    {"batch-returned", Stage::batch, How::returned},
    {"deliver-write", Stage::deliver, How::write},
    {"deliver-torn", Stage::deliver, How::torn},
    {"deliver-synced", Stage::deliver, How::synced},
    {"deliver-returned", Stage::deliver, How::returned},
    {"z-write", Stage::z, How::write},
    {"z-torn", Stage::z, How::torn},
    {"z-synced", Stage::z, How::synced},
    {"z-returned", Stage::z, How::returned},
    {"backup-write", Stage::backup, How::write},
    {"backup-returned", Stage::backup, How::returned},
    {"migrate-write", Stage::migrate, How::write},
    {"migrate-torn", Stage::migrate, How::torn},
    {"migrate-synced", Stage::migrate, How::synced},
}};

inline const Point* find_point(std::string_view name) {
    for (const auto& p : points)
        if (p.name == name)
            return &p;
    return nullptr;
}

/// What step i of a child's run does when it does not die there: a day at the till in ten
/// steps, so a run that gets far enough does each of them. A sale step keeps its cart first
/// (Stage::keep), as the till does; a Z step backs the database up after it.
inline constexpr std::array<Stage, 10> day{{Stage::sale, Stage::sale, Stage::refund, Stage::part,
                                            Stage::sale, Stage::x, Stage::batch, Stage::deliver,
                                            Stage::undo, Stage::z}};
inline Stage step(int i) {
    return day[static_cast<std::size_t>(i) % day.size()];
}

} // namespace crash
