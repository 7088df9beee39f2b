import WartaText

/// Reads dates in the forms Indonesian news pages use and writes them as ISO 8601 with the
/// offset the page means: WIB, WITA and WIT are +07:00, +08:00, +09:00; a time without a zone
/// is taken as WIB; a UTC time (`Z`) is shown in WIB.
public enum DateParser {
    /// A calendar date and time with its UTC offset in minutes.
    public struct Stamp: Sendable, Equatable {
        /// Calendar date.
        public var year, month, day: Int
        /// Local time of day (zero when `hasTime` is false).
        public var hour, minute, second: Int
        /// Whether a time of day was given.
        public var hasTime: Bool
        /// UTC offset in minutes (420 for WIB).
        public var offsetMinutes: Int

        /// ISO 8601: `2022-05-12T10:15:00+07:00`, or `2022-05-12` without a time.
        public var iso: String {
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            let date = "\(year)-\(two(month))-\(two(day))"
            guard hasTime else { return date }
            let sign = offsetMinutes < 0 ? "-" : "+"
            let off = abs(offsetMinutes)
            return "\(date)T\(two(hour)):\(two(minute)):\(two(second))\(sign)\(two(off / 60)):\(two(off % 60))"
        }
    }

    static let months: [String: Int] = [
        "januari": 1, "jan": 1, "january": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
        "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6, "june": 6,
        "juli": 7, "jul": 7, "july": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agust": 8, "aug": 8, "august": 8,
        "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10,
        "november": 11, "nopember": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12, "dec": 12, "december": 12,
    ]
    static let zones: [String: Int] = ["wib": 420, "wita": 480, "wit": 540]

    /// Parses an ISO 8601-like machine date: `2015-11-05T14:56:43+07:00`, `2020-10-09 14:01:06`,
    /// `2020-05-04T04:25:13+0700`, `2020-05-03T21:25:13Z`, `2015-11-05`.
    public static func parseMachine(_ s: String) -> Stamp? { parseMachine(s, keepUTC: false) }

    /// Parses a machine date; with `keepUTC` a `Z` or `+00:00` time keeps its UTC clock and
    /// offset 0 (to compare with a visible local time: local time mislabelled as UTC).
    static func parseMachine(_ s: String, keepUTC: Bool) -> Stamp? {
        let b = Array(s.utf8)
        var i = 0
        while i < b.count, b[i] == 0x20 { i += 1 }
        func number(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in 0..<n {
                let d = Int(b[i + k]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                v = v * 10 + d
            }
            i += n
            return v
        }
        func skip(_ c: UInt8) -> Bool { if i < b.count, b[i] == c { i += 1; return true }; return false }
        guard let y = number(4), skip(0x2D), let mo = number(2), skip(0x2D), let d = number(2),
              (1...12).contains(mo), (1...31).contains(d), y >= 1990, y <= 2100 else { return nil }
        var stamp = Stamp(year: y, month: mo, day: d, hour: 0, minute: 0, second: 0, hasTime: false, offsetMinutes: 420)
        guard i < b.count, b[i] == UInt8(ascii: "T") || b[i] == 0x20 else { return stamp }
        i += 1
        guard let h = number(2), skip(0x3A), let m = number(2), h < 24, m < 60 else { return stamp }
        stamp.hour = h; stamp.minute = m; stamp.hasTime = true
        if skip(0x3A), let sec = number(2) { stamp.second = min(sec, 59) }
        if skip(0x2E) { while i < b.count, (b[i] &- 0x30) < 10 { i += 1 } }
        while i < b.count, b[i] == 0x20 { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: "Z") { return utc(stamp, keepUTC) }
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "+") ? 1 : -1
            i += 1
            guard let oh = number(2) else { return stamp }
            _ = skip(0x3A)
            let om = number(2) ?? 0
            let offset = sign * (oh * 60 + om)
            if offset == 0 { return utc(stamp, keepUTC) }
            stamp.offsetMinutes = offset
        }
        return stamp
    }

    static func utc(_ s: Stamp, _ keep: Bool) -> Stamp {
        guard keep else { return shifted(s, fromOffset: 0) }
        var out = s
        out.offsetMinutes = 0
        return out
    }

    /// A UTC-style stamp re-expressed in WIB (+07:00).
    static func shifted(_ s: Stamp, fromOffset: Int) -> Stamp {
        var days = daysFromCivil(s.year, s.month, s.day)
        var minutes = s.hour * 60 + s.minute + (420 - fromOffset)
        while minutes >= 1440 { minutes -= 1440; days += 1 }
        while minutes < 0 { minutes += 1440; days -= 1 }
        let (y, m, d) = civilFromDays(days)
        return Stamp(year: y, month: m, day: d, hour: minutes / 60, minute: minutes % 60, second: s.second,
                     hasTime: true, offsetMinutes: 420)
    }

    /// Parses the first date written for people in `s`: `Senin, 12 Mei 2022 10:15 WIB`,
    /// `12/05/2022, 10:15 WIB`, `Kamis (5/11/2015)`, `5 Nov 2015 | 14:56`. `year` fills a
    /// missing year (`Jumat (6/11)`).
    public static func parseText(_ s: String, year defaultYear: Int? = nil) -> Stamp? {
        // Every form below has a day or a year in digits, and a month name or a number
        // followed by a separator and another number.
        var s = s
        guard s.withUTF8({ mayHoldDate($0) }) else { return nil }
        return parseHeld(s, year: defaultYear)
    }

    /// ``parseText(_:year:)`` of text that ``mayHoldDate(_:)`` accepted.
    static func parseHeld(_ s: String, year defaultYear: Int?) -> Stamp? {
        var s = s
        return s.withUTF8 { parseHeld($0, year: defaultYear) }
    }

    /// ``parseText(_:year:)`` of the UTF-8 bytes of a text that ``mayHoldDate(_:)`` accepted
    /// (valid UTF-8), read in place: its words are byte ranges, not `String`s.
    static func parseHeld(_ bytes: UnsafeBufferPointer<UInt8>, year defaultYear: Int?) -> Stamp? {
        let words = DateWords(bytes)
        for k in 0..<words.count {
            if let stamp = dayMonthYear(words, k) ?? monthDayYear(words, k) ?? numericDate(words, k, defaultYear) {
                return stamp
            }
        }
        return nil
    }

    /// A date of no time of day.
    private static func day(_ y: Int, _ mo: Int, _ d: Int) -> Stamp {
        Stamp(year: y, month: mo, day: d, hour: 0, minute: 0, second: 0, hasTime: false, offsetMinutes: 420)
    }

    /// `d Month yyyy` from word `k`, with the time after it.
    private static func dayMonthYear(_ words: DateWords, _ k: Int) -> Stamp? {
        guard words.isDigitFirst(k), let d = words.int(k), (1...31).contains(d), k + 2 < words.count,
              let mo = words.month(k + 1), let y = words.int(k + 2), y >= 1990, y <= 2100 else { return nil }
        return withTime(day(y, mo, d), words, from: k + 3)
    }

    /// `Month d, yyyy` from word `k` (the comma is a word of its own), with the time after it.
    private static func monthDayYear(_ words: DateWords, _ k: Int) -> Stamp? {
        let yearAt = k + 2 < words.count && words.isByte(k + 2, 0x2C) ? k + 3 : k + 2
        // A month name is three to nine ASCII letters: its bytes are its characters.
        guard let mo = words.month(k), yearAt < words.count, let d = words.int(k + 1), (1...31).contains(d),
              let y = words.int(yearAt), y >= 1990, y <= 2100 else { return nil }
        return withTime(day(y, mo, d), words, from: yearAt + 1)
    }

    /// `d/m/yyyy`, `d-m-yyyy`, `d.m.yyyy`, or `(d/m)` with a default year, in word `k`, with the
    /// time after it.
    private static func numericDate(_ words: DateWords, _ k: Int, _ defaultYear: Int?) -> Stamp? {
        guard words.isDigitFirst(k) else { return nil }
        let parts = words.parts(k) { $0 == 0x2F || $0 == 0x2D || $0 == 0x2E }
        // A slash or dash byte outside a character of its own lies in a part that is no number.
        guard parts.count >= 2, parts.count <= 3, words.contains(k, 0x2F) || words.contains(k, 0x2D) || parts.count == 3,
              let d = words.int(parts[0]), let mo = words.int(parts[1]), (1...31).contains(d), (1...12).contains(mo) else { return nil }
        var y = parts.count == 3 ? words.int(parts[2]) : defaultYear
        if let yy = y, yy < 100 { y = 2000 + yy }
        // Parts read as numbers are ASCII digits: their bytes are their characters.
        guard let year = y, year >= 1990, year <= 2100, parts[0].count <= 2, parts[1].count <= 2 else { return nil }
        return withTime(day(year, mo, d), words, from: k + 1)
    }

    /// Whether `text` may hold a date that ``parseText(_:year:)`` reads: it has a digit, and a
    /// month name (a run of three to nine ASCII letters, as every month word of ``tokens(_:)``
    /// is) or a digit, separators (`/`, `-`, `.`) and a digit, as every numeric date has.
    /// False answers are exact; true ones are checked by the parser.
    static func mayHoldDate(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = text.count
        var hasDigit = false, hasMonth = false, hasNumericDate = false
        var i = 0
        while i < n {
            let b = text[i]
            if b &- 0x30 < 10 {
                hasDigit = true
                var j = i + 1
                while j < n, text[j] &- 0x30 < 10 { j += 1 }
                var k = j
                while k < n, text[k] == 0x2F || text[k] == 0x2D || text[k] == 0x2E { k += 1 }
                if k > j, k < n, text[k] &- 0x30 < 10 { hasNumericDate = true }
                if hasNumericDate || hasMonth { return true }
                i = j
                continue
            }
            if (b | 0x20) &- 0x61 < 26 {
                var j = i + 1
                while j < n, (text[j] | 0x20) &- 0x61 < 26 { j += 1 }
                if !hasMonth, (3...9).contains(j - i),
                   monthNames.value(UnsafeBufferPointer(rebasing: text[i..<j]), lowercase: true) != nil {
                    hasMonth = true
                    if hasDigit { return true }
                }
                i = j
                continue
            }
            i += 1
        }
        return hasDigit && (hasMonth || hasNumericDate)
    }

    /// The keys of ``months``.
    static let monthNames = ByteStringTable(months.map { (Array($0.key.utf8), Int32($0.value)) })

    /// The date in an address's path: `/read/2015/03/02/…`, `/2015-03-02/…`, `/20150302/…`.
    public static func parseURLPath(_ url: String) -> Stamp? {
        let segments = url.split(separator: "?").first.map { $0.split(separator: "/").map(String.init) } ?? []
        func stamp(_ y: Int?, _ m: Int?, _ d: Int?) -> Stamp? {
            guard let y, let m, let d, (1995...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
            return Stamp(year: y, month: m, day: d, hour: 0, minute: 0, second: 0, hasTime: false, offsetMinutes: 420)
        }
        let first = segments.first?.hasSuffix(":") == true ? 2 : 0
        for k in segments.indices.dropFirst(first) {
            let s = segments[k]
            if s.count == 4, k + 2 < segments.count, segments[k + 1].count <= 2, segments[k + 2].count <= 2,
               let found = stamp(Int(s), Int(segments[k + 1]), Int(segments[k + 2])) {
                return found
            }
            let parts = s.split(separator: "-")
            if parts.count == 3, parts[0].count == 4, let found = stamp(Int(parts[0]), Int(parts[1]), Int(parts[2])) {
                return found
            }
            if s.count == 8, s.allSatisfy(\.isNumber), let v = Int(s),
               let found = stamp(v / 10000, v / 100 % 100, v % 100) {
                return found
            }
        }
        return nil
    }

    /// Adds a following `10:15`, `pukul 10.15`, `| 14:56 WIB` to `stamp`.
    static func withTime(_ stamp: Stamp, _ words: DateWords, from: Int) -> Stamp {
        var s = stamp
        var k = from
        var skipped = 0
        while k < words.count, skipped < 3 {
            if words.lowercased(k, is: "pukul") || words.lowercased(k, is: "jam") || words.isByte(k, 0x7C) || words.isByte(k, 0x2C) {
                k += 1; skipped += 1; continue
            }
            let hm = words.parts(k) { $0 == 0x3A || $0 == 0x2E }
            // Parts read as numbers are ASCII digits: their bytes are their characters.
            if hm.count >= 2, hm.count <= 3, let h = words.int(hm[0]), let m = words.int(hm[1]), hm[0].count <= 2, hm[1].count == 2,
               h < 24, m < 60 {
                s.hour = h; s.minute = m; s.hasTime = true
                if hm.count == 3, let sec = words.int(hm[2]), sec < 60 { s.second = sec }
                var next = k + 1
                // "09:30 pm", "12:10 AM"
                if next < words.count, h <= 12 {
                    if words.lowercased(next, is: "pm") { s.hour = h == 12 ? 12 : h + 12; next += 1 }
                    else if words.lowercased(next, is: "am") { s.hour = h == 12 ? 0 : h; next += 1 }
                }
                if next < words.count, let z = zones.first(where: { words.lowercased(next, is: $0.key) })?.value { s.offsetMinutes = z }
                return s
            }
            break
        }
        return s
    }

    /// Words of `s`: runs of letters, digits and the separators inside dates and times, each
    /// without leading dots and dashes or trailing dots, dashes and colons; `|` and `,` are
    /// words of their own. Read on UTF-8 bytes: only a non-ASCII scalar asks whether it is a
    /// letter or a number.
    static func tokens(_ s: String) -> [String] {
        var s = s
        return s.withUTF8 { bytes in wordRanges(bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) } }
    }

    /// The byte ranges of the words ``tokens(_:)`` gives of the valid UTF-8 `bytes`.
    static func wordRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        // Room for the words of a window at once (a word takes four bytes or more with its space).
        out.reserveCapacity(bytes.count / 4 + 2)
        // The current word is `bytes[start..<i]` (every byte since its start belongs to it).
        var start = -1
        func flush(_ end: Int) {
            var a = start, z = end
            while z > a, bytes[z - 1] == 0x2E || bytes[z - 1] == 0x2D || bytes[z - 1] == 0x3A { z -= 1 }
            while a < z, bytes[a] == 0x2E || bytes[a] == 0x2D { a += 1 }
            if a < z { out.append(a..<z) }
            start = -1
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            var width = 1, wordy: Bool
            if b < 0x80 {
                wordy = (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
            } else {
                // Valid UTF-8: the decoder always answers.
                let (v, length) = UTF8Decoder.decode(bytes, i) ?? (0xFFFD, 1)
                let u = Unicode.Scalar(v) ?? "\u{FFFD}"
                width = length
                wordy = Character(u).isLetter || Character(u).isNumber
            }
            if wordy || ((b == 0x2F || b == 0x3A || b == 0x2E || b == 0x2D) && start >= 0) {
                if start < 0 { start = i }
            } else {
                if start >= 0 { flush(i) }
                if b == 0x7C || b == 0x2C { out.append(i..<i + 1) }
            }
            i += width
        }
        if start >= 0 { flush(bytes.count) }
        return out
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

/// The words of a date's text (``DateParser/wordRanges(_:)``) read in place, as the parser asks
/// about them: a number, a month name, a byte, a word in lower case.
struct DateWords {
    let bytes: UnsafeBufferPointer<UInt8>
    let ranges: [Range<Int>]
    var count: Int { ranges.count }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        ranges = DateParser.wordRanges(bytes)
    }

    /// Whether word `k` opens with an ASCII digit.
    func isDigitFirst(_ k: Int) -> Bool { bytes[ranges[k].lowerBound] &- 0x30 < 10 }

    /// Whether word `k` is the one byte `b`.
    func isByte(_ k: Int, _ b: UInt8) -> Bool { ranges[k].count == 1 && bytes[ranges[k].lowerBound] == b }

    /// Whether word `k` holds byte `b`.
    func contains(_ k: Int, _ b: UInt8) -> Bool { ranges[k].contains { bytes[$0] == b } }

    /// Word `k` as `Int(String)` reads it: ASCII digits only (a word holds no sign), nil past `Int.max`.
    func int(_ k: Int) -> Int? { int(ranges[k]) }

    /// The bytes `range` as `Int(String)` reads them.
    func int(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        var v = 0
        for i in range {
            let d = bytes[i] &- 0x30
            guard d < 10 else { return nil }
            let (times, o1) = v.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(d))
            guard !o1, !o2 else { return nil }
            v = sum
        }
        return v
    }

    /// The month word `k` names (`Mei`, `okt.`): only words of three to nine bytes that open
    /// with an ASCII letter are looked up, as no month name is otherwise (and the table's keys are
    /// lower-case ASCII, matched in any case).
    func month(_ k: Int) -> Int? {
        let r = ranges[k]
        guard (3...9).contains(r.count), (bytes[r.lowerBound] | 0x20) &- 0x61 < 26 else { return nil }
        return DateParser.monthNames.value(UnsafeBufferPointer(rebasing: bytes[r]), lowercase: true).map(Int.init)
    }

    /// The parts of word `k` between the bytes `isSeparator` accepts, empty ones left out (as
    /// `split` leaves them out; a word holds no combining mark, so its characters split where its bytes do).
    func parts(_ k: Int, _ isSeparator: (UInt8) -> Bool) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = ranges[k].lowerBound
        for i in ranges[k] where isSeparator(bytes[i]) {
            if i > start { out.append(start..<i) }
            start = i + 1
        }
        if ranges[k].upperBound > start { out.append(start..<ranges[k].upperBound) }
        return out
    }

    /// Whether `String.lowercased()` of word `k` is `lower` (lower-case ASCII): compared byte by
    /// byte for an ASCII word; a word with other characters goes through `lowercased()` (the
    /// Kelvin sign lower-cases to `k`).
    func lowercased(_ k: Int, is lower: String) -> Bool {
        let word = UnsafeBufferPointer(rebasing: bytes[ranges[k]])
        guard word.allSatisfy({ $0 < 0x80 }) else { return String(decoding: word, as: UTF8.self).lowercased() == lower }
        return word.count == lower.utf8.count && zip(word, lower.utf8).allSatisfy { a, b in a &- 0x41 < 26 ? a | 0x20 == b : a == b }
    }
}
