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

    /// Why the parser stopped before the end of the page, when it did: the text after that
    /// point is missing from the tree.
    public internal(set) var textLoss: TextLoss?

    /// Parses UTF-8 HTML (or bytes in `encoding`, which libxml2 decodes) into a tree, with
    /// libxml2's depth and size limits lifted. Returns nil when libxml2 finds no root element
    /// (a parser that stopped at a limit gives a tree with ``textLoss`` set instead).
    public init?(html: [UInt8], encoding: String? = nil) {
        self.init(html: html, encoding: encoding, liftLimits: true)
    }

    /// Parses with libxml2's limits lifted or not (tests reach the limits without huge pages).
    init?(html: [UInt8], encoding: String?, liftLimits: Bool) {
        HTMLTree.initializeOnce
        var status: Int32 = CHTML_PARSED
        let doc = chtml_parse(html, Int32(clamping: html.count), encoding ?? "UTF-8", liftLimits ? 1 : 0, &status)
        if status != CHTML_PARSED || html.count > Int(Int32.max) {
            textLoss = status == CHTML_TOO_DEEP ? .tooDeep : .tooLarge
        }
        // A parser stopped before the first element still gives an (empty) tree with its loss.
        guard let doc else { if textLoss == nil { return nil }; return }
        defer { chtml_free_doc(doc) }
        guard let root = chtml_root(doc) else { if textLoss == nil { return nil }; return }
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
                let text = appendToArena(content)
                isText.append(true); tags.append(.other); parents.append(parent)
                subtreeEnd.append(index + 1)
                textRange.append(text); attributeRange.append(0..<0)
                continue
            }
            guard type == CHTML_ELEMENT, let name = chtml_name(node) else { continue }
            let tag = Tag.byName.value(cString: name, lowercase: true).flatMap { Tag(rawValue: UInt8($0)) } ?? .other
            isText.append(false); tags.append(tag); parents.append(parent)
            subtreeEnd.append(index + 1)
            textRange.append(0..<0)
            let attrStart = Int32(attributeNames.count)
            var attr = chtml_attr_first(node)
            while let a = attr {
                if let n = chtml_attr_name(a), let v = chtml_attr_value(a), let code = Attribute.byName.value(cString: n, lowercase: true).flatMap({ Attribute(rawValue: UInt8($0)) }) {
                    attributeNames.append(code)
                    attributeValues.append(appendToArena(v))
                }
                attr = chtml_attr_next(a)
            }
            attributeRange.append(attrStart..<Int32(attributeNames.count))
            // Scripts (except JSON-LD) and styles are never read: skip their text.
            if tag == .style || tag == .script && !isJSONLD(Int(index)) { continue }
            // Children, pushed in reverse so they pop in document order.
            let first = stack.count
            var child = chtml_first_child(node)
            while let c = child { stack.append((c, index)); child = chtml_next(c) }
            stack[first...].reverse()
        }
        closeSubtrees()
    }

    /// Appends the bytes of the C string `p` (without its NUL) to ``arena`` in one copy: their range.
    private mutating func appendToArena(_ p: UnsafePointer<CChar>) -> Range<Int32> {
        let start = Int32(arena.count), count = strlen(p)
        p.withMemoryRebound(to: UInt8.self, capacity: count) { arena.append(contentsOf: UnsafeBufferPointer(start: $0, count: count)) }
        return start..<Int32(arena.count)
    }

    /// Extends each subtree's end over its descendants: children come after their parent in
    /// pre-order, so one backward pass suffices (linear even for a page nested 200,000 deep).
    private mutating func closeSubtrees() {
        for i in stride(from: count - 1, through: 0, by: -1) {
            let p = Int(parents[i])
            if p >= 0, subtreeEnd[p] < subtreeEnd[i] { subtreeEnd[p] = subtreeEnd[i] }
        }
    }

    private func isJSONLD(_ i: Int) -> Bool {
        guard let type = attributeBytes(.type, of: i) else { return false }
        return String(decoding: type, as: UTF8.self).lowercased().containsBytes("ld+json")
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
