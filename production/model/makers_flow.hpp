#pragma once
/// Makers: the workshop's list, adding and editing (the name the maker chose, and private
/// details held only on workshop stations), consent per channel with its history, erasure
/// with a check of the database's bytes, and a maker's own copy of their data.

#include <string>

#include "production/model/workshop_context.hpp"

namespace bl::production {

class MakersFlow {
public:
    explicit MakersFlow(WorkshopContext& w) : m_w(w) {}

    /// The workshop's makers; `inactive` shows those no longer active (and erased) too.
    void open();
    void show_inactive(bool inactive);
    void new_maker();
    void edit(const std::string& maker_id);
    /// Adds (no id) or changes a maker as typed; back to the list when saved.
    void save(const MakerForm& form);
    void consent(const std::string& maker_id);
    /// A new consent decision for one channel; a withdrawal (a lower level) holds at once
    /// here and reaches the tills with the next sync.
    void set_consent(const std::string& maker_id, ConsentChannel channel, int level);
    /// Asks before erasing: what goes and what stays.
    void erase(const std::string& maker_id);
    /// Erases, wipes the bytes and says what the check found.
    void confirm_erase(const std::string& maker_id);
    /// The maker's own data as JSON and as a readable PDF, in the documents folder.
    void export_data(const std::string& maker_id);

    /// The maker's data as canonical JSON (what export_data writes).
    std::string data_json(const std::string& maker_id);

private:
    /// The maker, when it is one of this workshop's (or the person is an organiser).
    std::optional<Maker> reachable(const std::string& maker_id);
    WorkshopContext& m_w;
};

} // namespace bl::production
