import Testing
@testable import WartaEntities
import WartaText

@Suite("Lexicon key table")
struct LexiconKeyTableTests {
    /// Keys of every length from 0 to 40 bytes (and one of 70,000), with values that carry the
    /// prefix bit or not, and the rule each value is given.
    static func source() -> ByteStringTable {
        var entries: [([UInt8], Int32)] = []
        for n in 0...40 {
            for variant in 0..<5 {
                let key = (0..<n).map { UInt8(0x61 + ($0 * 7 + variant * 3) % 26) }
                entries.append((key, Int32(entries.count + 1) | (variant == 2 ? EntityLexicon.Slot.longer : 0)))
            }
        }
        entries.append(([UInt8](repeating: 0x62, count: 70_000), Int32(entries.count + 1)))
        entries.append((Array("kota".utf8), EntityLexicon.Slot.longer))
        return ByteStringTable(entries)
    }

    static func rule(_ value: Int32) -> LexiconKeyTable.Rule {
        LexiconKeyTable.Rule(policy: CasePolicy(rawValue: UInt8(value % 5)) ?? .any, tokenCount: Int(value & EntityLexicon.Slot.entryMask) * 401)
    }

    @Test func everyKeyGivesItsValueAndRule() {
        let source = LexiconKeyTableTests.source()
        let table = LexiconKeyTable(source, entryLimit: 1_000, rule: LexiconKeyTableTests.rule)
        #expect(table.count == source.count)
        var checked = 0
        source.forEachKey { key in
            let hit = table.value(key)
            #expect(hit?.value == source.value(key))
            #expect(hit?.rule == source.value(key).map(LexiconKeyTableTests.rule))
            checked += 1
        }
        #expect(checked == source.count)
        let kota = table.value(Array("kota".utf8))
        #expect(kota?.value == EntityLexicon.Slot.longer)
        #expect(kota?.rule.tokenCount == 0)
    }

    @Test func absentKeysAreNil() {
        let table = LexiconKeyTable(LexiconKeyTableTests.source(), entryLimit: 1_000, rule: LexiconKeyTableTests.rule)
        for key in ["kot", "kotaa", "Kota", "semarang", "kota semarang"] { #expect(table.value(Array(key.utf8)) == nil, "\(key)") }
        #expect(table.value([UInt8](repeating: 0x62, count: 69_999)) == nil)
        #expect(table.value([UInt8](repeating: 0x62, count: 70_000)) != nil)
    }

    @Test func rulesHoldPolicyAndCountUpToTheLimit() {
        let rule = LexiconKeyTable.Rule(policy: .cued, tokenCount: 3)
        #expect(rule.policy == .cued && rule.tokenCount == 3)
        #expect(LexiconKeyTable.Rule(policy: .sentence, tokenCount: 2) == LexiconKeyTable.Rule(bits: 4 << 13 | 2))
        #expect(LexiconKeyTable.Rule(policy: .sentence, tokenCount: LexiconKeyTable.Rule.countLimit - 1).policy == .sentence)
        #expect(LexiconKeyTable.Rule(policy: .upper, tokenCount: LexiconKeyTable.Rule.countLimit - 1).tokenCount == LexiconKeyTable.Rule.countLimit - 1)
        // More tokens than a rule holds: the lexicon reads the count from its columns.
        #expect(LexiconKeyTable.Rule(policy: .any, tokenCount: 70_000).tokenCount == nil)
        #expect(LexiconKeyTable.Rule(policy: .any, tokenCount: 70_000).policy == .any)
    }

    @Test func valuesAboveTheEntryLimitAreNoKey() {
        let source = ByteStringTable([(Array("a".utf8), Int32(5)), (Array("b".utf8), 6 | EntityLexicon.Slot.longer)])
        let table = LexiconKeyTable(source, entryLimit: 5, rule: { _ in LexiconKeyTable.Rule(bits: 0) })
        #expect(table.value(Array("a".utf8))?.value == 5)
        #expect(table.value(Array("b".utf8)) == nil)
    }

    @Test func imagesRoundTripAndDamageNeverCrashes() throws {
        let table = LexiconKeyTable(LexiconKeyTableTests.source(), entryLimit: 1_000, rule: LexiconKeyTableTests.rule)
        var writer = BinaryImageWriter()
        table.write(to: &writer)
        let image = writer.bytes
        let loaded = try #require(image.withUnsafeBytes { bytes -> LexiconKeyTable? in
            var reader = BinaryImageReader(bytes)
            return LexiconKeyTable(reading: &reader, entryLimit: 1_000)
        })
        LexiconKeyTableTests.source().forEachKey { key in
            #expect(loaded.value(key)?.value == table.value(key)?.value)
            #expect(loaded.value(key)?.rule == table.value(key)?.rule)
        }
        for cut in [0, 8, 100, image.count / 2, image.count - 1] {
            let partial = Array(image[0..<cut]).withUnsafeBytes { bytes -> LexiconKeyTable? in
                var reader = BinaryImageReader(bytes)
                return LexiconKeyTable(reading: &reader, entryLimit: 1_000)
            }
            #expect(partial == nil, "cut at \(cut)")
        }
        // Damaged records (the slots intact) are read within the table and give no wrong value.
        var damaged = image
        for i in stride(from: image.count - 70_500, to: image.count, by: 3) { damaged[i] = UInt8(truncatingIfNeeded: i) }
        damaged.withUnsafeBytes { bytes in
            var reader = BinaryImageReader(bytes)
            guard let broken = LexiconKeyTable(reading: &reader, entryLimit: 1_000) else { return }
            LexiconKeyTableTests.source().forEachKey { key in
                if let value = broken.value(key)?.value { #expect(value >= 0 && value & EntityLexicon.Slot.entryMask <= 1_000) }
            }
        }
    }

    /// The table's image with its slots changed by `edit` (the count and records as written).
    static func image(_ table: LexiconKeyTable, slots edit: (inout [UInt32]) -> Void) throws -> [UInt8] {
        var writer = BinaryImageWriter()
        table.write(to: &writer)
        let (count, slots, words) = try #require(writer.bytes.withUnsafeBytes { bytes -> (Int64, [UInt32], [UInt32])? in
            var reader = BinaryImageReader(bytes)
            guard let count = reader.read(Int64.self), let slots = reader.readArray(UInt32.self),
                  let words = reader.readArray(UInt32.self) else { return nil }
            return (count, slots, words)
        })
        var edited = slots
        edit(&edited)
        var out = BinaryImageWriter()
        out.write(count); out.write(edited); out.write(words)
        return out.bytes
    }

    /// Whether `image` loads as a table (a failed expectation then prints no whole table).
    static func loads(_ image: [UInt8]) -> Bool {
        image.withUnsafeBytes { bytes in
            var reader = BinaryImageReader(bytes)
            return LexiconKeyTable(reading: &reader, entryLimit: 1_000) != nil
        }
    }

    /// A damaged cache image is rejected at load (and compiled again by the cache), not read
    /// as wrong matches: a slot pointing past the records, a used slot cleared, a slot added.
    @Test func damagedSlotsAreRejectedAtLoad() throws {
        let table = LexiconKeyTable(LexiconKeyTableTests.source(), entryLimit: 1_000, rule: LexiconKeyTableTests.rule)
        #expect(LexiconKeyTableTests.loads(try LexiconKeyTableTests.image(table) { _ in }))
        let used = { (slots: [UInt32]) in slots.firstIndex { $0 != 0 }! }
        let free = { (slots: [UInt32]) in slots.firstIndex { $0 == 0 }! }
        let past = try LexiconKeyTableTests.image(table) { $0[used($0)] |= (1 << 20) - 1 }
        let cleared = try LexiconKeyTableTests.image(table) { $0[used($0)] = 0 }
        let added = try LexiconKeyTableTests.image(table) { $0[free($0)] = 1 }
        #expect(!LexiconKeyTableTests.loads(past))
        #expect(!LexiconKeyTableTests.loads(cleared))
        #expect(!LexiconKeyTableTests.loads(added))
    }
}

extension LexiconKeyTable {
    /// The value of the bytes `key` (for tests).
    func value(_ key: [UInt8]) -> Hit? { key.withUnsafeBufferPointer { value($0) } }
}
