#pragma once
/// The organiser's settings at the till (printer, MobilePay's name, the discount limit, the
/// impact block, the receipt's last line, the language, the shop's details) and the
/// catalogue import from a CSV file.

#include <string>

#include "pos/model/till_context.hpp"

namespace bl::pos {

/// The settings as stored, with the defaults where nothing was set.
TillSettings read_settings(SettingsStore& store);

class SettingsFlow {
public:
    explicit SettingsFlow(TillContext& till);

    /// Organisers only.
    void open_settings();
    /// Checks everything first, so a typo saves nothing; then saves what changed in one
    /// transaction and points the receipts at the new printer.
    void save_settings(const TillSettings& typed);
    /// Organisers only: reads and checks the file; nothing is added until confirmed.
    void import_catalogue(const std::string& path);
    void confirm_import();

private:
    TillContext& m_till;
};

} // namespace bl::pos
