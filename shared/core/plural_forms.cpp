#include "shared/core/plural_forms.hpp"

#include <cctype>
#include <string>

namespace bl {

namespace {

using Op = PluralRule::Op;

const Message bad_rule(BL_N_("The translation file's plural rule cannot be read; counts are "
                             "shown with the English rule."));

// A recursive-descent reader of gettext's C subset, writing reverse Polish steps. Depth and
// length are limited so that a hostile catalogue cannot exhaust the stack.
class Reader {
public:
    explicit Reader(std::string_view s) : m_s(s) {}

    bool read(std::vector<Op>& out) {
        m_out = &out;
        if (!expression(0))
            return false;
        skip_space();
        return m_at == m_s.size();
    }

private:
    static constexpr int max_depth = 64;

    void skip_space() {
        while (m_at < m_s.size() && std::isspace(static_cast<unsigned char>(m_s[m_at])))
            ++m_at;
    }
    bool take(std::string_view token) {
        skip_space();
        if (m_s.substr(m_at, token.size()) != token)
            return false;
        m_at += token.size();
        return true;
    }
    // "<" but not "<=", "!" but not "!=" ...
    bool take_alone(char c) {
        skip_space();
        if (m_at >= m_s.size() || m_s[m_at] != c)
            return false;
        if (m_at + 1 < m_s.size() && m_s[m_at + 1] == '=')
            return false;
        ++m_at;
        return true;
    }
    void emit(Op::Kind k, std::uint64_t v = 0) { m_out->push_back(Op{k, v}); }

    bool expression(int depth) {
        if (depth > max_depth || m_out->size() > 1000)
            return false;
        if (!binary(0, depth))
            return false;
        if (!take("?"))
            return true;
        if (!expression(depth + 1) || !take(":") || !expression(depth + 1))
            return false;
        emit(Op::choose);
        return true;
    }

    // Levels from loosest to tightest: || && (== !=) (< > <= >=) (+ -) (* / %).
    bool binary(int level, int depth) {
        if (level == 6)
            return unary(depth);
        if (!binary(level + 1, depth))
            return false;
        for (;;) {
            Op::Kind k;
            if (level == 0 && take("||"))
                k = Op::or_;
            else if (level == 1 && take("&&"))
                k = Op::and_;
            else if (level == 2 && take("=="))
                k = Op::eq;
            else if (level == 2 && take("!="))
                k = Op::ne;
            else if (level == 3 && take("<="))
                k = Op::le;
            else if (level == 3 && take(">="))
                k = Op::ge;
            else if (level == 3 && take_alone('<'))
                k = Op::lt;
            else if (level == 3 && take_alone('>'))
                k = Op::gt;
            else if (level == 4 && take("+"))
                k = Op::add;
            else if (level == 4 && take("-"))
                k = Op::sub;
            else if (level == 5 && take("*"))
                k = Op::mul;
            else if (level == 5 && take("/"))
                k = Op::div;
            else if (level == 5 && take("%"))
                k = Op::mod;
            else
                return true;
            if (!binary(level + 1, depth))
                return false;
            emit(k);
        }
    }

    bool unary(int depth) {
        if (depth > max_depth)
            return false;
        if (take_alone('!')) {
            if (!unary(depth + 1))
                return false;
            emit(Op::not_);
            return true;
        }
        skip_space();
        if (take("(")) {
            return expression(depth + 1) && take(")");
        }
        if (take("n")) {
            emit(Op::n);
            return true;
        }
        if (m_at < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_at]))) {
            std::uint64_t v = 0;
            while (m_at < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_at]))) {
                if (v > 1'000'000'000)
                    return false;
                v = v * 10 + static_cast<std::uint64_t>(m_s[m_at++] - '0');
            }
            emit(Op::number, v);
            return true;
        }
        return false;
    }

    std::string_view m_s;
    std::size_t m_at = 0;
    std::vector<Op>* m_out = nullptr;
};

// Runs the steps; the program was checked when it was read, so the stack never runs short.
std::uint64_t run(const std::vector<Op>& program, std::uint64_t n) {
    std::vector<std::uint64_t> stack;
    stack.reserve(program.size());
    auto pop = [&stack] {
        const std::uint64_t v = stack.back();
        stack.pop_back();
        return v;
    };
    for (const Op& op : program) {
        switch (op.kind) {
        case Op::number:
            stack.push_back(op.value);
            continue;
        case Op::n:
            stack.push_back(n);
            continue;
        case Op::not_:
            stack.back() = !stack.back();
            continue;
        case Op::choose: {
            const std::uint64_t otherwise = pop(), then = pop(), cond = pop();
            stack.push_back(cond ? then : otherwise);
            continue;
        }
        default:
            break;
        }
        const std::uint64_t b = pop(), a = pop();
        std::uint64_t r = 0;
        switch (op.kind) {
        case Op::mul:
            r = a * b;
            break;
        case Op::div:
            r = b == 0 ? 0 : a / b;
            break;
        case Op::mod:
            r = b == 0 ? 0 : a % b;
            break;
        case Op::add:
            r = a + b;
            break;
        case Op::sub:
            r = a - b;
            break;
        case Op::lt:
            r = a < b;
            break;
        case Op::gt:
            r = a > b;
            break;
        case Op::le:
            r = a <= b;
            break;
        case Op::ge:
            r = a >= b;
            break;
        case Op::eq:
            r = a == b;
            break;
        case Op::ne:
            r = a != b;
            break;
        case Op::and_:
            r = a && b;
            break;
        case Op::or_:
            r = a || b;
            break;
        default:
            break;
        }
        stack.push_back(r);
    }
    return stack.empty() ? 0 : stack.back();
}

// Whether the steps leave exactly one value and never take from an empty stack.
bool balanced(const std::vector<Op>& program) {
    long depth = 0;
    for (const Op& op : program) {
        if (op.kind == Op::number || op.kind == Op::n)
            ++depth;
        else if (op.kind == Op::choose)
            depth -= 2;
        else if (op.kind != Op::not_)
            depth -= 1;
        if (depth < 1)
            return false;
    }
    return depth == 1;
}

} // namespace

PluralRule::PluralRule() : m_program{Op{Op::n, 0}, Op{Op::number, 1}, Op{Op::ne, 0}} {}

Result<PluralRule, Message> PluralRule::parse(std::string_view value) {
    // "nplurals=N; plural=EXPR;" in either order, spaces allowed.
    PluralRule rule;
    bool have_forms = false, have_rule = false;
    std::size_t at = 0;
    while (at < value.size()) {
        std::size_t end = value.find(';', at);
        if (end == std::string_view::npos)
            end = value.size();
        std::string_view part = value.substr(at, end - at);
        at = end + 1;
        while (!part.empty() && std::isspace(static_cast<unsigned char>(part.front())))
            part.remove_prefix(1);
        if (part.empty())
            continue;
        const std::size_t eq = part.find('=');
        if (eq == std::string_view::npos)
            return err(bad_rule);
        std::string_view key = part.substr(0, eq);
        while (!key.empty() && std::isspace(static_cast<unsigned char>(key.back())))
            key.remove_suffix(1);
        const std::string_view val = part.substr(eq + 1);
        if (key == "nplurals") {
            std::string digits;
            for (char c : val)
                if (!std::isspace(static_cast<unsigned char>(c)))
                    digits += c;
            if (digits.empty() || digits.size() > 2 ||
                digits.find_first_not_of("0123456789") != std::string::npos)
                return err(bad_rule);
            rule.m_forms = std::stoi(digits);
            if (rule.m_forms < 1)
                return err(bad_rule);
            have_forms = true;
        } else if (key == "plural") {
            std::vector<Op> program;
            if (!Reader(val).read(program) || !balanced(program))
                return err(bad_rule);
            rule.m_program = std::move(program);
            have_rule = true;
        }
    }
    if (!have_forms || !have_rule)
        return err(bad_rule);
    return rule;
}

Result<PluralRule, Message> PluralRule::from_header(std::string_view header) {
    constexpr std::string_view key = "Plural-Forms:";
    const std::size_t at = header.find(key);
    if (at == std::string_view::npos)
        return PluralRule();
    std::size_t end = header.find('\n', at);
    if (end == std::string_view::npos)
        end = header.size();
    return parse(header.substr(at + key.size(), end - at - key.size()));
}

std::size_t PluralRule::form(std::int64_t n) const {
    const std::uint64_t count =
        n < 0 ? static_cast<std::uint64_t>(-(n + 1)) + 1 : static_cast<std::uint64_t>(n);
    const std::uint64_t f = run(m_program, count);
    return f < static_cast<std::uint64_t>(m_forms) ? static_cast<std::size_t>(f) : 0;
}

} // namespace bl
