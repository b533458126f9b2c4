#include "shared/store/transitions.hpp"

#include "shared/store/detail/actions.hpp"
#include "shared/store/detail/connection.hpp"
#include "shared/store/people.hpp"

namespace bl {

std::string_view to_string(impact::TransitionKind k) {
    switch (k) {
    case impact::TransitionKind::job:
        return "job";
    case impact::TransitionKind::flex_job:
        return "flex_job";
    case impact::TransitionKind::education:
        return "education";
    }
    return "job";
}

Result<std::string, Message> record_transition(Database& db, const Actor& actor,
                                               const std::string& maker_id,
                                               impact::TransitionKind kind, const std::string& date,
                                               bool maker_consented) {
    return store::writing([&]() -> Result<std::string, Message> {
        if (!maker_consented)
            return err(Message(BL_N_("A move to a job, a flex job or education is recorded only "
                                     "when the maker agrees to it being recorded.")));
        if (actor.staff_id.empty())
            return err(Message(BL_N_("Log in to record this.")));
        const auto day = parse_date(date);
        if (!day)
            return err(Message(BL_N_("%s is not a date. Write it as 2026-11-30."), {date}));
        if (*day > copenhagen_day(db.clock()))
            return err(Message(BL_N_("%s is in the future. Record a move once it has "
                                     "happened."),
                               {date}));
        auto tx = store::begin_write(db);
        auto maker = find_maker(db, maker_id);
        if (!maker)
            return err(Message(BL_N_("That maker does not exist.")));
        if (!maker->active)
            return err(Message(BL_N_("That maker's records have been erased.")));
        const std::string id = db.ids.next();
        store::Statement ins(db, "INSERT INTO transition(id, maker_id, kind, happened_on, "
                                 "consented, recorded_at, recorded_by) VALUES (?,?,?,?,1,?,?)");
        ins->bind(1, id);
        ins->bind(2, maker_id);
        ins->bind(3, std::string(to_string(kind)));
        ins->bind(4, date);
        ins->bind(5, format_utc(db.clock()));
        ins->bind(6, actor.staff_id);
        ins->exec();
        store::record_action(db, actor, JournalKind::transition_recorded,
                             JsonObject{{"transition_id", id},
                                        {"maker_id", maker_id},
                                        {"kind", std::string(to_string(kind))},
                                        {"happened_on", date}});
        tx.commit();
        return id;
    });
}

} // namespace bl
