/// What a page is.
public enum PageType: String, Sendable {
    /// One article.
    case article
    /// A photo story: its captions are its text.
    case photo
    /// A video page: its description is its text.
    case video
    /// A home, section or tag page: mostly links to articles.
    case index
    /// Anything else (no article body found).
    case other
}

/// Why part of a page's text could not be read: the parser stopped at one of its limits.
/// A record with a text loss is an error, never `ok` over missing text.
public enum TextLoss: String, Sendable, Equatable {
    /// The page nests elements deeper than the parser follows.
    case tooDeep = "too_deep"
    /// A text, attribute or the page is larger than the parser reads.
    case tooLarge = "too_large"
}

/// A page's dateline: `SEMARANG (Sigi Jateng) –`, `JAKARTA, KOMPAS.com -`.
public struct Dateline: Sendable, Equatable {
    /// The place, as written (`SEMARANG`, `Mataram, NTB`), if any.
    public var place: String?
    /// The publisher credit (`Sigi Jateng`, `KOMPAS.com`), if any.
    public var publisher: String?
    /// The dateline text including its dash, as it stands at the start of the body.
    public var text: String
}

/// A link: its text and address.
public struct Link: Sendable, Equatable {
    /// The link text.
    public var title: String
    /// The address, as written in the page.
    public var url: String
}

/// The lead image.
public struct LeadImage: Sendable, Equatable {
    /// The image address.
    public var url: String?
    /// Its caption, kept out of the body.
    public var caption: String?
}

/// Where a page sits in a multi-page article.
public struct Pagination: Sendable, Equatable {
    /// This page's number (1 for the first).
    public var number: Int
    /// The number of pages, when the page says.
    public var of: Int?
    /// The next page's address.
    public var nextURL: String?
}

/// The article a reader sees on a page, with the metadata a newsroom database needs.
public struct Article: Sendable {
    /// What the page is; an index page has no body. Photo and video pages keep their text.
    public var pageType: PageType = .other
    /// The body, paragraph by paragraph, without boilerplate.
    public var paragraphs: [String] = []
    /// The headline.
    public var title: String?
    /// The canonical address, when stated.
    public var url: String?
    /// The site's name.
    public var siteName: String?
    /// The section (`Nasional`, `Jawa Tengah`).
    public var section: String?
    /// Topic tags.
    public var tags: [String] = []
    /// The body's language, ISO 639-1 (`id`, `ms`, `en`, `jv`, `su`…), told by
    /// `LanguageDetector` (WartaText) from the text (the page's declared language is only a hint); nil
    /// when there is too little text to tell.
    public var language: String?
    /// Publication time, ISO 8601 with the page's offset.
    public var published: String?
    /// Last modification time, ISO 8601.
    public var modified: String?
    /// The writers.
    public var authors: [String] = []
    /// The editors.
    public var editors: [String] = []
    /// The dateline at the start of the body.
    public var dateline: Dateline?
    /// The lead image.
    public var image: LeadImage?
    /// Related articles linked from inside the body ("Baca juga").
    public var related: [Link] = []
    /// Editor initials closing the body, such as `vyp/kna`.
    public var bylineInitials: String?
    /// Pagination of a multi-page article.
    public var page: Pagination?
    /// A credit line such as "Source: news.google.com".
    public var sourceCredit: String?
    /// The charset the page was read in, and how it was chosen.
    public var charset: String = "utf-8"
    /// `caller`, `bom`, `meta` or `sniffed`.
    public var charsetSource: String = "sniffed"
    /// Bytes that were invalid in the page's charset (or NUL) and became U+FFFD.
    public var replacedBytes = 0
    /// Set when the parser stopped before the end of the page: the text is incomplete and the
    /// record must be an error (`too_deep`, `too_large`).
    public var textLoss: TextLoss?

    /// Creates an empty article.
    public init() {}

    /// The body as text: paragraphs separated by blank lines.
    public var bodyText: String { paragraphs.joined(separator: "\n\n") }
}
