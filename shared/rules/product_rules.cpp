#include "shared/rules/product_rules.hpp"

#include "shared/core/barcode.hpp"
#include "shared/core/money.hpp"
#include "shared/core/text.hpp"

namespace bl {

Result<Product, Message> check_product(Product p) {
    auto name = clean_text(p.name, name_rules);
    if (!name)
        return err(name.error());
    p.name = name.value();
    auto cat = clean_text(p.category, TextRules{0, 40, false, BL_N_("Category")});
    if (!cat)
        return err(cat.error());
    p.category = cat.value();
    auto sku = clean_text(p.sku, TextRules{1, 40, false, BL_N_("Item number (SKU)")});
    if (!sku)
        return err(sku.error());
    p.sku = sku.value();
    auto mat = clean_text(p.materials, TextRules{0, 200, false, BL_N_("Materials")});
    if (!mat)
        return err(mat.error());
    p.materials = mat.value();
    if (p.price.is_negative())
        return err(Message(BL_N_("A price cannot be negative.")));
    if (p.price.ore() > max_typed_ore)
        return err(Message(BL_N_("The price %s is too high for the till."), {format_dkk(p.price)}));
    if (p.vat_rate.basis_points != 2500 && p.vat_rate.basis_points != 0)
        return err(Message(BL_N_("The VAT rate must be 25 %% or 0 %%.")));
    if (!p.barcode.empty()) {
        auto code = classify_barcode(p.barcode);
        if (!code)
            return err(code.error());
        if (code.value().kind == BarcodeKind::batch_label)
            return err(Message(BL_N_("%s is a batch label code, not a product barcode."),
                               {code.value().code}));
        p.barcode = code.value().code;
    }
    return p;
}

} // namespace bl
