/// Academic and professional degrees written after a name, told by their shape: `Budi Santoso,
/// S.H., M.H.`, `dr Eka Ginanjar, SpPD-KKV`, `Prof Andi, MSc, PhD`. Indonesian writes them with
/// or without dots and makes new ones from the same pieces (the specialist `Sp.` with its field),
/// so a list would always miss some; callers ask only after a name and a comma, where a short
/// word shaped so is a degree and not a name.
public enum Degrees {
    /// Whether `token` (of `kind`, with `flags`) is shaped as a degree: a dotted abbreviation that
    /// starts with a capital (`S.H.`, `M.Si`, `Sp.PD`); a word of at most six ASCII letters with
    /// two capitals or more and a lower-case letter (`MSc`, `SpPD`, `PhD`, `MKes`); or a listed
    /// degree in capitals (`SH`, `MM`, ``TokenFlags/degree``), since most short capitals after a
    /// name are other names (`SBY`, `AHY`).
    public static func isShaped(_ token: UnsafeBufferPointer<UInt8>, kind: TokenKind, flags: TokenFlags) -> Bool {
        guard token.count >= 2, token.count <= 12, token[0] &- 0x41 < 26 else { return false }
        var upper = 1, lower = 0, dots = 0
        for c in token.dropFirst() {
            if c &- 0x41 < 26 { upper += 1 } else if c &- 0x61 < 26 { lower += 1 } else if c == 0x2E { dots += 1 } else { return false }
        }
        if dots > 0 { return kind == .abbreviation }
        guard kind == .word else { return false }
        if lower == 0 { return flags.contains(.degree) }
        return upper >= 2 && upper + lower <= 6
    }
}

extension DocumentColumns {
    /// Whether token `i` is shaped as a degree (``Degrees/isShaped(_:kind:flags:)``).
    public func isDegreeShaped(_ i: Int) -> Bool {
        Degrees.isShaped(UnsafeBufferPointer(rebasing: bytes[Int(starts[i])..<Int(ends[i])]), kind: kinds[i], flags: flags[i])
    }

    /// The last token before the degrees that follow a name and end at token `k` (`Eka Ginanjar,
    /// SpPD-KKV`, `Erlina Burhan, Sp.P(K)`, `Andi Hamzah, SH, MH`), no earlier than `a`; or `k`
    /// when no degree ends there. Each degree comes after a comma and may carry a bracketed
    /// qualifier (`(K)`) or a hyphenated field (`-KKV`).
    public func beforeDegrees(_ k: Int, from a: Int) -> Int {
        var j = k, found = false
        while j > a {
            var g = j
            if flags[g].contains(.closingBracket), g - 2 > a, flags[g - 2].contains(.openingBracket) {
                g -= 3
            } else if g - 2 > a, kinds[g] == .word, flags[g].contains(.allCaps), flags[g - 1].contains(.dash) || isHyphen(g - 1) {
                g -= 2
            }
            guard g - 1 > a, isDegreeShaped(g), flags[g - 1].contains(.comma) else { break }
            j = g - 2
            found = true
        }
        return found ? j : k
    }

    private func isHyphen(_ i: Int) -> Bool { ends[i] - starts[i] == 1 && bytes[Int(starts[i])] == 0x2D }
}
