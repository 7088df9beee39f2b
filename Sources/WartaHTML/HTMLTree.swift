import CLibXML2Shim
import WartaText

/// The HTML elements extraction cares about; the rest are `.other`.
public enum Tag: UInt8, Sendable, CaseIterable {
    case other, html, head, body, title, meta, link, script, style, noscript, iframe, svg, form, button
    case select, input, textarea, nav, footer, header, aside, template, p, div, span, a, br
    case h1, h2, h3, h4, h5, h6, article, section, main, figure, figcaption, img, blockquote
    case ul, ol, li, table, tbody, tr, td, th, time, strong, b, em, i, pre, hr, label, option
    case video, audio, canvas, object, embed, picture, source, caption, center, font, u, small, dl, dt, dd

    /// Whether the element starts a new block of text.
    public var isBlock: Bool {
        switch self {
        case .p, .div, .h1, .h2, .h3, .h4, .h5, .h6, .article, .section, .main, .blockquote, .ul, .ol, .li,
             .table, .tbody, .tr, .td, .th, .pre, .hr, .figure, .figcaption, .header, .footer, .nav, .aside,
             .center, .dl, .dt, .dd, .form, .caption, .body, .html:
            return true
        default:
            return false
        }
    }

    /// Whether nothing inside the element is ever article text.
    public var isNeverContent: Bool {
        switch self {
        case .script, .style, .noscript, .iframe, .svg, .form, .button, .select, .input, .textarea, .template,
             .nav, .option, .video, .audio, .canvas, .object, .embed, .head, .label:
            return true
        default:
            return false
        }
    }

    static let byName: ByteStringTable = ByteStringTable(Tag.allCases.dropFirst().map {
        (Array(String(describing: $0).utf8), Int32($0.rawValue))
    })
}

/// The attributes extraction reads; others are dropped while the tree is built.
public enum Attribute: UInt8, Sendable, CaseIterable {
    case `class`, id, itemprop, itemtype, property, name, content, href, rel, datetime, src, alt, lang, type, dataSrc, title

    var htmlName: String { self == .dataSrc ? "data-src" : String(describing: self) }

    static let byName: ByteStringTable = ByteStringTable(Attribute.allCases.map {
        (Array($0.htmlName.utf8), Int32($0.rawValue))
    })
}

/// A parsed page flattened into arrays in document order: node `i`'s subtree is the index
/// range `i..<subtreeEnd[i]`, so a subtree is walked without pointers or recursion.
public struct HTMLTree: Sendable {
    /// Whether each node is text (else an element).
    public internal(set) var isText: [Bool] = []
    /// Each element's tag (`.other` for text).
    public internal(set) var tags: [Tag] = []
    /// Each node's parent (-1 for the root).
    public internal(set) var parents: [Int32] = []
    /// One past the last node of each node's subtree.
    public internal(set) var subtreeEnd: [Int32] = []
    /// Text nodes: their byte range in `arena`.
    var textRange: [Range<Int32>] = []
    /// Elements: the range of their attributes in `attributeNames`/`attributeValues`.
    var attributeRange: [Range<Int32>] = []
    var attributeNames: [Attribute] = []
    var attributeValues: [Range<Int32>] = []
    /// UTF-8 of all text and attribute values.
    public internal(set) var arena: [UInt8] = []

    /// Number of nodes.
    public var count: Int { tags.count }

    /// Parses UTF-8 HTML (or bytes in `encoding`, which libxml2 decodes) into a tree.
    /// Returns nil when libxml2 finds no root element.
    public init?(html: [UInt8], encoding: String? = nil) {
        HTMLTree.initializeOnce
        let doc: OpaquePointer? = html.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { c in
                chtml_parse(c.baseAddress, Int32(clamping: c.count), encoding ?? "UTF-8")
            }
        }
        guard let doc else { return nil }
        defer { chtml_free_doc(doc) }
        guard let root = chtml_root(doc) else { return nil }
        arena.reserveCapacity(html.count / 2)
        build(root)
    }

    private static let initializeOnce: Void = { chtml_init() }()

    private mutating func build(_ root: OpaquePointer) {
        // Iterative pre-order walk (a page nested 10,000 deep must not overflow the stack):
        // each entry is a libxml2 node and the index of its parent here.
        var stack: [(OpaquePointer, Int32)] = [(root, -1)]
        while let (node, parent) = stack.popLast() {
            let type = chtml_type(node)
            let index = Int32(tags.count)
            if type == CHTML_TEXT || type == CHTML_CDATA {
                guard let content = chtml_content(node) else { continue }
                let start = Int32(arena.count)
                var q = content
                while q.pointee != 0 { arena.append(UInt8(bitPattern: q.pointee)); q += 1 }
                isText.append(true); tags.append(.other); parents.append(parent)
                subtreeEnd.append(index + 1)
                textRange.append(start..<Int32(arena.count)); attributeRange.append(0..<0)
                closeAncestors(parent, end: index + 1)
                continue
            }
            guard type == CHTML_ELEMENT, let name = chtml_name(node) else { continue }
            let tag = tagOf(name)
            isText.append(false); tags.append(tag); parents.append(parent)
            subtreeEnd.append(index + 1)
            textRange.append(0..<0)
            let attrStart = Int32(attributeNames.count)
            var attr = chtml_attr_first(node)
            while let a = attr {
                if let n = chtml_attr_name(a), let v = chtml_attr_value(a), let code = attributeOf(n) {
                    let start = Int32(arena.count)
                    var q = v
                    while q.pointee != 0 { arena.append(UInt8(bitPattern: q.pointee)); q += 1 }
                    attributeNames.append(code)
                    attributeValues.append(start..<Int32(arena.count))
                }
                attr = chtml_attr_next(a)
            }
            attributeRange.append(attrStart..<Int32(attributeNames.count))
            closeAncestors(parent, end: index + 1)
            // Scripts (except JSON-LD) and styles are never read: skip their text.
            if tag == .style || tag == .script && !isJSONLD(Int(index)) { continue }
            // Children, pushed in reverse so they pop in document order.
            let first = stack.count
            var child = chtml_first_child(node)
            while let c = child { stack.append((c, index)); child = chtml_next(c) }
            stack[first...].reverse()
        }
    }

    /// Extends the subtree end of `parent` and its ancestors to cover a new node.
    private mutating func closeAncestors(_ parent: Int32, end: Int32) {
        var p = parent
        while p >= 0, subtreeEnd[Int(p)] < end {
            subtreeEnd[Int(p)] = end
            p = parents[Int(p)]
        }
    }

    private func isJSONLD(_ i: Int) -> Bool {
        guard let type = attributeBytes(.type, of: i) else { return false }
        return String(decoding: type, as: UTF8.self).lowercased().contains("ld+json")
    }

    private func tagOf(_ name: UnsafePointer<CChar>) -> Tag {
        let len = strlen(name)
        return name.withMemoryRebound(to: UInt8.self, capacity: len) { p in
            Tag.byName.value(UnsafeBufferPointer(start: p, count: len), lowercase: true)
                .flatMap { Tag(rawValue: UInt8($0)) } ?? .other
        }
    }

    private func attributeOf(_ name: UnsafePointer<CChar>) -> Attribute? {
        let len = strlen(name)
        return name.withMemoryRebound(to: UInt8.self, capacity: len) { p in
            Attribute.byName.value(UnsafeBufferPointer(start: p, count: len), lowercase: true)
                .flatMap { Attribute(rawValue: UInt8($0)) }
        }
    }

    // MARK: Reading

    /// The text of text node `i` (raw, whitespace as in the page).
    public func text(_ i: Int) -> String {
        String(decoding: arena[Int(textRange[i].lowerBound)..<Int(textRange[i].upperBound)], as: UTF8.self)
    }

    /// The raw bytes of text node `i`.
    func textBytes(_ i: Int) -> ArraySlice<UInt8> {
        arena[Int(textRange[i].lowerBound)..<Int(textRange[i].upperBound)]
    }

    /// The value of attribute `a` on element `i`.
    public func attribute(_ a: Attribute, of i: Int) -> String? {
        for k in Int(attributeRange[i].lowerBound)..<Int(attributeRange[i].upperBound) where attributeNames[k] == a {
            let r = attributeValues[k]
            return String(decoding: arena[Int(r.lowerBound)..<Int(r.upperBound)], as: UTF8.self)
        }
        return nil
    }

    /// The raw value bytes of attribute `a` on element `i`.
    public func attributeBytes(_ a: Attribute, of i: Int) -> ArraySlice<UInt8>? {
        for k in Int(attributeRange[i].lowerBound)..<Int(attributeRange[i].upperBound) where attributeNames[k] == a {
            let r = attributeValues[k]
            return arena[Int(r.lowerBound)..<Int(r.upperBound)]
        }
        return nil
    }

    /// All text in the subtree of node `i`, with spaces between blocks.
    public func innerText(_ i: Int) -> String {
        var out: [UInt8] = []
        for k in i..<Int(subtreeEnd[i]) {
            if isText[k] { out.append(contentsOf: textBytes(k)) } else if tags[k].isBlock || tags[k] == .br {
                out.append(0x20)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The children of node `i`.
    public func children(_ i: Int) -> [Int] {
        var out: [Int] = []
        var k = i + 1
        while k < Int(subtreeEnd[i]) { out.append(k); k = Int(subtreeEnd[k]) }
        return out
    }

    /// Indices of the elements with tag `tag`, in document order.
    public func elements(_ tag: Tag) -> [Int] {
        (0..<count).filter { !isText[$0] && tags[$0] == tag }
    }
}

#if canImport(Glibc)
import Glibc
#endif
