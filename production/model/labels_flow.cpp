#include "production/model/labels_flow.hpp"

#include <cctype>

#include "production/model/batch_draft.hpp"
#include "shared/core/text.hpp"

namespace bl::production {

void LabelsFlow::open(const std::string& selected) {
    if (m_w.need_login())
        return;
    LabelsPage page;
    page.batches = m_w.batches_here();
    page.selected = selected;
    if (page.selected.empty() && !page.batches.empty())
        page.selected = page.batches.front().batch_id;
    page.printer = m_w.ports.station.setting("label_printer").value_or("");
    m_w.views.labels.show_labels(page);
}

void LabelsFlow::make(const LabelRequest& r) {
    if (m_w.need_login())
        return;
    auto batch = m_w.ports.production.batch(r.batch_id);
    if (!batch) {
        m_w.say(Message(BL_N_("Choose the batch to print labels for.")));
        return;
    }
    if (batch->workshop_id != m_w.state.workshop_id && !m_w.organiser()) {
        m_w.say(Message(BL_N_("That batch belongs to another workshop.")));
        return;
    }
    std::int64_t copies = batch->units;
    if (!trimmed(r.copies).empty()) {
        auto n = parse_whole_number(trimmed(r.copies));
        if (!n || *n <= 0) {
            m_w.say(Message(BL_N_("Labels: type how many, at least 1.")));
            return;
        }
        if (*n > 2000) {
            m_w.say(Message(BL_N_("Labels: %s is more than 2,000 labels at once. Check the "
                                  "number."),
                            {std::to_string(*n)}));
            return;
        }
        copies = *n;
    }
    const int per_page = doc::labels_per_page(r.format);
    int start = 1;
    if (!trimmed(r.start).empty() && r.format != doc::LabelFormat::single_50x30) {
        auto n = parse_whole_number(trimmed(r.start));
        if (!n || *n < 1 || *n > per_page) {
            m_w.say(Message(BL_N_("Start at label: a number from 1 to %s, the first free label "
                                  "on the sheet (counted along the rows)."),
                            {std::to_string(per_page)}));
            return;
        }
        start = static_cast<int>(*n);
    }
    // The code on the label must lead the till back to this batch and no other: label codes
    // are unique, and this is checked once more before anything is printed.
    auto back = m_w.ports.production.batch_by_label(batch->label_code);
    if (!back || back->id != batch->id) {
        m_w.say(Message(BL_N_("The label code %s does not lead back to this batch, so nothing "
                              "was printed. Ask for help before printing labels for it."),
                        {batch->label_code}));
        return;
    }
    std::optional<Product> product;
    for (const auto& p : m_w.ports.production.products())
        if (p.id == batch->product_id)
            product = p;
    if (!product) {
        m_w.say(Message(BL_N_("That product does not exist.")));
        return;
    }
    std::string queue;
    if (r.print) {
        queue = m_w.ports.station.setting("label_printer").value_or("");
        if (queue.empty()) {
            m_w.say(Message(BL_N_("No label printer is set up. Type its name (as CUPS knows it) "
                                  "and save it, or make the PDF only.")));
            return;
        }
    }
    const char* format = r.format == doc::LabelFormat::a4_3x8    ? "a4_3x8"
                         : r.format == doc::LabelFormat::a4_4x10 ? "a4_4x10"
                                                                 : "50x30";
    // Journaled before it happens: if the journal cannot take it, nothing is printed.
    if (auto problem = m_w.ports.station.journal(m_w.staff_id(), JournalKind::labels_printed,
                                                 JsonObject{{"batch_id", batch->id},
                                                            {"label_code", batch->label_code},
                                                            {"labels", copies},
                                                            {"format", format}})) {
        m_w.say(*problem);
        return;
    }
    const doc::Label label{product->name, m_w.workshop_name(batch->workshop_id),
                           format_dkk(product->price), batch->label_code};
    const std::vector<doc::Label> labels(static_cast<std::size_t>(copies), label);
    auto saved = m_w.ports.documents.save_pdf(doc::label_sheet(labels, r.format, start,
                                                               m_w.ports.documents.measure(),
                                                               m_w.ports.station.now()),
                                              "etiketter-" + batch->label_code + ".pdf");
    m_w.refresh_status();
    if (!saved) {
        m_w.say(saved.error());
        return;
    }
    if (r.print) {
        if (auto problem = m_w.ports.documents.print(saved.value(), queue)) {
            m_w.say(*problem);
            return;
        }
        m_w.news(Message(BL_N_("The labels (%s) went to the printer %s; the PDF is %s."),
                         {std::to_string(copies), queue, saved.value()}));
        return;
    }
    m_w.news(Message(BL_N_("The labels (%s) are ready to print in %s."),
                     {std::to_string(copies), saved.value()}));
}

void LabelsFlow::save_printer(const std::string& typed) {
    if (m_w.need_login())
        return;
    const std::string queue = trimmed(typed);
    for (char c : queue)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.' &&
            c != '@') {
            m_w.say(Message(BL_N_("\"%s\" is not a printer name. Use the name CUPS gives the "
                                  "printer, such as Etiketprinter."),
                            {queue.substr(0, 40)}));
            return;
        }
    if (auto problem = m_w.ports.station.set_setting(m_w.staff_id(), "label_printer", queue)) {
        m_w.say(*problem);
        return;
    }
    m_w.refresh_status();
    m_w.news(queue.empty() ? Message(BL_N_("No label printer: labels are made as PDF only."))
                           : Message(BL_N_("Labels can now go to the printer %s."), {queue}));
}

} // namespace bl::production
